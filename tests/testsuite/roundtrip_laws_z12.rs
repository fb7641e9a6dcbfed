//! laws-z12: the round-trip laws on the wider sweep's inputs of seeds 84
//! and 90 (laws-z11's Z11D); see docs/roundtrip.md, section "laws-z12".

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_c15d::other_fragments;
use crate::roundtrip_laws_z11::canonical_line;

// ---- laws-z12 ----

/// The applications table's header line.
const HEADER: &str =
    "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";

/// The label of the applications table's row of `x` that starts with
/// `start`, as it stood.
fn label(x: &str, start: &str) -> String {
    let report = ogi_report::parse(x).unwrap();
    let apps = report.applications().expect("an applications table");
    apps.source
        .values()
        .filter_map(|r| r.label.as_ref())
        .map(|l| l.raw.to_string())
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{x:?}: no row label {start:?}"))
}

/// `x` obeys the laws, its canonical line that starts with `start` is
/// `row`, and both `x` and its canonical text read that row's label and its
/// one `other` fragment as `label_frag`.
fn assert_row(x: &str, start: &str, row: &str, [lab, frag]: [&str; 2]) {
    assert_laws(x);
    assert_eq!(canonical_line(x, start), row, "{x:?}");
    for text in [x.to_string(), canonical(x)] {
        assert_eq!(label(&text, start), lab, "{x:?}: {text:?}");
        assert_eq!(other_fragments(&text), [frag], "{x:?}: {text:?}");
    }
}

/// Seed 90: a label with a pipe that ends in digits glued before a marker
/// (`7.属于行政执法案卷\t|57.`: the label `7.属于行政执法案卷\t|5`, the
/// fragment `7.`). The canonical text wrote the label's white space away
/// and the fragment in the first empty cell's place (`…案卷|5` TAB `7.`),
/// where the label field's last digit reads as a figure; glued after it,
/// `…案卷|57.`, the marker stays in the label (parts at a pipe are not
/// apart). The label is written with its tabs as they stood and the
/// fragment glued after it (`render::table::label::LabelForm::as_stood`,
/// `fragments::after_label_digits`): the row's fields read back as the
/// source's.
#[test]
fn laws_z12_a_label_with_a_pipe_ending_in_digits_before_a_marker() {
    for (x, row, lab, frag) in [
        // seed 90; CRLF, CR; other digits; two tabs; a pipe inside too
        (
            format!("{HEADER}7.属于行政执法案卷\t|57.\n本机关将继续做好政府信息公开工作。\n"),
            "7.属于行政执法案卷\t|57.\t\t\t\t\t\t\t",
            "7.属于行政执法案卷\t|5",
            "7.",
        ),
        (
            format!("{HEADER}7.属于行政执法案卷\t|57.\r\n本机关将继续做好政府信息公开工作。\r\n")
                .replace("\t总计\n", "\t总计\r\n"),
            "7.属于行政执法案卷\t|57.\t\t\t\t\t\t\t",
            "7.属于行政执法案卷\t|5",
            "7.",
        ),
        (
            format!("{HEADER}7.属于行政执法案卷\t|57.\r（七）总计  1 1 1 1 1 1 6\r")
                .replace("\t总计\n", "\t总计\r"),
            "7.属于行政执法案卷\t|57.\t\t\t\t\t\t\t",
            "7.属于行政执法案卷\t|5",
            "7.",
        ),
        (
            format!("{HEADER}7.属于行政执法案卷\t\t|12.\n"),
            "7.属于行政执法案卷\t\t|12.\t\t\t\t\t\t\t",
            "7.属于行政执法案卷\t\t|1",
            "2.",
        ),
        (
            format!("{HEADER}7.属于行政执法|案卷\t|57.\n"),
            "7.属于行政执法|案卷\t|57.\t\t\t\t\t\t\t",
            "7.属于行政执法|案卷\t|5",
            "7.",
        ),
        // the canonical row itself
        (
            format!("{HEADER}7.属于行政执法案卷\t|57.\t\t\t\t\t\t\t\n"),
            "7.属于行政执法案卷\t|57.\t\t\t\t\t\t\t",
            "7.属于行政执法案卷\t|5",
            "7.",
        ),
    ] {
        assert_row(&x, "7.属于", row, [lab, frag]);
    }
}

/// Seed 84: a label that ends in digits glued before a marker, the text
/// after the marker holding a pipe, before fused digits
/// (`一、本年新收57.\t|\t（0一）予以公开`: the label `一、本年新收5`, the
/// fragment `7.\t|\t（`, the fused `0`). The fragment was not written (a
/// pipe), so `一、本年新收5` TAB `0` read the fused `5 0`. It is written
/// glued after the label with its tabs as they stood, before the fused
/// digits (`fragments::after_label_digits`, now for rows with fused digits
/// and text with pipes too): the row reads back as the source's.
#[test]
fn laws_z12_text_with_a_pipe_glued_after_a_label_that_ends_in_digits() {
    for (x, row, frag) in [
        // seed 84, minimised; CRLF, CR; other digits; glued pipe
        (
            "一、本年新收57.\t|\t（0一）予以公开\n四、政府信息公开行政复议、行政诉讼情况\n",
            "一、本年新收57.\t|\t（\t0",
            "7.\t|\t（",
        ),
        (
            "一、本年新收57.\t|\t（0一）予以公开\n",
            "一、本年新收57.\t|\t（\t0",
            "7.\t|\t（",
        ),
        (
            "一、本年新收57.\t|\t（0一）予以公开\r\n本机关将继续做好政府信息公开工作。\r\n",
            "一、本年新收57.\t|\t（\t0",
            "7.\t|\t（",
        ),
        (
            "一、本年新收57.\t|\t（0一）予以公开\r（七）总计  1 1 1 1 1 1 6\r",
            "一、本年新收57.\t|\t（\t0",
            "7.\t|\t（",
        ),
        (
            "一、本年新收12.\t|\t（0一）予以公开\n",
            "一、本年新收12.\t|\t（\t0",
            "2.\t|\t（",
        ),
        (
            "一、本年新收57.|\t（0一）予以公开\n",
            "一、本年新收57.|\t（\t0",
            "7.|\t（",
        ),
        // the canonical text itself
        (
            "一、本年新收57.\t|\t（\t0\n一）予以公开\t\t\t\t\t\t\t\n",
            "一、本年新收57.\t|\t（\t0",
            "7.\t|\t（",
        ),
    ] {
        let lab = row.split(frag).next().unwrap_or_default();
        assert_row(x, "一、本年新收", row, [lab, frag]);
    }
}
