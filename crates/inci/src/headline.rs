//! The headline of a report: at most three plain sentences a shopper reads first.
//!
//! 1. The worst concerns and the ingredients behind them: a prohibition first (`Prohibited in
//!    the European Union: it lists HUMAN UMBILICAL ..., of human origin.`), then the concerns at the
//!    highest level found (`High concern for pores: ISOPROPYL MYRISTATE.`), or that nothing
//!    of concern was found, or that no ingredient list was read.
//! 2. The vegan verdict, with what decides it (`Not vegan or vegetarian: HUMAN ...`; `Vegan
//!    status unknown: GLYCERIN may be of animal origin, ask the brand.`).
//! 3. The markets whose rules were applied, and how many ingredients could not be identified.
//!
//! Each is one sentence (clauses joined by semicolons), so the headline is never more than
//! three.
//!
//! The sentences name ingredients by their INCI names, at most two per sentence (`and 3
//! more`), and say nothing the findings do not: each is read off the report's own findings
//! and verdicts.

use crate::ingredient::Ingredient;
use crate::market::{Market, MarketCoverage, Verdict};
use crate::risk::push_decimal;
use crate::risk::{Concern, ConcernLevel, Degree, Finding, VeganStatus};
use std::borrow::Cow;

/// Ingredients named per sentence, at most.
const NAMED: usize = 2;

/// What the headline is made from: the parts of a report.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    /// The ingredients.
    pub ingredients: &'a [Ingredient],
    /// The findings.
    pub findings: &'a [Finding],
    /// One level per concern.
    pub concerns: &'a [ConcernLevel],
    /// The vegan verdict.
    pub vegan: VeganStatus,
    /// The vegetarian verdict.
    pub vegetarian: VeganStatus,
    /// The markets applied.
    pub markets: &'a [&'static MarketCoverage],
}

/// At most three sentences: concerns, vegan verdict, markets and unknown names.
pub fn headline(parts: Parts<'_>) -> Vec<String> {
    vec![concerns(parts), vegan(parts), markets(parts)]
}

fn concerns(p: Parts<'_>) -> String {
    if p.ingredients.is_empty() {
        return "No ingredient list was read: nothing can be said about this product.".into();
    }
    // A prohibition outranks every level: which markets, and which ingredients.
    let mut prohibited_in: Vec<Cow<'static, str>> = Vec::new();
    let mut prohibited: Vec<usize> = Vec::new();
    for f in p.findings {
        // Annex II entry 416, or an Annex II entry whose condition the label meets (R002 at
        // its high level; low when the name was guessed).
        let eu_ban =
            f.code == "R416" || (f.code == "R002" && f.severity == crate::risk::Severity::High);
        let market_ban = f
            .market_verdict
            .as_ref()
            .is_some_and(|v| v.verdict == Verdict::Prohibited);
        if eu_ban || market_ban {
            let markets = if f.markets.is_empty() {
                &[Market::Eu][..]
            } else {
                &f.markets[..]
            };
            for m in markets {
                let name = market_name(*m);
                if !prohibited_in.contains(&name) {
                    prohibited_in.push(name);
                }
            }
            for &i in &f.ingredients {
                if !prohibited.contains(&i) {
                    prohibited.push(i);
                }
            }
        }
    }
    let mut sentence = String::new();
    if !prohibited.is_empty() {
        sentence = [
            "Prohibited in ",
            &join_words(&prohibited_in),
            ": it lists ",
            &names(p, &prohibited),
        ]
        .concat();
    }
    let worst = p
        .concerns
        .iter()
        .filter(|c| c.concern != Concern::Info && c.concern != Concern::Vegan)
        .map(|c| c.level)
        .max()
        .unwrap_or(Degree::None);
    if worst == Degree::None || worst == Degree::Low && !prohibited.is_empty() {
        if sentence.is_empty() {
            return "Nothing of concern was found in the ingredients read.".into();
        }
        sentence.push('.');
        return sentence;
    }
    let mut parts: Vec<String> = Vec::new();
    for c in p
        .concerns
        .iter()
        .filter(|c| c.level == worst && c.concern != Concern::Info && c.concern != Concern::Vegan)
    {
        // The ingredients of the concern's worst findings, less those the prohibition named.
        let top = c
            .findings
            .iter()
            .filter_map(|&i| p.findings.get(i))
            .map(|f| f.severity)
            .max();
        let mut named: Vec<usize> = Vec::new();
        for f in c
            .findings
            .iter()
            .filter_map(|&i| p.findings.get(i))
            .filter(|f| Some(f.severity) == top)
        {
            // A pairing's first ingredient is the one it is about (`X with Y`).
            if let Some(&i) = f.ingredients.first()
                && !named.contains(&i)
                && !prohibited.contains(&i)
            {
                named.push(i);
            }
        }
        if !named.is_empty() {
            // Of human origin, and that is the concern: say so rather than "regulation".
            let human = named.iter().all(|&i| {
                p.ingredients
                    .get(i)
                    .is_some_and(|g| g.origin == Some(crate::origin::Origin::Human))
            });
            let words = if c.concern == Concern::HumanOriginRegulation && human {
                "human origin"
            } else {
                c.concern.words()
            };
            parts.push([words, " (", &names(p, &named), ")"].concat());
        }
    }
    let level = match worst {
        Degree::High => "high concern",
        Degree::Moderate => "moderate concern",
        _ => "minor concern",
    };
    match (sentence.is_empty(), parts.is_empty()) {
        (true, true) => "Nothing of concern was found in the ingredients read.".into(),
        (true, false) => [&capitalised(level), " for ", &join_words(&parts), "."].concat(),
        (false, true) => sentence + ".",
        // One sentence: the prohibition, then the rest.
        (false, false) => [
            &sentence,
            "; ",
            level,
            " also for ",
            &join_words(&parts),
            ".",
        ]
        .concat(),
    }
}

