//! A number a program stored as text in a .docx property, read as
//! `s.parse::<f64>()` followed by an `as` cast to an integer would read it,
//! without linking the standard float parser: its table of powers of five
//! alone is 10 KB of wasm data that hardly compresses, for two properties.
//!
//! Only what the casts can see is computed: whether the value is NaN, its
//! sign, whether it rounds to zero, and the integer part of the f64 it
//! rounds to (round to nearest, ties to even, as the parser does) — decided
//! with exact decimal comparisons, so no digit is ever lost to rounding.

use std::cmp::Ordering;

/// What `str::parse::<f64>` gives, as far as an integer cast can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Float {
    Nan,
    Num {
        negative: bool,
        /// The f64 is ±0.0.
        zero: bool,
        /// The integer part of the f64's magnitude; `u128::MAX` for infinity
        /// or anything of 2^64 or more.
        int: u128,
    },
}

impl Float {
    /// `f as i32`.
    pub fn as_i32(self) -> i32 {
        match self {
            Float::Nan => 0,
            Float::Num { negative: false, int, .. } => int.min(i32::MAX as u128) as i32,
            Float::Num { negative: true, int, .. } => {
                if int >= 1 << 31 {
                    i32::MIN
                } else {
                    -(int as i64) as i32
                }
            }
        }
    }

    /// `Some(f).filter(|f| *f >= 0.0).map(|f| f as u64)`.
    pub fn non_negative_as_u64(self) -> Option<u64> {
        match self {
            Float::Num { negative, zero, int } if !negative || zero => Some(int.min(u64::MAX as u128) as u64),
            _ => None,
        }
    }
}

