//! Canonical layouts of the tables without a template: generic tables and
//! legacy statistics tables (see the [module docs](super)).

use std::fmt;

use crate::lines::is_space;
use crate::model::{GenericTable, Key, LegacyRowSource, LegacyStatisticsTable, Number};

use super::put;

/// Writes `s` trimmed, each run of white space inside it as one space: a
/// legacy cell such as `6 1` stays one cell that is no number (written
/// `61`, it would read as the figure 61).
fn put_spaced<W: fmt::Write>(w: &mut W, s: &str) -> fmt::Result {
    for (i, word) in s.split(is_space).filter(|x| !x.is_empty()).enumerate() {
        if i > 0 {
            w.write_char(' ')?;
        }
        w.write_str(word)?;
    }
    Ok(())
}

/// The layout a generic table is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Tab-separated rows.
    Tabs,
    /// Pipe rows, closed by an empty pipe row `||`.
    Pipes,
    /// One cell per line (the parser cuts them into rows by their shape).
    Lines,
    /// One cell per line, the lines in paragraphs of at most
    /// [`LINES_REACH_CHARS`] characters with a blank line between (see
    /// [`write_packed_lines`]).
    Packed,
    /// One cell per paragraph (a blank line after each).
    Spread,
    /// Tab rows, a row that would open a standard table as a short note
    /// (`勾稽关系` in a line of at most [`NOTE_CHARS`] characters) padded with
    /// empty fields after its first cell until it is longer (generic rows
    /// drop empty fields, as the source's did).
    PaddedTabs,
}

/// The length of the longest line the parser reads as a table's note
/// (`parse::anchor`, a line with `勾稽关系`).
const NOTE_CHARS: usize = 80;

/// The characters of one paragraph that the parser's look-ahead for a
/// table of lines reads over (`parse::region::generic_region`): it stops
/// at a paragraph that, joined, has more.
pub(crate) const LINES_REACH_CHARS: usize = 20;

/// Writes a generic table: the header line, then each row. Cell text is
/// kept as written (`小 计`); only line ends inside a cell, which the grid
/// cannot hold, become spaces, and tabs in a table of tab rows (a table
/// with a tab inside a cell is written as pipe rows, which hold it).
///
/// A cell that holds a pipe cannot be written in a pipe row: such a table
/// is written in the first layout that the parser reads back as the same
/// cells (tab rows, then one cell per line, each tried by reading it), and
/// as pipe rows when none does.
pub fn write_generic<W: fmt::Write>(w: &mut W, t: &GenericTable) -> fmt::Result {
    if let Some([a, b]) = one_cell_per_line(t) {
        // two cells that are grid lines of different kinds: one per line
        // reads back as they are
        return write!(w, "{a}\n{b}\n");
    }
    let rows = || std::iter::once(&t.header).chain(&t.rows);
    // tab rows need two cells to be rows (or a cell that is a pipe row: the
    // region goes on over it), and a table two rows: anything less is
    // written as pipe rows, closed by an empty pipe row (which reads as no
    // row) so that the table has two pipe lines
    // (a cell that holds a tab is written in a pipe row too, where the tab
    // stays inside the cell)
    // (and so is a table whose header line, written with tabs, would open a
    // standard table: `行政复\t议` reads as the review/litigation header)
    let tab_row = |r: &[crate::model::Str]| {
        let fields: Vec<&str> = r.iter().map(|c| c.as_str()).collect();
        crate::grid::tabs::is_row(&fields.join("\t"))
    };
    let tabs = rows().all(|r| {
        !r.iter().any(|c| c.contains('\t'))
            && (tab_row(r) || matches!(r.as_slice(), [c] if crate::grid::pipes::is_row(c)))
    }) && rows().filter(|r| tab_row(r)).count() >= 2
        && crate::parse::region::anchor(&t.header.join("\t").replace(['\n', '\r'], " ")).is_none();
    if tabs {
        return write_form(w, t, Form::Tabs);
    }
    if rows().flatten().any(|c| c.contains('|')) {
        // pipe rows would cut the cell: the first layout that reads back
        for form in [Form::Tabs, Form::PaddedTabs, Form::Lines, Form::Packed] {
            let mut text = String::new();
            write_form(&mut text, t, form)?;
            if reads_back(&text, t) {
                return w.write_str(&text);
            }
        }
    }
    write_form(w, t, Form::Pipes)
}

