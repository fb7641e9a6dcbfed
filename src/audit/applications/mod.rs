//! Rules over the applications table (收到和处理政府信息公开申请情况):
//! `applications.balance`, `applications.total_processed`,
//! `applications.row_total` and `applications.other_processing`.
//!
//! This module holds the sums over rows and columns; [`table`] lays the
//! table out for its equations and writes the findings, [`other`] checks
//! the 2021 （六）其他处理 sub-rows.

mod other;
mod table;

use super::{
    APPLICATIONS_BALANCE, APPLICATIONS_ROW_TOTAL, APPLICATIONS_TOTAL_PROCESSED, Outcome,
    equation_of,
};
use crate::model::{AppCol, AppRow, Finding, Format, Key, Severity};
use other::other_processing;
use table::{Dense, absent_note, base, columns, missing_rows, op, report_outcome, span_of};

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
    let mut dense = Dense::empty(t, &cx.cells);
    dense.fill();
    let t = &dense;
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
        let outcome = equation_of(lhs.into_iter(), rhs.into_iter());
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
            let parts = rows.iter().map(|&r| op(t, r, col));
            let whole = [op(t, AppRow::TotalProcessed, col)];
            let terms = || {
                rows.iter()
                    .chain([&AppRow::TotalProcessed])
                    .map(|&r| (r, col))
                    .collect()
            };
            report_outcome(
                APPLICATIONS_TOTAL_PROCESSED,
                equation_of(parts, whole.into_iter()),
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
            let parts = members.iter().map(|&r| op(t, r, col));
            let outcome = equation_of(parts, [op(t, sub, col)].into_iter());
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
            let p = parts.iter().map(|&c| op(t, row, c));
            let terms = || parts.iter().chain([&whole]).map(|&c| (row, c)).collect();
            report_outcome(
                APPLICATIONS_ROW_TOTAL,
                equation_of(p, [op(t, row, whole)].into_iter()),
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
