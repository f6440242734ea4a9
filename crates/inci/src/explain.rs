//! `inci explain NAME`: everything inci knows about one ingredient, with sources.
//!
//! The name goes through the same resolver as a label item, so synonyms, British spellings
//! and brackets work, and an unknown name gets suggestions; [`Explanation::matched`] says how
//! the input was matched.

use crate::origin;
use crate::resolve::{Via, resolve};
use serde::Serialize;

/// What inci knows about one ingredient.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The text asked about.
    pub query: String,
    /// Canonical INCI name, or `null` when unknown.
    pub name: Option<&'static str>,
    /// How the query was matched (`name`, `synonym`, `spelling`, ...), with the synonym used.
    pub matched: String,
    /// Nearest known names when unknown.
    pub suggestions: Vec<&'static str>,
    /// CAS number.
    pub cas: Option<&'static str>,
    /// EC number.
    pub ec: Option<&'static str>,
    /// CosIng functions.
    pub functions: Vec<&'static str>,
    /// Other names that resolve to it, with their kind and source.
    pub synonyms: Vec<SynonymInfo>,
    /// Each fact with its source.
    pub facts: Vec<FactInfo>,
}

/// An alternative name.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SynonymInfo {
    /// The alias.
    pub alias: &'static str,
    /// `common`, `foreign`, `colour`, `inn`, `pheur`, `chemical` or `former`.
    pub kind: &'static str,
    /// For a foreign name, its language (`ko`, `ja`, `zh`, `fr` ...), when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
    /// Where the pairing comes from.
    pub source: &'static str,
}

/// One fact and where it comes from.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct FactInfo {
    /// What it is about.
    pub topic: String,
    /// The fact.
    pub value: String,
    /// The source.
    pub source: String,
}

