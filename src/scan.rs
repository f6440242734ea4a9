//! One label in, one report out: parse, resolve every item, collect what was skipped.
//!
//! [`ScanReport`] is the JSON schema of `inci scan --format json` (documented field by field
//! in `docs/json-schema.md`); its field names are kept stable.

use crate::parse::{self, Diagnostic, Label, Qualifier, Section, TokenKind};
use crate::resolve::{Cosing, Via, resolve};
use crate::span::Span;
use serde::Serialize;

/// The result of scanning one label.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    /// Every ingredient in label order.
    pub ingredients: Vec<Ingredient>,
    /// Risk findings (filled by the risk engine; empty until then).
    pub findings: Vec<Finding>,
    /// Input that belongs to no ingredient (headers, pack text, legends), with the reason.
    pub skipped: Vec<SkippedText>,
    /// Problems the parser recovered from.
    pub diagnostics: Vec<Diagnostic>,
}

/// One ingredient of the label.
#[derive(Debug, Clone, Serialize)]
pub struct Ingredient {
    /// The item exactly as printed, qualifiers included.
    pub raw: String,
    /// Byte range of `raw` in the input, `[start, end)`.
    pub span: Span,
    /// Canonical INCI name, or `null` when unknown.
    pub name: Option<&'static str>,
    /// `main` or `may_contain`.
    pub section: Section,
    /// Up to three known names close to an unknown one; never applied.
    pub suggestions: Vec<&'static str>,
    /// How the name was found (`name`, `synonym`, `spelling`, `bracket`, `slash_group`,
    /// `trimmed`, `unknown`).
    pub matched_via: Via,
    /// The synonym used, with its source, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub synonym: Option<SynonymUse>,
    /// Other known names printed with it (`WATER` in `Aqua/Water/Eau`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<&'static str>,
    /// Percentages, nano, footnote and organic marks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// CAS number from CosIng, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cas: Option<&'static str>,
    /// CosIng functions, when known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<&'static str>,
}

/// A synonym that resolved an ingredient.
#[derive(Debug, Clone, Serialize)]
pub struct SynonymUse {
    /// The alternative name as the dictionary holds it.
    pub alias: &'static str,
    /// `common`, `foreign` or `colour`.
    pub kind: &'static str,
    /// Where the pairing comes from.
    pub source: &'static str,
}

/// A risk finding about one or more ingredients.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable code.
    pub code: &'static str,
    /// Category (`human_derived`, `comedogenic`, ...).
    pub category: &'static str,
    /// Severity.
    pub severity: &'static str,
    /// Explanation.
    pub message: String,
    /// Indices into `ingredients`.
    pub ingredients: Vec<usize>,
    /// Source of the fact.
    pub source: &'static str,
}

/// Input that is not part of any ingredient.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedText {
    /// `preamble`, `header`, `heading`, `prose` or `legend`.
    pub reason: &'static str,
    /// Byte range in the input.
    pub span: Span,
    /// The text.
    pub text: String,
}

/// Parses and resolves one label with the embedded dictionary.
pub fn scan(input: &str) -> ScanReport {
    let label = parse::parse(input, &Cosing);
    report(&label)
}

/// Builds the report of an already parsed label.
pub fn report(label: &Label<'_>) -> ScanReport {
    let input = label.input;
    let ingredients = label
        .items
        .iter()
        .map(|item| {
            let r = resolve(&item.name_text(input));
            let entry = r.entry;
            Ingredient {
                raw: item.raw(input).to_owned(),
                span: item.span,
                name: r.name(),
                section: item.section,
                suggestions: r.suggestions.iter().map(|s| s.name).collect(),
                matched_via: r.via,
                synonym: r.synonym.map(|s| SynonymUse {
                    alias: s.alias,
                    kind: s.kind.as_str(),
                    source: s.source,
                }),
                alternatives: r.alternatives,
                qualifiers: item.qualifiers.clone(),
                cas: entry.map(|e| e.cas).filter(|c| !c.is_empty()),
                functions: entry.map(|e| e.functions().collect()).unwrap_or_default(),
            }
        })
        .collect();
    let skipped = label
        .tokens
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::Skipped(s) => Some(SkippedText {
                reason: parse::skip_name(s),
                span: t.span,
                text: t.span.slice(input).to_owned(),
            }),
            _ => None,
        })
        .collect();
    ScanReport {
        ingredients,
        findings: Vec::new(),
        skipped,
        diagnostics: label.diagnostics.clone(),
    }
}
