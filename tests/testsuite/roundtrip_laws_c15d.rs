//! laws-c15d: the round-trip laws on the inputs of sweep seed 40 and the
//! mutation run of seed 38 (see docs/roundtrip.md, section "laws-c15d").

use crate::roundtrip_laws::assert_laws;

// ---- laws-c15d ----

/// The canonical line of the applications row `new_received` in the
/// canonical text of `x`.
fn new_received_line(x: &str) -> String {
    crate::roundtrip_laws_z11::canonical_line(x, "一、本年新收")
}

/// The raw text of the `other` fragments of the applications table of `x`.
pub(crate) fn other_fragments(x: &str) -> Vec<String> {
    let report = ogi_report::parse(x).unwrap();
    let apps = report.applications().expect("an applications table");
    apps.fragments
        .iter()
        .filter(|f| f.role == ogi_report::model::FragmentRole::Other)
        .map(|f| f.raw.to_string())
        .collect()
}

/// Sweep seed 40 (`一、本年新收7.属于行政执法 2.1.案卷` + a total row): the
/// label's text after the row's label is read as two fragments glued to each
/// other, `7.属于行政执法 2.` and `1.案卷` (cut at the marker `1.`; `2.1.` is no
/// marker `2.`). Only the first was written, alone in its field, where the
/// marker `2.` cuts it in two (`7.属于行政执法` and `2.`), and the second
/// render wrote only `7.属于行政执法`. A fragment glued to the one written
/// before it in the source is written glued to it: the field holds the
/// source's text, which reads back as it did.
#[test]
fn laws_c15d_fragments_glued_at_a_decimal_looking_marker_are_written_together() {
    for (x, row) in [
        (
            "一、本年新收7.属于行政执法 2.1.案卷\n（七）总计  1 1 1 1 1 1 6\n",
            "一、本年新收\t7.属于行政执法 2.1.案卷\t\t\t\t\t\t",
        ),
        // the minimised form
        (
            "一、本年新收7.法 2.1.案",
            "一、本年新收\t7.法 2.1.案\t\t\t\t\t\t",
        ),
        // CRLF and CR line ends, other text and digits
        (
            "一、本年新收7.法 2.1.案\r\n（七）总计  1 1 1 1 1 1 6\r\n",
            "一、本年新收\t7.法 2.1.案\t\t\t\t\t\t",
        ),
        (
            "一、本年新收3.其他 5.2.结果\r（七）总计  2 0 0 0 0 0 2\r",
            "一、本年新收\t3.其他 5.2.结果\t\t\t\t\t\t",
        ),
        // three pieces glued
        (
            "一、本年新收7.法 2.1.2.案",
            "一、本年新收\t7.法 2.1.2.案\t\t\t\t\t\t",
        ),
        // the canonical row itself
        (
            "一、本年新收\t7.法 2.1.案\t\t\t\t\t\t\n",
            "一、本年新收\t7.法 2.1.案\t\t\t\t\t\t",
        ),
    ] {
        assert_laws(x);
        assert_eq!(new_received_line(x), row, "{x:?}");
    }
    // the two fragments as the source had them
    assert_eq!(
        other_fragments("一、本年新收7.法 2.1.案"),
        ["7.法 2.", "1.案"]
    );
}

/// The same text with white space between `2.` and `1.案` (a space or a tab):
/// the label cutter reads a run's tokens without the white space between
/// them, so `2.` + `1.案` was judged as `2.1.案` (no marker `2.`), and the
/// fragment `7.法 2.` written alone read back cut at `2.`. A digit that
/// starts a token apart from the marker before it is no decimal of it
/// (`text::lexical::MarkerScan::check`): `2.` is a marker there, as it is
/// at the field's end, and the text reads as the same three pieces in the
/// source and in its canonical text.
#[test]
fn laws_c15d_a_marker_before_white_space_and_digits_is_a_marker() {
    for x in [
        "一、本年新收7.法 2. 1.案\n",
        "一、本年新收\t7.法 2. 1.案\t\t\t\t\t\t\n",
        "一、本年新收\t7.法 2.\t1.案\t\t\t\t\t\n",
        "一、本年新收\t7.法 2.\t1.案\t\t\t\t\t\r\n（七）总计\t1\t1\t1\t1\t1\t1\t6\r\n",
    ] {
        assert_laws(x);
        assert_eq!(other_fragments(x), ["7.法", "2.", "1.案"], "{x:?}");
        assert_eq!(
            new_received_line(x),
            "一、本年新收\t7.法\t\t\t\t\t\t",
            "{x:?}"
        );
    }
    // glued, `2.1` is still no marker `2.`
    assert_eq!(
        other_fragments("一、本年新收\t7.法 2.1.案\t\t\t\t\t\t\n"),
        ["7.法 2.", "1.案"]
    );
}

/// The blocks of the preamble of `x`, read back from its canonical text,
/// and those of `x`: the same.
pub(crate) fn preamble_reads_back(x: &str) -> Vec<ogi_report::model::Block> {
    let first = ogi_report::parse(x).unwrap();
    let second = ogi_report::parse(&first.render()).unwrap();
    assert_eq!(first.preamble, second.preamble, "{x:?}");
    first.preamble.to_vec()
}

/// Mutation seed 38 (`hzq2024.raw.txt` mutated): a paragraph glued after a
/// subsection's head (`（五）政府信息公开监督保障情况。将政府网站平台信息公`), then the
/// figures `3`, `0`, `8` one per line between blank lines. The source reads
/// paragraphs (two or three figures alone are too few cells for a table of
/// one cell per line); written on a line of its own the glued paragraph was
/// one cell more, and the canonical text read as a table of lines. The first
/// paragraph now goes on the head line, as the source had it, when written
/// apart it and the figures after it read as such a table
/// (`render::heads::body_on_head_line`).
#[test]
fn laws_c15d_a_short_paragraph_glued_after_a_head_before_figures_stays_there() {
    for (x, first) in [
        // the minimised form
        ("（五）。公\n\n0\n\n8", "（五）。公\n"),
        // the mutated report's own lines
        (
            "（五）政府信息公开监督保障情况。将政府网站平台信息公\n\n3\n\n0\n\n8\n",
            "（五）政府信息公开监督保障情况。将政府网站平台信息公\n",
        ),
        // CRLF, CR, another marker, more figures
        ("（五）。公\r\n\r\n0\r\n\r\n8\r\n", "（五）。公\n"),
        ("（三）情况：网站\r\r1\r\r2\r\r3\r", "（三）情况：网站\n"),
        ("2.概述。信息\n\n5\n\n0\n\n8\n\n9\n", "2.概述。信息\n"),
    ] {
        assert_laws(x);
        let c1 = ogi_report::parse(x).unwrap().render();
        assert!(c1.starts_with(first), "{x:?}: {c1:?}");
        let blocks = preamble_reads_back(x);
        let [ogi_report::model::Block::Subsection(s)] = blocks.as_slice() else {
            panic!("{x:?}: {blocks:?}");
        };
        assert!(
            s.blocks
                .iter()
                .all(|b| matches!(b, ogi_report::model::Block::Paragraph(_))),
            "{x:?}: {blocks:?}"
        );
    }
    // on lines of their own in the source they are the table they read as
    let x = "（五）。\n\n公\n\n0\n\n8\n";
    assert_laws(x);
    let blocks = preamble_reads_back(x);
    let [ogi_report::model::Block::Subsection(s)] = blocks.as_slice() else {
        panic!("{x:?}: {blocks:?}");
    };
    assert!(matches!(
        s.blocks.as_slice(),
        [ogi_report::model::Block::Table(_)]
    ));
}
