//! Annex II-VI verdict levels against a reviewed table and real catalogs.
//!
//! `fixtures/annex_review.csv` lists every (annex entry, INCI name) pair of Annexes II, III, V
//! and VI that matches anything in the two development catalogs, with the verdict level a
//! reviewer gave it and why: for Annex II prohibited, conditional or related; for the others
//! restricted, conditional (a form the label does not show) or related (the entry names
//! another substance, plant part or preparation: no finding). The compiled data must agree
//! with it (no `../shared` needed). Over the catalogs, every annex pair of every resolved name
//! must be reviewed, every Annex II-VI finding must cite a reviewed pair that is not merely
//! related, and no "prohibited" finding may come from a conditional, nano-only, hair-dye-only
//! or related-only entry, unless the label itself meets the condition (`(nano)` printed).
//! Skipped when `../shared` is absent, failing then under `CI=true`.

mod shared;

use inci_dict::risk::{Annex, AnnexVerdict};
use std::collections::BTreeMap;

fn verdict(s: &str) -> AnnexVerdict {
    match s {
        "prohibited" => AnnexVerdict::Prohibited,
        "conditional" => AnnexVerdict::Conditional,
        "listed_as_related" => AnnexVerdict::ListedAsRelated,
        "restricted" => AnnexVerdict::Restricted,
        other => panic!("unknown verdict {other} in the review table"),
    }
}

type Key = (Annex, String, String);

fn annex(s: &str) -> Annex {
    match s {
        "II" => Annex::II,
        "III" => Annex::III,
        "V" => Annex::V,
        "VI" => Annex::VI,
        other => panic!("unknown annex {other} in the review table"),
    }
}

/// (annex, reference, INCI name) -> reviewed verdict.
fn review() -> BTreeMap<Key, AnnexVerdict> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/annex_review.csv");
    let mut rdr = csv::Reader::from_path(&path).expect("review table readable");
    rdr.records()
        .map(|r| r.expect("row"))
        .map(|r| {
            assert!(!r[4].trim().is_empty(), "{} {}: no reason", &r[1], &r[2]);
            let a = annex(&r[0]);
            let v = verdict(&r[3]);
            // Annex II prohibits and never restricts; Annexes III, V and VI restrict and never
            // prohibit.
            let fits = match v {
                AnnexVerdict::Prohibited => a == Annex::II,
                AnnexVerdict::Restricted => a != Annex::II,
                _ => true,
            };
            assert!(
                fits,
                "{} {} {}: verdict {} does not belong to this annex",
                &r[0], &r[1], &r[2], &r[3]
            );
            ((a, r[1].to_owned(), r[2].to_owned()), v)
        })
        .collect()
}

fn compiled(annex: Annex, reference: &str, name: &str) -> Option<AnnexVerdict> {
    let entry = inci_dict::entry_by_name(name)?;
    inci_dict::risk::annex_entries(entry.id)
        .find(|a| a.annex == annex && a.reference == reference)
        .map(|a| a.verdict)
}

#[test]
fn compiled_verdicts_match_the_review() {
    let table = review();
    assert!(table.len() >= 300, "review table too short");
    let mut wrong = Vec::new();
    for ((annex, reference, name), want) in &table {
        let got = compiled(*annex, reference, name);
        if got != Some(*want) {
            wrong.push(format!(
                "Annex {} entry {reference} {name}: reviewed {want:?}, compiled {got:?}",
                annex.as_str()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The annex and reference a finding cites (`... Annex II entry 904 ...`, `Annex V entry 57`).
fn entry_of(message: &str) -> Option<(Annex, &str)> {
    let (_, rest) = message.split_once("Annex ")?;
    let (numeral, rest) = rest.split_once(" entry ")?;
    let reference = rest.split(|c: char| !c.is_ascii_alphanumeric()).next()?;
    let annex = match numeral {
        "II" => Annex::II,
        "III" => Annex::III,
        "V" => Annex::V,
        "VI" => Annex::VI,
        _ => return None,
    };
    Some((annex, reference))
}

#[test]
fn catalogs_raise_no_false_prohibition() {
    let table = review();
    let mut unreviewed = BTreeMap::new();
    let mut false_bans = Vec::new();
    let mut prohibited = 0;
    let mut restricted = 0;
    let mut other_substance = Vec::new();
    let Some(labels) = shared::catalog_labels() else {
        return;
    };
    for text in &labels {
        let report = inci::scan(text);
        // Every annex pair of every resolved name is reviewed, finding or not.
        for ing in &report.ingredients {
            let Some(entry) = ing.entry else { continue };
            for a in inci_dict::risk::annex_entries(entry.id) {
                let key = (a.annex, a.reference.to_owned(), entry.name.to_owned());
                if !table.contains_key(&key) {
                    *unreviewed.entry(key).or_insert(0) += 1;
                }
            }
        }
        for f in &report.findings {
            if !matches!(f.code, "R002" | "R003" | "R004" | "R005" | "R006" | "R007") {
                continue;
            }
            let Some((annex, reference)) = entry_of(&f.message) else {
                continue;
            };
            let ing = &report.ingredients[f.ingredients[0]];
            let Some(name) = ing.name else { continue };
            let key = (annex, reference.to_owned(), name.to_owned());
            let Some(reviewed) = table.get(&key) else {
                *unreviewed.entry(key).or_insert(0) += 1;
                continue;
            };
            if annex != Annex::II {
                restricted += 1;
                if *reviewed == AnnexVerdict::ListedAsRelated {
                    other_substance.push(format!("{}: {}", ing.raw, f.message));
                }
                continue;
            }
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
    assert!(
        prohibited > 50,
        "only {prohibited} prohibited findings: catalogs not read?"
    );
    assert!(
        restricted > 3000,
        "only {restricted} Annex III-VI findings: catalogs not read?"
    );
    assert!(
        unreviewed.is_empty(),
        "annex pairs not in fixtures/annex_review.csv (review them): {unreviewed:?}"
    );
    assert!(false_bans.is_empty(), "{}", false_bans.join("\n"));
    assert!(
        other_substance.is_empty(),
        "findings citing an entry about another substance, part or preparation:\n{}",
        other_substance.join("\n")
    );
}
