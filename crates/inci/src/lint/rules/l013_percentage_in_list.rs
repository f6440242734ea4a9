//! L013 `percentage-in-list`: a concentration printed inside the ingredient list.

use super::{FixKind, Rule};
use crate::lint::{Applicability, Context, Fix, Level, Lint};
use crate::parse::QualifierKind;
use crate::span::Span;

/// The rule.
pub const RULE: Rule = Rule {
    code: "L013",
    name: "percentage-in-list",
    level: Level::Info,
    fix: FixKind::Unsafe,
    summary: "a percentage printed inside the ingredient list",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
A percentage attached to an ingredient (`Niacinamide 10%`, `Retinol (0.3 %)`).

## Why
The INCI list declares names in descending order of weight, not concentrations. A percentage
in it is a claim: it must be substantiated (Regulation (EU) 655/2013, common criteria), it
belongs with the other claims, and it confuses readers and tools about where a name ends.

## Example
```text
Aqua, Niacinamide 10%, Glycerin
                  ^^^ percentage in the list
```

## Fix
Removes the percentage. Unsafe: the claim may be wanted elsewhere on the pack.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for item in &cx.label.items {
        for q in item
            .qualifiers
            .iter()
            .filter(|q| q.kind == QualifierKind::Percent)
        {
            // Remove the blanks before it too, so `Niacinamide 10%` becomes `Niacinamide`.
            let before = cx
                .input
                .get(item.span.start..q.span.start)
                .unwrap_or_default();
            let blanks = before.len() - before.trim_end().len();
            let mut lint = cx.lint(
                &RULE,
                q.span,
                format!("percentage `{}` inside the ingredient list", q.text.trim()),
                "percentage in the list",
            );
            lint.fix = Some(Fix::replace(
                Applicability::Unsafe,
                Span::new(q.span.start - blanks, q.span.end),
                String::new(),
                "remove the percentage".into(),
            ));
            out.push(lint);
        }
    }
}
