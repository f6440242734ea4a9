//! Helpers shared by the tests that run the `inci` binary (from the repository root, so that
//! paths such as `fixtures/...` read as in the README).

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `inci` with `args`, feeding `stdin` when given, colour off; returns what it wrote.
pub fn inci(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_inci"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .args(args)
        .env("NO_COLOR", "1")
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
