//! CLI tests (trycmd): each `tests/cmd/*.trycmd` runs `inci` commands in its `*.in/` directory
//! and pins their output and exit codes; `write.out/` holds the file `--fix --write` must
//! leave. Update with `TRYCMD=overwrite cargo test --test cmd` and review the diff.

#[test]
fn cli() {
    // Text reports are laid out for COLUMNS when not on a terminal: pinned here.
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .case("tests/cmd/*.trycmd")
        .case("tests/cmd/*.toml");
}
