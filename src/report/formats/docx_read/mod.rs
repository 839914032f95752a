//! Reading the text of a .docx (Word, WPS, LibreOffice) so it can be parsed
//! as a report.
//!
//! Each paragraph (`w:p`) of the main document becomes one line: its text
//! runs (`w:t`) concatenated, `w:tab` as a tab, a line break (`w:br`,
//! `w:cr`) as a new line. Tracked changes read as if accepted: inserted
//! text (`w:ins`, `w:moveTo`) is kept, deleted text (`w:del`, `w:moveFrom`)
//! is left out. Tables are flattened (cells joined by tabs, one line per row)
//! with a warning. Text boxes, headers, footers, footnotes and comments are
//! not read. Elements are matched by local name, so any namespace prefix and
//! Strict OOXML work as well as the usual `w:`.
//!
//! Lines are joined with `\n`: the document's own line endings (a .docx has
//! none) cannot be recovered, and a document whose last paragraph is empty
//! gives text that ends with a line ending.
//!
//! The rooms: this file (the package: its parts found through the
//! relationships, size limits, encryption and legacy .doc told apart),
//! `document.rs` (`document.xml` to lines, with what Word shows beyond the
//! text), `limits.rs` (how much markup a document may hold for its text)
//! and `numbering/` (the markers and heading levels of
//! `numbering.xml` and `styles.xml`).

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

mod document;
mod limits;
mod numbering;

use super::{check_import_size, FormatError};
use numbering::Numbering;

pub use document::{DocxImport, WARN_COMMENTS, WARN_NOTES, WARN_NUMBERING, WARN_TABLE, WARN_TEXT_BOX, WARN_TRACKED};
pub use limits::{ANY_BASE, ANY_PER_CHAR, MAX_DEPTH, WORK_BASE, WORK_PER_CHAR};

/// The most that the main document part may decompress to (zip bomb guard).
pub const MAX_DOCUMENT_XML_BYTES: usize = 50 * 1024 * 1024;
/// The most that `_rels/.rels` may decompress to.
const MAX_RELS_BYTES: usize = 1024 * 1024;

const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// The most that `styles.xml` or `numbering.xml` may decompress to.
const MAX_AUX_XML_BYTES: usize = 10 * 1024 * 1024;

/// Read the text of a .docx.
pub fn import_docx(bytes: &[u8]) -> Result<DocxImport, FormatError> {
    check_import_size(bytes)?;
    if bytes.is_empty() {
        return Err(FormatError::Empty);
    }
    if bytes.starts_with(&OLE_SIGNATURE) {
        return Err(if contains_utf16le(bytes, "EncryptedPackage") {
            FormatError::EncryptedDocx
        } else {
            FormatError::LegacyDoc
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(FormatError::NotDocx);
    }
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| FormatError::CorruptDocx { detail: e.to_string() })?;
    let main = main_document_path(&mut archive);
    check_unique_names(&archive)?;
    // Styles and numbering are what Word shows beyond the text; a part that
    // cannot be read costs the numbers, never the paragraphs. They are read
    // first: the main part is then read as it inflates, never whole.
    let (styles_path, numbering_path) = part_paths(&mut archive, &main);
    let custom_path = custom_properties_path(&mut archive);
    let mut aux = |path: &str| -> Option<String> {
        read_part(&mut archive, path, MAX_AUX_XML_BYTES).ok().flatten().and_then(|b| decode_xml(b).ok())
    };
    let styles = aux(&styles_path);
    let numbering = aux(&numbering_path);
    // Custom properties never cost the text: unreadable means no base.
    let base = aux(&custom_path).and_then(|xml| super::docx_props::read_base(&xml));
    let numbering = Numbering::new(styles.as_deref(), numbering.as_deref());
    let mut import = stream_main(&mut archive, &main, numbering)?;
    import.base = base;
    Ok(import)
}

/// Two entries with one name: which one a reader takes differs between
/// programs (zip takes the last), so what Word shows cannot be known.
fn check_unique_names(archive: &ZipArchive<Cursor<&[u8]>>) -> Result<(), FormatError> {
    if archive.has_duplicate_names() {
        return Err(FormatError::CorruptDocx { detail: "two entries of the package have the same name".into() });
    }
    Ok(())
}

/// The main part read as it inflates (UTF-16, rare, is read whole and
/// decoded first), at most [`MAX_DOCUMENT_XML_BYTES`].
fn stream_main(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    numbering: Numbering,
) -> Result<DocxImport, FormatError> {
    use std::io::BufRead;
    let file = match open_part(archive, name)? {
        Some(f) => f,
        None => return Err(FormatError::MissingDocument),
    };
    if file.size() > MAX_DOCUMENT_XML_BYTES as u64 {
        return Err(FormatError::DocumentTooLarge { limit: MAX_DOCUMENT_XML_BYTES });
    }
    let mut input = std::io::BufReader::new(Limited { inner: file, left: MAX_DOCUMENT_XML_BYTES });
    let head = input.fill_buf().map_err(|e| FormatError::CorruptDocx { detail: format!("{name}: {e}") })?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let mut all = Vec::new();
        input.read_to_end(&mut all).map_err(|e| match e.kind() {
            std::io::ErrorKind::FileTooLarge => FormatError::DocumentTooLarge { limit: MAX_DOCUMENT_XML_BYTES },
            _ => FormatError::CorruptDocx { detail: format!("{name}: {e}") },
        })?;
        return document::extract_with(&decode_xml(all)?, numbering);
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        input.consume(3);
    }
    document::extract_from(input, numbering)
}

