//! L004 `duplicate-ingredient`: the same ingredient listed twice in one section.

use super::{FixKind, Rule, sub_lists};
use crate::lint::{Applicability, Context, Edit, Fix, Level, Lint, Related};
use crate::parse::TokenKind;
use crate::span::Span;
use std::collections::HashMap;

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
    let mut first: HashMap<(u32, bool), usize> = HashMap::new();
    // Duplicates are counted within one list of a kit.
    let list_of_item = sub_lists(cx);
    let mut current = 0usize;
    for (i, (item, ing)) in cx.label.items.iter().zip(cx.ingredients).enumerate() {
        let this_list = list_of_item.get(i).copied().unwrap_or(current);
        if this_list != current {
            current = this_list;
            first.clear();
        }
        let Some(entry) = ing.entry else { continue };
        let key = (entry.id, item.section == crate::parse::Section::Main);
        let Some(&f) = first.get(&key) else {
            first.insert(key, i);
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
    let t = tokens.iter().position(|t| t.kind == TokenKind::Item(i))?;
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
