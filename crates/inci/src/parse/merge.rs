//! Second pass: glue pieces back where the dictionary knows the whole.
//!
//! The lexer cuts at every comma and full stop, but 389 CosIng names contain a comma
//! (`1,2-HEXANEDIOL`, `2-TRANS, 6-CIS-NONADIENOL`) and many a full stop (`HC BLUE NO. 4`,
//! `ALCOHOL DENAT. SD ALCOHOL 39-B`). A run of pieces joined by single commas or full stops is
//! merged when the dictionary knows the joined text; the longest known run wins. The
//! same goes for a name wrapped onto the next line (`Butylene\nGlycol`), or at a hyphen that
//! starts the next line (`ALKYL ACRYLATE\n-CROSSPOLYMER`, as artwork prints it). The comma
//! dictionary is asked only when the first piece is the beginning of such a name, so ordinary
//! lists pay one small lookup per item.

use super::Lexicon;
use super::lexer::{Piece, PieceKind};
use crate::span::Span;

/// Longest run of pieces tried (text pieces, counting the first).
const MAX_RUN: usize = 8;

pub(crate) fn merge(input: &str, pieces: Vec<Piece>, lexicon: &dyn Lexicon) -> Vec<Piece> {
    // Every join of the second kind below is across a line break: a label of one line (nearly
    // all of them) has none to try (on a catalog of distinct lists, its tests were 1.6 % of
    // all instructions).
    let lines = memchr::memchr(b'\n', input.as_bytes()).is_some();
    merge_with(input, pieces, lexicon, lines)
}

/// [`merge`], trying the joins across a line break only when `lines` says the input has one.
///
/// Merged in place: a merged piece replaces the first of its run, so the pieces kept are
/// written at `kept`, never past the one read (a copy into a second vector cost an
/// allocation a label and a push a piece).
fn merge_with(
    input: &str,
    mut pieces: Vec<Piece>,
    lexicon: &dyn Lexicon,
    lines: bool,
) -> Vec<Piece> {
    let mut kept = 0;
    let mut keep = |pieces: &mut Vec<Piece>, p: Piece| {
        if let Some(slot) = pieces.get_mut(kept) {
            *slot = p;
        }
        kept += 1;
    };
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i];
        if p.kind == PieceKind::Text
            && is_mergeable_sep(pieces.get(i + 1))
            && lexicon.continues_past_separator(p.span.slice(input))
        {
            // The run's pieces after the first (indices into `pieces`) and where each ends,
            // from the first's start; the longest run the lexicon knows is merged.
            let mut run = [0usize; MAX_RUN];
            let mut ends = [0usize; MAX_RUN];
            let mut j = i;
            let mut texts = 0;
            while texts + 1 < MAX_RUN
                && is_mergeable_sep(pieces.get(j + 1))
                && pieces
                    .get(j + 2)
                    .is_some_and(|n| n.kind == PieceKind::Text && n.section == p.section)
            {
                j += 2;
                run[texts] = j;
                ends[texts] = pieces[j].span.end.saturating_sub(p.span.start);
                texts += 1;
            }
            let text = input.get(p.span.start..).unwrap_or_default();
            let best = lexicon
                .longest_known(text, &ends[..texts])
                .and_then(|k| run.get(k).copied());
            if let Some(j) = best {
                let span = Span::new(p.span.start, pieces[j].span.end);
                keep(&mut pieces, Piece { span, ..p });
                i = j + 1;
                continue;
            }
        }
        // A name wrapped onto the next line (`Butylene\nGlycol`) in a list that is not
        // one-per-line: joined when the first line alone is unknown and the two are a name.
        if lines
            && p.kind == PieceKind::Text
            && matches!(
                pieces.get(i + 1).map(|s| s.kind),
                Some(PieceKind::Sep { .. })
            )
            && let Some(next) = pieces
                .get(i + 2)
                .filter(|n| n.kind == PieceKind::Text && n.section == p.section)
        {
            let span = Span::new(p.span.start, next.span.end);
            let first = p.span.slice(input);
            let newline = is_newline_sep(pieces.get(i + 1));
            // A percentage or a bracketed name wrapped onto the next line (`Niacinamide` /
            // `5%`, `Parfum` / `(Fragrance)`) is the name's, even after a blank line (OCR
            // starts a new block where a line is short).
            let line_breaks = pieces
                .get(i + 1)
                .map(|s| s.span.slice(input))
                .is_some_and(|t| super::rules::has_line_break(t) && t.trim().is_empty());
            if line_breaks
                && (only_percentage(next.span.slice(input))
                    || only_bracketed(next.span.slice(input)))
            {
                keep(&mut pieces, Piece { span, ..p });
                i += 3;
                continue;
            }
            // Cheap tests first: most items are followed by a plain comma.
            if (newline || hyphen_at_line_start(input, p, next))
                && !lexicon.is_known(first)
                && ((newline && lexicon.is_known(span.slice(input)))
                    || (!newline && wrapped_at_hyphen(input, p, next, lexicon)))
            {
                keep(&mut pieces, Piece { span, ..p });
                i += 3;
                continue;
            }
        }
        keep(&mut pieces, p);
        i += 1;
    }
    pieces.truncate(kept);
    pieces
}

