//! Rules over the legacy (2008–2018) statistics table
//! (政府信息公开情况统计表): `legacy.channels_le_total`, `legacy.replies_sum`,
//! `legacy.cumulative_ge_year`; and the cross-year continuity of `cumulative`
//! ([`cumulative_carry`], `legacy.cumulative_carry`) for `audit::across`.
//!
//! Empty cells are never zero: an equation that needs one reports a `note`.

use crate::model::RowMap;

use super::{Rule, finding};
use crate::model::{
    Finding, Key, LegacyCol, LegacyRow, LegacyRowSource, LegacyStatisticsTable, Number, Report,
    Severity, Span,
};

/// `legacy.channels_le_total`.
pub const LEGACY_CHANNELS_LE_TOTAL: &str = "legacy.channels_le_total";
/// `legacy.replies_sum`.
pub const LEGACY_REPLIES_SUM: &str = "legacy.replies_sum";
/// `legacy.cumulative_ge_year`.
pub const LEGACY_CUMULATIVE_GE_YEAR: &str = "legacy.cumulative_ge_year";
/// `legacy.cumulative_carry`.
pub const LEGACY_CUMULATIVE_CARRY: &str = "legacy.cumulative_carry";

/// The catalogue entries of the legacy rules.
pub(super) const RULES: [Rule; 4] = [
    Rule {
        id: LEGACY_CHANNELS_LE_TOTAL,
        severity: Severity::Error,
        summary: "In a legacy statistics table the 其中 rows do not exceed their total, per column: website + gazette ≤ proactive_items; the request channels ≤ requests_received.",
        derives_from: "implied by the legacy 统计表 (其中：1、… 2、… are parts of the row above)",
    },
    Rule {
        id: LEGACY_REPLIES_SUM,
        severity: Severity::Error,
        summary: "In a legacy statistics table that lists the outcomes 同意公开, 同意部分公开 and 不予公开/否决公开 (and 其他类型 where present), they add up to 对申请的答复总数, per column.",
        derives_from: "implied by the legacy 统计表 (对申请的答复总数 其中：1、同意公开 2、同意部分公开 3、不予公开 4、其他类型)",
    },
    Rule {
        id: LEGACY_CUMULATIVE_GE_YEAR,
        severity: Severity::Error,
        summary: "In every row of a legacy statistics table the 历年累计 figure is at least the year's figure.",
        derives_from: "implied by the legacy 统计表 (历年累计 includes the report year)",
    },
    Rule {
        id: LEGACY_CUMULATIVE_CARRY,
        severity: Severity::Warning,
        summary: "Across consecutive years of one organ, last year's 历年累计 plus this year's figure equals this year's 历年累计 (run by audit::across).",
        derives_from: "implied by the legacy 统计表 (历年累计 is a running total)",
    },
];

const TABLE: &str = "legacy_statistics";

const REPLY_OUTCOMES: [LegacyRow; 4] = [
    LegacyRow::RepliesGranted,
    LegacyRow::RepliesPartiallyGranted,
    LegacyRow::RepliesDenied,
    LegacyRow::RepliesOther,
];

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    for &t in &cx.tables {
        if let crate::model::Table::LegacyStatistics(t) = t {
            check_table(t, out);
        }
    }
}

fn check_table(t: &LegacyStatisticsTable, out: &mut Vec<Finding>) {
    for col in t.columns.iter().copied() {
        check_parts(t, col, out);
        check_replies(t, col, out);
    }
    check_cumulative(t, out);
}

/// `legacy.channels_le_total`: the channels of 主动公开 and of the
/// applications add up to no more than their whole, in column `col`.
fn check_parts(t: &LegacyStatisticsTable, col: LegacyCol, out: &mut Vec<Finding>) {
    use LegacyRow::*;
    for (whole, parts) in [
        (ProactiveItems, &[ProactiveWebsite, ProactiveGazette][..]),
        (
            RequestsReceived,
            &[
                RequestsInPerson,
                RequestsOnline,
                RequestsLetterFax,
                RequestsLetter,
                RequestsFax,
                RequestsEmail,
                RequestsOther,
            ][..],
        ),
    ] {
        let present: Vec<LegacyRow> = parts
            .iter()
            .copied()
            .filter(|p| t.rows.contains_key(p))
            .collect();
        if present.is_empty() || !t.rows.contains_key(&whole) {
            continue;
        }
        match sum(t, &present, whole, col) {
            Sum::Values(s, w) if s.cmp_value(w) == std::cmp::Ordering::Greater => {
                let mut f = finding(
                    LEGACY_CHANNELS_LE_TOTAL,
                    Severity::Error,
                    format!(
                        "The parts of {} ({}) add up to {s}, more than its {} of {w}.",
                        whole.key(),
                        present
                            .iter()
                            .map(|p| p.key())
                            .collect::<Vec<_>>()
                            .join(" + "),
                        col.key()
                    ),
                    span(t, whole, col),
                );
                fill(&mut f, whole, col, w, s);
                out.push(f);
            }
            Sum::Empty(at) => out.push(unchecked(LEGACY_CHANNELS_LE_TOTAL, whole, col, at)),
            _ => {}
        }
    }
}

