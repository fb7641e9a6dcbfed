//! The rules over one organ's series: `series.duplicate`, `series.gap`,
//! `series.carry_over`, `series.stock_flow`.

use super::{Entry, FileFinding, Series, other, own, push, year_span};
use crate::audit::{
    Operand, SERIES_CARRY_OVER, SERIES_DUPLICATE, SERIES_GAP, SERIES_STOCK_FLOW, finding, operand,
};
use crate::model::table::Values;
use crate::model::{
    ActiveDisclosureTable, AdField, AdItem, AppCol, AppRow, Finding, Key, Number, RowSource,
    Severity, Span,
};

/// `series.duplicate`: a second report for one organ and year.
pub(crate) fn duplicate(s: &Series<'_>, out: &mut Vec<FileFinding>) {
    for pair in s.entries.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        if first.year != second.year {
            continue;
        }
        let msg = format!(
            "{} has two reports for {}: {} and {}.",
            s.organ, second.year, first.name, second.name
        );
        let span = year_span(second.report);
        let mut f = finding(SERIES_DUPLICATE, Severity::Warning, msg, span);
        f.related = [
            own(format!("{} {}", second.name, second.year), span),
            other(
                format!("{} {}", first.name, first.year),
                year_span(first.report),
                first.name,
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        push(out, second.name, f);
    }
}

/// `series.gap`: years missing between two reports of an organ.
pub(crate) fn gap(s: &Series<'_>, out: &mut Vec<FileFinding>) {
    for pair in s.by_year().windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.year <= a.year + 1 {
            continue;
        }
        let missing = if b.year == a.year + 2 {
            format!("{}", a.year + 1)
        } else {
            format!("{}–{}", a.year + 1, b.year - 1)
        };
        let msg = format!(
            "{} has reports for {} ({}) and {} ({}) but none for {missing}.",
            s.organ, a.year, a.name, b.year, b.name
        );
        let span = year_span(b.report);
        let mut f = finding(SERIES_GAP, Severity::Note, msg, span);
        f.related = [
            own(format!("{}", b.year), span),
            other(format!("{}", a.year), year_span(a.report), a.name),
        ]
        .into_iter()
        .flatten()
        .collect();
        push(out, b.name, f);
    }
}

/// `series.carry_over`: this year's carried_over = last year's
/// carried_forward, per applicant column.
pub(crate) fn carry_over(s: &Series<'_>, out: &mut Vec<FileFinding>) {
    for (prev, cur) in s.consecutive() {
        let (Some(p), Some(c)) = (prev.report.applications(), cur.report.applications()) else {
            continue;
        };
        if !p.rows.contains_key(&AppRow::CarriedForward)
            || !c.rows.contains_key(&AppRow::CarriedOver)
        {
            continue;
        }
        let cols: Vec<AppCol> = c
            .rows
            .get(&AppRow::CarriedOver)
            .map(|cells| cells.keys().copied().collect())
            .unwrap_or_default();
        for col in cols {
            let before = operand(&p.rows, &p.source, AppRow::CarriedForward, col);
            let now = operand(&c.rows, &c.source, AppRow::CarriedOver, col);
            let here =
                crate::audit::cell_span(&c.source, AppRow::CarriedOver, col).or(Some(c.span));
            let there = crate::audit::cell_span(&p.source, AppRow::CarriedForward, col);
            let mut f = match (before, now) {
                (Operand::Value(b), Operand::Value(n)) => {
                    if b.cmp_value(n) == std::cmp::Ordering::Equal {
                        continue;
                    }
                    let msg = format!(
                        "In column {col}, {} carries over {n} application(s) from {} but the {} report ({}) carried forward {b}.",
                        cur.year, prev.year, prev.year, prev.name
                    );
                    let mut f = finding(SERIES_CARRY_OVER, Severity::Error, msg, here);
                    f.expected = Some(b);
                    f.found = Some(n);
                    f
                }
                (Operand::Empty(at, _), _) | (_, Operand::Empty(at, _)) => {
                    let msg = format!(
                        "In column {col}, the carry-over from {} ({}) to {} cannot be checked because a cell it needs is empty.",
                        prev.year, prev.name, cur.year
                    );
                    let span = if matches!(now, Operand::Empty(..)) {
                        at.or(here)
                    } else {
                        here
                    };
                    finding(SERIES_CARRY_OVER, Severity::Note, msg, span)
                }
                _ => continue,
            };
            f.table = Some("applications".into());
            f.row = Some(AppRow::CarriedOver.key().into());
            f.column = Some(col.key().into());
            f.related = [
                crate::audit::term(&c.rows, &c.source, AppRow::CarriedOver, col).map(|mut r| {
                    r.label = format!("{} {}", cur.year, r.label).into();
                    r
                }),
                crate::audit::term(&p.rows, &p.source, AppRow::CarriedForward, col)
                    .and_then(|r| other(format!("{} {}", prev.year, r.label), there, prev.name)),
            ]
            .into_iter()
            .flatten()
            .collect();
            push(out, cur.name, f);
        }
    }
}

