//! Running tesseract and poppler's tools: a deadline, and errors that say how to install a
//! missing program.

use crate::Error;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a program may run on one input before it is stopped: a photo takes about a second,
/// a page of a PDF rendered for OCR a few.
pub const DEADLINE: Duration = Duration::from_secs(120);

/// What a finished program printed.
pub(crate) struct Output {
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs `command` (named `tool` in errors) to its end within [`DEADLINE`]; a missing program
/// is [`Error::MissingTool`] with `install`, a non-zero exit [`Error::ToolFailed`].
pub(crate) fn run(
    tool: &'static str,
    install: &'static str,
    command: &mut Command,
) -> Result<Output, Error> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::MissingTool { tool, install }
            } else {
                Error::Io(e)
            }
        })?;
    // Both pipes drained on their own threads, so that a program writing much to one does
    // not block on the other.
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut buf);
        }
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut buf);
        }
        buf
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).into_owned();
    match status {
        Some(s) if s.success() => Ok(Output { stdout, stderr }),
        Some(s) => Err(Error::ToolFailed {
            tool,
            status: s.to_string(),
            stderr: tail(&stderr),
        }),
        None => Err(Error::ToolFailed {
            tool,
            status: format!("stopped after {} s", DEADLINE.as_secs()),
            stderr: tail(&stderr),
        }),
    }
}

/// The last 400 bytes of a program's messages, cut at a character boundary.
fn tail(s: &str) -> String {
    let mut start = s.len().saturating_sub(400);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    s[start..].trim().to_owned()
}
