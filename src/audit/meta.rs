//! Rules over the report's metadata: `meta.year_mismatch`.

use super::{META_YEAR_MISMATCH, finding};
use crate::model::{Finding, Number, Report, Severity, YearSource};

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
    if tally.len() < 2 {
        return;
    }
    let Some(&(reference, _, _)) = tally.iter().max_by_key(|t| (t.1, t.2)) else {
        return;
    };
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
