//! Reading a catalog's CSV records: the records, fields, positions and end of file that the
//! `csv` crate's reader gives with `inci batch`'s settings (a delimiter, `"` quotes doubled
//! inside quoted fields, any of `\r`, `\n`, `\r\n` ending a record, blank lines skipped, a
//! UTF-8 byte order mark dropped, records of any length), read a run of bytes at a time.
//!
//! The `csv` crate's reader steps through its state machine byte by byte (about 11
//! instructions a byte of the catalog, 4 % of a scan of distinct lists); here the bytes up to
//! the next one that matters (a quote inside quotes; a delimiter or line end outside) are
//! found by `memchr` and copied at once. The state machine is `csv-core`'s, and the tests hold
//! the two readers to the same records, positions and ends on every short input over the bytes
//! that matter, and on random ones read through buffers of any size. One difference, on
//! purpose: `csv-core` takes a first buffer that holds the byte order mark and nothing else
//! for the end of the input (it reads nothing after it); this reader reads on.

use csv::{ByteRecord, Position};
use std::io::{self, BufRead};

/// The UTF-8 byte order mark, dropped at the start of the input as `csv-core` drops it.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The most room the field buffer keeps from one record to the next.
const FIELD_KEPT: usize = 1 << 20;

/// Reads CSV records from a buffered reader.
pub struct Records<R> {
    rdr: R,
    /// Whether the byte order mark test was made (on the first buffer, as `csv-core` does).
    started: bool,
    /// The input ended or failed: no record follows.
    done: bool,
    /// The input ended inside a quoted field: the last record holds everything after its
    /// opening quote.
    unclosed_quote: bool,
    machine: Machine,
}

/// What is read of the records so far, apart from the reader.
struct Machine {
    delimiter: u8,
    /// Where the next record starts: bytes consumed, lines (one plus the `\n` bytes
    /// consumed) and records read, as the `csv` crate counts them.
    byte: u64,
    line: u64,
    record: u64,
    /// A record ended at `\r`: a `\n` right after it belongs to that line end.
    after_cr: bool,
    /// The field being read when it spans buffers or holds a doubled quote.
    field: Vec<u8>,
}

/// Where a record's reading is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before a record's first byte: line ends are skipped.
    StartRecord,
    /// At the start of a field, after a delimiter or at the record's start.
    StartField,
    /// In a field that did not start with a quote.
    InField,
    /// In a quoted field.
    InQuoted,
    /// After a quote in a quoted field: a second quote is a literal one; anything else ends
    /// the quoting.
    QuoteInQuoted,
}

/// What a run of bytes in a state ended with.
enum Step {
    /// The buffer ended first.
    More,
    /// The record ended at the line end consumed last.
    Record,
}

impl<R: BufRead> Records<R> {
    /// Reads from `rdr`, fields separated by `delimiter`.
    pub fn new(rdr: R, delimiter: u8) -> Self {
        Records {
            rdr,
            started: false,
            done: false,
            unclosed_quote: false,
            machine: Machine {
                delimiter,
                byte: 0,
                line: 1,
                record: 0,
                after_cr: false,
                field: Vec::new(),
            },
        }
    }

    /// The underlying reader, mutably.
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.rdr
    }

    /// True once the input has ended inside a quoted field: a quote was never closed, and
    /// the last record read took in every byte after it.
    pub fn unclosed_quote(&self) -> bool {
        self.unclosed_quote
    }

    /// Where the next record would start (at the end, where the input ended).
    pub fn position(&self) -> Position {
        let mut p = Position::new();
        p.set_byte(self.machine.byte)
            .set_line(self.machine.line)
            .set_record(self.machine.record);
        p
    }

    /// Reads the next record into `rec` (cleared first, its position set to where it starts);
    /// `false` at the end of the input. An input error is returned once; no record follows it.
    pub fn read(&mut self, rec: &mut ByteRecord) -> io::Result<bool> {
        rec.clear();
        rec.set_position(Some(self.position()));
        if self.done {
            return Ok(false);
        }
        let m = &mut self.machine;
        m.field.clear();
        if m.field.capacity() > FIELD_KEPT {
            // A cell of megabytes does not keep its buffer for the rest of the run.
            m.field = Vec::new();
        }
        let mut state = State::StartRecord;
        loop {
            let buf = match self.rdr.fill_buf() {
                Ok(buf) => buf,
                Err(e) => {
                    self.done = true;
                    return Err(e);
                }
            };
            if !self.started {
                self.started = true;
                if buf.len() >= BOM.len() && buf.starts_with(BOM) {
                    self.rdr.consume(BOM.len());
                    m.byte += BOM.len() as u64;
                    continue;
                }
            }
            if buf.is_empty() {
                // The end: a record under way ends here; otherwise there is none.
                self.done = true;
                if state == State::StartRecord {
                    return Ok(false);
                }
                self.unclosed_quote = state == State::InQuoted;
                rec.push_field(&m.field);
                m.record += 1;
                return Ok(true);
            }
            let mut at = 0;
            if m.after_cr {
                m.after_cr = false;
                if buf[0] == b'\n' {
                    m.line += 1;
                    at = 1;
                }
            }
            let (used, step) = m.step(buf, at, &mut state, rec);
            self.rdr.consume(used);
            m.byte += used as u64;
            if let Step::Record = step {
                m.record += 1;
                return Ok(true);
            }
        }
    }
}

