//! Lints as GitHub Actions workflow commands (`::error file=...,line=...::message`), which
//! GitHub shows as annotations on the pull request's changed files.

use inci::lint::position::LineIndex;
use inci::lint::{Level, LintedFile};
use std::fmt::Write as _;

/// Writes one line per lint.
pub fn write(out: &mut dyn std::io::Write, files: &[LintedFile]) -> std::io::Result<()> {
    for f in files {
        let index = LineIndex::new(&f.source);
        for l in &f.lints {
            let start = index.line_col(l.span.start);
            let end = index.line_col(l.span.end);
            let command = match l.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info => "notice",
            };
            let mut message = l.message.clone();
            if let Some(h) = &l.help {
                let _ = write!(message, "\nhelp: {h}");
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&f.path),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("{} {}", l.code, l.rule)),
                data(&message)
            )?;
        }
    }
    Ok(())
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(super::data("50%\nnext"), "50%25%0Anext");
        assert_eq!(super::property("a,b:c"), "a%2Cb%3Ac");
    }
}