/// True when `text`, read on its own, is one generic table with `t`'s cells.
/// A table whose first cell opens with a section marker (`三、收到和处理`)
/// is read in the section of that number, headed by that cell: read alone,
/// its first line is a section heading, where in that section (in which
/// the parser read it as the table's) it is the table's.
fn reads_back(text: &str, t: &GenericTable) -> bool {
    let is_t = |b: &[crate::model::Block]| {
        matches!(b, [crate::model::Block::Table(b)]
            if matches!(&**b, crate::model::Table::Generic(g) if g.header == t.header && g.rows == t.rows))
    };
    if crate::render::reread::preamble_of(text).is_some_and(|b| is_t(&b)) {
        return true;
    }
    let Some(first) = t
        .header
        .first()
        .filter(|c| !c.contains(['\n', '\r', '\t', '|']))
    else {
        return false;
    };
    crate::text::lexical::section_marker(first).is_ok()
        && crate::render::after_table::blocks_after(&[first.as_str()], text)
            .is_some_and(|b| is_t(&b))
}

/// Writes `t` in the layout `form` (see [`write_generic`]).
pub(super) fn write_form<W: fmt::Write>(w: &mut W, t: &GenericTable, form: Form) -> fmt::Result {
    let rows = std::iter::once(&t.header).chain(&t.rows);
    if form == Form::Packed {
        return write_packed_lines(w, rows.flatten());
    }
    if form == Form::Spread {
        for (i, c) in rows.flatten().enumerate() {
            if i > 0 {
                w.write_char('\n')?;
            }
            w.write_str(&c.replace(['\n', '\r'], " "))?;
            w.write_char('\n')?;
        }
        return Ok(());
    }
    if form == Form::Lines {
        for c in rows.flatten() {
            w.write_str(&c.replace(['\n', '\r'], " "))?;
            w.write_char('\n')?;
        }
        return Ok(());
    }
    let pipes = form == Form::Pipes;
    for (i, row) in rows.enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if pipes {
                    c.replace(['\n', '\r'], " ")
                } else {
                    c.replace(['\t', '\n', '\r'], " ")
                }
            })
            .collect();
        if pipes && i == 0 {
            // a header line that opens a standard table (`|第二十条|`) after
            // an empty pipe row, which reads as no row: the region is
            // already a generic table's there
            let line = format!("|{}|", cells.join("|"));
            if crate::parse::region::anchor(&line).is_some() {
                w.write_str("||\n")?;
            }
        }
        if pipes {
            w.write_char('|')?;
            if cells.is_empty() {
                w.write_char('|')?;
            }
            for c in &cells {
                w.write_str(c)?;
                w.write_char('|')?;
            }
        } else {
            let mut line = cells.join("\t");
            if form == Form::PaddedTabs
                && cells.len() > 1
                && crate::parse::region::anchor(&line).is_some()
            {
                let at = cells[0].len();
                let pad = (NOTE_CHARS + 1).saturating_sub(line.chars().count());
                line.insert_str(at, &"\t".repeat(pad));
            }
            w.write_str(&line)?;
        }
        w.write_char('\n')?;
    }
    if pipes {
        w.write_str("||\n")?;
    }
    Ok(())
}

/// Writes `cells` one per line, in paragraphs (a blank line between) each
/// as long as fits in [`LINES_REACH_CHARS`] characters. The parser finds a
/// table of lines when two figures stand within the next paragraphs of
/// short lines, and a paragraph whose lines, joined, are longer ends that
/// look-ahead: one cell per line without blank lines puts a figure out of
/// reach when the cells before it are long (`| szfgs2024.pd` `4` `-s` `245`),
/// and one cell per paragraph when there are many; packed, the cells reach
/// as far as the source's lines could.
fn write_packed_lines<'c, W: fmt::Write>(
    w: &mut W,
    cells: impl Iterator<Item = &'c crate::model::Str>,
) -> fmt::Result {
    let mut chars = 0;
    for (i, c) in cells.enumerate() {
        let c = c.replace(['\n', '\r'], " ");
        let n = c.trim_matches(is_space).chars().count();
        if i > 0 && chars + n > LINES_REACH_CHARS {
            w.write_char('\n')?;
            chars = 0;
        }
        chars += n;
        w.write_str(&c)?;
        w.write_char('\n')?;
    }
    Ok(())
}

