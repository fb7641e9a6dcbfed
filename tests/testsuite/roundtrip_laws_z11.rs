//! laws-z11: the round-trip laws on the wider sweep's inputs of seeds 46,
//! 48, 51, 60 and 77 (seeds 41–80) and 91, 97 (seeds 81–100); see
//! docs/roundtrip.md, section "laws-z11".

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_c15d::other_fragments;

// ---- laws-z11 ----

/// The line of the canonical text of `x` that starts with `start`.
pub(crate) fn canonical_line(x: &str, start: &str) -> String {
    let c1 = canonical(x);
    c1.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{x:?}: no line {start:?} in {c1:?}"))
        .to_string()
}

/// Seeds 51, 60 and 77: the text in the first empty cell's place ends in a
/// marker-looking `2.` that the source glued to the next row's marker
/// (`（二）\t\t2.3.危及…`: `2.3` reads as a number, so `2.` is none and stays
/// in the text). The canonical text writes the text's words one space
/// apart (`（二） 2.`), where `2.` ended the line's run apart from the text
/// before it and was read as a marker: two fragments, of which the second
/// render wrote one (and the audit quoted “（二）” for “（二） 2.”). A marker
/// that ends the line's run one space after the text, in its field, is no
/// marker (`template::rows::Cutter::cut_at_markers`): the text reads as one
/// fragment in the source and in its canonical text.
#[test]
fn laws_z11_a_marker_one_space_after_a_fragments_text_stays_in_it() {
    for (x, row, frag) in [
        // seed 60, minimised and in full; CRLF, CR; other figures
        (
            "一、本年新收7.\t4.7.保护第三方合法权益",
            "一、本年新收\t7. 4.\t\t\t\t\t\t",
            "7.\t4.",
        ),
        (
            "一、本年新收7.\t4.7.保护第三方合法权益\n本机关将继续做好政府信息公开工作。\n",
            "一、本年新收\t7. 4.\t\t\t\t\t\t",
            "7.\t4.",
        ),
        (
            "一、本年新收7.\t4.7.保护第三方合法权益\r\n本机关将继续做好政府信息公开工作。\r\n",
            "一、本年新收\t7. 4.\t\t\t\t\t\t",
            "7.\t4.",
        ),
        (
            "一、本年新收2.\t9.4.保护第三方合法权益\r（七）总计  1 1 1 1 1 1 6\r",
            "一、本年新收\t2. 9.\t\t\t\t\t\t",
            "2.\t9.",
        ),
        (
            "一、本年新收7. 4.7.保护第三方合法权益\n",
            "一、本年新收\t7. 4.\t\t\t\t\t\t",
            "7. 4.",
        ),
        // seed 51, CRLF, CR
        (
            "一、本年新收（二）\t\t2.3.危及“三安全一稳定”",
            "一、本年新收\t（二） 2.\t\t\t\t\t\t",
            "（二）\t\t2.",
        ),
        (
            "一、本年新收（二）\t\t2.3.危及“三安全一稳定”\r\n（七）总计  1 1 1 1 1 1 6\r\n",
            "一、本年新收\t（二） 2.\t\t\t\t\t\t",
            "（二）\t\t2.",
        ),
        (
            "一、本年新收（二）\t\t2.3.危及“三安全一稳定”\r（七）总计  1 1 1 1 1 1 6\r",
            "一、本年新收\t（二） 2.\t\t\t\t\t\t",
            "（二）\t\t2.",
        ),
        // seed 77, and with a space for the tabs
        (
            "一、本年新收1.本机\t\t2.2.关不掌握相关政府信息\n四、政府信息公开行政复议、行政诉讼情况\n",
            "一、本年新收\t1.本机 2.\t\t\t\t\t\t",
            "1.本机\t\t2.",
        ),
        (
            "一、本年新收1.本机 2.2.关不掌握相关政府信息\n",
            "一、本年新收\t1.本机 2.\t\t\t\t\t\t",
            "1.本机 2.",
        ),
        // the canonical text itself
        (
            "一、本年新收\t（二） 2.\t\t\t\t\t\t\n3.危及“三安全一稳定”\t\t\t\t\t\t\t\n",
            "一、本年新收\t（二） 2.\t\t\t\t\t\t",
            "（二） 2.",
        ),
    ] {
        assert_laws(x);
        assert_eq!(canonical_line(x, "一、本年新收"), row, "{x:?}");
        assert_eq!(other_fragments(x), [frag], "{x:?}");
        // the canonical text reads the same one fragment, its words apart
        let words = frag.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(other_fragments(&canonical(x)), [words], "{x:?}");
    }
    // in a field of its own the marker still cuts (two fragments; the
    // canonical text writes the first), as two spaces apart do
    for x in [
        "一、本年新收\t（二）\t2.\t\t\t\t\t\n",
        "一、本年新收\t（二）  2.\t\t\t\t\t\t\n",
    ] {
        assert_laws(x);
        assert_eq!(other_fragments(x), ["（二）", "2."], "{x:?}");
        assert_eq!(
            canonical_line(x, "一、本年新收"),
            "一、本年新收\t（二）\t\t\t\t\t\t"
        );
    }
}

