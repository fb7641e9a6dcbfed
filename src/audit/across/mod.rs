//! The audit across reports: one organ's reports over the years, and a
//! parent's report against its children's.
//!
//! [`across`] takes named reports ([`Input`]: a file name and a parsed
//! [`Report`]) and returns [`FileFinding`]s: a [`Finding`] filed under the
//! report it points into. A finding that compares two reports names both
//! files in its message and lists the cells it compares in
//! [`Finding::related`]; a related span in another report carries that
//! report's name in [`Related::file`].
//!
//! **Grouping.** Reports are grouped by organ ([`Meta::organ`](crate::Meta))
//! after [`normalize_organ`], then ordered by [`Meta::year`](crate::Meta)
//! (reports of one year in input order). A report without an organ or a year
//! cannot be placed and is left out. [`Options::aliases`] maps other names
//! of an organ onto one.
//!
//! **Rules** (ids permanent, see [`super::rules`]):
//! * `series.carry_over` (error): this year's carried_over = last year's
//!   carried_forward, per applicant column;
//! * `series.stock_flow` (warning): for regulations and normative documents,
//!   last year's in_force + this year's issued − repealed = this year's
//!   in_force; a note instead when a remark of the table mentions 失效
//!   (含自然失效: documents that lapsed without being repealed);
//! * `series.gap` (note): a year missing between two reports of an organ;
//! * `series.duplicate` (warning): two reports for one organ and year;
//! * `rollup.sum` (warning): with [`Options::hierarchy`], a parent's cells
//!   equal the sum of its children's for the same year; a note when a
//!   child's report for that year is missing.
//!
//! Consecutive-year rules compare the first report of each year. As in the
//! single-report audit an empty cell is never zero (a note says what cannot
//! be checked), and rows whose digits ran together are skipped.
//!
//! **More rules.** A rule over one organ's ordered series is a
//! [`SeriesRule`]; adding one is one line in `SERIES_RULES`.
//!
//! One job a file: `organs` (organ names: normalised, aliases, pairs
//! files), `series` (one organ's reports by year), `series_rules` (the
//! rules over one series), `rollup` (a parent against its children); this
//! file holds the inputs and outputs, the run, and the helpers the rules
//! share.

mod organs;
mod rollup;
mod series;
mod series_rules;

use serde::{Deserialize, Serialize};

pub use organs::{normalize_organ, read_pairs};
pub use series::{Entry, Series, group};

use crate::model::{Finding, Related, Report, Span, YearSource};
use rollup::rollup;
use series_rules::{carry_over, duplicate, gap, stock_flow};

/// One report of the set and the name its findings are filed under
/// (usually its file path).
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file name or label.
    pub name: &'a str,
    /// The parsed report.
    pub report: &'a Report,
}

impl<'a> Input<'a> {
    /// A named report.
    pub fn new(name: &'a str, report: &'a Report) -> Self {
        Input { name, report }
    }
}

/// What [`across_with`] needs besides the reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `(organ, alias)` pairs: a report whose organ is `alias` is grouped
    /// with `organ` (both compared after [`normalize_organ`]).
    pub aliases: Vec<(String, String)>,
    /// `(parent, child)` pairs of organ names for `rollup.sum`.
    pub hierarchy: Vec<(String, String)>,
}

/// A cross-report finding and the report it is filed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFinding {
    /// The [`Input::name`] of the report the finding's span points into.
    pub file: String,
    /// The finding.
    pub finding: Finding,
}

/// A rule over one organ's reports, ordered by year.
pub type SeriesRule = fn(&Series<'_>, &mut Vec<FileFinding>);

/// The rules run over every organ's series, in order. Add a rule here.
pub(crate) const SERIES_RULES: &[SeriesRule] =
    &[duplicate, gap, carry_over, stock_flow, cumulative_carry];

/// `legacy.cumulative_carry` over consecutive years of a series (the rule
/// itself is in `audit::legacy`).
fn cumulative_carry(s: &Series<'_>, out: &mut Vec<FileFinding>) {
    for (prev, cur) in s.consecutive() {
        for f in super::legacy::cumulative_carry(prev.report, cur.report) {
            push(out, cur.name, f);
        }
    }
}

/// Runs the cross-report rules with no aliases and no hierarchy.
pub fn across(inputs: &[Input<'_>]) -> Vec<FileFinding> {
    across_with(inputs, &Options::default())
}

/// Runs the cross-report rules; the findings are ordered by input, then by
/// position in the report.
pub fn across_with(inputs: &[Input<'_>], options: &Options) -> Vec<FileFinding> {
    let series = group(inputs, options);
    let mut out = Vec::new();
    for s in series.values() {
        for rule in SERIES_RULES {
            rule(s, &mut out);
        }
    }
    rollup(&series, options, &mut out);
    let ranks: std::collections::HashMap<&str, usize> = inputs
        .iter()
        .enumerate()
        .rev()
        .map(|(i, input)| (input.name, i))
        .collect();
    let rank = |name: &str| ranks.get(name).copied();
    out.sort_by(|a, b| {
        let ka = (rank(&a.file), a.finding.span.map(|s| s.start));
        let kb = (rank(&b.file), b.finding.span.map(|s| s.start));
        ka.cmp(&kb)
            .then_with(|| a.finding.rule.cmp(&b.finding.rule))
    });
    out
}

/// The span of the year in a report's title (else any year statement).
fn year_span(r: &Report) -> Option<Span> {
    let years = &r.meta.years;
    years
        .iter()
        .find(|m| m.source == YearSource::Title)
        .or(years.first())
        .map(|m| m.span)
}

fn other(label: String, span: Option<Span>, file: &str) -> Option<Related> {
    span.map(|span| Related {
        label: label.into(),
        span,
        file: Some(file.into()),
    })
}

fn own(label: String, span: Option<Span>) -> Option<Related> {
    span.map(|span| Related {
        label: label.into(),
        span,
        file: None,
    })
}

fn push(out: &mut Vec<FileFinding>, file: &str, finding: Finding) {
    out.push(FileFinding {
        file: file.to_owned(),
        finding,
    });
}
