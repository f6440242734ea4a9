//! The risk engine: findings about the ingredients of one label, and a level per concern.
//!
//! [`analyze`] takes the resolved [`Ingredient`]s and returns an [`Analysis`]: one
//! [`Finding`] per fact that applies (origin, comedogenic rating, irritant, fragrance
//! allergen, EU annex entry, unknown name), then the co-occurrence and interaction findings
//! from the rule tables in `rules.rs`, each naming the ingredients that triggered it, why,
//! and the source. Severities weigh position: an ingredient after the 1 % line
//! (`position.rs`) counts less, one of the first five counts more. The [`ConcernLevel`]s
//! summarise the findings per concern, raised for the concerns a [`Profile`] cares about.

mod checks;
mod position;
pub mod registry;
pub mod rules;
pub mod share;

pub(crate) use checks::annex::short as short_substance;
pub use checks::annex::{Applies, applies as annex_applies};
pub(crate) use checks::push_decimal;
pub use inci_dict::risk::ProductType;
pub use position::{SOURCE as POSITION_SOURCE, minor_start, percent_range, percent_value};

pub use crate::value::UnknownValue;

use crate::market::{HumanVerdict, Market, Markets};

use crate::ingredient::Ingredient;
use serde::Serialize;
use std::borrow::Cow;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// Of human origin (cells, tissues, media, exosomes).
    HumanDerived,
    /// Made with a human sequence, synthetically or recombinantly (sh-, rh- peptides): not of
    /// human origin.
    HumanSequence,
    /// Plant, animal or synthetic depending on the supplier (glycerin, squalane).
    AmbiguousOrigin,
    /// Of animal origin.
    AnimalDerived,
    /// Comedogenic rating of 3 or more.
    Comedogenic,
    /// Known irritant.
    Irritant,
    /// EU labelled fragrance allergen.
    FragranceAllergen,
    /// EU Annex II (prohibited) or III (restricted) entry.
    Regulatory,
    /// Not in the dictionary.
    UnknownIngredient,
    /// No ingredient was read in the text: nothing could be checked.
    NoIngredientList,
    /// A human-derived ingredient with a pore-clogger, irritant or allergen.
    CoOccurrence,
    /// Any other pairing of ingredients.
    Interaction,
}

impl Category {
    /// Stable identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::HumanDerived => "human_derived",
            Category::HumanSequence => "human_sequence",
            Category::AmbiguousOrigin => "ambiguous_origin",
            Category::AnimalDerived => "animal_derived",
            Category::Comedogenic => "comedogenic",
            Category::Irritant => "irritant",
            Category::FragranceAllergen => "fragrance_allergen",
            Category::Regulatory => "regulatory",
            Category::UnknownIngredient => "unknown_ingredient",
            Category::NoIngredientList => "no_ingredient_list",
            Category::CoOccurrence => "co_occurrence",
            Category::Interaction => "interaction",
        }
    }
}

/// The user-facing concerns a report is grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Concern {
    /// Breakouts, clogged pores.
    Pores,
    /// Stinging, redness, dryness.
    Irritation,
    /// Contact allergy.
    Allergy,
    /// Human origin and EU regulation.
    HumanOriginRegulation,
    /// Vegan and vegetarian status.
    Vegan,
    /// Nothing to worry about: information only (unknown names).
    Info,
}

impl Concern {
    /// Stable identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Concern::Pores => "pores",
            Concern::Irritation => "irritation",
            Concern::Allergy => "allergy",
            Concern::HumanOriginRegulation => "human_origin_regulation",
            Concern::Vegan => "vegan",
            Concern::Info => "info",
        }
    }

    /// Heading for people.
    pub fn title(self) -> &'static str {
        match self {
            Concern::Pores => "Pores",
            Concern::Irritation => "Irritation",
            Concern::Allergy => "Allergy",
            Concern::HumanOriginRegulation => "Human origin and regulation",
            Concern::Vegan => "Vegan",
            Concern::Info => "Information",
        }
    }

    /// The concern in a sentence or table cell: the title in lower case, except
    /// `regulation` for the human origin and regulation concern, which holds every annex
    /// finding (the human-origin findings say so themselves).
    pub fn words(self) -> &'static str {
        match self {
            Concern::Pores => "pores",
            Concern::Irritation => "irritation",
            Concern::Allergy => "allergy",
            Concern::HumanOriginRegulation => "regulation",
            Concern::Vegan => "vegan",
            Concern::Info => "information",
        }
    }

    /// Concerns reported with a level, in report order.
    pub const ALL: [Concern; 5] = [
        Concern::Pores,
        Concern::Irritation,
        Concern::Allergy,
        Concern::HumanOriginRegulation,
        Concern::Vegan,
    ];
}