/// `s.parse::<f64>()`, as a [`Float`]. Accepts what the standard parser
/// accepts: an optional sign, then `inf`, `infinity` or `nan` (any case),
/// or digits with an optional `.` and fraction (at least one digit in all)
/// and an optional exponent (`e`/`E`, optional sign, digits).
pub fn parse(s: &str) -> Option<Float> {
    let b = s.as_bytes();
    let (negative, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let word = |w: &str| b.eq_ignore_ascii_case(w.as_bytes());
    if word("nan") {
        return Some(Float::Nan);
    }
    if word("inf") || word("infinity") {
        return Some(Float::Num { negative, zero: false, int: u128::MAX });
    }
    let digits_at = |from: usize| b.get(from..).unwrap_or(&[]).iter().take_while(|c| c.is_ascii_digit()).count();
    let int_len = digits_at(0);
    let mut at = int_len;
    let mut frac_len = 0;
    if b.get(at) == Some(&b'.') {
        frac_len = digits_at(at + 1);
        at += 1 + frac_len;
    }
    if int_len + frac_len == 0 {
        return None;
    }
    let mut exp: i64 = 0;
    if matches!(b.get(at), Some(b'e' | b'E')) {
        at += 1;
        let exp_negative = match b.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let n = digits_at(at);
        if n == 0 {
            return None;
        }
        for &c in &b[at..at + n] {
            // Saturating: anything past a million decimal places is zero
            // or infinite either way.
            exp = (exp * 10 + i64::from(c - b'0')).min(1_000_000_000);
        }
        at += n;
        if exp_negative {
            exp = -exp;
        }
    }
    if at != b.len() {
        return None;
    }
    // All the digits, the integer part's then the fraction's; the value is
    // 0.D × 10^point with D the digits from the first non-zero one.
    let frac_part = if frac_len > 0 { &b[int_len + 1..int_len + 1 + frac_len] } else { &[][..] };
    let all: Vec<u8> = b[..int_len].iter().chain(frac_part).map(|c| c - b'0').collect();
    let lead = all.iter().take_while(|&&d| d == 0).count();
    let mut digits = &all[lead..];
    while digits.last() == Some(&0) {
        digits = &digits[..digits.len() - 1];
    }
    if digits.is_empty() {
        return Some(Float::Num { negative, zero: true, int: 0 });
    }
    let point = int_len as i64 - lead as i64 + exp;
    let (zero, int) = magnitude(digits, point);
    Some(Float::Num { negative, zero, int })
}

/// Of the f64 nearest 0.`digits` × 10^`point` (`digits` non-empty, first
/// and last not zero): whether it is zero, and its integer part.
fn magnitude(digits: &[u8], point: i64) -> (bool, u128) {
    if point > 38 {
        // At least 10^38: far past 2^64.
        return (false, u128::MAX);
    }
    if point <= -324 {
        // Under 10^-324, below half the smallest subnormal (2^-1074).
        return (true, 0);
    }
    // The integer part I and the fraction's digits.
    let (int_digits, frac): (Vec<u8>, Vec<u8>) = if point >= 0 {
        let p = point as usize;
        let mut int: Vec<u8> = digits.iter().take(p).copied().collect();
        int.resize(p, 0);
        (int, digits.iter().skip(p).copied().collect())
    } else {
        (Vec::new(), std::iter::repeat_n(0, (-point) as usize).chain(digits.iter().copied()).collect())
    };
    let int = int_digits.iter().fold(0u128, |n, &d| n * 10 + u128::from(d));
    let frac_nonzero = frac.iter().any(|&d| d != 0);
    if int == 0 {
        // Zero when at most 2^-1075 (a tie goes to the even zero); 1.0 when
        // at least 1 - 2^-54 (a tie goes to the even 1.0).
        // (At 10^-323 and more the value is far above 2^-1075 ≈ 2.5 × 10^-324;
        // under 0.1 far below 1 - 2^-54: the long comparisons only where
        // they can decide.)
        let zero = point <= -323 && cmp_frac(&frac, &two_to_minus(1075)) != Ordering::Greater;
        let up = point == 0 && cmp_frac(&frac, &one_minus_two_to_minus(54)) != Ordering::Less;
        return (zero, u128::from(up));
    }
    if int >= 1 << 64 {
        return (false, int);
    }
    let k = 127 - int.leading_zeros() as i64; // 2^k <= I < 2^(k+1)
    let rounded = if k >= 53 {
        // The f64s here are multiples of 2^(k-52) >= 2.
        let ulp = 1u128 << (k - 52);
        let (r, half) = (int & (ulp - 1), ulp / 2);
        let up = match r.cmp(&half) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => frac_nonzero || (int >> (k - 52)) & 1 == 1,
        };
        int - r + if up { ulp } else { 0 }
    } else if k == 52 {
        // Integers: the fraction against one half, a tie to the even one.
        let up = match cmp_frac(&frac, &[5]) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => int & 1 == 1,
        };
        int + u128::from(up)
    } else {
        // The f64s are 2^(k-52) apart, so the integer part moves up only
        // when the fraction is at least 1 - 2^(k-53) (a tie goes to I + 1,
        // whose mantissa is even).
        int + u128::from(cmp_frac(&frac, &one_minus_two_to_minus((53 - k) as usize)) != Ordering::Less)
    };
    (false, rounded)
}

/// Two fractions' digits after the point, compared.
fn cmp_frac(a: &[u8], b: &[u8]) -> Ordering {
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i).copied().unwrap_or(0), b.get(i).copied().unwrap_or(0));
        if x != y {
            return x.cmp(&y);
        }
    }
    Ordering::Equal
}

/// The digits after the point of 2^-m = 5^m / 10^m.
fn two_to_minus(m: usize) -> Vec<u8> {
    // 5^m, least significant digit first.
    let mut p = vec![1u8];
    for _ in 0..m {
        let mut carry = 0;
        for d in p.iter_mut() {
            let v = *d * 5 + carry;
            *d = v % 10;
            carry = v / 10;
        }
        if carry > 0 {
            p.push(carry);
        }
    }
    p.resize(m, 0);
    p.reverse();
    p
}

