//! The round-trip laws on the inputs of the wider sweep's seeds 41–80 that
//! broke one (laws-z10, see docs/roundtrip.md), and how `ogi render` reads a
//! saved fuzz input that is converter markdown.

use crate::roundtrip_laws::{assert_laws, canonical};

// ---- laws-z10 ----

/// The note and header of the applications table, as the canonical text
/// writes them.
const HEAD: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
                    申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";

/// `x` with its LF line ends as CRLF and as CR.
pub(crate) fn line_ends(x: &str) -> [String; 3] {
    [x.to_owned(), x.replace('\n', "\r\n"), x.replace('\n', "\r")]
}

/// [Z10A] A row label whose first field ends in digits glued to its text and
/// a list marker, with more of the label after a tab (seed 49
/// `四、结转下年00000002.\t度继续办理57.`, seed 53 `…事务00000002.\t|\t信息57.`):
/// the source reads one label; written glued (`…00000002.度继续办理57.`) the
/// cell grammar cut seven figures and the text `2.度继续办理` off it. The tab
/// after the marker is kept.
#[test]
fn laws_z10_a_label_keeps_the_tab_after_marker_digits() {
    let inputs = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
         四、结转下年00000002.\t度继续办理57.\n本机关将继续做好政府信息公开工作。\n",
        "（本列5.属于三类内部事务00000002.\t|\t信息57.\n本机关将继续做好政府信息公开工作。\n",
    ];
    for x in inputs.iter().flat_map(|x| line_ends(x)) {
        assert_laws(&x);
    }
    let c1 = canonical(inputs[0]);
    assert!(
        c1.contains("\n四、结转下年00000002.\t度继续办理57.\t\t\t\t\t\t\t\n"),
        "{c1:?}"
    );
    let c1 = canonical(inputs[1]);
    assert!(
        c1.contains("\n5.属于三类内部事务00000002.\t|信息57.\t\t\t\t\t\t\t\n"),
        "{c1:?}"
    );
    // with the row's figures, another label, two such places
    let rows = [
        "四、结转下年00000002.\t度继续办理57.\t1\t2\t3\t4\t5\t6\t7\n",
        "5.属于三类内部事务00000002.\t信息57.\t1\t2\n",
        "（三）不予公开02.\t其他57.\n",
        "四、结转02.\t下年02.\t度继续办理57.\n",
    ];
    for row in rows {
        for x in line_ends(&format!("{HEAD}{row}")) {
            assert_laws(&x);
        }
    }
    // (a figure after the tab: the label field keeps its digits, written
    // glued as before, `一、本年新收00000002.2.` + `2.重复申请`; seed 42)
    for x in line_ends("一、本年新收00000002.\t2.2.重复申请\n本机关将继续做好政府信息公开工作。\n")
    {
        assert_laws(&x);
    }
    let c1 = canonical(&format!("{HEAD}{}", rows[0]));
    assert!(
        c1.contains("\n四、结转下年00000002.\t度继续办理57.\t1\t2\t3\t4\t5\t6\t7\n"),
        "{c1:?}"
    );
    let r = ogi_report::parse(&c1).unwrap();
    let total = r.cell("applications", "carried_forward", "total");
    assert_eq!(total.ok().and_then(|n| n.as_i64()), Some(7));
}

/// [Z10B] A subsection with a title whose first block is a subsection whose
/// head line alone opens a table (seed 49: `（二）。一、本年新收政府信息公开申请数量。`
/// after an applications table's header): written on a line of its own, the
/// inner head read back as a table's first row. It is written on the outer
/// head's line, as it stood (laws-c14e's rule for an outer head without a
/// title).
#[test]
fn laws_z10_a_titled_head_keeps_an_inner_head_that_opens_a_table_on_its_line() {
    let x = "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n\
             （二）。一、本年新收政府信息公开申请数量。\n\
             （七）总计  1 1 1 1 1 1 6\n";
    for x in line_ends(x) {
        assert_laws(&x);
    }
    let c1 = canonical(x);
    assert!(
        c1.contains("\n（二）。一、本年新收政府信息公开申请数量。\n"),
        "{c1:?}"
    );
    let variants = [
        "（二）。一、本年新收政府信息公开申请数量。\n",
        "说明如下\n\n（三）情况：二、上年结转政府信息公开申请数量。\n\n正文。\n",
        "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n\
         （二）。一、本年新收政府信息公开申请数量。\n",
    ];
    for v in variants {
        for x in line_ends(v) {
            assert_laws(&x);
        }
    }
}

/// `ogi render` on the saved input `roundtrip-strict-e0e3e33aa4fe` converged
/// while the library check did not (before laws-c14d's fix): the input has
/// `#` headings and `|---|` separator rows, so `ogi` (which reads bytes with
/// `ogi_report::read`) takes it as converter markdown and reads it with
/// `parse_markdown`, while the laws, the fuzz target and the tests read the
/// text with `ogi_report::parse`, the plain-text parser. Both are right for
/// what they read; the two paths give two models and two canonical texts.
#[test]
fn laws_z10_the_cli_reads_a_markdown_fuzz_input_as_converter_markdown() {
    let path = crate::util::repo_path("tests/fixtures/fuzz/roundtrip-strict-e0e3e33aa4fe.txt");
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(ogi_report::input::markdown::is_converter_markdown(text));
    let plain = ogi_report::parse(text).unwrap();
    let read = ogi_report::read(&bytes).unwrap().report;
    assert_ne!(plain, read);
    assert_eq!(read, ogi_report::parse_markdown(text).unwrap());
    // the plain-text title keeps its `#`; the markdown reader takes it off
    let c1_plain = plain.render();
    let c1_read = read.render();
    assert!(c1_plain.starts_with("# 示例县"), "{c1_plain:?}");
    assert!(c1_read.starts_with("示例县"), "{c1_read:?}");
    // the laws hold on both paths (the CLI's second read is of plain text)
    assert_laws(text);
    let second = ogi_report::read(c1_read.as_bytes()).unwrap().report;
    assert_eq!(second.render(), c1_read);
}
