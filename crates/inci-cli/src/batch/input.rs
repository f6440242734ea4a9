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
    /// Bytes read since the last record ended ([`CountingReader::record_done`]).
    in_record: u64,
}

/// Largest CSV record read (all its fields, with some read-ahead): a record is held whole in
/// memory before its cells can be checked, so a file with no line end (`/dev/zero`) or one
/// gigabyte cell must stop here, not grow until the machine is out of memory.
pub const MAX_RECORD: u64 = 16 << 20;

impl<R: Read> CountingReader<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> Self {
        CountingReader {
            inner,
            count: Count::default(),
            in_record: 0,
        }
    }

    /// A record ended: the next one starts counting towards [`MAX_RECORD`] (what was read
    /// ahead into the buffer counts towards it too, a small margin).
    pub fn record_done(&mut self) {
        self.in_record = 0;
    }

    /// A handle on the count.
    pub fn count(&self) -> Count {
        self.count.clone()
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.in_record += n as u64;
        if self.in_record > MAX_RECORD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a record longer than {} MiB (no line end, or a cell far over the 1 MiB limit): the catalog cannot be read past it",
                    MAX_RECORD >> 20
                ),
            ));
        }
        self.count.0.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
