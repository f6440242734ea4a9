//! One output record per input row, as JSON Lines or CSV.

use super::memo::{Answer, Memo, Scanned};
use super::summary::RowOutcome;
use super::{Done, MAX_CELL};
use inci::risk::Profile;
use inci::scan::ScanReport;
use serde::Serialize;
use std::io::{self, Write};
use std::sync::Arc;

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
    pub markets: inci::market::Markets,
    pub correct: bool,
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
    "inci_market_verdicts",
    "inci_unknown",
    "inci_error",
];

/// A JSON Lines record as serde writes it; [`format_ok`] splices the same bytes.
#[cfg(test)]
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

/// Scans one row (or finds its label in `memo`) and formats its record.
pub(crate) fn process(
    row: u64,
    fields: &Result<csv::ByteRecord, String>,
    layout: &Layout,
    memo: Option<&Memo>,
) -> Done {
    let id = fields
        .as_ref()
        .ok()
        .and_then(|f| layout.id_column.and_then(|c| f.get(c)))
        .map(String::from_utf8_lossy);
    let id = id.as_deref();
    let scanned = cell_text(fields, layout).and_then(|text| {
        let scan = || Scanned::new(&scan(text, layout), layout);
        match memo {
            Some(memo) => memo.get_or_scan(text, scan),
            None => scan().map(Arc::new),
        }
    });
    match scanned {
        Ok(scanned) => {
            let (bytes, tail) = match &scanned.answer {
                Answer::Json(_) => (json_head(row, id), Some(Arc::clone(&scanned))),
                Answer::Csv(cells) => (csv_row(fields, cells, layout.width), None),
            };
            Done {
                bytes,
                tail,
                outcome: RowOutcome::scanned(&scanned),
            }
        }
        Err(problem) => Done {
            bytes: format_error(row, id, fields, &problem, layout),
            tail: None,
            outcome: RowOutcome::Error { row, problem },
        },
    }
}

fn scan(text: &str, layout: &Layout) -> ScanReport {
    inci::scan::Scanner::new()
        .profile(layout.profile)
        .product_type(layout.product_type)
        .markets(layout.markets)
        .corrections(layout.correct)
        .scan(text)
}

/// The row's ingredient cell as text, or why it cannot be scanned.
fn cell_text<'f>(
    fields: &'f Result<csv::ByteRecord, String>,
    layout: &Layout,
) -> Result<&'f str, String> {
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
    Ok(text)
}

/// The start of a scanned row's JSON Lines record, `{"row":N,"id":"...",`: the report's JSON
/// object follows without its opening brace, so that the whole is byte for byte what
/// serializing `Record` gives (checked by a test below).
fn json_head(row: u64, id: Option<&str>) -> Vec<u8> {
    let mut buf = Vec::with_capacity(64);
    buf.extend_from_slice(b"{\"row\":");
    buf.extend_from_slice(row.to_string().as_bytes());
    if let Some(id) = id {
        buf.extend_from_slice(b",\"id\":");
        // A string always serializes.
        let _ = serde_json::to_writer(&mut buf, id);
    }
    buf.push(b',');
    buf
}

/// The `inci_*` summary cells of a CSV row (the error cell empty); `human` and `unknown` are
/// what [`Scanned`] already read off the report.
pub(crate) fn csv_cells(report: &ScanReport, human: bool, unknown: &[String]) -> Vec<String> {
    let level = |k: usize| report.concerns.get(k).map_or("", |c| c.level.as_str());
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
    // Each market's verdict on the human-derived ingredients (`eu:prohibited
    // kr:allowed_with_conditions`), in finding order.
    let verdicts: Vec<String> = report
        .findings
        .iter()
        .filter_map(|f| f.market_verdict.as_ref())
        .map(|v| format!("{}:{}", v.market.as_str(), v.verdict.as_str()))
        .collect();
    vec![
        level(0).to_owned(),
        level(1).to_owned(),
        level(2).to_owned(),
        level(3).to_owned(),
        level(4).to_owned(),
        if human { "yes" } else { "no" }.to_owned(),
        codes.join(" "),
        verdicts.join(" "),
        unknown.join("; "),
        String::new(),
    ]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(format: OutputFormat) -> Layout {
        Layout {
            column: 0,
            id_column: None,
            width: 1,
            format,
            profile: Profile::General,
            product_type: None,
            markets: inci::market::Markets::default(),
            correct: true,
        }
    }

    #[test]
    fn spliced_records_are_what_serde_writes() {
        let labels = [
            "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Parfum",
            "Ingredients: Aqua,, Glycerine, Phenoxyetanol. Directions: apply.",
            "\u{1b}[31m (((",
        ];
        for label in labels {
            let report = scan(label, &layout(OutputFormat::Jsonl));
            let scanned =
                Arc::new(Scanned::new(&report, &layout(OutputFormat::Jsonl)).expect("answer"));
            for id in [None, Some("SKU-1"), Some("a \"quoted\" id, é\u{7}")] {
                let done = Done {
                    bytes: json_head(7, id),
                    tail: Some(Arc::clone(&scanned)),
                    outcome: RowOutcome::Error {
                        row: 7,
                        problem: String::new(),
                    },
                };
                let mut got = Vec::new();
                done.write_to(&mut got).expect("writes");
                let mut want = serde_json::to_vec(&Record {
                    row: 7,
                    id,
                    report: &report,
                })
                .expect("serializes");
                want.push(b'\n');
                assert_eq!(
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&want)
                );
            }
        }
    }

    #[test]
    fn a_repeated_label_is_scanned_once() {
        let memo = Memo::default();
        let layout = layout(OutputFormat::Csv);
        let mut scans = 0;
        for _ in 0..3 {
            let got = memo
                .get_or_scan("Aqua, Glycerin", || {
                    scans += 1;
                    Scanned::new(&scan("Aqua, Glycerin", &layout), &layout)
                })
                .expect("answer");
            assert!(matches!(&got.answer, Answer::Csv(cells) if cells[5] == "no"));
        }
        assert_eq!(scans, 1);
    }
}
