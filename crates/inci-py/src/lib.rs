//! `inci._inci`: the native half of the Python package `inci`.
//!
//! Each function returns the JSON the command line prints (`inci scan --format json`,
//! `inci lint --format json`, `inci explain --format json`) as a string; the pure-Python half
//! (`python/inci/__init__.py`) turns it into plain dicts with `json.loads`, so a dict from
//! Python and a record from `inci batch` are equal by construction. `scan` and `scan_many`
//! build the dicts directly ([`to_python`]), equal to what `json.loads` would give; the tests
//! compare them with the command line's JSON. `scan_many` and `scan_many_json` release the GIL
//! and scan on every core (rayon).

use inci::lint::{Config, LintedFile};
use inci::scan::Scanner;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use rayon::prelude::*;

mod to_python;

/// mimalloc, as in the `inci` binary (where its reasons are): `scan_many_json` on a 10.5 MB
/// catalog of distinct lists took 597-626 ms against 695-703 ms with glibc's allocator, and
/// `scan_many` 1,556-1,576 against 1,643-1,710 ms. Only what Rust allocates goes through it;
/// Python objects keep Python's allocator. `local_dynamic_tls`: an extension is loaded with
/// `dlopen`, where the initial-exec TLS model fails ("cannot allocate memory in static TLS
/// block").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The scanner for a `profile`, `product_type` and `market` (`"eu"`, `"eu,kr"`, `"all"`) given
/// from Python, or a `ValueError` that lists the accepted values.
fn scanner(profile: &str, product_type: Option<&str>, market: &str) -> PyResult<Scanner> {
    Scanner::from_names(profile, product_type, Some(market)).map_err(value_error)
}

fn value_error(e: inci::risk::UnknownValue) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A report as compact JSON, as `serde_json` writes it, by the library's faster writer.
fn report_json(report: &inci::scan::ScanReport) -> Result<String, String> {
    let mut out = Vec::new();
    inci_json::write_report(&mut out, report).map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// Checks a profile, product type and market without scanning (a `ValueError` names the bad
/// one): the Spark UDF calls it on the driver so that a typo fails before any task runs.
#[pyfunction]
#[pyo3(signature = (profile = "general", product_type = None, market = "eu"))]
fn check_scan_options(profile: &str, product_type: Option<&str>, market: &str) -> PyResult<()> {
    scanner(profile, product_type, market).map(|_| ())
}

/// Scans one label; the report as JSON.
#[pyfunction]
#[pyo3(signature = (text, profile = "general", product_type = None, market = "eu"))]
fn scan_json(
    text: &str,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
) -> PyResult<String> {
    let scanner = scanner(profile, product_type, market)?;
    to_json(&scanner.scan(text))
}

/// Scans many labels on every core with the GIL released; one JSON report per text, `None`
/// for a `None` text. A text repeated in the batch is scanned once. Any other item is a `TypeError` that names its index.
#[pyfunction]
#[pyo3(signature = (texts, profile = "general", product_type = None, market = "eu"))]
fn scan_many_json(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
) -> PyResult<Vec<Option<String>>> {
    let (slots, answers) = answer_distinct(py, texts, (profile, product_type, market), |s, t| {
        report_json(&s.scan(t))
    })?;
    let answers: Vec<String> = answers
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(slots
        .iter()
        .map(|s| s.and_then(|i| answers.get(i).cloned()))
        .collect())
}

/// Each text's slot among the distinct texts (`None` for a `None` text) and `answer` of each
/// distinct text with the scanner for the options: what every `scan_many*` function starts
/// with.
fn answer_distinct<T: Send>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    options: (&str, Option<&str>, &str),
    answer: impl Fn(&Scanner, &str) -> T + Sync,
) -> PyResult<(Vec<Option<usize>>, Vec<T>)> {
    let (profile, product_type, market) = options;
    let scanner = scanner(profile, product_type, market)?;
    let owned = texts_of(texts)?;
    let (distinct, slots) = distinct(&owned);
    let answers = scan_distinct(py, &distinct, |t| answer(&scanner, t))?;
    Ok((slots, answers))
}

/// Labels scanned between two checks for Ctrl-C (about a second of work on two cores).
const CHUNK: usize = 4096;

/// `answer` of each distinct text, on every core with the GIL released, in chunks with
/// Python's signal handlers run between them: Ctrl-C stops a long batch within a chunk instead
/// of after the whole of it.
fn scan_distinct<T: Send>(
    py: Python<'_>,
    distinct: &[&str],
    answer: impl Fn(&str) -> T + Sync,
) -> PyResult<Vec<T>> {
    let mut out: Vec<T> = Vec::with_capacity(distinct.len());
    for chunk in distinct.chunks(CHUNK) {
        let part: Vec<T> = py.detach(|| chunk.par_iter().map(|t| answer(t)).collect());
        out.extend(part);
        py.check_signals()?;
    }
    Ok(out)
}

