//! The grid builder for HTML `<table>`s.
//!
//! The HTML front end ([`crate::input::html`]) reads each row of a table as
//! a list of [`SourceCell`]s (the cell's text, where its pieces sit in the
//! page source, its `rowspan` and `colspan`); [`build`] places them on the
//! grid the way a browser does: a cell is put in the first free position of
//! its row, and the positions its spans cover are [`Cell::spanned`], never a
//! copy of its text. An empty cell (`&nbsp;`, `<o:p></o:p>`, `<p></p>`) stays
//! empty: [`Cell::empty`] at its place, distinct from a `0`.
//!
//! ```
//! use ogi_report::grid::html::{build, SourceCell};
//! use ogi_report::grid::Origin;
//!
//! let rows = vec![
//!     vec![SourceCell::new("申请人情况", vec![0..15], 0).span(2, 1), SourceCell::new("总计", vec![20..26], 20)],
//!     vec![SourceCell::new("3", vec![30..31], 30)],
//! ];
//! let (grid, at) = build(&rows);
//! assert_eq!(grid.rows()[1][0].origin, Origin::Spanned { row: 0, col: 0 });
//! assert_eq!(grid.rows()[1][1].text, "3");
//! assert_eq!(at[1][0], (1, 1));
//! ```

use std::ops::Range;

use super::{Cell, Grid};

/// The largest `colspan` honoured (the HTML standard's limit).
pub const MAX_COLSPAN: usize = 1000;
/// The widest table whose ragged columns are merged (see [`build`]).
pub const MAX_RAGGED_WIDTH: usize = 256;
/// The most positions a grid may have; spans beyond it are cut (bounded
/// memory on hostile input).
pub const MAX_POSITIONS: usize = 1 << 20;

/// One `<td>`/`<th>` as read from the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceCell {
    /// The cell's text (its pieces joined; white space inside kept).
    pub text: String,
    /// The source range of each piece of text (one per text node or entity
    /// run), in order; empty for an empty cell.
    pub pieces: Vec<Range<usize>>,
    /// A source position for the cell when it holds no text.
    pub at: usize,
    /// `rowspan` (0 stands for "to the end of the table", as in HTML).
    pub rowspan: usize,
    /// `colspan` (at least 1).
    pub colspan: usize,
}

impl SourceCell {
    /// A cell spanning one row and one column.
    pub fn new(text: impl Into<String>, pieces: Vec<Range<usize>>, at: usize) -> SourceCell {
        SourceCell {
            text: text.into(),
            pieces,
            at,
            rowspan: 1,
            colspan: 1,
        }
    }

    /// The same cell with `rowspan` and `colspan`.
    pub fn span(mut self, rowspan: usize, colspan: usize) -> SourceCell {
        self.rowspan = rowspan;
        self.colspan = colspan;
        self
    }

    fn grid_cell(&self) -> Cell {
        let empty = self.text.chars().all(crate::lines::is_space);
        if empty || self.pieces.is_empty() {
            return Cell::empty(self.pieces.first().map_or(self.at, |p| p.start));
        }
        if self.pieces.len() == 1 {
            Cell::new(self.text.clone(), self.pieces[0].clone())
        } else {
            Cell::glued(self.text.clone(), self.pieces.clone())
        }
    }
}

/// Places the cells of `rows` on a grid. Returns the grid and, for every
/// source cell, the (row, column) of its origin position.
///
/// Rows are as long as their last occupied position (a builder never pads a
/// row with guessed cells); a `rowspan` reaching past the last row is cut
/// there. A column that holds no cell of its own (Word's ragged cell
/// widths: every data row continues a `colspan` from its left into it, and
/// a header cell that starts there spans on to the next column) is dropped,
/// such header cells moved one column right.
pub fn build(rows: &[Vec<SourceCell>]) -> (Grid, Vec<Vec<(usize, usize)>>) {
    let (mut cells, mut placed) = place(rows);
    let width = cells.iter().map(Vec::len).max().unwrap_or(0);
    let dropped = ragged_columns(&mut cells, &mut placed, width);
    drop_columns(&mut cells, &mut placed, &dropped, width);
    let mut grid = Grid::new();
    for line in cells {
        // holes (a position no cell covers) are empty cells without a place
        grid.push_row(
            line.into_iter()
                .map(|c| {
                    c.unwrap_or(Cell {
                        span: None,
                        ..Cell::default()
                    })
                })
                .collect(),
        );
    }
    (grid, placed)
}

/// Positions of the grid: a cell, or `None` for a hole.
type Positions = Vec<Vec<Option<Cell>>>;

