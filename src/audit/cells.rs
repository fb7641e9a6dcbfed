//! Rules over single cells of the standard tables: `table.empty_cell`,
//! `table.fused_cells`, `table.not_a_number` and `table.not_count`.
//!
//! A cell is one of: a figure; empty or a null marker (`table.empty_cell`);
//! text that is no number at all, such as `abc` (`table.not_a_number`, read
//! from the raw text kept in the table's `source`). A figure in a count
//! column (every column but amounts of money and the 2019 本年增/减 change)
//! must be a non-negative whole number (`table.not_count`).

use crate::model::RowMap;

use super::{
    TABLE_EMPTY_CELL, TABLE_FUSED_CELLS, TABLE_NOT_A_NUMBER, TABLE_NOT_COUNT, excerpt, finding,
};
use crate::model::table::Values;
use crate::model::{
    AdField, Finding, Fragment, FragmentRole, Key, Number, RowSource, Severity, Table,
};

/// True for a cell text that means "no figure": empty, 无, /, —, - ….
pub(crate) fn is_null_marker(raw: &str) -> bool {
    crate::text::nulls::is_null_marker(raw, true)
}

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    for &table in &cx.tables {
        match table {
            Table::Applications(t) => scan("applications", &t.rows, &t.source, &t.fragments, out),
            Table::ReviewLitigation(t) => {
                scan("review_litigation", &t.groups, &t.source, &t.fragments, out)
            }
            Table::ActiveDisclosure(t) => {
                scan("active_disclosure", &t.items, &t.source, &t.fragments, out)
            }
            Table::LegacyStatistics(_) | Table::Generic(_) => {}
        }
    }
}

/// The text the parser left beside an empty cell: a fragment of role
/// `other` on the cell's line, at or after the cell's place and before the
/// row's next cell (and before a group label: text after one is not in this
/// row's place), that is neither a null marker nor a number.
fn stray_text<'a, C: Key>(
    text: &crate::model::Text,
    row: &RowSource<C>,
    fragments: &'a [Fragment],
) -> Option<&'a Fragment> {
    if !text.raw.trim().is_empty() {
        return None;
    }
    let at = text.span.start;
    let next = row
        .cells
        .values()
        .map(|c| c.span.start)
        .filter(|&s| s > at)
        .chain(
            fragments
                .iter()
                .filter(|f| f.role == FragmentRole::GroupLabel && f.span.start >= at)
                .map(|f| f.span.start),
        )
        .min()
        .unwrap_or(u32::MAX);
    fragments.iter().find(|f| {
        f.role == FragmentRole::Other
            && f.span.line == text.span.line
            && f.span.start >= at
            && f.span.start < next
            && !is_null_marker(&f.raw)
            && Number::parse_prefix(f.raw.trim()).is_none()
    })
}

fn scan<R: Key, C: Key>(
    table: &str,
    values: &Values<R, C>,
    source: &RowMap<R, RowSource<C>>,
    fragments: &[Fragment],
    out: &mut Vec<Finding>,
) {
    for (row, src) in source {
        if let Some(fused) = &src.fused {
            out.push(fused_row(table, *row, fused));
            continue;
        }
        // the row's figures looked up once; a cell's by a short linear
        // search (a row has a handful of columns: no hashing per cell)
        let figures = values.get(row);
        let value = |col: &C| {
            figures
                .and_then(|cells| cells.iter().find(|(c, _)| *c == col))
                .and_then(|(_, v)| *v)
        };
        for (col, text) in &src.cells {
            sanity(table, *row, *col, text, value(col), out);
        }
        // Text such as `abc` that the parser kept beside an empty cell.
        let mut stray_cols = Vec::new();
        for (col, text) in &src.cells {
            if let Some(f) = stray_text(text, src, fragments) {
                let t = crate::model::Text {
                    raw: f.raw.clone(),
                    span: f.span,
                };
                sanity(table, *row, *col, &t, None, out);
                stray_cols.push(*col);
            }
        }
        let empty: Vec<(&C, &crate::model::Text)> = src
            .cells
            .iter()
            .filter(|(col, text)| {
                value(col).is_none() && is_null_marker(&text.raw) && !stray_cols.contains(col)
            })
            .collect();
        empty_cells(table, *row, src.cells.len(), &empty, out);
    }
}

