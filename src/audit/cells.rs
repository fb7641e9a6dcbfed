//! Rules over single cells of the standard tables: `table.empty_cell` and
//! `table.fused_cells`.

use indexmap::IndexMap;

use super::{TABLE_EMPTY_CELL, TABLE_FUSED_CELLS, excerpt, finding};
use crate::model::table::Values;
use crate::model::{Finding, Key, Report, RowSource, Severity, Table};

/// True for a cell text that means "no figure": empty, 无, /, —, - ….
pub(crate) fn is_null_marker(raw: &str) -> bool {
    crate::text::nulls::is_null_marker(raw, true)
}

pub(super) fn check(report: &Report, out: &mut Vec<Finding>) {
    for table in report.tables() {
        match table {
            Table::Applications(t) => scan("applications", &t.rows, &t.source, out),
            Table::ReviewLitigation(t) => scan("review_litigation", &t.groups, &t.source, out),
            Table::ActiveDisclosure(t) => scan("active_disclosure", &t.items, &t.source, out),
            Table::Generic(_) => {}
        }
    }
}

fn scan<R: Key, C: Key>(
    table: &str,
    values: &Values<R, C>,
    source: &IndexMap<R, RowSource<C>>,
    out: &mut Vec<Finding>,
) {
    for (row, src) in source {
        if let Some(fused) = &src.fused {
            let msg = format!(
                "The digits of row {} ran together (“{}”), so its cells cannot be told apart or checked.",
                row.key(),
                excerpt(&fused.raw, 40)
            );
            let mut f = finding(TABLE_FUSED_CELLS, Severity::Note, msg, Some(fused.span));
            f.table = Some(table.to_owned());
            f.row = Some(row.key().to_owned());
            out.push(f);
            continue;
        }
        let empty: Vec<_> = src
            .cells
            .iter()
            .filter(|(col, text)| {
                let value = values
                    .get(row)
                    .and_then(|cells| cells.get(*col))
                    .copied()
                    .flatten();
                value.is_none() && is_null_marker(&text.raw)
            })
            .collect();
        // A row whose cells are all empty at one and the same place: the
        // cells' positions are unknown, so the row is reported once.
        if empty.len() == src.cells.len()
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
            f.table = Some(table.to_owned());
            f.row = Some(row.key().to_owned());
            out.push(f);
            continue;
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
            f.table = Some(table.to_owned());
            f.row = Some(row.key().to_owned());
            f.column = Some(col.key().to_owned());
            out.push(f);
        }
    }
}
