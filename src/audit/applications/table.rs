//! The applications table laid out for its equations ([`Dense`]: every
//! operand by row and column, read once) and the findings the rules of
//! [`super`] write.

use std::cell::RefCell;

use crate::audit::{CellKey, Outcome, Read, Term, finding};
use crate::model::{AppCol, AppRow, ApplicationsTable, Finding, Key, Number, Severity, Span};

/// The table's key in findings.
const TABLE: &str = "applications";

pub(super) const ROWS: usize = AppRow::ALL.len();
pub(super) const COLS: usize = AppCol::ALL.len();
const _: () = assert!(COLS <= 32, "a column a bit of a u32");

/// The table with its operands laid out by row and column (each row's
/// maps read once, not looked up per term of every equation).
pub(super) struct Dense<'a> {
    t: &'a ApplicationsTable,
    /// Where the notes go to say which cell they stand at ([`Ctx::cells`]).
    ///
    /// [`Ctx::cells`]: crate::audit::Ctx::cells
    cells: &'a RefCell<Vec<(usize, CellKey)>>,
    /// [`crate::audit::operand`] of each row and column as an equation reads it
    /// (16 bytes, not an operand's 56: an empty cell's place is read from
    /// the source when an equation asks, [`At::empty_at`]).
    ops: [[Read; COLS]; ROWS],
    /// The rows the table has.
    present: [bool; ROWS],
}

impl std::ops::Deref for Dense<'_> {
    type Target = ApplicationsTable;
    fn deref(&self) -> &ApplicationsTable {
        self.t
    }
}

impl<'a> Dense<'a> {
    /// The table with no operand read yet (all absent): [`Dense::fill`]
    /// reads them. (Two steps, so that the caller's variable is built in
    /// place: the table of operands is ~17 KB, and a `Dense` returned
    /// filled was copied.)
    #[inline(always)]
    pub(super) fn empty(
        t: &'a ApplicationsTable,
        cells: &'a RefCell<Vec<(usize, CellKey)>>,
    ) -> Dense<'a> {
        Dense {
            t,
            cells,
            ops: [[Read::Absent; COLS]; ROWS],
            present: [false; ROWS],
        }
    }

    /// Reads the operands of the table's rows, each written once.
    pub(super) fn fill(&mut self) {
        let (t, d) = (self.t, self);
        for (row, cells) in &t.rows {
            let r = *row as usize;
            d.present[r] = true;
            // as `operand`: a figure; else fused; else empty. The columns
            // written so far: a bit each
            let mut done = 0u32;
            let ops = &mut d.ops[r];
            for (col, v) in cells {
                if let Some(n) = v {
                    ops[*col as usize] = Read::Value(*n);
                    done |= 1 << *col as u32;
                }
            }
            let fused = t.source.get(row).is_some_and(|s| s.fused.is_some());
            let rest = if fused { Read::Fused } else { Read::Empty };
            for (op, col) in ops.iter_mut().zip(AppCol::ALL) {
                if done >> *col as u32 & 1 == 0 {
                    *op = rest;
                }
            }
        }
    }

    pub(super) fn has(&self, row: AppRow) -> bool {
        self.present[row as usize]
    }
}

/// The value columns seen in the rows (for a table that declares none).
pub(super) fn columns(t: &ApplicationsTable) -> Vec<AppCol> {
    let mut cols: Vec<AppCol> = Vec::new();
    for cells in t.rows.values() {
        for c in cells.keys() {
            if !cols.contains(c) {
                cols.push(*c);
            }
        }
    }
    cols
}

/// The term at `row`/`col` of the table.
pub(super) fn op<'t>(t: &'t Dense<'t>, row: AppRow, col: AppCol) -> At<'t> {
    At { t, row, col }
}

/// A cell of a [`Dense`] table as a term of an equation: what
/// [`super::super::operand`] reads there.
#[derive(Clone, Copy)]
pub(super) struct At<'t> {
    t: &'t Dense<'t>,
    row: AppRow,
    col: AppCol,
}

