//! First pass: cut the input into pieces (text, separators, markers, skipped pack text).
//!
//! The lexer knows brackets, separators and markers but no ingredient names; it cuts at every
//! place that *might* end an item and marks the commas and full stops that the dictionary may
//! later glue back (`merge.rs`). It runs in one pass: bracket pairs are found first, per line,
//! with a stack, so a hundred thousand nested parentheses cost no more than a hundred thousand
//! letters.

use super::label::{Diagnostic, DiagnosticCode, Section, Skip};
use super::rules;
use crate::span::Span;

/// A piece of input, before merging and classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub kind: PieceKind,
    pub span: Span,
    pub section: Section,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PieceKind {
    /// Candidate item text.
    Text,
    /// A separator run; `mergeable` when it is a single comma or full stop on one line, which
    /// the dictionary may glue back into a name.
    Sep {
        mergeable: bool,
        newline: bool,
    },
    MayContainStart,
    MayContainEnd,
    BlendJoint,
    Skipped(Skip),
}

/// Bytes the bracket pass reads at once.
const LOOK_CHUNK: usize = 16;

/// True for the bytes the bracket pass acts on: a line break, an ASCII bracket, and the first
/// bytes of `（` `）` (`0xEF`) and `【` `】` (`0xE3`), which in UTF-8 are never inside another
/// character.
fn is_look_byte(b: u8) -> bool {
    matches!(
        b,
        b'\n' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | 0xE3 | 0xEF
    )
}

/// True when a byte of `chunk` is one [`is_look_byte`]: a branch-free fold over a fixed number
/// of bytes, which the compiler turns into a few vector compares.
fn chunk_needs_look(chunk: &[u8; LOOK_CHUNK]) -> bool {
    // The bracket pairs that differ in one bit (`(` `)`; `[` `{`; `]` `}`) are each one
    // compare with that bit masked.
    chunk.iter().fold(0u8, |m, &b| {
        m | u8::from(b == b'\n')
            | u8::from(b & 0xFE == b'(')
            | u8::from(b & 0xDF == b'[')
            | u8::from(b & 0xDF == b']')
            | u8::from(b == 0xE3)
            | u8::from(b == 0xEF)
    }) != 0
}

/// What the bracket pass keeps as it reads: the brackets open on the current line, the pairs
/// closed, and the brackets left without a partner.
#[derive(Default)]
struct Pairing {
    open: Vec<(usize, char)>,
    pairs: Vec<(usize, usize)>,
    unmatched: Vec<usize>,
}

impl Pairing {
    /// Reads the character `c` at byte `at`: a line break leaves the brackets still open
    /// unmatched, an opening bracket opens, a closing one closes the last if it is its
    /// partner; any other character changes nothing.
    fn read(&mut self, at: usize, c: char) {
        if c == '\n' {
            self.unmatched.extend(self.open.drain(..).map(|(p, _)| p));
        } else if rules::closing_bracket(c).is_some() {
            self.open.push((at, c));
        } else if matches!(c, ')' | ']' | '}' | '）' | '】') {
            match self.open.last() {
                Some(&(p, open)) if rules::closing_bracket(open) == Some(c) => {
                    self.open.pop();
                    self.pairs.push((p, at + c.len_utf8()));
                }
                _ => self.unmatched.push(at),
            }
        }
    }

    /// The pairs and the unmatched brackets (those still open at the end included), each
    /// sorted by position.
    fn finish(mut self) -> (Vec<(usize, usize)>, Vec<usize>) {
        self.unmatched.extend(self.open.drain(..).map(|(p, _)| p));
        self.unmatched.sort_unstable();
        self.pairs.sort_unstable();
        (self.pairs, self.unmatched)
    }
}

/// Bracket pairs of one input: for each opening bracket that is closed on the same line, the
/// byte after its closing bracket. Sorted by opening position.
struct Brackets {
    pairs: Vec<(usize, usize)>,
}

impl Brackets {
    fn find(input: &str, diagnostics: &mut Vec<Diagnostic>) -> Self {
        let mut pairing = Pairing::default();
        let bytes = input.as_bytes();
        // The bytes the pass acts on, in order: a line break, an ASCII bracket, or the first
        // byte of a character that may be a full-width bracket.
        let mut at_byte = |at: usize| {
            if let Some(c) = input.get(at..).and_then(|s| s.chars().next()) {
                pairing.read(at, c);
            }
        };
        // Nearly every byte is none of those: a chunk of them is passed over after one test
        // (compiled to a few vector compares), and a chunk with one is read byte by byte.
        let mut base = 0;
        while let Some(chunk) = bytes
            .get(base..)
            .and_then(<[u8]>::first_chunk::<LOOK_CHUNK>)
        {
            if chunk_needs_look(chunk) {
                for (k, &b) in chunk.iter().enumerate() {
                    if is_look_byte(b) {
                        at_byte(base + k);
                    }
                }
            }
            base += LOOK_CHUNK;
        }
        for (k, &b) in bytes.get(base..).unwrap_or_default().iter().enumerate() {
            if is_look_byte(b) {
                at_byte(base + k);
            }
        }
        let (pairs, unmatched) = pairing.finish();
        for p in unmatched {
            let len = input[p..].chars().next().map_or(1, char::len_utf8);
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::UnbalancedBracket,
                message: "bracket without its partner on the same line; read as a plain character"
                    .into(),
                span: Span::new(p, p + len),
            });
        }
        Brackets { pairs }
    }

    /// The end of the bracket group opening at `pos`, if it is closed.
    fn close_of(&self, pos: usize) -> Option<usize> {
        self.pairs
            .binary_search_by_key(&pos, |&(o, _)| o)
            .ok()
            .map(|i| self.pairs[i].1)
    }
}

