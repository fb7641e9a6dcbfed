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
