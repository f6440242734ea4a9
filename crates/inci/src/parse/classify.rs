//! Fourth pass: decide whether a text piece is an ingredient or pack text.
//!
//! Labels scraped from shops and packs mix the list with sub-headings (`STEP 01 Booster:`),
//! marketing (`-Niacinamide: brightens skin`), footnote legends (`*Certified organic`) and
//! sizes (`Hydrating Serum 50 ml`). A piece the dictionary knows is always an ingredient; an
//! unknown one is pack text only when its shape says so, and it is then reported as skipped,
//! never dropped.

use super::Lexicon;
use super::label::Skip;
use super::rules;
use crate::span::Span;

/// What a text piece turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Item,
    Skipped(Skip),
}

/// Classifies the text at `span`; a heading may be split from the item that follows it.
pub(crate) fn classify(
    input: &str,
    span: Span,
    lexicon: &dyn Lexicon,
    out: &mut Vec<(Class, Span)>,
) {
    let text = span.slice(input);
    if text.starts_with(rules::is_footnote_mark)
        && let Ok((rest, _)) = rules::footnote_marks(text)
        && !rest.trim().is_empty()
        && is_legend(rest)
        && !lexicon.is_known(rest)
    {
        out.push((Class::Skipped(Skip::Legend), span));
        return;
    }
    // `Ingredients Aqua`: a list heading printed without its colon, glued to the first name.
    // Split only when the rest is a known name and the whole is not one.
    if let Some(rest_at) = colonless_heading(text)
        && !lexicon.is_known(text.trim())
        && {
            // The name, or a slash group of names (`Ingredients Aqua/Water`).
            let rest = text[rest_at..].trim();
            lexicon.is_known(rest) || rest.split('/').all(|p| lexicon.is_known(p.trim()))
        }
    {
        out.push((
            Class::Skipped(Skip::Heading),
            Span::new(span.start, span.start + rest_at),
        ));
        classify(
            input,
            Span::new(span.start + rest_at, span.end),
            lexicon,
            out,
        );
        return;
    }
    if let Some(colon) = heading_colon(text) {
        let left = &text[..colon];
        // `Titanium Dioxide 1.10%: Sunscreen.`: an ingredient with its percentage, then what it
        // is for. The ingredient is kept; the explanation is pack text.
        let named = without_percentage(left);
        if named.len() < left.len() && lexicon.is_known(named) {
            out.push((Class::Item, Span::new(span.start, span.start + colon)));
            out.push((
                Class::Skipped(Skip::Prose),
                Span::new(span.start + colon, span.end),
            ));
            return;
        }
        if !lexicon.is_known(left) {
            // The colon may be the three-byte full-width `：`: skip it by its own length.
            let colon_len = text[colon..].chars().next().map_or(1, char::len_utf8);
            let after = text[colon + colon_len..]
                .trim_start_matches(|c: char| c == '：' || rules::is_hspace(c));
            let right_start = span.end - after.len();
            if after.is_empty() {
                out.push((Class::Skipped(Skip::Heading), span));
            } else if looks_like_prose(after) && !lexicon.is_known(after) {
                out.push((Class::Skipped(Skip::Prose), span));
            } else {
                out.push((
                    Class::Skipped(Skip::Heading),
                    Span::new(span.start, right_start),
                ));
                classify(input, Span::new(right_start, span.end), lexicon, out);
            }
            return;
        }
    }
    // `Octinoxate 7.5% and Titanium Dioxide 5.3%`: two ingredients joined by `and`, when both
    // sides are names and the whole is not one.
    if let Some(k) = and_joint(text)
        && !lexicon.is_known(text)
        && lexicon.is_known(without_percentage(&text[..k]))
        && lexicon.is_known(without_percentage(text[k + 5..].trim()))
    {
        out.push((Class::Item, Span::new(span.start, span.start + k)));
        out.push((
            Class::Skipped(Skip::Prose),
            Span::new(span.start + k, span.start + k + 5),
        ));
        classify(input, Span::new(span.start + k + 5, span.end), lexicon, out);
        return;
    }
    // `Glycerin [more]`: a shop page's toggle glued to the last name shown.
    let toggle = trailing_toggle(text);
    if let Some(k) = toggle
        && k > 0
        && lexicon.is_known(text[..k].trim_end())
    {
        let name_end = span.start + text[..k].trim_end().len();
        out.push((Class::Item, Span::new(span.start, name_end)));
        out.push((
            Class::Skipped(Skip::ShopText),
            Span::new(name_end, span.end),
        ));
        return;
    }
    if (is_shop_text(text) || toggle == Some(0)) && !lexicon.is_known(text) {
        out.push((Class::Skipped(Skip::ShopText), span));
        return;
    }
    if (looks_like_prose(text)
        || has_pack_size(text)
        || is_placeholder(text)
        || is_claim(text)
        || is_disclaimer_word(text))
        && !lexicon.is_known(text)
    {
        out.push((Class::Skipped(Skip::Prose), span));
        return;
    }
    out.push((Class::Item, span));
}

