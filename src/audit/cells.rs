//! Rules over single cells of the standard tables: `table.empty_cell`,
//! `table.fused_cells`, `table.not_a_number` and `table.not_count`.
//!
//! A cell is one of: a figure; empty or a null marker (`table.empty_cell`);
//! text that is no number at all, such as `abc` (`table.not_a_number`, read
//! from the raw text kept in the table's `source`). A figure in a count
//! column (every column but amounts of money and the 2019 本年增/减 change)
//! must be a non-negative whole number (`table.not_count`).

use crate::model::RowMap;

use super::{
    TABLE_EMPTY_CELL, TABLE_FUSED_CELLS, TABLE_NOT_A_NUMBER, TABLE_NOT_COUNT, excerpt, finding,
};
use crate::model::table::Values;
use crate::model::{
    AdField, Finding, Fragment, FragmentRole, Key, Number, RowSource, Severity, Table,
};

/// True for a cell text that means "no figure": empty, 无, /, —, - ….
pub(crate) fn is_null_marker(raw: &str) -> bool {
    crate::text::nulls::is_null_marker(raw, true)
}

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    for &table in &cx.tables {
        match table {
            Table::Applications(t) => scan("applications", &t.rows, &t.source, &t.fragments, out),
            Table::ReviewLitigation(t) => {
                scan("review_litigation", &t.groups, &t.source, &t.fragments, out)
            }
            Table::ActiveDisclosure(t) => {
                scan("active_disclosure", &t.items, &t.source, &t.fragments, out)
            }
            Table::LegacyStatistics(_) | Table::Generic(_) => {}
        }
    }
}

/// The text the parser left beside an empty cell: the first fragment of
/// role `other` on the cell's line, at or after the cell's place and before
/// the row's next cell (and before a group label: text after one is not in
/// this row's place), when it is neither a null marker nor a number. Header text
/// on the line at or after the cell's place ends it too (what follows header
/// words is no text of the row's cell: see
/// `template::active_disclosure::label`), and so does the start of another
/// row on that line (`rows`: every row's start, sorted): text after the next
/// row's label is that row's, wherever its cells stand (`一、本年新收四、结转下0构`:
/// `构` follows 四's digits, not 一's empty cells).
fn stray_text<'a, C: Key>(
    text: &crate::model::Text,
    row: &RowSource<C>,
    rows: &[u32],
    fragments: &'a [Fragment],
) -> Option<&'a Fragment> {
    // (`trim().is_empty()` without searching from both ends)
    if !text.raw.chars().all(char::is_whitespace) {
        return None;
    }
    let at = text.span.start;
    let on_line_after = |f: &&Fragment| f.span.line == text.span.line && f.span.start >= at;
    // (a row's empty cells may sit at the start of the next row's label)
    let own = row.start().unwrap_or(at);
    let next_row = rows
        .get(rows.partition_point(|&s| s < at || s <= own))
        .copied();
    // (a cell with text at the same place, the figure the empty cells sit
    // at in space-aligned text, `4` + `结`, ends it too: text after that
    // figure is beside it)
    let next = row
        .cells
        .values()
        .filter(|c| {
            c.span.start > at || (c.span.start == at && !c.raw.chars().all(char::is_whitespace))
        })
        .map(|c| c.span.start)
        .chain(next_row)
        .chain(
            fragments
                .iter()
                .filter(|f| {
                    (f.role == FragmentRole::GroupLabel && f.span.start >= at)
                        || (f.role == FragmentRole::Header && on_line_after(f))
                })
                .map(|f| f.span.start),
        )
        .min()
        .unwrap_or(u32::MAX);
    // the first such fragment stands in the cell's place; text after it
    // follows that fragment, not the cell (`0.国家秘密` + `1` + `e`: the
    // canonical text writes one fragment in a place, so `e` would be gone)
    fragments
        .iter()
        .filter(on_line_after)
        .find(|f| f.role == FragmentRole::Other && f.span.start < next)
        .filter(|f| !is_null_marker(&f.raw) && Number::parse_prefix(f.raw.trim()).is_none())
}

/// Looks keys up in the entries of a map (whose keys are unique) from
/// where the last one was found: a table's maps list their rows and
/// columns in one order, so that a lookup takes one step, not a search
/// from the first entry.
struct Cursor<'m, K, V> {
    entries: &'m [(K, V)],
    at: usize,
}

impl<'m, K: PartialEq, V> Cursor<'m, K, V> {
    fn new(entries: &'m [(K, V)]) -> Self {
        Cursor { entries, at: 0 }
    }

    fn get(&mut self, key: &K) -> Option<&'m V> {
        let i = match self.entries.get(self.at) {
            Some((k, _)) if k == key => self.at,
            // the keys are unique: the one entry of `key`, wherever it is
            _ => self.entries.iter().position(|(k, _)| k == key)?,
        };
        self.at = i + 1;
        Some(&self.entries[i].1)
    }
}

