//! Reading report files.

use std::path::{Path, PathBuf};

/// Reads and parses one file; the error is a one-line message naming the file.
pub(crate) fn read_report(path: &Path) -> Result<(String, ogi_report::Report), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (text, _) =
        ogi_report::decode::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let report = ogi_report::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((text.into_owned(), report))
}

/// Expands directories into the report files below them (.txt, .md), sorted.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    found.sort();
    for p in found {
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
            out.push(p);
        }
    }
}
