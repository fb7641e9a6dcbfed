//! The round-trip laws on a table of pipe rows before a paragraph that is a
//! tab row whose label holds pipes (issue 15; the two `KNOWN_LAW_FAILURES`
//! inputs laws-c14b left, `roundtrip-strict-36481bc5a1df` and
//! `roundtrip-strict-9259ebed9b4e`).

// ---- laws-c15a ----

use crate::roundtrip_laws::assert_laws;
use ogi_report::model::Block;

/// The preamble of `text` is one table and then the paragraph `paragraph`.
fn assert_table_then(text: &str, paragraph: &str) {
    let r = ogi_report::parse(text).unwrap();
    assert!(
        matches!(r.preamble.as_slice(),
            [Block::Table(_), Block::Paragraph(p)] if p.text == paragraph),
        "{text:?}: {:?}",
        r.preamble
    );
}

/// A review/litigation table whose value row of fused digits holds pipes
/// (`|-|3` + `7\t`, or `2|-|` + a tab line the canonical text drops, `e\t`),
/// then after a blank line a paragraph that is a tab row whose label holds
/// the pipes (`` -||\t` ``). In the source the tab line before the blank
/// ends the region there (a pipe line after a tab line); the canonical text
/// writes the value row as a pipe row (`|-|3 7|`, `|2|-|`), after which the
/// region took the paragraph in (fused `2|-|\n\n-`). Such a tab row (the
/// grid's tab row, its pipes part no cells) after a pipe row and a blank
/// line is another layout: it ends the region, as a pipe row after such a
/// tab row did (laws-c14b).
#[test]
fn laws_c15a_a_piped_label_tab_row_after_a_fused_review_row_reads_apart() {
    // the two minimised inputs, then CRLF and CR ends, other figures, other
    // paragraphs, a header of two cells
    for (x, paragraph) in [
        ("|行政复议|\n|-|3\n7\t\n\n-||\t`", "-||\t`"),
        ("|行政复议|\n2|-|\ne\t\n\n-||\t`", "-||\t`"),
        ("|行政复议|\r\n|-|3\r\n7\t\r\n\r\n-||\t`\r\n", "-||\t`"),
        ("|行政复议|\r2|-|\re\t\r\r-||\t`\r", "-||\t`"),
        ("|行政复议|\n|0|5\n9\t\n\n-||\t`\n", "-||\t`"),
        ("|行政复议|\n4|-|\n说明\t\n\n说明||\t附注\n", "说明||\t附注"),
        ("|行政复议|行政诉讼|\n1|0|0\n2\t\n\na|b|\tc\n", "a|b|\tc"),
        ("|行政复议|\n2|-|\ne\t\n\n-||\t\n", "-||"),
    ] {
        assert_laws(x);
        let c1 = ogi_report::parse(x).unwrap().render();
        assert_table_then(&c1, paragraph);
    }
}

/// The parser's side of it, from the canonical form: a table of pipe rows,
/// a blank line, then a tab row whose label holds pipes read as the table
/// and then a paragraph (the fused digits `2|-` keep no part of it), in a
/// review/litigation table and in an applications table; while such a tab
/// row after one like it stays in the region (one layout).
#[test]
fn laws_c15a_a_piped_label_tab_row_ends_a_pipe_table_region() {
    assert_table_then("|行政复议|\n|2|-|\n\n-||\t`\n", "-||\t`");
    assert_table_then("|行政复议|\r\n|2|-|\r\n\r\n-||\t`\r\n", "-||\t`");
    assert_table_then("|一、本年新收|0|1|\n\n5||\t`\n", "5||\t`");
    assert_laws("|行政复议|\n|2|-|\n\n-||\t`\n");
    assert_laws("|一、本年新收|0|1|\n\n5||\t`\n");
    // one layout: after a tab row whose label holds the pipes, another one
    // stays in the table (the fused digits run on over the blank line)
    let r = ogi_report::parse("|行政复议|\n2|-|\t\n\n-||\t`\n").unwrap();
    assert!(
        matches!(r.preamble.as_slice(), [Block::Table(_)]),
        "{:?}",
        r.preamble
    );
}
