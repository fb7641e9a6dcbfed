//! Rules over the report's metadata: `meta.year_mismatch`.
//!
//! The year statements the parser found ([`crate::model::Meta::years`]:
//! title, statistics period, preamble, first sentence of the body) are
//! compared with the year most of them state. Then every sentence of the
//! body (the sections' paragraphs) is read: a year `YYYY年` in a clause that
//! speaks of the reporting period (本年度, 全年, 年内, 本年) and not of plans
//! (将, 计划, 拟, 明年, 下一年) must be the report year.

use super::{META_YEAR_MISMATCH, finding};
use crate::model::{Block, Finding, Number, Paragraph, Report, Severity, YearSource};

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

/// Flags every year mention that disagrees with the year most mentions state
/// (ties broken in favour of the statistics period, then the title, then the body).
pub(super) fn check(report: &Report, out: &mut Vec<Finding>) {
    let years = &report.meta.years;
    // (year, count, best weight)
    let mut tally: Vec<(i32, usize, u8)> = Vec::new();
    for m in years {
        match tally.iter_mut().find(|t| t.0 == m.year) {
            Some(t) => {
                t.1 += 1;
                t.2 = t.2.max(weight(m.source));
            }
            None => tally.push((m.year, 1, weight(m.source))),
        }
    }
    let Some(&(reference, _, _)) = tally.iter().max_by_key(|t| (t.1, t.2)) else {
        if let Some(year) = report.meta.year {
            body(report, year, out);
        }
        return;
    };
    body(report, reference, out);
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
const PERIOD: [&str; 4] = ["本年度", "全年", "年内", "本年"];
/// Words of plans and other years.
const OTHER_TIME: [&str; 8] = ["将", "计划", "拟", "明年", "下一年", "下年", "上年", "去年"];

fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Paragraph>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Subsection(s) => walk(&s.blocks, out),
            _ => {}
        }
    }
}

/// Years `YYYY年` in body clauses about the reporting period.
fn body(report: &Report, reference: i32, out: &mut Vec<Finding>) {
    let mut paragraphs = Vec::new();
    for s in &report.sections {
        walk(&s.blocks, &mut paragraphs);
    }
    let known: Vec<u32> = report.meta.years.iter().map(|m| m.span.start).collect();
    for p in paragraphs {
        let text = &p.text;
        let mut start = 0;
        for clause in text.split_inclusive(['。', '；', ';', '，', ',', '！', '？']) {
            let offset = start;
            start += clause.len();
            if !PERIOD.iter().any(|w| clause.contains(w))
                || OTHER_TIME.iter().any(|w| clause.contains(w))
            {
                continue;
            }
            for (at, year) in years_in(clause) {
                if year == reference {
                    continue;
                }
                let span = super::narrative::span_in(p, offset + at, 4);
                if known.contains(&span.start) {
                    continue;
                }
                let msg = format!(
                    "A sentence about the reporting period states the year {year} but the report is on {reference}."
                );
                let mut f = finding(META_YEAR_MISMATCH, Severity::Warning, msg, Some(span));
                f.expected = Some(Number::int(reference.into()));
                f.found = Some(Number::int(year.into()));
                out.push(f);
            }
        }
    }
}

/// `(byte offset, year)` of every `YYYY年` (1990–2099, not part of a longer
/// number, not a range such as `2021-2035年` or `2021至2025年`).
fn years_in(s: &str) -> Vec<(usize, i32)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
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
                out.push((i, year));
            }
            i += 4;
            continue;
        }
        i += 1;
    }
    out
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
