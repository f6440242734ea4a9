//! inci reads the ingredient list printed on a cosmetic product and says what is in it.
//!
//! Data flows through three stages. [`parse::parse`] turns raw label text into a
//! [`parse::Label`]: items with byte spans, sections and qualifiers, and tokens that cover every
//! byte of the input. [`resolve::resolve`] maps each item's name to its canonical CosIng name
//! through the dictionary compiled into the [`inci_dict`] crate (synonyms, British spellings,
//! colour index numbers, bracketed and slashed alternatives), with suggestions for unknown
//! names. [`scan::scan`] runs both and builds the [`scan::ScanReport`] that the command line
//! renders as a table or JSON (`render`).
//!
//! For packaging QA, [`lint::lint`] runs the rules of [`lint::rules`] over the same parse and
//! resolution and returns [`lint::Lint`]s (a code, a level, the exact span, help and a
//! [`lint::Fix`]); `render` shows them rustc-style, as JSON, SARIF or GitHub annotations.

pub mod explain;
pub mod ingredient;
pub mod lint;
pub mod origin;
pub mod parse;
pub mod resolve;
pub mod risk;
pub mod scan;
pub mod span;

pub use parse::{Label, parse};
pub use resolve::{Cosing, Resolution, resolve};
pub use scan::{ScanReport, scan};
pub use span::Span;
