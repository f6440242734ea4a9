//! Renderers: how a [`ScanReport`](crate::scan::ScanReport) is shown.

pub mod json;
pub mod text;

/// Output format of `inci scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A readable table, coloured on a terminal.
    #[default]
    Text,
    /// One JSON object (schema in docs/json-schema.md).
    Json,
}
