//! Line and column of a byte offset, for diagnostics, SARIF regions and GitHub annotations.

use serde::Serialize;

/// A 1-based line and column; the column counts characters (Unicode scalar values), not bytes,
/// so `Crème` puts the column after `è` where an editor does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

/// The line and column of byte `offset` in `text` (clamped to the text, and moved back to a
/// character boundary, so any offset gives an answer).
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let t = "Aqua,\nCrème, Glycerin";
        assert_eq!(line_col(t, 0), LineCol { line: 1, column: 1 });
        assert_eq!(line_col(t, 6), LineCol { line: 2, column: 1 });
        // `, Glycerin` starts after the five characters of `Crème` (six bytes).
        assert_eq!(line_col(t, 12), LineCol { line: 2, column: 6 });
        assert_eq!(
            line_col(t, 999),
            LineCol {
                line: 2,
                column: 16
            }
        );
        assert_eq!(line_col(t, 9), LineCol { line: 2, column: 3 });
    }
}
