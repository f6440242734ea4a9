//! One scan as a flat row: the columns `inci batch --format csv` appends to each row, the
//! `summary` object of each `inci batch` JSON Lines record, and the product columns of the
//! Python package's `scan_frame`. One type, so that the three cannot drift apart: the same
//! names ([`COLUMNS`]), in the same order, with the same meaning.

use crate::risk::{Concern, Degree, VeganStatus};
use crate::scan::ScanReport;
use serde::Serialize;

/// The column names, in order; each is a field of [`Summary`] as serialized.
pub const COLUMNS: &[&str] = &[
    "inci_status",
    "inci_ingredients",
    "inci_resolved",
    "inci_vegan",
    "inci_vegetarian",
    "inci_human_derived",
    "inci_pores",
    "inci_irritation",
    "inci_allergy",
    "inci_human_origin_regulation",
    "inci_codes",
    "inci_market_verdicts",
    "inci_unknown",
    "inci_error",
];

/// Whether a row was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The text held an ingredient list, and it was read.
    Ok,
    /// Nothing in the text read as an ingredient (`No Info`, a shop page, an empty list):
    /// not a clean product. Its vegan verdict is `unknown`, its concerns `none`.
    NoList,
    /// The row could not be scanned (`inci_error` says why).
    Error,
}

impl Status {
    /// As in the CSV and JSON (`no_list`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::NoList => "no_list",
            Status::Error => "error",
        }
    }
}

/// One scan, flat. `None` fields are empty CSV cells and JSON `null`s (an error row has
/// nothing but its status and error).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// `ok`, `no_list` or `error`.
    #[serde(rename = "inci_status")]
    pub status: Status,
    /// Items read as ingredients.
    #[serde(rename = "inci_ingredients")]
    pub ingredients: Option<usize>,
    /// Of those, resolved to a CosIng name.
    #[serde(rename = "inci_resolved")]
    pub resolved: Option<usize>,
    /// The vegan verdict: yes, no or unknown.
    #[serde(rename = "inci_vegan")]
    pub vegan: Option<VeganStatus>,
    /// The vegetarian verdict: yes, no or unknown.
    #[serde(rename = "inci_vegetarian")]
    pub vegetarian: Option<VeganStatus>,
    /// An ingredient of the human-derived family is listed.
    #[serde(rename = "inci_human_derived")]
    pub human_derived: Option<bool>,
    /// Concern level (none, low, moderate, high).
    #[serde(rename = "inci_pores")]
    pub pores: Option<Degree>,
    /// Concern level.
    #[serde(rename = "inci_irritation")]
    pub irritation: Option<Degree>,
    /// Concern level.
    #[serde(rename = "inci_allergy")]
    pub allergy: Option<Degree>,
    /// Concern level.
    #[serde(rename = "inci_human_origin_regulation")]
    pub human_origin_regulation: Option<Degree>,
    /// The distinct finding codes, space-separated, in the order first raised.
    #[serde(rename = "inci_codes")]
    pub codes: Option<String>,
    /// Each market's verdict on the human-derived ingredients (`eu:prohibited
    /// kr:allowed_with_conditions`), distinct, in finding order.
    #[serde(rename = "inci_market_verdicts")]
    pub market_verdicts: Option<String>,
    /// The unresolved items as printed, `; `-separated.
    #[serde(rename = "inci_unknown")]
    pub unknown: Option<String>,
    /// Why the row could not be scanned.
    #[serde(rename = "inci_error")]
    pub error: Option<String>,
}

