//! L009 `prohibited-substance`: an Annex II substance, human-derived ones (entry 416) included.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint, Market};
use crate::risk::origin::{Certainty, Origin};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L009",
    name: "prohibited-substance",
    level: Level::Error,
    fix: FixKind::None,
    summary: "a substance of Annex II (prohibited), or of human origin (Annex II entry 416)",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
- an ingredient CosIng links to an entry of Annex II of Regulation (EC) 1223/2009, the list of
  substances cosmetic products must not contain;
- an ingredient of human origin (cells, tissues, conditioned media, exosomes, lysates:
  `Human Umbilical Mesenchymal Stem Cell Conditioned Media`, `hUC-MSC Exosomes`), which Annex II
  entry 416 prohibits whether or not the name is in the inventory. Plant stem-cell cultures and
  animal media are not human and are not reported.

An entry that prohibits with exceptions (`Petrolatum, except if the full refining history is
known`; furocoumarins `except for normal content in natural essences`, which brings in citrus
peel oils) is reported as a warning, with the entry's wording to check against. With
`market = \"us\"` every lint of this rule is lowered to info: Annex II is EU law.

## Why
A product containing a prohibited substance cannot be placed on the EU market (Art. 14(1)(a)).

## Example
```text
Aqua, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Glycerin
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Annex II entry 416
```

## Fix
None: reformulate.

## Source
Regulation (EC) 1223/2009 Annex II, CosIng export of 28/08/2026; origin rules in
`src/risk/origin.rs`.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        let name = ing.name.map_or_else(
            || item.name_span.slice(cx.input).trim().to_owned(),
            str::to_owned,
        );
        let annex = ing
            .entry
            .map(|e| inci_dict::risk::annex_entries(e.id))
            .unwrap_or_default()
            .iter()
            .find(|a| a.annex == "II");
        let human = ing
            .verdict
            .as_ref()
            .filter(|v| v.origin == Origin::Human && v.certainty == Certainty::Named);
        let mut level = Level::Error;
        let (message, label, help) = match (annex, human) {
            (Some(a), None) if has_exception(a.substance) => {
                level = Level::Warning;
                (
                    format!(
                        "`{name}` falls under Annex II entry {}, prohibited with exceptions",
                        a.reference
                    ),
                    format!("Annex II entry {} (with exceptions)", a.reference),
                    format!(
                        "check the exception applies: {}; source: {}",
                        a.substance, a.source
                    ),
                )
            }
            (Some(a), _) => (
                format!(
                    "`{name}` is prohibited in the EU (Annex II entry {})",
                    a.reference
                ),
                format!("Annex II entry {}", a.reference),
                format!("{}; source: {}", a.substance, a.source),
            ),
            (None, Some(v)) => (
                format!("`{name}` is of human origin, prohibited in the EU (Annex II entry 416)"),
                "Annex II entry 416: human origin".to_owned(),
                format!(
                    "{}; source: Regulation (EC) 1223/2009 Annex II entry 416 (cells, tissues or products of human origin)",
                    v.reason
                ),
            ),
            (None, None) => continue,
        };
        let mut lint = cx.lint(&RULE, item.name_span, message, &label);
        lint.help = Some(help);
        lint.level = if cx.config.market == Market::Us {
            Level::Info
        } else {
            level
        };
        out.push(lint);
    }
}

/// True when an Annex II entry prohibits only in part: `Petrolatum, except if the full refining
/// history is known`, furocoumarins `except for normal content in natural essences`.
fn has_exception(substance: &str) -> bool {
    let s = substance.to_ascii_lowercase();
    ["except", "unless", "provided that", "if the "]
        .iter()
        .any(|w| s.contains(w))
}
