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
