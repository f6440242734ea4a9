//! The end-of-run summary: rows, errors, human-derived products, findings by category, the
//! commonest unknown names.

use super::memo::Scanned;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Distinct unknown names counted; beyond this, new names are only counted in total, so the
/// summary's memory stays bounded on any catalog.
const MAX_DISTINCT_UNKNOWN: usize = 100_000;

/// What one row contributed.
pub(crate) enum RowOutcome {
    Error {
        row: u64,
        problem: String,
    },
    Scanned {
        row: u64,
        id: String,
        scanned: std::sync::Arc<Scanned>,
    },
}

impl RowOutcome {
    pub(crate) fn scanned(row: u64, id: String, scanned: &std::sync::Arc<Scanned>) -> Self {
        RowOutcome::Scanned {
            row,
            id,
            scanned: std::sync::Arc::clone(scanned),
        }
    }
}

/// Products with a human-derived ingredient listed by row in the report, at most.
const MAX_HUMAN_LISTED: usize = 500;

/// A product with a human-derived ingredient.
#[derive(Debug, Clone, Serialize)]
pub struct HumanProduct {
    /// Its row.
    pub row: u64,
    /// Its id columns' values, `; `-joined (empty without `--id-column`).
    pub id: String,
    /// Each market's verdict (`eu:prohibited`).
    pub market_verdicts: String,
}

/// Totals of a batch run.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Data rows read (each produced one output record).
    pub rows: u64,
    /// Rows that produced an error record.
    pub errors: u64,
    /// The first error records (row and problem), up to 20.
    pub first_errors: Vec<(u64, String)>,
    /// Rows with at least one human-derived ingredient.
    pub products_with_human_derived: u64,
    /// Findings by category.
    pub findings_by_category: BTreeMap<&'static str, u64>,
    /// Findings by concern.
    pub findings_by_concern: BTreeMap<&'static str, u64>,
    /// Findings by code.
    pub findings_by_code: BTreeMap<&'static str, u64>,
    /// Products by vegan verdict (`yes`, `no`, `unknown`), rows with no list included.
    pub vegan: BTreeMap<&'static str, u64>,
    /// Products by vegetarian verdict.
    pub vegetarian: BTreeMap<&'static str, u64>,
    /// Rows in which nothing read as an ingredient.
    pub no_list: u64,
    /// The first products with a human-derived ingredient (up to 500).
    pub human_products: Vec<HumanProduct>,
    /// Unknown items in total.
    pub unknown_items: u64,
    /// The commonest unknown names with their counts (top 20).
    pub top_unknown: Vec<(String, u64)>,
    /// Bytes read from the input (after decompression).
    pub bytes: u64,
    #[serde(skip)]
    unknown: HashMap<String, u64>,
    /// Findings counted since the maps above were last brought up to date.
    #[serde(skip)]
    tally: Tally,
}

