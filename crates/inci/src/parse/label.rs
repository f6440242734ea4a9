//! What the parser produces: a [`Label`] of [`Item`]s and the [`Token`]s that cover the input.

use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Whether an item is declared or only "may contain" (shade-dependent colourants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The declared ingredients.
    Main,
    /// Inside `[+/- ...]`, after `May contain:` and its translations.
    MayContain,
}

impl Section {
    /// As in JSON: `main`, `may_contain`.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Main => "main",
            Section::MayContain => "may_contain",
        }
    }
}

/// What a [`Qualifier`] says about its item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QualifierKind {
    /// A declared concentration (`10%`, `(0.5 %)`).
    Percent,
    /// A nanomaterial mark, `(nano)` or `[nano]` (Regulation 1223/2009 Art. 19(1)(g)).
    Nano,
    /// A footnote mark (`*`, `**`, `†`, `°`, `¹`), usually explained by a legend.
    Footnote,
    /// An organic mark, `(organic)` or `(bio)`.
    Organic,
}

/// A mark attached to an item, with its own span inside the item's span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Qualifier {
    /// What it says.
    pub kind: QualifierKind,
    /// Where it is.
    pub span: Span,
    /// Its text as printed.
    pub text: String,
}

/// One ingredient as printed: its full span (qualifiers included) and its name's span.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Item {
    /// The whole item, qualifiers included, trimmed of surrounding whitespace.
    pub span: Span,
    /// The name alone, without qualifiers.
    pub name_span: Span,
    /// Declared or may-contain.
    pub section: Section,
    /// Percentages, nano and footnote marks, in input order.
    pub qualifiers: Vec<Qualifier>,
}

impl Item {
    /// The item's text exactly as printed.
    pub fn raw<'a>(&self, input: &'a str) -> &'a str {
        self.span.slice(input)
    }

    /// The name as one line: a word hyphenated across a line break is joined (`Glyc-\nerin`
    /// becomes `Glycerin`; `PEG-\n100` keeps its hyphen, since a digit follows), other line
    /// breaks become spaces.
    pub fn name_text<'a>(&self, input: &'a str) -> Cow<'a, str> {
        let text = self.name_span.slice(input);
        if !super::rules::has_line_break(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let line = line.trim_end_matches(['\r', ' ', '\t']);
            match lines.peek() {
                Some(next) => {
                    let next_start = next.trim_start().chars().next();
                    let joins = line.ends_with('-')
                        && line[..line.len() - 1]
                            .chars()
                            .last()
                            .is_some_and(char::is_alphabetic)
                        && next_start.is_some_and(char::is_lowercase);
                    if joins {
                        out.push_str(&line[..line.len() - 1]);
                    } else {
                        out.push_str(line);
                        if !line.ends_with('-') {
                            out.push(' ');
                        }
                    }
                }
                None => out.push_str(line.trim_start()),
            }
        }
        Cow::Owned(out)
    }
}

/// Why a stretch of input is not part of any item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Skip {
    /// Pack text before the list (product name, size, claims).
    Preamble,
    /// The list's own header (`Ingredients:`, `INCI:`, `Inhaltsstoffe:`).
    Header,
    /// A sub-heading inside the list (`STEP 01 Super Booster:`).
    Heading,
    /// Sentences: marketing, directions, warnings, origin.
    Prose,
    /// A footnote legend (`*Certified organic`).
    Legend,
    /// A free-from statement (`free from parabens, PABA, styrene`, `does not contain ...`):
    /// it names substances the product does not contain.
    FreeFrom,
    /// Web-shop page text split into the list: prices and offers (`for just £10`, `Hurry`),
    /// countdowns (`02:14:33`), `[more]` / `[less]` toggles, packaging and gift-set notes.
    ShopText,
}

