//! Lints as rustc-style diagnostics (annotate-snippets): the title with the rule code, the
//! file, line and column, the text with the span underlined, a help line, and the suggested
//! fix shown as a patch.

use crate::lint::{Applicability, Counts, Level, LintedFile};
use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Patch, Renderer, Snippet};
use std::fmt::Write as _;

fn level(l: Level) -> SnippetLevel<'static> {
    match l {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        Level::Info => SnippetLevel::INFO,
    }
}

/// Renders every lint of `file`; `styled` adds ANSI colours.
pub fn render(file: &LintedFile, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for lint in &file.lints {
        let mut snippet = Snippet::source(file.source.as_str())
            .path(file.path.as_str())
            .annotation(
                AnnotationKind::Primary
                    .span(lint.span.start..lint.span.end)
                    .label(lint.label.as_str()),
            );
        for r in &lint.related {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(r.span.start..r.span.end)
                    .label(r.label.as_str()),
            );
        }
        let mut group = level(lint.level)
            .primary_title(lint.message.as_str())
            .id(lint.code)
            .element(snippet);
        if let Some(help) = &lint.help {
            group = group.element(SnippetLevel::HELP.message(help.as_str()));
        }
        let mut report: Vec<Group<'_>> = vec![group];
        if let Some(fix) = &lint.fix {
            let kind = match fix.applicability {
                Applicability::Safe => "safe fix",
                Applicability::Unsafe => "unsafe fix",
            };
            let mut patched = Snippet::source(file.source.as_str()).path(file.path.as_str());
            for e in &fix.edits {
                patched =
                    patched.patch(Patch::new(e.span.start..e.span.end, e.replacement.as_str()));
            }
            report.push(
                SnippetLevel::HELP
                    .secondary_title(format!("{} ({kind})", fix.message))
                    .element(patched),
            );
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
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
