//! Choosing the builder for a table region of plain text, line by line.
//!
//! A standard-table region is read as tab rows when at least half of its
//! non-blank lines (and two or more) are tab rows, as pipe rows likewise,
//! otherwise as flow text; a line with two or more tab-separated fields is a
//! tab row anywhere. Page number lines become [`RowKind::PageNumber`] rows.

use super::{Cell, Grid, Layout, RowKind, flow, pipes, tabs};
use crate::lines::is_space;
use crate::text::lexical::is_page_number;

/// A line (or piece of a line) of the region: byte offset and text.
pub(crate) type Piece<'a> = (usize, &'a str);

fn trimmed(start: usize, raw: &str) -> (usize, &str) {
    let t = raw.trim_start_matches(is_space);
    (start + raw.len() - t.len(), t.trim_end_matches(is_space))
}

/// The span from the first to the last non-blank character of the region
/// (an empty range at its start when it is blank).
fn region_span(lines: &[Piece<'_>]) -> std::ops::Range<usize> {
    let nonblank = |l: &&Piece<'_>| !l.1.chars().all(is_space);
    let first = lines.iter().find(nonblank);
    let last = lines.iter().rev().find(nonblank);
    match (first, last) {
        (Some(f), Some(l)) => {
            let (s, _) = trimmed(f.0, f.1);
            let (ls, lt) = trimmed(l.0, l.1);
            s..ls + lt.len()
        }
        _ => {
            let at = lines.first().map_or(0, |l| l.0);
            at..at
        }
    }
}

/// The grid of a standard-table region.
pub(crate) fn region(lines: &[Piece<'_>]) -> Grid {
    // each non-blank line with whether it is a tab row, looked at once
    let nonblank: Vec<(&Piece<'_>, bool)> = lines
        .iter()
        .filter(|l| !l.1.chars().all(is_space))
        .map(|l| (l, tabs::is_row(l.1)))
        .collect();
    let n = nonblank.len().max(1);
    let tab_rows = nonblank.iter().filter(|l| l.1).count();
    let pipe_rows = nonblank.iter().filter(|l| pipes::is_row(l.0.1)).count();
    let sep = if tab_rows * 2 >= n && tab_rows >= 2 {
        Some('\t')
    } else if pipe_rows * 2 >= n && pipe_rows >= 2 {
        Some('|')
    } else {
        None
    };
    let mut g = Grid::new();
    let mut used = [false; 3];
    for &(&(start, raw), tab_row) in &nonblank {
        let (toff, t) = trimmed(start, raw);
        if is_page_number(t) {
            g.push_row_of(
                RowKind::PageNumber,
                vec![Cell::new(t, toff..toff + t.len())],
            );
            continue;
        }
        let row = match sep.filter(|c| raw.contains(*c)) {
            Some('|') => {
                used[1] = true;
                pipes::row(start, raw)
            }
            Some(_) => {
                used[0] = true;
                tabs::row(start, raw)
            }
            None if tab_row => {
                used[0] = true;
                tabs::row(start, raw)
            }
            None => {
                used[2] = true;
                flow::words(start, raw)
            }
        };
        g.push_row(row);
    }
    // a region read as tab (pipe) rows is a tab (pipe) table, whatever
    // its few lines without a separator (a title, a note) were read as
    g.set_layout(match (sep, used) {
        (Some('\t'), _) => Layout::Tabs,
        (Some(_), _) => Layout::Pipes,
        (None, [true, false, false]) => Layout::Tabs,
        (None, [false, false, true]) => Layout::Flow,
        (None, [false, false, false]) => Layout::Unknown,
        _ => Layout::Mixed,
    });
    g.set_span(region_span(lines));
    g
}

/// The grid of a generic-table region: tab rows when two or more lines are
/// tab rows, pipe rows likewise, otherwise one cell per line.
pub(crate) fn generic(lines: &[Piece<'_>]) -> Grid {
    let mut g = match generic_rows(lines) {
        Some(rows) => {
            let mut g = Grid::new();
            g.set_layout(rows.layout);
            for row in rows.rows {
                g.push_row(row);
            }
            g
        }
        None => flow::lines(lines.iter().filter(|l| !l.1.chars().all(is_space)).copied()),
    };
    g.set_span(region_span(lines));
    g
}

/// The rows of a generic-table region of tab or pipe rows, built one line
/// at a time (see [`generic_rows`]).
pub(crate) struct Rows<I> {
    /// [`Layout::Tabs`] or [`Layout::Pipes`].
    pub(crate) layout: Layout,
    /// The span [`generic`] gives the grid.
    pub(crate) span: std::ops::Range<usize>,
    /// Each non-blank line's cells.
    pub(crate) rows: I,
}

/// The rows [`generic`] reads a region of tab or pipe rows as, one line at
/// a time, so that a mapper can take each row as it comes instead of a
/// whole grid (`None` for one cell per line, which needs the whole region).
pub(crate) fn generic_rows<'l>(
    lines: &'l [Piece<'l>],
) -> Option<Rows<impl Iterator<Item = Vec<Cell>> + 'l>> {
    let nonblank = || lines.iter().filter(|l| !l.1.chars().all(is_space)).copied();
    let sep = if nonblank().filter(|l| tabs::is_row(l.1)).count() >= 2 {
        '\t'
    } else if nonblank().filter(|l| pipes::is_row(l.1)).count() >= 2 {
        '|'
    } else {
        return None;
    };
    Some(Rows {
        layout: if sep == '\t' {
            Layout::Tabs
        } else {
            Layout::Pipes
        },
        span: region_span(lines),
        rows: nonblank().map(move |(s, r)| tabs::fields(s, r, sep)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_layout_and_page_rows() {
        let g = region(&[
            (0, "规章\t1\t0"),
            (10, "- 2 -"),
            (20, "行政许可\t3\t4"),
            (40, "注 1"),
        ]);
        assert_eq!(g.row_kind(1), RowKind::PageNumber);
        assert_eq!(g.rows()[0].len(), 3);
        assert_eq!(g.rows()[3].len(), 2);
        assert_eq!(g.layout(), Layout::Tabs);
        assert_eq!(g.span(), Some(0..45));
        // one tab row among rows of words: each read by its own builder
        let g = region(&[(0, "规章\t1\t0"), (10, "行政许可 3 4"), (30, "其他 1 2")]);
        assert_eq!(g.layout(), Layout::Mixed);
        assert_eq!(g.rows()[1].len(), 3);
    }

    #[test]
    fn generic_one_cell_per_line() {
        let g = generic(&[(0, "项目"), (7, "数量"), (14, "1")]);
        assert_eq!(g.layout(), Layout::Lines);
        assert_eq!(g.height(), 3);
    }
}