fn vegan(p: Parts<'_>) -> String {
    let of_origin = |want: &[crate::origin::Origin]| -> Vec<usize> {
        p.ingredients
            .iter()
            .enumerate()
            .filter(|(_, i)| i.origin.is_some_and(|o| want.contains(&o)))
            .map(|(n, _)| n)
            .collect()
    };
    use crate::origin::Origin;
    match (p.vegan, p.vegetarian) {
        (VeganStatus::Yes, _) => "Vegan: no listed ingredient is of animal or human origin.".into(),
        (VeganStatus::No, VeganStatus::No) => [
            "Not vegan or vegetarian: ",
            &names(p, &of_origin(&[Origin::Human, Origin::Animal])),
            ".",
        ]
        .concat(),
        (VeganStatus::No, VeganStatus::Yes) => [
            "Not vegan, but vegetarian: ",
            &names(p, &of_origin(&[Origin::Animal])),
            ".",
        ]
        .concat(),
        (VeganStatus::No, _) => [
            "Not vegan: ",
            &names(p, &of_origin(&[Origin::Human, Origin::Animal])),
            "; vegetarian status unknown.",
        ]
        .concat(),
        (VeganStatus::Unknown, _) if p.ingredients.is_empty() => {
            "Vegan status unknown: there is no list to read.".into()
        }
        (VeganStatus::Unknown, _) => {
            let maybe = of_origin(&[Origin::Ambiguous]);
            if maybe.is_empty() {
                "Vegan status unknown: some ingredients could not be identified.".into()
            } else {
                [
                    "Vegan status unknown: ",
                    &names(p, &maybe),
                    " may be of animal origin; ask the brand.",
                ]
                .concat()
            }
        }
    }
}

fn markets(p: Parts<'_>) -> String {
    let applied: Vec<Cow<'static, str>> = p.markets.iter().map(|m| market_name(m.market)).collect();
    let mut s = if applied.is_empty() {
        "No market's rules were applied".to_owned()
    } else {
        ["Checked against the rules of ", &join_words(&applied)].concat()
    };
    // A market's rule on a human-derived ingredient that is not a prohibition (the first
    // sentence has those): `South Korea: allowed if the culture medium meets ...`.
    for f in p.findings {
        if let Some(v) = &f.market_verdict
            && v.verdict != Verdict::Prohibited
        {
            s.push_str(&format!("; {}: {}", market_name(v.market), v.summary));
        }
    }
    let unknown = p.ingredients.iter().filter(|i| i.name.is_none()).count();
    if unknown > 0 {
        s.push_str("; ");
        push_decimal(&mut s, unknown);
        s.push_str(" of ");
        push_decimal(&mut s, p.ingredients.len());
        s.push_str(" ingredients could not be identified, so nothing is said of them");
    }
    s.push('.');
    s
}

/// A market's name in a sentence: [`Market::name`], with `the` before a union or a kingdom
/// (`the European Union`, `South Korea`). The headline's sentences are joined with `concat`,
/// not `format!`: every row writes them, and `format!` cost 10.9 M instructions of a 2 MB
/// catalog's first scan.
fn market_name(m: Market) -> Cow<'static, str> {
    let name = m.name();
    if name.starts_with("United ") || name.starts_with("European ") {
        Cow::Owned(["the ", name].concat())
    } else {
        Cow::Borrowed(name)
    }
}

/// The INCI names (or the printed text of an unknown one) of these ingredients, at most
/// [`NAMED`], then `and N more`.
fn names(p: Parts<'_>, idx: &[usize]) -> String {
    // Borrowed: the names are the dictionary's or the label's own text.
    let mut words: Vec<Cow<'_, str>> = idx
        .iter()
        .take(NAMED)
        .filter_map(|&i| p.ingredients.get(i))
        .map(|i| Cow::Borrowed(i.name.unwrap_or_else(|| i.raw.trim())))
        .collect();
    if idx.len() > NAMED {
        let mut more = String::with_capacity(8);
        push_decimal(&mut more, idx.len() - NAMED);
        more.push_str(" more");
        words.push(Cow::Owned(more));
    }
    if words.is_empty() {
        return "an ingredient".into();
    }
    join_words(&words)
}

/// The first letter upper-cased, in a string sized once (collected from characters, it grew
/// a few times a sentence).
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    let Some(first) = c.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(s.len() + 4);
    out.extend(first.to_uppercase());
    out.push_str(c.as_str());
    out
}

/// `a`, `a and b`, `a, b and c`: written into one string sized once (a joined head and
/// `format!` were three allocations, and every row writes several such lists).
fn join_words<S: AsRef<str>>(words: &[S]) -> String {
    let size: usize = words.iter().map(|w| w.as_ref().len() + 5).sum();
    let mut out = String::with_capacity(size);
    let last = words.len().saturating_sub(1);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push_str(if k == last { " and " } else { ", " });
        }
        out.push_str(w.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::join_words;

    #[test]
    fn words_are_joined_with_commas_and_a_last_and() {
        let words = ["a", "b", "c", "d"];
        let want = ["", "a", "a and b", "a, b and c", "a, b, c and d"];
        for (n, want) in want.iter().enumerate() {
            assert_eq!(join_words(&words[..n]), *want);
        }
    }
}
