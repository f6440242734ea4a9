//! One ingredient of a label, resolved: the item as printed, its canonical CosIng name and how
//! it was matched, its entry's facts (CAS number, functions, comedogenic rating) and its origin.
//! [`ingredients`] builds them from a parsed [`Label`]; the risk engine and the scan report
//! both read them, so the type sits below both.

use crate::origin::{self, Verdict};
use crate::parse::{Label, Qualifier, Section};
use crate::resolve::{Resolution, Via, with_resolution};
use crate::span::Span;
use inci_dict::Suggestion;
use serde::Serialize;
use std::borrow::Cow;

/// One ingredient of the label.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Ingredient {
    /// The item exactly as printed, qualifiers included.
    pub raw: String,
    /// Byte range of `raw` in the input, `[start, end)`.
    pub span: Span,
    /// Canonical INCI name, or `null` when unknown.
    pub name: Option<&'static str>,
    /// `main` or `may_contain`.
    pub section: Section,
    /// Up to three known names close to an unknown one, nearest first; never applied.
    /// Serialized as the names; the edit distances stay for the linter.
    #[serde(serialize_with = "suggestion_names")]
    pub suggestions: Vec<Suggestion>,
    /// How the name was found (`name`, `synonym`, `spelling`, `bracket`, `slash_group`,
    /// `trimmed`, `unknown`).
    pub matched_via: Via,
    /// The synonym used, with its source, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub synonym: Option<SynonymUse>,
    /// Other known names printed with it (`WATER` in `Aqua/Water/Eau`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<&'static str>,
    /// Percentages, nano, footnote and organic marks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// CAS number from CosIng, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cas: Option<&'static str>,
    /// CosIng functions, when known: the entry's own list, borrowed from the dictionary's
    /// memo (a caller may still change it, which makes it owned).
    #[serde(skip_serializing_if = "no_functions")]
    pub functions: Cow<'static, [&'static str]>,
    /// What it does, chosen from `functions` by [`crate::role::primary`]'s ranking. In JSON,
    /// `role` (`humectant`) and `does`, the same in plain words ([`crate::role::Role::words`]:
    /// `humectant: draws water into the skin`); absent when unknown.
    #[serde(flatten, serialize_with = "crate::role::serialize_with_words")]
    pub role: Option<crate::role::Role>,
    /// Its share of the product in percent, `[min, max]`, from the label's order, the 1 % rule
    /// and declared percentages ([`crate::risk::share`]); set by the scan, absent in the
    /// may-contain block and when the list is inconsistent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// Comedogenic rating range `[min, max]` on the 0-5 scale, when rated (any rating; findings
    /// are raised from 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comedogenic: Option<[u8; 2]>,
    /// `human`, `animal` or `plant_culture`, when the name says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<origin::Origin>,
    /// The dictionary entry, for the risk engine (not serialized: `name` says the same).
    #[serde(skip)]
    pub entry: Option<inci_dict::Entry>,
    /// The origin verdict behind `origin`, kept for the risk engine so that it is read once.
    #[serde(skip)]
    pub verdict: Option<Verdict>,
}

impl Ingredient {
    /// The suggested names joined with `, ` (empty when there are none).
    pub fn suggested_names(&self) -> String {
        let names: Vec<&str> = self.suggestions.iter().map(|s| s.name).collect();
        names.join(", ")
    }
}

fn suggestion_names<S: serde::Serializer>(s: &[Suggestion], ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_seq(s.iter().map(|s| s.name))
}

/// A synonym that resolved an ingredient.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SynonymUse {
    /// The alternative name as the dictionary holds it.
    pub alias: &'static str,
    /// What kind of name it is.
    pub kind: NameKind,
    /// For a foreign name, its language (`fr`, `zh`...), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
    /// Where the pairing comes from.
    pub source: &'static str,
}

/// Resolves every item of a parsed label (no risk analysis), misspellings corrected where
/// the rules make them certain.
pub fn ingredients(label: &Label<'_>) -> Vec<Ingredient> {
    ingredients_with(label, true)
}

