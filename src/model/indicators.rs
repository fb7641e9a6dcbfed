//! One series view across the 2019 break: the few figures that mean the
//! same in a legacy (2008–2018) statistics table and in the standard tables
//! of the 2019/2021 templates.
//!
//! [`Report::indicators`] gives, for each [`IndicatorKey`] the report has a
//! source for, its value and its [`Basis`]: which table, row and column it
//! comes from, and whether the correspondence is exact or approximate (see
//! `docs/model-legacy.md`). Indicators are derived, not stored: they are not
//! part of the report's JSON; [`Report::indicators_json`] gives them as JSON.
//!
//! ```
//! use ogi_report::model::Key;
//!
//! let text = "一、概述\n无。\n二、政府信息公开情况统计表\n\
//!             指标名称\t计量单位\t2016年度\t历年累计\n\
//!             受理依申请公开信息总数\t条\t3\t20\n行政诉讼数\t件\t1\t2\n";
//! let r = ogi_report::parse(text)?;
//! let i = r.indicators();
//! assert_eq!(i[0].indicator.key(), "applications_received");
//! assert_eq!(i[0].value.and_then(|n| n.as_i64()), Some(3));
//! assert_eq!(i[0].basis.source, "legacy_statistics.requests_received.this_year");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

pub use super::keys::IndicatorKey;
use super::keys::{AppCol, AppRow, Key, LegacyCol, LegacyRow, RlGroup, RlOutcome};
use super::{
    ApplicationsTable, LegacyStatisticsTable, Number, Report, ReviewLitigationTable, Str, Table,
};

/// Where an indicator's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    /// `exact` when the source counts the same thing; `approximate` when the
    /// categories differ (docs/model-legacy.md says how).
    pub kind: BasisKind,
    /// The cells summed, `table.row.column` joined by ` + `
    /// (`review_litigation.litigation_direct.total + review_litigation.litigation_after_review.total`).
    pub source: Str,
}

/// Exact or approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasisKind {
    /// Same definition.
    Exact,
    /// Close, but the categories differ.
    Approximate,
}

impl BasisKind {
    /// `exact` or `approximate`.
    pub fn key(self) -> &'static str {
        match self {
            BasisKind::Exact => "exact",
            BasisKind::Approximate => "approximate",
        }
    }
}

/// One indicator of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Which figure.
    pub indicator: IndicatorKey,
    /// The value; `null` when a cell it needs is empty.
    pub value: Option<Number>,
    /// Where it comes from.
    pub basis: Basis,
}

/// Σ of the cells, `None` when one is empty or absent.
fn sum(cells: &[Option<Number>]) -> Option<Number> {
    if cells.iter().any(Option::is_none) {
        return None;
    }
    Number::sum(cells.iter().flatten().copied())
}

fn push(
    out: &mut Vec<Indicator>,
    indicator: IndicatorKey,
    cells: &[(String, Option<Number>)],
    kind: BasisKind,
) {
    let values: Vec<Option<Number>> = cells.iter().map(|c| c.1).collect();
    out.push(Indicator {
        indicator,
        value: sum(&values),
        basis: Basis {
            kind,
            source: cells
                .iter()
                .map(|c| c.0.as_str())
                .collect::<Vec<_>>()
                .join(" + ")
                .into(),
        },
    });
}

impl Report {
    /// The indicators this report has a source for, in [`IndicatorKey`]
    /// order: from the standard tables when the report has them, else from
    /// its legacy statistics table (the year's column).
    pub fn indicators(&self) -> Vec<Indicator> {
        let mut out = Vec::new();
        let legacy = self.tables().find_map(|t| match t {
            Table::LegacyStatistics(l) if l.columns.contains(&LegacyCol::ThisYear) => Some(l),
            _ => None,
        });
        match (self.applications(), legacy) {
            (Some(t), _) => from_applications(&mut out, t),
            (None, Some(l)) => legacy_applications(&mut out, l),
            (None, None) => {}
        }
        match (self.review_litigation(), legacy) {
            (Some(t), _) => from_review_litigation(&mut out, t),
            (None, Some(l)) => legacy_cases(&mut out, l),
            (None, None) => {}
        }
        out
    }