/// True when a remark or note of the active-disclosure table explains a
/// stock that does not follow the flows (含自然失效, 到期失效 …).
fn explained(t: &ActiveDisclosureTable, item: AdItem) -> bool {
    let remark = t
        .remarks
        .get(&item)
        .is_some_and(|m| m.values().any(|r| r.contains("失效")));
    let note = t.fragments.iter().any(|f| f.raw.contains("失效"));
    let raw = t
        .source
        .get(&item)
        .is_some_and(|s| s.cells.values().any(|c| c.raw.contains("失效")));
    remark || note || raw
}

/// `series.stock_flow`: last in_force + issued − repealed = in_force, for
/// regulations and normative documents.
pub(crate) fn stock_flow(s: &Series<'_>, out: &mut Vec<FileFinding>) {
    for (prev, cur) in s.consecutive() {
        let (Some(p), Some(c)) = (
            prev.report.active_disclosure(),
            cur.report.active_disclosure(),
        ) else {
            continue;
        };
        for item in [AdItem::Regulations, AdItem::NormativeDocuments] {
            let years = Years { prev, cur };
            if let Some(f) = stock_flow_item(years, p, c, item) {
                push(out, cur.name, f);
            }
        }
    }
}

/// Two reports of consecutive years.
#[derive(Clone, Copy)]
struct Years<'a> {
    prev: Entry<'a>,
    cur: Entry<'a>,
}

/// The stock-flow finding for one item of two consecutive years' tables
/// `p` and `c`, if any.
fn stock_flow_item(
    years: Years<'_>,
    p: &ActiveDisclosureTable,
    c: &ActiveDisclosureTable,
    item: AdItem,
) -> Option<Finding> {
    let val = |v: &Values<AdItem, AdField>,
               src: &crate::model::RowMap<AdItem, RowSource<AdField>>,
               f| { operand(v, src, item, f) };
    let last = val(&p.items, &p.source, AdField::InForce);
    let issued = val(&c.items, &c.source, AdField::Issued);
    let repealed = val(&c.items, &c.source, AdField::Repealed);
    let now = val(&c.items, &c.source, AdField::InForce);
    let has = |v: &Values<AdItem, AdField>, f: AdField| {
        v.get(&item).is_some_and(|cells| cells.contains_key(&f))
    };
    // the 2021 fields in both reports (the 2019 format has no stock)
    if !has(&p.items, AdField::InForce)
        || ![AdField::Issued, AdField::Repealed, AdField::InForce]
            .iter()
            .all(|f| has(&c.items, *f))
    {
        return None;
    }
    let ops = [last, issued, repealed, now];
    if ops
        .iter()
        .any(|o| matches!(o, Operand::Absent | Operand::Fused))
    {
        return None;
    }
    let here = crate::audit::cell_span(&c.source, item, AdField::InForce).or(Some(c.span));
    let (prev, cur) = (years.prev, years.cur);
    let mut f = if let Some(at) = ops.iter().find_map(|o| match o {
        Operand::Empty(at, _) => Some(*at),
        _ => None,
    }) {
        let msg = format!(
            "The {item} stock from {} ({}) to {} cannot be checked because a cell it needs is empty.",
            prev.year, prev.name, cur.year
        );
        finding(SERIES_STOCK_FLOW, Severity::Note, msg, at.or(here))
    } else {
        stock_mismatch(years, c, item, ops, here)?
    };
    f.table = Some("active_disclosure".into());
    f.row = Some(item.key().into());
    f.column = Some(AdField::InForce.key().into());
    let term = |t: &ActiveDisclosureTable, field, year: i32| {
        crate::audit::term(&t.items, &t.source, item, field).map(|mut r| {
            r.label = format!("{year} {}", r.label).into();
            r
        })
    };
    f.related = [
        term(p, AdField::InForce, prev.year).map(|mut r| {
            r.file = Some(prev.name.into());
            r
        }),
        term(c, AdField::Issued, cur.year),
        term(c, AdField::Repealed, cur.year),
        term(c, AdField::InForce, cur.year),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(f)
}

/// The finding when last year's stock + issued − repealed (`ops`: those
/// three and this year's stock, all values) is not this year's stock: a
/// note when a remark explains it (失效), else a warning. `None` when they
/// agree or are not whole numbers.
fn stock_mismatch(
    years: Years<'_>,
    c: &ActiveDisclosureTable,
    item: AdItem,
    ops: [Operand; 4],
    here: Option<Span>,
) -> Option<Finding> {
    let (prev, cur) = (years.prev, years.cur);
    let v = |o: Operand| match o {
        Operand::Value(n) => n.as_i64(),
        _ => None,
    };
    let [last, issued, repealed, now] = ops;
    let (Some(l), Some(i), Some(r), Some(n)) = (v(last), v(issued), v(repealed), v(now)) else {
        return None;
    };
    let expected = l.checked_add(i).and_then(|x| x.checked_sub(r))?;
    if expected == n {
        return None;
    }
    let note = explained(c, item);
    let msg = format!(
        "{item}: {} in force at the end of {} ({}) + {i} issued − {r} repealed is {expected}, but {} reports {n} in force{}.",
        l,
        prev.year,
        prev.name,
        cur.year,
        if note {
            " (a remark mentions 失效, documents that lapsed without repeal)"
        } else {
            ""
        }
    );
    let severity = if note {
        Severity::Note
    } else {
        Severity::Warning
    };
    let mut f = finding(SERIES_STOCK_FLOW, severity, msg, here);
    f.expected = Some(Number::int(expected));
    f.found = Some(Number::int(n));
    Some(f)
}
