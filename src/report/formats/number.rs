//! An integer that a program stored as text in a .docx property (our own
//! revision and year), where some programs write numbers as decimals
//! (`2025.0`): an optional sign, digits and an optional fraction, which is
//! dropped as an `as` cast would drop it. Exponents, `inf` and `nan` are not
//! how anyone writes a year or a revision, and read as nothing (the property
//! is then treated as absent).
//!
//! Written out rather than `parse::<f64>()`: the standard float parser links
//! about 14 KB of wasm (mostly a table of powers of five that hardly
//! compresses) for these two properties.

/// A decimal read by [`read`]: its integer part (saturating at `u64::MAX`)
/// and whether it is below zero (a minus sign and any non-zero digit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub below_zero: bool,
    pub int: u64,
}

impl Decimal {
    /// The value truncated toward zero, saturating at `i32`'s bounds.
    pub fn as_i32(self) -> i32 {
        let magnitude = i64::try_from(self.int).unwrap_or(i64::MAX);
        let value = if self.below_zero { -magnitude } else { magnitude };
        value.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
    }

    /// The integer part of a value not below zero.
    pub fn non_negative(self) -> Option<u64> {
        (!self.below_zero).then_some(self.int)
    }
}

/// `[+-]?digits[.digits]`, with at least one digit before or after the
/// point; None for anything else.
pub fn read(s: &str) -> Option<Decimal> {
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int_digits, frac_digits) = rest.split_once('.').unwrap_or((rest, ""));
    let all_digits = |d: &str| d.bytes().all(|c| c.is_ascii_digit());
    if int_digits.len() + frac_digits.len() == 0 || !all_digits(int_digits) || !all_digits(frac_digits) {
        return None;
    }
    let int = int_digits.bytes().fold(0u64, |n, c| n.saturating_mul(10).saturating_add(u64::from(c - b'0')));
    let non_zero = int_digits.bytes().chain(frac_digits.bytes()).any(|c| c != b'0');
    Some(Decimal { below_zero: negative && non_zero, int })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_as(s: &str) -> Option<(i32, Option<u64>)> {
        read(s).map(|d| (d.as_i32(), d.non_negative()))
    }

    #[test]
    fn what_is_read_and_what_is_not() {
        assert_eq!(read_as("2025"), Some((2025, Some(2025))));
        assert_eq!(read_as("2025.0"), Some((2025, Some(2025))));
        assert_eq!(read_as("+2025.9"), Some((2025, Some(2025))));
        assert_eq!(read_as("00042"), Some((42, Some(42))));
        assert_eq!(read_as(".5"), Some((0, Some(0))));
        assert_eq!(read_as("5."), Some((5, Some(5))));
        assert_eq!(read_as("-0"), Some((0, Some(0))), "minus zero is not below zero");
        assert_eq!(read_as("-0.000"), Some((0, Some(0))));
        assert_eq!(read_as("-0.5"), Some((0, None)), "below zero, though its integer part is 0");
        assert_eq!(read_as("-2024.7"), Some((-2024, None)));
        assert_eq!(read_as("2147483648"), Some((i32::MAX, Some(2_147_483_648))));
        assert_eq!(read_as("-2147483649"), Some((i32::MIN, None)));
        assert_eq!(read_as("18446744073709551615"), Some((i32::MAX, Some(u64::MAX))));
        assert_eq!(read_as("99999999999999999999999"), Some((i32::MAX, Some(u64::MAX))), "saturates");
        assert_eq!(read_as("-99999999999999999999999"), Some((i32::MIN, None)));
        for s in ["", "+", "-", ".", "-.", "1.2.3", "1e3", "1E3", "2.025e3", "inf", "-inf", "NaN", " 1", "1 ", "1_0", "0x10", "１２", "--1", "+-1"] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    /// Where the value has at most 15 significant digits (so the f64 is the
    /// value itself, not a neighbour), reading it gives what the standard
    /// parser and the casts the property reader once used give.
    #[test]
    fn decimals_read_as_the_standard_parser_and_casts_read_them() {
        let mut rng = crate::report::test_rng::XorShift::new();
        for _ in 0..30_000 {
            let int_len = rng.below(11) as usize;
            let frac_len = if int_len == 0 { 1 + rng.below(4) as usize } else { rng.below(5) as usize };
            let mut s = String::new();
            match rng.below(3) {
                0 => s.push('-'),
                1 => s.push('+'),
                _ => {}
            }
            s.extend((0..int_len).map(|_| char::from(b'0' + rng.below(10) as u8)));
            if frac_len > 0 || rng.below(2) == 0 {
                s.push('.');
            }
            s.extend((0..frac_len).map(|_| char::from(b'0' + rng.below(10) as u8)));
            let f: f64 = s.parse().unwrap();
            let std = (f as i32, Some(f).filter(|f| *f >= 0.0).map(|f| f as u64));
            assert_eq!(read_as(&s), Some(std), "{s:?}");
        }
    }
}
