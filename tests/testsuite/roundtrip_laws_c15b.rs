//! The round-trip laws (see `roundtrip_laws.rs`) on a marker without a title
//! before an applications label whose text goes on the label's line.

use crate::roundtrip_laws::{assert_laws, canonical};

// ---- laws-c15b ----

/// `roundtrip-strict-b13a7476fc51.txt`, minimised: the subsection `1.`
/// without a title whose one block is the subsection `一、` whose paragraph
/// (`本年新收33330  全0 0 (((…`: fused digits, figures and stray text) goes
/// on its head line. Written `1.` + blank line + `一、本年新收…`, that line
/// alone opens an applications table; the two heads are written on one
/// line, as the source had them, when that reads back (laws-c14e's rule,
/// which took only an inner subsection without blocks).
#[test]
fn laws_c15b_an_untitled_marker_keeps_a_label_line_with_its_paragraph() {
    let x = "1.一、本年新收33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}";
    assert_laws(x);
    assert_eq!(canonical(x), format!("{x}\n"));
    for x in [
        // CR, CRLF line ends
        "1.一、本年新收33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\r",
        "1.一、本年新收33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\r\n",
        // other figures, spaced digits
        "1.一、本年新收12340  全5 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\n",
        "1.一、本年新收 3 3 3 0 全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\n",
        // another marker before the label
        "（1）一、本年新收33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\n",
    ] {
        assert_laws(x);
        let line = x.trim_end_matches(['\r', '\n']);
        assert!(canonical(x).starts_with(&format!("{line}\n")), "{x:?}");
    }
}

/// The same heads before other blocks: a paragraph after a blank line (LF,
/// CR), a row of the applications table, text on the next line (the parser
/// joins it to the paragraph).
#[test]
fn laws_c15b_a_label_line_after_a_marker_before_other_blocks() {
    let head = "1.一、本年新收33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}";
    for rest in [
        "\n\n2.其他情况说明。\n",
        "\r\r2.其他情况说明。\r",
        "\n二、上年结转 1 2 3 4 5 6 7\n",
        "\n这是一段说明文字。\n",
    ] {
        let x = format!("{head}{rest}");
        assert_laws(&x);
        assert!(canonical(&x).starts_with(head), "{x:?}");
    }
}

/// A longer applications label (`本年新收政府信息公开申请数量`): the
/// paragraph on the joined line is cut before its tab, as a paragraph on a
/// head line is (`tab_cut`, read back after the outer marker).
#[test]
fn laws_c15b_a_long_label_line_after_a_marker_is_cut_before_its_tab() {
    let x = "1.一、本年新收政府信息公开申请数量33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\n";
    assert_laws(x);
    assert_eq!(
        canonical(x),
        "1.一、本年新收政府信息公开申请数量33330  全0 0 (((((((-6e管委会eee((\n(\t\t*\t\t\u{8}\n"
    );
    // (a label that opens no table stays on a line of its own)
    let x = "1.二、上年结转33330  全0 0 (((((((-6e管委会eee(((\t\t*\t\t\u{8}\n";
    assert_laws(x);
    assert!(canonical(x).starts_with("1.\n\n二、上年结转"));
}

/// The inner head with a title and blocks of its own (`一、本年新收…全` +
/// the subsection `（二）其他`, found by varying the minimised input): the
/// head alone opens an applications table, which takes in `（二）其他` as a
/// row; the outer marker and the inner head are written on one line, the
/// inner blocks after it.
#[test]
fn laws_c15b_an_untitled_marker_keeps_a_titled_label_head_with_blocks() {
    let head = "（1）一、本年新收政府信息公开申请数量(((33330  全0 0   全0 0 eee全";
    for rest in [
        "\n（二）其他\n",
        "\r\n（二）其他\r\n",
        "\r（二）其他\r",
        "\n（二）其他\n说明。\n",
    ] {
        let x = format!("{head}{rest}");
        assert_laws(&x);
        assert!(canonical(&x).starts_with(&format!("{head}\n")), "{x:?}");
    }
    // another outer marker
    let x = "1.一、本年新收政府信息公开申请数量(((33330  全0 0   全0 0 eee全\n（二）其他\n";
    assert_laws(x);
    assert!(canonical(x).starts_with("1.一、本年新收"), "{x:?}");
}

// ---- lead (fifteenth campaign, family A) ----

/// The fifteenth campaign's family A, minimised: an applications label line
/// that stood on the line of an empty head before it (`四、1.一、本年新收 …`:
/// `四、` holds the empty `1.`, and `一、本年新收 …`, of `四、`'s marker style,
/// is the sibling of `四、`). Written on a line of its own it opens an
/// applications table; it is written after the empty head, on its line.
#[test]
fn laws_lead_a_label_line_after_an_empty_head_stays_on_its_line() {
    for x in [
        "四、1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((",
        "三、1.一、本年新收33330  全0 0 (((((((-6e管委会eee(((((((",
        "一、\n1.一、本年新收33330  全0 0 (((((((-6e管委会eee(((((((",
        "一、\n1.一、本年新收 33330  全0 0 (((((((-6e管委会eee((((((\r\n",
        "四、1.一、本年新收 12340  全5 0 (((((((-6e管委会eee((((((\r",
    ] {
        assert_laws(x);
        let c1 = canonical(x);
        assert!(
            c1.lines().any(|l| l.starts_with("1.一、本年新收")),
            "{x:?} → {c1:?}"
        );
    }
}