/// The digits after the point of 1 - 2^-m.
fn one_minus_two_to_minus(m: usize) -> Vec<u8> {
    // 10^m - 5^m, digit by digit from the right.
    let mut d = two_to_minus(m);
    let mut borrow = 0;
    for x in d.iter_mut().rev() {
        let v = 10 - borrow - *x;
        *x = v % 10;
        borrow = if v == 10 { 0 } else { 1 };
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard parser and casts, as the property reader used them.
    fn std_casts(s: &str) -> Option<(i32, Option<u64>)> {
        s.parse::<f64>().ok().map(|f| (f as i32, Some(f).filter(|f| *f >= 0.0).map(|f| f as u64)))
    }

    fn ours(s: &str) -> Option<(i32, Option<u64>)> {
        parse(s).map(|f| (f.as_i32(), f.non_negative_as_u64()))
    }

    fn same(s: &str) {
        assert_eq!(ours(s), std_casts(s), "{s:?}");
    }

    #[test]
    fn the_powers() {
        assert_eq!(two_to_minus(1), vec![5]);
        assert_eq!(two_to_minus(3), vec![1, 2, 5]);
        assert_eq!(one_minus_two_to_minus(2), vec![7, 5]);
        assert_eq!(one_minus_two_to_minus(4), vec![9, 3, 7, 5]);
    }

    #[test]
    fn what_the_standard_parser_and_casts_give() {
        for s in [
            "", "+", "-", ".", "e5", "1e", "1e+", "1.e5", ".5", "5.", "+.5e-0", "0", "-0", "-0.0", "00042", "42.0", "42.5",
            "2024", "2024.0", "2024.9999999999999999", "2024.999999999999", "-2024.7", "1e3", "1E3", "1e-3", "-1e-400", "-1e-300",
            "inf", "-inf", "+Infinity", "INF", "NaN", "-nan", "nan1", "infinit", " 1", "1 ", "1_0", "0x10", "1e1000000000000000000000",
            "0e999999999", "-1e99999", "18446744073709551615", "18446744073709551616", "18446744073709550591", "18446744073709550592",
            "18446744073709549568", "18446744073709549567.9", "18446744073709551615.5", "9007199254740993", "9007199254740993.0001",
            "9007199254740995", "4503599627370496.5", "4503599627370497.5", "4503599627370496.5000001", "2147483647.5", "2147483648",
            "-2147483648.9", "-2147483649", "0.99999999999999994", "0.99999999999999995", "0.9999999999999999444888487687421729788184165954589843749",
            "0.99999999999999994448884876874217297881841659545898437500", "0.9999999999999999444888487687421729788184165954589843751",
            "-2.4703282292062327e-324", "-2.4703282292062328e-324", "-2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
            "-2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281250e-324",
        ] {
            same(s);
        }
    }

    #[test]
    fn random_numbers_read_as_the_standard_parser_reads_them() {
        let mut rng = crate::report::test_rng::XorShift::new();
        let mut next = |n: u64| rng.below(n);
        // Strings of number characters, most of them malformed.
        for _ in 0..30_000 {
            let len = 1 + next(12);
            let s: String = (0..len).map(|_| b"0123456789.eE+-9"[next(16) as usize] as char).collect();
            same(&s);
        }
        // Exactly representable values and their neighbours, written out.
        for _ in 0..30_000 {
            let bits = next(u64::MAX);
            let f = f64::from_bits(bits);
            let f = match next(4) {
                0 => f,
                1 => bits as f64 * 4.0 + (next(8) as f64) / 4.0,
                2 => (bits % (1 << 54)) as f64 + 0.5,
                _ => f64::from_bits(bits % (1 << 62)) % 1e20,
            };
            if !f.is_finite() {
                continue;
            }
            same(&format!("{f}"));
            same(&format!("{f:e}"));
            // The exact decimal value (`{:.1100}` prints every digit), then
            // nudged a little up and down in its last places.
            let exact = format!("{f:.1100}");
            let trimmed = exact.trim_end_matches('0');
            same(trimmed);
            same(&format!("{trimmed}1"));
            let mut lower = trimmed.to_string();
            if let Some(last) = lower.pop() {
                if last.is_ascii_digit() && last != '0' {
                    lower.push((last as u8 - 1) as char);
                    lower.push_str("9999999999999999999999");
                    same(&lower);
                }
            }
        }
    }
}
