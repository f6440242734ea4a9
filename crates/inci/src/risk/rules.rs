//! The rule tables: which findings combine into co-occurrence and interaction findings.
//!
//! Data, not code branches: a row says "when an ingredient with finding category A and another
//! with category B (optionally of a given irritant kind) are in one product, report this".
//! Adding a rule is adding a row (and a fixture).

use super::registry::FindingKind;
use super::{Category, Concern, Severity};
use inci_dict::risk::IrritantKind;

/// A co-occurrence rule: a human-derived ingredient together with a partner category.
#[derive(Debug, Clone, Copy)]
pub struct CoRule {
    /// The finding this rule raises: its code, category, concern and documentation.
    pub kind: FindingKind,
    /// The partner's finding category.
    pub partner: Category,
    /// For irritants, the irritant kinds the partner must have; empty for any.
    pub partner_kinds: &'static [IrritantKind],
    /// Severity of the combination.
    pub severity: Severity,
    /// Why it matters.
    pub message: &'static str,
    /// Where the reasoning comes from.
    pub source: &'static str,
}

/// Why the partner, not the medium, is the likelier cause: the medium itself passed the
/// standard skin tests; the partner's own finding carries its own source.
const SEED: &str = "the conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests: Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1; the partner's own finding gives its source";

/// Co-occurrence rules, reserved for a human-derived ingredient and a partner.
pub static CO_OCCURRENCE: &[CoRule] = &[
    CoRule {
        kind: FindingKind::new(
            "CO001",
            Category::CoOccurrence,
            Concern::Pores,
            "a human-derived secretion (conditioned media, exosomes) with a pore-clogging ingredient",
            "## Why\nconditioned media is rated 0-1 for pores, but it is formulated here with a pore-clogging ingredient: breakouts blamed on the stem-cell ingredient usually come from the oils around it.\n\n## Source\nthe conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests (Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1); the partner's own finding gives its source.\n",
        ),
        partner: Category::Comedogenic,
        partner_kinds: &[],
        severity: Severity::Moderate,
        message: "conditioned media is rated 0-1 for pores, but it is formulated here with a pore-clogging ingredient: breakouts blamed on the stem-cell ingredient usually come from the oils around it",
        source: SEED,
    },
    CoRule {
        kind: FindingKind::new(
            "CO002",
            Category::CoOccurrence,
            Concern::Irritation,
            "a human-derived secretion with fragrance or an essential oil",
            "## Why\nhuman-derived ingredient formulated with fragrance: irritation reported with such serums usually comes from the fragrance.\n\n## Source\nthe conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests (Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1); the partner's own finding gives its source.\n",
        ),
        partner: Category::Irritant,
        partner_kinds: &[IrritantKind::Fragrance, IrritantKind::EssentialOil],
        severity: Severity::Moderate,
        message: "human-derived ingredient formulated with fragrance: irritation reported with such serums usually comes from the fragrance",
        source: SEED,
    },
    CoRule {
        kind: FindingKind::new(
            "CO003",
            Category::CoOccurrence,
            Concern::Irritation,
            "a human-derived secretion with a sensitising preservative",
            "## Why\nhuman-derived ingredient formulated with a sensitising preservative: protein-rich media need strong preservation, a common source of irritation.\n\n## Source\nthe conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests (Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1); the partner's own finding gives its source.\n",
        ),
        partner: Category::Irritant,
        partner_kinds: &[IrritantKind::Preservative],
        severity: Severity::Moderate,
        message: "human-derived ingredient formulated with a sensitising preservative: protein-rich media need strong preservation, a common source of irritation",
        source: SEED,
    },
    CoRule {
        kind: FindingKind::new(
            "CO004",
            Category::CoOccurrence,
            Concern::Allergy,
            "a human-derived secretion with a labelled fragrance allergen",
            "## Why\nhuman-derived ingredient formulated with a labelled fragrance allergen: two allergy routes in one product (residual proteins and the allergen).\n\n## Source\nthe conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests (Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1); the partner's own finding gives its source.\n",
        ),
        partner: Category::FragranceAllergen,
        partner_kinds: &[],
        severity: Severity::Moderate,
        message: "human-derived ingredient formulated with a labelled fragrance allergen: two allergy routes in one product (residual proteins and the allergen)",
        source: SEED,
    },
    CoRule {
        kind: FindingKind::new(
            "CO005",
            Category::CoOccurrence,
            Concern::Irritation,
            "a human-derived secretion with a drying or stripping ingredient",
            "## Why\nhuman-derived ingredient formulated with a drying or stripping ingredient, which undoes the barrier support it is sold for.\n\n## Source\nthe conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests (Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1); the partner's own finding gives its source.\n",
        ),
        partner: Category::Irritant,
        partner_kinds: &[
            IrritantKind::Drying,
            IrritantKind::Surfactant,
            IrritantKind::Cooling,
        ],
        severity: Severity::Low,
        message: "human-derived ingredient formulated with a drying or stripping ingredient, which undoes the barrier support it is sold for",
        source: SEED,
    },
    CoRule {
        kind: FindingKind::new(
            "CO006",
            Category::CoOccurrence,
            Concern::Allergy,
            "a human-derived secretion with a hydrolysed protein",
            "## Why\nhuman-derived ingredient formulated with a hydrolysed protein: two protein allergy routes in one product (the medium's residual proteins and the hydrolysate).\n\n## Source\nthe conditioned medium itself passed skin irritation, sensitisation and phototoxicity tests (Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049, Table 1); the partner's own finding gives its source.\n",
        ),
        partner: Category::Irritant,
        partner_kinds: &[IrritantKind::Protein],
        severity: Severity::Moderate,
        message: "human-derived ingredient formulated with a hydrolysed protein: two protein allergy routes in one product (the medium's residual proteins and the hydrolysate)",
        source: SEED,
    },
];

