//! Getting an image ready for the recognizer, only where it pays: decoded here (so that a
//! hostile file meets a memory-safe decoder with limits, not tesseract's), made grey, and
//! enlarged when its text is small (tesseract reads best with letters about 30 pixels high;
//! on the 14-pixel render of the test suite, enlarging turned 3 unreadable names of 15 into
//! none).
//! Straightened when its lines are tilted by half a degree or more (projection profiles): the
//! test suite's render tilted 4 degrees lost its first line to tesseract until it was. No
//! contrast stretching: tesseract binarises by itself, and the dim render read as well.

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

/// The tilt of the text lines, in degrees (positive when they rise to the right), within
/// 8 degrees either way: the angle at which the rows of dark pixels, projected, are sharpest
/// (the largest sum of squared row counts). Measured on a copy at most 1,000 pixels wide.
pub(crate) fn skew(grey: &GrayImage) -> f32 {
    let small = if grey.width() > 1000 {
        let h = (u64::from(grey.height()) * 1000 / u64::from(grey.width())).max(1) as u32;
        image::imageops::resize(grey, 1000, h, image::imageops::FilterType::Triangle)
    } else {
        grey.clone()
    };
    let threshold = otsu(&small);
    let dark: Vec<(f32, f32)> = small
        .enumerate_pixels()
        .filter(|(_, _, p)| p.0[0] < threshold)
        .map(|(x, y, _)| (x as f32, y as f32))
        .collect();
    // Too little ink, or a page that is mostly ink: nothing to measure.
    let total = u64::from(small.width()) * u64::from(small.height());
    if dark.len() < 200 || dark.len() as u64 > total / 2 {
        return 0.0;
    }
    let sharpness = |degrees: f32| -> f64 {
        let (sin, cos) = degrees.to_radians().sin_cos();
        let rows = (small.width() + small.height()) as usize * 2;
        let mut bins = vec![0u32; rows];
        for &(x, y) in &dark {
            let r = y * cos + x * sin + small.width() as f32;
            if let Some(b) = bins.get_mut(r.max(0.0) as usize) {
                *b += 1;
            }
        }
        bins.iter().map(|&b| f64::from(b) * f64::from(b)).sum()
    };
    let best = |from: f32, to: f32, step: f32| -> f32 {
        let mut best = (0.0f32, f64::MIN);
        let mut a = from;
        while a <= to + 1e-4 {
            let s = sharpness(a);
            if s > best.1 {
                best = (a, s);
            }
            a += step;
        }
        best.0
    };
    let coarse = best(-8.0, 8.0, 0.5);
    let fine = best(coarse - 0.5, coarse + 0.5, 0.1);
    // Only a clear gain over reading it as it is.
    if sharpness(fine) > sharpness(0.0) * 1.05 {
        fine
    } else {
        0.0
    }
}

/// `grey` turned by `degrees` about its centre (lines tilted by `t` come out tilted by
/// `t + degrees`: `rotate(g, -skew(g))` straightens), enlarged to hold all of it, the corners
/// filled with the paper's grey (bilinear).
pub(crate) fn rotate(grey: &GrayImage, degrees: f32) -> GrayImage {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (w, h) = (grey.width() as f32, grey.height() as f32);
    let nw = (w * cos.abs() + h * sin.abs()).ceil() as u32;
    let nh = (w * sin.abs() + h * cos.abs()).ceil() as u32;
    let paper = paper(grey);
    let (cx, cy, ncx, ncy) = (w / 2.0, h / 2.0, nw as f32 / 2.0, nh as f32 / 2.0);
    GrayImage::from_fn(nw, nh, |x, y| {
        // The source point of this output pixel: the inverse rotation.
        let (dx, dy) = (x as f32 - ncx, y as f32 - ncy);
        let sx = dx * cos - dy * sin + cx;
        let sy = dx * sin + dy * cos + cy;
        image::Luma([bilinear(grey, sx, sy, paper)])
    })
}

