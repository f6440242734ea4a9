//! Ingredient lists from where people meet them: photos of the back of a pack and the
//! designer's PDF artwork.
//!
//! Data flow: the input's bytes → [`Kind::detect`] (its signature, never its name) → for an
//! image, [`read`] decodes it with limits, makes it grey and enlarges small text where that
//! pays, and has the system's tesseract ([`tesseract::Engine`]) recognize it; for a PDF, its
//! own text with each word's page and box (poppler's `pdftotext`), or OCR of its rendered
//! pages when it has no text → a [`Document`]: the text, one line per line of the page, and
//! every word's page, box and confidence. The text is scanned as any label is
//! (`inci::scan`); [`Reading`] then says for each ingredient of the report where it is on the
//! page and how sure the recognizer was, marking items under [`CHECK_BELOW`] "check against
//! the pack": OCR text is evidence, not truth.
//!
//! Tesseract and poppler are programs run with a deadline ([`run::DEADLINE`]); when missing,
//! the error says how to install them.

mod document;
mod error;
pub mod kind;
mod lang;
pub mod pdf;
mod prepare;
mod reading;
pub mod run;
pub mod tesseract;

pub use document::{CHECK_BELOW, Document, Evidence, Origin, Place, Word};
pub use error::Error;
pub use kind::{ImageFormat, Kind};
pub use lang::Lang;
pub use reading::{Item, Reading};

/// How to read a document: the languages to recognize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Languages for OCR, English first by default.
    pub langs: Vec<Lang>,
    /// Whether the user chose them (`--lang`): then a missing one is an error; defaults from
    /// the markets fall back to those installed.
    pub explicit: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            langs: vec![Lang::Eng],
            explicit: false,
        }
    }
}

impl Options {
    /// English and the languages labels of `markets` are printed in.
    pub fn for_markets(markets: impl IntoIterator<Item = inci_dict::market::Market>) -> Options {
        Options {
            langs: Lang::for_markets(markets),
            explicit: false,
        }
    }

    /// Exactly `langs`, as the user chose them.
    pub fn with_langs(langs: Vec<Lang>) -> Options {
        Options {
            langs,
            explicit: true,
        }
    }
}

/// Reads the image or PDF in `bytes`. Text is [`Error::NotADocument`]: check
/// [`Kind::detect`] first.
pub fn read(bytes: &[u8], options: &Options) -> Result<Document, Error> {
    match Kind::detect(bytes) {
        Kind::Text => Err(Error::NotADocument),
        Kind::Pdf => pdf::read(bytes, &options.langs, options.explicit),
        Kind::Image(format) => {
            // A broken image is an error whether or not tesseract is installed.
            let prepared = prepare::decode(bytes, format)?;
            let engine = tesseract::Engine::find()?;
            let langs = engine.languages(&options.langs, options.explicit)?;
            let read = recognize(&engine, &langs, options.explicit, prepared)?;
            let mut b = document::Builder::new();
            tesseract::append_page(&mut b, 1, &read.words);
            Ok(b.finish(Origin::Ocr {
                kind: Kind::Image(format),
                engine: engine.version.clone(),
                langs: read.langs,
                width: read.width,
                height: read.height,
                prepared: read.steps,
                note: None,
            }))
        }
    }
}

/// What `bytes` are, without recognizing anything: the kind, and for an image its size in
/// pixels once decoded within the limits (the error a broken or oversized image gives). Runs
/// no program: the fuzz target and a quick check before uploading.
pub fn inspect(bytes: &[u8]) -> Result<(Kind, Option<(u32, u32)>), Error> {
    match Kind::detect(bytes) {
        Kind::Image(format) => {
            let prepared = prepare::decode(bytes, format)?;
            // The straightening is measured on every photo: it must take any pixels.
            let _ = prepare::skew(&prepared.grey);
            Ok((Kind::Image(format), Some((prepared.width, prepared.height))))
        }
        kind => Ok((kind, None)),
    }
}

