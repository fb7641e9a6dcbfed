//! The applications table laid out for its equations ([`Dense`]: every
//! operand by row and column, read once) and the findings the rules of
//! [`super`] write.

use std::cell::RefCell;

use crate::audit::{CellKey, Operand, Outcome, finding};
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
    /// [`super::operand`] of each row and column.
    ops: [[Operand; COLS]; ROWS],
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
            ops: [[Operand::Absent; COLS]; ROWS],
            present: [false; ROWS],
        }
    }

    /// Reads the operands of the table's rows, each written once.
    pub(super) fn fill(&mut self) {
        let (t, d) = (self.t, self);
        for (row, cells) in &t.rows {
            let r = *row as usize;
            d.present[r] = true;
            // as `operand`: a figure; else fused; else empty, at the
            // cell (or, failing that, the row label). The columns written
            // so far: a bit each
            let mut done = 0u32;
            let ops = &mut d.ops[r];
            for (col, v) in cells {
                if let Some(n) = v {
                    ops[*col as usize] = Operand::Value(*n);
                    done |= 1 << *col as u32;
                }
            }
            let src = t.source.get(row);
            let rest = if src.is_some_and(|s| s.fused.is_some()) {
                None
            } else {
                let cell = |col: AppCol| Some((row.key(), col.key()));
                for (col, text) in src.iter().flat_map(|s| &s.cells) {
                    if done >> *col as u32 & 1 == 0 {
                        ops[*col as usize] = Operand::Empty(Some(text.span), cell(*col));
                    }
                }
                for (col, _) in src.iter().flat_map(|s| &s.cells) {
                    done |= 1 << *col as u32;
                }
                Some(src.and_then(|s| s.label.as_ref()).map(|l| l.span))
            };
            for (op, col) in ops.iter_mut().zip(AppCol::ALL) {
                if done >> *col as u32 & 1 == 0 {
                    *op = match rest {
                        None => Operand::Fused,
                        Some(label) => Operand::Empty(label, Some((row.key(), col.key()))),
                    };
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

pub(super) fn op(t: &Dense<'_>, row: AppRow, col: AppCol) -> Operand {
    t.ops[row as usize][col as usize]
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
mod tests {
    use super::*;

    /// [`Dense::fill`] as it was: every column of a row written with the
    /// row's label, then the cells' spans, then the figures over them.
    fn fill_reference(d: &mut Dense<'_>) {
        let t = d.t;
        for (row, cells) in &t.rows {
            let r = *row as usize;
            d.present[r] = true;
            let src = t.source.get(row);
            let fused = src.is_some_and(|s| s.fused.is_some());
            let label = src.and_then(|s| s.label.as_ref()).map(|l| l.span);
            let ops = &mut d.ops[r];
            let cell = |col: AppCol| Some((row.key(), col.key()));
            if fused {
                ops.fill(Operand::Fused);
            } else {
                for (op, col) in ops.iter_mut().zip(AppCol::ALL) {
                    *op = Operand::Empty(label, cell(*col));
                }
                for (col, text) in src.iter().flat_map(|s| &s.cells) {
                    ops[*col as usize] = Operand::Empty(Some(text.span), cell(*col));
                }
            }
            for (col, v) in cells {
                if let Some(n) = v {
                    ops[*col as usize] = Operand::Value(*n);
                }
            }
        }
    }

    #[test]
    fn each_operand_written_once_is_the_operand_written_over() {
        let cells = RefCell::new(Vec::new());
        let mut tables = 0;
        for text in crate::audit::corpus_texts() {
            let Ok(report) = crate::parse(&text) else {
                continue;
            };
            let Some(t) = report.applications() else {
                continue;
            };
            tables += 1;
            let (mut fast, mut slow) = (Dense::empty(t, &cells), Dense::empty(t, &cells));
            fast.fill();
            fill_reference(&mut slow);
            assert_eq!(fast.present, slow.present);
            assert_eq!(format!("{:?}", fast.ops), format!("{:?}", slow.ops));
        }
        assert!(tables > 10, "the corpus has applications tables");
    }
}
