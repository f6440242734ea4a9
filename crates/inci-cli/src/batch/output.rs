//! One output record per input row, as JSON Lines or CSV.

use super::memo::{Answer, Memo, Scanned};
use super::summary::RowOutcome;
use super::{Done, MAX_CELL, Per};
use inci::risk::Profile;
use inci::scan::ScanReport;
use inci::summary::{COLUMNS, INGREDIENT_COLUMNS, IngredientRow, Summary};
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
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub column: usize,
    /// The id columns: header and index.
    pub id_columns: Vec<(String, usize)>,
    pub per: Per,
    pub width: usize,
    pub format: OutputFormat,
    pub profile: Profile,
    pub product_type: Option<inci::risk::ProductType>,
    pub markets: inci::market::Markets,
    pub correct: bool,
    /// `--paths`: the cells name files (text, photos, PDFs) to read.
    pub files: Option<super::Files>,
}

/// Columns added to a CSV catalog's header with `--paths`: what each file was (`text`, `PNG
/// image`, `PDF`) and its items read with low confidence.
pub(crate) const FILE_COLUMNS: [&str; 2] = ["inci_source", "inci_to_check"];

/// A JSON Lines record as serde writes it; [`process`] splices the same bytes.
#[cfg(test)]
#[derive(Serialize)]
struct Record<'a> {
    row: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    summary: Summary,
    #[serde(flatten)]
    report: &'a ScanReport,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    row: u64,
    #[serde(flatten)]
    ids: Ids<'a>,
    error: &'a str,
    summary: Summary,
    /// A ragged row's fields past the header's width, which have no column to go in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extra_fields: Vec<String>,
}

/// A row's ids as JSON: `"id":"..."` for one id column, `"ids":{"SKU":"...",...}` for
/// several, nothing for none.
#[derive(Serialize)]
struct Ids<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_map")]
    ids: Option<Vec<(&'a str, &'a str)>>,
}

/// Pairs as a JSON object, in column order.
fn as_map<S: serde::Serializer>(
    pairs: &Option<Vec<(&str, &str)>>,
    ser: S,
) -> Result<S::Ok, S::Error> {
    ser.collect_map(pairs.iter().flatten().map(|(k, v)| (*k, *v)))
}

impl<'a> Ids<'a> {
    fn new(values: &'a [(&'a str, String)]) -> Ids<'a> {
        match values {
            [] => Ids {
                id: None,
                ids: None,
            },
            [(_, one)] => Ids {
                id: Some(one),
                ids: None,
            },
            many => Ids {
                id: None,
                ids: Some(many.iter().map(|(k, v)| (*k, v.as_str())).collect()),
            },
        }
    }
}

pub(crate) fn write_header(
    out: &mut dyn Write,
    layout: &Layout,
    names: &[String],
) -> io::Result<()> {
    if layout.format == OutputFormat::Csv {
        let mut w = csv::Writer::from_writer(out);
        let header: Vec<&str> = match layout.per {
            Per::Product => names
                .iter()
                .map(String::as_str)
                .chain(COLUMNS.iter().copied())
                .chain(
                    FILE_COLUMNS
                        .iter()
                        .copied()
                        .filter(|_| layout.files.is_some()),
                )
                .collect(),
            Per::Ingredient => ["row"]
                .into_iter()
                .chain(layout.id_columns.iter().map(|(h, _)| h.as_str()))
                .chain(["inci_status"])
                .chain(INGREDIENT_COLUMNS.iter().copied())
                .chain(["inci_error"])
                .collect(),
        };
        w.write_record(&header)?;
        w.flush()?;
    }
    Ok(())
}

/// The end of one ingredient's `--per ingredient` record, after the row's head: a JSON
/// object's fields and closing brace, or the CSV cells; line end included.
pub(crate) fn ingredient_tail(
    row: &IngredientRow,
    format: OutputFormat,
) -> Result<Vec<u8>, String> {
    match format {
        OutputFormat::Jsonl => {
            let mut bytes = serde_json::to_vec(row)
                .map_err(|e| format!("the ingredient could not be written as JSON: {e}"))?;
            bytes.remove(0);
            bytes.push(b'\n');
            Ok(bytes)
        }
        OutputFormat::Csv => {
            let mut cells = row.cells();
            cells.push(String::new());
            Ok(csv_line(cells.iter().map(String::as_bytes)))
        }
    }
}

