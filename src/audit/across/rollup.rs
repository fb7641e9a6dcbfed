//! `rollup.sum`: a parent's cells against the sum of its children's, for
//! the same year.

use indexmap::IndexMap;

use super::organs::organ_key;
use super::{Entry, FileFinding, Options, Series, other, own, push, year_span};
use crate::audit::{Operand, ROLLUP_SUM, finding, operand};
use crate::model::table::Values;
use crate::model::{Finding, Key, Number, Report, RowSource, Severity, Span};

/// The cells of one standard table of a report, by `(row, column)` key
/// strings, with the value operand and the span.
type Cells = Vec<((&'static str, &'static str), Operand, Option<Span>)>;

/// A child's organ, file name and tables.
type Child<'a> = (&'a str, &'a str, Vec<(&'static str, Cells)>);

fn cells_of<R: Key, C: Key>(
    values: &Values<R, C>,
    source: &crate::model::RowMap<R, RowSource<C>>,
) -> Cells {
    let mut out = Vec::new();
    for (row, cols) in values {
        for col in cols.keys() {
            out.push((
                (row.key(), col.key()),
                operand(values, source, *row, *col),
                crate::audit::cell_span(source, *row, *col),
            ));
        }
    }
    out
}

/// The three standard tables of a report as cell lists.
fn tables_of(r: &Report) -> Vec<(&'static str, Cells)> {
    let mut out = Vec::new();
    if let Some(t) = r.applications() {
        out.push(("applications", cells_of(&t.rows, &t.source)));
    }
    if let Some(t) = r.review_litigation() {
        out.push(("review_litigation", cells_of(&t.groups, &t.source)));
    }
    if let Some(t) = r.active_disclosure() {
        out.push(("active_disclosure", cells_of(&t.items, &t.source)));
    }
    out
}

/// `rollup.sum`: a parent's cells = the sum of its children's, per year.
pub(super) fn rollup(
    series: &IndexMap<String, Series<'_>>,
    options: &Options,
    out: &mut Vec<FileFinding>,
) {
    for (pk, kids) in &children(options) {
        let Some(ps) = series.get(pk) else {
            continue;
        };
        for parent in ps.by_year() {
            rollup_year(series, ps, parent, kids, out);
        }
    }
}

/// Parent key → child keys (and the names as given), in file order.
fn children(options: &Options) -> IndexMap<String, Vec<(String, String)>> {
    let mut children: IndexMap<String, Vec<(String, String)>> = IndexMap::new();
    for (parent, child) in &options.hierarchy {
        let pk = organ_key(parent, &options.aliases);
        let ck = organ_key(child, &options.aliases);
        let list = children.entry(pk).or_default();
        if !list.iter().any(|(k, _)| *k == ck) {
            list.push((ck, child.clone()));
        }
    }
    children
}

/// One year of a parent (`ps`'s report `parent`) against its children's
/// reports of that year: a note when one is missing, else a warning for
/// each cell that is not their sum.
fn rollup_year(
    series: &IndexMap<String, Series<'_>>,
    ps: &Series<'_>,
    parent: Entry<'_>,
    kids: &[(String, String)],
    out: &mut Vec<FileFinding>,
) {
    let mut found: Vec<(String, Entry<'_>)> = Vec::new();
    let mut missing = Vec::new();
    for (ck, cname) in kids {
        let entry = series
            .get(ck)
            .and_then(|s| s.by_year().into_iter().find(|e| e.year == parent.year));
        match entry {
            Some(e) => found.push((series[ck].organ.clone(), e)),
            None => missing.push(cname.clone()),
        }
    }
    if !missing.is_empty() {
        let msg = format!(
            "The {} figures of {} cannot be checked against its children because there is no {} report of {}.",
            parent.year,
            ps.organ,
            parent.year,
            missing.join(", ")
        );
        let f = finding(ROLLUP_SUM, Severity::Note, msg, year_span(parent.report));
        push(out, parent.name, f);
        return;
    }
    let kid_tables: Vec<Child<'_>> = found
        .iter()
        .map(|(organ, e)| (organ.as_str(), e.name, tables_of(e.report)))
        .collect();
    for (table, cells) in tables_of(parent.report) {
        for (key, whole, span) in cells {
            let Operand::Value(total) = whole else {
                continue;
            };
            let cell = ParentCell {
                table,
                key,
                total,
                span,
            };
            if let Some(f) = rollup_cell(ps, parent, &cell, &kid_tables) {
                push(out, parent.name, f);
            }
        }
    }
}

/// A cell of the parent's report with a value.
struct ParentCell {
    table: &'static str,
    key: (&'static str, &'static str),
    total: Number,
    span: Option<Span>,
}

/// The finding when the children's cells (all with values) do not add up
/// to the parent's `cell`.
fn rollup_cell(
    ps: &Series<'_>,
    parent: Entry<'_>,
    cell: &ParentCell,
    kid_tables: &[Child<'_>],
) -> Option<Finding> {
    let ParentCell {
        table,
        key,
        total,
        span,
    } = *cell;
    let mut parts = Vec::new();
    let mut related = Vec::new();
    for (organ, name, tables) in kid_tables {
        let cell = tables
            .iter()
            .find(|(t, _)| *t == table)
            .and_then(|(_, cs)| cs.iter().find(|(k, _, _)| *k == key));
        match cell {
            Some((_, Operand::Value(n), at)) => {
                parts.push(*n);
                related.extend(other(
                    format!("{organ} {}/{} = {n}", key.0, key.1),
                    *at,
                    name,
                ));
            }
            _ => return None,
        }
    }
    let sum = Number::sum(parts)?;
    if sum.cmp_value(total) == std::cmp::Ordering::Equal {
        return None;
    }
    let files: Vec<&str> = kid_tables.iter().map(|(_, n, _)| *n).collect();
    let msg = format!(
        "{} {}: the {table} cell {}/{} is {total} but its children's add up to {sum} ({}).",
        ps.organ,
        parent.year,
        key.0,
        key.1,
        files.join(", ")
    );
    let mut f = finding(ROLLUP_SUM, Severity::Warning, msg, span);
    f.expected = Some(sum);
    f.found = Some(total);
    f.table = Some(table.into());
    f.row = Some(key.0.into());
    f.column = Some(key.1.into());
    f.related = own(format!("{} {}/{} = {total}", ps.organ, key.0, key.1), span)
        .into_iter()
        .chain(related)
        .collect();
    Some(f)
}
