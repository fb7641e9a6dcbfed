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

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::{
    Operand, ROLLUP_SUM, SERIES_CARRY_OVER, SERIES_DUPLICATE, SERIES_GAP, SERIES_STOCK_FLOW,
    finding, operand,
};
use crate::model::table::Values;
use crate::model::{
    AdField, AdItem, AppCol, AppRow, Finding, Key, Number, Related, Report, RowSource, Severity,
    Span, YearSource,
};

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

/// Normalises an organ name for grouping: white space, punctuation and
/// brackets removed, full-width ASCII folded, the common short forms
/// expanded (管委会 → 管理委员会; 县政府, 市政府, 区政府, 镇政府, 乡政府,
/// 省政府 → …人民政府), then a final 人民政府 or 管理委员会 dropped: the
/// government of a place and the place report the same figures.
/// `平潭综合实验区管委会`, `平潭综合实验区管理委员会` and `平潭综合实验区` are one
/// organ, and so are `青龙县政府` and `青龙县人民政府`; `…人民政府` and
/// `…人民政府办公室` stay two.
pub fn normalize_organ(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        };
        if c.is_whitespace() || crate::lines::is_space(c) || c.is_ascii_punctuation() {
            continue;
        }
        if matches!(
            c,
            '·' | '・' | '、' | '，' | '。' | '“' | '”' | '《' | '》' | '〔' | '〕' | '【' | '】'
        ) {
            continue;
        }
        s.push(c);
    }
    let s = s.replace("管委会", "管理委员会");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find("政府") {
        let before = &rest[..at];
        out.push_str(before);
        if ["县", "市", "区", "镇", "乡", "省", "州", "旗"]
            .iter()
            .any(|p| before.ends_with(p))
        {
            out.push_str("人民");
        }
        out.push_str("政府");
        rest = &rest[at + "政府".len()..];
    }
    out.push_str(rest);
    for suffix in ["人民政府", "管理委员会"] {
        if let Some(place) = out.strip_suffix(suffix)
            && !place.is_empty()
        {
            return place.to_owned();
        }
    }
    out
}

/// Reads `a,b` pairs, one a line: blank lines and lines starting with `#`
/// are skipped, and so is a first line `organ,alias` or `parent,child`
/// (the header). Fields are trimmed; a field may be quoted with `"`.
/// The error names the first line that is not a pair.
pub fn read_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<String> = line
            .split([',', '，'])
            .map(|f| f.trim().trim_matches('"').trim().to_owned())
            .collect();
        if fields.len() != 2 || fields.iter().any(String::is_empty) {
            return Err(format!(
                "line {}: expected two comma-separated names, found “{line}”",
                i + 1
            ));
        }
        if out.is_empty()
            && matches!(
                (fields[0].as_str(), fields[1].as_str()),
                ("organ", "alias") | ("parent", "child")
            )
        {
            continue;
        }
        out.push((fields[0].clone(), fields[1].clone()));
    }
    Ok(out)
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

/// The normalised key of an organ name, after the aliases.
fn organ_key(name: &str, aliases: &[(String, String)]) -> String {
    let n = normalize_organ(name);
    aliases
        .iter()
        .find(|(_, alias)| normalize_organ(alias) == n)
        .map_or(n, |(organ, _)| normalize_organ(organ))
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
        label,
        span,
        file: Some(file.to_owned()),
    })
}

