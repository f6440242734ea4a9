//! The text table: one line per ingredient, what it resolved to, and what was skipped.

use crate::parse::Section;
use crate::resolve::Via;
use crate::scan::{Ingredient, ScanReport};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

const OK: Style = AnsiColor::Green.on_default();
const WARN: Style = AnsiColor::Yellow.on_default();
const BAD: Style = AnsiColor::Red.on_default().bold();
const DIM: Style = Style::new().dimmed();
const HEAD: Style = Style::new().bold();

/// Widest "as printed" column before text is cut with an ellipsis.
const RAW_WIDTH: usize = 40;

/// Writes `report` as a table. Styles are plain ANSI; the caller's stream strips them when the
/// output is not a terminal (or `--color never`).
pub fn write(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    if report.ingredients.is_empty() {
        writeln!(out, "{WARN}no ingredients found{WARN:#}")?;
    } else {
        writeln!(
            out,
            "{HEAD}{:>3}  {:<RAW_WIDTH$}  {:<40}  notes{HEAD:#}",
            "#", "as printed", "INCI name"
        )?;
    }
    let mut section = Section::Main;
    for (i, ing) in report.ingredients.iter().enumerate() {
        if ing.section != section {
            section = ing.section;
            if section == Section::MayContain {
                writeln!(out, "{DIM}     may contain:{DIM:#}")?;
            }
        }
        let raw = clip(&ing.raw.replace(['\n', '\r', '\t'], " "), RAW_WIDTH);
        let (name, style) = match ing.name {
            Some(n) => (n.to_owned(), OK),
            None => ("unknown".to_owned(), BAD),
        };
        writeln!(
            out,
            "{:>3}  {:<RAW_WIDTH$}  {style}{:<40}{style:#}  {}",
            i + 1,
            raw,
            name,
            notes(ing)
        )?;
    }
    let known = report
        .ingredients
        .iter()
        .filter(|i| i.name.is_some())
        .count();
    writeln!(out)?;
    writeln!(
        out,
        "{HEAD}{known} of {} ingredients resolved{HEAD:#}",
        report.ingredients.len()
    )?;
    for s in &report.skipped {
        let text = clip(&s.text.replace(['\n', '\r'], " "), 60);
        writeln!(
            out,
            "{DIM}skipped {} at {}..{}: {text}{DIM:#}",
            s.reason, s.span.start, s.span.end
        )?;
    }
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code != "skipped-text")
    {
        writeln!(
            out,
            "{WARN}warning[{}]{WARN:#} at {}..{}: {}",
            d.code, d.span.start, d.span.end, d.message
        )?;
    }
    Ok(())
}

fn notes(ing: &Ingredient) -> String {
    let mut notes = Vec::new();
    match ing.matched_via {
        Via::Name | Via::Unknown => {}
        Via::Synonym => {
            if let Some(s) = &ing.synonym {
                notes.push(format!("{} name", s.kind));
            }
        }
        Via::Spelling => notes.push("British spelling".to_owned()),
        Via::Bracket => notes.push("from brackets".to_owned()),
        Via::SlashGroup => notes.push("slash group".to_owned()),
        Via::Trimmed => notes.push("punctuation ignored".to_owned()),
        Via::Hyphenation => notes.push("hyphenation rejoined".to_owned()),
    }
    if !ing.alternatives.is_empty() {
        notes.push(format!("also {}", ing.alternatives.join(", ")));
    }
    if !ing.suggestions.is_empty() {
        notes.push(format!(
            "{WARN}did you mean {}?{WARN:#}",
            ing.suggestions.join(", ")
        ));
    }
    for q in &ing.qualifiers {
        notes.push(q.text.trim().to_owned());
    }
    notes.join("; ")
}

/// Cuts `s` to `width` characters, ending with an ellipsis when cut.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width - 1).collect();
    out.push('…');
    out
}
