//! The template mapper: from a [`Grid`] to the typed tables of the model.
//!
//! Template knowledge lives here, layout knowledge in the grid builders
//! ([`crate::grid`]); neither knows the other. A grid is read as one stream
//! of tokens ([`cells`]); labels are matched through one vocabulary
//! ([`vocabulary`], one Aho–Corasick automaton); values are placed in their
//! columns under the never-guess rule for fused digits ([`fused`]). Raw
//! labels, subtotal rows, the `org_subtotal` column, fragments, fused rows
//! and every span are kept.
//!
//! * `applications`, `review_litigation`, `active_disclosure` (2019 and
//!   2021 variants), `generic`: one mapper per table;
//! * `rows`: what they share (label pieces, row accumulation).

pub(crate) mod active_disclosure;
pub(crate) mod applications;
pub(crate) mod cells;
pub(crate) mod fused;
pub(crate) mod generic;
pub(crate) mod legacy;
pub(crate) mod review_litigation;
pub(crate) mod rows;
pub(crate) mod vocabulary;

use crate::grid::Grid;
use crate::lines::Locator;
use crate::model::{Span, Table};

/// The tables a grid can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// 第二十条: active disclosure.
    ActiveDisclosure,
    /// 政府信息公开申请办理情况.
    Applications,
    /// 行政复议、行政诉讼.
    ReviewLitigation,
    /// Any other table.
    Generic,
}

/// Maps `grid` to a table of `kind`. `text` is the text the cells' spans
/// index (each cell's text is the text at its span), `loc` turns offsets in
/// it into spans of the model.
pub(crate) fn map(grid: &Grid, kind: Kind, text: &str, loc: &Locator<'_>) -> Table {
    match kind {
        Kind::ActiveDisclosure => active_disclosure::map(grid, text, loc),
        Kind::Applications => applications::map(grid, text, loc),
        Kind::ReviewLitigation => review_litigation::map(grid, text, loc),
        // a legacy 政府信息公开情况统计表 becomes a typed table
        Kind::Generic => match generic::map(grid, loc) {
            Table::Generic(g) => legacy::from_generic(&g, loc).unwrap_or(Table::Generic(g)),
            t => t,
        },
    }
}

/// The span of the table: the grid's.
fn span_of(grid: &Grid, loc: &Locator<'_>) -> Span {
    let s = grid.span().unwrap_or(0..0);
    loc.span(s.start, s.end)
}
