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
    ActiveDisclosureTable, AdField, AdItem, AppGroup, AppRow, ApplicationsTable, Format,
    FragmentRole, Key, ReviewLitigationTable, RlGroup, RlOutcome, RowSource, Table,
};

mod fragments;
mod free;

use fragments::{RowFragments, row_start};
pub use free::{write_generic, write_legacy_statistics};

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
        // fused digits read from pipe rows hold their pipes (`0|0`): they
        // read back so only in a table of pipe rows, so the whole table is
        // written as pipe rows (each tab a pipe, each line between pipes)
        let mut tabs = String::new();
        write_table_tabs(&mut tabs, table)?;
        for line in tabs.lines() {
            w.write_char('|')?;
            w.write_str(&line.replace('\t', "|"))?;
            w.write_str("|\n")?;
        }
        return Ok(());
    }
    write_table_tabs(w, table)
}

/// The text of `table` written as the chunk right after `before`, a table
/// and its text written just before it (one blank line between the two),
/// and the text that table is to be written in instead, when it changes.
///
/// After a blank line the parser reads on in a table's region over lines
/// that do not end it: a second table of the same kind (a note line after
/// an applications header, a block title after an active-disclosure
/// header) or a generic table's tab rows would be read into the first one.
/// Rows of one delimiter, a blank line, then a row of the other always end
/// a region; so when the two tables would read as one, the second one is
/// written with its first line as a row of the other delimiter than the
/// first one's last line (a pipe row `|（本列…）|` after a tab row: its other
/// lines stay tab rows, so a third table is kept apart the same way), or
/// else all in rows of that delimiter (a generic table also one cell per
/// line, whose first line may end the region). When the first table ends with lines
/// that are no grid rows (a group label after its last row, a row without
/// figures), those are written as pipe rows and the second table in tab
/// rows. The first of these that reads back as the same two tables is
/// taken; otherwise both are written in their own layout.
pub(crate) fn table_text_after(
    table: &Table,
    before: Option<(&Table, &str)>,
) -> (Option<String>, String) {
    let mut text = String::new();
    // writing to a String cannot fail
    let _ = write_table(&mut text, table);
    let Some((prev, before)) = before else {
        return (None, text);
    };
    if reads_apart(before, &text, table, None) {
        return (None, text);
    }
    let last = before.lines().next_back().unwrap_or("");
    // (a line with a tab that is no tab row, a label and its empty cells,
    // counts as a tab row: the parser ends a region at pipe rows after it)
    let (pipes, tabs) = (
        crate::grid::pipes::is_row(last),
        crate::grid::tabs::is_row(last) || last.contains('\t'),
    );
    // (the first table's text when it changes, the second's)
    let mut candidates: Vec<(Option<String>, Option<String>)> = Vec::new();
    match (pipes, tabs) {
        (false, true) => {
            candidates.push((None, first_line_piped(&text)));
            candidates.push((None, other_layout(table, '|')));
        }
        (true, false) => candidates.push((None, other_layout(table, '\t'))),
        _ => {}
    }
    // a generic table one cell per line: its first line may end the region
    // (a marker and a title, `（一）主动公开`)
    if let Table::Generic(g) = table {
        let mut lines = String::new();
        if free::write_form(&mut lines, g, free::Form::Lines).is_ok() {
            candidates.push((None, Some(lines)));
        }
    }
    if !pipes
        && !tabs
        && let Some(piped) = last_lines_piped(before)
    {
        candidates.push((Some(piped.clone()), Some(text.clone())));
        candidates.push((Some(piped), other_layout(table, '\t')));
    }
    for (first, second) in candidates {
        let Some(second) = second else {
            continue;
        };
        let apart = match &first {
            Some(b) => reads_apart(b, &second, table, Some(prev)),
            None => reads_apart(before, &second, table, None),
        };
        if apart {
            return (first, second);
        }
    }
    (None, text)
}