/// Counts of findings by category, concern and code, kept as short lists of the keys seen
/// (a dozen categories, six concerns, a few dozen codes): a row adds about ten findings, and
/// three ordered-map updates each, comparing strings, were 1.4 % of a first scan. Folded into
/// the [`Summary`]'s maps by [`Summary::settle`].
#[derive(Debug, Default)]
struct Tally {
    categories: Vec<(&'static str, u64)>,
    concerns: Vec<(&'static str, u64)>,
    codes: Vec<(&'static str, u64)>,
}

/// Adds one to `key`'s count in `counts`. Keys are `as_str` names and codes, static strings: the
/// same address nearly always, and equal text otherwise. The addresses are compared first over
/// the whole list: codes are all four bytes long, so comparing text key by key called `memcmp`
/// for every code passed over.
fn bump(counts: &mut Vec<(&'static str, u64)>, key: &'static str) {
    let at = counts
        .iter()
        .position(|(k, _)| std::ptr::eq(*k, key))
        .or_else(|| counts.iter().position(|(k, _)| *k == key));
    match at.and_then(|i| counts.get_mut(i)) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

impl Summary {
    pub(crate) fn add(&mut self, outcome: &RowOutcome) {
        self.rows += 1;
        match outcome {
            RowOutcome::Error { row, problem } => {
                self.errors += 1;
                if self.first_errors.len() < 20 {
                    self.first_errors.push((*row, problem.clone()));
                }
            }
            RowOutcome::Scanned { row, id, scanned } => {
                let summary = &scanned.summary;
                let human = summary.human_derived == Some(true);
                self.products_with_human_derived += u64::from(human);
                if human && self.human_products.len() < MAX_HUMAN_LISTED {
                    self.human_products.push(HumanProduct {
                        row: *row,
                        id: id.clone(),
                        market_verdicts: summary.market_verdicts.clone().unwrap_or_default(),
                    });
                }
                self.no_list += u64::from(summary.status == inci::summary::Status::NoList);
                for (map, verdict) in [
                    (&mut self.vegan, summary.vegan),
                    (&mut self.vegetarian, summary.vegetarian),
                ] {
                    if let Some(v) = verdict {
                        *map.entry(v.as_str()).or_default() += 1;
                    }
                }
                for (code, category, concern) in &scanned.findings {
                    bump(&mut self.tally.categories, category.as_str());
                    bump(&mut self.tally.concerns, concern.as_str());
                    bump(&mut self.tally.codes, code);
                }
                for u in &scanned.unknown {
                    self.unknown_items += 1;
                    let len = self.unknown.len();
                    match self.unknown.get_mut(u) {
                        Some(n) => *n += 1,
                        None if len < MAX_DISTINCT_UNKNOWN => {
                            self.unknown.insert(u.clone(), 1);
                        }
                        None => {}
                    }
                }
            }
        }
    }

    /// Brings the findings' counts by category, concern and code up to date with every row
    /// added: [`batch::run`](super::run) does before it returns the summary.
    pub(crate) fn settle(&mut self) {
        let tally = std::mem::take(&mut self.tally);
        for (map, counts) in [
            (&mut self.findings_by_category, tally.categories),
            (&mut self.findings_by_concern, tally.concerns),
            (&mut self.findings_by_code, tally.codes),
        ] {
            for (key, n) in counts {
                *map.entry(key).or_default() += n;
            }
        }
    }

    /// Fills `top_unknown`; call once at the end.
    pub fn finish(&mut self) {
        let mut v: Vec<(String, u64)> = self.unknown.iter().map(|(k, v)| (k.clone(), *v)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(20);
        self.top_unknown = v;
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "rows: {}  errors: {}  with human-derived ingredients: {}",
            self.rows, self.errors, self.products_with_human_derived
        )?;
        for (row, problem) in &self.first_errors {
            writeln!(f, "  error at row {row}: {}", crate::render::safe(problem))?;
        }
        let cats: Vec<String> = self
            .findings_by_category
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        writeln!(f, "findings: {}", cats.join(", "))?;
        writeln!(f, "unknown items: {}; commonest:", self.unknown_items)?;
        for (name, n) in &self.top_unknown {
            writeln!(f, "  {n:6}  {}", crate::render::safe(name))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Summary, bump};

    #[test]
    fn the_tally_settles_into_the_maps_once() {
        let mut s = Summary::default();
        // The same text at another address counts as the same key.
        let copy: &'static str = Box::leak(String::from("irritant").into_boxed_str());
        for key in ["irritant", "allergen", copy, "irritant"] {
            bump(&mut s.tally.categories, key);
        }
        bump(&mut s.tally.codes, "R003");
        s.settle();
        s.settle();
        let categories: Vec<(&str, u64)> = s.findings_by_category.into_iter().collect();
        assert_eq!(categories, [("allergen", 1), ("irritant", 3)]);
        assert_eq!(s.findings_by_code.get("R003"), Some(&1));
        assert!(s.findings_by_concern.is_empty());
    }
}
