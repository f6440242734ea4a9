//! Errors that stop a command, with the position or file they concern.

use std::fmt;
use std::path::PathBuf;

/// Why input could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum InputError {
    /// A file could not be opened or read.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The input is not UTF-8.
    Utf8 {
        /// Where it came from (a path, `<stdin>` or `<argument>`).
        origin: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// The invalid byte.
        byte: u8,
    },
    /// The input is larger than the limit for one label (`--max-input`).
    TooLarge {
        /// Where it came from.
        origin: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The input is binary (an archive, an executable), not text, a photo or a PDF.
    Binary {
        /// Where it came from.
        origin: String,
        /// Byte offset of the first NUL or control byte that gave it away.
        offset: usize,
    },
    /// A photo or PDF that could not be read.
    Document {
        /// Where it came from.
        origin: String,
        /// Why.
        error: inci_ocr::Error,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The system's reason is the error's `source`, which `{:#}` prints after this.
            InputError::Io { path, .. } => write!(f, "cannot read {}", path.display()),
            InputError::Utf8 {
                origin,
                offset,
                byte,
            } => write!(
                f,
                "{origin}: not valid UTF-8: byte 0x{byte:02X} at offset {offset} (re-save the file as UTF-8)"
            ),
            InputError::TooLarge { origin, limit } => write!(
                f,
                "{origin} is over the {limit}-byte limit for one label (raise it with --max-input \
                 BYTES; a catalog of many labels is a job for inci batch)"
            ),
            InputError::Binary { origin, offset } => write!(
                f,
                "{origin}: binary data, not a label (control byte at offset {offset}); give a text file, a photo (PNG, JPEG, WebP, TIFF, BMP, GIF) or a PDF"
            ),
            InputError::Document { origin, error } => write!(f, "{origin}: {error}"),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Io { source, .. } => Some(source),
            InputError::Utf8 { .. }
            | InputError::Binary { .. }
            | InputError::TooLarge { .. }
            | InputError::Document { .. } => None,
        }
    }
}

/// Refuses binary data as [`decode_utf8`] does (a NUL byte anywhere, another control byte in
/// the first 8 KiB), without copying it: for text already decoded, as a web request's body.
pub fn refuse_binary(bytes: &[u8], origin: &str) -> Result<(), InputError> {
    let head = &bytes[..bytes.len().min(8192)];
    let control = |b: &u8| *b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r' | 0x0C);
    let nul = bytes.iter().position(|&b| b == 0);
    let first = match (head.iter().position(control), nul) {
        (Some(c), Some(n)) => Some(c.min(n)),
        (c, n) => c.or(n),
    };
    match first {
        Some(offset) => Err(InputError::Binary {
            origin: origin.to_owned(),
            offset,
        }),
        None => Ok(()),
    }
}

/// Decodes `bytes` as UTF-8, naming `origin` and the offset of the first bad byte on failure.
/// Binary input (a NUL byte, or a control byte other than tab, line feed, carriage return and
/// form feed in the first 8 KiB, as archives and images have) is refused too.
pub fn decode_utf8(bytes: Vec<u8>, origin: &str) -> Result<String, InputError> {
    refuse_binary(&bytes, origin)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(offset).copied().unwrap_or(0);
        InputError::Utf8 {
            origin: origin.to_owned(),
            offset,
            byte,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_input_is_refused_with_its_offset() {
        let zip = b"PK\x03\x04\x14\x00\x00\x00".to_vec();
        let e = decode_utf8(zip, "a.zip").expect_err("binary");
        assert_eq!(
            e.to_string(),
            "a.zip: binary data, not a label (control byte at offset 2); give a text file, a photo (PNG, JPEG, WebP, TIFF, BMP, GIF) or a PDF"
        );
        assert!(decode_utf8(b"Aqua,\tGlycerin\r\n".to_vec(), "x").is_ok());
    }
}