impl Term for At<'_> {
    #[inline]
    fn read(self) -> Read {
        self.t.ops[self.row as usize][self.col as usize]
    }

    /// The cell's place in the source (or, failing that, the row label's)
    /// and its keys, as [`super::super::operand`] gives them.
    fn empty_at(self) -> (Option<Span>, Option<CellKey>) {
        let (row, col) = (self.row, self.col);
        let span = crate::audit::cell_span(&self.t.source, row, col);
        (span, Some((row.key(), col.key())))
    }
}

pub(super) fn span_of(t: &Dense<'_>, row: AppRow, col: AppCol) -> Option<Span> {
    crate::audit::cell_span(&t.source, row, col).or(Some(t.span))
}

pub(super) fn base(
    rule: &'static str,
    severity: Severity,
    message: String,
    span: Option<Span>,
) -> Finding {
    let mut f = finding(rule, severity, message, span);
    f.table = Some(TABLE.into());
    f
}

/// One note per rule and table when a row it needs is absent.
pub(super) fn absent_note(
    rule: &'static str,
    what: &str,
    t: &Dense<'_>,
    missing: &[AppRow],
    out: &mut Vec<Finding>,
) {
    let names: Vec<&str> = missing.iter().map(|r| r.key()).collect();
    let msg = format!(
        "{what} cannot be checked because the applications table has no row {}.",
        names.join(", ")
    );
    let mut f = base(rule, Severity::Note, msg, Some(t.span));
    f.row = missing.first().map(|r| r.key().into());
    out.push(f);
}

pub(super) fn unchecked_note(
    rule: &'static str,
    what: String,
    span: Option<Span>,
    row: AppRow,
    col: AppCol,
) -> Finding {
    let msg = format!("{what} cannot be checked because a cell it needs is empty.");
    let mut f = base(rule, Severity::Note, msg, span);
    f.row = Some(row.key().into());
    f.column = Some(col.key().into());
    f
}

/// Pushes the finding for one evaluated equation (absent rows are reported
/// once per table by the caller).
#[allow(clippy::too_many_arguments)]
pub(super) fn report_outcome(
    rule: &'static str,
    outcome: Outcome,
    what: impl FnOnce() -> String,
    failure: impl FnOnce(Number, Number) -> String,
    span: impl FnOnce() -> Option<Span>,
    (row, col): (AppRow, AppCol),
    (t, terms): (&Dense<'_>, impl FnOnce() -> Vec<(AppRow, AppCol)>),
    out: &mut Vec<Finding>,
) {
    match outcome {
        Outcome::Holds | Outcome::Skipped | Outcome::Absent => {}
        Outcome::Unchecked(at, cell) => {
            if let Some(cell) = cell {
                t.cells.borrow_mut().push((out.len(), cell));
            }
            out.push(unchecked_note(rule, what(), at.or_else(span), row, col))
        }
        Outcome::Fails { expected, found } => {
            let (span, terms) = (span(), terms());
            let terms = &terms[..];
            let mut f = base(rule, Severity::Error, failure(expected, found), span);
            f.expected = Some(expected);
            f.found = Some(found);
            f.row = Some(row.key().into());
            f.column = Some(col.key().into());
            f.related = related(t, terms);
            out.push(f);
        }
    }
}

/// The labelled spans of the terms of an equation.
pub(super) fn related(t: &Dense<'_>, terms: &[(AppRow, AppCol)]) -> Vec<crate::model::Related> {
    terms
        .iter()
        .filter_map(|&(r, c)| crate::audit::term(&t.rows, &t.source, r, c))
        .collect()
}

pub(super) fn missing_rows(t: &Dense<'_>, rows: &[AppRow]) -> Vec<AppRow> {
    rows.iter().copied().filter(|r| !t.has(*r)).collect()
}

#[cfg(test)]
mod tests;