/// Places every source cell at the first free position of its row, its
/// spans covering the positions after and below it (at most
/// [`MAX_POSITIONS`] in all). The positions, and each source cell's origin.
fn place(rows: &[Vec<SourceCell>]) -> (Positions, Vec<Vec<(usize, usize)>>) {
    let height = rows.len();
    let mut cells: Positions = vec![Vec::new(); height];
    let mut placed = Vec::with_capacity(height);
    let mut positions = 0usize;
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0usize;
        let mut at = Vec::with_capacity(row.len());
        for sc in row {
            while cells[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            at.push((r, col));
            let colspan = sc.colspan.clamp(1, MAX_COLSPAN);
            let rowspan = match sc.rowspan {
                0 => height - r,
                n => n.min(height - r),
            };
            for dr in 0..rowspan {
                for dc in 0..colspan {
                    if positions >= MAX_POSITIONS && (dr, dc) != (0, 0) {
                        continue;
                    }
                    let line = &mut cells[r + dr];
                    if line.len() <= col + dc {
                        line.resize(col + dc + 1, None);
                    }
                    if line[col + dc].is_some() {
                        // overlapping spans: the earlier cell keeps the position
                        continue;
                    }
                    positions += 1;
                    line[col + dc] = Some(if (dr, dc) == (0, 0) {
                        sc.grid_cell()
                    } else {
                        Cell::spanned(r, col)
                    });
                }
            }
            col += colspan;
        }
        placed.push(at);
    }
    (cells, placed)
}

/// Word's ragged cell widths: a column that no row has a cell of its own
/// in (every data row continues a `colspan` from its left into it; a header
/// cell may start there but its span goes on to the next column) holds
/// nothing: the header cells move one column right. The columns to drop.
fn ragged_columns(
    cells: &mut Positions,
    placed: &mut [Vec<(usize, usize)>],
    width: usize,
) -> Vec<usize> {
    let mut dropped = Vec::new();
    if width > MAX_RAGGED_WIDTH {
        return dropped;
    }
    let is_data = |line: &Vec<Option<Cell>>| {
        line.iter().flatten().any(|c| {
            !matches!(c.origin, super::Origin::Spanned { .. })
                && c.text.trim().parse::<f64>().is_ok()
        })
    };
    let data: Vec<bool> = cells.iter().map(is_data).collect();
    for c in 1..width {
        let Some(movers) = ragged_movers(cells, &data, c) else {
            continue;
        };
        dropped.push(c);
        for &r in &movers {
            move_origin(cells, r, c);
            for row in placed.iter_mut() {
                for pos in row.iter_mut() {
                    if *pos == (r, c) {
                        *pos = (r, c + 1);
                    }
                }
            }
        }
    }
    dropped
}

/// When column `c` is ragged (see [`ragged_columns`]): the rows whose
/// header cell starts there and moves right. `None` when it is not.
fn ragged_movers(cells: &Positions, data: &[bool], c: usize) -> Option<Vec<usize>> {
    let mut movers = Vec::new();
    let mut continued = false;
    for (r, line) in cells.iter().enumerate() {
        match line.get(c).and_then(Option::as_ref).map(|x| x.origin) {
            None => {}
            Some(super::Origin::Spanned { col, .. }) if col < c => continued |= data[r],
            Some(super::Origin::Spanned { row, col }) if col == c && movers.contains(&row) => {}
            Some(super::Origin::Spanned { .. }) => return None,
            Some(_) => {
                let next = line.get(c + 1).and_then(Option::as_ref).map(|x| x.origin);
                if !data[r] && next == Some(super::Origin::Spanned { row: r, col: c }) {
                    movers.push(r);
                } else {
                    return None;
                }
            }
        }
    }
    continued.then_some(movers)
}

/// Removes the `dropped` columns, renumbering the columns after them (in
/// spanned cells' origins and in `placed`).
fn drop_columns(
    cells: &mut Positions,
    placed: &mut [Vec<(usize, usize)>],
    dropped: &[usize],
    width: usize,
) {
    let mut keep = vec![true; width];
    for &c in dropped {
        keep[c] = false;
    }
    let mut new_col = Vec::with_capacity(width);
    let mut n = 0;
    for &k in &keep {
        new_col.push(n);
        if k {
            n += 1;
        }
    }
    if keep.iter().all(|k| *k) {
        return;
    }
    for line in cells.iter_mut() {
        let old = std::mem::take(line);
        *line = old
            .into_iter()
            .enumerate()
            .filter(|(c, _)| keep[*c])
            .map(|(_, mut cell)| {
                if let Some(Cell {
                    origin: super::Origin::Spanned { col, .. },
                    ..
                }) = &mut cell
                {
                    *col = new_col[*col];
                }
                cell
            })
            .collect();
    }
    for row in placed.iter_mut() {
        for (_, c) in row.iter_mut() {
            *c = new_col[*c];
        }
    }
}

