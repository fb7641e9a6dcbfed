//! Row accumulation: the cells of each row as the mappers read them, the
//! fragments of a table, and the rows of the model made from them.

use super::super::cells::{Tk, Tok};
use super::super::fused::{Placed, place};
use crate::lines::Locator;
use crate::model::RowMap;
use crate::model::keys::Key;
use crate::model::table::{Fragment, FragmentRole, Fragments, Row, RowSource, Text};

/// The span of `s..e` before its line and column are known (see
/// [`Builder::frag`]). Offsets fit `u32` (see [`Locator::span`]).
fn unlocated(s: usize, e: usize) -> crate::model::Span {
    crate::model::Span {
        start: s as u32,
        end: e as u32,
        line: 0,
        column: 0,
        page: None,
    }
}

/// A row being read: its key, label and cells (a range of the builder's one
/// cell buffer: values are only ever added to the last row opened).
pub(crate) struct RowAcc<R> {
    pub(crate) key: R,
    pub(crate) label: Option<(usize, usize)>,
    pub(crate) label_extra: String,
    pub(crate) cells: std::ops::Range<usize>,
}

pub(crate) struct Builder<'t, 'l> {
    pub(crate) text: &'t str,
    pub(crate) loc: &'l Locator<'t>,
    pub(crate) fragments: Vec<Fragment>,
    /// The grid's cells are delimited (tab or pipe rows): the positions are
    /// known, so digit runs are never split (see [`place`]).
    pub(crate) delimited: bool,
    /// The cells of all rows, row after row (see [`RowAcc::cells`]).
    pub(crate) cells: Vec<Tok>,
}

impl<'t, 'l> Builder<'t, 'l> {
    /// A builder for a table of `grid` over `text`; `tokens` bounds the
    /// cells it will hold.
    pub(crate) fn new(
        text: &'t str,
        loc: &'l Locator<'t>,
        grid: &crate::grid::Grid,
        tokens: usize,
    ) -> Self {
        Builder {
            text,
            loc,
            // a table has a few dozen fragments (headers, group labels)
            fragments: Vec::with_capacity(32),
            delimited: super::super::cells::delimited(grid),
            cells: Vec::with_capacity(tokens),
        }
    }

    /// A row of `key` with no cells yet.
    pub(crate) fn open_row<R>(&self, key: R, label: Option<(usize, usize)>) -> RowAcc<R> {
        let at = self.cells.len();
        RowAcc {
            key,
            label,
            label_extra: String::new(),
            cells: at..at,
        }
    }

    /// Adds a cell to `row`, the last row opened.
    pub(crate) fn push_cell<R>(&mut self, row: &mut RowAcc<R>, t: Tok) {
        debug_assert_eq!(row.cells.end, self.cells.len(), "cells go to the last row");
        self.cells.push(t);
        row.cells.end = self.cells.len();
    }

    /// A fragment of `s..e` (none when empty). Its line and column are
    /// filled in by [`Builder::into_fragments`], once the fragments are in
    /// source order: one forward walk of the locator for all of them,
    /// instead of a jump over the rows read in between for each.
    pub(crate) fn frag(&mut self, role: FragmentRole, s: usize, e: usize) {
        if s < e {
            self.fragments.push(Fragment {
                role,
                raw: self.text[s..e].into(),
                span: unlocated(s, e),
            });
        }
    }
    /// The model's text of `s..e` (inlined: made where it goes).
    #[inline(always)]
    pub(crate) fn text_of(&self, s: usize, e: usize) -> Text {
        Text {
            raw: self.text[s..e].into(),
            span: self.loc.span(s, e),
        }
    }
    /// A page number (or a rule row's cell) inside the table.
    pub(crate) fn page(&mut self, t: &Tok) {
        let role = if t.kind == Tk::Rule {
            FragmentRole::Header
        } else {
            FragmentRole::PageNumber
        };
        self.frag(role, t.start, t.end);
    }

    /// The fragments, in source order, each with its line and column.
    pub(crate) fn into_fragments(mut self) -> Fragments {
        // usually already in order: then the stable sort's buffer (half
        // the fragments) is not needed
        if !self.fragments.is_sorted_by_key(|f| f.span.start) {
            self.fragments.sort_by_key(|f| f.span.start);
        }
        // (rising offsets: the locator's cursor only moves forward)
        for f in &mut self.fragments {
            f.span = self.loc.span(f.span.start as usize, f.span.end as usize);
        }
        self.fragments.shrink_to_fit();
        Fragments(self.fragments)
    }

