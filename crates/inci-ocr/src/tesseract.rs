//! The system's tesseract, run as a program: found once, asked for its version and installed
//! languages, then given one prepared image at a time; its TSV output is every word with its
//! box and confidence.

use crate::document::{Builder, RawWord};
use crate::run::run;
use crate::{Error, Lang};
use std::process::Command;
use std::sync::OnceLock;

const INSTALL: &str = "install tesseract 5 with the languages you need (Debian and Ubuntu: apt install tesseract-ocr tesseract-ocr-eng; macOS: brew install tesseract tesseract-lang), or point INCI_TESSERACT at it";

/// The tesseract found on this machine.
#[derive(Debug, Clone)]
pub struct Engine {
    program: String,
    /// `tesseract 5.3.0`.
    pub version: String,
    /// The languages it has trained data for.
    pub installed: Vec<Lang>,
}

impl Engine {
    /// Tesseract as `INCI_TESSERACT` names it, else `tesseract` on the path; asked once per
    /// process.
    pub fn find() -> Result<Engine, Error> {
        static FOUND: OnceLock<Engine> = OnceLock::new();
        if let Some(e) = FOUND.get() {
            return Ok(e.clone());
        }
        let program = std::env::var("INCI_TESSERACT").unwrap_or_else(|_| "tesseract".to_owned());
        let out = run(
            "tesseract",
            INSTALL,
            Command::new(&program).arg("--version"),
        )?;
        // Tesseract 5 prints its version on standard output, 4 on standard error.
        let text = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), out.stderr);
        let version = text
            .lines()
            .find(|l| l.starts_with("tesseract "))
            .unwrap_or("tesseract (version unknown)")
            .trim()
            .to_owned();
        let out = run(
            "tesseract",
            INSTALL,
            Command::new(&program).arg("--list-langs"),
        )?;
        let list = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), out.stderr);
        let installed = Lang::ALL
            .into_iter()
            .filter(|l| list.lines().any(|line| line.trim() == l.code()))
            .collect();
        Ok(FOUND
            .get_or_init(|| Engine {
                program,
                version,
                installed,
            })
            .clone())
    }

    /// The languages of `wanted` it can read: all of them when `explicit` (the user chose
    /// them) or an error naming the first missing one; otherwise those installed, English
    /// first (defaults from the markets fall back quietly, and the report says which were
    /// used).
    pub fn languages(&self, wanted: &[Lang], explicit: bool) -> Result<Vec<Lang>, Error> {
        if explicit {
            if let Some(&lang) = wanted.iter().find(|l| !self.installed.contains(l)) {
                return Err(Error::MissingLanguage { lang });
            }
            return Ok(wanted.to_vec());
        }
        let usable: Vec<Lang> = wanted
            .iter()
            .copied()
            .filter(|l| self.installed.contains(l))
            .collect();
        if usable.is_empty() {
            return Err(Error::MissingLanguage {
                lang: wanted.first().copied().unwrap_or(Lang::Eng),
            });
        }
        Ok(usable)
    }

    /// Recognizes the image in `png` (a PNG file's bytes) with `langs`: every word with its
    /// place in the page's layout, box and confidence.
    pub fn recognize(&self, png: &[u8], langs: &[Lang]) -> Result<Vec<TsvWord>, Error> {
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("page.png");
        std::fs::write(&input, png)?;
        let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
        let out = run(
            "tesseract",
            INSTALL,
            Command::new(&self.program)
                .arg(&input)
                .arg("stdout")
                .args(["-l", &codes.join("+")])
                .arg("tsv")
                // One thread per image: tesseract's OpenMP threads cost a small image eight
                // times the time (0.25 s against 2 s on the test renders); batches run images
                // in parallel instead.
                .env("OMP_THREAD_LIMIT", "1"),
        )?;
        Ok(parse_tsv(&String::from_utf8_lossy(&out.stdout)))
    }
}

impl Engine {
    /// The script tesseract's orientation and script detection (`--psm 0`) finds in `png`,
    /// as the language that reads it: Korean, Japanese, Chinese (simplified); `None` for
    /// Latin or when it cannot tell (its own error included: detection is a hint).
    pub fn script(&self, png: &[u8]) -> Result<Option<Lang>, Error> {
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("page.png");
        std::fs::write(&input, png)?;
        let Ok(out) = run(
            "tesseract",
            INSTALL,
            Command::new(&self.program)
                .arg(&input)
                .arg("stdout")
                .args(["--psm", "0"])
                .env("OMP_THREAD_LIMIT", "1"),
        ) else {
            return Ok(None);
        };
        let text = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), out.stderr);
        let script = text
            .lines()
            .find_map(|l| l.strip_prefix("Script: "))
            .map(str::trim);
        Ok(match script {
            Some("Korean" | "Hangul") => Some(Lang::Kor),
            Some("Japanese" | "Katakana" | "Hiragana") => Some(Lang::Jpn),
            Some("Han") => Some(Lang::ChiSim),
            _ => None,
        })
    }
}