impl Summary {
    /// The summary of a scan.
    pub fn of(report: &ScanReport) -> Summary {
        let level = |c: Concern| {
            report
                .concerns
                .iter()
                .find(|l| l.concern == c)
                .map(|l| l.level)
        };
        let mut codes: Vec<&str> = Vec::new();
        let mut verdicts: Vec<String> = Vec::new();
        for f in &report.findings {
            if !codes.iter().any(|c| same_code(c, f.code)) {
                codes.push(f.code);
            }
            if let Some(v) = &f.market_verdict {
                let v = format!("{}:{}", v.market.as_str(), v.verdict.as_str());
                if !verdicts.contains(&v) {
                    verdicts.push(v);
                }
            }
        }
        let unknown: Vec<&str> = report
            .ingredients
            .iter()
            .filter(|i| i.name.is_none())
            .map(|i| i.raw.trim())
            .collect();
        Summary {
            status: if report.ingredients.is_empty() {
                Status::NoList
            } else {
                Status::Ok
            },
            ingredients: Some(report.ingredients.len()),
            resolved: Some(
                report
                    .ingredients
                    .iter()
                    .filter(|i| i.name.is_some())
                    .count(),
            ),
            vegan: Some(report.vegan),
            vegetarian: Some(report.vegetarian),
            human_derived: Some(
                report
                    .findings
                    .iter()
                    .any(|f| f.category == crate::risk::Category::HumanDerived),
            ),
            pores: level(Concern::Pores),
            irritation: level(Concern::Irritation),
            allergy: level(Concern::Allergy),
            human_origin_regulation: level(Concern::HumanOriginRegulation),
            codes: Some(codes.join(" ")),
            market_verdicts: Some(verdicts.join(" ")),
            unknown: Some(unknown.join("; ")),
            error: None,
        }
    }

    /// The summary of a row that could not be scanned.
    pub fn failed(error: impl Into<String>) -> Summary {
        Summary {
            status: Status::Error,
            ingredients: None,
            resolved: None,
            vegan: None,
            vegetarian: None,
            human_derived: None,
            pores: None,
            irritation: None,
            allergy: None,
            human_origin_regulation: None,
            codes: None,
            market_verdicts: None,
            unknown: None,
            error: Some(error.into()),
        }
    }

    /// The CSV cells, in [`COLUMNS`] order (`yes`/`no` for the human-derived flag, empty for
    /// `None`).
    pub fn cells(&self) -> Vec<String> {
        let opt = |s: Option<&str>| s.unwrap_or_default().to_owned();
        vec![
            self.status.as_str().to_owned(),
            self.ingredients.map(|n| n.to_string()).unwrap_or_default(),
            self.resolved.map(|n| n.to_string()).unwrap_or_default(),
            opt(self.vegan.map(VeganStatus::as_str)),
            opt(self.vegetarian.map(VeganStatus::as_str)),
            opt(self.human_derived.map(|h| if h { "yes" } else { "no" })),
            opt(self.pores.map(Degree::as_str)),
            opt(self.irritation.map(Degree::as_str)),
            opt(self.allergy.map(Degree::as_str)),
            opt(self.human_origin_regulation.map(Degree::as_str)),
            opt(self.codes.as_deref()),
            opt(self.market_verdicts.as_deref()),
            opt(self.unknown.as_deref()),
            opt(self.error.as_deref()),
        ]
    }
}

/// The per-ingredient columns, in order (`inci batch --per ingredient`, `scan_frame(...,
/// per="ingredient")`), after the row's own keys (its number and ids).
pub const INGREDIENT_COLUMNS: &[&str] = &[
    "position",
    "raw",
    "inci_name",
    "matched_via",
    "section",
    "role",
    "origin",
    "cas",
    "worst_severity",
    "codes",
];

/// One ingredient of a scan, flat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IngredientRow {
    /// 1-based position in the label.
    pub position: usize,
    /// As printed.
    pub raw: String,
    /// The CosIng name, when resolved.
    pub inci_name: Option<&'static str>,
    /// How it was resolved (`name`, `synonym`, `correction`, `unknown`...).
    pub matched_via: crate::resolve::Via,
    /// `main` or `may_contain`.
    pub section: crate::parse::Section,
    /// What it does, chosen from its CosIng functions ([`crate::role`]).
    pub role: Option<crate::role::Role>,
    /// `human`, `animal`, `plant_culture`... when its name or record says.
    pub origin: Option<crate::origin::Origin>,
    /// CAS number.
    pub cas: Option<&'static str>,
    /// The worst severity among the findings that name it.
    pub worst_severity: Option<crate::risk::Severity>,
    /// The distinct codes of those findings, space-separated.
    pub codes: String,
}

