//! Reading report files, the same way for every subcommand.
//!
//! * `-` is standard input.
//! * Folders are walked recursively for `.txt`, `.md`, HTML (`.html`,
//!   `.htm`, `.shtml`) and PDF (`.pdf`) files (any case);
//!   files named `README*`, `CHANGELOG*` and `LICENSE*` (any case) are not
//!   reports and are left out of walks. Symbolic links to folders are followed
//!   once (a link cycle is walked once).
//! * A walk reads regular files only: FIFOs, devices and sockets (and
//!   symbolic links to them) are skipped with a message on standard error,
//!   never opened (opening a FIFO would wait forever for a writer).
//! * Every read goes through a reader capped at
//!   [`ogi_report::decode::MAX_INPUT_BYTES`] + 1 bytes: a file whose size is
//!   over the limit is refused before it is read, and a stream that turns
//!   out longer (standard input, a FIFO named on the command line, a file
//!   that grows) is refused once the limit is passed, so no input is ever
//!   read past the limit.
//! * A FIFO or device named directly on the command line is read (the user
//!   asked for it, as `cat` would), through the same capped reader.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why an input could not be read: a short category for summaries and the
/// one-line reason.
#[derive(Debug)]
pub(crate) struct ReadFailure {
    /// A short category (`cannot read: NotFound`, `too large`, …).
    pub(crate) category: String,
    /// The full one-line reason (without the file name).
    pub(crate) reason: String,
}

impl ReadFailure {
    fn io(e: &std::io::Error) -> ReadFailure {
        ReadFailure {
            category: format!("cannot read: {}", e.kind()),
            reason: format!("cannot read: {e}"),
        }
    }

    fn too_large(len: u64) -> ReadFailure {
        let limit = ogi_report::decode::MAX_INPUT_BYTES;
        let reason = if len > limit as u64 + 1 {
            format!("too large: {len} bytes, more than the limit of {limit}")
        } else {
            format!("too large: more than the limit of {limit} bytes")
        };
        ReadFailure {
            category: "too large".into(),
            reason,
        }
    }
}

/// True for the `-` argument (standard input).
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads the bytes of one input (`-` is standard input), never more than
/// the size limit + 1 bytes.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    let limit = ogi_report::decode::MAX_INPUT_BYTES as u64;
    if is_stdin(path) {
        return read_capped(std::io::stdin().lock(), 0);
    }
    let meta = std::fs::metadata(path).map_err(|e| ReadFailure::io(&e))?;
    if meta.is_dir() {
        return Err(ReadFailure {
            category: "cannot read: is a folder".into(),
            reason: "cannot read: is a folder".into(),
        });
    }
    if meta.is_file() && meta.len() > limit {
        return Err(ReadFailure::too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| ReadFailure::io(&e))?;
    let hint = if meta.is_file() { meta.len() } else { 0 };
    read_capped(file, hint)
}

/// Reads `r` to its end, or fails once more than the limit has been read.
fn read_capped(r: impl Read, size_hint: u64) -> Result<Vec<u8>, ReadFailure> {
    let limit = ogi_report::decode::MAX_INPUT_BYTES as u64;
    let mut bytes = Vec::with_capacity(size_hint.min(limit) as usize);
    r.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadFailure::io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The name shown for an input (`-` is "standard input").
pub(crate) fn display(path: &Path) -> String {
    if is_stdin(path) {
        "-".into()
    } else {
        path.display().to_string()
    }
}

/// Reads and parses one file; the error is a one-line message naming the file.
/// The text returned is the one the report's spans refer to: the decoded
/// text, or for a PDF the text extracted from it.
pub(crate) fn read_report(path: &Path) -> Result<(String, ogi_report::Report), String> {
    read_report_as(path, None)
}

/// [`read_report`] with the encoding named (`--encoding`) instead of detected.
/// A PDF is read as a PDF whatever the name: the encoding is that of a text.
pub(crate) fn read_report_as(
    path: &Path,
    encoding: Option<&str>,
) -> Result<(String, ogi_report::Report), String> {
    let name = display(path);
    let bytes = read_bytes(path).map_err(|f| format!("{name}: {}", f.reason))?;
    let pdf = ogi_report::input::is_pdf(&bytes);
    let parsed = match encoding {
        Some(enc) if !pdf => ogi_report::read_with(&bytes, enc),
        _ => ogi_report::read(&bytes),
    };
    // a PDF's failure has no place in a text: it is named by its kind alone
    let parsed = parsed.map_err(|e| match pdf {
        true => format!("{name}: {}", e.kind()),
        false => format!("{name}: {e}"),
    })?;
    Ok((parsed.source.into_owned(), parsed.report))
}

/// Expands directories into the report files below them (.txt, .md, .html,
/// .htm, .shtml, .pdf, sorted),
/// keeping files named directly in the order given. A folder that cannot be
/// read is kept as a path, so reading it later reports why.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    expand_with_roots(paths)
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

/// Like [`expand`], each file with the folder argument it was found under
/// (`None` for a file named directly).
pub(crate) fn expand_with_roots(paths: &[PathBuf]) -> Vec<(PathBuf, Option<PathBuf>)> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        if !is_stdin(p) && p.is_dir() {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            walk(p, &mut files, &mut errors, &mut seen);
            files.sort();
            out.extend(files.into_iter().map(|f| (f, Some(p.clone()))));
            out.extend(errors.into_iter().map(|(dir, _)| (dir, None)));
        } else {
            out.push((p.clone(), None));
        }
    }
    out
}

