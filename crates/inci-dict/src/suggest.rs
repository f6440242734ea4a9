//! Suggestions for unknown names: the nearest dictionary keys by edit distance.
//!
//! A suggestion is only ever offered, never applied: `Glycerine` may well be Glycerin, but the
//! label said something else and a reviewer must decide. The search is a bounded optimal string
//! alignment distance (Levenshtein plus adjacent transpositions) over the keys of nearby
//! lengths, pruned by cheap character-count bounds. The keys' counts come with the generated
//! tables; a length searched often gets an index of its keys by groups of those counts
//! ([`count_index`](mod@count_index)), so a search tests a few hundred keys of a length instead of all.

use crate::cosing_codegen;
use count_index::{CountIndex, count_index};

mod count_index;

/// A dictionary name close to an unknown one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The canonical name suggested.
    pub name: &'static str,
    /// Edit distance between the folded input and the matched key.
    pub distance: usize,
    /// The key that matched (a synonym's alias when it was reached through one).
    pub matched: &'static str,
}

/// Up to `limit` suggestions for a folded key, nearest first, one per canonical name.
///
/// The distance allowed grows with the length: 1 edit up to 4 characters, 2 up to 8, 3 beyond,
/// and never more than a third of the key (so short junk gets no suggestions).
pub fn suggest(key: &str, limit: usize) -> Vec<Suggestion> {
    let Some(max) = max_distance(key) else {
        return Vec::new();
    };
    let found = near_keys(key, max);
    best_per_name(found, limit)
}

/// The edit distance suggestions allow for a key, `None` for one too short to suggest for.
pub(crate) fn max_distance(key: &str) -> Option<usize> {
    let len = key.chars().count();
    let max = match len {
        0..=2 => return None,
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    Some(max.min(len / 3).max(1))
}

/// Keys within `max` edits of `key`: (distance, entry's name, key text, key's slot).
pub(crate) fn near_keys(key: &str, max: usize) -> Vec<(usize, &'static str, &'static str, u32)> {
    near_keys_with(key, max, count_index)
}

/// [`near_keys`], with the index of a length and bound, or a scan, chosen by `index`.
fn near_keys_with(
    key: &str,
    max: usize,
    index: impl Fn(usize, usize) -> Option<&'static CountIndex>,
) -> Vec<(usize, &'static str, &'static str, u32)> {
    let query: Vec<char> = key.chars().collect();
    let len = query.len();
    let qsig = signature(key);
    let mut found = Vec::new();
    let mut buf = Vec::new();
    let mut b_chars = Vec::new();
    let mut near = Vec::new();
    let mut seen = Vec::new();
    // Only keys whose length is within `max` of the query's.
    for length in len.saturating_sub(max)..=len + max {
        let (slots, signatures) = of_length(length);
        // A cheap lower bound before the real work. An insertion or a deletion changes the
        // counts by one, a substitution by at most two, a transposition not at all; the
        // length difference `d` takes at least `d` insertions or deletions, so a key within
        // `max` edits has counts within `2 * max - d` of the query's (the distance is at
        // least half of `d` plus the counts' difference). It implies the old test of which
        // buckets occur at all, whose `count_ones` has no instruction of its own on baseline
        // x86-64.
        let bound = 2 * max - length.abs_diff(len);
        // Often searched lengths and bounds have an index naming the few keys that may be
        // within it; the others are scanned.
        match index(length, bound) {
            Some(index) => {
                near.clear();
                seen.clear();
                seen.resize(signatures.len(), false);
                index.candidates(&qsig, |i| {
                    let i = usize::from(i);
                    if let (Some(seen), Some(sig)) = (seen.get_mut(i), signatures.get(i)) {
                        if !*seen && l1(&qsig, sig) <= bound {
                            near.push(i as u32);
                        }
                        *seen = true;
                    }
                });
            }
            None => within_bound(&qsig, signatures, bound, &mut near),
        }
        for &i in &near {
            if let Some(&slot) = slots.get(i as usize) {
                let k = &cosing_codegen::KEYS[slot as usize];
                b_chars.clear();
                b_chars.extend(k.text().chars());
                if let Some(d) = bounded_distance(&query, &b_chars, max, &mut buf) {
                    let name = crate::entry(k.entry()).map_or("", |e| e.name);
                    found.push((d, name, k.text(), slot));
                }
            }
        }
    }
    found.sort();
    found
}

/// The nearest key per canonical name, nearest first, at most `limit`.
pub(crate) fn best_per_name(
    found: Vec<(usize, &'static str, &'static str, u32)>,
    limit: usize,
) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    for (distance, name, matched, _) in found {
        if out.len() == limit {
            break;
        }
        if out.iter().any(|s| s.name == name) {
            continue;
        }
        out.push(Suggestion {
            name,
            distance,
            matched,
        });
    }
    out
}

