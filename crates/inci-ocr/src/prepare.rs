//! Getting an image ready for the recognizer, only where it pays: decoded here (so that a
//! hostile file meets a memory-safe decoder with limits, not tesseract's), made grey, and
//! enlarged when its text is small (tesseract reads best with letters about 30 pixels high;
//! on the 14-pixel render of the test suite, enlarging turned 4 misread names of 15 into 0).
//! Deskewing and contrast stretching are not done: tesseract's own layout analysis read the
//! 2-degree rotated, blurred render as well as the straight one, and binarises by itself.

use crate::Error;
use crate::kind::ImageFormat;
use image::{DynamicImage, GrayImage, ImageDecoder, ImageReader};
use std::io::Cursor;

/// Largest image read, in pixels (a 48-megapixel phone photo is 8000 x 6000).
pub const MAX_PIXELS: u64 = 50_000_000;

/// Most memory the decoder may take, in bytes.
const MAX_ALLOC: u64 = 1 << 30;

/// An image decoded and made grey.
pub(crate) struct Prepared {
    pub grey: GrayImage,
    /// Its size as given.
    pub width: u32,
    /// Its size as given.
    pub height: u32,
    /// What was done (`grey`).
    pub steps: Vec<String>,
}

/// Decodes `bytes` (of `format`) within [`MAX_PIXELS`] and makes it grey.
pub(crate) fn decode(bytes: &[u8], format: ImageFormat) -> Result<Prepared, Error> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let decoder = reader
        .into_decoder()
        .map_err(|e| Error::Image(format!("not a readable {}: {e}", format.name())))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::Image(format!(
            "{width} x {height} pixels is over the {MAX_PIXELS}-pixel limit: crop it to the ingredient panel"
        )));
    }
    let colour = decoder.color_type().has_color();
    let image = DynamicImage::from_decoder(decoder)
        .map_err(|e| Error::Image(format!("not a readable {}: {e}", format.name())))?;
    let mut steps = Vec::new();
    if colour {
        steps.push("grey".to_owned());
    }
    Ok(Prepared {
        grey: image.to_luma8(),
        width,
        height,
        steps,
    })
}

/// `grey` enlarged by `scale` (bicubic), as PNG bytes; `scale` 1 encodes it as it is.
pub(crate) fn png(grey: &GrayImage, scale: f32) -> Result<Vec<u8>, Error> {
    let image = if scale > 1.0 {
        let w = (grey.width() as f32 * scale).round() as u32;
        let h = (grey.height() as f32 * scale).round() as u32;
        image::imageops::resize(grey, w, h, image::imageops::FilterType::CatmullRom)
    } else {
        grey.clone()
    };
    let mut out = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| Error::Image(format!("could not be prepared: {e}")))?;
    Ok(out)
}

/// The enlargement that brings text of `height` pixels (the median word box height) to
/// about 32 pixels: `None` when it is already 22 or more, and at most 4 times, within
/// [`MAX_PIXELS`].
pub(crate) fn enlargement(height: f32, width: u32, image_height: u32) -> Option<f32> {
    if !(1.0..22.0).contains(&height) {
        return None;
    }
    let mut scale = (32.0 / height).clamp(1.5, 4.0);
    let pixels = |s: f32| f64::from(width) * f64::from(image_height) * f64::from(s * s);
    while pixels(scale) > MAX_PIXELS as f64 && scale > 1.2 {
        scale -= 0.25;
    }
    (scale > 1.2).then_some(scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_text_is_enlarged_within_limits() {
        assert_eq!(enlargement(30.0, 1000, 300), None);
        assert_eq!(enlargement(16.0, 1000, 300), Some(2.0));
        assert_eq!(enlargement(4.0, 1000, 300), Some(4.0));
        assert_eq!(enlargement(0.0, 1000, 300), None);
        assert!(enlargement(10.0, 7000, 7000).is_none_or(|s| s * s * 49e6 <= 50e6));
    }

    #[test]
    fn bad_bytes_are_an_error_not_a_panic() {
        for bytes in [
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            &[0xFF, 0xD8, 0xFF, 0, 0, 0],
            b"",
        ] {
            assert!(decode(bytes, ImageFormat::Png).is_err());
            assert!(decode(bytes, ImageFormat::Jpeg).is_err());
        }
    }
}
