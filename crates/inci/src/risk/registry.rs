//! The finding registry: one typed row per finding code, as lint has `RULES`.
//!
//! Every [`Finding`](super::Finding) is made from one of these rows
//! ([`Finding::new`](super::Finding::new)), so its code, category and concern come from the
//! registry and never from a string literal at the place that raises it. The rows of the
//! co-occurrence and interaction rule tables live with their rules
//! ([`super::rules::CO_OCCURRENCE`], [`super::rules::INTERACTIONS`]) and are listed here too.
//! `docs/json-schema.md`'s table of codes is generated from [`all`] (a test keeps it current),
//! and `inci rule CODE` prints a row's documentation.

use super::{Category, Concern};

/// What one finding code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FindingKind {
    /// Stable code (`H001`, `R416`, `CO001`).
    pub code: &'static str,
    /// What it is about.
    pub category: Category,
    /// The concern it counts towards.
    pub concern: Concern,
    /// When it is raised, in one line (the docs' code table).
    pub summary: &'static str,
    /// What it finds, why it matters and where its facts come from (`inci rule CODE`).
    pub doc: &'static str,
}

impl FindingKind {
    /// A registry row (for the rule tables, which keep their rows beside their rules).
    pub const fn new(
        code: &'static str,
        category: Category,
        concern: Concern,
        summary: &'static str,
        doc: &'static str,
    ) -> FindingKind {
        FindingKind {
            code,
            category,
            concern,
            summary,
            doc,
        }
    }
}

/// Every finding kind, in the order of the docs' table: origin, ratings, annexes, unknowns,
/// then the rule tables.
pub fn all() -> Vec<&'static FindingKind> {
    let mut out: Vec<&'static FindingKind> = KINDS.to_vec();
    out.extend(super::rules::CO_OCCURRENCE.iter().map(|r| &r.kind));
    out.extend(super::rules::INTERACTIONS.iter().map(|r| &r.kind));
    out
}

/// The kind of a code (case-insensitive: `h001` is `H001`), or `None`.
pub fn by_code(code: &str) -> Option<&'static FindingKind> {
    all()
        .into_iter()
        .find(|k| k.code.eq_ignore_ascii_case(code.trim()))
}

const ANNEX: Category = Category::Regulatory;
const REGULATION: Concern = Concern::HumanOriginRegulation;

