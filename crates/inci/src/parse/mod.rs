//! The label parser: raw label text in, a lossless [`Label`] out.
//!
//! Four passes, each in its own file: `lexer` cuts the text at every place that may end an
//! item (brackets, separators, may-contain markers, headers, pack text), using the nom rules
//! of `rules`; `merge` glues back pieces whose join the dictionary knows (`1,2-Hexanediol`);
//! `classify` tells ingredients from pack text; `qualifiers` peels percentages, `(nano)` and
//! footnote marks off each item. The dictionary is consulted only through the [`Lexicon`]
//! trait, so the parser can be tested with any word list.
//!
//! The result is lossless: [`Label::tokens`] cover the input exactly, and every byte is in an
//! item, a separator, a marker or a skipped stretch with its reason. Nothing aborts: problems
//! become [`Diagnostic`]s.

mod classify;
mod label;
mod lexer;
mod merge;
mod qualifiers;
pub mod rules;

pub use label::{
    Diagnostic, DiagnosticCode, Item, Label, Qualifier, QualifierKind, Section, Skip, Token,
    TokenKind,
};

use crate::span::Span;
use classify::Class;
use lexer::PieceKind;

/// What the parser needs to know about names: whether a text is one, and whether some name
/// continues past a comma or full stop after it.
pub trait Lexicon {
    /// True when `text` (as printed) is a known name.
    fn is_known(&self, text: &str) -> bool;
    /// True when some known name starts with `text` followed by `,` or `. `.
    fn continues_past_separator(&self, text: &str) -> bool;
    /// When `text` (a name, qualifiers removed) is no known name but several run together
    /// with no separator (`Water Glycerin`), the byte ranges of those names in `text`. The
    /// default knows of none.
    fn glued_names(&self, _text: &str) -> Option<Vec<(usize, usize)>> {
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

/// The names an item's name is made of when several run together with no separator, as
/// spans of the input. Only names of more than one word are asked about.
fn glued(input: &str, item: &Item, lexicon: &dyn Lexicon) -> Option<Vec<Span>> {
    let name = item.name_span.slice(input);
    if !name.trim_end().contains(' ') {
        return None;
    }
    let names = lexicon.glued_names(name)?;
    let start = item.name_span.start;
    Some(
        names
            .into_iter()
            .map(|(s, e)| Span::new(start + s, start + e))
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

fn has_bare_cr(input: &str) -> bool {
    // Most labels have no carriage return at all: one fast scan says so.
    input.as_bytes().contains(&b'\r')
        && input
            .as_bytes()
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && input.as_bytes().get(i + 1) != Some(&b'\n'))
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
    let mut classes = Vec::new();
    for p in pieces {
        let kind = match p.kind {
            PieceKind::Text => {
                classes.clear();
                classify::classify(input, p.span, lexicon, &mut classes);
                for &(class, span) in &classes {
                    match class {
                        Class::Item => {
                            let (name_span, qualifiers) = qualifiers::split(input, span);
                            let item = Item {
                                span,
                                name_span,
                                section: p.section,
                                qualifiers,
                            };
                            match glued(input, &item, lexicon) {
                                Some(names) => push_glued(
                                    input,
                                    item,
                                    &names,
                                    &mut items,
                                    &mut tokens,
                                    &mut diagnostics,
                                ),
                                None => {
                                    tokens.push(Token {
                                        kind: TokenKind::Item(items.len()),
                                        span,
                                    });
                                    items.push(item);
                                }
                            }
                        }
                        Class::Skipped(skip) => {
                            diagnostics.push(Diagnostic {
                                code: DiagnosticCode::SkippedText,
                                message: format!("not read as an ingredient ({})", skip.as_str()),
                                span,
                            });
                            tokens.push(Token {
                                kind: TokenKind::Skipped(skip),
                                span,
                            });
                        }
                    }
                }
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
