//! Folding a name into its lookup key.
//!
//! Labels print the same ingredient in many ways: any letter case, `Aqua / Water`, curly
//! apostrophes, en dashes, no-break spaces, HTML entities from a web shop (`FD&amp;C`), OCR
//! confusions in colour index numbers (`Cl 77491`, `C.I. 77491`, `CI77491`). [`fold`] maps all of
//! these onto one key so that one table lookup answers, and the dictionary's own names go through
//! the very same function when the tables are generated, so both sides always agree.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Folds `text` into the key the dictionary tables are indexed by.
///
/// Steps, in order: HTML entities decoded; NFKC (skipped for ASCII, where it is the identity);
/// dashes to `-`, curly quotes to `'`; zero-width characters and soft hyphens removed; every run
/// of whitespace to one space; upper case; no space next to `/` or inside brackets; trailing
/// dots removed (`ALCOHOL DENAT` and `ALCOHOL DENAT.` are one name); colour index spellings
/// folded to `CI 77491`.
pub fn fold(text: &str) -> String {
    if let Some(key) = fold_plain_ascii(text) {
        return key;
    }
    let decoded = decode_entities(text);
    let nfkc: Cow<'_, str> = if already_nfkc(&decoded) {
        decoded
    } else {
        Cow::Owned(decoded.nfkc().collect())
    };
    let mut out = String::with_capacity(nfkc.len());
    let mut pending_space = false;
    for ch in nfkc.chars() {
        let ch = match ch {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_whitespace() => {
                pending_space = true;
                continue;
            }
            c => c,
        };
        if pending_space {
            let last = out.as_bytes().last().copied();
            // `1, 2-Hexanediol` is `1,2-HEXANEDIOL`: no space after a comma between digits.
            let locant = ch.is_ascii_digit()
                && last == Some(b',')
                && out.len() >= 2
                && out.as_bytes()[out.len() - 2].is_ascii_digit();
            let glue = locant
                || matches!(last, None | Some(b'/' | b'(' | b'['))
                || matches!(ch, '/' | ')' | ']');
            if !glue {
                out.push(' ');
            }
            pending_space = false;
        }
        if ch.is_ascii() {
            out.push(ch.to_ascii_uppercase());
        } else {
            out.extend(ch.to_uppercase());
        }
    }
    while out.ends_with('.') || out.ends_with(' ') {
        out.pop();
    }
    match fold_colour_index(&out) {
        Some(ci) => ci,
        None => out,
    }
}

/// True when `text` is in NFKC by the quick check of Unicode's UAX #15 (ASCII always is):
/// then normalizing returns it unchanged, and the normalizer's decomposition and
/// recomposition (about 90 instructions a character) are skipped. Labels scraped with a
/// replacement character or a `®` in a sentence of pack text are non-ASCII but normalized.
fn already_nfkc(text: &str) -> bool {
    text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes
}

/// [`fold`] of `text` and, for each of `ends` (byte offsets into `text`), the length of
/// `fold(&text[..end])` when that is the folded text's prefix of that length, `None` when it
/// cannot be read off so (the caller folds that prefix itself). `None` in all when `text`
/// is not plain ASCII as the fast path takes it, or may be a colour index.
///
/// Made for the parser's runs of pieces (`1, 2-Hexanediol, Water, ...`), each asked about at
/// every separator: one fold of the longest instead of one per run. On plain ASCII the fold
/// is byte by byte (upper case) but for the space of a locant, which goes by its neighbours:
/// the fold of a prefix is the prefix of the fold, short of the locant spaces before its end,
/// when the prefix ends in neither a space nor a full stop (those the general path trims).
pub(crate) fn fold_prefixes(text: &str, ends: &[usize]) -> Option<(String, Vec<Option<usize>>)> {
    let b = text.as_bytes();
    if matches!(b.first(), Some(b'C' | b'c')) {
        return None;
    }
    let key = fold_plain_ascii(text)?;
    // Where the fast path dropped a locant's space: its own rule, at each space.
    let dropped: Vec<usize> = (2..b.len())
        .filter(|&i| b[i] == b' ' && b[i - 1] == b',' && comma_between_digits(b, i))
        .collect();
    let lens = ends
        .iter()
        .map(|&end| {
            let last = *b.get(end.checked_sub(1)?)?;
            if last == b' ' || last == b'.' {
                return None;
            }
            Some(end - dropped.iter().take_while(|&&i| i < end).count())
        })
        .collect();
    Some((key, lens))
}