impl Machine {
    /// Reads `buf` from `at` in `state` until the record ends or the buffer does; returns the
    /// bytes used and which came first. Fields ended go into `rec`; a field the buffer cuts
    /// stays in `self.field`.
    fn step(
        &mut self,
        buf: &[u8],
        mut at: usize,
        state: &mut State,
        rec: &mut ByteRecord,
    ) -> (usize, Step) {
        let delimiter = self.delimiter;
        while let Some(&b) = buf.get(at) {
            match *state {
                State::StartRecord => {
                    if b == b'\n' {
                        self.line += 1;
                        at += 1;
                    } else if b == b'\r' {
                        at += 1;
                    } else {
                        *state = State::StartField;
                    }
                }
                State::StartField => {
                    if b == b'"' {
                        *state = State::InQuoted;
                        at += 1;
                    } else {
                        *state = State::InField;
                    }
                }
                State::InField => {
                    let rest = buf.get(at..).unwrap_or_default();
                    let Some(k) = memchr::memchr3(delimiter, b'\n', b'\r', rest) else {
                        self.field.extend_from_slice(rest);
                        return (buf.len(), Step::More);
                    };
                    self.field.extend_from_slice(&rest[..k]);
                    at += k;
                    if let Some(step) = self.end_field(buf, &mut at, state, rec) {
                        return (at, step);
                    }
                }
                State::InQuoted => {
                    let rest = buf.get(at..).unwrap_or_default();
                    let k = memchr::memchr(b'"', rest).unwrap_or(rest.len());
                    let run = &rest[..k];
                    self.line += memchr::memchr_iter(b'\n', run).count() as u64;
                    self.field.extend_from_slice(run);
                    at += k;
                    if at < buf.len() {
                        *state = State::QuoteInQuoted;
                        at += 1;
                    }
                }
                State::QuoteInQuoted => {
                    if b == b'"' {
                        self.field.push(b'"');
                        *state = State::InQuoted;
                        at += 1;
                    } else if b == delimiter || b == b'\n' || b == b'\r' {
                        if let Some(step) = self.end_field(buf, &mut at, state, rec) {
                            return (at, step);
                        }
                    } else {
                        self.field.push(b);
                        *state = State::InField;
                        at += 1;
                    }
                }
            }
        }
        (at, Step::More)
    }

    /// At a delimiter or line end (`buf[*at]`): the field ends; at a line end, so does the
    /// record, its line end consumed.
    fn end_field(
        &mut self,
        buf: &[u8],
        at: &mut usize,
        state: &mut State,
        rec: &mut ByteRecord,
    ) -> Option<Step> {
        let b = *buf.get(*at)?;
        rec.push_field(&self.field);
        self.field.clear();
        *at += 1;
        if b == self.delimiter {
            *state = State::StartField;
            return None;
        }
        if b == b'\n' {
            self.line += 1;
        } else {
            self.after_cr = true;
        }
        Some(Step::Record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    /// Every record, its position, and the position at the end, as read by `csv` and by
    /// [`Records`] from `input` through buffers of `capacity` bytes.
    fn both(input: &[u8], delimiter: u8, capacity: usize) -> (String, String) {
        let mut theirs = String::new();
        let mut csv = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .delimiter(delimiter)
            .buffer_capacity(capacity)
            .from_reader(Trickle(input, capacity));
        let mut rec = ByteRecord::new();
        while csv.read_byte_record(&mut rec).unwrap_or(false) {
            theirs += &describe(&rec);
        }
        theirs += &format!("end {:?}", csv.position());
        let mut ours = String::new();
        let mut records = Records::new(
            BufReader::with_capacity(capacity, Trickle(input, capacity)),
            delimiter,
        );
        while records.read(&mut rec).unwrap_or(false) {
            ours += &describe(&rec);
        }
        ours += &format!("end {:?}", records.position());
        (theirs, ours)
    }

    /// A reader that gives at most its second field's bytes a read.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(self.1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn describe(rec: &ByteRecord) -> String {
        let fields: Vec<String> = rec
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        format!("{fields:?} at {:?}\n", rec.position())
    }

    fn agree(input: &[u8], delimiter: u8, capacity: usize) {
        if capacity == BOM.len() && input.starts_with(BOM) {
            // `csv-core` takes a first buffer of the mark alone, empty once the mark is
            // dropped, for the end of the input: not followed (see the test of it below).
            return;
        }
        let (theirs, ours) = both(input, delimiter, capacity);
        assert_eq!(
            ours,
            theirs,
            "{:?} read {capacity} bytes at a time",
            String::from_utf8_lossy(input)
        );
    }

    /// Every input of up to six bytes over the bytes the readers act on (and a plain one),
    /// read whole and a byte at a time.
    #[test]
    fn every_short_input_reads_as_the_csv_crate_reads_it() {
        const ALPHABET: &[u8] = b"a,\"\r\n;";
        let mut inputs = 0;
        for len in 0..=6u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                let mut input = Vec::new();
                for _ in 0..len {
                    input.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                agree(&input, b',', 64);
                agree(&input, b',', 1);
                inputs += 1;
            }
        }
        assert!(inputs > 50_000, "{inputs}");
    }