/// Resolves every item of a parsed label; with `correct` false, a misspelling stays unknown
/// (its suggestions name what it would have been read as).
pub fn ingredients_with(label: &Label<'_>, correct: bool) -> Vec<Ingredient> {
    let input = label.input;
    // A label of one line (nearly all of them) has no name to join across a line break: each
    // name is its span's text, with no test of its own (about 60 instructions a name).
    let one_line = memchr::memchr(b'\n', input.as_bytes()).is_none();
    label
        .items
        .iter()
        .map(|item| {
            let name = if one_line {
                Cow::Borrowed(item.name_span.slice(input))
            } else {
                item.name_text(input)
            };
            // The resolution's fields, read where the name cache keeps them.
            let (entry, via, synonym, common, alternatives, suggestions) =
                with_resolution(&name, |r| {
                    if !correct && r.via == Via::Correction {
                        fields(&r.correction_undone())
                    } else {
                        fields(r)
                    }
                });
            // A dictionary entry's facts, its origin by its recorded facts and exact words; an
            // unknown name's origin by its words with typos allowed (`hUC-MSC Conditioned
            // Media`).
            let (role, verdict, functions, comedogenic) = match entry {
                Some(e) => match crate::facts::of(e) {
                    Some(f) => (
                        f.role,
                        f.verdict.clone(),
                        Cow::Borrowed(&f.functions[..]),
                        f.comedogenic,
                    ),
                    None => {
                        let f = crate::facts::uncached(e);
                        let functions = Cow::Owned(f.functions.into_vec());
                        (f.role, f.verdict, functions, f.comedogenic)
                    }
                },
                None => (
                    None,
                    origin::classify_unknown(item.raw(input)),
                    Cow::default(),
                    None,
                ),
            };
            Ingredient {
                raw: item.raw(input).to_owned(),
                span: item.span,
                name: entry.map(|e| e.name),
                section: item.section,
                suggestions,
                matched_via: via,
                synonym: synonym
                    .map(|s| SynonymUse {
                        alias: s.alias(),
                        kind: NameKind::Synonym(s.kind()),
                        lang: Some(s.lang()).filter(|l| !l.is_empty()),
                        source: s.source(),
                    })
                    .or_else(|| {
                        common.map(|c| SynonymUse {
                            alias: c.common(),
                            kind: NameKind::CommonName,
                            lang: None,
                            source: c.source(),
                        })
                    }),
                alternatives,
                qualifiers: item.qualifiers.clone(),
                cas: entry.and_then(|e| e.cas),
                functions,
                share: None,
                role,
                comedogenic,
                entry,
                origin: verdict.as_ref().map(|v| v.origin),
                verdict,
            }
        })
        .collect()
}

/// What an ingredient takes from its name's resolution.
type Fields = (
    Option<inci_dict::Entry>,
    Via,
    Option<inci_dict::Synonym>,
    Option<&'static inci_dict::CommonName>,
    Vec<&'static str>,
    Vec<Suggestion>,
);

/// The fields of `r` an ingredient takes. Inlined: called, it returned the tuple through
/// memory, 1.3 M more instructions on the 2.1 MB slice.
#[inline(always)]
fn fields(r: &Resolution) -> Fields {
    (
        r.entry,
        r.via,
        r.synonym,
        r.common,
        r.alternatives.clone(),
        r.suggestions.clone(),
    )
}

/// The kind of name a [`SynonymUse`] is: a dictionary synonym (`common`, `foreign`, `colour`,
/// `inn`, `pheur`, `chemical`, `former`) or a common plant name that led to a binomial
/// (`common_name`). In JSON, its lower-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameKind {
    /// A synonym from the dictionary's table.
    Synonym(inci_dict::SynonymKind),
    /// A common plant name (`Rosemary`) mapped to its binomial.
    CommonName,
}

impl NameKind {
    /// The name in JSON (`common`, `common_name`).
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Synonym(k) => k.as_str(),
            NameKind::CommonName => "common_name",
        }
    }
}

impl std::fmt::Display for NameKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for NameKind {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(self.as_str())
    }
}

/// What bounds a share, for people and code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareBasis {
    /// A percentage printed on the label.
    Declared,
    /// The label order and the 1 % rule, with the sum of 100 %.
    Order,
    /// Nothing narrowed it: anything from 0 to 100 % is possible.
    None,
}

