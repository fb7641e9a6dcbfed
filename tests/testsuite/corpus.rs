//! The real corpus (`../shared/corpus/`): every `.txt` file parses with
//! nothing lost, and its figures are checked against the text.

use std::path::PathBuf;

use ogi_report::model::{AppCol, AppRow, Key, RlGroup, RlOutcome};
use ogi_report::{Format, Report, SectionKind};

use crate::util::{parse_lossless, shared_dir};

/// Every `.txt` file below `shared/corpus`, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
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
    let bytes = std::fs::read(shared_dir().join("corpus").join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    let (text, _) = ogi_report::decode::decode(&bytes).expect("decodes");
    let text = text.into_owned();
    let report = parse_lossless(&text);
    (text, report)
}

#[test]
fn every_corpus_file_parses_with_nothing_lost() {
    let files = corpus_files();
    assert!(
        files.len() >= 20,
        "corpus not found: {}",
        shared_dir().display()
    );
    let mut failures = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let (text, _) =
            ogi_report::decode::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let report = ogi_report::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        if let Err(e) = ogi_report::lossless::check(&text, &report) {
            let at = match &e {
                ogi_report::lossless::LossError::Lost { offset, .. }
                | ogi_report::lossless::LossError::Overlap { offset, .. } => *offset,
                ogi_report::lossless::LossError::BadSpan { start, .. } => *start,
            };
            let p = ogi_report::Position::of(&text, at);
            failures.push(format!(
                "{}: {e} (line {}, column {})",
                f.display(),
                p.line,
                p.column
            ));
            continue;
        }
        // the JSON round-trips
        let back = Report::from_json(&report.to_json().unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!(back, report, "{}", f.display());
    }
    assert!(
        failures.is_empty(),
        "nothing-lost failures:\n{}",
        failures.join("\n")
    );
}

fn kinds(r: &Report) -> Vec<(u32, SectionKind)> {
    r.sections.iter().map(|s| (s.number, s.kind)).collect()
}

pub fn app_row(r: &Report, row: AppRow) -> Vec<Option<i64>> {
    let t = r.applications().expect("applications table");
    let cells = t.rows.get(&row).unwrap_or_else(|| panic!("row {row}"));
    AppCol::TEMPLATE
        .iter()
        .map(|c| cells.get(c).copied().flatten().and_then(|n| n.as_i64()))
        .collect()
}

fn all_app_zero(r: &Report) {
    let t = r.applications().expect("applications table");
    for (row, cells) in &t.rows {
        for (col, v) in cells {
            assert_eq!(v.and_then(|n| n.as_i64()), Some(0), "{row}.{col}");
        }
    }
}

pub fn review(r: &Report) -> Vec<Option<i64>> {
    let t = r.review_litigation().expect("review table");
    RlGroup::ALL
        .iter()
        .flat_map(|g| RlOutcome::ALL.iter().map(move |o| (g, o)))
        .map(|(g, o)| {
            t.groups
                .get(g)
                .and_then(|m| m.get(o))
                .copied()
                .flatten()
                .and_then(|n| n.as_i64())
        })
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
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| (i as u32 + 1, *k))
        .collect()
}

/// Every typed cell's raw text is the source text under its span, and its
/// value is the number that text starts with (null for empty and markers).
fn cells_match_text(name: &str, text: &str, r: &Report) {
    use ogi_report::model::Table;
    let check = |raw: &str, span: ogi_report::Span, value: Option<ogi_report::Number>| {
        if raw.is_empty() {
            assert_eq!(value, None, "{name}: empty cell with a value");
            return;
        }
        assert_eq!(&text[span.range()], raw, "{name}: cell raw vs span");
        let expect = ogi_report::Number::parse_prefix(raw.trim()).map(|p| p.0);
        assert_eq!(value, expect, "{name}: value of {raw:?}");
    };
    for t in r.tables() {
        match t {
            Table::Applications(a) => {
                for (row, src) in &a.source {
                    for (col, cell) in &src.cells {
                        check(&cell.raw, cell.span, a.rows[row][col]);
                    }
                    if src.fused.is_some() {
                        assert!(
                            a.rows[row].values().all(Option::is_none),
                            "{name}: fused row {row} has values"
                        );
                    }
                }
            }
            Table::ReviewLitigation(a) => {
                for (g, src) in &a.source {
                    for (o, cell) in &src.cells {
                        check(&cell.raw, cell.span, a.groups[g][o]);
                    }
                }
            }
            Table::ActiveDisclosure(a) => {
                for (item, src) in &a.source {
                    for (f, cell) in &src.cells {
                        check(&cell.raw, cell.span, a.items[item][f]);
                    }
                }
            }
            Table::LegacyStatistics(l) => {
                let rows = l.source.iter().map(|(k, s)| (s, &l.rows[k]));
                for (src, values) in rows.chain(l.other_rows.iter().map(|o| (&o.source, &o.values)))
                {
                    for (col, cell) in &src.cells {
                        check(&cell.raw, cell.span, values[col]);
                    }
                }
            }
            Table::Generic(g) => {
                for (row, spans) in g.rows.iter().zip(&g.spans.rows) {
                    for (cell, span) in row.iter().zip(spans) {
                        assert_eq!(&text[span.range()], cell, "{name}: generic cell");
                    }
                }
            }
        }
    }
}

