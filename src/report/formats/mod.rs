//! File formats for getting a report in and out of the app.
//!
//! - [`txt`]: plain-text export in UTF-8 (optionally with a BOM) or GBK,
//!   LF or CRLF line endings.
//! - [`docx_write`]: a Word document laid out per GB/T 9704-2012
//!   (党政机关公文格式): A4, 22 lines of 28 characters, 仿宋_GB2312 三号 body.
//! - [`docx_read`]: the text of a .docx written by Word, WPS or LibreOffice,
//!   with the numbers and heading levels Word shows, to be parsed with
//!   [`crate::report::parse()`].
//! - [`share`]: a lossless `.fzbg.json` file to hand a draft to a colleague.
//!
//! Round trips: `.txt` and the share file are exact. A `.docx` keeps one
//! paragraph per line, so `render(parse(import_docx(export_docx(r)).text))`
//! equals `render(r)` except that every line ending comes back as `\n` and a
//! BOM is dropped (a Word document has neither).
//!
//! Checked by eye: `scripts/docx-preview.sh` converts the seed's export with
//! LibreOffice (headless) and renders page 1 (docs/screenshots/
//! seed-docx-page1.png): A4, 22 lines of 28 characters, text inside the
//! 156 × 225 mm area, page number `— 1 —` about 7 mm under it, right on odd
//! pages and left on even ones. Linux has none of the 公文 fonts, so that
//! render uses Noto CJK substitutes; LibreOffice also hangs a full stop or
//! 顿号 past the right margin at a line end, as Word does by default.
//!
//! Everything here is pure Rust and compiles for wasm32 as well as natively.
//! Every import checks [`MAX_IMPORT_BYTES`] before it looks at the bytes, and
//! reports problems as a [`FormatError`] with a Chinese message for the user
//! ([`FormatError::message_zh`]) and an English one for logs and the CLI.

mod docx_frame;
mod docx_package;
pub mod docx_props;
pub mod docx_read;
pub mod docx_write;
pub mod gongwen;
mod error;
mod xml;
pub mod number;
pub mod pretty;
pub mod share;
pub mod txt;

pub use docx_read::{import_docx, DocxImport};
pub use docx_write::{export_docx, export_docx_based, export_docx_laid_out, DocxLayout, Seal};
pub use error::FormatError;
pub use share::{export_share, import_share, import_share_based, Shared, SHARE_FORMAT, SHARE_SCHEMA};
pub use txt::{encode_gbk_with, export_txt, export_txt_with, gbk_probe, gbk_table, TxtEncoding, TxtOptions};

/// The largest file any import accepts (20 MiB). A real report is a few
/// dozen kilobytes; a .docx with pictures a few megabytes.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Refuse an input larger than [`MAX_IMPORT_BYTES`] before looking inside it.
pub fn check_import_size(bytes: &[u8]) -> Result<(), FormatError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        Err(FormatError::TooLarge { size: bytes.len(), limit: MAX_IMPORT_BYTES })
    } else {
        Ok(())
    }
}

/// File name extensions, for the UI and the CLI.
pub const TXT_EXTENSION: &str = "txt";
pub const DOCX_EXTENSION: &str = "docx";
pub const SHARE_EXTENSION: &str = "fzbg.json";

/// What an imported file turned out to be.
#[derive(Debug)]
pub enum Imported {
    /// A text file, decoded.
    Text(crate::report::decode::Decoded),
    /// A Word document's paragraphs as text, with warnings (e.g. tables flattened).
    Docx(DocxImport),
    /// A share file: a whole draft with its metadata.
    Share(Box<crate::report::Draft>),
}

/// Recognise and read an imported file by its content, not its name: a
/// .docx (zip), a share file (JSON naming our format), or text in any
/// encoding `decode_with` knows. Errors are the user's message in Chinese.
pub fn import_any(bytes: &[u8], gb18030: &dyn Fn(&[u8]) -> Option<String>) -> Result<Imported, String> {
    import_any_based(bytes, gb18030).map(|(imported, _)| imported)
}

/// [`import_any`], with the base the file names: a share file's `base`, a
/// .docx's custom properties (`None` for text and for other .docx).
pub fn import_any_based(
    bytes: &[u8],
    gb18030: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<(Imported, Option<crate::report::merge::Base>), String> {
    check_import_size(bytes).map_err(|e| e.message_zh())?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return import_docx(bytes)
            .map(|d| {
                let base = d.base.clone();
                (Imported::Docx(d), base)
            })
            .map_err(|e| e.message_zh());
    }
    if is_share_file(bytes) {
        return import_share_based(bytes).map(|s| (Imported::Share(Box::new(s.draft)), Some(s.base))).map_err(|e| e.message_zh());
    }
    crate::report::decode::decode_with(bytes, gb18030).map(|d| (Imported::Text(d), None)).map_err(|e| e.message_zh())
}

