//! A number as a Word list format writes it: decimal, full-width, circled,
//! Chinese counting (一、十一、一百〇五) and legal (壹), stems and branches,
//! letters, roman — capped at Word's own largest number.

use super::{MAX_LETTER_REPEAT, MAX_NUMBER};

/// A number as a list format shows it.
pub(super) fn format_number(n: u32, fmt: &str) -> String {
    let n = n.min(MAX_NUMBER);
    match fmt {
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_default(),
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => char::from_u32(0x2488 + n - 1).map(String::from).unwrap_or_default(),
        "decimalEnclosedParen" if (1..=20).contains(&n) => char::from_u32(0x2474 + n - 1).map(String::from).unwrap_or_default(),
        "chineseCounting" | "chineseCountingThousand" | "taiwaneseCounting" | "taiwaneseCountingThousand" | "chineseLegalSimplified" => chinese(n, fmt == "chineseLegalSimplified"),
        "ideographDigital" | "taiwaneseDigital" => n.to_string().chars().map(|c| DIGITS[c as usize - '0' as usize]).collect(),
        "ideographTraditional" if (1..=10).contains(&n) => STEMS[n as usize - 1].to_string(),
        "ideographZodiac" if (1..=12).contains(&n) => BRANCHES[n as usize - 1].to_string(),
        "upperLetter" | "lowerLetter" if n > 0 && (n - 1) / 26 < MAX_LETTER_REPEAT => {
            // Word repeats the letter: A … Z, AA … ZZ, AAA …
            let letter = char::from(b'A' + ((n - 1) % 26) as u8);
            let s = letter.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if fmt == "lowerLetter" { s.to_lowercase() } else { s }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let s = roman(n);
            if fmt == "lowerRoman" { s.to_lowercase() } else { s }
        }
        _ => n.to_string(),
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const BRANCHES: [&str; 12] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五.
fn chinese(n: u32, legal: bool) -> String {
    let digits = if legal { LEGAL } else { DIGITS };
    let units: [&str; 4] = if legal { ["", "拾", "佰", "仟"] } else { ["", "十", "百", "千"] };
    if n == 0 {
        return (if legal { "零" } else { "〇" }).to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let ds: Vec<u32> = (0..4).rev().map(|p| n / 10u32.pow(p) % 10).collect();
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for (i, d) in ds.iter().enumerate() {
        let unit = units[3 - i];
        if *d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when the number starts at the tens.
        if unit != units[1] || *d != 1 || started || legal {
            out.push(digits[*d as usize]);
        }
        out.push_str(unit);
        started = true;
    }
    out
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_format() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "taiwaneseCountingThousand", "二十"),
            (105, "chineseCountingThousand", "一百〇五"),
            (3, "decimal", "3"),
            (12, "decimalFullWidth", "１２"),
            (3, "decimalEnclosedCircleChinese", "③"),
            (2, "decimalEnclosedParen", "⑵"),
            (3, "ideographTraditional", "丙"),
            (10, "ideographDigital", "一〇"),
            (28, "upperLetter", "BB"),
            (781, "upperLetter", "781"),
            (u32::MAX, "decimal", "32767"),
            (4, "lowerRoman", "iv"),
            (7, "decimalZero", "07"),
            (3, "chineseLegalSimplified", "叁"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} {fmt}");
        }
    }
}
