//! The template mapper: from a [`Grid`] to the typed tables of the model.
//!
//! Template knowledge lives here, layout knowledge in the grid builders
//! ([`crate::grid`]); neither knows the other. A grid is read as one stream
//! of tokens ([`cells`]); labels are matched through one vocabulary
//! ([`vocabulary`], one Aho–Corasick automaton); values are placed in their
//! columns under the never-guess rule for fused digits ([`fused`]). Raw
//! labels, subtotal rows, the `org_subtotal` column, fragments, fused rows
//! and every span are kept.
//!
//! * `applications`, `review_litigation`, `active_disclosure` (2019 and
//!   2021 variants), `generic`: one mapper per table;
//! * `rows`: what they share (label pieces, row accumulation).

pub(crate) mod active_disclosure;
pub(crate) mod applications;
pub(crate) mod beside;
pub(crate) mod cells;
pub(crate) mod fused;
pub(crate) mod generic;
pub(crate) mod legacy;
pub(crate) mod review_litigation;
pub(crate) mod rows;
pub(crate) mod vocabulary;

use crate::grid::Grid;
use crate::lines::Locator;
use crate::model::{Span, Table};

/// The tables a grid can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// 第二十条: active disclosure.
    ActiveDisclosure,
    /// 政府信息公开申请办理情况.
    Applications,
    /// 行政复议、行政诉讼.
    ReviewLitigation,
    /// Any other table.
    Generic,
}

/// Maps `grid` to a table of `kind`. `text` is the text the cells' spans
/// index (each cell's text is the text at its span), `loc` turns offsets in
/// it into spans of the model.
pub(crate) fn map(grid: Grid, kind: Kind, text: &str, loc: &Locator<'_>) -> Table {
    match kind {
        Kind::ActiveDisclosure => active_disclosure::map(&grid, text, loc),
        Kind::Applications => applications::map(&grid, text, loc),
        Kind::ReviewLitigation => review_litigation::map(&grid, text, loc),
        // a legacy 政府信息公开情况统计表 becomes a typed table
        Kind::Generic => {
            let l = layout_of(&grid);
            let t = match legacy::from_grid(&grid, loc) {
                Some(t) => t,
                // the generic mapper consumes the grid
                None => match generic::map(grid, loc) {
                    Table::Generic(g) => legacy::from_generic(&g, loc).unwrap_or(Table::Generic(g)),
                    t => t,
                },
            };
            with_layout(t, l)
        }
    }
}

/// Maps the rows of a generic-table region as the builder reads them, one
/// line at a time (`grid::text::generic_rows`): the same table as [`map`]
/// of their grid with [`Kind::Generic`], without holding the whole grid
/// unless its header is a legacy statistics header.
pub(crate) fn map_generic_rows(
    layout: crate::grid::Layout,
    span: std::ops::Range<usize>,
    rows: impl Iterator<Item = Vec<crate::grid::Cell>>,
    text: &str,
    loc: &Locator<'_>,
) -> Table {
    let mut rows = rows;
    // the rows up to the first non-blank one (the header `legacy` looks at)
    let mut head = Vec::new();
    for r in rows.by_ref() {
        let nonblank = r.iter().any(|c| !c.is_empty());
        head.push(r);
        if nonblank {
            break;
        }
    }
    let legacy_header = head.last().is_some_and(|h| {
        let texts: Vec<&str> = h.iter().map(|c| c.text.as_str()).collect();
        legacy::is_header(&texts)
    });
    if legacy_header {
        let mut grid = Grid::new();
        grid.set_layout(layout);
        for r in head.into_iter().chain(rows) {
            grid.push_row(r);
        }
        grid.set_span(span);
        return map(grid, Kind::Generic, text, loc);
    }
    let l = crate::model::ReadLayout(layout);
    let t = match generic::map_rows(layout, Some(span), head.into_iter().chain(rows), loc) {
        Table::Generic(g) => legacy::from_generic(&g, loc).unwrap_or(Table::Generic(g)),
        t => t,
    };
    with_layout(t, l)
}

