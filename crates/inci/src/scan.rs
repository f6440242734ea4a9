//! One label in, one report out: parse, resolve every item, collect what was skipped.
//!
//! [`ScanReport`] is the JSON schema of `inci scan --format json` (documented field by field
//! in `docs/json-schema.md`); its field names are kept stable.

use crate::parse::{self, Diagnostic, Label, Qualifier, Section, TokenKind};
use crate::resolve::{Cosing, Via, resolve};
use crate::risk::{self, ConcernLevel, Finding, Profile};
use crate::span::Span;
use inci_dict::Suggestion;
use serde::Serialize;

/// The result of scanning one label.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    /// Every ingredient in label order.
    pub ingredients: Vec<Ingredient>,
    /// Risk findings: which ingredients triggered what, why, and the source.
    pub findings: Vec<Finding>,
    /// One level per concern (pores, irritation, allergy, human origin and regulation, vegan).
    pub concerns: Vec<ConcernLevel>,
    /// Vegan: yes, no, or unknown (when an ingredient may be of animal origin or is unknown).
    pub vegan: risk::VeganStatus,
    /// Vegetarian: yes, no or unknown.
    pub vegetarian: risk::VeganStatus,
    /// Index of the first ingredient likely under 1 %, or `null`.
    pub minor_from: Option<usize>,
    /// The profile the concern levels were weighted for.
    pub profile: Profile,
    /// The product type annex verdicts were sharpened for (`leave_on`, `rinse_off`...), when
    /// given.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "product_type_id"
    )]
    pub product_type: Option<risk::ProductType>,
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
    /// Up to three known names close to an unknown one, nearest first; never applied.
    /// Serialized as the names; the edit distances stay for the linter.
    #[serde(serialize_with = "suggestion_names")]
    pub suggestions: Vec<Suggestion>,
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
    /// Comedogenic rating range `[min, max]` on the 0-5 scale, when rated (any rating; findings
    /// are raised from 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comedogenic: Option<[u8; 2]>,
    /// `human`, `animal` or `plant_culture`, when the name says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<&'static str>,
    /// The dictionary entry, for the risk engine (not serialized: `name` says the same).
    #[serde(skip)]
    pub entry: Option<inci_dict::Entry>,
    /// The origin verdict behind `origin`, kept for the risk engine so that it is read once.
    #[serde(skip)]
    pub verdict: Option<risk::origin::Verdict>,
}

impl Ingredient {
    /// The suggested names joined with `, ` (empty when there are none).
    pub fn suggested_names(&self) -> String {
        let names: Vec<&str> = self.suggestions.iter().map(|s| s.name).collect();
        names.join(", ")
    }
}

fn suggestion_names<S: serde::Serializer>(s: &[Suggestion], ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_seq(s.iter().map(|s| s.name))
}

/// A synonym that resolved an ingredient.
#[derive(Debug, Clone, Serialize)]
pub struct SynonymUse {
    /// The alternative name as the dictionary holds it.
    pub alias: &'static str,
    /// `common`, `foreign`, `colour`, `inn`, `pheur`, `chemical` or `former`.
    pub kind: &'static str,
    /// For a foreign name, its language (`fr`, `zh`...), when known.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub lang: &'static str,
    /// Where the pairing comes from.
    pub source: &'static str,
}

/// Input that is not part of any ingredient.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedText {
    /// Why it is not an ingredient (`preamble`, `header`, `heading`, `prose`, `legend`,
    /// `free_from`).
    pub reason: parse::Skip,
    /// Byte range in the input.
    pub span: Span,
    /// The text.
    pub text: String,
}

fn product_type_id<S: serde::Serializer>(
    p: &Option<risk::ProductType>,
    ser: S,
) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => ser.serialize_str(p.as_str()),
        None => ser.serialize_none(),
    }
}

/// Parses, resolves and analyses one label with the embedded dictionary, for the general
/// profile and no product type: `Scanner::new().scan(input)`.
///
/// ```
/// let report = inci::scan("Aqua, Glycerin, Parfum");
/// assert_eq!(report.ingredients[1].name, Some("GLYCERIN"));
/// ```
pub fn scan(input: &str) -> ScanReport {
    Scanner::new().scan(input)
}