/// Counts of characters in 32 buckets (letters, digits, space, dash, others), a lower bound
/// on edit distance (keys are grouped by length elsewhere).
pub(crate) type Signature = [u8; 32];

/// The counts of a key's characters.
pub(crate) fn signature(key: &str) -> Signature {
    let mut counts = [0u8; 32];
    // Nearly every key is ASCII: a table lookup per byte instead of decoding characters
    // (the signatures of the lengths a label with one typo needs were 1.2 M instructions).
    if key.is_ascii() {
        for &b in key.as_bytes() {
            let bucket = usize::from(ASCII_BUCKETS[usize::from(b & 0x7f)]);
            counts[bucket] = counts[bucket].saturating_add(1);
        }
        return counts;
    }
    for c in key.chars() {
        let bucket = bucket(c);
        counts[bucket] = counts[bucket].saturating_add(1);
    }
    counts
}

/// The signature bucket of a character.
const fn bucket(c: char) -> usize {
    match c {
        'A'..='Z' => c as usize - 'A' as usize,
        '0'..='9' => 26,
        ' ' => 27,
        '-' => 28,
        '/' => 29,
        ',' | '.' => 30,
        _ => 31,
    }
}

/// [`bucket`] of every ASCII byte.
const ASCII_BUCKETS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = bucket(b as u8 as char) as u8;
        b += 1;
    }
    table
};

/// The indices of the signatures within `bound` of the query's (the sum of the counts'
/// absolute differences), in order: the scan of a length no index serves.
fn within_bound(query: &Signature, signatures: &[Signature], bound: usize, out: &mut Vec<u32>) {
    out.clear();
    for (i, sig) in signatures.iter().enumerate() {
        if l1(query, sig) <= bound {
            out.push(i as u32);
        }
    }
}

/// Sum of absolute differences of the counts (it runs once per candidate key). Kept out of
/// line: alone, the loop compiles to two SSE2 `psadbw`; inlined into a loop over keys, it was
/// 32 scalar differences, or 45 vector instructions once the query's counts were hoisted.
#[inline(never)]
fn l1(a: &Signature, b: &Signature) -> usize {
    let sum: u32 = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| u32::from(x.abs_diff(y)))
        .sum();
    sum as usize
}

/// The slots of the keys of one length (in characters) that suggestions may name, and their
/// signatures at the same index, from the generated tables (`SUGGEST_SLOTS`, `SUGGEST_STARTS`,
/// `SUGGEST_SIGNATURES`: names and label synonyms, see `tests/codegen.rs`).
fn of_length(len: usize) -> (&'static [u32], &'static [Signature]) {
    let starts = cosing_codegen::SUGGEST_STARTS;
    let (Some(&a), Some(&b)) = (starts.get(len), starts.get(len + 1)) else {
        return (&[], &[]);
    };
    let range = a as usize..b as usize;
    match (
        cosing_codegen::SUGGEST_SLOTS.get(range.clone()),
        cosing_codegen::SUGGEST_SIGNATURES.get(range),
    ) {
        (Some(slots), Some(signatures)) => (slots, signatures),
        _ => (&[], &[]),
    }
}