/// An interaction between two ingredients (neither human-derived), by canonical name.
#[derive(Debug, Clone, Copy)]
pub struct PairRule {
    /// The finding this rule raises: its code, category, concern and documentation.
    pub kind: FindingKind,
    /// One side (any of these names).
    pub a: &'static [&'static str],
    /// The other side (any of these names).
    pub b: &'static [&'static str],
    /// Severity.
    pub severity: Severity,
    /// Why.
    pub message: &'static str,
    /// Where the reasoning comes from.
    pub source: &'static str,
}

const RETINOIDS: &[&str] = &[
    "RETINOL",
    "RETINAL",
    "RETINYL PALMITATE",
    "RETINYL RETINOATE",
    "HYDROXYPINACOLONE RETINOATE",
];
/// Exfoliating acids (AHA, BHA, PHA): one side of `IX001`, and the routine's several-acids rule.
pub(crate) const ACIDS: &[&str] = &[
    "GLYCOLIC ACID",
    "LACTIC ACID",
    "SALICYLIC ACID",
    "MANDELIC ACID",
    "GLUCONOLACTONE",
];

/// Interactions between active ingredients.
pub static INTERACTIONS: &[PairRule] = &[
    PairRule {
        kind: FindingKind::new(
            "IX001",
            Category::Interaction,
            Concern::Irritation,
            "a retinoid with an exfoliating acid",
            "## Why\na retinoid with an exfoliating acid in one product raises irritation and barrier damage.\n\n## Source\nAmerican Academy of Dermatology patient guidance on combining retinoids and AHA/BHA.\n",
        ),
        a: RETINOIDS,
        b: ACIDS,
        severity: Severity::Moderate,
        message: "a retinoid with an exfoliating acid in one product raises irritation and barrier damage",
        source: "American Academy of Dermatology patient guidance on combining retinoids and AHA/BHA",
    },
    PairRule {
        kind: FindingKind::new(
            "IX002",
            Category::Interaction,
            Concern::Irritation,
            "a retinoid with benzoyl peroxide",
            "## Why\nbenzoyl peroxide oxidises retinol and both irritate.\n\n## Source\nAmerican Academy of Dermatology patient guidance.\n",
        ),
        a: RETINOIDS,
        b: &["BENZOYL PEROXIDE"],
        severity: Severity::Moderate,
        message: "benzoyl peroxide oxidises retinol and both irritate",
        source: "American Academy of Dermatology patient guidance",
    },
    PairRule {
        kind: FindingKind::new(
            "IX003",
            Category::Interaction,
            Concern::Irritation,
            "L-ascorbic acid with copper",
            "## Why\ncopper ions oxidise L-ascorbic acid, which then works less and may sting.\n\n## Source\nBuettner GR, Jurkiewicz BA (1996) Catalytic metals, ascorbate and free radicals: combinations to avoid. Radiat Res 145(5):532-541.\n",
        ),
        a: &["ASCORBIC ACID"],
        b: &["COPPER TRIPEPTIDE-1", "COPPER GLUCONATE", "COPPER PCA"],
        severity: Severity::Low,
        message: "copper ions oxidise L-ascorbic acid, which then works less and may sting",
        source: "Buettner GR, Jurkiewicz BA (1996) Catalytic metals, ascorbate and free radicals: combinations to avoid. Radiat Res 145(5):532-541",
    },
];