/// Where a shop page's show-more or show-less toggle starts at the end of `text` (`[more]`,
/// `Read more`, `...less`), if it ends with one.
fn trailing_toggle(text: &str) -> Option<usize> {
    const TOGGLES: &[&str] = &[
        "[more]",
        "[less]",
        "(more)",
        "(less)",
        "read more",
        "read less",
        "show more",
        "show less",
        "see more",
        "see less",
        "view more",
        "...more",
        "... more",
        "…more",
    ];
    // Every toggle ends in `more` or `less`, perhaps in brackets: most names stop here.
    let b = text.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'\r' | b'\n' | b']' | b')') {
        end -= 1;
    }
    let tail = &b[end.saturating_sub(4)..end];
    if !(tail.eq_ignore_ascii_case(b"more") || tail.eq_ignore_ascii_case(b"less")) {
        return None;
    }
    let t = text.trim_end();
    TOGGLES
        .iter()
        .find(|tog| {
            t.len() >= tog.len()
                && t.is_char_boundary(t.len() - tog.len())
                && t[t.len() - tog.len()..].eq_ignore_ascii_case(tog)
        })
        .map(|tog| t.len() - tog.len())
}

/// One of the words that start a shop text phrase (see [`is_shop_text`]): chosen by length and
/// first letter, then compared once.
fn shop_word(w: &[u8]) -> bool {
    let Some(first) = w.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    let candidates: &[&str] = match (w.len(), first) {
        (2, b'i') => &["in"],
        (3, b'b') => &["bag", "buy"],
        (3, b'a') => &["add"],
        (3, b'f') => &["for"],
        (3, b'o') => &["out"],
        (4, b'f') => &["free"],
        (4, b'l') => &["less", "left"],
        (4, b'o') => &["only"],
        (4, b's') => &["sale"],
        (4, b'c') => &["cart"],
        (4, b'g') => &["gift"],
        (4, b'j') => &["just"],
        (4, b'm') => &["more"],
        (5, b'h') => &["hurry"],
        (5, b'o') => &["offer"],
        (5, b's') => &["stock"],
        (5, b'm') => &["minis"],
        (5, b'w') => &["worth"],
        (9, b'i') => &["including"],
        (6, b'b') => &["basket"],
        (8, b'd') => &["delivery"],
        (8, b's') => &["shipping"],
        (8, b'r') => &["recycled"],
        (9, b'p') => &["packaging"],
        (9, b'e') => &["exclusive"],
        (10, b'r') => &["recyclable"],
        _ => return false,
    };
    candidates
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c.as_bytes()))
}

