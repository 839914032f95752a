//! Turning an imported file's bytes into text, or saying clearly why not.
//!
//! Detection order: size limit, empty, known binary formats by their magic
//! bytes (a .docx/.pdf/.doc renamed to .txt), byte-order marks (UTF-8,
//! UTF-16 LE/BE), strict UTF-8, then strict GB18030 (a superset of GBK, what
//! Windows Notepad calls ANSI on Chinese systems). Decoded text that is mostly
//! control characters is binary data that happened to decode.
//!
//! A UTF-8 BOM is kept as U+FEFF at the start of the text, so the parser
//! records it and the report renders back to the same bytes.
//!
//! GB18030 needs large mapping tables. Natively they come from encoding_rs;
//! the browser already has them (`TextDecoder("gb18030", {fatal: true})`), so
//! the web build passes that in through [`decode_with`] and ships no tables
//! (about 130 KB of gzip'd wasm saved). UTF-16 is decoded here in plain Rust.

use std::fmt;

/// Imported text files larger than this are refused before decoding: a real
/// report is under 100 KB; 10 MB leaves room for anything genuine.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    /// Stable machine name (CLI, JSON).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }

    /// What the user is told.
    pub fn label_zh(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8（带 BOM）",
            Encoding::Utf16Le => "UTF-16（小端，Windows“Unicode”）",
            Encoding::Utf16Be => "UTF-16（大端）",
            Encoding::Gb18030 => "GBK/GB18030（Windows 中文“ANSI”）",
        }
    }
}

/// Decoded text and how it was encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Why a file could not be read as report text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLarge { bytes: usize },
    /// A Word (.docx) or other zip file.
    Zip,
    Pdf,
    /// An OLE compound file: an old .doc/.xls, or an encrypted Office file.
    Ole,
    /// Control characters or NUL bytes: not a text file.
    Binary,
    /// Neither valid UTF-8, UTF-16 nor GBK/GB18030.
    UnknownEncoding,
}

/// A byte count in MB (MiB) with one decimal, e.g. `50.0`, rounded half up.
/// Integer arithmetic: formatting an `f64` would link the float printer
/// (about 4 KB of wasm) for these two messages alone.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl DecodeError {
    /// For the app: what happened and what to do next.
    pub fn message_zh(&self) -> String {
        match self {
            DecodeError::Empty => "所选文件是空的，没有可导入的内容。请确认选择了正确的文件。".into(),
            DecodeError::TooLarge { bytes } => format!(
                "所选文件过大（{} MB），超过文本文件上限 {} MB，不像是一份年度报告。请确认选择了正确的文件。",
                megabytes(*bytes),
                MAX_TEXT_BYTES / 1_048_576
            ),
            DecodeError::Zip => "所选文件是 Word 文档（.docx）或压缩包，不是纯文本文件。请用“导入 Word 文档”导入，或在 Word 中“另存为”纯文本（.txt）后再导入。".into(),
            DecodeError::Pdf => "所选文件是 PDF 文件，不能直接导入。请在 PDF 阅读器中复制全文，粘贴到各部分中；或找到报告的 Word 原稿导入。".into(),
            DecodeError::Ole => "所选文件是旧版 Word（.doc）文档或已加密的 Office 文档，不能直接导入。请在 Word 中另存为未加密的 .docx 或纯文本（.txt）后再导入。".into(),
            DecodeError::Binary => "所选文件不是文本文件（含有大量控制字符），可能是图片、程序或其他格式。请选择报告的 .txt 或 .docx 文件。".into(),
            DecodeError::UnknownEncoding => "无法识别所选文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16）。请在记事本中打开该文件，“另存为”时选择 UTF-8 编码后再导入。".into(),
        }
    }

    /// For the command line, next to the Chinese.
    pub fn message_en(&self) -> String {
        match self {
            DecodeError::Empty => "the file is empty".into(),
            DecodeError::TooLarge { bytes } => {
                format!("the file is too large ({bytes} bytes; the limit for text is {MAX_TEXT_BYTES})")
            }
            DecodeError::Zip => "the file is a .docx or zip archive, not plain text".into(),
            DecodeError::Pdf => "the file is a PDF, not plain text".into(),
            DecodeError::Ole => "the file is an old .doc or an encrypted Office document".into(),
            DecodeError::Binary => "the file is binary data, not text".into(),
            DecodeError::UnknownEncoding => "the text is neither UTF-8, UTF-16 nor GBK/GB18030".into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for DecodeError {}

/// Decode an imported file with encoding_rs for GB18030 (native builds).
/// Never panics; never returns partly decoded text.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, &|b: &[u8]| {
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b).map(|t| t.into_owned())
    })
}

