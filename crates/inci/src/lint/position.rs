//! Line and column of a byte offset, for diagnostics, SARIF regions and GitHub annotations.

use serde::Serialize;
use std::ops::Range;

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

/// Where each line of a text starts, and how many characters precede every 4 KiB, so that the
/// line and column of any offset cost `O(log n + 4 KiB)`: renderers that place every lint of a
/// long one-line label stay linear ([`line_col`] alone walks from the start of the text).
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
    /// (byte offset, characters before it) every [`CHECKPOINT`] bytes, so that a column is
    /// counted over at most that many bytes, not from the start of a long line.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 4096;

impl<'a> LineIndex<'a> {
    /// Indexes `source` once; every excerpt of the file reuses it.
    pub fn new(source: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut checkpoints = vec![(0, 0)];
        let mut at = 0;
        let mut chars = 0;
        while at + CHECKPOINT < source.len() {
            let mut next = at + CHECKPOINT;
            while !source.is_char_boundary(next) {
                next -= 1;
            }
            if next == at {
                break;
            }
            chars += source[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        LineIndex {
            source,
            starts,
            checkpoints,
        }
    }

    /// How many characters come before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let k = self
            .checkpoints
            .partition_point(|&(b, _)| b <= offset)
            .saturating_sub(1);
        let (byte, chars) = self.checkpoints[k];
        chars + self.source[byte..offset].chars().count()
    }

    /// The text indexed.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The line and column of byte `offset`, as [`line_col`] gives them.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        LineCol {
            line: line + 1,
            column: self.chars_before(offset) - self.chars_before(self.starts[line]) + 1,
        }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Line `line`'s bytes (0-based) without its line break; past the last line, the empty
    /// range at the end of the text.
    pub fn bounds(&self, line: usize) -> Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return self.source.len()..self.source.len();
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.source.len(), |&next| next - 1);
        start..end.max(start)
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

    #[test]
    fn the_index_agrees_with_line_col() {
        let t = format!(
            "{}\nCrème, Aqua\n\n{}",
            "é, Aqua".repeat(2000),
            "x".repeat(9000)
        );
        let index = LineIndex::new(&t);
        for offset in (0..t.len() + 3)
            .step_by(7)
            .chain([0, 1, 2, t.len(), t.len() + 9])
        {
            assert_eq!(
                index.line_col(offset),
                line_col(&t, offset),
                "offset {offset}"
            );
        }
    }
}