fn own(label: String, span: Option<Span>) -> Option<Related> {
    span.map(|span| Related {
        label,
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
            let here = super::cell_span(&c.source, AppRow::CarriedOver, col).or(Some(c.span));
            let there = super::cell_span(&p.source, AppRow::CarriedForward, col);
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
                (Operand::Empty(at), _) | (_, Operand::Empty(at)) => {
                    let msg = format!(
                        "In column {col}, the carry-over from {} ({}) to {} cannot be checked because a cell it needs is empty.",
                        prev.year, prev.name, cur.year
                    );
                    let span = if matches!(now, Operand::Empty(_)) {
                        at.or(here)
                    } else {
                        here
                    };
                    finding(SERIES_CARRY_OVER, Severity::Note, msg, span)
                }
                _ => continue,
            };
            f.table = Some("applications".to_owned());
            f.row = Some(AppRow::CarriedOver.key().to_owned());
            f.column = Some(col.key().to_owned());
            f.related = [
                super::term(&c.rows, &c.source, AppRow::CarriedOver, col).map(|mut r| {
                    r.label = format!("{} {}", cur.year, r.label);
                    r
                }),
                super::term(&p.rows, &p.source, AppRow::CarriedForward, col)
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
fn explained(t: &crate::model::ActiveDisclosureTable, item: AdItem) -> bool {
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
            let val = |v: &Values<AdItem, AdField>,
                       src: &IndexMap<AdItem, RowSource<AdField>>,
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
                continue;
            }
            let ops = [last, issued, repealed, now];
            if ops
                .iter()
                .any(|o| matches!(o, Operand::Absent | Operand::Fused))
            {
                continue;
            }
            let here = super::cell_span(&c.source, item, AdField::InForce).or(Some(c.span));
            let mut f = if let Some(at) = ops.iter().find_map(|o| match o {
                Operand::Empty(at) => Some(*at),
                _ => None,
            }) {
                let msg = format!(
                    "The {item} stock from {} ({}) to {} cannot be checked because a cell it needs is empty.",
                    prev.year, prev.name, cur.year
                );
                finding(SERIES_STOCK_FLOW, Severity::Note, msg, at.or(here))
            } else {
                let v = |o: Operand| match o {
                    Operand::Value(n) => n.as_i64(),
                    _ => None,
                };
                let (Some(l), Some(i), Some(r), Some(n)) =
                    (v(last), v(issued), v(repealed), v(now))
                else {
                    continue;
                };
                let Some(expected) = l.checked_add(i).and_then(|x| x.checked_sub(r)) else {
                    continue;
                };
                if expected == n {
                    continue;
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
                f
            };
            f.table = Some("active_disclosure".to_owned());
            f.row = Some(item.key().to_owned());
            f.column = Some(AdField::InForce.key().to_owned());
            let term = |t: &crate::model::ActiveDisclosureTable, field, year: i32| {
                super::term(&t.items, &t.source, item, field).map(|mut r| {
                    r.label = format!("{year} {}", r.label);
                    r
                })
            };
            f.related = [
                term(p, AdField::InForce, prev.year).map(|mut r| {
                    r.file = Some(prev.name.to_owned());
                    r
                }),
                term(c, AdField::Issued, cur.year),
                term(c, AdField::Repealed, cur.year),
                term(c, AdField::InForce, cur.year),
            ]
            .into_iter()
            .flatten()
            .collect();
            push(out, cur.name, f);
        }
    }
}

/// The cells of one standard table of a report, by `(row, column)` key
/// strings, with the value operand and the span.
type Cells = Vec<((&'static str, &'static str), Operand, Option<Span>)>;

/// A child's organ, file name and tables.
type Child<'a> = (&'a str, &'a str, Vec<(&'static str, Cells)>);

fn cells_of<R: Key, C: Key>(values: &Values<R, C>, source: &IndexMap<R, RowSource<C>>) -> Cells {
    let mut out = Vec::new();
    for (row, cols) in values {
        for col in cols.keys() {
            out.push((
                (row.key(), col.key()),
                operand(values, source, *row, *col),
                super::cell_span(source, *row, *col),
            ));
        }
    }
    out
}

/// The three standard tables of a report as cell lists.
fn tables_of(r: &Report) -> Vec<(&'static str, Cells)> {
    let mut out = Vec::new();
    if let Some(t) = r.applications() {
        out.push(("applications", cells_of(&t.rows, &t.source)));
    }
    if let Some(t) = r.review_litigation() {
        out.push(("review_litigation", cells_of(&t.groups, &t.source)));
    }
    if let Some(t) = r.active_disclosure() {
        out.push(("active_disclosure", cells_of(&t.items, &t.source)));
    }
    out
}

