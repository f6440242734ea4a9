//! Markets: which rules a report applies, and each market's verdict on an ingredient of human
//! origin.
//!
//! A report is made for a set of [`Markets`] (`--market eu,kr`, default the EU). For each
//! market, [`coverage`] says which of inci's regulatory checks have rule data there (the EU
//! annexes for the EU, and, inferred, for the UK and ASEAN; the human-origin rule everywhere)
//! and which do not ("no rule data for KR annex limits: not checked"), and [`human_verdict`]
//! reads the market's rule on a human-derived ingredient from `inci_dict::market`: the EU
//! prohibits (Annex II entry 416), Korea allows culture media that meet the MFDS safety
//! standard but not the cells themselves, the US names none. Where the rule's words do not
//! decide (Korea and exosomes isolated from a culture medium), the verdict says so.

use crate::origin::{Certainty, HumanKind};
use crate::value::UnknownValue;
use serde::Serialize;
use std::borrow::Cow;

pub use inci_dict::market::{HumanRule, HumanScope, Market, RuleVerdict};

/// A set of markets. `Default` is the EU alone (inci's behaviour before markets existed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Markets(u16);

impl Default for Markets {
    fn default() -> Markets {
        Markets::only(Market::Eu)
    }
}

impl Markets {
    /// Every market.
    pub fn all() -> Markets {
        Market::ALL.into_iter().collect()
    }

    /// One market.
    pub fn only(market: Market) -> Markets {
        Markets(bit(market))
    }

    /// Whether `market` is in the set.
    pub fn contains(self, market: Market) -> bool {
        self.0 & bit(market) != 0
    }

    /// Adds `market`.
    pub fn insert(&mut self, market: Market) {
        self.0 |= bit(market);
    }

    /// The markets in report order ([`Market::ALL`]).
    pub fn iter(self) -> impl Iterator<Item = Market> {
        Market::ALL.into_iter().filter(move |m| self.contains(*m))
    }

    /// How many markets.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// No market at all.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The markets of the set whose rules are the EU annexes (the EU itself; the UK and ASEAN,
    /// inferred): the annex checks run for these.
    pub fn eu_annexes(self) -> Vec<Market> {
        self.iter().filter(|m| uses_eu_annexes(*m)).collect()
    }

    /// Whether some market of the set has the EU annexes for rules ([`Markets::eu_annexes`]
    /// not empty), asked without building the list.
    pub fn has_eu_annexes(self) -> bool {
        self.iter().any(uses_eu_annexes)
    }

    /// The markets whose label language a foreign name is in: Korean names are label names in
    /// Korea, Japanese in Japan, the NMPA's Chinese names in mainland China.
    pub fn label_language(self, lang: inci_dict::Lang) -> bool {
        let market = match lang {
            inci_dict::Lang::Ko => Market::Kr,
            inci_dict::Lang::Ja => Market::Jp,
            inci_dict::Lang::Zh => Market::Cn,
            _ => return false,
        };
        self.contains(market)
    }
}

impl FromIterator<Market> for Markets {
    fn from_iter<I: IntoIterator<Item = Market>>(iter: I) -> Markets {
        let mut set = Markets(0);
        for m in iter {
            set.insert(m);
        }
        set
    }
}

impl std::str::FromStr for Markets {
    type Err = UnknownValue;

    /// Reads `eu`, `eu,kr`, `EU, KR` or `all`; an empty list or an unknown name is an error that
    /// lists the accepted names.
    fn from_str(text: &str) -> Result<Markets, UnknownValue> {
        let expected = || {
            Market::ALL
                .map(|m| m.as_str().to_owned())
                .into_iter()
                .chain(["all".to_owned()])
        };
        let mut set = Markets(0);
        for part in text.split(',').map(str::trim) {
            if part.eq_ignore_ascii_case("all") {
                set = Markets::all();
            } else if let Some(m) = Market::from_code(part) {
                set.insert(m);
            } else {
                return Err(UnknownValue::new("market", part, expected()));
            }
        }
        if set.is_empty() {
            return Err(UnknownValue::new("market", text, expected()));
        }
        Ok(set)
    }
}

impl std::fmt::Display for Markets {
    /// `eu,kr`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.iter().map(Market::as_str).collect();
        f.pad(&names.join(","))
    }
}

impl Serialize for Markets {
    /// A list of market names (`["eu", "kr"]`).
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.iter().map(Market::as_str))
    }
}

/// Serializes one market as its name (`kr`).
pub fn serialize_market<S: serde::Serializer>(m: &Market, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(m.as_str())
}

