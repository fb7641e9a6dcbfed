//! The consistency audit (issue 3): every rule fires on its fixture, at the
//! exact line and column, and stays silent on the consistent ones; the real
//! corpus's findings are pinned in snapshot files.
//!
//! The fixtures in `tests/fixtures/audit/*.txt` are written in the canonical
//! tab-separated layout. Each is checked twice: read by the test-only
//! [`reader`] (which builds the report the parser should build, so the rules
//! are tested on their own) and parsed by `ogi_report::parse` (the whole
//! pipeline).

#[path = "audit_reader.rs"]
mod reader;

use std::path::{Path, PathBuf};

use ogi_report::model::{AppCol, AppRow, Number, RowSource, Table};
use ogi_report::{Block, Report, Severity};

use crate::util;

fn fixture(name: &str) -> String {
    let path = util::repo_path(&format!("tests/fixtures/audit/{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `rule line:col` of every finding.
fn located(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let (l, c) = f.span.map_or((0, 0), |s| (s.line, s.column));
            format!("{} {l}:{c}", f.rule)
        })
        .collect()
}

/// Every fixture and the findings it must give (`rule line:col`).
const EXPECTED: &[(&str, &[&str])] = &[
    ("ok-2021", &[]),
    ("ok-2019", &[]),
    ("label-variants", &[]),
    ("narrative-ok", &[]),
    ("other-processing-ok", &[]),
    (
        "balance",
        &["applications.balance 59:7", "applications.balance 59:25"],
    ),
    (
        "total-processed",
        &[
            "applications.total_processed 59:7",
            "applications.total_processed 59:25",
        ],
    ),
    (
        "row-total",
        &[
            "applications.row_total 34:21",
            "applications.row_total 35:42",
        ],
    ),
    (
        "other-processing",
        &[
            "applications.other_processing 55:9",
            "applications.other_processing 55:21",
        ],
    ),
    ("review-total", &["review_litigation.total 67:9"]),
    ("year-mismatch", &["meta.year_mismatch 3:32"]),
    (
        "missing-section",
        &["structure.missing_section 69:1", "structure.numbering 69:1"],
    ),
    ("missing-table", &["structure.missing_table 62:1"]),
    (
        "label",
        &["label.nonstandard 49:1", "label.nonstandard 54:1"],
    ),
    (
        "empty-cell",
        &[
            "review_litigation.total 67:1",
            // the review group has no figures: one warning for the row
            "table.empty_cell 67:1",
        ],
    ),
    ("fused", &["table.fused_cells 31:18"]),
    ("narrative-none", &["narrative.mismatch 7:10"]),
    ("narrative-count", &["narrative.mismatch 7:21"]),
    ("not-a-report", &["structure.not_a_report 0:0"]),
];

#[test]
fn every_fixture_is_listed() {
    let names = util::txt_stems("tests/fixtures/audit");
    let mut listed: Vec<String> = EXPECTED.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(names, listed);
}

#[test]
fn rules_fire_on_their_fixtures() {
    for (name, want) in EXPECTED {
        let report = reader::read(&fixture(name));
        assert_eq!(located(&report), *want, "fixture {name}");
    }
}

#[test]
fn parsed_fixtures_give_the_same_findings() {
    let mut failures = Vec::new();
    for (name, want) in EXPECTED {
        let report = ogi_report::parse(&fixture(name)).expect("parse");
        if located(&report) != *want {
            failures.push(format!("{name}: got {:?}, want {want:?}", located(&report)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn truncated_and_edited_fixtures_never_panic() {
    for (name, _) in EXPECTED {
        let text = fixture(name);
        let cuts: Vec<usize> = (0..text.len())
            .step_by(131)
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for cut in cuts {
            for variant in [text[..cut].to_owned(), text.replacen('\t', "", cut % 7 + 1)] {
                let report = ogi_report::parse(&variant).expect("parse");
                let again = ogi_report::audit::audit(&report);
                assert_eq!(again, report.findings);
            }
        }
    }
}

#[test]
fn every_rule_has_a_firing_fixture() {
    // the rules of issue 13 have theirs in audit_rules.rs and audit_across.rs
    for rule in ogi_report::audit::rules() {
        if rule.is_across()
            || crate::audit_rules::FIRING
                .iter()
                .any(|(_, w)| w.iter().any(|f| f.split(' ').next() == Some(rule.id)))
        {
            continue;
        }
        let fired = EXPECTED
            .iter()
            .any(|(_, w)| w.iter().any(|f| f.split(' ').next() == Some(rule.id)))
            || crate::legacy::LEGACY_RULES_FIRED.contains(&rule.id);
        assert!(fired, "no fixture fires {}", rule.id);
    }
}

#[test]
fn a_consistent_report_has_no_arithmetic_finding() {
    for name in ["ok-2021", "ok-2019"] {
        let report = reader::read(&fixture(name));
        // every table has non-zero numbers
        let apps = report.applications().expect("applications");
        assert!(
            apps.rows
                .values()
                .all(|r| r.values().all(|v| v.is_some_and(|n| n.as_i64() != Some(0))))
        );
        let rl = report.review_litigation().expect("review_litigation");
        assert!(
            rl.groups
                .values()
                .all(|g| g.values().any(|v| v.is_some_and(|n| n.as_i64() != Some(0))))
        );
        assert!(report.findings.is_empty(), "{name}: {:?}", located(&report));
        assert!(ogi_report::audit::audit(&report).is_empty());
    }
}

#[test]
fn findings_carry_keys_and_numbers() {
    let report = reader::read(&fixture("balance"));
    let f = &report.findings[1];
    assert_eq!(f.rule, "applications.balance");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.table.as_deref(), Some("applications"));
    assert_eq!(f.row.as_deref(), Some("total_processed"));
    assert_eq!(f.column.as_deref(), Some("total"));
    assert_eq!(f.expected, Some(Number::int(155)));
    assert_eq!(f.found, Some(Number::int(154)));
    let text = fixture("balance");
    assert_eq!(f.span.map(|s| s.slice(&text)), Some("147"));

    let report = reader::read(&fixture("review-total"));
    let f = &report.findings[0];
    assert_eq!(
        (f.expected, f.found),
        (Some(Number::int(10)), Some(Number::int(0)))
    );
    assert_eq!(
        (f.row.as_deref(), f.column.as_deref()),
        (Some("review"), Some("total"))
    );

    let report = reader::read(&fixture("year-mismatch"));
    let f = &report.findings[0];
    assert_eq!(
        (f.expected, f.found),
        (Some(Number::int(2021)), Some(Number::int(2020)))
    );
    assert!(f.message.contains("preamble"), "{}", f.message);
}

#[test]
fn empty_cells_are_never_zero() {
    // The review group is empty: its total equation is a note, not an error
    // (0 + 0 + 0 + 0 = 0 would hold if empty were zero).
    let report = reader::read(&fixture("empty-cell"));
    let notes: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "review_litigation.total")
        .collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].severity, Severity::Note);
    assert!(notes[0].message.contains("cannot be checked"));
    // An empty cell in the applications table: the three equations through
    // it become notes, never errors.
    let text = fixture("ok-2021").replace("（一）予以公开\t2\t", "（一）予以公开\t\t");
    let report = reader::read(&text);
    let got: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("applications.row_total", Severity::Note),
            ("applications.total_processed", Severity::Note),
            ("table.empty_cell", Severity::Warning),
        ]
    );
}

