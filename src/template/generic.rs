//! Generic tables: any other grid, kept as a header row and body rows of
//! cell text. A one-cell-per-line grid is cut into rows by its shape: the
//! text cells then the number cells of the first body row.

use super::rows::cell_value;
use crate::grid::{Cell, Grid, Layout};
use crate::lines::Locator;
use crate::model::table::{GenericSpans, GenericTable, Table};
use crate::model::{Number, Str};

fn numeric(t: &str) -> bool {
    cell_value(t).is_some() && Number::parse_prefix(t).is_some_and(|(_, l)| l == t.len())
}

/// Rows of a one-column grid, by the shape of the first body row: `k` text
/// cells then `m` number cells.
fn shape_rows(cells: Vec<&Cell>) -> Vec<Vec<&Cell>> {
    let first_num = cells
        .iter()
        .position(|c| numeric(&c.text))
        .unwrap_or(cells.len());
    let after: Vec<bool> = cells[first_num..]
        .iter()
        .map(|c| numeric(&c.text))
        .collect();
    let (mut k, mut m) = (1, 1);
    let m1 = after.iter().take_while(|n| **n).count();
    if m1 > 0 {
        m = m1;
        let k2 = after[m1..].iter().take_while(|n| !**n).count();
        if k2 > 0 && after.len() > m1 + k2 {
            k = k2;
        }
    }
    let header_len = first_num.saturating_sub(k);
    // no text before the first body row: that row is the header (an empty
    // header row would not read back: an empty pipe row is no row)
    let mut rows = if header_len > 0 {
        vec![cells[..header_len].to_vec()]
    } else {
        Vec::new()
    };
    let mut i = header_len;
    while i < cells.len() {
        let mut row = Vec::new();
        while i < cells.len() && !numeric(&cells[i].text) && row.len() < k {
            row.push(cells[i]);
            i += 1;
        }
        let texts = row.len();
        while i < cells.len() && numeric(&cells[i].text) && row.len() - texts < m {
            row.push(cells[i]);
            i += 1;
        }
        if row.is_empty() {
            row.push(cells[i]);
            i += 1;
        }
        rows.push(row);
    }
    rows
}

/// Maps any grid to a generic table.
pub(crate) fn map(grid: &Grid, loc: &Locator<'_>) -> Table {
    let rows: Vec<Vec<&Cell>> = if grid.layout() == Layout::Lines {
        shape_rows(
            grid.rows()
                .iter()
                .flatten()
                .filter(|c| !c.is_empty())
                .collect(),
        )
    } else {
        grid.rows()
            .iter()
            .map(|r| r.iter().filter(|c| !c.is_empty()).collect::<Vec<_>>())
            .filter(|r| !r.is_empty())
            .collect()
    };
    let mut it = rows.into_iter();
    let header = it.next().unwrap_or_default();
    let body: Vec<Vec<&Cell>> = it.collect();
    let span_of = |c: &&Cell| {
        let s = c.span.clone().unwrap_or(0..0);
        loc.span(s.start, s.end)
    };
    let text_of = |c: &&Cell| Str::from(c.text.as_str());
    Table::Generic(GenericTable {
        span: super::span_of(grid, loc),
        layout: super::layout_of(grid),
        header: header.iter().map(text_of).collect(),
        rows: body
            .iter()
            .map(|r| r.iter().map(text_of).collect())
            .collect(),
        spans: GenericSpans {
            header: header.iter().map(span_of).collect(),
            rows: body
                .iter()
                .map(|r| r.iter().map(span_of).collect())
                .collect(),
        },
    })
}
