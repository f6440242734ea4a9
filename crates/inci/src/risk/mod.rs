//! The risk engine: findings about the ingredients of one label, and a level per concern.
//!
//! [`analyze`] takes the resolved [`Ingredient`]s and returns an [`Analysis`]: one
//! [`Finding`] per fact that applies (origin, comedogenic rating, irritant, fragrance
//! allergen, EU annex entry, unknown name), then the co-occurrence and interaction findings
//! from the rule tables in `rules.rs`, each naming the ingredients that triggered it, why,
//! and the source. Severities weigh position: an ingredient after the 1 % line
//! (`position.rs`) counts less, one of the first five counts more. The [`ConcernLevel`]s
//! summarise the findings per concern, raised for the concerns a [`Profile`] cares about.

mod annex;
mod position;
pub mod registry;
pub mod rules;

pub use annex::codes as annex_codes;
pub(crate) use annex::short as short_substance;
pub use annex::{Applies, applies as annex_applies};
pub use inci_dict::risk::ProductType;
pub use position::{SOURCE as POSITION_SOURCE, minor_start, percent_range, percent_value};

use crate::ingredient::Ingredient;
use crate::origin;
use origin::{Certainty, Origin};
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
        }
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

/// A name that is not one of a closed set's values: says which set and lists the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    what: &'static str,
    given: String,
    expected: Vec<String>,
}

impl UnknownValue {
    /// `given` is not a `what`; `expected` lists the values that are.
    pub fn new<T: Into<String>>(
        what: &'static str,
        given: &str,
        expected: impl IntoIterator<Item = T>,
    ) -> UnknownValue {
        UnknownValue {
            what,
            given: given.to_owned(),
            expected: expected.into_iter().map(Into::into).collect(),
        }
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

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} {:?}; one of: {}",
            self.what,
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

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

/// What a label must print, which a text without a list does not: the source of `U002`.
const NO_LIST_SOURCE: &str =
    "Regulation (EC) 1223/2009 Art. 19(1)(g): a cosmetic product's label lists its ingredients";

const ANNEX_416: &str =
    "Regulation (EC) 1223/2009 Annex II entry 416: cells, tissues or products of human origin";

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
}

