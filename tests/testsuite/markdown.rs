//! Converter markdown (`ogi_report::parse_markdown`): the three
//! `*.pymupdf4llm.md` files of the corpus against the figures read by hand,
//! and the fixtures of `tests/fixtures/markdown/`, one per layout pattern.

use ogi_report::Report;

use crate::corpus::check_figures;
use crate::util::shared_dir;

/// Parses converter markdown and checks that nothing was lost.
pub fn parse_md(text: &str) -> Report {
    let r = ogi_report::parse_markdown(text).expect("parse_markdown");
    if let Err(e) = ogi_report::lossless::check(text, &r) {
        let at = match &e {
            ogi_report::lossless::LossError::Lost { offset, .. }
            | ogi_report::lossless::LossError::Overlap { offset, .. } => *offset,
            ogi_report::lossless::LossError::BadSpan { start, .. } => *start,
        };
        let p = ogi_report::Position::of(text, at);
        panic!("nothing-lost check failed: {e} at {}:{}", p.line, p.column);
    }
    r
}

fn load_md(name: &str) -> (String, Report) {
    let p = shared_dir().join("corpus/real/pdf").join(name);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let text = String::from_utf8(bytes).expect("utf-8");
    let r = parse_md(&text);
    (text, r)
}

#[test]
fn pdf_converter_markdown_matches_the_figures_read_by_hand() {
    for (file, expected) in [
        ("hzq2023.pymupdf4llm.md", "hzq2023"),
        ("hzq2024.pymupdf4llm.md", "hzq2024"),
        ("szfgs2024.pymupdf4llm.md", "szfgs2024"),
    ] {
        let (_, r) = load_md(file);
        check_figures(file, &r, expected, true);
    }
}

#[test]
fn converter_markdown_is_recognised_by_content() {
    for file in [
        "hzq2023.pymupdf4llm.md",
        "hzq2024.pymupdf4llm.md",
        "szfgs2024.pymupdf4llm.md",
    ] {
        let bytes = std::fs::read(shared_dir().join("corpus/real/pdf").join(file)).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            ogi_report::input::markdown::is_converter_markdown(text),
            "{file}"
        );
        // parse_bytes takes the markdown path
        let r = ogi_report::parse_bytes(&bytes).unwrap();
        assert_eq!(r, parse_md(text), "{file}");
    }
    for f in crate::corpus::corpus_files() {
        let bytes = std::fs::read(&f).unwrap();
        let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
        assert!(
            !ogi_report::input::markdown::is_converter_markdown(&text),
            "{} is no markdown",
            f.display()
        );
    }
}

mod props {
    use proptest::prelude::*;

    /// Pieces converter markdown is made of, real and broken.
    const TOKENS: &[&str] = &[
        "|",
        "|",
        "|",
        "||",
        "|---|---|",
        "---",
        ":---:",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "<br>",
        "<BR/>",
        "**",
        "__",
        "#",
        "## ",
        "### ",
        "- 3 -",
        "第 2 页",
        "一、",
        "1.",
        "2、",
        "（三）",
        "三",
        "、",
        "本",
        "年",
        "21",
        "0",
        "7730.28",
        "-",
        "—",
        "\\|",
        "第二十条第（一）项",
        "信息内容",
        "规章",
        "行政复议",
        "结果<br>维持",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "一、本年新收政府信息",
        "公开申请数量",
        "（七）总计",
        "数据1",
        "总计",
        "22（其中修订16件）",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "。",
        "\t",
        "\u{3000}",
    ];

    fn markdown() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn any_markdown_parses_with_nothing_lost(md in markdown()) {
            super::parse_md(&md);
        }

        #[test]
        fn rows_of_a_real_table_in_any_order_lose_nothing(
            rows in prop::collection::vec(prop::sample::select(real_rows()), 1..30)
        ) {
            let md = format!("## 三、收到和处理政府信息公开申请情况\n\n{}", rows.concat());
            super::parse_md(&md);
        }
    }

    /// Every line of the corpus's converter markdown (read from
    /// `../shared/corpus/real/pdf/*.pymupdf4llm.md`), each with its line
    /// end, and a few shapes of our own (an all-empty pipe row, cells
    /// without pipes at the ends).
    fn real_rows() -> &'static [String] {
        static ROWS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        ROWS.get_or_init(|| {
            let dir = crate::util::shared_dir().join("corpus/real/pdf");
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .expect("corpus/real/pdf")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".pymupdf4llm.md"))
                .collect();
            files.sort();
            assert!(
                !files.is_empty(),
                "no converter markdown in {}",
                dir.display()
            );
            let mut rows: Vec<String> = files
                .iter()
                .flat_map(|p| {
                    let text = std::fs::read_to_string(p).unwrap();
                    text.split_inclusive('\n')
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .collect();
            rows.extend(["|||||||\n", "不带管道的|单元格|3\n", "\n- 3 - \n\n"].map(String::from));
            rows
        })
    }
}

