//! Products used together: the interaction rules checked across the products of a routine.
//!
//! One product's report already pairs its own ingredients (`IX001` a retinoid with an
//! exfoliating acid, `CO001`...). A routine applies the same pairs across products, and adds
//! what only several products make: more than one exfoliating acid, the same fragrance
//! allergen in several products, the human-derived family in more than one. Each finding
//! names every product and ingredient it is about, and cites the rule's source.

use crate::risk::{Category, Severity};
use crate::scan::ScanReport;
use serde::Serialize;

/// Most products one routine checks at once (`POST /api/routine`, the page): a morning and an
/// evening routine with room to spare.
pub const MAX_PRODUCTS: usize = 10;

/// One product of a routine: its name (a file name, for people) and its report. Serialized as
/// `{"name": ..., "report": ...}`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Product<'a> {
    /// What the user calls it.
    pub name: &'a str,
    /// Its report.
    pub report: &'a ScanReport,
}

/// An ingredient of a routine's product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Where {
    /// The product's index in the routine.
    pub product: usize,
    /// The product's name.
    pub product_name: String,
    /// The ingredient's index in that product's `ingredients`.
    pub ingredient: usize,
    /// Its INCI name.
    pub name: &'static str,
}

/// A finding about products used together.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct RoutineFinding {
    /// Stable code (`RX001`).
    pub code: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// For people, naming the products.
    pub message: String,
    /// Every product and ingredient it is about.
    pub ingredients: Vec<Where>,
    /// Where the reasoning comes from.
    pub source: &'static str,
}

/// Labels scanned with their names, owned, for a routine or a comparison: the command line,
/// `inci serve` and the page's WebAssembly all scan named products this one way.
#[derive(Debug, Clone)]
pub struct Named {
    /// Each product's name: as given, or `product N` (1-based) when empty.
    pub names: Vec<String>,
    /// Each product's report, in the same order.
    pub reports: Vec<ScanReport>,
}

impl Named {
    /// Scans each `(name, label)` with `scanner`.
    pub fn scan(
        scanner: &crate::scan::Scanner,
        labels: impl IntoIterator<Item = (String, String)>,
    ) -> Named {
        let (names, reports) = labels
            .into_iter()
            .enumerate()
            .map(|(k, (name, label))| {
                let name = match name.trim() {
                    "" => format!("product {}", k + 1),
                    n => n.to_owned(),
                };
                (name, scanner.scan(&label))
            })
            .unzip();
        Named { names, reports }
    }

    /// The products, borrowing the names and reports.
    pub fn products(&self) -> Vec<Product<'_>> {
        self.names
            .iter()
            .zip(&self.reports)
            .map(|(name, report)| Product { name, report })
            .collect()
    }
}

/// A routine as `inci scan --routine --format json` and `POST /api/routine` write it: each
/// product's name and report, then the routine's findings.
#[derive(Debug, Clone, Serialize)]
pub struct Document<'a> {
    /// The products, in the order given.
    pub products: &'a [Product<'a>],
    /// [`check`]'s findings.
    pub routine: Vec<RoutineFinding>,
}

impl<'a> Document<'a> {
    /// Checks `products` as one routine.
    pub fn new(products: &'a [Product<'a>]) -> Document<'a> {
        Document {
            products,
            routine: check(products),
        }
    }
}