/// `rollup.sum`: a parent's cells = the sum of its children's, per year.
fn rollup(series: &IndexMap<String, Series<'_>>, options: &Options, out: &mut Vec<FileFinding>) {
    // parent key → child keys (and the names as given), in file order
    let mut children: IndexMap<String, Vec<(String, String)>> = IndexMap::new();
    for (parent, child) in &options.hierarchy {
        let pk = organ_key(parent, &options.aliases);
        let ck = organ_key(child, &options.aliases);
        let list = children.entry(pk).or_default();
        if !list.iter().any(|(k, _)| *k == ck) {
            list.push((ck, child.clone()));
        }
    }
    for (pk, kids) in &children {
        let Some(ps) = series.get(pk) else {
            continue;
        };
        for parent in ps.by_year() {
            let mut found: Vec<(String, Entry<'_>)> = Vec::new();
            let mut missing = Vec::new();
            for (ck, cname) in kids {
                let entry = series
                    .get(ck)
                    .and_then(|s| s.by_year().into_iter().find(|e| e.year == parent.year));
                match entry {
                    Some(e) => found.push((series[ck].organ.clone(), e)),
                    None => missing.push(cname.clone()),
                }
            }
            if !missing.is_empty() {
                let msg = format!(
                    "The {} figures of {} cannot be checked against its children because there is no {} report of {}.",
                    parent.year,
                    ps.organ,
                    parent.year,
                    missing.join(", ")
                );
                let f = finding(ROLLUP_SUM, Severity::Note, msg, year_span(parent.report));
                push(out, parent.name, f);
                continue;
            }
            let kid_tables: Vec<Child<'_>> = found
                .iter()
                .map(|(organ, e)| (organ.as_str(), e.name, tables_of(e.report)))
                .collect();
            for (table, cells) in tables_of(parent.report) {
                for (key, whole, span) in cells {
                    let Operand::Value(total) = whole else {
                        continue;
                    };
                    let mut parts = Vec::new();
                    let mut related = Vec::new();
                    let mut complete = true;
                    for (organ, name, tables) in &kid_tables {
                        let cell = tables
                            .iter()
                            .find(|(t, _)| *t == table)
                            .and_then(|(_, cs)| cs.iter().find(|(k, _, _)| *k == key));
                        match cell {
                            Some((_, Operand::Value(n), at)) => {
                                parts.push(*n);
                                related.extend(other(
                                    format!("{organ} {}/{} = {n}", key.0, key.1),
                                    *at,
                                    name,
                                ));
                            }
                            _ => complete = false,
                        }
                    }
                    if !complete {
                        continue;
                    }
                    let Some(sum) = Number::sum(parts) else {
                        continue;
                    };
                    if sum.cmp_value(total) == std::cmp::Ordering::Equal {
                        continue;
                    }
                    let files: Vec<&str> = kid_tables.iter().map(|(_, n, _)| *n).collect();
                    let msg = format!(
                        "{} {}: the {table} cell {}/{} is {total} but its children's add up to {sum} ({}).",
                        ps.organ,
                        parent.year,
                        key.0,
                        key.1,
                        files.join(", ")
                    );
                    let mut f = finding(ROLLUP_SUM, Severity::Warning, msg, span);
                    f.expected = Some(sum);
                    f.found = Some(total);
                    f.table = Some(table.to_owned());
                    f.row = Some(key.0.to_owned());
                    f.column = Some(key.1.to_owned());
                    f.related = own(format!("{} {}/{} = {total}", ps.organ, key.0, key.1), span)
                        .into_iter()
                        .chain(related)
                        .collect();
                    push(out, parent.name, f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organ_names_normalise() {
        assert_eq!(
            normalize_organ("平潭综合实验区 管委会"),
            normalize_organ("平潭综合实验区管理委员会")
        );
        assert_eq!(normalize_organ("平潭综合实验区管委会"), "平潭综合实验区");
        assert_eq!(normalize_organ("青龙县政府"), "青龙县");
        assert_eq!(normalize_organ("青龙县人民政府"), "青龙县");
        assert_eq!(normalize_organ("人民政府"), "人民政府");
        assert_ne!(
            normalize_organ("青龙县人民政府"),
            normalize_organ("青龙县人民政府办公室")
        );
        assert_eq!(normalize_organ("（青龙镇）"), "青龙镇");
    }

    #[test]
    fn pairs_are_read() {
        let p = read_pairs("organ,alias\n\n# c\nA县人民政府, A县政府\n\"B\",C\n").unwrap();
        assert_eq!(
            p,
            [
                ("A县人民政府".to_owned(), "A县政府".to_owned()),
                ("B".to_owned(), "C".to_owned())
            ]
        );
        assert!(read_pairs("a,b,c").unwrap_err().contains("line 1"));
    }

    #[test]
    fn aliases_override() {
        let aliases = vec![("平潭综合实验区".to_owned(), "岚岛".to_owned())];
        assert_eq!(organ_key("岚岛", &aliases), "平潭综合实验区");
        assert_eq!(organ_key("岚 岛", &aliases), "平潭综合实验区");
    }
}
