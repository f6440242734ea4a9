//! The text read from an image or a PDF, with the evidence behind each word: where it is on
//! its page and, for OCR, how sure the recognizer was.

use crate::kind::Kind;
use crate::lang::Lang;
use serde::Serialize;

/// Below this confidence (tesseract's 0-100 word confidence), an item is marked "check
/// against the pack". Tesseract's own documentation calls words under about 60 unreliable;
/// on the test suite's renders every misread word scored under 80 and 96 % of the words read
/// right scored 80 or more (`tests/ocr/`), so 80 marks the misreads at the cost of a few
/// right words.
pub const CHECK_BELOW: f32 = 80.0;

/// Text recognized in a document, and what each part of it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The text, one line per line found on the page; paragraphs and pages apart by a blank
    /// line. What the label parser reads.
    pub text: String,
    /// What the input was and how its text was obtained.
    pub origin: Origin,
    /// Every word of `text`, in order.
    pub words: Vec<Word>,
    /// For each line of `text` (0-based index), its page and its line number on that page
    /// (both 1-based); blank separator lines are `None`.
    pub lines: Vec<Option<Place>>,
}

/// How a document's text was obtained.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Origin {
    /// Recognized from an image by OCR.
    Ocr {
        /// What the input was (`PNG image`, or `PDF` for a PDF with no text).
        kind: Kind,
        /// The recognizer and its version (`tesseract 5.3.0`).
        engine: String,
        /// The languages it read with.
        langs: Vec<Lang>,
        /// Pixel size of the (first) image read, as given.
        width: u32,
        /// Pixel size of the (first) image read, as given.
        height: u32,
        /// What was done to the image before recognition, in order (`grey`, `scaled x2`).
        prepared: Vec<String>,
        /// Why OCR was used for a PDF (`the PDF has no text: its pages were rendered at 300
        /// dpi`).
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The text a PDF carries, in reading order.
    PdfText {
        /// Its number of pages.
        pages: u32,
        /// The extractor (`pdftotext 22.12.0`).
        engine: String,
    },
}

/// A word of the document.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Word {
    /// Its bytes in [`Document::text`].
    pub span: [usize; 2],
    /// Its page (1-based).
    pub page: u32,
    /// Its box on the page, `[left, top, width, height]`, in pixels of the image as given
    /// (OCR) or in points (PDF text).
    #[serde(rename = "box")]
    pub bbox: [f32; 4],
    /// The recognizer's confidence, 0-100; none for text a PDF carries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// A line's place in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The page (1-based).
    pub page: u32,
    /// The line on that page (1-based).
    pub line: u32,
}

/// What a stretch of the text (an ingredient) rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Evidence {
    /// The page of its first word.
    pub page: u32,
    /// The box around its words on that page, `[left, top, width, height]`.
    #[serde(rename = "box")]
    pub bbox: [f32; 4],
    /// The least confidence among its words (OCR only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// True when that confidence is under [`CHECK_BELOW`]: "check against the pack".
    pub check: bool,
}

impl Document {
    /// What the bytes `start..end` of [`Document::text`] rest on: the words overlapping them
    /// (on the page of the first), or `None` when no word does.
    pub fn evidence(&self, start: usize, end: usize) -> Option<Evidence> {
        let mut words = self
            .words
            .iter()
            .filter(|w| w.span[0] < end.max(start + 1) && w.span[1] > start);
        let first = words.next()?;
        let mut bbox = first.bbox;
        let mut confidence = first.confidence;
        for w in words.filter(|w| w.page == first.page) {
            let right = (bbox[0] + bbox[2]).max(w.bbox[0] + w.bbox[2]);
            let bottom = (bbox[1] + bbox[3]).max(w.bbox[1] + w.bbox[3]);
            bbox[0] = bbox[0].min(w.bbox[0]);
            bbox[1] = bbox[1].min(w.bbox[1]);
            bbox[2] = right - bbox[0];
            bbox[3] = bottom - bbox[1];
            confidence = match (confidence, w.confidence) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        Some(Evidence {
            page: first.page,
            bbox,
            confidence,
            check: confidence.is_some_and(|c| c < CHECK_BELOW),
        })
    }

    /// The page and line on it of the text's line `line` (1-based, as lint positions count).
    pub fn place(&self, line: usize) -> Option<Place> {
        self.lines.get(line.checked_sub(1)?).copied().flatten()
    }

    /// One sentence on where the text came from, for reports: `read by tesseract 5.3.0
    /// (eng) from a PNG image of 1040 x 286 pixels (grey, scaled x2)`.
    pub fn describe(&self) -> String {
        match &self.origin {
            Origin::Ocr {
                kind,
                engine,
                langs,
                width,
                height,
                prepared,
                note,
            } => {
                let langs: Vec<&str> = langs.iter().map(|l| l.code()).collect();
                let mut s = format!(
                    "read by {engine} ({}) from a {} of {width} x {height} pixels",
                    langs.join("+"),
                    kind.words()
                );
                if !prepared.is_empty() {
                    s.push_str(&format!(" ({})", prepared.join(", ")));
                }
                if let Some(note) = note {
                    s.push_str(&format!("; {note}"));
                }
                s
            }
            Origin::PdfText { pages, engine } => {
                format!(
                    "the text of a PDF of {pages} page{} ({engine})",
                    if *pages == 1 { "" } else { "s" }
                )
            }
        }
    }
}

/// Builds a document's text from lines of words, keeping each word's span and each line's
/// place.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    text: String,
    words: Vec<Word>,
    lines: Vec<Option<Place>>,
    /// Whether the last thing written ends a line.
    at_line_start: bool,
}

