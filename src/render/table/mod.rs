//! Canonical layouts of the tables (see the [module docs](super) for the
//! canonical form as a whole).
//!
//! Every table is written tab-separated, one row per line, every line ending
//! with `\n`, and every raw text with all white space removed. A cell is its
//! raw source text when the model has one, else its value's `Display`, else
//! empty.

use std::fmt;
use std::hash::Hash;

use crate::model::RowMap;

use crate::lines::is_space;
use crate::model::{
    AdItem, AppGroup, AppRow, ApplicationsTable, Block, Fragment, FragmentRole, Key, RowSource,
    Table,
};

mod active_disclosure;
mod after_paragraph;
mod apart;
mod fragments;
mod free;
mod fused;
mod label;
mod review_litigation;

use active_disclosure::active_disclosure;
pub use active_disclosure::{active_disclosure_format, write_active_disclosure};
pub(crate) use after_paragraph::generic_after_paragraph;
pub(crate) use apart::table_text_after;
pub use apart::table_text_before_tab_row;
use fragments::RowFragments;
pub(crate) use free::{LINES_REACH_CHARS, legacy_flow_lines};
pub use free::{write_generic, write_legacy_statistics};
use fused::put_fused;
use label::{LabelForm, put_label, stray_cells};
use review_litigation::review_litigation;
pub use review_litigation::write_review_litigation;

/// The note line that opens a canonical applications table.
pub const APPLICATIONS_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The first header cell of a canonical applications table.
pub const APPLICATIONS_CORNER: &str = "申请人情况";

/// The three header lines of a canonical review/litigation table.
pub const REVIEW_LITIGATION_HEADER: [&str; 2] = [
    "行政复议\t\t\t\t\t行政诉讼",
    "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
];

/// The template blocks of the active-disclosure table: the numeral of
/// 第二十条第（N）项 and the items of the block, in order.
pub const ACTIVE_DISCLOSURE_BLOCKS: [(&str, &[AdItem]); 5] = [
    ("（一）", &[AdItem::Regulations, AdItem::NormativeDocuments]),
    ("（五）", &[AdItem::Licensing, AdItem::OtherServices]),
    ("（六）", &[AdItem::Penalties, AdItem::Enforcement]),
    ("（八）", &[AdItem::Fees]),
    ("（九）", &[AdItem::Procurement]),
];

/// Writes `table` in its canonical layout.
pub fn write_table<W: fmt::Write>(w: &mut W, table: &Table) -> fmt::Result {
    if fused_pipes(table) {
        // fused digits read from tab rows may hold a pipe too (`\u{8}2|e`
        // after a tab): in tab rows they read back as they are, so tab rows
        // when the table reads back from them
        let mut tabs = String::new();
        write_table_rows(&mut tabs, table, false)?;
        if read_back(&tabs).is_some_and(|t| t == *table) {
            return w.write_str(&tabs);
        }
        // their white space kept (a tab before a pipe, `0\t\t|0`) they may
        // read as cells; with one space in each run, as pipe rows write
        // them, they may read back fused: then the tab rows of what they
        // read back, which is what this table's re-read writes (the first
        // form above), when those read back as this table
        if let Some(tabs) = spaced_tab_rows(table)? {
            return w.write_str(&tabs);
        }
        // fused digits read from pipe rows hold their pipes (`0|0`): they
        // read back so only in a table of pipe rows, so the whole table is
        // written as pipe rows (each tab a pipe, each line between pipes)
        let mut tabs = String::new();
        write_table_rows(&mut tabs, table, true)?;
        for line in tabs.lines() {
            w.write_char('|')?;
            w.write_str(&line.replace('\t', "|"))?;
            w.write_str("|\n")?;
        }
        return Ok(());
    }
    write_table_rows(w, table, false)
}

/// The table that `text` reads back as, when it reads as one table alone.
fn read_back(text: &str) -> Option<Table> {
    let mut blocks = super::reread::preamble_of(text)?;
    match (blocks.pop()?, blocks.is_empty()) {
        (Block::Table(t), true) => Some(*t),
        _ => None,
    }
}