/// `legacy.replies_sum`: the replies by outcome add up to replies_total,
/// in column `col` (when the outcomes are listed).
fn check_replies(t: &LegacyStatisticsTable, col: LegacyCol, out: &mut Vec<Finding>) {
    use LegacyRow::*;
    let listed = [RepliesGranted, RepliesPartiallyGranted, RepliesDenied]
        .iter()
        .all(|r| t.rows.contains_key(r));
    if listed && t.rows.contains_key(&RepliesTotal) {
        let present: Vec<LegacyRow> = REPLY_OUTCOMES
            .iter()
            .copied()
            .filter(|p| t.rows.contains_key(p))
            .collect();
        match sum(t, &present, RepliesTotal, col) {
            Sum::Values(s, w) if s.cmp_value(w) != std::cmp::Ordering::Equal => {
                let mut f = finding(
                    LEGACY_REPLIES_SUM,
                    Severity::Error,
                    format!(
                        "The replies by outcome add up to {s} but replies_total ({}) is {w}.",
                        col.key()
                    ),
                    span(t, RepliesTotal, col),
                );
                fill(&mut f, RepliesTotal, col, s, w);
                out.push(f);
            }
            Sum::Empty(at) => out.push(unchecked(LEGACY_REPLIES_SUM, RepliesTotal, col, at)),
            _ => {}
        }
    }
}

/// `legacy.cumulative_ge_year`: 历年累计 ≥ the year, in every row.
fn check_cumulative(t: &LegacyStatisticsTable, out: &mut Vec<Finding>) {
    if t.columns.contains(&LegacyCol::ThisYear) && t.columns.contains(&LegacyCol::Cumulative) {
        let keyed = t.rows.iter().map(|(k, v)| (Some(*k), v, t.source.get(k)));
        let others = t
            .other_rows
            .iter()
            .map(|o| (None, &o.values, Some(&o.source)));
        for (key, values, src) in keyed.chain(others) {
            let (Some(Some(y)), Some(Some(c))) = (
                values.get(&LegacyCol::ThisYear),
                values.get(&LegacyCol::Cumulative),
            ) else {
                continue;
            };
            if c.cmp_value(*y) == std::cmp::Ordering::Less {
                let name = key.map_or_else(
                    || {
                        src.and_then(|s| s.label.as_ref())
                            // white space in a label is layout (equality ignores it)
                            .map_or_else(String::new, |l| crate::text::space::without_space(&l.raw))
                    },
                    |k| k.key().to_owned(),
                );
                let at = src
                    .and_then(|s| s.cells.get(&LegacyCol::Cumulative))
                    .map(|c| c.span);
                let mut f = finding(
                    LEGACY_CUMULATIVE_GE_YEAR,
                    Severity::Error,
                    format!("{name}: the running total {c} is less than the year's {y}."),
                    at.or(Some(t.span)),
                );
                f.table = Some(TABLE.into());
                f.row = key.map(|k| k.key().into());
                f.column = Some(LegacyCol::Cumulative.key().into());
                f.expected = Some(*y);
                f.found = Some(*c);
                out.push(f);
            }
        }
    }
}

enum Sum {
    /// Σ parts and the whole.
    Values(Number, Number),
    /// A cell is empty (where, if known).
    Empty(Option<Span>),
    /// Overflow.
    Skip,
}

fn sum(t: &LegacyStatisticsTable, parts: &[LegacyRow], whole: LegacyRow, col: LegacyCol) -> Sum {
    let get = |r: LegacyRow| t.rows.get(&r).and_then(|v| v.get(&col)).copied().flatten();
    let mut vals = Vec::with_capacity(parts.len());
    for r in parts.iter().copied().chain([whole]) {
        match get(r) {
            Some(n) => vals.push(n),
            None => return Sum::Empty(span(t, r, col)),
        }
    }
    let w = vals.pop();
    match (Number::sum(vals), w) {
        (Some(s), Some(w)) => Sum::Values(s, w),
        _ => Sum::Skip,
    }
}

fn span(t: &LegacyStatisticsTable, row: LegacyRow, col: LegacyCol) -> Option<Span> {
    let s: &LegacyRowSource = t.source.get(&row)?;
    s.cells
        .get(&col)
        .map(|c| c.span)
        .or_else(|| s.label.as_ref().map(|l| l.span))
        .or(Some(t.span))
}

