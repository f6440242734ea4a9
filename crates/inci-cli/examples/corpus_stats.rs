//! Resolution statistics over a CSV catalog: share of items resolved, commonest unknown items.
//!
//! ```text
//! cargo run --release --example corpus_stats -- ../shared/corpus/sephora_cosmetics.csv Ingredients
//! ```

use std::collections::HashMap;

#[path = "common/catalog.rs"]
mod catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: corpus_stats CATALOG.csv COLUMN [TOP]")?;
    let column = args
        .next()
        .ok_or("usage: corpus_stats CATALOG.csv COLUMN [TOP]")?;
    let top: usize = args.next().map(|t| t.parse()).transpose()?.unwrap_or(20);
    let cells = catalog::read_column(path.as_ref(), &column)?;
    let (mut rows, mut items, mut known, mut skipped) = (0usize, 0usize, 0usize, 0usize);
    let mut unknown: HashMap<String, usize> = HashMap::new();
    for cell in &cells {
        rows += 1;
        let report = inci::scan(cell);
        skipped += report.skipped.len();
        for ing in &report.ingredients {
            items += 1;
            if ing.name.is_some() {
                known += 1;
            } else {
                *unknown.entry(ing.raw.clone()).or_default() += 1;
            }
        }
    }
    println!("rows: {rows}");
    println!(
        "items: {items}; resolved: {known} ({:.2} %); skipped stretches: {skipped}",
        100.0 * known as f64 / items.max(1) as f64
    );
    let mut common: Vec<_> = unknown.into_iter().collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("commonest unresolved items:");
    for (raw, n) in common.into_iter().take(top) {
        let report = inci::scan(&raw);
        let hint = report
            .ingredients
            .first()
            .map(inci::scan::Ingredient::suggested_names)
            .unwrap_or_default();
        println!("{n:6}  {raw:?}  suggestions: [{hint}]");
    }
    Ok(())
}