    /// The label and the cells of a row not read (its label repeats one
    /// read before), kept as fragments of text.
    fn keep_as_text(&mut self, label: Option<(usize, usize)>, cells: &[Tok]) {
        if let Some((s, e)) = label {
            self.frag(FragmentRole::Other, s, e);
        }
        for c in cells {
            if c.kind != Tk::Empty {
                self.frag(FragmentRole::Other, c.start, c.end);
            }
        }
    }

    /// Turns accumulated rows into values and sources.
    #[allow(clippy::type_complexity)]
    pub(crate) fn finish_rows<'c, R: Key, C: Key + Ord + 'c>(
        &mut self,
        rows: Vec<RowAcc<R>>,
        cols: impl Fn(R) -> &'c [C],
    ) -> (RowMap<R, Row<C>>, RowMap<R, RowSource<C>>) {
        // maps sized once: one allocation each, no growing while they fill
        let mut values = RowMap::with_capacity(rows.len());
        let mut sources = RowMap::with_capacity(rows.len());
        // the cells of a row, placed: one buffer for all rows
        let mut placed = Vec::new();
        let all_cells = std::mem::take(&mut self.cells);
        for acc in rows {
            let cells = &all_cells[acc.cells.clone()];
            if values.contains_key(&acc.key) {
                // a repeated label: keep its text, the first row wins
                self.keep_as_text(acc.label, cells);
                continue;
            }
            let columns = cols(acc.key);
            // columns in rising order (the templates' are) are distinct:
            // each goes last without a scan of the row
            let rising = columns.is_sorted_by(|a, b| a < b);
            // the key is not in the maps: checked above
            let (vals, src) = push_rows(&mut values, &mut sources, acc.key);
            if let Some((s, e)) = acc.label {
                let mut t = self.text_of(s, e);
                t.raw.push_str(&acc.label_extra);
                src.label = Some(t);
            }
            match place(
                self.text,
                cells,
                columns.len(),
                acc.label.map_or(0, |l| l.1),
                self.delimited,
                &mut placed,
            ) {
                Placed::Cells => {
                    // the tokens and the placed cells rise together: a cell
                    // that is a token takes the value the reader read
                    let mut k = 0;
                    for (c, &(s, e)) in columns.iter().zip(&placed) {
                        while cells.get(k).is_some_and(|t| (t.start, t.end) < (s, e)) {
                            k += 1;
                        }
                        let t = self.text_of(s, e);
                        let read = cells
                            .get(k)
                            .filter(|t| (t.start, t.end) == (s, e))
                            .and_then(|t| t.value);
                        // (a cell the placing cut from a digit run is
                        // mostly a plain figure: read without the
                        // number grammar)
                        let v = read.unwrap_or_else(|| {
                            super::super::cells::plain_figure(&t.raw)
                                .or_else(|| super::cell_value(&t.raw))
                        });
                        vals.insert_or_push(*c, v, rising);
                        src.cells.insert_or_push(*c, t, rising);
                    }
                }
                Placed::Fused(s, e) => {
                    for c in columns {
                        vals.insert_or_push(*c, None, rising);
                    }
                    src.fused = Some(self.text_of(s, e));
                }
            }
        }
        (values, sources)
    }
}

/// Puts `key`, absent from both maps, last in both with an empty row, and
/// returns the two rows to fill: a row of the model is hundreds of bytes
/// (its cells are inline), filled where it stays rather than moved into
/// the map once filled. (Made empty, not with a capacity: a row of up to
/// [`ROW_INLINE`] cells needs none, and a longer one grows once.)
///
/// [`ROW_INLINE`]: crate::model::table::ROW_INLINE
#[inline(always)]
fn push_rows<'m, R: Key, C: Key>(
    values: &'m mut RowMap<R, Row<C>>,
    sources: &'m mut RowMap<R, RowSource<C>>,
    key: R,
) -> (&'m mut Row<C>, &'m mut RowSource<C>) {
    values.push_absent(key, RowMap::new());
    sources.push_absent(key, RowSource::default());
    match (
        values.values_mut().next_back(),
        sources.values_mut().next_back(),
    ) {
        (Some(vals), Some(src)) => (vals, src),
        _ => unreachable!("a row was pushed to both maps"),
    }
}
