//! Suggestions for unknown names: the nearest dictionary keys by edit distance.
//!
//! A suggestion is only ever offered, never applied: `Glycerine` may well be Glycerin, but the
//! label said something else and a reviewer must decide. The search is a bounded optimal string
//! alignment distance (Levenshtein plus adjacent transpositions) over every key, pruned by
//! length, so it needs no index and no start-up work; it only runs for names that are unknown.

use crate::cosing_codegen;

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
    let len = key.chars().count();
    let max = match len {
        0..=2 => return Vec::new(),
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    }
    .min(len / 3)
    .max(1);
    let query: Vec<char> = key.chars().collect();
    let mut found: Vec<(usize, &'static str, &'static str)> = Vec::new();
    let mut row_buf = Vec::new();
    for k in cosing_codegen::KEYS {
        let klen = k.key.len();
        // Byte length bounds char length from above; a cheap filter before the real work.
        if klen + max < len || (k.key.is_ascii() && klen > len + max) {
            continue;
        }
        if let Some(d) = bounded_distance(&query, k.key, max, &mut row_buf) {
            let name = crate::entries()[k.entry as usize].name;
            found.push((d, name, k.key));
        }
    }
    found.sort();
    let mut out: Vec<Suggestion> = Vec::new();
    for (distance, name, matched) in found {
        if out.iter().any(|s| s.name == name) {
            continue;
        }
        out.push(Suggestion { name, distance, matched });
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Optimal string alignment distance between `a` and `b` if it is at most `max`.
fn bounded_distance(a: &[char], b: &str, max: usize, buf: &mut Vec<usize>) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    buf.clear();
    buf.resize(3 * w, 0);
    let (mut prev2, mut prev, mut cur) = (0usize, w, 2 * w);
    for (j, v) in buf[prev..prev + w].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        buf[cur] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (buf[prev + j] + 1).min(buf[cur + j - 1] + 1).min(buf[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(buf[prev2 + j - 2] + 1);
            }
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
        let a: Vec<char> = "GLYCERIN".chars().collect();
        assert_eq!(bounded_distance(&a, "GLYCERIN", 2, &mut buf), Some(0));
        assert_eq!(bounded_distance(&a, "GLYCREIN", 2, &mut buf), Some(1));
        assert_eq!(bounded_distance(&a, "GLYCERINE", 2, &mut buf), Some(1));
        assert_eq!(bounded_distance(&a, "SORBITOL", 2, &mut buf), None);
    }
}
