//! Batch scanning of CSV catalogs: streaming, parallel, in input order, nothing lost.
//!
//! [`run`] reads the catalog in chunks of rows ([`CHUNK_ROWS`] rows or [`CHUNK_BYTES`]
//! bytes, whichever comes first), scans each chunk in parallel
//! with rayon (each worker formats its rows into its own buffer), then writes the buffers in
//! input order before reading on, so memory stays bounded by one chunk whatever the input
//! size. Every data row yields exactly one output record: a row that cannot be scanned
//! (ragged, invalid UTF-8, empty cell, cell over [`MAX_CELL`]) yields an error record naming
//! the row and the problem, and [`Summary`] counts it. `--strict` turns the first bad row into
//! a fatal [`BatchError`].

mod delimiter;
mod input;
pub mod memo;
mod output;
mod records;
mod summary;

pub use delimiter::Delimiter;
pub use input::open as open_input;
pub use output::OutputFormat;
pub use summary::Summary;

use inci::risk::Profile;
use rayon::prelude::*;
use std::fmt;
use std::io::{BufRead, Read, Write};

/// Rows scanned per parallel chunk: large enough to keep both cores busy, small enough that a
/// chunk of long lists stays a few megabytes.
pub const CHUNK_ROWS: usize = 2048;

/// What one output record stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Per {
    /// One record per input row.
    #[default]
    Product,
    /// One record per ingredient of each row (a row with nothing read gives one record with
    /// its status or error).
    Ingredient,
}

/// Bytes of input read per parallel chunk at most (the chunk closes at the row that passes
/// it): a catalog of long cells fills a chunk in a few rows, so memory in flight is bounded by
/// bytes as well as rows (300 rows of 0.9 MB cells took 6.8 GB when only rows bounded it).
/// A JSON Lines record is about 20 times its list, so a chunk's records are about 5 MB until
/// written. Smaller chunks are also faster: the records are written while they are still in
/// the cache. On the 105 MB catalog of distinct lists, with glibc's allocator, 256 KB chunks
/// ran in 2.81-3.03 s with a peak of 65 MB, against 3.18-3.29 s and 86-88 MB at 1 MB (at 2 MB,
/// the peak was 96-98 MB); with mimalloc (`main.rs`), 64 KB and 128 KB chunks ran no faster
/// than 256 KB, which peak at 76-79 MB.
pub const CHUNK_BYTES: usize = 1 << 18;

/// Longest ingredient cell accepted (bytes); longer cells are error records.
pub const MAX_CELL: usize = 1 << 20;

/// What a batch run needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// Header of the column holding the ingredient list.
    pub column: String,
    /// Headers of columns to carry into each record (`id` for one, `ids` for several).
    pub id_columns: Vec<String>,
    /// One record per product or per ingredient.
    pub per: Per,
    /// Output format.
    pub format: OutputFormat,
    /// Stop at the first bad row.
    pub strict: bool,
    /// Profile for the concern levels.
    pub profile: Profile,
    /// Product type for the annex limits, when known.
    pub product_type: Option<inci::risk::ProductType>,
    /// The markets whose rules apply.
    pub markets: inci::market::Markets,
    /// Read misspellings as the one name they can be (see `Scanner::corrections`).
    pub correct: bool,
    /// Field separator; `None` detects it from the header line ([`Delimiter::detect`]).
    pub delimiter: Option<Delimiter>,
    /// Remember each label's answer so that a repeated label is not scanned again (see
    /// [`memo`]); the records are the same either way.
    pub memo: bool,
    /// Worker threads that scan rows; `None` for one per core (rayon's global pool).
    pub threads: Option<usize>,
    /// `--paths`: the column holds file names (text, photos, PDFs), read relative to `base`.
    pub files: Option<Files>,
    /// Set from elsewhere (a Ctrl-C handler) to stop: the run stops between records, flushes
    /// what it wrote, and returns [`BatchError::Interrupted`], so no record is cut in half.
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// How `--paths` reads the file a cell names.
#[derive(Debug, Clone)]
pub struct Files {
    /// Relative names are read from here (the catalog's folder).
    pub base: std::path::PathBuf,
    /// How photos and PDFs are recognized.
    pub ocr: inci_ocr::Options,
    /// Largest file read, in bytes.
    pub max: u64,
}