/// A share file is recognised by parsing, not by a prefix: a JSON object
/// whose `format` is ours, wherever the key stands (keys sorted put it after
/// the draft). JSON that breaks off (a download cut short) and names our
/// format in its first bytes is still ours, so its error says it is cut short.
pub fn is_share_file(bytes: &[u8]) -> bool {
    recognise(bytes, |body: &[u8]| serde_json::from_str(&json_text(body)))
}

/// What a share file is probed for: its `format`, nothing else kept.
#[derive(serde::Deserialize)]
struct Probe {
    format: Option<String>,
}

/// [`is_share_file`] with `read` as the JSON reader of the body (the bytes
/// without a BOM); the test holds the text reader to the byte reader here.
fn recognise(bytes: &[u8], read: impl Fn(&[u8]) -> serde_json::Result<Probe>) -> bool {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    match read(body) {
        Ok(probe) => probe.format.as_deref() == Some(SHARE_FORMAT),
        Err(e) if e.is_eof() || e.is_syntax() => {
            let head = &body[..body.len().min(400)];
            head.windows(SHARE_FORMAT.len()).any(|w| w == SHARE_FORMAT.as_bytes())
        }
        Err(_) => false,
    }
}

/// The bytes as text for serde_json's `from_str`, read exactly as
/// `from_slice` reads the bytes (the text reader alone is compiled into
/// the wasm: `from_slice` compiled a second JSON reader, ~2 KB gzip).
/// Valid UTF-8 is itself. `from_slice` checks UTF-8 only in strings it
/// keeps (keys, the `format` value), where a broken sequence is a syntax
/// error, and skips it in strings it ignores; each broken sequence
/// becomes the escape `\uDC80`, which `from_str` also skips in an ignored
/// string and refuses (a syntax error) in a kept one or outside strings —
/// or, right after a backslash, `\u{FFFD}`, an invalid escape in both.
fn json_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.into();
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let backslashes = out.bytes().rev().take_while(|&b| b == b'\\').count();
            out.push_str(if backslashes % 2 == 1 { "\u{FFFD}" } else { "\\uDC80" });
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `is_share_file` was: the same probe with `from_slice`.
    fn by_slice(bytes: &[u8]) -> bool {
        recognise(bytes, |body: &[u8]| serde_json::from_slice(body))
    }

    #[test]
    fn share_files_are_recognised_as_from_slice_recognised_them() {
        let mut rng = crate::report::test_rng::XorShift::new();
        let mut next = |n: u64| rng.below(n);
        let bases: [&str; 5] = [
            r#"{"format":"fazhi-report-share","schema":1,"draft":{"a\b":"x\"y","n":[1,2.5,{"k":null}]}}"#,
            r#"{"draft":{"t":"\u4e2d\\"},"format":"fazhi-report-share"}"#,
            r#"{"format":"other","x":"fazhi-report-share"}"#,
            r#"{"format":5,"y":"\\\""}"#,
            r#"{"format":"fazhi-report-share","format":"fazhi-report-share"}"#,
        ];
        let pieces: [&[u8]; 9] = [b"\xff", b"\xe4\xb8", b"\xc0\x80", b"\\", b"\"", b"\\u", b"\xe4\xb8\xad", b"}", b"\xed\xa0\x80"];
        let mut checked = 0;
        for base in bases.map(str::as_bytes) {
            assert_eq!(is_share_file(base), by_slice(base));
            for _ in 0..20_000 {
                let mut v = base.to_vec();
                for _ in 0..1 + next(3) {
                    let at = next(v.len() as u64 + 1) as usize;
                    match next(3) {
                        0 if at < v.len() => {
                            v.remove(at);
                        }
                        _ => {
                            let piece = pieces[next(pieces.len() as u64) as usize];
                            v.splice(at..at, piece.iter().copied());
                        }
                    }
                }
                if std::str::from_utf8(&v).is_err() {
                    checked += 1;
                }
                assert_eq!(is_share_file(&v), by_slice(&v), "{}", String::from_utf8_lossy(&v));
            }
        }
        assert!(checked > 20_000, "{checked} inputs that are not UTF-8");
    }
}
