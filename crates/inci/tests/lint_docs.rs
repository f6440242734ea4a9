//! Keeps the rule table in `docs/lint.md` equal to the rules themselves, the way the
//! dictionary's generated code is kept: regenerate with
//! `SNAPSHOTS=overwrite cargo test -p inci --test lint_docs`.

use inci::lint::RULES;
use std::path::Path;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

fn table() -> String {
    let mut t = String::from("| code | name | level | fix | finds |\n|---|---|---|---|---|\n");
    for r in RULES {
        t.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            r.code,
            r.name,
            r.level.as_str(),
            r.fix.as_str(),
            r.summary
        ));
    }
    t
}

#[test]
fn rule_table_in_docs_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/lint.md");
    let doc = std::fs::read_to_string(&path).expect("docs/lint.md");
    let (head, rest) = doc.split_once(START).expect("start marker");
    let (_, tail) = rest.split_once(END).expect("end marker");
    let want = format!("{head}{START}{}{END}{tail}", table());
    if doc != want {
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            std::fs::write(&path, want).expect("write docs/lint.md");
        } else {
            panic!(
                "docs/lint.md's rule table is stale: run SNAPSHOTS=overwrite cargo test -p inci --test lint_docs"
            );
        }
    }
}
