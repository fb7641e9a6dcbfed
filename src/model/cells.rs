//! Tidy cells: one record per standard-table cell.
//!
//! [`Report::cells`] walks the standard tables (the three of the 2019/2021
//! templates and the legacy statistics table) in document order —
//! table by table, row by row, column by column as the report has them —
//! and yields one [`Cell`] per value: the table, row and column keys of
//! model.md, the typed value (`None` for an empty cell) and, where the
//! source position is known, the cell's raw text and span. It is what
//! `ogi export --csv` and `--parquet` write, what the C ABI's
//! `ogi_report_cells_json` returns and what Python's `Report.cells()` yields.
//! Generic tables have no keys and are not included.

use serde::Serialize;

use super::table::{Table, Text};
use super::{Key, Number, Report, RowMap, Span};

/// One standard-table cell as a tidy record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell<'a> {
    /// `applications`, `review_litigation`, `active_disclosure` or
    /// `legacy_statistics`.
    pub table: &'static str,
    /// The row key (`new_received`, `review`, `normative_documents` …).
    pub row: &'static str,
    /// The column key (`total`, `upheld`, `issued` …).
    pub column: &'static str,
    /// The typed value; `None` for an empty cell.
    pub value: Option<Number>,
    /// The cell's text as written, when the parser located it (`""` for an
    /// empty cell whose position is known).
    pub raw: Option<&'a str>,
    /// Where the cell is in the decoded text, when located.
    pub span: Option<Span>,
}

impl Report {
    /// Every standard-table cell as a tidy [`Cell`] record, in document order.
    ///
    /// ```
    /// let text = "二、主动公开政府信息情况\n第二十条第（一）项\n\
    ///             信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n\
    ///             规章\t0\t0\t0\n行政规范性文件\t4\t0\t4\n";
    /// let report = ogi_report::parse(text)?;
    /// let issued: i64 = report
    ///     .cells()
    ///     .filter(|c| c.column == "issued")
    ///     .filter_map(|c| c.value?.as_i64())
    ///     .sum();
    /// assert_eq!(issued, 4);
    /// let first = report.cells().next().unwrap();
    /// assert_eq!((first.table, first.row, first.column), ("active_disclosure", "regulations", "issued"));
    /// assert_eq!(first.raw, Some("0"));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = Cell<'_>> + '_ {
        self.tables().flat_map(table_cells)
    }
}

fn table_cells(table: &Table) -> Box<dyn Iterator<Item = Cell<'_>> + '_> {
    let kind = table.kind();
    match table {
        Table::Applications(t) => Box::new(values_cells(kind, &t.rows, |r, c| {
            t.source.get(r).and_then(|s| s.cells.get(c))
        })),
        Table::ReviewLitigation(t) => Box::new(values_cells(kind, &t.groups, |r, c| {
            t.source.get(r).and_then(|s| s.cells.get(c))
        })),
        Table::ActiveDisclosure(t) => Box::new(values_cells(kind, &t.items, |r, c| {
            t.source.get(r).and_then(|s| s.cells.get(c))
        })),
        Table::LegacyStatistics(t) => Box::new(values_cells(kind, &t.rows, |r, c| {
            t.source.get(r).and_then(|s| s.cells.get(c))
        })),
        Table::Generic(_) => Box::new(std::iter::empty()),
    }
}

fn values_cells<'a, R, C, const N: usize>(
    table: &'static str,
    values: &'a RowMap<R, RowMap<C, Option<Number>, N>>,
    text_of: impl Fn(&R, &C) -> Option<&'a Text> + Copy + 'a,
) -> impl Iterator<Item = Cell<'a>> + 'a
where
    R: Key + std::hash::Hash + Eq,
    C: Key + std::hash::Hash + Eq,
{
    values.iter().flat_map(move |(r, cols)| {
        cols.iter().map(move |(c, v)| {
            let text = text_of(r, c);
            Cell {
                table,
                row: r.key(),
                column: c.key(),
                value: *v,
                raw: text.map(|t| t.raw.as_str()),
                span: text.map(|t| t.span),
            }
        })
    })
}
