//! JSON output: a [`ScanReport`](inci::scan::ScanReport) or an
//! [`Explanation`](inci::explain::Explanation) serialized as one object, followed by a newline.

use serde::Serialize;
use std::io::{self, Write};

/// Writes `value` as pretty JSON.
pub fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(crate::render::json_io_error)?;
    writeln!(out)
}

/// A report scanned from a photo or a PDF: the report's fields, then `ocr`, what each item
/// rests on (`inci_ocr::Reading`).
#[derive(Serialize)]
pub struct WithReading<'a> {
    /// The report.
    #[serde(flatten)]
    pub report: &'a inci::ScanReport,
    /// Its evidence.
    pub ocr: &'a inci_ocr::Reading<'a>,
}