/// A header cell and one row of one cell where each cell is a grid line (a
/// tab row or a pipe row) but not both of the same kind: the parser reads
/// such a table from its two lines as one cell per line (a layout of two
/// tab rows or two pipe rows would split them). Written as tab or pipe rows
/// they would not read back: a cell with a tab in a pipe row, or with pipes
/// in a tab row.
fn one_cell_per_line(t: &GenericTable) -> Option<[&str; 2]> {
    let ([a], [row]) = (t.header.as_slice(), t.rows.as_slice()) else {
        return None;
    };
    let [b] = row.as_slice() else {
        return None;
    };
    let cells = [a.as_str(), b.as_str()];
    let tab_rows = cells
        .iter()
        .filter(|c| crate::grid::tabs::is_row(c))
        .count();
    let pipe_rows = cells
        .iter()
        .filter(|c| crate::grid::pipes::is_row(c))
        .count();
    let clean = |c: &&str| c.trim_matches(is_space) == *c && !crate::lines::has_line_break(c);
    (tab_rows < 2
        && pipe_rows < 2
        && cells
            .iter()
            .all(|c| crate::grid::tabs::is_row(c) || crate::grid::pipes::is_row(c))
        && cells.iter().all(clean))
    .then_some(cells)
}

/// The values of a legacy statistics row.
type LegacyValues = crate::model::RowMap<crate::model::LegacyCol, Option<Number>>;

/// The keyed rows and the other rows of `t` in table order (by source
/// position: where a row starts is its first label, unit, code or cell).
fn legacy_rows_in_order(
    t: &LegacyStatisticsTable,
) -> Vec<(u32, &LegacyRowSource, Option<&LegacyValues>)> {
    let mut order: Vec<(u32, &LegacyRowSource, Option<&LegacyValues>)> = Vec::new();
    let start = |s: &LegacyRowSource| {
        s.label
            .iter()
            .chain(&s.unit)
            .chain(&s.code)
            .chain(s.cells.values())
            .chain(&s.extra)
            .map(|t| t.span.start)
            .min()
            .unwrap_or(u32::MAX)
    };
    for (k, s) in &t.source {
        order.push((start(s), s, t.rows.get(k)));
    }
    for r in &t.other_rows {
        order.push((start(&r.source), &r.source, Some(&r.values)));
    }
    order.sort_by_key(|o| o.0);
    order
}

/// Writes a legacy statistics table: the header `指标名称 | 计量单位 | [代码 |]`
/// and the column labels, then one row per indicator in table order
/// (label, unit, code and cells as written; white space inside a cell as
/// one space). Where a row has cells beyond the columns, every line is
/// padded with empty fields to the widest, so each row reads back cell by
/// cell in its column.
///
/// The table is written in tab rows, unless one of its rows would not be a
/// tab row (fewer than two non-blank fields: a row with an empty label and
/// one cell, or a label alone) and no cell holds a pipe: then in pipe rows
/// (each field followed by a pipe), where every row is a row and empty
/// fields keep their positions.
pub fn write_legacy_statistics<W: fmt::Write>(w: &mut W, t: &LegacyStatisticsTable) -> fmt::Result {
    let lines = legacy_lines(t)?;
    if let Some(piped) = legacy_header_alone(t, &lines) {
        return w.write_str(&piped);
    }
    let pipes = lines
        .iter()
        .any(|l| !crate::grid::tabs::is_row(&l.join("\t")))
        && !lines.iter().flatten().any(|f| f.contains('|'));
    for l in &lines {
        if pipes {
            // no outer pipe before the first field: the parser reads the
            // row's fields as they stand (an empty label keeps its place)
            for f in l {
                w.write_str(f)?;
                w.write_char('|')?;
            }
        } else {
            w.write_str(&l.join("\t"))?;
        }
        w.write_char('\n')?;
    }
    Ok(())
}

/// Legacy statistics table `t` as one line of running text, its fields
/// (the header, then each row: label, unit, code, cells) separated by one
/// space, as crawler text writes such a table (`指标名称 本年度 件 1`): with
/// the template's header, then with the header as the source wrote it (its
/// header fragments, `指标名称 计量单位 2012年度`) when it has one. Empty
/// fields are left out (a flow line keeps no empty cell in its place: the
/// caller reads the line back). None when a field holds white space or a
/// pipe, or the table has no row.
pub(crate) fn legacy_flow_lines(t: &LegacyStatisticsTable) -> Vec<String> {
    let Ok(lines) = legacy_lines(t) else {
        return Vec::new();
    };
    let clean = |f: &String| !f.contains(|c: char| c.is_whitespace() || c == '|');
    let rows: Vec<&String> = lines[1..]
        .iter()
        .flatten()
        .filter(|f| !f.is_empty())
        .collect();
    if lines.len() < 2 || !rows.iter().all(|f| clean(f)) {
        return Vec::new();
    }
    let source: Vec<String> = t
        .fragments
        .iter()
        .filter(|f| f.role == crate::model::FragmentRole::Header)
        .map(|f| {
            f.raw
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        })
        .filter(|f| !f.is_empty())
        .collect();
    let mut headers = vec![
        lines[0]
            .iter()
            .filter(|f| !f.is_empty())
            .cloned()
            .collect::<Vec<_>>(),
    ];
    if !source.is_empty() && source != headers[0] && source.iter().all(clean) {
        headers.push(source);
    }
    headers
        .into_iter()
        .map(|h| {
            let mut fields: Vec<&str> = h.iter().map(String::as_str).collect();
            fields.extend(rows.iter().map(|f| f.as_str()));
            fields.join(" ")
        })
        .collect()
}

