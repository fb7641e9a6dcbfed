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

/// The bytes of a saved fuzz input (`tests/fixtures/fuzz/`). A `.edit` file
/// is an edited copy of a corpus report kept as its edits, so that the
/// report itself stays in `../shared/corpus`: a line `source: <path under
/// corpus/>`, then lines `@<byte offset in the source> -<bytes deleted>
/// +<inserted text as a JSON string>` in offset order (`#` lines are
/// comments). Any other file is read as it is.
pub fn fuzz_input(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if path.extension().is_none_or(|e| e != "edit") {
        return Ok(raw);
    }
    let spec = String::from_utf8(raw).expect("a .edit file is UTF-8");
    let bad = |l: &str| -> ! { panic!("{}: bad line {l:?}", path.display()) };
    let mut source: Option<Vec<u8>> = None;
    let mut out = Vec::new();
    let mut at = 0;
    for line in spec
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some(rel) = line.strip_prefix("source: ") {
            source = Some(std::fs::read(shared_dir().join("corpus").join(rel))?);
            continue;
        }
        let src = source.as_deref().unwrap_or_else(|| bad(line));
        let (off, rest) = line[1..].split_once(" -").unwrap_or_else(|| bad(line));
        let (del, ins) = rest.split_once(" +").unwrap_or_else(|| bad(line));
        let (off, del): (usize, usize) = (off.parse().unwrap(), del.parse().unwrap());
        let ins: String = serde_json::from_str(ins).unwrap_or_else(|_| bad(line));
        assert!(
            at <= off && off + del <= src.len(),
            "{}: edit out of order",
            path.display()
        );
        out.extend_from_slice(&src[at..off]);
        out.extend_from_slice(ins.as_bytes());
        at = off + del;
    }
    let src = source.unwrap_or_else(|| bad("no source line"));
    out.extend_from_slice(&src[at..]);
    Ok(out)
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

/// Compares `report`'s pretty JSON with the snapshot beside `fixture`
/// (`.json`), and checks that the snapshot reads back into the same model;
/// with `UPDATE_SNAPSHOTS=1` it rewrites the snapshot instead.
pub fn check_json_snapshot(fixture: &std::path::Path, report: &ogi_report::Report) {
    let json = report.to_json_pretty().unwrap() + "\n";
    let snap = fixture.with_extension("json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snap, &json).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&snap).unwrap_or_else(|_| {
        panic!(
            "{} missing: run UPDATE_SNAPSHOTS=1 cargo test",
            snap.display()
        )
    });
    assert!(
        want == json,
        "{} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)",
        snap.display()
    );
    // and the snapshot reads back into the same model
    assert_eq!(
        ogi_report::Report::from_json(&want).unwrap(),
        *report,
        "{}",
        snap.display()
    );
}

/// The sorted file stems of the `.txt` files in the repository folder `rel`.
pub fn txt_stems(rel: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_path(rel))
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}
