//! The legacy (2008–2018) 政府信息公开情况统计表 mapper.
//!
//! Input: the table as the parser has read it, rows of cells each with its
//! text and byte offset ([`InCell`]): the header row (`指标名称 | 计量单位 |
//! 2016年度 | 历年累计`, or the coded form `指标名称 | 计量单位 | 代码 | 本期实际
//! | 本年累计`) then one row per indicator (`label | unit | [code] | values…`).
//! A grid (tab or pipe rows) gives that shape directly; crawler text, where a
//! whole table runs together on one line (`主动公开信息数条20263542其中：1.网站
//! 公开条17953304 2.…`), is cut into the same shape by [`locate`] and
//! [`crawler_rows`].
//!
//! Output: a typed [`crate::model::LegacyStatisticsTable`]: the recurring indicators under
//! stable [`LegacyRow`] keys, every other row kept under its label.
//!
//! **Fused digits.** When the two value cells of a row ran together
//! (`20263542`), the split is decoded, never guessed blindly: each reading must
//! have no leading zero and `cumulative ≥ this_year`; within a group (主动公开
//! and its channels, the applications and their channels, the replies and their
//! outcomes) the parts may not exceed the whole; among the readings left the
//! most even split of digits wins (a running total has as many digits as the
//! year's figure, or one more). Such cells are marked `split`; the audit's
//! cross-year continuity (`legacy.cumulative_carry`) checks the decoding.
//!
//! One job a file:
//! - `labels`: what header cells and row labels say (units, value columns,
//!   the stable row keys and their groups);
//! - `crawler`: a table written as running text cut into rows of cells;
//! - `map`: rows of cells mapped to the typed table;
//! - `fused`: the readings of fused digits, and the choice among them by
//!   the group sums.
//!
//! This file holds the cell and row types the others share, and the entry
//! points: from a grid, from a generic table, from crawler text.

mod crawler;
mod fused;
mod labels;
mod map;

use crate::lines::{Locator, is_space};
use crate::model::{LegacyRow, Number, Table};

use crawler::crawler_rows;
pub(crate) use crawler::{HEADER_WORDS, locate, locate_in_rest};
pub(crate) use labels::is_header;
use map::map;

/// A cell as read: its text and the byte offset where it starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InCell<'a> {
    /// The cell's text as written.
    pub(crate) text: &'a str,
    /// Byte offset of `text` in the source.
    pub(crate) at: usize,
}

/// One value cell: its number and source text.
#[derive(Debug, Clone)]
struct Val {
    n: Option<Number>,
    text: String,
    at: usize,
}

/// A row being mapped.
#[derive(Debug, Default)]
struct Row {
    label: Option<(String, usize)>,
    unit: Option<(String, usize)>,
    code: Option<(String, usize)>,
    key: Option<LegacyRow>,
    /// The readings to choose from (one unless fused), each one value per
    /// column, in order of preference.
    readings: Vec<Vec<Val>>,
    split: bool,
    /// Cells under a header the mapper does not know.
    other: Vec<Val>,
}

/// A crawler-text statistics table: the piece `t` at byte offset `off`
/// begins with it (`locate(t)` gave `(0, header, end)`).
pub(crate) fn crawler_table(t: &str, off: usize, loc: &Locator<'_>) -> Option<(Table, usize)> {
    let (start, h, end) = locate(t)?;
    if start != 0 {
        return None;
    }
    let rr = crawler_rows(&t[h..], off + h)?;
    let title = (h > 0).then(|| {
        let tt = t[..h].trim_end_matches(is_space);
        InCell { text: tt, at: off }
    });
    let table = map(&rr.rows, title, true, (off, off + end), loc)?;
    Some((table, end))
}

/// Maps a grid (tab or pipe rows) whose first row is a statistics header,
/// every cell in its column; `None` for other grids and for one-cell-per-line
/// grids (those go through [`from_generic`]).
pub(crate) fn from_grid(grid: &crate::grid::Grid, loc: &Locator<'_>) -> Option<Table> {
    if grid.layout() == crate::grid::Layout::Lines {
        return None;
    }
    // the header decides (`map` looks at it first): no copy of the rows of
    // a grid that is not a statistics table
    let nonblank = |r: &&Vec<crate::grid::Cell>| r.iter().any(|c| !c.is_empty());
    let header = grid.rows().iter().find(nonblank)?;
    let htexts: Vec<&str> = header.iter().map(|c| c.text.as_str()).collect();
    if !is_header(&htexts) {
        return None;
    }
    let rows: Vec<Vec<InCell<'_>>> = grid
        .rows()
        .iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|r| {
            r.iter()
                .map(|c| InCell {
                    text: &c.text,
                    at: c.span.as_ref().map_or(0, |s| s.start),
                })
                .collect()
        })
        .collect();
    let span = grid.span().unwrap_or(0..0);
    map(&rows, None, false, (span.start, span.end), loc)
}

/// Maps a generic table whose header is a statistics header.
pub(crate) fn from_generic(g: &crate::model::GenericTable, loc: &Locator<'_>) -> Option<Table> {
    let hdr: Vec<&str> = g.header.iter().map(crate::model::Str::as_str).collect();
    if !is_header(&hdr) {
        return None;
    }
    let mut rows: Vec<Vec<InCell<'_>>> = Vec::with_capacity(g.rows.len() + 1);
    rows.push(
        g.header
            .iter()
            .zip(&g.spans.header)
            .map(|(t, s)| InCell {
                text: t,
                at: s.start as usize,
            })
            .collect(),
    );
    for (r, sp) in g.rows.iter().zip(&g.spans.rows) {
        rows.push(
            r.iter()
                .zip(sp)
                .map(|(t, s)| InCell {
                    text: t,
                    at: s.start as usize,
                })
                .collect(),
        );
    }
    map(
        &rows,
        None,
        false,
        (g.span.start as usize, g.span.end as usize),
        loc,
    )
}
