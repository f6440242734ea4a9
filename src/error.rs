//! Errors that stop a command, with the position or file they concern.

use std::fmt;
use std::path::PathBuf;

/// Why input could not be read.
#[derive(Debug)]
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
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Io { source, .. } => Some(source),
            InputError::Utf8 { .. } => None,
        }
    }
}

/// Decodes `bytes` as UTF-8, naming `origin` and the offset of the first bad byte on failure.
pub fn decode_utf8(bytes: Vec<u8>, origin: &str) -> Result<String, InputError> {
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