/// `text` with its last lines that are no grid rows written as pipe rows
/// (`|三、本年度办理结果|`, `|行政处罚||||` for `行政处罚\t\t\t`); `None` when
/// every line is one.
fn last_lines_piped(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let keep = lines
        .iter()
        .rposition(|l| crate::grid::tabs::is_row(l) || crate::grid::pipes::is_row(l))
        .map_or(0, |i| i + 1);
    if keep == lines.len() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in lines.iter().enumerate() {
        if i < keep {
            out.push_str(line);
        } else {
            out.push_str("||");
            out.push_str(line);
        }
        out.push('\n');
    }
    Some(out)
}

/// The text of `table`, written as `text`, when a paragraph whose one line
/// is a tab row (`w\t~`) follows it after a blank line: the parser reads on
/// in a table's region over such a line (an applications table without
/// rows takes it in), unless the table's rows are pipe rows (rows of one
/// delimiter, a blank line and a row of the other end a region). So when
/// the two do not read apart, the table is written all in pipe rows, if it
/// then reads back the same before the paragraph. The same holds for a
/// paragraph that is a pipe row (`||`) after a table whose last lines hold
/// no delimiter (a group label after the header): rows of the other
/// delimiter end a region only after a delimited line, so those last lines
/// are written with a tab at their end (`（本列办理结果\t`), if the table
/// then reads back the same before the paragraph.
pub fn table_text_before_tab_row(table: &Table, text: String, paragraph: &str) -> String {
    let reads = |t: &str| {
        let Ok(r) = crate::parse::parse(&format!("{t}\n{paragraph}\n")) else {
            return false;
        };
        r.sections.is_empty()
            && r.closing.is_empty()
            && matches!(
                r.preamble.as_slice(),
                [crate::model::Block::Table(b), crate::model::Block::Paragraph(p)]
                    if **b == *table && p.text == paragraph
            )
    };
    if reads(&text) {
        return text;
    }
    if let Some(tabbed) = last_lines_tabbed(&text)
        && reads(&tabbed)
    {
        return tabbed;
    }
    match other_layout(table, '|') {
        Some(piped) if reads(&piped) => piped,
        _ => text,
    }
}

/// `text` with each line after its last line that holds a tab written with
/// a tab at its end; `None` when there is no such line.
fn last_lines_tabbed(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let last = lines.iter().rposition(|l| l.contains('\t'))?;
    if last + 1 == lines.len() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + lines.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i > last && !line.is_empty() {
            out.push('\t');
        }
        out.push('\n');
    }
    Some(out)
}

/// `text` with its first line written as a pipe row (`|a|b|` for `a\tb`,
/// `|a|` for `a`); `None` when it is one already.
fn first_line_piped(text: &str) -> Option<String> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if crate::grid::pipes::is_row(first) {
        return None;
    }
    Some(format!("|{}|\n{rest}", first.replace('\t', "|")))
}

/// `table` written in rows of `delim` (`\t` or `|`), when it can be.
fn other_layout(table: &Table, delim: char) -> Option<String> {
    let mut out = String::new();
    if let Table::Generic(g) = table {
        let form = if delim == '|' {
            free::Form::Pipes
        } else {
            free::Form::Tabs
        };
        free::write_form(&mut out, g, form).ok()?;
        return Some(out);
    }
    if delim == '\t' && fused_pipes(table) {
        // fused digits with pipes read back only from pipe rows
        return None;
    }
    let mut tabs = String::new();
    write_table_tabs(&mut tabs, table).ok()?;
    if delim == '\t' {
        return Some(tabs);
    }
    for line in tabs.lines() {
        out.push('|');
        out.push_str(&line.replace('\t', "|"));
        out.push_str("|\n");
    }
    Some(out)
}

