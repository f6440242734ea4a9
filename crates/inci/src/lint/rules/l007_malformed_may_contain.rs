//! L007 `malformed-may-contain`: a may-contain block that is empty, not closed, or holds
//! ingredients that are not colourants.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};
use crate::parse::{Section, Skip, TokenKind};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L007",
    name: "malformed-may-contain",
    level: Level::Warning,
    fix: FixKind::None,
    summary: "a may-contain block that is empty, unclosed, or lists non-colourants",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
- a may-contain marker (`[+/-`, `May contain:`, `Peut contenir:`) with no ingredient after it;
- a `+/-` or `±` marker inside an item, which is what an unclosed `[+/-` block becomes;
- an ingredient in the block that is not a colourant (its CosIng functions have no colouring
  function), such as `[+/- Parfum]`.

## Why
Regulation (EC) 1223/2009 Art. 19(1)(g): in decorative products sold in several shades, *all
colouring agents* used in the range may be listed with `may contain` or `+/-`. Nothing else may:
every other ingredient must be declared.

## Example
```text
Aqua, Glycerin [+/- CI 77491, Parfum]
                              ^^^^^^ not a colourant
```

## Fix
None: the ingredient must be declared in the list, at its place by weight.

## Source
Regulation (EC) 1223/2009 Art. 19(1)(g); CosIng functions.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    let tokens = &cx.label.tokens;
    for (t, tok) in tokens.iter().enumerate() {
        if tok.kind != TokenKind::MayContainStart {
            continue;
        }
        // `[+/- May contain: CI 77491]` and `May contain (+/-):` print two markers for one block,
        // which the parser reads as such; bracketed or multilingual second markers
        // (`[+/- (May Contain): ...`, `[May Contain/Peut Contenir/+/-: ...`) it still reads as a
        // heading, so a heading directly after a marker does not make the block empty.
        let next = tokens[t + 1..].iter().find(|n| {
            !matches!(
                n.kind,
                TokenKind::Separator
                    | TokenKind::MayContainStart
                    | TokenKind::Skipped(Skip::Heading)
            )
        });
        if !matches!(next.map(|n| n.kind), Some(TokenKind::Item(_))) {
            let mut lint = cx.lint(
                &RULE,
                tok.span,
                "may-contain block with no ingredient".into(),
                "nothing follows this marker",
            );
            lint.help = Some(
                "list the colourants of the shade range after the marker, or remove it".into(),
            );
            out.push(lint);
        }
    }
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        let raw = item.raw(cx.input);
        if let Some(at) = raw.find("+/-").or_else(|| raw.find('±')) {
            let len = if raw[at..].starts_with('±') {
                '±'.len_utf8()
            } else {
                3
            };
            let span = crate::span::Span::new(item.span.start + at, item.span.start + at + len);
            let mut lint = cx.lint(
                &RULE,
                span,
                "may-contain marker that does not open a block".into(),
                "not read as a may-contain block",
            );
            lint.help = Some(
                "write the block as `[+/- CI 77491, CI 77891]`, with its closing bracket".into(),
            );
            out.push(lint);
        }
        if item.section != Section::MayContain {
            continue;
        }
        let Some(entry) = ing.entry else { continue };
        let colours = entry
            .functions()
            .any(|f| f.eq_ignore_ascii_case("Colorant") || f.eq_ignore_ascii_case("Hair Dyeing"));
        if !colours {
            let mut lint = cx.lint(
                &RULE,
                item.name_span,
                format!(
                    "`{}` is not a colourant but is listed as may-contain",
                    entry.name
                ),
                "not a colourant",
            );
            lint.help = Some(
                "only colourants may be declared as `may contain`; declare it in the list".into(),
            );
            out.push(lint);
        }
    }
}
