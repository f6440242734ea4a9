//! The JSON API: request bodies and options in, the command line's JSON out.

use super::MAX_BODY;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use inci::lint::{Applicability, Config, LintedFile};
use inci::scan::Scanner;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What every handler may need from the server: the default markets, the body deadline and the
/// scan slots. An `Extension` on the router.
#[derive(Debug, Clone)]
pub struct Shared {
    /// Markets for a request that names none (`inci serve --market`).
    pub markets: inci::market::Markets,
    /// Time to send a body once the headers are in.
    pub body_timeout: std::time::Duration,
    /// Scans running at once.
    pub scans: super::listener::ScanSlots,
}

impl Shared {
    /// The state of a router built without [`super::Settings`] (tests of one handler): built
    /// once, so that its scan slots are shared and no request reads the file limit again.
    fn fallback() -> &'static Shared {
        static SHARED: std::sync::OnceLock<Shared> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| {
            let limits = super::listener::Limits::default();
            Shared {
                markets: inci::market::Markets::default(),
                body_timeout: limits.body_timeout,
                scans: super::listener::ScanSlots::new(limits.max_scans, limits.scan_wait),
            }
        })
    }
}

/// A request that cannot be answered, with its status and the message for `{"error": ...}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    /// Seconds for a `Retry-After` header (503).
    retry_after: Option<u32>,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    fn retry_after(mut self, seconds: u32) -> ApiError {
        self.retry_after = Some(seconds);
        self
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a str,
        }
        let mut response = json(
            self.status,
            &Body {
                error: &self.message,
            },
        );
        if let Some(s) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, axum::http::HeaderValue::from(s));
        }
        response
    }
}

/// `value` as a JSON response.
fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    json_bytes(status, serde_json::to_vec(value))
}

/// Serialized JSON as a response; a serialization error as a 500 that says so.
fn json_bytes(status: StatusCode, body: serde_json::Result<Vec<u8>>) -> Response {
    match body {
        Ok(body) => (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            format!("{{\"error\":\"the answer could not be written as JSON: {e}\"}}"),
        )
            .into_response(),
    }
}

/// What a POST carries: the text and its options, from a JSON body or a text body with the
/// options in the query string.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// One label (scan, lint, fix).
    text: Option<String>,
    /// Several products, each named (routine, compare): a JSON body only.
    products: Option<Vec<ProductText>>,
    profile: Option<String>,
    product_type: Option<String>,
    market: Option<String>,
    #[serde(rename = "unsafe")]
    unsafe_fixes: Option<bool>,
    /// The server's shared state, from the request's extensions (never from the body).
    #[serde(skip)]
    shared: Option<Shared>,
}

/// One product of a routine or a comparison, as a POST's JSON gives it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductText {
    /// What the user calls it (empty: `product N`).
    #[serde(default)]
    name: String,
    /// Its label.
    text: String,
}

/// Longest product name accepted, in bytes.
const MAX_NAME: usize = 200;

impl Input {
    /// The label of a one-label request; a request carrying `products` instead is told where
    /// they go.
    fn text(&mut self) -> Result<String, ApiError> {
        if self.products.is_some() {
            return Err(ApiError::bad(
                "`products` is for POST /api/routine and /api/compare; this request takes one label as `text`",
            ));
        }
        self.text.take().ok_or_else(|| {
            ApiError::bad(
                "the JSON body needs `text`: the label (or send the label itself as text/plain)",
            )
        })
    }