/// `t` with the layout its grid builder recorded.
fn with_layout(mut t: Table, l: crate::model::ReadLayout) -> Table {
    match &mut t {
        Table::ActiveDisclosure(x) => x.layout = l,
        Table::Applications(x) => x.layout = l,
        Table::ReviewLitigation(x) => x.layout = l,
        Table::LegacyStatistics(x) => x.layout = l,
        Table::Generic(x) => x.layout = l,
    }
    t
}

/// The layout of the table: the one its grid builder recorded.
fn layout_of(grid: &Grid) -> crate::model::ReadLayout {
    crate::model::ReadLayout(grid.layout())
}

/// The span of the table: the grid's.
fn span_of(grid: &Grid, loc: &Locator<'_>) -> Span {
    let s = grid.span().unwrap_or(0..0);
    loc.span(s.start, s.end)
}

#[cfg(test)]
mod tests {
    //! The mapper on grids built by hand: cells placed one by one, with
    //! spanned positions as an HTML `<table>` with `rowspan`/`colspan`
    //! would give them.
    use super::*;
    use crate::grid::Cell;
    use crate::model::keys::{AdField, AdItem, AppCol, AppRow, RlGroup, RlOutcome};
    use crate::model::table::FragmentRole;

    /// Writes the cells (`^` = spanned from the cell above, `<` = from the
    /// cell to the left) into a text, one line per row, and builds the grid
    /// cell by cell.
    fn grid(rows: &[&[&str]]) -> (String, Grid) {
        let mut text = String::new();
        let mut g = Grid::new();
        for (r, row) in rows.iter().enumerate() {
            let mut cells = Vec::new();
            for (c, t) in row.iter().enumerate() {
                if c > 0 {
                    text.push(' ');
                }
                cells.push(match *t {
                    "^" => Cell::spanned(r - 1, c),
                    "<" => Cell::spanned(r, c - 1),
                    "" => Cell::empty(text.len()),
                    t => {
                        let at = text.len();
                        text.push_str(t);
                        Cell::new(t, at..text.len())
                    }
                });
            }
            text.push('\n');
            g.push_row(cells);
        }
        g.set_span(0..text.len() - 1);
        (text, g)
    }

    fn mapped(rows: &[&[&str]], kind: Kind) -> Table {
        let (text, g) = grid(rows);
        let lines = crate::lines::split(&text);
        let loc = Locator::new(&text, &lines);
        map(g, kind, &text, &loc)
    }

    /// An applications table with a header split over two rows (spanned
    /// cells) and a group label spanning the row.
    const SPLIT_HEADER: &[&[&str]] = &[
        &[
            "申请人情况",
            "自然人",
            "法人或其他组织",
            "<",
            "<",
            "<",
            "<",
            "总计",
        ],
        &[
            "^",
            "^",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "^",
        ],
        &[
            "一、本年新收政府信息公开申请数量",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "21",
        ],
        &["三、本年度办理结果", "<", "<", "<", "<", "<", "<", "<"],
        &[
            "（三）不予公开",
            "1.属于国家秘密",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
        ],
        &[
            "^",
            "2.其他法律行政法规禁止公开",
            "1",
            "",
            "0",
            "0",
            "0",
            "0",
            "1",
        ],
    ];