/// A name wrapped at a hyphen that starts the next line, as packaging artwork and photos of it
/// print them (`ACRYLATES/C10-30 ALKYL ACRYLATE` / `-CROSSPOLYMER`): the separator between the
/// pieces is a line break and a hyphen, and the two lines read as one name.
fn wrapped_at_hyphen(input: &str, p: Piece, next: &Piece, lexicon: &dyn Lexicon) -> bool {
    let joined = format!("{} {}", p.span.slice(input), next.span.slice(input));
    lexicon.is_known(&joined)
}

/// The separator between `p` and `next` is a line break and one hyphen (`...\n-CROSSPOLYMER`).
fn hyphen_at_line_start(input: &str, p: Piece, next: &Piece) -> bool {
    let between = input.get(p.span.end..next.span.start).unwrap_or_default();
    super::rules::has_line_break(between) && between.trim_matches([' ', '\t', '\r', '\n']) == "-"
}

/// `5%`, `0,5 %`, `<1%`, `2% w/w`: a declared amount (the qualifier pass's own rule) and
/// nothing else.
fn only_percentage(text: &str) -> bool {
    super::rules::percentage(text.trim()).is_ok_and(|(rest, _)| rest.is_empty())
}

/// `(Fragrance)`: one bracketed group and nothing else.
fn only_bracketed(text: &str) -> bool {
    let t = text.trim();
    t.len() > 2 && t.starts_with('(') && t.ends_with(')') && !t[1..t.len() - 1].contains(['(', ')'])
}

fn is_newline_sep(p: Option<&Piece>) -> bool {
    matches!(
        p,
        Some(Piece {
            kind: PieceKind::Sep { newline: true, .. },
            ..
        })
    )
}

fn is_mergeable_sep(p: Option<&Piece>) -> bool {
    matches!(
        p,
        Some(Piece {
            kind: PieceKind::Sep {
                mergeable: true,
                ..
            },
            ..
        })
    )
}

#[cfg(test)]
mod tests {
    use super::{Piece, merge_with};
    use crate::parse::lexer::lex;

    /// The pieces of `label` merged with the joins across a line break tried or not.
    fn merged(label: &str, lines: bool) -> Vec<Piece> {
        merge_with(label, lex(label).0, &crate::Cosing, lines)
    }

    /// On a label of one line, trying the joins across a line break changes nothing: the
    /// fixtures' labels with their line breaks made spaces or commas, and the texts those
    /// joins are for, on one line.
    #[test]
    fn a_label_of_one_line_has_no_join_across_lines() {
        let mut labels: Vec<String> = [
            "Niacinamide 5%, Aqua",
            "Niacinamide, 5%, Parfum, (Fragrance)",
            "Butylene Glycol, Acrylates/C10-30 Alkyl Acrylate -Crosspolymer",
            "ALKYL ACRYLATE, -CROSSPOLYMER, Rosa Dam- ascena",
            "Butylene Glycol Aqua, Alcohol Denat. SD Alcohol 39-B, 1, 2-Hexanediol",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut read = 0;
        for dir in std::fs::read_dir(&fixtures).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(text) = std::fs::read_to_string(file.path()) {
                    labels.push(text.replace('\n', " "));
                    labels.push(text.replace('\n', ", "));
                    read += 1;
                }
            }
        }
        assert!(
            read > 100,
            "only {read} fixtures read from {}",
            fixtures.display()
        );
        for label in &labels {
            assert!(!label.contains('\n'));
            assert_eq!(merged(label, true), merged(label, false), "{label:?}");
        }
    }

    /// The items' texts of `label`, read with the embedded dictionary.
    fn items(label: &str) -> Vec<&str> {
        crate::parse::parse(label, &crate::Cosing)
            .items
            .iter()
            .map(|i| i.raw(label))
            .collect()
    }

    #[test]
    fn a_name_with_a_full_stop_is_joined_after_any_whitespace() {
        // Whitespace the lexer leaves in the piece (a vertical tab, a no-break space) is
        // trimmed before the dictionary's pre-check reads its first word.
        for lead in ["", "\u{b}", "\u{a0}"] {
            let label = format!("Aqua, {lead}Alcohol Denat. SD Alcohol 39-B, Glycerin");
            let got = items(&label);
            assert_eq!(got.len(), 3, "{label:?}: {got:?}");
            assert!(
                got[1].ends_with("Alcohol Denat. SD Alcohol 39-B"),
                "{got:?}"
            );
        }
    }
}