/// Shop page text: a price (`£10`, `$12.50`, `9,99 €`), a countdown (`02:14:33`), or the
/// words of offers, baskets and packaging notes. Known names are never asked.
fn is_shop_text(text: &str) -> bool {
    let t = text.trim();
    let bytes = t.as_bytes();
    // Shop text starts with a word of offers, basket buttons and packaging notes (`Hurry`,
    // `for just`, `Packaging made from`, `including 3 minis`, `Only £10`) or with a price or a
    // time (`9,99 €`, `$12`, `02:14:33`): a piece that starts otherwise (nearly every
    // ingredient) is not looked at further.
    let start = bytes
        .iter()
        .position(u8::is_ascii_alphabetic)
        .unwrap_or(bytes.len());
    let len = bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len() - start);
    let shop_start = shop_word(&bytes[start..start + len]);
    let price_start = bytes
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b'$' || b == b'(' || b >= 0xC2);
    if !shop_start && !price_start {
        return false;
    }
    // A currency sign as a word of its own beside a number (`£10`, `9,99 €`), not inside a
    // spreadsheet reference (`$H$23`).
    let price = t.char_indices().any(|(i, c)| {
        if !matches!(c, '£' | '$' | '€' | '¥' | '₩') {
            return false;
        }
        let word_start = t[..i]
            .chars()
            .next_back()
            .is_none_or(|p| p.is_whitespace() || p == '(');
        let word_end = t[i + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(|n| n.is_whitespace() || n == ')');
        (word_start && t[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
            || (word_end && t[..i].trim_end().ends_with(|d: char| d.is_ascii_digit()))
    });
    let countdown = bytes.windows(8).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
            && w[5] == b':'
            && w[6].is_ascii_digit()
            && w[7].is_ascii_digit()
    });
    if price || countdown {
        return true;
    }
    if !shop_start || t.split_ascii_whitespace().nth(8).is_some() {
        return false;
    }
    const PHRASES: &[&str] = &[
        "hurry",
        "offer ends",
        "sale ends",
        "add to bag",
        "add to basket",
        "add to cart",
        "buy now",
        "free delivery",
        "free shipping",
        "in stock",
        "out of stock",
        "left in stock",
        "packaging made from",
        "recycled materials",
        "recyclable packaging",
        "minis",
        "gift set",
        "gift with purchase",
        "worth £",
        "for just",
        "only at",
        "exclusive to",
    ];
    let lower = t.to_ascii_lowercase();
    PHRASES.iter().any(|p| {
        lower.starts_with(p)
            || lower
                .match_indices(p)
                .any(|(i, _)| lower[..i].ends_with(' '))
    })
}

/// A sentence adverb or notice word that a brand's disclaimer leaves between commas
/// (`However`, `Please note`), never a name.
fn is_disclaimer_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "however",
        "therefore",
        "please note",
        "note",
        "disclaimer",
        "important",
    ];
    if text.len() > 16 {
        return false;
    }
    let t = text.trim().trim_end_matches(['.', ':', '!']);
    WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// Position of the first ` and ` (any case) joining two parts of `text`.
fn and_joint(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(5)).find(|&i| {
        bytes[i] == b' '
            && bytes[i + 4] == b' '
            && bytes[i + 1..i + 4].eq_ignore_ascii_case(b"and")
            && i + 5 < bytes.len()
    })
}

/// The text without a trailing declared percentage (`Titanium Dioxide 1.10%`), or the text.
fn without_percentage(text: &str) -> &str {
    let t = text.trim_end();
    match super::rules::trailing_percentage(t) {
        Some(k) if k > 0 => t[..k].trim_end(),
        _ => text,
    }
}

