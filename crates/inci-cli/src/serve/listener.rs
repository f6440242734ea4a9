//! Accepting connections as production servers do: a cap on open connections below the file
//! limit, a deadline for a request's headers (which also closes idle keep-alive connections),
//! graceful shutdown with a deadline, and a bound on concurrent scans.
//!
//! Without these, one client could hold the machine: a thousand idle sockets use up the file
//! descriptors, a client that sends half a header keeps a connection (and Ctrl-C) waiting
//! forever, and parallel 1 MiB `/api/fix` requests take gigabytes. Connections over the cap wait
//! in the kernel's backlog; while they wait, the connections that have waited 200 ms or more
//! for a complete request (idle, keep-alive or slow-header clients) are closed to make room, so
//! a client that sends its request at once is answered whatever the others do.

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::VecDeque;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// The server's limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Open connections at most (the file limit allowing: see [`Limits::default`]).
    pub max_connections: usize,
    /// Time a client has to send a request's headers, and the longest idle keep-alive wait.
    pub header_timeout: Duration,
    /// Time a client has to send a request's body once its headers are in (408 after).
    pub body_timeout: Duration,
    /// How long requests in flight may finish after Ctrl-C or SIGTERM.
    pub shutdown_deadline: Duration,
    /// Scans, lints and fixes running at once (the rest wait, then get 503).
    pub max_scans: usize,
    /// How long a request waits for a scan slot before 503 with `Retry-After`.
    pub scan_wait: Duration,
}

impl Default for Limits {
    /// 512 connections (fewer when the file limit is lower: it keeps 64 descriptors spare),
    /// 10 s for headers and for idle keep-alive, 30 s for a body, 10 s to finish on shutdown,
    /// one scan per core (the work is CPU-bound: more at once only adds memory) with a 5 s wait.
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let max_connections = match open_file_limit() {
            Some(n) => 512.min(n.saturating_sub(64)).max(16),
            None => 512,
        };
        Limits {
            max_connections,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            shutdown_deadline: Duration::from_secs(10),
            max_scans: cores,
            scan_wait: Duration::from_secs(5),
        }
    }
}

/// A slot for one scan; the request waits at most `Limits::scan_wait` for one.
#[derive(Debug, Clone)]
pub struct ScanSlots {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl ScanSlots {
    /// `n` slots, each request waiting at most `wait`.
    pub fn new(n: usize, wait: Duration) -> ScanSlots {
        ScanSlots {
            slots: Arc::new(Semaphore::new(n.max(1))),
            wait,
        }
    }

    /// A slot, or `None` when none freed up in time.
    pub async fn acquire(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        tokio::time::timeout(self.wait, self.slots.clone().acquire_owned())
            .await
            .ok()
            .and_then(Result::ok)
    }
}

/// One open connection, as the eviction sees it.
struct Open {
    id: u64,
    state: Arc<ConnState>,
    task: tokio::task::AbortHandle,
}

/// Whether a connection is answering a request, and since when it has been waiting for one
/// (accepted, or its last answer given), in milliseconds from the server's start.
struct ConnState {
    busy: AtomicBool,
    idle_since: AtomicU64,
}

impl ConnState {
    fn idle_for(&self, epoch: Instant) -> Option<Duration> {
        if self.busy.load(Ordering::Relaxed) {
            return None;
        }
        let now = epoch.elapsed().as_millis() as u64;
        Some(Duration::from_millis(
            now.saturating_sub(self.idle_since.load(Ordering::Relaxed)),
        ))
    }
}

/// Serves `app` on `listener` with `limits` until `shutdown` completes, then lets requests in
/// flight finish for at most `limits.shutdown_deadline`.
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let open: Arc<Mutex<VecDeque<Open>>> = Arc::new(Mutex::new(VecDeque::new()));
    let next_id = AtomicU64::new(0);
    let epoch = Instant::now();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    'serving: loop {
        // A slot first, so that connections over the cap wait in the kernel's backlog (no
        // descriptor used) instead of being accepted and dropped. While none is free, the
        // oldest connection that has sent no complete request for a while is closed.
        let permit = loop {
            tokio::select! {
                biased;
                () = &mut shutdown => break 'serving,
                p = tokio::time::timeout(Duration::from_millis(100), permits.clone().acquire_owned()) => match p {
                    Ok(Ok(p)) => break p,
                    _ => evict_idle(&open, epoch, IDLE_GRACE),
                },
            }
        };
        let (stream, _peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors or a reset before accept: wait, then go on.
                    eprintln!("inci serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let id = next_id.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnState {
            busy: AtomicBool::new(false),
            idle_since: AtomicU64::new(epoch.elapsed().as_millis() as u64),
        });
        let svc = {
            let state = state.clone();
            let app = app.clone();
            hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                state.busy.store(true, Ordering::Relaxed);
                let mut app = app.clone();
                let state = state.clone();
                async move {
                    let answer = tower_service::Service::call(&mut app, req).await;
                    state
                        .idle_since
                        .store(epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
                    state.busy.store(false, Ordering::Relaxed);
                    answer
                }
            })
        };
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), svc);
        let conn = graceful.watch(conn);
        let registry = open.clone();
        let task = tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
            if let Ok(mut open) = registry.lock() {
                open.retain(|o| o.id != id);
            }
        });
        if let Ok(mut registry) = open.lock() {
            registry.push_back(Open {
                id,
                state,
                task: task.abort_handle(),
            });
        }
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_deadline) => {
            eprintln!(
                "inci serve: requests still open after {} s: closed",
                limits.shutdown_deadline.as_secs()
            );
        }
    }
    Ok(())
}

/// How long a connection may wait without a complete request (idle after accept or after an
/// answer, or sending its headers slowly) before, at the cap, it is closed to make room: a
/// client that sends its request at once takes milliseconds.
const IDLE_GRACE: Duration = Duration::from_millis(200);

/// At the cap, closes every connection that has waited `grace` or more for a request, so that
/// the clients queued behind idle ones get in at once; a connection answering a request is
/// never closed.
fn evict_idle(open: &Mutex<VecDeque<Open>>, epoch: Instant, grace: Duration) {
    let Ok(mut open) = open.lock() else { return };
    open.retain(|o| match o.state.idle_for(epoch) {
        Some(d) if d >= grace => {
            o.task.abort();
            false
        }
        _ => true,
    });
}

/// The soft limit on open files, read from `/proc/self/limits` (Linux); `None` elsewhere.
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_cap_stays_below_the_file_limit() {
        let l = Limits::default();
        if let Some(n) = open_file_limit() {
            assert!(
                l.max_connections + 64 <= n.max(80),
                "{} vs {n}",
                l.max_connections
            );
        }
        assert!(l.max_connections >= 16);
    }
}