/// How much a finding or concern matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, no risk.
    Info,
    /// Minor.
    Low,
    /// Moderate.
    Moderate,
    /// High.
    High,
}

impl Severity {
    /// Stable identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Moderate => "moderate",
            Severity::High => "high",
        }
    }

    fn up(self) -> Self {
        match self {
            Severity::Info => Severity::Info,
            Severity::Low => Severity::Moderate,
            Severity::Moderate | Severity::High => Severity::High,
        }
    }

    fn down(self) -> Self {
        match self {
            Severity::High => Severity::Moderate,
            Severity::Moderate => Severity::Low,
            s => s,
        }
    }

    fn from_level(level: inci_dict::risk::Level) -> Self {
        match level {
            inci_dict::risk::Level::Low => Severity::Low,
            inci_dict::risk::Level::Medium => Severity::Moderate,
            inci_dict::risk::Level::High => Severity::High,
        }
    }
}

/// One fact about the product, with the ingredients that triggered it and its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The registry row this finding is an instance of (code, category, concern, docs).
    #[serde(skip)]
    pub kind: &'static registry::FindingKind,
    /// Stable code (`H001`, `C001`, `CO002`...), the kind's.
    pub code: &'static str,
    /// What it is about.
    pub category: Category,
    /// The concern it counts towards.
    pub concern: Concern,
    /// How much it matters, position taken into account.
    pub severity: Severity,
    /// Why, for people.
    pub message: String,
    /// Indices into the report's `ingredients`.
    pub ingredients: Vec<usize>,
    /// Where the facts come from.
    pub source: Cow<'static, str>,
    /// The markets whose rule this is (`R416`, `M001`, the annex findings); empty for facts
    /// that hold in every market (ratings, origin, allergy).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::market::serialize_markets"
    )]
    pub markets: Vec<Market>,
    /// For `R416` and `M001`: the market's verdict on the ingredient, in a few words and in
    /// full, so a report can set markets side by side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_verdict: Option<HumanVerdict>,
}

impl Finding {
    /// A finding of `kind`: its code, category and concern are the registry's.
    pub fn new(
        kind: &'static registry::FindingKind,
        severity: Severity,
        message: String,
        ingredients: Vec<usize>,
        source: Cow<'static, str>,
    ) -> Finding {
        Finding {
            kind,
            code: kind.code,
            category: kind.category,
            concern: kind.concern,
            severity,
            message,
            ingredients,
            source,
            markets: Vec::new(),
            market_verdict: None,
        }
    }

    /// The finding, for the rule of `markets`.
    pub fn for_markets(mut self, markets: Vec<Market>) -> Finding {
        self.markets = markets;
        self
    }
}

/// The overall level of one concern.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ConcernLevel {
    /// The concern.
    pub concern: Concern,
    /// How much it weighs here.
    pub level: Degree,
    /// Raised because the chosen profile cares about it.
    pub weighted: bool,
    /// Indices into `findings`.
    pub findings: Vec<usize>,
}

/// How much a concern weighs in one product: the worst finding's severity, one step up when
/// the profile weighs the concern. Ordered `None < Low < Moderate < High`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// No finding above info.
    None,
    /// Worth knowing.
    Low,
    /// Worth acting on for some people.
    Moderate,
    /// Worth acting on.
    High,
}

impl Degree {
    /// The name in JSON (`moderate`).
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::None => "none",
            Degree::Low => "low",
            Degree::Moderate => "moderate",
            Degree::High => "high",
        }
    }
}

impl std::fmt::Display for Degree {
    /// The JSON name, padded as the format asks (`{:<8}`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Whether a product is vegan (or vegetarian): `No` when an ingredient rules it out, `Unknown`
/// when an ingredient may be of animal origin (glycerin, squalane) and nothing rules it out,
/// `Yes` otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VeganStatus {
    /// No ingredient is or may be of animal origin (for vegetarian: from slaughter).
    Yes,
    /// An ingredient is.
    No,
    /// An ingredient may be: ask the supplier.
    Unknown,
}