impl Files {
    /// The label in the file `cell` names: text, or a photo or PDF recognized.
    pub fn read(&self, cell: &str) -> Result<crate::cli::input::Label, String> {
        let name = cell.trim();
        let path = self.base.join(name);
        crate::cli::input::Source::File(path.clone())
            .read_label(self.max, Some(&self.ocr))
            .map_err(|e| {
                let why = std::error::Error::source(&e)
                    .map(|s| format!(": {s}"))
                    .unwrap_or_default();
                format!("{e}{why}")
            })
    }
}

/// Why a batch run stopped.
#[derive(Debug)]
pub enum BatchError {
    /// The catalog has no such column.
    MissingColumn {
        /// The column asked for.
        column: String,
        /// The columns the header has.
        available: Vec<String>,
    },
    /// The header row could not be read.
    Header(String),
    /// `--strict` and a bad row.
    BadRow {
        /// 1-based data row number.
        row: u64,
        /// What is wrong.
        problem: String,
    },
    /// The catalog could not be read to its end (a truncated or corrupt gzip stream): the
    /// rows after `rows_read` are missing.
    Input {
        /// Data rows read (and written) before the failure.
        rows_read: u64,
        /// What the reader said.
        problem: String,
    },
    /// [`Options::cancel`] was set: the records written before it are complete.
    Interrupted {
        /// Data rows whose records were written.
        rows_written: u64,
    },
    /// Reading or writing failed.
    Io(std::io::Error),
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::MissingColumn { column, available } => {
                // Header names come from the file: shown safe, and a long header cut short.
                let shown = crate::render::safe_cut(&available.join(", "), 400);
                write!(
                    f,
                    "no column named {:?}; the header has: {shown}",
                    crate::render::safe_cut(column, 200)
                )
            }
            BatchError::Header(e) => write!(f, "cannot read the header row: {e}"),
            BatchError::BadRow { row, problem } => {
                write!(f, "row {row}: {problem} (--strict stops here)")
            }
            BatchError::Input { rows_read, problem } => write!(
                f,
                "the catalog could not be read past data row {rows_read}: {problem}; any rows after it are missing"
            ),
            BatchError::Interrupted { rows_written } => write!(
                f,
                "interrupted after {rows_written} rows; every record written before it is complete"
            ),
            BatchError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for BatchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BatchError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for BatchError {
    fn from(e: std::io::Error) -> Self {
        BatchError::Io(e)
    }
}

/// One data row as read: its number and its cells, or what went wrong reading it.
struct RawRow {
    row: u64,
    fields: Result<csv::ByteRecord, String>,
}

/// Turns the file's last record into an error when a quote opened in it was never closed: the
/// CSV reader then took every line after it, up to the end of the file, into one field, so
/// other products' ingredients would be reported under this row. The error names the lines.
fn unterminated_quote(last: &mut RawRow, end_line: u64) {
    let Ok(rec) = &last.fields else {
        return;
    };
    let Some(start) = rec.position().map(csv::Position::line) else {
        return;
    };
    // A quote opened on the file's last line took in no other row: nothing to warn of.
    if end_line <= start + 1 {
        return;
    }
    last.fields = Err(format!(
        "unterminated quote: a quote opened in this row (line {start}) is never closed, so \
         every line from {} to the end of the file was read into it, holding what may be other \
         rows; close the quote",
        start + 1
    ));
}

/// The outcome of one row, formatted, with what the summary needs.
struct Done {
    /// The record, or its start when `tail` holds the rest.
    bytes: Vec<u8>,
    /// A memo answer whose report JSON (after its opening brace) ends the record: written
    /// from where it lies instead of copied into `bytes` first.
    tail: Option<std::sync::Arc<memo::Scanned>>,
    outcome: summary::RowOutcome,
}

impl Done {
    /// Queues the record's parts in `pending`, in order, where they lie: the row's head, then
    /// the memo answer's report or ingredient records.
    fn queue<'a>(&'a self, pending: &mut Pending<'a>, out: &mut dyn Write) -> std::io::Result<()> {
        pending.push(&self.bytes, out)?;
        if let Some(memo::Answer::Json(report)) = self.tail.as_ref().map(|t| &t.answer) {
            pending.push(report.get(1..).unwrap_or_default(), out)?;
            pending.push(b"\n", out)?;
        }
        if let Some(memo::Answer::Ingredients(rows)) = self.tail.as_ref().map(|t| &t.answer) {
            // `bytes` is the row's own head (`{"row":7,"id":"SKU",` or `7,SKU,`), repeated in
            // front of each ingredient; a row with no ingredient wrote its record in `bytes`.
            for (k, row) in rows.iter().enumerate() {
                if k > 0 {
                    pending.push(&self.bytes, out)?;
                }
                pending.push(row, out)?;
            }
        }
        Ok(())
    }
}