/// Scans one row (or finds its label in `memo`) and formats its record.
pub(crate) fn process(
    row: u64,
    fields: &Result<csv::ByteRecord, String>,
    layout: &Layout,
    memo: Option<&Memo>,
) -> Done {
    let ids: Vec<(&str, String)> = layout
        .id_columns
        .iter()
        .map(|(name, c)| {
            let value = fields
                .as_ref()
                .ok()
                .and_then(|f| f.get(*c))
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            (name.as_str(), value.into_owned())
        })
        .collect();
    let scanned = cell_text(fields, layout).and_then(|cell| {
        // `--paths`: the cell names a file, read here; a photo or PDF's evidence goes into its
        // record, so it is not memoised.
        let label = layout.files.as_ref().map(|f| f.read(cell)).transpose()?;
        if let Some(document) = label.as_ref().and_then(|l| l.document()) {
            let report = scan(&document.text, layout);
            let reading = inci_ocr::Reading::new(document, &report);
            return Scanned::with_reading(&report, layout, &reading).map(Arc::new);
        }
        let text = label.as_ref().map_or(cell, |l| l.text());
        let scan = || Scanned::new(&scan(text, layout), layout);
        match memo {
            Some(memo) => memo.get_or_scan(text, scan),
            None => scan().map(Arc::new),
        }
    });
    match scanned {
        Ok(scanned) => {
            let (bytes, tail) = match &scanned.answer {
                Answer::Json(_) => (json_head(row, &ids), Some(Arc::clone(&scanned))),
                Answer::Csv(cells) => (csv_row(fields, cells, layout.width), None),
                Answer::Ingredients(rows) if rows.is_empty() => (
                    ingredient_record(row, &ids, "no_list", "", layout.format),
                    None,
                ),
                Answer::Ingredients(_) => (
                    ingredient_head(row, &ids, "ok", layout.format),
                    Some(Arc::clone(&scanned)),
                ),
            };
            let id: Vec<&str> = ids.iter().map(|(_, v)| v.as_str()).collect();
            Done {
                bytes,
                tail,
                outcome: RowOutcome::scanned(row, id.join("; "), &scanned),
            }
        }
        Err(problem) => Done {
            bytes: format_error(row, &ids, fields, &problem, layout),
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
fn json_head(row: u64, ids: &[(&str, String)]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(64);
    buf.extend_from_slice(b"{\"row\":");
    // Written by the compact writer into the record's buffer, as `serde_json` writes them
    // (through `to_string` and `serde_json::to_vec`, about 700 instructions a row). A number
    // and strings only: writing cannot fail.
    let _ = inci_json::write(&mut buf, &row);
    let fields = buf.len();
    let _ = inci_json::write(&mut buf, &Ids::new(ids));
    // `{"id":...}` continues the record: its brace becomes a comma, its closing brace goes.
    if buf.len() > fields + 2 {
        if let Some(brace) = buf.get_mut(fields) {
            *brace = b',';
        }
        buf.pop();
    } else {
        buf.truncate(fields);
    }
    buf.push(b',');
    buf
}

/// The start of each `--per ingredient` record of a row: `{"row":N,"id":"...","inci_status":
/// "ok",` or the CSV cells `N,SKU,ok,`.
fn ingredient_head(
    row: u64,
    ids: &[(&str, String)],
    status: &str,
    format: OutputFormat,
) -> Vec<u8> {
    match format {
        OutputFormat::Jsonl => {
            let mut buf = json_head(row, ids);
            buf.extend_from_slice(b"\"inci_status\":\"");
            buf.extend_from_slice(status.as_bytes());
            buf.extend_from_slice(b"\",");
            buf
        }
        OutputFormat::Csv => {
            let row = row.to_string();
            let cells = std::iter::once(row.as_bytes())
                .chain(ids.iter().map(|(_, v)| v.as_bytes()))
                .chain(std::iter::once(status.as_bytes()));
            let mut line = csv_line(cells);
            // The record goes on: its line end becomes the separator before the next cell.
            while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                line.pop();
            }
            line.push(b',');
            line
        }
    }
}

/// A whole `--per ingredient` record for a row with no ingredient: its status (`no_list` or
/// `error`) and error.
fn ingredient_record(
    row: u64,
    ids: &[(&str, String)],
    status: &str,
    error: &str,
    format: OutputFormat,
) -> Vec<u8> {
    match format {
        OutputFormat::Jsonl => {
            let mut buf = json_head(row, ids);
            buf.extend_from_slice(b"\"inci_status\":\"");
            buf.extend_from_slice(status.as_bytes());
            buf.push(b'"');
            if !error.is_empty() {
                buf.extend_from_slice(b",\"inci_error\":");
                let _ = serde_json::to_writer(&mut buf, error);
            }
            buf.extend_from_slice(b"}\n");
            buf
        }
        OutputFormat::Csv => {
            let row = row.to_string();
            let empty = vec![""; INGREDIENT_COLUMNS.len()];
            let cells = std::iter::once(row.as_str())
                .chain(ids.iter().map(|(_, v)| v.as_str()))
                .chain([status])
                .chain(empty)
                .chain([error]);
            csv_line(cells.map(str::as_bytes))
        }
    }
}

/// One CSV line (line end included) of these cells.
fn csv_line<'c>(cells: impl Iterator<Item = &'c [u8]>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::with_capacity(128));
    let rec: csv::ByteRecord = cells.collect();
    // Writing to a Vec cannot fail; an error here would only drop this line's bytes.
    if w.write_byte_record(&rec).is_err() {
        return Vec::new();
    }
    w.into_inner().unwrap_or_default()
}

