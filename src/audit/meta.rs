//! Rules over the report's metadata: `meta.year_mismatch`.
//!
//! The year statements the parser found ([`crate::model::Meta::years`]:
//! title, statistics period, preamble, first sentence of the body) are
//! compared with the year most of them state. Then every sentence of the
//! body (the sections' paragraphs) is read: a year `YYYY年` in a clause that
//! speaks of the reporting period (本年度, 全年, 年内, 本年) and not of plans
//! (将, 计划, 拟, 明年, 下一年) must be the report year.

use super::vocab::{Mask, Pieces};
use super::{META_YEAR_MISMATCH, finding};
use crate::model::{Finding, Number, Paragraph, Report, Severity, YearSource};

/// How much a source is trusted when the counts of two years tie.
fn weight(source: YearSource) -> u8 {
    match source {
        YearSource::Period => 3,
        YearSource::Title => 2,
        YearSource::Body => 1,
        YearSource::Preamble => 0,
    }
}

fn source_name(source: YearSource) -> &'static str {
    match source {
        YearSource::Title => "title",
        YearSource::Period => "statistics period",
        YearSource::Preamble => "preamble",
        YearSource::Body => "body",
    }
}

/// (year, count, best weight) of each year stated, in order of appearance.
pub(super) fn tally(report: &Report) -> Vec<(i32, usize, u8)> {
    let mut tally: Vec<(i32, usize, u8)> = Vec::new();
    for m in &report.meta.years {
        match tally.iter_mut().find(|t| t.0 == m.year) {
            Some(t) => {
                t.1 += 1;
                t.2 = t.2.max(weight(m.source));
            }
            None => tally.push((m.year, 1, weight(m.source))),
        }
    }
    tally
}

/// The year the body's sentences about the reporting period must state:
/// the year most statements give, else the report's year.
pub(super) fn reference(report: &Report, tally: &[(i32, usize, u8)]) -> Option<i32> {
    match tally.iter().max_by_key(|t| (t.1, t.2)) {
        Some(&(reference, _, _)) => Some(reference),
        None => report.meta.year,
    }
}

/// Flags every year mention that disagrees with the year most mentions state
/// (ties broken in favour of the statistics period, then the title, then the body).
/// `body`: the findings of [`paragraph`] over the body, which come first.
/// `tally`: [`tally`] of the report.
pub(super) fn check(
    report: &Report,
    (tally, body): (&[(i32, usize, u8)], Vec<Finding>),
    out: &mut Vec<Finding>,
) {
    let years = &report.meta.years;
    out.extend(body);
    let Some(&(reference, _, _)) = tally.iter().max_by_key(|t| (t.1, t.2)) else {
        return;
    };
    if tally.len() < 2 {
        return;
    }
    let anchor = years
        .iter()
        .filter(|m| m.year == reference)
        .max_by_key(|m| weight(m.source))
        .map(|m| source_name(m.source))
        .unwrap_or("title");
    for m in years.iter().filter(|m| m.year != reference) {
        let msg = format!(
            "The {} states the year {} but the {} and most other statements give {reference}.",
            source_name(m.source),
            m.year,
            anchor
        );
        let mut f = finding(META_YEAR_MISMATCH, Severity::Warning, msg, Some(m.span));
        f.expected = Some(Number::int(reference.into()));
        f.found = Some(Number::int(m.year.into()));
        out.push(f);
    }
}

/// Words that tie a clause to the reporting period.
pub(super) const PERIOD: Mask = Mask::of(&["本年度", "全年", "年内", "本年"]);
/// Words of plans and other years.
const OTHER_TIME: Mask = Mask::of(&["将", "计划", "拟", "明年", "下一年", "下年", "上年", "去年"]);

/// Years `YYYY年` in the clauses about the reporting period of a
/// paragraph of the body (`clauses`: the paragraph's clauses, each with
/// the words of [`super::vocab`] in it).
pub(super) fn paragraph(
    report: &Report,
    reference: i32,
    p: &Paragraph,
    clauses: Pieces<'_>,
    out: &mut Vec<Finding>,
) {
    for (offset, end, w) in clauses {
        if !w.any(PERIOD) || w.any(OTHER_TIME) {
            continue;
        }
        let clause = &p.text[offset..end];
        for_each_year(clause, |at, year| {
            if year == reference {
                return;
            }
            let span = super::narrative::span_in(p, offset + at, 4);
            if report.meta.years.iter().any(|m| m.span.start == span.start) {
                return;
            }
            let msg = format!(
                "A sentence about the reporting period states the year {year} but the report is on {reference}."
            );
            let mut f = finding(META_YEAR_MISMATCH, Severity::Warning, msg, Some(span));
            f.expected = Some(Number::int(reference.into()));
            f.found = Some(Number::int(year.into()));
            out.push(f);
        });
    }
}

/// `(byte offset, year)` of every `YYYY年` (1990–2099, not part of a longer
/// number, not a range such as `2021-2035年` or `2021至2025年`).
#[cfg(test)]
fn years_in(s: &str) -> Vec<(usize, i32)> {
    let mut out = Vec::new();
    for_each_year(s, |at, year| out.push((at, year)));
    out
}

/// Calls `f(byte offset, year)` for each `YYYY年` of `s` (1990–2099, not
/// part of a longer number, not a range such as `2021-2035年` or
/// `2021至2025年`).
fn for_each_year(s: &str, mut f: impl FnMut(usize, i32)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        if digits && before_ok && s[i + 4..].starts_with('年') {
            let prev = s[..i].chars().next_back();
            let range = matches!(
                prev,
                Some('-' | '－' | '—' | '–' | '~' | '～' | '至' | '到')
            );
            let year: i32 = s[i..i + 4].parse().unwrap_or(0);
            if !range && (1990..2100).contains(&year) {
                f(i, year);
            }
            i += 4;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_found() {
        assert_eq!(years_in("本年度（2020年）共主动公开"), [(12, 2020)]);
        assert_eq!(years_in("2021-2035年规划"), []);
        assert_eq!(years_in("12021年"), []);
    }
}