    #[test]
    fn applications_with_a_split_header_and_spanned_cells() {
        let t = mapped(SPLIT_HEADER, Kind::Applications);
        let Table::Applications(t) = t else {
            panic!("not an applications table")
        };
        assert_eq!(t.columns, AppCol::TEMPLATE.to_vec());
        let row = &t.rows[&AppRow::NewReceived];
        assert_eq!(
            row[&AppCol::NaturalPerson].and_then(|n| n.as_i64()),
            Some(1)
        );
        assert_eq!(row[&AppCol::Total].and_then(|n| n.as_i64()), Some(21));
        let law = &t.rows[&AppRow::DeniedProhibitedByLaw];
        assert_eq!(
            law[&AppCol::NaturalPerson].and_then(|n| n.as_i64()),
            Some(1)
        );
        // the empty cell keeps its column
        assert_eq!(law[&AppCol::CommercialEnterprise], None);
        assert_eq!(law[&AppCol::Total].and_then(|n| n.as_i64()), Some(1));
        let raw = |role| -> Vec<&str> {
            t.fragments
                .iter()
                .filter(|f| f.role == role)
                .map(|f| f.raw.as_str())
                .collect()
        };
        // the header text of a row is one fragment, the split header's
        // second row another
        let header = raw(FragmentRole::Header);
        assert_eq!(header.len(), 2, "{header:?}");
        assert!(header[1].contains("科研机构"), "{header:?}");
        assert!(raw(FragmentRole::GroupLabel).contains(&"（三）不予公开"));
        assert!(raw(FragmentRole::GroupLabel).contains(&"三、本年度办理结果"));
        assert_eq!(
            t.source[&AppRow::NewReceived]
                .label
                .as_ref()
                .map(|l| l.raw.as_str()),
            Some("一、本年新收政府信息公开申请数量")
        );
    }

    #[test]
    fn active_disclosure_2021_from_a_grid() {
        let t = mapped(
            &[
                &["第二十条第（一）项", "<", "<", "<"],
                &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                &["规章", "1", "0", "5"],
                &["行政规范性文件", "4", "—", "12"],
            ],
            Kind::ActiveDisclosure,
        );
        let Table::ActiveDisclosure(t) = t else {
            panic!("not an active-disclosure table")
        };
        let regs = &t.items[&AdItem::Regulations];
        assert_eq!(regs[&AdField::Issued].and_then(|n| n.as_i64()), Some(1));
        assert_eq!(regs[&AdField::InForce].and_then(|n| n.as_i64()), Some(5));
        let docs = &t.items[&AdItem::NormativeDocuments];
        assert_eq!(docs[&AdField::Repealed], None);
        assert_eq!(
            t.source[&AdItem::NormativeDocuments].cells[&AdField::Repealed].raw,
            "—"
        );
    }

    #[test]
    fn review_litigation_fused_digits_are_never_guessed() {
        // fifteen columns, fourteen cells, one holds `123`: `1|23` and
        // `12|3` both fit
        let t = mapped(
            &[
                &["行政复议", "行政诉讼"],
                &[
                    "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "123",
                ],
            ],
            Kind::ReviewLitigation,
        );
        let Table::ReviewLitigation(t) = t else {
            panic!("not a review/litigation table")
        };
        assert!(t.groups[&RlGroup::Review].values().all(Option::is_none));
        let fused = t.source[&RlGroup::Review].fused.as_ref().expect("fused");
        assert!(fused.raw.ends_with("123"));
        // `000023` in five columns splits one way only: 0|0|0|0|23
        let t = mapped(
            &[
                &["行政复议"],
                &["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "000023"],
            ],
            Kind::ReviewLitigation,
        );
        let Table::ReviewLitigation(t) = t else {
            panic!("not a review/litigation table")
        };
        let total = t.groups[&RlGroup::LitigationAfterReview][&RlOutcome::Total];
        assert_eq!(total.and_then(|n| n.as_i64()), Some(23));
    }

    #[test]
    fn generic_tables_keep_rows_of_text() {
        let t = mapped(
            &[&["项目", "数量"], &["收费", "<"], &["减免", "3"]],
            Kind::Generic,
        );
        let Table::Generic(t) = t else {
            panic!("not a generic table")
        };
        assert_eq!(t.header, vec!["项目", "数量"]);
        assert_eq!(t.rows, vec![vec!["收费"], vec!["减免", "3"]]);
    }
}