/// `table` as tab rows with the white space of its fused digits spaced as
/// pipe rows write it (one space a run), rewritten from what that reads
/// back as; `None` when either does not read back as `table`.
fn spaced_tab_rows(table: &Table) -> Result<Option<String>, fmt::Error> {
    let mut spaced = String::new();
    write_table_rows(&mut spaced, table, true)?;
    let Some(read) = read_back(&spaced).filter(|t| t == table) else {
        return Ok(None);
    };
    let mut tabs = String::new();
    write_table_rows(&mut tabs, &read, false)?;
    Ok(read_back(&tabs)
        .is_some_and(|t| t == *table)
        .then_some(tabs))
}

/// True when a row of a standard table has fused digits with a pipe
/// between them (`0|0`). A pipe only at the start or end of the fused text
/// (`2|`, stray text after a tab row's digits) is no cell boundary there: a
/// tab row keeps it, where a pipe row would read it as its outer pipe.
fn fused_pipes(table: &Table) -> bool {
    fn any<C: Hash + Eq>(rows: &RowMap<impl Hash + Eq, RowSource<C>>) -> bool {
        rows.values().any(|s| {
            s.fused.as_ref().is_some_and(|f| {
                f.raw
                    .trim_matches(|c: char| c == '|' || is_space(c))
                    .contains('|')
            })
        })
    }
    match table {
        Table::Applications(t) => any(&t.source),
        Table::ReviewLitigation(t) => any(&t.source),
        Table::ActiveDisclosure(t) => any(&t.source),
        Table::LegacyStatistics(_) | Table::Generic(_) => false,
    }
}

/// Writes `table` in its canonical layout as tab rows; with `pipes`, rows
/// that the caller turns into pipe rows (each tab a pipe): fused digits are
/// then written with no tab of their own (see [`fused::put_fused`]).
fn write_table_rows<W: fmt::Write>(w: &mut W, table: &Table, pipes: bool) -> fmt::Result {
    match table {
        Table::Applications(t) => applications(w, t, pipes),
        Table::ReviewLitigation(t) => review_litigation(w, t, pipes),
        Table::ActiveDisclosure(t) => active_disclosure(w, t, pipes),
        Table::LegacyStatistics(t) => write_legacy_statistics(w, t),
        Table::Generic(t) => write_generic(w, t),
    }
}

/// Writes `s` with all white space removed.
fn put<W: fmt::Write>(w: &mut W, s: &str) -> fmt::Result {
    for c in s.chars().filter(|c| !is_space(*c)) {
        w.write_char(c)?;
    }
    Ok(())
}

/// Writes one cell: raw source text, else the value, else nothing.
fn put_cell<W: fmt::Write, C: Hash + Eq>(
    w: &mut W,
    source: Option<&RowSource<C>>,
    values: Option<&crate::model::table::Row<C>>,
    col: &C,
) -> fmt::Result {
    if let Some(text) = source.and_then(|s| s.cells.get(col)) {
        put(w, &text.raw)
    } else if let Some(Some(n)) = values.and_then(|v| v.get(col)) {
        write!(w, "{n}")
    } else {
        Ok(())
    }
}

