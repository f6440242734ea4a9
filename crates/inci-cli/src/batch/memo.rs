//! A per-run memo of whole labels: catalogs repeat (one product in several sizes and shades,
//! the same formula under several brands), so a label seen before costs a lookup instead of a
//! scan. What is kept is what the output needs: the report's JSON (JSON Lines) or its summary
//! columns (CSV), and what the summary counts.
//!
//! The memo is bounded: once it holds [`MAX_MEMO_BYTES`] of labels and answers, new labels are
//! scanned and not kept, so memory stays flat on a catalog where nothing repeats; and after
//! 1,024 lookups with fewer than one hit in 50 it empties itself and keeps nothing more (the
//! lists do not repeat: storing them would only cost memory). Records are
//! byte-identical with and without it (`inci batch --no-memo` turns it off; the tests and
//! `benches/batch.sh` compare both).

use super::Per;
use super::output::{Layout, OutputFormat};
use inci::risk::Category;
use inci::scan::ScanReport;
use inci_json as compact_json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Most bytes of labels and answers kept (answers dominate: a report's JSON is about 16 times
/// its label).
pub const MAX_MEMO_BYTES: usize = 32 << 20;

/// What a scanned label gives every row that prints it.
#[derive(Debug)]
pub(crate) struct Scanned {
    /// The report as one JSON object (JSON Lines), or the summary cells (CSV).
    pub answer: Answer,
    /// The label's summary (`inci::summary`): whether a human-derived ingredient is in it,
    /// its vegan verdicts, whether a list was read, each market's verdict.
    pub summary: inci::summary::Summary,
    /// The code, category and concern of each finding.
    pub findings: Vec<(&'static str, Category, inci::risk::Concern)>,
    /// Unknown names as printed.
    pub unknown: Vec<String>,
}

/// A record's expected size in bytes: about 1,300 bytes, 330 an ingredient and 490 a finding
/// (a least-squares fit over a 2 MB catalog of distinct lists, where 99 % of records are within
/// a third of it), with about a fifth more, so that nearly every record is written into one
/// allocation it never outgrows.
fn expected_record_size(report: &ScanReport) -> usize {
    1_400 + 400 * report.ingredients.len() + 600 * report.findings.len()
}

/// The output part of a scanned label.
#[derive(Debug)]
pub(crate) enum Answer {
    /// `{"summary":{...},"ingredients":...}`: the record is this object with `row` and `id`
    /// put in front.
    Json(Vec<u8>),
    /// The `inci_*` cells of a CSV row.
    Csv(Vec<String>),
    /// `--per ingredient`: the end of each ingredient's record (a JSON object's fields after
    /// the row's head, closing brace and line end included, or the CSV cells after the row's
    /// own, line end included). Empty when nothing was read: the row's head is then a whole
    /// record.
    Ingredients(Vec<Vec<u8>>),
}

impl Scanned {
    /// Builds the answer of `report` for `layout`'s format.
    pub fn new(report: &ScanReport, layout: &Layout) -> Result<Scanned, String> {
        Scanned::build(report, layout, None)
    }

    /// The answer of `report`, read from a photo or a PDF whose evidence is `reading`: the
    /// JSON gets its `ocr` object, CSV its source and the items to check.
    pub fn with_reading(
        report: &ScanReport,
        layout: &Layout,
        reading: &inci_ocr::Reading<'_>,
    ) -> Result<Scanned, String> {
        Scanned::build(report, layout, Some(reading))
    }

    fn build(
        report: &ScanReport,
        layout: &Layout,
        reading: Option<&inci_ocr::Reading<'_>>,
    ) -> Result<Scanned, String> {
        let unknown: Vec<String> = report
            .ingredients
            .iter()
            .filter(|i| i.name.is_none())
            .map(|i| i.raw.trim().to_owned())
            .collect();
        let summary = inci::summary::Summary::of(report);
        let json_error =
            |e: compact_json::Error| format!("the report could not be written as JSON: {e}");
        let answer = match (layout.per, layout.format) {
            (Per::Product, OutputFormat::Jsonl) => {
                // `{"summary":{...},` then the report's fields, written where the record will
                // stay, then cut to its size in place: records wait in memory until their
                // chunk is written. (Written in a reused buffer and copied out, the copy was
                // 44 M instructions, 3 %, of a 2 MB catalog's first scan; a reused buffer
                // handed on and shrunk left holes of its largest size, 350 MB at peak.)
                let mut bytes = Vec::with_capacity(expected_record_size(report));
                bytes.extend_from_slice(b"{\"summary\":");
                compact_json::write_summary(&mut bytes, &summary).map_err(json_error)?;
                bytes.push(b',');
                match reading {
                    // The report's fields continue the object opened above; with a
                    // reading, the generic writer's object loses its `{`.
                    Some(ocr) => {
                        let body = bytes.len();
                        compact_json::write(
                            &mut bytes,
                            &crate::render::json::WithReading { report, ocr },
                        )
                        .map_err(json_error)?;
                        if bytes.get(body) == Some(&b'{') {
                            bytes.remove(body);
                        }
                    }
                    None => {
                        compact_json::write_report_fields(&mut bytes, report).map_err(json_error)?
                    }
                }
                bytes.shrink_to_fit();
                Answer::Json(bytes)
            }
            (Per::Product, OutputFormat::Csv) => {
                let mut cells = summary.cells();
                if layout.files.is_some() {
                    let (source, check) = match reading {
                        Some(r) => (r.source.clone(), to_check(report, r)),
                        None => ("text".to_owned(), String::new()),
                    };
                    cells.push(source);
                    cells.push(check);
                }
                Answer::Csv(cells)
            }
            (Per::Ingredient, format) => Answer::Ingredients(
                inci::summary::IngredientRow::of(report)
                    .iter()
                    .map(|r| super::output::ingredient_tail(r, format))
                    .collect::<Result<_, _>>()?,
            ),
        };
        Ok(Scanned {
            answer,
            summary,
            findings: report
                .findings
                .iter()
                .map(|f| (f.code, f.category, f.concern))
                .collect(),
            unknown,
        })
    }

    fn size(&self, label: &str) -> usize {
        let answer = match &self.answer {
            Answer::Json(j) => j.len(),
            Answer::Csv(cells) => cells.iter().map(String::len).sum(),
            Answer::Ingredients(rows) => rows.iter().map(Vec::len).sum(),
        };
        label.len() + answer + self.unknown.iter().map(String::len).sum::<usize>() + 128
    }
}

/// The items of `report` to check against the pack: `#5 Partum (PARFUM, 42); #9 ...`.
fn to_check(report: &ScanReport, reading: &inci_ocr::Reading<'_>) -> String {
    reading
        .items
        .iter()
        .filter(|i| i.evidence.check)
        .filter_map(|i| {
            let ing = report.ingredients.get(i.ingredient)?;
            Some(format!(
                "#{} {} ({}, {:.0})",
                i.ingredient + 1,
                ing.raw.trim(),
                ing.name.unwrap_or("unknown"),
                i.evidence.confidence.unwrap_or(0.0)
            ))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The memo shared by the workers of one run.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    // std's randomly keyed SipHash: a crafted catalog cannot make labels collide.
    map: HashMap<Box<str>, Arc<Scanned>>,
    bytes: usize,
    /// Lookups and hits so far, to give up on a catalog whose lists do not repeat.
    lookups: u64,
    hits: u64,
    /// Set once the hit rate has shown the memo does not pay: nothing more is kept.
    closed: bool,
}

/// Lookups after which the memo judges whether it pays.
const TRIAL: u64 = 1024;

/// The least share of hits (1 in this many lookups) that keeps the memo open after the trial:
/// below it, storing every answer costs memory and copying for nothing (on a catalog of lists
/// that never repeat the memo filled its 32 MiB and peak RSS rose from 102 to 132 MB).
const MIN_HIT_RATE: u64 = 50;

impl Memo {
    /// The answer for `label`: from the memo, or computed by `scan` (outside the lock) and
    /// kept while the memo has room.
    pub fn get_or_scan(
        &self,
        label: &str,
        scan: impl FnOnce() -> Result<Scanned, String>,
    ) -> Result<Arc<Scanned>, String> {
        {
            let mut inner = self.lock();
            inner.lookups += 1;
            if let Some(hit) = inner.map.get(label).map(Arc::clone) {
                inner.hits += 1;
                return Ok(hit);
            }
            if inner.lookups == TRIAL && inner.hits * MIN_HIT_RATE < inner.lookups {
                // The lists do not repeat: free what is kept and keep nothing more.
                inner.closed = true;
                inner.map = HashMap::new();
                inner.bytes = 0;
            }
        }
        let scanned = Arc::new(scan()?);
        let size = scanned.size(label);
        let mut inner = self.lock();
        if !inner.closed && inner.bytes + size <= MAX_MEMO_BYTES && !inner.map.contains_key(label) {
            inner.bytes += size;
            inner.map.insert(label.into(), Arc::clone(&scanned));
        }
        Ok(scanned)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A worker that panicked mid-insert leaves a consistent map (insert is one call).
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned() -> Result<Scanned, String> {
        Ok(Scanned {
            answer: Answer::Csv(Vec::new()),
            summary: inci::summary::Summary::of(&inci::scan("Aqua")),
            findings: Vec::new(),
            unknown: Vec::new(),
        })
    }

    #[test]
    fn a_memo_that_does_not_pay_closes_and_one_that_does_stays() {
        let distinct = Memo::default();
        for k in 0..TRIAL + 10 {
            distinct
                .get_or_scan(&format!("label {k}"), scanned)
                .expect("scanned");
        }
        let inner = distinct.lock();
        assert!(inner.closed && inner.map.is_empty() && inner.bytes == 0);
        drop(inner);
        // Closed, it still answers (by scanning), and keeps nothing.
        distinct.get_or_scan("label 1", scanned).expect("scanned");
        assert!(distinct.lock().map.is_empty());

        let repeating = Memo::default();
        for k in 0..TRIAL + 10 {
            repeating
                .get_or_scan(&format!("label {}", k % 100), scanned)
                .expect("scanned");
        }
        let inner = repeating.lock();
        assert!(!inner.closed && inner.map.len() == 100 && inner.hits > 900);
    }
}
