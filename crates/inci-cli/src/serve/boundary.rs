//! The server's boundary: only requests that name this server, from its own page or from no
//! page at all.
//!
//! A page on any other site can make the browser POST to `127.0.0.1:8080` (a `text/plain`
//! body needs no preflight), and with DNS rebinding (a name the attacker controls that first
//! resolves to their server, then to 127.0.0.1) read the answers. Trusted local servers
//! (Jupyter's host and origin checks, Vite's `server.allowedHosts`) close both doors, and so
//! does this: the `Host` header must name the server (loopback names by default, the bound
//! address, and the names given with `--allow-host`), and an `Origin` header, when a browser
//! sends one, must be the page's own (`http://` and that same host). Everything else gets 403
//! with a message that says which rule refused it. Clients that are not browsers (curl,
//! scripts) send no `Origin` and are not affected.

use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;

/// The host names this server answers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedHosts {
    names: Vec<String>,
}

impl AllowedHosts {
    /// The names of a server bound to `bind`: `localhost` and the loopback addresses, the
    /// bound address itself when it is a specific one, and `extra` (`--allow-host`), compared
    /// without case.
    pub fn new(bind: IpAddr, extra: &[String]) -> AllowedHosts {
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "::1"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        if !bind.is_unspecified() {
            names.push(bind.to_string());
        }
        names.extend(extra.iter().map(|n| n.trim().to_ascii_lowercase()));
        names.sort();
        names.dedup();
        AllowedHosts { names }
    }

    /// Whether `host` (a `Host` header value: a name or address, a port perhaps) names this
    /// server. Subdomains of `localhost` (`a.localhost`) resolve to loopback too.
    pub fn allows(&self, host: &str) -> bool {
        let name = host_name(host).to_ascii_lowercase();
        self.names.contains(&name) || name.ends_with(".localhost")
    }

    /// The names, for messages.
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

impl Default for AllowedHosts {
    /// A loopback server's names.
    fn default() -> AllowedHosts {
        AllowedHosts::new(IpAddr::from([127, 0, 0, 1]), &[])
    }
}

/// Why a request was refused, or `None` when it may pass.
pub fn refusal(allowed: &AllowedHosts, headers: &HeaderMap) -> Option<String> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if host.is_empty() {
        return Some("no Host header: this server answers only requests that name it".to_owned());
    }
    if !allowed.allows(host) {
        return Some(format!(
            "Host {:?} is not a name of this server (it answers to {}; add names with --allow-host)",
            crate::render::safe_cut(host, 100),
            allowed.names().join(", ")
        ));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or_default();
        let own = origin
            .strip_prefix("http://")
            .is_some_and(|rest| rest.eq_ignore_ascii_case(host));
        if !own {
            return Some(format!(
                "cross-origin request refused: Origin {:?} is not this server's page (http://{})",
                crate::render::safe_cut(origin, 100),
                crate::render::safe_cut(host, 100)
            ));
        }
    }
    // A browser that sends no Origin still says where a request comes from.
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"))
    {
        return Some("cross-site request refused (Sec-Fetch-Site: cross-site)".to_owned());
    }
    None
}

/// The middleware: 403 with `{"error": ...}` for a request [`refusal`] refuses.
pub async fn guard(request: Request, next: Next) -> Response {
    let allowed = request
        .extensions()
        .get::<AllowedHosts>()
        .cloned()
        .unwrap_or_default();
    match refusal(&allowed, request.headers()) {
        None => next.run(request).await,
        Some(why) => (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::json!({ "error": why }).to_string(),
        )
            .into_response(),
    }
}

/// The host part of a `Host` value: `[::1]:8080` is `::1`, `localhost:8080` is `localhost`.
fn host_name(host: &str) -> &str {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or_default();
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).expect("header value"));
        }
        h
    }

    #[test]
    fn loopback_names_pass_and_others_do_not() {
        let a = AllowedHosts::default();
        for ok in [
            "localhost:8080",
            "127.0.0.1:8080",
            "[::1]:8080",
            "LOCALHOST",
            "app.localhost:1",
        ] {
            assert!(refusal(&a, &headers(&[("host", ok)])).is_none(), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "192.168.1.5:8080",
        ] {
            let why = refusal(&a, &headers(&[("host", bad)])).expect("refused");
            assert!(why.contains("not a name of this server"), "{why}");
        }
        assert!(refusal(&a, &HeaderMap::new()).is_some(), "no Host");
    }

    #[test]
    fn the_bound_address_and_allowed_names_pass() {
        let a = AllowedHosts::new("192.168.1.5".parse().expect("ip"), &["Lab.Example".into()]);
        assert!(refusal(&a, &headers(&[("host", "192.168.1.5:8080")])).is_none());
        assert!(refusal(&a, &headers(&[("host", "lab.example:8080")])).is_none());
        let any = AllowedHosts::new("0.0.0.0".parse().expect("ip"), &[]);
        assert!(refusal(&any, &headers(&[("host", "0.0.0.0:8080")])).is_some());
    }

    #[test]
    fn only_the_pages_own_origin_passes() {
        let a = AllowedHosts::default();
        let own = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert!(refusal(&a, &own).is_none());
        for origin in [
            "https://evil.example",
            "null",
            "http://localhost:8080",
            "http://127.0.0.1:9999",
        ] {
            let h = headers(&[("host", "127.0.0.1:8080"), ("origin", origin)]);
            let why = refusal(&a, &h).expect("refused");
            assert!(why.starts_with("cross-origin request refused"), "{why}");
        }
        let cross = headers(&[("host", "127.0.0.1:8080"), ("sec-fetch-site", "cross-site")]);
        assert!(refusal(&a, &cross).is_some());
        let same = headers(&[
            ("host", "127.0.0.1:8080"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert!(refusal(&a, &same).is_none());
    }
}
