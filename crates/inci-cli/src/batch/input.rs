//! Catalog input: a file, `.csv.gz` read directly, or standard input; with a byte counter for
//! the progress bar.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Opens `path` (`-` for standard input); `.gz` files are decompressed on the fly.
pub fn open(path: &str) -> io::Result<Box<dyn Read + Send>> {
    if path == "-" {
        return Ok(Box::new(io::stdin()));
    }
    let file = File::open(Path::new(path))
        .map_err(|e| io::Error::new(e.kind(), format!("cannot open {path}: {e}")))?;
    let buffered = BufReader::with_capacity(1 << 16, file);
    if path.ends_with(".gz") {
        Ok(Box::new(flate2::read::MultiGzDecoder::new(buffered)))
    } else {
        Ok(Box::new(buffered))
    }
}

/// Bytes read so far, shared with the progress reporter.
#[derive(Debug, Clone, Default)]
pub struct Count(Arc<AtomicU64>);

impl Count {
    /// Bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A reader that counts what passes through it.
pub struct CountingReader<R> {
    inner: R,
    count: Count,
    quotes: u64,
}

impl<R: Read> CountingReader<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> Self {
        CountingReader {
            inner,
            count: Count::default(),
            quotes: 0,
        }
    }

    /// How many `"` bytes have passed: odd at the end of a file means a quote was never closed
    /// (doubled quotes inside a field and the quotes around it come in pairs).
    pub fn quotes(&self) -> u64 {
        self.quotes
    }

    /// A handle on the count.
    pub fn count(&self) -> Count {
        self.count.clone()
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.0.fetch_add(n as u64, Ordering::Relaxed);
        self.quotes += buf[..n].iter().filter(|&&b| b == b'"').count() as u64;
        Ok(n)
    }
}
