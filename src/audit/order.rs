//! The order of the findings (see the module docs of [`super`], **Order.**).
//!
//! Findings sort by where they are in the source, except the findings of a
//! table, which sort by where they are in the table's model: at the table's
//! start, then by row (in the order the canonical text writes the rows),
//! then by column, then by rule. Source places alone would not do: the
//! empty cells of a row often share one place (a row's last cells after its
//! figures in space-aligned text), so the findings there came by rule, all
//! of one rule before any of the next, while the canonical text, which
//! gives each cell a place of its own, put them cell by cell; and a row
//! read from the end of another's line stands before it in the source but
//! after it in the canonical text when the model has it after. Ordering by
//! the model gives the canonical text and its source the same order, and
//! for a table whose rows and cells stand in model order (every
//! well-formed table) it is the order of their places, as before.

use super::CellKey;
use crate::model::{
    ActiveDisclosureTable, AdField, AdItem, AppCol, AppRow, ApplicationsTable, Block, Finding,
    Format, Key, Report, ReviewLitigationTable, RlGroup, RlOutcome, RowSource, Span, Table,
};

/// Where a finding sorts within its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// Before the row of the rank (a table-wide note, a group label):
    /// by source place.
    Before { start: u32, nonempty: bool },
    /// In the row of the rank: the row itself (0), else 1 + the column's
    /// place in the table's column order.
    Row { column: u32 },
}

/// The sort key of one finding: the anchor (its source place, or its
/// paragraph's or table's start, and whether it is empty), the place within
/// a table (`(row rank, place)`), and the own start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct At {
    anchor: (u32, bool),
    table: Option<(u32, Place)>,
    start: u32,
}

