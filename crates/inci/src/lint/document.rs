//! Lints as one serializable document: per file, each lint with its byte span, line and column,
//! the text it covers, and its fix. `inci lint --format json` prints it (schema in
//! `docs/json-schema.md`, section `inci lint`); the Python package returns it as a dict.

use super::position::{LineCol, LineIndex};
use super::{Counts, Lint, LintedFile};
use serde::Serialize;

/// The document.
#[derive(Debug, Serialize)]
#[non_exhaustive]
pub struct Document<'a> {
    /// Files in the order given.
    pub files: Vec<FileRecord<'a>>,
    /// Counts over all files.
    pub summary: Counts,
}

/// One file's lints.
#[derive(Debug, Serialize)]
#[non_exhaustive]
pub struct FileRecord<'a> {
    /// As given, or `<stdin>`.
    pub path: &'a str,
    /// Its lints.
    pub lints: Vec<LintRecord<'a>>,
}

/// A lint with positions for people and tools.
#[derive(Debug, Serialize)]
#[non_exhaustive]
pub struct LintRecord<'a> {
    /// The lint itself (code, rule, level, message, span, label, related, help, fix).
    #[serde(flatten)]
    pub lint: &'a Lint,
    /// Where the span starts.
    pub start: LineCol,
    /// Where it ends (exclusive).
    pub end: LineCol,
    /// The text the span covers.
    pub text: &'a str,
    /// Where the span starts on the document the text was read from (a PDF's page and line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<super::PageLine>,
}

/// Builds the document.
pub fn document(files: &[LintedFile]) -> Document<'_> {
    let mut summary = Counts::default();
    let files = files
        .iter()
        .map(|f| {
            summary.add(Counts::of(&f.lints));
            let index = LineIndex::new(&f.source);
            FileRecord {
                path: &f.path,
                lints: f
                    .lints
                    .iter()
                    .map(|l| {
                        let start = index.line_col(l.span.start);
                        LintRecord {
                            lint: l,
                            page: f.page_line(start.line),
                            start,
                            end: index.line_col(l.span.end),
                            text: l.span.slice(&f.source),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Document { files, summary }
}
