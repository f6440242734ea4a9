//! JSON output: the [`ScanReport`] serialized as one object, followed by a newline.

use inci::scan::ScanReport;
use std::io::{self, Write};

/// Writes `report` as pretty JSON.
pub fn write(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(crate::render::json_io_error)?;
    writeln!(out)
}
