//! L008 `colourant-order`: a colourant declared before ingredients that are not colourants.

use super::{FixKind, Rule, is_colourant};
use crate::lint::{Context, Level, Lint, Related};
use crate::parse::Section;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L008",
    name: "colourant-order",
    level: Level::Info,
    fix: FixKind::None,
    summary: "a colourant listed before other ingredients outside a may-contain block",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A pure colourant (an entry whose only CosIng functions colour) in the declared list with a
non-colourant after it. Titanium dioxide and mica, which are also opacifiers and fillers, do
not count as pure colourants, nor does `CI 77891` (titanium dioxide's colour index name).

Info by default: foundations and tints hold iron oxides above 1 %, where the order by weight
is the right one, and the label does not say which case applies (in the Sephora catalog this
rule fires on 166 of 1,472 lists, mostly iron oxides in make-up). QA teams whose products
keep colourants under 1 % raise it with `[levels] colourant-order = \"warning\"`.

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
    let lists = cx.lists;
    let known_other = |j: usize| cx.ingredients[j].entry.is_some_and(|e| !is_colourant(&e));
    // For each item, the first known non-colourant after it in the declared part of the same
    // list, found in one pass from the end: a search forward from every colourant was
    // quadratic in a run of colourants (`CI 77491, ` x 12,500 took 23 s).
    let items = &cx.label.items;
    let mut next_other: Vec<Option<usize>> = vec![None; items.len()];
    let mut pending = None;
    for j in (0..items.len()).rev() {
        if j + 1 < items.len() && lists.get(j + 1) != lists.get(j) {
            pending = None;
        }
        next_other[j] = pending;
        if items[j].section == Section::Main && known_other(j) {
            pending = Some(j);
        }
    }
    for (i, (item, ing)) in cx.label.items.iter().zip(cx.ingredients).enumerate() {
        if item.section != Section::Main {
            continue;
        }
        let Some(entry) = ing.entry.filter(is_colourant) else {
            continue;
        };
        let Some(next) = next_other.get(i).copied().flatten() else {
            continue;
        };
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
