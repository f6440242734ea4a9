//! `inci lint --format json`: the library's [`inci::lint::document`] as pretty JSON.

use inci::lint::LintedFile;

/// The document as pretty JSON.
pub fn render(files: &[LintedFile]) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&inci::lint::document(files))
}