    /// [`Report::indicators`] as a JSON array of
    /// `{"indicator", "value", "basis": {"kind", "source"}}`.
    pub fn indicators_json(&self) -> String {
        serde_json::to_string(&self.indicators()).unwrap_or_else(|_| "[]".to_owned())
    }
}

/// A cell as an indicator's source: its path and value.
type Source = (String, Option<Number>);

/// The total of an applications row.
fn app_total(t: &ApplicationsTable, row: AppRow) -> Source {
    let v = t
        .rows
        .get(&row)
        .and_then(|r| r.get(&AppCol::Total))
        .copied()
        .flatten();
    (format!("applications.{}.total", row.key()), v)
}

/// The total of a review and litigation group.
fn rl_total(t: &ReviewLitigationTable, group: RlGroup) -> Source {
    let v = t
        .groups
        .get(&group)
        .and_then(|r| r.get(&RlOutcome::Total))
        .copied()
        .flatten();
    (format!("review_litigation.{}.total", group.key()), v)
}

/// The year's figure of a legacy row, when the table has the row.
fn legacy_year(t: &LegacyStatisticsTable, row: LegacyRow) -> Option<Source> {
    t.rows.get(&row).map(|r| {
        (
            format!("legacy_statistics.{}.this_year", row.key()),
            r.get(&LegacyCol::ThisYear).copied().flatten(),
        )
    })
}

/// The application indicators of a standard applications table.
fn from_applications(out: &mut Vec<Indicator>, t: &ApplicationsTable) {
    use BasisKind::*;
    use IndicatorKey::*;
    let a = |row| app_total(t, row);
    push(out, ApplicationsReceived, &[a(AppRow::NewReceived)], Exact);
    push(out, ApplicationsGranted, &[a(AppRow::Granted)], Exact);
    push(
        out,
        ApplicationsPartiallyGranted,
        &[a(AppRow::PartiallyGranted)],
        Exact,
    );
    let denied: Vec<Source> = if t.rows.contains_key(&AppRow::DeniedSubtotal) {
        vec![a(AppRow::DeniedSubtotal)]
    } else {
        AppRow::ALL
            .iter()
            .filter(|r| r.key().starts_with("denied_") && **r != AppRow::DeniedSubtotal)
            .filter(|r| t.rows.contains_key(*r))
            .map(|r| a(*r))
            .collect()
    };
    if !denied.is_empty() {
        push(out, ApplicationsDenied, &denied, Approximate);
    }
}

/// The application indicators of a legacy statistics table.
fn legacy_applications(out: &mut Vec<Indicator>, l: &LegacyStatisticsTable) {
    use BasisKind::*;
    use IndicatorKey::*;
    for (k, row) in [
        (ApplicationsReceived, LegacyRow::RequestsReceived),
        (ApplicationsGranted, LegacyRow::RepliesGranted),
        (
            ApplicationsPartiallyGranted,
            LegacyRow::RepliesPartiallyGranted,
        ),
    ] {
        if let Some(c) = legacy_year(l, row) {
            push(out, k, &[c], Exact);
        }
    }
    if let Some(c) = legacy_year(l, LegacyRow::RepliesDenied) {
        push(out, ApplicationsDenied, &[c], Approximate);
    }
}

/// The review and lawsuit indicators of a review and litigation table.
fn from_review_litigation(out: &mut Vec<Indicator>, t: &ReviewLitigationTable) {
    use BasisKind::*;
    use IndicatorKey::*;
    push(out, ReviewCases, &[rl_total(t, RlGroup::Review)], Exact);
    push(
        out,
        Lawsuits,
        &[
            rl_total(t, RlGroup::LitigationDirect),
            rl_total(t, RlGroup::LitigationAfterReview),
        ],
        Exact,
    );
}

/// The review and lawsuit indicators of a legacy statistics table.
fn legacy_cases(out: &mut Vec<Indicator>, l: &LegacyStatisticsTable) {
    use BasisKind::*;
    use IndicatorKey::*;
    if let Some(c) = legacy_year(l, LegacyRow::Reviews) {
        push(out, ReviewCases, &[c], Exact);
    }
    if let Some(c) = legacy_year(l, LegacyRow::Lawsuits) {
        push(out, Lawsuits, &[c], Exact);
    }
}
