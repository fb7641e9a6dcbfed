//! Rules over the applications table (收到和处理政府信息公开申请情况):
//! `applications.balance`, `applications.total_processed`,
//! `applications.row_total` and `applications.other_processing`.

use super::{
    APPLICATIONS_BALANCE, APPLICATIONS_OTHER_PROCESSING, APPLICATIONS_ROW_TOTAL,
    APPLICATIONS_TOTAL_PROCESSED, Operand, Outcome, equation, finding,
};
use crate::model::{
    AppCol, AppRow, ApplicationsTable, Finding, Format, Key, Number, Severity, Span,
};

const TABLE: &str = "applications";

/// The outcome rows common to both formats: （一）（二）, （三）1–8, （四）1–3, （五）1–5.
const COMMON_OUTCOMES: [AppRow; 18] = [
    AppRow::Granted,
    AppRow::PartiallyGranted,
    AppRow::DeniedStateSecret,
    AppRow::DeniedProhibitedByLaw,
    AppRow::DeniedSecurityStability,
    AppRow::DeniedThirdPartyRights,
    AppRow::DeniedInternalAffairs,
    AppRow::DeniedProcessInfo,
    AppRow::DeniedLawEnforcementFile,
    AppRow::DeniedAdministrativeQuery,
    AppRow::UnableNotHeld,
    AppRow::UnableNeedsCreation,
    AppRow::UnableUnclear,
    AppRow::NotProcessedPetition,
    AppRow::NotProcessedDuplicate,
    AppRow::NotProcessedPublication,
    AppRow::NotProcessedExcessive,
    AppRow::NotProcessedConfirmation,
];

/// The three 2021 sub-rows of （六）其他处理.
const OTHER_SUBROWS: [AppRow; 3] = [
    AppRow::OtherNoCorrection,
    AppRow::OtherUnpaidFee,
    AppRow::OtherOther,
];

/// The five 法人或其他组织 columns.
const ORG_COLUMNS: [AppCol; 5] = [
    AppCol::CommercialEnterprise,
    AppCol::ResearchInstitution,
    AppCol::PublicInterestOrg,
    AppCol::LegalServiceOrg,
    AppCol::OtherOrg,
];

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let Some(t) = cx.applications else {
        return;
    };
    let t = &Dense::of(t);
    let seen;
    let cols: &[AppCol] = if t.columns.is_empty() {
        seen = columns(t);
        &seen
    } else {
        &t.columns
    };
    balance(t, cols, out);
    total_processed(report.format, t, cols, out);
    row_total(t, cols, out);
    other_processing(report.format, t, cols, out);
}

const ROWS: usize = AppRow::ALL.len();
const COLS: usize = AppCol::ALL.len();

/// The table with its operands laid out by row and column (each row's
/// maps read once, not looked up per term of every equation).
struct Dense<'a> {
    t: &'a ApplicationsTable,
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
    fn of(t: &'a ApplicationsTable) -> Dense<'a> {
        let mut d = Dense {
            t,
            ops: [[Operand::Absent; COLS]; ROWS],
            present: [false; ROWS],
        };
        for (row, cells) in &t.rows {
            let r = *row as usize;
            d.present[r] = true;
            // as `operand`: a figure; else fused; else empty, at the
            // cell (or, failing that, the row label)
            let src = t.source.get(row);
            let fused = src.is_some_and(|s| s.fused.is_some());
            let label = src.and_then(|s| s.label.as_ref()).map(|l| l.span);
            let ops = &mut d.ops[r];
            ops.fill(if fused {
                Operand::Fused
            } else {
                Operand::Empty(label)
            });
            if let Some(src) = src
                && !fused
            {
                for (col, text) in &src.cells {
                    ops[*col as usize] = Operand::Empty(Some(text.span));
                }
            }
            for (col, v) in cells {
                if let Some(n) = v {
                    ops[*col as usize] = Operand::Value(*n);
                }
            }
        }
        d
    }

    fn has(&self, row: AppRow) -> bool {
        self.present[row as usize]
    }
}