/// Scans labels for one profile and product type: the one entry point from label text (or an
/// already parsed [`Label`]) to a [`ScanReport`]. Cheap to copy; share one across threads.
///
/// ```
/// use inci::risk::{ProductType, Profile};
/// use inci::scan::Scanner;
///
/// let scanner = Scanner::new()
///     .profile(Profile::AcneProne)
///     .product_type(Some(ProductType::LeaveOn));
/// let report = scanner.scan("Aqua, Isopropyl Myristate, Methylisothiazolinone");
/// assert!(report.findings.iter().any(|f| f.code == "C001"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scanner {
    options: risk::Options,
}

impl Scanner {
    /// The general profile, no product type.
    pub fn new() -> Scanner {
        Scanner::default()
    }

    /// Weighs concern levels for `profile`.
    pub fn profile(mut self, profile: Profile) -> Scanner {
        self.options.profile = profile;
        self
    }

    /// Sharpens annex verdicts that depend on the product type (hair-dye-only entries, leave-on
    /// limits); `None` when unknown.
    pub fn product_type(mut self, product_type: Option<risk::ProductType>) -> Scanner {
        self.options.product_type = product_type;
        self
    }

    /// The options [`risk::analyze`] gets.
    pub fn options(&self) -> &risk::Options {
        &self.options
    }

    /// Parses, resolves and analyses one label.
    pub fn scan(&self, input: &str) -> ScanReport {
        let label = parse::parse(input, &Cosing);
        self.report(&label)
    }

    /// Builds the report of an already parsed label.
    pub fn report(&self, label: &Label<'_>) -> ScanReport {
        report_opts(label, &self.options)
    }
}

fn report_opts(label: &Label<'_>, options: &risk::Options) -> ScanReport {
    let input = label.input;
    let profile = options.profile;
    let ingredients = ingredients(label);
    let analysis = risk::analyze(&ingredients, options);
    let skipped = label
        .tokens
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::Skipped(s) => Some(SkippedText {
                reason: s,
                span: t.span,
                text: t.span.slice(input).to_owned(),
            }),
            _ => None,
        })
        .collect();
    ScanReport {
        ingredients,
        findings: analysis.findings,
        concerns: analysis.concerns,
        vegan: analysis.vegan,
        vegetarian: analysis.vegetarian,
        minor_from: analysis.minor_from,
        profile,
        product_type: options.product_type,
        skipped,
        diagnostics: label.diagnostics.clone(),
    }
}

/// Resolves every item of a parsed label (no risk analysis).
pub fn ingredients(label: &Label<'_>) -> Vec<Ingredient> {
    let input = label.input;
    label
        .items
        .iter()
        .map(|item| {
            let r = resolve(&item.name_text(input));
            let entry = r.entry;
            // A dictionary entry by its recorded facts and exact words; an unknown name by its
            // words with typos allowed (`hUC-MSC Conditioned Media`).
            let verdict = match entry {
                Some(e) => risk::origin::classify_entry(e),
                None => risk::origin::classify_words(&inci_dict::fold(item.raw(input))),
            };
            Ingredient {
                raw: item.raw(input).to_owned(),
                span: item.span,
                name: r.name(),
                section: item.section,
                suggestions: r.suggestions,
                matched_via: r.via,
                synonym: r
                    .synonym
                    .map(|s| SynonymUse {
                        alias: s.alias,
                        kind: s.kind.as_str(),
                        lang: s.lang,
                        source: s.source,
                    })
                    .or(r.common.map(|c| SynonymUse {
                        alias: c.common,
                        kind: "common_name",
                        lang: "",
                        source: c.source,
                    })),
                alternatives: r.alternatives,
                qualifiers: item.qualifiers.clone(),
                cas: entry.map(|e| e.cas).filter(|c| !c.is_empty()),
                functions: entry.map(|e| e.functions().collect()).unwrap_or_default(),
                comedogenic: entry
                    .and_then(|e| inci_dict::risk::comedogenic(e.id))
                    .map(|c| [c.min, c.max]),
                entry,
                origin: verdict.as_ref().map(|v| v.origin.as_str()),
                verdict,
            }
        })
        .collect()
}
