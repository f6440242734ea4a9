//! Two products side by side: what they share, what only one has, their concerns, and how
//! alike they are (for dupes).
//!
//! **Similarity** is a position-weighted overlap. An ingredient at position `p` of a list of
//! `n` main ingredients weighs `1 / p`, normalised so that a list's weights sum to 1: the first
//! ingredients, which make most of a product, count most, as the EU's descending order says.
//! An ingredient is identified by its CAS number when CosIng gives one (`AQUA` and `WATER`
//! are one substance), else by its INCI name, else by its folded text. Then
//!
//! `similarity = sum over shared of min(wA, wB) / sum over all of max(wA, wB)`
//!
//! (a weighted Jaccard index): 1 for the same list in the same order, 0 for nothing in common,
//! and two lists with the same first five ingredients score high even when their minor
//! ingredients differ. The plain Jaccard index of the two sets is given beside it. The
//! may-contain block is left out of both.

use crate::parse::Section;
use crate::risk::{Concern, Degree, VeganStatus};
use crate::scan::ScanReport;
use serde::Serialize;

/// The comparison of two products.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Comparison {
    /// Position-weighted overlap in [0, 1] (see the module documentation).
    pub similarity: f64,
    /// Shared names over all names, in [0, 1].
    pub jaccard: f64,
    /// Ingredients in both, in the first product's order, with their positions (1-based).
    pub shared: Vec<Shared>,
    /// Ingredients only in the first, in its order.
    pub only_first: Vec<String>,
    /// Ingredients only in the second, in its order.
    pub only_second: Vec<String>,
    /// Each concern's level in both.
    pub concerns: Vec<ConcernPair>,
    /// The vegan verdicts, first then second.
    pub vegan: [VeganStatus; 2],
}

