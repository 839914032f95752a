//! The .docx's custom document properties (`docProps/custom.xml`): where an
//! exported document records which draft and revision it was made from
//! ([`Base`]). Word (文件 → 信息 → 属性 → 高级属性 → 自定义), WPS and
//! LibreOffice (文件 → 属性 → 自定义属性) keep custom properties when the
//! document is edited and saved, so a .docx that comes back still names its
//! base.
//!
//! Four text properties (`vt:lpwstr`), read back from any value type a
//! program may have turned them into:
//!
//! | name | value |
//! |---|---|
//! | `FzbgBaseDraft` | the draft's id |
//! | `FzbgBaseRevision` | its revision when exported (decimal) |
//! | `FzbgBaseUnit` | the unit |
//! | `FzbgBaseYear` | the report year |

use quick_xml::events::Event;
use quick_xml::Reader;

use super::xml::{attr, xml_escape};
use crate::report::draft::Base;

pub const PROP_DRAFT: &str = "FzbgBaseDraft";
pub const PROP_REVISION: &str = "FzbgBaseRevision";
pub const PROP_UNIT: &str = "FzbgBaseUnit";
pub const PROP_YEAR: &str = "FzbgBaseYear";

/// The part's name in the package.
pub const CUSTOM_PART: &str = "docProps/custom.xml";
/// Its content type and the package relationship that names it.
pub const CUSTOM_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
pub const CUSTOM_RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";

/// `docProps/custom.xml` naming `base`.
pub fn custom_xml(base: &Base) -> String {
    // The format id every custom property carries (the user-defined property set).
    const FMTID: &str = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
    let props = [
        (PROP_DRAFT, base.draft.clone()),
        (PROP_REVISION, base.revision.to_string()),
        (PROP_UNIT, base.unit.clone()),
        (PROP_YEAR, base.year.to_string()),
    ];
    let mut body = String::new();
    // Property ids start at 2 (0 and 1 are reserved).
    for (i, (name, value)) in props.iter().enumerate() {
        body.push_str(&format!(
            r#"<property fmtid="{FMTID}" pid="{}" name="{name}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            i + 2,
            xml_escape(value)
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{body}</Properties>
"#
    )
}

/// The base a custom properties part names, when it names a draft and a
/// revision; unit and year may be missing (empty, 0).
pub fn read_base(xml: &str) -> Option<Base> {
    let mut reader = Reader::from_str(xml);
    let (mut draft, mut revision, mut unit, mut year) = (None, None, String::new(), 0);
    let mut current: Option<String> = None;
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "property" => {
                current = attr(&e, "name");
                value.clear();
            }
            Ok(Event::Text(t)) if current.is_some() => value.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if current.is_some() => {
                let c = match r.resolve_char_ref().ok()? {
                    Some(c) => c.to_string(),
                    None => match r.xml10_content().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => return None,
                    },
                };
                value.push_str(&c);
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "property" => {
                let v = value.trim().to_string();
                match current.take().as_deref() {
                    Some(PROP_DRAFT) => draft = Some(v).filter(|d| !d.is_empty()),
                    // A program may have stored the number as a decimal (`42.0`).
                    Some(PROP_REVISION) => revision = super::number::read(&v).and_then(|d| d.non_negative()),
                    Some(PROP_UNIT) => unit = v,
                    Some(PROP_YEAR) => year = super::number::read(&v).map(|d| d.as_i32()).unwrap_or(0),
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    Some(Base { draft: draft?, revision: revision?, unit, year })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_comes_back_escaped_and_typed_any_way() {
        let base = Base { draft: "d-1<&>".into(), revision: 42, unit: "区国资委".into(), year: 2023 };
        assert_eq!(read_base(&custom_xml(&base)), Some(base.clone()));
        let other_types = r#"<Properties xmlns:vt="v"><property fmtid="x" pid="2" name="FzbgBaseDraft"><vt:lpwstr>d-1&lt;&amp;&gt;</vt:lpwstr></property><property pid="3" name="FzbgBaseRevision"><vt:r8>42.0</vt:r8></property><property pid="4" name="FzbgBaseUnit"><vt:lpwstr>区国资委</vt:lpwstr></property><property pid="5" name="FzbgBaseYear"><vt:i4>2023</vt:i4></property></Properties>"#;
        assert_eq!(read_base(other_types), Some(base));
        assert_eq!(read_base(r#"<Properties><property name="FzbgBaseDraft"><vt:lpwstr>d</vt:lpwstr></property></Properties>"#), None);
    }
}