/// A standard table whose findings sort in model order (a legacy
/// statistics table's rows are written in source order, and its empty cells
/// have no place: its findings' places already are in model order).
#[derive(Clone, Copy)]
enum Std<'a> {
    Applications(&'a ApplicationsTable),
    ReviewLitigation(&'a ReviewLitigationTable),
    ActiveDisclosure(&'a ActiveDisclosureTable, Format),
}

/// A column not among those of its table or row sorts after them.
const AFTER: u32 = 1 << 16;

/// The index of `key` among the keys of `K` (after them when not one).
fn template_index<K: Key>(key: &str) -> u32 {
    K::ALL
        .iter()
        .position(|k| k.key() == key)
        .unwrap_or(K::ALL.len()) as u32
}

/// The standard tables of a report, for [`sort_findings`].
pub(super) struct Tables<'a> {
    /// `(start, end, kind, table)`, by start.
    tables: Vec<(u32, u32, &'static str, Std<'a>)>,
}

impl<'a> Tables<'a> {
    /// The standard tables among `tables` (every table of the report).
    pub(super) fn of(tables: &[&'a Table], format: Format) -> Tables<'a> {
        let mut out: Vec<(u32, u32, &'static str, Std<'a>)> = tables
            .iter()
            .filter_map(|t| {
                let (span, std) = match t {
                    Table::Applications(t) => (t.span, Std::Applications(t)),
                    Table::ReviewLitigation(t) => (t.span, Std::ReviewLitigation(t)),
                    Table::ActiveDisclosure(t) => (t.span, Std::ActiveDisclosure(t, format)),
                    Table::LegacyStatistics(_) | Table::Generic(_) => return None,
                };
                Some((span.start, span.end, t.kind(), std))
            })
            .collect();
        out.sort_by_key(|t| t.0);
        Tables { tables: out }
    }

    /// Where `f` sorts in its table: its table's start, and its row and
    /// place there; `cell`: the cell an equation's note stands at. `None`
    /// for a finding that belongs to no such table (no table key, or a
    /// span outside the tables: a sentence compared with a table cell
    /// sorts at the sentence).
    fn key(&self, f: &Finding, cell: Option<CellKey>) -> Option<(u32, (u32, Place))> {
        let span = f.span?;
        let kind = f.table.as_deref()?;
        let i = self.tables.partition_point(|t| t.0 <= span.start);
        let &(start, end, table_kind, table) = self.tables.get(i.checked_sub(1)?)?;
        if table_kind != kind || span.end > end {
            return None;
        }
        let at = (start, span);
        let place = match table {
            Std::Applications(t) => {
                let rows = t.rows.keys().map(|r| (*r, t.source.get(r)));
                let column = |_: AppRow, c: &str| {
                    t.columns
                        .iter()
                        .position(|k| k.key() == c)
                        .map_or_else(|| AFTER + template_index::<AppCol>(c), |i| 1 + i as u32)
                };
                place(rows, column, at, (f, cell))
            }
            Std::ReviewLitigation(t) => {
                // the canonical text writes the groups in template order
                let rows = RlGroup::ALL
                    .iter()
                    .filter(|g| t.groups.contains_key(g) || t.source.contains_key(g))
                    .map(|g| (*g, t.source.get(g)));
                let column = |_: RlGroup, c: &str| 1 + template_index::<RlOutcome>(c);
                place(rows, column, at, (f, cell))
            }
            Std::ActiveDisclosure(t, format) => {
                let rows = t.items.keys().map(|i| (*i, t.source.get(i)));
                let column = |i: AdItem, c: &str| {
                    let fields = i.fields(format);
                    fields
                        .iter()
                        .position(|k| k.key() == c)
                        .map_or_else(|| AFTER + template_index::<AdField>(c), |i| 1 + i as u32)
                };
                place(rows, column, at, (f, cell))
            }
        };
        Some((start, place))
    }
}

/// Where the finding `f` at `span` sorts in a table that starts at `start`
/// and has the rows `rows` (in model order, with their source); `column`:
/// the place of a column in a row (1 + its index). `cell`: the cell an
/// equation's note stands at.
///
/// The span is the label, a cell or the fused digits of a row: there.
/// When several have that place (the empty cells of a row after its last
/// figure, of several rows at the end of the review/litigation line), the
/// cell of the note, else the one the finding names (its row and column),
/// else the first of the row it names, else the first. A span that is no row's place: at the row
/// and column the finding names; a finding that names no row of the table
/// (a table-wide note, a group label), before the first row that starts
/// at or after it.
///
/// The rows of a standard table are bounded by its template (each key
/// once), so this takes a bounded number of steps.
fn place<'t, K: Key, C: Key + 't>(
    rows: impl Iterator<Item = (K, Option<&'t RowSource<C>>)> + Clone,
    column: impl Fn(K, &str) -> u32,
    (start, span): (u32, Span),
    (f, cell): (&Finding, Option<CellKey>),
) -> (u32, Place) {
    let named = |row: &str, col: Option<&str>| {
        let (rank, (k, _)) = (0u32..)
            .zip(rows.clone())
            .find(|(_, (k, _))| k.key() == row)?;
        Some((rank, col.map_or(0, |c| column(k, c))))
    };
    let note = cell.and_then(|(r, c)| named(r, Some(c)));
    let fields = f.row.as_deref().and_then(|r| named(r, f.column.as_deref()));
    let (mut first, mut in_row, mut at_note, mut at_fields) = (None, None, false, false);
    for (rank, (k, src)) in (0u32..).zip(rows.clone()) {
        let Some(src) = src else { continue };
        // (a cell's column is looked up only where its span is the
        // finding's: a search of the column keys per cell made the sort
        // cost more than every rule)
        let own = src.label.iter().chain(&src.fused).map(|t| (t, None));
        let cells = src.cells.iter().map(|(c, t)| (t, Some(c)));
        for (t, c) in own.chain(cells) {
            if t.span.start != span.start || t.span.end != span.end {
                continue;
            }
            let col = c.map_or(0, |c| column(k, c.key()));
            let p = Some((rank, col));
            first = first.min(p).or(p);
            if fields.is_some_and(|f| f.0 == rank) {
                in_row = in_row.min(p).or(p);
            }
            at_note |= note == p;
            at_fields |= fields == p;
        }
    }
    let chosen = match first {
        Some(_) if at_note => note,
        Some(_) if at_fields => fields,
        Some(_) => in_row.or(first),
        None => fields,
    };
    if let Some((rank, column)) = chosen {
        return (rank, Place::Row { column });
    }
    // names no row of the table and stands in no row's place
    let before = if span.start <= start {
        0
    } else {
        (0u32..)
            .zip(rows.clone())
            .filter(|(_, (_, src))| src.and_then(RowSource::start) >= Some(span.start))
            .map(|(rank, _)| rank)
            .next()
            .unwrap_or_else(|| rows.count() as u32)
    };
    let place = Place::Before {
        start: span.start,
        nonempty: span.end > span.start,
    };
    (before, place)
}

/// The `start..end` of every paragraph of `report`, in document order.
pub(super) fn paragraph_spans(report: &Report) -> Vec<(u32, u32)> {
    fn walk(blocks: &[Block], out: &mut Vec<(u32, u32)>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push((p.span.start, p.span.end)),
                Block::Subsection(s) => walk(&s.blocks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&report.preamble, &mut out);
    for s in &report.sections {
        walk(&s.blocks, &mut out);
    }
    walk(&report.closing, &mut out);
    out.sort_unstable();
    out
}

/// Sorts findings by position (those without one first), then rule; stable.
/// A finding within one of `paragraphs` (sorted `start..end` ranges) sorts
/// at the paragraph's start, then by rule, then by its own start; a finding
/// of one of `tables` at the table's start, then by row, column and rule
/// (see the module docs, **Order**); the cells beside `tables` say which
/// cell the finding of each index stands at when its span may be shared.
///
/// The findings are not moved by a sort of their own (whose scratch space
/// would be up to as large as the findings themselves): the sort orders
/// their indices (by keys computed once), and the permutation is then
/// applied in place.
pub(super) fn sort_findings(
    out: &mut [Finding],
    paragraphs: &[(u32, u32)],
    tables: (&Tables<'_>, &[(usize, CellKey)]),
) {
    // outside paragraphs, an empty span (a cell's place) at a position
    // sorts before text that starts there: it ends before it (an empty
    // cell at a row's end, where the next row's label starts, in flow text)
    let anchor = |s: Span| {
        let i = paragraphs.partition_point(|p| p.0 <= s.start);
        match i.checked_sub(1).map(|i| paragraphs[i]) {
            Some((start, end)) if s.start < end && s.end <= end => (start, true),
            _ => (s.start, s.end > s.start),
        }
    };
    let (tables, cells) = tables;
    let mut cell_of = vec![None; if cells.is_empty() { 0 } else { out.len() }];
    for &(i, cell) in cells {
        if let Some(c) = cell_of.get_mut(i) {
            *c = Some(cell);
        }
    }
    let key = |(i, f): (usize, &Finding)| {
        let s = f.span?;
        Some(match tables.key(f, cell_of.get(i).copied().flatten()) {
            Some((start, place)) => At {
                anchor: (start, true),
                table: Some(place),
                start: s.start,
            },
            None => At {
                anchor: anchor(s),
                table: None,
                start: s.start,
            },
        })
    };
    let keys: Vec<Option<At>> = out.iter().enumerate().map(key).collect();
    let order = |i: usize, j: usize| {
        let (ka, kb) = (keys[i], keys[j]);
        ka.map(|k| (k.anchor, k.table))
            .cmp(&kb.map(|k| (k.anchor, k.table)))
            .then_with(|| out[i].rule.cmp(&out[j].rule))
            .then_with(|| ka.cmp(&kb))
    };
    if (1..out.len()).all(|i| order(i - 1, i).is_le()) {
        return;
    }
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by(|&i, &j| order(i, j));
    // position p receives the finding at idx[p]; each cycle of the
    // permutation is followed once, marking its positions done (idx[p] = p)
    for i in 0..out.len() {
        let mut p = i;
        while idx[p] != p {
            let q = idx[p];
            idx[p] = p;
            if q == i {
                break;
            }
            out.swap(p, q);
            p = q;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::finding;
    use crate::model::Severity;

    fn no_tables() -> Tables<'static> {
        Tables { tables: Vec::new() }
    }

    #[test]
    fn findings_sort_by_position_then_rule_stably() {
        let at = |rule: &'static str, start: Option<u32>, msg: &str| {
            let span = start.map(|s| Span {
                start: s,
                end: s + 1,
                ..Span::default()
            });
            finding(rule, Severity::Note, msg.to_owned(), span)
        };
        let mut v = vec![
            at("b", Some(5), "1"),
            at("a", Some(5), "2"),
            at("z", None, "3"),
            at("a", Some(1), "4"),
            at("b", Some(5), "5"),
            at("c", Some(0), "6"),
            at("a", None, "7"),
        ];
        sort_findings(&mut v, &[], (&no_tables(), &[]));
        let got: Vec<&str> = v.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(got, ["7", "3", "6", "4", "2", "1", "5"]);
    }

    #[test]
    fn findings_in_a_paragraph_sort_by_rule_then_place() {
        let at = |rule: &'static str, start: u32, end: u32, msg: &str| {
            let span = Span {
                start,
                end,
                ..Span::default()
            };
            finding(rule, Severity::Note, msg.to_owned(), Some(span))
        };
        // the paragraph 10..40 on one line: exact spans
        let mut one = vec![
            at("b", 12, 14, "b1"),
            at("a", 20, 22, "a1"),
            at("b", 30, 32, "b2"),
            at("c", 40, 41, "after"),
            at("z", 5, 6, "before"),
        ];
        // joined from several lines: the paragraph's span, in text order
        let mut joined = vec![
            at("b", 10, 40, "b1"),
            at("a", 10, 40, "a1"),
            at("b", 10, 40, "b2"),
            at("c", 40, 41, "after"),
            at("z", 5, 6, "before"),
        ];
        sort_findings(&mut one, &[(10, 40)], (&no_tables(), &[]));
        sort_findings(&mut joined, &[(10, 40)], (&no_tables(), &[]));
        let got = |v: &[Finding]| v.iter().map(|f| f.message.to_string()).collect::<Vec<_>>();
        assert_eq!(got(&one), ["before", "a1", "b1", "b2", "after"]);
        assert_eq!(got(&one), got(&joined));
    }

    /// `rule row/column` of each finding of the applications table.
    fn table_findings(findings: &[Finding]) -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.table.as_deref() == Some("applications"))
            .map(|f| {
                let key = |k: &Option<crate::Str>| k.as_deref().unwrap_or("-").to_owned();
                format!("{} {}/{}", f.rule, key(&f.row), key(&f.column))
            })
            .collect()
    }

    #[test]
    fn empty_cells_at_one_place_sort_cell_by_cell() {
        // 一's empty cells share one place (after its figure, at the end of
        // the line): their findings come cell by cell, as in the canonical
        // text, where each cell has a place of its own
        let text = "一、本年新收  5\n二、上年结转  0  0  0  0  0  0  0\n（七）总计  5\n四、结转下年度继续办理  0  0  0  0  0  0  0";
        let report = crate::parse(text).expect("parses");
        let got = table_findings(&report.findings);
        let at = |f: &str| {
            got.iter()
                .position(|g| g == f)
                .unwrap_or_else(|| panic!("{f} in {got:#?}"))
        };
        let research = at("table.empty_cell new_received/research_institution");
        assert!(
            at("applications.balance total_processed/commercial_enterprise")
                < at("table.empty_cell new_received/commercial_enterprise")
        );
        assert!(
            at("table.empty_cell new_received/commercial_enterprise")
                < at("applications.balance total_processed/research_institution")
        );
        assert!(at("applications.balance total_processed/research_institution") < research);
        // the row total's note stands at the row's first empty cell
        assert_eq!(
            at("applications.row_total new_received/total") + 1,
            at("table.empty_cell new_received/commercial_enterprise")
        );
        let canonical = crate::parse(&report.render()).expect("reads back");
        assert_eq!(table_findings(&canonical.findings), got);
        assert_eq!(canonical.findings, report.findings);
    }

    #[test]
    fn the_findings_of_a_table_follow_its_rows_in_model_order() {
        // rows whose labels differ from the template: one finding each
        let text = "一、本年新收  1  0  0  0  0  0  1\n二、上年结转  0  0  0  0  0  0  0\n总计  1  0  0  0  0  0  1\n四、结转下年度  0  0  0  0  0  0  0\n";
        let mut report = crate::parse(text).expect("parses");
        let rows = |r: &Report| {
            table_findings(&r.findings)
                .into_iter()
                .filter(|f| f.starts_with("label.nonstandard"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rows(&report),
            [
                "label.nonstandard new_received/-",
                "label.nonstandard carried_over/-",
                "label.nonstandard total_processed/-",
                "label.nonstandard carried_forward/-",
            ]
        );
        // the model with 一 after the others (its source still first):
        // its findings sort after theirs, where the canonical text puts it
        let Some(Block::Table(table)) = report.preamble.first_mut() else {
            panic!("{:?}", report.preamble)
        };
        let Table::Applications(t) = &mut **table else {
            panic!("{table:?}")
        };
        let row = t.rows.shift_remove(&AppRow::NewReceived).expect("row 一");
        t.rows.insert(AppRow::NewReceived, row);
        report.findings = report.audit();
        assert_eq!(
            rows(&report),
            [
                "label.nonstandard carried_over/-",
                "label.nonstandard total_processed/-",
                "label.nonstandard carried_forward/-",
                "label.nonstandard new_received/-",
            ]
        );
        let canonical = crate::parse(&report.render()).expect("reads back");
        assert_eq!(canonical.findings, report.findings);
    }

    #[test]
    fn table_wide_notes_and_group_labels_sort_before_their_rows() {
        let at = |rule: &'static str, start: u32, end: u32, row: Option<&str>| {
            let span = Span {
                start,
                end,
                ..Span::default()
            };
            let mut f = finding(rule, Severity::Note, String::new(), Some(span));
            f.table = Some("applications".into());
            f.row = row.map(Into::into);
            f
        };
        let text = "一、本年新收  1  0  0  0  0  0  1\n二、上年结转  0  0  0  0  0  0  0\n";
        let report = crate::parse(text).expect("parses");
        let Some(Block::Table(table)) = report.preamble.first() else {
            panic!("{:?}", report.preamble)
        };
        let Table::Applications(t) = &**table else {
            panic!("{table:?}")
        };
        let label = |r: AppRow| t.source[&r].label.as_ref().expect("label").span;
        let (one, two) = (label(AppRow::NewReceived), label(AppRow::CarriedOver));
        let mut v = vec![
            at("z.row_two", two.start, two.end, Some("carried_over")),
            // a group label between the rows, naming none
            at("a.between", two.start - 1, two.start, None),
            at("b.row_one", one.start, one.end, Some("new_received")),
            // the whole table, naming a row it does not have
            at("y.table", t.span.start, t.span.end, Some("granted")),
        ];
        let tables = Tables::of(&[table], report.format);
        sort_findings(&mut v, &[], (&tables, &[]));
        let got: Vec<&str> = v.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(got, ["y.table", "b.row_one", "a.between", "z.row_two"]);
    }
}
