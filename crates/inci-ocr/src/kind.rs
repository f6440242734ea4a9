//! What an input is, told from its first bytes, never from its name: a photo saved as
//! `label.txt` is still a photo, and a text file named `panel.png` is still text.

use serde::Serialize;

/// The kinds of input inci reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Text (UTF-8 or not: the text reader says which byte is wrong).
    Text,
    /// A raster image: recognized with OCR.
    Image(ImageFormat),
    /// A PDF document (packaging artwork): its text, or OCR of its pages when it has none.
    Pdf,
}

/// Raster formats recognized by their signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageFormat {
    /// `\x89PNG\r\n\x1a\n`.
    Png,
    /// `FF D8 FF`.
    Jpeg,
    /// `RIFF....WEBP`.
    Webp,
    /// `II*\0` or `MM\0*`.
    Tiff,
    /// `BM`.
    Bmp,
    /// `GIF87a` or `GIF89a`.
    Gif,
}

impl ImageFormat {
    /// The format's usual name (`PNG`).
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Webp => "WebP",
            ImageFormat::Tiff => "TIFF",
            ImageFormat::Bmp => "BMP",
            ImageFormat::Gif => "GIF",
        }
    }

    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            ImageFormat::Png => image::ImageFormat::Png,
            ImageFormat::Jpeg => image::ImageFormat::Jpeg,
            ImageFormat::Webp => image::ImageFormat::WebP,
            ImageFormat::Tiff => image::ImageFormat::Tiff,
            ImageFormat::Bmp => image::ImageFormat::Bmp,
            ImageFormat::Gif => image::ImageFormat::Gif,
        }
    }
}

impl Kind {
    /// The kind of `bytes`, from their signature. A PDF may have a little junk before
    /// `%PDF-` (the specification allows it within the first 1,024 bytes); anything that is
    /// no known signature is text.
    pub fn detect(bytes: &[u8]) -> Kind {
        let starts = |sig: &[u8]| bytes.starts_with(sig);
        if starts(b"\x89PNG\r\n\x1a\n") {
            Kind::Image(ImageFormat::Png)
        } else if starts(&[0xFF, 0xD8, 0xFF]) {
            Kind::Image(ImageFormat::Jpeg)
        } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            Kind::Image(ImageFormat::Webp)
        } else if starts(b"II*\0") || starts(b"MM\0*") {
            Kind::Image(ImageFormat::Tiff)
        } else if starts(b"GIF87a") || starts(b"GIF89a") {
            Kind::Image(ImageFormat::Gif)
        } else if starts(b"BM") && bmp_header(bytes) {
            Kind::Image(ImageFormat::Bmp)
        } else if bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
        {
            Kind::Pdf
        } else {
            Kind::Text
        }
    }

    /// Whether this kind needs recognition (an image, or a PDF) rather than reading as text.
    pub fn is_document(self) -> bool {
        !matches!(self, Kind::Text)
    }

    /// For people: `text`, `PNG image`, `PDF`.
    pub fn words(self) -> String {
        match self {
            Kind::Text => "text".to_owned(),
            Kind::Image(f) => format!("{} image", f.name()),
            Kind::Pdf => "PDF".to_owned(),
        }
    }
}

/// `BM` is also how text may start (`BMW ...`, `BM-10`): a real BMP header has four reserved
/// zero bytes at 6..10 and one of the DIB header sizes (12 to 124) at 14..18.
fn bmp_header(bytes: &[u8]) -> bool {
    let word = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_le_bytes)
    };
    word(6) == Some(0) && word(14).is_some_and(|n| [12, 40, 52, 56, 64, 108, 124].contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_bytes() {
        assert_eq!(
            Kind::detect(b"\x89PNG\r\n\x1a\n...."),
            Kind::Image(ImageFormat::Png)
        );
        assert_eq!(
            Kind::detect(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Kind::Image(ImageFormat::Jpeg)
        );
        assert_eq!(
            Kind::detect(b"RIFF\x10\0\0\0WEBPVP8 "),
            Kind::Image(ImageFormat::Webp)
        );
        assert_eq!(Kind::detect(b"%PDF-1.7\n"), Kind::Pdf);
        assert_eq!(Kind::detect(b"\xEF\xBB\xBF%PDF-1.4"), Kind::Pdf);
        assert_eq!(Kind::detect(b"Ingredients: Aqua"), Kind::Text);
        assert_eq!(Kind::detect(b"BMW Edition: Aqua, Glycerin"), Kind::Text);
        assert_eq!(Kind::detect(b"RIFF"), Kind::Text);
        assert_eq!(Kind::detect(b""), Kind::Text);
        assert_eq!(Kind::detect(b"GIF89a\x01\0"), Kind::Image(ImageFormat::Gif));
    }
}
