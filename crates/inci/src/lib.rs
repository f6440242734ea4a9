//! inci reads the ingredient list printed on a cosmetic product (its INCI label) and says what
//! is in it: every ingredient exactly as printed, its canonical CosIng name, and the risks that
//! matter, each with the ingredient that triggered it, why, and a citable source. Offline: the
//! dictionary and risk data are compiled in ([`inci_dict`]). This crate has no command-line
//! weight (its dependencies are nom, serde and the dictionary); the `inci` binary lives in the
//! `inci-cli` crate and the Python package in `inci-py`.
//!
//! # Scan a label
//!
//! ```
//! use inci::risk::{Degree, Profile, VeganStatus};
//! use inci::scan::Scanner;
//!
//! let label = "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, \
//!              Isopropyl Myristate, Parfum";
//! let report = Scanner::new().profile(Profile::Sensitive).scan(label);
//! assert_eq!(report.ingredients[2].name, Some("HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA"));
//! assert_eq!(report.vegan, VeganStatus::No);
//! let human = report.findings.iter().find(|f| f.code == "H001").expect("human origin");
//! assert!(human.source.contains("Annex II entry 416"));
//! assert!(report.concerns.iter().any(|c| c.level == Degree::High));
//! ```
//!
//! # Lint packaging text
//!
//! ```
//! use inci::lint::{self, Applicability, Config};
//!
//! let text = "Ingredients: Aqua, Glycerin, Phenoxyetanol.";
//! let lints = lint::lint(text, &Config::default());
//! assert_eq!(lints[0].code, "L002");
//! // Read as PHENOXYETHANOL (a correction), so the fix is offered but never applied as safe.
//! let (_, applied) = lint::fix_text(text, &lints, &Config::default(), Applicability::Safe);
//! assert_eq!(applied, 0);
//! let (fixed, applied) = lint::fix_text(text, &lints, &Config::default(), Applicability::Unsafe);
//! assert_eq!((fixed.as_str(), applied), ("Ingredients: Aqua, Glycerin, Phenoxyethanol.", 1));
//! ```
//!
//! # How data flows
//!
//! 1. [`parse::parse`] turns raw text into a [`parse::Label`]: items with byte spans, sections
//!    (may-contain) and qualifiers (`(nano)`, `2%`), tokens that cover every byte of the input
//!    (nothing is dropped: pack text is a token with its [`parse::Skip`] reason), and
//!    [`parse::Diagnostic`]s for what the parser recovered from.
//! 2. [`resolve::resolve`] maps a printed name to its CosIng entry (synonyms, British
//!    spellings, colour index numbers, bracketed and slashed alternatives) and says how
//!    ([`resolve::Via`]); an unknown name gets suggestions, never a guess.
//! 3. [`ingredient::ingredients`] resolves every item of a label into an
//!    [`ingredient::Ingredient`], with its [`origin::Origin`] (human tissue, human sequence,
//!    animal, plant culture, ambiguous).
//! 4. [`risk::analyze`] reads the ingredients and returns [`risk::Finding`]s (code, category,
//!    concern, severity, message, source) and a [`risk::Degree`] per concern, weighted by the
//!    [`risk::Profile`] and sharpened by the [`risk::ProductType`].
//! 5. [`scan::Scanner`] runs all of it and returns a [`scan::ScanReport`], whose JSON is the
//!    command line's `inci scan --format json`.
//!
//! Beside that flow, [`lint::lint`] runs the packaging rules ([`lint::RULES`]) over the same
//! parse and resolution, and [`explain::explain`] gives everything known about one name.
//!
//! Modules depend only on those listed before them in this flow (checked by the
//! `module_graph` test), so each layer can be used without the ones above it.

pub mod compare;
pub mod explain;
mod facts;
pub mod headline;
pub mod ingredient;
pub mod lint;
pub mod market;
mod memo;
pub mod origin;
pub mod parse;
pub mod resolve;
pub mod risk;
pub mod role;
pub mod routine;
pub mod scan;
pub mod span;
pub mod summary;
pub mod value;

pub use parse::{Label, parse};
pub use resolve::{Cosing, Resolution, resolve};
pub use scan::{ScanReport, scan};
pub use span::Span;
