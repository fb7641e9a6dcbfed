//! laws-c16c: the round-trip laws on the fifteenth campaign's pipe/tab label
//! and `第二十条` inputs (see docs/roundtrip.md, section "laws-c16c").

use crate::roundtrip_laws::{assert_laws, canonical};
use ogi_report::model::{Block, FragmentRole, Table};

// ---- laws-c16c ----

/// The applications header the canonical text writes before its rows.
const APPS: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";

/// The active-disclosure header the canonical text writes before its rows.
const AD: &str = "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n";

/// `x` with its line ends `\n` made `end`.
fn ends(x: &str, end: &str) -> String {
    x.replace('\n', end)
}

/// Asserts the laws on each of `xs` with LF, CRLF and CR line ends.
pub(crate) fn laws_with_every_end(xs: &[&str]) {
    for x in xs {
        for end in ["\n", "\r\n", "\r"] {
            assert_laws(&ends(x, end));
        }
    }
}

/// The line of the canonical text of `x` that starts with `label`.
pub(crate) fn row_line(x: &str, label: &str) -> String {
    let c1 = canonical(x);
    c1.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("{x:?}: no row {label} in {c1:?}"))
        .to_string()
}

/// The raw text of the `other` fragments of the first table of `x`.
fn other_fragments(x: &str) -> Vec<String> {
    let report = ogi_report::parse(x).unwrap();
    let Some(Block::Table(t)) = report.preamble.first() else {
        panic!("{x:?}: no table first");
    };
    let fragments = match &**t {
        Table::Applications(t) => &t.fragments,
        Table::ActiveDisclosure(t) => &t.fragments,
        _ => panic!("{x:?}: another table"),
    };
    fragments
        .iter()
        .filter(|f| f.role == FragmentRole::Other)
        .map(|f| f.raw.to_string())
        .collect()
}

/// [C16C-R] `roundtrip-strict-7ee7028c6ee1`, minimised: the canonical text
/// writes the row `一、本年新收||~` as a tab row whose label holds the pipes;
/// after it and a blank line the paragraph `^|\t|` (pipes on both sides of
/// its tab: a pipe row with a tab in a cell) was read into the table, where
/// the source, whose last row line was a tab line, ended the region before
/// it. After such a tab row, a line of pipes that is no such tab row ends
/// the region. `roundtrip-strict-84a11c411ba3` (`（本列第三方||…` + `|\t|`)
/// is the same.
#[test]
fn laws_c16c_a_pipe_line_with_a_tab_after_a_piped_label_row_reads_apart() {
    laws_with_every_end(&[
        "一、本年新收||~\nr\t\n\n^|\t|",
        "一、本年新收||~\nr\t\n\n^|\t|\n",
        "一、本年新收||~\nr\t\n\na|\tb|\n",
        "一、本年新收||密\n\n说明|\t附注|\n",
        "二、上年结转||~\t\t\t\t\t\t\t\n\n^|\t|\n",
        "（本列第三方||\u{12}\n一00,000000000000.无正当理由大量反复申请e+\n|\t|",
    ]);
    // the canonical text: the table, then the paragraph
    let c1 = format!("{APPS}一、本年新收||~\t\t\t\t\t\t\t\n\n^|\t|\n");
    assert_eq!(canonical("一、本年新收||~\nr\t\n\n^|\t|"), c1);
    let r = ogi_report::parse(&c1).unwrap();
    assert!(
        matches!(r.preamble.as_slice(), [Block::Table(_), Block::Paragraph(p)] if p.text == "^|\t|"),
        "{:?}",
        r.preamble
    );
}

/// [C16C-R] The parser's side: a piped-label tab row, a blank line and a
/// pipe line whose tab stands between pipes end the region; a second
/// piped-label tab row stays in it (laws-c15a's case, as before).
#[test]
fn laws_c16c_a_piped_label_row_region_ends_at_a_pipe_row_with_a_tab() {
    let tables = |x: &str| {
        ogi_report::parse(x)
            .unwrap()
            .preamble
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count()
    };
    let blocks = |x: &str| ogi_report::parse(x).unwrap().preamble.len();
    let x = format!("{APPS}一、本年新收||~\t\t\t\t\t\t\t\n\n^|\t|\n");
    assert_eq!((tables(&x), blocks(&x)), (1, 2));
    let x = format!("{APPS}一、本年新收||~\t\t\t\t\t\t\t\n\n二、上年结转||x\t\t\t\t\t\t\t\n");
    assert_eq!((tables(&x), blocks(&x)), (1, 1));
}

/// [C16C-F] `roundtrip-strict-a5a25e613253` and `roundtrip-strict-bb959d0fc4e6`,
/// minimised: text with white space and a pipe that stood after a row's
/// last (empty) cell, after a figure, was written in that empty cell's
/// place (`一、本年新收\t0\t\t\t\t\t\tH |~`), where it left the row one cell
/// short and its digits read as fused; the second render dropped the text.
/// Such words (no digit, no pipe at their ends, each word label text) are
/// written as one more field after the row's last cell, and read back so.
#[test]
fn laws_c16c_words_with_a_pipe_after_a_rows_last_cell_stay_after_it() {
    for (x, label, row) in [
        (
            "|一、本年新收|\n0|||||||H\t|~",
            "一、本年新收",
            "一、本年新收\t0\t\t\t\t\t\t\tH |~",
        ),
        (
            "|一、本年新收|\n3|||||||说明\t|附注",
            "一、本年新收",
            "一、本年新收\t3\t\t\t\t\t\t\t说明 |附注",
        ),
        (
            "第二十条\n规范性文件5  at | yes |\n1  0  0  P",
            "规范性文件",
            "规范性文件\t5\t\t\tat | yes",
        ),
        // (the line of figures after it makes the layout columns, as in
        // the source: alone, `规范性文件5` reads as fused digits)
        (
            "第二十条\n规范性文件5  at | yes |\n2  0  1  Q\n",
            "规范性文件",
            "规范性文件\t5\t\t\tat | yes",
        ),
    ] {
        for end in ["\n", "\r\n", "\r"] {
            let x = ends(x, end);
            assert_laws(&x);
            assert_eq!(row_line(&x, label), row, "{x:?}");
        }
    }
    // the canonical rows read back with their cells and the text after them
    let x = format!("{APPS}一、本年新收\t0\t\t\t\t\t\t\tH |~\n");
    let r = ogi_report::parse(&x).unwrap();
    let apps = r.applications().unwrap();
    let row = &apps.rows[&ogi_report::model::AppRow::NewReceived];
    assert_eq!(
        row[&ogi_report::model::AppCol::NaturalPerson].and_then(|n| n.as_i64()),
        Some(0)
    );
    assert_eq!(other_fragments(&x), ["H |~"]);
    assert_eq!(
        other_fragments(&format!("{AD}规范性文件\t5\t\t\tat | yes\n")),
        ["at | yes"]
    );
}

