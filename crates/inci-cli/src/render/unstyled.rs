//! Styled text written without its styles, for a stream that shows no colour (a pipe, a
//! file, `--color never`).
//!
//! The renderers write `anstyle` styles, which are SGR escapes (`ESC [ 1 ; 33 m`), and
//! `anstream` strips them off such a stream with a terminal parser that looks at every byte:
//! 300,000 instructions for the flagship serum's report, a tenth of the whole run. Here a
//! rendered report goes through once, skipping each SGR escape found by a byte search; any
//! byte this does not expect (another escape, a control character, DEL, a C1 control, bytes
//! that are not UTF-8) sends the whole text through `anstream`'s own stripper instead, so the
//! output is the same (a property test holds the two equal on any bytes).

use std::io::{self, Write};

/// Writes `styled` to `out` without its escapes, as `anstream` would, in one write.
pub fn write(out: &mut impl Write, styled: &[u8]) -> io::Result<()> {
    match strip_sgr(styled) {
        Some(plain) => out.write_all(&plain),
        None => out.write_all(&anstream::adapter::strip_bytes(styled).into_vec()),
    }
}

/// Writes a rendered text to standard output and flushes it: without its styles, in one
/// pass and one write, when standard output shows no colour; else through `anstream`, which
/// passes the styles on (or translates them, on an old Windows console).
pub fn to_stdout(styled: &[u8]) -> io::Result<()> {
    let stdout = anstream::stdout();
    if stdout.current_choice() == anstream::ColorChoice::Never {
        let mut out = io::stdout().lock();
        write(&mut out, styled)?;
        out.flush()
    } else {
        let mut out = stdout.lock();
        out.write_all(styled)?;
        out.flush()
    }
}

const ESC: u8 = 0x1b;

/// `styled` without its SGR escapes (`ESC [`, parameters, `m`), or `None` when it holds a
/// byte a terminal would act on otherwise: another escape, a C0 control but tab, line feed
/// and carriage return, DEL, or a C1 control (`U+0080` to `U+009F`, `C2 80` to `C2 9F` in
/// UTF-8), or text that is not UTF-8. Runs of ordinary bytes are found by one search and
/// copied whole.
fn strip_sgr(styled: &[u8]) -> Option<Vec<u8>> {
    // Outside valid UTF-8, a byte from 0x80 to 0x9F is a C1 control to a terminal.
    std::str::from_utf8(styled).ok()?;
    let mut plain = Vec::with_capacity(styled.len());
    let mut rest = styled;
    loop {
        let Some(at) = next_stop(rest) else {
            plain.extend_from_slice(rest);
            return Some(plain);
        };
        plain.extend_from_slice(&rest[..at]);
        let tail = &rest[at..];
        let skip = match tail[0] {
            ESC => match sgr_len(tail) {
                0 => return None,
                n => n,
            },
            b @ (b'\t' | b'\n' | b'\r') => {
                plain.push(b);
                1
            }
            0xc2 if tail.get(1).is_some_and(|c| !(0x80..0xa0).contains(c)) => {
                plain.push(0xc2);
                1
            }
            _ => return None,
        };
        rest = &tail[skip..];
    }
}

/// Whether a byte ends a run of ordinary bytes: a C0 control (escapes, tabs and line ends
/// among them), DEL, or `C2`, which leads the UTF-8 of the C1 controls.
fn stops(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2
}

/// The offset of the first byte of `bytes` that [`stops`] a run, eight bytes at a time
/// ([`inci_dict::swar`]): a report's runs between styles and line ends are tens of bytes, and
/// a byte-by-byte search was 12 instructions a byte (100,000 for the flagship serum's report).
fn next_stop(bytes: &[u8]) -> Option<usize> {
    use inci_dict::swar::{bytes_below, bytes_equal, first};
    let mut at = 0;
    while let Some(word) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*word);
        let mask = bytes_below(w, 0x20) | bytes_equal(w, 0x7f) | bytes_equal(w, 0xc2);
        if mask != 0 {
            return Some(at + first(mask));
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| stops(b)).map(|i| at + i)
}