/// A comparison as `inci compare --format json` and `POST /api/compare` write it: the two
/// names, the [`Comparison`]'s fields, then both reports.
#[derive(Debug, Clone, Serialize)]
pub struct Document<'a> {
    /// What the user calls each product (file names on the command line).
    pub products: [&'a str; 2],
    /// The comparison, its fields at the top level.
    #[serde(flatten)]
    pub comparison: Comparison,
    /// Both reports, first then second.
    pub reports: [&'a ScanReport; 2],
}

impl<'a> Document<'a> {
    /// Compares the reports `a` and `b` of the products named `names`.
    pub fn new(names: [&'a str; 2], a: &'a ScanReport, b: &'a ScanReport) -> Document<'a> {
        Document {
            products: names,
            comparison: compare(a, b),
            reports: [a, b],
        }
    }
}

/// An ingredient both products list.
#[derive(Debug, Clone, Serialize)]
pub struct Shared {
    /// Its name.
    pub name: String,
    /// Its position in each product (1-based).
    pub positions: [usize; 2],
}

/// One concern's level in both products.
#[derive(Debug, Clone, Serialize)]
pub struct ConcernPair {
    /// The concern.
    pub concern: Concern,
    /// Its level in each product.
    pub levels: [Degree; 2],
}

/// Compares two reports.
pub fn compare(a: &ScanReport, b: &ScanReport) -> Comparison {
    let la = names(a);
    let lb = names(b);
    let wa = weights(&la);
    let wb = weights(&lb);
    let weight = |list: &[String], w: &[f64], name: &str| -> f64 {
        list.iter().position(|n| n == name).map_or(0.0, |p| w[p])
    };
    let mut all: Vec<&String> = la.iter().chain(&lb).collect();
    all.sort_unstable();
    all.dedup();
    let (mut num, mut den) = (0.0, 0.0);
    for name in &all {
        let (x, y) = (weight(&la, &wa, name), weight(&lb, &wb, name));
        num += x.min(y);
        den += x.max(y);
    }
    let shared: Vec<Shared> = la
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            lb.iter().position(|m| m == n).map(|j| Shared {
                name: display(a, n),
                positions: [i + 1, j + 1],
            })
        })
        .collect();
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    let level = |r: &ScanReport, c: Concern| {
        r.concerns
            .iter()
            .find(|l| l.concern == c)
            .map_or(Degree::None, |l| l.level)
    };
    Comparison {
        similarity: if den > 0.0 { round(num / den) } else { 0.0 },
        jaccard: if all.is_empty() {
            0.0
        } else {
            round(shared.len() as f64 / all.len() as f64)
        },
        only_first: la
            .iter()
            .filter(|n| !lb.contains(n))
            .map(|n| display(a, n))
            .collect(),
        only_second: lb
            .iter()
            .filter(|n| !la.contains(n))
            .map(|n| display(b, n))
            .collect(),
        shared,
        concerns: Concern::ALL
            .iter()
            .map(|&c| ConcernPair {
                concern: c,
                levels: [level(a, c), level(b, c)],
            })
            .collect(),
        vegan: [a.vegan, b.vegan],
    }
}

/// The main ingredients' identities, in order, each once: the CAS number when CosIng gives
/// one (`AQUA` and `WATER` are one substance), else the INCI name, else the folded text.
fn names(r: &ScanReport) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in r.ingredients.iter().filter(|i| i.section == Section::Main) {
        let n = match (i.cas, i.name) {
            (Some(cas), _) => format!("CAS {cas}"),
            (None, Some(name)) => name.to_owned(),
            (None, None) => inci_dict::fold(i.raw.trim()),
        };
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// What to call an identity in a report: the product's INCI name (or text) for it.
fn display(r: &ScanReport, id: &str) -> String {
    r.ingredients
        .iter()
        .filter(|i| i.section == Section::Main)
        .find(|i| match (i.cas, i.name) {
            (Some(cas), _) => id.strip_prefix("CAS ") == Some(cas),
            (None, Some(name)) => name == id,
            (None, None) => inci_dict::fold(i.raw.trim()) == id,
        })
        .map_or_else(
            || id.to_owned(),
            |i| {
                i.name
                    .map_or_else(|| i.raw.trim().to_owned(), str::to_owned)
            },
        )
}

/// `1 / position`, normalised to sum to 1.
fn weights(list: &[String]) -> Vec<f64> {
    let raw: Vec<f64> = (1..=list.len()).map(|p| 1.0 / p as f64).collect();
    let total: f64 = raw.iter().sum();
    raw.into_iter().map(|w| w / total).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_list_is_one_and_disjoint_lists_zero() {
        let a = crate::scan("Aqua, Glycerin, Niacinamide, Parfum");
        let same = super::compare(&a, &crate::scan("Water, Glycerin, Niacinamide, Fragrance"));
        assert_eq!(same.similarity, 1.0);
        assert_eq!(same.jaccard, 1.0);
        let none = super::compare(&a, &crate::scan("Talc, Mica"));
        assert_eq!(none.similarity, 0.0);
        assert!(none.shared.is_empty());
    }

    #[test]
    fn the_first_ingredients_weigh_most() {
        let a = crate::scan("Aqua, Glycerin, Niacinamide, Xanthan Gum, Parfum");
        // Same first three, different last two; and the reverse.
        let head = super::compare(
            &a,
            &crate::scan("Aqua, Glycerin, Niacinamide, Carbomer, Limonene"),
        );
        let tail = super::compare(&a, &crate::scan("Talc, Mica, Silica, Xanthan Gum, Parfum"));
        assert!(
            head.similarity > 0.6 && tail.similarity < 0.2,
            "{} {}",
            head.similarity,
            tail.similarity
        );
        assert_eq!(head.jaccard, tail.jaccard.max(head.jaccard));
        assert_eq!(head.only_first, vec!["XANTHAN GUM", "PARFUM"]);
        assert_eq!(head.shared[2].positions, [3, 3]);
    }
}
