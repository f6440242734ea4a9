//! Renderers: how a [`ScanReport`](inci::scan::ScanReport) is shown (`text`, `json`), and
//! how lints are (`lint_text`, `lint_json`, `sarif`, `github`).

mod excerpt;
pub mod explain;
pub mod github;
pub mod json;
pub mod lint_json;
pub mod lint_text;
pub mod outline;
pub mod report_html;
pub mod sarif;
pub mod text;
pub mod unstyled;

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

/// What a renderer writes, as a string (for tests and measurements). Every renderer has the
/// shape `write(out, ...) -> io::Result<()>`; a `Vec` never fails to take the bytes.
pub fn to_string(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<String> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
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
/// window title or move the cursor, and bidirectional overrides and isolates (U+202A-U+202E,
/// U+2066-U+2069), which reorder what a reader sees ("Trojan Source"), are shown as `<U+202E>`.
/// Line breaks and tabs are kept; callers flatten them where a line is expected.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || bidi(c);
    if !text.contains(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c if bidi(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Columns to lay text out in: the terminal's width when standard output is one, else
/// `COLUMNS` when it holds a number (`COLUMNS=80 inci scan label.txt | less`), else 100.
pub fn width() -> usize {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    if stdout.is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size_of(&stdout)
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .unwrap_or(100)
}

/// Input text for an error message: [`safe`], and cut after `max` characters with the number
/// of bytes left out, so a 100 MB header line is not echoed whole.
pub fn safe_cut(text: &str, max: usize) -> String {
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let mut shown = safe(&text[..cut]).into_owned();
    if cut < text.len() {
        shown.push_str(&format!("… ({} more bytes)", text.len() - cut));
    }
    shown
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
        assert_eq!(super::safe("Aqua\u{202e}nirec"), "Aqua<U+202E>nirec");
    }

    #[test]
    fn long_text_is_cut_with_a_byte_count() {
        let long = "é".repeat(1000);
        let shown = super::safe_cut(&long, 10);
        assert_eq!(shown, format!("{}… (1980 more bytes)", "é".repeat(10)));
        assert_eq!(super::safe_cut("Aqua", 10), "Aqua");
    }
}