impl VeganStatus {
    /// The name in JSON (`unknown`).
    pub fn as_str(self) -> &'static str {
        match self {
            VeganStatus::Yes => "yes",
            VeganStatus::No => "no",
            VeganStatus::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for VeganStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Whom the report is for: raises the concerns that matter to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Profile {
    /// No weighting.
    #[default]
    General,
    /// Pores weigh more.
    AcneProne,
    /// Irritation and allergy weigh more.
    Sensitive,
    /// Vegan status weighs more.
    Vegan,
    /// Human origin and EU regulation weigh more.
    EuMarket,
}

impl Profile {
    /// Every profile, in the order `--help` lists them.
    pub const ALL: [Profile; 5] = [
        Profile::General,
        Profile::AcneProne,
        Profile::Sensitive,
        Profile::Vegan,
        Profile::EuMarket,
    ];

    /// The name in JSON and on the command line (`acne-prone`).
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::General => "general",
            Profile::AcneProne => "acne-prone",
            Profile::Sensitive => "sensitive",
            Profile::Vegan => "vegan",
            Profile::EuMarket => "eu-market",
        }
    }

    fn weights(self, concern: Concern) -> bool {
        matches!(
            (self, concern),
            (Profile::AcneProne, Concern::Pores)
                | (Profile::Sensitive, Concern::Irritation | Concern::Allergy)
                | (Profile::Vegan, Concern::Vegan)
                | (Profile::EuMarket, Concern::HumanOriginRegulation)
        )
    }
}

impl std::str::FromStr for Profile {
    type Err = UnknownValue;

    /// Parses a name as [`Profile::as_str`] spells it.
    fn from_str(s: &str) -> Result<Profile, UnknownValue> {
        Profile::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| UnknownValue::new("profile", s, Profile::ALL.map(Profile::as_str)))
    }
}

/// Reads a product type as people write it (`leave-on`, `leave_on`, any case); the error lists
/// the accepted names. The one reading shared by the command line, `inci.toml`, the web API
/// and the Python package.
pub fn parse_product_type(text: &str) -> Result<ProductType, UnknownValue> {
    text.parse::<ProductType>().map_err(|_| {
        UnknownValue::new(
            "product type",
            text,
            ProductType::CHOICES.map(|p| p.as_str().replace('_', "-")),
        )
    })
}

/// The findings and concern levels of one product.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Analysis {
    /// Every finding, in ingredient order, then combinations.
    pub findings: Vec<Finding>,
    /// One level per concern.
    pub concerns: Vec<ConcernLevel>,
    /// `yes`, `no`, or `unknown` (unknown names left).
    pub vegan: VeganStatus,
    /// `yes`, `no`, or `unknown`.
    pub vegetarian: VeganStatus,
    /// Index of the first ingredient likely under 1 %, if the list shows one.
    pub minor_from: Option<usize>,
}

/// What a report is weighed for: whom (the profile) and what product (its type decides which
/// annex limits apply). Built by [`Scanner`](crate::scan::Scanner); fields can be set on a
/// default value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    /// Whom the report is for.
    pub profile: Profile,
    /// The product type, when known: sharpens annex verdicts that depend on it.
    pub product_type: Option<ProductType>,
    /// The markets whose rules apply (default: the EU).
    pub markets: Markets,
}