/// The length of the SGR sequence `text` starts with (`ESC [`, digits and `;`, `m`), or 0
/// when it does not start with one.
fn sgr_len(text: &[u8]) -> usize {
    if !text.starts_with(&[ESC, b'[']) {
        return 0;
    }
    match text[2..]
        .iter()
        .position(|&b| !(b.is_ascii_digit() || b == b';'))
    {
        Some(at) if text[2 + at] == b'm' => 3 + at,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unstyled(text: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, text).expect("a Vec takes every write");
        out
    }

    #[test]
    fn equals_anstream_on_styles_and_on_what_it_does_not_expect() {
        let cases: [&[u8]; 12] = [
            b"plain text\n",
            b"\x1b[1mbold\x1b[0m and \x1b[33;1myellow\x1b[0m\n",
            b"\x1b[mreset only",
            b"tab\tand\r\ncarriage return",
            "accents é and 한국어 \x1b[2mdim\x1b[0m".as_bytes(),
            b"\x1b]0;title\x07after an OSC",
            b"\x1b(Bcharset",
            b"bell\x07 and DEL\x7f",
            "C1 \u{9b}31m control".as_bytes(),
            b"\x1b[31",
            b"\x1b",
            b"form\x0cfeed",
        ];
        let more: [&[u8]; 3] = [
            "degree \u{b0} and nbsp \u{a0}".as_bytes(),
            b"ends in \xc2",
            b"\xc2\x9b",
        ];
        for case in cases.into_iter().chain(more) {
            let want = anstream::adapter::strip_bytes(case).into_vec();
            assert_eq!(unstyled(case), want, "{:?}", String::from_utf8_lossy(case));
        }
    }

    #[test]
    fn the_next_stop_is_the_first_byte_that_stops_a_run() {
        // Every byte value at every offset of a word and of the tail, after bytes that stop
        // nothing and before bytes that do (a borrow may flag those falsely).
        for b in 0..=u8::MAX {
            for len in 1..=20 {
                for at in 0..len {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    for later in &mut text[at + 1..] {
                        *later = 0x1f;
                    }
                    let want = text.iter().position(|&c| stops(c));
                    assert_eq!(next_stop(&text), want, "{b:#04x} at {at} of {len}");
                }
            }
        }
        assert_eq!(next_stop(b""), None);
        assert_eq!(next_stop("\u{e9}\u{e0}abcdefghij".as_bytes()), None);
        assert_eq!(next_stop("\u{e9}\u{a0}abcdefghij".as_bytes()), Some(2));
        assert_eq!(next_stop("abcdefg\u{9b}".as_bytes()), Some(7));
    }

    proptest::proptest! {
        /// Any bytes, drawn mostly from those that make or break an escape: the same output
        /// as `anstream`, whichever path is taken.
        #[test]
        fn any_bytes_unstyled_equal_anstream(
            picks in proptest::collection::vec(0usize..16, 0..64),
            other in proptest::collection::vec(proptest::num::u8::ANY, 64),
        ) {
            const PARTS: [&[u8]; 15] = [
                b"\x1b", b"[", b"1", b";", b"m", b"33", b"abc ", b"\n", b"\t", b"\r",
                b"\x07", b"\x7f", b"\xc2", b"\x9b", "\u{e9}".as_bytes(),
            ];
            let mut text = Vec::new();
            for (k, &p) in picks.iter().enumerate() {
                match PARTS.get(p) {
                    Some(part) => text.extend_from_slice(part),
                    None => text.push(other[k]),
                }
            }
            let want = anstream::adapter::strip_bytes(&text).into_vec();
            proptest::prop_assert_eq!(unstyled(&text), want);
        }
    }

    #[test]
    fn every_fixture_report_unstyled_equals_anstream() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut files = vec![dir];
        let mut seen = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for e in std::fs::read_dir(&path).expect("fixtures readable") {
                    files.push(e.expect("dir entry").path());
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let report = inci::scan::scan(&text);
            let mut styled = Vec::new();
            crate::render::text::write(&mut styled, &report, 100).expect("render");
            assert!(styled.contains(&ESC), "{}: no styles", path.display());
            let want = anstream::adapter::strip_bytes(&styled).into_vec();
            assert_eq!(unstyled(&styled), want, "{}", path.display());
            assert!(
                strip_sgr(&styled).is_some(),
                "{}: took the slow path",
                path.display()
            );
            seen += 1;
        }
        assert!(seen > 100, "only {seen} fixture labels");
    }
}