/// The fast path of [`fold`] for the common case: ASCII text with no entity, no doubled or
/// unusual whitespace, no space next to a slash or bracket and no trailing dot. Returns
/// `None` whenever any of that is present. Like the general path it drops the space of a
/// locant (`1, 2-Hexanediol`) and folds a colour index spelling (`C.I. 77491`).
fn fold_plain_ascii(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let (first, last) = (*b.first()?, *b.last()?);
    if first == b' ' || last == b' ' || last == b'.' {
        return None;
    }
    // Each byte tested by its class, then the text upper-cased in one vectorized copy: 423
    // instructions a call on the 2.1 MB slice, where a chain of comparisons a byte was 565.
    let mut prev = 0u8;
    let mut locant = false;
    for (i, &c) in b.iter().enumerate() {
        let plain = match PLAIN_CLASS[usize::from(c)] {
            PLAIN => true,
            // `Alcohol Denat., Glycerin`: the space after a comma stays, but in a locant.
            SPACE => {
                locant |= prev == b',' && comma_between_digits(b, i);
                !matches!(prev, b' ' | b'/' | b'(' | b'[')
            }
            CLOSE => prev != b' ',
            _ => false,
        };
        if !plain {
            return None;
        }
        prev = c;
    }
    let mut out = text.to_ascii_uppercase();
    if locant {
        // Same length and positions as `text`: its bytes tell which spaces go.
        let mut i = 0;
        out.retain(|c| {
            i += 1;
            !(c == ' ' && b[i - 2] == b',' && comma_between_digits(b, i - 1))
        });
    }
    if matches!(first, b'C' | b'c')
        && let Some(ci) = fold_colour_index(&out)
    {
        return Some(ci);
    }
    Some(out)
}

/// [`PLAIN_CLASS`] of a byte the fast path copies whatever its neighbours: letters, digits
/// and `-,'+:.#*%([`.
const PLAIN: u8 = 1;
/// [`PLAIN_CLASS`] of a space: plain unless it follows a space, a slash or an opening bracket.
const SPACE: u8 = 2;
/// [`PLAIN_CLASS`] of `/`, `)` and `]`: plain unless they follow a space.
const CLOSE: u8 = 3;

/// The class of every byte for [`fold_plain_ascii`]; 0 for a byte that sends a text to the
/// general path.
static PLAIN_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = if b.is_ascii_alphanumeric() {
            PLAIN
        } else {
            match b {
                b' ' => SPACE,
                b'/' | b')' | b']' => CLOSE,
                b'-' | b',' | b'\'' | b'+' | b':' | b'.' | b'#' | b'*' | b'%' | b'(' | b'[' => {
                    PLAIN
                }
                _ => 0,
            }
        };
        c += 1;
    }
    table
};

/// True when the space at `space` follows a comma that follows a digit, and a digit follows
/// it: the locant `1, 2-`, where [`fold`] drops the space.
fn comma_between_digits(b: &[u8], space: usize) -> bool {
    space >= 2 && b[space - 2].is_ascii_digit() && b.get(space + 1).is_some_and(u8::is_ascii_digit)
}

