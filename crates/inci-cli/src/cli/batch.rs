//! `inci batch`: scan a CSV catalog, one output record per input row.

use super::Outcome;
use super::choices::ProfileArg;
use crate::batch::{self, Options, OutputFormat};
use anyhow::Context;
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Arguments of `inci batch`.
#[derive(Debug, Args)]
#[command(
    after_help = "Every input data row yields exactly one output record, in input order; a bad row (ragged, invalid UTF-8, empty or over-1-MB cell) yields a record with an `error` naming the row.\n\nA summary goes to standard error at the end (or to --summary FILE as JSON; --report FILE adds a page of charts); a progress bar is shown when standard error is a terminal.\n\nExit codes: 0 done (error records included); 2 usage or input error, a missing column, or a bad row with --strict.\n\nExample:\n  inci batch catalog.csv.gz --column Ingredients --id-column SKU --format csv -o scanned.csv"
)]
pub struct BatchArgs {
    /// The catalog: a CSV file, a .csv.gz file, or - for standard input.
    #[arg(value_name = "CATALOG")]
    pub catalog: String,
    /// Header of the column holding the ingredient list.
    #[arg(long, value_name = "NAME")]
    pub column: String,
    /// Header of a column to carry into each record: as `id` when given once, as `ids` (an
    /// object of column and value) when repeated (`--id-column SKU --id-column Brand`). With
    /// `--per ingredient`, each id is a column of every ingredient row.
    #[arg(long, value_name = "NAME")]
    pub id_column: Vec<String>,
    /// One record per product (the report, or the row with the `inci_*` summary columns), or
    /// one per ingredient: its product's row number and ids, position, text as printed, INCI
    /// name, how it matched, role (what it does), origin, CAS number and worst finding.
    #[arg(long, value_enum, default_value_t = batch::Per::Product)]
    pub per: batch::Per,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,
    /// Write here instead of standard output (`-`: standard output, as with no `-o`).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Stop at the first bad row instead of writing an error record.
    #[arg(long)]
    pub strict: bool,
    /// Write the summary as JSON to this file instead of text on standard error.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Also write a picture of the run to this HTML file: one self-contained page (no script,
    /// nothing fetched) with charts of products by vegan verdict, findings by concern and by
    /// code, the commonest unknown names, and the products with a human-derived ingredient.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Weigh the concern levels for this reader (see inci scan --help).
    #[arg(long, value_enum, default_value_t = ProfileArg::General)]
    pub profile: ProfileArg,
    /// The product type of every row, which decides which EU annex limits apply (see inci scan
    /// --help).
    #[arg(long, value_name = "TYPE", value_parser = super::scan::parse_product_type)]
    pub product_type: Option<inci::risk::ProductType>,
    /// Markets whose rules apply to every row (see inci scan --help): one, a comma list
    /// (eu,kr,us) or all. JSON Lines records carry each market's finding and the report's
    /// `markets`; the CSV column `inci_market_verdicts` lists each market's verdict on the
    /// human-derived ingredients (`eu:prohibited kr:allowed_with_conditions`).
    #[arg(long, value_name = "MARKETS", value_parser = super::choices::parse_markets, default_value = "eu")]
    pub market: inci::market::Markets,
    /// Leave misspelt names unknown. By default a misspelling that can only be one CosIng name
    /// (`Citronnellol`, `Dimethicon`; rules in docs/corrections.md) is read as that name,
    /// `matched_via: correction`, and the report says "printed as ..., read as ...".
    #[arg(long)]
    pub no_correct: bool,
    /// Field separator of the catalog (comma, semicolon or tab; `,` `;` also work); detected
    /// from the header line when not given.
    #[arg(long, value_enum, value_name = "SEP")]
    pub delimiter: Option<crate::batch::Delimiter>,
    /// Scan every row, even when its ingredient list was already seen in this run. By default
    /// a repeated list (the same product in several sizes or shades) reuses the answer, which
    /// gives the same records faster; this flag is for checking that.
    #[arg(long)]
    pub no_memo: bool,
    /// Worker threads that scan rows (default: one per core). Reading the CSV runs on a
    /// thread of its own beside them.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,
    /// The column holds file names, not lists: each row's file is read (relative to the
    /// catalog's folder) and told by its bytes: text, a photo of the ingredient panel, or the
    /// artwork as a PDF. JSON Lines records of photos and PDFs get their `ocr` evidence; CSV
    /// gets `inci_source` and `inci_to_check` columns.
    #[arg(long)]
    pub paths: bool,
    /// Languages to read photos and PDFs without text in (see inci scan --help).
    #[arg(long, value_name = "LANGS", value_parser = super::scan::parse_langs, requires = "paths")]
    pub lang: Option<super::scan::Langs>,
}

/// A flag Ctrl-C sets, so a run stops between records (exit 130) instead of dying mid-record.
/// Without a handler (one could not be installed), Ctrl-C ends the process as usual.
fn interrupt_flag() -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let set = flag.clone();
    let _ = ctrlc::set_handler(move || set.store(true, std::sync::atomic::Ordering::Relaxed));
    flag
}

