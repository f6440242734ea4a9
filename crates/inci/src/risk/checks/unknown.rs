//! `U001` (a name the dictionary does not know) and `U002` (no ingredient list at all).

use super::Context;
use crate::risk::registry;
use crate::risk::{Finding, Severity};
use std::borrow::Cow;

/// `U001` for the unknown name at index `i`.
pub(crate) fn check(cx: &Context<'_>, i: usize, out: &mut Vec<Finding>) {
    let Some(ing) = cx.ingredients.get(i) else {
        return;
    };
    out.push(Finding::new(
        &registry::U001,
        Severity::Info,
        if let Some(lang) = unsupported_script(&ing.raw) {
            format!(
                "\"{}\" is a {lang} label name that inci's {lang} table does not hold (the table is partial: no public copy of the {lang} ingredient dictionary exists): check the INCI name printed on the pack",
                ing.raw.trim()
            )
        } else if ing.suggestions.is_empty() {
            [
                "\"",
                ing.raw.trim(),
                "\" is not a known INCI name; no fact about it can be checked",
            ]
            .concat()
        } else if ing.suggestions.iter().all(|s| s.distance == 0) {
            format!(
                "\"{}\" is an incomplete name (a species without its part): it could be {}, which differ in what they hold; check the pack",
                ing.raw.trim(),
                ing.suggested_names()
            )
        } else {
            // Joined in one allocation, not with `format!` (the commonest message of an
            // unknown name).
            [
                "\"",
                ing.raw.trim(),
                "\" is not a known INCI name (did you mean ",
                &ing.suggested_names(),
                "?)",
            ]
            .concat()
        },
        vec![i],
        Cow::Borrowed(inci_dict::COSING_SOURCE),
    ));
}

/// `U002`: a text in which no ingredient was read (a shop page, `No Info`) is not a vegan
/// product: nothing was read, so nothing can be said.
pub(crate) fn no_list() -> Finding {
    Finding::new(
        &registry::U002,
        Severity::Info,
        "no ingredient list found: nothing could be checked; vegan and vegetarian unknown"
            .to_owned(),
        Vec::new(),
        Cow::Borrowed(NO_LIST_SOURCE),
    )
}

/// What a label must print, which a text without a list does not: the source of `U002`.
const NO_LIST_SOURCE: &str =
    "Regulation (EC) 1223/2009 Art. 19(1)(g): a cosmetic product's label lists its ingredients";

/// The language of a name written in a script inci has no label names for: Korean (Hangul)
/// or Japanese (kana). Chinese names resolve through the NMPA inventory.
fn unsupported_script(text: &str) -> Option<&'static str> {
    text.chars().find_map(|c| match c {
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
            Some("Korean")
        }
        '\u{3040}'..='\u{30FF}' => Some("Japanese"),
        _ => None,
    })
}
