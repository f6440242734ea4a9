//! Lint a pack text, print each lint with its line and column, and the text with the safe
//! fixes applied.
//!
//! `cargo run -p inci --example lint_pack -- "Ingredients: Aqua,, Glycerin, Phenoxyetanol."`

use inci::lint::position::LineIndex;
use inci::lint::{self, Applicability, Config};

fn main() {
    let text = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Ingredients: Aqua,, Glycerin, Phenoxyetanol.".to_owned());
    let config = Config::default();
    let lints = lint::lint(&text, &config);
    let index = LineIndex::new(&text);
    for l in &lints {
        let at = index.line_col(l.span.start);
        println!(
            "{}:{} {}[{}] {}",
            at.line,
            at.column,
            l.level.as_str(),
            l.code,
            l.message
        );
    }
    let (fixed, applied) = lint::fix_text(&text, &lints, &config, Applicability::Safe);
    println!("{applied} safe fixes: {fixed}");
}
