//! Scan every row of a CSV catalog's ingredient column and count products by vegan status and
//! those with a human-derived ingredient: the library's view of what `inci batch` does (which
//! adds parallelism, byte-bounded chunks and an error record per bad row).
//!
//! `cargo run -p inci --release --example scan_csv -- ../shared/corpus/sephora_cosmetics.csv Ingredients`

use inci::risk::Category;
use inci::scan::Scanner;
use std::collections::BTreeMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(column)) = (args.next(), args.next()) else {
        return Err("usage: scan_csv CATALOG.csv COLUMN".into());
    };
    let mut reader = csv::Reader::from_path(&path)?;
    let col = reader
        .headers()?
        .iter()
        .position(|h| h == column)
        .ok_or_else(|| format!("{path}: no column {column:?}"))?;
    let scanner = Scanner::new();
    let mut vegan: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut rows, mut human, mut skipped) = (0, 0, 0);
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{path}: row {}: {e}", n + 1))?;
        let Some(text) = record.get(col).filter(|t| !t.trim().is_empty()) else {
            skipped += 1;
            continue;
        };
        let report = scanner.scan(text);
        rows += 1;
        *vegan.entry(report.vegan.as_str()).or_default() += 1;
        if report
            .findings
            .iter()
            .any(|f| f.category == Category::HumanDerived)
        {
            human += 1;
        }
    }
    println!("{rows} lists scanned, {skipped} blank cells skipped");
    println!("vegan: {vegan:?}");
    println!("with a human-derived ingredient: {human}");
    Ok(())
}
