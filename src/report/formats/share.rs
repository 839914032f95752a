//! The share file (`.fzbg.json`): a whole draft, losslessly, for handing to
//! a colleague who uses the app too.
//!
//! ```json
//! { "format": "fazhi-report-share", "schema": 1, "app_version": "0.1.0",
//!   "exported": 1767225600000,
//!   "base": { "draft": "d-18c…", "revision": 42, "unit": "区国资委", "year": 2023 },
//!   "draft": { …the Draft, with its full Report… } }
//! ```
//! `schema` is the version of this envelope *and* of the draft inside it; an
//! app refuses a share file with a newer schema rather than half-read it.
//!
//! `base` names the draft and revision the file was made from
//! ([`crate::report::merge::Base::for_export`]): the sender's own draft at
//! its revision, or — for a draft opened from a colleague's file — the base
//! that file named, so a reply names what the sender keeps in its history.
//! Files written before the field existed have none: their draft's own id
//! and revision are the base.

use serde::{Deserialize, Serialize};

use super::{check_import_size, FormatError};
use crate::report::draft::{Draft, DRAFT_SCHEMA};
use crate::report::merge::Base;

/// The value of the `format` field that marks our share files.
pub const SHARE_FORMAT: &str = "fazhi-report-share";
/// The share schema this build writes and the newest it reads.
pub const SHARE_SCHEMA: u64 = 1;

#[derive(Serialize, Deserialize)]
struct ShareFile {
    format: String,
    schema: u64,
    app_version: String,
    /// Milliseconds since the Unix epoch when the file was written.
    exported: i64,
    /// Added within schema 1: older apps skip it, older files lack it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<Base>,
    draft: Draft,
}

/// A share file read back: the draft as it was exported and the base it names.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub draft: Draft,
    pub base: Base,
}

/// The draft as a pretty-printed UTF-8 JSON share file.
pub fn export_share(draft: &Draft, now_ms: i64) -> Vec<u8> {
    let file = ShareFile {
        format: SHARE_FORMAT.to_string(),
        schema: SHARE_SCHEMA,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported: now_ms,
        base: Some(Base::for_export(draft)),
        draft: draft.clone(),
    };
    // Compact, then re-indented: the bytes of `to_vec_pretty` (tested below)
    // with one copy of the serialisers (see `pretty`).
    let mut out = super::pretty::pretty(&serde_json::to_string(&file).expect("a Draft always serialises")).into_bytes();
    out.push(b'\n');
    out
}

/// The envelope's first two fields, read before the draft so that a file
/// from a newer app is refused by its number, whatever its draft looks like.
/// Unknown fields (the draft among them) are skipped unread.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct EnvelopeSchema {
    schema: u64,
}

/// Read a share file back into the draft it holds.
pub fn import_share(bytes: &[u8]) -> Result<Draft, FormatError> {
    import_share_based(bytes).map(|s| s.draft)
}

/// Read a share file: its draft and the base it names.
///
/// Read as text with typed structs only (no `serde_json::Value`, no
/// `from_slice`): each of those would compile another copy of every
/// `Draft` deserialiser into the wasm (about 40 KB).
pub fn import_share_based(bytes: &[u8]) -> Result<Shared, FormatError> {
    check_import_size(bytes)?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty);
    }
    // Ours, cut short: the format's name is there and the text stops early.
    let names_us = |text: &[u8]| {
        let quoted = format!("\"{SHARE_FORMAT}\"");
        text.windows(quoted.len()).any(|w| w == quoted.as_bytes())
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let detail = format!("not UTF-8 JSON: {e}");
        // `error_len() == None`: the bytes end inside a character.
        if e.error_len().is_none() && names_us(bytes) {
            FormatError::TruncatedShare { detail }
        } else {
            FormatError::NotShareFile { detail }
        }
    })?;
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() && names_us(bytes) {
            FormatError::TruncatedShare { detail: e.to_string() }
        } else {
            FormatError::NotShareFile { detail: format!("not a JSON object with a text \"format\": {e}") }
        }
    })?;
    match envelope.format.as_deref() {
        Some(SHARE_FORMAT) => {}
        Some(other) => return Err(FormatError::NotShareFile { detail: format!("format is {other:?}") }),
        None => return Err(FormatError::NotShareFile { detail: "no \"format\" field".to_string() }),
    }
    let schema = match envelope.schema {
        None => None,
        Some(_) => serde_json::from_str::<EnvelopeSchema>(text).ok().map(|s| s.schema),
    }
    .ok_or_else(|| FormatError::CorruptShare { detail: "no numeric \"schema\" field".to_string() })?;
    if schema > SHARE_SCHEMA {
        return Err(FormatError::ShareTooNew { schema, supported: SHARE_SCHEMA });
    }
    let file: ShareFile = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            FormatError::TruncatedShare { detail: e.to_string() }
        } else {
            FormatError::CorruptShare { detail: e.to_string() }
        }
    })?;
    if u64::from(file.draft.schema_version) > u64::from(DRAFT_SCHEMA) {
        return Err(FormatError::ShareTooNew { schema: file.draft.schema_version.into(), supported: DRAFT_SCHEMA.into() });
    }
    let base = file.base.unwrap_or_else(|| Base::of(&file.draft));
    Ok(Shared { draft: file.draft, base })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_fields() {
        let d = Draft::new("d1", "某区司法局", 2025, 1_700_000_000_000);
        let bytes = export_share(&d, 1_800_000_000_000);
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["format"], SHARE_FORMAT);
        assert_eq!(v["schema"], 1);
        assert_eq!(v["exported"], 1_800_000_000_000i64);
        assert_eq!(v["draft"]["unit"], "某区司法局");
        assert_eq!(v["base"], serde_json::json!({ "draft": "d1", "revision": 0, "unit": "某区司法局", "year": 2025 }));
        assert_eq!(import_share(&bytes).unwrap(), d);
    }

    #[test]
    fn the_bytes_serde_json_pretty_prints() {
        let mut d = Draft::from_report("d1", crate::report::parse(include_str!("../../../tests/fixtures/seed/000_7470bc842f3634e7.txt")), "seed", 2025, 1_700_000_000_000);
        d.extra.insert("later\"{[,:]}".into(), serde_json::json!({ "a": [], "b": {}, "c": ["\\", "]"] }));
        let file = ShareFile {
            format: SHARE_FORMAT.to_string(),
            schema: SHARE_SCHEMA,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            exported: 1_800_000_000_000,
            base: Some(Base::for_export(&d)),
            draft: d.clone(),
        };
        let mut expected = serde_json::to_vec_pretty(&file).unwrap();
        expected.push(b'\n');
        assert_eq!(String::from_utf8(export_share(&d, 1_800_000_000_000)).unwrap(), String::from_utf8(expected).unwrap());
    }

    #[test]
    fn newer_draft_schema_is_refused() {
        let mut d = Draft::new("d1", "某区司法局", 2025, 0);
        d.schema_version = 7;
        let err = import_share(&export_share(&d, 0)).unwrap_err();
        assert!(matches!(err, FormatError::ShareTooNew { .. }));
    }
}
