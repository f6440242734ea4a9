//! Lints every row of a catalog column and counts lints per rule, with the commonest texts:
//! how the rules behave on real lists (false positives show up here first).
//! `cargo run --release --example lint_stats -- CATALOG.csv COLUMN`
use std::collections::HashMap;

#[path = "common/catalog.rs"]
mod catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, column] = args.as_slice() else {
        return Err("usage: lint_stats CATALOG.csv COLUMN".into());
    };
    let cells = catalog::read_column(path.as_ref(), column)?;
    let config = inci::lint::Config::default();
    let mut per_code: HashMap<&str, (usize, usize, HashMap<String, usize>)> = HashMap::new();
    let mut levels: HashMap<(&str, &str), usize> = HashMap::new();
    let mut failing = 0;
    let mut rows = 0;
    let mut clean = 0;
    for text in &cells {
        let text = text.as_str();
        rows += 1;
        let lints = inci::lint::lint(text, &config);
        if lints.is_empty() {
            clean += 1;
        }
        if lints.iter().any(|l| l.level >= inci::lint::Level::Warning) {
            failing += 1;
        }
        let mut seen = std::collections::HashSet::new();
        for l in &lints {
            *levels.entry((l.code, l.level.as_str())).or_default() += 1;
            let e = per_code.entry(l.code).or_default();
            e.0 += 1;
            if seen.insert(l.code) {
                e.1 += 1;
            }
            *e.2.entry(l.span.slice(text).to_owned()).or_default() += 1;
        }
    }
    println!("{rows} rows, {clean} without any lint, {failing} with a warning or error");
    let mut codes: Vec<_> = per_code.into_iter().collect();
    codes.sort_by_key(|(c, _)| *c);
    for (code, (n, in_rows, texts)) in codes {
        let mut t: Vec<_> = texts.into_iter().collect();
        t.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = t
            .iter()
            .take(6)
            .map(|(s, n)| format!("{s:?} {n}"))
            .collect();
        let by_level: Vec<String> = ["error", "warning", "info"]
            .iter()
            .filter_map(|lv| levels.get(&(code, *lv)).map(|n| format!("{n} {lv}")))
            .collect();
        println!(
            "{code}: {n} lints ({}) in {in_rows} rows; commonest: {}",
            by_level.join(", "),
            top.join(", ")
        );
    }
    Ok(())
}
