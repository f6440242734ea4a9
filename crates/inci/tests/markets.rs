//! The flagship in each of the nine markets: the finding that market's rule gives, at its
//! severity, with its own words and its citation, and the report's account of what had no rule
//! data there. One test per market, so a changed verdict names its market.

use inci::market::{Coverage, Market, Markets, Verdict};
use inci::risk::Severity;

const FLAGSHIP: &str = "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, \
                        Niacinamide, Phenoxyethanol";

/// Scans the flagship for `market` alone and checks its one market finding.
fn check(
    market: Market,
    code: &str,
    verdict: Verdict,
    severity: Severity,
    words: &str,
    citation: &str,
) {
    let report = inci::scan::Scanner::new()
        .markets(Markets::only(market))
        .scan(FLAGSHIP);
    let market_findings: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.market_verdict.is_some())
        .collect();
    assert_eq!(market_findings.len(), 1, "{market:?}: one market finding");
    let f = market_findings[0];
    let v = f.market_verdict.as_ref().expect("a verdict");
    assert_eq!(f.code, code, "{market:?}");
    assert_eq!(
        f.markets,
        [market],
        "{market:?}: the finding names its market"
    );
    assert_eq!(v.market, market);
    assert_eq!(v.verdict, verdict, "{market:?}");
    assert_eq!(f.severity, severity, "{market:?}");
    assert!(
        f.message.contains(words),
        "{market:?}: {:?} lacks {words:?}",
        f.message
    );
    assert!(
        f.source.contains(citation),
        "{market:?}: source {:?} lacks {citation:?}",
        f.source
    );
    assert_eq!(f.ingredients, [2]);
    // Every report says which market it applied, and what it could not check there.
    assert_eq!(report.markets.len(), 1);
    assert_eq!(report.markets[0].market, market);
    let annexes = &report.markets[0].checks[1];
    match market {
        Market::Eu => assert_eq!(annexes.coverage, Coverage::Checked),
        Market::Uk | Market::Asean => assert_eq!(annexes.coverage, Coverage::Inferred),
        _ => {
            assert_eq!(annexes.coverage, Coverage::NoData);
            assert!(
                annexes.note.starts_with("no rule data for"),
                "{}",
                annexes.note
            );
            // No EU annex finding is made for a market without the EU annexes.
            assert!(
                report.findings.iter().all(|f| !matches!(
                    f.code,
                    "R002" | "R003" | "R004" | "R005" | "R006" | "R007"
                )),
                "{market:?}"
            );
        }
    }
}

#[test]
fn eu_prohibits_by_annex_ii_entry_416() {
    check(
        Market::Eu,
        "R416",
        Verdict::Prohibited,
        Severity::High,
        "prohibited in EU cosmetics (Annex II entry 416)",
        "Regulation (EC) 1223/2009 Annex II entry 416",
    );
}

#[test]
fn uk_prohibits_as_assimilated_law_and_says_it_is_inferred() {
    check(
        Market::Uk,
        "R416",
        Verdict::Prohibited,
        Severity::High,
        "prohibited (GB Annex II entry 416) (inferred: the GB annex text was not read",
        "as assimilated law in GB, Annex II entry 416",
    );
}

#[test]
fn korea_allows_culture_media_that_meet_the_mfds_standard() {
    check(
        Market::Kr,
        "M001",
        Verdict::AllowedWithConditions,
        Severity::Low,
        "allowed if the culture medium meets the MFDS safety standard",
        "MFDS 「화장품 안전기준 등에 관한 규정」 [별표 3]",
    );
}

#[test]
fn japan_allows_under_the_standards_for_biological_materials() {
    check(
        Market::Jp,
        "M001",
        Verdict::AllowedWithConditions,
        Severity::Low,
        "allowed if it meets the Standards for Biological Materials",
        "Standards for Cosmetics (化粧品基準), MHW Notification No. 331 of 2000",
    );
}

#[test]
fn china_does_not_permit_and_says_on_what_evidence() {
    check(
        Market::Cn,
        "M001",
        Verdict::Prohibited,
        Severity::High,
        "not permitted: not in the inventory of existing ingredients (IECIC 2021)",
        "NMPA",
    );
}

#[test]
fn taiwan_prohibits() {
    check(
        Market::Tw,
        "M001",
        Verdict::Prohibited,
        Severity::High,
        "prohibited (MOHW list of prohibited ingredients, 2024)",
        "衛授食字第1131601051號",
    );
}

#[test]
fn the_us_has_no_specific_rule() {
    check(
        Market::Us,
        "M001",
        Verdict::NoSpecificRule,
        Severity::Info,
        "no specific rule",
        "21 CFR Part 700",
    );
}

#[test]
fn canada_restricts_with_notification() {
    check(
        Market::Ca,
        "M001",
        Verdict::AllowedWithConditions,
        Severity::Low,
        "restricted: Health Canada must receive its source",
        "Cosmetic Ingredient Hotlist",
    );
}

#[test]
fn asean_prohibits_by_its_directive() {
    check(
        Market::Asean,
        "R416",
        Verdict::Prohibited,
        Severity::High,
        "prohibited (ASEAN Cosmetic Directive Annex II, ref. 416)",
        "ASEAN Cosmetic Directive, Annex II",
    );
}

#[test]
fn all_markets_give_one_finding_each_in_market_order() {
    let report = inci::scan::Scanner::new()
        .markets(Markets::all())
        .scan(FLAGSHIP);
    let markets: Vec<Market> = report
        .findings
        .iter()
        .filter_map(|f| f.market_verdict.as_ref().map(|v| v.market))
        .collect();
    assert_eq!(markets, Market::ALL);
    // No market's source is a repository file.
    for f in &report.findings {
        assert!(
            !f.source.contains(".pdf") && !f.source.contains('@') && !f.source.contains(".csv"),
            "{}",
            f.source
        );
    }
}

#[test]
fn the_default_is_the_eu_alone() {
    let report = inci::scan(FLAGSHIP);
    assert_eq!(report.markets.len(), 1);
    assert_eq!(report.markets[0].market, Market::Eu);
}

#[test]
fn explain_gives_every_markets_rule_for_a_human_derived_name() {
    let e = inci::explain::explain("인체지방줄기세포배양액");
    assert_eq!(
        e.name,
        Some("HUMAN ADIPOSE DERIVED STEM CELL CONDITIONED MEDIA")
    );
    let rules: Vec<(&str, &str)> = e
        .facts
        .iter()
        .filter(|f| f.topic.starts_with("rule in "))
        .map(|f| (f.topic.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(rules.len(), 9, "{rules:?}");
    assert!(rules.contains(&("rule in KR", "allowed if the culture medium meets the MFDS safety standard (Annex 3: donor screening, collection at medical institutions, records)")));
    assert!(e.synonyms.iter().any(|s| s.lang == Some("ko")));
    // A name of no human origin gets no market rules.
    let glycerin = inci::explain::explain("Glycerin");
    assert!(
        glycerin
            .facts
            .iter()
            .all(|f| !f.topic.starts_with("rule in "))
    );
}
