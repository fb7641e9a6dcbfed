//! The project's own fixtures (`tests/fixtures/valid/`): one per layout and
//! format, with non-zero numbers in every table. Each parses with nothing
//! lost, matches its JSON snapshot (`UPDATE_SNAPSHOTS=1` rewrites them) and
//! has its figures asserted here.

use std::path::PathBuf;

use ogi_report::model::{AdField, AdItem, AppCol, AppRow, Key, RlGroup, RlOutcome};
use ogi_report::{Format, Report};

use crate::util::{parse_lossless, repo_path};

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo_path("tests/fixtures/valid"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn load(name: &str) -> Report {
    let bytes = std::fs::read(repo_path("tests/fixtures/valid").join(name)).unwrap();
    let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
    parse_lossless(&text)
}

#[test]
fn fixtures_match_their_json_snapshots() {
    for f in fixtures() {
        let bytes = std::fs::read(&f).unwrap();
        let report = ogi_report::parse_bytes(&bytes).unwrap();
        crate::util::check_json_snapshot(&f, &report);
    }
}

fn app(r: &Report, row: AppRow) -> Vec<i64> {
    let t = r.applications().unwrap();
    AppCol::TEMPLATE
        .iter()
        .map(|c| t.rows[&row][c].unwrap().as_i64().unwrap())
        .collect()
}

fn review(r: &Report) -> Vec<Option<i64>> {
    let t = r.review_litigation().unwrap();
    RlGroup::ALL
        .iter()
        .flat_map(|g| {
            RlOutcome::ALL
                .iter()
                .map(move |o| t.groups[g][o].and_then(|n| n.as_i64()))
        })
        .collect()
}

/// The figures of fixtures 001, 002 and 007 (the same 2022 report in three
/// layouts and encodings).
fn check_2022_nonzero(r: &Report) {
    assert_eq!(r.format, Format::V2021);
    assert_eq!(r.meta.year, Some(2022));
    assert_eq!(r.meta.organ.as_deref(), Some("示例县人民政府"));
    assert_eq!(r.meta.contacts.postcode.as_deref(), Some("100000"));
    assert_eq!(r.meta.contacts.phone, ["010-12345678"]);
    assert_eq!(r.meta.contacts.email.as_deref(), Some("gk@example.gov.cn"));
    assert_eq!(app(r, AppRow::NewReceived), [20, 3, 1, 0, 2, 1, 27]);
    assert_eq!(app(r, AppRow::CarriedOver), [2, 0, 0, 0, 1, 0, 3]);
    assert_eq!(app(r, AppRow::Granted), [8, 1, 1, 0, 1, 0, 11]);
    assert_eq!(app(r, AppRow::UnableNotHeld), [3, 1, 0, 0, 1, 0, 5]);
    assert_eq!(app(r, AppRow::NotProcessedPetition), [1, 0, 0, 0, 0, 1, 2]);
    assert_eq!(app(r, AppRow::OtherNoCorrection), [1, 0, 0, 0, 1, 0, 2]);
    assert_eq!(app(r, AppRow::TotalProcessed), [21, 3, 1, 0, 3, 1, 29]);
    assert_eq!(app(r, AppRow::CarriedForward), [1, 0, 0, 0, 0, 0, 1]);
    assert_eq!(r.applications().unwrap().rows.len(), 25);
    assert_eq!(
        review(r),
        [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 1, 0, 0, 1]
            .map(Some)
            .to_vec()
    );
    let d = r.active_disclosure().unwrap();
    let v = |i: AdItem, f: AdField| d.items[&i][&f].unwrap().to_string();
    assert_eq!(
        (
            v(AdItem::Regulations, AdField::Issued),
            v(AdItem::Regulations, AdField::InForce)
        ),
        ("1".into(), "5".into())
    );
    assert_eq!(v(AdItem::NormativeDocuments, AdField::Repealed), "1");
    assert_eq!(v(AdItem::Licensing, AdField::Decisions), "356");
    assert_eq!(v(AdItem::Penalties, AdField::Decisions), "78");
    assert_eq!(v(AdItem::Enforcement, AdField::Decisions), "5");
    assert_eq!(v(AdItem::Fees, AdField::Amount10kYuan), "12.5");
    // a consistent report: no arithmetic finding
    let arithmetic = [
        "applications.balance",
        "applications.total_processed",
        "applications.row_total",
        "review_litigation.total",
    ];
    assert!(
        r.findings
            .iter()
            .all(|f| !arithmetic.contains(&f.rule.as_str())),
        "{:?}",
        r.findings
    );
}

#[test]
fn tab_separated_rows() {
    check_2022_nonzero(&load("001-tab-2021-nonzero.txt"));
}

#[test]
fn markdown_pipe_tables() {
    let r = load("002-pipe-2021-nonzero.txt");
    check_2022_nonzero(&r);
    assert_eq!(
        r,
        load("001-tab-2021-nonzero.txt"),
        "same report, two layouts, one model"
    );
}

#[test]
fn gb18030_with_crlf() {
    let bytes = std::fs::read(repo_path("tests/fixtures/valid/007-gb18030-crlf-2021.txt")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    let (text, enc) = ogi_report::decode::decode(&bytes).unwrap();
    assert_eq!(enc, ogi_report::decode::Encoding::Gb18030);
    let r = parse_lossless(&text);
    check_2022_nonzero(&r);
    assert_eq!(r, load("001-tab-2021-nonzero.txt"));
}

#[test]
fn space_aligned_pdf_text_2019() {
    let r = load("003-space-aligned-2019.txt");
    assert_eq!(r.format, Format::V2019);
    assert_eq!(r.meta.year, Some(2019));
    assert_eq!(app(&r, AppRow::NewReceived), [5, 1, 0, 0, 0, 0, 6]);
    assert_eq!(app(&r, AppRow::PartiallyGranted), [1, 0, 0, 0, 0, 0, 1]);
    assert_eq!(app(&r, AppRow::OtherProcessing), [0; 7]);
    assert_eq!(app(&r, AppRow::TotalProcessed), [5, 1, 0, 0, 0, 0, 6]);
    assert_eq!(r.applications().unwrap().rows.len(), 23);
    let mut want = vec![Some(1), Some(0), Some(0), Some(0), Some(1)];
    want.extend(vec![Some(0); 10]);
    assert_eq!(review(&r), want);
    let d = r.active_disclosure().unwrap();
    assert_eq!(
        d.items[&AdItem::Licensing][&AdField::Change]
            .unwrap()
            .as_i64(),
        Some(-8),
        "negative 本年增/减"
    );
    assert_eq!(
        d.items[&AdItem::Fees][&AdField::Change].unwrap().as_i64(),
        Some(-1)
    );
    assert_eq!(
        d.items[&AdItem::OtherServices][&AdField::Decisions]
            .unwrap()
            .as_i64(),
        Some(15)
    );
    assert_eq!(
        d.items[&AdItem::Procurement][&AdField::Amount]
            .unwrap()
            .to_string(),
        "356.5"
    );
    assert_eq!(d.units[&AdItem::Procurement][&AdField::Amount], "万元");
    assert_eq!(d.items.len(), 8);
    // the page number inside the table is kept as a fragment
    assert!(d.fragments.iter().any(|f| f.raw == "-2-"));
}

#[test]
fn blank_separated_cells() {
    let r = load("004-blank-separated-cells-2021.txt");
    assert_eq!(r.format, Format::V2021);
    assert_eq!(app(&r, AppRow::NewReceived), [0; 7]);
    assert_eq!(r.applications().unwrap().rows.len(), 25);
    assert_eq!(review(&r), vec![Some(0); 15]);
    assert_eq!(
        r.cell("active_disclosure", "normative_documents", "issued")
            .unwrap()
            .as_i64(),
        Some(2)
    );
    // `—` is an empty cell, never a zero
    assert_eq!(
        r.cell("active_disclosure", "licensing", "decisions"),
        Err(ogi_report::CellError::Empty)
    );
}

#[test]
fn legacy_sections_with_a_statistics_table() {
    use ogi_report::SectionKind::*;
    let r = load("005-legacy-sections.txt");
    assert_eq!(r.format, Format::Legacy);
    assert_eq!(r.meta.year, Some(2015));
    let kinds: Vec<_> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            Overview,
            ActiveDisclosure,
            Applications,
            Fees,
            ReviewLitigation,
            Problems,
            Statistics
        ]
    );
    // the statistics table is typed (a grid: one cell per tab)
    let t = r.legacy_statistics().expect("legacy statistics table");
    assert_eq!(t.columns, [ogi_report::model::LegacyCol::ThisYear]);
    assert_eq!(
        r.cell("legacy_statistics", "proactive_items", "this_year")
            .unwrap()
            .as_i64(),
        Some(356)
    );
    assert_eq!(
        r.cell("legacy_statistics", "requests_received", "this_year")
            .unwrap()
            .as_i64(),
        Some(3)
    );
    assert_eq!(
        r.cell("legacy_statistics", "reviews", "this_year")
            .unwrap()
            .as_i64(),
        Some(0)
    );
    assert_eq!(t.units[&ogi_report::model::LegacyRow::Reviews], "件");
}

