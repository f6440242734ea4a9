//! inci in the browser: the answers of `inci serve`'s API (`/api/scan`, `/api/lint`,
//! `/api/fix`, `/api/routine`, `/api/compare`, `/api/explain`) as functions a page calls directly, compiled to WebAssembly.
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
    answer(|| json(&scanner(profile, product_type, market)?.scan(checked(text)?)))
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

/// `POST /api/routine`: `products_json` is `[{"name": ..., "text": ...}, ...]` (2 to
/// [`inci::routine::MAX_PRODUCTS`]); the answer is the `inci scan --routine --format json`
/// document.
#[wasm_bindgen]
pub fn routine(products_json: &str, profile: &str, product_type: &str, market: &str) -> String {
    answer(|| {
        let scanner = scanner(profile, product_type, market)?;
        let named = products(products_json, 2, inci::routine::MAX_PRODUCTS)?;
        let scanned = inci::routine::Named::scan(&scanner, named);
        json(&inci::routine::Document::new(&scanned.products()))
    })
}

/// `POST /api/compare`: `products_json` is two products as for [`routine`]; the answer is the
/// `inci compare --format json` document.
#[wasm_bindgen]
pub fn compare(products_json: &str, profile: &str, product_type: &str, market: &str) -> String {
    answer(|| {
        let scanner = scanner(profile, product_type, market)?;
        let named = products(products_json, 2, 2)?;
        let s = inci::routine::Named::scan(&scanner, named);
        json(&inci::compare::Document::new(
            [&s.names[0], &s.names[1]],
            &s.reports[0],
            &s.reports[1],
        ))
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

fn scanner(profile: &str, product_type: &str, market: &str) -> Result<inci::scan::Scanner, String> {
    inci::scan::Scanner::from_names(
        non_empty(profile).unwrap_or("general"),
        non_empty(product_type),
        non_empty(market),
    )
    .map_err(|e| e.to_string())
}

/// One product as the page sends it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductText {
    #[serde(default)]
    name: String,
    text: String,
}

/// The named products in `products_json`, between `min` and `max` of them (an empty name
/// becomes `product N` when scanned, as the API names them).
fn products(products_json: &str, min: usize, max: usize) -> Result<Vec<(String, String)>, String> {
    checked(products_json)?;
    let list: Vec<ProductText> = serde_json::from_str(products_json)
        .map_err(|e| format!("the products are not the expected JSON: {e}"))?;
    if list.len() < min || list.len() > max {
        let wanted = if min == max {
            format!("exactly {min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(format!(
            "{} products given; this takes {wanted}",
            list.len()
        ));
    }
    Ok(list.into_iter().map(|p| (p.name, p.text)).collect())
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
        let r: serde_json::Value = serde_json::from_str(&routine(
            r#"[{"name": "serum", "text": "Aqua, Retinol"}, {"text": "Aqua, Glycolic Acid"}]"#,
            "",
            "",
            "",
        ))
        .expect("JSON");
        assert_eq!(r["products"][1]["name"], "product 2");
        assert_eq!(r["routine"][0]["code"], "RX001");
        let c: serde_json::Value = serde_json::from_str(&compare(
            r#"[{"text": "Aqua, Glycerin"}, {"text": "Water, Glycerin"}]"#,
            "",
            "",
            "",
        ))
        .expect("JSON");
        assert_eq!(c["similarity"], 1.0);
        let one: serde_json::Value =
            serde_json::from_str(&compare(r#"[{"text": "Aqua"}]"#, "", "", "")).expect("JSON");
        assert!(
            one["error"]
                .as_str()
                .is_some_and(|e| e.contains("exactly 2"))
        );
    }
}