// ---------------------------------------------------------------------------
// the fixtures: one report, its tables in each converter layout

use ogi_report::model::{AdField, AdItem, AppCol, AppRow, Key, RlGroup, RlOutcome};

use crate::util::repo_path;

fn fixture_dir() -> std::path::PathBuf {
    repo_path("tests/fixtures/markdown")
}

/// The fixtures (`NN-pattern.md`), without their `.bad.md` variants.
fn fixtures() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".md") && !n.ends_with(".bad.md")
        })
        .collect();
    v.sort();
    v
}

fn load_fixture(name: &str) -> Report {
    let text = std::fs::read_to_string(fixture_dir().join(name)).unwrap();
    parse_md(&text)
}

/// The applications rows every fixture prints, in template column order.
const APPLICATIONS: &[(AppRow, [i64; 7])] = &[
    (AppRow::NewReceived, [20, 3, 1, 0, 2, 1, 27]),
    (AppRow::CarriedOver, [2, 0, 0, 0, 1, 0, 3]),
    (AppRow::Granted, [8, 1, 1, 0, 1, 0, 11]),
    (AppRow::PartiallyGranted, [3, 1, 0, 0, 0, 0, 4]),
    (AppRow::DeniedStateSecret, [1, 0, 0, 0, 0, 0, 1]),
    (AppRow::DeniedProhibitedByLaw, [0; 7]),
    (AppRow::DeniedSecurityStability, [0; 7]),
    (AppRow::DeniedThirdPartyRights, [1, 0, 0, 0, 0, 0, 1]),
    (AppRow::DeniedInternalAffairs, [0; 7]),
    (AppRow::DeniedProcessInfo, [1, 0, 0, 0, 0, 0, 1]),
    (AppRow::DeniedLawEnforcementFile, [0; 7]),
    (AppRow::DeniedAdministrativeQuery, [0; 7]),
    (AppRow::UnableNotHeld, [3, 1, 0, 0, 1, 0, 5]),
    (AppRow::UnableNeedsCreation, [1, 0, 0, 0, 0, 0, 1]),
    (AppRow::UnableUnclear, [0; 7]),
    (AppRow::NotProcessedPetition, [1, 0, 0, 0, 0, 1, 2]),
    (AppRow::NotProcessedDuplicate, [1, 0, 0, 0, 0, 0, 1]),
    (AppRow::NotProcessedPublication, [0; 7]),
    (AppRow::NotProcessedExcessive, [0; 7]),
    (AppRow::NotProcessedConfirmation, [0; 7]),
    (AppRow::OtherNoCorrection, [1, 0, 0, 0, 1, 0, 2]),
    (AppRow::OtherUnpaidFee, [0; 7]),
    (AppRow::OtherOther, [0; 7]),
    (AppRow::TotalProcessed, [21, 3, 1, 0, 3, 1, 29]),
    (AppRow::CarriedForward, [1, 0, 0, 0, 0, 0, 1]),
];

const REVIEW: [i64; 15] = [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 1, 0, 0, 1];

fn check_sample(name: &str, r: &Report) {
    assert_eq!(r.format, ogi_report::Format::V2021, "{name}");
    assert_eq!(r.meta.year, Some(2022), "{name}");
    assert_eq!(r.meta.organ.as_deref(), Some("示例县人民政府"), "{name}");
    let a = r
        .applications()
        .unwrap_or_else(|| panic!("{name}: no applications table"));
    for (row, want) in APPLICATIONS {
        let got: Vec<Option<i64>> = AppCol::TEMPLATE
            .iter()
            .map(|c| {
                a.rows
                    .get(row)
                    .and_then(|cells| cells.get(c).copied().flatten())
                    .and_then(|n| n.as_i64())
            })
            .collect();
        let want: Vec<Option<i64>> = want.iter().map(|&n| Some(n)).collect();
        assert_eq!(got, want, "{name}: row {}", row.key());
    }
    let t = r
        .review_litigation()
        .unwrap_or_else(|| panic!("{name}: no review table"));
    let got: Vec<Option<i64>> = RlGroup::ALL
        .iter()
        .flat_map(|g| RlOutcome::ALL.iter().map(move |o| (g, o)))
        .map(|(g, o)| {
            t.groups
                .get(g)
                .and_then(|m| m.get(o).copied().flatten())
                .and_then(|n| n.as_i64())
        })
        .collect();
    assert_eq!(got, REVIEW.map(Some).to_vec(), "{name}: review");
    let ad = |item: AdItem, field: AdField| {
        r.active_disclosure()
            .and_then(|t| {
                t.items
                    .get(&item)
                    .and_then(|m| m.get(&field).copied().flatten())
            })
            .map(|n| n.to_string())
    };
    assert_eq!(
        ad(AdItem::Regulations, AdField::Issued).as_deref(),
        Some("1"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::Regulations, AdField::InForce).as_deref(),
        Some("5"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::NormativeDocuments, AdField::Issued).as_deref(),
        Some("4"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::NormativeDocuments, AdField::InForce).as_deref(),
        Some("12"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::Licensing, AdField::Decisions).as_deref(),
        Some("356"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::Penalties, AdField::Decisions).as_deref(),
        Some("78"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::Enforcement, AdField::Decisions).as_deref(),
        Some("5"),
        "{name}"
    );
    assert_eq!(
        ad(AdItem::Fees, AdField::Amount10kYuan).as_deref(),
        Some("12.5"),
        "{name}"
    );
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.raw.trim()).collect();
    assert_eq!(
        headings,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"
        ],
        "{name}"
    );
}

