//! The cell grid: the one shape every tabular layout becomes before the
//! template mapper types it.
//!
//! Layout knowledge lives in the builders (tab rows, pipe rows, one cell per
//! line, blank-separated cells, space-aligned text, crawler runs, HTML
//! `<table>`s, PDF glyph positions); template knowledge lives in the mapper.
//! A [`Grid`] is what passes between them: rows of [`Cell`]s, each with its
//! text, where it sits in the source, and where it came from when a builder
//! merged, spanned or glued it.
//!
//! Offsets are byte offsets into the text the report's spans refer to (the
//! decoded text for text input; the decoded page source for HTML; the
//! extracted text for PDF).
//!
//! ```
//! use ogi_report::grid::{Cell, Grid, Origin};
//!
//! let mut g = Grid::new();
//! g.push_row(vec![Cell::new("本年新收", 0..12), Cell::new("3", 13..14)]);
//! g.push_row(vec![Cell::spanned(0, 0), Cell::new("", 20..20)]);
//! assert_eq!(g.width(), 2);
//! assert_eq!(g.rows()[1][0].origin, Origin::Spanned { row: 0, col: 0 });
//! assert!(g.rows()[1][1].is_empty());
//! let t = g.to_tab_text();
//! assert_eq!(t.text, "本年新收\t3\n\t\n");
//! ```

pub mod html;
pub mod positions;

use std::ops::Range;

pub mod columns;
pub mod flow;
pub mod pipes;
pub(crate) mod pool;
pub(crate) mod scan;
pub mod tabs;
pub(crate) mod text;

/// What a row of a [`Grid`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum RowKind {
    /// A row of cells.
    #[default]
    Cells,
    /// A page number line inside the table (`-3-`, `第 3 页`): one cell.
    PageNumber,
    /// A rule between the header and the body (a markdown `|---|---|` row):
    /// its cells hold the rule's characters.
    Rule,
}

/// The layout a [`Grid`] was read from: the model's
/// [`TableLayout`](crate::model::TableLayout), which the mapper copies into
/// the table (its `layout` key). Each builder sets it once.
pub use crate::model::TableLayout as Layout;

/// Where a cell's text came from when the builder did more than copy it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Origin {
    /// The cell's own text, as written at its span.
    #[default]
    Own,
    /// A position covered by a `rowspan`/`colspan` (or a label spread over
    /// several rows) whose text belongs to the cell at (`row`, `col`). A
    /// spanned position has no text of its own: the origin's text is never
    /// copied into it.
    Spanned {
        /// Row of the origin cell.
        row: usize,
        /// Column of the origin cell.
        col: usize,
    },
    /// The continuation of the cell above (a label wrapped onto the next
    /// line, a table continued on the next page): its text belongs with the
    /// cell at (`row`, `col`) but keeps its own span.
    Continued {
        /// Row of the cell it continues.
        row: usize,
        /// Column of the cell it continues.
        col: usize,
    },
    /// A cell glued from `parts` pieces of the source (a label split across
    /// two cells, a number cut by a page break). `span` covers the first to
    /// the last piece; [`Cell::pieces`] lists each piece.
    Glued {
        /// How many pieces.
        parts: usize,
    },
}

/// One cell of a [`Grid`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The cell's text as read (entities decoded, layout white space kept).
    /// Empty for an empty cell and for a [`Origin::Spanned`] position.
    /// A [`Str`](crate::model::Str): a short cell text takes no allocation,
    /// and moves into the model as it is.
    pub text: crate::model::Str,
    /// Byte range of the text in the source; an empty range at the place of
    /// an empty cell, `None` for a spanned position or a cell the builder
    /// made up (never for text).
    pub span: Option<Range<usize>>,
    /// How the builder obtained it.
    pub origin: Origin,
    /// For [`Origin::Glued`] cells: the range of each piece, in order.
    pub pieces: Vec<Range<usize>>,
}

impl Cell {
    /// A cell with its own text at `span`.
    pub fn new(text: impl Into<crate::model::Str>, span: Range<usize>) -> Cell {
        Cell {
            text: text.into(),
            span: Some(span),
            origin: Origin::Own,
            pieces: Vec::new(),
        }
    }

    /// An empty cell at `at` (its position is known, it holds nothing).
    pub fn empty(at: usize) -> Cell {
        Cell::new("", at..at)
    }

    /// A position covered by the spanned cell at (`row`, `col`).
    pub fn spanned(row: usize, col: usize) -> Cell {
        Cell {
            text: Default::default(),
            span: None,
            origin: Origin::Spanned { row, col },
            pieces: Vec::new(),
        }
    }

    /// A cell glued from several pieces of the source; `text` is their
    /// joined text.
    pub fn glued(text: impl Into<crate::model::Str>, pieces: Vec<Range<usize>>) -> Cell {
        let span = match (pieces.first(), pieces.last()) {
            (Some(a), Some(b)) => Some(a.start..b.end),
            _ => None,
        };
        Cell {
            text: text.into(),
            span,
            origin: Origin::Glued {
                parts: pieces.len(),
            },
            pieces,
        }
    }

    /// True when the cell holds no text other than white space.
    pub fn is_empty(&self) -> bool {
        self.text.chars().all(crate::lines::is_space)
    }
}

/// Rows of cells read from one table of the source.
///
/// Rows may be ragged (a builder never pads a short row with guessed cells);
/// [`Grid::width`] is the widest row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    rows: Vec<Vec<Cell>>,
    span: Option<Range<usize>>,
    kinds: Vec<RowKind>,
    layout: Layout,
}

