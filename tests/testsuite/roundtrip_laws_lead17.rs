//! lead (seventeenth strict campaign): the round-trip laws on a paragraph
//! that starts with a marker and would read as a signature where it is
//! written last (see docs/roundtrip.md, section "lead: the seventeenth
//! campaign").

use ogi_report::model::Block;

use crate::roundtrip_laws::assert_laws;
use crate::roundtrip_laws_c15d::preamble_reads_back;

// ---- lead-17 ----

/// The canonical text of `x`.
fn canonical(x: &str) -> String {
    ogi_report::parse(x).unwrap().render()
}

/// `roundtrip-strict-f3827c0fe79e` (minimised `5\n、政府`): the paragraph
/// `5、政府`, written last in a report without a closing, would read as a
/// signature (an organ line), so the renderer cut off its last character
/// (`5、政` + `府`); but its first line then opened the subsection `5、` `政`.
/// Written with the marker cut apart instead (`5` + `、政府`, as the source
/// had it), it reads back as the paragraph.
#[test]
fn lead17_a_marker_paragraph_that_reads_as_a_signature_keeps_its_marker_apart() {
    for (x, text) in [
        ("5\n、政府", "5、政府"),
        ("5\r\n、政府\r\n", "5、政府"),
        ("5\r、政府", "5、政府"),
        ("12\n、示例县人民政府", "12、示例县人民政府"),
        ("3\n.示例镇人民政府", "3.示例镇人民政府"),
        ("(\n三)示例县政府", "(三)示例县政府"),
    ] {
        assert_laws(x);
        let c1 = canonical(x);
        assert!(
            matches!(preamble_reads_back(&c1).as_slice(), [Block::Paragraph(p)] if p.text == text),
            "{x:?} -> {c1:?}"
        );
    }
    // a signature-like paragraph with no marker is still cut before its
    // last character
    assert_eq!(canonical("示例\n县人民政府"), "示例县人民政\n府\n");
}

/// `roundtrip-strict-8cbd41d12996` (minimised `（本列\n1.\t54.~~e~  …1,,,`):
/// after a table, the empty subsection `1.` and then `54.` with its title.
/// Alone on its line `1.` is taken into the table (a header fragment);
/// glued to the next head, `1.54.` reads as one marker. With a tab between
/// them, as the source had it, the two read back as themselves.
#[test]
fn lead17_an_empty_head_after_a_table_is_written_with_a_tab_before_a_marker() {
    // (the six control characters keep `54.…` from being read as the title
    // of `1.`: the source reads two subsections)
    for (x, first, second) in [
        (
            "（本列\n1.\t54.~~e~  \u{19}\u{19}\u{19}\u{19}\u{19}\u{19}00000000000000001,,,,,,,,,",
            "1.",
            "54.",
        ),
        (
            "（本列\r\n1.\t54.~~e~  \u{19}\u{19}\u{19}\u{19}\u{19}\u{19}00000000000000001,,,,,,,,,\r\n",
            "1.",
            "54.",
        ),
        (
            "（本列\r1.\t54.~~e~  \u{19}\u{19}\u{19}\u{19}\u{19}\u{19}00000000000000001,,,,,,,,,",
            "1.",
            "54.",
        ),
        (
            "（本列\n7.\t31.~~e~  \u{19}\u{19}\u{19}\u{19}\u{19}\u{19}00000000000000001,,,,,,,,,",
            "7.",
            "31.",
        ),
        (
            "（本列\n3.\t54.~~q~  \u{19}\u{19}\u{19}\u{19}\u{19}\u{19}00000000000000009,,,,,,,,,",
            "3.",
            "54.",
        ),
    ] {
        assert_laws(x);
        let c1 = canonical(x);
        let blocks = preamble_reads_back(&c1);
        assert!(
            matches!(blocks.as_slice(),
                [Block::Table(_), Block::Subsection(a), Block::Subsection(b)]
                    if a.marker == first && a.blocks.is_empty() && b.marker == second),
            "{x:?} -> {c1:?}: {blocks:?}"
        );
    }
}
