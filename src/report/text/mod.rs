//! The text engine, one room: bytes in, the report's structure out, and the
//! exact bytes back. Like pulldown-cmark, the reader is kept apart from the
//! renderer, and a corpus (tests/corpus/) is the specification.
//!
//! - [`decode`]: bytes → text, with the encoding found (or a named error);
//! - [`markers`]: the numbering at the start of a line, its style and length;
//! - [`parse`]: text → [`Report`](crate::report::Report): the
//!   section level, unnumbered headings, items; optional per-line heading
//!   levels from a .docx's styles ([`parse::parse_with_levels`]);
//! - [`classify`]: what one heading's words say, and the whole sequence of a
//!   report's headings classified together against the order real reports use;
//! - [`front`]: the title and the preamble among the lines before the
//!   first section (web-page debris before a title passed over);
//! - [`frame`]: the 公文's frame: 主送机关 and 发文字号 among the front
//!   lines, 附件说明, 发文机关署名 and 成文日期 after the last part;
//! - [`render`]: the model back to text, byte-exact for unedited text, and
//!   the line numbers of what it writes ([`render::LineMap`]);
//! - [`infer`]: unit and year from a report's title and preamble;
//! - [`inspect`]: the structure summary `fzbg inspect` prints.

pub mod classify;
pub mod decode;
pub mod frame;
pub mod front;
pub mod infer;
pub mod inspect;
pub mod markers;
pub mod parse;
pub mod render;