/// The note for a row whose digits ran together.
fn fused_row<R: Key>(table: &str, row: R, fused: &crate::model::Text) -> Finding {
    let msg = format!(
        "The digits of row {} ran together (“{}”), so its cells cannot be told apart or checked.",
        row.key(),
        excerpt(&fused.raw, 40)
    );
    let mut f = finding(TABLE_FUSED_CELLS, Severity::Note, msg, Some(fused.span));
    f.table = Some(table.into());
    f.row = Some(row.key().into());
    f
}

/// The warnings for the `empty` cells of a row of `cells` cells: one per
/// cell, or one for the row when all its cells are empty at one and the
/// same place (the cells' positions are unknown).
fn empty_cells<R: Key, C: Key>(
    table: &str,
    row: R,
    cells: usize,
    empty: &[(&C, &crate::model::Text)],
    out: &mut Vec<Finding>,
) {
    if empty.len() == cells
        && empty.len() > 1
        && empty
            .iter()
            .all(|(_, t)| t.span.start == empty[0].1.span.start && t.raw.trim().is_empty())
    {
        let msg = format!("The row {} of the {table} table has no figures.", row.key());
        let mut f = finding(
            TABLE_EMPTY_CELL,
            Severity::Warning,
            msg,
            Some(empty[0].1.span),
        );
        f.table = Some(table.into());
        f.row = Some(row.key().into());
        out.push(f);
        return;
    }
    for (col, text) in empty {
        let what = if text.raw.trim().is_empty() {
            "empty".to_owned()
        } else {
            format!("“{}”", excerpt(&text.raw, 20))
        };
        let msg = format!(
            "The cell {}/{} of the {table} table is {what}, not a figure.",
            row.key(),
            col.key()
        );
        let mut f = finding(TABLE_EMPTY_CELL, Severity::Warning, msg, Some(text.span));
        f.table = Some(table.into());
        f.row = Some(row.key().into());
        f.column = Some(col.key().into());
        out.push(f);
    }
}

/// True when the column holds a count (not an amount or a signed change).
fn is_count_column(table: &str, col: &str) -> bool {
    // the three fields' keys compared directly (no search of every key)
    table != "active_disclosure"
        || ![AdField::Amount10kYuan, AdField::Amount, AdField::Change]
            .iter()
            .any(|f| f.key() == col)
}

/// `table.not_a_number` and `table.not_count` for one cell.
fn sanity<R: Key, C: Key>(
    table: &str,
    row: R,
    col: C,
    text: &crate::model::Text,
    value: Option<Number>,
    out: &mut Vec<Finding>,
) {
    let (rule, severity, msg, found) = match value {
        None if !is_null_marker(&text.raw) => (
            TABLE_NOT_A_NUMBER,
            Severity::Warning,
            format!(
                "The cell {}/{} of the {table} table reads “{}”, which is not a number.",
                row.key(),
                col.key(),
                excerpt(&text.raw, 20)
            ),
            None,
        ),
        Some(n)
            if is_count_column(table, col.key())
                && (!n.is_integer() || n.cmp_value(Number::int(0)) == std::cmp::Ordering::Less) =>
        {
            (
                TABLE_NOT_COUNT,
                Severity::Error,
                format!(
                    "The cell {}/{} of the {table} table is {n}, but a count is a whole number, 0 or more.",
                    row.key(),
                    col.key()
                ),
                Some(n),
            )
        }
        _ => return,
    };
    let mut f = finding(rule, severity, msg, Some(text.span));
    f.found = found;
    f.table = Some(table.into());
    f.row = Some(row.key().into());
    f.column = Some(col.key().into());
    out.push(f);
}
