//! Fixes: text edits attached to a lint, and applying the safe ones.
//!
//! A fix is *safe* when it cannot change what the product contains: a common name replaced
//! by the INCI name of the same entry, a doubled comma closed up. It is *unsafe* when a person
//! must confirm it: a misspelling with more than one plausible correction, a duplicate
//! removed, a percentage dropped. `inci lint --fix` applies safe fixes only, and unsafe ones
//! too with `--unsafe-fixes`.

use super::Lint;
use crate::span::Span;
use serde::Serialize;

/// Whether a fix may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Keeps the product's meaning; applied by `--fix`.
    Safe,
    /// May change the meaning; applied only with `--unsafe-fixes`.
    Unsafe,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Edit {
    /// The text replaced (empty for an insertion).
    pub span: Span,
    /// What replaces it (empty for a deletion).
    pub replacement: String,
}

/// A fix: what it does, whether it is safe, and its edits (never overlapping).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// What the fix does, for people (`replace with "PHENOXYETHANOL"`).
    pub message: String,
    /// The edits, in input order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one edit.
    pub fn replace(
        applicability: Applicability,
        span: Span,
        replacement: String,
        message: String,
    ) -> Fix {
        Fix {
            applicability,
            message,
            edits: vec![Edit { span, replacement }],
        }
    }
}

/// The result of [`apply_fixes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// Number of fixes applied.
    pub applied: usize,
}

/// Applies the fixes of `lints` up to `max` applicability (`Safe`, or `Unsafe` for both) to
/// `input`. Fixes are taken in input order; one whose edits overlap an earlier applied fix is
/// skipped (the caller lints again and repeats until nothing changes, as `--fix` does).
pub fn apply_fixes(input: &str, lints: &[Lint], max: Applicability) -> Fixed {
    let mut fixes: Vec<&Fix> = lints
        .iter()
        .filter_map(|l| l.fix.as_ref())
        .filter(|f| f.applicability <= max && !f.edits.is_empty())
        .collect();
    // By where they start; among fixes starting at the same place, the lint order decides.
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.span.start).min());
    let mut edits: Vec<&Edit> = Vec::new();
    // The accepted edits as disjoint intervals, start to end (an insertion counts as one byte
    // wide): an edit overlaps one of them exactly when it overlaps the last that starts before
    // its end, so each check is a lookup, not a scan of every edit taken so far (which made
    // `--fix` quadratic in the number of fixes).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let wide = |e: &Edit| (e.span.start, e.span.end.max(e.span.start + 1));
    let mut applied = 0;
    'fixes: for f in fixes {
        for e in &f.edits {
            let valid = e.span.start <= e.span.end
                && e.span.end <= input.len()
                && input.is_char_boundary(e.span.start)
                && input.is_char_boundary(e.span.end);
            let (start, end) = wide(e);
            let overlaps = taken
                .range(..end)
                .next_back()
                .is_some_and(|(_, &o_end)| o_end > start);
            if !valid || overlaps {
                continue 'fixes;
            }
        }
        for e in &f.edits {
            let (start, end) = wide(e);
            let slot = taken.entry(start).or_insert(end);
            *slot = (*slot).max(end);
        }
        edits.extend(&f.edits);
        applied += 1;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut text = String::with_capacity(input.len());
    let mut pos = 0;
    for e in edits {
        text.push_str(&input[pos..e.span.start]);
        text.push_str(&e.replacement);
        pos = e.span.end;
    }
    text.push_str(&input[pos..]);
    Fixed { text, applied }
}

/// Most fix-and-relint rounds: a fix can make another possible (a duplicate whose separator
/// an empty-item fix touched), but never more than a few times.
const MAX_ROUNDS: usize = 8;

/// Applies fixes up to `max`, relinting between rounds; returns the text and the number of
/// fixes applied.
pub fn fix_text(
    source: &str,
    lints: &[Lint],
    config: &super::Config,
    max: Applicability,
) -> (String, usize) {
    let mut text = source.to_owned();
    let mut applied = 0;
    let mut current = lints.to_vec();
    for _ in 0..MAX_ROUNDS {
        let fixed = apply_fixes(&text, &current, max);
        if fixed.applied == 0 || fixed.text == text {
            break;
        }
        applied += fixed.applied;
        text = fixed.text;
        current = super::lint(&text, config);
    }
    (text, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Level;

    fn lint_with(start: usize, end: usize, to: &str, a: Applicability) -> Lint {
        Lint {
            code: "T000",
            rule: "test",
            level: Level::Warning,
            message: String::new(),
            span: Span::new(start, end),
            label: String::new(),
            related: Vec::new(),
            help: None,
            fix: Some(Fix::replace(
                a,
                Span::new(start, end),
                to.into(),
                String::new(),
            )),
        }
    }

    #[test]
    fn applies_safe_fixes_in_order_and_skips_overlaps() {
        let input = "Aqua, Shea Butter,, Glycerin";
        let lints = [
            lint_with(17, 19, ",", Applicability::Safe),
            lint_with(6, 17, "Butyrospermum Parkii Butter", Applicability::Safe),
            lint_with(6, 10, "X", Applicability::Safe),
            lint_with(0, 4, "Water", Applicability::Unsafe),
        ];
        let fixed = apply_fixes(input, &lints, Applicability::Safe);
        assert_eq!(fixed.text, "Aqua, Butyrospermum Parkii Butter, Glycerin");
        assert_eq!(fixed.applied, 2);
        let all = apply_fixes(input, &lints, Applicability::Unsafe);
        assert_eq!(all.text, "Water, Butyrospermum Parkii Butter, Glycerin");
    }

    #[test]
    fn out_of_range_edits_are_ignored() {
        let input = "Crème";
        let lints = [
            lint_with(3, 4, "e", Applicability::Safe),
            lint_with(4, 99, "", Applicability::Safe),
        ];
        assert_eq!(
            apply_fixes(input, &lints, Applicability::Safe).text,
            "Crème"
        );
    }
}