#[test]
fn every_cell_is_the_text_under_its_span() {
    for f in corpus_files() {
        let bytes = std::fs::read(&f).unwrap();
        let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
        let r = ogi_report::parse(&text).unwrap();
        cells_match_text(&f.display().to_string(), &text, &r);
    }
}

#[test]
fn seed_000_legacy_without_tables() {
    let (_, r) = load("seeds/000_7d60d873e1718413.txt");
    assert_eq!(r.format, Format::Legacy);
    assert_eq!(r.meta.year, Some(2021));
    assert_eq!(r.meta.organ.as_deref(), Some("龙场镇"));
    use SectionKind::*;
    assert_eq!(
        kinds(&r),
        numbered(&[Other, ActiveDisclosure, Fees, ReviewLitigation, Problems])
    );
    assert_eq!(r.sections[4].heading.raw, "五、存在的主要问题和改进措");
    assert_eq!(r.tables().count(), 0);
    assert!(r.applications().is_none());
}

#[test]
fn seed_001_tab_rows_2019_tables_in_a_2021_report() {
    let (_, r) = load("seeds/001_121cea9b6c16060c.txt");
    assert_eq!(r.format, Format::V2019, "the tables are the 2019 ones");
    assert_eq!(r.meta.year, Some(2021));
    assert_eq!(r.meta.organ.as_deref(), Some("华宁县青龙镇人民政府"));
    assert_eq!(
        r.meta.title.as_deref(),
        Some("青龙镇 2021 年政府信息公开工作 年度报告")
    );
    let signed = r.meta.signed.as_ref().unwrap();
    assert_eq!(signed.date.as_deref(), Some("2022-01-25"));
    assert_eq!(kinds(&r), numbered(&TEMPLATE_KINDS));
    // the paragraph broken by a page break (进行公 / 开) is one paragraph
    let ogi_report::Block::Subsection(sub) = &r.sections[0].blocks[2] else {
        panic!("subsection")
    };
    let ogi_report::Block::Paragraph(p) = &sub.blocks[0] else {
        panic!("paragraph")
    };
    assert!(p.text.contains("进行公开，结合新媒体"), "{}", p.text);
    // applications: 23 rows (2019), all zero
    let a = r.applications().unwrap();
    assert_eq!(a.rows.len(), 23);
    assert_eq!(
        a.rows.keys().copied().collect::<Vec<_>>(),
        AppRow::template(Format::V2019)
    );
    all_app_zero(&r);
    // the row whose label moved to the next cell (5. 属于三类内部事务信息)
    assert_eq!(app_row(&r, AppRow::DeniedInternalAffairs), vec![Some(0); 7]);
    // review: the 行政复议 cells are empty, the litigation cells 0
    let mut expect = vec![None; 5];
    expect.extend(vec![Some(0); 10]);
    assert_eq!(review(&r), expect);
    // active disclosure: 2019 fields, all zero
    let d = r.active_disclosure().unwrap();
    assert_eq!(d.items.len(), 8);
    for (item, fields) in &d.items {
        assert_eq!(
            fields.keys().copied().collect::<Vec<_>>(),
            item.fields(Format::V2019),
            "{item}"
        );
        assert!(
            fields
                .values()
                .all(|v| v.and_then(|n| n.as_i64()) == Some(0)),
            "{item}"
        );
    }
}