/// Writes `label` TAB cells (or `label` TAB fused), the fragments that
/// stand in the row (see [`RowFragments`]) and the line end.
fn put_row<'a, W: fmt::Write, C: Key>(
    w: &mut W,
    template_label: &str,
    source: Option<&'a RowSource<C>>,
    values: Option<&crate::model::table::Row<C>>,
    columns: &[C],
    frags: &mut RowFragments<'a>,
    pipes: bool,
) -> fmt::Result {
    let mine = source
        .map(|s| frags.take(s, template_label))
        .unwrap_or_default();
    // the fragments of the row's lines, each after the cell (or fused
    // digits) it follows in the source; the rest at the end of the row
    let mut glued: Vec<bool> = mine
        .iter()
        .map(|f| f.after_label || f.after_digits)
        .collect();
    // a fragment was written last (the end of its source span): another one
    // written right after it would read back as one fragment with it
    // (`7（\t提`), so it is not written, unless it stood glued to it in the
    // source (`7.法 2.` + `1.案`, cut at the marker `1.`): written glued, the
    // two are the text the source's field held, which reads back as it did
    let mut wrote: Option<u32> = None;
    let mut after = |w: &mut W, at: Option<&crate::model::Text>, last: bool| -> fmt::Result {
        if !last {
            // a cell was just written
            wrote = None;
        }
        let here = |f: &fragments::RowFragment<'_>| match at {
            Some(t) => f.after.is_some_and(|a| std::ptr::eq(a, t)),
            None => last,
        };
        for (i, f) in mine.iter().enumerate() {
            if glued[i] {
                continue;
            }
            if here(f) || last {
                glued[i] = true;
                let on = wrote == Some(f.span.0);
                if wrote.is_some() && !on {
                    continue;
                }
                wrote = Some(f.span.1);
                // (the fragment written right after it, glued to it)
                let next = mine
                    .get(i + 1)
                    .filter(|n| !glued[i + 1] && n.span.0 == f.span.1 && (here(n) || last))
                    .map_or("", |n| n.raw);
                put_row_fragment(w, f, on, next)?;
            }
        }
        Ok(())
    };
    let after_digits = mine.iter().any(|f| f.after_digits);
    let form = LabelForm::of(source, template_label, pipes, mine.is_empty(), after_digits);
    put_label(w, template_label, source, values, columns, form)?;
    put_after_label(w, &mine)?;
    if let Some(fused) = source.and_then(|s| s.fused.as_ref()) {
        w.write_char('\t')?;
        let stray = stray_cells::<C>();
        put_fused(w, &fused.raw, " ", columns.len(), pipes, stray)?;
        after(w, Some(fused), false)?;
    } else {
        for col in columns {
            w.write_char('\t')?;
            put_cell(w, source, values, col)?;
            after(w, source.and_then(|s| s.cells.get(col)), false)?;
        }
    }
    after(w, None, true)?;
    w.write_char('\n')?;
    if let (Some(first), Some(label)) = (form.wrapped, source.and_then(|s| s.label.as_ref())) {
        put(w, &label.raw[first..])?;
        w.write_char('\n')?;
    }
    Ok(())
}

/// Writes fragment `f` of a row where it goes (see `put_row`): after a tab
/// when it is one more field (not when `on` the fragment written before it,
/// to which it stood glued), its words apart in a field or cell's place of
/// its own (`next`: the fragment written glued after it, see
/// [`fragments::put_fragment`]).
fn put_row_fragment<W: fmt::Write>(
    w: &mut W,
    f: &fragments::RowFragment<'_>,
    on: bool,
    next: &str,
) -> fmt::Result {
    if f.tab && !on {
        w.write_char('\t')?;
    } else if f.space_before && !on {
        w.write_char(' ')?;
    }
    // (one more field keeps its words apart too: `织 构` is quoted so by the
    // audit, written `织构` it would not be)
    if f.spaced || f.tab {
        fragments::put_fragment(w, f.raw, next)
    } else {
        put(w, f.raw)
    }
}

/// Writes the fragments of a row that stand glued after its label (or as
/// one more field after it), before its fused digits (see
/// `template::beside`), and those glued after a label that ends in digits
/// (`fragments::after_label_digits`); `put_row` counts them as written.
fn put_after_label<W: fmt::Write>(w: &mut W, mine: &[fragments::RowFragment<'_>]) -> fmt::Result {
    for f in mine.iter().filter(|f| f.after_label || f.after_digits) {
        if f.after_digits {
            label::put_as_stood(w, f.raw)?;
            continue;
        }
        if f.tab {
            w.write_char('\t')?;
        }
        put(w, f.raw)?;
    }
    Ok(())
}

/// The group numeral (`(三)` … `(六)`, folded as
/// [`crate::text::lexical::norm`] folds) of a row that belongs to a group.
fn group_numeral(row: AppRow) -> Option<&'static str> {
    row.app_group().map(|g| match g {
        AppGroup::Denied => "(三)",
        AppGroup::Unable => "(四)",
        AppGroup::NotProcessed => "(五)",
        AppGroup::Other => "(六)",
    })
}