fn scan<R: Key, C: Key>(
    table: &str,
    values: &Values<R, C>,
    source: &RowMap<R, RowSource<C>>,
    fragments: &[Fragment],
    out: &mut Vec<Finding>,
) {
    // no text beside any empty cell when the table kept no `other` text
    let strays = fragments.iter().any(|f| f.role == FragmentRole::Other);
    // where each row starts (the bound of the text beside another row's cells)
    let mut starts: Vec<u32> = Vec::new();
    if strays {
        starts.extend(source.values().filter_map(RowSource::start));
        starts.sort_unstable();
    }
    let mut rows = Cursor::new(values.as_slice());
    for (row, src) in source {
        if let Some(fused) = &src.fused {
            out.push(fused_row(table, *row, fused));
            continue;
        }
        // the figure of each cell (a walk along the row's figures)
        let figures = rows.get(row).map_or(&[][..], |cells| cells.as_slice());
        let mut figure = Cursor::new(figures);
        let mut gaps = false;
        for (col, text) in &src.cells {
            let value = figure.get(col).copied().flatten();
            gaps |= value.is_none();
            // (most cells: a count, nothing to say)
            if value.is_none_or(|n| !n.is_integer() || n.mantissa() < 0) {
                sanity(table, *row, *col, text, value, out);
            }
        }
        // Text such as `abc` that the parser kept beside an empty cell.
        let mut stray_cols = Vec::new();
        let mut cells = src.cells.iter().filter(|_| strays).peekable();
        while let Some((col, text)) = cells.next() {
            // empty cells that share one place (a row's last cells after its
            // figures, in space-aligned text) quote the text there once, at
            // the last of them: the others are empty cells
            if cells.peek().is_some_and(|(_, next)| {
                next.span.start == text.span.start && next.raw.chars().all(char::is_whitespace)
            }) {
                continue;
            }
            if let Some(f) = stray_text(text, src, &starts, fragments) {
                let t = crate::model::Text {
                    raw: f.raw.clone(),
                    span: f.span,
                };
                sanity(table, *row, *col, &t, None, out);
                stray_cols.push(*col);
            }
        }
        if !gaps {
            continue;
        }
        let mut figure = Cursor::new(figures);
        let empty: Vec<(&C, &crate::model::Text)> = src
            .cells
            .iter()
            .filter(|(col, text)| {
                figure.get(col).copied().flatten().is_none()
                    && is_null_marker(&text.raw)
                    && !stray_cols.contains(col)
            })
            .collect();
        if !empty.is_empty() {
            empty_cells(table, *row, src.cells.len(), &empty, out);
        }
    }
}

/// The note for a row whose digits ran together.
fn fused_row<R: Key>(table: &str, row: R, fused: &crate::model::Text) -> Finding {
    let msg = format!(
        "The digits of row {} ran together (“{}”), so its cells cannot be told apart or checked.",
        row.key(),
        excerpt(&fused.raw, 40)
    );
    let mut f = finding(TABLE_FUSED_CELLS, Severity::Note, msg, Some(fused.span));
    f.table = Some(table.into());
    f.row = Some(row.key().into());
    f
}

/// The warnings for the `empty` cells of a row of `cells` cells: one per
/// cell, or one for the row when all its cells are empty (blank: a row
/// with no figures at all). Not only when they share one place (their
/// positions unknown, as after a row's last figure in flow text): the
/// canonical text gives each empty cell a place of its own, and the
/// findings must not depend on where the cells stood (issue 15's round-trip
/// law; a hand-built model's cells have no places either).
fn empty_cells<R: Key, C: Key>(
    table: &str,
    row: R,
    cells: usize,
    empty: &[(&C, &crate::model::Text)],
    out: &mut Vec<Finding>,
) {
    if empty.len() == cells && empty.len() > 1 && empty.iter().all(|(_, t)| t.raw.trim().is_empty())
    {
        let msg = format!("The row {} of the {table} table has no figures.", row.key());
        let mut f = finding(
            TABLE_EMPTY_CELL,
            Severity::Warning,
            msg,
            Some(empty[0].1.span),
        );
        f.table = Some(table.into());
        f.row = Some(row.key().into());
        out.push(f);
        return;
    }
    for (col, text) in empty {
        let what = if text.raw.trim().is_empty() {
            "empty".to_owned()
        } else {
            format!("“{}”", excerpt(&text.raw, 20))
        };
        let msg = format!(
            "The cell {}/{} of the {table} table is {what}, not a figure.",
            row.key(),
            col.key()
        );
        let mut f = finding(TABLE_EMPTY_CELL, Severity::Warning, msg, Some(text.span));
        f.table = Some(table.into());
        f.row = Some(row.key().into());
        f.column = Some(col.key().into());
        out.push(f);
    }
}

