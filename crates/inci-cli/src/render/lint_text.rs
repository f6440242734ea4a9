//! Lints as rustc-style diagnostics (annotate-snippets): the title with the rule code, the
//! file, line and column, the text with the span underlined, a help line, and the suggested
//! fix shown as a patch.

use super::excerpt;
use annotate_snippets::{
    AnnotationKind, Element, Group, Level as SnippetLevel, Origin, Patch, Renderer, Snippet, Title,
};
use inci::lint::position::LineIndex;
use inci::lint::{Applicability, Counts, Level, LintedFile};
use std::fmt::Write as _;
use std::ops::Range;

fn level(l: Level) -> SnippetLevel<'static> {
    match l {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        Level::Info => SnippetLevel::INFO,
    }
}

/// Writes every lint of `file`, lint by lint, so that nothing waits for the whole file;
/// `styled` adds ANSI colours.
///
/// Each diagnostic shows only the lines holding its spans, cut around the spans when they are
/// long (see the `excerpt` module), so the output grows with the number of lints, not with lints times
/// the length of the line.
pub fn write(out: &mut dyn std::io::Write, file: &LintedFile, styled: bool) -> std::io::Result<()> {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let index = LineIndex::new(file.source.as_str());
    // The file name is the user's bytes: no escape sequence of it reaches the terminal.
    let path = super::safe(&file.path);
    for lint in &file.lints {
        let mut marks: Vec<(Range<usize>, AnnotationKind, &str)> = vec![(
            lint.span.start..lint.span.end,
            AnnotationKind::Primary,
            lint.label.as_str(),
        )];
        for r in &lint.related {
            marks.push((
                r.span.start..r.span.end,
                AnnotationKind::Context,
                r.label.as_str(),
            ));
        }
        let ranges: Vec<Range<usize>> = marks.iter().map(|m| m.0.clone()).collect();
        let blocks = excerpt::excerpt(&index, &ranges);
        let title = level(lint.level)
            .primary_title(lint.message.as_str())
            .id(lint.code);
        let mut group = with_blocks(
            title,
            &blocks,
            &path,
            &index,
            Some(lint.span.start),
            |b, snippet| {
                let mut snippet = snippet;
                for (range, kind, label) in &marks {
                    if let Some(m) = b.map(range.clone()) {
                        snippet = snippet.annotation((*kind).span(m).label(*label));
                    }
                }
                snippet
            },
        );
        if let Some(at) = file.page_line(index.line_col(lint.span.start).line) {
            group = group.element(SnippetLevel::NOTE.message(format!(
                "on the artwork: page {}, line {}",
                at.page, at.line
            )));
        }
        if let Some(help) = &lint.help {
            group = group.element(SnippetLevel::HELP.message(help.as_str()));
        }
        let mut report: Vec<Group<'_>> = vec![group];
        let fix_ranges: Vec<Range<usize>> = lint
            .fix
            .iter()
            .flat_map(|f| f.edits.iter().map(|e| e.span.start..e.span.end))
            .collect();
        let fix_blocks = excerpt::excerpt(&index, &fix_ranges);
        if let Some(fix) = &lint.fix {
            let kind = match fix.applicability {
                Applicability::Safe => "safe fix",
                Applicability::Unsafe => "unsafe fix",
            };
            let title = SnippetLevel::HELP.secondary_title(format!("{} ({kind})", fix.message));
            report.push(with_blocks(
                title,
                &fix_blocks,
                &path,
                &index,
                None,
                |b, snippet| {
                    let mut snippet = snippet;
                    for e in &fix.edits {
                        if let Some(m) = b.map(e.span.start..e.span.end) {
                            snippet = snippet.patch(Patch::new(m, e.replacement.as_str()));
                        }
                    }
                    snippet
                },
            ));
        }
        out.write_all(renderer.render(&report).as_bytes())?;
        out.write_all(b"\n\n")?;
    }
    Ok(())
}

/// Adds one snippet per excerpt block to `group`. A single uncut block names the file itself,
/// as it always did; otherwise the header line comes from [`LineIndex::line_col`], because the
/// renderer would count columns in the cut text.
fn with_blocks<'a, T: Clone>(
    title: Title<'a>,
    blocks: &'a [excerpt::Block],
    path: &'a str,
    index: &LineIndex<'_>,
    at: Option<usize>,
    mut annotate: impl FnMut(&excerpt::Block, Snippet<'a, T>) -> Snippet<'a, T>,
) -> Group<'a>
where
    Snippet<'a, T>: Into<Element<'a>>,
{
    let single = blocks.len() == 1 && blocks.iter().all(excerpt::Block::exact);
    let mut group = Group::with_title(title);
    if let (false, Some(at)) = (single, at) {
        let at = index.line_col(at);
        group = group.element(Origin::path(path).line(at.line).char_column(at.column));
    }
    for b in blocks {
        let mut snippet = Snippet::source(b.text.as_str()).line_start(b.line_start);
        if single {
            snippet = snippet.path(path);
        }
        group = group.element(annotate(b, snippet));
    }
    group
}

/// The closing line: counts per level and how many `--fix` would apply.
pub fn summary(counts: Counts, files: usize) -> String {
    let total = counts.error + counts.warning + counts.info;
    if total == 0 {
        return format!("{} clean\n", plural(files, "file"));
    }
    let mut s = format!(
        "found {}, {}, {} in {}",
        plural(counts.error, "error"),
        plural(counts.warning, "warning"),
        plural(counts.info, "info"),
        plural(files, "file")
    );
    if counts.fixable > 0 {
        let _ = write!(s, " ({} fixable with `--fix`)", counts.fixable);
    }
    s.push('\n');
    s
}

fn plural(n: usize, word: &str) -> String {
    let s = if n == 1 || word == "info" { "" } else { "s" };
    format!("{n} {word}{s}")
}