/// Position of a colon that ends a heading: outside brackets, not between digits (`1:1`).
fn heading_colon(text: &str) -> Option<usize> {
    if !rules::has_colon(text) {
        return None;
    }
    let mut depth = 0i32;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ':' | '：' if depth <= 0 => {
                let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                if !(digit_after && digit_before) && i > 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Words of pack claims (`Dermatologist tested`, `Hypoallergenic`), never of an INCI name.
const CLAIM_WORDS: &[&str] = &[
    "clinically",
    "cruelty-free",
    "dermatologically",
    "dermatologist",
    "hypoallergenic",
    "non-comedogenic",
    "ophthalmologist",
    "tested",
];

/// True when a word of `text` is a claim word (any case). Counted on bytes, with the first
/// letter and length tested before any comparison: it runs for every piece of every label.
fn is_claim(text: &str) -> bool {
    text.as_bytes()
        .split(|b| b.is_ascii_whitespace())
        .map(|w| {
            let end = w
                .iter()
                .rposition(u8::is_ascii_alphabetic)
                .map_or(0, |e| e + 1);
            &w[..end]
        })
        .filter(|w| (6..=17).contains(&w.len()) && b"cdhnotCDHNOT".contains(&w[0]))
        .any(|w| {
            CLAIM_WORDS
                .iter()
                .any(|c| c.as_bytes().eq_ignore_ascii_case(w))
        })
}

const STOPWORDS: &[&str] = &[
    "a", "all", "an", "and", "apply", "are", "as", "avoid", "be", "by", "can", "contains", "for",
    "free", "from", "help", "helps", "if", "in", "into", "is", "it", "its", "may", "not", "of",
    "on", "only", "or", "our", "please", "see", "skin", "that", "the", "this", "to", "visit", "we",
    "which", "while", "will", "with", "you", "your",
];

const LEGEND_WORDS: &[&str] = &[
    "organic",
    "certified",
    "natural",
    "naturally",
    "origin",
    "derived",
    "ingredient",
    "ingredients",
    "fair",
    "trade",
    "agriculture",
    "farming",
    "harvested",
    "wild",
    "occurring",
    "essential",
    "from",
    "bio",
    "biologique",
    "ecocert",
    "cosmos",
    "plant",
    "based",
    "vegan",
];

fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

fn in_list(list: &[&str], word: &str) -> bool {
    word.len() <= 12
        && list
            .iter()
            .any(|s| s.len() == word.len() && s.eq_ignore_ascii_case(word))
}

/// Sentences rather than a name: several words, at least two of them function words, or
/// very many words.
pub(crate) fn looks_like_prose(text: &str) -> bool {
    // Counted on bytes, the runs of bytes that are no ASCII whitespace (what splitting at
    // whitespace and dropping empty pieces counts) in one loop: fewer than three words is
    // never prose, and most items stop here.
    let mut n = 0usize;
    let mut in_word = false;
    let mut high = 0u8;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        n += usize::from(!space && !in_word);
        in_word = !space;
        high |= b;
    }
    if n < 3 {
        return false;
    }
    // Twelve words with no slash are prose whatever they are; otherwise two stopwords make
    // it, and the count stops at the second. ASCII text is cut into words on bytes.
    (n >= 12 && !text.contains('/'))
        || if high.is_ascii() {
            ascii_words(text)
                .filter(|w| is_stopword_bytes(w))
                .nth(1)
                .is_some()
        } else {
            words(text).filter(|w| is_stopword(w)).nth(1).is_some()
        }
}

/// [`words`] of an ASCII text, on bytes: split at the bytes that are `char::is_whitespace`
/// (tab to carriage return, and space), trimmed of what is no letter or digit.
fn ascii_words(text: &str) -> impl Iterator<Item = &[u8]> + '_ {
    text.as_bytes()
        .split(|b| matches!(b, b'\t'..=b'\r' | b' '))
        .filter_map(|w| {
            let start = w.iter().position(u8::is_ascii_alphanumeric)?;
            let end = w.iter().rposition(u8::is_ascii_alphanumeric)?;
            Some(&w[start..=end])
        })
}

/// Case-insensitive membership in [`STOPWORDS`], without allocating.
fn is_stopword(word: &str) -> bool {
    is_stopword_bytes(word.as_bytes())
}

