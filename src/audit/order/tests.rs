//! The order's unit tests, and [`super::Walk`] against the walk it
//! replaced (kept here as the reference): every row, every text of each
//! row, the column of a text looked up only where its span is the
//! finding's.

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

/// The place search as it was (main ee6bb16): every row in model order,
/// every text of each.
struct Reference;

impl Search for Reference {
    fn place<'t, K: Key, C: Key + 't>(
        &self,
        (rows, _): (
            impl Iterator<Item = (K, Option<&'t RowSource<C>>)> + Clone,
            &'t [(K, RowSource<C>)],
        ),
        column: impl Fn(K, &str) -> u32,
        at: (u32, Span),
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
        let span = at.1;
        let mut seen = Seen::default();
        for (rank, (k, src)) in (0u32..).zip(rows.clone()) {
            let Some(src) = src else { continue };
            let own = src.label.iter().chain(&src.fused).map(|t| (t, None));
            let cells = src.cells.iter().map(|(c, t)| (t, Some(c)));
            for (t, c) in own.chain(cells) {
                if t.span.start != span.start || t.span.end != span.end {
                    continue;
                }
                let col = c.map_or(0, |c| column(k, c.key()));
                seen.see((rank, col), note, fields);
            }
        }
        settle(seen.chosen(note, fields), rows, at)
    }
}

/// A row's and a cell's keys.
type Name = (&'static str, Option<&'static str>);

/// Each text of a table's sources: its span and the keys of its row and
/// (for a cell) column.
fn texts(table: Std<'_>) -> Vec<(Span, Name)> {
    fn of<K: Key, C: Key>(sources: &[(K, RowSource<C>)], out: &mut Vec<(Span, Name)>) {
        for (k, src) in sources {
            let own = src.label.iter().chain(&src.fused);
            out.extend(own.map(|t| (t.span, (k.key(), None))));
            for (c, t) in src.cells.iter() {
                out.push((t.span, (k.key(), Some(c.key()))));
            }
        }
    }
    let mut out = Vec::new();
    match table {
        Std::Applications(t) => of(t.source.as_slice(), &mut out),
        Std::ReviewLitigation(t) => of(t.source.as_slice(), &mut out),
        Std::ActiveDisclosure(t, _) => of(t.source.as_slice(), &mut out),
    }
    out
}

#[test]
fn the_place_of_every_text_is_the_walk_of_every_row() {
    let mut compared = 0usize;
    for text in crate::audit::corpus_texts() {
        if let Ok(report) = crate::parse_bytes(text.as_bytes()) {
            compared += compare_tables(&report);
        }
    }
    assert!(compared >= 10_000, "{compared} places compared");
}

/// Compares both searches for findings at every text of every standard
/// table of `report` (and at the table's start and end), naming the text's
/// row and cell, nothing, another row or cell of the table, or none of
/// them; returns the number of places compared.
fn compare_tables(report: &crate::model::Report) -> usize {
    let tables: Vec<&Table> = report.tables().collect();
    let tables = Tables::of(&tables, report.format);
    let mut compared = 0;
    for &(start, end, kind, table) in &tables.tables {
        let mut texts = texts(table);
        let edge = |at| Span {
            start: at,
            end: at,
            ..Span::default()
        };
        texts.push((edge(start), ("no_such_row", None)));
        texts.push((edge(end), ("no_such_row", Some("no_such_column"))));
        let n = texts.len();
        for (i, &(span, own)) in texts.iter().enumerate() {
            let other = |k: usize| texts[(i * k + 5) % n].1;
            let names = [None, Some(own), Some(other(7)), Some(other(13))];
            let cell = |(r, c): Name| c.map(|c| (r, c));
            for name in names {
                let mut f =
                    crate::audit::finding("r", Severity::Warning, String::new(), Some(span));
                f.row = name.map(|(r, _)| r.into());
                f.column = name.and_then(|(_, c)| c.map(Into::into));
                f.table = Some(kind.into());
                for note in [None, cell(own), cell(other(3))] {
                    let got = tables.key_by(&f, note, &Walk);
                    let want = tables.key_by(&f, note, &Reference);
                    assert_eq!(got, want, "{span:?} {name:?} {note:?}");
                    compared += usize::from(got.is_some());
                }
            }
        }
    }
    compared
}
