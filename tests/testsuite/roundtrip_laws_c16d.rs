//! laws-c16d: the round-trip laws on five short inputs of the fifteenth
//! strict campaign (markers, pipes and tables of one cell per line; see
//! docs/roundtrip.md, section "laws-c16d").

use ogi_report::model::{Block, Table};

use crate::roundtrip_laws::assert_laws;
use crate::roundtrip_laws_c15d::preamble_reads_back;

// ---- laws-c16d ----

/// The canonical text of `x`.
fn canonical(x: &str) -> String {
    ogi_report::parse(x).unwrap().render()
}

/// `roundtrip-strict-dc758be95516` (minimised `1\n.\n:.`) and
/// `roundtrip-strict-7c25570979c5` (`||\n||\r(五\r)\r:`): a paragraph read
/// from lines that start a marker (`1.`, `(五)`) with a colon soon after.
/// Written on one line it reads as a subsection; cut in two, every cut left
/// a marker (`1.` + `:.`) or a `key: value` field (`1` + `.:.`, `(五` +
/// `):`), which the parser never joins to the line before. Cut in three (as
/// the source had it) it reads back as the paragraph.
#[test]
fn laws_c16d_a_marker_paragraph_with_a_colon_is_cut_in_three() {
    for (x, text, c1) in [
        ("1\n.\n:.", "1.:.", "1\n.\n:.\n"),
        ("1\r.\r:.", "1.:.", "1\n.\n:.\n"),
        ("1\r\n.\r\n:.\r\n", "1.:.", "1\n.\n:.\n"),
        ("2\n.\n:a", "2.:a", "2\n.\n:a\n"),
        ("(五\n)\n:", "(五):", "(\n五)\n:\n"),
        ("(三\r)\r：", "(三)：", "(\n三)\n：\n"),
        ("（三\n）\n:", "（三）:", "（\n三）\n:\n"),
    ] {
        assert_laws(x);
        assert_eq!(canonical(x), c1, "{x:?}");
        assert!(
            matches!(preamble_reads_back(x).as_slice(), [Block::Paragraph(p)] if p.text == text),
            "{x:?}"
        );
    }
    // after an empty table of pipe rows (the saved input's minimised form)
    for x in ["||\n||\r(五\r)\r:", "||\r\n||\r\n(五\r\n)\r\n:\r\n"] {
        assert_laws(x);
        let blocks = preamble_reads_back(x);
        assert!(
            matches!(blocks.as_slice(), [Block::Table(_), Block::Paragraph(p)] if p.text == "(五):"),
            "{x:?}: {blocks:?}"
        );
    }
    // a marker's text with no colon is cut in two, as before
    assert_eq!(canonical("1\n.\nxy"), "1\n.xy\n");
}

/// `roundtrip-strict-a6f6f2a1b495` (minimised `1.:|\r|\r0\r0`): the
/// subsection `1.` `:` holds the paragraph `|` (on the head line) and a
/// table of one cell per line `|` `0` `0`. Written on a line of its own, the
/// paragraph read as the table's header (in every layout the table can take
/// after it); on the head line, as the source had it, it reads back.
#[test]
fn laws_c16d_a_short_paragraph_before_a_table_of_lines_stays_on_the_head_line() {
    for (x, c1) in [
        ("1.:|\r|\r0\r0", "1.:|\n\n|\n0\n0\n"),
        ("1.:|\n|\n0\n0", "1.:|\n\n|\n0\n0\n"),
        ("1.:|\r\n|\r\n0\r\n0\r\n", "1.:|\n\n|\n0\n0\n"),
        ("（一）：|\n|\n5\n7", "（一）：|\n\n|\n5\n7\n"),
        ("3.：x\n|\n1\n2", "3.：x\n\n|\n1\n2\n"),
    ] {
        assert_laws(x);
        assert_eq!(canonical(x), c1, "{x:?}");
        let blocks = preamble_reads_back(x);
        let [Block::Subsection(s)] = blocks.as_slice() else {
            panic!("{x:?}: {blocks:?}")
        };
        assert!(
            matches!(s.blocks.as_slice(), [Block::Paragraph(_), Block::Table(t)]
                if matches!(&**t, Table::Generic(g) if g.header.len() == 3)),
            "{x:?}: {s:?}"
        );
    }
}