impl ShareBasis {
    /// As in JSON: `declared`, `order`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            ShareBasis::Declared => "declared",
            ShareBasis::Order => "order",
            ShareBasis::None => "none",
        }
    }
}

/// The share of one ingredient, in percent of the product.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    /// At least this much.
    pub min: f64,
    /// At most this much.
    pub max: f64,
    /// What bounds it.
    pub basis: ShareBasis,
    /// The most the EU annexes allow of it in this product, when below `max` and the label
    /// does not say otherwise: its share *if the product complies*. An assumption, so it
    /// narrows nothing else (the annex checks use `min` and `max`, which it leaves alone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub if_compliant: Option<Cap>,
}

/// An annex maximum read as a cap on a share, with the entry that states it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cap {
    /// At most this much, if the product complies.
    pub max: f64,
    /// The annex of the entry that allows that much (`V`), the highest of those that apply.
    pub annex: &'static str,
    /// The entry's reference number in its annex (`29`).
    pub reference: &'static str,
    /// Where the entry comes from (regulation, entry, CosIng export and date).
    pub source: &'static str,
}

/// An entry's CosIng functions: split once per entry and kept (`crate::facts`), and borrowed
/// by each ingredient (splitting the joined text at every ingredient cost a byte search per
/// function, 2 % of a first scan; a copy for each ingredient, an allocation).
pub(crate) fn functions_of(entry: inci_dict::Entry) -> Cow<'static, [&'static str]> {
    match crate::facts::of(entry) {
        Some(kept) => Cow::Borrowed(&kept.functions),
        None => Cow::Owned(entry.functions().collect()),
    }
}

/// For `skip_serializing_if`: no functions to write.
#[expect(
    clippy::ptr_arg,
    reason = "serde passes the field itself, a `Cow`, by reference"
)]
fn no_functions(functions: &Cow<'static, [&'static str]>) -> bool {
    functions.is_empty()
}

#[cfg(test)]
mod tests {
    use super::ingredients_with;
    use crate::parse::parse;
    use crate::resolve::{Cosing, resolve};

    #[test]
    fn ingredients_hold_what_resolve_answers() {
        // One line, and lines with a name hyphenated and one broken across them: the names
        // of a one-line label are read straight from their spans, the others joined.
        for label in [
            "Aqua, Glycerinn, Thylparaben, Aqua/Water/Eau, Parfum (Fragrance), \
             Rosemary Leaf Extract, Iron Oxides (CI 77491), Niacinamidd, Unknownium",
            "Aqua, Glyc-\nerin, Sodium\nHyaluronate, PEG-\n100 Stearate,\nNiacinamidd",
        ] {
            same_as_resolve(label);
        }
        let joined = "Aqua, Glyc-\nerin, Sodium\nHyaluronate";
        let names: Vec<_> = ingredients_with(&parse(joined, &Cosing), true)
            .iter()
            .map(|i| i.name)
            .collect();
        assert_eq!(
            names,
            [Some("AQUA"), Some("GLYCERIN"), Some("SODIUM HYALURONATE")]
        );
    }

    fn same_as_resolve(label: &str) {
        for _ in 0..2 {
            for correct in [true, false] {
                let parsed = parse(label, &Cosing);
                for (ing, item) in ingredients_with(&parsed, correct).iter().zip(&parsed.items) {
                    let r = resolve(&item.name_text(label));
                    let r = if correct { r } else { r.without_correction() };
                    assert_eq!(ing.name, r.name(), "{}", ing.raw);
                    assert_eq!(ing.entry, r.entry, "{}", ing.raw);
                    assert_eq!(ing.matched_via, r.via, "{}", ing.raw);
                    assert_eq!(ing.suggestions, r.suggestions, "{}", ing.raw);
                    assert_eq!(ing.alternatives, r.alternatives, "{}", ing.raw);
                    let alias = r
                        .synonym
                        .map(|s| s.alias())
                        .or(r.common.map(|c| c.common()));
                    assert_eq!(ing.synonym.as_ref().map(|s| s.alias), alias, "{}", ing.raw);
                }
            }
        }
    }
}
