//! Shared helpers of the test suite.

use std::path::PathBuf;

/// The `shared/` folder beside the repository.
pub fn shared_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("OGI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"))
}

/// A file of this repository.
pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Parses `text` and checks that nothing was lost; panics with the position otherwise.
pub fn parse_lossless(text: &str) -> ogi_report::Report {
    let report = ogi_report::parse(text).expect("parse");
    if let Err(e) = ogi_report::lossless::check(text, &report) {
        panic!("nothing-lost check failed: {e}\n{}", context(text, &e));
    }
    report
}

fn context(text: &str, e: &ogi_report::lossless::LossError) -> String {
    use ogi_report::lossless::LossError::*;
    let at = match e {
        Lost { offset, .. } | Overlap { offset, .. } => *offset,
        BadSpan { start, .. } => *start,
    };
    let p = ogi_report::Position::of(text, at);
    format!("at line {} column {}", p.line, p.column)
}
