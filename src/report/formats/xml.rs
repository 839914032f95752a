//! Small XML helpers shared by the .docx reader, writer and properties: a
//! leaf, so that none of them imports another for these.

use std::borrow::Cow;

use quick_xml::events::BytesStart;
use quick_xml::XmlVersion;

/// An attribute by its local name, whatever its prefix (`w:val`, `val`).
pub(crate) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| a.normalized_value(XmlVersion::Implicit1_0).map(Cow::into_owned).ok()).flatten()
    })
}

/// Escape text for XML element content and attribute values. Characters XML
/// 1.0 cannot carry at all (C0 controls other than tab/newline, U+FFFE/FFFF)
/// are dropped; there is no way to store them in a .docx.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

