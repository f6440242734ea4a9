//! Writing a user's files without ever destroying them: an output that is one of the inputs is
//! refused, and every write to a regular file goes to a temporary file in the same directory
//! that replaces the target only once it is complete (as editors and formatters do), with the
//! target's permissions. A failed or interrupted run leaves the old file whole. A target that
//! is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: it cannot be
//! half-written, and replacing it would destroy it. A symlink is followed (the link stays, its
//! target gets the new text); a file with other hard links gets the new text in its own inode
//! once complete, so the links stay one file; a read-only file is refused; a new file gets the
//! mode the umask gives (`0644` under the usual `022`), as any program's output does.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Fails when `output` is the same file as one of `inputs` (the same device and inode, through
/// symlinks and other names), which writing would truncate before it was read.
pub fn refuse_same_file(output: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    let Ok(out_meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        if let Ok(in_meta) = std::fs::metadata(input)
            && same_file(&out_meta, &in_meta)
        {
            bail!(
                "refusing to write {}: it is the same file as the input {} (choose another output)",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// A file being written: a temporary file beside the target until [`AtomicFile::commit`], or
/// the target itself when it is a device or a FIFO.
pub struct AtomicFile {
    tmp: Sink,
    target: PathBuf,
}

enum Sink {
    Temp(tempfile::NamedTempFile),
    InPlace(std::fs::File),
}

impl AtomicFile {
    /// Starts writing `target` (which may not exist yet).
    pub fn create(target: &Path) -> anyhow::Result<AtomicFile> {
        // Through a symlink to its target: replacing the link with a file would leave the
        // file it points to unchanged.
        let target = match std::fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(target)
                .with_context(|| format!("cannot follow the link {}", target.display()))?,
            _ => target.to_owned(),
        };
        let target = target.as_path();
        if let Ok(meta) = std::fs::metadata(target) {
            if meta.is_dir() {
                bail!("cannot write {}: it is a directory", target.display());
            }
            if meta.is_file() && meta.permissions().readonly() {
                bail!(
                    "refusing to write {}: it is read-only (make it writable first)",
                    target.display()
                );
            }
            if !meta.is_file() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                return Ok(AtomicFile {
                    tmp: Sink::InPlace(file),
                    target: target.to_owned(),
                });
            }
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".inci-");
        // Created as any new file is (0666 less the umask), not tempfile's private 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder
            .tempfile_in(&dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        Ok(AtomicFile {
            tmp: Sink::Temp(tmp),
            target: target.to_owned(),
        })
    }

    /// Flushes, gives the new file the old one's permissions, and puts it in place.
    pub fn commit(mut self) -> anyhow::Result<()> {
        self.flush()
            .with_context(|| format!("cannot write {}", self.target.display()))?;
        let tmp = match self.tmp {
            Sink::InPlace(_) => return Ok(()),
            Sink::Temp(tmp) => tmp,
        };
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", self.target.display()))?;
        if let Ok(meta) = std::fs::metadata(&self.target) {
            // Other hard links to the target: the new text goes into its inode, so they stay
            // one file (renaming would split them).
            if hard_links(&meta) > 1 {
                std::fs::copy(tmp.path(), &self.target)
                    .with_context(|| format!("cannot write {}", self.target.display()))?;
                return Ok(());
            }
            std::fs::set_permissions(tmp.path(), meta.permissions()).ok();
        }
        let target = self.target.clone();
        tmp.persist(&target)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot replace {}", target.display()))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.tmp {
            Sink::Temp(t) => t.write(buf),
            Sink::InPlace(f) => f.write(buf),
        }
    }

    /// Forwarded, so that `inci batch` writes a batch of records with one `writev`.
    fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
        match &mut self.tmp {
            Sink::Temp(t) => t.write_vectored(bufs),
            Sink::InPlace(f) => f.write_vectored(bufs),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.tmp {
            Sink::Temp(t) => t.flush(),
            Sink::InPlace(f) => f.flush(),
        }
    }
}

/// Replaces the text of `path`, which was `original` when it was read, with `new`: refused for
/// anything but a regular file (a FIFO, a device) and when the file changed in between.
pub fn rewrite(path: &Path, original: &str, new: &str) -> anyhow::Result<()> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot write {}", path.display()))?;
    if !meta.is_file() {
        bail!("refusing to rewrite {}: not a regular file", path.display());
    }
    let now = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if now != original.as_bytes() {
        bail!(
            "refusing to rewrite {}: it changed since it was read (run inci lint again)",
            path.display()
        );
    }
    let mut f = AtomicFile::create(path)?;
    f.write_all(new.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("inci-files-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("tmp dir");
        d
    }

    #[test]
    fn same_file_is_refused_through_a_symlink() {
        let d = dir();
        let a = d.join("catalog.csv");
        std::fs::write(&a, "x").expect("write");
        assert!(refuse_same_file(&a, &[&a]).is_err());
        #[cfg(unix)]
        {
            let link = d.join("link.csv");
            std::fs::remove_file(&link).ok();
            std::os::unix::fs::symlink(&a, &link).expect("symlink");
            assert!(refuse_same_file(&link, &[&a]).is_err());
        }
        assert!(refuse_same_file(&d.join("new.csv"), &[&a]).is_ok());
        assert_eq!(std::fs::read_to_string(&a).expect("read"), "x");
    }

    #[test]
    fn a_file_is_replaced_only_when_complete_and_unchanged() {
        let d = dir();
        let p = d.join("label.txt");
        std::fs::write(&p, "Aqua,, Glycerin").expect("write");
        assert!(rewrite(&p, "something else", "Aqua, Glycerin").is_err());
        assert_eq!(
            std::fs::read_to_string(&p).expect("read"),
            "Aqua,, Glycerin"
        );
        rewrite(&p, "Aqua,, Glycerin", "Aqua, Glycerin").expect("rewrite");
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "Aqua, Glycerin");
        // An abandoned write leaves the target alone.
        let mut f = AtomicFile::create(&p).expect("create");
        f.write_all(b"partial").expect("write");
        drop(f);
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "Aqua, Glycerin");
    }

    #[cfg(unix)]
    #[test]
    fn links_modes_and_read_only_files_are_respected() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let d = dir().join("links");
        std::fs::create_dir_all(&d).expect("dir");
        // A symlink keeps being a link; its target gets the text.
        let target = d.join("target.txt");
        let link = d.join("link.txt");
        std::fs::write(&target, "Aqua,, Glycerin").expect("write");
        std::fs::remove_file(&link).ok();
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        rewrite(&link, "Aqua,, Glycerin", "Aqua, Glycerin").expect("rewrite");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "Aqua, Glycerin"
        );
        // Hard links stay one file.
        let other = d.join("hard.txt");
        std::fs::remove_file(&other).ok();
        std::fs::hard_link(&target, &other).expect("hard link");
        rewrite(&other, "Aqua, Glycerin", "Aqua, Glycerin, Parfum").expect("rewrite");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "Aqua, Glycerin, Parfum"
        );
        assert_eq!(std::fs::metadata(&target).expect("meta").nlink(), 2);
        // A new file gets the umask's mode, not 0600; a read-only one is refused.
        let fresh = d.join("fresh.csv");
        std::fs::remove_file(&fresh).ok();
        let mut f = AtomicFile::create(&fresh).expect("create");
        f.write_all(b"x").expect("write");
        f.commit().expect("commit");
        let probe = d.join("probe");
        std::fs::write(&probe, "").expect("probe");
        let umask_mode = std::fs::metadata(&probe)
            .expect("probe")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(
            std::fs::metadata(&fresh)
                .expect("fresh")
                .permissions()
                .mode()
                & 0o777,
            umask_mode
        );
        let ro = d.join("ro.txt");
        std::fs::write(&ro, "Aqua").expect("write");
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(AtomicFile::create(&ro).is_err());
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o644)).ok();
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        let mut f = AtomicFile::create(null).expect("open /dev/null");
        f.write_all(b"records").expect("write");
        f.commit().expect("commit");
        let meta = std::fs::metadata(null).expect("/dev/null");
        assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
        assert!(
            AtomicFile::create(&dir()).is_err(),
            "a directory is refused"
        );
    }
}