/// Analyses resolved ingredients for a profile and product type.
pub fn analyze(ingredients: &[Ingredient], options: &Options) -> Analysis {
    let profile = options.profile;
    let minor_from = minor_start(ingredients);
    let n = ingredients.len();
    let weigh = |base: Severity, i: usize| -> (Severity, String) {
        let pos = format!("position {} of {n}", i + 1);
        if minor_from.is_some_and(|m| i >= m) {
            (
                base.down(),
                format!("{pos}, after the 1 % line: likely minor"),
            )
        } else if i < 5 && ingredients[i].section == crate::parse::Section::Main {
            (base.up(), format!("{pos}: a main ingredient"))
        } else {
            (base, pos)
        }
    };
    let mut findings = Vec::new();
    let mut vegan_known = true;
    let mut vegan = true;
    let mut vegetarian = true;
    for (i, ing) in ingredients.iter().enumerate() {
        // This ingredient's findings start here: the annex rules look only at these.
        let first = findings.len();
        let Some(name) = ing.name else {
            vegan_known = false;
            findings.push(Finding::new(
                &registry::U001,
                Severity::Info,
                if let Some(lang) = unsupported_script(&ing.raw) {
                    format!(
                        "\"{}\" is a {lang} label name; inci has no open source of {lang} label names yet: check the INCI name printed on the pack",
                        ing.raw.trim()
                    )
                } else if ing.suggestions.is_empty() {
                    format!(
                        "\"{}\" is not a known INCI name; no fact about it can be checked",
                        ing.raw.trim()
                    )
                } else {
                    format!(
                        "\"{}\" is not a known INCI name (did you mean {}?)",
                        ing.raw.trim(),
                        ing.suggested_names()
                    )
                },
                vec![i],
                Cow::Borrowed(inci_dict::COSING_SOURCE),
            ));
            // An unknown name can still say where it comes from (`hUC-MSC Conditioned Media`).
            if let Some(v) = &ing.verdict {
                let mut status = Status {
                    vegan: &mut vegan,
                    vegetarian: &mut vegetarian,
                    known: &mut vegan_known,
                };
                origin_findings(ing.raw.trim(), i, v, &mut findings, &mut status);
            }
            continue;
        };
        let Some(entry) = ing.entry.or_else(|| inci_dict::entry_by_name(name)) else {
            continue;
        };
        if let Some(v) = &ing.verdict {
            let mut status = Status {
                vegan: &mut vegan,
                vegetarian: &mut vegetarian,
                known: &mut vegan_known,
            };
            origin_findings(name, i, v, &mut findings, &mut status);
        }
        if let Some(c) = inci_dict::risk::comedogenic(entry.id)
            && c.max >= 3
        {
            let base = match c.max {
                3 => Severity::Low,
                4 => Severity::Moderate,
                _ => Severity::High,
            };
            let (severity, pos) = weigh(base, i);
            let rating = if c.min == c.max {
                format!("{}", c.max)
            } else {
                format!("{}-{}", c.min, c.max)
            };
            findings.push(Finding::new(
                &registry::C001,
                severity,
                format!("{name} is rated {rating} of 5 for clogging pores ({pos})"),
                vec![i],
                Cow::Borrowed(c.source),
            ));
        }
        if let Some(irr) = inci_dict::risk::irritant(entry.id) {
            let (severity, pos) = weigh(Severity::from_level(irr.severity), i);
            let note = irr.note.map(|n| format!(": {n}")).unwrap_or_default();
            findings.push(Finding::new(
                &registry::I001,
                severity,
                format!(
                    "{name} is a known irritant ({}{note}; {pos})",
                    irr.category.words()
                ),
                vec![i],
                Cow::Borrowed(irr.source),
            ));
        }
        if let Some(a) = inci_dict::risk::allergen(entry.id) {
            let (severity, pos) = weigh(Severity::from_level(a.severity), i);
            let set = if a.original_26 {
                "one of the 26 original EU fragrance allergens"
            } else {
                "an EU fragrance allergen added by Regulation (EU) 2023/1545"
            };
            findings.push(Finding::new(
                &registry::F001,
                severity,
                format!("{name} is {set}, named on labels above 0.001 % leave-on or 0.01 % rinse-off ({pos})"),
                vec![i],
                Cow::Borrowed(a.source),
            ));
        }
        annex::findings(
            name,
            i,
            ingredients,
            inci_dict::risk::annex_entries(entry.id),
            options.product_type,
            &mut findings,
            first,
        );
        // A name read only by dropping debris (`Benzophenone-$`) is a guess: it says so, and
        // raises nothing above low on its own.
        if ing.matched_via == crate::resolve::Via::Guessed {
            for f in &mut findings[first..] {
                f.severity = f.severity.min(Severity::Low);
                f.message = format!(
                    "read as {name} from \"{}\" (characters dropped): {}",
                    ing.raw.trim(),
                    f.message
                );
            }
        }
    }
    if ingredients.is_empty() {
        // A shop page with no list ("Visit the ... boutique", `No Info`) is not a vegan
        // product: nothing was read, so nothing can be said.
        vegan_known = false;
        findings.push(Finding::new(
            &registry::U002,
            Severity::Info,
            "no ingredient list found: nothing could be checked; vegan and vegetarian unknown"
                .to_owned(),
            Vec::new(),
            Cow::Borrowed(NO_LIST_SOURCE),
        ));
    }
    combine(ingredients, &mut findings);
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
            let idx: Vec<usize> = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| counts(f))
                .map(|(k, _)| k)
                .collect();
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

/// The language of a name written in a script inci has no label names for: Korean (Hangul)
/// or Japanese (kana). Chinese names resolve through the NMPA inventory.
fn unsupported_script(text: &str) -> Option<&'static str> {
    text.chars().find_map(|c| match c {
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
            Some("Korean")
        }
        '\u{3040}'..='\u{30FF}' => Some("Japanese"),
        _ => None,
    })
}

/// Vegan and vegetarian status, updated as origin findings are added.
struct Status<'a> {
    vegan: &'a mut bool,
    vegetarian: &'a mut bool,
    /// False once an ingredient's origin cannot be told (unknown name, ambiguous source).
    known: &'a mut bool,
}