/// True when the column holds a count (not an amount or a signed change).
fn is_count_column(table: &str, col: &str) -> bool {
    // the three fields' keys compared directly (no search of every key)
    table != "active_disclosure"
        || ![AdField::Amount10kYuan, AdField::Amount, AdField::Change]
            .iter()
            .any(|f| f.key() == col)
}

/// `table.not_a_number` and `table.not_count` for one cell.
fn sanity<R: Key, C: Key>(
    table: &str,
    row: R,
    col: C,
    text: &crate::model::Text,
    value: Option<Number>,
    out: &mut Vec<Finding>,
) {
    let (rule, severity, msg, found) = match value {
        None if !is_null_marker(&text.raw) => (
            TABLE_NOT_A_NUMBER,
            Severity::Warning,
            format!(
                "The cell {}/{} of the {table} table reads “{}”, which is not a number.",
                row.key(),
                col.key(),
                excerpt(&text.raw, 20)
            ),
            None,
        ),
        Some(n)
            if is_count_column(table, col.key())
                && (!n.is_integer() || n.cmp_value(Number::int(0)) == std::cmp::Ordering::Less) =>
        {
            (
                TABLE_NOT_COUNT,
                Severity::Error,
                format!(
                    "The cell {}/{} of the {table} table is {n}, but a count is a whole number, 0 or more.",
                    row.key(),
                    col.key()
                ),
                Some(n),
            )
        }
        _ => return,
    };
    let mut f = finding(rule, severity, msg, Some(text.span));
    f.found = found;
    f.table = Some(table.into());
    f.row = Some(row.key().into());
    f.column = Some(col.key().into());
    out.push(f);
}

#[cfg(test)]
mod tests {
    /// The `table.not_a_number` findings of `text` and the cells they name.
    fn not_a_number(text: &str) -> Vec<(String, String)> {
        let report = crate::parse(text).expect("parses");
        // (the canonical text reads back as the same report, findings too)
        assert_eq!(crate::parse(&report.render()).expect("reads back"), report);
        report
            .findings
            .iter()
            .filter(|f| f.rule == super::TABLE_NOT_A_NUMBER)
            .map(|f| (f.row.as_deref().unwrap_or("").into(), f.message.to_string()))
            .collect()
    }

    const HEAD: &str = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n";

    #[test]
    fn text_beside_an_empty_cell_is_quoted() {
        let got = not_a_number(&format!("{HEAD}规章\t1\t0\t\tabc\n"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains("regulations/in_force") && got[0].1.contains("“abc”"));
    }

    #[test]
    fn the_next_rows_label_ends_an_empty_cells_place() {
        // 一's empty cells sit where 四's label starts, on one flow line:
        // `构` after 四's digits is no text of 一's cells
        for text in ["一、本年新收四、结转下0构", "一、本年新收四、结转下0诉"]
        {
            let got = not_a_number(text);
            assert!(got.is_empty(), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn text_after_the_first_fragment_is_not_in_the_cells_place() {
        // `0.国家秘密` stands in the empty cells' place (a figure first: no
        // stray text); `1` and `e` follow it, not the cells
        let got = not_a_number("（本列国家秘密0.国家秘密1e");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn header_words_end_an_empty_cells_place() {
        // header words on the row's line after its empty last cell: what
        // follows them (a null marker, then `abc`) is no text of that cell
        for row in [
            "规章\t1\t0\t\t本年制发件数\t/\tabc",
            "规章\t1\t0\t\t本年制发件数\tabc",
            "规章\t1\t\t\t信息内容\t/\tabc",
        ] {
            let got = not_a_number(&format!("{HEAD}{row}\n"));
            assert!(got.is_empty(), "{row:?}: {got:?}");
        }
    }

    proptest::proptest! {
        /// The cursor finds what a search from where it stands, wrapping
        /// round, found (the keys of a map are unique).
        #[test]
        fn the_cursor_finds_what_the_wrapping_search_found(
            n in 0usize..12,
            asked in proptest::collection::vec(0u8..14, 0..24),
        ) {
            let entries: Vec<(u8, usize)> = (0..n).map(|i| ((i * 7 % 13) as u8, i)).collect();
            let mut cursor = super::Cursor::new(&entries);
            let mut at = 0;
            for key in asked {
                let len = entries.len();
                let reference = (at..len)
                    .chain(0..at.min(len))
                    .find(|&i| entries[i].0 == key);
                if let Some(i) = reference {
                    at = i + 1;
                }
                proptest::prop_assert_eq!(cursor.get(&key), reference.map(|i| &entries[i].1));
            }
        }
    }
}
