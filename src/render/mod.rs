//! Renderers: how a [`ScanReport`](crate::scan::ScanReport) is shown (`text`, `json`), and
//! how lints are (`lint_text`, `lint_json`, `sarif`, `github`).

mod excerpt;
pub mod github;
pub mod json;
pub mod lint_json;
pub mod lint_text;
pub mod sarif;
pub mod text;

/// Output format of `inci scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A readable table, coloured on a terminal.
    #[default]
    Text,
    /// One JSON object (schema in docs/json-schema.md).
    Json,
}

/// Output format of `inci lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LintFormat {
    /// rustc-style diagnostics: the text with each problem underlined, help and fix.
    #[default]
    Text,
    /// One JSON document (schema in docs/json-schema.md).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations (`::error file=...::message`).
    Github,
}

/// A serializer error as an I/O error that keeps the kind of the I/O error behind it, so that
/// a closed pipe (`inci scan --format json | head`) is still recognised as one.
pub fn json_io_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    }
}

/// Text from the input, made safe to print on a terminal: control characters (ESC, BEL, the
/// C1 range, DEL) become their visible Unicode control pictures (`␛`), so a label cannot set a
/// window title or move the cursor. Line breaks and tabs are kept; callers flatten them where a
/// line is expected.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}';
    if !text.contains(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            super::safe("Glyc\u{1b}]0;X\u{7}erin"),
            "Glyc\u{241b}]0;X\u{2407}erin"
        );
        assert_eq!(super::safe("Aqua,\tGlycerin\n"), "Aqua,\tGlycerin\n");
        assert_eq!(super::safe("a\u{7f}\u{9b}b"), "a\u{2421}\u{fffd}b");
    }
}
