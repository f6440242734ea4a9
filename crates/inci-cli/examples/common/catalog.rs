//! Reads one column of a CSV catalog, for the examples and benchmarks that measure inci on
//! real lists. Included with `#[path]`; not an example of its own.

/// The cells of `column` (a byte-order mark on the header is ignored), one per data row; an
/// unreadable row is an error naming its position, not a row silently left out.
pub fn read_column(
    path: &std::path::Path,
    column: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut rdr = csv::Reader::from_path(path)?;
    let headers = rdr.headers()?.clone();
    let col = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == column)
        .ok_or_else(|| format!("no column {column:?}; columns: {headers:?}"))?;
    let mut cells = Vec::new();
    for rec in rdr.records() {
        cells.push(rec?.get(col).unwrap_or("").to_owned());
    }
    Ok(cells)
}
