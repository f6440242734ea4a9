//! Origin findings: human tissue (`H001`, with `R416`), a human sequence (`H002`), animal
//! (`A001`) or an ambiguous source (`A002`), from the ingredient's origin verdict.

use crate::origin::{self, Certainty, Origin};
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

/// The findings an origin verdict raises: human origin (with the EU prohibition), a human
/// sequence (not human origin), animal origin or an ambiguous source (vegan status).
pub(crate) fn check(
    name: &str,
    i: usize,
    v: &origin::Verdict,
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
            findings.push(Finding::new(
                &registry::R416,
                severity,
                format!("{name}: products of human origin are prohibited in EU cosmetics (Annex II entry 416)"),
                vec![i],
                Cow::Borrowed(ANNEX_416),
            ));
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
                format!("{name} is of animal origin ({}): {veg}", v.reason),
                vec![i],
                Cow::Borrowed(source),
            ));
        }
        Origin::Ambiguous => {
            status.known = false;
            findings.push(Finding::new(
                &registry::A002,
                Severity::Info,
                format!(
                    "{name} may be of plant, animal or synthetic origin ({}): vegan status unknown",
                    v.reason
                ),
                vec![i],
                Cow::Borrowed(source),
            ));
        }
        Origin::PlantCulture | Origin::Microbial => {}
    }
}