/// The routine's findings, in rule order.
pub fn check(products: &[Product<'_>]) -> Vec<RoutineFinding> {
    let mut out = Vec::new();
    // The single-product pairs, across two different products.
    for rule in crate::risk::rules::INTERACTIONS {
        let a = holders(products, rule.a);
        let b = holders(products, rule.b);
        let pairs: Vec<(&Where, &Where)> = a
            .iter()
            .flat_map(|x| b.iter().map(move |y| (x, y)))
            .filter(|(x, y)| x.product != y.product)
            .collect();
        if let Some(&(x, y)) = pairs.first() {
            let (code, why) = match rule.kind.code {
                "IX001" => (
                    "RX001",
                    "a retinoid and an exfoliating acid on the same skin raise irritation and barrier damage: use them on different evenings",
                ),
                "IX002" => (
                    "RX002",
                    "benzoyl peroxide oxidises the retinoid and both irritate: one in the morning, the other at night",
                ),
                _ => (
                    "RX003",
                    "copper ions oxidise L-ascorbic acid, which then works less and may sting: apply them at different times",
                ),
            };
            out.push(RoutineFinding {
                code,
                severity: rule.severity,
                message: format!(
                    "{} ({}) with {} ({}): {why}",
                    x.name, x.product_name, y.name, y.product_name
                ),
                ingredients: vec![x.clone(), y.clone()],
                source: rule.source,
            });
        }
    }
    // Several exfoliating acids over the routine.
    let acids = holders(products, crate::risk::rules::ACIDS);
    if distinct_products(&acids) > 1 {
        out.push(RoutineFinding {
            code: "RX004",
            severity: Severity::Moderate,
            message: format!(
                "exfoliating acids in {} products ({}): used together they over-exfoliate; use one, or on different days",
                distinct_products(&acids),
                list(&acids)
            ),
            ingredients: acids,
            source: "American Academy of Dermatology patient guidance on combining exfoliating products",
        });
    }
    // The same labelled fragrance allergen in several products: exposure adds up.
    let mut allergens: Vec<Where> = Vec::new();
    for (p, product) in products.iter().enumerate() {
        for f in &product.report.findings {
            if f.code != "F001" {
                continue;
            }
            for &i in &f.ingredients {
                if let Some(name) = product.report.ingredients.get(i).and_then(|g| g.name) {
                    allergens.push(Where {
                        product: p,
                        product_name: product.name.to_owned(),
                        ingredient: i,
                        name,
                    });
                }
            }
        }
    }
    let mut names: Vec<&'static str> = allergens.iter().map(|w| w.name).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let holders: Vec<Where> = allergens
            .iter()
            .filter(|w| w.name == name)
            .cloned()
            .collect();
        if distinct_products(&holders) > 1 {
            out.push(RoutineFinding {
                code: "RX005",
                severity: Severity::Low,
                message: format!(
                    "{name}, a labelled fragrance allergen, in {} products ({}): exposure adds up, most when they are left on the skin",
                    distinct_products(&holders),
                    list(&holders)
                ),
                ingredients: holders,
                source: "SCCS (2012) Opinion on fragrance allergens in cosmetic products, SCCS/1459/11: sensitisation depends on the dose per area, summed over products",
            });
        }
    }
    // The human-derived family in more than one product.
    let mut human: Vec<Where> = Vec::new();
    for (p, product) in products.iter().enumerate() {
        for f in product
            .report
            .findings
            .iter()
            .filter(|f| f.category == Category::HumanDerived)
        {
            for &i in &f.ingredients {
                if let Some(name) = product.report.ingredients.get(i).and_then(|g| g.name) {
                    human.push(Where {
                        product: p,
                        product_name: product.name.to_owned(),
                        ingredient: i,
                        name,
                    });
                }
            }
        }
    }
    if distinct_products(&human) > 1 {
        out.push(RoutineFinding {
            code: "RX006",
            severity: Severity::Moderate,
            message: format!(
                "ingredients of human origin in {} products ({}): each market's rule applies to each product, and residual proteins from several add up",
                distinct_products(&human),
                list(&human)
            ),
            ingredients: human,
            source: "Regulation (EC) 1223/2009 Annex II entry 416 (EU); residual proteins: Ahn H, Han HS, Lee KH (2025) World J Stem Cells 17(9):108049",
        });
    }
    out
}

/// Every ingredient of the routine whose INCI name is one of `names`.
fn holders(products: &[Product<'_>], names: &[&str]) -> Vec<Where> {
    let mut out = Vec::new();
    for (p, product) in products.iter().enumerate() {
        for (i, g) in product.report.ingredients.iter().enumerate() {
            if let Some(name) = g.name.filter(|n| names.contains(n)) {
                out.push(Where {
                    product: p,
                    product_name: product.name.to_owned(),
                    ingredient: i,
                    name,
                });
            }
        }
    }
    out
}

fn distinct_products(w: &[Where]) -> usize {
    let mut p: Vec<usize> = w.iter().map(|w| w.product).collect();
    p.sort_unstable();
    p.dedup();
    p.len()
}

/// `GLYCOLIC ACID in toner.txt, SALICYLIC ACID in serum.txt`.
fn list(w: &[Where]) -> String {
    w.iter()
        .map(|w| format!("{} in {}", w.name, w.product_name))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(f: &RoutineFinding) -> Vec<(usize, &str)> {
        f.ingredients.iter().map(|w| (w.product, w.name)).collect()
    }

    #[test]
    fn pairs_across_products_name_both() {
        let serum = crate::scan("Aqua, Retinol, Glycerin");
        let toner = crate::scan("Aqua, Glycolic Acid, Glycerin");
        let found = check(&[
            Product {
                name: "serum.txt",
                report: &serum,
            },
            Product {
                name: "toner.txt",
                report: &toner,
            },
        ]);
        let rx = found.iter().find(|f| f.code == "RX001").expect("RX001");
        assert_eq!(names(rx), vec![(0, "RETINOL"), (1, "GLYCOLIC ACID")]);
        assert!(rx.message.contains("serum.txt") && rx.message.contains("toner.txt"));
        // One product alone raises nothing across products.
        assert!(
            check(&[Product {
                name: "serum.txt",
                report: &serum
            }])
            .is_empty()
        );
    }

    #[test]
    fn several_acids_allergens_and_human_derived_products() {
        let a = crate::scan(
            "Aqua, Salicylic Acid, Linalool, Human Umbilical Mesenchymal Stem Cell Conditioned Media",
        );
        let b = crate::scan(
            "Aqua, Lactic Acid, Linalool, Human Adipose Derived Stem Cell Conditioned Media",
        );
        let found = check(&[
            Product {
                name: "a",
                report: &a,
            },
            Product {
                name: "b",
                report: &b,
            },
        ]);
        let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
        assert!(codes.contains(&"RX004"), "{codes:?}");
        assert!(codes.contains(&"RX005"), "{codes:?}");
        assert!(codes.contains(&"RX006"), "{codes:?}");
        let rx5 = found.iter().find(|f| f.code == "RX005").expect("RX005");
        assert_eq!(names(rx5), vec![(0, "LINALOOL"), (1, "LINALOOL")]);
    }
}
