//! The domain core: pure Rust, no web dependencies. The web app, the storage
//! layer and the `fzbg` command-line tool all build on it.

pub mod check;
pub mod deadline;
pub mod diff;
pub mod draft;
pub mod edit;
pub mod edit_frame;
pub mod formats;
pub mod guidance;
pub mod last_year;
pub mod merge;
pub mod model;
pub mod review;
pub mod sort;
pub mod template;
#[cfg(test)]
mod test_rng;
pub mod text;

// The text engine's modules at their old paths, for callers outside the room.
pub use text::{classify, decode, infer, inspect, parse, render};

pub use draft::Draft;
pub use model::{Eol, Heading, Item, Line, Part, Report, Section, SectionKind};
pub use text::parse::parse;
pub use text::render::render;
