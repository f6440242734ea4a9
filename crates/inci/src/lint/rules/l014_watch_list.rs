//! L014 `watch-list`: an ingredient on the brand's own watch list (`inci.toml`).

use super::{FixKind, Rule};
use crate::lint::{Context, Level, Lint};

/// The rule.
pub const RULE: Rule = Rule {
    code: "L014",
    name: "watch-list",
    level: Level::Error,
    fix: FixKind::None,
    summary: "an ingredient the brand refuses (`[watch-list]` in inci.toml)",
    doc: DOC,
    check,
};

const DOC: &str = "\
## What it finds
An ingredient named in the `[watch-list]` of `inci.toml`. Names are matched by dictionary entry
or CAS number, so `Water` on the list finds `Aqua` and `CI 77891` finds `Titanium Dioxide`;
a bare CAS number matches every ingredient with that number; names the dictionary does not know
are matched by their folded text, and `inci lint` warns about them when it reads the file (a
misspelt name on the list would otherwise match nothing, silently).

```toml
[watch-list]
names = [\"Methylisothiazolinone\", \"Talc\"]
reason = \"brand policy 2026-03\"
```

## Why
Brands refuse ingredients the law allows (free-from claims, retailer policies such as clean
beauty standards): this rule holds a pack to that promise.

## Fix
None: reformulate, or change the policy.
";

fn check(cx: &Context<'_>, out: &mut Vec<Lint>) {
    let list = &cx.config.watch_list;
    if list.is_empty() {
        return;
    }
    for (item, ing) in cx.label.items.iter().zip(cx.ingredients) {
        let key = inci_dict::fold(&item.name_text(cx.input));
        let same_cas =
            |w: &crate::lint::config::WatchName| w.cas.is_some() && w.cas.as_deref() == ing.cas;
        let hit = list.iter().find(|w| match (w.canonical, ing.name) {
            (Some(c), Some(n)) => c == n || same_cas(w),
            (None, Some(_)) => same_cas(w) || w.key == key,
            _ => w.key == key,
        });
        let Some(w) = hit else { continue };
        let shown = ing.name.unwrap_or(w.written.as_str());
        let mut lint = cx.lint(
            &RULE,
            item.name_span,
            format!("`{shown}` is on the watch list"),
            &format!("watch list: `{}`", w.written),
        );
        lint.help = Some(match (&cx.config.watch_reason, &cx.config.path) {
            (Some(r), Some(p)) => format!("{r} ({})", p.display()),
            (Some(r), None) => r.clone(),
            (None, Some(p)) => format!("listed in {}", p.display()),
            (None, None) => "listed in the watch list".into(),
        });
        out.push(lint);
    }
}