#[test]
fn fused_rows_are_skipped_by_the_arithmetic() {
    let report = reader::read(&fixture("fused"));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule == "table.fused_cells")
    );
    assert_eq!(report.findings[0].severity, Severity::Note);
}

fn apps_mut(report: &mut Report) -> &mut ogi_report::model::ApplicationsTable {
    for s in &mut report.sections {
        for b in &mut s.blocks {
            if let Block::Table(t) = b
                && let Table::Applications(t) = &mut **t
            {
                return t;
            }
        }
    }
    panic!("no applications table")
}

fn row_of(values: [i64; 7]) -> ogi_report::model::table::Row<AppCol> {
    AppCol::TEMPLATE
        .iter()
        .zip(values)
        .map(|(c, v)| (*c, Some(Number::int(v))))
        .collect()
}

#[test]
fn subtotal_rows_are_checked_but_not_summed() {
    let mut report = reader::read(&fixture("ok-2021"));
    let t = apps_mut(&mut report);
    // （三） has eight rows of 2,1,1,1,1,1,7: a right subtotal and a wrong one.
    t.rows
        .insert(AppRow::DeniedSubtotal, row_of([16, 8, 8, 8, 8, 8, 56]));
    t.rows
        .insert(AppRow::UnableSubtotal, row_of([6, 3, 3, 3, 3, 3, 22]));
    t.source
        .insert(AppRow::UnableSubtotal, RowSource::default());
    let findings = ogi_report::audit::audit(&report);
    let got: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.row.as_deref(), f.column.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "applications.row_total",
                Some("unable_subtotal"),
                Some("total")
            ),
            (
                "applications.total_processed",
                Some("unable_subtotal"),
                Some("total")
            ),
        ]
    );
}

