//! The order of the findings (see the module docs of [`super`], **Order.**).
//!
//! Findings sort by where they are in the source, except the findings of a
//! table, which sort by where they are in the table's model: at the table's
//! start, then by row (in the order the canonical text writes the rows),
//! then by column, then by rule. Source places alone would not do: the
//! empty cells of a row often share one place (a row's last cells after its
//! figures in space-aligned text), so the findings there came by rule, all
//! of one rule before any of the next, while the canonical text, which
//! gives each cell a place of its own, put them cell by cell; and a row
//! read from the end of another's line stands before it in the source but
//! after it in the canonical text when the model has it after. Ordering by
//! the model gives the canonical text and its source the same order, and
//! for a table whose rows and cells stand in model order (every
//! well-formed table) it is the order of their places, as before.

use super::CellKey;
use crate::model::{
    ActiveDisclosureTable, AdField, AdItem, AppCol, AppRow, ApplicationsTable, Block, Finding,
    Format, Key, Report, ReviewLitigationTable, RlGroup, RlOutcome, RowSource, Span, Table, Text,
};

/// Where a finding sorts within its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// Before the row of the rank (a table-wide note, a group label):
    /// by source place.
    Before { start: u32, nonempty: bool },
    /// In the row of the rank: the row itself (0), else 1 + the column's
    /// place in the table's column order.
    Row { column: u32 },
}

/// The sort key of one finding: the anchor (its source place, or its
/// paragraph's or table's start, and whether it is empty), the place within
/// a table (`(row rank, place)`), and the own start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct At {
    anchor: (u32, bool),
    table: Option<(u32, Place)>,
    start: u32,
}