/// Decodes the HTML entities that web shops leave in ingredient lists.
///
/// Only well-formed entities are decoded; anything else (a bare `&`, an unknown name) is kept
/// as it is, so decoding never loses text.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        match entity_len(rest) {
            Some((len, ch)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// If `text` starts with an HTML entity, its byte length and the character it stands for.
pub fn entity_len(text: &str) -> Option<(usize, char)> {
    let end = text.get(..12.min(text.len())).unwrap_or(text).find(';')?;
    let body = &text[1..end];
    let ch = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" | "lsquo" => '\'',
        "ndash" | "mdash" => '-',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((end + 1, ch))
}

/// Folds OCR and typing variants of a colour index number (`Cl 77491`, `C1 77491`, `C.I. 77491`,
/// `CI77491`, `CI-77491`) to `CI 77491`. Input must already be upper case.
fn fold_colour_index(key: &str) -> Option<String> {
    let rest = ["C.I.", "C. I.", "C.I", "CI", "CL", "C1"]
        .iter()
        .find_map(|p| key.strip_prefix(p))?;
    let rest = rest.trim_start_matches([' ', '-']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 5 {
        return None;
    }
    let tail = &rest[digits..];
    let tail_ok = tail.is_empty()
        || tail
            .strip_prefix(':')
            .is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    if !tail_ok {
        return None;
    }
    Some(format!("CI {rest}"))
}

#[cfg(test)]
mod tests {
    use super::{already_nfkc, fold, fold_prefixes};
    use unicode_normalization::UnicodeNormalization;

    /// What `fold_prefixes` says of each prefix is what `fold` makes of it.
    fn prefixes_agree(text: &str) -> usize {
        let ends: Vec<usize> = (0..=text.len())
            .filter(|&e| text.is_char_boundary(e))
            .collect();
        let Some((key, lens)) = fold_prefixes(text, &ends) else {
            return 0;
        };
        assert_eq!(key, fold(text), "{text:?}");
        assert_eq!(lens.len(), ends.len());
        let mut read = 0;
        for (&end, len) in ends.iter().zip(lens) {
            if let Some(len) = len {
                assert_eq!(
                    key.get(..len),
                    Some(fold(&text[..end]).as_str()),
                    "{text:?} at {end}"
                );
                read += 1;
            }
        }
        read
    }

    #[test]
    fn the_fold_of_a_prefix_is_read_off_the_fold_of_the_whole() {
        // Every text of up to five characters over digits, a comma, a full stop, a space, a
        // slash, a bracket, letters (one the start of a colour index) and a letter that is not
        // ASCII: locants, trimmed dots and spaces, glued slashes, every start.
        let alphabet = ['1', '2', ',', '.', ' ', '/', '(', 'a', 'C', '\u{e9}'];
        let mut texts = vec![String::new()];
        let mut read = 0;
        for _ in 0..5 {
            let mut longer = Vec::new();
            for t in &texts {
                for c in alphabet {
                    let mut t = t.clone();
                    t.push(c);
                    read += prefixes_agree(&t);
                    longer.push(t);
                }
            }
            texts = longer;
        }
        // Runs as the parser asks about them.
        for text in [
            "1, 2-Hexanediol, Butylene Glycol, 1, 2-Hexanediol, Water",
            "Alcohol Denat., Glycerin, Simmondsia Chinensis (Jojoba) Seed Oil, Aqua",
            "ALCOHOL DENAT. , GLYCERIN , BUTYLENE GLYCOL",
            "2-trans, 6-cis-Nonadienol, 1,2-Hexanediol, 3, 4, 5",
            "Hc Blue No. 4, Water",
            "Ci77891, Water, Cl 77491",
            "C.I. 77491, Mica",
        ] {
            read += prefixes_agree(text);
        }
        assert!(read > 20_000, "only {read} prefixes read off");
    }

    #[test]
    fn folds_case_space_and_slashes() {
        assert_eq!(
            fold("  Caprylic / Capric   Triglyceride "),
            "CAPRYLIC/CAPRIC TRIGLYCERIDE"
        );
        assert_eq!(
            fold("Butyrospermum Parkii ( Shea ) Butter"),
            "BUTYROSPERMUM PARKII (SHEA) BUTTER"
        );
        assert_eq!(fold("Alcohol Denat."), "ALCOHOL DENAT");
        assert_eq!(fold("1, 2-Hexanediol"), "1,2-HEXANEDIOL");
        assert_eq!(
            fold("2-trans, 6-cis-Nonadienol"),
            "2-TRANS, 6-CIS-NONADIENOL"
        );
    }

    #[test]
    fn text_the_quick_check_passes_is_its_own_nfkc() {
        // Every character of the Latin, Greek, Cyrillic, punctuation, symbol, CJK, kana,
        // Hangul and full-width blocks alone, after a letter, and before a combining mark.
        let ranges = [
            0x80..0x3000u32,
            0x3000..0x3100,
            0x4e00..0x4f00,
            0xac00..0xad00,
            0xfe00..0x10000,
        ];
        let mut passed = 0;
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            for text in [c.to_string(), format!("e{c}"), format!("{c}\u{301}")] {
                if already_nfkc(&text) {
                    passed += 1;
                    assert_eq!(text.nfkc().collect::<String>(), text, "{:?}", text);
                }
            }
        }
        assert!(passed > 10_000, "{passed}");
        // Not normalized: full width, a ligature, a decomposed accent.
        for text in ["\u{ff22}\u{ff27}", "\u{fb01}", "e\u{301}"] {
            assert!(!already_nfkc(text), "{text:?}");
        }
    }

    #[test]
    fn folds_unicode_and_entities() {
        assert_eq!(fold("FD&amp;C Yellow No.\u{a0}5"), "FD&C YELLOW NO. 5");
        assert_eq!(fold("PEG\u{2013}100 Stea\u{200b}rate"), "PEG-100 STEARATE");
        assert_eq!(fold("ｇｌｙｃｅｒｉｎ"), "GLYCERIN");
        assert_eq!(fold("Crème"), "CRÈME");
    }

    #[test]
    fn fast_path_agrees_with_the_general_path() {
        for raw in [
            "Glycerin",
            "Caprylic/Capric Triglyceride",
            "PEG-100 Stearate",
            "1,2-Hexanediol",
            "Aqua (Water)",
            "a, b",
            "HC Blue No. 4",
            "x+y",
            "Ci 77891",
            "Alcohol Denat.",
            "Shea Butter*",
            "Alcohol Denat., Glycerin, Water",
            "2-trans, 6-cis-Nonadienol",
            "1, 2-Hexanediol",
            "a, (b)",
            "a, /b",
            ", a",
            "a,  b",
        ] {
            let fast = super::fold_plain_ascii(raw);
            if let Some(fast) = fast {
                let mut slow = raw.to_owned();
                slow.push('\u{200b}'); // forces the general path
                assert_eq!(fast, fold(&slow), "{raw}");
            }
        }
    }

    /// Every text of up to six characters over an alphabet of the characters the fast path
    /// decides on: where it answers, it answers as the general path does.
    #[test]
    fn fast_path_agrees_on_every_short_text() {
        const ALPHABET: &[u8] = b"a1, ./()C";
        let mut answered = 0;
        for len in 1..=6u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                let mut raw = String::new();
                for _ in 0..len {
                    raw.push(char::from(ALPHABET[n % ALPHABET.len()]));
                    n /= ALPHABET.len();
                }
                if let Some(fast) = super::fold_plain_ascii(&raw) {
                    answered += 1;
                    let slow = format!("{raw}\u{200b}");
                    assert_eq!(fast, fold(&slow), "{raw:?}");
                }
            }
        }
        assert_eq!(super::fold_plain_ascii("a, b").as_deref(), Some("A, B"));
        assert_eq!(super::fold_plain_ascii("1, 2, 3").as_deref(), Some("1,2,3"));
        assert!(answered > 10_000, "{answered}");
    }

    /// Every pair of ASCII characters between two letters: where the fast path answers (its
    /// byte classes), it answers as the general path does, and it answers for every
    /// character it lists as plain.
    #[test]
    fn fast_path_agrees_on_every_pair_of_ascii_characters() {
        let mut answered = 0;
        for x in 0..128u8 {
            for y in 0..128u8 {
                let raw = format!("a{}{}b", char::from(x), char::from(y));
                if let Some(fast) = super::fold_plain_ascii(&raw) {
                    answered += 1;
                    assert_eq!(fast, fold(&format!("{raw}\u{200b}")), "{raw:?}");
                }
            }
        }
        for plain in "-,'+:.#*%([/)] ".chars() {
            let raw = format!("a{plain}b");
            assert!(super::fold_plain_ascii(&raw).is_some(), "{raw:?}");
        }
        assert!(answered > 5_000, "{answered}");
    }

    /// Colour index spellings and their near misses, on both paths.
    #[test]
    fn fast_path_agrees_on_colour_indexes() {
        let mut folded = 0;
        for head in [
            "C.I.", "C. I.", "C.I", "CI", "CL", "C1", "ci", "Cl", "C", "c", "Ci.",
        ] {
            for gap in ["", " ", "-", "  ", ", "] {
                for digits in ["77491", "7749", "77491:1", "774911", "77491:", "77491:a"] {
                    for tail in ["", " Red", ",", ", 1", "/CI 77492"] {
                        let raw = format!("{head}{gap}{digits}{tail}");
                        if let Some(fast) = super::fold_plain_ascii(&raw) {
                            folded += usize::from(fast.starts_with("CI "));
                            assert_eq!(fast, fold(&format!("{raw}\u{200b}")), "{raw:?}");
                        }
                    }
                }
            }
        }
        assert!(folded > 20, "{folded}");
    }

    #[test]
    fn folds_colour_index_spellings() {
        for raw in [
            "Cl 77491",
            "C1 77491",
            "C.I. 77491",
            "CI77491",
            "ci 77491",
            "CI-77491",
            "C. I. 77491",
        ] {
            assert_eq!(fold(raw), "CI 77491", "{raw}");
        }
        assert_eq!(fold("CI 77268:1"), "CI 77268:1");
        assert_eq!(fold("CI 7749"), "CI 7749");
        assert_eq!(fold("Clay"), "CLAY");
    }
}
