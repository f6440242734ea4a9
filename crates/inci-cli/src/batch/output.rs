//! One output record per input row, as JSON Lines or CSV.

use super::summary::RowOutcome;
use super::{Done, MAX_CELL};
use inci::risk::{Category, Profile};
use inci::scan::ScanReport;
use serde::Serialize;
use std::io::{self, Write};

/// Output format of `inci batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per line: `row`, `id`, and the `inci scan` report, or `error`.
    #[default]
    Jsonl,
    /// The original columns plus summary columns.
    Csv,
}

/// Where things are in the input, and how to write.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub column: usize,
    pub id_column: Option<usize>,
    pub width: usize,
    pub format: OutputFormat,
    pub profile: Profile,
    pub product_type: Option<inci::risk::ProductType>,
}

/// Summary columns appended to each CSV row.
const CSV_COLUMNS: &[&str] = &[
    "inci_pores",
    "inci_irritation",
    "inci_allergy",
    "inci_human_origin_regulation",
    "inci_vegan",
    "inci_human_derived",
    "inci_findings",
    "inci_unknown",
    "inci_error",
];

#[derive(Serialize)]
struct Record<'a> {
    row: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(flatten)]
    report: &'a ScanReport,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    row: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    error: &'a str,
    /// A ragged row's fields past the header's width, which have no column to go in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extra_fields: Vec<String>,
}

pub(crate) fn write_header(
    out: &mut dyn Write,
    layout: &Layout,
    names: &[String],
) -> io::Result<()> {
    if layout.format == OutputFormat::Csv {
        let mut w = csv::Writer::from_writer(out);
        let header: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .chain(CSV_COLUMNS.iter().copied())
            .collect();
        w.write_record(&header)?;
        w.flush()?;
    }
    Ok(())
}

/// Scans one row and formats its record.
pub(crate) fn process(row: u64, fields: &Result<csv::ByteRecord, String>, layout: &Layout) -> Done {
    let id = fields
        .as_ref()
        .ok()
        .and_then(|f| layout.id_column.and_then(|c| f.get(c)))
        .map(String::from_utf8_lossy);
    let id = id.as_deref();
    let done = scan_row(fields, layout).and_then(|report| {
        let bytes = format_ok(row, id, fields, &report, layout)?;
        Ok((bytes, report))
    });
    match done {
        Ok((bytes, report)) => Done {
            bytes,
            outcome: RowOutcome::scanned(&report),
        },
        Err(problem) => Done {
            bytes: format_error(row, id, fields, &problem, layout),
            outcome: RowOutcome::Error { row, problem },
        },
    }
}

fn scan_row(
    fields: &Result<csv::ByteRecord, String>,
    layout: &Layout,
) -> Result<ScanReport, String> {
    let fields = fields.as_ref().map_err(Clone::clone)?;
    if fields.len() != layout.width {
        return Err(format!(
            "ragged row: {} fields where the header has {} (check the quoting)",
            fields.len(),
            layout.width
        ));
    }
    let cell = fields.get(layout.column).unwrap_or_default();
    if cell.len() > MAX_CELL {
        return Err(format!(
            "ingredient cell of {} bytes is over the {MAX_CELL}-byte limit",
            cell.len()
        ));
    }
    let text = std::str::from_utf8(cell).map_err(|e| {
        format!(
            "ingredient cell is not valid UTF-8: byte 0x{:02X} at offset {} of the cell",
            cell[e.valid_up_to()],
            e.valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err("empty ingredient cell".to_owned());
    }
    Ok(inci::scan::Scanner::new()
        .profile(layout.profile)
        .product_type(layout.product_type)
        .scan(text))
}

fn format_ok(
    row: u64,
    id: Option<&str>,
    fields: &Result<csv::ByteRecord, String>,
    report: &ScanReport,
    layout: &Layout,
) -> Result<Vec<u8>, String> {
    match layout.format {
        OutputFormat::Jsonl => {
            // A report that cannot be written becomes this row's error record, not an empty line.
            let mut buf = serde_json::to_vec(&Record { row, id, report })
                .map_err(|e| format!("the report could not be written as JSON: {e}"))?;
            buf.push(b'\n');
            Ok(buf)
        }
        OutputFormat::Csv => {
            let level = |k: usize| report.concerns.get(k).map_or("", |c| c.level.as_str());
            let human = report
                .findings
                .iter()
                .any(|f| f.category == Category::HumanDerived);
            let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
            let unknown: Vec<&str> = report
                .ingredients
                .iter()
                .filter(|i| i.name.is_none())
                .map(|i| i.raw.trim())
                .collect();
            let extra = [
                level(0).to_owned(),
                level(1).to_owned(),
                level(2).to_owned(),
                level(3).to_owned(),
                level(4).to_owned(),
                if human { "yes" } else { "no" }.to_owned(),
                codes.join(" "),
                unknown.join("; "),
                String::new(),
            ];
            Ok(csv_row(fields, &extra, layout.width))
        }
    }
}

fn format_error(
    row: u64,
    id: Option<&str>,
    fields: &Result<csv::ByteRecord, String>,
    problem: &str,
    layout: &Layout,
) -> Vec<u8> {
    // Nothing dropped: cells past the header's width are carried in the error record.
    let extra_fields: Vec<String> = fields
        .as_ref()
        .map(|f| {
            f.iter()
                .skip(layout.width)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect()
        })
        .unwrap_or_default();
    match layout.format {
        OutputFormat::Jsonl => {
            let record = ErrorRecord {
                row,
                id,
                error: problem,
                extra_fields,
            };
            // Strings only: serializing cannot fail, but if it did the row still gets a record.
            let mut buf = serde_json::to_vec(&record).unwrap_or_else(|_| {
                format!("{{\"row\":{row},\"error\":\"the error record could not be written\"}}")
                    .into_bytes()
            });
            buf.push(b'\n');
            buf
        }
        OutputFormat::Csv => {
            let mut extra = vec![String::new(); CSV_COLUMNS.len()];
            if let Some(last) = extra.last_mut() {
                *last = format!("row {row}: {problem}");
                if !extra_fields.is_empty() {
                    let quoted: Vec<String> =
                        extra_fields.iter().map(|f| format!("{f:?}")).collect();
                    *last = format!("{last}; fields past the header: {}", quoted.join(", "));
                }
            }
            csv_row(fields, &extra, layout.width)
        }
    }
}

/// The original cells (padded or cut to the header's width) followed by `extra`.
fn csv_row(fields: &Result<csv::ByteRecord, String>, extra: &[String], width: usize) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::with_capacity(256));
    let mut rec = csv::ByteRecord::new();
    for i in 0..width {
        let cell = fields
            .as_ref()
            .ok()
            .and_then(|f| f.get(i))
            .unwrap_or_default();
        rec.push_field(cell);
    }
    for e in extra {
        rec.push_field(e.as_bytes());
    }
    // Writing to a Vec cannot fail; an error here would only drop this row's bytes.
    if w.write_byte_record(&rec).is_err() {
        return Vec::new();
    }
    w.into_inner().unwrap_or_default()
}