/// A standard table whose findings sort in model order (a legacy
/// statistics table's rows are written in source order, and its empty cells
/// have no place: its findings' places already are in model order).
#[derive(Clone, Copy)]
enum Std<'a> {
    Applications(&'a ApplicationsTable),
    ReviewLitigation(&'a ReviewLitigationTable),
    ActiveDisclosure(&'a ActiveDisclosureTable, Format),
}

/// A column not among those of its table or row sorts after them.
const AFTER: u32 = 1 << 16;

/// The index of `key` among the keys of `K` (after them when not one).
fn template_index<K: Key>(key: &str) -> u32 {
    K::ALL
        .iter()
        .position(|k| k.key() == key)
        .unwrap_or(K::ALL.len()) as u32
}

/// The end of the last text of a table's rows (`sources`): the places of
/// the empty cells at a row's end (`行政处罚\t0\t\t`) lie after the last
/// character, where the table's span ends, and their findings are the
/// table's (in the source the same cells may share the place of the
/// figure's end, inside the span: both sort in the table's model order).
fn rows_end<K, C>(sources: &[(K, RowSource<C>)]) -> u32 {
    sources
        .iter()
        .flat_map(|(_, s)| s.label.iter().chain(s.cells.values()).chain(&s.fused))
        .map(|t| t.span.end)
        .max()
        .unwrap_or(0)
}

/// The standard tables of a report, for [`sort_findings`].
pub(super) struct Tables<'a> {
    /// `(start, end, kind, table)`, by start.
    tables: Vec<(u32, u32, &'static str, Std<'a>)>,
}

impl<'a> Tables<'a> {
    /// The standard tables among `tables` (every table of the report).
    pub(super) fn of(tables: &[&'a Table], format: Format) -> Tables<'a> {
        let mut out: Vec<(u32, u32, &'static str, Std<'a>)> = tables
            .iter()
            .filter_map(|t| {
                let (span, end, std) = match t {
                    Table::Applications(t) => {
                        (t.span, rows_end(t.source.as_slice()), Std::Applications(t))
                    }
                    Table::ReviewLitigation(t) => (
                        t.span,
                        rows_end(t.source.as_slice()),
                        Std::ReviewLitigation(t),
                    ),
                    Table::ActiveDisclosure(t) => (
                        t.span,
                        rows_end(t.source.as_slice()),
                        Std::ActiveDisclosure(t, format),
                    ),
                    Table::LegacyStatistics(_) | Table::Generic(_) => return None,
                };
                Some((span.start, span.end.max(end), t.kind(), std))
            })
            .collect();
        out.sort_by_key(|t| t.0);
        Tables { tables: out }
    }

    /// Where `f` sorts in its table: its table's start, and its row and
    /// place there; `cell`: the cell an equation's note stands at. `None`
    /// for a finding that belongs to no such table (no table key, or a
    /// span outside the tables: a sentence compared with a table cell
    /// sorts at the sentence).
    fn key(&self, f: &Finding, cell: Option<CellKey>) -> Option<(u32, (u32, Place))> {
        self.key_by(f, cell, &Walk)
    }

    /// [`Tables::key`] with the place search `search` (the tests compare
    /// [`Walk`] with the walk it replaced).
    fn key_by(
        &self,
        f: &Finding,
        cell: Option<CellKey>,
        search: &impl Search,
    ) -> Option<(u32, (u32, Place))> {
        let span = f.span?;
        let kind = f.table.as_deref()?;
        let i = self.tables.partition_point(|t| t.0 <= span.start);
        let &(start, end, table_kind, table) = self.tables.get(i.checked_sub(1)?)?;
        if table_kind != kind || span.end > end {
            return None;
        }
        let at = (start, span);
        let place = match table {
            Std::Applications(t) => {
                let rows = t.rows.keys().map(|r| (*r, t.source.get(r)));
                let column = |_: AppRow, c: &str| {
                    t.columns
                        .iter()
                        .position(|k| k.key() == c)
                        .map_or_else(|| AFTER + template_index::<AppCol>(c), |i| 1 + i as u32)
                };
                search.place((rows, t.source.as_slice()), column, at, (f, cell))
            }
            Std::ReviewLitigation(t) => {
                // the canonical text writes the groups in template order
                let rows = RlGroup::ALL
                    .iter()
                    .filter(|g| t.groups.contains_key(g) || t.source.contains_key(g))
                    .map(|g| (*g, t.source.get(g)));
                let column = |_: RlGroup, c: &str| 1 + template_index::<RlOutcome>(c);
                search.place((rows, t.source.as_slice()), column, at, (f, cell))
            }
            Std::ActiveDisclosure(t, format) => {
                let rows = t.items.keys().map(|i| (*i, t.source.get(i)));
                let column = |i: AdItem, c: &str| {
                    let fields = i.fields(format);
                    fields
                        .iter()
                        .position(|k| k.key() == c)
                        .map_or_else(|| AFTER + template_index::<AdField>(c), |i| 1 + i as u32)
                };
                search.place((rows, t.source.as_slice()), column, at, (f, cell))
            }
        };
        Some((start, place))
    }
}

/// A search of a finding's place in a table (see [`Walk`]).
trait Search {
    fn place<'t, K: Key, C: Key + 't>(
        &self,
        rows: (
            impl Iterator<Item = (K, Option<&'t RowSource<C>>)> + Clone,
            &'t [(K, RowSource<C>)],
        ),
        column: impl Fn(K, &str) -> u32,
        at: (u32, Span),
        fc: (&Finding, Option<CellKey>),
    ) -> (u32, Place);
}

/// The places `(row rank, column)` of the texts at a finding's span seen
/// so far, and which of them the finding's note and names point at.
#[derive(Default)]
struct Seen {
    first: Option<(u32, u32)>,
    in_row: Option<(u32, u32)>,
    at_note: bool,
    at_fields: bool,
}

impl Seen {
    /// Notes a text at the finding's span at `p`; `note`, `fields`: the
    /// places the note's cell and the finding's row and column name.
    fn see(
        &mut self,
        (rank, col): (u32, u32),
        note: Option<(u32, u32)>,
        fields: Option<(u32, u32)>,
    ) {
        let p = Some((rank, col));
        self.first = self.first.min(p).or(p);
        if fields.is_some_and(|f| f.0 == rank) {
            self.in_row = self.in_row.min(p).or(p);
        }
        self.at_note |= note == p;
        self.at_fields |= fields == p;
    }

    /// Where the finding sorts, given what was seen (see [`Walk`]): a row
    /// and column, or (`None`) before a row.
    fn chosen(&self, note: Option<(u32, u32)>, fields: Option<(u32, u32)>) -> Option<(u32, u32)> {
        match self.first {
            Some(_) if self.at_note => note,
            Some(_) if self.at_fields => fields,
            Some(_) => self.in_row.or(self.first),
            None => fields,
        }
    }
}

/// The place of a finding: at `chosen` (row rank, column), else before the
/// first of `rows` that starts at or after its span (the first row when
/// the span is at or before the table's `start`).
fn settle<'t, K: Key, C: Key + 't>(
    chosen: Option<(u32, u32)>,
    rows: impl Iterator<Item = (K, Option<&'t RowSource<C>>)> + Clone,
    (start, span): (u32, Span),
) -> (u32, Place) {
    if let Some((rank, column)) = chosen {
        return (rank, Place::Row { column });
    }
    // names no row of the table and stands in no row's place
    let before = if span.start <= start {
        0
    } else {
        (0u32..)
            .zip(rows.clone())
            .filter(|(_, (_, src))| src.and_then(RowSource::start) >= Some(span.start))
            .map(|(rank, _)| rank)
            .next()
            .unwrap_or_else(|| rows.count() as u32)
    };
    let place = Place::Before {
        start: span.start,
        nonempty: span.end > span.start,
    };
    (before, place)
}

/// The place search of [`Tables::key`].
struct Walk;

impl Search for Walk {
    /// Where the finding `f` at `span` sorts in a table that starts at `start`
    /// and has the rows `rows` (in model order, with their source; `sources`:
    /// the same sources as stored, in any order); `column`: the place of a
    /// column in a row (1 + its index). `cell`: the cell an equation's note
    /// stands at.
    ///
    /// The span is the label, a cell or the fused digits of a row: there.
    /// When several have that place (the empty cells of a row after its last
    /// figure, of several rows at the end of the review/litigation line), the
    /// cell of the note, else the one the finding names (its row and column),
    /// else the first of the row it names, else the first. A span that is no row's place: at the row
    /// and column the finding names; a finding that names no row of the table
    /// (a table-wide note, a group label), before the first row that starts
    /// at or after it.
    ///
    /// The rows of a standard table are bounded by its template (each key
    /// once), so this takes a bounded number of steps: one tight look at each
    /// text of the sources, and the row's rank and the cell's column only for
    /// a text whose span is the finding's (a search of the column keys per
    /// cell made the sort cost more than every rule; a look-up of each row's
    /// source in model order, as much as the look at its cells).
    fn place<'t, K: Key, C: Key + 't>(
        &self,
        (rows, sources): (
            impl Iterator<Item = (K, Option<&'t RowSource<C>>)> + Clone,
            &'t [(K, RowSource<C>)],
        ),
        column: impl Fn(K, &str) -> u32,
        (start, span): (u32, Span),
        (f, cell): (&Finding, Option<CellKey>),
    ) -> (u32, Place) {
        let rank_of = |pred: &dyn Fn(K) -> bool| {
            (0u32..)
                .zip(rows.clone())
                .find(|(_, (k, _))| pred(*k))
                .map(|(rank, (k, _))| (rank, k))
        };
        let named = |row: &str, col: Option<&str>| {
            let (rank, k) = rank_of(&|k: K| k.key() == row)?;
            Some((rank, col.map_or(0, |c| column(k, c))))
        };
        let note = cell.and_then(|(r, c)| named(r, Some(c)));
        let fields = f.row.as_deref().and_then(|r| named(r, f.column.as_deref()));
        let here = |t: &Text| t.span.start == span.start && t.span.end == span.end;
        let mut seen = Seen::default();
        for (i, (k, src)) in sources.iter().enumerate() {
            let own = src.label.iter().chain(&src.fused).any(here);
            if !own && !src.cells.values().any(here) {
                continue;
            }
            // a row's source is the first of its key; a source of no row of
            // the table is not looked at
            let first_of_key = sources.iter().position(|(x, _)| x == k) == Some(i);
            let Some((rank, _)) = rank_of(&|r: K| r == *k).filter(|_| first_of_key) else {
                continue;
            };
            let own = own.then_some(0);
            let cells = src.cells.iter().filter(|(_, t)| here(t));
            for col in own
                .into_iter()
                .chain(cells.map(|(c, _)| column(*k, c.key())))
            {
                seen.see((rank, col), note, fields);
            }
        }
        settle(seen.chosen(note, fields), rows, (start, span))
    }
}

/// The `start..end` of every paragraph of `report`, in document order.
pub(super) fn paragraph_spans(report: &Report) -> Vec<(u32, u32)> {
    fn walk(blocks: &[Block], out: &mut Vec<(u32, u32)>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push((p.span.start, p.span.end)),
                Block::Subsection(s) => walk(&s.blocks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&report.preamble, &mut out);
    for s in &report.sections {
        walk(&s.blocks, &mut out);
    }
    walk(&report.closing, &mut out);
    out.sort_unstable();
    out
}

/// Sorts findings by position (those without one first), then rule; stable.
/// A finding within one of `paragraphs` (sorted `start..end` ranges) sorts
/// at the paragraph's start, then by rule, then by its own start; a finding
/// of one of `tables` at the table's start, then by row, column and rule
/// (see the module docs, **Order**); the cells beside `tables` say which
/// cell the finding of each index stands at when its span may be shared.
///
/// The findings are not moved by a sort of their own (whose scratch space
/// would be up to as large as the findings themselves): the sort orders
/// their indices (by keys computed once), and the permutation is then
/// applied in place.
pub(super) fn sort_findings(
    out: &mut [Finding],
    paragraphs: &[(u32, u32)],
    tables: (&Tables<'_>, &[(usize, CellKey)]),
) {
    // outside paragraphs, an empty span (a cell's place) at a position
    // sorts before text that starts there: it ends before it (an empty
    // cell at a row's end, where the next row's label starts, in flow text)
    let anchor = |s: Span| {
        let i = paragraphs.partition_point(|p| p.0 <= s.start);
        match i.checked_sub(1).map(|i| paragraphs[i]) {
            Some((start, end)) if s.start < end && s.end <= end => (start, true),
            _ => (s.start, s.end > s.start),
        }
    };
    let (tables, cells) = tables;
    let mut cell_of = vec![None; if cells.is_empty() { 0 } else { out.len() }];
    for &(i, cell) in cells {
        if let Some(c) = cell_of.get_mut(i) {
            *c = Some(cell);
        }
    }
    let key = |(i, f): (usize, &Finding)| {
        let s = f.span?;
        Some(match tables.key(f, cell_of.get(i).copied().flatten()) {
            Some((start, place)) => At {
                anchor: (start, true),
                table: Some(place),
                start: s.start,
            },
            None => At {
                anchor: anchor(s),
                table: None,
                start: s.start,
            },
        })
    };
    let keys: Vec<Option<At>> = out.iter().enumerate().map(key).collect();
    let order = |i: usize, j: usize| {
        let (ka, kb) = (keys[i], keys[j]);
        ka.map(|k| (k.anchor, k.table))
            .cmp(&kb.map(|k| (k.anchor, k.table)))
            .then_with(|| out[i].rule.cmp(&out[j].rule))
            .then_with(|| ka.cmp(&kb))
    };
    if (1..out.len()).all(|i| order(i - 1, i).is_le()) {
        return;
    }
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by(|&i, &j| order(i, j));
    // position p receives the finding at idx[p]; each cycle of the
    // permutation is followed once, marking its positions done (idx[p] = p)
    for i in 0..out.len() {
        let mut p = i;
        while idx[p] != p {
            let q = idx[p];
            idx[p] = p;
            if q == i {
                break;
            }
            out.swap(p, q);
            p = q;
        }
    }
}

#[cfg(test)]
mod tests;
