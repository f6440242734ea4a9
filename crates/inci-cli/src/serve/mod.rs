//! `inci serve`: a local web page to paste a label and read the report, and a JSON API on the
//! same server, the same JSON as the command line.
//!
//! | request | answer |
//! |---|---|
//! | `GET /` | the page (HTML, CSS and JavaScript compiled into the binary; nothing fetched elsewhere) |
//! | `POST /api/scan` | the `inci scan --format json` report |
//! | `POST /api/scan-file` | a photo, a PDF or a text file as the body (up to 20 MiB, told by its bytes): the `inci scan FILE --format json` report, with `ocr` evidence for photos and PDFs |
//! | `POST /api/lint` | the `inci lint --format json` document for one file `<text>` |
//! | `POST /api/fix` | the text with safe (or, with `unsafe=true`, all) fixes applied, and its lints |
//! | `POST /api/routine` | `{"products": [{"name", "text"}, ...]}` (2 to 10) checked as products used together: the `inci scan --routine --format json` document |
//! | `POST /api/compare` | `{"products": [first, second]}`: the `inci compare --format json` document |
//! | `GET /api/explain?name=` | the `inci explain --format json` explanation (404 when unknown) |
//!
//! A POST body is the label as plain text (options in the query: `profile`, `product_type`,
//! `market` (default: `inci serve --market`, else `eu`), `unsafe`), or a JSON object `{"text": ..., "profile": ...}` with
//! `Content-Type: application/json`. Bodies over [`MAX_BODY`] get 413, invalid UTF-8 400 with
//! the byte offset, unknown options 400 naming the accepted values; every error is
//! `{"error": "..."}`. Scans run on tokio's blocking pool, so a large label never stalls the
//! connections being served.

mod api;
mod assets;
pub mod boundary;
pub mod listener;

use axum::Router;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use std::future::Future;
use std::net::SocketAddr;
use std::time::Instant;

/// Largest request body read: 1 MiB, far above any label (the longest in the Sephora catalog
/// is 7 KB).
pub const MAX_BODY: usize = 1 << 20;

pub use api::MAX_FILE_BODY;

/// How the server runs: the markets `inci serve --market` was started with (ticked in the
/// page's picker, applied to an API call with no `market`), the host names it answers to, and
/// its limits.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The default markets.
    pub markets: inci::market::Markets,
    /// The `Host` names it answers to ([`boundary`]).
    pub allowed_hosts: boundary::AllowedHosts,
    /// Timeouts and caps ([`listener`]).
    pub limits: listener::Limits,
}

/// The server's routes: the page, its assets and the API, with the EU as the default market and
/// loopback names only. `verbose` logs one line per request to standard error.
pub fn router(verbose: bool) -> Router {
    router_with(verbose, &Settings::default())
}

/// [`router`] with `settings`: every request passes the [`boundary`] first (403 for another
/// host or another site's page).
pub fn router_with(verbose: bool, settings: &Settings) -> Router {
    let app = Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/style.css", get(assets::style))
        .route("/api/scan", post(api::scan))
        .route("/api/scan-file", post(api::scan_file))
        .route("/api/lint", post(api::lint))
        .route("/api/fix", post(api::fix))
        .route("/api/routine", post(api::routine))
        .route("/api/compare", post(api::compare))
        .route("/api/explain", get(api::explain))
        .fallback(api::not_found)
        .layer(middleware::from_fn(boundary::guard))
        .layer(axum::Extension(settings.allowed_hosts.clone()))
        .layer(axum::Extension(api::Shared {
            markets: settings.markets,
            body_timeout: settings.limits.body_timeout,
            scans: listener::ScanSlots::new(settings.limits.max_scans, settings.limits.scan_wait),
        }));
    if verbose {
        app.layer(middleware::from_fn(log_request))
    } else {
        app
    }
}

/// Connections the kernel may hold before they are accepted (capped by the system's
/// `somaxconn`): a burst of a thousand page loads or API calls waits instead of being reset.
pub const BACKLOG: u32 = 4096;

/// A listener on `addr` with a [`BACKLOG`]-deep accept queue (the default of 1,024 resets
/// connections in a burst of 1,000 on a busy machine).
pub fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Serves `router_with(verbose, settings)` on `listener` until `shutdown` completes, within
/// the settings' limits; requests in flight are finished first, for at most the shutdown
/// deadline (graceful shutdown).
pub async fn serve(
    listener: tokio::net::TcpListener,
    verbose: bool,
    settings: Settings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router_with(verbose, &settings);
    listener::serve_connections(listener, app, settings.limits, shutdown).await
}

/// Binds `addr` and serves until Ctrl-C, printing the address to open.
pub fn run(addr: SocketAddr, verbose: bool, settings: Settings) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = listen(addr).map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr()?;
        eprintln!("inci serve: open http://{local}/ (Ctrl-C to stop)");
        if addr.ip().is_unspecified() || !addr.ip().is_loopback() {
            eprintln!(
                "inci serve: warning: serving the network on {addr} with no authentication; requests must name this server as one of: {} (add names with --allow-host)",
                settings.allowed_hosts.names().join(", ")
            );
        }
        serve(listener, verbose, settings, stop_signal()).await?;
        Ok(())
    })
}

/// Ctrl-C or SIGTERM (what `kill` and service managers send): either stops the server after
/// the requests in flight. Without a handler, serves until killed.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    r = tokio::signal::ctrl_c() => if r.is_err() { std::future::pending::<()>().await },
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
    eprintln!("inci serve: stopping after the requests in flight");
}

async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    eprintln!(
        "{method} {} {} {:.1} ms",
        crate::render::safe_cut(&path, 200),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}