/// Serializes markets as their names.
pub fn serialize_markets<S: serde::Serializer>(m: &[Market], ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_seq(m.iter().map(|m| m.as_str()))
}

/// The regulatory checks whose rules differ by market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Check {
    /// The rule on ingredients of human origin (`R416`, `M001`).
    HumanOrigin,
    /// Prohibited and restricted substances, preservatives and UV filters with their limits
    /// (`R002`-`R007`, lint `L009`, `L010`).
    Annexes,
    /// Naming fragrance allergens on the label above a threshold (lint `L011`).
    AllergenLabelling,
}

impl Check {
    /// Words for people (`annex limits`).
    pub fn title(self) -> &'static str {
        match self {
            Check::HumanOrigin => "human-origin rule",
            Check::Annexes => "annex limits",
            Check::AllergenLabelling => "fragrance allergen labelling",
        }
    }
}

/// Whether a check has rule data for a market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Coverage {
    /// Checked against the market's own rule.
    Checked,
    /// Checked against another market's rule that this market is taken to share (the UK and
    /// ASEAN with the EU annexes), or against a verdict resting on other evidence than the
    /// market's own text; the note says which.
    Inferred,
    /// No rule data for this market: not checked.
    NoData,
}

/// One check's coverage in one market, with the words a report prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CheckCoverage {
    /// The check.
    pub check: Check,
    /// Checked, inferred or not checked.
    pub coverage: Coverage,
    /// Why, for people: the rule's source when checked, why it is inferred (`the EU annexes,
    /// as Regulation (EC) 1223/2009 is assimilated law in GB ...`), or `no rule data for KR
    /// annex limits: not checked`.
    pub note: String,
}

/// What a report checked for one market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MarketCoverage {
    /// The market.
    #[serde(serialize_with = "serialize_market")]
    pub market: Market,
    /// Its name for people.
    pub name: &'static str,
    /// Each check, in [`Check`] order.
    pub checks: Vec<CheckCoverage>,
}

/// What inci can check for `market`, and what it cannot. Built once per market: every report
/// of a run shares it.
pub fn coverage(market: Market) -> &'static MarketCoverage {
    static ALL: std::sync::OnceLock<Vec<MarketCoverage>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| Market::ALL.into_iter().map(build_coverage).collect());
    let i = Market::ALL.iter().position(|m| *m == market).unwrap_or(0);
    &all[i]
}

fn build_coverage(market: Market) -> MarketCoverage {
    let code = market.code();
    let no_data = |check: Check| CheckCoverage {
        check,
        coverage: Coverage::NoData,
        note: format!("no rule data for {code} {}: not checked", check.title()),
    };
    let human = {
        let rules: Vec<&HumanRule> = inci_dict::market::human_rules_of(market).collect();
        let inferred: Vec<&str> = rules
            .iter()
            .map(|r| r.inferred)
            .filter(|i| !i.is_empty())
            .collect();
        let citations: Vec<&str> = rules.iter().map(|r| r.citation).collect();
        if rules.is_empty() {
            no_data(Check::HumanOrigin)
        } else if inferred.is_empty() {
            CheckCoverage {
                check: Check::HumanOrigin,
                coverage: Coverage::Checked,
                note: format!(
                    "{code} {}: {}",
                    Check::HumanOrigin.title(),
                    citations.join("; ")
                ),
            }
        } else {
            CheckCoverage {
                check: Check::HumanOrigin,
                coverage: Coverage::Inferred,
                note: inferred.join("; "),
            }
        }
    };
    let annex = |check: Check| {
        match market {
        Market::Eu => CheckCoverage {
            check,
            coverage: Coverage::Checked,
            note: format!(
                "EU {}: Regulation (EC) 1223/2009, CosIng export of 28/08/2026",
                check.title()
            ),
        },
        Market::Uk => CheckCoverage {
            check,
            coverage: Coverage::Inferred,
            note: "the EU annexes, as Regulation (EC) 1223/2009 is assimilated law in GB; GB amendments since 2021 not checked".to_owned(),
        },
        Market::Asean => CheckCoverage {
            check,
            coverage: Coverage::Inferred,
            note: "the EU annexes, which the ASEAN Cosmetic Directive's annexes follow; ASEAN's own differences not checked".to_owned(),
        },
        _ => no_data(check),
    }
    };
    MarketCoverage {
        market,
        name: market.name(),
        checks: vec![
            human,
            annex(Check::Annexes),
            annex(Check::AllergenLabelling),
        ],
    }
}

/// Whether a market's annex checks are the EU annexes.
pub fn uses_eu_annexes(market: Market) -> bool {
    matches!(market, Market::Eu | Market::Uk | Market::Asean)
}

