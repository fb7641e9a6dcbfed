//! The round-trip laws on the fifteenth campaign's inputs that hold a
//! fragment of the applications table's column header, `（本列…`
//! (laws-c16b, see docs/roundtrip.md).

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_z10::line_ends;

// ---- laws-c16b ----

/// The roles and texts of the fragments of the tables of `x`'s preamble.
fn fragments_of(x: &str) -> Vec<(String, String)> {
    let report = ogi_report::parse(x).unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json().unwrap()).unwrap();
    let mut out = Vec::new();
    for block in json["preamble"].as_array().into_iter().flatten() {
        for f in block["table"]["fragments"].as_array().into_iter().flatten() {
            out.push((
                f["role"].as_str().unwrap().to_owned(),
                f["raw"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

/// [C16A] A label wrapped over lines whose rest repeats a piece already in it
/// (`（本列部分公开1.` + `形）` + `形）`, roundtrip-strict-140082210e5f): the
/// second `形）` continued the label only because the label's rest so far was
/// compared as written (`形）`) with the piece normalised (`形)`); the
/// canonical text writes the rest on one line (`形）形）`), which continues
/// nothing. The rest is compared normalised: the second piece is other text,
/// in the source as in the canonical text.
#[test]
fn laws_c16b_a_label_rest_is_not_continued_by_a_piece_it_holds() {
    let inputs = [
        "（本列部分公开1.\n形）\n形）",
        "（本列部分公开1.\n形）\n形）\n形）",
        "（本列部分公开3.\n形）\n形）",
        "（本列部分公开1.\n情形）\n情形）",
        "（二）部分公开（区分处理的，只计这一\n情形）\n情形）",
        "（本列部分公开1.\n形）\n形）\n本机关将继续做好政府信息公开工作。\n",
    ];
    for x in inputs.iter().flat_map(|x| line_ends(x)) {
        assert_laws(&x);
    }
    let frags = fragments_of(inputs[0]);
    assert_eq!(
        frags,
        [
            ("label_part".to_owned(), "形）".to_owned()),
            ("other".to_owned(), "形）".to_owned())
        ]
    );
    let c1 = canonical(inputs[0]);
    assert!(
        c1.ends_with("\n（本列部分公开1.\t\t\t\t\t\t\t\n形）\n"),
        "{c1:?}"
    );
}

/// [C16B] A number in thousands groups glued before a stop
/// (`（本列其他处理6,858.`, roundtrip-strict-3f07ede56fdf): the cell grammar cut
/// the last digit off as a list marker (`6,85` + `8.`), as it does for a run
/// of digits (`00000002.` → `0000000` + `2.`), and `6,85` alone reads as `6`,
/// `,` and `85`. A number with a thousands group is whole (`6,858`); the stop
/// after it is text.
#[test]
fn laws_c16b_a_grouped_number_before_a_stop_stays_whole() {
    let inputs = [
        "（本列其他处理6,858.",
        "（本列其他处理\t6,858.",
        "（本列其他处理6,858.\n",
        "（本列部分公开1,234.",
        "（本列其他处理12,345,678.",
        "（六）其他处理\t1\t2\t3\t4\t5\t6\t6,858.\n",
    ];
    for x in inputs.iter().flat_map(|x| line_ends(x)) {
        assert_laws(&x);
    }
    let c1 = canonical(inputs[0]);
    assert!(c1.ends_with("\n（本列其他处理\t6,858.\n"), "{c1:?}");
    // a run of digits still gives its last digit to the marker
    assert_laws("（本列其他处理6858.");
    assert_laws("（本列其他处理00000002.其他");
}

/// [C16C] An untitled subsection right after a table whose paragraph ran
/// over two lines, the first a space-aligned row of figures
/// (`1.)            0    0 …   0` + `$（六）其他处理`,
/// roundtrip-strict-b6bbf7741f2c): on one line after the canonical header
/// the table takes the line in (its figures, then the row `（六）其他处理`);
/// none of the cuts tried (where the script changes) keeps it apart. The
/// head and paragraph are also tried cut after a figure, where the text
/// glued to it starts (`…0` + `$（六）其他处理`, as in the source).
#[test]
fn laws_c16b_a_paragraph_after_a_table_is_cut_after_a_figure() {
    let inputs = [
        "（本列\n1.)            0    0   0   0    0    0   0\n$（六）其他处理",
        "（本列\n2.)            3    0   0   0    0    0   3\n#（五）不予处理\n",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
         1.)            0    0   0   0    0    0   0\n$（六）其他处理",
        "（本列\n1.说明            1    2   3   4    5    6   21\n$（六）其他处理\n\
         本机关将继续做好政府信息公开工作。\n",
    ];
    for x in inputs.iter().flat_map(|x| line_ends(x)) {
        assert_laws(&x);
    }
    let c1 = canonical(inputs[0]);
    assert!(
        c1.ends_with("\n\n1.)            0    0   0   0    0    0   0\n$（六）其他处理\n"),
        "{c1:?}"
    );
}