/// The value columns seen in the rows (for a table that declares none).
fn columns(t: &ApplicationsTable) -> Vec<AppCol> {
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

fn op(t: &Dense<'_>, row: AppRow, col: AppCol) -> Operand {
    t.ops[row as usize][col as usize]
}

/// The operands of an equation's side, on the stack (a side has at most
/// [`MAX_TERMS`] terms: the outcome rows of a 2021 table and more).
struct Side {
    ops: [Operand; MAX_TERMS],
    len: usize,
}

const MAX_TERMS: usize = 32;

impl Side {
    fn of(it: impl Iterator<Item = Operand>) -> Side {
        let mut s = Side {
            ops: [Operand::Absent; MAX_TERMS],
            len: 0,
        };
        for o in it.take(MAX_TERMS) {
            s.ops[s.len] = o;
            s.len += 1;
        }
        s
    }
}

impl std::ops::Deref for Side {
    type Target = [Operand];
    fn deref(&self) -> &[Operand] {
        &self.ops[..self.len]
    }
}

fn span_of(t: &Dense<'_>, row: AppRow, col: AppCol) -> Option<Span> {
    super::cell_span(&t.source, row, col).or(Some(t.span))
}

fn base(rule: &'static str, severity: Severity, message: String, span: Option<Span>) -> Finding {
    let mut f = finding(rule, severity, message, span);
    f.table = Some(TABLE.into());
    f
}

/// One note per rule and table when a row it needs is absent.
fn absent_note(
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

fn unchecked_note(
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
fn report_outcome(
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
        Outcome::Unchecked(at) => {
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
fn related(t: &Dense<'_>, terms: &[(AppRow, AppCol)]) -> Vec<crate::model::Related> {
    terms
        .iter()
        .filter_map(|&(r, c)| super::term(&t.rows, &t.source, r, c))
        .collect()
}

fn missing_rows(t: &Dense<'_>, rows: &[AppRow]) -> Vec<AppRow> {
    rows.iter().copied().filter(|r| !t.has(*r)).collect()
}

/// new_received + carried_over = total_processed + carried_forward, per column.
fn balance(t: &Dense<'_>, cols: &[AppCol], out: &mut Vec<Finding>) {
    use AppRow::*;
    let needed = [NewReceived, CarriedOver, TotalProcessed, CarriedForward];
    let missing = missing_rows(t, &needed);
    if !missing.is_empty() {
        absent_note(
            APPLICATIONS_BALANCE,
            "The balance 一+二 = （七）+四",
            t,
            &missing,
            out,
        );
        return;
    }
    for &col in cols {
        let lhs = [op(t, NewReceived, col), op(t, CarriedOver, col)];
        let rhs = [op(t, TotalProcessed, col), op(t, CarriedForward, col)];
        let outcome = equation(&lhs, &rhs);
        report_outcome(
            APPLICATIONS_BALANCE,
            outcome,
            || {
                format!(
                    "In column {col}, the balance new_received + carried_over = total_processed + carried_forward"
                )
            },
            |e, f| {
                format!(
                    "In column {col}, new_received + carried_over is {e} but total_processed + carried_forward is {f}."
                )
            },
            || span_of(t, TotalProcessed, col),
            (TotalProcessed, col),
            (t, || {
                vec![
                    (NewReceived, col),
                    (CarriedOver, col),
                    (TotalProcessed, col),
                    (CarriedForward, col),
                ]
            }),
            out,
        );
    }
}

/// The rows that add up to total_processed: the 2021 sub-rows of （六） when
/// the table has any of them, else the 2019 single row (or, when the table
/// has neither, the row set of the report's format).
fn outcome_rows(format: Format, t: &Dense<'_>) -> &'static [AppRow] {
    const V2019: [AppRow; 19] = outcomes([AppRow::OtherProcessing; 1]);
    const V2021: [AppRow; 21] = outcomes(OTHER_SUBROWS);
    /// The common outcomes followed by `other`.
    const fn outcomes<const M: usize, const N: usize>(other: [AppRow; M]) -> [AppRow; N] {
        let mut rows = [AppRow::Granted; N];
        let mut i = 0;
        while i < N {
            rows[i] = if i < COMMON_OUTCOMES.len() {
                COMMON_OUTCOMES[i]
            } else {
                other[i - COMMON_OUTCOMES.len()]
            };
            i += 1;
        }
        rows
    }
    let has_sub = OTHER_SUBROWS.iter().any(|r| t.has(*r));
    if has_sub || (format == Format::V2021 && !t.has(AppRow::OtherProcessing)) {
        &V2021
    } else {
        &V2019
    }
}

/// total_processed = Σ outcome rows, per column; 小计 rows = Σ their group.
fn total_processed(format: Format, t: &Dense<'_>, cols: &[AppCol], out: &mut Vec<Finding>) {
    let rows = outcome_rows(format, t);
    let missing: Vec<AppRow> = rows
        .iter()
        .chain([&AppRow::TotalProcessed])
        .copied()
        .filter(|r| !t.has(*r))
        .collect();
    if missing.is_empty() {
        for &col in cols {
            let parts = Side::of(rows.iter().map(|&r| op(t, r, col)));
            let whole = [op(t, AppRow::TotalProcessed, col)];
            let terms = || {
                rows.iter()
                    .chain([&AppRow::TotalProcessed])
                    .map(|&r| (r, col))
                    .collect()
            };
            report_outcome(
                APPLICATIONS_TOTAL_PROCESSED,
                equation(&parts, &whole),
                || format!("In column {col}, total_processed = the sum of the outcome rows"),
                |e, f| {
                    format!(
                        "In column {col}, the outcome rows add up to {e} but total_processed is {f}."
                    )
                },
                || span_of(t, AppRow::TotalProcessed, col),
                (AppRow::TotalProcessed, col),
                (t, terms),
                out,
            );
        }
    } else {
        absent_note(
            APPLICATIONS_TOTAL_PROCESSED,
            "The total （七）总计",
            t,
            &missing,
            out,
        );
    }
    subtotals(t, rows, cols, out);
}

/// 小计 rows some reports add: each equals the sum of its group (among the
/// outcome rows `rows`).
fn subtotals(t: &Dense<'_>, rows: &[AppRow], cols: &[AppCol], out: &mut Vec<Finding>) {
    let subtotals = [
        AppRow::DeniedSubtotal,
        AppRow::UnableSubtotal,
        AppRow::NotProcessedSubtotal,
        AppRow::OtherSubtotal,
    ];
    for sub in subtotals {
        if !t.has(sub) {
            continue;
        }
        let group = sub.group();
        let members: Vec<AppRow> = rows
            .iter()
            .copied()
            .filter(|r| r.group().is_some() && r.group() == group && *r != sub)
            .collect();
        if members.is_empty() {
            continue;
        }
        for &col in cols {
            let parts = Side::of(members.iter().map(|&r| op(t, r, col)));
            let outcome = equation(&parts, &[op(t, sub, col)]);
            if matches!(outcome, Outcome::Absent) {
                continue;
            }
            let terms = || members.iter().chain([&sub]).map(|&r| (r, col)).collect();
            report_outcome(
                APPLICATIONS_TOTAL_PROCESSED,
                outcome,
                || format!("In column {col}, the subtotal {sub} = the sum of its group"),
                |e, f| {
                    format!(
                        "In column {col}, the rows of the group add up to {e} but the subtotal {sub} is {f}."
                    )
                },
                || span_of(t, sub, col),
                (sub, col),
                (t, terms),
                out,
            );
        }
    }
}

/// total = Σ six applicant columns, per row; org_subtotal = Σ five org columns.
fn row_total(t: &Dense<'_>, cols: &[AppCol], out: &mut Vec<Finding>) {
    // the template's columns before the total: the six applicant columns
    let applicants: &[AppCol] = &AppCol::TEMPLATE[..6];
    let has = |c: &AppCol| cols.contains(c);
    if has(&AppCol::Total) && !applicants.iter().all(has) {
        let missing: Vec<&str> = applicants
            .iter()
            .filter(|c| !has(c))
            .map(|c| c.key())
            .collect();
        let msg = format!(
            "The row totals cannot be checked because the applications table has no column {}.",
            missing.join(", ")
        );
        let mut f = base(APPLICATIONS_ROW_TOTAL, Severity::Note, msg, Some(t.span));
        f.column = Some(AppCol::Total.key().into());
        out.push(f);
    }
    let total = has(&AppCol::Total) && applicants.iter().all(has);
    let org = has(&AppCol::OrgSubtotal) && ORG_COLUMNS.iter().all(has);
    let checks: [(bool, AppCol, &[AppCol]); 2] = [
        (total, AppCol::Total, applicants),
        (org, AppCol::OrgSubtotal, &ORG_COLUMNS),
    ];
    for &row in t.rows.keys() {
        for (_, whole, parts) in checks.iter().copied().filter(|c| c.0) {
            let p = Side::of(parts.iter().map(|&c| op(t, row, c)));
            let terms = || parts.iter().chain([&whole]).map(|&c| (row, c)).collect();
            report_outcome(
                APPLICATIONS_ROW_TOTAL,
                equation(&p, &[op(t, row, whole)]),
                || format!("In row {row}, the column {whole} = the sum of the applicant columns"),
                |e, f| {
                    format!(
                        "In row {row}, the applicant columns add up to {e} but the {whole} column is {f}."
                    )
                },
                || span_of(t, row, whole),
                (row, whole),
                (t, terms),
                out,
            );
        }
    }
}

/// 2021: a parent （六）其他处理 row (or 小计) next to the three sub-rows must
/// equal their sum and must not be counted twice in total_processed.
fn other_processing(format: Format, t: &Dense<'_>, cols: &[AppCol], out: &mut Vec<Finding>) {
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
    let parts = Side::of(subs.iter().map(|&r| op(t, r, col)));
    let whole = op(t, parent, col);
    let outcome = equation(&parts, &[whole]);
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
    out.extend(double_counted(t, parent, subs, col, (&parts, whole)));
}

/// Double counting: total_processed equals the sum of the outcomes with
/// the parent row added to its sub-rows (`sum`: the sub-rows' operands and
/// the parent's, which holds a value other than 0).
fn double_counted(
    t: &Dense<'_>,
    parent: AppRow,
    subs: &[AppRow],
    col: AppCol,
    sum: (&[Operand], Operand),
) -> Option<Finding> {
    let (parts, whole) = sum;
    let Operand::Value(p) = whole else {
        return None;
    };
    if p.cmp_value(Number::int(0)) == std::cmp::Ordering::Equal {
        return None;
    }
    let common = COMMON_OUTCOMES.iter().map(|&r| op(t, r, col));
    let all = Side::of(common.clone().chain(parts.iter().copied()));
    let without = equation(&all, &[op(t, AppRow::TotalProcessed, col)]);
    let all = Side::of(common.chain(parts.iter().copied()).chain([whole]));
    let with = equation(&all, &[op(t, AppRow::TotalProcessed, col)]);
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