/// Moves the cell at (`r`, `c`) one column right, onto the first position
/// its span covers, and points the rest of its span at its new place.
fn move_origin(cells: &mut [Vec<Option<Cell>>], r: usize, c: usize) {
    let from = super::Origin::Spanned { row: r, col: c };
    let to = super::Origin::Spanned { row: r, col: c + 1 };
    if let Some(cell) = cells[r][c].take() {
        cells[r][c] = Some(Cell::spanned(r, c + 1));
        cells[r][c + 1] = Some(cell);
    }
    for line in cells.iter_mut().skip(r) {
        if !line.iter().flatten().any(|x| x.origin == from) {
            break;
        }
        for x in line.iter_mut().flatten() {
            if x.origin == from {
                *x = Cell {
                    origin: to,
                    ..Cell::spanned(r, c + 1)
                };
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::grid::Origin;

    fn c(t: &str, at: usize) -> SourceCell {
        SourceCell::new(t, vec![at..at + t.len()], at)
    }

    #[test]
    fn rowspan_and_colspan_are_spanned_not_copied() {
        // | a (2 rows) | b (2 cols)  |
        // |            | c    | d    |
        let rows = vec![
            vec![c("a", 0).span(2, 1), c("b", 10).span(1, 2)],
            vec![c("c", 20), c("d", 30)],
        ];
        let (g, at) = build(&rows);
        assert_eq!(g.width(), 3);
        assert_eq!(g.rows()[0][2].origin, Origin::Spanned { row: 0, col: 1 });
        assert_eq!(g.rows()[1][0].origin, Origin::Spanned { row: 0, col: 0 });
        assert!(g.rows()[1][0].text.is_empty());
        assert_eq!(g.rows()[1][1].text, "c");
        assert_eq!(g.rows()[1][2].text, "d");
        assert_eq!(at, vec![vec![(0, 0), (0, 1)], vec![(1, 1), (1, 2)]]);
    }

    #[test]
    fn a_column_that_is_only_colspan_is_dropped() {
        // Word: 商业企业 colspan=2 in the header and in every data row
        let rows = vec![
            vec![c("自然人", 0), c("商业企业", 10).span(1, 2), c("其他", 20)],
            vec![c("1", 30), c("2", 31).span(1, 2), c("3", 32)],
        ];
        let (g, at) = build(&rows);
        assert_eq!(g.width(), 3);
        assert_eq!(g.rows()[1][2].text, "3");
        assert_eq!(at[1], vec![(1, 0), (1, 1), (1, 2)]);
    }

    #[test]
    fn a_ragged_word_header_is_realigned() {
        // 2021 layout: 自然人 colspan=2 over an empty cell and half of
        // 商业企业; the data rows' 商业企业 figure has colspan=2
        let rows = vec![
            vec![
                c("自然人", 0).span(1, 2),
                c("法人或其他组织", 10).span(1, 2),
                c("总计", 20).span(2, 1),
            ],
            vec![c("", 30), c("商业企业", 31).span(1, 2), c("其他", 40)],
            vec![c("64", 50), c("0", 51).span(1, 2), c("4", 52), c("70", 53)],
        ];
        let (g, at) = build(&rows);
        let text = g.to_tab_text().text;
        assert_eq!(text.lines().nth(2), Some("64\t0\t4\t70"), "{text}");
        assert_eq!(g.rows()[1][1].text, "商业企业");
        assert_eq!(at[2], vec![(2, 0), (2, 1), (2, 2), (2, 3)]);
        assert_eq!(g.width(), 4);
    }

    #[test]
    fn empty_cells_stay_empty_and_zero_is_text() {
        let rows = vec![vec![
            SourceCell::new("\u{a0}", vec![5..11], 5),
            SourceCell::new("", vec![], 20),
            c("0", 30),
        ]];
        let (g, _) = build(&rows);
        let r = &g.rows()[0];
        assert!(r[0].is_empty() && r[0].text.is_empty());
        assert_eq!(r[0].span, Some(5..5));
        assert_eq!(r[1].span, Some(20..20));
        assert_eq!(r[2].text, "0");
    }

    #[test]
    fn rowspan_zero_and_huge_spans_are_bounded() {
        let rows = vec![
            vec![c("a", 0).span(0, 1), c("b", 1).span(1, 100_000)],
            vec![c("x", 2)],
            vec![c("y", 3)],
        ];
        let (g, _) = build(&rows);
        assert_eq!(g.height(), 3);
        assert_eq!(g.rows()[2][0].origin, Origin::Spanned { row: 0, col: 0 });
        assert_eq!(g.rows()[2][1].text, "y");
        assert_eq!(g.rows()[0].len(), 1 + MAX_COLSPAN);
    }

    #[test]
    fn pieces_make_a_glued_cell() {
        let rows = vec![vec![SourceCell::new("本年新收", vec![0..6, 20..26], 0)]];
        let (g, _) = build(&rows);
        assert_eq!(g.rows()[0][0].origin, Origin::Glued { parts: 2 });
        assert_eq!(g.rows()[0][0].span, Some(0..26));
    }
}