/// A word as a recognizer or extractor gives it.
pub(crate) struct RawWord<'a> {
    pub text: &'a str,
    pub bbox: [f32; 4],
    pub confidence: Option<f32>,
    /// Whether a space separates it from the word before on its line.
    pub space_before: bool,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder {
            at_line_start: true,
            ..Builder::default()
        }
    }

    /// Appends one line of `page`; `line` is its number on the page. Empty lines are skipped.
    pub(crate) fn line(&mut self, page: u32, line: u32, words: &[RawWord<'_>]) {
        let words: Vec<&RawWord<'_>> = words.iter().filter(|w| !w.text.trim().is_empty()).collect();
        if words.is_empty() {
            return;
        }
        if !self.at_line_start {
            self.text.push('\n');
        }
        for (k, w) in words.iter().enumerate() {
            if k > 0 && w.space_before {
                self.text.push(' ');
            }
            let text = w.text.trim();
            let start = self.text.len();
            self.text.push_str(text);
            self.words.push(Word {
                span: [start, self.text.len()],
                page,
                bbox: w.bbox,
                confidence: w.confidence,
            });
        }
        self.lines.push(Some(Place { page, line }));
        self.at_line_start = false;
    }

    /// Ends a paragraph, a block or a page: a blank line, once.
    pub(crate) fn gap(&mut self) {
        if self.at_line_start || self.text.ends_with("\n\n") {
            return;
        }
        self.text.push_str("\n\n");
        self.lines.push(None);
        self.at_line_start = true;
    }

    pub(crate) fn finish(mut self, origin: Origin) -> Document {
        while self.lines.last().is_some_and(Option::is_none) {
            self.lines.pop();
        }
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        Document {
            text: self.text,
            origin,
            words: self.words,
            lines: self.lines,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x: f32, confidence: f32) -> RawWord<'_> {
        RawWord {
            text,
            bbox: [x, 10.0, 50.0, 20.0],
            confidence: Some(confidence),
            space_before: true,
        }
    }

    #[test]
    fn spans_lines_and_evidence_follow_the_words() {
        let mut b = Builder::new();
        b.line(
            1,
            1,
            &[word("Ingredients:", 0.0, 95.0), word("Aqua,", 60.0, 96.0)],
        );
        b.line(
            1,
            2,
            &[word("Glycerin,", 0.0, 91.0), word("Partum", 60.0, 42.0)],
        );
        b.gap();
        b.line(1, 4, &[word("Made", 0.0, 90.0), word("", 60.0, 0.0)]);
        let doc = b.finish(Origin::PdfText {
            pages: 1,
            engine: "test".into(),
        });
        assert_eq!(doc.text, "Ingredients: Aqua,\nGlycerin, Partum\n\nMade");
        assert_eq!(doc.words.len(), 5);
        assert_eq!(
            &doc.text[doc.words[3].span[0]..doc.words[3].span[1]],
            "Partum"
        );
        assert_eq!(doc.place(2), Some(Place { page: 1, line: 2 }));
        assert_eq!(doc.place(3), None);
        assert_eq!(doc.place(4), Some(Place { page: 1, line: 4 }));
        let partum = doc.text.find("Partum").expect("word");
        let e = doc.evidence(partum, partum + 6).expect("evidence");
        assert!(e.check && e.confidence == Some(42.0));
        let aqua = doc.text.find("Aqua").expect("word");
        let e = doc.evidence(aqua, aqua + 4).expect("evidence");
        assert!(!e.check);
        // A stretch over two words: their union, the lower confidence.
        let e = doc.evidence(0, aqua + 4).expect("evidence");
        assert_eq!(e.bbox, [0.0, 10.0, 110.0, 20.0]);
        assert_eq!(e.confidence, Some(95.0));
        assert!(doc.evidence(doc.text.len(), doc.text.len() + 3).is_none());
    }
}
