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

/// The number in a percentage qualifier (`0.5 %`, `(5,5%)`, `<1%`, `.50%`, `2% w/w`), in
/// percent; the upper end of a range (`1-2%`: 2); parts per million as percent (`1450 ppm`:
/// 0.145).
pub fn percent_value(text: &str) -> Option<f64> {
    percent_range(text).map(|(_, max)| max)
}

/// The range a percentage qualifier declares, in percent: `(x, x)` for one number, `(1, 2)`
/// for `1-2%`, `(0, 1)` for `<1%` (and `≤`); `None` when no number can be read. A number is digits with at most one decimal
/// point or comma (`5,5`, `.50`); anything else (`1.2.3 %`) is not read rather than guessed.
pub fn percent_range(text: &str) -> Option<(f64, f64)> {
    let lower = text.to_ascii_lowercase();
    let scale = if lower.contains("ppm") { 1e-4 } else { 1.0 };
    let mut numbers = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, numbers: &mut Vec<f64>| -> Option<()> {
        if !current.is_empty() {
            numbers.push(current.parse::<f64>().ok()?);
            current.clear();
        }
        Some(())
    };
    for c in text.chars() {
        match c {
            '0'..='9' => current.push(c),
            '.' | ',' if !current.contains('.') => current.push('.'),
            '.' | ',' => return None,
            _ => flush(&mut current, &mut numbers)?,
        }
    }
    flush(&mut current, &mut numbers)?;
    let (min, max) = match numbers.as_slice() {
        [x] => (*x, *x),
        [a, b] if a <= b => (*a, *b),
        _ => return None,
    };
    // `<1%`, `≤ 0.5 %` bound from above only.
    let at_most = text.contains(['<', '≤']);
    let min = if at_most { 0.0 } else { min };
    Some((min * scale, max * scale))
}

#[cfg(test)]
mod tests {
    use super::{percent_range, percent_value};

    #[test]
    fn reads_percentages() {
        assert_eq!(percent_value("0.5 %"), Some(0.5));
        assert_eq!(percent_value("(5,5%)"), Some(5.5));
        assert_eq!(percent_value("<1%"), Some(1.0));
        assert_eq!(percent_range("<1%"), Some((0.0, 1.0)));
        assert_eq!(percent_range("≤ 0,5 %"), Some((0.0, 0.5)));
        assert_eq!(percent_value(".50%"), Some(0.5));
        assert_eq!(percent_value("(.5%)"), Some(0.5));
        assert_eq!(percent_value("2% w/w"), Some(2.0));
        assert_eq!(percent_value("5 % w/v"), Some(5.0));
        assert_eq!(percent_range("1-2%"), Some((1.0, 2.0)));
        assert_eq!(percent_range("1 % – 2 %"), Some((1.0, 2.0)));
        assert_eq!(percent_range("2-1%"), None);
        assert_eq!(percent_range("1.2.3 %"), None);
        let ppm = percent_value("1450 ppm").expect("ppm read");
        assert!((ppm - 0.145).abs() < 1e-12);
    }
}
