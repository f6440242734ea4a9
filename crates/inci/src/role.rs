//! What an ingredient does, in plain words: one role chosen from its CosIng functions.
//!
//! CosIng lists every function an ingredient has been notified for, alphabetically merged
//! across records: glycerin's list starts "Denaturant, Hair Conditioning", linalool's
//! "Deodorant, Perfuming". A shopper asks what it does *here*, so [`primary`] picks one by a
//! fixed ranking, the order of [`Role`]'s variants:
//!
//! 1. what the law regulates or the product is bought for: UV filter, exfoliant, preservative,
//!    hair dye, colour, antiperspirant, hair remover, hair waving, bleaching, self-tanning;
//! 2. what it does to skin and hair: humectant, emollient, occlusive, soothing, smoothing,
//!    antioxidant, oil control, astringent, skin protectant, skin or hair conditioning;
//! 3. what it does to the formula: cleanser, foaming, emulsifier, thickener, stabiliser,
//!    film former, solvent, pH adjuster, chelating agent, and the like;
//! 4. scent and taste: fragrance, flavour, masking; then antimicrobial and deodorant, which
//!    most fragrance materials are also notified as;
//! 5. denaturant and tonic last, and "not reported" never.
//!
//! So glycerin is a humectant, linalool a fragrance, titanium dioxide a UV filter (its colour
//! second), citric acid a pH adjuster, salicylic acid an exfoliant. The ranking reads only
//! CosIng's words; where CosIng notifies an acid for buffering alone (glycolic acid), that is
//! what is said.
//!
//! Source: the functions of the CosIng inventory (European Commission), as embedded.

use serde::Serialize;

/// A plain-words role, ranked: an earlier variant wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// UV filter, UV absorber.
    UvFilter,
    /// Exfoliating, keratolytic.
    Exfoliant,
    /// Preservative.
    Preservative,
    /// Hair dyeing.
    HairDye,
    /// Colorant.
    Colour,
    /// Antiperspirant.
    Antiperspirant,
    /// Depilatory, epilating.
    HairRemover,
    /// Hair waving or straightening, reducing, oxidising.
    HairWaving,
    /// Bleaching.
    Bleaching,
    /// Tanning.
    SelfTanning,
    /// Humectant, moisturising, skin conditioning - humectant.
    Humectant,
    /// Skin conditioning - emollient, refatting.
    Emollient,
    /// Skin conditioning - occlusive.
    Occlusive,
    /// Soothing.
    Soothing,
    /// Smoothing.
    Smoothing,
    /// Antioxidant.
    Antioxidant,
    /// Anti-sebum, anti-seborrheic.
    OilControl,
    /// Astringent.
    Astringent,
    /// Skin protecting.
    SkinProtectant,
    /// Skin conditioning, skin conditioning - miscellaneous.
    SkinConditioning,
    /// Hair conditioning, detangling, antistatic.
    HairConditioning,
    /// Hair fixing.
    HairHold,
    /// Nail and eyelash conditioning.
    NailOrLashCare,
    /// Oral care, antiplaque.
    OralCare,
    /// Surfactant - cleansing, cleansing, surfactant.
    Cleanser,
    /// Foaming, surfactant - foam boosting.
    Foaming,
    /// Surfactant - emulsifying.
    Emulsifier,
    /// Surfactant - solubilizing, hydrotrope, dispersing.
    Solubiliser,
    /// Viscosity controlling, gel forming.
    Thickener,
    /// Emulsion stabilising.
    Stabiliser,
    /// Film forming.
    FilmFormer,
    /// Solvent.
    Solvent,
    /// Buffering, pH adjusters.
    PhAdjuster,
    /// Chelating.
    Chelating,
    /// Opacifying, pearlescent.
    Opacifier,
    /// Abrasive.
    Abrasive,
    /// Absorbent.
    Absorbent,
    /// Bulking.
    Filler,
    /// Light stabilizer.
    LightStabiliser,
    /// Binding, adhesive, plasticiser, anticaking, slip and surface modifiers, antifoaming,
    /// anticorrosive, nail sculpting, lytic: how the product is made and handled.
    Formulation,
    /// Propellant.
    Propellant,
    /// Perfuming, fragrance.
    Fragrance,
    /// Flavouring.
    Flavour,
    /// Masking.
    Masking,
    /// Antimicrobial.
    Antimicrobial,
    /// Deodorant.
    Deodorant,
    /// Refreshing.
    Refreshing,
    /// Tonic.
    Tonic,
    /// Denaturant.
    Denaturant,
}

