//! laws-c19: the round-trip laws on a subsection right after an
//! active-disclosure table whose paragraph, on the head's line, ends a line
//! with a `第…项` reference (see docs/roundtrip.md, section "laws-c19").

use crate::roundtrip_laws_c18a::assert_holds;

// ---- laws-c19 ----
// (`assert_holds`: the laws in LF, CRLF and CR form, and a part of the
// canonical text)

/// The white space run of the saved inputs between the head's text and the
/// reference.
const RUN: &str = "                             ";

/// `roundtrip-strict-98787e78a9c1` (minimised `第二十条`, `（六）他处理 … 第二十条第（八）项`,
/// `事业性收费`) and `roundtrip-strict-320c0ec25d48` (the same with
/// `（七）jjj…j`): the paragraph joins the two lines; written on the head's
/// line after the table, `…第二十条第（八）项事业性收费` read as a block title and
/// the fees row of the table. Cut where the reference `第二十条第（八）项` ends
/// (a new candidate of `head_lines_after_table`), it reads back apart.
#[test]
fn laws_c19_a_paragraph_cut_after_a_reference_reads_back_after_a_table() {
    let cut = "第二十条第（八）项\n事业性收费\n";
    for (head, reference, rest, part) in [
        ("（六）他处理", "第二十条第（八）项", "事业性收费", cut),
        (
            "（七）jjjjjjjjjjjjjjjjjjjj",
            "第二十条第（八）项",
            "事业性收费",
            cut,
        ),
        (
            "（六）他处理",
            "第二十条第（五）项",
            "事业性收费",
            "第（五）项\n事业性收费\n",
        ),
        ("1.他处理", "第二十条第（八）项", "事业性收费", cut),
        (
            "（六）他处理",
            "第二十条第（九）项",
            "政府集中采购",
            "第（九）项\n政府集中采购\n",
        ),
        ("（二）其他事项", "第二十条第（八）项", "事业性收费", cut),
        ("（四）abc", "第二十条第（八）项", "事业性收费", cut),
        (
            "（六）他处理",
            "第二十条第（八）项",
            "行政事业性收费",
            "第（八）项\n行政事业性收费\n",
        ),
        (
            "（六）他处理",
            "第二十条第（八）项",
            "事业性收费\n\n其他内容。",
            cut,
        ),
    ] {
        let x = format!("第二十条\n{head}{RUN}{reference}\n{rest}");
        assert_holds(&x, part);
    }
}

/// Neighbours that passed before and read the same: the paragraph not
/// joined (a tab before the reference, a `第（八）项` reference alone), or
/// joined where the glued line already reads back (`…第（五）项行政许可`).
#[test]
fn laws_c19_neighbours_still_read_back() {
    for (x, part) in [
        (
            format!("第二十条\n（三）他处理{RUN}第二十条第（五）项\n行政许可"),
            "第二十条第（五）项行政许可\n",
        ),
        (
            format!("第二十条\n（六）他处理{RUN}第二十条第（一）项\n规章"),
            "第二十条第（一）项规章\n",
        ),
        (
            "第二十条\n（六）他处理\t第二十条第（八）项\n事业性收费".to_owned(),
            "\n\n事业性收费\n",
        ),
        (
            format!("第二十条\n（六）他处理{RUN}第（八）项\n事业性收费"),
            "\n\n事业性收费\n",
        ),
    ] {
        assert_holds(&x, part);
    }
}
