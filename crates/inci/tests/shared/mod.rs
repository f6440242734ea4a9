//! The reference data beside the repository (`../shared`), for tests that check inci against
//! the raw sources and real catalogs.

use std::path::PathBuf;

/// The path of `rel` under `../shared`, or `None` (with a message) when it is absent. Under
/// `CI=true` an absent file is a failure, not a skip: CI always has `../shared` beside the
/// clone, so a skip there would hide a test that no longer runs.
pub fn path(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} not found, and CI=true: the test cannot run",
        path.display()
    );
    eprintln!("skipped: {} not found", path.display());
    None
}

/// The ingredient cells of both development catalogs (Sephora's `Ingredients`,
/// lookfantastic's `clean_ingreds`), in order, or `None` (as [`path`]) when they are absent.
#[allow(dead_code)] // not every test file reads the catalogs
pub fn catalog_labels() -> Option<Vec<String>> {
    let mut out = Vec::new();
    for (rel, column) in [
        ("corpus/sephora_cosmetics.csv", "Ingredients"),
        ("corpus/lookfantastic_skincare.csv", "clean_ingreds"),
    ] {
        let path = path(rel)?;
        let mut rdr = csv::Reader::from_path(&path).expect("catalog readable");
        let headers = rdr.headers().expect("header").clone();
        let col = headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == column)
            .expect("column");
        for rec in rdr.records() {
            out.push(rec.expect("row").get(col).unwrap_or("").to_owned());
        }
    }
    Some(out)
}