/// The bytes a header can start with, for [`find_headers`]: the first letters of
/// [`rules::HEADER_STARTS`] in either case, and the first bytes of `전성분` and `全成分`.
const HEADER_FIRST: [bool; 256] = {
    let mut table = rules::HEADER_STARTS.first_bytes();
    table["전성분".as_bytes()[0] as usize] = true;
    table["全成分".as_bytes()[0] as usize] = true;
    table
};

/// Positions of list headers (`Ingredients:`), each with its end, in input order; `colon`
/// says whether the input holds a colon (`:` or `：`).
fn find_headers(input: &str, colon: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Every header ends with a colon, but for the Korean and Japanese ones; most labels have
    // none.
    if !colon && (input.is_ascii() || !input.contains("전성분") && !input.contains("全成分"))
    {
        return out;
    }
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes start no header: one table load says so before the word-start test
        // (that test first cost 10 instructions a byte of every label with a colon).
        let b = bytes[i];
        if !HEADER_FIRST[usize::from(b)] {
            i += 1;
            continue;
        }
        // Word starts only; a non-ASCII byte before counts as part of a word.
        let at_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] >= 0x80);
        if at_word && b.is_ascii() && input.is_char_boundary(i) {
            let rest = &input[i..];
            if rules::could_start(rest, rules::HEADER_STARTS)
                && let Ok((after, _)) = rules::preamble_header(rest)
            {
                let end = input.len() - after.len();
                out.push((i, end));
                i = end;
                continue;
            }
        }
        // `전성분` and `全成分` start with these bytes (U+C804, U+5168 in UTF-8).
        if at_word
            && matches!(bytes[i], 0xEC | 0xE5)
            && input.is_char_boundary(i)
            && let Ok((after, _)) = rules::cjk_header(&input[i..])
        {
            let end = input.len() - after.len();
            out.push((i, end));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Words that open a free-from statement, in lower case: an anchor searched for, then the
/// words that must come before or after it. No anchor overlaps itself, so a search finds
/// every place one starts.
const FREE_FROM_MARKERS: &[(&str, &[&str], &[&str])] = &[
    ("free ", &[], &["from ", "of "]),
    (
        "contain",
        &["do not ", "does not ", "doesn't ", "don't "],
        &["s no ", " no "],
    ),
    ("without ", &["formulated ", "made "], &[]),
];

/// `bytes[at..]` starts with `word` (lower case) in any ASCII case.
fn starts_with_at(bytes: &[u8], at: usize, word: &str) -> bool {
    bytes
        .get(at..at + word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
}

/// The largest lower-cased copy of a label kept for the next label, in bytes.
const MAX_KEPT_COPY: usize = 1 << 20;

/// Where free-from statements' markers start (`free from`, `does not contain`), sorted.
///
/// Each anchor is searched for (vectorized, `memchr::memmem`) in a lower-cased copy of the
/// label kept per thread; no anchor overlaps itself, so the search finds every place one
/// starts. (A search for the anchors' first letters in either case, `memchr3`, stopped at
/// every `c` of a label: about 50 stops a list, 5 instructions a byte of every label.)
fn free_from_marks(input: &str) -> Vec<usize> {
    thread_local! {
        static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        FREE_FROM_MARKERS
            .iter()
            .map(|m| memchr::memmem::Finder::new(m.0))
            .collect()
    });
    let bytes = input.as_bytes();
    let mut marks: Vec<usize> = Vec::new();
    let mut each = |lower: &[u8]| {
        for (finder, &(anchor, before, after)) in finders.iter().zip(FREE_FROM_MARKERS) {
            for at in finder.find_iter(lower) {
                let from = at + anchor.len();
                let start = before
                    .iter()
                    .find(|b| at >= b.len() && starts_with_at(bytes, at - b.len(), b))
                    .map_or(at, |b| at - b.len());
                let word_start = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
                let follows = after.iter().any(|a| starts_with_at(bytes, from, a));
                // Either the words before the anchor (`does not contain`) or after it
                // (`free from`, `contains no`) make the marker.
                let matched = start < at || follows || (before.is_empty() && after.is_empty());
                if word_start && matched {
                    marks.push(start);
                }
            }
        }
    };
    let kept = LOWER.with(|l| {
        let mut lower = l.try_borrow_mut().ok()?;
        lower.clear();
        lower.extend(bytes.iter().map(u8::to_ascii_lowercase));
        each(&lower);
        // The copy of a label of megabytes is not kept for the next, short one.
        if lower.capacity() > MAX_KEPT_COPY {
            *lower = Vec::new();
        }
        Some(())
    });
    if kept.is_none() {
        each(&input.to_ascii_lowercase().into_bytes());
    }
    marks.sort_unstable();
    marks
}

/// Free-from statements, as sorted, disjoint `(start, end)` ranges: from the start of the
/// segment holding the marker (after the previous comma, semicolon, colon, line break or
/// sentence end) to the end of its sentence (a full stop, a line break, or the end). What they
/// name is not in the product, so it is pack text, not ingredients.
fn find_free_from(input: &str) -> Vec<(usize, usize)> {
    let marks = free_from_marks(input);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in marks {
        if out.last().is_some_and(|&(_, e)| at < e) {
            continue;
        }
        let before = &input[..at];
        let seg = before
            .char_indices()
            .rev()
            .find(|&(i, c)| matches!(c, ',' | ';' | ':' | '\n') || is_full_stop(input, i))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let seg = seg + (input[seg..at].len() - input[seg..at].trim_start().len());
        let end = input[at..]
            .char_indices()
            .find(|&(i, c)| c == '\n' || is_full_stop(input, at + i))
            .map_or(input.len(), |(i, _)| at + i);
        let seg = out.last().map_or(seg, |&(_, e)| seg.max(e));
        out.push((seg, end));
    }
    out
}

/// True when `text` (after its bullet dash) reads `Name: sentence`: a short name with no comma,
/// a colon, then words. An ingredient with a percentage (`Octinoxate 7.5%, ...: Sunscreen`)
/// has a comma first and is not one.
fn is_highlight(text: &str) -> bool {
    if !text.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    // The colon is within the first 60 bytes: searching the whole rest of the input from every
    // dash-led line was quadratic (40,000 `-Aqua` lines took seconds).
    let mut end = text.len().min(61);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(colon) = text[..end].find(':') else {
        return false;
    };
    let name = &text[..colon];
    !name.contains([',', ';', '%', '\n'])
        && name.split_whitespace().count() <= 6
        && text[colon + 1..].starts_with(' ')
        && text[colon + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_alphabetic())
}

/// Where the next highlight bullet starts in `text` (a space or line break, then `-` and a
/// letter), or a line break ends this one; `None` when it runs to the end.
fn next_highlight(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len()).find(|&i| {
        bytes[i] == b'\n'
            || (bytes[i] == b'-'
                && bytes[i - 1].is_ascii_whitespace()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
    })
}

/// A list exported as a quoted array (`['aqua', 'glycerin', 'parfum']`, as some catalogs
/// store it): the byte positions of its outer brackets and of the quotes around each item, or
/// nothing when the text is not such a list. Every item must be quoted with the same quote and
/// the quoted items separated by commas, so a name with brackets or quotes inside is safe.
fn find_quoted_list(input: &str) -> Vec<usize> {
    let trimmed = input.trim();
    let lead = input.len() - input.trim_start().len();
    let bytes = trimmed.as_bytes();
    let (Some(&b'['), Some(&q), Some(&b']')) = (bytes.first(), bytes.get(1), bytes.last()) else {
        return Vec::new();
    };
    if !matches!(q, b'\'' | b'"') || bytes.len() < 4 || bytes[bytes.len() - 2] != q {
        return Vec::new();
    }
    let mut out = vec![lead, lead + 1];
    let mut i = 2;
    let end = bytes.len() - 2;
    // Each item ends at a quote that a comma and the next opening quote follow; the last one
    // at the closing quote. A quote inside a name followed by anything else stays in the name.
    while let Some(k) = trimmed[i..end].find(q as char) {
        let close = i + k;
        let after = trimmed[close + 1..end].trim_start_matches(' ');
        let next = after
            .strip_prefix(',')
            .map(|r| r.trim_start_matches(' '))
            .filter(|r| r.starts_with(q as char));
        match next {
            Some(rest) => {
                let open = end - rest.len();
                out.push(lead + close);
                out.push(lead + open);
                i = open + 1;
            }
            // `'aqua', glycerin'`: a quoted comma with no quote after it is not this format.
            None if after.starts_with(',') => return Vec::new(),
            None => i = close + 1,
        }
    }
    out.push(lead + bytes.len() - 2);
    out.push(lead + bytes.len() - 1);
    out
}

fn char_at(input: &str, pos: usize) -> Option<char> {
    input.get(pos..).and_then(|s| s.chars().next())
}

fn char_before(input: &str, pos: usize) -> Option<char> {
    input.get(..pos).and_then(|s| s.chars().next_back())
}

/// A full stop ends an item when whitespace, a separator or the end follows it (so `0.5`,
/// `C.I.` and `No.5` stay whole).
fn is_full_stop(input: &str, pos: usize) -> bool {
    char_at(input, pos) == Some('.')
        && match char_at(input, pos + 1) {
            None => true,
            Some(n) => {
                (n == '\n' || rules::is_hspace(n) || rules::is_separator_char(n) || n == '.')
                    && !is_initial(input, pos)
            }
        }
}

/// The dot of an initial inside a name, as in `C.I. 77491` or `C. I. 77491`: a single letter
/// before it, and after the space a digit or another initial.
fn is_initial(input: &str, dot: usize) -> bool {
    let before = &input[..dot];
    let mut rev = before.chars().rev();
    let single_letter = rev.next().is_some_and(|c| c.is_ascii_alphabetic())
        && rev.next().is_none_or(|c| c == '.' || c == ' ');
    if !single_letter {
        return false;
    }
    let after = input[dot + 1..].trim_start_matches(' ');
    let mut chars = after.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if c.is_ascii_alphabetic() => chars.next() == Some('.'),
        _ => false,
    }
}

