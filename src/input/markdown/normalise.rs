//! The layout-level normalisation of a joined table (see the module docs
//! of [`crate::input::markdown`]): label cells glued, group labels placed
//! as rows of their own, repeated header rows moved to the header.

use std::ops::Range;

use crate::grid::{Cell, Grid};

use super::cells::{Lines, RawCell, RawRow, line_text};
use super::labels::{is_marked_label, is_value, is_vertical_piece, marker_len};
use super::lines::SrcLine;

/// Pieces of a label spread over rows.
#[derive(Default)]
pub(super) struct Spread {
    pub(super) pieces: Vec<Range<usize>>,
    pub(super) text: String,
    /// The output row before which the group row goes.
    pub(super) before: usize,
}

/// The layout-level normalisation of a joined table (see the module docs).
pub(super) fn normalise(s: &str, rows: Vec<RawRow>) -> (Grid, Vec<Option<SrcLine>>) {
    let rows = side_by_side(s, repeated_headers(s, rows));
    let label_cols = label_columns(s, &rows);
    let first_data = rows
        .iter()
        .position(|r| first_value(s, r).is_some())
        .unwrap_or(rows.len());
    let mut t = Table::default();
    for (k, r) in rows.iter().enumerate() {
        if r.caption {
            t.caption(s, r);
            continue;
        }
        match first_value(s, r) {
            Some(fv) => t.data_row(s, r, fv),
            None if first_data < k && t.label_only_row(s, &rows, k, label_cols) => {}
            None => t.header_row(s, r, label_cols),
        }
    }
    t.finish(s)
}

/// Where a row's first value stands.
fn first_value(s: &str, r: &RawRow) -> Option<usize> {
    r.cells.iter().position(|c| is_value(&c.text(s)))
}

