//! The part of a file a diagnostic shows: the lines holding its spans, cut around the spans
//! when those lines are long.
//!
//! Handing the whole file to the snippet renderer for every lint made `inci lint` quadratic on a
//! long one-line label (200 KB: 327 s and 9 GB), because each diagnostic and each fix preview
//! walked and repeated the whole line. A [`Block`] holds at most a fixed window around each
//! span, so the cost of one diagnostic depends on its own spans only; a cut is shown as `…`.

use inci::lint::position::LineIndex;
use std::ops::Range;

/// Lines up to this many bytes in all are shown whole, exactly as written.
const WHOLE_UP_TO: usize = 512;
/// Bytes kept on each side of a span when its lines are cut.
const CONTEXT: usize = 60;
/// What stands for text left out.
const ELISION: &str = "…";

/// One block of text to show: a run of consecutive lines, possibly cut.
pub struct Block {
    /// The text handed to the renderer.
    pub text: String,
    /// 1-based number of the block's first line.
    pub line_start: usize,
    /// The block's first line was cut before its start.
    cut_before: bool,
    /// (offset in the file, offset in `text`, length) of each kept piece, in order.
    pieces: Vec<(usize, usize, usize)>,
}

impl Block {
    /// The block is the file's text from the start of its first line, uncut up to its end, so
    /// the renderer counts columns right.
    pub fn exact(&self) -> bool {
        !self.cut_before && self.pieces.len() == 1
    }

    /// Maps a file range into `text`, when the range starts in this block.
    pub fn map(&self, range: Range<usize>) -> Option<Range<usize>> {
        let start = self.map_offset(range.start)?;
        let end = self
            .map_offset(range.end)
            .unwrap_or(self.text.len())
            .max(start);
        Some(start..end)
    }

    fn map_offset(&self, offset: usize) -> Option<usize> {
        self.pieces
            .iter()
            .find(|&&(from, _, len)| offset >= from && offset <= from + len)
            .map(|&(from, to, _)| to + offset - from)
    }
}

/// The blocks that show `ranges` of the file, in file order.
pub fn excerpt(index: &LineIndex<'_>, ranges: &[Range<usize>]) -> Vec<Block> {
    let source = index.source();
    let ranges: Vec<Range<usize>> = ranges
        .iter()
        .map(|r| {
            let start = r.start.min(source.len());
            start..r.end.clamp(start, source.len())
        })
        .collect();
    let Some(first) = ranges.iter().map(|r| r.start).min() else {
        return Vec::new();
    };
    let last = ranges.iter().map(|r| r.end).max().unwrap_or(first);
    let (first_line, last_line) = (index.line_of(first), index.line_of(last));
    let whole = index.bounds(first_line).start..index.bounds(last_line).end;
    if whole.len() <= WHOLE_UP_TO {
        return vec![Block {
            text: source[whole.clone()].to_owned(),
            line_start: first_line + 1,
            cut_before: false,
            pieces: vec![(whole.start, 0, whole.len())],
        }];
    }
    // Windows around each range's ends, never across a line break they did not hold.
    let mut windows: Vec<Range<usize>> = Vec::new();
    for r in &ranges {
        let ends = if r.len() > 2 * CONTEXT {
            vec![r.start..r.start + CONTEXT, r.end - CONTEXT..r.end]
        } else {
            vec![r.clone()]
        };
        for e in ends {
            let start_line = index.bounds(index.line_of(e.start));
            let end_line = index.bounds(index.line_of(e.end));
            let start = floor(
                source,
                e.start.saturating_sub(CONTEXT).max(start_line.start),
            );
            let end = ceil(source, (e.end + CONTEXT).min(end_line.end));
            windows.push(start..end.max(start));
        }
    }
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(m) if w.start <= m.end => m.end = m.end.max(w.end),
            _ => merged.push(w),
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut previous: Option<Range<usize>> = None;
    for w in merged {
        let line = index.line_of(w.start);
        let line_bounds = index.bounds(line);
        let same_block = previous
            .as_ref()
            .is_some_and(|p| index.line_of(p.end) == line);
        if !same_block {
            if let (Some(p), Some(b)) = (&previous, blocks.last_mut()) {
                close(b, p.end, index);
            }
            let cut_before = w.start > line_bounds.start;
            blocks.push(Block {
                text: if cut_before {
                    ELISION.to_owned()
                } else {
                    String::new()
                },
                line_start: line + 1,
                cut_before,
                pieces: Vec::new(),
            });
        } else if let Some(b) = blocks.last_mut() {
            b.text.push_str(ELISION);
        }
        if let Some(b) = blocks.last_mut() {
            b.pieces.push((w.start, b.text.len(), w.len()));
            b.text.push_str(&source[w.clone()]);
        }
        previous = Some(w);
    }
    if let (Some(p), Some(b)) = (&previous, blocks.last_mut()) {
        close(b, p.end, index);
    }
    blocks
}