fn format_error(
    row: u64,
    ids: &[(&str, String)],
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
    let located = format!("row {row}: {problem}");
    if layout.per == Per::Ingredient {
        let mut error = located;
        if !extra_fields.is_empty() {
            let quoted: Vec<String> = extra_fields.iter().map(|f| format!("{f:?}")).collect();
            error = format!("{error}; fields past the header: {}", quoted.join(", "));
        }
        return ingredient_record(row, ids, "error", &error, layout.format);
    }
    match layout.format {
        OutputFormat::Jsonl => {
            let record = ErrorRecord {
                row,
                ids: Ids::new(ids),
                error: problem,
                summary: Summary::failed(located),
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
            let mut error = located;
            if !extra_fields.is_empty() {
                let quoted: Vec<String> = extra_fields.iter().map(|f| format!("{f:?}")).collect();
                error = format!("{error}; fields past the header: {}", quoted.join(", "));
            }
            let mut cells = Summary::failed(error).cells();
            if layout.files.is_some() {
                cells.extend([String::new(), String::new()]);
            }
            csv_row(fields, &cells, layout.width)
        }
    }
}

/// The original cells (padded or cut to the header's width) followed by `extra`.
fn csv_row(fields: &Result<csv::ByteRecord, String>, extra: &[String], width: usize) -> Vec<u8> {
    let original = (0..width).map(|i| {
        fields
            .as_ref()
            .ok()
            .and_then(|f| f.get(i))
            .unwrap_or_default()
    });
    csv_line(original.chain(extra.iter().map(String::as_bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(format: OutputFormat) -> Layout {
        Layout {
            column: 0,
            id_columns: Vec::new(),
            per: Per::Product,
            width: 1,
            format,
            profile: Profile::General,
            product_type: None,
            markets: inci::market::Markets::default(),
            correct: true,
            files: None,
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
                let ids: Vec<(&str, String)> =
                    id.map(|v| ("SKU", v.to_owned())).into_iter().collect();
                let done = Done {
                    bytes: json_head(7, &ids),
                    tail: Some(Arc::clone(&scanned)),
                    outcome: RowOutcome::Error {
                        row: 7,
                        problem: String::new(),
                    },
                };
                let mut got = Vec::new();
                let mut pending = super::super::Pending::default();
                done.queue(&mut pending, &mut got).expect("queues");
                pending.write(&mut got).expect("writes");
                let mut want = serde_json::to_vec(&Record {
                    row: 7,
                    id,
                    summary: Summary::of(&report),
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
            assert!(
                matches!(&got.answer, Answer::Csv(cells) if cells[5] == "no" && cells[0] == "ok")
            );
        }
        assert_eq!(scans, 1);
    }
}
