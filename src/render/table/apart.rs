//! Tables written one after another, or before a paragraph that is a grid
//! row, in a form that reads back apart: after a blank line the parser reads
//! on in a table's region over lines that do not end it, so a table (or
//! paragraph) that would be read into the one before it is written with a
//! change of delimiter, which always ends a region. Each candidate form is
//! read back to check it (see [`table_text_after`]).

use super::{Table, free, fused_pipes, write_table, write_table_rows};
use crate::render::reread::preamble_of;

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
/// rows. Then a generic table is written in pipe rows after an empty pipe
/// row `||`, which after a blank line ends any region (`|一是|` after a
/// review table in pipe rows: the source's `一是||` ended it by its list
/// marker). Last, the first table is closed by an empty pipe row `||` and
/// the second written in its own layout (a first table whose row label
/// reads as a row only in a tab row, before a generic table of tab rows
/// with a cell `|`). The first of these that reads back as the same two
/// tables is taken; otherwise both are written in their own layout.
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
    for (first, second) in candidates(table, prev, before, &text) {
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

/// The forms to try, in order, for `table` written after table `prev`
/// (written `before`) when `text`, its own layout, does not read apart from
/// it: each the first table's text when it changes, and the second's (see
/// [`table_text_after`]).
fn candidates(
    table: &Table,
    prev: &Table,
    before: &str,
    text: &str,
) -> Vec<(Option<String>, Option<String>)> {
    let last = before.lines().next_back().unwrap_or("");
    // (a line with a tab that is no tab row, a label and its empty cells,
    // counts as a tab row: the parser ends a region at pipe rows after it)
    let (pipes, tabs) = (
        crate::grid::pipes::is_row(last),
        crate::grid::tabs::is_row(last) || last.contains('\t'),
    );
    // (the first table's text when it changes, the second's)
    let mut candidates = other_delimiter(table, prev, text, (pipes, tabs));
    // a generic table one cell per line: its first line may end the region
    // (a marker and a title, `（一）主动公开`)
    if let Table::Generic(g) = table {
        for form in [free::Form::Lines, free::Form::Packed] {
            let mut lines = String::new();
            if free::write_form(&mut lines, g, form).is_ok() {
                candidates.push((None, Some(lines)));
            }
        }
    }
    if !pipes
        && !tabs
        && let Some(piped) = last_lines_piped(before)
    {
        candidates.push((Some(piped.clone()), Some(text.to_owned())));
        candidates.push((Some(piped), other_layout(table, '\t')));
    }
    // (last: the first table's last lines without a delimiter written with
    // a tab at their end, `（本列不予公开\t`, so that pipe rows after them end
    // its region — the second table's own, or its first line as a pipe row
    // when that line holds no delimiter: a note `|（本列…）|` after a group
    // label `办理结果\t`; a generic table one cell per paragraph)
    if !pipes
        && !tabs
        && let Some(tabbed) = last_lines_tabbed(before)
    {
        candidates.push((Some(tabbed.clone()), Some(text.to_owned())));
        candidates.push((Some(tabbed), first_line_piped(text)));
    }
    if let Table::Generic(g) = table {
        let mut spread = String::new();
        if free::write_form(&mut spread, g, free::Form::Spread).is_ok() {
            candidates.push((None, Some(spread)));
        }
    }
    // (a generic table in pipe rows after an empty pipe row `||`: after a
    // blank line one ends the region before it, and it reads as no row of
    // the table it opens)
    if let Table::Generic(_) = table {
        candidates.push((None, other_layout(table, '|').map(|t| format!("||\n{t}"))));
    }
    // (last: the first table closed by an empty pipe row `||`, the second
    // in its own layout, when neither can be written in the other
    // delimiter: a row label that reads as a row only in a tab row, a
    // generic cell `|`. `||` reads as no row, and after it and a blank
    // line tab rows end the region, as before a tab row paragraph in
    // `table_text_before_tab_row`)
    if !pipes {
        let closed = format!("{}\n||\n", before.strip_suffix('\n').unwrap_or(before));
        candidates.push((Some(closed), Some(text.to_owned())));
    }
    // (last: a first table whose last line holds pipes but is no row of it,
    // a group label `（本列办理结果||t`, with a tab at the end of its last
    // lines: a line with a tab counts as a tab row, so the second table's
    // pipe rows after it end its region, as in the source `…||t\t`)
    if pipes
        && !tabs
        && let Some(tabbed) = last_lines_tabbed(before)
    {
        candidates.push((Some(tabbed), Some(text.to_owned())));
    }
    candidates
}

/// The first forms of [`candidates`]: the second table (or its first line)
/// in rows of the other delimiter than the first table's last line (a pipe
/// row `pipes` or a tab row `tabs`), or the first table so.
fn other_delimiter(
    table: &Table,
    prev: &Table,
    text: &str,
    (pipes, tabs): (bool, bool),
) -> Vec<(Option<String>, Option<String>)> {
    match (pipes, tabs) {
        (false, true) => vec![
            (None, first_line_piped(text)),
            (None, other_layout(table, '|')),
            // (or the first table in pipe rows, when the second cannot be:
            // a legacy statistics row with a pipe cell `w\t|`)
            (other_layout(prev, '|'), Some(text.to_owned())),
        ],
        (true, false) => vec![
            (None, other_layout(table, '\t')),
            // (an active-disclosure table's block title, which holds no
            // delimiter, as a tab row: its article and its item)
            (None, title_line_tabbed(text)),
        ],
        _ => Vec::new(),
    }
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
/// then reads back the same before the paragraph. A table that reads back
/// in neither form (fused digits written with their tabs, which pipe rows
/// would read as cells) is written with an empty pipe row `||` after its
/// last line, if it then reads back the same before the paragraph. Last, a
/// table of pipe rows before a paragraph that is a pipe row is written with
/// its last row as a tab row (`2|-|\t`: a review table's fused digits after
/// its header of pipe rows, as the source had them; `一、本年新收|0|1|\t`),
/// if it then reads back the same before the paragraph: pipe rows after a
/// tab row whose cells hold the pipes and a blank line end its region.
pub fn table_text_before_tab_row(table: &Table, text: String, paragraph: &str) -> String {
    let reads = |t: &str| {
        preamble_of(&format!("{t}\n{paragraph}\n")).is_some_and(|blocks| {
            matches!(
                blocks.as_slice(),
                [crate::model::Block::Table(b), crate::model::Block::Paragraph(p)]
                    if same_table(b, table) && p.text == paragraph
            )
        })
    };
    if reads(&text) {
        return text;
    }
    if let Some(tabbed) = last_lines_tabbed(&text)
        && reads(&tabbed)
    {
        return tabbed;
    }
    if let Some(piped) = other_layout(table, '|')
        && reads(&piped)
    {
        return piped;
    }
    // (last: an empty pipe row `||` after the table's last line, when its
    // rows cannot be pipe rows: fused digits with tabs, which a pipe row
    // would read as cells. It reads as no row, and rows of one delimiter,
    // a blank line and a row of the other end a region)
    let closed = format!("{text}||\n");
    if reads(&closed) {
        return closed;
    }
    // (and after it: the table in pipe rows but its last row, a pipe row,
    // written as a tab row, `2|-|\t` for `|2|-|`: fused digits with a pipe
    // (`2|-`), which read back only after a header of pipe rows, before a
    // paragraph that is a pipe row (`|-|`), which after a blank line the
    // region takes in after a pipe row, even after `||`, and ends after a
    // tab row whose cells hold the pipes)
    if let Some(tabbed) = last_row_tabbed(&text)
        && reads(&tabbed)
    {
        return tabbed;
    }
    // (so too a last row of fused digits that went on in the next pipe
    // row, written on two lines or more (`|（本列结转下|1|` + `|-|`): its
    // lines joined with a space, as a tab row whose label holds the pipes,
    // `（本列结转下|1| |-|\t`, it reads the same fused digits)
    for n in 2..=3 {
        if let Some(tabbed) = last_lines_joined(&text, n).and_then(|t| last_row_tabbed(&t))
            && reads(&tabbed)
        {
            return tabbed;
        }
    }
    text
}

/// `text` with its last `n` lines, pipe rows without a tab, joined into one
/// line with a space between them (`|a|` `|b|` as `|a| |b|`); `None` when
/// there are not so many such lines.
fn last_lines_joined(text: &str, n: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.len().checked_sub(n)?;
    let last = &lines[at..];
    if !last
        .iter()
        .all(|l| crate::grid::pipes::is_row(l) && !l.contains('\t'))
    {
        return None;
    }
    let mut out: String = lines[..at].iter().map(|l| format!("{l}\n")).collect();
    out.push_str(&last.join(" "));
    out.push('\n');
    Some(out)
}

/// True when `read`, a table read back, is `table` and is written with the
/// same text but for its delimiters and white space (the forms tried change
/// those): fragments take no part in the model's equality, yet the renderer
/// writes some of them (group labels and the text glued after them), so a
/// form that reads one back otherwise (`|不予处理|列3|` parts at the pipe
/// what stood as the label `不予处理|列` and `3` glued after it, and `列3` is
/// not written again) would be written otherwise the second time.
fn same_table(read: &Table, table: &Table) -> bool {
    if read != table {
        return false;
    }
    let written = |t: &Table| {
        let mut text = String::new();
        // writing to a String cannot fail
        let _ = write_table(&mut text, t);
        text.retain(|c| c != '|' && !crate::lines::is_space(c));
        text
    };
    written(read) == written(table)
}

/// `text` with its last line, a pipe row (`|2|-|`), written as a tab row:
/// without its opening pipe and with a tab at its end (`2|-|\t`); `None`
/// when the last line is no pipe row opened by a pipe, or has a tab.
fn last_row_tabbed(text: &str) -> Option<String> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let (head, last) = match body.rsplit_once('\n') {
        Some((head, last)) => (Some(head), last),
        None => (None, body),
    };
    if !crate::grid::pipes::is_row(last) || last.contains('\t') {
        return None;
    }
    let row = last.strip_prefix('|')?;
    Some(match head {
        Some(head) => format!("{head}\n{row}\t\n"),
        None => format!("{row}\t\n"),
    })
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

/// `text` with its first line, an active-disclosure block title written
/// with no delimiter (`第二十条第（一）项`), written as a tab row of two
/// fields, the article and the item (`第二十条\t第（一）项`: the parser reads
/// the same header pieces from both), so that after a table of pipe rows
/// and a blank line it ends that table's region; `None` for any other first
/// line.
fn title_line_tabbed(text: &str) -> Option<String> {
    const ARTICLE: &str = "第二十条";
    let (first, rest) = text.split_once('\n')?;
    let item = first.strip_prefix(ARTICLE)?;
    (!item.is_empty() && !first.contains(['\t', '|'])).then(|| format!("{ARTICLE}\t{item}\n{rest}"))
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
    write_table_rows(&mut tabs, table, delim == '|').ok()?;
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
    preamble_of(&format!("{before}\n{text}")).is_some_and(|blocks| {
        matches!(
            blocks.as_slice(),
            [crate::model::Block::Table(a), crate::model::Block::Table(b)]
                if **b == *table && prev.is_none_or(|p| **a == *p)
        )
    })
}
