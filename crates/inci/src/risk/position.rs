//! Where a list drops under 1 %: ingredients after that point are likely minor.
//!
//! INCI lists are in descending order of concentration down to 1 %; below that the order is
//! free. The line is the first declared percentage under 1 %, or else the first ingredient
//! that is almost always used under 1 % (preservatives, chelators, antioxidants, perfume).

use crate::ingredient::Ingredient;
use crate::parse::{QualifierKind, Section};

/// Ingredients whose presence marks the 1 % line (typical use levels well under 1 %).
pub const MARKERS: &[&str] = &[
    "PHENOXYETHANOL",
    "ETHYLHEXYLGLYCERIN",
    "SODIUM BENZOATE",
    "POTASSIUM SORBATE",
    "SORBIC ACID",
    "BENZOIC ACID",
    "METHYLPARABEN",
    "ETHYLPARABEN",
    "PROPYLPARABEN",
    "BUTYLPARABEN",
    "CHLORPHENESIN",
    "DEHYDROACETIC ACID",
    "SODIUM DEHYDROACETATE",
    "DISODIUM EDTA",
    "TETRASODIUM EDTA",
    "TRISODIUM EDTA",
    "BHT",
    "BHA",
    "METHYLISOTHIAZOLINONE",
    "METHYLCHLOROISOTHIAZOLINONE",
    "DMDM HYDANTOIN",
    "IMIDAZOLIDINYL UREA",
    "DIAZOLIDINYL UREA",
    "IODOPROPYNYL BUTYLCARBAMATE",
    "PARFUM",
    "TETRASODIUM GLUTAMATE DIACETATE",
];

/// Source of the position rule, for reports.
pub const SOURCE: &str = "Regulation (EC) 1223/2009 Art. 19(1)(g): descending order down to 1 %; marker use levels from Annex V limits";

/// Index of the first ingredient likely under 1 %, if the list shows one.
pub fn minor_start(ingredients: &[Ingredient]) -> Option<usize> {
    let declared = ingredients.iter().position(|i| {
        i.section == Section::Main
            && i.qualifiers.iter().any(|q| {
                q.kind == QualifierKind::Percent && percent_value(&q.text).is_some_and(|v| v < 1.0)
            })
    });
    let marker = ingredients
        .iter()
        .position(|i| i.section == Section::Main && i.name.is_some_and(|n| MARKERS.contains(&n)));
    match (declared, marker) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The number in a percentage qualifier (`0.5 %`, `(5,5%)`, `<1%`).
pub fn percent_value(text: &str) -> Option<f64> {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::percent_value;

    #[test]
    fn reads_percentages() {
        assert_eq!(percent_value("0.5 %"), Some(0.5));
        assert_eq!(percent_value("(5,5%)"), Some(5.5));
        assert_eq!(percent_value("<1%"), Some(1.0));
    }
}
