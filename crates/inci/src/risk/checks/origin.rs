//! Origin findings: human tissue (`H001`, with each selected market's rule: `R416` for the
//! EU-annex markets, `M001` for the others), a human sequence (`H002`), animal (`A001`) or an
//! ambiguous source (`A002`), from the ingredient's origin verdict.

use crate::market::{self, Market, Markets, Verdict};
use crate::origin::{self, Certainty, HumanKind, Origin};
use crate::risk::registry;
use crate::risk::{Finding, Severity};
use std::borrow::Cow;

const ANNEX_416: &str =
    "Regulation (EC) 1223/2009 Annex II entry 416: cells, tissues or products of human origin";

/// Vegan and vegetarian status, updated as origin findings are added.
pub(crate) struct Status {
    pub vegan: bool,
    pub vegetarian: bool,
    /// False once an ingredient's origin cannot be told (unknown name, ambiguous source).
    pub known: bool,
}

impl Default for Status {
    fn default() -> Status {
        Status {
            vegan: true,
            vegetarian: true,
            known: true,
        }
    }
}

/// The findings an origin verdict raises: human origin (with each market's rule), a human
/// sequence (not human origin), animal origin or an ambiguous source (vegan status).
pub(crate) fn check(
    name: &str,
    i: usize,
    v: &origin::Verdict,
    markets: Markets,
    findings: &mut Vec<Finding>,
    status: &mut Status,
) {
    let source = v.source.unwrap_or(origin::RULES_SOURCE);
    match v.origin {
        Origin::Human => {
            status.vegan = false;
            status.vegetarian = false;
            let kind = crate::origin::HumanKind::of(name);
            let (severity, message) = match v.certainty {
                Certainty::Named => (
                    Severity::High,
                    format!(
                        "{name} is of human origin ({}); neither vegan nor vegetarian; {}",
                        v.reason,
                        kind.note()
                    ),
                ),
                Certainty::Possible => (
                    Severity::Moderate,
                    format!(
                        "{name} is possibly of human origin ({}): unknown, ask the supplier; if human, neither vegan nor vegetarian; {}",
                        v.reason,
                        kind.note()
                    ),
                ),
            };
            findings.push(Finding::new(
                &registry::H001,
                severity,
                message,
                vec![i],
                Cow::Borrowed(source),
            ));
            for m in markets.iter() {
                findings.push(market_finding(name, i, m, kind, v.certainty));
            }
        }
        Origin::HumanSequence => findings.push(Finding::new(
            &registry::H002,
            Severity::Info,
            format!(
                "{name}: {}; not a product of human origin under Annex II entry 416",
                v.reason
            ),
            vec![i],
            Cow::Borrowed(source),
        )),
        Origin::Animal => {
            status.vegan = false;
            status.vegetarian &= v.vegetarian;
            let veg = if v.vegetarian {
                "not vegan (vegetarian)"
            } else {
                "neither vegan nor vegetarian"
            };
            findings.push(Finding::new(
                &registry::A001,
                Severity::Low,
                // Joined in one allocation: `format!` cost 1,000 instructions a finding.
                [name, " is of animal origin (", &v.reason, "): ", veg].concat(),
                vec![i],
                Cow::Borrowed(source),
            ));
        }
        Origin::Ambiguous => {
            status.known = false;
            findings.push(Finding::new(
                &registry::A002,
                Severity::Info,
                [
                    name,
                    " may be of plant, animal or synthetic origin (",
                    &v.reason,
                    "): vegan status unknown",
                ]
                .concat(),
                vec![i],
                Cow::Borrowed(source),
            ));
        }
        Origin::PlantCulture | Origin::Microbial => {}
    }
}

/// One market's rule on a human-derived ingredient: `R416` for the markets whose annexes carry
/// entry 416 (the EU's wording unchanged), `M001` for the others, at the severity of the
/// verdict (one step lower when the name only may be human).
fn market_finding(
    name: &str,
    i: usize,
    market: Market,
    kind: HumanKind,
    certainty: Certainty,
) -> Finding {
    let verdict = market::human_verdict(market, kind, certainty, name);
    let base = match verdict.verdict {
        Verdict::Prohibited => Severity::High,
        Verdict::Unclear => Severity::Moderate,
        Verdict::AllowedWithConditions => Severity::Low,
        _ => Severity::Info,
    };
    let severity = match certainty {
        Certainty::Named => base,
        _ => base.down(),
    };
    let finding = if market == Market::Eu {
        Finding::new(
            &registry::R416,
            severity,
            format!(
                "{name}: products of human origin are prohibited in EU cosmetics (Annex II entry 416)"
            ),
            vec![i],
            Cow::Borrowed(ANNEX_416),
        )
    } else {
        let inferred = if verdict.inferred.is_empty() {
            String::new()
        } else {
            format!(" (inferred: {})", verdict.inferred)
        };
        let conditions = if verdict.verdict == Verdict::AllowedWithConditions {
            format!("; conditions: {}", verdict.condition)
        } else {
            String::new()
        };
        let kind_of = if market::uses_eu_annexes(market) {
            &registry::R416
        } else {
            &registry::M001
        };
        Finding::new(
            kind_of,
            severity,
            format!(
                "{name} in {}: {}{inferred}{conditions}",
                if market.name() == market.code() {
                    market.name().to_owned()
                } else {
                    format!("{} ({})", market.name(), market.code())
                },
                verdict.summary
            ),
            vec![i],
            Cow::Borrowed(verdict.citation),
        )
    };
    Finding {
        market_verdict: Some(verdict),
        ..finding.for_markets(vec![market])
    }
}