/// True for the rows of 三、本年度办理结果 (granted … total_processed).
fn in_results(row: AppRow) -> bool {
    row.is_outcome() || row.group().is_some() || row == AppRow::TotalProcessed
}

/// Writes the applications table (see the module docs).
pub fn write_applications<W: fmt::Write>(w: &mut W, t: &ApplicationsTable) -> fmt::Result {
    applications(w, t, false)
}

/// [`write_applications`]; `pipes` as [`write_table_rows`].
fn applications<W: fmt::Write>(w: &mut W, t: &ApplicationsTable, pipes: bool) -> fmt::Result {
    w.write_str(APPLICATIONS_NOTE)?;
    w.write_char('\n')?;
    w.write_str(APPLICATIONS_CORNER)?;
    for col in &t.columns {
        w.write_char('\t')?;
        w.write_str(col.label())?;
    }
    w.write_char('\n')?;

    let mut frags = RowFragments::new(&t.fragments, t.source.values());
    let mut used = vec![false; t.fragments.len()];
    let mut started: Vec<&'static str> = Vec::new();
    for (row, values) in &t.rows {
        let row = *row;
        // a group label that stood before this row in the source and that
        // no group of the canonical layout claimed: where it stood
        // (it starts the canonical group it names: another label of that
        // group, which stood after the row, is not written before it)
        let needles = [
            in_results(row).then_some("本年度办理结果"),
            group_numeral(row),
        ];
        if let Some(start) = t.source.get(&row).and_then(RowSource::start) {
            for (i, f) in t.fragments.iter().enumerate() {
                if !used[i] && f.role == FragmentRole::GroupLabel && f.span.start < start {
                    used[i] = true;
                    // (not one that reads as this very row: see `reads_as_row`)
                    if reads_as_row(&f.raw) == Some(row) {
                        continue;
                    }
                    put_group_label(w, &t.fragments, i)?;
                    let norm = crate::text::lexical::norm(&f.raw);
                    for needle in needles.iter().flatten() {
                        if norm.contains(needle) && !started.contains(needle) {
                            started.push(needle);
                        }
                    }
                }
            }
        }
        for needle in needles.into_iter().flatten() {
            put_group_for(w, t, needle, &mut used, &mut started)?;
        }
        put_row(
            w,
            row.label(),
            t.source.get(&row),
            Some(values),
            &t.columns,
            &mut frags,
            pipes,
        )?;
    }
    // group labels after the last row (the audit checks their titles),
    // except one that, alone on the table's last line, reads as a row (a
    // repeated `（六）其他处理` with no row of its group after it: the parser
    // takes 其他处理 without figures for a group label only before a row)
    for (i, f) in t.fragments.iter().enumerate() {
        if !used[i] && f.role == FragmentRole::GroupLabel && reads_as_row(&f.raw).is_none() {
            put_group_label(w, &t.fragments, i)?;
        }
    }
    Ok(())
}

/// The row a group label reads as alone on its line (`（六）其他处理`: a group
/// label only before a row of another name; right before the row 其他处理 it
/// reads as that row, the row's label as its rest: not written there).
fn reads_as_row(raw: &str) -> Option<AppRow> {
    match crate::template::vocabulary::app_label(&crate::text::lexical::norm(raw)) {
        crate::template::vocabulary::AppLabel::Row(r) => Some(r),
        _ => None,
    }
}

