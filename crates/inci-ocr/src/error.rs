//! Why a photo or a PDF could not be read, in words that say what to do.

use std::fmt;

/// An error reading an image or a PDF.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A program inci runs is not installed.
    MissingTool {
        /// `tesseract`, `pdftotext`.
        tool: &'static str,
        /// How to install it.
        install: &'static str,
    },
    /// Tesseract has no trained data for a language asked for.
    MissingLanguage {
        /// The language.
        lang: crate::Lang,
    },
    /// A program ran and failed.
    ToolFailed {
        /// Which.
        tool: &'static str,
        /// Its exit status, or why it did not finish.
        status: String,
        /// The end of what it printed on standard error.
        stderr: String,
    },
    /// The image could not be decoded, or is too large to read.
    Image(String),
    /// Running a program or using a temporary file failed.
    Io(std::io::Error),
    /// The input is text: nothing to recognize.
    NotADocument,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::MissingTool { tool, install } => {
                write!(
                    f,
                    "{tool} is not installed, and photos and PDFs need it: {install}"
                )
            }
            Error::MissingLanguage { lang } => write!(
                f,
                "tesseract has no trained data for {} (`{}`): install {} (apt install {}), or choose other languages with --lang",
                lang.english(),
                lang.code(),
                lang.package(),
                lang.package()
            ),
            Error::ToolFailed {
                tool,
                status,
                stderr,
            } => {
                write!(f, "{tool} failed ({status})")?;
                if !stderr.trim().is_empty() {
                    write!(f, ": {}", stderr.trim())?;
                }
                Ok(())
            }
            Error::Image(why) => write!(f, "the image cannot be read: {why}"),
            Error::Io(e) => write!(f, "{e}"),
            Error::NotADocument => write!(f, "the input is text, not an image or a PDF"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}
