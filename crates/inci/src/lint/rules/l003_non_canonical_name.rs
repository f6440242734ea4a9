//! L003 `non-canonical-name`: a known ingredient printed by a common name, a foreign word, a
//! British spelling or a broken hyphenation instead of its INCI name.

use super::{FixKind, Rule, in_case_of};
use crate::ingredient::NameKind;
use crate::lint::{Applicability, Context, Fix, Level, Lint, Market};
use crate::resolve::Via;
use inci_dict::SynonymKind;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L003",
    name: "non-canonical-name",
    level: Level::Warning,
    fix: FixKind::Safe,
    summary: "a common name, foreign word or British spelling where the INCI name belongs",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
An item that inci resolves, but not by its INCI name: through a common name (`Shea Butter`,
`Vitamin E`), a word in another language (`Wasser`), a colour name (`Iron Oxides`, `Red 40`), a
British spelling (`Sodium Laureth Sulphate`), a word hyphenated across a line (`Dip-teryx`), or
a misprinted colour index (`Cl 77491` with a lower-case L, `C1 77491`, `C.I. 77491`, `CI77491`,
which inci reads but a reader searching for `CI 77491` does not find).
Labels that mix these with INCI names are the `mixed conventions` packaging reviews flag.

With `market = \"us\"` in `inci.toml`, `Fragrance` and US colour names (21 CFR 74, `Red 40`)
are accepted, as 21 CFR 701.3 allows them, unless the label mixes conventions: a US colour name
on a label that prints colour index numbers for its other colourants, or `Fragrance` on one
that prints `Parfum` elsewhere (with the US and an EU-annex market together, `--market eu,us`,
they are reported: the EU wants `Parfum` and CI numbers).

With a single market whose label language a name is in (`--market kr` for Korean names such as
`정제수`, `jp` for Japanese, `cn` for the NMPA's Chinese names), the name is the label name there
and is not reported.

Not reported: the EU's own bilingual forms (`Aqua/Water/Eau`, `Parfum (Fragrance)`,
`Butyrospermum Parkii (Shea) Butter`), where the INCI name is printed alongside.

## Why
Regulation (EC) 1223/2009 Art. 19(6) and Art. 33: ingredients are labelled with the common
ingredient name from the glossary, the same word in every language, so that a reader with an
allergy finds it on any pack.

## Example
```text
Aqua, Shea Butter, Glycerin
      ^^^^^^^^^^^ INCI name is `BUTYROSPERMUM PARKII BUTTER`
```

## Fix
Replaces the name with the INCI name, in the label's case style. Safe: it names the same
dictionary entry.

## Source
CosIng glossary; synonyms with their own sources in `crates/inci-dict/assets/synonyms.csv`.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    // The EU forms printed elsewhere on the label: a US label that uses them for some items and
    // US names for others mixes conventions.
    let printed_by_name = |pred: &dyn Fn(&str) -> bool| {
        cx.ingredients
            .iter()
            .any(|i| i.synonym.is_none() && i.name.is_some_and(pred))
    };
    let eu_colours = printed_by_name(&|n| n.starts_with("CI "));
    let eu_parfum = printed_by_name(&|n| n == "PARFUM");
    // US colour and fragrance names are label names where the US is a market and no
    // EU-annex market is (those want `Parfum` and CI numbers).
    let us_names = cx.config.markets.contains(Market::Us) && !cx.config.markets.has_eu_annexes();
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        let Some(name) = ing.name else { continue };
        // A Korean name on a label for Korea alone is the label name there (Japanese for
        // Japan, the NMPA's Chinese for China), not a name to replace.
        if let Via::Foreign(Some(lang)) = ing.matched_via
            && cx.config.markets.len() == 1
            && cx.config.markets.label_language(lang)
        {
            continue;
        }
        let why = match (ing.matched_via, &ing.synonym) {
            (Via::Synonym | Via::Foreign(_) | Via::TradeName | Via::FormerName, Some(s)) => {
                let colour = s.kind == NameKind::Synonym(SynonymKind::Colour);
                let us_form = colour || s.alias == "FRAGRANCE";
                if us_names && us_form {
                    match (colour, eu_colours, eu_parfum) {
                        (true, true, _) => {
                            "a US colour name on a label that prints colour index numbers elsewhere (mixed conventions)"
                        }
                        (_, _, true) if s.alias == "FRAGRANCE" => {
                            "the US name on a label that prints `Parfum` elsewhere (mixed conventions)"
                        }
                        _ => continue,
                    }
                } else {
                    match s.kind {
                        NameKind::Synonym(SynonymKind::Foreign) => "a word in another language",
                        NameKind::Synonym(SynonymKind::Colour) => "a colour name",
                        NameKind::Synonym(SynonymKind::Inn) => "an INN name",
                        NameKind::Synonym(SynonymKind::PhEur) => "a European Pharmacopoeia name",
                        NameKind::Synonym(SynonymKind::Chemical) => "a chemical name",
                        NameKind::Synonym(SynonymKind::Former) => "a former INCI name",
                        NameKind::Synonym(SynonymKind::Trade) => "a trade name",
                        _ => "a common name",
                    }
                }
            }
            (Via::Spelling, _) => "a British or former spelling",
            (Via::Spacing, _) => "spaced or punctuated differently",
            (Via::Guessed, _) => "garbled (characters no name holds)",
            (Via::Variant, _) => "a plural or stereo-prefixed form",
            (Via::CommonName, _) => "a common plant name",
            (Via::Hyphenation, _) => "hyphenated across a line",
            (Via::Name | Via::Trimmed, _)
                if misprinted_colour_index(item.name_span.slice(cx.input), name) =>
            {
                "a misprinted colour index"
            }
            _ => continue,
        };
        let printed = item.name_span.slice(cx.input);
        let replacement = in_case_of(printed, name);
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!("`{}` is {why}; the INCI name is `{name}`", printed.trim()),
            &format!("INCI name is `{name}`"),
        );
        if let Some(s) = &ing.synonym {
            lint.help = Some(format!("synonym source: {}", s.source));
        }
        // A stray bracket the spacing-proof key skipped over may belong elsewhere (L006).
        // A guessed name (`Benzophenone-$`) may stand for another (BENZOPHENONE-3).
        let applicability = if ing.matched_via == Via::Guessed
            || (ing.matched_via == Via::Spacing && printed.contains(['(', ')', '[', ']', '{', '}']))
        {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        lint.fix = Some(Fix::replace(
            applicability,
            item.name_span,
            replacement.clone(),
            format!("replace with `{replacement}`"),
        ));
        out.push(lint);
    }
}

/// True when `printed` reads as colour index `name` (`CI 77492`) only after folding OCR and
/// typing slips: `Cl 77492` (a lower-case L), `C1 77492`, `C.I. 77492`, `CI77492`.
fn misprinted_colour_index(printed: &str, name: &str) -> bool {
    let Some(number) = name.strip_prefix("CI ") else {
        return false;
    };
    let printed = printed.trim();
    let ok = printed
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("CI "))
        && printed[3..].trim_start() == number;
    !ok
}

#[cfg(test)]
mod tests {
    #[test]
    fn colour_index_misprints() {
        use super::misprinted_colour_index as m;
        assert!(m("Cl 77492", "CI 77492"));
        assert!(m("C.I. 77492", "CI 77492"));
        assert!(m("CI77492", "CI 77492"));
        assert!(!m("Ci 77492", "CI 77492"));
        assert!(!m("CI 77492", "CI 77492"));
        assert!(!m("Glycerin", "GLYCERIN"));
    }
}
