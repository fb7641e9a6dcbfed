//! One organ's reports ordered by year, and the grouping of a set of
//! reports into such series.

use indexmap::IndexMap;

use super::organs::organ_key;
use super::{Input, Options};
use crate::model::Report;

/// One report of a series.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The report's name.
    pub name: &'a str,
    /// The report.
    pub report: &'a Report,
    /// Its year.
    pub year: i32,
}

/// One organ's reports, ordered by year (reports of one year in input order).
#[derive(Debug, Clone)]
pub struct Series<'a> {
    /// The normalised organ name (the group key).
    pub key: String,
    /// The organ as written in the first report.
    pub organ: String,
    /// The reports.
    pub entries: Vec<Entry<'a>>,
}

impl<'a> Series<'a> {
    /// The first report of each year, in year order.
    pub fn by_year(&self) -> Vec<Entry<'a>> {
        let mut out: Vec<Entry<'a>> = Vec::new();
        for e in &self.entries {
            if out.last().is_none_or(|l| l.year != e.year) {
                out.push(*e);
            }
        }
        out
    }

    /// Pairs of reports of consecutive years (`year - 1`, `year`).
    pub fn consecutive(&self) -> Vec<(Entry<'a>, Entry<'a>)> {
        let years = self.by_year();
        years
            .windows(2)
            .filter(|w| w[1].year == w[0].year + 1)
            .map(|w| (w[0], w[1]))
            .collect()
    }
}

/// The series of every organ, by normalised name, in order of first appearance.
pub fn group<'a>(inputs: &[Input<'a>], options: &Options) -> IndexMap<String, Series<'a>> {
    let mut out: IndexMap<String, Series<'a>> = IndexMap::new();
    for input in inputs {
        let meta = &input.report.meta;
        let (Some(organ), Some(year)) = (meta.organ.as_deref(), meta.year) else {
            continue;
        };
        let key = organ_key(organ, &options.aliases);
        if key.is_empty() {
            continue;
        }
        let s = out.entry(key.clone()).or_insert_with(|| Series {
            key,
            organ: organ.to_owned(),
            entries: Vec::new(),
        });
        s.entries.push(Entry {
            name: input.name,
            report: input.report,
            year,
        });
    }
    for s in out.values_mut() {
        // stable: reports of one year keep the input order
        s.entries.sort_by_key(|e| e.year);
    }
    out
}