/// Optimal string alignment distance between `a` and `b` if it is at most `max`, computed in a
/// band of width `2 * max + 1` around the diagonal.
fn bounded_distance(a: &[char], b: &[char], max: usize, buf: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let inf = max + 1;
    let w = b.len() + 1;
    buf.clear();
    buf.resize(3 * w, inf);
    let (mut prev2, mut prev, mut cur) = (0usize, w, 2 * w);
    for j in 0..=b.len().min(max) {
        buf[prev + j] = j;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        buf[cur..cur + w].fill(inf);
        if i <= max {
            buf[cur] = i;
        }
        let mut row_min = if i <= max { i } else { inf };
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (buf[prev + j] + 1)
                .min(buf[cur + j - 1] + 1)
                .min(buf[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(buf[prev2 + j - 2] + 1);
            }
            let v = v.min(inf);
            buf[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    let d = buf[prev + b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule the generated `SUGGEST_SLOTS` were built by, applied to the compiled keys,
    /// and their generated signatures.
    #[test]
    fn generated_slots_are_the_label_words_by_length() {
        let human_tissue = |entry: u32| {
            crate::risk::origin(entry)
                .is_some_and(|o| o.origin == crate::risk::OriginClass::HumanTissue)
        };
        let mut want: Vec<Vec<u32>> = Vec::new();
        for (i, k) in cosing_codegen::KEYS.iter().enumerate() {
            let label_word = crate::synonym(k.synonym()).is_none_or(|s| {
                matches!(
                    s.kind(),
                    crate::SynonymKind::Common
                        | crate::SynonymKind::Colour
                        | crate::SynonymKind::Former
                        | crate::SynonymKind::Trade
                ) || (s.kind() == crate::SynonymKind::Foreign
                    && s.lang() != "zh"
                    && !human_tissue(s.target()))
            });
            if !label_word {
                continue;
            }
            let n = k.text().chars().count();
            if want.len() <= n {
                want.resize_with(n + 1, Vec::new);
            }
            want[n].push(i as u32);
        }
        assert_eq!(cosing_codegen::SUGGEST_STARTS.len(), want.len() + 1);
        let mut total = 0;
        for (n, slots) in want.iter().enumerate() {
            let (got, signatures) = of_length(n);
            assert_eq!(got, slots.as_slice(), "length {n}");
            for (&slot, sig) in got.iter().zip(signatures) {
                assert_eq!(sig, &signature(cosing_codegen::KEYS[slot as usize].text()));
            }
            total += slots.len();
        }
        assert!(total > 30_000, "only {total} keys may be suggested");
        assert!(of_length(want.len()).0.is_empty());
    }

    /// The index finds what the scan finds: queries made from keys of many lengths by a
    /// deletion, an insertion, a swap and two substitutions, and real misspellings.
    #[test]
    fn the_count_index_finds_what_a_scan_finds() {
        use std::collections::HashMap;
        use std::sync::Mutex;
        let built: Mutex<HashMap<(usize, usize), &'static CountIndex>> = Mutex::default();
        let indexed = |length: usize, bound: usize| {
            let groups = count_index::partition(bound)?;
            let sigs = of_length(length).1;
            let mut built = built.lock().unwrap_or_else(|e| e.into_inner());
            let index = *built
                .entry((length, bound))
                .or_insert_with(|| Box::leak(Box::new(CountIndex::build(groups, sigs))));
            Some(index)
        };
        let mut queries = vec![
            "GLYCERINE".to_string(),
            "PHENOXYETHENOL".into(),
            "JASMIE OFFICINALE (JASMINE) FLOWER/LEAF EXTRACT".into(),
            "NIACINAMIDD".into(),
        ];
        for (n, k) in cosing_codegen::KEYS.iter().enumerate().step_by(211) {
            let c: Vec<char> = k.text().chars().collect();
            if c.len() < 4 {
                continue;
            }
            let at = n % (c.len() - 1);
            let mut edited = c.clone();
            match n % 4 {
                0 => drop(edited.remove(at)),
                1 => edited.insert(at, 'E'),
                2 => edited.swap(at, at + 1),
                _ => {
                    edited[at] = 'O';
                    edited[c.len() - 1 - at] = 'A';
                }
            }
            queries.push(edited.into_iter().collect());
        }
        let mut nonempty = 0;
        for q in &queries {
            let Some(max) = max_distance(q) else { continue };
            let scanned = near_keys_with(q, max, |_, _| None);
            assert_eq!(near_keys_with(q, max, indexed), scanned, "{q}");
            nonempty += usize::from(!scanned.is_empty());
        }
        assert!(
            nonempty > 150,
            "only {nonempty} of {} queries found keys",
            queries.len()
        );
        assert!(built.lock().map_or(0, |b| b.len()) > 100);
    }

    #[test]
    fn ascii_signatures_equal_the_character_rule() {
        for b in 0u8..128 {
            let text = format!("A{}Z9", b as char);
            let mut want = [0u8; 32];
            for c in text.chars() {
                want[bucket(c)] += 1;
            }
            assert_eq!(signature(&text), want, "byte {b}");
        }
        assert_eq!(signature("ÉA")[31], 1);
    }

    #[test]
    fn suggests_common_misspellings() {
        assert_eq!(suggest("GLYCERINE", 3)[0].name, "GLYCERIN");
        assert_eq!(suggest("PHENOXYETHENOL", 3)[0].name, "PHENOXYETHANOL");
        assert_eq!(suggest("NIACINIMIDE", 3)[0].name, "NIACINAMIDE");
    }

    #[test]
    fn no_suggestions_for_junk() {
        assert!(suggest("XQZWV KLMNOP RSTUV", 3).is_empty());
        assert!(suggest("NO", 3).is_empty());
    }

    #[test]
    fn distance_is_bounded_and_counts_transpositions() {
        let mut buf = Vec::new();
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let a = c("GLYCERIN");
        assert_eq!(bounded_distance(&a, &c("GLYCERIN"), 2, &mut buf), Some(0));
        assert_eq!(bounded_distance(&a, &c("GLYCREIN"), 2, &mut buf), Some(1));
        assert_eq!(bounded_distance(&a, &c("GLYCERINE"), 2, &mut buf), Some(1));
        assert_eq!(bounded_distance(&a, &c("GLYCERNIE"), 2, &mut buf), Some(2));
        assert_eq!(
            bounded_distance(&c("ABCDEF"), &c("ABXDEY"), 2, &mut buf),
            Some(2)
        );
        assert_eq!(
            bounded_distance(&c("ABCDEF"), &c("XBXDXF"), 2, &mut buf),
            None
        );
        assert_eq!(bounded_distance(&a, &c("SORBITOL"), 2, &mut buf), None);
    }
}
