//! Markets and their rules on ingredients of human origin, as `assets/risk/markets.csv` records
//! them (generated into [`human_rules`]), each rule with its legal text and citation.
//!
//! A market is where a product is sold: the EU's Annex II prohibits products of human origin,
//! Korea allows culture media that meet the MFDS safety standard, Japan asks for the Standards
//! for Biological Materials, the US names no such ingredient. The closed set of markets lives
//! here, beside the data keyed on it; the `inci` crate decides which rule applies to which
//! ingredient.

use crate::risk_codegen as t;

/// A market whose rules a report can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Market {
    /// The European Union: Regulation (EC) 1223/2009 and its annexes.
    Eu,
    /// The United Kingdom (Great Britain): the Regulation as assimilated law.
    Uk,
    /// South Korea: MFDS rules.
    Kr,
    /// Japan: the MHLW Standards for Cosmetics.
    Jp,
    /// Mainland China: NMPA rules and the IECIC inventory.
    Cn,
    /// Taiwan: MOHW rules.
    Tw,
    /// The United States: FDA rules.
    Us,
    /// Canada: Health Canada's Cosmetic Ingredient Hotlist.
    Ca,
    /// The ASEAN Cosmetic Directive.
    Asean,
}

impl Market {
    /// Every market, in the order reports list them.
    pub const ALL: [Market; 9] = [
        Market::Eu,
        Market::Uk,
        Market::Kr,
        Market::Jp,
        Market::Cn,
        Market::Tw,
        Market::Us,
        Market::Ca,
        Market::Asean,
    ];

    /// The lower-case name of the command line and JSON (`kr`).
    pub fn as_str(self) -> &'static str {
        match self {
            Market::Eu => "eu",
            Market::Uk => "uk",
            Market::Kr => "kr",
            Market::Jp => "jp",
            Market::Cn => "cn",
            Market::Tw => "tw",
            Market::Us => "us",
            Market::Ca => "ca",
            Market::Asean => "asean",
        }
    }

    /// The upper-case code reports print and the data files use (`KR`).
    pub fn code(self) -> &'static str {
        match self {
            Market::Eu => "EU",
            Market::Uk => "UK",
            Market::Kr => "KR",
            Market::Jp => "JP",
            Market::Cn => "CN",
            Market::Tw => "TW",
            Market::Us => "US",
            Market::Ca => "CA",
            Market::Asean => "ASEAN",
        }
    }

    /// The market's name for people (`South Korea`).
    pub fn name(self) -> &'static str {
        match self {
            Market::Eu => "European Union",
            Market::Uk => "United Kingdom",
            Market::Kr => "South Korea",
            Market::Jp => "Japan",
            Market::Cn => "China",
            Market::Tw => "Taiwan",
            Market::Us => "United States",
            Market::Ca => "Canada",
            Market::Asean => "ASEAN",
        }
    }

    /// The market of a name or code, any case (`kr`, `KR`).
    pub fn from_code(code: &str) -> Option<Market> {
        Market::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(code.trim()))
    }
}

/// Which ingredients of human origin a rule covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HumanScope {
    /// Every cell, tissue or product of human origin.
    All,
    /// Culture media: the fluid left after human cells or tissues were cultured and removed.
    CultureMedia,
    /// The cells and tissues themselves, and their extracts.
    CellsAndTissues,
}

impl HumanScope {
    /// The name in `markets.csv` (`culture_media`).
    pub fn as_str(self) -> &'static str {
        match self {
            HumanScope::All => "all",
            HumanScope::CultureMedia => "culture_media",
            HumanScope::CellsAndTissues => "cells_tissues",
        }
    }

    /// The scope of a `markets.csv` name.
    pub fn from_name(name: &str) -> Option<HumanScope> {
        [
            HumanScope::All,
            HumanScope::CultureMedia,
            HumanScope::CellsAndTissues,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

/// What a market's rule says of the ingredients it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RuleVerdict {
    /// May not be used.
    Prohibited,
    /// May be used when the rule's conditions are met.
    AllowedWithConditions,
    /// No rule names these ingredients (general safety rules apply).
    NoSpecificRule,
}

impl RuleVerdict {
    /// The name in `markets.csv` and JSON (`allowed_with_conditions`).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleVerdict::Prohibited => "prohibited",
            RuleVerdict::AllowedWithConditions => "allowed_with_conditions",
            RuleVerdict::NoSpecificRule => "no_specific_rule",
        }
    }

    /// The verdict of a `markets.csv` name.
    pub fn from_name(name: &str) -> Option<RuleVerdict> {
        [
            RuleVerdict::Prohibited,
            RuleVerdict::AllowedWithConditions,
            RuleVerdict::NoSpecificRule,
        ]
        .into_iter()
        .find(|v| v.as_str() == name)
    }
}

/// One market's rule on ingredients of human origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanRule {
    /// The market.
    pub market: Market,
    /// Which ingredients it covers.
    pub applies_to: HumanScope,
    /// What it says.
    pub verdict: RuleVerdict,
    /// The verdict in a few words, for a report that sets markets side by side.
    pub summary: &'static str,
    /// The conditions or scope in full, as the reference data words them.
    pub condition: &'static str,
    /// The legal text, quoted.
    pub legal_text: &'static str,
    /// The regulation and entry (the source a report prints).
    pub citation: &'static str,
    /// Why the verdict is inferred rather than read in the market's own text; empty when read.
    pub inferred: &'static str,
}

/// Every market's rules on ingredients of human origin, in market order.
pub fn human_rules() -> &'static [HumanRule] {
    t::HUMAN_BY_MARKET
}

/// The rules of one market (Korea has two: culture media, and the cells and tissues themselves).
pub fn human_rules_of(market: Market) -> impl Iterator<Item = &'static HumanRule> {
    t::HUMAN_BY_MARKET
        .iter()
        .filter(move |r| r.market == market)
}