/// Expands `inputs` into the sorted, de-duplicated list of report files,
/// plus the folders that could not be read (with the reason).
///
/// Folders are walked recursively for `.txt`, `.md`, HTML (`.html`,
/// `.htm`, `.shtml`) and PDF (`.pdf`) files; files named
/// directly are kept whatever their extension (a missing one fails later,
/// with the reason, like any unreadable file).
pub(crate) fn collect_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in inputs {
        if !is_stdin(p) && p.is_dir() {
            walk(p, &mut files, &mut errors, &mut seen_dirs);
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<(PathBuf, String)>,
    seen: &mut HashSet<PathBuf>,
) {
    // Guard against symbolic-link cycles: each real folder is walked once.
    if let Ok(real) = dir.canonicalize()
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push((dir.to_path_buf(), format!("cannot read folder: {e}")));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push((dir.to_path_buf(), format!("cannot read folder: {e}")));
                continue;
            }
        };
        let path = entry.path();
        // The type of what the entry names, through a symbolic link.
        let file_type = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path).map(|m| m.file_type()),
            other => other,
        };
        let Ok(file_type) = file_type else {
            // A dangling link or an entry that vanished: not a report file.
            if is_report_file(&path) {
                eprintln!("ogi: {}: skipped: cannot read it", path.display());
            }
            continue;
        };
        if file_type.is_dir() {
            walk(&path, files, errors, seen);
        } else if is_report_file(&path) {
            if file_type.is_file() {
                files.push(path);
            } else {
                eprintln!(
                    "ogi: {}: skipped: not a regular file ({})",
                    path.display(),
                    kind_of(&file_type)
                );
            }
        }
    }
}

/// What a non-regular file is, in words.
fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = t;
    "not a file"
}

/// `.txt` or `.md`, an HTML page (`.html`, `.htm`, `.shtml`) or a PDF
/// (`.pdf`), in any case, and not named README*, CHANGELOG* or LICENSE* (any case): those
/// describe a folder, they are not reports.
fn is_report_file(p: &Path) -> bool {
    let report_ext = p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "md", "html", "htm", "shtml", "pdf"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    let not_a_report = ["README", "CHANGELOG", "LICENSE"]
        .iter()
        .any(|prefix| name.starts_with(prefix));
    report_ext && !not_a_report
}

/// Identity of a file: device and inode on Unix, else the canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum FileId {
    /// Device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// Canonical path.
    Path(PathBuf),
}

/// The identity of the existing file `path`, or `None` when it does not exist.
pub(crate) fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = std::fs::metadata(path) {
            return Some(FileId::Inode(m.dev(), m.ino()));
        }
    }
    path.canonicalize().ok().map(FileId::Path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_changelog_license_are_not_reports() {
        for name in [
            "README.md",
            "readme.txt",
            "ChangeLog.md",
            "LICENSE.txt",
            "README-zh.md",
        ] {
            assert!(!is_report_file(Path::new(name)), "{name}");
        }
        for name in ["report.txt", "2021.MD", "my-README.txt"] {
            assert!(is_report_file(Path::new(name)), "{name}");
        }
        assert!(is_report_file(Path::new("report.pdf")));
        assert!(is_report_file(Path::new("REPORT.PDF")));
        assert!(!is_report_file(Path::new("report.doc")));
    }

    #[test]
    fn capped_reader_stops_past_the_limit() {
        let limit = ogi_report::decode::MAX_INPUT_BYTES as u64;
        // An endless reader: only limit + 1 bytes are read.
        let endless = std::io::repeat(b'x');
        let err = read_capped(endless, 0).unwrap_err();
        assert_eq!(err.category, "too large");
        let exact = std::io::repeat(b'x').take(limit);
        assert_eq!(read_capped(exact, 0).unwrap().len() as u64, limit);
    }
}