#[test]
fn an_org_subtotal_column_is_checked() {
    let mut report = reader::read(&fixture("ok-2021"));
    let t = apps_mut(&mut report);
    t.columns.push(AppCol::OrgSubtotal);
    for (row, cells) in t.rows.iter_mut() {
        let v = if *row == AppRow::Granted {
            4
        } else {
            cells[1].unwrap().as_i64().unwrap() * 5
        };
        cells.insert(AppCol::OrgSubtotal, Some(Number::int(v)));
    }
    let findings = ogi_report::audit::audit(&report);
    let got: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.row.as_deref(), f.column.as_deref()))
        .collect();
    // granted: 1+1+1+1+1 = 5, not 4; and the column no longer balances.
    assert!(
        got.contains(&(
            "applications.row_total",
            Some("granted"),
            Some("org_subtotal")
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "applications.total_processed",
            Some("total_processed"),
            Some("org_subtotal")
        )),
        "{got:?}"
    );
}

#[test]
fn double_counted_other_processing_is_an_error() {
    // 2021: a parent （六） row equal to its sub-rows (6,3,3,3,3,3,21) and a
    // total_processed that adds it a second time.
    let text = fixture("other-processing-ok").replace(
        "（七）总计\t42\t21\t21\t21\t21\t21\t147",
        "（七）总计\t48\t24\t24\t24\t24\t24\t168",
    );
    let report = reader::read(&text);
    let twice: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "applications.other_processing")
        .map(|f| (f.column.as_deref(), f.expected, f.found))
        .collect();
    assert_eq!(twice.len(), 7, "{:?}", located(&report));
    assert_eq!(
        twice[6],
        (
            Some("total"),
            Some(Number::int(147)),
            Some(Number::int(168))
        )
    );
    assert!(report.findings.iter().any(|f| f.message.contains("twice")));
}

#[test]
fn undivided_other_processing_in_a_2021_report_is_a_note() {
    // 洪泽 2023/2024 style: 2021 tables with the 2019 single （六）其他处理 row.
    let mut report = reader::read(&fixture("ok-2019"));
    report.format = ogi_report::Format::V2021;
    let findings = ogi_report::audit::audit(&report);
    let got: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert!(
        got.contains(&("applications.other_processing", Severity::Note)),
        "{got:?}"
    );
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{got:?}"
    );
}

#[test]
fn a_missing_row_is_one_note_per_rule() {
    let mut report = reader::read(&fixture("ok-2021"));
    let t = apps_mut(&mut report);
    t.rows.shift_remove(&AppRow::CarriedOver);
    t.source.shift_remove(&AppRow::CarriedOver);
    let findings = ogi_report::audit::audit(&report);
    let got: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity, f.row.as_deref()))
        .collect();
    assert_eq!(
        got,
        [("applications.balance", Severity::Note, Some("carried_over"))]
    );
}

#[test]
fn wrapped_labels_are_joined() {
    let mut report = reader::read(&fixture("ok-2021"));
    let t = apps_mut(&mut report);
    let src = t.source.get_mut(&AppRow::PartiallyGranted).unwrap();
    let label = src.label.as_mut().unwrap();
    let full = label.raw.clone();
    let cut = full.char_indices().nth(14).unwrap().0;
    label.raw = full[..cut].into();
    // the wrapped part after the label, before the next row (a part after
    // the next row's start is not this label's)
    let mut part_span = label.span;
    part_span.start = part_span.end;
    t.fragments.push(ogi_report::model::Fragment {
        role: ogi_report::model::FragmentRole::LabelPart,
        raw: full[cut..].into(),
        span: part_span,
    });
    assert!(ogi_report::audit::audit(&report).is_empty());
    // Without the wrapped part the label is short of the template.
    let t = apps_mut(&mut report);
    t.fragments.clear();
    let findings = ogi_report::audit::audit(&report);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "label.nonstandard");
}

