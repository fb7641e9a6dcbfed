//! laws-c17b: the round-trip laws on the sixteenth campaign's `第二十条…`
//! inputs and the fifteenth's `roundtrip-strict-e1b4ef0034cf` (see
//! docs/roundtrip.md, section "laws-c17b").

use crate::roundtrip_laws::canonical;
use crate::roundtrip_laws_c16c::{laws_with_every_end, row_line};
use ogi_report::model::{ActiveDisclosureTable, AdField, AdItem, Block, FragmentRole, Table};

// ---- laws-c17b ----

/// The active-disclosure table that opens the preamble of `text`'s report.
fn first_ad(text: &str) -> ActiveDisclosureTable {
    let report = ogi_report::parse(text).unwrap();
    match report.preamble.first() {
        Some(Block::Table(t)) => match &**t {
            Table::ActiveDisclosure(t) => t.clone(),
            other => panic!("{text:?}: another table first: {other:?}"),
        },
        other => panic!("{text:?}: no table first: {other:?}"),
    }
}

/// The figure of `item`'s `field` in the first table of `text`.
fn figure(text: &str, item: AdItem, field: AdField) -> Option<i64> {
    first_ad(text).items[&item][&field].and_then(|n| n.as_i64())
}

/// Asserts that the canonical text of `x` writes the row `label` as `line`
/// and reads back with each of `figures` (item, field, value).
fn assert_row(x: &str, (label, line): (&str, &str), figures: &[(AdItem, AdField, i64)]) {
    assert_eq!(row_line(x, label), line);
    let c1 = canonical(x);
    for &(item, field, n) in figures {
        assert_eq!(
            figure(&c1, item, field),
            Some(n),
            "{c1:?}: {item:?} {field:?}"
        );
    }
}

/// `roundtrip-strict-f3407d9d933f` (minimised `第二十条集中采购791. /`) and
/// the fee row of `roundtrip-strict-e1b4ef0034cf` (`…事业性收费6t\t, /`): a
/// null marker that stood apart after a row's last cell was written as one
/// more field (`集中采购\t7\t9\t/`), which reads as one more cell: the row's
/// digits fused, its figures null. A fragment with a word that reads as a
/// cell is not written after the row's last cell.
#[test]
fn laws_c17b_a_null_marker_after_a_rows_last_cell_is_not_written() {
    laws_with_every_end(&[
        "第二十条集中采购791. /",
        "第二十条集中采购791. /\n",
        "第二十条集中采购7 9 /",
        "第二十条集中采购79 —",
        "第二十条行政许可1 2 3 /",
        "第二十条行政许可1 2 3 - \n行政处罚 4 5 6\n",
        "第二十条本年收费金额事业性收费6t\t, /",
        "第二十条本年收费金额事业性收费6 / x",
        "第二十条\n集中采购\t7\t9\t/",
        "第二十条\n规章\t1\t2\t3\t—\n",
        "（本列\n3.量\n政\n第二十条本年收费金额事业性收费6t\t, /",
    ]);
    use AdField::{Amount, Amount10kYuan, Projects};
    let procurement = [
        (AdItem::Procurement, Projects, 7),
        (AdItem::Procurement, Amount, 9),
    ];
    assert_row(
        "第二十条集中采购791. /",
        ("集中采购", "集中采购\t7\t9"),
        &procurement,
    );
    let fees = [(AdItem::Fees, Amount10kYuan, 6)];
    assert_row(
        "第二十条本年收费金额事业性收费6t\t, /",
        ("事业性收费", "事业性收费\t6"),
        &fees,
    );
}

/// `roundtrip-strict-9cedfc1e4b53` (minimised `第二十条对外管理服务2  5. e` +
/// `政  5  $  0`): the row's two empty cells share the place after its
/// figure `2`, and the text `5. e` (digits, white space) stood apart after
/// them. It was written in the last empty cell's place
/// (`对外管理服务\t2\t5. e\t`), where text among a row's fields after a figure
/// makes its digits fused. Words that each read as label text, digits or
/// not, are one more field after the row's last cell when a figure stands
/// before it, as words without digits were.
#[test]
fn laws_c17b_words_with_digits_after_a_rows_figures_are_one_more_field() {
    laws_with_every_end(&[
        "第二十条对外管理服务2  5. e\n政  5  $  0",
        "第二十条对外管理服务2  5. e",
        "第二十条行政许可7  3. 说明",
        "第二十条\n行政处罚  4  2. x y\n",
        "第二十条\n行政处罚  4  2.x\n",
        "第二十条\n行政处罚  4  x 2. y\n",
        "第二十条\n行政处罚  4  1 x\n",
        "第二十条\n规范性文件  4  5  2. 办\n",
    ]);
    let x = "第二十条对外管理服务2  5. e\n政  5  $  0";
    let previous = [(AdItem::OtherServices, AdField::PreviousYear, 2)];
    assert_row(x, ("对外管理服务", "对外管理服务\t2\t\t\t5. e"), &previous);
    let c1 = canonical(x);
    let others: Vec<String> = first_ad(&c1)
        .fragments
        .iter()
        .filter(|f| f.role == FragmentRole::Other)
        .map(|f| f.raw.to_string())
        .collect();
    assert_eq!(others, ["5. e"]);
}

