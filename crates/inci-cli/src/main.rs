//! The `inci` binary: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of glibc's allocator. A first scan allocates about 47 times a row, many
/// of the blocks kilobytes long (the record, the ingredients, the parser's tokens), which
/// glibc serves from its bins rather than its per-thread cache: allocating and freeing took
/// 16 % of a distinct catalog's instructions with glibc, 6 % with mimalloc. The binary
/// chooses its allocator; the library crates do not. Version 2 without transparent huge
/// pages (the `no_thp` feature): with huge pages, a 105 MB catalog peaked at 87-91 MB and
/// the repeat catalog at 98 MB, against 76-77 and 73-74 MB, for no speed; version 3, with
/// 1 MB chunks, at 160 MB.
///
/// On glibc Linux mimalloc is the process's `malloc` (its `override` feature) and Rust's
/// default allocator calls that: `mimalloc::MiMalloc` as the global allocator sends every
/// allocation through `mi_malloc_aligned`, about 30 instructions more than `mi_malloc` for
/// the alignments Rust asks of nearly every block (2.0 % of a distinct catalog's
/// instructions, benches/README.md), and calling `mi_malloc` from an allocator of our own
/// would take `unsafe`. The C library's own blocks come from mimalloc too. Elsewhere (musl,
/// macOS, Windows, where overriding `malloc` statically is not supported or not tried),
/// `MiMalloc` stays the global allocator. `tests/allocator.rs` checks that the binary defines
/// `malloc`.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
use mimalloc as _;

fn main() -> ExitCode {
    let cli = inci_cli::cli::Cli::parse();
    match inci_cli::cli::run(cli) {
        Ok(inci_cli::cli::Outcome::Success) => ExitCode::SUCCESS,
        Ok(inci_cli::cli::Outcome::NotFound | inci_cli::cli::Outcome::LintFailed) => {
            ExitCode::from(1)
        }
        Err(err) => {
            // A closed pipe (`inci scan ... | head`) is not a failure.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                    || e.downcast_ref::<serde_json::Error>()
                        .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            }) {
                return ExitCode::SUCCESS;
            }
            // File names and values in the message are the user's bytes: escape sequences in
            // them must not reach the terminal.
            eprintln!("error: {}", inci_cli::render::safe(&format!("{err:#}")));
            // Ctrl-C during `inci batch`: stopped between records, as shells expect (128 + 2).
            if err.chain().any(|e| {
                matches!(
                    e.downcast_ref::<inci_cli::batch::BatchError>(),
                    Some(inci_cli::batch::BatchError::Interrupted { .. })
                )
            }) {
                return ExitCode::from(130);
            }
            ExitCode::from(2)
        }
    }
}
