//! The library carries no command-line weight: `cargo tree -p inci` (normal dependencies)
//! holds none of the crates the binary uses for arguments, terminals, progress, diagnostics
//! rendering, SARIF, parallelism, compression, CSV or TOML.

use std::process::Command;

const CLI_ONLY: &[&str] = &[
    "clap",
    "anyhow",
    "indicatif",
    "anstream",
    "anstyle",
    "annotate-snippets",
    "serde-sarif",
    "rayon",
    "flate2",
    "csv",
    "toml",
    "ctrlc",
    "tempfile",
    "serde_json",
];

#[test]
fn the_library_depends_on_no_cli_crate() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "inci",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        names.contains(&"nom") && names.contains(&"inci-dict"),
        "{tree}"
    );
    let found: Vec<&&str> = CLI_ONLY.iter().filter(|c| names.contains(c)).collect();
    assert!(found.is_empty(), "the library pulls {found:?}:\n{tree}");
}