/// The ASCII bytes [`Lexer::item`] acts on: line breaks, separators, the percent sign, full
/// stops, entities, may-contain signs and opening brackets. Any other ASCII byte is passed
/// over as part of the item's text.
const ITEM_STOPS: &[u8] = b"\n,;|%.&+([{";

/// Bytes [`Lexer::item`] passes over: ASCII, outside [`ITEM_STOPS`].
static PLAIN: [bool; 256] = plain_bytes(false);
/// [`PLAIN`] but for ASCII whitespace, after which a header may start.
static WORD: [bool; 256] = plain_bytes(true);

const fn plain_bytes(but_space: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !(but_space && (b as u8).is_ascii_whitespace());
        b += 1;
    }
    let mut i = 0;
    while i < ITEM_STOPS.len() {
        t[ITEM_STOPS[i] as usize] = false;
        i += 1;
    }
    t
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    section: Section,
    /// End (position of the closing bracket) of the bracketed may-contain block we are in.
    block_close: Option<usize>,
    brackets: Brackets,
    headers: Vec<(usize, usize)>,
    /// Free-from statements, sorted and disjoint.
    free_from: Vec<(usize, usize)>,
    /// The text has a colon or question mark, so headers and Drug Facts sections may break
    /// items (most labels have neither).
    has_sections: bool,
    /// Brackets and quotes of a list printed as a quoted array (`['aqua', 'glycerin']`),
    /// sorted: separators, not parts of names.
    list_punct: Vec<usize>,
    pieces: Vec<Piece>,
    diagnostics: Vec<Diagnostic>,
}

