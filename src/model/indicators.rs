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
use super::{Number, Report, Table};

/// Where an indicator's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    /// `exact` when the source counts the same thing; `approximate` when the
    /// categories differ (docs/model-legacy.md says how).
    pub kind: BasisKind,
    /// The cells summed, `table.row.column` joined by ` + `
    /// (`review_litigation.litigation_direct.total + review_litigation.litigation_after_review.total`).
    pub source: String,
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
                .join(" + "),
        },
    });
}

impl Report {
    /// The indicators this report has a source for, in [`IndicatorKey`]
    /// order: from the standard tables when the report has them, else from
    /// its legacy statistics table (the year's column).
    pub fn indicators(&self) -> Vec<Indicator> {
        use BasisKind::*;
        use IndicatorKey::*;
        let mut out = Vec::new();
        let app = self.applications();
        let rl = self.review_litigation();
        let legacy = self.tables().find_map(|t| match t {
            Table::LegacyStatistics(l) if l.columns.contains(&LegacyCol::ThisYear) => Some(l),
            _ => None,
        });
        let a = |row: AppRow| {
            let v = app
                .and_then(|t| t.rows.get(&row))
                .and_then(|r| r.get(&AppCol::Total))
                .copied()
                .flatten();
            (format!("applications.{}.total", row.key()), v)
        };
        let g = |group: RlGroup| {
            let v = rl
                .and_then(|t| t.groups.get(&group))
                .and_then(|r| r.get(&RlOutcome::Total))
                .copied()
                .flatten();
            (format!("review_litigation.{}.total", group.key()), v)
        };
        let l = |row: LegacyRow| {
            legacy.and_then(|t| t.rows.get(&row)).map(|r| {
                (
                    format!("legacy_statistics.{}.this_year", row.key()),
                    r.get(&LegacyCol::ThisYear).copied().flatten(),
                )
            })
        };
        if let Some(t) = app {
            push(
                &mut out,
                ApplicationsReceived,
                &[a(AppRow::NewReceived)],
                Exact,
            );
            push(&mut out, ApplicationsGranted, &[a(AppRow::Granted)], Exact);
            push(
                &mut out,
                ApplicationsPartiallyGranted,
                &[a(AppRow::PartiallyGranted)],
                Exact,
            );
            let denied: Vec<(String, Option<Number>)> =
                if t.rows.contains_key(&AppRow::DeniedSubtotal) {
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
                push(&mut out, ApplicationsDenied, &denied, Approximate);
            }
        } else if legacy.is_some() {
            for (k, row) in [
                (ApplicationsReceived, LegacyRow::RequestsReceived),
                (ApplicationsGranted, LegacyRow::RepliesGranted),
                (
                    ApplicationsPartiallyGranted,
                    LegacyRow::RepliesPartiallyGranted,
                ),
            ] {
                if let Some(c) = l(row) {
                    push(&mut out, k, &[c], Exact);
                }
            }
            if let Some(c) = l(LegacyRow::RepliesDenied) {
                push(&mut out, ApplicationsDenied, &[c], Approximate);
            }
        }
        if rl.is_some() {
            push(&mut out, ReviewCases, &[g(RlGroup::Review)], Exact);
            push(
                &mut out,
                Lawsuits,
                &[
                    g(RlGroup::LitigationDirect),
                    g(RlGroup::LitigationAfterReview),
                ],
                Exact,
            );
        } else if legacy.is_some() {
            if let Some(c) = l(LegacyRow::Reviews) {
                push(&mut out, ReviewCases, &[c], Exact);
            }
            if let Some(c) = l(LegacyRow::Lawsuits) {
                push(&mut out, Lawsuits, &[c], Exact);
            }
        }
        out
    }

    /// [`Report::indicators`] as a JSON array of
    /// `{"indicator", "value", "basis": {"kind", "source"}}`.
    pub fn indicators_json(&self) -> String {
        serde_json::to_string(&self.indicators()).unwrap_or_else(|_| "[]".to_owned())
    }
}
