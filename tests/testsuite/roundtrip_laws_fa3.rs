//! The round-trip laws (see `roundtrip_laws.rs`) on the last of family A
//! (an applications label line after a head, issue 15): an empty head
//! joined to a label line whose subsection ends with an empty head that
//! joins the line after it (family A twice, a table between), and an empty
//! head joined to a head whose first paragraph goes on that line (after a
//! table or a header fragment).

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_fa::assert_joined;

// ---- laws-fa3 ----

/// Family A twice with a table between: `三、1.一、收 …` + `第二十条` +
/// `1.一、年新收 …`. The empty `1.` (or `三、`) is written at the start of
/// the line of `一、收 …`, whose last block, the second empty `1.`, is
/// written at the start of the line after it: the candidate read back for
/// the first join holds the block after `一、收 …` too, and the second
/// join is read back after the first one's line (`roundtrip-strict-77b81ea59c73`,
/// `-075ca644d70e`, `-944e23508a29`, `-f032439ef29d`).
#[test]
fn laws_fa3_family_a_twice_with_a_table_between() {
    let t = "  全0 0 (((((((-6e管委会eee((((((((";
    let inputs = [
        format!("三、1.一、收 33330{t}\u{8}\n第二十条\n1.一、年新收 33330{t}"),
        format!("三、一、收 33330{t}\u{8}\n第二十条\n1.一、本收 33330{t}"),
        // the minimised forms of `944e23508a29` and `f032439ef29d`
        format!(
            "三、1.一、收 33330{t}\u{8}\n第二十条\n1.一、年新收 33330  全0 0 ((((((指e㮡委会eee((((((((\u{8}"
        ),
        format!(
            "六、1.一、收 33330{t}\u{8}\n第二十条\n1.一、年新收 33330  全0 0 ((~HH\t\t\t^| 76t|\t\u{b}\t\t\te|~"
        ),
        // other figures and numerals, CRLF and CR line ends
        format!(
            "三、1.一、收 12345  全5 0 (((((((-6e管委会eee((((((((\u{8}\n第二十条\n1.一、年新收 12345{t}"
        ),
        format!("四、1.一、收 33330{t}\u{8}\r\n第二十条\r\n1.一、年新收 33330{t}\r\n"),
        format!("六、1.一、收 33330{t}\u{8}\r第二十条\r1.一、年新收 33330{t}\r"),
        format!("三、一、收 33330{t}\u{8}\r\n第二十条\r\n1.一、本收 45678{t}\r\n"),
        // a sentence after a blank line; a paragraph after the second label
        format!("三、1.一、收 33330{t}\u{8}\n第二十条\n1.一、年新收 33330{t}\n\n其他情况说明。\n"),
        format!("三、1.一、收 33330{t}\u{8}\n第二十条\n1.一、年新收 33330{t}\u{8}\n&"),
        // another marker style (obeyed the laws before: a control)
        format!("三、（1）一、收 33330{t}\u{8}\n第二十条\n（1）一、年新收 33330{t}"),
    ];
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    assert_joined(&inputs, &["1.一、年新收", "1.一、本收", "（1）一、年新收"]);
}

/// An empty `1.` right after a table (a header fragment `（本列` or a block
/// title `第二十条`) before the untitled `一、` whose paragraph alone goes
/// apart from its head (on one line `一、年新收 …` reads as a section
/// heading): apart, `1.` and `一、` are taken into the table; the head, the
/// marker and the paragraph are written on one line, as the source had
/// them (`roundtrip-strict-3fad8ec9da00`; the minimised form of
/// `roundtrip-strict-58049f0791e3`).
#[test]
fn laws_fa3_an_empty_head_joins_a_head_with_its_paragraph_after_a_table() {
    let t = "  全0 0 (((((((-6e管委会eee((((((((";
    let inputs = [
        format!("三、\n（本列\n1.一、年新收 33330{t}\u{8}"),
        "三、\n第二十条\n1.一、年0\"00000000000000000.无正当理-6e管委会eee(((((((".to_string(),
        format!("三、\n第二十条\n1.一、年新收 33330{t}\u{8}"),
        // other figures and numerals, CRLF and CR line ends
        format!("三、\r\n（本列\r\n1.一、年新收 12345{t}\u{8}\r\n"),
        format!("三、\r（本列\r1.一、年新收 33330{t}\u{8}\r"),
        format!("四、\n（本列\n1.一、年新收 33330{t}\u{8}"),
        // a paragraph after it
        format!("三、\n（本列\n1.一、年新收 33330{t}\u{8}\n&"),
    ];
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    assert_joined(&inputs, &["1.一、年"]);
    // another marker style, which the table does not take in: written
    // apart, as before (a control)
    let x = format!("三、\n（本列\n（1）一、年新收 33330{t}\u{8}");
    assert_laws(&x);
    assert!(canonical(&x).lines().any(|l| l == "（1）"), "{x:?}");
}
