//! L001 `unknown-ingredient`: a name that is neither a CosIng name nor a known synonym.

use super::{FixKind, Rule, l002_misspelling::unknown_items};
use crate::lint::{Context, Level, Lint};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L001",
    name: "unknown-ingredient",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "a name that is not in the CosIng inventory nor a known synonym",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
An item whose name is neither a CosIng inventory name (about 28,700) nor one of the recorded
synonyms, British spellings or colour index forms. Names close to a known one are reported by
L002 `misspelling` instead; this rule lists whatever suggestions there are in its help line.

## Why
Regulation (EC) 1223/2009 Art. 19(6) requires the ingredients to be named by their common
ingredient name (the INCI name of the CosIng glossary). A name the inventory does not hold is a
trade name (`Pitera`), a missing plant part (`Betula Alba Extract` for `BETULA ALBA LEAF
EXTRACT`), or a typo: each needs a person to find the right name.

## Example
```text
Aqua, Glycerin, Magic Complex
                ^^^^^^^^^^^^^ not a CosIng name
```

## Fix
None: the right name depends on what the supplier's specification says.

## Source
CosIng Ingredients & Fragrance Inventory (European Commission), as embedded in inci.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for (item, _, suggestions, typo) in unknown_items(cx) {
        if typo {
            continue;
        }
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!(
                "unknown ingredient `{}`",
                item.name_span.slice(cx.input).trim()
            ),
            "not a CosIng name or known synonym",
        );
        lint.help = Some(if suggestions.is_empty() {
            "check the supplier's specification for the INCI name".to_owned()
        } else {
            let names: Vec<String> = suggestions
                .iter()
                .map(|s| format!("`{}`", s.name))
                .collect();
            format!("closest known names: {}", names.join(", "))
        });
        out.push(lint);
    }
}