/// Runs `inci batch`.
pub fn run(args: &BatchArgs) -> anyhow::Result<Outcome> {
    // An output that is the catalog (or the other output) would be truncated before it is
    // read: refused, whatever name or link points at it.
    // Standard input redirected from the output file (`inci batch - -o c.csv < c.csv`) is
    // that file too: /dev/stdin names it.
    // `-o -` is standard output, as `-` is standard input: never a file named `-`.
    let output = args.output.as_deref().filter(|o| o.as_os_str() != "-");
    let catalog = if args.catalog == "-" && cfg!(unix) {
        std::path::Path::new("/dev/stdin")
    } else {
        std::path::Path::new(&args.catalog)
    };
    if let Some(o) = output {
        super::files::refuse_same_file(o, &[catalog])?;
    }
    if let Some(s) = &args.summary {
        let mut inputs = vec![catalog];
        inputs.extend(output);
        super::files::refuse_same_file(s, &inputs)?;
        if output == Some(s.as_path()) {
            anyhow::bail!("--summary and --output name the same file: {}", s.display());
        }
    }
    if let Some(r) = &args.report {
        let mut inputs = vec![catalog];
        inputs.extend(output);
        inputs.extend(args.summary.as_deref());
        super::files::refuse_same_file(r, &inputs)?;
        if output == Some(r.as_path()) || args.summary.as_deref() == Some(r.as_path()) {
            anyhow::bail!(
                "--report names the same file as --output or --summary: {}",
                r.display()
            );
        }
    }
    if args.paths && args.per == batch::Per::Ingredient {
        anyhow::bail!(
            "--paths works with --per product: a photo's per-item evidence (confidence, box) is in each JSON Lines record's `ocr`"
        );
    }
    let input = batch::open_input(&args.catalog)?;
    // Written beside the target and moved into place once complete: a failed run leaves an
    // existing file whole.
    let mut file_out = output.map(super::files::AtomicFile::create).transpose()?;
    let mut stdout_out;
    let sink: &mut dyn Write = match &mut file_out {
        Some(f) => f,
        None => {
            stdout_out = std::io::stdout().lock();
            &mut stdout_out
        }
    };
    // Unbuffered: `batch::run` gathers records into large batches and writes each with one
    // `writev`, where a buffer would only copy them once more.
    let out = sink;
    let options = Options {
        column: args.column.clone(),
        id_columns: args.id_column.clone(),
        per: args.per,
        format: args.format,
        strict: args.strict,
        profile: args.profile.into(),
        product_type: args.product_type,
        markets: args.market,
        correct: !args.no_correct,
        delimiter: args.delimiter,
        memo: !args.no_memo,
        threads: args.threads.map(usize::from),
        files: args.paths.then(|| batch::Files {
            base: if args.catalog == "-" {
                std::path::PathBuf::from(".")
            } else {
                catalog
                    .parent()
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or_default()
            },
            ocr: super::scan::ocr_options(args.lang.as_ref(), args.market),
            max: super::input::DEFAULT_MAX_INPUT,
        }),
        cancel: Some(interrupt_flag()),
    };
    // A byte bar when the size is known (a plain file), a spinner otherwise (stdin, .gz).
    let total = (args.catalog != "-" && !args.catalog.ends_with(".gz"))
        .then(|| std::fs::metadata(&args.catalog).ok().map(|m| m.len()))
        .flatten();
    let bar = std::io::stderr().is_terminal().then(|| {
        let (bar, template) = match total {
            Some(t) => (
                indicatif::ProgressBar::new(t),
                "{bar:30} {percent:>3}% {elapsed} {msg}",
            ),
            None => (
                indicatif::ProgressBar::new_spinner(),
                "{spinner} {elapsed} {msg}",
            ),
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let started = std::time::Instant::now();
    let progress = |bytes: u64, rows: u64| {
        if let Some(bar) = &bar {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{rows} rows ({:.0} rows/s), {} read ({}/s)",
                rows as f64 / secs,
                indicatif::HumanBytes(bytes),
                indicatif::HumanBytes((bytes as f64 / secs) as u64)
            ));
            if total.is_some() {
                bar.set_position(bytes);
            } else {
                bar.tick();
            }
        }
    };
    let result = batch::run(input, out, &options, &progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut summary = result.with_context(|| format!("inci batch {}", args.catalog))?;
    out.flush()?;
    if let Some(f) = file_out {
        f.commit()?;
    }
    summary.finish();
    if let Some(p) = &args.report {
        let mut f = super::files::AtomicFile::create(p)?;
        f.write_all(crate::render::report_html::render(&summary, &args.catalog).as_bytes())?;
        f.commit()?;
    }
    match &args.summary {
        Some(p) => {
            let mut f = super::files::AtomicFile::create(p)?;
            serde_json::to_writer_pretty(&mut f, &summary)?;
            f.commit()?;
        }
        None => eprint!("{summary}"),
    }
    Ok(Outcome::Success)
}
