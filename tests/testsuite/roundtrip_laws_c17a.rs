//! The round-trip laws on the `（本列…` and row-name inputs of the
//! fifteenth and sixteenth strict campaigns (laws-c17a, see
//! docs/roundtrip.md): a group label that reads as the row it stands
//! before, a subsection's head line after a table cut where the character
//! kind changes, and digits and a marker at the end of a field's last word.

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_z10::line_ends;

// ---- laws-c17a ----

/// The label of the applications row `row` of the first table of `x`'s
/// preamble, as read.
fn app_label(x: &str, row: &str) -> Option<String> {
    let report = ogi_report::parse(x).unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json().unwrap()).unwrap();
    json["preamble"].as_array()?.iter().find_map(|b| {
        b["table"]["source"][row]["label"]["raw"]
            .as_str()
            .map(str::to_owned)
    })
}

/// Asserts the laws on each of `inputs` with each line end (LF, CRLF, CR).
fn assert_laws_all<S: AsRef<str>>(inputs: &[S]) {
    for x in inputs.iter().flat_map(|x| line_ends(x.as_ref())) {
        assert_laws(&x);
    }
}

/// Asserts the laws on `inputs` ([`assert_laws_all`]), that the first
/// reads the label `label` for the applications row `row`, and that its
/// canonical text ends with `tail`; that text.
fn assert_row(inputs: &[&str], row: &str, label: &str, tail: &str) -> String {
    assert_laws_all(inputs);
    assert_eq!(app_label(inputs[0], row).as_deref(), Some(label));
    let c1 = canonical(inputs[0]);
    assert!(c1.ends_with(tail), "{c1:?}");
    c1
}

/// The kinds of the blocks of `x`'s preamble (`table`, `subsection`, …).
fn preamble_kinds(x: &str) -> Vec<String> {
    let report = ogi_report::parse(x).unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json().unwrap()).unwrap();
    json["preamble"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|b| b.as_object()?.keys().next().cloned())
        .collect()
}

/// [C17A] A group label `（六）其他处理` read before the row 其他处理 with other
/// text between them (`（本列新出具（六）其他处理` + `已获取信息９其他处理`,
/// roundtrip-strict-4eedf98d214d and 88261dcce6c7): the canonical text drops
/// that other text and wrote the group label on a line of its own right
/// before the row, where the parser reads it as the row (a label that names
/// the row it follows is the row's rest) and the row's own label as other
/// text. A group label that reads as the very row it would stand before is
/// not written (as one after the last row is not).
#[test]
fn laws_c17a_a_group_label_that_reads_as_its_row_is_not_written_before_it() {
    let inputs = [
        "（本列新出具（六）其他处理\n已获取信息９其他处理",
        "（本列已获取信息（六）其他处理\n已获取信息\n其他处理",
        "（本列新出具（六）其他处理\n已获取信息９其他处理\t1\t2\t3\t4\t5\t6\t21",
        "（本列新出具（六）其他处理\n重复申请\n其他处理",
        "（本列不予处理（六）其他处理\n已获取信息\n其他处理 1 2 3 4 5 6 21",
        "（本列新出具（六）其他处理\n已获取信息９其他处理\n本机关将继续做好政府信息公开工作。\n",
    ];
    let c1 = assert_row(
        &inputs,
        "other_processing",
        "其他处理",
        "\n其他处理\t\t\t\t\t\t\t\n",
    );
    assert!(!c1.contains("（六）其他处理\n"), "{c1:?}");
    // before a row of another name it is a group label, and written
    let x = "（本列\n（六）其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t2\t3\t4\t5\t6\t21\n";
    assert_laws(x);
    assert!(canonical(x).contains("\n（六）其他处理\n1.申请人"));
}

/// [C17C] A subsection whose head line is long letters (`1.YYY…Y`, 41 of
/// them) and whose paragraph goes on with a row's name on the next line
/// (`!已获取信息`, `已获取信息Y收e管(内3元`), right after an applications
/// table (roundtrip-strict-115f74c6fdfe, 43abc2727253, 49a60f76eb5b): on
/// one line after the canonical header, the head and paragraph read as
/// the row (its label ends in or holds the template word); the cuts tried
/// (where the script changes, the latest 8) did not reach back to where
/// the source had it. The line is also tried cut where the kind of
/// character changes (CJK, ASCII letter or digit, other), the earliest
/// places first.
#[test]
fn laws_c17a_a_head_line_after_a_table_is_cut_where_the_kind_changes() {
    let y = "Y".repeat(41);
    let inputs = [
        format!("（本列\n1.{y}\n!已获取信息"),
        format!("（本列\n1.{y}\n已获取信息0息\u{e5d}项'许0）"),
        format!("（本列\n1.{y}\n已获取信息Y收e管(内3元"),
        format!("（本列\n1.{y}\n!重复申请"),
        format!("（本列\n2.{y}\n已获取信息Y收e管(内3元"),
        format!("（本列\n1.{y}\n信访举报投诉类申请Y收e管(内3元"),
        format!("（本列\n1.{}\n?已获取信息", "Z".repeat(41)),
        format!("（本列\n1.{y}\n!已获取信息\n本机关将继续做好政府信息公开工作。\n"),
    ];
    assert_laws_all(&inputs);
    for x in &inputs[..3] {
        assert_eq!(preamble_kinds(x), ["table", "subsection"], "{x:?}");
    }
    let c1 = canonical(&inputs[0]);
    assert!(c1.ends_with(&format!("\n\n1.{y}\n!已获取信息\n")), "{c1:?}");
    let c1 = canonical(&inputs[2]);
    assert!(
        c1.ends_with(&format!("\n\n1.{y}\n已获取信息Y收e管(内3元\n")),
        "{c1:?}"
    );
}

/// [C17B] Digits and a list marker at the end of a field after the row's
/// first text, where a figure stands earlier in the field
/// (`（本列\t4本年新收 办01.`, roundtrip-strict-e7c625417c43): the marker
/// digits rule (the marker labels nothing, the digits and the marker are the
/// text's) asked that no figure stand anywhere in the field before them, so
/// `办01.` was a stray word read as fused digits; the canonical row
/// `本年新收\t办01.` has no figure before it, and `办01.` joined the label.
/// The rule asks it of the field's last word: `办01.` is the label's in both.
#[test]
fn laws_c17a_marker_digits_are_judged_in_the_last_word() {
    let inputs = [
        "（本列\t4本年新收 办01.",
        "（本列\t4本年新收 认57.",
        "（本列\t12本年新收 办02.",
        "（本列\t4上年结转 办01.",
        "（本列\t4本年新收 办01.\n本机关将继续做好政府信息公开工作。\n",
        "（本列\t4本年新收 办01.\t5",
        // figures before the word: it is other text after them (it was
        // fused digits with them)
        "（本列\n本年新收\t1 2 3 认57.",
        "（本列\n本年新收\t1 2 3 认57.\t公开出版物",
    ];
    let tail = "\n本年新收办01.\t\t\t\t\t\t\t\n";
    assert_row(&inputs, "new_received", "本年新收 办01.", tail);
    // a stray word glued before a figure with no marker after it is read
    // as before: a figure of the row
    assert_laws("（本列\t4本年新收 办01");
}
