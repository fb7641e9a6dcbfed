//! `applications.other_processing` (2021): a parent （六）其他处理 row next
//! to its three sub-rows equals their sum and is not counted twice in
//! total_processed.

use super::table::{
    At, Dense, absent_note, base, missing_rows, op, related, report_outcome, span_of,
};
use super::{COMMON_OUTCOMES, OTHER_SUBROWS};
use crate::audit::{APPLICATIONS_OTHER_PROCESSING, Outcome, Read, Term, equation_of};
use crate::model::{AppCol, AppRow, Finding, Format, Key, Number, Severity};

/// 2021: a parent （六）其他处理 row (or 小计) next to the three sub-rows must
/// equal their sum and must not be counted twice in total_processed.
pub(super) fn other_processing(
    format: Format,
    t: &Dense<'_>,
    cols: &[AppCol],
    out: &mut Vec<Finding>,
) {
    let mut present = [AppRow::OtherOther; OTHER_SUBROWS.len()];
    let mut n = 0;
    for r in OTHER_SUBROWS.into_iter().filter(|r| t.has(*r)) {
        present[n] = r;
        n += 1;
    }
    let subs = &present[..n];
    let parent = [AppRow::OtherProcessing, AppRow::OtherSubtotal]
        .into_iter()
        .find(|r| t.has(*r));
    match parent {
        None => {}
        Some(AppRow::OtherProcessing) if subs.is_empty() && format == Format::V2021 => {
            out.push(undivided_other(t));
        }
        Some(_) if subs.is_empty() => {}
        Some(_) if subs.len() < OTHER_SUBROWS.len() => {
            let missing = missing_rows(t, &OTHER_SUBROWS);
            absent_note(
                APPLICATIONS_OTHER_PROCESSING,
                "The （六）其他处理 row",
                t,
                &missing,
                out,
            );
        }
        Some(parent) => {
            for &col in cols {
                other_subrows(t, parent, subs, col, out);
            }
        }
    }
}

/// The note for a 2021 table with one undivided （六）其他处理 row.
fn undivided_other(t: &Dense<'_>) -> Finding {
    let msg = "The 2021 format divides （六）其他处理 into three rows but this table has one undivided row, which is counted as it stands.".to_owned();
    let span = t
        .source
        .get(&AppRow::OtherProcessing)
        .and_then(|s| s.label.as_ref())
        .map(|l| l.span);
    let mut f = base(
        APPLICATIONS_OTHER_PROCESSING,
        Severity::Note,
        msg,
        span.or(Some(t.span)),
    );
    f.row = Some(AppRow::OtherProcessing.key().into());
    f
}

/// In column `col`: the sub-rows `subs` add up to the `parent` row, and
/// total_processed does not count them twice.
fn other_subrows(
    t: &Dense<'_>,
    parent: AppRow,
    subs: &[AppRow],
    col: AppCol,
    out: &mut Vec<Finding>,
) {
    let parts = subs.iter().map(|&r| op(t, r, col));
    let whole = op(t, parent, col);
    let outcome = equation_of(parts, [whole].into_iter());
    if let Outcome::Fails { .. } = outcome {
        let terms = || subs.iter().chain([&parent]).map(|&r| (r, col)).collect();
        report_outcome(
            APPLICATIONS_OTHER_PROCESSING,
            outcome,
            String::new,
            |e, f| {
                format!(
                    "In column {col}, the three （六） sub-rows add up to {e} but the parent row {parent} is {f}."
                )
            },
            || span_of(t, parent, col),
            (parent, col),
            (t, terms),
            out,
        );
        return;
    }
    let common_present = COMMON_OUTCOMES.iter().all(|r| t.has(*r));
    if !common_present || !matches!(outcome, Outcome::Holds) {
        return;
    }
    out.extend(double_counted(t, parent, subs, col, whole));
}

/// Double counting: total_processed equals the sum of the outcomes with
/// the parent row added to its sub-rows (`whole`: the parent's operand,
/// which holds a value other than 0).
fn double_counted(
    t: &Dense<'_>,
    parent: AppRow,
    subs: &[AppRow],
    col: AppCol,
    whole: At<'_>,
) -> Option<Finding> {
    let Read::Value(p) = whole.read() else {
        return None;
    };
    if p.cmp_value(Number::int(0)) == std::cmp::Ordering::Equal {
        return None;
    }
    let common = COMMON_OUTCOMES.iter().map(|&r| op(t, r, col));
    let total = [op(t, AppRow::TotalProcessed, col)];
    let parts = subs.iter().map(|&r| op(t, r, col));
    let all = common.clone().chain(parts.clone());
    let without = equation_of(all, total.into_iter());
    let all = common.chain(parts).chain([whole]);
    let with = equation_of(all, total.into_iter());
    let (Outcome::Fails { expected, found }, Outcome::Holds) = (without, with) else {
        return None;
    };
    let msg = format!(
        "In column {col}, total_processed is {found}, which counts （六）其他处理 twice (parent row and sub-rows); the sub-rows give {expected}."
    );
    let mut f = base(
        APPLICATIONS_OTHER_PROCESSING,
        Severity::Error,
        msg,
        span_of(t, AppRow::TotalProcessed, col),
    );
    f.expected = Some(expected);
    f.found = Some(found);
    f.row = Some(AppRow::TotalProcessed.key().into());
    f.column = Some(col.key().into());
    let terms: Vec<(AppRow, AppCol)> = COMMON_OUTCOMES
        .iter()
        .chain(subs)
        .chain([&parent, &AppRow::TotalProcessed])
        .map(|&r| (r, col))
        .collect();
    f.related = related(t, &terms);
    Some(f)
}