/// A word of tesseract's TSV output.
#[derive(Debug, Clone, PartialEq)]
pub struct TsvWord {
    /// Page, block, paragraph and line numbers, as tesseract counts them.
    pub layout: [u32; 4],
    /// `[left, top, width, height]` in pixels.
    pub bbox: [f32; 4],
    /// 0-100.
    pub confidence: f32,
    /// The word.
    pub text: String,
}

/// Parses tesseract's TSV (level 5 rows are words); rows that do not parse are skipped.
pub fn parse_tsv(tsv: &str) -> Vec<TsvWord> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.splitn(12, '\t').collect();
            if cols.len() < 12 || cols[0] != "5" {
                return None;
            }
            let n = |k: usize| cols[k].trim().parse::<u32>().ok();
            let f = |k: usize| cols[k].trim().parse::<f32>().ok();
            Some(TsvWord {
                layout: [n(1)?, n(2)?, n(3)?, n(4)?],
                bbox: [f(6)?, f(7)?, f(8)?, f(9)?],
                confidence: f(10)?,
                text: cols[11].trim().to_owned(),
            })
        })
        .filter(|w| !w.text.is_empty())
        .collect()
}

/// Whether `c` is written without spaces between words (Han, kana, Hangul syllables).
fn cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Appends the words of one page to `b`, a line per tesseract line and a blank line between
/// blocks. Lines are numbered on the page as recognized, blank lines not counted.
pub(crate) fn append_page(b: &mut Builder, page: u32, words: &[TsvWord]) {
    let mut line_no = 0u32;
    let mut k = 0;
    let mut last_block: Option<u32> = None;
    while k < words.len() {
        let layout = words[k].layout;
        let end = words[k..]
            .iter()
            .position(|w| w.layout != layout)
            .map_or(words.len(), |p| k + p);
        // A new block (a column, a panel) is set apart by a blank line; tesseract's paragraphs
        // inside a block are not: it starts one wherever a line is short, as in the middle of
        // a list (`Titanium Dioxide` / `(nano).`).
        if last_block.is_some_and(|p| p != layout[1]) {
            b.gap();
        }
        last_block = Some(layout[1]);
        line_no += 1;
        let line: Vec<RawWord<'_>> = words[k..end]
            .iter()
            .enumerate()
            .map(|(i, w)| {
                // CJK text has no spaces between its words: tesseract's own text output
                // joins them, unless the gap is wide.
                let space_before = i == 0 || {
                    let prev = &words[k + i - 1];
                    let joined = prev.text.chars().last().is_some_and(cjk)
                        && w.text
                            .chars()
                            .next()
                            .is_some_and(|c| cjk(c) || ",.;:)、，".contains(c));
                    let gap = w.bbox[0] - (prev.bbox[0] + prev.bbox[2]);
                    !joined || gap > 0.6 * w.bbox[3].max(prev.bbox[3])
                };
                RawWord {
                    text: &w.text,
                    bbox: w.bbox,
                    confidence: Some(w.confidence),
                    space_before,
                }
            })
            .collect();
        b.line(page, line_no, &line);
        k = end;
    }
    b.gap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_become_lines_and_paragraphs() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t1040\t286\t-1\t\n\
            5\t1\t1\t1\t1\t1\t23\t26\t194\t20\t93.09\tINGREDIENTS:\n\
            5\t1\t1\t1\t1\t2\t230\t26\t260\t24\t92.05\tAQUA,\n\
            5\t1\t1\t1\t2\t1\t23\t60\t120\t24\t41.5\tGLYCERN,\n\
            5\t1\t2\t1\t1\t1\t23\t120\t40\t24\t90\t정제\n\
            5\t1\t2\t1\t1\t2\t64\t120\t20\t24\t90\t수\n\
            5\t1\t2\t1\t1\t3\t85\t120\t8\t24\t90\t,\n\
            5\t1\t2\t1\t1\t4\t110\t120\t60\t24\t90\t향료\n\
            5\t1\t2\t1\t1\t5\tbad\t120\t60\t24\t90\tjunk\n";
        let words = parse_tsv(tsv);
        assert_eq!(words.len(), 7);
        let mut b = Builder::new();
        append_page(&mut b, 1, &words);
        let doc = b.finish(crate::document::Origin::PdfText {
            pages: 1,
            engine: "t".into(),
        });
        assert_eq!(doc.text, "INGREDIENTS: AQUA,\nGLYCERN,\n\n정제수, 향료");
        assert_eq!(doc.words[0].bbox, [23.0, 26.0, 194.0, 20.0]);
        assert_eq!(doc.place(2), Some(crate::Place { page: 1, line: 2 }));
        assert_eq!(doc.place(4), Some(crate::Place { page: 1, line: 3 }));
    }
}
