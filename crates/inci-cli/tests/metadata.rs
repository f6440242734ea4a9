//! Crate metadata is complete for every crate that may be published: description, licence
//! (with both licence files at the root), readme, keywords, categories and a minimum Rust
//! version. A repository URL is left out until one is confirmed, and none may be a
//! placeholder.

use std::path::Path;
use std::process::Command;

#[test]
fn publishable_crates_have_complete_metadata() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(&root)
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut checked = 0;
    for pkg in meta["packages"].as_array().expect("packages") {
        let name = pkg["name"].as_str().unwrap_or_default();
        if pkg["publish"].as_array().is_some_and(Vec::is_empty) {
            continue; // publish = false
        }
        checked += 1;
        for field in ["description", "license", "readme", "rust_version"] {
            assert!(
                pkg[field].as_str().is_some_and(|v| !v.is_empty()),
                "{name}: no {field}"
            );
        }
        for field in ["keywords", "categories"] {
            assert!(
                pkg[field].as_array().is_some_and(|v| !v.is_empty()),
                "{name}: no {field}"
            );
        }
        let manifest = Path::new(pkg["manifest_path"].as_str().expect("manifest path"));
        let readme = manifest
            .parent()
            .expect("crate dir")
            .join(pkg["readme"].as_str().unwrap_or_default());
        assert!(
            readme.exists(),
            "{name}: readme {} missing",
            readme.display()
        );
        if let Some(url) = pkg["repository"].as_str() {
            assert!(
                !url.contains("example") && !url.contains("invalid"),
                "{name}: placeholder repository {url}"
            );
        }
    }
    assert_eq!(
        checked, 5,
        "inci, inci-dict, inci-json, inci-ocr and inci-cli are publishable"
    );
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(root.join(licence).exists(), "{licence} missing");
    }
}
