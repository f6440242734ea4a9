//! Corrections: a misspelled name read as the one CosIng name it can only be.
//!
//! A suggestion ([`crate::suggest()`]) is offered; a correction is applied, so it must be
//! certain. [`near`] reads a folded key as a name only when every rule below holds, and the
//! rules were measured on real misspellings from two catalogs (the `corrections` test):
//!
//! 1. **Close**: at most one full edit, counted in half-edits so that the slips of print and
//!    typing cost less than other edits: a doubled or undoubled letter (`Citronnellol`,
//!    `Caffeinee`), a word-final `E` (`Dimethicon`), `I`/`L`/`1` and `O`/`0` (`GIycoI`,
//!    `3-0-Ethyl`) and a space, hyphen or slash cost half an edit; a letter changed, added,
//!    dropped or two swapped cost one; a word-final `S` costs one and a half, because in
//!    INCI it is not a slip (`ACRYLATES` is a family, `ACRYLATE` one monomer).
//! 2. **Long enough, Latin, not a word**: five letters for a half-edit, seven for a full edit
//!    (`Neroli` is not `NEROL`); Latin script only (in Hangul or kanji one character is a
//!    word); never a common plant name (`Citronella` is not `CITRONELLAL`).
//! 3. **Alone**: every other name is at least one full edit farther than the nearest one;
//!    two full edits when the edit touches a carbon chain (`Thylparaben` is as much
//!    methylparaben as ethylparaben).
//! 4. **Never a number**: the digits are the same (`Benzophenone-3` is never `-4`, `PEG-100`
//!    never `PEG-150`, `CI 77491` never `77492`); a name with other digits does not even
//!    compete.
//! 5. **Never a chain or a class**: no chain length or multiplier is traded for another
//!    (`ETHYL` for `METHYL`, `CAPRYLATE` for `CAPRATE`, `ALKYL` for `ALLYL`, `DI` for `TRI`),
//!    and no chemical ending for another (`-YL` for `-OL`: `Tocopheryl`, the start of
//!    tocopheryl acetate, is not `TOCOPHEROL`; `-ATE` for `-ITE`).

use crate::suggest::{self, Suggestion};
use crate::{Entry, Synonym, cosing_codegen};

/// A misspelled key read as a CosIng name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Correction {
    /// The entry the key is read as.
    pub entry: Entry,
    /// The dictionary key it matched (a synonym's alias when it was reached through one).
    pub matched: &'static str,
    /// The synonym it matched, when the key was one (`Frgrance` is `FRAGRANCE`, so PARFUM).
    pub synonym: Option<Synonym>,
    /// The cost of the correction in half-edits (1 or 2).
    pub cost: u8,
}

/// What is near an unknown folded key: suggestions to offer, and a correction when the rules
/// make one certain.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Near {
    /// Up to `limit` nearest names, nearest first (as [`crate::suggest()`] gives them).
    pub suggestions: Vec<Suggestion>,
    /// The name the key certainly stands for, if any.
    pub correction: Option<Correction>,
}

/// Suggestions and, when certain, a correction for a folded key; one search for both.
pub fn near(key: &str, limit: usize) -> Near {
    let Some(max) = suggest::max_distance(key) else {
        return Near::default();
    };
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    // The suggestions' search: three edits for keys of nine characters or more, two below,
    // so a rival of a short key three plain edits away (three slips at once) goes unseen.
    let found = suggest::near_keys(key, max);
    let correction = correction(key, letters, &found);
    let within: Vec<_> = found.into_iter().filter(|f| f.0 <= max).collect();
    Near {
        suggestions: suggest::best_per_name(within, limit),
        correction,
    }
}

/// Letters a key needs for a correction costing half an edit.
const MIN_LETTERS_HALF: usize = 5;
/// Letters a key needs for a correction costing a full edit.
const MIN_LETTERS_FULL: usize = 7;
/// The highest cost of a correction, in half-edits.
const MAX_COST: u32 = 2;

