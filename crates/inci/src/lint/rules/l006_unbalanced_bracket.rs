//! L006 `unbalanced-bracket`: a bracket without its partner.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};
use crate::parse::DiagnosticCode;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L006",
    name: "unbalanced-bracket",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "an opening or closing bracket without its partner on the same line",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A `(`, `[`, `{` (or their full-width forms) never closed on its line, or a closing bracket
never opened.

## Why
Brackets on a label carry meaning: the common name of a plant (`(Shea)`), a colour index, the
may-contain block `[+/- ...]`. An unclosed one makes the reader (and inci) guess where an
ingredient ends; inci reads it as a plain character.

## Example
```text
Butyrospermum Parkii (Shea Butter, Glycerin
                     ^ never closed
```

## Fix
None: where the bracket should close is for a person to say.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for d in cx
        .label
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::UnbalancedBracket)
    {
        let c = d.span.slice(cx.input);
        let opening = matches!(c, "(" | "[" | "{" | "（" | "【");
        let (message, label) = if opening {
            (format!("`{c}` is never closed"), "never closed")
        } else {
            (format!("`{c}` closes nothing"), "never opened")
        };
        let mut lint = cx.lint(&RULE, d.span, message, label);
        lint.help =
            Some("inci reads it as a plain character; check where the bracket belongs".into());
        out.push(lint);
    }
}
