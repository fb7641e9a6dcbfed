//! laws-z14: the round-trip laws on the wider sweep's inputs of seeds
//! 121–160 (122, 147); see docs/roundtrip.md, section "laws-z14".

use crate::roundtrip_laws::{assert_laws, canonical};

// ---- laws-z14 ----

/// The applications table's header line.
const HEADER: &str =
    "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";

/// The 勾稽关系 note that opens an applications table.
const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n";

/// `x`, and `x` with its line ends `\n` made `\r\n` and `\r`.
fn with_line_ends(x: &str) -> [String; 3] {
    [
        x.to_string(),
        x.replace('\n', "\r\n"),
        x.replace('\n', "\r"),
    ]
}

/// The raw labels of the applications rows of `x` and the raw text of its
/// `other` fragments.
fn labels_and_fragments(x: &str) -> (Vec<String>, Vec<String>) {
    let report = ogi_report::parse(x).unwrap();
    let apps = report.applications().expect("an applications table");
    let labels = apps
        .source
        .values()
        .filter_map(|r| r.label.as_ref().map(|l| l.raw.to_string()))
        .collect();
    let fragments = apps
        .fragments
        .iter()
        .filter(|f| f.role == ogi_report::model::FragmentRole::Other)
        .map(|f| f.raw.to_string())
        .collect();
    (labels, fragments)
}

/// Fails unless a row label of `x` satisfies `want` (named `what`).
fn assert_a_label(x: &str, what: &str, want: impl Fn(&str) -> bool) {
    let (labels, _) = labels_and_fragments(x);
    assert!(
        labels.iter().any(|l| want(l)),
        "{x:?}: no label {what}: {labels:?}"
    );
}

/// Seed 122: the fragment `2. 00000002.` (a bare marker, then a word of
/// digits ending in a point, cut before the next row's marker `7.`) in the
/// first empty cell's place. Apart, `00000002.` reads as the fused `0000000`
/// and the label `2.`; glued, `2.00000002.` is a dotted number, no marker,
/// label text that the row's label field takes in. No form reads back, so
/// it is not written (`render::table::fragments::glue`, asked by `place`):
/// the row reads back as the source's did (fragments take no part in the
/// models' equality, and the audit quotes no text that starts with a
/// number).
#[test]
fn laws_z14_a_fragment_whose_words_meet_as_a_dotted_number_is_not_written() {
    let seed_122 = "一、本年新收2. 00000002.7.属于行政执法案卷";
    let mut inputs: Vec<String> = with_line_ends(seed_122).into();
    inputs.extend(
        [
            // other digits, markers and rows, the next row on a line of its
            // own, the marker `、` after the digits
            "一、本年新收2. 00000003.7.属于行政执法案卷",
            "一、本年新收2. 12345672.7.属于行政执法案卷",
            "一、本年新收2. 0000000.7.属于行政执法案卷",
            "一、本年新收3. 00000002.1.本机关已主动公开",
            "二、上年结转2. 00000002.7.属于行政执法案卷",
            "一、本年新收2. 00000002.\n7.属于行政执法案卷",
            "一、本年新收2. 00000002、7.属于行政执法案卷",
            "一、本年新收2. 1 00000002.7.属于行政执法案卷",
        ]
        .map(String::from),
    );
    inputs.push(format!(
        "{NOTE}{HEADER}一、本年新收2. 00000002.7.属于行政执法案卷\n（七）总计  1 1 1 1 1 1 6\n"
    ));
    for x in &inputs {
        assert_laws(x);
    }
    for x in with_line_ends(seed_122) {
        let c1 = canonical(&x);
        assert!(c1.contains("\n一、本年新收\t\t\t\t\t\t\t\n"), "{c1:?}");
        assert!(!c1.contains("0000000"), "{c1:?}");
    }
    // (words that glued read as text are still written glued, laws-z13)
    let c1 = canonical("一、本年新收5.要求行政机 00000002.1.关确认或重新出具已获取信息");
    assert!(c1.contains("\t5.要求行政机00000002.\t"), "{c1:?}");
}

/// Seed 147: a marker whose digit ends one field and whose point opens the
/// next after a pipe between tabs (`2.7.6` TAB `|` TAB `.属于四类过程性信息`).
/// The canonical text writes the label's tabs away (`2.7.6|.属于…`), where
/// a marker cut by a pipe is none; so it is now in the source too
/// (`template::rows::Cutter`): the run is one piece, the row's label, not
/// the header text `2.7.` and a label `6|.属于…` whose `6` read back as a
/// figure at the line's start.
#[test]
fn laws_z14_a_marker_cut_by_a_pipe_between_tabs_is_none() {
    let seed_147 =
        format!("{NOTE}2.7.6\t|\t.属于四类过程性信息\n四、政府信息公开行政复议、行政诉讼情况\n");
    for x in with_line_ends(&seed_147) {
        assert_laws(&x);
    }
    for x in [
        format!("{NOTE}2.7.6 | .属于四类过程性信息\n"),
        format!("{NOTE}2.7.6\t|\t.属于四类过程性信息\t1\t2\t3\t4\t5\t6\t21\n"),
        format!(
            "{NOTE}{HEADER}一、本年新收\t1\t2\t3\t4\t5\t6\t21\n2.7.6\t|\t.属于四类过程性信息\n"
        ),
        format!("{NOTE}1.3\t|\t.属于国家秘密\n"),
    ] {
        assert_laws(&x);
    }
    assert_a_label(&seed_147, "2.7.6", |l| l.starts_with("2.7.6"));
    let c1 = canonical(&seed_147);
    assert!(c1.contains("\n2.7.6|.属于四类过程性信息\t"), "{c1:?}");
}