    /// The named products of a routine or comparison, `(name, label)`: between `min` and
    /// `max` of them, each name at most [`MAX_NAME`] bytes (an empty one becomes `product N`
    /// when scanned, [`inci::routine::Named::scan`]).
    fn products(&mut self, min: usize, max: usize) -> Result<Vec<(String, String)>, ApiError> {
        let how = r#"send JSON: {"products": [{"name": "serum", "text": "Aqua, Retinol"}, {"name": "toner", "text": "Aqua, Glycolic Acid"}]}"#;
        if self.text.is_some() {
            return Err(ApiError::bad(format!(
                "this request takes several products, not one `text`: {how}"
            )));
        }
        let products = self
            .products
            .take()
            .ok_or_else(|| ApiError::bad(format!("this request needs `products`: {how}")))?;
        if products.len() < min || products.len() > max {
            let wanted = if min == max {
                format!("exactly {min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(ApiError::bad(format!(
                "{} products given; this request takes {wanted}",
                products.len()
            )));
        }
        products
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let len = p.name.trim().len();
                if len > MAX_NAME {
                    return Err(ApiError::bad(format!(
                        "product {}'s name is {len} bytes; {MAX_NAME} at most",
                        i + 1
                    )));
                }
                Ok((p.name, p.text))
            })
            .collect()
    }

    /// The server's scan slots.
    fn slots(&self) -> super::listener::ScanSlots {
        self.shared
            .as_ref()
            .unwrap_or_else(|| Shared::fallback())
            .scans
            .clone()
    }

    fn scanner(&self) -> Result<Scanner, ApiError> {
        let product_type = self.product_type.as_deref().filter(|p| !p.is_empty());
        let markets = self.market.as_deref().filter(|m| !m.is_empty());
        Scanner::from_names(
            self.profile.as_deref().unwrap_or("general"),
            product_type,
            markets,
        )
        .map_err(|e| ApiError::bad(e.to_string()))
    }

    fn config(&self) -> Result<Config, ApiError> {
        let mut config = Config::default();
        let product_type = self.product_type.as_deref().filter(|p| !p.is_empty());
        config
            .set_names(self.market.as_deref(), product_type)
            .map_err(|e| ApiError::bad(e.to_string()))?;
        Ok(config)
    }
}

impl<S: Send + Sync> FromRequest<S> for Input {
    type Rejection = ApiError;

    /// A POST's body and query, read by [`read_input`]; every handler of a POST takes one.
    async fn from_request(request: Request, _state: &S) -> Result<Input, ApiError> {
        let (mut parts, body) = request.into_parts();
        let (query, shared) = query_and_shared(&mut parts).await?;
        let mut input =
            tokio::time::timeout(shared.body_timeout, read_input(&parts.headers, query, body))
                .await
                .map_err(|_| {
                    ApiError::new(
                        StatusCode::REQUEST_TIMEOUT,
                        format!(
                            "the request body did not arrive within {} s",
                            shared.body_timeout.as_secs()
                        ),
                    )
                })??;
        // No market asked for: the markets `inci serve --market` was started with.
        if input.market.as_deref().is_none_or(str::is_empty) {
            input.market = Some(shared.markets.to_string());
        }
        input.shared = Some(shared);
        Ok(input)
    }
}

/// A request's query parameters, and the server's shared state (from the router's
/// extension, or the fallback of a router built without settings).
async fn query_and_shared(
    parts: &mut axum::http::request::Parts,
) -> Result<(HashMap<String, String>, Shared), ApiError> {
    let Query(query) = Query::<HashMap<String, String>>::from_request_parts(parts, &())
        .await
        .map_err(|e| ApiError::bad(format!("the query string could not be read: {e}")))?;
    let shared = parts
        .extensions
        .get::<Shared>()
        .unwrap_or_else(|| Shared::fallback())
        .clone();
    Ok((query, shared))
}

/// Reads a POST: at most [`MAX_BODY`] bytes, valid UTF-8, JSON when the content type says so.
async fn read_input(
    headers: &HeaderMap,
    query: HashMap<String, String>,
    body: Body,
) -> Result<Input, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over the {MAX_BODY}-byte limit: send one label at a time"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(e) => {
            let over = std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            return Err(if over {
                too_large()
            } else {
                ApiError::bad(format!("the request body could not be read: {e}"))
            });
        }
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let at = e.valid_up_to();
        ApiError::bad(format!(
            "request body is not valid UTF-8: byte 0x{:02X} at offset {at}",
            bytes.get(at).copied().unwrap_or_default()
        ))
    })?;
    // Media types are case-insensitive (`APPLICATION/JSON`).
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .get(..16)
                .is_some_and(|t| t.eq_ignore_ascii_case("application/json"))
        });
    let mut input = if is_json {
        serde_json::from_str::<Input>(text)
            .map_err(|e| ApiError::bad(format!("request body is not the expected JSON: {e}")))?
    } else {
        Input {
            text: Some(text.to_owned()),
            ..Input::default()
        }
    };
    // Binary data is refused as the command line refuses it (a NUL or control byte, with its
    // offset in the label text).
    if let Some(text) = &input.text {
        crate::error::refuse_binary(text.as_bytes(), "request body")
            .map_err(|e| ApiError::bad(e.to_string()))?;
    }
    for (i, p) in input.products.iter().flatten().enumerate() {
        for (what, value) in [("name", &p.name), ("text", &p.text)] {
            crate::error::refuse_binary(value.as_bytes(), &format!("product {}'s {what}", i + 1))
                .map_err(|e| ApiError::bad(e.to_string()))?;
        }
    }
    for (key, value) in query {
        let slot = match key.as_str() {
            "profile" => &mut input.profile,
            "product_type" | "product-type" => &mut input.product_type,
            "market" => &mut input.market,
            "unsafe" => {
                input.unsafe_fixes = Some(matches!(value.as_str(), "true" | "1" | "yes"));
                continue;
            }
            other => {
                return Err(ApiError::bad(format!(
                    "unknown query parameter `{}`; known: profile, product_type, market, unsafe",
                    crate::render::safe_cut(other, 40)
                )));
            }
        };
        slot.get_or_insert(value);
    }
    Ok(input)
}

