//! The text path's grid builders: space-aligned text (`pdftotext -layout`)
//! read in columns from character positions, blank-separated cells, and
//! the figures they give end to end.

use ogi_report::grid::{Layout, Origin, columns, flow};
use ogi_report::model::keys::{AppCol, AppRow};
use ogi_report::model::table::TableLayout;
use ogi_report::{CellError, Report, Table};

use crate::util::parse_lossless;

/// A line with each text at its character position (as pdftotext
/// `-layout` writes it: one position per character, CJK included).
fn line(parts: &[(usize, &str)]) -> String {
    let mut s = String::new();
    for (at, t) in parts {
        let n = s.chars().count();
        assert!(s.is_empty() || *at >= n + 2, "{parts:?}");
        s.extend(std::iter::repeat_n(' ', at - n));
        s.push_str(t);
    }
    s
}

fn report(body: &[String]) -> Report {
    let mut text = String::from(
        "示例区人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n2021年，本区依法公开政府信息。\n\n",
    );
    for l in body {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str("\n五、存在的主要问题及改进情况\n无。\n");
    parse_lossless(&text)
}

fn layouts(r: &Report) -> Vec<TableLayout> {
    r.tables().map(Table::layout).collect()
}

#[test]
fn a_space_aligned_column_without_figures_keeps_its_empty_cells() {
    // 本年废止件数 has no figure for 规章: the column is known from the
    // header and the other row's positions
    let r = report(&[
        "二、主动公开政府信息情况".into(),
        line(&[(14, "第二十条第（一）项")]),
        line(&[
            (7, "信息内容"),
            (14, "本年制发件数"),
            (24, "本年废止件数"),
            (34, "现行有效件数"),
        ]),
        String::new(),
        line(&[(0, "规章"), (18, "1"), (38, "5")]),
        String::new(),
        line(&[(0, "行政规范性文件"), (18, "4"), (28, "2"), (37, "12")]),
    ]);
    assert_eq!(layouts(&r), [TableLayout::Columns]);
    let n = |item, field| r.cell("active_disclosure", item, field);
    assert_eq!(n("regulations", "issued").unwrap().as_i64(), Some(1));
    assert_eq!(n("regulations", "repealed"), Err(CellError::Empty));
    assert_eq!(n("regulations", "in_force").unwrap().as_i64(), Some(5));
    assert_eq!(
        n("normative_documents", "repealed").unwrap().as_i64(),
        Some(2)
    );
    assert_eq!(
        n("normative_documents", "in_force").unwrap().as_i64(),
        Some(12)
    );
}

#[test]
fn a_space_aligned_applications_table_over_two_pages() {
    // figures at fixed positions on page one, shifted on page two; labels at
    // two indents; one row without a 科研机构 figure; a label wrapped above
    // its figures
    let fig = |at: usize, v: [&'static str; 7]| -> Vec<(usize, &'static str)> {
        v.iter()
            .enumerate()
            .filter(|(_, s)| !s.is_empty())
            .map(|(i, s)| (at + 5 * i, *s))
            .collect()
    };
    let row = |indent: usize, label: &'static str, at: usize, v: [&'static str; 7]| {
        let mut p = vec![(indent, label)];
        p.extend(fig(at, v));
        line(&p)
    };
    let r = report(&[
        "三、收到和处理政府信息公开申请情况".into(),
        line(&[(40, "申请人情况")]),
        line(&[(32, "自然人"), (38, "法人或其他组织"), (68, "总计")]),
        line(&[(37, "商业企业 科研机构 社会公益组织 法律服务机构 其他")]),
        row(
            0,
            "一、本年新收政府信息公开申请数量",
            34,
            ["5", "1", "0", "0", "0", "0", "6"],
        ),
        row(
            0,
            "二、上年结转政府信息公开申请数量",
            34,
            ["1", "0", "", "0", "0", "0", "1"],
        ),
        line(&[(0, "三、本年度办理结果")]),
        row(4, "（一）予以公开", 34, ["3", "1", "0", "0", "0", "0", "4"]),
        line(&[(4, "（二）部分公开（区分处理的，只计这一情形，")]),
        line(&[(4, "不计其他情形）")]),
        line(&fig(34, ["1", "0", "0", "0", "0", "0", "1"])),
        line(&[(4, "（三）不予公开")]),
        row(
            12,
            "1.属于国家秘密",
            34,
            ["0", "0", "0", "0", "0", "0", "0"],
        ),
        line(&[(60, "-2-")]),
        // page two: everything sits three positions further left
        row(
            9,
            "2.其他法律行政法规禁止公开",
            31,
            ["2", "0", "0", "0", "0", "0", "2"],
        ),
        row(1, "（七）总计", 31, ["6", "1", "0", "0", "0", "0", "7"]),
        row(
            0,
            "四、结转下年度继续办理",
            31,
            ["0", "0", "0", "0", "0", "0", "0"],
        ),
    ]);
    assert_eq!(layouts(&r), [TableLayout::Columns]);
    let t = r.applications().expect("applications table");
    let get = |row: AppRow| -> Vec<Option<i64>> {
        AppCol::TEMPLATE
            .iter()
            .map(|c| t.rows[&row][c].and_then(|n| n.as_i64()))
            .collect()
    };
    let all = |v: [i64; 7]| v.map(Some).to_vec();
    assert_eq!(get(AppRow::NewReceived), all([5, 1, 0, 0, 0, 0, 6]));
    // the empty cell keeps its column: 社会公益组织 is still 0
    assert_eq!(
        get(AppRow::CarriedOver),
        vec![Some(1), Some(0), None, Some(0), Some(0), Some(0), Some(1)]
    );
    assert_eq!(get(AppRow::Granted), all([3, 1, 0, 0, 0, 0, 4]));
    assert_eq!(get(AppRow::PartiallyGranted), all([1, 0, 0, 0, 0, 0, 1]));
    assert_eq!(get(AppRow::DeniedStateSecret), all([0; 7]));
    assert_eq!(
        get(AppRow::DeniedProhibitedByLaw),
        all([2, 0, 0, 0, 0, 0, 2])
    );
    assert_eq!(get(AppRow::TotalProcessed), all([6, 1, 0, 0, 0, 0, 7]));
    assert_eq!(get(AppRow::CarriedForward), all([0; 7]));
}

