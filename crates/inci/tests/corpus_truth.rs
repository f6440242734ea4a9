//! Over both development catalogs, every report keeps the truths issue 18 asks for:
//!
//! - no label with zero ingredients is "vegan: yes" or "vegetarian: yes" (it is unknown, with
//!   the reason `no ingredient list found`);
//! - no printed source is a file of a repository (a reader must be able to look it up: a
//!   regulation and entry, a CosIng export and date, a paper, a named dataset);
//! - no finding of a guessed name (`Benzophenone-$`) is above low.
//!
//! Skipped when `../shared` is absent, failing then under `CI=true`.

mod shared;

use inci::risk::{Category, Severity, VeganStatus};

/// True when a source names a file or folder of a repository instead of something citable.
fn repository_path(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    [
        ".rs", ".csv", ".json", ".tsv", ".py", ".gz", ".xlsx", "shared/", "data/", "src/",
        "assets/", "github", " via ",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

#[test]
fn repository_paths_are_recognised() {
    assert!(repository_path(
        "ICDRG series, via papitosu/cosmetic-inci-bot data/irritants.json (MIT)"
    ));
    assert!(repository_path("crates/inci-dict/assets/risk/annex.csv"));
    assert!(!repository_path(
        "Regulation (EC) 1223/2009 Annex III entry 84, CosIng export of 28/08/2026 (CC BY 4.0)"
    ));
    assert!(!repository_path(
        "cosmetic-inci-bot irritant list (MIT), primary source not stated"
    ));
}

#[test]
fn catalog_reports_keep_their_truths() {
    let (mut rows, mut empty, mut findings) = (0, 0, 0);
    let mut failures = Vec::new();
    let Some(labels) = shared::catalog_labels() else {
        return;
    };
    for text in &labels {
        let report = inci::scan(text);
        rows += 1;
        if report.ingredients.is_empty() {
            empty += 1;
            if report.vegan == VeganStatus::Yes || report.vegetarian == VeganStatus::Yes {
                failures.push(format!(
                    "no ingredients, yet vegan or vegetarian yes: {text:?}"
                ));
            }
            if !report
                .findings
                .iter()
                .any(|f| f.category == Category::NoIngredientList)
            {
                failures.push(format!("no ingredients and no U002: {text:?}"));
            }
        }
        for f in &report.findings {
            findings += 1;
            if repository_path(&f.source) {
                failures.push(format!("{} cites a repository file: {}", f.code, f.source));
            }
            let guessed = f.ingredients.len() == 1
                && report.ingredients[f.ingredients[0]].matched_via == inci::resolve::Via::Guessed;
            if guessed && f.severity > Severity::Low {
                failures.push(format!("guessed name raised {}: {}", f.code, f.message));
            }
        }
    }
    assert!(rows > 2_000 && findings > 20_000, "catalogs not read?");
    assert!(
        empty > 100,
        "only {empty} rows without a list: the catalogs have more"
    );
    failures.sort();
    failures.dedup();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