/// Cuts `input` into pieces that cover it exactly.
pub(crate) fn lex(input: &str) -> (Vec<Piece>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let brackets = Brackets::find(input, &mut diagnostics);
    // One pass for the colons both the headers and the sections start from.
    let colon = rules::has_colon(input);
    let headers = find_headers(input, colon);
    let mut lx = Lexer {
        input,
        pos: 0,
        section: Section::Main,
        block_close: None,
        brackets,
        headers,
        free_from: find_free_from(input),
        list_punct: find_quoted_list(input),
        has_sections: colon || memchr::memchr(b'?', input.as_bytes()).is_some(),
        // About one piece per eight bytes of a list (a name, then its separator): sized
        // once instead of grown a dozen times.
        pieces: Vec::with_capacity(input.len() / 8 + 4),
        diagnostics,
    };
    if let Some(&(start, end)) = lx.headers.first() {
        if start > 0 {
            lx.push(PieceKind::Skipped(Skip::Preamble), 0, start);
        }
        lx.push(PieceKind::Skipped(Skip::Header), start, end);
        lx.pos = end;
    }
    lx.run();
    lx.diagnostics.sort_by_key(|d| d.span);
    (lx.pieces, lx.diagnostics)
}

/// Possible starts of [`rules::drug_facts_section`].
const DRUG_FACTS_STARTS: &rules::Prefixes =
    &rules::Prefixes::new(&["purpos", "uses", "use:", "other ", "questi"]);