/// `roundtrip-strict-e89d97cd182f` (minimised `w\t+\n|\t=\n\n1.\t0\r2\r\r5`):
/// after a table of tab rows, the subsection `1.` `0` with the paragraphs
/// `2` and `5`. Written `1. 0` the head line opens a table of one cell per
/// line with the two figures; laws-c11a's tab between marker and title
/// (`1.\t0`, a tab row, no such cell) was not asked after a table held back,
/// though the subsection written alone, with the tab, is what the writer
/// reads back after the table.
#[test]
fn laws_c16d_a_head_with_a_tab_before_figures_after_a_table() {
    for (x, head) in [
        ("w\t+\n|\t=\n\n1.\t0\r2\r\r5", "1.\t0"),
        ("w\t+\n|\t=\n\n1.\t0\n2\n\n5", "1.\t0"),
        ("w\t+\r\n|\t=\r\n\r\n1.\t0\r\n2\r\n\r\n5\r\n", "1.\t0"),
        ("a\tb\nc\td\n\n2.\t7\n3\n\n4", "2.\t7"),
        ("a\tb\nc\td\n\n（一）\t0\n2\n\n5", "（一）\t0"),
    ] {
        assert_laws(x);
        assert!(canonical(x).lines().any(|l| l == head), "{x:?}");
        let blocks = preamble_reads_back(x);
        assert!(
            matches!(blocks.as_slice(), [Block::Table(_), Block::Subsection(s)]
                if s.blocks.len() == 2),
            "{x:?}: {blocks:?}"
        );
    }
}

/// `roundtrip-strict-0ac882c56cfe` (minimised `\u{7f}\u{7f}指标名称` + eight
/// `\u{7f}` + `\r0\u{10}b|\r+0\r5`): a paragraph with a statistics header
/// word before a table of one cell per line. Its optional cut after `指`
/// (which keeps rows written after it from reading as a statistics table's)
/// left the line `标名称…`, shorter than the whole, from which the parser's
/// look-ahead reaches the table's figures: the paragraph read as its cell in
/// every layout the table can take. Before a generic table that reads back
/// after the one line and not after the cut, the paragraph stays on one
/// line, the table right after it, as the source had it.
#[test]
fn laws_c16d_a_header_word_paragraph_before_a_table_of_lines_stays_whole() {
    for (x, text) in [
        (
            "\u{7f}\u{7f}指标名称\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\r0\u{10}b|\r+0\r5",
            "\u{7f}\u{7f}指标名称\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}",
        ),
        (
            "\u{7f}\u{7f}指标名称\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\n0\u{10}b|\n+0\n5\n",
            "\u{7f}\u{7f}指标名称\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}",
        ),
        ("aa指标名称bbbbbbbb\n0bb|\n+0\n5", "aa指标名称bbbbbbbb"),
        (
            "aa指标名称bbbbbbbb\r\n0bb|\r\n+0\r\n5\r\n",
            "aa指标名称bbbbbbbb",
        ),
        ("xx计量单位yyyyyyyy\n0bb|\n+0\n5", "xx计量单位yyyyyyyy"),
    ] {
        assert_laws(x);
        assert!(canonical(x).starts_with(&format!("{text}\n")), "{x:?}");
        let blocks = preamble_reads_back(x);
        assert!(
            matches!(blocks.as_slice(), [Block::Paragraph(p), Block::Table(_)] if p.text == text),
            "{x:?}: {blocks:?}"
        );
    }
    // a cut that is needed stays (laws-u: the line after the one line would
    // read as a statistics table's row)
    assert!(canonical("指标名称计量单位2015年度\t\n中：9").starts_with("指\n"));
}