/// The distinct texts of `texts`, in first-seen order, and for each text its index among them
/// (`None` for `None`): a batch that repeats a list scans it once.
fn distinct(texts: &[Option<String>]) -> (Vec<&str>, Vec<Option<usize>>) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut distinct = Vec::new();
    let slots = texts
        .iter()
        .map(|t| {
            t.as_deref().map(|t| {
                *seen.entry(t).or_insert_with(|| {
                    distinct.push(t);
                    distinct.len() - 1
                })
            })
        })
        .collect();
    (distinct, slots)
}

/// Scans one label; the report as Python objects (dicts, lists, str, int, bool, None).
#[pyfunction]
#[pyo3(signature = (text, profile = "general", product_type = None, market = "eu"))]
fn scan<'py>(
    py: Python<'py>,
    text: &str,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let scanner = scanner(profile, product_type, market)?;
    to_python::Converter::new(py).convert(&scanner.scan(text))
}

/// Scans many labels on every core with the GIL released, then converts each report to Python
/// objects; `None` for a `None` text.
#[pyfunction]
#[pyo3(signature = (texts, profile = "general", product_type = None, market = "eu"))]
fn scan_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let (slots, reports) =
        answer_distinct(py, texts, (profile, product_type, market), |s, t| s.scan(t))?;
    per_row(py, &slots, &reports)
}

/// Each row's answer as Python objects, from the answer of its distinct text (`None` for a
/// `None` text). Each row gets its own dicts: a caller may change one row's report.
fn per_row<'py, T: serde::Serialize>(
    py: Python<'py>,
    slots: &[Option<usize>],
    answers: &[T],
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let mut conv = to_python::Converter::new(py);
    slots
        .iter()
        .map(|s| {
            s.and_then(|i| answers.get(i))
                .map(|a| conv.convert(a))
                .transpose()
        })
        .collect()
}

/// Scans many labels like [`scan_many`], and gives each text's report with its flat forms:
/// `(report, summary, ingredient_rows)`, `None` for a `None` text. The summary and the rows
/// are `inci::summary`'s, the same columns `inci batch` writes; `scan_frame` builds on them.
#[pyfunction]
#[pyo3(signature = (texts, profile = "general", product_type = None, market = "eu"))]
fn scan_many_tables<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let (slots, tables) = answer_distinct(py, texts, (profile, product_type, market), |s, t| {
        let report = s.scan(t);
        let summary = inci::summary::Summary::of(&report);
        let rows = inci::summary::IngredientRow::of(&report);
        (report, summary, rows)
    })?;
    per_row(py, &slots, &tables)
}

/// Scans many labels like [`scan_many`], and gives each text's summary (a dict of the
/// `inci_*` columns) and its report as one compact JSON string, `None` for a `None` text: what
/// the Spark UDF's struct holds. The JSON is written natively (as `scan_many_json` writes it)
/// instead of as dicts that Python would then dump again, a fifth of the time per row.
#[pyfunction]
#[pyo3(signature = (texts, profile = "general", product_type = None, market = "eu"))]
fn scan_many_summaries<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let (slots, answers) = answer_distinct(py, texts, (profile, product_type, market), |s, t| {
        let report = s.scan(t);
        let json = report_json(&report);
        (inci::summary::Summary::of(&report), json)
    })?;
    let mut conv = to_python::Converter::new(py);
    slots
        .iter()
        .map(|s| {
            let Some((summary, json)) = s.and_then(|i| answers.get(i)) else {
                return Ok(None);
            };
            let json = json
                .as_ref()
                .map_err(|e| PyValueError::new_err(e.clone()))?;
            let pair = (conv.convert(summary)?, PyString::new(py, json));
            Ok(Some(pair.into_pyobject(py)?.into_any()))
        })
        .collect()
}

/// The product columns `scan_frame` and `inci batch --format csv` share, in order.
#[pyfunction]
fn summary_columns() -> Vec<&'static str> {
    inci::summary::COLUMNS.to_vec()
}

/// The per-ingredient columns, in order (after the row's own).
#[pyfunction]
fn ingredient_columns() -> Vec<&'static str> {
    inci::summary::INGREDIENT_COLUMNS.to_vec()
}