/// One image recognized: its words (boxes in pixels of the image as given), and what was
/// done to it.
pub(crate) struct Recognized {
    pub words: Vec<tesseract::TsvWord>,
    pub width: u32,
    pub height: u32,
    pub steps: Vec<String>,
    /// The languages of the reading kept.
    pub langs: Vec<Lang>,
}

/// Decodes, makes grey, straightens and recognizes an image; when the median word is under 22
/// pixels high, recognizes it again enlarged and keeps the reading with the higher mean
/// confidence. Boxes are mapped back onto the image as given.
pub(crate) fn recognize(
    engine: &tesseract::Engine,
    langs: &[Lang],
    explicit: bool,
    prepared: prepare::Prepared,
) -> Result<Recognized, Error> {
    let mut steps = prepared.steps.clone();
    let tilt = prepare::skew(&prepared.grey);
    let (grey, turn) = if tilt.abs() >= 0.5 {
        steps.push(format!("straightened {tilt:.1}°"));
        (prepare::rotate(&prepared.grey, -tilt), -tilt)
    } else {
        (prepared.grey, 0.0)
    };
    // The image as read at each step, kept to be read again in another language.
    let png = prepare::png(&grey, 1.0)?;
    let words = engine.recognize(&png, langs)?;
    let mut best = (words, 1.0f32, png);
    if let Some(scale) = prepare::enlargement(median_height(&best.0), grey.width(), grey.height()) {
        let png = prepare::png(&grey, scale)?;
        let enlarged = engine.recognize(&png, langs)?;
        if mean_confidence(&enlarged) > mean_confidence(&best.0) {
            steps.push(format!("enlarged x{scale:.1}"));
            best = (enlarged, scale, png);
        }
    }
    // Languages not chosen by the user, and a poor reading: the script may be one the
    // markets did not suggest (a Korean panel scanned for the EU). Tesseract's script
    // detection names it; the reading in that language is kept if it is surer.
    let mut used = langs.to_vec();
    if !explicit && mean_confidence(&best.0) < LOW_READING {
        if let Some(extra) = engine
            .script(&best.2)?
            .filter(|l| !used.contains(l) && engine.installed.contains(l))
        {
            let mut more = used.clone();
            more.push(extra);
            let again = engine.recognize(&best.2, &more)?;
            if mean_confidence(&again) > mean_confidence(&best.0) {
                steps.push(format!("{} script detected and read", extra.english()));
                best.0 = again;
                used = more;
            }
        }
    }
    let (words, scale, _) = best;
    let rotated = (grey.width(), grey.height());
    let original = (prepared.width, prepared.height);
    let words = words
        .into_iter()
        .map(|mut w| {
            let b = w.bbox.map(|v| v / scale);
            w.bbox = if turn == 0.0 {
                b
            } else {
                prepare::unrotate_box(b, turn, rotated, original)
            };
            w
        })
        .collect();
    Ok(Recognized {
        words,
        width: prepared.width,
        height: prepared.height,
        steps,
        langs: used,
    })
}

/// Below this mean word confidence a reading with default languages is retried with the
/// script tesseract detects (the Korean test render read in English and French scores 21;
/// the Latin renders 76 to 95 as given, before straightening and enlarging).
const LOW_READING: f32 = 60.0;

/// The median box height of the words read with some confidence and two letters or more.
fn median_height(words: &[tesseract::TsvWord]) -> f32 {
    let mut h: Vec<f32> = words
        .iter()
        .filter(|w| {
            w.confidence >= 50.0 && w.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        })
        .map(|w| w.bbox[3])
        .collect();
    if h.is_empty() {
        return 0.0;
    }
    h.sort_by(f32::total_cmp);
    h[h.len() / 2]
}

/// Mean word confidence, weighted by each word's length (a misread long name weighs more than
/// a stray comma).
fn mean_confidence(words: &[tesseract::TsvWord]) -> f32 {
    let (sum, n) = words.iter().fold((0.0f32, 0usize), |(s, n), w| {
        let len = w.text.chars().count();
        (s + w.confidence * len as f32, n + len)
    });
    if n == 0 { 0.0 } else { sum / n as f32 }
}