/// Bytes of records gathered before they are written with one `writev`: a dozen JSON Lines
/// records a call, from where they lie. (Copied into a 64 KB `BufWriter` first, as they were,
/// the copy was 2.6 % of a first scan: a record is about 20 times its list.)
const PENDING_BYTES: usize = 1 << 18;

/// Most parts in one batch (Linux's `IOV_MAX` is 1,024).
const PENDING_PARTS: usize = 1_000;

/// Records of a chunk waiting to be written together, as the parts they lie in.
#[derive(Default)]
struct Pending<'a> {
    parts: Vec<std::io::IoSlice<'a>>,
    bytes: usize,
}

impl<'a> Pending<'a> {
    /// Queues `part`, writing the batch once it is large.
    fn push(&mut self, part: &'a [u8], out: &mut dyn Write) -> std::io::Result<()> {
        if part.is_empty() {
            return Ok(());
        }
        self.parts.push(std::io::IoSlice::new(part));
        self.bytes += part.len();
        if self.bytes >= PENDING_BYTES || self.parts.len() >= PENDING_PARTS {
            self.write(out)?;
        }
        Ok(())
    }

    /// Writes every queued part, in order, however many calls the writer takes.
    fn write(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut parts = &mut self.parts[..];
        while !parts.is_empty() {
            match out.write_vectored(parts) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(n) => std::io::IoSlice::advance_slices(&mut parts, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.parts.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// Scans a CSV catalog from `input` to `out`. `progress` is told the bytes read and rows done.
///
/// Records are gathered into batches of about 256 KB and each batch is written with one
/// `write_vectored` call, so `out` needs no buffer of its own.
pub fn run(
    input: Box<dyn Read + Send>,
    out: &mut dyn Write,
    options: &Options,
    progress: &dyn Fn(u64, u64),
) -> Result<Summary, BatchError> {
    let counter = input::CountingReader::new(input);
    let bytes_read = counter.count();
    let mut buffered = std::io::BufReader::with_capacity(1 << 16, counter);
    let delimiter = match options.delimiter {
        Some(d) => d,
        None => {
            let head = buffered.fill_buf().map_err(|e| BatchError::Input {
                rows_read: 0,
                problem: e.to_string(),
            })?;
            Delimiter::detect(head)
        }
    };
    let mut rdr = records::Records::new(buffered, delimiter.byte());
    let mut headers = csv::ByteRecord::new();
    rdr.read(&mut headers)
        .map_err(|e| BatchError::Header(e.to_string()))?;
    rdr.get_mut().get_mut().record_done();
    let names: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = String::from_utf8_lossy(h).into_owned();
            if i == 0 {
                h.trim_start_matches('\u{feff}').to_owned()
            } else {
                h
            }
        })
        .collect();
    let find = |name: &str| names.iter().position(|h| h == name);
    let column = find(&options.column).ok_or_else(|| BatchError::MissingColumn {
        column: options.column.clone(),
        available: names.clone(),
    })?;
    let id_columns = options
        .id_columns
        .iter()
        .map(|c| {
            find(c)
                .map(|i| (c.clone(), i))
                .ok_or_else(|| BatchError::MissingColumn {
                    column: c.clone(),
                    available: names.clone(),
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let layout = output::Layout {
        column,
        id_columns,
        per: options.per,
        width: names.len(),
        format: options.format,
        profile: options.profile,
        product_type: options.product_type,
        markets: options.markets,
        correct: options.correct,
        files: options.files.clone(),
    };
    output::write_header(out, &layout, &names)?;

    let memo = options.memo.then(memo::Memo::default);
    let pool = options
        .threads
        .map(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build())
        .transpose()
        .map_err(|e| BatchError::Input {
            rows_read: 0,
            problem: format!("cannot start the worker threads: {e}"),
        })?;
    let mut summary = Summary::default();
    let cancelled = || {
        options
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    };
    // Reading and splitting the CSV runs on its own thread, a chunk or two ahead of the
    // scanning and writing (which the memo makes cheap for repeated lists): the two overlap.
    let (chunks, ready) = std::sync::mpsc::sync_channel::<Vec<RawRow>>(2);
    let read = std::thread::scope(|scope| -> Result<ReadEnd, BatchError> {
        let reader = scope.spawn(move || read_chunks(rdr, &chunks));
        for chunk in ready {
            let work = || -> Vec<Done> {
                chunk
                    .par_iter()
                    .map(|raw| output::process(raw.row, &raw.fields, &layout, memo.as_ref()))
                    .collect()
            };
            let results = match &pool {
                Some(pool) => pool.install(work),
                None => work(),
            };
            let mut pending = Pending::default();
            for d in &results {
                if cancelled() {
                    pending.write(out)?;
                    out.flush()?;
                    return Err(BatchError::Interrupted {
                        rows_written: summary.rows,
                    });
                }
                if options.strict
                    && let summary::RowOutcome::Error { row, problem } = &d.outcome
                {
                    pending.write(out)?;
                    return Err(BatchError::BadRow {
                        row: *row,
                        problem: problem.clone(),
                    });
                }
                d.queue(&mut pending, out)?;
                summary.add(&d.outcome);
            }
            pending.write(out)?;
            progress(bytes_read.get(), summary.rows);
        }
        reader.join().map_err(|_| BatchError::Input {
            rows_read: summary.rows,
            problem: "the reading thread stopped unexpectedly".to_owned(),
        })
    })?;
    out.flush()?;
    if let Some(problem) = read.fatal {
        return Err(BatchError::Input {
            rows_read: read.rows,
            problem,
        });
    }
    summary.bytes = bytes_read.get();
    summary.settle();
    Ok(summary)
}

/// How reading ended: rows read, and the input error that cut it short, if any.
struct ReadEnd {
    rows: u64,
    fatal: Option<String>,
}

/// Most bytes a new record is sized for ahead of reading.
const RECORD_GUESS_BYTES: usize = 2048;

/// An empty record sized as the one before it (capped at [`RECORD_GUESS_BYTES`] bytes and the
/// fields of 64): rows of a catalog are alike, and a record grown from nothing as it is read
/// was reallocated about nine times a row. The cap bounds what a row smaller than its
/// predecessor leaves unused to 2 KB, so memory stays linear in the input.
fn record_like(before: Option<&RawRow>) -> csv::ByteRecord {
    match before.and_then(|r| r.fields.as_ref().ok()) {
        Some(r) => csv::ByteRecord::with_capacity(
            r.as_slice().len().min(RECORD_GUESS_BYTES),
            r.len().min(64),
        ),
        None => csv::ByteRecord::new(),
    }
}

/// Reads records into chunks of at most [`CHUNK_ROWS`] rows or [`CHUNK_BYTES`] bytes and sends
/// them on; stops early when the receiver is gone (the run stopped).
fn read_chunks<R: Read>(
    mut rdr: records::Records<std::io::BufReader<input::CountingReader<R>>>,
    chunks: &std::sync::mpsc::SyncSender<Vec<RawRow>>,
) -> ReadEnd {
    let mut row: u64 = 0;
    let mut done = false;
    let mut fatal: Option<String> = None;
    // A record read when the chunk was already full, carried to the next chunk: reading one
    // ahead means the end of the file is seen while the last record is still in hand.
    let mut ahead: Option<csv::ByteRecord> = None;
    while !done {
        let mut chunk: Vec<RawRow> = Vec::with_capacity(CHUNK_ROWS);
        let mut bytes = 0;
        if let Some(rec) = ahead.take() {
            row += 1;
            bytes += rec.as_slice().len();
            chunk.push(RawRow {
                row,
                fields: Ok(rec),
            });
        }
        loop {
            let full = chunk.len() >= CHUNK_ROWS || bytes >= CHUNK_BYTES;
            let mut rec = record_like(chunk.last());
            let read = rdr.read(&mut rec);
            rdr.get_mut().get_mut().record_done();
            match read {
                Ok(true) if full => {
                    ahead = Some(rec);
                    break;
                }
                Ok(true) => {
                    row += 1;
                    bytes += rec.as_slice().len();
                    chunk.push(RawRow {
                        row,
                        fields: Ok(rec),
                    });
                }
                Ok(false) => {
                    let end_line = rdr.position().line();
                    if rdr.unclosed_quote()
                        && let Some(last) = chunk.last_mut()
                    {
                        unterminated_quote(last, end_line);
                    }
                    done = true;
                    break;
                }
                // The input itself failed (a truncated or corrupt gzip stream, a read error):
                // no row to report, and every row after this point is missing. The rows read
                // so far are written, then the run fails. (Records of any length, as bytes:
                // nothing else stops the reader.)
                Err(e) => {
                    fatal = Some(e.to_string());
                    done = true;
                    break;
                }
            }
        }
        if chunk.is_empty() && done {
            break;
        }
        if chunks.send(chunk).is_err() {
            break;
        }
    }
    ReadEnd { rows: row, fatal }
}

#[cfg(test)]
mod tests {
    use super::{PENDING_BYTES, Pending};
    use std::io::{self, IoSlice, Write};

    /// Takes at most five bytes a call, from at most two parts, and is interrupted every
    /// third call: as a pipe or a signal may.
    struct Stingy {
        got: Vec<u8>,
        calls: usize,
    }

    impl Write for Stingy {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.write_vectored(&[IoSlice::new(buf)])
        }

        fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls % 3 == 0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let mut n = 0;
            for b in bufs.iter().take(2) {
                let take = b.len().min(5 - n);
                self.got.extend_from_slice(&b[..take]);
                n += take;
                if n == 5 {
                    break;
                }
            }
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn pending_parts_are_written_whole_and_in_order() {
        let parts: Vec<Vec<u8>> = (0..300u32)
            .map(|i| format!("{i}:{}|", "x".repeat(i as usize % 17)).into_bytes())
            .collect();
        let mut out = Stingy {
            got: Vec::new(),
            calls: 0,
        };
        let mut pending = Pending::default();
        for p in &parts {
            pending.push(p, &mut out).expect("queues");
            pending.push(b"", &mut out).expect("skips empty parts");
        }
        pending.write(&mut out).expect("writes");
        assert_eq!(out.got, parts.concat());
        assert!(pending.parts.is_empty() && pending.bytes == 0);
    }

    #[test]
    fn a_large_batch_is_written_before_the_chunk_ends() {
        let big = vec![b'a'; PENDING_BYTES];
        let mut out = Vec::new();
        let mut pending = Pending::default();
        pending.push(b"head", &mut out).expect("queues");
        assert!(out.is_empty());
        pending.push(&big, &mut out).expect("writes");
        assert_eq!(out.len(), 4 + PENDING_BYTES);
        assert!(pending.parts.is_empty());
    }

    #[test]
    fn a_writer_that_takes_nothing_is_an_error() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Ok(0)
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut pending = Pending::default();
        pending.push(b"record", &mut Full).expect("queues");
        let err = pending.write(&mut Full).expect_err("cannot write");
        assert_eq!(err.kind(), io::ErrorKind::WriteZero);
    }
}