/// Decode an imported file, using `gb18030` to decode bytes that are not
/// UTF-8 (it must return None for invalid input rather than replace).
pub fn decode_with(bytes: &[u8], gb18030: &dyn Fn(&[u8]) -> Option<String>) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Err(DecodeError::Zip);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(DecodeError::Pdf);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(DecodeError::Ole);
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Decoded { text: utf16(rest, u16::from_le_bytes)?, encoding: Encoding::Utf16Le }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        Decoded { text: utf16(rest, u16::from_be_bytes)?, encoding: Encoding::Utf16Be }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        let encoding = if text.starts_with('\u{feff}') { Encoding::Utf8Bom } else { Encoding::Utf8 };
        Decoded { text: text.to_string(), encoding }
    } else {
        // Undecodable: random bytes (a program, an image renamed .txt) are
        // no text file, which says more than "unknown encoding".
        let text = gb18030(bytes).ok_or(if bytes_look_binary(bytes) { DecodeError::Binary } else { DecodeError::UnknownEncoding })?;
        Decoded { text, encoding: Encoding::Gb18030 }
    };
    if looks_binary(&decoded.text) {
        return Err(DecodeError::Binary);
    }
    Ok(decoded)
}

/// Text from any format cleaned the same way: control characters other
/// than tab, LF, CR and form feed (a page break in text files), and the
/// noncharacters U+FFFE/U+FFFF, are left out. Returns the text and how many
/// were left out, for a notice that counts them; a text with none comes
/// back unchanged.
pub fn strip_controls(text: &str) -> (String, usize) {
    let bad = |c: char| (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{fffe}' || c == '\u{ffff}';
    let n = text.chars().filter(|&c| bad(c)).count();
    if n == 0 {
        return (text.to_string(), 0);
    }
    (text.chars().filter(|&c| !bad(c)).collect(), n)
}

/// Strict UTF-16: an odd byte count or an unpaired surrogate is an error.
pub(crate) fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::UnknownEncoding);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| DecodeError::UnknownEncoding)
}

/// [`looks_binary`] for bytes no text encoding reads: NUL anywhere, or more
/// than 1 in 100 bytes an ASCII control other than tab, LF, CR and form feed.
fn bytes_look_binary(bytes: &[u8]) -> bool {
    let control = bytes.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    bytes.contains(&0) || control * 100 > bytes.len()
}

/// NUL anywhere, or more than 1 in 100 characters a control character other
/// than tab, line feed, carriage return and form feed.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    control * 100 > total
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const TEXT: &str = "一、2023年度主要举措和成效\r\n1. 健全制度。";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(TEXT.as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, Encoding::Utf8));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(TEXT.as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, format!("\u{feff}{TEXT}"));
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(TEXT.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(TEXT.encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(&le).unwrap(), Decoded { text: TEXT.into(), encoding: Encoding::Utf16Le });
        assert_eq!(decode(&be).unwrap(), Decoded { text: TEXT.into(), encoding: Encoding::Utf16Be });
        assert_eq!(decode(&le[..le.len() - 1]), Err(DecodeError::UnknownEncoding));
        // An unpaired surrogate is not text.
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), Err(DecodeError::UnknownEncoding));
    }

    #[test]
    fn gbk_and_gb18030() {
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(TEXT);
        assert!(!unmappable);
        assert_eq!(decode(&gbk).unwrap(), Decoded { text: TEXT.into(), encoding: Encoding::Gb18030 });
        // A character outside GBK, only in GB18030's four-byte range.
        let rare = "㐀与𠀀";
        let (gb18030, _, _) = encoding_rs::GB18030.encode(rare);
        assert_eq!(decode(&gb18030).unwrap().text, rare);
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"PK\x03\x04\x14\x00rest of a docx"), Err(DecodeError::Zip));
        assert_eq!(decode(b"%PDF-1.7\n..."), Err(DecodeError::Pdf));
        assert_eq!(decode(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), Err(DecodeError::Ole));
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary));
        let controls: Vec<u8> = (0..200).map(|i| if i % 3 == 0 { 0x01 } else { b'a' }).collect();
        assert_eq!(decode(&controls), Err(DecodeError::Binary));
        // 0xFF is never valid in UTF-8 or GB18030.
        assert_eq!(decode(&[0x41, 0xFF, 0xFF, 0x41]), Err(DecodeError::UnknownEncoding));
        // Random bytes that no encoding reads: not a text file, said so.
        let noise: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(decode(&noise), Err(DecodeError::Binary));
        let huge = vec![b'a'; MAX_TEXT_BYTES + 1];
        assert_eq!(decode(&huge), Err(DecodeError::TooLarge { bytes: MAX_TEXT_BYTES + 1 }));
        for e in [DecodeError::Empty, DecodeError::Zip, DecodeError::Pdf, DecodeError::Ole, DecodeError::Binary, DecodeError::UnknownEncoding, DecodeError::TooLarge { bytes: 1 }] {
            assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
            assert!(e.message_zh().contains("请"), "{e:?} says what to do next");
        }
    }

    #[test]
    fn a_50_megabyte_file_is_refused_without_reading_it() {
        let big = vec![0u8; 50 * 1024 * 1024];
        assert!(matches!(decode(&big), Err(DecodeError::TooLarge { .. })));
    }

    #[test]
    fn one_decimal_rounded_half_up() {
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(50 * 1024 * 1024), "50.0");
        assert_eq!(megabytes(10 * 1024 * 1024 + 1), "10.0");
        assert_eq!(megabytes(1024 * 1024 + 52_429), "1.1"); // 1.05000019 MB
        assert_eq!(megabytes(1024 * 1024 + 52_428), "1.0"); // 1.04999924 MB
        assert_eq!(megabytes(3_456_789), "3.3");
    }
}