#[test]
fn narrative_stays_conservative() {
    for sentence in [
        "本机关收到和处理政府信息公开申请情况见下表。",
        "全年未收到涉及本机关的信访举报申请。",
        "本机关共收到政府信息公开申请154件。",
        "本机关共收到政府信息公开申请140件。",
        "与上年相比，收到申请数量增加12件。",
        "本机关共收到140件申请，均已按期答复。",
    ] {
        let text = fixture("ok-2021").replace(
            "本机关共收到政府信息公开申请140件，均已按期答复。",
            sentence,
        );
        let report = reader::read(&text);
        assert!(
            report.findings.is_empty(),
            "{sentence}: {:?}",
            located(&report)
        );
    }
    let text = fixture("ok-2021").replace(
        "本机关共收到政府信息公开申请140件，均已按期答复。",
        "本机关未受理政府信息公开申请。",
    );
    let report = reader::read(&text);
    assert_eq!(located(&report), ["narrative.mismatch 7:10"]);
    let text = fixture("ok-2021").replace(
        "本机关共收到政府信息公开申请140件，均已按期答复。",
        "本机关共收到150件申请。",
    );
    let report = reader::read(&text);
    assert_eq!(located(&report), ["narrative.mismatch 7:13"]);
    assert_eq!(report.findings[0].found, Some(Number::int(150)));
    // Since issue 13 the text's other counts and absolute claims are read:
    // no review application against a table with 10, and 均已办结 against 7
    // applications carried forward.
    for (sentence, want) in [
        (
            "本年度未收到政府信息公开行政复议申请。",
            "narrative.mismatch 7:19",
        ),
        (
            "本机关共收到140件申请，均已办结。",
            "narrative.absolute_claim 7:20",
        ),
    ] {
        let text = fixture("ok-2021").replace(
            "本机关共收到政府信息公开申请140件，均已按期答复。",
            sentence,
        );
        let report = reader::read(&text);
        assert_eq!(located(&report), [want], "{sentence}");
    }
}

#[test]
fn year_mismatch_prefers_the_majority() {
    let report = reader::read(&fixture("ok-2021").replacen(
        "2021年政府信息公开工作年度报告",
        "2020年政府信息公开工作年度报告",
        1,
    ));
    let f: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.found))
        .collect();
    assert_eq!(f, [("meta.year_mismatch", Some(Number::int(2020)))]);
    assert!(report.findings[0].message.contains("title"));
}

#[test]
fn structure_rules_skip_legacy_reports() {
    // The template's sections are not required of a legacy report; its
    // numbering (一、二、三、四、六) must still run in sequence.
    let mut report = reader::read(&fixture("missing-section"));
    report.format = ogi_report::Format::Legacy;
    let rules: Vec<String> = ogi_report::audit::audit(&report)
        .into_iter()
        .map(|f| f.rule.into())
        .collect();
    assert_eq!(rules, ["structure.numbering"]);
}

#[test]
fn null_markers_are_empty_cells() {
    let text = fixture("ok-2021").replace("行政许可\t12", "行政许可\t无");
    let report = reader::read(&text);
    assert_eq!(located(&report), ["table.empty_cell 17:6"]);
    assert!(report.findings[0].message.contains("“无”"));
}

#[test]
fn findings_round_trip_through_json() {
    let report = reader::read(&fixture("label"));
    let json = serde_json::to_string(&report.findings).unwrap();
    let back: Vec<ogi_report::Finding> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report.findings);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["rule"], "label.nonstandard");
    assert_eq!(v[0]["severity"], "warning");
    assert_eq!(v[0]["span"]["line"], 49);
}

// ---------------------------------------------------------------------------
// The real corpus: snapshot of every file's findings.

fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&util::shared_dir().join("corpus"), &mut out);
    out
}

/// `corpus/real/pdf/hzq2023.layout.txt` → `real-pdf-hzq2023.layout`.
fn snapshot_name(path: &Path) -> String {
    let corpus = util::shared_dir().join("corpus");
    let rel = path
        .strip_prefix(&corpus)
        .unwrap_or(path)
        .with_extension("");
    rel.to_string_lossy().replace(['/', '\\'], "-")
}

