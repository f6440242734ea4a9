//! Runs one stage over a whole catalog, for instruction counts that do not depend on machine
//! noise: `valgrind --tool=callgrind target/release/examples/catalog_cost CATALOG COLUMN MODE`
//! with MODE `parse`, `resolve` (parse + resolve), `analyze` (parse + resolve + risk), `lint`
//! (`inci lint`'s rules) or `lint_text` (lint and render the diagnostics as text).
#[path = "common/catalog.rs"]
mod catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (path, column, mode) = match args.as_slice() {
        [_, p, c, m] => (p, c, m.as_str()),
        _ => {
            return Err(
                "usage: catalog_cost CATALOG.csv COLUMN parse|resolve|analyze|lint|lint_text"
                    .into(),
            );
        }
    };
    let rows = catalog::read_column(path.as_ref(), column)?;
    let mut n = 0usize;
    let config = inci::lint::Config::default();
    for r in &rows {
        if mode == "lint" {
            n += inci::lint::lint(r, &config).len();
            continue;
        }
        if mode == "lint_text" {
            let file = inci::lint::LintedFile::new(String::new(), r.clone(), &config);
            n += inci_cli::render::to_string(|o| {
                inci_cli::render::lint_text::write(o, &file, false)
            })
            .map_or(0, |s| s.len());
            continue;
        }
        let label = inci::parse(r, &inci::Cosing);
        n += match mode {
            "parse" => label.items.len(),
            "resolve" => inci::scan::ingredients(&label).len(),
            _ => inci::risk::analyze(
                &inci::scan::ingredients(&label),
                &inci::risk::Options::default(),
            )
            .findings
            .len(),
        };
    }
    println!("{mode}: {} rows, {n}", rows.len());
    Ok(())
}
