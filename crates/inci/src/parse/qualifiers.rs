//! Third pass, per item: percentages, `(nano)`, footnote and organic marks around the name.
//!
//! Marks are peeled from both ends until none is left, so `Zinc Oxide (nano) 5%*` yields the
//! name `Zinc Oxide` and three qualifiers, each with its own span. A `(nano)` inside the name
//! (`Titanium Dioxide (nano) (CI 77891)`) is recorded too, and the name keeps it; the
//! resolver reads past brackets anyway.

use super::label::{Qualifier, QualifierKind};
use super::rules;
use crate::span::Span;

/// Splits the item at `span` into its name's span and its qualifiers.
pub(crate) fn split(input: &str, span: Span) -> (Span, Vec<Qualifier>) {
    let text = span.slice(input);
    // Most items are a bare name: letters at both ends and no bracket that could hold `nano`.
    let plain_end = text
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() && !rules::is_footnote_mark(c))
        && !rules::ends_like_amount(text);
    let plain_start = text.chars().next().is_some_and(|c| c.is_alphabetic());
    // A byte test: brackets are ASCII, and a character pattern would decode every character.
    if plain_end && plain_start && !text.bytes().any(|b| b == b'(' || b == b'[') {
        return (span, Vec::new());
    }
    let mut start = span.start;
    let mut end = span.end;
    let mut quals = Vec::new();
    let q = |kind, s: usize, e: usize| Qualifier {
        kind,
        span: Span::new(s, e),
        text: input[s..e].to_owned(),
    };
    loop {
        let text = &input[start..end];
        let trimmed = text.trim_end_matches(rules::is_hspace);
        let t_end = start + trimmed.len();
        if let Some(len) = trailing_marks(trimmed) {
            if len < trimmed.len() {
                quals.push(q(QualifierKind::Footnote, t_end - len, t_end));
                end = t_end - len;
                continue;
            }
        }
        if let Some((qs, kind)) = trailing_bracketed(trimmed) {
            if qs > 0 {
                quals.push(q(kind, start + qs, t_end));
                end = start + qs;
                continue;
            }
        }
        if let Some(qs) = trailing_percent(trimmed) {
            if qs > 0 {
                quals.push(q(QualifierKind::Percent, start + qs, t_end));
                end = start + qs;
                continue;
            }
        }
        break;
    }
    loop {
        let text = &input[start..end];
        let lead = text.len() - text.trim_start_matches(rules::is_hspace).len();
        let body = &text[lead..];
        if let Ok((rest, marks)) = rules::footnote_marks(body) {
            if !rest.trim().is_empty() {
                quals.push(q(
                    QualifierKind::Footnote,
                    start + lead,
                    start + lead + marks.len(),
                ));
                start += lead + marks.len();
                continue;
            }
        }
        if let Ok((rest, pct)) = rules::percentage(body) {
            if rest.starts_with(rules::is_hspace) && !rest.trim().is_empty() {
                quals.push(q(
                    QualifierKind::Percent,
                    start + lead,
                    start + lead + pct.len(),
                ));
                start += lead + pct.len();
                continue;
            }
        }
        break;
    }
    // Trim what peeling left around the name.
    let name = &input[start..end];
    let s = start + (name.len() - name.trim_start_matches(rules::is_hspace).len());
    let e = start + name.trim_end_matches(rules::is_hspace).len();
    let (start, end) = if s < e {
        (s, e)
    } else {
        (span.start, span.end)
    };
    // `(nano)` left inside the name.
    let name = &input[start..end];
    for (i, _) in name.match_indices(['(', '[']) {
        if let Ok((rest, (_, word))) = rules::bracketed_qualifier(&name[i..])
            && word.eq_ignore_ascii_case("nano")
        {
            let qs = start + i;
            quals.push(q(
                QualifierKind::Nano,
                qs,
                qs + (name.len() - i - rest.len()),
            ));
        }
    }
    quals.sort_by_key(|q| q.span);
    (Span::new(start, end), quals)
}

fn trailing_marks(text: &str) -> Option<usize> {
    let body = text.trim_end_matches(rules::is_footnote_mark);
    let len = text.len() - body.len();
    (len > 0).then_some(len)
}

/// Start of a trailing `(nano)`, `[nano]`, `(organic)` or `(5%)`, and its kind.
fn trailing_bracketed(text: &str) -> Option<(usize, QualifierKind)> {
    if !(text.ends_with(')') || text.ends_with(']')) {
        return None;
    }
    let open = text.rfind(['(', '['])?;
    let (rest, (_, word)) = rules::bracketed_qualifier(&text[open..]).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let kind = if word.eq_ignore_ascii_case("nano") {
        QualifierKind::Nano
    } else if word.eq_ignore_ascii_case("organic") || word.eq_ignore_ascii_case("bio") {
        QualifierKind::Organic
    } else {
        QualifierKind::Percent
    };
    Some((open, kind))
}

/// Start of a trailing bare percentage (`Niacinamide 10%`, `Salicylic Acid 2% w/w`).
fn trailing_percent(text: &str) -> Option<usize> {
    rules::trailing_percentage(text)
}
