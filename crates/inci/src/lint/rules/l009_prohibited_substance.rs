//! L009 `prohibited-substance`: an Annex II substance, human-derived ones (entry 416) included.

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};
use crate::market::Verdict;
use crate::origin::{Certainty, HumanKind, Origin};

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

An entry that prohibits only under a condition (`Petrolatum, except if the full refining
history is known`; nano-only and hair-dye-only entries) is reported as a warning with the
condition to check (as info for a hair-dye-only entry when the product type is not given), and
as an error when the label meets it (`(nano)` printed after the name;
`product-type = \"hair-dye\"` in `inci.toml` or `--product-type hair-dye`); with another product
type a hair-dye-only entry is not reported. A name CosIng merely links to an entry about another substance (citrus
peel oils under furocoumarins, Cyclomethicone under D4) is not reported here; `inci explain`
shows the link. Annex II is EU law, shared (inferred) by the UK and ASEAN: with no such market
selected (`market = \"us\"`, `--market kr`) its lints are lowered to info. A human-derived
ingredient under markets other than the EU alone takes each market's verdict (`--market eu,kr`:
`EU: prohibited (Annex II entry 416) · KR: allowed if the culture medium meets the MFDS safety
standard ...`): an error where one prohibits it, a warning where one allows it only under
conditions or its rule does not decide, info where none has a rule.

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
Regulation (EC) 1223/2009 Annex II, CosIng export of 28/08/2026; for human origin, Annex II
entry 416 and the CosIng inventory.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        let name = ing.name.map_or_else(
            || item.name_span.slice(cx.input).trim().to_owned(),
            str::to_owned,
        );
        use inci_dict::risk::Annex;
        let entries: Vec<inci_dict::risk::AnnexEntry> = ing
            .entry
            .map(|e| inci_dict::risk::annex_entries(e.id).collect())
            .unwrap_or_default();
        // The annex check's own answer (`risk::annex_applies`): a conditional entry whose
        // condition the label meets prohibits (`(nano)` printed for a nano-only entry,
        // `product-type = "hair-dye"` for a hair-dye-only one); one the product type rules
        // out says nothing.
        let annex_ii = |want: crate::risk::Applies| {
            entries.iter().find(|a| {
                a.annex == Annex::II
                    && crate::risk::annex_applies(a, ing, cx.ingredients, cx.config.product_type)
                        == want
            })
        };
        let human = ing
            .verdict
            .as_ref()
            .filter(|v| v.origin == Origin::Human && v.certainty == Certainty::Named);
        let mut level = Level::Error;
        // Set for a human-derived ingredient under several markets: their verdicts decide.
        let mut human_level = None;
        let (message, label, help) = match (
            annex_ii(crate::risk::Applies::Yes),
            annex_ii(crate::risk::Applies::Conditional),
            human,
        ) {
            (None, _, Some(v)) if cx.config.markets == crate::market::Markets::default() => (
                format!("`{name}` is of human origin, prohibited in the EU (Annex II entry 416)"),
                "Annex II entry 416: human origin".to_owned(),
                format!(
                    "{}; source: Regulation (EC) 1223/2009 Annex II entry 416 (cells, tissues or products of human origin)",
                    v.reason
                ),
            ),
            (None, _, Some(v)) => {
                // Each selected market's rule: an error where one prohibits it, a warning
                // where one allows it only under conditions or its rule does not decide.
                let kind = HumanKind::of(&name);
                let verdicts: Vec<_> = cx
                    .config
                    .markets
                    .iter()
                    .map(|m| crate::market::human_verdict(m, kind, Certainty::Named, &name))
                    .collect();
                human_level = Some(
                    if verdicts.iter().any(|v| v.verdict == Verdict::Prohibited) {
                        Level::Error
                    } else if verdicts.iter().any(|v| {
                        matches!(v.verdict, Verdict::AllowedWithConditions | Verdict::Unclear)
                    }) {
                        Level::Warning
                    } else {
                        Level::Info
                    },
                );
                let by_market: Vec<String> = verdicts
                    .iter()
                    .map(|v| format!("{}: {}", v.market.code(), v.summary))
                    .collect();
                let sources: Vec<String> = verdicts
                    .iter()
                    .filter(|v| !v.citation.is_empty())
                    .map(|v| format!("{}: {}", v.market.code(), v.citation))
                    .collect();
                (
                    format!("`{name}` is of human origin: {}", by_market.join(" · ")),
                    "human origin".to_owned(),
                    format!("{}; sources: {}", v.reason, sources.join("; ")),
                )
            }
            (Some(a), _, _) => (
                format!(
                    "`{name}` is prohibited in the EU (Annex II entry {})",
                    a.reference
                ),
                format!("Annex II entry {}", a.reference),
                format!("{}; source: {}", a.substance, a.source),
            ),
            (None, Some(a), None) => {
                // Most pack texts are not hair dyes: a hair-dye-only entry is information
                // until the product type says otherwise.
                level = if a.product_types == [inci_dict::risk::ProductType::HairDye] {
                    Level::Info
                } else {
                    Level::Warning
                };
                (
                    format!(
                        "`{name}` falls under Annex II entry {}, prohibited only under a condition",
                        a.reference
                    ),
                    format!("Annex II entry {} (conditional)", a.reference),
                    format!(
                        "check the condition: {}; source: {}",
                        a.condition.unwrap_or(a.substance),
                        a.source
                    ),
                )
            }
            (None, None, None) => continue,
        };
        // A name read only by dropping debris (`Benzophenone-$`) is a guess: a warning to
        // check the printed name, not an error (L003 offers the reading).
        let guessed = ing.matched_via == crate::resolve::Via::Guessed;
        let message = if guessed {
            format!(
                "read as `{name}` from `{}` (characters dropped): {message}",
                item.name_span.slice(cx.input).trim()
            )
        } else {
            message
        };
        let mut lint = cx.lint(&RULE, item.name_span, message, &label);
        lint.help = Some(help);
        lint.level = if let Some(l) = human_level {
            l
        } else if !cx.config.markets.has_eu_annexes() {
            // Annex II is EU law (and, inferred, the UK's and ASEAN's): information elsewhere.
            Level::Info
        } else if guessed {
            level.min(Level::Warning)
        } else {
            level
        };
        out.push(lint);
    }
}
