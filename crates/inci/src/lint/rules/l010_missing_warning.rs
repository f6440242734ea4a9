//! L010 `missing-warning`: an Annex III substance whose mandatory label statement is nowhere
//! in the pack text.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L010",
    name: "missing-warning",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "an Annex III substance whose mandatory label warning is missing from the pack text",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
An ingredient listed in Annex III (restricted substances) whose entry requires statements on
the label (`Contains alkali`, `Hair colourants can cause severe allergic reactions`, `Keep out of
reach of children`), when the text linted contains none of them. Lint the whole pack text, not
only the ingredient list, for this rule to be useful.

When the entry names its own `Contains ...` statement, that statement is required; otherwise
any one of the entry's statements will do, because which apply depends on the product type and
concentration, which a label does not state. For the same reason, an entry whose wording is
conditional (`(a)`, `(b)` per product type) is reported as info, an unconditional one as a
warning. Text is compared loosely: case, `colour`/`color`, quotes and line breaks are ignored.

## Why
Regulation (EC) 1223/2009 Art. 19(1)(d) and Annex III column i: the conditions of use and
warnings of Annex III must be printed on the container and packaging.

## Example
```text
Aqua, Potassium Hydroxide, Glycerin
      ^^^^^^^^^^^^^^^^^^^ Annex III entry 15a: `Contains alkali` not found
```

## Fix
None: add the statement to the pack text.

## Source
Regulation (EC) 1223/2009 Annex III, column `Wording of conditions of use and warnings`, CosIng
export of 28/08/2026 (statements extracted by `scripts/build_data.py`).
";

/// Text folded for a loose comparison of statements.
/// One pass: lower case, soft hyphens and quotes dropped, whitespace runs made one space.
fn loose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, '\u{ad}' | '\'' | '"' | '‘' | '’' | '“' | '”') {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.contains("colour") {
        out = out.replace("colour", "color");
    }
    out
}

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    // EU labelling law, shared (inferred) by the UK and ASEAN.
    if !cx.config.markets.has_eu_annexes() {
        return;
    }
    // Folded only when a restricted ingredient needs it: most lists have none.
    let mut pack: Option<String> = None;
    let mut seen: Vec<&str> = Vec::new();
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        let Some(entry) = ing.entry else { continue };
        for a in inci_dict::risk::annex_entries(entry.id).filter(|a| {
            // Only entries that identify the name, and a mixture entry only where every
            // component is listed (as the risk check reads them).
            a.annex == inci_dict::risk::Annex::III
                && a.verdict != inci_dict::risk::AnnexVerdict::ListedAsRelated
                && a.requires
                    .iter()
                    .all(|n| cx.ingredients.iter().any(|x| x.name == Some(*n)))
        }) {
            let phrases: Vec<&str> = a.label_warnings().collect();
            if phrases.is_empty() || seen.contains(&a.reference) {
                continue;
            }
            seen.push(a.reference);
            let contains: Vec<&str> = phrases
                .iter()
                .copied()
                .filter(|p| p.starts_with("Contains "))
                .collect();
            let required = if contains.is_empty() {
                &phrases
            } else {
                &contains
            };
            let pack = pack.get_or_insert_with(|| loose(cx.input));
            if required.iter().any(|p| pack.contains(&loose(p))) {
                continue;
            }
            let quoted: Vec<String> = required.iter().take(3).map(|p| format!("“{p}”")).collect();
            let mut lint = cx.lint(
                &RULE,
                item.name_span,
                format!(
                    "`{}` (Annex III entry {}) needs a label warning; none found in the text",
                    entry.name, a.reference
                ),
                &format!("Annex III entry {}", a.reference),
            );
            lint.help = Some(format!(
                "print {}{}; source: {}",
                quoted.join(" or "),
                if required.len() > 3 {
                    " (or another statement of the entry)"
                } else {
                    ""
                },
                a.source
            ));
            if a.warning.contains("(a)") || a.warning.contains("(b)") {
                lint.level = Level::Info;
            }
            out.push(lint);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn loose_ignores_case_quotes_and_spelling() {
        assert_eq!(
            super::loose("Hair Colourants can cause\n“severe” allergic re\u{ad}actions"),
            "hair colorants can cause severe allergic reactions"
        );
        assert_eq!(super::loose("  Contains\t ALKALI. \n"), "contains alkali.");
    }
}