/// The columns named by the `table.empty_cell` findings of `text`, in order.
fn empty_cell_columns(text: &str) -> Vec<String> {
    ogi_report::parse(text)
        .unwrap()
        .findings
        .iter()
        .filter(|f| &*f.rule == "table.empty_cell")
        .map(|f| {
            format!(
                "{}/{}",
                f.row.as_deref().unwrap_or(""),
                f.column.as_deref().unwrap_or("")
            )
        })
        .collect()
}

/// `roundtrip-strict-b3cbe2a53d42` (minimised `第二十条数量   减  量` +
/// `行政处罚  0` + `（六）其他处` + `第二十条本年收费金额行政强制`): the row's two
/// empty cells share the place after its figure, inside the table's span;
/// the canonical text gives each a place of its own after the last
/// character (`行政处罚\t0\t\t`), outside the span, so their findings sorted
/// by source place there and by the table's model in the source (the
/// report is 2021 format, where `decisions` is the row's column and
/// `change` none: decisions first). A table's findings now reach to the end
/// of its rows' last text: both sort in model order.
#[test]
fn laws_c17b_empty_cells_after_a_tables_last_character_sort_in_its_order() {
    laws_with_every_end(&[
        "第二十条数量   减  量\n行政处罚  0\n（六）其他处\n第二十条本年收费金额行政强制",
        "第二十条数量   减  量\n行政许可  5\n（六）其他处\n第二十条本年收费金额行政强制",
        "第二十条数量   减  量\n行政处罚  0\n第二十条本年收费金额事业性收费",
        "第二十条\n行政处罚  0  \n\n第二十条本年处理决定数量\n行政强制 1\n",
    ]);
    let x = "第二十条数量   减  量\n行政处罚  0\n（六）其他处\n第二十条本年收费金额行政强制";
    let order = empty_cell_columns(x);
    assert_eq!(
        order,
        [
            "penalties/decisions",
            "penalties/change",
            "enforcement/decisions"
        ]
    );
    assert_eq!(empty_cell_columns(&canonical(x)), order);
}

/// `roundtrip-strict-859939446e84` (minimised
/// `第二十条本定数量U事业性收费,,,,w本期eezHHHH~\u{19}列333`): the flow row on
/// the anchor's line reads the label and the fused digits `333`. Written as
/// a tab row (`…列\t333`), the line has 30 characters and commas: running
/// text, which ended the region. A tab row whose first field names an item
/// of the active-disclosure table is a row whatever its text holds, as one
/// whose first field is an applications row label is.
#[test]
fn laws_c17b_an_active_disclosure_tab_row_that_reads_as_prose_is_a_row() {
    laws_with_every_end(&[
        "第二十条本定数量U事业性收费,,,,w本期eezHHHH~\u{19}列333",
        "第二十条本定数量U行政许可,,,,w本期eezHHHH~\u{19}列333",
        "第二十条集中采购本定数量U,,,,w本期eezHHHH~\u{19}列x333",
        "第二十条\n本定数量U事业性收费,,,,w本期eezHHHH~\u{19}列\t333\n",
        "第二十条本定数量U事业性收费,,,,w本期eezHHHH~\u{19}列。333",
    ]);
    let x = "第二十条本定数量U事业性收费,,,,w本期eezHHHH~\u{19}列333";
    let c1 = canonical(x);
    let t = first_ad(&c1);
    let fees = t.source.get(&AdItem::Fees).expect("the fee row");
    assert_eq!(
        fees.label.as_ref().map(|l| l.raw.to_string()).as_deref(),
        Some("本定数量U事业性收费,,,,w本期eezHHHH~\u{19}列")
    );
    assert_eq!(
        fees.fused.as_ref().map(|f| f.raw.to_string()).as_deref(),
        Some("333")
    );
    let report = ogi_report::parse(&c1).unwrap();
    assert_eq!(report.preamble.len(), 1, "{c1:?}: a table only");
}
