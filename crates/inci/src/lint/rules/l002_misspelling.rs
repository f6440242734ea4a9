//! L002 `misspelling`: an unknown name one or two letters away from a known one.

use super::{FixKind, Rule, in_case_of};
use crate::lint::{Applicability, Context, Fix, Level, Lint};
use inci_dict::Suggestion;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L002",
    name: "misspelling",
    level: Level::Warning,
    fix: FixKind::Sometimes,
    summary: "an unknown name within one or two letters of a CosIng name",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
An item whose name is unknown but within a small edit distance of a CosIng name or synonym: at
most 1 edit for names up to 8 letters, 2 beyond, and never more than a quarter of the name.
(`Phenoxyetanol`, `Citronnellol`, `Magnesium Aluminum Sylicate`.)

## Why
Typos are common (in the Sephora catalog, 329 of 1,472 lists have one) and are a labelling
error under Regulation (EC) 1223/2009 Art. 19(6): the INCI name must be printed as the glossary
spells it. They also hide the ingredient from allergy-conscious readers and from tools like this one.

## Example
```text
Aqua, Phenoxyetanol, Glycerin
      ^^^^^^^^^^^^^ did you mean `PHENOXYETHANOL`?
```

A misspelling inci corrects (`matched_via: correction`, one name only, by the rules in
`docs/corrections.md`) is reported here too, as read: the scan's findings for it hold, and the
label still misprints the name.

## Fix
Replaces the name with the suggestion, in the label's case style. The fix is *safe* when the
correction is certain: one edit, a name of 8 letters or more, no other candidate as close, and
no brackets in the name. Otherwise it is *unsafe* (`--unsafe-fixes`). A name inci corrected
is never fixed safely: reading a label is not rewriting its artwork, and the rules were
measured on reading.

## Source
CosIng Ingredients & Fragrance Inventory (European Commission), as embedded in inci.
";

/// True when the nearest suggestion is close enough to call `text` a typo of it.
pub(crate) fn likely_typo(text: &str, suggestions: &[Suggestion]) -> bool {
    let len = text.chars().filter(|c| c.is_alphanumeric()).count();
    suggestions.first().is_some_and(|s| {
        let allowed = if len <= 8 { 1 } else { 2 };
        s.distance >= 1 && s.distance <= allowed && s.distance * 4 <= len
    })
}

/// The unknown items of a label with their name text and suggestions (as the scan resolved
/// them), and whether the nearest suggestion makes the name a likely typo: L001 and L002 split
/// them.
pub(crate) fn unknown_items<'c>(
    cx: &'c Context<'_>,
) -> impl Iterator<Item = (&'c crate::parse::Item, String, &'c [Suggestion], bool)> + 'c {
    cx.label
        .items
        .iter()
        .zip(cx.ingredients)
        .filter(|(_, ing)| ing.name.is_none())
        .map(|(item, ing)| {
            let text = item.name_text(cx.input).into_owned();
            let typo = likely_typo(&text, &ing.suggestions);
            (item, text, ing.suggestions.as_slice(), typo)
        })
}

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    corrected(cx, out);
    for (item, text, suggestions, typo) in unknown_items(cx) {
        if !typo {
            continue;
        }
        let Some(best) = suggestions.first() else {
            continue;
        };
        let certain = best.distance == 1
            && text.chars().filter(|c| c.is_alphanumeric()).count() >= 8
            && suggestions.get(1).is_none_or(|s| s.distance > 1)
            && !text.contains(['(', ')', '[', ']', '/']);
        let printed = item.name_span.slice(cx.input);
        let replacement = in_case_of(printed, best.name);
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!(
                "`{}` looks like a misspelling of `{}`",
                printed.trim(),
                best.name
            ),
            &format!("did you mean `{}`?", best.name),
        );
        if suggestions.len() > 1 {
            let others: Vec<String> = suggestions[1..]
                .iter()
                .map(|s| format!("`{}`", s.name))
                .collect();
            lint.help = Some(format!("other close names: {}", others.join(", ")));
        }
        lint.fix = Some(Fix::replace(
            if certain {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            },
            item.name_span,
            replacement.clone(),
            format!("replace with `{replacement}`"),
        ));
        out.push(lint);
    }
}

/// Names the scan read by a correction: reported as misspelt, with an unsafe fix only.
fn corrected(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        if ing.matched_via != crate::resolve::Via::Correction {
            continue;
        }
        let Some(name) = ing.name else {
            continue;
        };
        let printed = item.name_span.slice(cx.input);
        let replacement = in_case_of(printed, name);
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!(
                "`{}` is a misspelling of `{name}` (read as `{name}`)",
                printed.trim()
            ),
            &format!("read as `{name}`"),
        );
        lint.fix = Some(Fix::replace(
            Applicability::Unsafe,
            item.name_span,
            replacement.clone(),
            format!("replace with `{replacement}`"),
        ));
        out.push(lint);
    }
}