/// Of human origin.
pub static H001: FindingKind = FindingKind::new(
    "H001",
    Category::HumanDerived,
    REGULATION,
    "the name is human tissue, cells or their products (recorded, or read from its words: `HUMAN`, `hUC-MSC`, a human tissue with no species named); `moderate` and \"ask the supplier\" when no species is named; worded by class (culture media and exosomes may carry bovine serum; a placenta or blood product is no culture medium)",
    "## What it finds\nNames of human cells, tissues or their products: recorded CosIng names, and names read by their words with one typo allowed (`Umbillical`, `Conditoned`, `hUC-MSC`). A tissue word, exosomes or a stem-cell extract with no species named is *possibly* human (moderate: ask the supplier).\n\n## Why\nNeither vegan nor vegetarian; prohibited in EU cosmetics (see R416). Culture media may carry bovine serum.\n\n## Source\nThe CosIng inventory (a name of human cells, tissues or their products), or INCI nomenclature read from the name's words.\n",
);
/// With H001: Annex II entry 416 of the EU (and, sharing it, the UK and ASEAN).
pub static R416: FindingKind = FindingKind::new(
    "R416",
    ANNEX,
    REGULATION,
    "with `H001`, for the EU, UK and ASEAN markets: Annex II entry 416 prohibits products of human origin (`markets` names the market; the UK's is inferred)",
    "## What it finds\nEvery H001 ingredient, at the same severity, once per selected market whose annexes carry entry 416: the EU (default), the UK (Regulation (EC) 1223/2009 as assimilated law: inferred, the GB text was not read) and ASEAN (ASEAN Cosmetic Directive Annex II, ref. 416).\n\n## Why\nAnnex II entry 416 prohibits \"cells, tissues or products of human origin\" in EU cosmetics. Other markets answer differently (see M001).\n\n## Source\nRegulation (EC) 1223/2009 Annex II entry 416; ASEAN Cosmetic Directive Annex II, version 2024-2, ref. 416.\n",
);
/// With H001: the rule of a market without the EU annexes.
pub static M001: FindingKind = FindingKind::new(
    "M001",
    ANNEX,
    REGULATION,
    "with `H001`, for Korea, Japan, China, Taiwan, the US and Canada: that market's rule on ingredients of human origin (`prohibited` high, `allowed_with_conditions` low with the conditions, `unclear` moderate, `no_specific_rule` info; `market_verdict` holds it)",
    "## What it finds\nEvery H001 ingredient, once per selected market that is not an EU-annex market, with that market's verdict:\n- KR: culture media (the fluid left after culturing human cells, cells removed) are allowed if they meet the MFDS safety standard (Annex 3); the cells and tissues themselves are prohibited; exosomes isolated from a medium are not named in the rule: unclear;\n- JP: allowed if the ingredient meets the Standards for Biological Materials;\n- CN: not permitted (not in the IECIC 2021 inventory, no stem-cell ingredient registered);\n- TW: prohibited;\n- US: no specific rule;\n- CA: restricted, with notification to Health Canada.\nA possibly human ingredient says \"if of human origin\", one step lower.\n\n## Why\nThe flagship's category is made in Korea and Japan and sold everywhere: each market answers differently.\n\n## Source\nEach market's legal text, cited per finding: MFDS 화장품 안전기준 등에 관한 규정 [별표 3]; MHLW Standards for Cosmetics (Notification 331 of 2000); NMPA notice of 2021-09-13 and IECIC 2021; MOHW announcement 1131601051 (2024); 21 CFR 700; Health Canada Cosmetic Ingredient Hotlist (2025).\n",
);
/// Made with a human sequence.
pub static H002: FindingKind = FindingKind::new(
    "H002",
    Category::HumanSequence,
    REGULATION,
    "made synthetically or recombinantly with a human sequence (sh-, rh- peptides, `Human Oligopeptide-1`): not of human origin, not entry 416 (severity `info`)",
    "## What it finds\nsh- and rh- peptides, human-like collagen, former `Human Oligopeptide-N` names.\n\n## Why\nA human *sequence* made by synthesis or fermentation is not human tissue: not Annex II entry 416.\n\n## Source\nCosIng descriptions (\"recombinant\", \"produced by fermentation\") and the INCI sh-/rh- convention.\n",
);
/// Of animal origin.
pub static A001: FindingKind = FindingKind::new(
    "A001",
    Category::AnimalDerived,
    Concern::Vegan,
    "the name is of animal origin (CosIng description, colour index such as carmine `CI 75470`, a sourced table of names with no animal word such as lactose or chondroitin, or its words)",
    "## What it finds\nAnimal-derived ingredients, and whether they are still vegetarian (milk, honey, wool, beeswax: no animal killed).\n\n## Why\nNot vegan. A plant binomial (`Opuntia tuna`), a plant part, \"synthetic\" or \"vegetable\" in the name is never animal.\n\n## Source\nCosIng 2021 descriptions; Cristiano & Guagni (2022) Cosmetics 9(1):13; a curated table (primary source stated per row).\n",
);
/// Of ambiguous origin.
pub static A002: FindingKind = FindingKind::new(
    "A002",
    Category::AmbiguousOrigin,
    Concern::Vegan,
    "plant, animal or synthetic depending on the supplier (glycerin, squalane, cholesterol, stearic acid and its derivatives such as glyceryl stearate): vegan status `unknown` (severity `info`)",
    "## What it finds\nIngredients made from animal fat or plants or by synthesis: glycerin, squalane, cholesterol, stearic and oleic acid, and their derivatives (the stearates).\n\n## Why\nOnly the supplier can say: vegan unknown, \"ask the supplier\".\n\n## Source\nPMC8344025 Table 2 ('hidden' mammal-derived ingredients); Cristiano & Guagni (2022).\n",
);
/// Comedogenic.
pub static C001: FindingKind = FindingKind::new(
    "C001",
    Category::Comedogenic,
    Concern::Pores,
    "comedogenic rating of 3 or more (lower ratings are in `ingredients[].comedogenic`)",
    "## What it finds\nIngredients rated 3-5 of 5 for clogging pores; severity by rating and position.\n\n## Why\nRabbit-ear and human-back ratings of raw materials at high concentration: a range, not a verdict.\n\n## Source\nFulton (1989) J Soc Cosmet Chem 40:321-333; Kligman & Kwong (1979) Br J Dermatol 100:699-702, as compiled in the cosmetic-inci-bot dataset.\n",
);
/// Irritant.
pub static I001: FindingKind = FindingKind::new(
    "I001",
    Category::Irritant,
    Concern::Irritation,
    "a known irritant (fragrance, essential oils, drying alcohols, sulfates, isothiazolinones, formaldehyde releasers, acids that raise sun sensitivity ...)",
    "## What it finds\nIrritants by kind; severity by the row and the position (after the 1 % line one step down).\n\n## Source\nPer row: a primary source where one states the finding (CIR, SCCS, de Groot et al.), else the dataset \"primary source not stated\".\n",
);
/// EU fragrance allergen.
pub static F001: FindingKind = FindingKind::new(
    "F001",
    Category::FragranceAllergen,
    Concern::Allergy,
    "an EU labelled fragrance allergen (Annex III)",
    "## What it finds\nThe 26 original fragrance allergens and those added by Regulation (EU) 2023/1545.\n\n## Why\nThey must be named on the label above 0.001 % (leave-on) or 0.01 % (rinse-off); some people react to them.\n\n## Source\nRegulation (EC) 1223/2009 Annex III, the entry in the message.\n",
);
/// Annex II: prohibited.
pub static R002: FindingKind = FindingKind::new(
    "R002",
    ANNEX,
    REGULATION,
    "an Annex II entry names this substance (INCI name, CAS or EC number) with no condition, or its condition is met on the label (`(nano)` printed, `--product-type hair-dye`): prohibited; `low` when the name was guessed",
    "## What it finds\nSubstances an Annex II entry names, by INCI name, CAS or EC number, with no condition (or the label meets it).\n\n## Why\nProhibited in EU cosmetics. Never raised from a prefix of a chemical name or an entry about another substance.\n\n## Source\nRegulation (EC) 1223/2009 Annex II, the entry in the message, CosIng export of 28/08/2026.\n",
);
/// Annex III: restricted.
pub static R003: FindingKind = FindingKind::new(
    "R003",
    ANNEX,
    REGULATION,
    "an Annex III (restricted) entry identifies it (its INCI name, CAS or EC number, CosIng's restriction column, the same plant species, part and preparation, a class it names), with its required warning; `info` and \"conditional\" when the entry restricts a form the label does not show (titanium dioxide in powder form)",
    "## What it finds\nAnnex III entries that identify the ingredient. An entry about another plant part or preparation (the orange *peel oil* entry for an orange fruit extract), a trace the ingredient may carry (diethylene glycol in PEGs) or a mixture not all of whose components are listed (MCI/MI) raises nothing.\n\n## Source\nRegulation (EC) 1223/2009 Annex III, the entry in the message.\n",
);
/// Annex II: conditional.
pub static R004: FindingKind = FindingKind::new(
    "R004",
    ANNEX,
    REGULATION,
    "an Annex II entry prohibits it only under a condition (an exception, nano form, hair dye use, a concentration), said in the message; `info` when the condition is hair dye use or the product type rules it out",
    "## What it finds\nAnnex II entries whose own wording makes them conditional.\n\n## Why\nThe label cannot tell whether the condition is met: \"conditional: ...\" with the condition in words.\n\n## Source\nRegulation (EC) 1223/2009 Annex II, the entry in the message.\n",
);
/// Annex II: related only.
pub static R005: FindingKind = FindingKind::new(
    "R005",
    ANNEX,
    REGULATION,
    "CosIng links the name to an Annex II entry that names another substance (citrus oils under furocoumarins, Cyclomethicone under D4): a check, severity `info`",
    "## What it finds\nNames CosIng's identified-ingredients column ties to an Annex II entry about another substance.\n\n## Why\nInformation only: not a ban.\n\n## Source\nThe CosIng export of 28/08/2026.\n",
);
/// Over an annex maximum.
pub static R006: FindingKind = FindingKind::new(
    "R006",
    ANNEX,
    REGULATION,
    "a declared percentage over an Annex III, V or VI maximum (`high` when over every product type's limit; `low` and conditional when over some, when only the upper end of a declared range is, when another entry allows it for other uses, or when the limit is calculated as something else such as F)",
    "## What it finds\nDeclared percentages (`5%`, `.50%`, `2% w/w`, `1450 ppm`, `1-2%`) over the entry's maximum concentration.\n\n## Source\nRegulation (EC) 1223/2009 Annexes III, V and VI, the entry in the message.\n",
);
/// Over an annex maximum by the label's order.
pub static R008: FindingKind = FindingKind::new(
    "R008",
    ANNEX,
    REGULATION,
    "no percentage printed, but the label's order puts it over an Annex III, V or VI maximum (listed before a declared 2 % ingredient, so at least 2 %): `low` and conditional, below a declared percentage over the limit (`R006`), since the order may be wrong",
    "## What it finds
A restricted substance with no printed percentage whose estimated share (the `share` of the report: the label order, the 1 % rule, printed percentages and the sum of 100 %) is at least more than the entry's maximum, for every product type the entry names, and no other entry of the same substance allows that much. The message says what gives the minimum: usually an ingredient declared later, above 1 %, which it must be at least.

## Why
The regulation orders ingredients above 1 % by concentration, so a preservative listed before a declared 2 % active is at 2 % at least; over its 1 % limit unless the label is wrong.

## Source
Regulation (EC) 1223/2009 Art. 19(1)(g) (the order) and Annexes III, V and VI (the maximum in the message).
",
);
/// Not allowed in this product type.
pub static R007: FindingKind = FindingKind::new(
    "R007",
    ANNEX,
    REGULATION,
    "an Annex III or V entry allows it only in some product types: `high` when `--product-type` is not one of them, `low` (conditional) when no product type was given or the product may be one of the entry's categories (a rinse-off product may be a shower gel)",
    "## What it finds\nProduct-type limits: methylisothiazolinone only in rinse-off products, triclosan only in toothpastes, hand soaps, shower gels ...\n\n## Source\nRegulation (EC) 1223/2009 Annexes III and V, the entry in the message.\n",
);
/// Unknown name.
pub static U001: FindingKind = FindingKind::new(
    "U001",
    Category::UnknownIngredient,
    Concern::Info,
    "the name is not in the dictionary (severity `info`)",
    "## What it finds\nNames no CosIng name, synonym, spelling or common name matches; up to three suggestions, never applied.\n\n## Why\nNo fact about it can be checked; vegan status unknown.\n",
);
/// No ingredient list.
pub static U002: FindingKind = FindingKind::new(
    "U002",
    Category::NoIngredientList,
    Concern::Vegan,
    "no ingredient was read in the text (a shop page, `No Info`): nothing was checked, `vegan` and `vegetarian` are `unknown`; `ingredients` is empty (severity `info`)",
    "## What it finds\nTexts in which no ingredient was read: \"Visit the ... boutique\", `#NAME?`, `No Info`.\n\n## Why\nA product with no list is not vegan: nothing can be said.\n\n## Source\nRegulation (EC) 1223/2009 Art. 19(1)(g): a cosmetic product's label lists its ingredients.\n",
);

static KINDS: &[&FindingKind] = &[
    &H001, &R416, &M001, &H002, &A001, &A002, &C001, &I001, &F001, &R002, &R004, &R005, &R003,
    &R006, &R008, &R007, &U001, &U002,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_found() {
        let kinds = all();
        for (i, k) in kinds.iter().enumerate() {
            assert!(
                kinds[i + 1..].iter().all(|o| o.code != k.code),
                "{} twice",
                k.code
            );
            assert_eq!(
                by_code(&k.code.to_lowercase()).map(|f| f.code),
                Some(k.code)
            );
            assert!(!k.summary.is_empty() && !k.doc.is_empty(), "{}", k.code);
        }
        assert!(by_code("X999").is_none());
    }
}
