//! laws-c18a: the round-trip laws on a subsection right after a table whose
//! head and first paragraph read back alone but not with its other blocks
//! (figures one per line under headings), and on a head written with a tab
//! before its title after an applications header fragment (see
//! docs/roundtrip.md, section "laws-c18a").

use crate::roundtrip_laws::assert_laws;
use crate::roundtrip_laws_z10::line_ends;

// ---- laws-c18a ----

/// The canonical text of `x`.
fn canonical(x: &str) -> String {
    ogi_report::parse(x).unwrap().render()
}

/// Asserts the laws on `x` in LF, CRLF and CR form, and that its canonical
/// text holds `part`.
pub(crate) fn assert_holds(x: &str, part: &str) {
    for x in line_ends(x) {
        assert_laws(&x);
        let c1 = canonical(&x);
        assert!(c1.contains(part), "{x:?}: {c1:?}");
    }
}

/// `roundtrip-strict-e6232d34bdb9` (minimised `二、主动公开` + `+` `6` `5` +
/// `（六）` + `5` `/` `s` `|` `(` `\u{f}` `5`, each after a blank line, +
/// `二、主动公开`) and `roundtrip-strict-f3827c0fe79e` (the same under two
/// headings, the head `1.`): right after the table of lines `+` `6` `5`, the
/// head was written with its first paragraph `5` on the next line, a
/// candidate that read back with that paragraph alone; with the other
/// paragraphs after it the lines read as one table of one cell per line.
/// The candidates are now read back with the subsection's other blocks
/// after them (and in the section, where the repeated heading is a
/// subsection): the subsection as written otherwise reads back, each
/// paragraph after a blank line.
#[test]
fn laws_c18a_a_head_after_a_table_is_read_back_with_all_its_blocks() {
    for (x, part) in [
        (
            "二、主动公开\n+\n6\n5\n（六）\n\n5\n\n/\n\ns\n\n|\n\n(\n\n\u{f}\n\n5\n二、主动公开",
            "\n||\n\n（六）\n\n5\n\n/\n\ns\n\n|\n\n(\n\n\u{f}\n\n5\n\n二、主动公开\n",
        ),
        (
            "二、主动公开\n四、诉讼\n+\n6\n5\n1.\n\n5\n\n/\n\ns\n\n|\n\n#\n\n^\n\n5\n三、收到和处理",
            "\n||\n\n1.\n\n5\n\n/\n\ns\n\n|\n\n#\n\n^\n\n5\n\n三、收到和处理\n",
        ),
        (
            "二、主动公开\n+\n6\n5\n（三）\n\n5\n\n/\n\ns\n\n|\n\n(\n\n\u{f}\n\n5\n二、主动公开",
            "\n\n（三）\n\n5\n\n/\n",
        ),
        (
            "二、主动公开\n+\n6\n5\n2.\n\n5\n\n/\n\ns\n\n|\n\n(\n\n\u{f}\n\n5\n二、主动公开",
            "\n\n2.\n\n5\n\n/\n",
        ),
        (
            "二、主动公开\n+\n6\n5\n（1）\n\n5\n\n/\n\ns\n\n|\n\n(\n\n\u{f}\n\n5\n二、主动公开",
            "\n\n（1）\n\n5\n\n/\n",
        ),
        (
            "二、主动公开\n+\n9\n3\n（六）\n\n7\n\n/\n\ns\n\n|\n\n(\n\n\u{f}\n\n5\n二、主动公开",
            "\n\n（六）\n\n7\n\n/\n",
        ),
        (
            "二、主动公开\n四、诉讼\n+\n6\n5\n（二）\n\n5\n\n/\n\ns\n\n|\n\n#\n\n^\n\n5\n三、收到和处理",
            "\n\n（二）\n\n5\n\n/\n",
        ),
    ] {
        assert_holds(x, part);
    }
}

/// `roundtrip-strict-a18d908006c3` (minimised `（本列`, `(六)    第二十条第（五）项`,
/// `5`, a blank line, `8`): after the applications header fragment, a subsection
/// whose head alone opens a table of one cell per line with the figures
/// after it, so it is written with a tab before its title; that tab row the
/// applications table takes in. The pre-filter of the head line after a
/// table looked at the head without the tab, and the read-back stripped only
/// that form from the subsection's text, so the candidate `(六)第二十条…` + `5`
/// (read back with its first paragraph alone) was kept, and with `8` it read
/// as a table of lines. Now both forms of the head are looked at: the table
/// is closed by an empty pipe row and the head keeps its tab.
#[test]
fn laws_c18a_a_tabbed_head_after_an_applications_header_closes_the_table() {
    for (x, part) in [
        (
            "（本列\n(六)    第二十条第（五）项\n5\n\n8",
            "\n||\n\n(六)\t第二十条第（五）项\n\n5\n\n8\n",
        ),
        (
            "（本列\n(三)    第二十条第（五）项\n5\n\n8",
            "\n||\n\n(三)\t第二十条第（五）项\n\n5\n\n8\n",
        ),
        (
            "（本列\n（六）    第二十条第（五）项\n5\n\n8",
            "\n||\n\n（六）\t第二十条第（五）项\n\n5\n\n8\n",
        ),
        (
            "（本列\n(六)    第二十条第（一）项\n7\n\n9",
            "\n||\n\n(六)\t第二十条第（一）项\n\n7\n\n9\n",
        ),
        (
            "（本列\n(六)    第二十条第（五）项\n5\n\n8\n\n9",
            "\n||\n\n(六)\t第二十条第（五）项\n\n5\n\n8\n\n9\n",
        ),
        (
            "（本列\n(六)    第二十条第（五）项\n5\n\n8\n\n本机关将继续做好政府信息公开工作。",
            "\n||\n\n(六)\t第二十条第（五）项\n\n5\n\n8\n",
        ),
    ] {
        assert_holds(x, part);
    }
}

/// What was not broken stays so: a subsection after a table of lines whose
/// paragraphs are not figures, and a head already written with a tab.
#[test]
fn laws_c18a_neighbours_still_read_back() {
    for x in [
        "二、主动公开\n+\n6\n5\n（六）\n\n5\n\na\n\nb\n\nc\n\n5\n\n三、收到和处理",
        "二、主动公开\n+\n6\n5\n（六）\n\n5\n\n/\n\ns\n\n5",
        "+\n6\n5\n（六）\n\n5\n\n/\n\ns\n\n|\n\n5",
        "（本列\n(六)\t第二十条第（五）项\n5\n\n8",
        "（本列\n6.    第二十条第（五）项\n5\n\n8",
    ] {
        for x in line_ends(x) {
            assert_laws(&x);
        }
    }
}
