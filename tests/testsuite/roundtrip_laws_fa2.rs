//! The round-trip laws (see `roundtrip_laws.rs`) on what was left of family
//! A (an applications label line after a head, issue 15): a section-marker
//! head that alone reads as a section heading after an untitled marker on
//! its line, and an empty head joined to the label line after it where the
//! heads before it were themselves joined on their lines.

use crate::roundtrip_laws_fa::assert_joined;

// ---- laws-fa2 ----

/// `1.` holds `一、本*年新收 …` with a block after it: alone the inner head
/// reads as a section heading (not as a table's label: the `*`), so `1.`
/// is written at the start of its line, as the source had it
/// (`roundtrip-strict-4575c90db0fc`, `roundtrip-strict-4b563ec2a0c7`).
#[test]
fn laws_fa2_a_heading_like_head_stays_after_the_marker_holding_it() {
    let inputs = [
        "1.一、本*年新收 33330  全0 0 (((((((-6e管委会eee(((((\n.",
        "1.一、本*年新收 33330  全0 0 (((((((-6e管委会ee标题(((\u{8}\n'",
        // other figures, CRLF and CR line ends
        "1.一、本*年新收 12345  全5 0 (((((((-6e管委会eee(((((\r\n.\r\n",
        "1.一、本*年新收 33330  全0 0 (((((((-6e管委会eee(((((\r.\r",
        // another marker style, a sentence after a blank line
        "（1）一、本*年新收 33330  全0 0 (((((((-6e管委会eee(((((\n.",
        "1.一、本*年新收 33330  全0 0 (((((((-6e管委会eee(((((\n\n其他情况说明。\n",
    ];
    assert_joined(&inputs, &["1.一、", "（1）一、"]);
}

/// Family A twice: the empty `1.` before the second label line is written
/// at the start of that line, read back after the heads open as they were
/// written — `三、` on the line of `一、收 …`, or `1.` on the line of
/// `一、年新收 …` after `一、` — which alone would read as a section heading
/// (`roundtrip-strict-3da29a26561e`; the minimised forms of
/// `roundtrip-strict-075ca644d70e` and `roundtrip-strict-584960963818`).
#[test]
fn laws_fa2_a_second_label_line_joins_after_joined_heads() {
    let tail = "  全0 0 (((((((-6e管委会eee((((((((";
    let inputs = [
        format!("三、1.一、年新收 33330{tail}\n1.一、年新收 33330{tail}\u{8}"),
        format!("三、一、收 33330{tail}\u{8}\n1.一、本年新收 33330{tail}"),
        format!("一、\n1.一、年新收3330{tail}\u{8}\n1.一、本年新收 33330{tail}"),
        format!("三、一、本年新收33330{tail}\u{8}\n1.一、本年新收 33330{tail}"),
        format!("一、\n1.一、本年新收33330{tail}\u{8}\n1.一、本年新收 33330{tail}"),
        // other numerals and figures, CRLF and CR line ends
        format!("三、1.一、年新收 12340{tail}\r\n1.一、年新收 12340{tail}\u{8}\r\n"),
        format!("三、一、收 33330{tail}\u{8}\r1.一、本年新收 33330{tail}\r"),
        format!("四、一、收 45670{tail}\u{8}\n1.一、本年新收 45670{tail}"),
        format!("二、\n1.一、年新收3330{tail}\u{8}\r\n1.一、本年新收 33330{tail}\r\n"),
    ];
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    assert_joined(&inputs, &["1.一、本年新收", "1.一、年新收"]);
}
