//! The real corpus (`../shared/corpus/`): every `.txt` file parses with
//! nothing lost, and its figures are checked against the text.

use std::path::PathBuf;

use ogi_report::model::{AppCol, AppRow, Key, RlGroup, RlOutcome};
use ogi_report::{Format, Report, SectionKind};

use crate::util::{parse_lossless, shared_dir};

/// Every `.txt` file below `shared/corpus`, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&shared_dir().join("corpus"), &mut out);
    out.sort();
    out
}

fn load(rel: &str) -> (String, Report) {
    let bytes = std::fs::read(shared_dir().join("corpus").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let (text, _) = ogi_report::decode::decode(&bytes).expect("decodes");
    let text = text.into_owned();
    let report = parse_lossless(&text);
    (text, report)
}

#[test]
fn every_corpus_file_parses_with_nothing_lost() {
    let files = corpus_files();
    assert!(files.len() >= 20, "corpus not found: {}", shared_dir().display());
    let mut failures = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let (text, _) = ogi_report::decode::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let report = ogi_report::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        if let Err(e) = ogi_report::lossless::check(&text, &report) {
            let at = match &e {
                ogi_report::lossless::LossError::Lost { offset, .. } | ogi_report::lossless::LossError::Overlap { offset, .. } => *offset,
                ogi_report::lossless::LossError::BadSpan { start, .. } => *start,
            };
            let p = ogi_report::Position::of(&text, at);
            failures.push(format!("{}: {e} (line {}, column {})", f.display(), p.line, p.column));
            continue;
        }
        // the JSON round-trips
        let back = Report::from_json(&report.to_json()).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!(back, report, "{}", f.display());
    }
    assert!(failures.is_empty(), "nothing-lost failures:\n{}", failures.join("\n"));
}

fn kinds(r: &Report) -> Vec<(u32, SectionKind)> {
    r.sections.iter().map(|s| (s.number, s.kind)).collect()
}

fn app_row(r: &Report, row: AppRow) -> Vec<Option<i64>> {
    let t = r.applications().expect("applications table");
    let cells = t.rows.get(&row).unwrap_or_else(|| panic!("row {row}"));
    AppCol::TEMPLATE.iter().map(|c| cells.get(c).copied().flatten().and_then(|n| n.as_i64())).collect()
}

fn all_app_zero(r: &Report) {
    let t = r.applications().expect("applications table");
    for (row, cells) in &t.rows {
        for (col, v) in cells {
            assert_eq!(v.and_then(|n| n.as_i64()), Some(0), "{row}.{col}");
        }
    }
}

fn review(r: &Report) -> Vec<Option<i64>> {
    let t = r.review_litigation().expect("review table");
    RlGroup::ALL
        .iter()
        .flat_map(|g| RlOutcome::ALL.iter().map(move |o| (g, o)))
        .map(|(g, o)| t.groups.get(g).and_then(|m| m.get(o)).copied().flatten().and_then(|n| n.as_i64()))
        .collect()
}

const TEMPLATE_KINDS: [SectionKind; 6] = [
    SectionKind::Overview,
    SectionKind::ActiveDisclosure,
    SectionKind::Applications,
    SectionKind::ReviewLitigation,
    SectionKind::Problems,
    SectionKind::OtherMatters,
];

fn numbered(kinds: &[SectionKind]) -> Vec<(u32, SectionKind)> {
    kinds.iter().enumerate().map(|(i, k)| (i as u32 + 1, *k)).collect()
}
