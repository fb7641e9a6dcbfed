//! lead (eighteenth strict campaign): the round-trip laws on fused digits
//! with a tab run before a pipe (see docs/roundtrip.md, section "lead: the
//! eighteenth campaign").

use crate::roundtrip_laws::assert_laws;

// ---- lead-18 ----

/// The canonical text of `x`.
fn canonical(x: &str) -> String {
    ogi_report::parse(x).unwrap().render()
}

/// `roundtrip-strict-6455afeef709` (minimised `一、本年新收0\t\t\t\t|0\n0`):
/// the row's fused digits hold a pipe after a run of tabs. Written as tab
/// rows with their tabs kept they read as cells, so the renderer wrote the
/// table as pipe rows (`|一、本年新收|0 |0 0|`); read back, the fused digits
/// had one space a run (`0 |0 0`), which tab rows do read back, so the
/// second render wrote tab rows: no fixed point. Now the renderer writes
/// the tab rows of what the one-space form reads back as, when that reads
/// back as the table: the first render is already the fixed point.
#[test]
fn lead18_fused_digits_with_tabs_before_a_pipe_are_written_as_their_reread_tab_rows() {
    for x in [
        "一、本年新收0\t\t\t\t|0\n0",
        "一、本年新收0\t\t\t\t|0\r\n0",
        "一、本年新收0\t\t\t\t|0\r0",
        "一、本年新收0\t\t\t\t|0\n0\n",
        "一、本年新收0\t\t\t\t|0\t0",
        "一、本年新收0\t\t\t\t|0\n0\n二、上年结转1 2 3 4 5 6 7",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n一、本年新收0\t\t\t\t|0\n0",
        "一、本年新收7\t\t\t\t|8\n9",
    ] {
        assert_laws(x);
        let c1 = canonical(x);
        assert!(
            c1.lines().all(|l| !l.starts_with('|')),
            "{x:?} is written as tab rows, not pipe rows: {c1:?}"
        );
    }
}

/// Fused digits whose pipe reads back only from pipe rows (`0|0`, no white
/// space beside it) are still written as pipe rows, and obey the laws.
#[test]
fn lead18_fused_digits_with_a_bare_pipe_stay_pipe_rows_when_only_those_read_back() {
    for x in [
        "|一、本年新收|0|0|\n|二、上年结转|1|2|",
        "|一、本年新收|0|||||\n|0|",
    ] {
        assert_laws(x);
    }
}

/// `roundtrip-strict-73180e3b9ae6` (minimised `（本列办理结果||t\t\n\n||~\n政\te`):
/// an applications table whose last line is a group label holding two pipes
/// (`（本列办理结果||t`), then a generic table of one cell per line (`||~`,
/// `政\te`). The label's line counts as a pipe row, so the candidates that
/// keep the second table apart by a tab at the end of the first table's
/// last lines were not tried, and none of the others reads apart: the
/// second table was read into the first. The tab is now tried last for such
/// a line too (as the source had it, `…||t\t`): a line with a tab counts as a
/// tab row, so the pipe row after it and a blank line ends the region.
#[test]
fn lead18_a_group_label_with_pipes_before_a_table_is_closed_by_a_tab() {
    for x in [
        "（本列办理结果||t\t\n\n||~\n政\te",
        "（本列办理结果||t\t\r\n\r\n||~\r\n政\te",
        "（本列办理结果||t\t\n\n||~\n政\te\n",
        "（本列不予公开||x\t\n\n||~\n甲\t乙",
        "（本列办理结果||t\t\n\n||5\n政\t3",
    ] {
        assert_laws(x);
        let tables = ogi_report::parse(&canonical(x))
            .unwrap()
            .preamble
            .iter()
            .filter(|b| matches!(b, ogi_report::model::Block::Table(_)))
            .count();
        assert_eq!(tables, 2, "{x:?}: the two tables read back apart");
    }
}