/// [C16C-S] `roundtrip-strict-ed80aedec40f`, minimised (`一、本年新收\t---1.`):
/// the cell grammar cut the number `-1` before the marker `1.` into a
/// value `-` (the sign alone), so `---` read as fused digits and `1.` as
/// text; written without the text (`一、本年新收\t---`), `---` read as label
/// text. A sign before a marker's digit is no value: the run is label
/// text, as `1.` alone is.
#[test]
fn laws_c16c_a_sign_before_a_markers_digit_is_label_text() {
    laws_with_every_end(&[
        "一、本年新收\t---1.",
        "一、本年新收\t-1.",
        "一、本年新收\t--2、",
        "一、本年新收\t---1.\n（七）总计  1 1 1 1 1 1 6\n",
        "二、上年结转\t-3.\t\t\n",
    ]);
    assert_eq!(
        row_line("一、本年新收\t---1.", "一、本年新收"),
        "一、本年新收---1.\t\t\t\t\t\t\t"
    );
    // a number before the marker's digit is still a value (`-21.` is `-2`
    // and the marker `1.`)
    let r = ogi_report::parse(&format!("{APPS}一、本年新收\t-21.\n")).unwrap();
    let apps = r.applications().unwrap();
    let src = &apps.source[&ogi_report::model::AppRow::NewReceived];
    assert!(
        src.fused.as_ref().is_some_and(|f| f.raw == "-2")
            || src.cells.values().any(|c| c.raw == "-2"),
        "{src:?}"
    );
}

/// [C16C-P] `roundtrip-strict-de27ad5bf5d6`, minimised: a table written in
/// pipe rows (its fused digits hold a pipe) writes the text `1.` of an
/// empty cell's place in a cell of its own (`|其他处理|1.|||||||`); the
/// label reader took a pipe between two cells for no gap (as the pipe
/// inside one token, `x|2.`), so the bare marker `1.` joined the label,
/// where the tab row `其他处理\t1.` reads it apart. A pipe that parts two
/// cells now parts a bare marker as a tab does.
#[test]
fn laws_c16c_a_bare_marker_in_a_pipe_cell_of_its_own_is_apart() {
    laws_with_every_end(&[
        "|一、本年新收7|\n|0|其他处理 1.",
        "|一、本年新收7|\n|0|其他处理 1.\n",
        "|一、本年新收5|\n|2|其他处理 3、",
        "|二、上年结转7|\n|0|其他处理 1.\n",
    ]);
    let pipes = "|（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|\n|申请人情况|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n";
    // the pipe row reads as the tab row does: the label and the text `1.`
    let piped = format!("{pipes}|其他处理|1.|||||||\n");
    let tabbed = format!("{APPS}其他处理\t1.\t\t\t\t\t\t\n");
    assert_eq!(other_fragments(&piped), ["1."]);
    assert_eq!(other_fragments(&tabbed), ["1."]);
    // a marker with text after it still labels it (a row of its own)
    let piped = format!("{pipes}|其他处理|1.x|||||||\n");
    assert_eq!(other_fragments(&piped), ["1.x"]);
}

/// [C16C-T] `roundtrip-strict-5d2844e5192b`, minimised: an active-disclosure
/// table of pipe rows, then an empty active-disclosure table (its source
/// header a sentence that ended the first region). The canonical text
/// writes the second after a blank line as its block title and header
/// (`第二十条第（一）项`), which the first table's region took in. After a
/// table of pipe rows its title line is written as a tab row of two
/// fields, `第二十条\t第（一）项`, which ends that region (the candidate
/// forms of `render::table::apart` are read back).
#[test]
fn laws_c16c_an_empty_active_disclosure_table_after_pipe_rows_reads_apart() {
    let x = "第二十条规章|1|\n4|政|\n|第二十条第系为：第一项加第二项之和，等于第三项加第四项之和";
    for end in ["\n", "\r\n", "\r"] {
        let x = ends(x, end);
        assert_laws(&x);
        let c1 = canonical(&x);
        assert!(
            c1.contains("\n\n第二十条\t第（一）项\n信息内容\t"),
            "{c1:?}"
        );
        let tables = ogi_report::parse(&c1)
            .unwrap()
            .preamble
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count();
        assert_eq!(tables, 2, "{c1:?}");
    }
    for x in [
        "第二十条规章|2|\n3|政|\n|第二十条第系为：第一项加第二项之和，等于第三项加第四项之和\n",
        "第二十条规范性文件|1|\n4|政|\n|第二十条第系为：第一项加第二项之和，等于第三项加第四项之和\n",
    ] {
        assert_laws(x);
    }
}