impl Role {
    /// The role in plain words, for people (`humectant: draws water into the skin`).
    pub fn words(self) -> &'static str {
        match self {
            Role::UvFilter => "UV filter: sun protection",
            Role::Preservative => "preservative: keeps microbes out",
            Role::HairDye => "hair dye",
            Role::Colour => "colour",
            Role::Exfoliant => "exfoliant: loosens dead skin",
            Role::Antiperspirant => "antiperspirant",
            Role::HairRemover => "hair remover",
            Role::HairWaving => "hair waving or straightening",
            Role::Bleaching => "lightens skin or hair",
            Role::SelfTanning => "self-tanner",
            Role::Humectant => "humectant: draws water into the skin",
            Role::Emollient => "emollient: softens and smooths",
            Role::Occlusive => "occlusive: seals moisture in",
            Role::Soothing => "soothing",
            Role::Smoothing => "smoothing",
            Role::Antioxidant => "antioxidant",
            Role::OilControl => "controls oil",
            Role::Astringent => "astringent: tightens",
            Role::SkinProtectant => "skin protectant",
            Role::SkinConditioning => "skin conditioning",
            Role::HairConditioning => "hair conditioning",
            Role::HairHold => "hair styling hold",
            Role::NailOrLashCare => "nail or lash care",
            Role::OralCare => "oral care",
            Role::Cleanser => "cleanser",
            Role::Foaming => "foaming",
            Role::Emulsifier => "emulsifier: mixes oil and water",
            Role::Solubiliser => "solubiliser",
            Role::Thickener => "thickener",
            Role::Stabiliser => "stabiliser",
            Role::FilmFormer => "film former",
            Role::Solvent => "solvent",
            Role::PhAdjuster => "adjusts pH",
            Role::Chelating => "chelating agent: binds metals",
            Role::Opacifier => "opacifier",
            Role::Abrasive => "abrasive: scrubs",
            Role::Absorbent => "absorbent",
            Role::Filler => "filler",
            Role::LightStabiliser => "protects the product from light",
            Role::Formulation => "helps make the product",
            Role::Propellant => "propellant",
            Role::Fragrance => "fragrance",
            Role::Flavour => "flavour",
            Role::Masking => "masks odours",
            Role::Antimicrobial => "antimicrobial",
            Role::Deodorant => "deodorant",
            Role::Refreshing => "refreshing",
            Role::Tonic => "tonic",
            Role::Denaturant => "denaturant: makes alcohol undrinkable",
        }
    }

    /// The role of one CosIng function (any case), or `None` for `Not Reported` and
    /// functions this table does not know.
    pub fn of_function(function: &str) -> Option<Role> {
        let f = function.trim();
        FUNCTIONS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(f))
            .map(|&(_, role)| role)
    }
}

/// An optional role as the keys `role` and `does` (its plain words), none when `None`: for a
/// field flattened into its parent object, so the words are not stored twice.
pub(crate) fn serialize_with_words<S: serde::Serializer>(
    role: &Option<Role>,
    ser: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = ser.serialize_map(None)?;
    if let Some(r) = role {
        map.serialize_entry("role", r)?;
        map.serialize_entry("does", r.words())?;
    }
    map.end()
}

/// The primary role of a dictionary entry, read once per entry and remembered: a catalog
/// repeats its ingredients, and ranking the functions costs a few thousand instructions.
pub fn of_entry(entry: inci_dict::Entry) -> Option<Role> {
    static MEMO: crate::memo::EntryMemo<Option<Role>> = crate::memo::EntryMemo::new();
    *MEMO.get_or_init(entry.id, || primary(entry.functions()))
}

/// The primary role among CosIng functions: the best ranked (see the module documentation).
pub fn primary<'a>(functions: impl IntoIterator<Item = &'a str>) -> Option<Role> {
    functions.into_iter().filter_map(Role::of_function).min()
}

