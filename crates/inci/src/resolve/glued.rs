//! Names run together with no separator: `Water Glycerin`, `Sodium Lactate Urea`.
//!
//! Scraped catalogs and retyped labels lose commas: in the Sephora catalog, 29 lists hold two
//! or more CosIng names with only a space between them. Such a text is unknown as a whole, and
//! reading it as nothing hides every ingredient in it (an allergen, a preservative). It is read
//! as several names only when the dictionary leaves no doubt, by these rules:
//!
//! - the whole text is no name by any rule of [`resolve`](super::resolve()), corrections
//!   included (`Capryl Glycol` is one misspelt name, not two);
//! - it splits only at spaces outside brackets, into at least two pieces, each a CosIng name
//!   or synonym exactly (a spelling variant or a bracketed common name allowed, no correction,
//!   no common-name rewrite);
//! - exactly one way to split it exists (`Cetyl Alcohol Tocopherol` could be cut only one way);
//! - no piece but the first starts with a plant part (`Soybean Sprout Extract` is one name,
//!   not `SOYBEAN` and `SPROUT EXTRACT`);
//! - a piece of one word before another piece starts fewer than ten CosIng names: `Zinc
//!   Glycine` is more likely one compound than ZINC and GLYCINE;
//! - a piece of one word has at least four letters (`Urea`, `Talc`) and is not of animal or human origin:
//!   `Algae Collagen` is one unknown ingredient, most likely not animal collagen, and a split
//!   would turn a missing name into a false "not vegan";
//! - at most 12 words, so the search stays small (at most 78 lookups).
//!
//! The parser then reads the pieces as items and says a separator is missing.

use super::{Cosing, Via, resolve, resolve_via};
use crate::parse::Lexicon;

/// Longest text, in words, that is searched for glued names.
const MAX_WORDS: usize = 12;

/// The byte ranges of the names `text` is made of, when it is known names run together with
/// no separator; `None` otherwise.
pub(super) fn glued_names(text: &str) -> Option<Vec<(usize, usize)>> {
    // Most texts are names: the cache answers that before any work on the text's words.
    if resolve_via(text) != Via::Unknown {
        return None;
    }
    let words = words(text)?;
    if words.len() < 2 || words.len() > MAX_WORDS {
        return None;
    }
    // ways[i]: the number of ways (capped at 2) to split words[i..] into known pieces, and the
    // end of the first piece of one such way.
    let n = words.len();
    let mut ways = vec![(0u8, 0usize); n + 1];
    ways[n] = (1, n);
    for i in (0..n).rev() {
        for j in i + 1..=n {
            if ways[j].0 == 0 || (i == 0 && j == n) {
                continue;
            }
            let piece = &text[words[i].0..words[j - 1].1];
            if (i > 0 && starts_with_plant_part(piece))
                || !acceptable_piece(piece, j - i)
                || (j < n && j - i == 1 && starts_many_names(piece))
            {
                continue;
            }
            let (count, _) = ways[i];
            ways[i] = (count.saturating_add(ways[j].0).min(2), j);
        }
    }
    if ways[0].0 != 1 {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let j = ways[i].1;
        out.push((words[i].0, words[j - 1].1));
        i = j;
    }
    Some(out)
}

/// Byte ranges of the words of `text`, split at spaces outside brackets; `None` when a
/// bracket is unbalanced or a line break is in the text (the parser joins lines first).
fn words(text: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.checked_sub(1)?,
            b'\n' | b'\r' => return None,
            _ => {}
        }
        let space = (b == b' ' || b == b'\t') && depth == 0;
        match (space, start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if depth != 0 {
        return None;
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    Some(out)
}

/// `Sprout Extract` after `Soybean`: a plant part names the part of what comes before it
/// (`Soybean Sprout Extract` is one name CosIng does not list), never a new ingredient.
fn starts_with_plant_part(piece: &str) -> bool {
    let word = piece.split([' ', '/', '(']).next().unwrap_or_default();
    crate::origin::PLANT_PART_WORDS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word))
}

/// Names that start with the same word, from which a word is taken to begin the names of
/// compounds rather than to be an ingredient of its own.
const MANY_NAMES: usize = 10;

/// `Zinc` before `Glycine`: a word that starts many CosIng names (`ZINC` 78, `GLYCOL` 25,
/// `ALCOHOL` 26) more likely begins a compound's name the label cut short or CosIng lacks
/// (`Zinc Glycine`) than stands alone before the next name.
fn starts_many_names(word: &str) -> bool {
    let prefix = format!("{} ", inci_dict::fold(word));
    inci_dict::names_starting_with(&prefix, MANY_NAMES).len() >= MANY_NAMES
}

/// A piece that may stand as a name of its own in a split.
fn acceptable_piece(piece: &str, words: usize) -> bool {
    let first = piece.chars().next();
    if !first.is_some_and(char::is_alphanumeric) || !Cosing.is_known(piece) {
        return false;
    }
    if words > 1 {
        return true;
    }
    let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && !resolve(piece)
            .entry
            .and_then(crate::origin::classify_entry)
            .is_some_and(|v| {
                matches!(
                    v.origin,
                    crate::origin::Origin::Animal | crate::origin::Origin::Human
                )
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Option<Vec<&str>> {
        glued_names(text).map(|v| v.into_iter().map(|(s, e)| &text[s..e]).collect())
    }

    #[test]
    fn known_names_run_together_split_at_spaces() {
        assert_eq!(split("Water Glycerin"), Some(vec!["Water", "Glycerin"]));
        assert_eq!(
            split("Sodium Lactate Urea"),
            Some(vec!["Sodium Lactate", "Urea"])
        );
        assert_eq!(
            split("Dicaprylyl Carbonate Xanthan Gum"),
            Some(vec!["Dicaprylyl Carbonate", "Xanthan Gum"])
        );
        assert_eq!(
            split("Cocoglycerides Rosmarinus Officinalis (Rosemary) Leaf Extract"),
            Some(vec![
                "Cocoglycerides",
                "Rosmarinus Officinalis (Rosemary) Leaf Extract"
            ])
        );
    }

    #[test]
    fn names_misspellings_and_doubtful_texts_stay_whole() {
        // A name, a correctable misspelling, an unknown head word, a short piece, a piece of
        // animal origin, text with a line break.
        for text in [
            "Glycerin",
            "Cetyl Alcohol",
            "Capryl Glycol",
            "Goat Milk Powder",
            "Soybean Sprout Extract",
            "Zinc Glycine",
            "Water Bh",
            "Water Collagen",
            "Algae Collagen",
            "Water\nGlycerin",
            "Water (Glycerin",
        ] {
            assert_eq!(split(text), None, "{text}");
        }
    }

    #[test]
    fn the_search_is_bounded() {
        let long = ["Water"; 13].join(" ");
        assert_eq!(glued_names(&long), None);
    }
}
