//! Packaging QA: `inci lint`. Every problem in a label's text, as a [`Lint`] with a rule code,
//! a level, the exact span, a help line and, when one is known, a [`Fix`].
//!
//! Data flow: [`lint`] parses the text (the parser finds the list inside whole pack text),
//! resolves every item ([`crate::scan::ingredients`]), and hands one [`Context`] to each rule
//! of [`rules::RULES`] that the [`Config`] selects. Rules live one per file in `rules/`, each
//! with its code, default level, rationale and fixture (`fixtures/lint/CODE.txt`). [`fix`]
//! applies the fixes marked safe; `render` turns lints into text (rustc style), JSON, SARIF
//! or GitHub annotations.

pub mod config;
mod document;
pub mod fix;
pub mod position;
pub mod rules;

pub use config::{Config, ConfigError, ConfigFile, Market, Markets, MarketsFile};
pub use document::{Document, FileRecord, LintRecord, document};
pub use fix::{Applicability, Edit, Fix, apply_fixes, fix_text};
pub use rules::{RULES, Rule, rule_by_code};

use crate::parse::{self, Label, Skip, TokenKind};
use crate::resolve::Cosing;
use crate::scan::{self, Ingredient};
use crate::span::Span;
use serde::Serialize;

/// How much a lint matters. Ordered: `Info < Warning < Error`; `--fail-on` compares with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth knowing; never fails a build unless `--fail-on info`.
    Info,
    /// Likely wrong on the pack; fails a build by default.
    Warning,
    /// Must not be printed (prohibited substance, refused name).
    Error,
}

impl Level {
    /// Stable lower-case identifier (`info`, `warning`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error` (any case).
    pub fn parse(text: &str) -> Option<Level> {
        match text.to_ascii_lowercase().as_str() {
            "info" | "note" => Some(Level::Info),
            "warning" | "warn" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// One problem found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Lint {
    /// Rule code (`L002`).
    pub code: &'static str,
    /// Rule name (`misspelling`).
    pub rule: &'static str,
    /// Level after configuration.
    pub level: Level,
    /// What is wrong, for people.
    pub message: String,
    /// The offending text, `[start, end)` in bytes.
    pub span: Span,
    /// Short text shown under the span.
    pub label: String,
    /// Other places that explain this one (the first occurrence of a duplicate).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A fix, when one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A secondary span of a [`Lint`], with its own label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// What it is.
    pub label: String,
}

/// What a rule sees: the text, the parsed label, every item resolved, and the configuration.
pub struct Context<'a> {
    /// The whole text linted (pack text included).
    pub input: &'a str,
    /// The parsed label.
    pub label: &'a Label<'a>,
    /// One resolved ingredient per item of `label`, same order.
    pub ingredients: &'a [Ingredient],
    /// Market, watch list, rule selection.
    pub config: &'a Config,
    /// For each item, the index of the list it belongs to (see [`sub_lists`]).
    pub lists: &'a [usize],
}

impl Context<'_> {
    /// A lint for `rule` at `span`, at the rule's default level (the runner applies the
    /// configured level afterwards).
    pub fn lint(&self, rule: &Rule, span: Span, message: String, label: &str) -> Lint {
        Lint {
            code: rule.code,
            rule: rule.name,
            level: rule.level,
            message,
            span,
            label: label.to_owned(),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }
}

/// Lints one text. Lints come in input order (by span start, then code).
pub fn lint(input: &str, config: &Config) -> Vec<Lint> {
    let label = parse::parse(input, &Cosing);
    let ingredients = scan::ingredients_with(&label, !config.no_correct);
    let lists = sub_lists(&label);
    let cx = Context {
        input,
        label: &label,
        ingredients: &ingredients,
        config,
        lists: &lists,
    };
    let mut out = Vec::new();
    for rule in RULES {
        if !config.selects(rule) {
            continue;
        }
        let from = out.len();
        (rule.check)(&cx, &mut out);
        // A configured level replaces the rule's; otherwise a rule may have lowered its own
        // default for a lint it is less sure of.
        if let Some(&level) = config.levels.get(rule.code) {
            for l in &mut out[from..] {
                l.level = level;
            }
        }
    }
    out.sort_by(|a, b| (a.span.start, a.code, a.span.end).cmp(&(b.span.start, b.code, b.span.end)));
    out
}

/// For each item, the index of the list it belongs to. A kit prints one list per product,
/// each after a heading (`STEP 01 Cleanser:`) or its own `Ingredients:`; rules about the order
/// or repetition of ingredients look at one list at a time.
pub fn sub_lists(label: &Label<'_>) -> Vec<usize> {
    let mut out = Vec::with_capacity(label.items.len());
    let mut list = 0usize;
    for t in &label.tokens {
        match t.kind {
            TokenKind::Skipped(Skip::Heading | Skip::Header) if !out.is_empty() => list += 1,
            TokenKind::Item(_) => out.push(list),
            _ => {}
        }
    }
    out
}

/// Counts per level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
    /// Lints with a fix marked safe.
    pub fixable: usize,
}

impl Counts {
    /// Counts `lints`.
    pub fn of(lints: &[Lint]) -> Counts {
        let mut c = Counts::default();
        for l in lints {
            match l.level {
                Level::Error => c.error += 1,
                Level::Warning => c.warning += 1,
                Level::Info => c.info += 1,
            }
            if l.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
            {
                c.fixable += 1;
            }
        }
        c
    }

    /// Adds another file's counts.
    pub fn add(&mut self, other: Counts) {
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
        self.fixable += other.fixable;
    }

    /// True when a lint at or above `level` was counted.
    pub fn fails(&self, level: Level) -> bool {
        match level {
            Level::Error => self.error > 0,
            Level::Warning => self.error + self.warning > 0,
            Level::Info => self.error + self.warning + self.info > 0,
        }
    }
}

/// The lints of one file, with its text (renderers quote it) and the name to show.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct LintedFile {
    /// As given on the command line, or `<stdin>`.
    pub path: String,
    /// The text linted.
    pub source: String,
    /// Its lints, in input order.
    pub lints: Vec<Lint>,
    /// For text read from a PDF or a photo: where each of its lines (index: line - 1) is on
    /// the document, so that a diagnostic can point at the artwork's page and line.
    pub pages: Option<Vec<Option<PageLine>>>,
}

/// A line's place on a document: its page and its line on that page (both 1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PageLine {
    /// The page.
    pub page: u32,
    /// The line on the page.
    pub line: u32,
}

impl LintedFile {
    /// Lints `source` under `config`.
    pub fn new(path: String, source: String, config: &Config) -> LintedFile {
        let lints = lint(&source, config);
        LintedFile {
            path,
            source,
            lints,
            pages: None,
        }
    }

    /// The same, with each text line's place on the document it was read from.
    pub fn with_pages(mut self, pages: Vec<Option<PageLine>>) -> LintedFile {
        self.pages = Some(pages);
        self
    }

    /// Where the text's line `line` (1-based) is on the document, when it was read from one.
    pub fn page_line(&self, line: usize) -> Option<PageLine> {
        self.pages
            .as_ref()?
            .get(line.checked_sub(1)?)
            .copied()
            .flatten()
    }
}