/// A market's verdict on one ingredient of human origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HumanVerdict {
    /// The market.
    #[serde(serialize_with = "serialize_market")]
    pub market: Market,
    /// What the rule says of it.
    pub verdict: Verdict,
    /// The verdict in a few words (`allowed if the culture medium meets the MFDS safety
    /// standard ...`), `if of human origin: ` first when the name does not say it is.
    pub summary: Cow<'static, str>,
    /// The rule's conditions in full, as the reference data words them.
    pub condition: &'static str,
    /// The regulation and entry.
    pub citation: &'static str,
    /// Why the verdict is inferred rather than read in the market's text; empty when read.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub inferred: &'static str,
}

/// What a market's rule says of one ingredient: the rule's verdict, or `Unclear` when the
/// rule's words do not decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// May not be used.
    Prohibited,
    /// May be used when the rule's conditions are met.
    AllowedWithConditions,
    /// The rule does not say whether it covers this ingredient: ask the supplier.
    Unclear,
    /// No rule names it.
    NoSpecificRule,
}

impl Verdict {
    /// The name in JSON (`allowed_with_conditions`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Prohibited => "prohibited",
            Verdict::AllowedWithConditions => "allowed_with_conditions",
            Verdict::Unclear => "unclear",
            Verdict::NoSpecificRule => "no_specific_rule",
        }
    }
}

impl From<RuleVerdict> for Verdict {
    fn from(v: RuleVerdict) -> Verdict {
        match v {
            RuleVerdict::Prohibited => Verdict::Prohibited,
            RuleVerdict::AllowedWithConditions => Verdict::AllowedWithConditions,
            _ => Verdict::NoSpecificRule,
        }
    }
}

/// Which of a market's rules covers an ingredient of human origin, by its kind and words:
/// culture media and secretomes are culture media; the cells, tissues and blood products
/// themselves are cells and tissues; exosomes and other vesicles isolated from a medium are
/// neither in so many words (`None`).
pub fn scope_of(kind: HumanKind, name: &str) -> Option<HumanScope> {
    match kind {
        HumanKind::Secretion if is_vesicle(name) => None,
        HumanKind::Secretion => Some(HumanScope::CultureMedia),
        _ => Some(HumanScope::CellsAndTissues),
    }
}

/// `market`'s verdict on the human-derived ingredient `name` (of `kind`; `certainty` says
/// whether the name says it is human or only may be).
pub fn human_verdict(
    market: Market,
    kind: HumanKind,
    certainty: Certainty,
    name: &str,
) -> HumanVerdict {
    let scope = scope_of(kind, name);
    let rules: Vec<&'static HumanRule> = inci_dict::market::human_rules_of(market).collect();
    let rule = rules
        .iter()
        .find(|r| r.applies_to == HumanScope::All || Some(r.applies_to) == scope);
    let if_human = |s: String| match certainty {
        Certainty::Possible => format!("if of human origin: {s}"),
        _ => s,
    };
    match rule {
        Some(r) => HumanVerdict {
            market,
            verdict: r.verdict.into(),
            summary: match certainty {
                Certainty::Possible => Cow::Owned(if_human(r.summary.to_owned())),
                _ => Cow::Borrowed(r.summary),
            },
            condition: r.condition,
            citation: r.citation,
            inferred: r.inferred,
        },
        None => {
            // The market has rules for some kinds of human material, none of them in words
            // this ingredient's: say so rather than guess (Korea's culture-medium standard
            // and exosomes isolated from a medium).
            let nearest = rules
                .iter()
                .find(|r| r.applies_to == HumanScope::CultureMedia)
                .or(rules.first());
            match nearest {
                Some(r) => HumanVerdict {
                    market,
                    verdict: Verdict::Unclear,
                    summary: Cow::Owned(if_human(format!(
                        "unclear: the {} rule covers {} (\"{}\"); exosomes or vesicles isolated from a medium are not named in it: ask the supplier and the regulator",
                        market.code(),
                        match r.applies_to {
                            HumanScope::CultureMedia => "culture media",
                            HumanScope::CellsAndTissues => "cells and tissues",
                            _ => "ingredients of human origin",
                        },
                        r.summary
                    ))),
                    condition: r.condition,
                    citation: r.citation,
                    inferred: r.inferred,
                },
                None => HumanVerdict {
                    market,
                    verdict: Verdict::Unclear,
                    summary: Cow::Owned(format!(
                        "no rule data for {} on ingredients of human origin: not checked",
                        market.code()
                    )),
                    condition: "",
                    citation: "",
                    inferred: "",
                },
            }
        }
    }
}