#[test]
fn blank_separated_cells_end_to_end() {
    // one cell per paragraph; a header wrapped over two lines is one cell
    let cells = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容",
        "本年制发\n件数",
        "本年废止件数",
        "现行有效件数",
        "规章",
        "1",
        "0",
        "3",
        "行政规范性文件",
        "2",
        "—",
        "7",
    ];
    let body: Vec<String> = cells.iter().map(|c| format!("{c}\n")).collect();
    let r = report(&body);
    assert_eq!(layouts(&r), [TableLayout::BlankSeparated]);
    let n = |item, field| r.cell("active_disclosure", item, field);
    assert_eq!(n("regulations", "in_force").unwrap().as_i64(), Some(3));
    assert_eq!(
        n("normative_documents", "issued").unwrap().as_i64(),
        Some(2)
    );
    assert_eq!(n("normative_documents", "repealed"), Err(CellError::Empty));
    assert_eq!(
        n("normative_documents", "in_force").unwrap().as_i64(),
        Some(7)
    );
}

#[test]
fn the_builders_on_their_own() {
    let l = [
        line(&[(0, "信息内容"), (10, "本年制发"), (17, "本年废止")]),
        line(&[(0, "规范性文件"), (17, "2")]),
    ];
    let g = columns::build([(0, l[0].as_str()), (l[0].len() + 1, l[1].as_str())]);
    assert_eq!(g.layout(), Layout::Columns);
    assert_eq!(g.width(), 3);
    assert!(g.rows()[1][1].is_empty());
    assert_eq!(g.rows()[1][2].text, "2");
    let g = flow::blank_separated([(0, "行政规范"), (13, "性文件"), (23, ""), (24, "2")]);
    assert_eq!(g.layout(), Layout::BlankSeparated);
    let c = &g.rows()[0][0];
    assert_eq!(
        (c.text.as_str(), c.origin),
        ("行政规范性文件", Origin::Glued { parts: 2 })
    );
    assert_eq!(c.pieces, vec![0..12, 13..22]);
}

#[test]
fn space_aligned_lines_that_never_line_up_are_read_in_bounded_time_and_space() {
    // every row at its own indent with many short chunks: the columns of
    // one row are nobody else's
    let mut body = vec![
        "二、主动公开政府信息情况".to_string(),
        "第二十条第（一）项".to_string(),
    ];
    for i in 0..2_000 {
        body.push(format!("{}{}", " ".repeat(i % 97), "本年  1  ".repeat(30)));
    }
    let r = report(&body);
    assert_eq!(layouts(&r), [TableLayout::Columns]);
}
