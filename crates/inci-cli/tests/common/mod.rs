//! Helpers shared by the tests that run the `inci` binary (from the repository root, so that
//! paths such as `fixtures/...` read as in the README).

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `inci` with `args`, feeding `stdin` when given, colour off, text laid out for 100
/// columns; returns what it wrote.
pub fn inci(args: &[&str], stdin: Option<&[u8]>) -> Output {
    inci_in_columns(args, stdin, 100)
}

/// [`inci`], text laid out for `columns` (`COLUMNS`).
#[allow(dead_code)]
pub fn inci_in_columns(args: &[&str], stdin: Option<&[u8]>, columns: usize) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_inci"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("inci runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("inci exits")
}
