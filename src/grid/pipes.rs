//! Pipe rows (markdown and plain-text tables): `| a | b |`, cells between
//! pipes. The outer pipes are optional and may be ragged (a row that ends
//! without its last pipe, or with an extra one); a `|---|:--:|` row between
//! header and body is a [`RowKind::Rule`].
//!
//! ```
//! use ogi_report::grid::{pipes, RowKind};
//! let g = pipes::build([(0, "| 信息内容 | 件数 |"), (20, "|---|---|"), (30, "| 规章 | 3")]);
//! assert_eq!(g.row_kind(1), RowKind::Rule);
//! assert_eq!(g.rows()[2].len(), 2);
//! assert_eq!(g.rows()[2][1].text, "3");
//! ```

use super::{Cell, Grid, Layout, RowKind};
use crate::lines::is_space;

/// True when `raw` has two or more pipes.
pub fn is_row(raw: &str) -> bool {
    raw.bytes().filter(|b| *b == b'|').count() >= 2
}

/// True for a rule row: only pipes, dashes, colons and white space, with
/// at least three dashes in every non-blank field (so that a row of `-`
/// null markers is not a rule).
pub fn is_rule(raw: &str) -> bool {
    let t = raw.trim_matches(is_space);
    t.contains('|')
        && t.contains('-')
        && t.split('|').all(|f| {
            let f = f.trim_matches(is_space);
            let d = f.trim_matches(':');
            f.is_empty() || (d.len() >= 3 && d.bytes().all(|c| c == b'-'))
        })
}

/// The cells of one line found at byte `start`: the fields between pipes,
/// trimmed, without the blank fields outside the outer pipes.
pub fn row(start: usize, raw: &str) -> Vec<Cell> {
    let mut fields = super::tabs::fields(start, raw, '|');
    if fields.first().is_some_and(Cell::is_empty) {
        fields.remove(0);
    }
    if fields.last().is_some_and(Cell::is_empty) {
        fields.pop();
    }
    fields
}

/// A grid of pipe rows from lines given as (byte offset, text); blank lines
/// are skipped, rule rows are kept as [`RowKind::Rule`].
pub fn build<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let mut g = Grid::new();
    g.set_layout(Layout::Pipes);
    for (start, raw) in lines {
        if raw.chars().all(is_space) {
            continue;
        }
        let kind = if is_rule(raw) {
            RowKind::Rule
        } else {
            RowKind::Cells
        };
        g.push_row_of(kind, row(start, raw));
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_pipes_and_ragged_ends() {
        let g = build([(0, "| a | | 3 |"), (12, "b | 4"), (18, "| c | 5 | |")]);
        let texts: Vec<Vec<&str>> = g
            .rows()
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![vec!["a", "", "3"], vec!["b", "4"], vec!["c", "5", ""]]
        );
        assert_eq!(g.rows()[0][0].span, Some(2..3));
        assert_eq!(g.rows()[1][1].span, Some(16..17));
    }

    #[test]
    fn rules() {
        assert!(is_rule("|---|:---:|"));
        assert!(is_rule(" --- | --- "));
        assert!(!is_rule("| - | 3 |"));
        assert!(!is_rule("| - | - |"));
        assert!(!is_rule("| a | b |"));
        let g = build([(0, "|a|b|"), (6, "|---|---|")]);
        assert_eq!(g.row_kind(0), RowKind::Cells);
        assert_eq!(g.row_kind(1), RowKind::Rule);
    }
}
