//! Plain-text export: UTF-8 (as rendered), UTF-8 with a BOM, or GBK for
//! older Windows tools; line endings as rendered or all CRLF.

use encoding_rs::{EncoderResult, GBK};

use super::FormatError;
use crate::report::model::Report;
use crate::report::render::render;

/// The character encoding of an exported .txt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TxtEncoding {
    /// UTF-8 exactly as rendered: starts with a BOM only if the text the
    /// report was read from had one, so a round trip changes nothing.
    #[default]
    Utf8,
    /// UTF-8 that always starts with a byte-order mark (Windows Notepad and
    /// older Office versions then recognise it as UTF-8).
    Utf8Bom,
    /// GBK (code page 936), for systems that expect "ANSI" Chinese text. Never
    /// has a BOM. A character GBK cannot represent is an error, not a `?`.
    Gbk,
}

/// How to write a .txt. The default writes exactly `render(report)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TxtOptions {
    pub encoding: TxtEncoding,
    /// Write every line ending as CRLF (Windows). When false the line endings
    /// are kept as rendered (the report's own).
    pub crlf: bool,
}

/// The report as the bytes of a .txt file.
pub fn export_txt(report: &Report, opts: &TxtOptions) -> Result<Vec<u8>, FormatError> {
    let mut text = render(report);
    if opts.crlf {
        text = to_crlf(&text);
    }
    match opts.encoding {
        TxtEncoding::Utf8 => Ok(text.into_bytes()),
        TxtEncoding::Utf8Bom => {
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let mut out = Vec::with_capacity(body.len() + 3);
            out.extend_from_slice("\u{feff}".as_bytes());
            out.extend_from_slice(body.as_bytes());
            Ok(out)
        }
        TxtEncoding::Gbk => encode_gbk(text.strip_prefix('\u{feff}').unwrap_or(&text)),
    }
}

/// Every `\n`, `\r\n` and lone `\r` becomes `\r\n`.
fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 40);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\r\n");
            }
            '\n' => out.push_str("\r\n"),
            c => out.push(c),
        }
    }
    out
}

/// Encode as GBK, failing on the first character GBK cannot represent.
fn encode_gbk(text: &str) -> Result<Vec<u8>, FormatError> {
    let mut encoder = GBK.new_encoder();
    let mut out = Vec::with_capacity(text.len());
    let mut src = text;
    let mut buf = [0u8; 4096];
    loop {
        let (result, read, written) = encoder.encode_from_utf8_without_replacement(src, &mut buf, true);
        out.extend_from_slice(&buf[..written]);
        let consumed = text.len() - src.len() + read;
        src = &src[read..];
        match result {
            EncoderResult::InputEmpty => return Ok(out),
            EncoderResult::OutputFull => continue,
            EncoderResult::Unmappable(ch) => {
                // `consumed` includes the unmappable character itself.
                let before = &text[..consumed - ch.len_utf8()];
                let line = 1 + before.matches('\n').count() + before.matches('\r').count()
                    - before.matches("\r\n").count();
                return Err(FormatError::GbkUnencodable { ch, line });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_normalises_every_ending() {
        assert_eq!(to_crlf("a\nb\r\nc\rd"), "a\r\nb\r\nc\r\nd");
    }

    #[test]
    fn gbk_error_names_character_and_line() {
        let err = encode_gbk("第一行\r\n第二行😀").unwrap_err();
        assert_eq!(err, FormatError::GbkUnencodable { ch: '😀', line: 2 });
        assert!(err.message_zh().contains("😀"));
        assert!(err.message_zh().contains("第 2 行"));
    }

    #[test]
    fn gbk_encodes_long_text() {
        let text = "法治政府建设".repeat(2000);
        let bytes = encode_gbk(&text).unwrap();
        assert_eq!(bytes.len(), 6 * 2 * 2000);
        assert_eq!(GBK.decode_without_bom_handling(&bytes).0, text);
    }
}