/// The tab-row text of a grid (see [`Grid::to_tab_text`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TabText {
    /// One line per row, cells separated by `\t`, each line ending in `\n`.
    pub text: String,
    /// For each row, for each cell, the byte range of the cell's text in
    /// [`TabText::text`].
    pub cells: Vec<Vec<Range<usize>>>,
}

impl Drop for Grid {
    /// The rows go back to the builders of the next grid (the per-thread
    /// pool of `grid/pool.rs`).
    fn drop(&mut self) {
        pool::give_back(&mut self.rows);
    }
}

impl Grid {
    /// An empty grid.
    pub fn new() -> Grid {
        Grid::default()
    }

    /// Appends a row.
    pub fn push_row(&mut self, row: Vec<Cell>) {
        self.push_row_of(RowKind::Cells, row);
    }

    /// Makes room for `n` more rows (and their kinds): a builder that knows
    /// how many rows it pushes grows the lists once.
    pub(crate) fn reserve_rows(&mut self, n: usize) {
        self.rows.reserve(n);
        self.kinds.reserve(n);
    }

    /// Appends a row of the given kind (a page number, a rule).
    pub fn push_row_of(&mut self, kind: RowKind, row: Vec<Cell>) {
        let span = row_span(&row);
        self.push_row_spanning(kind, row, span);
    }

    /// [`Grid::push_row_of`] for a row whose cells' spans are known to reach
    /// from `span.start` to `span.end` (the least start, the greatest end;
    /// `None`: no cell has a span), as a builder that made the row in text
    /// order knows them.
    pub(crate) fn push_row_spanning(
        &mut self,
        kind: RowKind,
        row: Vec<Cell>,
        span: Option<Range<usize>>,
    ) {
        debug_assert_eq!(span, row_span(&row));
        if self.kinds.len() < self.rows.len() {
            self.kinds.resize(self.rows.len(), RowKind::Cells);
        }
        self.kinds.push(kind);
        // the row's span, then the grid's: one merge per row
        if let Some(s) = span {
            self.span = Some(match self.span.take() {
                Some(g) => g.start.min(s.start)..g.end.max(s.end),
                None => s,
            });
        }
        self.rows.push(row);
    }

    /// The kind of row `row` ([`RowKind::Cells`] unless a builder said
    /// otherwise).
    pub fn row_kind(&self, row: usize) -> RowKind {
        self.kinds.get(row).copied().unwrap_or_default()
    }

    /// The layout the grid was read from.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// Records the layout the grid was read from.
    pub fn set_layout(&mut self, layout: Layout) {
        self.layout = layout;
    }

    /// Sets the grid's span (a builder that knows where the table's text
    /// begins and ends, outer pipes and blank fields included).
    pub fn set_span(&mut self, span: Range<usize>) {
        self.span = Some(span);
    }

    /// The rows, top to bottom.
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// Mutable access to the rows (builders that post-process).
    pub fn rows_mut(&mut self) -> &mut Vec<Vec<Cell>> {
        &mut self.rows
    }

    /// The number of columns of the widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The number of rows.
    pub fn height(&self) -> usize {
        self.rows.len()
    }

    /// True when the grid has no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The cell at (`row`, `col`), if the row is that long.
    pub fn get(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The byte range from the first to the last cell with a span (or the
    /// range a builder set with [`Grid::set_span`]).
    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }

    /// Writes the grid as tab rows: one line per row, the cells' text
    /// separated by `\t` (tabs and line breaks inside a cell become spaces),
    /// spanned positions as empty fields. This is the text form the
    /// line-based table reader takes; [`TabText::cells`] maps each cell back.
    pub fn to_tab_text(&self) -> TabText {
        let mut out = TabText::default();
        for row in &self.rows {
            let mut ranges = Vec::with_capacity(row.len());
            for (i, c) in row.iter().enumerate() {
                if i > 0 {
                    out.text.push('\t');
                }
                let start = out.text.len();
                for ch in c.text.chars() {
                    out.text.push(if matches!(ch, '\t' | '\n' | '\r') {
                        ' '
                    } else {
                        ch
                    });
                }
                ranges.push(start..out.text.len());
            }
            out.text.push('\n');
            out.cells.push(ranges);
        }
        out
    }
}

/// The span of a row's cells: the least start and the greatest end of
/// those that have one.
fn row_span(row: &[Cell]) -> Option<Range<usize>> {
    let (mut lo, mut hi, mut any) = (usize::MAX, 0, false);
    for s in row.iter().filter_map(|c| c.span.as_ref()) {
        lo = lo.min(s.start);
        hi = hi.max(s.end);
        any = true;
    }
    any.then_some(lo..hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_span_covers_cells() {
        let mut g = Grid::new();
        g.push_row(vec![Cell::new("a", 5..6), Cell::spanned(0, 0)]);
        g.push_row(vec![Cell::new("b", 10..11)]);
        assert_eq!(g.span(), Some(5..11));
        assert_eq!(g.width(), 2);
        assert_eq!(g.height(), 2);
    }

    #[test]
    fn glued_cell_pieces() {
        let c = Cell::glued("本年新收政府信息公开申请数量", vec![0..10, 14..30]);
        assert_eq!(c.span, Some(0..30));
        assert_eq!(c.origin, Origin::Glued { parts: 2 });
    }

    #[test]
    fn tab_text_maps_cells() {
        let mut g = Grid::new();
        g.push_row(vec![Cell::new("x\ty", 0..3), Cell::empty(4)]);
        let t = g.to_tab_text();
        assert_eq!(t.text, "x y\t\n");
        assert_eq!(t.cells[0], vec![0..3, 4..4]);
    }
}
