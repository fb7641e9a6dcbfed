//! Writing outputs safely, the same way for every subcommand.
//!
//! * An output file is written to a temporary file in the same folder
//!   (`.NAME.ogi-PID-N.tmp`) and renamed over `NAME` only when everything
//!   has been written and synced: an interrupted or failed run leaves the
//!   old file as it was (and no truncated one). A temporary file is removed
//!   when the run fails; one left by a killed run is recognisable by its name.
//! * An existing output is replaced only with `--force`, and never when it
//!   is also one of the inputs (the same file by device and inode, whatever
//!   the path that names it).
//! * A closed pipe on standard output (`ogi … | head -1`) ends the command
//!   quietly with status 0, as `cat` does; other write errors are reported.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::input::file_id;

/// A problem with the command line's outputs (exit status 2).
pub(crate) fn check_output(dest: &Path, force: bool, inputs: &[PathBuf]) -> Result<(), String> {
    if dest.as_os_str() == "-" {
        return Ok(());
    }
    let Some(id) = file_id(dest) else {
        return Ok(());
    };
    let same_as_input = inputs
        .iter()
        .filter(|p| !crate::input::is_stdin(p))
        .any(|p| file_id(p).as_ref() == Some(&id));
    if same_as_input {
        return Err(format!(
            "{} is also an input: write the output somewhere else",
            dest.display()
        ));
    }
    if dest.is_dir() {
        return Err(format!("{} is a folder", dest.display()));
    }
    if !force {
        return Err(format!(
            "{} exists: use --force to replace it",
            dest.display()
        ));
    }
    Ok(())
}

/// A file being written: a temporary file beside `dest`, renamed onto it by
/// [`PendingFile::commit`]; dropped without commit, it is removed.
#[derive(Debug)]
pub(crate) struct PendingFile {
    tmp: PathBuf,
    dest: PathBuf,
    file: File,
    done: bool,
}

impl PendingFile {
    /// Creates the temporary file in `dest`'s folder. The caller writes to
    /// [`PendingFile::writer`].
    pub(crate) fn create(dest: &Path) -> io::Result<PendingFile> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".ogi-{}-{n}.tmp", std::process::id()));
            let tmp = dir.join(tmp_name);
            match File::options().write(true).create_new(true).open(&tmp) {
                Ok(file) => {
                    // Keep the permissions of the file being replaced.
                    if let Ok(old) = std::fs::metadata(dest) {
                        let _ = file.set_permissions(old.permissions());
                    }
                    return Ok(PendingFile {
                        tmp,
                        dest: dest.to_path_buf(),
                        file,
                        done: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// A handle to write the content through.
    pub(crate) fn writer(&self) -> io::Result<File> {
        self.file.try_clone()
    }

    /// Syncs the temporary file and renames it onto the destination.
    /// Flush any buffer around [`PendingFile::writer`] first.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        self.file.sync_all()?;
        std::fs::rename(&self.tmp, &self.dest)?;
        self.done = true;
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes `content` to `dest` atomically (through a [`PendingFile`]).
pub(crate) fn write_file(dest: &Path, content: &[u8]) -> io::Result<()> {
    let pending = PendingFile::create(dest)?;
    let mut w = io::BufWriter::new(pending.writer()?);
    w.write_all(content)?;
    w.flush()?;
    drop(w);
    pending.commit()
}

/// True for the error of a write to a closed pipe.
pub(crate) fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// The exit status for an error writing standard output: 0 (quietly) for a
/// closed pipe, else a message and 1.
pub(crate) fn stdout_error(e: &io::Error) -> ExitCode {
    if is_broken_pipe(e) {
        return ExitCode::SUCCESS;
    }
    eprintln!("ogi: writing output: {e}");
    ExitCode::from(1)
}