/// Explains `query`. An unknown name is explained as its nearest known name when that is at
/// most two edits away (`matched` says so); otherwise only what its words tell (origin).
pub fn explain(query: &str) -> Explanation {
    let mut r = resolve(query);
    let mut matched = match (r.via, r.synonym) {
        (Via::Synonym | Via::Foreign(_) | Via::TradeName | Via::FormerName, Some(s)) => format!(
            "synonym \"{}\" ({} name; {})",
            s.alias(),
            s.kind().as_str(),
            s.source()
        ),
        (Via::Unknown, _) => "no match".to_owned(),
        (Via::Correction, _) => format!(
            "correction: a misspelling of {}, the one name it can be (docs/corrections.md)",
            r.name().unwrap_or_default()
        ),
        (via, _) => via.as_str().replace('_', " "),
    };
    if r.entry.is_none()
        && let Some(best) = r.suggestions.first().filter(|s| s.distance <= 2)
    {
        matched = format!(
            "typo correction: nearest name, {} edit(s) away",
            best.distance
        );
        let corrected = resolve(best.name);
        r = crate::resolve::Resolution {
            suggestions: r.suggestions,
            ..corrected
        };
    }
    let mut out = Explanation {
        query: query.to_owned(),
        name: r.name(),
        matched,
        suggestions: r.suggestions.iter().map(|s| s.name).collect(),
        cas: None,
        ec: None,
        functions: Vec::new(),
        synonyms: Vec::new(),
        facts: Vec::new(),
    };
    let Some(entry) = r.entry else {
        if let Some(v) = origin::classify_words(&inci_dict::fold(query)) {
            out.facts.push(FactInfo {
                topic: "origin (from the words of the name)".to_owned(),
                value: origin_text(&v),
                source: origin::RULES_SOURCE.to_owned(),
            });
        }
        return out;
    };
    out.cas = entry.cas;
    out.ec = entry.ec;
    out.functions = entry.functions().collect();
    out.synonyms = inci_dict::synonyms()
        .filter(|s| s.target() == entry.id)
        .map(|s| SynonymInfo {
            alias: s.alias(),
            kind: s.kind().as_str(),
            lang: s.language().map(inci_dict::Lang::as_str),
            source: s.source(),
        })
        .collect();
    // Other CosIng names with the same CAS number: a colour index number and its colourant
    // name (CI 77891 and TITANIUM DIOXIDE), or a plant and its synonymous entries.
    let same: Vec<&str> = inci_dict::same_cas(entry)
        .map(|e| e.name)
        .take(12)
        .collect();
    let mut fact = |topic: &str, value: String, source: &str| {
        out.facts.push(FactInfo {
            topic: topic.to_owned(),
            value,
            source: source.to_owned(),
        })
    };
    fact(
        "name",
        format!(
            "{} (CAS {}, EC {})",
            entry.name,
            entry.cas.unwrap_or("-"),
            entry.ec.unwrap_or("-")
        ),
        entry.source,
    );
    if !same.is_empty() {
        fact(
            "same CAS number as",
            same.join(", "),
            inci_dict::COSING_SOURCE,
        );
    }
    for f in inci_dict::risk::facts(entry.id) {
        fact(f.fact, f.value.to_owned(), f.source);
    }
    match (
        origin::classify(entry.name),
        inci_dict::risk::origin(entry.id),
    ) {
        (Some(v), _) => fact(
            "origin",
            origin_text(&v),
            v.source.unwrap_or(origin::RULES_SOURCE),
        ),
        // Recorded as not animal although an animal word is in the name (`Opuntia Tuna`).
        (None, Some(o)) if o.origin == inci_dict::risk::OriginClass::NotAnimal => fact(
            "origin",
            format!("not of animal origin: {}", o.reason),
            o.source,
        ),
        (None, _) => fact(
            "origin",
            "no human, animal, culture or ambiguous origin recorded for this name".to_owned(),
            inci_dict::COSING_SOURCE,
        ),
    }
    // An ingredient of human origin: each market's rule on it, as `--market all` would report.
    if let Some(v) = origin::classify(entry.name).filter(|v| v.origin == origin::Origin::Human) {
        let kind = origin::HumanKind::of(entry.name);
        for m in crate::market::Market::ALL {
            let verdict = crate::market::human_verdict(m, kind, v.certainty, entry.name);
            let inferred = if verdict.inferred.is_empty() {
                String::new()
            } else {
                format!(" (inferred: {})", verdict.inferred)
            };
            fact(
                &format!("rule in {}", m.code()),
                format!("{}{inferred}", verdict.summary),
                verdict.citation,
            );
        }
    }
    if let Some(c) = inci_dict::risk::comedogenic(entry.id) {
        let rating = if c.min == c.max {
            c.max.to_string()
        } else {
            format!("{}-{}", c.min, c.max)
        };
        fact("comedogenic", format!("{rating} of 5"), c.source);
    }
    if let Some(i) = inci_dict::risk::irritant(entry.id) {
        let note = i.note.map(|n| format!(": {n}")).unwrap_or_default();
        fact(
            "irritant",
            format!("{} ({}{note})", i.severity.as_str(), i.category.words()),
            i.source,
        );
    }
    if let Some(a) = inci_dict::risk::allergen(entry.id) {
        let set = if a.original_26 {
            "one of the original 26"
        } else {
            "added by Regulation (EU) 2023/1545"
        };
        fact(
            "fragrance allergen",
            format!(
                "EU labelled allergen, Annex III entry {} ({set}); sensitisation {}",
                a.annex_ref,
                a.severity.as_str()
            ),
            a.source,
        );
    }
    for a in inci_dict::risk::annex_entries(entry.id) {
        let word = if a.verdict == inci_dict::risk::AnnexVerdict::ListedAsRelated {
            "why"
        } else {
            "condition"
        };
        let condition = a
            .condition
            .map(|c| format!("; {word}: {c}"))
            .unwrap_or_default();
        let warning = if a.warning.is_empty() {
            String::new()
        } else {
            format!("; {}", a.warning)
        };
        let limits: Vec<String> = a
            .limits()
            .iter()
            .filter_map(|l| {
                l.max_percent.map(|m| {
                    let scope = if l.scope.is_empty() {
                        "all products"
                    } else {
                        l.scope
                    };
                    format!("{m} % ({scope})")
                })
            })
            .collect();
        let limits = if limits.is_empty() {
            String::new()
        } else {
            format!("; maximum: {}", limits.join(", "))
        };
        fact(
            "EU annex",
            format!(
                "{}: Annex {} entry {} ({}){condition}{limits}{warning}",
                a.verdict.as_str().replace('_', " "),
                a.annex.as_str(),
                a.reference,
                crate::risk::short_substance(a.substance)
            ),
            a.source,
        );
    }
    out
}

fn origin_text(v: &origin::Verdict) -> String {
    let what = match (v.origin, v.certainty) {
        (origin::Origin::Human, origin::Certainty::Named) => {
            "human: neither vegan nor vegetarian; prohibited in EU cosmetics (Annex II entry 416)"
        }
        (origin::Origin::Human, origin::Certainty::Possible) => {
            "possibly human (no species named): if so, prohibited in EU cosmetics (Annex II entry 416)"
        }
        (origin::Origin::HumanSequence, _) => {
            "human sequence, made synthetically or recombinantly: not from human tissue, not Annex II entry 416"
        }
        (origin::Origin::Ambiguous, _) => {
            "ambiguous: plant, animal or synthetic depending on the supplier; vegan status unknown"
        }
        (origin::Origin::Animal, _) if v.vegetarian => "animal: vegetarian, not vegan",
        (origin::Origin::Animal, _) => "animal: neither vegan nor vegetarian",
        (origin::Origin::PlantCulture, _) => "plant cell culture: vegan",
        (origin::Origin::Microbial, _) => "microbial ferment or culture",
    };
    format!("{what} ({})", v.reason)
}
