//! Reading report files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Reads and parses one file; the error is a one-line message naming the file.
/// The text returned is the one the report's spans refer to: the decoded
/// text, or for a PDF the text extracted from it.
pub(crate) fn read_report(path: &Path) -> Result<(String, ogi_report::Report), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if ogi_report::input::is_pdf(&bytes) {
        let e = ogi_report::input::pdf::extract(&bytes)
            .map_err(|e| format!("{}: {}", path.display(), e.kind()))?;
        let report = e.parse().map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok((e.text, report));
    }
    let (text, _) =
        ogi_report::decode::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let report = ogi_report::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((text.into_owned(), report))
}

/// Expands directories into the report files below them (.txt, .md, sorted),
/// keeping files named directly in the order given. A folder that cannot be
/// read is kept as a path, so reading it later reports why.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            walk(p, &mut files, &mut errors, &mut seen);
            files.sort();
            out.extend(files);
            out.extend(errors.into_iter().map(|(dir, _)| dir));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Expands `inputs` into the sorted, de-duplicated list of report files,
/// plus the folders that could not be read (with the reason).
///
/// Folders are walked recursively for `.txt` and `.md` files; files named
/// directly are kept whatever their extension (a missing one fails later,
/// with the reason, like any unreadable file).
pub(crate) fn collect_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in inputs {
        if p.is_dir() {
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
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        if is_dir {
            walk(&path, files, errors, seen);
        } else if is_report_file(&path) {
            files.push(path);
        }
    }
}

/// `.txt` or `.md`, in any case.
fn is_report_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}