/// The fields of legacy statistics table `t`, line by line: the header,
/// then each row, every line as wide as the widest.
fn legacy_lines(t: &LegacyStatisticsTable) -> Result<Vec<Vec<String>>, fmt::Error> {
    let srcs: Vec<&LegacyRowSource> = t
        .source
        .values()
        .chain(t.other_rows.iter().map(|r| &r.source))
        .collect();
    let unit = srcs.iter().any(|s| s.unit.is_some());
    let code = srcs.iter().any(|s| s.code.is_some());
    let mut lines: Vec<Vec<String>> = Vec::with_capacity(srcs.len() + 1);
    let mut header = vec!["指标名称".to_owned()];
    if unit {
        header.push("计量单位".to_owned());
    }
    if code {
        header.push("代码".to_owned());
    }
    header.extend(t.columns.iter().map(|c| c.label().to_owned()));
    lines.push(header);
    let order = legacy_rows_in_order(t);
    let field = |f: &dyn Fn(&mut String) -> fmt::Result| -> Result<String, fmt::Error> {
        let mut s = String::new();
        f(&mut s)?;
        Ok(s)
    };
    for (_, s, values) in order {
        let mut line = Vec::with_capacity(t.columns.len() + 3);
        line.push(field(&|w| {
            s.label.as_ref().map_or(Ok(()), |l| put(w, &l.raw))
        })?);
        if unit {
            line.push(field(&|w| {
                s.unit.as_ref().map_or(Ok(()), |u| put(w, &u.raw))
            })?);
        }
        if code {
            line.push(field(&|w| {
                s.code.as_ref().map_or(Ok(()), |c| put(w, &c.raw))
            })?);
        }
        for c in &t.columns {
            line.push(field(&|w| match s.cells.get(c) {
                Some(x) => put_spaced(w, &x.raw),
                None => match values.and_then(|v| v.get(c)) {
                    Some(Some(n)) => fmt::Write::write_fmt(w, format_args!("{n}")),
                    _ => Ok(()),
                },
            })?);
        }
        for x in &s.extra {
            line.push(field(&|w| put(w, &x.raw))?);
        }
        lines.push(line);
    }
    // a row with cells beyond the columns (`extra`): every line, the header
    // too, is as wide as the widest, so the parser reads each row as a grid
    // row (every cell in its column, an empty label kept empty) and not as
    // tokens (where a numeric first cell would be a value)
    let width = lines.iter().map(Vec::len).max().unwrap_or(0);
    for l in &mut lines {
        l.resize(width, String::new());
    }
    Ok(lines)
}

/// The header line of table `t` without rows (`lines` its only line) as pipe
/// rows, when that reads back as the table and its tab row does not.
fn legacy_header_alone(t: &LegacyStatisticsTable, lines: &[Vec<String>]) -> Option<String> {
    // a table without rows: its header line alone reads back as a
    // paragraph (one tab row); in pipe rows with an empty row after it
    // (`|指标名称|历年累计|` + `||`) it reads back as the table
    if let [header] = lines
        && !header.iter().any(|f| f.contains('|'))
    {
        let tabs = format!("{}\n", header.join("\t"));
        let one_table = |text: &str| {
            crate::render::reread::preamble_of(text).is_some_and(|b| {
                matches!(b.as_slice(), [crate::model::Block::Table(x)]
                    if matches!(&**x, crate::model::Table::LegacyStatistics(x) if *x == *t))
            })
        };
        if !one_table(&tabs) {
            let piped = format!("|{}|\n||\n", header.join("|"));
            if one_table(&piped) {
                return Some(piped);
            }
        }
    }
    None
}