#[test]
fn seed_002_legacy_with_a_generic_table_and_a_year_disagreement() {
    let (_, r) = load("seeds/002_0da7cf9a7e445bc1.txt");
    assert_eq!(r.format, Format::Legacy);
    assert_eq!(r.meta.year, Some(2019));
    assert_eq!(r.meta.organ.as_deref(), Some("龙游县社阳乡"));
    assert_eq!(r.meta.published.as_deref(), Some("2020-01-17"));
    let p = r.meta.period.as_ref().unwrap();
    assert_eq!(
        (p.start.as_str(), p.end.as_str()),
        ("2019-01-01", "2019-12-31")
    );
    // the preamble says 2018: kept for the audit
    use ogi_report::model::YearSource;
    let pre: Vec<i32> = r
        .meta
        .years
        .iter()
        .filter(|y| y.source == YearSource::Preamble)
        .map(|y| y.year)
        .collect();
    assert_eq!(pre, vec![2018]);
    use SectionKind::*;
    assert_eq!(kinds(&r), numbered(&[Overview, Other, Problems]));
    let g = r
        .tables()
        .find_map(|t| match t {
            ogi_report::Table::Generic(g) => Some(g),
            _ => None,
        })
        .expect("generic table");
    assert_eq!(g.header, ["公开名称", "信息数"]);
    assert_eq!(g.rows.len(), 16);
    assert_eq!(g.rows[0], ["信息公开指南", "1"]);
    assert_eq!(g.rows[8], ["政务活动", "33"]);
    assert_eq!(g.rows[15], ["小 计", "93"]);
    let sum: i64 = g.rows[..15]
        .iter()
        .map(|row| row[1].parse::<i64>().unwrap())
        .sum();
    assert_eq!(sum, 93, "the 15 rows add up to the 小计");
}

#[test]
fn seed_003_eight_legacy_sections_markup_and_signature() {
    let (_, r) = load("seeds/003_c0125ad0501ff42e.txt");
    assert_eq!(r.format, Format::Legacy);
    assert_eq!(r.meta.year, Some(2019));
    assert_eq!(
        r.meta.title.as_deref(),
        Some("长安营镇2019年政务信息公开年度报告")
    );
    assert_eq!(r.meta.organ.as_deref(), Some("长安营镇人民政府"));
    assert_eq!(
        r.meta.signed.as_ref().and_then(|s| s.date.as_deref()),
        Some("2020-02-18")
    );
    use SectionKind::*;
    assert_eq!(
        kinds(&r),
        numbered(&[
            Overview,
            KeyAreas,
            ActiveDisclosure,
            Applications,
            Fees,
            ReviewLitigation,
            Problems,
            OtherMatters
        ])
    );
    assert!(
        r.preamble
            .iter()
            .any(|b| matches!(b, ogi_report::Block::Markup(m) if m.text == "[bookmark: _GoBack]"))
    );
    // `( 二)` with a stray space is a subsection marker
    let ogi_report::Block::Subsection(s) = &r.sections[1].blocks[2] else {
        panic!("subsection")
    };
    assert_eq!(s.marker, "(\u{a0}二)");
    assert_eq!(r.closing.len(), 2);
}

#[test]
fn seed_004_one_cell_per_line_2021() {
    let (_, r) = load("seeds/004_d13c5985a7c040e2.txt");
    assert_eq!(r.format, Format::V2021);
    assert_eq!(r.meta.year, Some(2021));
    assert_eq!(r.meta.organ.as_deref(), Some("丰城市洛市镇人民政府"));
    assert_eq!(kinds(&r), numbered(&TEMPLATE_KINDS));
    let a = r.applications().unwrap();
    assert_eq!(
        a.rows.keys().copied().collect::<Vec<_>>(),
        AppRow::template(Format::V2021)
    );
    all_app_zero(&r);
    assert_eq!(review(&r), vec![Some(0); 15]);
    let n = |row: &str, col: &str| {
        r.cell("active_disclosure", row, col)
            .ok()
            .and_then(|n| n.as_i64())
    };
    assert_eq!(
        (
            n("normative_documents", "issued"),
            n("normative_documents", "repealed"),
            n("normative_documents", "in_force")
        ),
        (Some(4), Some(0), Some(4))
    );
    for (item, col) in [
        ("regulations", "issued"),
        ("licensing", "decisions"),
        ("penalties", "decisions"),
        ("enforcement", "decisions"),
        ("fees", "amount_10k_yuan"),
    ] {
        assert_eq!(n(item, col), Some(0), "{item}.{col}");
    }
    // the raw labels are kept, typos included
    let label = |row: AppRow| a.source[&row].label.as_ref().unwrap().raw.clone();
    assert_eq!(
        label(AppRow::NotProcessedConfirmation),
        "5.要求行政机关确认或新出具已获取信息"
    );
    assert!(a.fragments.iter().any(|f| f.raw == "(五)不予公开"));
}