/// Analyses resolved ingredients for a profile and product type.
pub fn analyze(ingredients: &[Ingredient], options: &Options) -> Analysis {
    let profile = options.profile;
    let minor_from = minor_start(ingredients);
    let cx = checks::Context {
        ingredients,
        minor_from,
    };
    // About one finding for every three ingredients: sized once instead of grown from 4.
    let mut findings = Vec::with_capacity(ingredients.len() / 3 + 4);
    let mut status = checks::origin::Status::default();
    let annex_markets = options.markets.eu_annexes();
    for (i, ing) in ingredients.iter().enumerate() {
        // This ingredient's findings start here: the annex check looks only at these.
        let first = findings.len();
        let Some(name) = ing.name else {
            checks::unknown::check(&cx, i, &mut findings);
            status.known = false;
            // An unknown name can still say where it comes from (`hUC-MSC Conditioned Media`).
            if let Some(v) = &ing.verdict {
                checks::origin::check(
                    ing.raw.trim(),
                    i,
                    v,
                    options.markets,
                    &mut findings,
                    &mut status,
                );
            }
            continue;
        };
        let Some(entry) = ing.entry.or_else(|| inci_dict::entry_by_name(name)) else {
            continue;
        };
        if let Some(v) = &ing.verdict {
            checks::origin::check(name, i, v, options.markets, &mut findings, &mut status);
        }
        checks::comedogenic::check(&cx, i, name, entry, &mut findings);
        checks::irritant::check(&cx, i, name, entry, &mut findings);
        checks::allergen::check(&cx, i, name, entry, &mut findings);
        // The annexes are EU law: checked for the EU, and for the UK and ASEAN, which share
        // them; a report for other markets says it has no rule data for them.
        if !annex_markets.is_empty() && !inci_dict::risk::annex_entries(entry.id).is_empty() {
            let before = findings.len();
            checks::annex::findings(
                name,
                i,
                ingredients,
                &checks::annex::entries_of(entry),
                options.product_type,
                &mut findings,
                first,
            );
            for f in &mut findings[before..] {
                f.markets.clone_from(&annex_markets);
            }
        }
        checks::guessed::cap(ing, name, &mut findings[first..]);
    }
    if ingredients.is_empty() {
        status.known = false;
        findings.push(checks::unknown::no_list());
    }
    checks::co_occurrence::combine(ingredients, &mut findings);
    let (vegan, vegetarian, vegan_known) = (status.vegan, status.vegetarian, status.known);
    let vegan_status = if !vegetarian {
        Some(Severity::High)
    } else if !vegan {
        Some(Severity::Moderate)
    } else if !vegan_known {
        Some(Severity::Low)
    } else {
        None
    };
    let concerns = Concern::ALL
        .iter()
        .map(|&concern| {
            // The vegan concern counts every origin finding, whatever concern it is filed under.
            let counts = |f: &Finding| {
                f.concern == concern
                    || (concern == Concern::Vegan
                        && matches!(f.category, Category::HumanDerived | Category::AnimalDerived))
            };
            // Sized for every finding (a handful a label), so the indices are not grown from 4.
            let mut idx: Vec<usize> = Vec::with_capacity(findings.len());
            idx.extend(
                findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| counts(f))
                    .map(|(k, _)| k),
            );
            let worst = if concern == Concern::Vegan {
                vegan_status
            } else {
                idx.iter().map(|&k| findings[k].severity).max()
            };
            let weighted = profile.weights(concern) && worst.is_some_and(|w| w > Severity::Info);
            let level = match worst.map(|w| if weighted { w.up() } else { w }) {
                None | Some(Severity::Info) => Degree::None,
                Some(Severity::Low) => Degree::Low,
                Some(Severity::Moderate) => Degree::Moderate,
                Some(Severity::High) => Degree::High,
            };
            ConcernLevel {
                concern,
                level,
                weighted,
                findings: idx,
            }
        })
        .collect();
    let yes_no = |v: bool| {
        if !v {
            VeganStatus::No
        } else if vegan_known {
            VeganStatus::Yes
        } else {
            VeganStatus::Unknown
        }
    };
    Analysis {
        findings,
        concerns,
        vegan: yes_no(vegan),
        vegetarian: yes_no(vegetarian),
        minor_from,
    }
}

#[cfg(test)]
mod tests {
    use super::{Category, Concern, Severity};
    use crate::ingredient::ShareBasis;
    use crate::parse::Section;

    /// `serde_json` writes `v` as `name` quoted, and `name` is lower-case letters and
    /// underscores: `inci-json` writes these names with no escape test.
    fn serializes_as(v: impl serde::Serialize, name: &str) {
        assert_eq!(
            serde_json::to_string(&v).expect("serializes"),
            format!("\"{name}\""),
            "{name}"
        );
        assert!(
            name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{name}"
        );
    }

    /// Each listed variant of `$ty` serializes as its `as_str`; the list is matched
    /// exhaustively, so a new variant stops this compiling until it is listed.
    macro_rules! every_variant {
        ($ty:ident: $($v:ident),+ $(,)?) => {
            for v in [$($ty::$v),+] {
                match v {
                    $($ty::$v)|+ => serializes_as(v, v.as_str()),
                }
            }
        };
    }

    #[test]
    fn closed_sets_serialize_as_their_names() {
        every_variant!(Category:
            HumanDerived, HumanSequence, AmbiguousOrigin, AnimalDerived, Comedogenic, Irritant,
            FragranceAllergen, Regulatory, UnknownIngredient, NoIngredientList, CoOccurrence,
            Interaction,
        );
        every_variant!(Concern: Pores, Irritation, Allergy, HumanOriginRegulation, Vegan, Info);
        every_variant!(Severity: Info, Low, Moderate, High);
        every_variant!(Section: Main, MayContain);
        every_variant!(ShareBasis: Declared, Order, None);
    }
}
