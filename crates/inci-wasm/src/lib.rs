//! inci in the browser: the four answers of `inci serve`'s API (`/api/scan`, `/api/lint`,
//! `/api/fix`, `/api/explain`) as functions a page calls directly, compiled to WebAssembly.
//! Each takes the label text and the options as the API's query gives them (`profile`,
//! `product_type`, `market` as strings, empty for the default) and returns the same JSON the
//! API would: so one page script serves both the served page and the static folder, which
//! sends nothing anywhere.
//!
//! Errors (an unknown profile, market or product type) come back as `{"error": "..."}`, as
//! the API's 400 answers do.

use inci::lint::{Applicability, Config, LintedFile};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

/// Longest label accepted, as `inci serve` (1 MiB).
const MAX_TEXT: usize = 1 << 20;

/// `POST /api/scan`: the `inci scan --format json` report.
#[wasm_bindgen]
pub fn scan(text: &str, profile: &str, product_type: &str, market: &str) -> String {
    answer(|| {
        let scanner = inci::scan::Scanner::from_names(
            non_empty(profile).unwrap_or("general"),
            non_empty(product_type),
            non_empty(market),
        )
        .map_err(|e| e.to_string())?;
        json(&scanner.scan(checked(text)?))
    })
}

/// `POST /api/lint`: the `inci lint --format json` document for one file, `<text>`.
#[wasm_bindgen]
pub fn lint(text: &str, market: &str, product_type: &str) -> String {
    answer(|| {
        let config = config(market, product_type)?;
        let file = LintedFile::new("<text>".to_owned(), checked(text)?.to_owned(), &config);
        json(&inci::lint::document(std::slice::from_ref(&file)))
    })
}

/// `POST /api/fix`: `{"text": fixed, "applied": n, "lint": document of the fixed text}`,
/// safe fixes only unless `unsafe_fixes`.
#[wasm_bindgen]
pub fn fix(text: &str, market: &str, product_type: &str, unsafe_fixes: bool) -> String {
    answer(|| {
        let config = config(market, product_type)?;
        let text = checked(text)?;
        let max = if unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let lints = inci::lint::lint(text, &config);
        let (fixed, applied) = inci::lint::fix_text(text, &lints, &config, max);
        let file = LintedFile::new("<text>".to_owned(), fixed, &config);
        json(&FixAnswer {
            text: &file.source,
            applied,
            lint: inci::lint::document(std::slice::from_ref(&file)),
        })
    })
}

/// `GET /api/explain?name=`: everything known about one ingredient (`name` null and
/// suggestions when unknown).
#[wasm_bindgen]
pub fn explain(name: &str) -> String {
    answer(|| {
        if name.trim().is_empty() {
            return Err("explain needs a name".to_owned());
        }
        if name.len() > 1000 {
            return Err("explain takes one ingredient name (1,000 bytes at most)".to_owned());
        }
        json(&inci::explain::explain(name))
    })
}

/// The version of inci and the data compiled in, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    format!(
        "inci {} ({})",
        env!("CARGO_PKG_VERSION"),
        inci_dict_source()
    )
}

fn inci_dict_source() -> &'static str {
    inci_dict::COSING_SOURCE
}

/// The answer of `fix`.
#[derive(Serialize)]
struct FixAnswer<'a> {
    text: &'a str,
    applied: usize,
    lint: inci::lint::Document<'a>,
}

#[derive(Serialize)]
struct ErrorAnswer<'a> {
    error: &'a str,
}

/// The JSON of `f`'s answer, or `{"error": ...}`.
fn answer(f: impl FnOnce() -> Result<String, String>) -> String {
    f().unwrap_or_else(|e| {
        serde_json::to_string(&ErrorAnswer { error: &e })
            .unwrap_or_else(|_| r#"{"error":"the error could not be written"}"#.to_owned())
    })
}

fn json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("the answer could not be written: {e}"))
}

fn checked(text: &str) -> Result<&str, String> {
    if text.len() > MAX_TEXT {
        return Err(format!(
            "the text is {} bytes; one label at a time (1 MiB at most)",
            text.len()
        ));
    }
    Ok(text)
}

fn config(market: &str, product_type: &str) -> Result<Config, String> {
    let mut config = Config::default();
    config
        .set_names(non_empty(market), non_empty(product_type))
        .map_err(|e| e.to_string())?;
    Ok(config)
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_are_the_apis() {
        let report: serde_json::Value = serde_json::from_str(&scan(
            "Aqua, Human Umbilical Mesenchymal Stem Cell Conditioned Media",
            "",
            "",
            "eu,kr",
        ))
        .expect("JSON");
        assert_eq!(report["vegan"], "no");
        assert_eq!(report["headline"].as_array().map(Vec::len), Some(3));
        let bad: serde_json::Value =
            serde_json::from_str(&scan("Aqua", "oily", "", "")).expect("JSON");
        assert!(bad["error"].as_str().is_some_and(|e| e.contains("oily")));
        let fixed: serde_json::Value =
            serde_json::from_str(&fix("Aqua,, Glycerin", "", "", false)).expect("JSON");
        assert_eq!(fixed["text"], "Aqua, Glycerin");
        let e: serde_json::Value = serde_json::from_str(&explain("linalol")).expect("JSON");
        assert_eq!(e["name"], "LINALOOL");
        let l: serde_json::Value =
            serde_json::from_str(&lint("Aqua,, Glycerin", "", "")).expect("JSON");
        assert!(
            l["files"][0]["lints"]
                .as_array()
                .is_some_and(|v| !v.is_empty())
        );
        assert!(version().starts_with("inci "));
    }
}
