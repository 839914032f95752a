//! File formats for getting a report in and out of the app.
//!
//! - [`txt`]: plain-text export in UTF-8 (optionally with a BOM) or GBK,
//!   LF or CRLF line endings.
//! - [`docx_write`]: a Word document laid out per GB/T 9704-2012
//!   (党政机关公文格式): A4, 22 lines of 28 characters, 仿宋_GB2312 三号 body.
//! - [`docx_read`]: the text of a .docx written by Word, WPS or LibreOffice,
//!   to be parsed with [`crate::report::parse`].
//! - [`share`]: a lossless `.fzbg.json` file to hand a draft to a colleague.
//!
//! Everything here is pure Rust and compiles for wasm32 as well as natively.
//! Every import checks [`MAX_IMPORT_BYTES`] before it looks at the bytes, and
//! reports problems as a [`FormatError`] with a Chinese message for the user
//! ([`FormatError::message_zh`]) and an English one for logs and the CLI.

pub mod docx_read;
pub mod docx_write;
mod error;
pub mod share;
pub mod txt;

pub use docx_read::{import_docx, DocxImport};
pub use docx_write::export_docx;
pub use error::FormatError;
pub use share::{export_share, import_share, SHARE_FORMAT, SHARE_SCHEMA};
pub use txt::{export_txt, TxtEncoding, TxtOptions};

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
