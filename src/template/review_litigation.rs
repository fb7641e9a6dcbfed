//! The review/litigation table (行政复议、行政诉讼): fifteen values in a
//! fixed order, never guessed when they do not fit.

use crate::model::RowMap;

use super::cells::{Tk, Tok, tokens};
use super::fused::{Placed, place};
use super::rows::{Builder, Cutter, cell_value};
use crate::grid::Grid;
use crate::lines::Locator;
use crate::model::keys::{Key, RlGroup, RlOutcome};
use crate::model::table::{FragmentRole, ReviewLitigationTable, RowSource, Table, Values};

/// Maps a grid to the review/litigation table: one run of fifteen values
/// (three groups of five outcomes) after the header text.
pub(crate) fn map(grid: &Grid, text: &str, loc: &Locator<'_>) -> Table {
    let toks = tokens(grid);
    let mut cutter = Cutter::spare();
    let mut b = Builder::new(text, loc, grid, 0);
    let mut values: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut values_done = false;
    // a value that is not an empty field is among `values`
    let mut any_value = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // the values are one run: text after them ends the row, and values
        // after that belong to nothing
        let closed = any_value && matches!(t.kind, Tk::Label | Tk::Page | Tk::Rule);
        match t.kind {
            Tk::Page | Tk::Rule => {
                b.page(&t);
                values_done |= closed;
            }
            Tk::Value | Tk::Null | Tk::Empty if !values_done => {
                any_value |= t.kind != Tk::Empty;
                values.push(t);
            }
            Tk::Value | Tk::Null => b.frag(FragmentRole::Other, t.start, t.end),
            Tk::Empty => {}
            Tk::Label => {
                let j = toks[i..]
                    .iter()
                    .position(|t| t.kind != Tk::Label)
                    .map_or(toks.len(), |p| i + p);
                let role = if values_done || closed {
                    FragmentRole::Other
                } else {
                    FragmentRole::Header
                };
                for p in cutter.pieces(text, &toks[i..j], None) {
                    b.frag(role, p.start, p.end);
                }
                values_done |= closed;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let (groups, source) = values_of(&b, &values);
    Table::ReviewLitigation(ReviewLitigationTable {
        span: super::span_of(grid, loc),
        layout: super::layout_of(grid),
        groups,
        source,
        fragments: b.into_fragments(),
    })
}

type Groups = Values<RlGroup, RlOutcome>;
type Sources = RowMap<RlGroup, RowSource<RlOutcome>>;

/// The fifteen values in their groups, or the fused run in the first group.
fn values_of(b: &Builder<'_, '_>, values: &[Tok]) -> (Groups, Sources) {
    let mut groups = RowMap::with_capacity(RlGroup::ALL.len());
    let mut source: RowMap<RlGroup, RowSource<RlOutcome>> =
        RowMap::with_capacity(RlGroup::ALL.len());
    if !values.is_empty() {
        let mut cells = Vec::with_capacity(15);
        match place(b.text, values, 15, values[0].start, b.delimited, &mut cells) {
            Placed::Cells => {
                for (gi, g) in RlGroup::ALL.iter().enumerate() {
                    let mut vals = RowMap::with_capacity(RlOutcome::ALL.len());
                    let mut src = RowSource {
                        cells: RowMap::with_capacity(RlOutcome::ALL.len()),
                        ..RowSource::default()
                    };
                    for (oi, o) in RlOutcome::ALL.iter().enumerate() {
                        let (s, e) = cells[gi * 5 + oi];
                        let t = b.text_of(s, e);
                        vals.insert(*o, cell_value(&t.raw));
                        src.cells.insert(*o, t);
                    }
                    groups.insert(*g, vals);
                    source.insert(*g, src);
                }
            }
            Placed::Fused(s, e) => {
                for g in RlGroup::ALL {
                    groups.insert(*g, RlOutcome::ALL.iter().map(|o| (*o, None)).collect());
                    let mut src = RowSource::default();
                    if *g == RlGroup::Review {
                        src.fused = Some(b.text_of(s, e));
                    }
                    source.insert(*g, src);
                }
            }
        }
    }
    (groups, source)
}
