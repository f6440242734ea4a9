//! L008 `colourant-order`: a colourant declared before ingredients that are not colourants.

use super::{FixKind, Rule, is_colourant};
use crate::lint::{Context, Level, Lint, Related};
use crate::parse::Section;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L008",
    name: "colourant-order",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "a colourant listed before other ingredients outside a may-contain block",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A pure colourant (a `CI` number, or an entry whose only CosIng functions colour) in the
declared list with a non-colourant after it. Titanium dioxide and mica, which are also
opacifiers and fillers, do not count as pure colourants.

## Why
Regulation (EC) 1223/2009 Art. 19(1)(g): ingredients are listed in descending order of weight;
those under 1 % may follow in any order, and colouring agents may be listed in any order
*after the other ingredients*. A colourant in the middle of the list is either above 1 % (then
check the order by weight) or misplaced. Inside a may-contain block the order is free.

## Example
```text
Aqua, CI 77491, Glycerin
      ^^^^^^^^  -------- a non-colourant follows
```

## Fix
None: moving it is right only if it is under 1 %.

## Source
Regulation (EC) 1223/2009 Art. 19(1)(g); CosIng functions.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    let main: Vec<usize> = (0..cx.label.items.len())
        .filter(|&i| cx.label.items[i].section == Section::Main)
        .collect();
    // The last known non-colourant of the declared list: colourants before it are out of place.
    let Some(&last_other) = main
        .iter()
        .rev()
        .find(|&&i| cx.ingredients[i].entry.is_some_and(|e| !is_colourant(&e)))
    else {
        return;
    };
    for &i in &main {
        if i >= last_other {
            break;
        }
        let Some(entry) = cx.ingredients[i].entry else {
            continue;
        };
        if !is_colourant(&entry) {
            continue;
        }
        let Some(&next) = main
            .iter()
            .find(|&&j| j > i && cx.ingredients[j].entry.is_some_and(|e| !is_colourant(&e)))
        else {
            continue;
        };
        let item = &cx.label.items[i];
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!("colourant `{}` listed before other ingredients", entry.name),
            "colourant",
        );
        lint.related.push(Related {
            span: cx.label.items[next].name_span,
            label: "a non-colourant follows".into(),
        });
        lint.help = Some(
            "colourants go after the other ingredients (Art. 19(1)(g)) unless above 1 %, where weight order applies".into(),
        );
        out.push(lint);
    }
}