fn findings_of(path: &Path) -> (String, Report) {
    let bytes = std::fs::read(path).expect("read corpus file");
    let (text, _) = ogi_report::decode::decode(&bytes).expect("decode");
    let report = ogi_report::parse(&text).expect("parse");
    (text.into_owned(), report)
}

#[test]
fn corpus_findings_match_snapshots() {
    let files = corpus_files();
    assert!(
        !files.is_empty(),
        "no corpus under {}",
        util::shared_dir().display()
    );
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let dir = util::repo_path("tests/fixtures/audit/corpus");
    let mut failures = Vec::new();
    for path in files {
        let (_, report) = findings_of(&path);
        let got: String = located(&report).iter().map(|l| format!("{l}\n")).collect();
        let snap = dir.join(format!("{}.findings", snapshot_name(&path)));
        if update {
            std::fs::create_dir_all(&dir).expect("snapshot folder");
            std::fs::write(&snap, &got).expect("write snapshot");
            continue;
        }
        let Ok(want) = std::fs::read_to_string(&snap) else {
            failures.push(format!(
                "{}: no snapshot {}",
                path.display(),
                snap.display()
            ));
            continue;
        };
        if got != want {
            failures.push(format!(
                "{}:\n--- want\n{want}--- got\n{got}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(UPDATE_SNAPSHOTS=1 rewrites the snapshots)",
        failures.join("\n")
    );
}

#[test]
fn corpus_finding_spans_agree_with_their_offsets() {
    // `ogi audit` prints line:col computed from the byte offset; the model's
    // line and column must say the same.
    for path in corpus_files() {
        let (text, report) = findings_of(&path);
        for f in &report.findings {
            let Some(s) = f.span else { continue };
            let p = ogi_report::Position::of(&text, s.start as usize);
            assert_eq!(
                (p.line, p.column),
                (s.line, s.column),
                "{}: {}",
                path.display(),
                f.message
            );
            assert!(
                s.start <= s.end && s.range().end <= text.len(),
                "{}: {}",
                path.display(),
                f.message
            );
        }
    }
}

fn seed(prefix: &str) -> PathBuf {
    corpus_files()
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
                && p.to_string_lossy().contains("seeds")
        })
        .unwrap_or_else(|| panic!("seed {prefix}"))
}

#[test]
fn seed_002_has_a_year_mismatch_in_its_preamble() {
    let (text, report) = findings_of(&seed("002_"));
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "meta.year_mismatch")
        .expect("meta.year_mismatch");
    assert_eq!(f.span.map(|s| s.slice(&text)), Some("2018"));
    assert_eq!(f.span.map(|s| (s.line, s.column)), Some((6, 40)));
}

#[test]
fn seed_001_has_empty_review_cells() {
    let (_, report) = findings_of(&seed("001_"));
    let empty: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "table.empty_cell" && f.table.as_deref() == Some("review_litigation"))
        .map(|f| {
            (
                f.row.as_deref().unwrap_or_default().to_owned(),
                f.column.as_deref().map(str::to_owned),
            )
        })
        .collect();
    // One finding per cell when the parser knows where each empty cell is;
    // one for the row when all five sit at the same place.
    let per_cell: Vec<_> = ["upheld", "corrected", "other", "pending", "total"]
        .map(|c| ("review".to_owned(), Some(c.to_owned())))
        .to_vec();
    let per_row = vec![("review".to_owned(), None)];
    assert!(empty == per_cell || empty == per_row, "{empty:?}");
}

#[test]
fn seed_004_has_nonstandard_labels() {
    let (text, report) = findings_of(&seed("004_"));
    let labels: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "label.nonstandard")
        .filter_map(|f| f.span.map(|s| s.slice(&text).trim().to_owned()))
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("(五)不予公开")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("确认或新出具")),
        "{labels:?}"
    );
}

#[test]
fn hzq2023_review_totals_are_errors() {
    let path = util::shared_dir().join("corpus/real/pdf/hzq2023.layout.txt");
    let (_, report) = findings_of(&path);
    let got: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "review_litigation.total" && f.severity == Severity::Error)
        .map(|f| {
            (
                f.row.as_deref().unwrap_or_default().to_owned(),
                f.expected,
                f.found,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "review".to_owned(),
                Some(Number::int(11)),
                Some(Number::int(0))
            ),
            (
                "litigation_after_review".to_owned(),
                Some(Number::int(5)),
                Some(Number::int(0))
            ),
        ]
    );
}
