//! L005 `empty-item`: separators with nothing between them, or a stray one at either end.

use super::{FixKind, Rule};
use crate::lint::{Applicability, Context, Fix, Level, Lint};
use crate::parse::{DiagnosticCode, TokenKind};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L005",
    name: "empty-item",
    level: Level::Warning,
    fix: FixKind::Safe,
    summary: "two separators with no ingredient between them, or a stray separator at an end",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
`Aqua,, Glycerin`, `Aqua, , Glycerin`, and a comma or semicolon before the first ingredient or
after the last one (`Aqua, Glycerin,`).

## Why
An empty item is usually a deleted ingredient whose comma stayed behind: worth a look before
print, and an eyesore on the pack.

## Example
```text
Aqua,, Glycerin
    ^^ empty item
```

## Fix
Closes the gap to one separator, or removes the stray one. Safe: no ingredient changes.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for d in cx
        .label
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::EmptyItem)
    {
        let text = d.span.slice(cx.input);
        let Some(sep) = text.chars().find(|c| matches!(c, ',' | ';' | '，' | '；')) else {
            continue;
        };
        // Keep the line break, if the run had one, so the layout survives.
        let tail = if text.contains('\n') { "\n" } else { " " };
        let replacement = format!("{sep}{tail}");
        let mut lint = cx.lint(
            &RULE,
            d.span,
            "separators with no ingredient between them".into(),
            "empty item",
        );
        lint.fix = Some(Fix::replace(
            Applicability::Safe,
            d.span,
            replacement,
            format!("close up to one `{sep}`"),
        ));
        out.push(lint);
    }
    let tokens = &cx.label.tokens;
    let first = tokens
        .iter()
        .position(|t| matches!(t.kind, TokenKind::Item(_)));
    let last = tokens
        .iter()
        .rposition(|t| matches!(t.kind, TokenKind::Item(_)));
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let ends = [
        (first.checked_sub(1), "before the first ingredient"),
        (Some(last + 1), "after the last ingredient"),
    ];
    for (t, where_) in ends {
        let Some(tok) = t.and_then(|t| tokens.get(t)) else {
            continue;
        };
        if tok.kind != TokenKind::Separator {
            continue;
        }
        let text = tok.span.slice(cx.input);
        let Some(at) = text.find([',', ';']) else {
            continue;
        };
        // Only the separator character itself goes; a stray comma before trailing prose
        // (`Glycerin, Made in France`) was never one.
        let span = crate::span::Span::new(tok.span.start + at, tok.span.start + at + 1);
        let after_is_end = cx
            .input
            .get(tok.span.end..)
            .is_none_or(|t| t.trim().is_empty());
        if where_.starts_with("after") && !after_is_end {
            continue;
        }
        // Likewise before the list: a separator is stray only when nothing but white space
        // stands between it and the start of the text, a line or a heading's colon
        // (`Ingredients: , Aqua`); a comma in marketing prose before the list is the prose's
        // own (9 of 642 changed Sephora lists lost one to this fix before).
        let before = cx.input.get(..span.start).unwrap_or_default();
        let since = before.rsplit(['\n', ':']).next().unwrap_or_default();
        if where_.starts_with("before") && !since.trim().is_empty() {
            continue;
        }
        let mut lint = cx.lint(
            &RULE,
            span,
            format!("stray separator {where_}"),
            "stray separator",
        );
        lint.fix = Some(Fix::replace(
            Applicability::Safe,
            span,
            String::new(),
            "remove it".into(),
        ));
        out.push(lint);
    }
}