/// A box `[left, top, width, height]` found in the image [`rotate`]d by `degrees` (of size
/// `rotated`), moved back onto the image as given (of size `original`): its centre turned
/// back, its size kept (the angles are small).
pub(crate) fn unrotate_box(
    bbox: [f32; 4],
    degrees: f32,
    rotated: (u32, u32),
    original: (u32, u32),
) -> [f32; 4] {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (bbox[0] + bbox[2] / 2.0, bbox[1] + bbox[3] / 2.0);
    let (dx, dy) = (cx - rotated.0 as f32 / 2.0, cy - rotated.1 as f32 / 2.0);
    let sx = dx * cos - dy * sin + original.0 as f32 / 2.0;
    let sy = dx * sin + dy * cos + original.1 as f32 / 2.0;
    [sx - bbox[2] / 2.0, sy - bbox[3] / 2.0, bbox[2], bbox[3]]
}

fn bilinear(grey: &GrayImage, x: f32, y: f32, fill: u8) -> u8 {
    let (w, h) = (grey.width() as i64, grey.height() as i64);
    let (x0, y0) = (x.floor() as i64, y.floor() as i64);
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |xx: i64, yy: i64| -> f32 {
        if xx < 0 || yy < 0 || xx >= w || yy >= h {
            f32::from(fill)
        } else {
            f32::from(grey.get_pixel(xx as u32, yy as u32).0[0])
        }
    };
    let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
    let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
    (top * (1.0 - fy) + bottom * fy).round().clamp(0.0, 255.0) as u8
}

/// The grey at the 90th percentile: the paper, for filling corners.
fn paper(grey: &GrayImage) -> u8 {
    let mut hist = [0u64; 256];
    for p in grey.pixels() {
        hist[usize::from(p.0[0])] += 1;
    }
    let total: u64 = hist.iter().sum();
    let mut seen = 0;
    for (v, &n) in hist.iter().enumerate() {
        seen += n;
        if seen * 10 >= total * 9 {
            return u8::try_from(v).unwrap_or(255);
        }
    }
    255
}

/// Otsu's threshold: the grey that best splits the histogram into ink and paper.
fn otsu(grey: &GrayImage) -> u8 {
    let mut hist = [0u64; 256];
    for p in grey.pixels() {
        hist[usize::from(p.0[0])] += 1;
    }
    let total: u64 = hist.iter().sum();
    let sum: f64 = hist
        .iter()
        .enumerate()
        .map(|(v, &n)| v as f64 * n as f64)
        .sum();
    let (mut w0, mut sum0, mut best, mut at) = (0u64, 0f64, 0f64, 0u8);
    for (v, &n) in hist.iter().enumerate() {
        w0 += n;
        if w0 == 0 || w0 == total {
            continue;
        }
        sum0 += v as f64 * n as f64;
        let w1 = total - w0;
        let (m0, m1) = (sum0 / w0 as f64, (sum - sum0) / w1 as f64);
        let between = w0 as f64 * w1 as f64 * (m0 - m1) * (m0 - m1);
        if between > best {
            best = between;
            at = u8::try_from(v).unwrap_or(255);
        }
    }
    at.saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Black bars like lines of text, tilted by `degrees`.
    fn lines(degrees: f32) -> GrayImage {
        let straight = GrayImage::from_fn(600, 300, |_, y| {
            image::Luma([if (y / 12) % 3 == 1 { 20 } else { 240 }])
        });
        rotate(&straight, degrees)
    }

    #[test]
    fn a_tilt_is_measured_and_undone() {
        assert!(skew(&lines(0.0)).abs() < 0.15);
        let tilt = skew(&lines(4.0));
        assert!((tilt - 4.0).abs() < 0.3, "{tilt}");
        assert!((skew(&lines(-2.5)) + 2.5).abs() < 0.3);
        let back = rotate(&lines(4.0), -tilt);
        assert!(skew(&back).abs() < 0.3, "{}", skew(&back));
        // A box found after turning maps back to where it was.
        let b = unrotate_box([290.0, 140.0, 20.0, 20.0], 0.0, (600, 300), (600, 300));
        assert_eq!(b, [290.0, 140.0, 20.0, 20.0]);
    }

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
