//! The round-trip laws (see `roundtrip_laws.rs`) on the fifteenth strict
//! campaign's family A in full: an applications label line that stood on
//! the line of an empty head before it, where that head is written at the
//! start of the label's line.

use crate::roundtrip_laws::{assert_laws, canonical};

// ---- laws-fa ----

/// Each of `inputs` obeys the laws, and its canonical text has a line that
/// starts with one of `starts` (the heads written on one line).
pub(crate) fn assert_joined(inputs: &[&str], starts: &[&str]) {
    for x in inputs {
        assert_laws(x);
        let c1 = canonical(x);
        let joined = |l: &str| starts.iter().any(|s| l.starts_with(s));
        assert!(c1.lines().any(joined), "{x:?} → {c1:?}");
    }
}

/// The label head `一、本年新收 …` after the empty `1.` (in `四、`) holds
/// blocks: a paragraph after it (`&\t.`, a sentence after a blank line), a
/// subsection `1.` of its own, or its text is a paragraph written on its
/// head line (eight `(`). The lead's rule took only a label head without
/// blocks; the head is written after the empty `1.`, on its line, when that
/// reads back as the source's model and the two written apart do not.
#[test]
fn laws_fa_a_label_head_with_blocks_stays_after_an_empty_head() {
    let inputs = [
        "四、1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((\n&\t.\n",
        // other section numerals, other figures, CRLF and CR line ends
        "六、1.一、本年新收 12340  全5 0 (((((((-6e管委会eee((((((\r\n&\t.\r\n",
        "三、1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((\r&\t.\r",
        // a sentence after a blank line, another marker before the label
        "四、1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((\n\n其他情况说明。\n",
        "四、（1）一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((\n&\t.\n",
        // the label head holds a subsection of the empty head's style
        "四、1.一、本年新收330  全0 0 (((((((-6e管委会eee((((((((\u{8}\n1.",
        // the label's text a paragraph on its head line
        "四、1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((((",
        // a paragraph before the empty head
        "三、\u{1a}                            \t\u{b}\t\t\te|~~~~~\n1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((",
    ];
    assert_joined(&inputs, &["1.一、本年新收", "（1）一、本年新收"]);
}

/// Right after a table (`第二十条` reads as the active disclosure table's
/// anchor): the empty `1.` alone is taken into the table, and
/// `一、收 33330 …` (after `三、`, whose list the table and `1.` end) alone
/// reads as a section heading. The joined line, read back after the table
/// and the subsections open, keeps both.
#[test]
fn laws_fa_an_empty_head_after_a_table_joins_the_head_after_it() {
    let inputs = [
        "三、\n第二十条\n1.一、收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}",
        "一、\r\n第二十条\r\n1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((\r\n",
        "一、\r第二十条\r1.一、本年新收 12340  全5 0 (((((((-6e管委会eee((((((\r",
    ];
    assert_joined(&inputs, &["1.一、"]);
}

/// Right after a table, the marker `1.` whose one block is a subsection
/// with a section marker (`一、收 33330 …`, which alone reads as a section
/// heading): `1.` alone is taken into the table, so the subsection is
/// written on one line, as it is (and was in the source) where that reads
/// back. A head that reads back on its own line stays there (control).
#[test]
fn laws_fa_a_marker_holding_a_section_marker_after_a_table_is_one_line() {
    let inputs = [
        "第二十条\n1.一、收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}",
        "第二十条\r\n1.一、年新收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}\r\n",
        "一、本年新收\n1.一、本收 33330  全0 0 (((((((-6e管委会eee((((((((",
    ];
    assert_joined(&inputs, &["1.一、"]);
    let x = "第二十条\n1.一、其他情况 33330";
    assert_laws(x);
    assert!(!canonical(x).contains("1.一、"), "{x:?}");
}

/// Right after a table, `1.` holding the untitled `一、` whose paragraph
/// (`年新收 33330 …\u{8}`: no title) and more blocks follow: `1.` alone is
/// taken into the table, and on one line the paragraphs run together. The
/// two heads and the first paragraph go on one line (cut where the parser
/// joined two lines, `…\u{8}` + `内部事务`), the other blocks after it.
#[test]
fn laws_fa_two_heads_and_a_paragraph_on_one_line_after_a_table() {
    let inputs = [
        "第二十条\n1.一、年新收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}\n\n\n&",
        "第二十条\r\n1.一、本新收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}\r\n\r\n\r\n\u{f}",
        "一、本年新收\n1.一、本新收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}\n\n\n\u{e}",
        "一、本年新收\r1.一、本新收 12340  全5 0 (((((((-6e管委会eee((((((((\u{8}\r内部事务",
        "一、本年新收\n1.一、本新收 33330  全0 0 (((((((-6e管委会eee((((((((\u{8}\n内部事务",
    ];
    assert_joined(&inputs, &["1.一、"]);
}
