//! `inci scan photo.jpg --outline out.svg`: the photo (or the PDF's pages) with every
//! ingredient outlined, coloured by its worst finding and dashed where the recognizer was
//! unsure, each box titled with its name, finding and confidence. An SVG: any browser opens
//! it, and it carries the image inside, so it is one file.

use inci::ScanReport;
use inci_ocr::{Document, Kind, Origin, Reading};
use std::fmt::Write as _;

/// Resolution PDF pages are drawn at.
const PDF_DPI: u32 = 100;

/// The outline SVG of `document`, read from the file whose bytes are `bytes`.
pub fn svg(
    bytes: &[u8],
    document: &Document,
    report: &ScanReport,
    reading: &Reading<'_>,
) -> anyhow::Result<String> {
    // Each page: its image (as a data URI), size in pixels, and the factor from the
    // document's box units to those pixels.
    let pages: Vec<(String, u32, u32, f32)> = match (Kind::detect(bytes), &document.origin) {
        (Kind::Image(format), Origin::Ocr { width, height, .. }) => {
            let mime = match format {
                inci_ocr::ImageFormat::Png => "image/png",
                inci_ocr::ImageFormat::Jpeg => "image/jpeg",
                inci_ocr::ImageFormat::Webp => "image/webp",
                inci_ocr::ImageFormat::Tiff => "image/tiff",
                inci_ocr::ImageFormat::Bmp => "image/bmp",
                inci_ocr::ImageFormat::Gif => "image/gif",
            };
            vec![(data_uri(mime, bytes), *width, *height, 1.0)]
        }
        (Kind::Pdf, origin) => {
            // Boxes are in points (text) or in pixels of the 300-dpi render (OCR).
            let unit = match origin {
                Origin::PdfText { .. } => 72.0,
                Origin::Ocr { .. } => inci_ocr::pdf::OCR_DPI as f32,
            };
            inci_ocr::pdf::render(bytes, PDF_DPI, inci_ocr::pdf::MAX_OCR_PAGES)?
                .into_iter()
                .map(|png| {
                    let (w, h) = png_size(&png);
                    (data_uri("image/png", &png), w, h, PDF_DPI as f32 / unit)
                })
                .collect()
        }
        _ => anyhow::bail!("--outline needs a photo or a PDF file as input"),
    };
    let worst = worst_findings(report);
    let width = pages.iter().map(|p| p.1).max().unwrap_or(0);
    let height: u32 = pages.iter().map(|p| p.2).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&reading.source));
    let mut top = 0u32;
    for (k, (uri, w, h, factor)) in pages.iter().enumerate() {
        let page = u32::try_from(k + 1).unwrap_or(u32::MAX);
        let _ = writeln!(
            out,
            r#"<g transform="translate(0 {top})"><image href="{uri}" width="{w}" height="{h}"/>"#
        );
        for item in reading.items.iter().filter(|i| i.evidence.page == page) {
            let Some(ing) = report.ingredients.get(item.ingredient) else {
                continue;
            };
            let (colour, what) = match worst.get(item.ingredient).and_then(|f| *f) {
                Some(f) => (
                    colour(f.severity),
                    format!("{} {}", f.severity.as_str(), f.code),
                ),
                None if ing.name.is_none() => ("#8a1c23", "unknown name".to_owned()),
                None => ("#1b7f3b", "no finding".to_owned()),
            };
            let [x, y, bw, bh] = item.evidence.bbox.map(|v| v * factor);
            let dash = if item.evidence.check {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let confidence = item
                .evidence
                .confidence
                .map(|c| {
                    format!(
                        "; confidence {c:.0}{}",
                        if item.evidence.check {
                            ": check against the pack"
                        } else {
                            ""
                        }
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{colour}" stroke-width="3"{dash}><title>#{} {}: {}{}</title></rect>"#,
                x - 2.0,
                y - 2.0,
                bw + 4.0,
                bh + 4.0,
                item.ingredient + 1,
                escape(ing.name.unwrap_or(ing.raw.trim())),
                escape(&what),
                escape(&confidence)
            );
        }
        out.push_str("</g>\n");
        top += h;
    }
    out.push_str("</svg>\n");
    Ok(out)
}

/// Each ingredient's worst finding above information.
fn worst_findings(report: &ScanReport) -> Vec<Option<&inci::risk::Finding>> {
    let mut worst: Vec<Option<&inci::risk::Finding>> = vec![None; report.ingredients.len()];
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity > inci::risk::Severity::Info)
    {
        for &i in &f.ingredients {
            if let Some(slot) = worst.get_mut(i)
                && slot.is_none_or(|w| f.severity > w.severity)
            {
                *slot = Some(f);
            }
        }
    }
    worst
}

fn colour(severity: inci::risk::Severity) -> &'static str {
    match severity {
        inci::risk::Severity::High => "#c4161c",
        inci::risk::Severity::Moderate => "#d97a00",
        _ => "#0b5cad",
    }
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    let word = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_be_bytes)
    };
    (word(16), word(20))
}

fn data_uri(mime: &str, bytes: &[u8]) -> String {
    format!("data:{mime};base64,{}", base64(bytes))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_pads() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