impl IngredientRow {
    /// The rows of a scan, in label order.
    pub fn of(report: &ScanReport) -> Vec<IngredientRow> {
        report
            .ingredients
            .iter()
            .enumerate()
            .map(|(n, ing)| {
                let mut worst = None;
                let mut codes: Vec<&str> = Vec::new();
                for f in report
                    .findings
                    .iter()
                    .filter(|f| f.ingredients.contains(&n))
                {
                    worst = worst.max(Some(f.severity));
                    if !codes.iter().any(|c| same_code(c, f.code)) {
                        codes.push(f.code);
                    }
                }
                IngredientRow {
                    position: n + 1,
                    raw: ing.raw.trim().to_owned(),
                    inci_name: ing.name,
                    matched_via: ing.matched_via,
                    section: ing.section,
                    role: ing.role,
                    origin: ing.origin,
                    cas: ing.cas,
                    worst_severity: worst,
                    codes: codes.join(" "),
                }
            })
            .collect()
    }

    /// The CSV cells, in [`INGREDIENT_COLUMNS`] order (the role in plain words).
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.position.to_string(),
            self.raw.clone(),
            self.inci_name.unwrap_or_default().to_owned(),
            self.matched_via.as_str().to_owned(),
            self.section.as_str().to_owned(),
            self.role
                .map(crate::role::Role::words)
                .unwrap_or_default()
                .to_owned(),
            self.origin
                .map(crate::origin::Origin::as_str)
                .unwrap_or_default()
                .to_owned(),
            self.cas.unwrap_or_default().to_owned(),
            self.worst_severity
                .map(crate::risk::Severity::as_str)
                .unwrap_or_default()
                .to_owned(),
            self.codes.clone(),
        ]
    }
}

/// `a == b` for finding codes: registry codes are four bytes (`A002`), compared as one word
/// rather than through `memcmp` (every finding of a row is looked for among the codes
/// before it, about 70 comparisons a row); any other length compares as text.
fn same_code(a: &str, b: &str) -> bool {
    match (
        a.as_bytes().first_chunk::<4>(),
        b.as_bytes().first_chunk::<4>(),
    ) {
        (Some(x), Some(y)) if a.len() == 4 && b.len() == 4 => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_compare_as_text() {
        for a in ["A002", "A001", "RX001", "", "A00", "a002", "A002 "] {
            for b in ["A002", "A001", "RX001", "", "A00", "a002", "A002 "] {
                assert_eq!(same_code(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_columns_are_the_serialized_fields_in_order() {
        let s = Summary::of(&crate::scan("Aqua, Glycerin"));
        let json = serde_json::to_string(&s).expect("serializes");
        // The keys in the order written (a parsed map would sort them).
        let keys: Vec<&str> = json
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|k| k.starts_with("inci_"))
            .collect();
        assert_eq!(keys, COLUMNS, "{json}");
        assert_eq!(s.cells().len(), COLUMNS.len());
    }

    #[test]
    fn a_text_with_no_list_is_no_list_not_clean() {
        let s = Summary::of(&crate::scan("No Info"));
        assert_eq!(s.status, Status::NoList);
        assert_eq!(s.vegan, Some(VeganStatus::Unknown));
        let s = Summary::of(&crate::scan("Aqua, Glycerin, Carmine"));
        assert_eq!(s.status, Status::Ok);
        assert_eq!(s.vegan, Some(VeganStatus::No));
    }

    #[test]
    fn ingredient_rows_name_role_origin_and_worst_finding() {
        let report = crate::scan(
            "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Parfum",
        );
        let rows = IngredientRow::of(&report);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].role, Some(crate::role::Role::Humectant));
        assert_eq!(rows[2].origin, Some(crate::origin::Origin::Human));
        assert_eq!(rows[2].worst_severity, Some(crate::risk::Severity::High));
        assert!(
            rows[2].codes.split(' ').any(|c| c == "R416"),
            "{}",
            rows[2].codes
        );
        assert_eq!(rows[0].cells().len(), INGREDIENT_COLUMNS.len());
        let json = serde_json::to_string(&rows[0]).expect("serializes");
        let keys: Vec<&str> = json.split('"').skip(1).step_by(2).collect();
        for (k, want) in INGREDIENT_COLUMNS.iter().enumerate() {
            assert!(keys.contains(want), "{k}: {want} missing from {json}");
        }
    }

    #[test]
    fn codes_are_distinct() {
        let s = Summary::of(&crate::scan("Parfum, Linalool, Limonene, Citral, Geraniol"));
        let codes: Vec<&str> = s.codes.as_deref().unwrap_or_default().split(' ').collect();
        let mut distinct = codes.clone();
        distinct.dedup();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(codes.len(), distinct.len(), "{codes:?}");
        assert!(codes.len() > 1);
    }
}