/// Runs CPU work on the blocking pool, in one of the server's scan slots: when every slot stays
/// busy for the wait, 503 with `Retry-After`, so that parallel heavy requests cannot take the
/// machine's memory.
async fn blocking<T: Send + 'static>(
    slots: &super::listener::ScanSlots,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let Some(slot) = slots.acquire().await else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is busy with other scans; retry in a second",
        )
        .retry_after(1));
    };
    let out = tokio::task::spawn_blocking(work).await.map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the scan did not finish: {e}"),
        )
    });
    drop(slot);
    out
}

/// `POST /api/scan`.
pub async fn scan(mut input: Input) -> Result<Response, ApiError> {
    let scanner = input.scanner()?;
    let text = input.text()?;
    let slots = input.slots();
    let report = blocking(&slots, move || scanner.scan(&text)).await?;
    Ok(json(StatusCode::OK, &report))
}

/// `POST /api/lint`.
pub async fn lint(mut input: Input) -> Result<Response, ApiError> {
    let config = input.config()?;
    let text = input.text()?;
    let slots = input.slots();
    // Serialized where the file lives: the document borrows from it.
    let body = blocking(&slots, move || {
        let file = LintedFile::new("<text>".to_owned(), text, &config);
        serde_json::to_vec(&inci::lint::document(std::slice::from_ref(&file)))
    })
    .await?;
    Ok(json_bytes(StatusCode::OK, body))
}

