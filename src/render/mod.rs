//! Renderers: how a [`ScanReport`](crate::scan::ScanReport) is shown (`text`, `json`), and
//! how lints are (`lint_text`, `lint_json`, `sarif`, `github`).

pub mod github;
pub mod json;
pub mod lint_json;
pub mod lint_text;
pub mod sarif;
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

/// Output format of `inci lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LintFormat {
    /// rustc-style diagnostics: the text with each problem underlined, help and fix.
    #[default]
    Text,
    /// One JSON document (schema in docs/json-schema.md).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations (`::error file=...::message`).
    Github,
}

/// A serializer error as an I/O error that keeps the kind of the I/O error behind it, so that
/// a closed pipe (`inci scan --format json | head`) is still recognised as one.
pub fn json_io_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    }
}
