//! `inci_json` writes what `serde_json` writes: every fixture label's report, under several
//! profiles, product types and markets, twice (the second time from the memo of facts), and
//! after a caller changed an ingredient's facts or name; and every fixture's summary.

use inci::scan::{ScanReport, Scanner};
use std::path::Path;

fn fixture_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out = Vec::new();
    for dir in ["labels", "risk"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("fixture directory")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("fixture text");
            out.push((p.display().to_string(), text));
        }
    }
    assert!(out.len() > 100, "fixtures found: {}", out.len());
    out
}

fn ours(report: &ScanReport) -> String {
    let mut out = Vec::new();
    inci_json::write_report(&mut out, report).expect("writes");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn every_fixture_report_is_byte_for_byte_serde_json() {
    let scanners = [
        Scanner::from_names("general", None, Some("eu")),
        Scanner::from_names("sensitive", Some("leave_on"), Some("all")),
        Scanner::from_names("acne-prone", Some("rinse-off"), Some("eu,kr")),
    ];
    let texts = fixture_texts();
    // Every optional part of a report occurs somewhere, so each branch of the writer is held
    // to serde_json's bytes.
    let mut seen = [false; 10];
    for scanner in scanners {
        let scanner = scanner.expect("valid options");
        for round in 0..2 {
            for (name, text) in &texts {
                let report = scanner.scan(text);
                let ings = &report.ingredients;
                for (k, hit) in [
                    report.inconsistent_shares.is_some(),
                    report.product_type.is_some(),
                    ings.iter().any(|i| i.synonym.is_some()),
                    ings.iter().any(|i| !i.alternatives.is_empty()),
                    ings.iter().any(|i| !i.qualifiers.is_empty()),
                    ings.iter().any(|i| !i.suggestions.is_empty()),
                    ings.iter()
                        .any(|i| i.comedogenic.is_some() && i.origin.is_some()),
                    ings.iter()
                        .any(|i| i.share.is_some_and(|s| s.if_compliant.is_some())),
                    report.findings.iter().any(|f| !f.markets.is_empty()),
                    report.findings.iter().any(|f| f.market_verdict.is_some()),
                ]
                .into_iter()
                .enumerate()
                {
                    seen[k] |= hit;
                }
                let theirs = serde_json::to_string(&report).expect("serde_json writes");
                assert_eq!(ours(&report), theirs, "{name}, round {round}");
                let mut generic = Vec::new();
                inci_json::write(&mut generic, &report).expect("writes");
                assert_eq!(String::from_utf8(generic).expect("utf-8"), theirs, "{name}");
            }
        }
    }
    assert_eq!(seen, [true; 10], "a part of the report no fixture has");
}

/// `changed` (a report whose fields a caller set, after `report` filled the writer's per-thread
/// tables) and then `report` again, each written as `serde_json` writes it.
#[track_caller]
fn both_as_serde_json(report: &ScanReport, changed: &ScanReport) {
    for r in [changed, report] {
        assert_eq!(
            ours(r),
            serde_json::to_string(r).expect("serde_json writes")
        );
    }
}

#[test]
fn changed_facts_are_written_anew() {
    let text = "Aqua, Glycerin, Niacinamide, Parfum";
    let report = inci::scan(text);
    let _ = ours(&report); // the memo now holds these entries' facts
    let mut changed = report.clone();
    changed.ingredients[1].functions.to_mut().push("Made Up");
    changed.ingredients[1].functions.to_mut().swap(0, 1);
    changed.ingredients[2].cas = None;
    changed.ingredients[3].role = None;
    // A name a caller set, not the entry's own: escaped, where the entry's is copied.
    changed.ingredients[0].name = Some("A \"QUOTED\\ NAME\"");
    both_as_serde_json(&report, &changed);
}

#[test]
fn changed_findings_are_written_anew() {
    use inci::risk::{Category, Concern, Severity};
    use std::borrow::Cow;
    let report = inci::scan("Aqua, Glycerin, Parfum, Linalool, Sodium Lauryl Sulfate");
    assert!(report.findings.len() >= 3, "{:?}", report.findings);
    let _ = ours(&report); // the table now holds these kinds' heads
    let mut changed = report.clone();
    // A code, category, concern, severity or source a caller set: written from the finding.
    changed.findings[0].code = "X\"1";
    changed.findings[1].category = Category::Interaction;
    changed.findings[1].severity = Severity::High;
    changed.findings[2].concern = Concern::Allergy;
    changed.findings[2].source = Cow::Owned("a \"quoted\" source".to_owned());
    both_as_serde_json(&report, &changed);
}

#[test]
fn every_fixture_summary_is_byte_for_byte_serde_json() {
    use inci::summary::Summary;
    let scanner = Scanner::from_names("sensitive", None, Some("all")).expect("valid options");
    let mut summaries: Vec<Summary> = fixture_texts()
        .iter()
        .map(|(_, text)| Summary::of(&scanner.scan(text)))
        .collect();
    summaries.push(Summary::of(&scanner.scan("")));
    summaries.push(Summary::failed("a \"quoted\" reason\nover two lines"));
    // Each optional field both set and unset somewhere, so each branch is held to serde_json.
    assert!(summaries.iter().any(|s| s.human_derived == Some(true)));
    let filled = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.is_empty());
    assert!(summaries.iter().any(|s| filled(&s.market_verdicts)));
    assert!(summaries.iter().any(|s| filled(&s.unknown)));
    assert!(summaries.iter().any(|s| s.error.is_some()));
    for s in &summaries {
        let mut ours = Vec::new();
        inci_json::write_summary(&mut ours, s).expect("writes");
        let theirs = serde_json::to_string(s).expect("serde_json writes");
        assert_eq!(String::from_utf8(ours).expect("utf-8"), theirs);
    }
}