#[test]
fn markdown_fixtures_read_every_figure_with_no_finding() {
    let all = fixtures();
    assert!(all.len() >= 10, "fixtures missing");
    for f in all {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let r = load_fixture(&name);
        check_sample(&name, &r);
        let findings: Vec<String> = r
            .findings
            .iter()
            .map(|f| format!("{} {}", f.rule, f.message))
            .collect();
        assert!(findings.is_empty(), "{name}: {findings:#?}");
    }
}

#[test]
fn markdown_fixtures_match_their_json_snapshots() {
    for f in fixtures() {
        let bytes = std::fs::read(&f).unwrap();
        let report = ogi_report::parse_bytes(&bytes).unwrap();
        crate::util::check_json_snapshot(&f, &report);
    }
}

/// Each `.bad.md` variant changes one figure so that the report no longer
/// adds up: the audit points at that cell, line and column in the markdown.
#[test]
fn markdown_variants_that_do_not_add_up_point_at_the_cell() {
    // fixture, rule, line, column, the changed figure under the span
    let cases: &[(&str, &str, u32, u32, &str)] = &[
        ("01-pipes-basic", "applications.row_total", 34, 32, "28"),
        (
            "02-continued-pages",
            "applications.total_processed",
            73,
            8,
            "22",
        ),
        ("03-split-labels", "applications.row_total", 39, 46, "2"),
        (
            "04-placeholder-headers",
            "applications.row_total",
            54,
            29,
            "6",
        ),
        ("05-cut-per-group", "applications.row_total", 62, 21, "3"),
        (
            "06-review-three-level",
            "review_litigation.total",
            70,
            10,
            "5",
        ),
        (
            "07-review-three-tables",
            "review_litigation.total",
            72,
            10,
            "3",
        ),
        (
            "08-review-header-apart",
            "review_litigation.total",
            73,
            30,
            "2",
        ),
        ("09-remarks", "applications.row_total", 34, 22, "12"),
        // a count in a paragraph joined from two lines: the paragraph
        ("10-prose", "narrative.mismatch", 7, 1, "2022 年，"),
    ];
    assert_eq!(cases.len(), fixtures().len(), "a case per fixture");
    for &(name, rule, line, column, figure) in cases {
        let file = format!("{name}.bad.md");
        let text = std::fs::read_to_string(fixture_dir().join(&file)).unwrap();
        let r = parse_md(&text);
        let at: Vec<(String, u32, u32)> = r
            .findings
            .iter()
            .filter_map(|f| f.span.map(|s| (f.rule.to_string(), s.line, s.column)))
            .collect();
        let found = r.findings.iter().find(|f| {
            f.rule == rule && f.span.is_some_and(|s| (s.line, s.column) == (line, column))
        });
        let Some(f) = found else {
            panic!("{file}: expected {rule} at {line}:{column}, got {at:?}");
        };
        let s = f.span.unwrap();
        assert!(
            text[s.range()].starts_with(figure),
            "{file}: {:?} under the span",
            &text[s.range()]
        );
        // the variant reads like its fixture otherwise
        assert!(
            r.applications().is_some() && r.review_litigation().is_some(),
            "{file}"
        );
    }
}