impl Skip {
    /// The name in JSON (`free_from`).
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::Preamble => "preamble",
            Skip::Header => "header",
            Skip::Heading => "heading",
            Skip::Prose => "prose",
            Skip::Legend => "legend",
            Skip::FreeFrom => "free_from",
            Skip::ShopText => "shop_text",
        }
    }
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role of a [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenKind {
    /// The item with this index in [`Label::items`].
    Item(usize),
    /// Commas, semicolons, bullets, line breaks, full stops and the whitespace around them.
    Separator,
    /// The start of a may-contain block (`[+/-`, `May contain:`).
    MayContainStart,
    /// The bracket that closes a may-contain block.
    MayContainEnd,
    /// A supplier blend joint, `(and)`.
    BlendJoint,
    /// Text that belongs to no item, and why.
    Skipped(Skip),
}

/// A stretch of input with its role. A label's tokens cover its input exactly: contiguous,
/// in order, from byte 0 to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token {
    /// Its role.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

/// A problem the parser recovered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// What kind of problem.
    pub code: DiagnosticCode,
    /// What happened, for people.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// The kinds of [`Diagnostic`]; in JSON, kebab-case (`unbalanced-bracket`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// A bracket with no partner on its line; the item runs on as if it were closed.
    UnbalancedBracket,
    /// Two separators with nothing between them (`Aqua,, Glycerin`).
    EmptyItem,
    /// Text read as pack text, not as an ingredient (its [`Skip`] reason is in the message).
    SkippedText,
    /// Known names run together with no separator (`Water Glycerin`), read as one item each.
    MissingSeparator,
}

impl DiagnosticCode {
    /// The name in JSON (`unbalanced-bracket`).
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::UnbalancedBracket => "unbalanced-bracket",
            DiagnosticCode::EmptyItem => "empty-item",
            DiagnosticCode::SkippedText => "skipped-text",
            DiagnosticCode::MissingSeparator => "missing-separator",
        }
    }
}

impl std::fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parsed label: the input, its items in order, the tokens covering it, and diagnostics.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Label<'a> {
    /// The text that was parsed.
    pub input: &'a str,
    /// The ingredients, in label order.
    pub items: Vec<Item>,
    /// Every byte of `input`, each in exactly one token.
    pub tokens: Vec<Token>,
    /// Problems the parser recovered from, in input order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Label<'_> {
    /// Checks the parser's promises: tokens cover the input exactly, in order, on character
    /// boundaries; items appear in token order; every name, qualifier and diagnostic span lies
    /// inside its parent and the input. Used by the property tests and the fuzz target.
    pub fn verify(&self) -> Result<(), String> {
        let len = self.input.len();
        let mut pos = 0;
        let mut next_item = 0;
        for t in &self.tokens {
            if t.span.start != pos || t.span.end <= t.span.start {
                return Err(format!("token {:?} does not continue at {pos}", t));
            }
            if !self.input.is_char_boundary(t.span.start)
                || !self.input.is_char_boundary(t.span.end)
            {
                return Err(format!("token {:?} splits a character", t));
            }
            if let TokenKind::Item(i) = t.kind {
                if i != next_item || self.items.get(i).map(|it| it.span) != Some(t.span) {
                    return Err(format!("item token {:?} out of order", t));
                }
                next_item += 1;
            }
            pos = t.span.end;
        }
        if pos != len {
            return Err(format!("tokens end at {pos}, input at {len}"));
        }
        if next_item != self.items.len() {
            return Err("items without tokens".into());
        }
        for it in &self.items {
            let inside =
                |s: Span| s.start >= it.span.start && s.end <= it.span.end && s.start <= s.end;
            if !inside(it.name_span) || it.name_span.is_empty() {
                return Err(format!(
                    "name span {:?} outside item {:?}",
                    it.name_span, it.span
                ));
            }
            if let Some(q) = it.qualifiers.iter().find(|q| !inside(q.span)) {
                return Err(format!("qualifier {:?} outside item {:?}", q.span, it.span));
            }
        }
        if let Some(d) = self
            .diagnostics
            .iter()
            .find(|d| d.span.end > len || d.span.start > d.span.end)
        {
            return Err(format!("diagnostic {d:?} out of bounds"));
        }
        Ok(())
    }

    /// Stretches of input that belong to no item, with the reason.
    pub fn skipped(&self) -> impl Iterator<Item = (Skip, Span)> + '_ {
        self.tokens.iter().filter_map(|t| match t.kind {
            TokenKind::Skipped(s) => Some((s, t.span)),
            _ => None,
        })
    }
}
