//! L012 `prose-in-list`: sentences between the ingredients.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};
use crate::parse::{Skip, TokenKind};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L012",
    name: "prose-in-list",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "marketing, directions or other sentences between the ingredients",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A stretch of text inside the ingredient list (with ingredients before and after it) that inci
reads as prose, not as an ingredient: claims, directions, warnings, origin statements. Pack
text before the list (the preamble) and after it is not reported.

## Why
The list must be an uninterrupted enumeration introduced by `Ingredients` (Regulation (EC)
1223/2009 Art. 19(1)(g)). A sentence in the middle splits it and hides the ingredients after it
from readers and tools alike.

## Example
```text
Aqua, Glycerin. Dermatologically tested. Parfum
                ^^^^^^^^^^^^^^^^^^^^^^^ prose inside the list
```

## Fix
None: move the sentence out of the list.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    let tokens = &cx.label.tokens;
    let Some(first) = tokens
        .iter()
        .position(|t| matches!(t.kind, TokenKind::Item(_)))
    else {
        return;
    };
    let Some(last) = tokens
        .iter()
        .rposition(|t| matches!(t.kind, TokenKind::Item(_)))
    else {
        return;
    };
    for t in &tokens[first..last] {
        if t.kind == TokenKind::Skipped(Skip::Prose) {
            let text = t.span.slice(cx.input);
            let end = t.span.start + text.trim_end().len();
            let span = crate::span::Span::new(t.span.start, end);
            let mut lint = cx.lint(
                &RULE,
                span,
                "text inside the ingredient list is not an ingredient".into(),
                "prose inside the list",
            );
            lint.help = Some("move claims, directions and warnings out of the list".into());
            out.push(lint);
        }
    }
}
