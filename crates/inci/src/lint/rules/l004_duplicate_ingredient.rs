//! L004 `duplicate-ingredient`: the same ingredient listed twice in one section.

use super::{FixKind, Rule};
use crate::lint::{Applicability, Context, Edit, Fix, Level, Lint, Related};
use crate::parse::{Section, TokenKind};
use crate::span::Span;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L004",
    name: "duplicate-ingredient",
    level: Level::Warning,
    fix: FixKind::Unsafe,
    summary: "the same ingredient listed twice in the declared list or in the may-contain block",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
Two items of the same section (declared, or may-contain) that resolve to the same CosIng entry,
however they are printed: `Tocopherol` and `Vitamin E`. Kits print one list per product, each
after a heading (`STEP 01 Cleanser:`) or its own `Ingredients:`: each list is checked alone.

## Why
Regulation (EC) 1223/2009 Art. 19(1)(g) asks for one list in descending order of weight: an
ingredient printed twice makes the order meaningless and usually means two supplier
specifications were pasted together.

## Example
```text
Aqua, Glycerin, Tocopherol, Vitamin E
                ----------  ^^^^^^^^^ listed again
```

## Fix
Removes the second occurrence with the separator before it. Unsafe: the position that is
right depends on the formula.

## Source
Regulation (EC) 1223/2009 Art. 19(1)(g).
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    // Duplicates are counted within one list of a kit and one section: sort the items by
    // (list, section, entry, position), and every item after the first of a run repeats it.
    let list_of_item = cx.lists;
    let mut keys: Vec<(usize, bool, u32, usize)> = cx
        .label
        .items
        .iter()
        .zip(cx.ingredients)
        .enumerate()
        .filter_map(|(i, (item, ing))| {
            let list = list_of_item.get(i).copied().unwrap_or_default();
            ing.entry
                .map(|e| (list, item.section == Section::Main, e.id, i))
        })
        .collect();
    keys.sort_unstable();
    for pair in keys.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if (a.0, a.1, a.2) != (b.0, b.1, b.2) {
            continue;
        }
        // The first of the run (the list is sorted, so a binary search finds it).
        let start = keys.partition_point(|k| (k.0, k.1, k.2) < (b.0, b.1, b.2));
        let f = keys.get(start).map_or(a.3, |k| k.3);
        let i = b.3;
        let (item, Some(entry)) = (&cx.label.items[i], cx.ingredients[i].entry) else {
            continue;
        };
        let earlier = &cx.label.items[f];
        let mut lint = cx.lint(
            &RULE,
            item.span,
            format!("`{}` is listed twice", entry.name),
            "listed again",
        );
        lint.related.push(Related {
            span: earlier.span,
            label: "first listed here".into(),
        });
        lint.fix = removal(cx, i).map(|span| Fix {
            applicability: Applicability::Unsafe,
            message: "remove the second occurrence".into(),
            edits: vec![Edit {
                span,
                replacement: String::new(),
            }],
        });
        out.push(lint);
    }
}

/// The span to delete to remove item `i`: the item and the separator before it (or after it,
/// when no separator precedes).
fn removal(cx: &Context<'_>, i: usize) -> Option<Span> {
    let tokens = &cx.label.tokens;
    // Tokens are in source order: a binary search on the item's start keeps a label with many
    // duplicates linear (a scan from the first token per duplicate was quadratic).
    let at = cx.label.items.get(i)?.span.start;
    let from = tokens.partition_point(|t| t.span.start < at);
    let t = tokens[from..]
        .iter()
        .take_while(|t| t.span.start <= at)
        .position(|t| t.kind == TokenKind::Item(i))
        .map(|k| from + k)
        .or_else(|| tokens.iter().position(|t| t.kind == TokenKind::Item(i)))?;
    let item = tokens[t].span;
    if t > 0 && tokens[t - 1].kind == TokenKind::Separator && t > 1 {
        return Some(Span::new(tokens[t - 1].span.start, item.end));
    }
    match tokens.get(t + 1) {
        Some(next) if next.kind == TokenKind::Separator => {
            Some(Span::new(item.start, next.span.end))
        }
        _ => Some(item),
    }
}
