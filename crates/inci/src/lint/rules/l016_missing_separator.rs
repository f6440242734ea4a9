//! L016 `missing-separator`: known names run together with no comma between them.

use super::{FixKind, Rule};
use crate::lint::{Applicability, Context, Fix, Level, Lint};
use crate::parse::{DiagnosticCode, TokenKind};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L016",
    name: "missing-separator",
    level: Level::Warning,
    fix: FixKind::Unsafe,
    summary: "two ingredient names with only a space between them",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
An item that is no CosIng name but several run together with only a space between them
(`Water Glycerin`, `Dicaprylyl Carbonate Xanthan Gum`), where the dictionary allows exactly one
way to cut it. inci reads each name as its own ingredient, so the scan's findings hold for
them; the rules that keep a doubtful text whole are in `docs/corrections.md` (Names run
together).

## Why
Regulation (EC) 1223/2009 Art. 19(1)(g) requires the ingredients to be listed, which a reader
can only do when the names are told apart; a lost comma (common in retyped and scraped lists:
58 cuts in 29 lists of the Sephora catalog) makes two ingredients read as one unknown name, and hides an
allergen or a preservative from anyone who searches the list.

## Example
```text
Aqua, Dicaprylyl Carbonate Xanthan Gum, Parfum
                          ^ no separator between `Dicaprylyl Carbonate` and `Xanthan Gum`
```

## Fix
Inserts the label's separator (`, ` unless the list uses another). Always *unsafe*
(`--unsafe-fixes`): the cut is read from the dictionary, and only the formula can confirm it.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    let separator = label_separator(cx);
    for d in cx
        .label
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::MissingSeparator)
    {
        let mut lint = cx.lint(&RULE, d.span, d.message.clone(), "no separator");
        lint.fix = Some(Fix::replace(
            Applicability::Unsafe,
            d.span,
            separator.clone(),
            format!("insert `{}`", separator.trim_end()),
        ));
        out.push(lint);
    }
}

/// The separator the label uses elsewhere (its first comma or semicolon), followed by a space.
fn label_separator(cx: &Context<'_>) -> String {
    let gaps: Vec<_> = cx
        .label
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::MissingSeparator)
        .map(|d| d.span)
        .collect();
    cx.label
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Separator && !gaps.contains(&t.span))
        .find_map(|t| {
            let text = t.span.slice(cx.input).trim();
            matches!(text, "," | ";" | "、" | "，").then(|| format!("{text} "))
        })
        .unwrap_or_else(|| ", ".to_owned())
}
