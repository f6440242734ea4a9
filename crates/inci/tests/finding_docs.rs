//! Keeps the table of finding codes in `docs/json-schema.md` equal to the finding registry,
//! the way `lint_docs.rs` keeps the lint rule table: regenerate with
//! `SNAPSHOTS=overwrite cargo test -p inci --test finding_docs`.

use inci::risk::registry;
use std::path::Path;

const START: &str = "<!-- findings:start -->\n";
const END: &str = "<!-- findings:end -->";

fn table() -> String {
    let mut t = String::from("| code | category | concern | raised when |\n|---|---|---|---|\n");
    for k in registry::all() {
        t.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            k.code,
            k.category.as_str(),
            k.concern.as_str(),
            k.summary
        ));
    }
    t
}

#[test]
fn finding_table_in_docs_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/json-schema.md");
    let doc = std::fs::read_to_string(&path).expect("docs/json-schema.md");
    let (head, rest) = doc.split_once(START).expect("start marker");
    let (_, tail) = rest.split_once(END).expect("end marker");
    let want = format!("{head}{START}{}{END}{tail}", table());
    if doc != want {
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            std::fs::write(&path, want).expect("write docs/json-schema.md");
        } else {
            panic!(
                "docs/json-schema.md's finding table is stale: run SNAPSHOTS=overwrite cargo test -p inci --test finding_docs"
            );
        }
    }
}