fn correction(
    key: &str,
    letters: usize,
    found: &[(usize, &'static str, &'static str, u32)],
) -> Option<Correction> {
    // A common plant name (`Citronella`, `Neroli`) is a word of its own, not a slip; and in
    // Hangul, kana or hanzi one character is a word (`장미` rose, `인체` human body): Latin only.
    // Every slip costs at least half an edit, so a correction (at most one full edit) needs a
    // key within two plain edits: most unknown names have none, and stop here.
    if letters < MIN_LETTERS_HALF || !key.is_ascii() || !found.iter().any(|f| f.0 <= 2) {
        return None;
    }
    if !crate::binomials(key).is_empty() {
        return None;
    }
    let query: Vec<char> = key.chars().collect();
    let q_numbered = key.bytes().any(|b| b.is_ascii_digit());
    let (digits, q_codes) = if q_numbered {
        (digit_runs(&query), codes(&query))
    } else {
        (Vec::new(), Vec::new())
    };
    let q_chains = chains(key);
    let mut buf = Vec::new();
    // The cheapest cost per entry, among keys with the same digits.
    let mut costs: Vec<(u32, u32, u32)> = Vec::new(); // (cost, entry, slot)
    for &(unit, _, text, slot) in found {
        // Digits are compared only where there are some (most names have none).
        if q_numbered || text.bytes().any(|b| b.is_ascii_digit()) {
            let cand: Vec<char> = text.chars().collect();
            if digit_runs(&cand) != digits || codes(&cand) != q_codes {
                continue;
            }
        }
        let Some(k) = cosing_codegen::KEYS.get(slot as usize) else {
            continue;
        };
        // A key outside ASCII (an accented foreign name) is never the correction, but may be a
        // rival: its plain distance is a lower bound on its cost, which errs towards no
        // correction.
        // Costs above the widest margin that matters (a full edit plus two) are all alike.
        let cost = if text.is_ascii() {
            weighted_distance(key.as_bytes(), text.as_bytes(), MAX_COST + 4, &mut buf)
        } else {
            unit as u32
        };
        match costs.iter_mut().find(|c| c.1 == k.entry()) {
            Some(c) if c.0 <= cost => {}
            Some(c) => *c = (cost, k.entry(), slot),
            None => costs.push((cost, k.entry(), slot)),
        }
    }
    costs.sort_unstable();
    let &(best, entry, slot) = costs.first()?;
    let needed = if best <= 1 {
        MIN_LETTERS_HALF
    } else {
        MIN_LETTERS_FULL
    };
    if best == 0 || best > MAX_COST || letters < needed {
        return None;
    }
    let k = cosing_codegen::KEYS.get(slot as usize)?;
    let text = k.text();
    let c_chains = chains(text);
    if traded(&q_chains, &c_chains)
        || supplies_chain(key, &q_chains, &c_chains)
        || !same_multipliers(key, text)
        || !same_endings(key, text)
        || short_words(key) != short_words(text)
        || !word_changes_are_slips(key, text, &mut buf)
    {
        return None;
    }
    // A chain the query lacks was supplied by the edit: a rival that supplies another chain
    // (`METHYLPARABEN` against `ETHYLPARABEN` for `Thylparaben`) must be two edits farther.
    let supplied = extra_chains(&c_chains, &q_chains).next().is_some();
    let rival_too_close = costs[1..].iter().any(|&(next, _, slot)| {
        let other_chain = supplied
            && cosing_codegen::KEYS
                .get(slot as usize)
                .is_some_and(|k| chains(k.text()) != c_chains);
        next < best + if other_chain { 4 } else { 2 }
    });
    if rival_too_close {
        return None;
    }
    Some(Correction {
        entry: crate::entry(entry)?,
        matched: text,
        synonym: crate::synonym(k.synonym()),
        cost: u8::try_from(best).ok()?,
    })
}