/// Seeds 48, 91 and 97: a label that ends in digits glued before a marker
/// (`四、结转下57.` + TAB `0年度继续办理7.`: the marker `7.` starts at its
/// last digit, so the label is `四、结转下5` and the fragment `7.\t0年度…`).
/// The canonical text wrote the fragment in the first empty cell's place
/// (`四、结转下5` TAB `7. 0…`), where the label field's last digit reads as a
/// figure (the fused `5`). The fragment is written glued after the label,
/// its tabs as they stood (`render::table::fragments::after_label_digits`):
/// the row reads back as the source's.
#[test]
fn laws_z11_text_glued_after_a_label_that_ends_in_digits_stays_there() {
    for (x, start, row) in [
        (
            "一、本年新收  4 1 0 0 0 0 5\n四、结转下57.\t0年度继续办理7.\n四、政府信息公开行政复议、行政诉讼情况\n",
            "四、",
            "四、结转下57.\t0年度继续办理7.\t\t\t\t\t\t\t",
        ),
        (
            "一、本年新收  4 1 0 0 0 0 5\r\n四、结转下57.\t0年度继续办理7.\r\n",
            "四、",
            "四、结转下57.\t0年度继续办理7.\t\t\t\t\t\t\t",
        ),
        (
            "一、本年新收  2 1 0 0 0 0 3\r四、结转下年度继续办理36.\t1项\r",
            "四、",
            "四、结转下年度继续办理36.\t1项\t\t\t\t\t\t\t",
        ),
        // seed 91
        (
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n  0 0 0 0 0 0 0\n1.信访举报投诉57.\t0类申请\n（七）总计  1 1 1 1 1 1 6\n",
            "1.",
            "1.信访举报投诉57.\t0类申请\t\t\t\t\t\t\t",
        ),
        // seed 97
        (
            "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n（二）部分公开四、57.\t（区分处理的，只计这一情形，不计其他情形）",
            "（二）",
            "（二）部分公开四、57.\t（区分处理的，只计这一情形，不计其他情形）\t\t\t\t\t\t\t",
        ),
    ] {
        assert_laws(x);
        assert_eq!(canonical_line(x, start), row, "{x:?}");
    }
}

/// Seed 46 (`一、本年新收\t（00000002. 七）总计`): fused digits that end in a
/// list marker, text apart after them. The text was not written, and the
/// field `（00000002.` alone, its marker labelling nothing, read as the
/// label's (`一、本年新收（00000002.`). Written one space after the fused
/// digits, as it stood (`template::beside::after_marker_digits`), the row
/// reads back as the source's.
#[test]
fn laws_z11_text_apart_after_fused_digits_that_end_in_a_marker_is_written() {
    for (x, row, frag) in [
        (
            "一、本年新收\t（00000002. 七）总计",
            "一、本年新收\t（00000002. 七）总计",
            "七）总计",
        ),
        (
            "一、本年新收\t（00000002. 七）总计\r\n二、上年结转\t1\t0\t0\t0\t0\t0\t1\r\n",
            "一、本年新收\t（00000002. 七）总计",
            "七）总计",
        ),
        (
            "一、本年新收\t（1234567.  总计）\r",
            "一、本年新收\t（1234567. 总计）",
            "总计）",
        ),
    ] {
        assert_laws(x);
        assert_eq!(canonical_line(x, "一、本年新收"), row, "{x:?}");
        assert_eq!(other_fragments(x), [frag], "{x:?}");
        assert_eq!(other_fragments(&canonical(x)), [frag], "{x:?}");
    }
}