/// The texts of a Python iterable: `str` or `None` each, else a `TypeError` naming the index.
fn texts_of(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<String>>> {
    // One string is not a list of labels (it would be scanned character by character).
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts: expected a list of labels (str or None each), got one str: use scan() for one label, or pass [text]",
        ));
    }
    let mut owned: Vec<Option<String>> = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            owned.push(None);
        } else if let Ok(s) = item.cast::<PyString>() {
            let text = s.to_cow().map_err(|e| {
                PyValueError::new_err(format!(
                    "texts[{i}]: not valid text (a lone surrogate cannot be UTF-8): {e}"
                ))
            })?;
            owned.push(Some(text.into_owned()));
        } else {
            let kind = item.get_type().name()?;
            return Err(PyTypeError::new_err(format!(
                "texts[{i}]: expected str or None, got {kind}"
            )));
        }
    }
    Ok(owned)
}

/// Lints one pack text; the `inci lint --format json` document (one file named `path`).
#[pyfunction]
#[pyo3(signature = (text, path = "<text>", market = "eu", product_type = None))]
fn lint_json(text: &str, path: &str, market: &str, product_type: Option<&str>) -> PyResult<String> {
    let mut config = Config::default();
    config
        .set_names(Some(market), product_type)
        .map_err(value_error)?;
    let file = LintedFile::new(path.to_owned(), text.to_owned(), &config);
    to_json(&inci::lint::document(std::slice::from_ref(&file)))
}

/// Everything known about one ingredient, as `inci explain --format json` prints it.
#[pyfunction]
fn explain_json(name: &str) -> PyResult<String> {
    if name.trim().is_empty() {
        return Err(PyValueError::new_err(
            "explain needs a name; it was given only white space",
        ));
    }
    to_json(&inci::explain::explain(name))
}

/// Scans a file's bytes, told by their signature: text (UTF-8), or a photo of the ingredient
/// panel or PDF artwork recognized into text (tesseract, poppler), whose report then has an
/// `ocr` key with each item's evidence. OCR runs with the GIL released.
#[pyfunction]
#[pyo3(signature = (data, origin = "<bytes>", profile = "general", product_type = None, market = "eu", lang = None))]
fn scan_document<'py>(
    py: Python<'py>,
    data: &[u8],
    origin: &str,
    profile: &str,
    product_type: Option<&str>,
    market: &str,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let scanner = scanner(profile, product_type, market)?;
    if !inci_ocr::Kind::detect(data).is_document() {
        let text = std::str::from_utf8(data).map_err(|e| {
            PyValueError::new_err(format!(
                "{origin}: not valid UTF-8: byte 0x{:02X} at offset {} (not a photo or a PDF either)",
                data.get(e.valid_up_to()).copied().unwrap_or_default(),
                e.valid_up_to()
            ))
        })?;
        return to_python::Converter::new(py).convert(&scanner.scan(text));
    }
    let options = match lang {
        Some(l) => inci_ocr::Options::with_langs(
            inci_ocr::Lang::parse_list(l).map_err(PyValueError::new_err)?,
        ),
        None => inci_ocr::Options::for_markets(scanner.options().markets.iter()),
    };
    let document = py
        .detach(|| inci_ocr::read(data, &options))
        .map_err(|e| PyValueError::new_err(format!("{origin}: {e}")))?;
    let report = scanner.scan(&document.text);
    let reading = inci_ocr::Reading::new(&document, &report);
    #[derive(serde::Serialize)]
    struct WithReading<'a> {
        #[serde(flatten)]
        report: &'a inci::ScanReport,
        ocr: &'a inci_ocr::Reading<'a>,
    }
    to_python::Converter::new(py).convert(&WithReading {
        report: &report,
        ocr: &reading,
    })
}

/// The native module.
#[pymodule]
fn _inci(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_scan_options, m)?)?;
    m.add_function(wrap_pyfunction!(scan, m)?)?;
    m.add_function(wrap_pyfunction!(scan_many, m)?)?;
    m.add_function(wrap_pyfunction!(scan_document, m)?)?;
    m.add_function(wrap_pyfunction!(scan_json, m)?)?;
    m.add_function(wrap_pyfunction!(scan_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(scan_many_tables, m)?)?;
    m.add_function(wrap_pyfunction!(scan_many_summaries, m)?)?;
    m.add_function(wrap_pyfunction!(summary_columns, m)?)?;
    m.add_function(wrap_pyfunction!(ingredient_columns, m)?)?;
    m.add_function(wrap_pyfunction!(lint_json, m)?)?;
    m.add_function(wrap_pyfunction!(explain_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
