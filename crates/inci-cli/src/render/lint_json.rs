//! `inci lint --format json`: the library's [`inci::lint::document`] as pretty JSON.

use inci::lint::LintedFile;

/// Writes the document as pretty JSON, followed by a newline.
pub fn write(out: &mut dyn std::io::Write, files: &[LintedFile]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &inci::lint::document(files))
        .map_err(super::json_io_error)?;
    writeln!(out)
}
