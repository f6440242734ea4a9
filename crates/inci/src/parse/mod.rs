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

use classify::Class;
use lexer::PieceKind;

/// What the parser needs to know about names: whether a text is one, and whether some name
/// continues past a comma or full stop after it.
pub trait Lexicon {
    /// True when `text` (as printed) is a known name.
    fn is_known(&self, text: &str) -> bool;
    /// True when some known name starts with `text` followed by `,` or `. `.
    fn continues_past_separator(&self, text: &str) -> bool;
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

fn has_bare_cr(input: &str) -> bool {
    input
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
    let mut items = Vec::new();
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
                            tokens.push(Token {
                                kind: TokenKind::Item(items.len()),
                                span,
                            });
                            items.push(Item {
                                span,
                                name_span,
                                section: p.section,
                                qualifiers,
                            });
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
