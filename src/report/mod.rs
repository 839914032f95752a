//! The domain core: pure Rust, no web dependencies. The web app, the storage
//! layer and the `fzbg` command-line tool all build on it.

pub mod check;
pub mod classify;
pub mod deadline;
pub mod diff;
pub mod decode;
pub mod draft;
pub mod edit;
pub mod formats;
pub mod guidance;
pub mod infer;
pub mod inspect;
pub mod merge;
pub mod model;
pub mod parse;
pub mod previous;
pub mod render;
pub mod template;

pub use draft::Draft;
pub use model::{Eol, Heading, Item, Line, Report, Section, SectionKind};
pub use parse::parse;
pub use render::render;