/// `POST /api/fix`: `{"text": fixed, "applied": n, "lint": document of the fixed text}`.
pub async fn fix(mut input: Input) -> Result<Response, ApiError> {
    let config = input.config()?;
    let text = input.text()?;
    let max = if input.unsafe_fixes == Some(true) {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let slots = input.slots();
    let body = blocking(&slots, move || {
        let lints = inci::lint::lint(&text, &config);
        let (text, applied) = inci::lint::fix_text(&text, &lints, &config, max);
        let file = LintedFile::new("<text>".to_owned(), text, &config);
        serde_json::to_vec(&FixAnswer {
            text: &file.source,
            applied,
            lint: inci::lint::document(std::slice::from_ref(&file)),
        })
    })
    .await?;
    Ok(json_bytes(StatusCode::OK, body))
}

/// `POST /api/routine`: `{"products": [{"name", "text"}, ...]}` (2 to
/// [`inci::routine::MAX_PRODUCTS`]), answered as `inci scan --routine --format json`.
pub async fn routine(mut input: Input) -> Result<Response, ApiError> {
    let scanner = input.scanner()?;
    let named = input.products(2, inci::routine::MAX_PRODUCTS)?;
    let slots = input.slots();
    let body = blocking(&slots, move || {
        let scanned = inci::routine::Named::scan(&scanner, named);
        serde_json::to_vec(&inci::routine::Document::new(&scanned.products()))
    })
    .await?;
    Ok(json_bytes(StatusCode::OK, body))
}

/// `POST /api/compare`: `{"products": [first, second]}`, answered as `inci compare --format
/// json`.
pub async fn compare(mut input: Input) -> Result<Response, ApiError> {
    let scanner = input.scanner()?;
    let named = input.products(2, 2)?;
    let slots = input.slots();
    let body = blocking(&slots, move || {
        let s = inci::routine::Named::scan(&scanner, named);
        serde_json::to_vec(&inci::compare::Document::new(
            [&s.names[0], &s.names[1]],
            &s.reports[0],
            &s.reports[1],
        ))
    })
    .await?;
    Ok(json_bytes(StatusCode::OK, body))
}

/// Largest body `POST /api/scan-file` reads: a phone's photo of a pack is 2 to 8 MB.
pub const MAX_FILE_BODY: usize = 20 << 20;

/// `POST /api/scan-file`: the body is a file's bytes, told by its signature: a photo of the
/// ingredient panel or PDF artwork (recognized, the report with its `ocr` evidence, as `inci
/// scan FILE --format json`), or text. Options in the query: `profile`, `product_type`,
/// `market`, `lang`.
pub async fn scan_file(request: Request) -> Result<Response, ApiError> {
    let (mut parts, body) = request.into_parts();
    let (query, shared) = query_and_shared(&mut parts).await?;
    let mut input = Input::default();
    let mut lang = None;
    for (key, value) in query {
        match key.as_str() {
            "profile" => input.profile = Some(value),
            "product_type" | "product-type" => input.product_type = Some(value),
            "market" => input.market = Some(value),
            "lang" => lang = Some(value),
            other => {
                return Err(ApiError::bad(format!(
                    "unknown query parameter `{}`; known: profile, product_type, market, lang",
                    crate::render::safe_cut(other, 40)
                )));
            }
        }
    }
    if input.market.as_deref().is_none_or(str::is_empty) {
        input.market = Some(shared.markets.to_string());
    }
    let scanner = input.scanner()?;
    let ocr = match lang.as_deref().filter(|l| !l.is_empty()) {
        Some(l) => {
            inci_ocr::Options::with_langs(inci_ocr::Lang::parse_list(l).map_err(ApiError::bad)?)
        }
        None => inci_ocr::Options::for_markets(scanner.options().markets.iter()),
    };
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "file over the {MAX_FILE_BODY}-byte limit: crop the photo to the ingredient panel"
            ),
        )
    };
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_FILE_BODY as u64) {
        return Err(too_large());
    }
    let bytes = tokio::time::timeout(
        shared.body_timeout,
        axum::body::to_bytes(body, MAX_FILE_BODY),
    )
    .await
    .map_err(|_| {
        ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "the file did not arrive within {} s",
                shared.body_timeout.as_secs()
            ),
        )
    })?
    .map_err(|e| {
        if std::error::Error::source(&e).is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
        {
            too_large()
        } else {
            ApiError::bad(format!("the file could not be read: {e}"))
        }
    })?;
    let slots = shared.scans.clone();
    let body = blocking(&slots, move || -> Result<Vec<u8>, ApiError> {
        let label =
            crate::cli::input::read_bytes_as_label(bytes.to_vec(), "the file", Some(&ocr))
                .map_err(|e| match &e {
                    crate::error::InputError::Document {
                        error:
                            inci_ocr::Error::MissingTool { .. }
                            | inci_ocr::Error::MissingLanguage { .. },
                        ..
                    } => ApiError::new(StatusCode::NOT_IMPLEMENTED, e.to_string()),
                    crate::error::InputError::Document {
                        error: inci_ocr::Error::ToolFailed { .. } | inci_ocr::Error::Io(_),
                        ..
                    } => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
                    _ => ApiError::bad(e.to_string()),
                })?;
        let report = scanner.scan(label.text());
        let json = match label.document() {
            Some(document) => serde_json::to_vec(&crate::render::json::WithReading {
                report: &report,
                ocr: &inci_ocr::Reading::new(document, &report),
            }),
            None => serde_json::to_vec(&report),
        };
        json.map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the answer could not be written as JSON: {e}"),
            )
        })
    })
    .await??;
    Ok(json_bytes(StatusCode::OK, Ok(body)))
}

/// The answer of `POST /api/fix`.
#[derive(Serialize)]
struct FixAnswer<'a> {
    /// The text with the fixes applied.
    text: &'a str,
    /// How many fixes were applied.
    applied: usize,
    /// The lints of the fixed text, as `/api/lint` gives them.
    lint: inci::lint::Document<'a>,
}

/// `GET /api/explain?name=`: 404 (with the same JSON: `name` null, suggestions) when unknown.
pub async fn explain(Query(query): Query<HashMap<String, String>>) -> Result<Response, ApiError> {
    let name = query.get("name").map(String::as_str).unwrap_or_default();
    if name.trim().is_empty() {
        return Err(ApiError::bad(
            "explain needs a name: /api/explain?name=Glycerin",
        ));
    }
    if name.len() > 1000 {
        return Err(ApiError::bad(
            "explain takes one ingredient name (1,000 bytes at most)",
        ));
    }
    let e = inci::explain::explain(name);
    let status = if e.name.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok(json(status, &e))
}

/// Anything else.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such page: the API is POST /api/scan, POST /api/scan-file, POST /api/lint, POST /api/fix, POST /api/routine, POST /api/compare, GET /api/explain?name=",
    )
}