fn bit(m: Market) -> u16 {
    let i = Market::ALL.iter().position(|x| *x == m).unwrap_or(0);
    1 << i
}

/// Exosomes and other extracellular vesicles, in any of the label languages.
fn is_vesicle(name: &str) -> bool {
    let key = inci_dict::fold(name);
    ["EXOSOME", "VESICLE", "엑소좀", "エクソソーム", "外泌体"]
        .iter()
        .any(|w| key.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markets_parse_lists_and_all() {
        let m: Markets = "eu, KR".parse().expect("a list");
        assert_eq!(m.iter().collect::<Vec<_>>(), [Market::Eu, Market::Kr]);
        assert_eq!(m.to_string(), "eu,kr");
        assert_eq!("all".parse::<Markets>().map(|m| m.len()), Ok(9));
        let err = "eu,mars".parse::<Markets>().expect_err("unknown");
        assert!(err.to_string().contains("\"mars\""), "{err}");
        assert!(err.to_string().contains("asean"), "{err}");
        assert!("".parse::<Markets>().is_err());
        assert_eq!(Markets::default().iter().collect::<Vec<_>>(), [Market::Eu]);
    }

    #[test]
    fn every_market_has_a_human_origin_rule_with_a_citation() {
        for m in Market::ALL {
            let v = human_verdict(
                m,
                HumanKind::Secretion,
                Certainty::Named,
                "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA",
            );
            assert!(!v.citation.is_empty(), "{m:?}");
            assert_ne!(v.verdict, Verdict::Unclear, "{m:?}");
        }
    }

    #[test]
    fn korea_tells_culture_media_from_cells_and_exosomes() {
        let media = human_verdict(
            Market::Kr,
            HumanKind::Secretion,
            Certainty::Named,
            "인체지방줄기세포배양액",
        );
        assert_eq!(media.verdict, Verdict::AllowedWithConditions);
        let cells = human_verdict(
            Market::Kr,
            HumanKind::TissueOrBlood,
            Certainty::Named,
            "HUMAN PLACENTAL PROTEIN",
        );
        assert_eq!(cells.verdict, Verdict::Prohibited);
        let exo = human_verdict(
            Market::Kr,
            HumanKind::Secretion,
            Certainty::Named,
            "HUMAN UMBILICAL MESENCHYMAL STEM CELL EXOSOMES",
        );
        assert_eq!(exo.verdict, Verdict::Unclear);
        assert!(exo.summary.contains("ask the supplier"), "{}", exo.summary);
        // The EU's entry covers exosomes in so many words ("all cells, tissues or products").
        let eu = human_verdict(
            Market::Eu,
            HumanKind::Secretion,
            Certainty::Named,
            "HUMAN UMBILICAL MESENCHYMAL STEM CELL EXOSOMES",
        );
        assert_eq!(eu.verdict, Verdict::Prohibited);
    }

    #[test]
    fn a_possible_human_ingredient_is_worded_as_such() {
        let v = human_verdict(
            Market::Jp,
            HumanKind::Secretion,
            Certainty::Possible,
            "STEM CELL CONDITIONED MEDIA",
        );
        assert!(
            v.summary.starts_with("if of human origin: "),
            "{}",
            v.summary
        );
    }

    #[test]
    fn coverage_says_what_has_no_rule_data() {
        let kr = coverage(Market::Kr);
        // The cells-and-tissues row rests on KFDA's announcements, not the annex's text.
        assert_eq!(kr.checks[0].coverage, Coverage::Inferred);
        assert_eq!(coverage(Market::Jp).checks[0].coverage, Coverage::Checked);
        assert_eq!(kr.checks[1].coverage, Coverage::NoData);
        assert!(
            kr.checks[1]
                .note
                .starts_with("no rule data for KR annex limits")
        );
        assert_eq!(coverage(Market::Uk).checks[0].coverage, Coverage::Inferred);
        assert_eq!(coverage(Market::Eu).checks[1].coverage, Coverage::Checked);
        assert!(Markets::all().eu_annexes().len() == 3);
        // The yes-or-no question answers as the list does, for every set of markets.
        for bits in 0..1u32 << Market::ALL.len() {
            let set: Markets = Market::ALL
                .into_iter()
                .enumerate()
                .filter(|(k, _)| bits & (1 << k) != 0)
                .map(|(_, m)| m)
                .collect();
            assert_eq!(
                set.has_eu_annexes(),
                !set.eu_annexes().is_empty(),
                "{set:?}"
            );
        }
    }
}
