//! Annex II verdict levels against a reviewed table and real catalogs.
//!
//! `fixtures/annex_review.csv` lists every (Annex II entry, INCI name) pair that matches
//! anything in the two development catalogs, with the verdict level a reviewer gave it and why.
//! The compiled data must agree with it (no `../shared` needed). Over the catalogs, every Annex
//! II finding must be a reviewed pair, and no "prohibited" finding may come from a conditional,
//! nano-only, hair-dye-only or related-only entry, unless the label itself meets the condition
//! (`(nano)` printed). Skipped when `../shared` is absent, failing then under `CI=true`.

mod shared;

use inci_dict::risk::{Annex, AnnexVerdict};
use std::collections::BTreeMap;

fn verdict(s: &str) -> AnnexVerdict {
    match s {
        "prohibited" => AnnexVerdict::Prohibited,
        "conditional" => AnnexVerdict::Conditional,
        "listed_as_related" => AnnexVerdict::ListedAsRelated,
        other => panic!("unknown verdict {other} in the review table"),
    }
}

/// (reference, INCI name) -> reviewed verdict.
fn review() -> BTreeMap<(String, String), AnnexVerdict> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/annex_review.csv");
    let mut rdr = csv::Reader::from_path(&path).expect("review table readable");
    rdr.records()
        .map(|r| r.expect("row"))
        .map(|r| {
            assert_eq!(&r[0], "II", "only Annex II is reviewed");
            assert!(!r[4].trim().is_empty(), "{} {}: no reason", &r[1], &r[2]);
            ((r[1].to_owned(), r[2].to_owned()), verdict(&r[3]))
        })
        .collect()
}

fn compiled(reference: &str, name: &str) -> Option<AnnexVerdict> {
    let entry = inci_dict::entry_by_name(name)?;
    inci_dict::risk::annex_entries(entry.id)
        .iter()
        .find(|a| a.annex == Annex::II && a.reference == reference)
        .map(|a| a.verdict)
}

#[test]
fn compiled_verdicts_match_the_review() {
    let table = review();
    assert!(table.len() >= 40, "review table too short");
    let mut wrong = Vec::new();
    for ((reference, name), want) in &table {
        let got = compiled(reference, name);
        if got != Some(*want) {
            wrong.push(format!(
                "{reference} {name}: reviewed {want:?}, compiled {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The reference an Annex II finding cites (`... Annex II entry 904 ...`).
fn entry_of(message: &str) -> Option<&str> {
    let rest = message.split("Annex II entry ").nth(1)?;
    rest.split(|c: char| !c.is_ascii_alphanumeric()).next()
}

#[test]
fn catalogs_raise_no_false_prohibition() {
    let table = review();
    let catalogs = [
        ("corpus/sephora_cosmetics.csv", "Ingredients"),
        ("corpus/lookfantastic_skincare.csv", "clean_ingreds"),
    ];
    let mut unreviewed = BTreeMap::new();
    let mut false_bans = Vec::new();
    let mut prohibited = 0;
    for (rel, column) in catalogs {
        let Some(path) = shared::path(rel) else {
            return;
        };
        let mut rdr = csv::Reader::from_path(&path).expect("catalog readable");
        let headers = rdr.headers().expect("header").clone();
        let col = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == column)
            .expect("column");
        for rec in rdr.records() {
            let rec = rec.expect("row");
            let report = inci::scan(rec.get(col).unwrap_or(""));
            for f in &report.findings {
                if !matches!(f.code, "R002" | "R004" | "R005") {
                    continue;
                }
                let Some(reference) = entry_of(&f.message) else {
                    continue;
                };
                let ing = &report.ingredients[f.ingredients[0]];
                let Some(name) = ing.name else { continue };
                let key = (reference.to_owned(), name.to_owned());
                let Some(reviewed) = table.get(&key) else {
                    *unreviewed.entry(key).or_insert(0) += 1;
                    continue;
                };
                if f.code == "R002" {
                    prohibited += 1;
                    let nano = ing
                        .qualifiers
                        .iter()
                        .any(|q| q.kind == inci::parse::QualifierKind::Nano);
                    let met = *reviewed == AnnexVerdict::Conditional && nano;
                    if *reviewed != AnnexVerdict::Prohibited && !met {
                        false_bans.push(format!("{}: {}", ing.raw, f.message));
                    }
                }
            }
        }
    }
    assert!(
        prohibited > 50,
        "only {prohibited} prohibited findings: catalogs not read?"
    );
    assert!(
        unreviewed.is_empty(),
        "Annex II pairs not in fixtures/annex_review.csv (review them): {unreviewed:?}"
    );
    assert!(false_bans.is_empty(), "{}", false_bans.join("\n"));
}
