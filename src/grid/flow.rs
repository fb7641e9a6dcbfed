//! Flow text: layouts where white space, not a separator character, ends a
//! cell.
//!
//! * [`words`] / [`build`]: each white-space-separated word of a line is a
//!   cell (crawler text where a whole row sits on one line, digits possibly
//!   run together: splitting fused digit runs is the template mapper's job);
//! * [`lines`]: one cell per line;
//! * [`blank_separated`]: cells separated by blank lines, a cell wrapped
//!   over several lines glued back together.
//!
//! ```
//! let g = ogi_report::grid::flow::build([(0, "本年新收 3 0 0")]);
//! assert_eq!(g.width(), 4);
//! assert_eq!(g.rows()[0][3].span, Some(17..18));
//! ```

use super::scan::{self, Word};
use super::{Cell, Grid, Layout};
use crate::lines::is_space;

/// The words of one line found at byte `start`, one cell each.
pub fn words(start: usize, raw: &str) -> Vec<Cell> {
    let mut w = Vec::new();
    scan::line(start, raw, &mut w);
    cells_of_words(start, raw, &w)
}

/// One cell per word of a scanned line (`raw` at byte `start`).
pub(crate) fn cells_of_words(start: usize, raw: &str, words: &[Word]) -> Vec<Cell> {
    let mut row = super::pool::row(words.len());
    row.extend(words.iter().map(|w| {
        Cell::new(
            &raw[w.bytes.start - start..w.bytes.end - start],
            w.bytes.clone(),
        )
    }));
    row
}

/// A grid with one row per non-blank line, one cell per word.
pub fn build<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let mut g = Grid::new();
    g.set_layout(Layout::Flow);
    for (start, raw) in lines {
        let row = words(start, raw);
        if !row.is_empty() {
            g.push_row(row);
        }
    }
    g
}

/// The line trimmed, with its span.
fn trimmed(start: usize, raw: &str) -> Option<Cell> {
    let t = raw.trim_start_matches(is_space);
    let at = start + raw.len() - t.len();
    let t = t.trim_end_matches(is_space);
    (!t.is_empty()).then(|| Cell::new(t, at..at + t.len()))
}

/// A one-column grid: each non-blank line is a cell of its own row.
pub fn lines<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let mut g = Grid::new();
    g.set_layout(Layout::Lines);
    for (start, raw) in lines {
        if let Some(c) = trimmed(start, raw) {
            g.push_row(vec![c]);
        }
    }
    g
}

/// A one-column grid of cells separated by blank lines: the lines of one
/// cell are glued (joined without a separator: a wrapped Chinese label has
/// no space at the wrap) into one [`super::Origin::Glued`] cell.
pub fn blank_separated<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let mut g = Grid::new();
    g.set_layout(Layout::BlankSeparated);
    push_blank_separated(
        &mut g,
        lines.into_iter().map(|(start, raw)| {
            let t = raw.trim_start_matches(is_space);
            let at = start + raw.len() - t.len();
            let t = t.trim_end_matches(is_space);
            (!t.is_empty()).then_some((at, t))
        }),
    );
    g
}

/// Appends the cells of blank-separated lines to `g`, one row each: the
/// lines are given trimmed, with their offset, a blank line as `None`.
pub(crate) fn push_blank_separated<'a>(
    g: &mut Grid,
    lines: impl IntoIterator<Item = Option<(usize, &'a str)>>,
) {
    fn flush(g: &mut Grid, cell: &mut Vec<(usize, &str)>) {
        match cell.as_slice() {
            [] => {}
            [(at, t)] => g.push_row(vec![Cell::new(*t, *at..at + t.len())]),
            many => {
                let text: String = many.iter().map(|p| p.1).collect();
                let spans = many.iter().map(|(at, t)| *at..at + t.len()).collect();
                g.push_row(vec![Cell::glued(text, spans)]);
            }
        }
        cell.clear();
    }
    // the lines of the open cell
    let mut cell: Vec<(usize, &str)> = Vec::new();
    for l in lines {
        match l {
            Some(p) => cell.push(p),
            None => flush(g, &mut cell),
        }
    }
    flush(g, &mut cell);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Origin;

    #[test]
    fn words_with_offsets() {
        let cells = words(10, " 数量　230 ");
        let t: Vec<(&str, _)> = cells
            .iter()
            .map(|c| (c.text.as_str(), c.span.clone()))
            .collect();
        assert_eq!(t, vec![("数量", Some(11..17)), ("230", Some(20..23))]);
    }

    #[test]
    fn one_cell_per_line() {
        let g = lines([(0, "规章"), (7, "  "), (10, " 3 ")]);
        assert_eq!(g.height(), 2);
        assert_eq!(g.width(), 1);
        assert_eq!(g.rows()[1][0].span, Some(11..12));
        assert_eq!(g.layout(), Layout::Lines);
    }

    #[test]
    fn blank_lines_separate_cells() {
        let g = blank_separated([
            (0, "本年新收政府"),
            (19, "信息公开申请"),
            (38, ""),
            (39, "3"),
        ]);
        assert_eq!(g.height(), 2);
        let c = &g.rows()[0][0];
        assert_eq!(c.text, "本年新收政府信息公开申请");
        assert_eq!(c.origin, Origin::Glued { parts: 2 });
        assert_eq!(c.pieces, vec![0..18, 19..37]);
        assert_eq!(g.rows()[1][0].text, "3");
        assert_eq!(g.layout(), Layout::BlankSeparated);
    }
}