/// Writes the first unused group label of the group `needle` names
/// (`本年度办理结果`, or a group numeral) before the group's first row, unless
/// a label of that group was written already (`started`): one that stood
/// after the start of the group's first row stays after it (written where it
/// stood, before a later row, or after the table's last row; moved before
/// the group, it would read back before that row, and the findings on the
/// label and the rows in another order).
fn put_group_for<W: fmt::Write>(
    w: &mut W,
    t: &ApplicationsTable,
    needle: &'static str,
    used: &mut [bool],
    started: &mut Vec<&'static str>,
) -> fmt::Result {
    if started.contains(&needle) {
        return Ok(());
    }
    started.push(needle);
    // where the group's first row starts in the source
    let first = t
        .source
        .iter()
        .filter(|(r, _)| {
            (needle == "本年度办理结果" && in_results(**r)) || group_numeral(**r) == Some(needle)
        })
        .filter_map(|(_, s)| s.start())
        .min();
    let found = t.fragments.iter().enumerate().find(|(i, f)| {
        !used[*i]
            && f.role == FragmentRole::GroupLabel
            && first.is_none_or(|l| f.span.start <= l)
            && crate::text::lexical::norm(&f.raw).contains(needle)
    });
    if let Some((i, _)) = found {
        used[i] = true;
        put_group_label(w, &t.fragments, i)?;
    }
    Ok(())
}

/// Writes a group label of the applications table on a line of its own
/// (white space removed, as [`put`]); one that would read as running text
/// there (30 characters with a comma: `年度办理结果ovethe…,reicdt`, read
/// from the table's anchor line), a sentence (`（五）不予处理。`) or a pipe
/// row that cuts the label (`（六）其他处||理`, its source's pipes with tabs
/// between) ends its line with a tab, an empty cell after it: the parser
/// keeps it in the table.
/// One that alone reads as a section heading (`一、本不予处理`, glued after
/// `（本列` in the source) has a tab in its title ([`heading_cut`]).
/// The label is `fragments[i]`, written with the text glued after it on its
/// line ([`fragments::glued_after`]).
fn put_group_label<W: fmt::Write>(w: &mut W, fragments: &[Fragment], i: usize) -> fmt::Result {
    let raw = fragments[i].raw.to_string() + &fragments::glued_after(fragments, i);
    let raw = raw.as_str();
    let one = crate::text::space::without_space(raw);
    match heading_cut(&one) {
        Some(at) => {
            w.write_str(&one[..at])?;
            w.write_char('\t')?;
            w.write_str(&one[at..])?;
        }
        None => put(w, raw)?,
    }
    // (a label that ends in digits and a marker, `（三）不予公开02.`, keeps
    // them only as a field that a tab ends)
    if crate::parse::region::reads_as_prose(&one)
        || one.ends_with('。')
        || crate::template::cells::ends_in_marker_digits(&one)
        || crate::parse::region::pipes_cut_label(&one)
    {
        w.write_char('\t')?;
    }
    w.write_char('\n')
}

/// Where a group label `one` (white space removed) that, alone on its line,
/// reads as a section heading ([`crate::parse::headings::heading_line_marker`]:
/// `一、本不予处理`, where the title starts with no word of the table) gets a
/// tab: after the first or second character of its title, between two
/// letters that are no numerals (`一、本\t不予处理`). A title with a tab is no
/// heading; the two fields read back as one label (the label's cutter cuts
/// only at list markers), whose first field, a marker and a character or
/// two, is a broken label that keeps the line in the table's region.
/// `None` for any other label (and for a title with no such place, written
/// as before).
fn heading_cut(one: &str) -> Option<usize> {
    // (a label of the table starts with a marker, most with `（`: no
    // section marker, no heading)
    let marker = crate::parse::headings::heading_line_marker(one)?;
    let letter = |c: char| c.is_alphabetic() && crate::text::lexical::cn_digit(c).is_none();
    let title = &one[marker..];
    let mut chars = title.char_indices();
    let mut prev = chars.next()?.1;
    for (at, c) in chars.take(2) {
        if letter(prev) && letter(c) {
            return Some(marker + at);
        }
        prev = c;
    }
    None
}
