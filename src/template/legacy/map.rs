//! Rows of cells (header first) mapped to a typed
//! [`LegacyStatisticsTable`].

use crate::model::RowMap;

use super::fused::{choose, fused_readings};
use super::labels::{HeadCol, core_label, head_col, is_header, number, row_key};
use super::{InCell, Row, Val};
use crate::lines::{Locator, is_space};
use crate::model::{
    Fragment, FragmentRole, Fragments, LegacyCol, LegacyOtherRow, LegacyRowSource,
    LegacyStatisticsTable, Number, Table, Text,
};
use crate::text::lexical::norm;

/// A value cell as read (an empty cell has empty text).
pub(super) fn val_of(c: &InCell<'_>) -> Val {
    Val {
        n: number(c.text),
        text: c.text.trim_matches(is_space).to_string(),
        at: c.at + (c.text.len() - c.text.trim_start_matches(is_space).len()),
    }
}

/// Maps a table read as rows of cells (header first) to a typed legacy
/// statistics table; `None` when the header is not a statistics header.
/// `title` is the table's title text when it stood with the table; `run`
/// says the table was cut from running text (only there can the digits of
/// two cells have run together).
pub(crate) fn map(
    rows: &[Vec<InCell<'_>>],
    title: Option<InCell<'_>>,
    run: bool,
    region: (usize, usize),
    loc: &Locator<'_>,
) -> Option<Table> {
    let header = rows.first()?;
    let htexts: Vec<&str> = header.iter().map(|c| c.text).collect();
    if !is_header(&htexts) {
        return None;
    }
    let heads: Vec<Option<HeadCol>> = header[1..]
        .iter()
        .map(|c| head_col(&norm(c.text)))
        .collect();
    let columns = value_columns(&heads);
    let shape = Shape {
        heads: &heads,
        width: header.len(),
        columns: columns.len(),
        run,
    };
    let mut mapped: Vec<Row> = rows[1..].iter().filter_map(|r| shape.row(r)).collect();
    if run && columns.len() == 2 {
        split_fused(&mut mapped);
    }
    // duplicate keys: the first keeps the key
    let mut seen = Vec::new();
    for r in &mut mapped {
        if let Some(k) = r.key {
            if seen.contains(&k) {
                r.key = None;
            } else {
                seen.push(k);
            }
        }
    }
    let choice = choose(&mapped);
    let mut t = LegacyStatisticsTable {
        span: loc.span(region.0, region.1),
        // a run of crawler text; a grid's layout is set by `template::map`
        layout: crate::model::ReadLayout(if run {
            crate::model::TableLayout::Flow
        } else {
            crate::model::TableLayout::Unknown
        }),
        columns: columns.clone(),
        fragments: header_fragments(header, title, loc),
        ..LegacyStatisticsTable::default()
    };
    for (r, pick) in mapped.iter().zip(choice) {
        put_row(&mut t, r, pick, loc);
    }
    Some(Table::LegacyStatistics(t))
}

/// The value columns the header names, in order, each once.
fn value_columns(heads: &[Option<HeadCol>]) -> Vec<LegacyCol> {
    let mut columns: Vec<LegacyCol> = Vec::new();
    for h in heads.iter().flatten() {
        if let HeadCol::Value(c) = h
            && !columns.contains(c)
        {
            columns.push(*c);
        }
    }
    columns
}

/// The title and the header cells, as header fragments.
fn header_fragments(
    header: &[InCell<'_>],
    title: Option<InCell<'_>>,
    loc: &Locator<'_>,
) -> Fragments {
    let mut fragments = Fragments::default();
    for c in title.iter().chain(header) {
        fragments.push(Fragment {
            role: FragmentRole::Header,
            raw: c.text.into(),
            span: loc.span(c.at, c.at + c.text.len()),
        });
    }
    fragments
}

/// What the header says about the rows under it.
struct Shape<'h> {
    /// What each header cell after the first says.
    heads: &'h [Option<HeadCol>],
    /// The number of header cells.
    width: usize,
    /// The number of value columns.
    columns: usize,
    /// The table was cut from running text.
    run: bool,
}

impl Shape<'_> {
    /// A row as read; `None` for a row with nothing to map.
    fn row(&self, r: &[InCell<'_>]) -> Option<Row> {
        // a grid row as wide as the header: every cell in its column, an
        // empty cell kept empty
        if !self.run && r.len() == self.width && r.len() > 1 {
            return self.grid_row(r);
        }
        self.token_row(r)
    }

    /// A row with every cell in its header's column.
    fn grid_row(&self, r: &[InCell<'_>]) -> Option<Row> {
        let mut row = Row::default();
        let filled = |c: &InCell<'_>| !c.text.trim_matches(is_space).is_empty();
        if filled(&r[0]) {
            row.label = Some((r[0].text.to_string(), r[0].at));
        }
        let mut reading = Vec::new();
        for (c, h) in r[1..].iter().zip(self.heads) {
            match h {
                Some(HeadCol::Unit) if filled(c) => row.unit = Some((c.text.to_string(), c.at)),
                Some(HeadCol::Code) if filled(c) => row.code = Some((c.text.to_string(), c.at)),
                Some(HeadCol::Value(_)) => reading.push(val_of(c)),
                _ if filled(c) => row.other.push(val_of(c)),
                _ => {}
            }
        }
        row.readings.push(reading);
        row.key = row
            .label
            .as_ref()
            .and_then(|(l, _)| row_key(&core_label(l)));
        (row.label.is_some() || row.readings[0].iter().any(|v| !v.text.is_empty())).then_some(row)
    }

    /// A row of tokens (empty cells left out): the label, the unit and the
    /// code where the header has them, then the values.
    fn token_row(&self, r: &[InCell<'_>]) -> Option<Row> {
        let has_unit = self.heads.contains(&Some(HeadCol::Unit));
        let has_code = self.heads.contains(&Some(HeadCol::Code));
        let mut row = Row::default();
        let mut cells = r
            .iter()
            .copied()
            .filter(|c| !c.text.trim_matches(is_space).is_empty());
        let mut rest: Vec<InCell<'_>> = Vec::new();
        if let Some(first) = cells.next() {
            if number(first.text).is_some() {
                rest.push(first);
            } else {
                row.label = Some((first.text.to_string(), first.at));
            }
        }
        rest.extend(cells);
        let mut i = 0;
        if has_unit && rest.first().is_some_and(|c| number(c.text).is_none()) {
            row.unit = Some((rest[0].text.to_string(), rest[0].at));
            i = 1;
        }
        // a code cell (`01`) before the values of a coded form
        if has_code && rest.len() > i {
            let c = rest[i];
            let digits = c.text.len() <= 3 && c.text.bytes().all(|b| b.is_ascii_digit());
            if digits && (rest.len() - i > self.columns || c.text.starts_with('0')) {
                row.code = Some((c.text.to_string(), c.at));
                i += 1;
            }
        }
        row.readings.push(rest[i..].iter().map(val_of).collect());
        row.key = row
            .label
            .as_ref()
            .and_then(|(l, _)| row_key(&core_label(l)));
        let nothing =
            row.label.is_none() && row.readings.iter().all(Vec::is_empty) && row.unit.is_none();
        (!nothing).then_some(row)
    }
}

/// A table whose cells ran together (most rows have one run of digits for
/// two columns): each run is split into its readings.
fn split_fused(mapped: &mut [Row]) {
    let ones = mapped.iter().filter(|r| r.readings[0].len() == 1).count();
    let more = mapped.iter().filter(|r| r.readings[0].len() > 1).count();
    if ones <= more {
        return;
    }
    for r in mapped {
        if let [v] = r.readings[0].as_slice() {
            let f = fused_readings(&v.text, v.at, 2);
            if !f.is_empty() {
                r.readings = f;
                r.split = true;
            }
        }
    }
}

/// Puts row `r`, read as its reading `pick`, into the table: under its key,
/// or among the other rows.
fn put_row(t: &mut LegacyStatisticsTable, r: &Row, pick: usize, loc: &Locator<'_>) {
    let text_at = |s: &str, at: usize| Text {
        raw: s.into(),
        span: loc.span(at, at + s.len()),
    };
    let columns = &t.columns;
    let reading = r.readings.get(pick).cloned().unwrap_or_default();
    let mut values: RowMap<LegacyCol, Option<Number>> = RowMap::new();
    let mut cells: RowMap<LegacyCol, Text> = RowMap::new();
    for (j, c) in columns.iter().enumerate() {
        let v = reading.get(j);
        values.insert(*c, v.and_then(|v| v.n));
        if let Some(v) = v.filter(|v| !v.text.is_empty()) {
            cells.insert(*c, text_at(&v.text, v.at));
        }
    }
    let mut src = LegacyRowSource {
        label: r.label.as_ref().map(|(s, a)| text_at(s, *a)),
        unit: r.unit.as_ref().map(|(s, a)| text_at(s, *a)),
        code: r.code.as_ref().map(|(s, a)| text_at(s, *a)),
        cells,
        split: r.split,
        extra: Vec::new(),
    };
    // value cells beyond the columns of the header
    let beyond = reading.iter().skip(columns.len());
    for v in beyond.chain(&r.other).filter(|v| !v.text.is_empty()) {
        src.extra.push(text_at(&v.text, v.at));
    }
    let unit = r.unit.as_ref().map(|(s, _)| norm(s).into());
    match r.key {
        Some(k) => {
            t.rows.insert(k, values);
            if let Some(u) = unit {
                t.units.insert(k, u);
            }
            t.source.insert(k, src);
        }
        None => t.other_rows.push(LegacyOtherRow {
            label: r
                .label
                .as_ref()
                .map(|(l, _)| core_label(l))
                .unwrap_or_default()
                .into(),
            unit,
            values,
            source: src,
        }),
    }
}