impl Lexer<'_> {
    /// True at a header (`Inactive Ingredients:`) or Drug Facts section (`Purpose:`) that
    /// starts after a space.
    fn breaks_at(&self, pos: usize) -> bool {
        if !self.has_sections {
            return false;
        }
        let bytes = self.input.as_bytes();
        if pos == 0 || !bytes[pos - 1].is_ascii_whitespace() {
            return false;
        }
        self.headers.binary_search_by_key(&pos, |&(s, _)| s).is_ok()
            || (rules::could_start(&self.input[pos..], DRUG_FACTS_STARTS)
                && rules::drug_facts_section(&self.input[pos..]).is_ok())
    }

    fn is_list_punct(&self, pos: usize) -> bool {
        !self.list_punct.is_empty() && self.list_punct.binary_search(&pos).is_ok()
    }

    /// Skips `start..end` as `skip`, stopping short of the bracket that closes an open
    /// may-contain block (the block must still see its end), and reports that it moved on.
    fn skip_to(&mut self, skip: Skip, start: usize, end: usize) -> bool {
        let end = self
            .block_close
            .filter(|&c| c > start && c < end)
            .unwrap_or(end);
        self.push(PieceKind::Skipped(skip), start, end);
        self.pos = end;
        true
    }

    fn push(&mut self, kind: PieceKind, start: usize, end: usize) {
        if end > start {
            self.pieces.push(Piece {
                kind,
                span: Span::new(start, end),
                section: self.section,
            });
        }
    }

    fn rest(&self) -> &str {
        &self.input[self.pos..]
    }

    fn run(&mut self) {
        let len = self.input.len();
        while self.pos < len {
            self.separators();
            if self.pos >= len {
                break;
            }
            if self.block_close == Some(self.pos) {
                self.close_block();
                continue;
            }
            if self.segment_start() {
                continue;
            }
            self.item();
        }
    }

    fn close_block(&mut self) {
        let start = self.pos;
        let len = char_at(self.input, start).map_or(1, char::len_utf8);
        self.push(PieceKind::MayContainEnd, start, start + len);
        self.section = Section::Main;
        self.block_close = None;
        self.pos = start + len;
    }

    /// Consumes a run of whitespace, separators, full stops and line bullets.
    fn separators(&mut self) {
        let start = self.pos;
        // Most separators are `, ` before a name, inside a line, outside any quoted array or
        // may-contain block: a single mergeable comma, as the loop below finds it.
        let bytes = self.input.as_bytes();
        if start > 0
            && bytes.get(start - 1..start + 3).is_some_and(|w| {
                w[0] != b'\n' && w[1] == b',' && w[2] == b' ' && w[3].is_ascii_alphanumeric()
            })
            && self.list_punct.is_empty()
            && self.block_close.is_none()
        {
            self.pos = start + 2;
            self.push(
                PieceKind::Sep {
                    mergeable: true,
                    newline: false,
                },
                start,
                start + 2,
            );
            return;
        }
        let mut stops = 0usize;
        let mut commas = 0usize;
        let mut hard = false;
        let mut at_line_start = start == 0 || char_before(self.input, start) == Some('\n');
        while let Some(c) = char_at(self.input, self.pos) {
            if self.block_close == Some(self.pos) {
                break;
            }
            if c == '\n' {
                hard = true;
                at_line_start = true;
                self.pos += 1;
            } else if self.is_list_punct(self.pos) {
                hard = true;
                self.pos += 1;
            } else if rules::is_hspace(c) {
                self.pos += c.len_utf8();
            } else if at_line_start
                && rules::line_bullet(self.rest()).is_ok()
                && !self.rest().starts_with("+/-")
            {
                let (rest, _) = rules::line_bullet(self.rest()).unwrap_or(("", ""));
                self.pos = self.input.len() - rest.len();
                hard = true;
                at_line_start = false;
            } else if rules::is_separator_char(c) {
                if matches!(c, ',' | '，') {
                    commas += 1;
                } else {
                    hard = true;
                }
                at_line_start = false;
                self.pos += c.len_utf8();
            } else if c == '.' && is_full_stop(self.input, self.pos) {
                stops += 1;
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos > start {
            if commas > 1 {
                self.diagnostics.push(Diagnostic {
                    code: DiagnosticCode::EmptyItem,
                    message: "separators with no ingredient between them".into(),
                    span: Span::new(start, self.pos),
                });
            }
            let mergeable = !hard && commas <= 1 && stops <= 1 && commas + stops >= 1;
            let text = &self.input[start..self.pos];
            let newline = commas + stops == 0
                && text.matches('\n').count() == 1
                && text.trim_matches(|c: char| c.is_whitespace()).is_empty();
            self.push(PieceKind::Sep { mergeable, newline }, start, self.pos);
        }
    }

    /// Headers, trailing pack text, may-contain markers and blend joints at a segment start.
    /// Returns true when one was consumed.
    fn segment_start(&mut self) -> bool {
        let start = self.pos;
        // A shop's highlight bullet, `-Hyaluronic Acid: Plumps, hydrates, and smooths.`: one
        // stretch of pack text up to the next bullet, never split at its commas.
        let rest = self.rest();
        // `-` is ASCII: the byte before is the character before.
        let dashed = rest.starts_with('-') || start > 0 && self.input.as_bytes()[start - 1] == b'-';
        if dashed && is_highlight(rest.strip_prefix('-').unwrap_or(rest)) {
            // It ends at the next bullet, a line break or its sentence's full stop, so the list
            // after it (`... smooths. Aqua, Glycerin`) is read.
            let stop = rest
                .char_indices()
                .find(|&(k, c)| c == '.' && is_full_stop(self.input, start + k))
                .map(|(k, _)| k);
            let end = match (next_highlight(rest), stop) {
                (Some(a), Some(b)) => start + a.min(b),
                (a, b) => a.or(b).map_or(self.input.len(), |k| start + k),
            };
            return self.skip_to(Skip::Prose, start, end);
        }
        let k = self.free_from.partition_point(|&(s, _)| s <= start);
        if let Some(&(_, end)) = k.checked_sub(1).and_then(|k| self.free_from.get(k))
            && start < end
        {
            return self.skip_to(Skip::FreeFrom, start, end);
        }
        if let Some(&(_, end)) = self.headers.iter().find(|(s, _)| *s == start) {
            self.push(PieceKind::Skipped(Skip::Header), start, end);
            self.pos = end;
            return true;
        }
        // `Contains: Sodium Fluoride 0,32 %` ends the list; `Contains alkali` is one statement
        // up to its separator; `Contains Nothing Extract` is an ingredient.
        // Only an opening bracket (ASCII, or the full-width ones, which are not) can start a
        // bracketed may-contain block or a blend joint.
        let rest_opens_bracket = self
            .rest()
            .as_bytes()
            .first()
            .is_some_and(|&b| matches!(b, b'(' | b'[' | b'{') || b >= 0x80);
        // One test for the three markers below; most items start with none.
        let marker = rules::could_start(self.rest(), rules::MARKER_STARTS);
        if marker && let Some(kind) = rules::content_statement(self.rest()) {
            let next_header = self
                .headers
                .iter()
                .map(|&(s, _)| s)
                .find(|&s| s > start)
                .unwrap_or(self.input.len());
            let end = match kind {
                rules::Content::Declaration => next_header,
                rules::Content::Statement => self
                    .rest()
                    .char_indices()
                    .find(|&(k, c)| {
                        c == '\n'
                            || rules::is_separator_char(c)
                            || is_full_stop(self.input, start + k)
                    })
                    .map_or(next_header, |(k, _)| (start + k).min(next_header)),
            };
            return self.skip_to(Skip::Prose, start, end);
        }
        if marker
            && rules::could_start(self.rest(), rules::TRAILING_PROSE_STARTS)
            && rules::trailing_prose_marker(self.rest()).is_ok()
        {
            let end = self
                .headers
                .iter()
                .map(|&(s, _)| s)
                .find(|&s| s > start)
                .unwrap_or(self.input.len());
            return self.skip_to(Skip::Prose, start, end);
        }
        // A second marker inside a block (`[+/- May contain: CI 77491]`) is part of the block's
        // opening, not a heading: recognised as long as it ends before the closing bracket.
        if marker
            && rules::could_start(self.rest(), rules::MAY_CONTAIN_STARTS)
            && let Ok((rest, _)) = rules::may_contain_marker(self.rest())
            && self
                .block_close
                .is_none_or(|close| self.input.len() - rest.len() <= close)
        {
            let end = self.input.len() - rest.len();
            self.section = Section::MayContain;
            self.push(PieceKind::MayContainStart, start, end);
            self.pos = end;
            return true;
        }
        if self.block_close.is_none()
            && rest_opens_bracket
            && let Some(close) = self.brackets.close_of(start)
        {
            let open_len = char_at(self.input, start).map_or(1, char::len_utf8);
            let close_start = close - char_before(self.input, close).map_or(1, char::len_utf8);
            let inner = &self.input[start + open_len..close_start];
            let trimmed = inner.trim_start_matches(rules::is_hspace);
            if let Ok((rest, _)) = rules::may_contain_marker(trimmed) {
                self.section = Section::MayContain;
                if rest.trim_matches(rules::is_hspace).is_empty() {
                    // `(+/-)` alone: the block runs to the end of the list.
                    self.push(PieceKind::MayContainStart, start, close);
                    self.pos = close;
                } else {
                    let after_marker = close_start - rest.len();
                    self.push(PieceKind::MayContainStart, start, after_marker);
                    self.pos = after_marker;
                    self.block_close = Some(close_start);
                }
                return true;
            }
        }
        if rest_opens_bracket && let Ok((rest, _)) = rules::blend_joint(self.rest()) {
            let end = self.input.len() - rest.len();
            self.push(PieceKind::BlendJoint, start, end);
            self.pos = end;
            return true;
        }
        false
    }

    /// Consumes item text up to the next place that may end an item.
    fn item(&mut self) {
        let start = self.pos;
        let input = self.input;
        let bytes = input.as_bytes();
        // With no quoted-array punctuation and no open may-contain block (most labels), only
        // the bytes of [`ITEM_STOPS`], non-ASCII ones and (when the text has sections) the
        // byte after a space can do anything but move on: the rest are skipped in runs.
        let runs = self.list_punct.is_empty() && self.block_close.is_none();
        let sections = self.has_sections;
        let plain = if sections { &WORD } else { &PLAIN };
        loop {
            let here = self.pos;
            let after_space = here > start && bytes[here - 1].is_ascii_whitespace();
            if runs && !(sections && after_space) {
                let rest = bytes.get(here..).unwrap_or_default();
                let mut run = rest
                    .iter()
                    .position(|&b| !plain[usize::from(b)])
                    .unwrap_or(rest.len());
                // A header or section may start after a space: the run takes the space and
                // stops there.
                if sections && rest.get(run).is_some_and(|&b| PLAIN[usize::from(b)]) {
                    run += 1;
                }
                if run > 0 {
                    self.pos = here + run;
                    continue;
                }
            }
            // The rest of a word: an ASCII letter or digit after one is no bracket, quote or
            // separator, and no header starts there (one starts after a space), so none of
            // the tests below can stop at it. Skipped a byte at a time before any character
            // is decoded, most of a label is.
            if here > start
                && bytes.get(here).is_some_and(u8::is_ascii_alphanumeric)
                && bytes[here - 1].is_ascii_alphanumeric()
            {
                let rest = &bytes[here + 1..];
                let len = rest
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
                self.pos = here + 1 + len;
                continue;
            }
            let Some(c) = char_at(input, here) else {
                break;
            };
            if self.block_close == Some(here) || self.is_list_punct(here) {
                break;
            }
            // A header or a Drug Facts section inside a run of text (`Octinoxate 7.5% Purpose:
            // Sunscreen ... Inactive Ingredients:`) starts a new piece.
            if here > start && self.breaks_at(here) {
                break;
            }
            match c {
                '\n' => {
                    if !self.hyphenated_break(start, here) {
                        break;
                    }
                    self.pos += 1;
                }
                ',' if char_before(input, here).is_some_and(|p| p.is_ascii_digit())
                    && char_at(input, here + 1).is_some_and(|n| n.is_ascii_digit()) =>
                {
                    self.pos += 1;
                }
                c if rules::is_separator_char(c) => break,
                // `Zinc Oxide 9.60%Water`: a percentage glued to the next name ends the item.
                '%' if char_at(input, here + 1).is_some_and(char::is_uppercase) => {
                    self.pos += 1;
                    break;
                }
                '.' if is_full_stop(input, here) => break,
                '&' => {
                    let len = inci_dict::entity_len(&input[here..]).map_or(1, |(l, _)| l);
                    self.pos += len;
                }
                '+' | '±'
                    if here > start
                        && char_before(input, here).is_some_and(rules::is_hspace)
                        && rules::may_contain_marker(&input[here..]).is_ok() =>
                {
                    break;
                }
                c if rules::closing_bracket(c).is_some() => {
                    if here > start
                        && char_before(input, here).is_some_and(rules::is_hspace)
                        && rules::blend_joint(&input[here..]).is_ok()
                    {
                        break;
                    }
                    match self.brackets.close_of(here) {
                        Some(close) => {
                            let inner = &input[here + c.len_utf8()..close];
                            if here > start
                                && rules::may_contain_marker(
                                    inner.trim_start_matches(rules::is_hspace),
                                )
                                .is_ok()
                            {
                                break;
                            }
                            // A bracketed may-contain block closes inside: stop at its bracket.
                            self.pos = match self.block_close {
                                Some(bc) if bc < close => bc,
                                _ => close,
                            };
                        }
                        None => self.pos += c.len_utf8(),
                    }
                }
                c => self.pos += c.len_utf8(),
            }
        }
        if self.pos == start {
            // Nothing matched a rule: take one character so the lexer always advances.
            self.pos += char_at(input, start).map_or(1, char::len_utf8);
        }
        let mut end = self.pos;
        while let Some(c) = char_before(input, end) {
            if end > start && (rules::is_hspace(c) || c == '\n') {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        self.push(PieceKind::Text, start, end);
        self.pos = end;
    }

    /// True when the line break at `nl` continues a hyphenated word: the item's line ends with
    /// `letter-` and the next line starts with a letter.
    fn hyphenated_break(&self, start: usize, nl: usize) -> bool {
        let line = self.input[start..nl].trim_end_matches(['\r', ' ', '\t']);
        if !line.ends_with('-')
            || !line[..line.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        let next = self.input[nl + 1..].trim_start_matches([' ', '\t']);
        next.chars().next().is_some_and(char::is_alphanumeric)
    }
}

#[cfg(test)]
mod tests {
    use super::find_free_from;

    fn stretches(input: &str) -> Vec<&str> {
        find_free_from(input)
            .into_iter()
            .map(|(s, e)| &input[s..e])
            .collect()
    }

    #[test]
    fn free_from_runs_from_its_segment_to_the_sentence_end() {
        assert_eq!(
            stretches("Aqua, Glycerin. Free from parabens, PABA. Made in France"),
            ["Free from parabens, PABA"]
        );
        assert_eq!(
            stretches("REN does not use X, all products are free from A, B.\nAqua"),
            ["all products are free from A, B"]
        );
        assert_eq!(
            stretches("In addition, they do not contain: glycols, PEGs"),
            ["they do not contain: glycols, PEGs"]
        );
        assert_eq!(stretches("Contains no parabens"), ["Contains no parabens"]);
        assert_eq!(
            stretches("formulated without sulfates"),
            ["formulated without sulfates"]
        );
    }

    /// The markers as the lexer found them before `memchr3`: one search per anchor in a
    /// lower-cased copy.
    fn marks_by_search(input: &str) -> Vec<usize> {
        let lower = input.to_ascii_lowercase();
        let mut marks = Vec::new();
        for &(anchor, before, after) in super::FREE_FROM_MARKERS {
            let mut from = 0;
            while let Some(k) = lower[from..].find(anchor) {
                let at = from + k;
                from = at + anchor.len();
                let (head, tail) = (&lower[..at], &lower[from..]);
                let start = before
                    .iter()
                    .find(|b| head.ends_with(*b))
                    .map_or(at, |b| at - b.len());
                let word_start = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
                let follows = after.iter().any(|a| tail.starts_with(a));
                if word_start && (start < at || follows || (before.is_empty() && after.is_empty()))
                {
                    marks.push(start);
                }
            }
        }
        marks.sort_unstable();
        marks
    }

    #[test]
    fn free_from_markers_are_found_in_any_case_as_a_search_finds_them() {
        let texts = [
            "FREE FROM PARABENS",
            "fReE oF sulfates, DOES NOT CONTAIN alcohol, Contains No Dyes",
            "free free from, contain contains no, without without ",
            "Made Without Parfum; formulated without oils. Don't contain: x",
            "Aqua, Carefree Extract, Wfree Cfree , Contains, W",
            "Écrans free from é, 成分 without 香料, contain",
            "free",
            "",
        ];
        for text in texts {
            assert_eq!(
                super::free_from_marks(text),
                marks_by_search(text),
                "{text}"
            );
        }
        // Every mix of the words and their cases, cut at every length.
        let words = [
            "Free ",
            "fREE ",
            "from ",
            "OF ",
            "does not ",
            "CONTAIN",
            "s no ",
            "Without ",
            "made ",
            "x, ",
        ];
        for a in words {
            for b in words {
                for c in words {
                    let text = format!("{a}{b}{c}");
                    for end in 0..=text.len() {
                        let cut = &text[..end];
                        assert_eq!(super::free_from_marks(cut), marks_by_search(cut), "{cut}");
                    }
                }
            }
        }
    }

    /// The bracket pass as it read the input before chunks: every character in turn.
    fn brackets_slowly(input: &str) -> (Vec<(usize, usize)>, Vec<usize>) {
        let mut pairing = super::Pairing::default();
        for (at, c) in input.char_indices() {
            pairing.read(at, c);
        }
        pairing.finish()
    }

    #[track_caller]
    fn brackets_as_slowly(input: &str) {
        let mut diagnostics = Vec::new();
        let found = super::Brackets::find(input, &mut diagnostics);
        let unmatched: Vec<usize> = diagnostics.iter().map(|d| d.span.start).collect();
        assert_eq!(
            (found.pairs, unmatched),
            brackets_slowly(input),
            "{input:?}"
        );
    }

    #[test]
    fn the_chunk_test_is_the_byte_test() {
        // Every byte value at every place of a chunk of letters, then pairs of bytes.
        for at in 0..super::LOOK_CHUNK {
            for b in 0..=255u8 {
                let mut chunk = [b'a'; super::LOOK_CHUNK];
                chunk[at] = b;
                let want = chunk.iter().any(|&b| super::is_look_byte(b));
                assert_eq!(super::chunk_needs_look(&chunk), want, "{chunk:?}");
            }
        }
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let mut chunk = [b'x'; super::LOOK_CHUNK];
                chunk[3] = a;
                chunk[super::LOOK_CHUNK - 1] = b;
                let want = super::is_look_byte(a) || super::is_look_byte(b);
                assert_eq!(super::chunk_needs_look(&chunk), want, "{a} {b}");
            }
        }
        let looked: Vec<u8> = (0..=255u8).filter(|&b| super::is_look_byte(b)).collect();
        assert_eq!(looked, b"\n()[]{}\xE3\xEF");
    }

    #[test]
    fn brackets_are_paired_as_a_character_pass_pairs_them() {
        // Brackets, full-width ones, other characters that share their first bytes (`Ａ`,
        // a byte-order mark, `〜`), line breaks, at every offset across a chunk's edge.
        let parts = [
            "(", ")", "[", "]", "{", "}", "（", "）", "【", "】", "Ａ", "\u{feff}", "〜", "\n",
            "é", "ab",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for pad in [0, 1, 5, 13, 14, 15, 16, 17, 31] {
                        brackets_as_slowly(&format!("{}{a}x{b}{c}y", "p".repeat(pad)));
                    }
                }
            }
        }
        brackets_as_slowly("Aqua (Water), Butyrospermum Parkii (Shea) Butter [nano]\n(x");
        brackets_as_slowly("");
    }

    proptest::proptest! {
        #[test]
        fn brackets_hold_on_any_text(text in "[a()\\[\\]{}（）【】Ａ\u{feff}é\n ]{0,60}") {
            brackets_as_slowly(&text);
        }
    }

    #[test]
    fn quoted_arrays_are_lists() {
        let text = "['aqua', 'peg-7 glyceryl cocoate', 'ci 77491']";
        let punct: Vec<char> = super::find_quoted_list(text)
            .into_iter()
            .map(|i| text.as_bytes()[i] as char)
            .collect();
        assert_eq!(punct, ['[', '\'', '\'', '\'', '\'', '\'', '\'', ']']);
        for not_list in ["[aqua, glycerin]", "['aqua', glycerin']", "Aqua, Glycerin"] {
            assert!(super::find_quoted_list(not_list).is_empty(), "{not_list}");
        }
    }

    #[test]
    fn ingredient_words_are_not_free_from() {
        for text in [
            "Aqua, Carefree Extract, Glycerin",
            "Contains Nothing Extract, Parfum",
            "Aqua, Free of, Glycerin",
            "Without Glycerin",
        ] {
            assert!(stretches(text).is_empty(), "{text}");
        }
    }
}