#[test]
fn text_without_structure_still_parses() {
    let r = load("006-no-structure.txt");
    assert_eq!(r.format, Format::Unknown);
    assert!(r.sections.is_empty());
    assert_eq!(r.preamble.len(), 3, "{:?}", r.preamble);
    assert!(matches!(&r.preamble[2], ogi_report::Block::Unrecognized(u) if u.text == "-1-"));
}

#[test]
fn cr_only_line_ends() {
    let text = std::fs::read_to_string(repo_path("tests/fixtures/valid/001-tab-2021-nonzero.txt"))
        .unwrap();
    let cr = text.replace('\n', "\r");
    let r = parse_lossless(&cr);
    check_2022_nonzero(&r);
    assert_eq!(r, load("001-tab-2021-nonzero.txt"));
    // spans refer to the caller's text: line numbers count CR line ends
    assert_eq!(r.sections[1].heading.span.line, 13);
}

#[test]
fn markup_residue_is_not_structure() {
    let text = "一、总体情况\n**一是**加强领导。全年召开会议3次。\n工作中**二是**完善制度。\n[bookmark: _GoBack]二、主动公开政府信息情况\n无。\n";
    let r = parse_lossless(text);
    assert_eq!(
        r.sections.len(),
        2,
        "the bookmark does not hide the heading? {:?}",
        r.sections
    );
    let ogi_report::Block::Subsection(s) = &r.sections[0].blocks[0] else {
        panic!("{:?}", r.sections[0].blocks)
    };
    assert_eq!(s.marker, "**一是**");
    assert_eq!(s.title.as_deref(), Some("加强领导。"));
}