    /// Byte order marks whole, cut and late; other delimiters.
    #[test]
    fn byte_order_marks_and_delimiters_read_as_the_csv_crate_reads_them() {
        for input in [
            &b"\xef\xbb\xbfa,b\nc"[..],
            b"\xef\xbb\xbf",
            b"\xef\xbb",
            b"a\n\xef\xbb\xbfb",
            b"\xef\xbb\xbf\"x\"\"y\",z\r\n\r\nw",
        ] {
            for capacity in [1, 2, 3, 4, 64] {
                agree(input, b',', capacity);
            }
        }
        for delimiter in [b';', b'\t', b'|'] {
            agree(b"a;b\tc|d\n\"e;\"\t\"f\"|g", delimiter, 64);
            agree(b"a;b\tc|d\n\"e;\"\t\"f\"|g", delimiter, 1);
        }
    }

    /// Where the first buffer holds the byte order mark and nothing else, the records after it
    /// are read (the `csv` crate reads none: an empty buffer is its end of input).
    #[test]
    fn a_first_buffer_of_the_byte_order_mark_alone_is_not_the_end() {
        let input = b"\xef\xbb\xbfa,b\nc";
        let (theirs, ours) = both(input, b',', 3);
        assert_eq!(theirs, "end Position { byte: 3, line: 1, record: 0 }");
        assert_eq!(ours, both(input, b',', 64).1);
        assert!(ours.starts_with("[\"a\", \"b\"]"), "{ours}");
    }

    /// Random inputs of up to 300 bytes, mostly the bytes that matter, through buffers of
    /// random sizes (a small generator: no dependency for it).
    #[test]
    fn random_inputs_read_as_the_csv_crate_reads_them() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        const BYTES: &[u8] = b"ab ,;\t\"\"\r\n\n\xef\xbb\xbf\xc3";
        for _ in 0..20_000 {
            let len = (next() % 300) as usize;
            let input: Vec<u8> = (0..len)
                .map(|_| BYTES[(next() % BYTES.len() as u64) as usize])
                .collect();
            let delimiter = [b',', b';', b'\t'][(next() % 3) as usize];
            let capacity = 1 + (next() % 70) as usize;
            agree(&input, delimiter, capacity);
        }
    }

    /// Whether the input ended inside a quoted field, read off the state it ended in: quotes
    /// in an unquoted field (`12" Brush`) and doubled quotes do not count.
    #[test]
    fn the_end_inside_a_quoted_field_is_known() {
        for (input, unclosed) in [
            (&b"a,\"b\nc,d\n"[..], true),
            (b"a,\"b\"\"", true),
            (b"\"", true),
            (b"a,\"b\"", false),
            (b"a,\"b\"\"c\"", false),
            (b"12\" Brush,x\n\"Aqua,\nGlycerin\"\n", false),
            (b"12\" Brush\n", false),
            (b"", false),
        ] {
            for capacity in [1, 64] {
                let mut records = Records::new(
                    BufReader::with_capacity(capacity, Trickle(input, capacity)),
                    b',',
                );
                let mut rec = ByteRecord::new();
                while records.read(&mut rec).unwrap_or(false) {}
                assert_eq!(
                    records.unclosed_quote(),
                    unclosed,
                    "{:?}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }

    /// A reader that fails after some bytes.
    struct Failing(&'static [u8]);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk on fire"));
            }
            let n = self.0.len().min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn an_input_error_is_returned_once_and_ends_the_records() {
        let mut records = Records::new(BufReader::with_capacity(4, Failing(b"a,b\nc")), b',');
        let mut rec = ByteRecord::new();
        assert!(matches!(records.read(&mut rec), Ok(true)));
        assert_eq!(rec, ByteRecord::from(vec!["a", "b"]));
        let err = records.read(&mut rec).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("disk on fire"));
        assert!(matches!(records.read(&mut rec), Ok(false)));
    }
}