/// CosIng's function names and their roles.
const FUNCTIONS: &[(&str, Role)] = &[
    ("Uv Filter", Role::UvFilter),
    ("Uv Absorber", Role::UvFilter),
    ("Exfoliating", Role::Exfoliant),
    ("Keratolytic", Role::Exfoliant),
    ("Preservative", Role::Preservative),
    ("Hair Dyeing", Role::HairDye),
    ("Colorant", Role::Colour),
    ("Antiperspirant", Role::Antiperspirant),
    ("Depilatory", Role::HairRemover),
    ("Epilating", Role::HairRemover),
    ("Hair Waving Or Straightening", Role::HairWaving),
    ("Reducing", Role::HairWaving),
    ("Oxidising", Role::HairWaving),
    ("Bleaching", Role::Bleaching),
    ("Tanning", Role::SelfTanning),
    ("Humectant", Role::Humectant),
    ("Moisturising", Role::Humectant),
    ("Skin Conditioning - Humectant", Role::Humectant),
    ("Skin Conditioning - Emollient", Role::Emollient),
    ("Refatting", Role::Emollient),
    ("Skin Conditioning - Occlusive", Role::Occlusive),
    ("Soothing", Role::Soothing),
    ("Smoothing", Role::Smoothing),
    ("Antioxidant", Role::Antioxidant),
    ("Anti-Sebum", Role::OilControl),
    ("Anti-Seborrheic", Role::OilControl),
    ("Astringent", Role::Astringent),
    ("Skin Protecting", Role::SkinProtectant),
    ("Skin Conditioning", Role::SkinConditioning),
    ("Skin Conditioning - Miscellaneous", Role::SkinConditioning),
    ("Hair Conditioning", Role::HairConditioning),
    ("Detangling", Role::HairConditioning),
    ("Antistatic", Role::HairConditioning),
    ("Hair Fixing", Role::HairHold),
    ("Nail Conditioning", Role::NailOrLashCare),
    ("Eyelash Conditioning", Role::NailOrLashCare),
    ("Oral Care", Role::OralCare),
    ("Antiplaque", Role::OralCare),
    ("Surfactant - Cleansing", Role::Cleanser),
    ("Cleansing", Role::Cleanser),
    ("Surfactant", Role::Cleanser),
    ("Foaming", Role::Foaming),
    ("Surfactant - Foam Boosting", Role::Foaming),
    ("Surfactant - Emulsifying", Role::Emulsifier),
    ("Surfactant - Solubilizing", Role::Solubiliser),
    ("Surfactant - Hydrotrope", Role::Solubiliser),
    ("Surfactant - Dispersing", Role::Solubiliser),
    ("Dispersing Non-Surfactant", Role::Solubiliser),
    ("Viscosity Controlling", Role::Thickener),
    ("Gel Forming", Role::Thickener),
    ("Emulsion Stabilising", Role::Stabiliser),
    ("Film Forming", Role::FilmFormer),
    ("Solvent", Role::Solvent),
    ("Buffering", Role::PhAdjuster),
    ("Ph Adjusters", Role::PhAdjuster),
    ("Chelating", Role::Chelating),
    ("Opacifying", Role::Opacifier),
    ("Pearlescent", Role::Opacifier),
    ("Abrasive", Role::Abrasive),
    ("Absorbent", Role::Absorbent),
    ("Bulking", Role::Filler),
    ("Light Stabilizer", Role::LightStabiliser),
    ("Binding", Role::Formulation),
    ("Adhesive", Role::Formulation),
    ("Plasticiser", Role::Formulation),
    ("Anticaking", Role::Formulation),
    ("Slip Modifier", Role::Formulation),
    ("Surface Modifier", Role::Formulation),
    ("Antifoaming", Role::Formulation),
    ("Anticorrosive", Role::Formulation),
    ("Nail Sculpting", Role::Formulation),
    ("Lytic", Role::Formulation),
    ("Propellant", Role::Propellant),
    ("Perfuming", Role::Fragrance),
    ("Fragrance", Role::Fragrance),
    ("Flavouring", Role::Flavour),
    ("Masking", Role::Masking),
    ("Antimicrobial", Role::Antimicrobial),
    ("Deodorant", Role::Deodorant),
    ("Refreshing", Role::Refreshing),
    ("Tonic", Role::Tonic),
    ("Denaturant", Role::Denaturant),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> Option<Role> {
        let entry = inci_dict::lookup(name).map(|h| h.entry())?;
        primary(entry.functions())
    }

    #[test]
    fn the_ranking_picks_what_a_shopper_asks_about() {
        assert_eq!(role("GLYCERIN"), Some(Role::Humectant));
        assert_eq!(role("LINALOOL"), Some(Role::Fragrance));
        assert_eq!(role("TITANIUM DIOXIDE"), Some(Role::UvFilter));
        assert_eq!(role("CITRIC ACID"), Some(Role::PhAdjuster));
        assert_eq!(role("SALICYLIC ACID"), Some(Role::Exfoliant));
        assert_eq!(role("PHENOXYETHANOL"), Some(Role::Preservative));
        assert_eq!(role("CETEARYL ALCOHOL"), Some(Role::Emollient));
        assert_eq!(role("AQUA"), Some(Role::Solvent));
        assert_eq!(role("CI 77491"), Some(Role::Colour));
        assert_eq!(
            role("HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA"),
            Some(Role::Humectant)
        );
    }

    #[test]
    fn every_cosing_function_has_a_role() {
        let mut missing = std::collections::BTreeSet::new();
        for e in inci_dict::entries() {
            for f in e.functions() {
                if Role::of_function(f).is_none() && !f.eq_ignore_ascii_case("Not Reported") {
                    missing.insert(f.to_owned());
                }
            }
        }
        assert!(missing.is_empty(), "functions with no role: {missing:?}");
    }

    #[test]
    fn the_table_follows_the_ranking() {
        // Each role appears after the roles ranked before it: a reader of the table sees the
        // ranking itself.
        let roles: Vec<Role> = FUNCTIONS.iter().map(|&(_, r)| r).collect();
        assert!(roles.windows(2).all(|w| w[0] <= w[1]), "{roles:?}");
    }
}