/// The findings an origin verdict raises: human origin (with the EU prohibition), a human
/// sequence (not human origin), animal origin or an ambiguous source (vegan status).
fn origin_findings(
    name: &str,
    i: usize,
    v: &origin::Verdict,
    findings: &mut Vec<Finding>,
    status: &mut Status<'_>,
) {
    let source = v.source.unwrap_or(origin::RULES_SOURCE);
    match v.origin {
        Origin::Human => {
            *status.vegan = false;
            *status.vegetarian = false;
            let kind = crate::origin::HumanKind::of(name);
            let (severity, message) = match v.certainty {
                Certainty::Named => (
                    Severity::High,
                    format!(
                        "{name} is of human origin ({}); neither vegan nor vegetarian; {}",
                        v.reason,
                        kind.note()
                    ),
                ),
                Certainty::Possible => (
                    Severity::Moderate,
                    format!(
                        "{name} is possibly of human origin ({}): unknown, ask the supplier; if human, neither vegan nor vegetarian; {}",
                        v.reason,
                        kind.note()
                    ),
                ),
            };
            findings.push(Finding::new(
                &registry::H001,
                severity,
                message,
                vec![i],
                Cow::Borrowed(source),
            ));
            findings.push(Finding::new(
                &registry::R416,
                severity,
                format!("{name}: products of human origin are prohibited in EU cosmetics (Annex II entry 416)"),
                vec![i],
                Cow::Borrowed(ANNEX_416),
            ));
        }
        Origin::HumanSequence => findings.push(Finding::new(
            &registry::H002,
            Severity::Info,
            format!(
                "{name}: {}; not a product of human origin under Annex II entry 416",
                v.reason
            ),
            vec![i],
            Cow::Borrowed(source),
        )),
        Origin::Animal => {
            *status.vegan = false;
            *status.vegetarian &= v.vegetarian;
            let veg = if v.vegetarian {
                "not vegan (vegetarian)"
            } else {
                "neither vegan nor vegetarian"
            };
            findings.push(Finding::new(
                &registry::A001,
                Severity::Low,
                format!("{name} is of animal origin ({}): {veg}", v.reason),
                vec![i],
                Cow::Borrowed(source),
            ));
        }
        Origin::Ambiguous => {
            *status.known = false;
            findings.push(Finding::new(
                &registry::A002,
                Severity::Info,
                format!(
                    "{name} may be of plant, animal or synthetic origin ({}): vegan status unknown",
                    v.reason
                ),
                vec![i],
                Cow::Borrowed(source),
            ));
        }
        Origin::PlantCulture | Origin::Microbial => {}
    }
}

/// Adds co-occurrence findings (human-derived with a partner) and interactions.
fn combine(ingredients: &[Ingredient], findings: &mut Vec<Finding>) {
    // The co-occurrence rules speak of conditioned media: only secretions (media, secretomes,
    // exosomes) take them, not a placenta extract or cord blood.
    let human: Vec<usize> = findings
        .iter()
        .filter(|f| f.category == Category::HumanDerived)
        .flat_map(|f| f.ingredients.clone())
        .filter(|&i| {
            let ing = &ingredients[i];
            crate::origin::HumanKind::of(ing.name.unwrap_or(ing.raw.trim()))
                == crate::origin::HumanKind::Secretion
        })
        .collect();
    let mut added = Vec::new();
    if !human.is_empty() {
        for rule in rules::CO_OCCURRENCE {
            let mut partners: Vec<usize> = findings
                .iter()
                .filter(|f| f.category == rule.partner)
                .filter(|f| {
                    rule.partner_kinds.is_empty()
                        || f.ingredients.iter().any(|&i| {
                            ingredients[i]
                                .entry
                                .and_then(|e| inci_dict::risk::irritant(e.id))
                                .is_some_and(|irr| rule.partner_kinds.contains(&irr.category))
                        })
                })
                .flat_map(|f| f.ingredients.iter().copied())
                .filter(|i| !human.contains(i))
                .collect();
            partners.sort_unstable();
            partners.dedup();
            if partners.is_empty() {
                continue;
            }
            // An unknown name (`hUC-MSC Conditioned Media`) is named as printed.
            let names = |ix: &[usize]| {
                ix.iter()
                    .map(|&i| ingredients[i].name.unwrap_or(ingredients[i].raw.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut involved = human.clone();
            involved.extend(&partners);
            added.push(Finding::new(
                &rule.kind,
                rule.severity,
                format!(
                    "{} with {}: {}",
                    names(&human),
                    names(&partners),
                    rule.message
                ),
                involved,
                Cow::Borrowed(rule.source),
            ));
        }
    }
    for rule in rules::INTERACTIONS {
        let side = |names: &[&str]| -> Vec<usize> {
            ingredients
                .iter()
                .enumerate()
                .filter(|(_, g)| g.name.is_some_and(|n| names.contains(&n)))
                .map(|(i, _)| i)
                .collect()
        };
        let (a, b) = (side(rule.a), side(rule.b));
        if a.is_empty() || b.is_empty() {
            continue;
        }
        let mut involved = a;
        involved.extend(b);
        let names: Vec<&str> = involved
            .iter()
            .filter_map(|&i| ingredients[i].name)
            .collect();
        added.push(Finding::new(
            &rule.kind,
            rule.severity,
            format!("{}: {}", names.join(" with "), rule.message),
            involved,
            Cow::Borrowed(rule.source),
        ));
    }
    findings.extend(added);
}