/// Edit distance in half-edits, slips of print and typing costing one, other edits two (see
/// the module documentation). A full table: it runs on the handful of keys near an unknown
/// name, never on the dictionary.
fn weighted_distance(a: &[u8], b: &[u8], limit: u32, buf: &mut Vec<u32>) -> u32 {
    let (n, m) = (a.len(), b.len());
    let over = limit + 1;
    // Every edit costs at least one: a path within `limit` never leaves the band of that
    // width around the diagonal, and stops as soon as a whole row is over it. Three rows are
    // kept (a transposition looks two back).
    let band = limit as usize;
    if n.abs_diff(m) > band {
        return over;
    }
    let w = m + 1;
    buf.clear();
    buf.resize(3 * w, over);
    let (mut prev2, mut prev, mut cur) = (0usize, w, 2 * w);
    buf[prev] = 0;
    for j in 1..=m.min(band) {
        buf[prev + j] = (buf[prev + j - 1] + indel(b, j - 1)).min(over);
    }
    for i in 1..=n {
        let lo = i.saturating_sub(band).max(1);
        let hi = (i + band).min(m);
        // Clear what the band may read of this row: its cells and the one before it.
        let clear_from = lo - 1;
        let clear_to = (hi + 1).min(m);
        buf[cur + clear_from..=cur + clear_to].fill(over);
        if i <= band {
            buf[cur] = (buf[prev] + indel(a, i - 1)).min(over);
        }
        let mut row_min = buf[cur];
        for j in lo..=hi {
            let mut v = buf[prev + j - 1] + substitution(a[i - 1], b[j - 1]);
            v = v.min(buf[prev + j] + indel(a, i - 1));
            v = v.min(buf[cur + j - 1] + indel(b, j - 1));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(buf[prev2 + j - 2] + 2);
            }
            let v = v.min(over);
            buf[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min >= over {
            return over;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    buf[prev + m]
}

/// The cost of adding or dropping `s[i]`.
fn indel(s: &[u8], i: usize) -> u32 {
    let c = s[i];
    let word_end = s.get(i + 1).is_none_or(|n| !n.is_ascii_alphanumeric());
    // A separator, a doubled letter, a word-final E: slips.
    let slip = !c.is_ascii_alphanumeric()
        || (i > 0 && s[i - 1] == c)
        || s.get(i + 1) == Some(&c)
        || (c == b'E' && word_end);
    if slip {
        1
    } else if c == b'S' && word_end {
        3
    } else {
        2
    }
}

fn substitution(x: u8, y: u8) -> u32 {
    if x == y {
        0
    } else if matches!(
        (x, y),
        (b'I', b'L') | (b'L', b'I') | (b'I', b'1') | (b'1', b'I') | (b'L', b'1') | (b'1', b'L')
    ) || matches!((x, y), (b'O', b'0') | (b'0', b'O'))
    {
        1
    } else {
        2
    }
}

/// The runs of digits of a key, a lone `0`, or a lone `1` beside a letter, read as the letter
/// it stands for (`3-0-ETHYL`, `G1YCERIN`).
fn digit_runs(s: &[char]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut cur = String::new();
    for (i, &c) in s.iter().enumerate() {
        if c.is_ascii_digit() && lone_letter(s, i).is_none() {
            cur.push(c);
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

/// The words that mix letters and digits (`D3`, `C10`, `B12`), which name a vitamin or a
/// chain as a whole: a correction never changes one (`Vitamin D3` is not `VITAMIN B3`). Lone
/// look-alike digits are read as letters first, as in [`digit_runs`].
fn codes(s: &[char]) -> Vec<String> {
    let read: String = s
        .iter()
        .enumerate()
        .map(|(i, &c)| match lone_letter(s, i) {
            Some(l) => l,
            None => c,
        })
        .collect();
    words(&read)
        .into_iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

/// The letter a lone `0` (anywhere) or `1` (beside a letter) stands for, if `s[i]` is one.
fn lone_letter(s: &[char], i: usize) -> Option<char> {
    let c = *s.get(i)?;
    let prev = i.checked_sub(1).and_then(|p| s.get(p));
    let next = s.get(i + 1);
    let alone =
        !prev.is_some_and(|p| p.is_ascii_digit()) && !next.is_some_and(|n| n.is_ascii_digit());
    let by_letter =
        prev.is_some_and(|p| p.is_alphabetic()) || next.is_some_and(|n| n.is_alphabetic());
    match c {
        '0' if alone => Some('O'),
        '1' if alone && by_letter => Some('L'),
        _ => None,
    }
}

/// Carbon chains and chain-like groups, longest first where one contains another.
const CHAINS: &[&str] = &[
    "TETRADEC", "HEXADEC", "OCTADEC", "DODEC", "UNDEC", "TRIDEC", "METH", "ETH", "PROP", "BUT",
    "PENT", "HEPT", "HEX", "OCT", "NON", "DEC", "LAUR", "MYRIST", "PALMIT", "STEAR", "BEHEN",
    "ALKYL", "ALLYL", "AMYL", "CAPRYL", "CAPR",
];

/// The chains a key spells, scanning left to right, longest match first.
fn chains(key: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = key;
    while !rest.is_empty() {
        if let Some(c) = CHAINS.iter().find(|c| rest.starts_with(**c)) {
            out.push(*c);
            rest = &rest[c.len()..];
        } else {
            let step = rest.chars().next().map_or(1, char::len_utf8);
            rest = &rest[step..];
        }
    }
    out
}

/// The chains `a` holds more of than `b` (counted: `ETHYL HYDROXYMETHYL` holds one `METH`,
/// `METHYL HYDROXYMETHYL` two).
fn extra_chains<'a>(a: &'a [&'a str], b: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
    let count = |list: &[&str], c: &str| list.iter().filter(|x| **x == c).count();
    a.iter().copied().filter(move |c| count(a, c) > count(b, c))
}

/// True when the query has more of some chain than the candidate and the candidate more of
/// another: one chain traded for another (`ETHYL HYDROXYMETHYL` is not `METHYL
/// HYDROXYMETHYL`, though both hold a `METH`).
fn traded(query: &[&str], cand: &[&str]) -> bool {
    extra_chains(query, cand).next().is_some() && extra_chains(cand, query).next().is_some()
}

/// True when the candidate has more of some chain than the query and the query does not hold
/// that chain with one letter dropped: the edit would make the chain up (`Batyl` is not
/// `BUTYL`, `Menthyl` not `METHYL`), where a slip only damages one (`Sterate` holds `STER`,
/// `Ehylhexyl` holds `EH`: `STEARATE`, `ETHYLHEXYL`).
fn supplies_chain(query_key: &str, query: &[&str], cand: &[&str]) -> bool {
    extra_chains(cand, query)
        .any(|c| !(0..c.len()).any(|i| query_key.contains(&format!("{}{}", &c[..i], &c[i + 1..]))))
}

/// Word by word, when the words line up: a word of four letters or fewer changes only by a
/// slip (`Annus` is `ANNUUS`, `OiI` is `OIL`; `Milt` is not `MILK`, `Date` not `DATA`), and a
/// word of fewer than eight letters never has its first letter replaced (`Nitric` is not
/// `CITRIC`), which long genus names sometimes do in print (`Caccinium`); a first letter
/// dropped (`Icus`, `cimum`) is a slip of scanning.
fn word_changes_are_slips(a: &str, b: &str, buf: &mut Vec<u32>) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.len() != wb.len() {
        return true;
    }
    wa.iter().zip(&wb).all(|(x, y)| {
        if x == y {
            return true;
        }
        let short = y.len() <= 4 && weighted_distance(x.as_bytes(), y.as_bytes(), 2, buf) > 1;
        let replaced_first = y.len() < 8
            && x.len() == y.len()
            && x.as_bytes().first() != y.as_bytes().first()
            && !matches!(
                (x.as_bytes().first(), y.as_bytes().first()),
                (Some(b'I' | b'L' | b'1'), Some(b'I' | b'L'))
            );
        !short && !replaced_first
    })
}

/// The short words (three characters or fewer: `MEA`, `DEA`, `HCL`, `DNA`, `NS`), look-alike
/// characters read as letters: abbreviations and codes a correction never changes (`Cocamide
/// MEA` is not `COCAMIDE DEA`, `Ceramide NS` not `CERAMIDE NG`), though `HCI` is `HCL`.
fn short_words(key: &str) -> Vec<String> {
    let mut out: Vec<String> = words(key)
        .into_iter()
        .filter(|w| w.chars().count() <= 3 && w.chars().any(char::is_alphabetic))
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    'I' | '1' => 'L',
                    '0' => 'O',
                    c => c,
                })
                .collect()
        })
        .collect();
    out.sort_unstable();
    out
}

const MULTIPLIERS: &[&str] = &[
    "TETRA", "PENTA", "HEXA", "SESQUI", "MONO", "TRIS", "TRI", "BIS", "DI",
];

/// The multiplier each word starts with, when the words line up (same count), agree.
fn same_multipliers(a: &str, b: &str) -> bool {
    let start = |w: &str| MULTIPLIERS.iter().find(|m| w.starts_with(**m)).copied();
    let (wa, wb) = (words(a), words(b));
    if wa.len() != wb.len() {
        return true;
    }
    wa.iter().zip(&wb).all(|(x, y)| match (start(x), start(y)) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    })
}

/// Chemical endings, as classes: an `-E` dropped or added stays in its class.
fn ending(word: &str) -> Option<&'static str> {
    const ENDINGS: &[(&str, &str)] = &[
        ("ATE", "ATE"),
        ("ITE", "ITE"),
        ("IDE", "IDE"),
        ("ONE", "ONE"),
        ("ON", "ONE"),
        ("ANE", "ANE"),
        ("ENE", "ENE"),
        ("INE", "INE"),
        ("IN", "INE"),
        ("YL", "YL"),
        ("OL", "OL"),
        ("AL", "AL"),
        ("IC", "IC"),
        ("AME", "AME"),
        ("ASE", "ASE"),
        ("OSE", "OSE"),
    ];
    ENDINGS
        .iter()
        .find(|(e, _)| word.ends_with(e))
        .map(|(_, class)| *class)
}

