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
            quotes: 0,
            in_record: 0,
        }
    }

    /// A record ended: the next one starts counting towards [`MAX_RECORD`] (what was read
    /// ahead into the buffer counts towards it too, a small margin).
    pub fn record_done(&mut self) {
        self.in_record = 0;
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
        self.quotes += count_quotes(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

/// The `"` bytes in `bytes`, 64 at a time as a fold the compiler makes vector instructions of
/// (counted one by one, 2.5 instructions a byte of the catalog).
fn count_quotes(bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(64);
    let mut n = 0u64;
    for chunk in &mut chunks {
        // At most 64 in a chunk: a byte holds the count.
        n += u64::from(chunk.iter().fold(0u8, |a, &b| a + u8::from(b == b'"')));
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'"').count() as u64
}

#[cfg(test)]
mod tests {
    use super::count_quotes;

    #[test]
    fn quotes_are_counted_at_every_place_and_length() {
        // Lengths around the chunk size, a quote at each place, and all quotes.
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 300] {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'"';
                assert_eq!(count_quotes(&bytes), 1, "{len} {at}");
            }
            assert_eq!(count_quotes(&vec![b'"'; len]), len as u64);
            let mixed: Vec<u8> = (0..len)
                .map(|k| if k % 3 == 0 { b'"' } else { b'x' })
                .collect();
            assert_eq!(count_quotes(&mixed), len.div_ceil(3) as u64);
        }
    }
}
