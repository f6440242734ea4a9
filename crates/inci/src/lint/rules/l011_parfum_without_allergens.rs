//! L011 `parfum-without-allergens`: `Parfum` declared and no EU fragrance allergen named.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L011",
    name: "parfum-without-allergens",
    level: Level::Info,
    fix: FixKind::None,
    summary: "`Parfum` or `Aroma` declared with no EU fragrance allergen named",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A list with `Parfum` (or `Aroma`, or `Fragrance`) and none of the fragrance allergens of Annex
III that must be named individually (the original 26 and those added by Regulation (EU)
2023/1545: `Linalool`, `Limonene`, `Citral`, ...).

## Why
Above 0.001 % in leave-on and 0.01 % in rinse-off products, each of these allergens must be
named in the list, not hidden in `Parfum`. Most perfumes contain some of them, so a fragranced
product that names none deserves a check of the perfumer's allergen declaration. It is info by
default: below the thresholds naming none is correct. EU market only.

## Example
```text
Aqua, Glycerin, Parfum
                ^^^^^^ no allergen named
```

## Fix
None: take the allergens above threshold from the fragrance supplier's IFRA/allergen
certificate.

## Source
Regulation (EC) 1223/2009 Annex III (entries 45, 67-101 and those of Regulation (EU) 2023/1545).
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    // EU labelling law, shared (inferred) by the UK and ASEAN.
    if !cx.config.markets.has_eu_annexes() {
        return;
    }
    let allergen_named = cx.ingredients.iter().any(|i| {
        i.entry
            .is_some_and(|e| inci_dict::risk::allergen(e.id).is_some())
    });
    if allergen_named {
        return;
    }
    let parfum = cx
        .label
        .items
        .iter()
        .zip(cx.ingredients)
        .find(|(_, i)| matches!(i.name, Some("PARFUM" | "AROMA")));
    if let Some((item, ing)) = parfum {
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!(
                "`{}` declared but no fragrance allergen is named",
                ing.name.unwrap_or_default()
            ),
            "no allergen named",
        );
        lint.help = Some(
            "name each Annex III fragrance allergen above 0.001 % (leave-on) or 0.01 % (rinse-off)"
                .into(),
        );
        out.push(lint);
    }
}