/// True when `before` and then `text` (after a blank line), read on their
/// own, are two tables, the second equal to `table` (and the first to
/// `prev`, when given).
fn reads_apart(before: &str, text: &str, table: &Table, prev: Option<&Table>) -> bool {
    let both = format!("{before}\n{text}");
    let Ok(r) = crate::parse::parse(&both) else {
        return false;
    };
    r.sections.is_empty()
        && r.closing.is_empty()
        && matches!(
            r.preamble.as_slice(),
            [crate::model::Block::Table(a), crate::model::Block::Table(b)]
                if **b == *table && prev.is_none_or(|p| **a == *p)
        )
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

/// Writes `table` in its canonical layout as tab rows.
fn write_table_tabs<W: fmt::Write>(w: &mut W, table: &Table) -> fmt::Result {
    match table {
        Table::Applications(t) => write_applications(w, t),
        Table::ReviewLitigation(t) => write_review_litigation(w, t),
        Table::ActiveDisclosure(t) => write_active_disclosure(w, t),
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

/// Writes a fragment that stands in an empty cell's place: without white
/// space, as every raw text of a table, except that a fragment without
/// digits keeps one space where its words stood apart (`（六）\tl` as
/// `（六） l`): it reads back as the same words, and the audit quotes it the
/// same way.
fn put_fragment<W: fmt::Write>(w: &mut W, s: &str) -> fmt::Result {
    if s.contains(|c: char| c.is_ascii_digit()) {
        return put(w, s);
    }
    for (i, word) in s.split(is_space).filter(|x| !x.is_empty()).enumerate() {
        if i > 0 {
            w.write_char(' ')?;
        }
        w.write_str(word)?;
    }
    Ok(())
}

/// Writes fused digits as they were delimited: a run of white space that
/// holds tabs is written as its tabs (each tab a cell boundary, so empty
/// cells keep their positions), any other run as `space` (one space tells
/// which digits were already apart), and a run beside a pipe as one space (in
/// a pipe row it is a cell's padding). The digits themselves are written as
/// they are. A tab row is never split by the parser, and a row of as many
/// fields as `cols` would be read as cells: then one more empty field is
/// written after the first word, so the row reads back fused.
fn put_fused<W: fmt::Write>(w: &mut W, s: &str, space: &str, cols: usize) -> fmt::Result {
    let mut out = String::new();
    let mut gap = String::new();
    for c in s.chars() {
        if is_space(c) {
            if c == '\t' {
                gap.push('\t');
            } else if gap.is_empty() {
                gap.push_str(space);
            }
            continue;
        }
        // white space beside a pipe is a cell's padding in a pipe row (the
        // pipe is the boundary): one space, as a tab it would be one more
        // field
        if !gap.is_empty() && (c == '|' || out.ends_with('|')) {
            gap.clear();
            gap.push(' ');
        }
        if !out.is_empty() && !gap.is_empty() {
            if gap.contains('\t') {
                gap.retain(|g| g == '\t');
            }
            out.push_str(&gap);
        }
        gap.clear();
        out.push(c);
    }
    // (a pipe is a field boundary too: fused digits from pipe rows are
    // written in a table of pipe rows)
    let fields: usize = out
        .split(['\t', '|'])
        .map(|f| f.split(' ').filter(|x| !x.is_empty()).count().max(1))
        .sum();
    if fields == cols
        && let Some(at) = out.find(['\t', ' '])
    {
        if out[at..].starts_with(' ') {
            out.replace_range(at..at + 1, "\t\t");
        } else {
            out.insert(at, '\t');
        }
    }
    w.write_str(&out)
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
fn put_row<W: fmt::Write, C: Key>(
    w: &mut W,
    template_label: &str,
    source: Option<&RowSource<C>>,
    values: Option<&crate::model::table::Row<C>>,
    columns: &[C],
    frags: &mut RowFragments<'_>,
) -> fmt::Result {
    let mine = source.map(|s| frags.take(s)).unwrap_or_default();
    // the fragments of the row's lines, each after the cell (or fused
    // digits) it follows in the source; the rest at the end of the row
    let mut glued = vec![false; mine.len()];
    // a fragment was written last: another one written right after it would
    // read back as one fragment with it (`7（\t提`), so it is not written
    let mut wrote = false;
    let mut after = |w: &mut W, at: Option<&crate::model::Text>, last: bool| -> fmt::Result {
        if !last {
            // a cell was just written
            wrote = false;
        }
        for (i, f) in mine.iter().enumerate() {
            if glued[i] {
                continue;
            }
            let here = match at {
                Some(t) => f.after == Some(t.span.start),
                None => last,
            };
            if here || last {
                glued[i] = true;
                if wrote {
                    continue;
                }
                wrote = true;
                if f.tab {
                    w.write_char('\t')?;
                }
                if f.spaced {
                    put_fragment(w, f.raw)?;
                } else {
                    put(w, f.raw)?;
                }
            }
        }
        Ok(())
    };
    match source.and_then(|s| s.label.as_ref()) {
        Some(label) => put(w, &label.raw)?,
        None => w.write_str(template_label)?,
    }
    if let Some(fused) = source.and_then(|s| s.fused.as_ref()) {
        w.write_char('\t')?;
        put_fused(w, &fused.raw, " ", columns.len())?;
        after(w, Some(fused), false)?;
    } else {
        for col in columns {
            w.write_char('\t')?;
            put_cell(w, source, values, col)?;
            after(w, source.and_then(|s| s.cells.get(col)), false)?;
        }
    }
    after(w, None, true)?;
    w.write_char('\n')
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
    let label_for = |w: &mut W,
                     needle: &'static str,
                     used: &mut Vec<bool>,
                     started: &mut Vec<&'static str>|
     -> fmt::Result {
        if started.contains(&needle) {
            return Ok(());
        }
        started.push(needle);
        // where the group's last row starts in the source: a label that
        // stood after all its rows stays after them (moved before the
        // group, it would read back before its rows, and the findings on
        // the label and the rows in another order)
        let last = t
            .source
            .iter()
            .filter(|(r, _)| {
                (needle == "本年度办理结果" && in_results(**r))
                    || group_numeral(**r) == Some(needle)
            })
            .filter_map(|(_, s)| row_start(s))
            .max();
        let found = t.fragments.iter().enumerate().find(|(i, f)| {
            !used[*i]
                && f.role == FragmentRole::GroupLabel
                && last.is_none_or(|l| f.span.start <= l)
                && crate::text::lexical::norm(&f.raw).contains(needle)
        });
        if let Some((i, f)) = found {
            used[i] = true;
            put_group_label(w, &f.raw)?;
        }
        Ok(())
    };
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
        if let Some(start) = t.source.get(&row).and_then(row_start) {
            for (i, f) in t.fragments.iter().enumerate() {
                if !used[i] && f.role == FragmentRole::GroupLabel && f.span.start < start {
                    used[i] = true;
                    put_group_label(w, &f.raw)?;
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
            label_for(w, needle, &mut used, &mut started)?;
        }
        put_row(
            w,
            row.label(),
            t.source.get(&row),
            Some(values),
            &t.columns,
            &mut frags,
        )?;
    }
    // group labels after the last row (the audit checks their titles),
    // except one that, alone on the table's last line, reads as a row (a
    // repeated `（六）其他处理` with no row of its group after it: the parser
    // takes 其他处理 without figures for a group label only before a row)
    let reads_as_row = |raw: &str| {
        matches!(
            crate::template::vocabulary::app_label(&crate::text::lexical::norm(raw)),
            crate::template::vocabulary::AppLabel::Row(_)
        )
    };
    for (i, f) in t.fragments.iter().enumerate() {
        if !used[i] && f.role == FragmentRole::GroupLabel && !reads_as_row(&f.raw) {
            put_group_label(w, &f.raw)?;
        }
    }
    Ok(())
}

/// Writes a group label of the applications table on a line of its own
/// (white space removed, as [`put`]); one that would read as running text
/// there (30 characters with a comma: `年度办理结果ovethe…,reicdt`, read
/// from the table's anchor line) ends its line with a tab, an empty cell
/// after it: the parser keeps such a group label in the table.
fn put_group_label<W: fmt::Write>(w: &mut W, raw: &str) -> fmt::Result {
    let one: String = raw.chars().filter(|c| !is_space(*c)).collect();
    put(w, raw)?;
    if crate::parse::region::reads_as_prose(&one) {
        w.write_char('\t')?;
    }
    w.write_char('\n')
}

/// Writes the review/litigation table (see the module docs).
pub fn write_review_litigation<W: fmt::Write>(w: &mut W, t: &ReviewLitigationTable) -> fmt::Result {
    for line in REVIEW_LITIGATION_HEADER {
        w.write_str(line)?;
        w.write_char('\n')?;
    }
    let mut first = true;
    for _ in RlGroup::ALL {
        for outcome in RlOutcome::ALL {
            if !first {
                w.write_char('\t')?;
            }
            first = false;
            w.write_str(outcome.label())?;
        }
    }
    w.write_char('\n')?;
    if t.groups.is_empty() && t.source.is_empty() {
        // no values at all: the header alone reads back so
        return Ok(());
    }
    if t.source.values().any(|s| s.fused.is_some()) {
        // the digits on one tab row (words tab-separated, so the line reads
        // the same words as cells), never split by the parser; a single word
        // gets a tab after it to make the line a tab row
        let mut words = 0;
        for group in RlGroup::ALL {
            if let Some(fused) = t.source.get(group).and_then(|s| s.fused.as_ref()) {
                if words > 0 {
                    w.write_char('\t')?;
                }
                put_fused(w, &fused.raw, "\t", 15)?;
                // (a pipe parts words too: `1| 4` is two)
                words += fused
                    .raw
                    .split(|c: char| is_space(c) || c == '|')
                    .filter(|x| !x.is_empty())
                    .count();
            }
        }
        if words == 1 {
            w.write_char('\t')?;
        }
        return w.write_char('\n');
    }
    let mut first = true;
    for group in RlGroup::ALL {
        for outcome in RlOutcome::ALL {
            if !first {
                w.write_char('\t')?;
            }
            first = false;
            put_cell(w, t.source.get(group), t.groups.get(group), outcome)?;
        }
    }
    w.write_char('\n')
}

/// The template format an active-disclosure table follows: 2021 when any
/// item has a 2021-only field (or `decisions` without `previous_year`).
pub fn active_disclosure_format(t: &ActiveDisclosureTable) -> Format {
    let v2021 = t.items.values().any(|fields| {
        fields.keys().any(|f| {
            matches!(
                f,
                AdField::Issued | AdField::Repealed | AdField::InForce | AdField::Amount10kYuan
            )
        }) || fields.contains_key(&AdField::Decisions)
            && !fields.contains_key(&AdField::PreviousYear)
    });
    if v2021 { Format::V2021 } else { Format::V2019 }
}

/// The header label of `field` in `format`.
fn field_label(field: AdField, format: Format) -> &'static str {
    if field == AdField::Decisions && format != Format::V2021 {
        "处理决定数量"
    } else {
        field.label()
    }
}

/// Writes the active-disclosure table (see the module docs).
pub fn write_active_disclosure<W: fmt::Write>(w: &mut W, t: &ActiveDisclosureTable) -> fmt::Result {
    let format = active_disclosure_format(t);
    if t.items.is_empty() {
        // a table without items: its first block title and column header
        // read back as one (the title alone would take in pipe rows that
        // follow it after a blank line, read as its own rows)
        w.write_str("第二十条第（一）项\n信息内容")?;
        for field in ACTIVE_DISCLOSURE_BLOCKS[0].1[0].fields(format) {
            w.write_char('\t')?;
            w.write_str(field_label(*field, format))?;
        }
        return w.write_char('\n');
    }
    let mut frags = RowFragments::new(&t.fragments, t.source.values());
    // the items in the model's order (the source's), each run of items of
    // one block under its block title: items read in another order than
    // the template's (a block （六） before （一）) read back in that order
    let mut block: Option<&str> = None;
    for (item, values) in &t.items {
        let Some((numeral, items)) = ACTIVE_DISCLOSURE_BLOCKS
            .iter()
            .find(|(_, items)| items.contains(item))
        else {
            continue;
        };
        let fields = items[0].fields(format);
        if block != Some(*numeral) {
            block = Some(*numeral);
            write!(w, "第二十条第{numeral}项\n信息内容")?;
            for field in fields {
                w.write_char('\t')?;
                w.write_str(field_label(*field, format))?;
            }
            w.write_char('\n')?;
        }
        put_row(
            w,
            item.label(),
            t.source.get(item),
            Some(values),
            fields,
            &mut frags,
        )?;
    }
    Ok(())
}
