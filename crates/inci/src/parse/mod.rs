//! The label parser: raw label text in, a lossless [`Label`] out.
//!
//! Four passes, each in its own file: `lexer` cuts the text at every place that may end an
//! item (brackets, separators, may-contain markers, headers, pack text), using the nom rules
//! of `rules`; `merge` glues back pieces whose join the dictionary knows (`1,2-Hexanediol`);
//! `classify` tells ingredients from pack text; `qualifiers` peels percentages, `(nano)` and
//! footnote marks off each item. The dictionary is consulted only through the [`Lexicon`]
//! trait, so the parser can be tested with any word list. What `classify`, `qualifiers` and
//! the glued-names test make of a text piece depends on the piece alone: `piece_memo`
//! remembers it per thread for the embedded dictionary, since catalogs repeat their pieces.
//!
//! The result is lossless: [`Label::tokens`] cover the input exactly, and every byte is in an
//! item, a separator, a marker or a skipped stretch with its reason. Nothing aborts: problems
//! become [`Diagnostic`]s.

mod classify;
mod label;
mod lexer;
mod merge;
mod piece_memo;
mod qualifiers;
pub mod rules;

pub use label::{
    Diagnostic, DiagnosticCode, Item, Label, Qualifier, QualifierKind, Section, Skip, Token,
    TokenKind,
};

use crate::span::Span;
use lexer::PieceKind;
use piece_memo::Part;

/// What the parser needs to know about names: whether a text is one, and whether some name
/// continues past a comma or full stop after it.
pub trait Lexicon {
    /// True when `text` (as printed) is a known name.
    fn is_known(&self, text: &str) -> bool;
    /// True when some known name starts with `text` followed by `,` or `. `.
    fn continues_past_separator(&self, text: &str) -> bool;
    /// Of the texts `text[..end]` for each of `ends` (increasing), the index in `ends` of the
    /// last, the longest, that is a known name by [`Lexicon::is_known`], if any. The parser
    /// asks this of a run of pieces, ending at each piece (`1, 2-Hexanediol, Water, ...`).
    /// The default asks `is_known` of each, longest first; a lexicon may answer for all at
    /// once (the embedded dictionary folds the longest text once).
    fn longest_known(&self, text: &str, ends: &[usize]) -> Option<usize> {
        (0..ends.len())
            .rev()
            .find(|&k| text.get(..ends[k]).is_some_and(|t| self.is_known(t)))
    }
    /// When `text` (a name, qualifiers removed) is no known name but several run together
    /// with no separator (`Water Glycerin`), the byte ranges of those names in `text`. The
    /// default knows of none.
    fn glued_names(&self, _text: &str) -> Option<Vec<(usize, usize)>> {
        None
    }
    /// A name for a lexicon whose answers never change while the process runs (the embedded
    /// dictionary), or `None`, the default. With a name, the parser remembers per thread what
    /// each text piece parsed to, since catalogs repeat their pieces (`Glycerin`, `Aqua`), and
    /// forgets it all when a lexicon of another name is used.
    fn fixed_name(&self) -> Option<&'static str> {
        None
    }
}

/// Parses label text. Never fails and never panics: problems are in [`Label::diagnostics`].
pub fn parse<'a>(input: &'a str, lexicon: &dyn Lexicon) -> Label<'a> {
    // A bare carriage return (old Mac line ends, some exports) is a line break: the parser
    // reads it as `\n`, which has the same length, so every span is still the input's and the
    // label keeps the text as given.
    let normalized;
    let text: &str = if has_bare_cr(input) {
        normalized = bare_cr_to_lf(input);
        &normalized
    } else {
        input
    };
    let label = parse_text(text, lexicon);
    Label {
        input,
        items: label.items,
        tokens: label.tokens,
        diagnostics: label.diagnostics,
    }
}

/// The names an item's name (at `name` in `input`) is made of when several run together with
/// no separator, as spans of the input. Only names of more than one word are asked about.
fn glued(input: &str, name: Span, lexicon: &dyn Lexicon) -> Option<Vec<Span>> {
    let text = name.slice(input);
    if !text.trim_end().contains(' ') {
        return None;
    }
    let names = lexicon.glued_names(text)?;
    Some(
        names
            .into_iter()
            .map(|(s, e)| Span::new(name.start + s, name.start + e))
            .collect(),
    )
}