/// The number of label columns: where most data rows have their first value.
fn label_columns(s: &str, rows: &[RawRow]) -> usize {
    let mut counts: Vec<usize> = Vec::new();
    for r in rows {
        if let Some(f) = first_value(s, r) {
            if counts.len() <= f {
                counts.resize(f + 1, 0);
            }
            counts[f] += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
        .map_or(1, |(i, _)| i)
}

/// An output row: its cells and the source line it was read from.
type OutRow = (Vec<Cell>, Option<SrcLine>);

/// The table being normalised: its output rows, and the group labels
/// still to be placed among them.
#[derive(Default)]
struct Table {
    out: Vec<OutRow>,
    /// The vertical group label being read (pieces over several rows).
    vertical: Option<Spread>,
    verticals: Vec<Spread>,
    /// Sub-group labels, each with whether it is complete.
    subs: Vec<(bool, Spread)>,
    /// Rows a group row is never moved above: captions, header rows, rows
    /// after a page break (in increasing order).
    barriers: Vec<usize>,
    /// Label lines carried to the next row.
    carry: Option<Lines>,
}

impl Table {
    /// A caption line: a row of its own that group rows stay below.
    fn caption(&mut self, s: &str, r: &RawRow) {
        let c = &r.cells[0];
        self.barriers.push(self.out.len());
        self.out
            .push((vec![cell_of(s, &c.nonempty_lines(), c.range.start)], None));
    }

    /// A data row (its first value at `fv`): its label glued into one cell
    /// (with a label carried from the row above), the group pieces before
    /// the label set aside, the values kept.
    fn data_row(&mut self, s: &str, r: &RawRow, fv: usize) {
        let label_cells: Vec<&RawCell> = r.cells[..fv].iter().filter(|c| !c.is_empty()).collect();
        let (prefix, mut label) = split_label(s, &label_cells);
        if let Some(c) = self.carry.take() {
            if label
                .first()
                .is_none_or(|l| !is_marked_label(&line_text(s, l)))
            {
                let mut joined = c;
                joined.extend(label);
                label = joined;
            } else {
                self.out.push((vec![cell_of(s, &c, c[0][0].start)], None));
            }
        }
        self.group_pieces(s, prefix);
        let mut cells = Vec::new();
        if !label.is_empty() {
            let at = label[0][0].start;
            cells.push(cell_of(s, &label, at));
        }
        let mut values: Vec<Cell> = r.cells[fv..]
            .iter()
            .map(|c| cell_of(s, &c.nonempty_lines(), c.range.start))
            .collect();
        while values.last().is_some_and(Cell::is_empty) {
            values.pop();
        }
        cells.extend(values);
        if r.after_page {
            self.barriers.push(self.out.len());
        }
        self.out.push((cells, Some(r.line)));
    }

    /// The lines before a row label: pieces of a vertical group label, or
    /// a sub-group label (complete, `（四）无法提供`, it goes before the
    /// first numbered row of its run; a piece of one cut over rows stays
    /// where it is).
    fn group_pieces(&mut self, s: &str, prefix: Lines) {
        let row_at = self.out.len();
        for p in prefix {
            let t = line_text(s, &p);
            if is_vertical_piece(&t) {
                let v = self.vertical.get_or_insert_with(|| Spread {
                    before: row_at,
                    ..Spread::default()
                });
                v.pieces.extend(p.iter().cloned());
                v.text.push_str(&t);
            } else {
                let complete = is_marked_label(&t);
                self.subs.push((
                    complete,
                    Spread {
                        pieces: p.clone(),
                        text: t,
                        before: row_at,
                    },
                ));
            }
        }
    }

    /// Row `k`, without values, after the first data row: when its text is
    /// all in the label columns, a group label or the first line of the
    /// next row's label (carried to it). False when it is no such row.
    fn label_only_row(&mut self, s: &str, rows: &[RawRow], k: usize, label_cols: usize) -> bool {
        let r = &rows[k];
        let nonempty: Vec<&RawCell> = r.cells.iter().filter(|c| !c.is_empty()).collect();
        let in_labels = r.cells[label_cols.min(r.cells.len())..]
            .iter()
            .all(RawCell::is_empty);
        if !in_labels || nonempty.is_empty() {
            return false;
        }
        let (_, label) = split_label(s, &nonempty);
        let next_unmarked = rows.get(k + 1).is_some_and(|n| {
            !n.caption
                && !n.after_page
                && first_value(s, n).is_some_and(|fv| {
                    let lc: Vec<&RawCell> =
                        n.cells[..fv].iter().filter(|c| !c.is_empty()).collect();
                    let (_, l) = split_label(s, &lc);
                    l.first()
                        .is_some_and(|l| !is_marked_label(&line_text(s, l)))
                })
        });
        if next_unmarked && self.carry.is_none() {
            self.carry = Some(label);
            return true;
        }
        let at = label.first().map_or(r.line.start, |l| l[0].start);
        if r.after_page {
            self.barriers.push(self.out.len());
        }
        self.out.push((vec![cell_of(s, &label, at)], Some(r.line)));
        true
    }

    /// A header row: the label columns glued, the other cells kept.
    fn header_row(&mut self, s: &str, r: &RawRow, label_cols: usize) {
        let mut cells = Vec::new();
        let head: Vec<&RawCell> = r.cells[..label_cols.min(r.cells.len())]
            .iter()
            .filter(|c| !c.is_empty())
            .collect();
        if label_cols > 0 {
            let lines = interleave(&head);
            let at = lines.first().map_or(
                r.cells.first().map_or(r.line.start, |c| c.range.start),
                |l| l[0].start,
            );
            cells.push(cell_of(s, &lines, at));
        }
        for c in &r.cells[label_cols.min(r.cells.len())..] {
            cells.push(cell_of(s, &c.nonempty_lines(), c.range.start));
        }
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        self.barriers.push(self.out.len());
        self.out.push((cells, Some(r.line)));
    }

    /// Where the group rows go: a vertical group before the nearest `（一）`
    /// item at or above its first piece, a sub-group before the nearest
    /// `1.`; sorted by place.
    fn group_places(&mut self) -> Vec<(usize, Spread)> {
        let out = &self.out;
        let barriers = &self.barriers;
        let label_of = |row: &OutRow| -> String {
            row.0
                .first()
                .map(|c| c.text.to_string())
                .unwrap_or_default()
        };
        let mut inserts: Vec<(usize, Spread)> = Vec::new();
        let floor = |before: usize| {
            let i = barriers.partition_point(|&b| b <= before);
            i.checked_sub(1).map_or(0, |i| barriers[i])
        };
        for v in std::mem::take(&mut self.verticals) {
            let at = (floor(v.before)..=v.before.min(out.len().saturating_sub(1)))
                .rev()
                .find(|&i| {
                    let l = label_of(&out[i]);
                    marker_len(&l).is_some() && (l.starts_with("（一）") || l.starts_with("(一)"))
                })
                .unwrap_or(v.before);
            inserts.push((at, v));
        }
        for (complete, g) in std::mem::take(&mut self.subs) {
            // the run of numbered rows (`1.` … `n.`) the piece sits in
            let arabic = |i: usize| {
                let l = label_of(&out[i]);
                l.starts_with(|c: char| c.is_ascii_digit()) && marker_len(&l).is_some()
            };
            let first_of_run = (floor(g.before)..=g.before.min(out.len().saturating_sub(1)))
                .rev()
                .take_while(|&i| arabic(i))
                .find(|&i| {
                    let l = label_of(&out[i]);
                    l.starts_with('1') && !l[1..].starts_with(|c: char| c.is_ascii_digit())
                });
            let at = first_of_run.filter(|_| complete).unwrap_or(g.before);
            inserts.push((at, g));
        }
        inserts.sort_by_key(|(at, g)| (*at, g.pieces.first().map_or(0, |p| p.start)));
        inserts
    }

    /// The grid: the output rows with the group rows placed among them, and
    /// each row's source line.
    fn finish(mut self, s: &str) -> (Grid, Vec<Option<SrcLine>>) {
        if let Some(c) = self.carry.take() {
            self.out.push((vec![cell_of(s, &c, c[0][0].start)], None));
        }
        if let Some(v) = self.vertical.take() {
            self.verticals.push(v);
        }
        let inserts = self.group_places();
        let mut grid = Grid::new();
        let mut rows_src = Vec::new();
        let mut ins = inserts.into_iter().peekable();
        for (i, (cells, line)) in self.out.into_iter().enumerate() {
            while let Some((_, g)) = ins.next_if(|(at, _)| *at <= i) {
                grid.push_row(vec![Cell::glued(g.text, g.pieces)]);
                rows_src.push(None);
            }
            grid.push_row(cells);
            rows_src.push(line);
        }
        for (_, g) in ins {
            grid.push_row(vec![Cell::glued(g.text, g.pieces)]);
            rows_src.push(None);
        }
        (grid, rows_src)
    }
}

/// The text of a row's non-empty cells, for comparing rows.
pub(super) fn row_key(s: &str, r: &RawRow) -> Vec<String> {
    r.cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.text(s))
        .collect()
}

/// A header row repeated inside the table (after a page break, or a
/// placeholder header inserted between data rows) joins the header rows at
/// the top: it is a header, not data.
pub(super) fn repeated_headers(s: &str, mut rows: Vec<RawRow>) -> Vec<RawRow> {
    let has_value = |r: &RawRow| r.cells.iter().any(|c| is_value(&c.text(s)));
    let Some(f0) = rows.iter().position(has_value) else {
        return rows;
    };
    let headers: Vec<Vec<String>> = rows[..f0]
        .iter()
        .filter(|r| !r.caption)
        .map(|r| row_key(s, r))
        .filter(|k| !k.is_empty())
        .collect();
    let mut moved = Vec::new();
    let mut rest = Vec::new();
    for (k, r) in rows.drain(..).enumerate() {
        if k >= f0 && !r.caption && !has_value(&r) && headers.contains(&row_key(s, &r)) {
            moved.push(r);
        } else {
            rest.push(r);
        }
    }
    rest.splice(f0..f0, moved);
    rest
}

/// Blocks of one table printed one below the other that stand side by side
/// in the report: several value rows without a label, each under its own
/// header rows (Table 4 as 行政复议 / 未经复议直接起诉 / 复议后起诉 tables).
/// Their header rows come first, then one row of all their values.
pub(super) fn side_by_side(s: &str, rows: Vec<RawRow>) -> Vec<RawRow> {
    let first_value = |r: &RawRow| first_value(s, r);
    let values: Vec<usize> = (0..rows.len())
        .filter(|&i| first_value(&rows[i]).is_some())
        .collect();
    let unlabelled = values.iter().all(|&i| first_value(&rows[i]) == Some(0));
    let apart = values.windows(2).all(|w| w[1] > w[0] + 1);
    // blocks of one shape: as many figures in each
    let filled = |i: usize| rows[i].cells.iter().filter(|c| !c.is_empty()).count();
    let alike = values.windows(2).all(|w| filled(w[0]) == filled(w[1]));
    if values.len() < 2 || !unlabelled || !apart || !alike {
        return rows;
    }
    let mut merged: Option<RawRow> = None;
    let mut out = Vec::new();
    for r in rows {
        if first_value(&r).is_some() {
            match merged.as_mut() {
                None => merged = Some(r),
                Some(m) => {
                    // the cells up to each row's last non-empty one
                    let keep = m
                        .cells
                        .iter()
                        .rposition(|c| !c.is_empty())
                        .map_or(0, |p| p + 1);
                    m.cells.truncate(keep);
                    let n = r
                        .cells
                        .iter()
                        .rposition(|c| !c.is_empty())
                        .map_or(0, |p| p + 1);
                    m.cells.extend(r.cells.into_iter().take(n));
                }
            }
        } else {
            out.push(r);
        }
    }
    out.extend(merged);
    out
}

/// The label of a data row from its non-empty label cells: the lines before
/// the row label (group pieces) and the row label's lines.
pub(super) fn split_label(s: &str, cells: &[&RawCell]) -> (Lines, Lines) {
    let lines: Vec<Vec<Range<usize>>> = match cells {
        [] => return (Vec::new(), Vec::new()),
        [one] => one.nonempty_lines(),
        [.., last] => {
            let last_lines = last.nonempty_lines();
            if last_lines
                .first()
                .is_some_and(|l| is_marked_label(&line_text(s, l)))
            {
                // the earlier cells hold group pieces
                let mut prefix: Vec<Vec<Range<usize>>> = cells[..cells.len() - 1]
                    .iter()
                    .flat_map(|c| c.nonempty_lines())
                    .collect();
                // a fused group + label in the last cell too
                let (p2, label) = split_lines(s, last_lines);
                prefix.extend(p2);
                return (prefix, label);
            }
            interleave(cells)
        }
    };
    split_lines(s, lines)
}

/// Splits label lines at the last line that starts with a list marker
/// (followed by text): the lines before are group pieces.
pub(super) fn split_lines(s: &str, lines: Vec<Vec<Range<usize>>>) -> (Lines, Lines) {
    match lines
        .iter()
        .rposition(|l| is_marked_label(&line_text(s, l)))
    {
        Some(k) if k > 0 => {
            let mut lines = lines;
            let label = lines.split_off(k);
            (lines, label)
        }
        _ => (Vec::new(), lines),
    }
}

/// The lines of cells that cut one label over columns, read line by line:
/// line 1 of each cell, then line 2 of each cell …
pub(super) fn interleave(cells: &[&RawCell]) -> Vec<Vec<Range<usize>>> {
    let per: Vec<Vec<Vec<Range<usize>>>> = cells.iter().map(|c| c.nonempty_lines()).collect();
    let n = per.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        for p in &per {
            if let Some(l) = p.get(i) {
                out.push(l.clone());
            }
        }
    }
    out
}

/// A grid cell from label or cell lines: an own cell when its text is the
/// source under one range, a glued cell otherwise; an empty cell at `at`.
pub(super) fn cell_of(s: &str, lines: &[Vec<Range<usize>>], at: usize) -> Cell {
    let pieces: Vec<Range<usize>> = lines.iter().flatten().cloned().collect();
    match pieces.as_slice() {
        [] => Cell::empty(at),
        [one] => Cell::new(&s[one.clone()], one.clone()),
        _ => {
            let text: String = pieces.iter().map(|r| &s[r.clone()]).collect();
            Cell::glued(text, pieces)
        }
    }
}