/// The chemical ending of each word, when the words line up, agree.
fn same_endings(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.len() != wb.len() {
        return true;
    }
    wa.iter()
        .zip(&wb)
        .all(|(x, y)| match (ending(x), ending(y)) {
            (Some(p), Some(q)) => p == q,
            _ => true,
        })
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrected(key: &str) -> Option<&'static str> {
        near(key, 3).correction.map(|c| c.entry.name)
    }

    #[test]
    fn slips_cost_half_an_edit() {
        let mut buf = Vec::new();
        let mut d = |a: &str, b: &str| weighted_distance(a.as_bytes(), b.as_bytes(), 6, &mut buf);
        assert_eq!(d("CITRONNELLOL", "CITRONELLOL"), 1);
        assert_eq!(d("DIMETHICON", "DIMETHICONE"), 1);
        assert_eq!(d("GIYCOI", "GLYCOL"), 2);
        assert_eq!(d("GLYERIN", "GLYCERIN"), 2);
        assert_eq!(d("ACRYLATE", "ACRYLATES"), 3);
        assert_eq!(d("GLYCERIN", "SORBITOL"), 7, "over the limit");
    }

    #[test]
    fn corrects_only_the_certain() {
        assert_eq!(corrected("CITRONNELLOL"), Some("CITRONELLOL"));
        assert_eq!(corrected("DIMETHICON"), Some("DIMETHICONE"));
        assert_eq!(corrected("POLYGYCERIN-3"), Some("POLYGLYCERIN-3"));
        // Ambiguous, a chain, a number, an ending, too short.
        assert_eq!(corrected("OCTYLDOECANOL"), None);
        assert_eq!(corrected("THYLPARABEN"), None);
        assert_eq!(corrected("ALKYL BENZOATE"), None);
        assert_eq!(corrected("BENZOPHENONE-7"), None);
        assert_eq!(corrected("TOCOPHERYL"), None);
        assert_eq!(corrected("NEROLI"), None);
        assert_eq!(corrected("CITRONELLA"), None);
        assert_eq!(corrected("VITAMIN D3"), None);
        assert_eq!(corrected("ASPARTATE"), None);
    }

    #[test]
    fn digits_and_their_look_alikes() {
        let c = |s: &str| digit_runs(&s.chars().collect::<Vec<char>>());
        assert_eq!(c("3-0-ETHYL ASCORBIC ACID"), vec!["3"]);
        assert_eq!(c("PEG-100 STEARATE"), vec!["100"]);
        assert_eq!(c("CI 77491"), vec!["77491"]);
        assert_eq!(c("G1YCERIN"), Vec::<String>::new());
    }
}

