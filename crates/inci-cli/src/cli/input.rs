//! Where label text comes from: an argument, a file, or standard input.

use crate::error::{InputError, decode_utf8};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default `--max-input`: 16 MiB, far above any real label or pack text (a few KB), and about
/// 1.1 GB of memory at the measured 70 bytes per byte of label.
pub const DEFAULT_MAX_INPUT: u64 = 16 << 20;

/// A source of label text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The text itself, given on the command line.
    Text(String),
    /// A file to read.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Source {
    /// Decides what a positional argument means: `-` is standard input, an existing file is
    /// read, a word that looks like a file name (`label.txt`, no comma) but does not exist is an
    /// error, and anything else is label text.
    pub fn from_arg(arg: &str) -> Result<Source, InputError> {
        if arg == "-" {
            return Ok(Source::Stdin);
        }
        let path = Path::new(arg);
        // A file, or a pipe such as `<(echo Aqua)`, is read; a directory is an error, not text.
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(InputError::Io {
                    path: path.to_owned(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "is a directory (give a file, text, or - for standard input)",
                    ),
                });
            }
            return Ok(Source::File(path.to_owned()));
        }
        if looks_like_file_name(arg) {
            return Err(InputError::Io {
                path: path.to_owned(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such file (to scan it as text, add a comma)",
                ),
            });
        }
        Ok(Source::Text(arg.to_owned()))
    }

    /// Reads the whole text, checking it is UTF-8 and at most `max` bytes: one label's work
    /// and memory grow with its size (about 70 bytes of memory per byte of label), so a
    /// 100 MB file is refused with a clear error instead of exhausting memory. A photo or a
    /// PDF is refused as binary: [`Source::read_label`] reads those.
    pub fn read(&self, max: u64) -> Result<String, InputError> {
        Ok(self.read_label(max, None)?.into_text())
    }

    /// Reads a label: text as [`Source::read`] does, or, with `ocr` options, a photo or a PDF
    /// (told by its bytes) recognized into text, with the document it came from.
    pub fn read_label(
        &self,
        max: u64,
        ocr: Option<&inci_ocr::Options>,
    ) -> Result<Label, InputError> {
        if let Source::Text(t) = self {
            if t.len() as u64 > max {
                return Err(InputError::TooLarge {
                    origin: "the label text".into(),
                    limit: max,
                });
            }
            return Ok(Label::Text(t.clone()));
        }
        let (bytes, origin) = self.read_bytes(max)?;
        read_bytes_as_label(bytes, &origin, ocr)
    }

    /// The bytes of a file or of standard input, at most `max`, and what to call them.
    fn read_bytes(&self, max: u64) -> Result<(Vec<u8>, String), InputError> {
        let (mut reader, origin, path): (Box<dyn Read>, String, PathBuf) = match self {
            Source::Text(t) => {
                if t.len() as u64 > max {
                    return Err(InputError::TooLarge {
                        origin: "the label text".into(),
                        limit: max,
                    });
                }
                return Ok((t.clone().into_bytes(), "<argument>".into()));
            }
            Source::File(p) => (
                Box::new(std::fs::File::open(p).map_err(|source| InputError::Io {
                    path: p.clone(),
                    source,
                })?),
                p.display().to_string(),
                p.clone(),
            ),
            Source::Stdin => (
                Box::new(std::io::stdin()),
                "<stdin>".into(),
                PathBuf::from("<stdin>"),
            ),
        };
        let mut bytes = Vec::new();
        reader
            .by_ref()
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| InputError::Io { path, source })?;
        if bytes.len() as u64 > max {
            return Err(InputError::TooLarge { origin, limit: max });
        }
        Ok((bytes, origin))
    }
}

/// A label as read: text, or a photo or PDF recognized into text (the document, whose text
/// is the label, and the file's bytes, for drawing it).
#[derive(Debug)]
pub enum Label {
    /// Text as given.
    Text(String),
    /// A photo or a PDF.
    Document {
        /// What was recognized, with its evidence.
        document: inci_ocr::Document,
        /// The file as read.
        bytes: Vec<u8>,
    },
}

impl Label {
    /// The text to scan.
    pub fn text(&self) -> &str {
        match self {
            Label::Text(t) => t,
            Label::Document { document, .. } => &document.text,
        }
    }

    /// The text, owned.
    pub fn into_text(self) -> String {
        match self {
            Label::Text(t) => t,
            Label::Document { document, .. } => document.text,
        }
    }

    /// The photo or PDF, when the label was one.
    pub fn document(&self) -> Option<&inci_ocr::Document> {
        match self {
            Label::Text(_) => None,
            Label::Document { document, .. } => Some(document),
        }
    }
}

/// `bytes` (from `origin`) as a label: a photo or a PDF recognized with `ocr` (refused as
/// binary without it), else UTF-8 text.
pub fn read_bytes_as_label(
    bytes: Vec<u8>,
    origin: &str,
    ocr: Option<&inci_ocr::Options>,
) -> Result<Label, InputError> {
    if let Some(options) = ocr
        && inci_ocr::Kind::detect(&bytes).is_document()
    {
        let document = inci_ocr::read(&bytes, options).map_err(|error| InputError::Document {
            origin: origin.to_owned(),
            error,
        })?;
        return Ok(Label::Document { document, bytes });
    }
    Ok(Label::Text(decode_utf8(bytes, origin)?))
}

fn looks_like_file_name(arg: &str) -> bool {
    if arg.contains(',') || arg.contains('\n') {
        return false;
    }
    // A path without an extension: it starts like one, or the part before its last slash is
    // a directory here (`labels/serum`; `Aqua/Water/Eau` is text, there is no `Aqua/`).
    if ["./", "../", "/", "~/"].iter().any(|p| arg.starts_with(p)) {
        return true;
    }
    if let Some((dir, name)) = arg.rsplit_once('/')
        && !dir.is_empty()
        && !name.is_empty()
        && Path::new(dir).is_dir()
    {
        return true;
    }
    let Some((stem, ext)) = arg.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && (1..=5).contains(&ext.len())
        && ext.chars().all(|c| c.is_ascii_alphanumeric())
        && !ext.chars().all(|c| c.is_ascii_digit())
        && ext.chars().any(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_text_unless_they_name_files() {
        assert_eq!(Source::from_arg("-").ok(), Some(Source::Stdin));
        assert_eq!(
            Source::from_arg("Aqua, Glycerin").ok(),
            Some(Source::Text("Aqua, Glycerin".into()))
        );
        assert_eq!(
            Source::from_arg("Aqua/Water/Eau").ok(),
            Some(Source::Text("Aqua/Water/Eau".into()))
        );
        assert_eq!(
            Source::from_arg("Alcohol Denat.").ok(),
            Some(Source::Text("Alcohol Denat.".into()))
        );
        assert!(Source::from_arg("missing-label.txt").is_err());
        assert!(Source::from_arg(".").is_err(), "a directory");
        // A missing path without an extension is an error, not a label (before: scanned, exit 0).
        let dir = std::env::temp_dir().join(format!("inci-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let missing = format!("{}/serum", dir.display());
        assert!(Source::from_arg(&missing).is_err(), "{missing}");
        assert!(Source::from_arg("./serum").is_err());
    }
}
