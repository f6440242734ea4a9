//! One label in, one report out: parse, resolve every item, collect what was skipped.
//!
//! [`ScanReport`] is the JSON schema of `inci scan --format json` (documented field by field
//! in `docs/json-schema.md`); its field names are kept stable.

pub use crate::ingredient::{Ingredient, SynonymUse, ingredients, ingredients_with};
use crate::market::{MarketCoverage, Markets};
use crate::parse::{self, Diagnostic, Label, TokenKind};
use crate::resolve::Cosing;
use crate::risk::{self, ConcernLevel, Finding, Profile};
use crate::span::Span;
use serde::Serialize;

/// The result of scanning one label.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ScanReport {
    /// At most three plain sentences to read first: the worst concerns, the vegan verdict,
    /// the markets applied ([`crate::headline`]).
    pub headline: Vec<String>,
    /// Every ingredient in label order.
    pub ingredients: Vec<Ingredient>,
    /// Risk findings: which ingredients triggered what, why, and the source.
    pub findings: Vec<Finding>,
    /// One level per concern (pores, irritation, allergy, human origin and regulation, vegan).
    pub concerns: Vec<ConcernLevel>,
    /// Vegan: yes, no, or unknown (when an ingredient may be of animal origin or is unknown, or
    /// no ingredient list was found).
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
    /// The markets whose rules were applied, each with what inci could check there and what it
    /// could not for lack of rule data.
    pub markets: Vec<&'static MarketCoverage>,
    /// Input that belongs to no ingredient (headers, pack text, legends), with the reason.
    pub skipped: Vec<SkippedText>,
    /// Problems the parser recovered from.
    pub diagnostics: Vec<Diagnostic>,
    /// When no assignment of shares satisfies the label (declared percentages that cannot add
    /// up, or out of order above 1 %): where, and why no share is estimated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inconsistent_shares: Option<InconsistentShares>,
}

/// Percentages no product can have: the ingredient whose range came out empty.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct InconsistentShares {
    /// Index into `ingredients`.
    pub ingredient: usize,
    /// For people.
    pub message: String,
}

/// Input that is not part of any ingredient.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SkippedText {
    /// Why it is not an ingredient (`preamble`, `header`, `heading`, `prose`, `legend`,
    /// `free_from`, `shop_text`).
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
    /// Misspellings left unknown (`corrections(false)`).
    no_correct: bool,
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

    /// Applies the rules of `markets` (default: the EU): each market's rule on ingredients of
    /// human origin, and the EU annexes for the EU, UK and ASEAN.
    pub fn markets(mut self, markets: Markets) -> Scanner {
        self.options.markets = markets;
        self
    }

    /// Reads a misspelling as the one name it can be (`Citronnellol` as CITRONELLOL,
    /// `matched_via: correction`), on by default; off, it stays unknown with suggestions.
    pub fn corrections(mut self, on: bool) -> Scanner {
        self.no_correct = !on;
        self
    }

    /// A scanner for a profile, product type and markets given by name (`"acne-prone"`,
    /// `"leave-on"`, `"eu,kr"`), as the web API and the Python package receive them; no
    /// markets means the EU.
    pub fn from_names(
        profile: &str,
        product_type: Option<&str>,
        markets: Option<&str>,
    ) -> Result<Scanner, risk::UnknownValue> {
        Ok(Scanner::new()
            .profile(profile.parse()?)
            .product_type(product_type.map(risk::parse_product_type).transpose()?)
            .markets(markets.map(str::parse).transpose()?.unwrap_or_default()))
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
        report_opts(label, &self.options, !self.no_correct)
    }
}

fn report_opts(label: &Label<'_>, options: &risk::Options, correct: bool) -> ScanReport {
    let input = label.input;
    let profile = options.profile;
    let mut ingredients = crate::ingredient::ingredients_with(label, correct);
    let headers: Vec<&str> = label
        .tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Skipped(parse::Skip::Header | parse::Skip::Heading)
            )
        })
        .map(|t| t.span.slice(input))
        .collect();
    let ordered = risk::share::in_eu_order(&ingredients, &headers);
    let inconsistent_shares = match risk::share::shares(&ingredients, ordered) {
        risk::share::Shares::Estimated(shares) => {
            for (ing, share) in ingredients.iter_mut().zip(shares) {
                ing.share = share;
            }
            // The EU annexes' maxima, for markets that apply them.
            if options.markets.has_eu_annexes() {
                risk::share::compliant_caps(&mut ingredients, options.product_type);
            }
            None
        }
        risk::share::Shares::Inconsistent { at, .. } => Some(InconsistentShares {
            ingredient: at,
            message: format!(
                "the declared percentages cannot all hold: no share of {} fits both them and the label order (descending down to 1 %) with a total of 100 %; no share is estimated",
                ingredients
                    .get(at)
                    .map_or("an ingredient", |i| i.name.unwrap_or(i.raw.trim()))
            ),
        }),
    };
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
    let markets: Vec<&'static MarketCoverage> = options
        .markets
        .iter()
        .map(crate::market::coverage)
        .collect();
    let headline = crate::headline::headline(crate::headline::Parts {
        ingredients: &ingredients,
        findings: &analysis.findings,
        concerns: &analysis.concerns,
        vegan: analysis.vegan,
        vegetarian: analysis.vegetarian,
        markets: &markets,
    });
    ScanReport {
        headline,
        ingredients,
        findings: analysis.findings,
        concerns: analysis.concerns,
        vegan: analysis.vegan,
        vegetarian: analysis.vegetarian,
        minor_from: analysis.minor_from,
        profile,
        product_type: options.product_type,
        markets,
        skipped,
        diagnostics: label.diagnostics.clone(),
        inconsistent_shares,
    }
}