#[cfg(test)]
mod leave_one_out {
    use super::*;

    /// A name newer than the dictionary would reach inci unknown: how often would the rules
    /// read a real CosIng name as another one if it were missing? Every 7th name is taken out
    /// of the search in turn and corrected; each reading is a false correction. Printed with
    /// `cargo test -p inci-dict --release leave_one_out -- --nocapture`.
    #[test]
    fn missing_names_are_rarely_read_as_others() {
        let (mut tried, mut misread) = (0usize, Vec::new());
        for e in crate::entries().step_by(7) {
            let key = e.name;
            let letters = key.chars().filter(|c| c.is_alphabetic()).count();
            let Some(max) = suggest::max_distance(key) else {
                continue;
            };
            let found: Vec<_> = suggest::near_keys(key, max)
                .into_iter()
                .filter(|f| {
                    cosing_codegen::KEYS
                        .get(f.3 as usize)
                        .is_some_and(|k| k.entry() != e.id)
                })
                .collect();
            tried += 1;
            if let Some(c) = correction(key, letters, &found) {
                misread.push(format!("{key} -> {}", c.entry.name));
            }
        }
        let rate = misread.len() as f64 / tried as f64;
        println!(
            "{tried} names left out in turn: {} read as another name ({:.2} %)",
            misread.len(),
            100.0 * rate
        );
        for m in misread.iter().take(40) {
            println!("  {m}");
        }
        assert!(rate < 0.01, "{rate}");
    }
}
