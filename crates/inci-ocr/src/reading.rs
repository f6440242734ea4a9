//! A report scanned from a document, joined to the document's evidence: for each ingredient,
//! where it is on the page and how sure the recognizer was.

use crate::document::{CHECK_BELOW, Document, Evidence, Origin};
use serde::Serialize;

/// What a report scanned from a document rests on: the `ocr` part of the JSON.
#[derive(Debug, Clone, Serialize)]
pub struct Reading<'a> {
    /// One sentence on where the text came from.
    pub source: String,
    /// How the text was obtained.
    pub origin: &'a Origin,
    /// The text as read (what was scanned: the transcription, to copy or correct).
    pub text: &'a str,
    /// The confidence under which an item is to be checked against the pack.
    pub check_below: f32,
    /// Per ingredient of the report, in its order: its evidence (none when no word of the
    /// document is under it).
    pub items: Vec<Item>,
    /// How many items are to be checked against the pack.
    pub to_check: usize,
}

/// One ingredient's evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The ingredient's index in the report.
    pub ingredient: usize,
    /// Where it is and how sure the reading was.
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl<'a> Reading<'a> {
    /// The evidence of every ingredient of `report`, scanned from `document.text`.
    pub fn new(document: &'a Document, report: &inci::ScanReport) -> Reading<'a> {
        let items: Vec<Item> = report
            .ingredients
            .iter()
            .enumerate()
            .filter_map(|(k, ing)| {
                document
                    .evidence(ing.span.start, ing.span.end)
                    .map(|evidence| Item {
                        ingredient: k,
                        evidence,
                    })
            })
            .collect();
        Reading {
            source: document.describe(),
            origin: &document.origin,
            text: &document.text,
            check_below: CHECK_BELOW,
            to_check: items.iter().filter(|i| i.evidence.check).count(),
            items,
        }
    }

    /// Whether the text came from OCR (its items have confidences).
    pub fn origin_is_ocr(&self) -> bool {
        matches!(self.origin, Origin::Ocr { .. })
    }
}