fn load_expected(name: &str) -> serde_json::Value {
    let p = shared_dir()
        .join("corpus/real/pdf")
        .join(format!("{name}.expected.json"));
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// Checks a PDF text against the figures read by hand. `strict`: every
/// figure must be found; otherwise a figure may be missing (null) but never
/// different.
fn check_pdf(file: &str, expected: &str, strict: bool) {
    let (_, r) = load(&format!("real/pdf/{file}"));
    check_figures(file, &r, expected, strict);
}

/// Checks a report read from one of the PDFs against the figures read by
/// hand (see [`check_pdf`]).
pub fn check_figures(file: &str, r: &Report, expected: &str, strict: bool) {
    let r = r.clone();
    let e = load_expected(expected);
    assert_eq!(r.format.key(), e["template"].as_str().unwrap(), "{file}");
    assert_eq!(r.meta.year, e["year"].as_i64().map(|y| y as i32), "{file}");
    assert_eq!(r.meta.organ.as_deref(), e["organ"].as_str(), "{file}");
    let headings: Vec<String> = r
        .sections
        .iter()
        .map(|s| s.heading.raw.trim().to_string())
        .collect();
    let want: Vec<String> = e["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert_eq!(headings, want, "{file}");
    assert_eq!(kinds(&r), numbered(&TEMPLATE_KINDS), "{file}");
    let mut found = 0;
    for (row, vals) in e["applications"].as_object().unwrap() {
        let got = app_row(&r, AppRow::from_key(row).unwrap());
        let want: Vec<Option<i64>> = vals
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64())
            .collect();
        if strict {
            assert_eq!(got, want, "{file} {row}");
        } else {
            for (g, w) in got.iter().zip(&want) {
                assert!(g.is_none() || g == w, "{file} {row}: {got:?} vs {want:?}");
            }
        }
        found += usize::from(got == want);
    }
    let want: Vec<Option<i64>> = e["review_litigation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64())
        .collect();
    let got = review(&r);
    if strict {
        assert_eq!(got, want, "{file} review");
    } else {
        assert!(
            got.iter().zip(&want).all(|(g, w)| g.is_none() || g == w),
            "{file} review {got:?}"
        );
    }
    assert!(found >= 3, "{file}: only {found} rows recovered");
}

#[test]
fn pdf_layout_texts_match_the_figures_read_by_hand() {
    check_pdf("hzq2023.layout.txt", "hzq2023", true);
    check_pdf("hzq2024.layout.txt", "hzq2024", true);
    check_pdf("szfgs2024.layout.txt", "szfgs2024", true);
}

#[test]
fn pdf_raw_order_text_is_never_misread() {
    // pdftotext's default mode detaches numbers from labels: what cannot be
    // placed stays null, what is placed must be right
    check_pdf("hzq2024.raw.txt", "hzq2024.raw", false);
}

#[test]
fn pdf_hzq2023_keeps_the_review_totals_as_printed() {
    let (_, r) = load("real/pdf/hzq2023.layout.txt");
    let t = r.review_litigation().unwrap();
    assert_eq!(
        t.groups[&RlGroup::Review][&RlOutcome::Upheld]
            .unwrap()
            .as_i64(),
        Some(10)
    );
    assert_eq!(
        t.groups[&RlGroup::Review][&RlOutcome::Total]
            .unwrap()
            .as_i64(),
        Some(0)
    );
    // a typo in a label is matched, the raw label kept
    let a = r.applications().unwrap();
    assert!(
        a.source[&AppRow::DeniedProhibitedByLaw]
            .label
            .as_ref()
            .unwrap()
            .raw
            .contains("其他法律行政止公开")
    );
    // the 2021 Table 2 with a 2019 single 其他处理 row
    assert!(a.rows.contains_key(&AppRow::OtherProcessing));
    assert_eq!(
        r.cell("active_disclosure", "fees", "amount_10k_yuan")
            .unwrap()
            .to_string(),
        "7730.28"
    );
}

/// Facts of the pingtan series from its README table: year, organ, format.
fn pingtan_readme() -> Vec<(String, i32, String, Format)> {
    let readme =
        std::fs::read_to_string(shared_dir().join("corpus/real/pingtan/README.md")).unwrap();
    readme
        .lines()
        .filter(|l| l.starts_with("| 20"))
        .map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            let file = cols[1].split(" / ").next().unwrap().to_string();
            let format = if cols[4].starts_with("legacy") {
                Format::Legacy
            } else if cols[4].starts_with("2019") {
                Format::V2019
            } else {
                Format::V2021
            };
            (file, cols[2].parse().unwrap(), cols[3].to_string(), format)
        })
        .collect()
}