/// The audit reads what was printed: the markdown of a PDF draws the same
/// findings as the `pdftotext -layout` text of the same PDF (the report's
/// own typo, its undivided 其他处理 row, its review totals printed as 0), and
/// none from the markdown layout.
#[test]
fn pdf_converter_markdown_has_the_findings_of_the_layout_text() {
    for name in ["hzq2023", "hzq2024", "szfgs2024"] {
        let (_, md) = load_md(&format!("{name}.pymupdf4llm.md"));
        let bytes = std::fs::read(
            shared_dir()
                .join("corpus/real/pdf")
                .join(format!("{name}.layout.txt")),
        )
        .unwrap();
        let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
        let layout = ogi_report::parse(&text).unwrap();
        let rules = |r: &Report| -> Vec<(String, Option<String>, Option<String>)> {
            r.findings
                .iter()
                .map(|f| {
                    (
                        f.rule.to_string(),
                        f.row.as_deref().map(str::to_owned),
                        f.column.as_deref().map(str::to_owned),
                    )
                })
                .collect()
        };
        assert_eq!(rules(&md), rules(&layout), "{name}");
    }
}

#[test]
fn table_2_remarks_are_kept_with_their_numbers() {
    let r = load_fixture("09-remarks.md");
    let t = r.active_disclosure().unwrap();
    let src = &t.source[&AdItem::NormativeDocuments].cells[&AdField::Issued];
    assert_eq!(src.raw, "4（其中修订3件）");
    assert_eq!(
        t.remarks[&AdItem::NormativeDocuments][&AdField::Issued],
        "（其中修订3件）"
    );
    assert_eq!(
        t.remarks[&AdItem::Regulations][&AdField::InForce],
        "（含自然失效2件）"
    );
}

/// Big inputs stay linear: a few thousand tables and one table of tens of
/// thousands of rows, with page breaks and vertical labels.
#[test]
fn large_markdown_is_read_in_linear_time() {
    let one = std::fs::read_to_string(fixture_dir().join("03-split-labels.md")).unwrap();
    let many = one.repeat(60);
    let t = std::time::Instant::now();
    let r = parse_md(&many);
    assert!(r.tables().count() >= 60);
    let row =
        "|三<br>、|1.属于国家秘密|1|0|0|0|0|0|1|\n\n- 3 -\n\n|（三）不<br>|2.其他|0|0|0|0|0|0|0|\n";
    let long = format!(
        "## 三、收到和处理政府信息公开申请情况\n\n|（本列数据的勾稽关系）|自然人|a|b|c|d|其他|总计|\n|---|---|---|---|---|---|---|---|\n{}",
        row.repeat(3_000)
    );
    parse_md(&long);
    // generous (a shared machine, a debug build): a quadratic step would
    // take hours here
    assert!(t.elapsed().as_secs() < 300, "{:?}", t.elapsed());
}

/// `ogi` reads converter markdown by content, whatever the file is called,
/// and its diagnostics point into the markdown.
#[cfg(feature = "cli")]
#[test]
fn ogi_audit_points_into_the_markdown() {
    let bad = fixture_dir().join("03-split-labels.bad.md");
    // the same bytes under another extension
    let dir = std::env::temp_dir().join(format!("ogi-md-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let renamed = dir.join("report.txt");
    std::fs::copy(&bad, &renamed).unwrap();
    for path in [&bad, &renamed] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_ogi"))
            .args(["audit", &path.display().to_string()])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", path.display());
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains(":39:46: error[applications.row_total]"),
            "{}: {out}",
            path.display()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A pipe row with one figure missing (six cells under seven columns): its
/// cells cannot be placed with certainty, so the row keeps its raw text with
/// null values and a finding says why. Today the template mapper splits the
/// two-digit cell `11` into `1` and `1` to fill the seven columns, because
/// exactly one split exists; in a grid whose cells are delimited (tabs,
/// pipes) a cell is never a run of several cells.
#[test]
fn a_row_short_of_a_figure_is_kept_raw_not_split() {
    let text = std::fs::read_to_string(fixture_dir().join("05-cut-per-group.md")).unwrap();
    let short = text.replace(
        "|（一）予以公开|8|1|1|0|1|0|11|",
        "|（一）予以公开|8|1|1|0|1|11|",
    );
    assert_ne!(short, text);
    let r = parse_md(&short);
    let a = r.applications().unwrap();
    assert!(
        a.rows[&AppRow::Granted].values().all(Option::is_none),
        "{:?}",
        a.rows[&AppRow::Granted]
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.row.as_deref() == Some("granted") && f.rule == "table.fused_cells"),
        "{:?}",
        r.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
}

/// CRLF line ends, a BOM and GB18030 bytes read like the UTF-8 original.
#[test]
fn crlf_bom_and_gb18030_markdown_read_the_same() {
    let text = std::fs::read_to_string(fixture_dir().join("03-split-labels.md")).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let r = parse_md(&crlf);
    check_sample("crlf", &r);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice(crlf.as_bytes());
    let b = ogi_report::parse_bytes(&bom).unwrap();
    check_sample("bom", &b);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let g = ogi_report::parse_bytes(&gb).unwrap();
    check_sample("gb18030", &g);
    assert!(g.findings.is_empty());
}