/// [`is_stopword`] on a word's bytes.
fn is_stopword_bytes(b: &[u8]) -> bool {
    if b.is_empty() || b.len() > 8 || !b.is_ascii() {
        return false;
    }
    // By length and first letter, most words of a name are no stopword and stop here (the
    // table's words of four letters or more start with few letters; a test keeps this true).
    let first = b[0].to_ascii_lowercase();
    let possible = match b.len() {
        6 => first == b'p',
        8 => first == b'c',
        7 => false,
        5 => matches!(first, b'a' | b'h' | b'v' | b'w'),
        4 => matches!(first, b'f' | b'h' | b'i' | b'o' | b's' | b't' | b'w' | b'y'),
        _ => true,
    };
    if !possible {
        return false;
    }
    STOPWORD_KEYS.binary_search(&word_key(b)).is_ok()
}

/// A word of at most eight ASCII bytes, lower-cased, as one number (its bytes in order, zero
/// bytes after): equal numbers, equal words.
const fn word_key(b: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        key |= (b[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// [`STOPWORDS`] as [`word_key`]s, sorted: a probe compares numbers, not strings.
const STOPWORD_KEYS: [u64; STOPWORDS.len()] = {
    let mut keys = [0u64; STOPWORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(
            STOPWORDS[i].len() <= 8,
            "a stopword has eight letters at most"
        );
        keys[i] = word_key(STOPWORDS[i].as_bytes());
        // Insertion sort: the table is small and this runs at compile time.
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

fn is_legend(text: &str) -> bool {
    words(text).any(|w| in_list(LEGEND_WORDS, w))
}

/// Catalog placeholders where a list should be: `No Info`, `N/A`, `#NAME?`, `TBD`.
fn is_placeholder(text: &str) -> bool {
    const PLACEHOLDERS: &[&str] = &[
        "no info",
        "n/a",
        "na",
        "none",
        "#name?",
        "#n/a",
        "tbd",
        "unknown",
        "not available",
        "-",
    ];
    let t = text.trim();
    t.len() <= 16
        && PLACEHOLDERS
            .iter()
            .any(|p| p.len() == t.len() && p.eq_ignore_ascii_case(t))
}

/// A pack size: `50 ml`, `1.7 fl oz`, `30g`, `100 mL`.
fn has_pack_size(text: &str) -> bool {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    for (i, _) in lower.match_indices(|c: char| c.is_ascii_digit()) {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let rest =
            lower[i..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let rest = rest.trim_start();
        for unit in ["ml", "fl oz", "fl. oz", "oz", "g", "mg", "kg", "l"] {
            if let Some(after) = rest.strip_prefix(unit) {
                if !after.starts_with(|c: char| c.is_alphanumeric()) {
                    return true;
                }
            }
        }
    }
    false
}

/// Where the name starts after a list heading printed without its colon (`Ingredients Aqua`,
/// `INGREDIENTS LIST Aqua`): the heading words, any case, then white space.
fn colonless_heading(text: &str) -> Option<usize> {
    const HEADINGS: &[&str] = &[
        "full ingredients list",
        "ingredients list",
        "ingredient list",
        "list of ingredients",
        "inactive ingredients",
        "active ingredients",
        "other ingredients",
        "ingredients",
        "ingredient",
        "ingrédients",
        "inhaltsstoffe",
        "ingredientes",
        "ingredienti",
    ];
    let lead = text.len() - text.trim_start().len();
    let body = &text[lead..];
    // The first two letters, lower-cased, against each heading's first two: nearly every item
    // stops here instead of being compared with thirteen headings in full (440 instructions
    // an item). `| 0x20` lower-cases a letter and turns no other byte into one.
    let two = body
        .as_bytes()
        .get(..2)
        .map(|b| [b[0] | 0x20, b[1] | 0x20])?;
    if !HEADINGS
        .iter()
        .any(|h| h.as_bytes().get(..2) == Some(&two[..]))
    {
        return None;
    }
    HEADINGS.iter().find_map(|h| {
        let head = body.get(..h.len())?;
        if !head.eq_ignore_ascii_case(h) {
            return None;
        }
        let after = &body[h.len()..];
        let gap = after.len() - after.trim_start().len();
        (gap > 0 && !after.trim().is_empty()).then_some(lead + h.len() + gap)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stopword_prefilter_lets_every_stopword_through() {
        // `is_stopword` skips the table by length and first letter: every stopword passes.
        for w in super::STOPWORDS {
            assert!(super::is_stopword(w), "{w}");
            assert!(super::is_stopword(&w.to_uppercase()), "{w}");
        }
        assert!(super::is_stopword("Please") && super::is_stopword("CONTAINS"));
        assert!(!super::is_stopword("Glycol"));
    }

    proptest::proptest! {
        /// The numeric probe answers as a search of the word list does.
        #[test]
        fn a_stopword_is_a_listed_word(word in "[a-zA-Z]{1,9}|the|THE|For|with|you|your|yours") {
            let listed = super::STOPWORDS.contains(&word.to_ascii_lowercase().as_str());
            proptest::prop_assert_eq!(super::is_stopword(&word), listed);
        }
    }

    use super::*;

    proptest::proptest! {
        /// On ASCII text the byte cut gives the words the general one gives, every kind of
        /// ASCII whitespace and punctuation included.
        #[test]
        fn ascii_words_are_the_words(text in "[a-cA-C0-9 \t\n\x0b\x0c\r\x1c.,()/'-]{0,40}") {
            let ours: Vec<&[u8]> = ascii_words(&text).collect();
            let general: Vec<&[u8]> = words(&text).map(str::as_bytes).collect();
            proptest::prop_assert_eq!(ours, general);
        }
    }

    #[test]
    fn prose_is_found_on_both_cuts() {
        let ascii = "Please note that this product is for the face";
        assert!(looks_like_prose(ascii));
        assert!(looks_like_prose(&format!("{ascii} \u{e9}")));
        // A vertical tab splits words as `char::is_whitespace` does.
        assert!(looks_like_prose("Water\x0bfor the Skin"));
        assert!(!looks_like_prose("Rosa Canina Fruit Oil"));
    }

    #[test]
    fn a_colonless_heading_is_found_in_any_case_and_only_before_a_name() {
        for heading in [
            "Full Ingredients List",
            "INGREDIENTS LIST",
            "ingredient list",
            "List of Ingredients",
            "Inactive Ingredients",
            "ACTIVE INGREDIENTS",
            "Other ingredients",
            "Ingredients",
            "ingredient",
            "Ingrédients",
            "INHALTSSTOFFE",
            "Ingredientes",
            "ingredienti",
        ] {
            let text = format!("  {heading}  Aqua");
            assert_eq!(colonless_heading(&text), Some(text.len() - 4), "{text}");
            if !heading.contains(' ') {
                assert_eq!(colonless_heading(heading), None, "{heading}");
            }
        }
        for text in [
            "Aqua",
            "Acrylates Copolymer",
            "Inulin",
            "Otter Oil",
            "I",
            "",
            "Ingr",
        ] {
            assert_eq!(colonless_heading(text), None, "{text}");
        }
    }

    #[test]
    fn prose_and_sizes() {
        assert!(looks_like_prose(
            "Moisturizes and maintains the skin's moisture"
        ));
        assert!(!looks_like_prose("Butyrospermum Parkii (Shea) Butter"));
        assert!(has_pack_size("Hydrating Serum 50 ml"));
        assert!(has_pack_size("1.7 fl oz"));
        assert!(!has_pack_size("PEG-100 Stearate"));
        assert!(!has_pack_size("C12-15 Alkyl Benzoate"));
    }

    #[test]
    fn three_words_are_counted_as_whitespace_splits_count_them() {
        // Two words and one function word: never prose, however the spaces fall; three words
        // with two function words: prose, with any ASCII whitespace between them.
        for text in [
            "Aqua and",
            " Aqua\t\n and ",
            "Aqua\u{a0}of the",
            "of the",
            "",
        ] {
            assert!(!looks_like_prose(text), "{text:?}");
        }
        for text in [
            "extract of the leaf",
            " extract\tof\r\nthe  leaf ",
            "of the and",
        ] {
            assert!(looks_like_prose(text), "{text:?}");
        }
    }
}