/// One item per name of a glued item: the first keeps what was printed before its name, the
/// last what was printed after (qualifiers go with the name they touch), the spaces between
/// are separators, and a diagnostic says a separator is missing.
fn push_glued(
    input: &str,
    item: Item,
    names: &[Span],
    items: &mut Vec<Item>,
    tokens: &mut Vec<Token>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let last = names.len() - 1;
    for (k, &name) in names.iter().enumerate() {
        let start = if k == 0 { item.span.start } else { name.start };
        let end = if k == last { item.span.end } else { name.end };
        let span = Span::new(start, end);
        if k > 0 {
            let gap = Span::new(names[k - 1].end, name.start);
            tokens.push(Token {
                kind: TokenKind::Separator,
                span: gap,
            });
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::MissingSeparator,
                message: format!(
                    "no separator between `{}` and `{}`: read as two names",
                    names[k - 1].slice(input),
                    name.slice(input)
                ),
                span: gap,
            });
        }
        tokens.push(Token {
            kind: TokenKind::Item(items.len()),
            span,
        });
        items.push(Item {
            span,
            name_span: name,
            section: item.section,
            qualifiers: item
                .qualifiers
                .iter()
                .filter(|q| q.span.start >= start && q.span.end <= end)
                .cloned()
                .collect(),
        });
    }
}

/// Adds one part of the text piece `p` (spans from the piece's start) to the label: an item
/// (several when names are glued together) or a skipped stretch with its diagnostic.
fn push_part(
    input: &str,
    p: &lexer::Piece,
    part: &Part,
    items: &mut Vec<Item>,
    tokens: &mut Vec<Token>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = |s: Span| Span::new(p.span.start + s.start, p.span.start + s.end);
    match part {
        Part::Item {
            span,
            name,
            qualifiers,
            glued,
        } => {
            let span = at(*span);
            let item = Item {
                span,
                name_span: at(*name),
                section: p.section,
                qualifiers: qualifiers
                    .iter()
                    .map(|&(kind, q)| {
                        let span = at(q);
                        Qualifier {
                            kind,
                            span,
                            text: span.slice(input).to_owned(),
                        }
                    })
                    .collect(),
            };
            match glued {
                Some(names) => {
                    let names: Vec<Span> = names.iter().map(|&n| at(n)).collect();
                    push_glued(input, item, &names, items, tokens, diagnostics);
                }
                None => {
                    tokens.push(Token {
                        kind: TokenKind::Item(items.len()),
                        span,
                    });
                    items.push(item);
                }
            }
        }
        &Part::Skipped(skip, span) => {
            let span = at(span);
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::SkippedText,
                message: ["not read as an ingredient (", skip.as_str(), ")"].concat(),
                span,
            });
            tokens.push(Token {
                kind: TokenKind::Skipped(skip),
                span,
            });
        }
    }
}

fn has_bare_cr(input: &str) -> bool {
    // Most labels have no carriage return at all: one vectorized scan says so (`memchr`; the
    // slice's own `contains` read the label a word at a time, about one instruction a byte).
    let bytes = input.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

fn bare_cr_to_lf(input: &str) -> String {
    let bytes = input.as_bytes();
    input
        .char_indices()
        .map(|(i, c)| {
            if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
                '\n'
            } else {
                c
            }
        })
        .collect()
}

fn parse_text<'a>(input: &'a str, lexicon: &dyn Lexicon) -> Label<'a> {
    let (pieces, mut diagnostics) = lexer::lex(input);
    let pieces = merge::merge(input, pieces, lexicon);
    // A name and its separator are two pieces: items are about half of them.
    let mut items = Vec::with_capacity(pieces.len() / 2 + 1);
    let mut tokens = Vec::with_capacity(pieces.len());
    for p in pieces {
        let kind = match p.kind {
            PieceKind::Text => {
                piece_memo::with_parts(p.span.slice(input), lexicon, |parts| {
                    for part in parts {
                        push_part(input, &p, part, &mut items, &mut tokens, &mut diagnostics);
                    }
                });
                continue;
            }
            PieceKind::Sep { .. } => TokenKind::Separator,
            PieceKind::MayContainStart => TokenKind::MayContainStart,
            PieceKind::MayContainEnd => TokenKind::MayContainEnd,
            PieceKind::BlendJoint => TokenKind::BlendJoint,
            PieceKind::Skipped(skip) => TokenKind::Skipped(skip),
        };
        tokens.push(Token { kind, span: p.span });
    }
    diagnostics.sort_by_key(|d| d.span);
    Label {
        input,
        items,
        tokens,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_carriage_return_is_one_not_followed_by_a_line_feed() {
        let bare = ["\r", "a\rb", "a\r\nb\r", "\r\r\n", "x\u{e9}\rz", "\r\n\r"];
        let not = ["", "a", "a\r\nb", "\r\n", "\r\n\r\n", "\u{e9}\r\n"];
        for t in bare {
            assert!(has_bare_cr(t), "{t:?}");
        }
        for t in not {
            assert!(!has_bare_cr(t), "{t:?}");
        }
    }
}