/// A reader that fails with `FileTooLarge` past `left` bytes, whatever
/// the zip headers claimed.
struct Limited<R> {
    inner: R,
    left: usize,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > self.left {
            return Err(std::io::Error::new(std::io::ErrorKind::FileTooLarge, "part larger than the limit"));
        }
        self.left -= n;
        Ok(n)
    }
}

/// The custom properties part named by the package relationships
/// (`docProps/custom.xml` in every known producer).
fn custom_properties_path(archive: &mut ZipArchive<Cursor<&[u8]>>) -> String {
    let fallback = super::docx_props::CUSTOM_PART.to_string();
    let Some(rels) = read_part(archive, "_rels/.rels", MAX_RELS_BYTES).ok().flatten().and_then(|b| String::from_utf8(b).ok()) else {
        return fallback;
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == "Relationship" && attr(&e, "Type").unwrap_or_default().ends_with("/custom-properties") =>
            {
                if let Some(target) = attr(&e, "Target") {
                    return target.trim_start_matches('/').to_string();
                }
            }
            Ok(Event::Eof) | Err(_) => return fallback,
            _ => {}
        }
    }
}

/// The styles and numbering parts named by the main part's relationships
/// (`word/styles.xml`, `word/numbering.xml` in every known producer).
fn part_paths(archive: &mut ZipArchive<Cursor<&[u8]>>, main: &str) -> (String, String) {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let join = |target: &str| -> String {
        let target = target.trim_start_matches("./");
        if let Some(abs) = target.strip_prefix('/') {
            abs.to_string()
        } else if dir.is_empty() {
            target.to_string()
        } else {
            format!("{dir}/{target}")
        }
    };
    let mut styles = join("styles.xml");
    let mut numbering = join("numbering.xml");
    let rels_path = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    if let Some(rels) = read_part(archive, &rels_path, MAX_RELS_BYTES).ok().flatten().and_then(|b| String::from_utf8(b).ok()) {
        let mut reader = Reader::from_str(&rels);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                    let ty = attr(&e, "Type").unwrap_or_default();
                    let target = attr(&e, "Target").unwrap_or_default();
                    if ty.ends_with("/styles") {
                        styles = join(&target);
                    } else if ty.ends_with("/numbering") {
                        numbering = join(&target);
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
    }
    (styles, numbering)
}

fn contains_utf16le(haystack: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    haystack.windows(pattern.len()).any(|w| w == pattern.as_slice())
}

/// The main part named by the package relationships (`word/document.xml` in
/// every known producer, but the relationship is what counts).
fn main_document_path(archive: &mut ZipArchive<Cursor<&[u8]>>) -> String {
    let fallback = "word/document.xml".to_string();
    let Ok(Some(rels)) = read_part(archive, "_rels/.rels", MAX_RELS_BYTES) else {
        return fallback;
    };
    let Ok(rels) = String::from_utf8(rels) else {
        return fallback;
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let ty = attr(&e, "Type").unwrap_or_default();
                if ty.ends_with("/officeDocument") {
                    if let Some(target) = attr(&e, "Target") {
                        let target = target.trim_start_matches('/').to_string();
                        if !target.is_empty() && archive.index_for_name(&target).is_some() {
                            return target;
                        }
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return fallback,
            _ => {}
        }
    }
}

pub(crate) use super::xml::attr;

/// One part's bytes, or `None` when the package has no such part. Reads at
/// most `limit` bytes whatever the zip headers claim.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: usize,
) -> Result<Option<Vec<u8>>, FormatError> {
    let Some(file) = open_part(archive, name)? else { return Ok(None) };
    if file.size() > limit as u64 {
        return Err(FormatError::DocumentTooLarge { limit });
    }
    let mut out = Vec::with_capacity(file.size().min(limit as u64) as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| FormatError::CorruptDocx { detail: format!("{name}: {e}") })?;
    if out.len() > limit {
        return Err(FormatError::DocumentTooLarge { limit });
    }
    Ok(Some(out))
}

/// A part opened for reading, or `None` when the package has none by that
/// name; encryption and damage told apart.
fn open_part<'a, 'b>(
    archive: &'a mut ZipArchive<Cursor<&'b [u8]>>,
    name: &str,
) -> Result<Option<zip::read::ZipFile<'a, Cursor<&'b [u8]>>>, FormatError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(msg)) if msg.to_lowercase().contains("password") => {
            return Err(FormatError::EncryptedDocx)
        }
        Err(ZipError::InvalidPassword) => return Err(FormatError::EncryptedDocx),
        Err(e) => return Err(FormatError::CorruptDocx { detail: e.to_string() }),
    };
    Ok(Some(file))
}

/// XML parts are UTF-8 in practice; UTF-16 (allowed by XML) is decoded too.
/// Plain Rust, not encoding_rs: a dynamic encoding_rs lookup would link
/// every decoder's tables into the web build (about 240 KB gzip).
fn decode_xml(bytes: Vec<u8>) -> Result<String, FormatError> {
    use crate::report::decode::utf16;
    let invalid = |what: &str| FormatError::MalformedXml { detail: format!("invalid {what}") };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map_err(|_| invalid("UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map_err(|_| invalid("UTF-16BE"));
    }
    let mut bytes = bytes;
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    // The buffer becomes the string (no copy: up to 50 MB of XML).
    String::from_utf8(bytes).map_err(|e| FormatError::MalformedXml { detail: format!("not UTF-8: {e}") })
}