#[test]
fn pingtan_series_year_organ_format_and_headings() {
    use SectionKind::*;
    let facts = pingtan_readme();
    assert_eq!(facts.len(), 19);
    let old4 = [Overview, ActiveDisclosure, Applications, Problems];
    let headings: &[(&str, &[SectionKind])] = &[
        ("2011-80678", &old4),
        ("2011-80716", &old4),
        ("2012-80725", &old4),
        (
            "2012-80734",
            &[Overview, KeyAreas, ActiveDisclosure, Applications, Problems],
        ),
        ("2013-80754", &old4),
        ("2013-80759", &old4),
        (
            "2013-80774",
            &[
                Overview,
                ActiveDisclosure,
                Applications,
                Other,
                ReviewLitigation,
                Staffing,
            ],
        ),
        (
            "2014-80791",
            &[
                Overview,
                ActiveDisclosure,
                Applications,
                Fees,
                Problems,
                Statistics,
            ],
        ),
        (
            "2015-80445",
            &[
                Overview,
                ActiveDisclosure,
                Applications,
                Fees,
                ReviewLitigation,
                Problems,
                Statistics,
            ],
        ),
        (
            "2016-80485",
            &[
                Overview,
                ActiveDisclosure,
                Applications,
                Fees,
                ReviewLitigation,
                Problems,
                Statistics,
            ],
        ),
        (
            "2017-80506",
            &[
                Overview,
                ActiveDisclosure,
                Applications,
                ReviewLitigation,
                Problems,
                Statistics,
            ],
        ),
        (
            "2018-80529",
            &[
                Overview,
                ActiveDisclosure,
                Applications,
                ReviewLitigation,
                Problems,
                Statistics,
            ],
        ),
    ];
    for (file, year, organ, format) in facts {
        let (_, r) = load(&format!("real/pingtan/{file}"));
        assert_eq!(r.meta.year, Some(year), "{file}");
        assert_eq!(r.meta.organ.as_deref(), Some(organ.as_str()), "{file}");
        assert_eq!(r.format, format, "{file}");
        let stem = file.trim_end_matches(".txt");
        match headings.iter().find(|h| h.0 == stem) {
            Some((_, k)) => assert_eq!(kinds(&r), numbered(k), "{file}"),
            None => {
                assert_eq!(kinds(&r), numbered(&TEMPLATE_KINDS), "{file}");
                assert!(
                    r.applications().is_some()
                        && r.review_litigation().is_some()
                        && r.active_disclosure().is_some(),
                    "{file}"
                );
            }
        }
    }
}

#[test]
fn pingtan_fused_cells_are_kept_raw_never_guessed() {
    let (_, r) = load("real/pingtan/2022-80629.txt");
    let a = r.applications().unwrap();
    // `一、本年新收政府信息公开申请数量 713000074`: nine digits for seven cells
    let src = &a.source[&AppRow::NewReceived];
    assert_eq!(src.fused.as_ref().unwrap().raw, "713000074");
    assert!(a.rows[&AppRow::NewReceived].values().all(Option::is_none));
    assert_eq!(
        r.cell("applications", "new_received", "total"),
        Err(ogi_report::CellError::Empty)
    );
    // seven digits for seven cells can only be read one way
    assert_eq!(
        app_row(&r, AppRow::CarriedOver),
        [1, 0, 0, 0, 0, 0, 1].map(Some).to_vec()
    );
    assert_eq!(
        app_row(&r, AppRow::OtherOther),
        [0, 2, 0, 0, 0, 0, 2].map(Some).to_vec()
    );
    // the review row keeps its spaces: `0 1 1 0 2 1 0 0 0 1 0 0 0 0 0`
    assert_eq!(
        review(&r),
        [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
            .map(Some)
            .to_vec()
    );
    // 2025: the review digits ran together
    let (_, r) = load("real/pingtan/2025-105587.txt");
    let t = r.review_litigation().unwrap();
    assert_eq!(
        t.source[&RlGroup::Review].fused.as_ref().unwrap().raw,
        "25380363300630003"
    );
    assert!(review(&r).iter().all(Option::is_none));
    assert_eq!(
        app_row(&r, AppRow::CarriedForward),
        [4, 2, 0, 0, 0, 0, 6].map(Some).to_vec()
    );
    // 2019: `（七）总计23 0 00 0 023` has exactly one reading
    let (_, r) = load("real/pingtan/2019-80576.txt");
    assert_eq!(
        app_row(&r, AppRow::TotalProcessed),
        [23, 0, 0, 0, 0, 0, 23].map(Some).to_vec()
    );
    assert!(
        r.applications().unwrap().source[&AppRow::NewReceived]
            .fused
            .is_some()
    );
}
