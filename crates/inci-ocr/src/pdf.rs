//! PDF artwork: the text it carries, in reading order with each word's page and box (poppler's
//! `pdftotext -bbox-layout`), or, when it carries none (fonts outlined to vectors, a scan),
//! its pages rendered (`pdftoppm`, 300 dpi) and read by OCR, which the document says.

use crate::document::{Builder, Origin, RawWord};
use crate::run::run;
use crate::{Error, Lang};
use regex::Regex;
use std::process::Command;
use std::sync::LazyLock;

const INSTALL: &str = "install poppler's tools (Debian and Ubuntu: apt install poppler-utils; macOS: brew install poppler)";

/// Pages rendered for OCR at most: artwork has one to a few; a longer PDF is read to here and
/// the document says so.
pub const MAX_OCR_PAGES: u32 = 20;

/// Resolution pages are rendered at for OCR.
pub const OCR_DPI: u32 = 300;

/// The text of the PDF in `bytes`, or its pages by OCR when it has none.
pub(crate) fn read(bytes: &[u8], langs: &[Lang], explicit: bool) -> Result<crate::Document, Error> {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("artwork.pdf");
    std::fs::write(&input, bytes)?;
    let out = run(
        "pdftotext",
        INSTALL,
        Command::new("pdftotext")
            .arg("-bbox-layout")
            .arg("-enc")
            .arg("UTF-8")
            .arg(&input)
            .arg("-"),
    )?;
    let xhtml = String::from_utf8_lossy(&out.stdout);
    let (mut builder, pages, words) = parse_bbox(&xhtml);
    if words > 0 {
        let version = tool_version("pdftotext");
        let _ = &mut builder;
        return Ok(builder.finish(Origin::PdfText {
            pages,
            engine: version,
        }));
    }
    // No text: render the pages and read them.
    let engine = crate::tesseract::Engine::find()?;
    let langs = engine.languages(langs, explicit)?;
    run(
        "pdftoppm",
        INSTALL,
        Command::new("pdftoppm")
            .args([
                "-r",
                &OCR_DPI.to_string(),
                "-gray",
                "-png",
                "-l",
                &MAX_OCR_PAGES.to_string(),
            ])
            .arg(&input)
            .arg(dir.path().join("page")),
    )?;
    let mut rendered: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("page") && n.ends_with(".png"))
        })
        .collect();
    rendered.sort();
    let mut b = Builder::new();
    let (mut width, mut height) = (0, 0);
    let mut steps = Vec::new();
    for (k, path) in rendered.iter().enumerate() {
        let png = std::fs::read(path)?;
        let page = u32::try_from(k + 1).unwrap_or(u32::MAX);
        let prepared = crate::prepare::decode(&png, crate::kind::ImageFormat::Png)?;
        let read = crate::recognize(&engine, &langs, explicit, prepared)?;
        if k == 0 {
            (width, height, steps) = (read.width, read.height, read.steps.clone());
        }
        crate::tesseract::append_page(&mut b, page, &read.words);
    }
    let mut note = format!(
        "the PDF has no text (outlined or scanned): its {} page{} were rendered at {OCR_DPI} dpi and read by OCR",
        rendered.len(),
        if rendered.len() == 1 { "" } else { "s" }
    );
    if pages > MAX_OCR_PAGES {
        note.push_str(&format!(" (the first {MAX_OCR_PAGES} of {pages})"));
    }
    Ok(b.finish(Origin::Ocr {
        kind: crate::Kind::Pdf,
        engine: engine.version.clone(),
        langs,
        width,
        height,
        prepared: steps,
        note: Some(note),
    }))
}

/// The first `max_pages` pages of the PDF in `bytes` as PNG images at `dpi` (for showing the
/// artwork with its items outlined).
pub fn render(bytes: &[u8], dpi: u32, max_pages: u32) -> Result<Vec<Vec<u8>>, Error> {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("artwork.pdf");
    std::fs::write(&input, bytes)?;
    run(
        "pdftoppm",
        INSTALL,
        Command::new("pdftoppm")
            .args(["-r", &dpi.to_string(), "-png", "-l", &max_pages.to_string()])
            .arg(&input)
            .arg(dir.path().join("page")),
    )?;
    let mut pages: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    pages.iter().map(|p| Ok(std::fs::read(p)?)).collect()
}

