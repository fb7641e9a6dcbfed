//! Generic tables: any other grid, kept as a header row and body rows of
//! cell text. A one-cell-per-line grid is cut into rows by its shape: the
//! text cells then the number cells of the first body row.

use super::rows::cell_value;
use crate::grid::{Cell, Grid, Layout};

use crate::lines::Locator;
use crate::model::table::{GenericTable, Table};
use crate::model::{Number, Span, Str};

fn numeric(t: &str) -> bool {
    cell_value(t).is_some() && Number::parse_prefix(t).is_some_and(|(_, l)| l == t.len())
}

/// Rows of a one-column grid, by the shape of the first body row: `k` text
/// cells then `m` number cells. Returns the length of each row.
fn shape_rows(cells: &[Cell]) -> Vec<usize> {
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
        vec![header_len]
    } else {
        Vec::new()
    };
    let mut i = header_len;
    while i < cells.len() {
        let start = i;
        while i < cells.len() && !numeric(&cells[i].text) && i - start < k {
            i += 1;
        }
        let texts = i - start;
        while i < cells.len() && numeric(&cells[i].text) && i - start - texts < m {
            i += 1;
        }
        if i == start {
            i += 1;
        }
        rows.push(i - start);
    }
    rows
}

/// The model's texts and spans of a row's cells (the texts are moved, not
/// copied).
fn row_of(cells: impl ExactSizeIterator<Item = Cell>, loc: &Locator<'_>) -> (Vec<Str>, Vec<Span>) {
    let mut texts = Vec::with_capacity(cells.len());
    let mut spans = Vec::with_capacity(cells.len());
    for c in cells {
        let s = c.span.unwrap_or(0..0);
        spans.push(loc.span(s.start, s.end));
        texts.push(c.text);
    }
    (texts, spans)
}

/// Maps any grid to a generic table. The grid is consumed row by row: each
/// row's texts move into the table and the row is freed, so a large grid and
/// its table are not both held whole.
pub(crate) fn map(mut grid: Grid, loc: &Locator<'_>) -> Table {
    let span = grid.span();
    let layout = grid.layout();
    let rows = std::mem::take(grid.rows_mut());
    drop(grid);
    map_rows(layout, span, rows, loc)
}

/// [`map`] of the rows of a grid as they come (a builder's rows, one line at
/// a time, or a grid's rows): `layout` and `span` are the grid's.
pub(crate) fn map_rows(
    layout: Layout,
    span: Option<std::ops::Range<usize>>,
    rows: impl IntoIterator<Item = Vec<Cell>>,
    loc: &Locator<'_>,
) -> Table {
    let span = span.unwrap_or(0..0);
    let mut t = GenericTable {
        span: loc.span(span.start, span.end),
        layout: crate::model::ReadLayout(layout),
        ..GenericTable::default()
    };
    let one_column = layout == Layout::Lines;
    let mut first = true;
    let mut add = |texts: Vec<Str>, spans: Vec<Span>| {
        if std::mem::take(&mut first) {
            t.header = texts;
            t.spans.header = spans;
        } else {
            t.rows.push(texts);
            t.spans.rows.push(spans);
        }
    };
    if one_column {
        let cells: Vec<Cell> = rows
            .into_iter()
            .flatten()
            .filter(|c| !c.is_empty())
            .collect();
        let lengths = shape_rows(&cells);
        let mut cells = cells.into_iter();
        for n in lengths {
            let (texts, spans) = row_of(cells.by_ref().take(n), loc);
            add(texts, spans);
        }
    } else {
        for row in rows {
            let n = row.iter().filter(|c| !c.is_empty()).count();
            if n > 0 {
                let (texts, spans) = row_of(NonEmpty(row.into_iter(), n), loc);
                add(texts, spans);
            }
        }
    }
    t.rows.shrink_to_fit();
    t.spans.rows.shrink_to_fit();
    Table::Generic(t)
}

/// The `n` non-empty cells of a row.
struct NonEmpty(std::vec::IntoIter<Cell>, usize);

impl Iterator for NonEmpty {
    type Item = Cell;
    fn next(&mut self) -> Option<Cell> {
        let c = self.0.find(|c| !c.is_empty())?;
        self.1 -= 1;
        Some(c)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, Some(self.1))
    }
}

impl ExactSizeIterator for NonEmpty {}