/// Marks a block whose last line goes on after `end`.
fn close(block: &mut Block, end: usize, index: &LineIndex<'_>) {
    if end < index.bounds(index.line_of(end)).end {
        block.text.push_str(ELISION);
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use inci::lint::position::LineCol;

    #[test]
    fn short_lines_are_shown_whole() {
        let src = "Aqua, Glycerin\nParfum, Talc\nEnd";
        let index = LineIndex::new(src);
        let blocks = excerpt(&index, std::slice::from_ref(&(15..21)));
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "Parfum, Talc");
        assert_eq!(blocks[0].line_start, 2);
        assert_eq!(blocks[0].map(15..21), Some(0..6));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let src = format!("{}Talcc{}", "Aqua, ".repeat(1000), ", Aqua".repeat(1000));
        let index = LineIndex::new(&src);
        let at = 6000;
        let blocks = excerpt(&index, std::slice::from_ref(&(at..at + 5)));
        assert_eq!(blocks.len(), 1);
        let b = &blocks[0];
        assert!(b.cut_before);
        assert!(b.text.starts_with(ELISION) && b.text.ends_with(ELISION));
        assert!(b.text.len() < 2 * CONTEXT + 20, "{}", b.text.len());
        let mapped = b.map(at..at + 5).expect("span in block");
        assert_eq!(&b.text[mapped], "Talcc");
        assert_eq!(
            index.line_col(at),
            LineCol {
                line: 1,
                column: 6001
            }
        );
        let accented = format!("{}\nTalc", "é".repeat(5000));
        let index = LineIndex::new(&accented);
        assert_eq!(index.line_col(10_001), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_col(10_003), LineCol { line: 2, column: 3 });
        assert_eq!(
            index.line_col(9_000),
            LineCol {
                line: 1,
                column: 4501
            }
        );
    }

    #[test]
    fn distant_spans_on_one_line_share_a_block() {
        let src = format!("Talc, {}Talc", "Aqua, ".repeat(1000));
        let index = LineIndex::new(&src);
        let second = src.len() - 4;
        let blocks = excerpt(&index, &[second..src.len(), 0..4]);
        assert_eq!(blocks.len(), 1);
        let b = &blocks[0];
        assert!(!b.cut_before);
        assert_eq!(b.text.matches(ELISION).count(), 1);
        assert_eq!(&b.text[b.map(0..4).expect("first")], "Talc");
        assert_eq!(&b.text[b.map(second..src.len()).expect("second")], "Talc");
    }

    #[test]
    fn distant_lines_get_their_own_blocks() {
        let filler = "Aqua\n".repeat(200);
        let src = format!("Talc\n{filler}Talc\n");
        let index = LineIndex::new(&src);
        let second = 5 + filler.len();
        let blocks = excerpt(&index, &[0..4, second..second + 4]);
        assert_eq!(blocks.len(), 2);
        assert_eq!((blocks[0].line_start, blocks[1].line_start), (1, 202));
        assert_eq!(blocks[1].text, "Talc");
    }

    #[test]
    fn cuts_fall_on_character_boundaries() {
        let src = "é".repeat(2000);
        let index = LineIndex::new(&src);
        for at in [0, 1, 2, 1001, 1999, 3999, 4000] {
            for b in excerpt(&index, std::slice::from_ref(&(at..(at + 3).min(src.len())))) {
                assert!(b.text.chars().count() > 0);
            }
        }
    }
}
