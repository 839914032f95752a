//! Plain-text export: UTF-8 (as rendered), UTF-8 with a BOM, or GBK for
//! older Windows tools; line endings as rendered or all CRLF.

use encoding_rs::GBK;

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

/// The report as the bytes of a .txt file (GBK through encoding_rs).
pub fn export_txt(report: &Report, opts: &TxtOptions) -> Result<Vec<u8>, FormatError> {
    export_txt_with(report, opts, &encode_gbk)
}

/// The same, with GBK encoding supplied by the caller. The web build passes
/// [`encode_gbk_with`] over a table read from the browser's own GBK decoder
/// ([`gbk_table`]), so encoding_rs's tables (about 130 KB of wasm) are not
/// linked in.
pub fn export_txt_with(
    report: &Report,
    opts: &TxtOptions,
    gbk: &dyn Fn(&str) -> Result<Vec<u8>, FormatError>,
) -> Result<Vec<u8>, FormatError> {
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
        TxtEncoding::Gbk => gbk(text.strip_prefix('\u{feff}').unwrap_or(&text)),
    }
}

/// Every two-byte GBK sequence followed by `\n`, for [`gbk_table`].
pub fn gbk_probe() -> Vec<u8> {
    let mut out = Vec::with_capacity(126 * 190 * 3);
    for lead in 0x81u8..=0xFE {
        for trail in (0x40u8..=0x7E).chain(0x80..=0xFE) {
            out.extend_from_slice(&[lead, trail, b'\n']);
        }
    }
    out
}

/// A GBK encoding table built from a GBK *decoder*: `decoded` is
/// [`gbk_probe`] decoded with replacement characters (the browser's
/// `TextDecoder('gbk')`). Each valid pair decodes to one character; the first
/// pair for a character wins, as in the WHATWG encoder. `None` when the
/// decoder's output does not line up with the probe.
pub fn gbk_table(decoded: &str) -> Option<std::collections::HashMap<char, [u8; 2]>> {
    let probe = gbk_probe();
    let segments: Vec<&str> = decoded.split('\n').collect();
    let pairs = probe.len() / 3;
    // The probe ends with a newline, so the last segment is empty.
    if segments.len() != pairs + 1 {
        return None;
    }
    let mut table = std::collections::HashMap::with_capacity(22_000);
    for (i, seg) in segments[..pairs].iter().enumerate() {
        let mut chars = seg.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c != '\u{fffd}' {
                table.entry(c).or_insert([probe[i * 3], probe[i * 3 + 1]]);
            }
        }
    }
    Some(table)
}

/// Encode as GBK with a table from [`gbk_table`], failing on the first
/// character it cannot represent (same error as the encoding_rs path).
pub fn encode_gbk_with(table: &std::collections::HashMap<char, [u8; 2]>, text: &str) -> Result<Vec<u8>, FormatError> {
    let mut out = Vec::with_capacity(text.len());
    let mut line = 1;
    let mut prev_cr = false;
    for ch in text.chars() {
        if ch.is_ascii() {
            out.push(ch as u8);
        } else if ch == '€' {
            // GBK (code page 936) has the euro sign as the single byte 0x80.
            out.push(0x80);
        } else if let Some(pair) = table.get(&ch) {
            out.extend_from_slice(pair);
        } else {
            return Err(FormatError::GbkUnencodable { ch, line });
        }
        if ch == '\n' && !prev_cr || ch == '\r' {
            line += 1;
        }
        prev_cr = ch == '\r';
    }
    Ok(out)
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

/// Encode as GBK, failing on the first character GBK cannot represent: a
/// lookup in the table read once off encoding_rs's GBK *decoder*.
/// encoding_rs's own GBK encoder searches its index for every character
/// (measured by `cargo bench --bench formats`: about 19 ms for 30,000
/// characters, against 0.005 ms for the UTF-8 export); the tests check the
/// table against that encoder for every character GBK has.
fn encode_gbk(text: &str) -> Result<Vec<u8>, FormatError> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, [u8; 2]>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        gbk_table(&GBK.decode_without_bom_handling(&gbk_probe()).0).expect("encoding_rs decodes every probe pair to one line")
    });
    encode_gbk_with(table, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::EncoderResult;

    /// encoding_rs's own GBK encoder: the reference the table is checked against.
    fn encoding_rs_gbk(text: &str) -> Result<Vec<u8>, FormatError> {
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

    fn table() -> std::collections::HashMap<char, [u8; 2]> {
        let probe = gbk_probe();
        let decoded = GBK.decode_without_bom_handling(&probe).0;
        gbk_table(&decoded).expect("aligned")
    }

    #[test]
    fn a_table_read_from_a_decoder_encodes_every_character_as_encoding_rs_does() {
        let table = table();
        assert!(table.len() > 21_000, "{}", table.len());
        for ch in table.keys() {
            let s = ch.to_string();
            assert_eq!(encode_gbk_with(&table, &s), encoding_rs_gbk(&s), "{ch}");
        }
    }

    #[test]
    fn table_encoding_reports_the_same_error_line() {
        let table = table();
        for text in ["第一行\r\n第二行😀", "一\n二\r三\r\n四😀", "😀"] {
            assert_eq!(encode_gbk_with(&table, text), encoding_rs_gbk(text), "{text:?}");
        }
    }

    #[test]
    fn a_misaligned_decoder_output_is_refused() {
        assert!(gbk_table("abc").is_none());
    }

    #[test]
    fn gbk_encodes_long_text() {
        let text = "法治政府建设".repeat(2000);
        let bytes = encode_gbk(&text).unwrap();
        assert_eq!(bytes.len(), 6 * 2 * 2000);
        assert_eq!(GBK.decode_without_bom_handling(&bytes).0, text);
    }
}