/// The words of `pdftotext -bbox-layout`'s XHTML: a builder holding them a line per line and
/// a blank line between blocks and pages, the number of pages, and the number of words.
fn parse_bbox(xhtml: &str) -> (Builder, u32, usize) {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"<page(?-u:\b)[^>]*>|</page>|</block>|<line(?-u:\b)[^>]*>|</line>|<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>"#,
        )
        .expect("a valid pattern")
    });
    let mut b = Builder::new();
    let (mut page, mut line_no, mut count) = (0u32, 0u32, 0usize);
    let mut words: Vec<(String, [f32; 4])> = Vec::new();
    for m in TAG.captures_iter(xhtml) {
        let tag = m.get(0).map_or("", |t| t.as_str());
        if tag.starts_with("<page") {
            page += 1;
            line_no = 0;
        } else if tag == "</page>" || tag == "</block>" {
            b.gap();
        } else if tag.starts_with("<line") {
            words.clear();
        } else if tag == "</line>" {
            line_no += 1;
            let raw: Vec<RawWord<'_>> = words
                .iter()
                .map(|(text, bbox)| RawWord {
                    text,
                    bbox: *bbox,
                    confidence: None,
                    space_before: true,
                })
                .collect();
            count += raw.len();
            b.line(page.max(1), line_no, &raw);
        } else {
            let f = |k: usize| {
                m.get(k)
                    .and_then(|v| v.as_str().parse::<f32>().ok())
                    .unwrap_or(0.0)
            };
            let (x0, y0, x1, y1) = (f(1), f(2), f(3), f(4));
            let text = unescape(m.get(5).map_or("", |t| t.as_str()));
            words.push((text, [x0, y0, x1 - x0, y1 - y0]));
        }
    }
    (b, page, count)
}

/// XHTML's five entities and numeric references.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);").expect("a valid pattern")
    });
    ENTITY
        .replace_all(s, |c: &regex::Captures<'_>| {
            let name = c.get(1).map_or("", |m| m.as_str());
            match name {
                "amp" => "&".to_owned(),
                "lt" => "<".to_owned(),
                "gt" => ">".to_owned(),
                "quot" => "\"".to_owned(),
                "apos" => "'".to_owned(),
                n => {
                    let code = n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()));
                    code.and_then(char::from_u32)
                        .map_or_else(String::new, String::from)
                }
            }
        })
        .into_owned()
}

/// `pdftotext 22.12.0`, or the bare name when it does not say.
fn tool_version(tool: &'static str) -> String {
    run(tool, INSTALL, Command::new(tool).arg("-v"))
        .ok()
        .and_then(|o| {
            let text = format!("{}\n{}", String::from_utf8_lossy(&o.stdout), o.stderr);
            text.lines().find_map(|l| {
                l.split("version ")
                    .nth(1)
                    .map(|v| format!("{tool} {}", v.trim()))
            })
        })
        .unwrap_or_else(|| tool.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_xhtml_gives_lines_pages_and_boxes() {
        let xhtml = r#"<doc><page width="297" height="419"><flow><block><line>
            <word xMin="30" yMin="47.5" xMax="71.5" yMax="63.5">Stem</word>
            <word xMin="76" yMin="47.5" xMax="106" yMax="63.5">Cell</word></line></block></flow></page>
            <page width="297" height="419"><flow><block>
            <line><word xMin="30" yMin="34" xMax="72" yMax="41">Ingredients:</word><word xMin="74" yMin="34" xMax="90" yMax="41">Aqua,</word></line>
            <line><word xMin="30" yMin="44" xMax="72" yMax="51">Glycerin&amp;Co</word></line>
            </block></flow></page></doc>"#;
        let (b, pages, words) = parse_bbox(xhtml);
        let doc = b.finish(Origin::PdfText {
            pages,
            engine: "t".into(),
        });
        assert_eq!((pages, words), (2, 5));
        assert_eq!(doc.text, "Stem Cell\n\nIngredients: Aqua,\nGlycerin&Co");
        assert_eq!(doc.place(3), Some(crate::Place { page: 2, line: 1 }));
        assert_eq!(doc.place(4), Some(crate::Place { page: 2, line: 2 }));
        assert_eq!(doc.words[0].bbox, [30.0, 47.5, 41.5, 16.0]);
        assert_eq!(unescape("a&#233;&#x41;&lt;"), "aéA<");
    }
}
