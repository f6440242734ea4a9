//! Runs one stage over a whole catalog, for instruction counts that do not depend on machine
//! noise: `valgrind --tool=callgrind target/release/examples/catalog_cost CATALOG COLUMN MODE`
//! with MODE `parse`, `resolve` (parse + resolve) or `analyze` (parse + resolve + risk).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (path, column, mode) = match args.as_slice() {
        [_, p, c, m] => (p, c, m.as_str()),
        _ => return Err("usage: catalog_cost CATALOG.csv COLUMN parse|resolve|analyze".into()),
    };
    let mut rdr = csv::Reader::from_path(path)?;
    let col = rdr
        .headers()?
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == column)
        .ok_or("no such column")?;
    let rows: Vec<String> = rdr
        .records()
        .filter_map(Result::ok)
        .map(|r| r.get(col).unwrap_or("").to_owned())
        .collect();
    let mut n = 0usize;
    for r in &rows {
        let label = inci::parse(r, &inci::Cosing);
        n += match mode {
            "parse" => label.items.len(),
            "resolve" => inci::scan::ingredients(&label).len(),
            _ => inci::risk::analyze(
                &inci::scan::ingredients(&label),
                inci::risk::Profile::General,
            )
            .findings
            .len(),
        };
    }
    println!("{mode}: {} rows, {n}", rows.len());
    Ok(())
}
