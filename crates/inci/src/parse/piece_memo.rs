//! What a text piece parses to, remembered per thread by its text.
//!
//! After the lexer and the merge, each text piece goes through three steps that read nothing
//! but the piece itself: `classify` (an ingredient or pack text), `qualifiers::split` (the
//! name apart from its percentage, `(nano)` and marks) and the glued-names test (`Water
//! Glycerin`). Catalogs repeat their pieces: on a catalog of 115,638 lists that never repeat
//! as a whole, 99.7 % of the 4.5 M items (cut at commas) were seen before (13,533 distinct
//! texts). So the steps' answer, as [`Part`]s with spans from the piece's start, is kept per
//! thread by the piece's text, for a lexicon that answers the same for the life of the
//! process ([`Lexicon::fixed_name`]), and a repeated piece costs one hash lookup.
//!
//! The answer is computed the same way with or without the memo ([`parts_of`], on the piece
//! alone), and the parser builds its items from it by one function ([`super::push_part`]),
//! so the memo cannot change a result, only skip work.

use super::Lexicon;
use super::classify::{self, Class};
use super::label::{QualifierKind, Skip};
use super::qualifiers;
use crate::memo::TextMemo;
use crate::span::Span;
use std::cell::RefCell;

/// One item or skipped stretch of a text piece, spans counted from the piece's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Part {
    /// An ingredient: its span, its name's span, its qualifiers, and the names it is made of
    /// when several are run together with no separator.
    Item {
        span: Span,
        name: Span,
        qualifiers: Vec<(QualifierKind, Span)>,
        glued: Option<Vec<Span>>,
    },
    /// Pack text, and why.
    Skipped(Skip, Span),
}

/// Calls `each` once with the parts of `text` (a text piece): from the memo when the lexicon
/// is fixed and the piece was seen before on this thread, computed otherwise.
pub(super) fn with_parts<R>(
    text: &str,
    lexicon: &dyn Lexicon,
    mut each: impl FnMut(&[Part]) -> R,
) -> R {
    let Some(owner) = lexicon.fixed_name() else {
        return each(&parts_of(text, lexicon));
    };
    // `each` only builds the parser's output and never parses, so the memo is not borrowed
    // twice; were it ever, the piece would be computed afresh rather than the parser panic.
    let hit = MEMO.with(|m| {
        let memo = m.try_borrow().ok()?;
        let parts = memo.map.get(text).filter(|_| memo.owner == owner)?;
        Some(each(parts))
    });
    if let Some(r) = hit {
        return r;
    }
    let parts = parts_of(text, lexicon);
    let r = each(&parts);
    if spans(&parts) <= MAX_SPANS {
        MEMO.with(|m| {
            if let Ok(mut memo) = m.try_borrow_mut() {
                memo.insert(owner, text, parts);
            }
        });
    }
    r
}

/// The most spans a kept piece's parts hold. A piece is nearly always one item with a
/// qualifier or two; the bound keeps a thread's memo under about 16 MB whatever the pieces
/// (16,384 texts, each at most 128 bytes and eight parts of 80 bytes, with the map's and
/// the allocator's overhead), where 128 bytes of `1% 2% 3% ...` alone would be 40 qualifiers.
const MAX_SPANS: usize = 8;

/// The spans in `parts`: each part's own, its qualifiers' and its glued names'.
fn spans(parts: &[Part]) -> usize {
    parts
        .iter()
        .map(|p| match p {
            Part::Item {
                qualifiers, glued, ..
            } => 2 + qualifiers.len() + glued.as_ref().map_or(0, Vec::len),
            Part::Skipped(..) => 1,
        })
        .sum()
}

/// The parts of a text piece, computed on the piece alone: every step reads only the piece.
pub(super) fn parts_of(text: &str, lexicon: &dyn Lexicon) -> Vec<Part> {
    let mut classes = Vec::new();
    classify::classify(text, Span::new(0, text.len()), lexicon, &mut classes);
    classes
        .into_iter()
        .map(|(class, span)| match class {
            Class::Item => {
                let (name, qualifiers) = qualifiers::split(text, span);
                let glued = super::glued(text, name, lexicon);
                Part::Item {
                    span,
                    name,
                    qualifiers: qualifiers.into_iter().map(|q| (q.kind, q.span)).collect(),
                    glued,
                }
            }
            Class::Skipped(skip) => Part::Skipped(skip, span),
        })
        .collect()
}

/// The memo of one thread: the lexicon it was filled with, and the parts by piece text.
#[derive(Default)]
struct Memo {
    owner: &'static str,
    map: TextMemo<Vec<Part>>,
}

impl Memo {
    fn insert(&mut self, owner: &'static str, text: &str, parts: Vec<Part>) {
        if self.owner != owner {
            self.map.clear();
            self.owner = owner;
        }
        self.map.insert(text, parts);
    }
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word list that never changes (the parser's tests use no dictionary here, so this
    /// module stays below `resolve`).
    struct Fixed;

    impl Lexicon for Fixed {
        fn is_known(&self, text: &str) -> bool {
            matches!(text, "Aqua" | "Glycerin")
        }
        fn continues_past_separator(&self, _text: &str) -> bool {
            false
        }
        fn fixed_name(&self) -> Option<&'static str> {
            Some("piece memo test")
        }
    }

    fn kept(text: &str) -> bool {
        MEMO.with(|m| m.borrow().map.get(text).is_some())
    }

    #[test]
    fn plain_pieces_are_kept_and_pieces_of_many_spans_are_not() {
        let plain = "Glycerin 5%";
        let many = "Aqua 1% 2% 3% 4% 5% 6% 7% 8% 9%";
        for text in [plain, many] {
            let parts = with_parts(text, &Fixed, <[Part]>::to_vec);
            assert_eq!(parts, parts_of(text, &Fixed), "{text}");
        }
        assert!(spans(&parts_of(many, &Fixed)) > MAX_SPANS);
        assert!(kept(plain));
        assert!(!kept(many));
    }
}
