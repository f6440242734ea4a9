//! L015 `no-ingredient-list`: the text holds no ingredient at all.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};
use crate::span::Span;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L015",
    name: "no-ingredient-list",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "no ingredient found in the text",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A text in which inci finds no ingredient: an empty file, a front panel, claims or directions
without the list, a list hidden behind an unreadable layout.

## Why
Regulation (EC) 1223/2009 Art. 19(1)(g) requires the list of ingredients on the packaging. A
linter that called such a text clean would let the most important part of the pack go
unchecked.

## Example
```text
Hydrating serum with hyaluronic acid. Apply morning and evening.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ no ingredient found
```

## Fix
None: add the list, or lint the file that holds it.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    if !cx.label.items.is_empty() {
        return;
    }
    // Point at the first line with text, or at the start of an empty file.
    let start = cx.input.len() - cx.input.trim_start().len();
    let line = cx.input[start..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end();
    let span = Span::new(start, start + line.len());
    let mut lint = cx.lint(
        &RULE,
        span,
        "no ingredient found in the text".into(),
        "no ingredient list here",
    );
    lint.help = Some(
        "the list must be on the pack (Art. 19(1)(g)); lint the text that holds it, starting `Ingredients:`"
            .into(),
    );
    out.push(lint);
}