fn fill(f: &mut Finding, row: LegacyRow, col: LegacyCol, expected: Number, found: Number) {
    f.table = Some(TABLE.into());
    f.row = Some(row.key().into());
    f.column = Some(col.key().into());
    f.expected = Some(expected);
    f.found = Some(found);
}

fn unchecked(rule: &'static str, row: LegacyRow, col: LegacyCol, at: Option<Span>) -> Finding {
    let mut f = finding(
        rule,
        Severity::Note,
        format!(
            "The {} sum of {} cannot be checked because a cell it needs is empty.",
            col.key(),
            row.key()
        ),
        at,
    );
    f.table = Some(TABLE.into());
    f.row = Some(row.key().into());
    f.column = Some(col.key().into());
    f
}

/// Cross-year continuity of `cumulative`: for every keyed row present in
/// both years' legacy statistics tables with all three figures,
/// `prev.cumulative + this.this_year = this.cumulative`. `prev` is the
/// report of the year before `this` (same organ); the findings are on
/// `this`. Returns nothing when either report lacks a legacy table or the
/// years are not consecutive.
///
/// `audit::across` runs it on each consecutive pair of a series
/// (`ogi audit --across`).
pub(crate) fn cumulative_carry(prev: &Report, this: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    let (Some(a), Some(b)) = (prev.legacy_statistics(), this.legacy_statistics()) else {
        return out;
    };
    if let (Some(ya), Some(yb)) = (prev.meta.year, this.meta.year)
        && yb != ya + 1
    {
        return out;
    }
    let cum = |v: &RowMap<LegacyCol, Option<Number>>, c: LegacyCol| v.get(&c).copied().flatten();
    for (row, vb) in &b.rows {
        let Some(va) = a.rows.get(row) else { continue };
        let (Some(last), Some(year), Some(now)) = (
            cum(va, LegacyCol::Cumulative),
            cum(vb, LegacyCol::ThisYear),
            cum(vb, LegacyCol::Cumulative),
        ) else {
            continue;
        };
        let Some(expected) = last.checked_add(year) else {
            continue;
        };
        if expected.cmp_value(now) != std::cmp::Ordering::Equal {
            let mut f = finding(
                LEGACY_CUMULATIVE_CARRY,
                Severity::Warning,
                format!(
                    "{}: last year's running total {last} plus this year's {year} is {expected}, but the running total is {now}.",
                    row.key()
                ),
                span(b, *row, LegacyCol::Cumulative),
            );
            fill(&mut f, *row, LegacyCol::Cumulative, expected, now);
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(year: i32, rows: &str) -> Report {
        let text = format!(
            "{year}年政府信息公开工作年度报告\n一、概述\n无。\n二、政府信息公开情况统计表\n指标名称\t计量单位\t{year}年度\t历年累计\n{rows}"
        );
        crate::parse(&text).unwrap()
    }

    #[test]
    fn carry_over_of_the_running_total() {
        let a = report(2015, "主动公开文件数\t条\t10\t100\n行政复议数\t件\t0\t2\n");
        let b = report(2016, "主动公开文件数\t条\t5\t105\n行政复议数\t件\t1\t2\n");
        let f = cumulative_carry(&a, &b);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].row.as_deref(), Some("reviews"));
        assert_eq!(f[0].expected, Some(Number::int(3)));
        // not consecutive: nothing
        let c = report(2018, "主动公开文件数\t条\t5\t1\n");
        assert!(cumulative_carry(&a, &c).is_empty());
    }

    #[test]
    fn sums_and_running_totals() {
        let r = report(
            2015,
            "主动公开文件数\t条\t10\t100\n其中：1、政府网站公开数\t条\t11\t90\n受理依申请公开信息总数\t条\t3\t2\n对申请的答复总数\t条\t3\t3\n其中：1、同意公开答复数\t条\t1\t1\n2、同意部分公开答复数\t条\t1\t1\n3、不予公开答复数\t条\t0\t0\n",
        );
        let ids: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("legacy."))
            .map(|f| (f.rule.as_str(), f.row.as_deref(), f.column.as_deref()))
            .collect();
        assert!(
            ids.contains(&(
                LEGACY_CHANNELS_LE_TOTAL,
                Some("proactive_items"),
                Some("this_year")
            )),
            "{ids:?}"
        );
        assert!(
            ids.contains(&(
                LEGACY_CUMULATIVE_GE_YEAR,
                Some("requests_received"),
                Some("cumulative")
            )),
            "{ids:?}"
        );
        assert!(
            ids.contains(&(LEGACY_REPLIES_SUM, Some("replies_total"), Some("this_year"))),
            "{ids:?}"
        );
        assert!(
            ids.contains(&(
                LEGACY_REPLIES_SUM,
                Some("replies_total"),
                Some("cumulative")
            )),
            "{ids:?}"
        );
        assert_eq!(ids.len(), 4, "{ids:?}");
    }
}
