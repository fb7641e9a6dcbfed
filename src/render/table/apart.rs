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

/// The text of the generic table `g` written as the chunk right after the
/// paragraph written as `para` (its lines, ending with `\n`), and whether it
/// goes right after it, without the blank line between.
///
/// A short paragraph before a table of one cell per line (`称` before `F` `-`
/// `5` `-` `5`) can start that table itself: the parser looks for two
/// figures over the next paragraphs of short lines, and how far it looks
/// depends on the layout (seven paragraphs, each of at most 20 characters
/// joined). The source kept the paragraph apart by its layout; the canonical
/// one is chosen the same way, the first of these that reads back as the
/// paragraph and then the same table: the table's own text after a blank
/// line; its cells one per line right after the paragraph's line (the
/// paragraph's look-ahead then overflows its 20 characters before the
/// figures, as in `eeeeeeeeeeeee` + `|l` `0` `-51`), also in packed
/// paragraphs; its cells one per paragraph after a blank line (the
/// paragraph's look-ahead reaches one paragraph less far than the table's).
/// Each is read back alone (in the preamble), then, when none reads back so,
/// after `headings` (the heading lines of the sections written so far: see
/// `after_table::blocks_after`), as the parser read them: there the short
/// head of a subsection `三、收到和处理` before the paragraph is no section
/// heading, as it is alone.
pub(crate) fn generic_after_paragraph(
    g: &crate::model::GenericTable,
    para: &str,
    text: String,
    headings: &[&str],
) -> (String, bool) {
    if let Some(form) = form_after_paragraph(g, para, &text, &preamble_of) {
        return form;
    }
    if !headings.is_empty()
        && let Some(form) = form_after_paragraph(g, para, &text, &|t| {
            crate::render::after_table::blocks_after(headings, t)
        })
    {
        return form;
    }
    (text, false)
}

/// The first form of [`generic_after_paragraph`] that reads back as the
/// paragraph `para` and then `g` by `read` (the blocks a text reads as),
/// or `None`.
fn form_after_paragraph(
    g: &crate::model::GenericTable,
    para: &str,
    text: &str,
    read: &dyn Fn(&str) -> Option<Vec<crate::model::Block>>,
) -> Option<(String, bool)> {
    let want = read(para)?;
    use crate::model::Block;
    let is_g = |b: Option<&Block>| {
        matches!(b, Some(Block::Table(b))
            if matches!(&**b, Table::Generic(x) if x.header == g.header && x.rows == g.rows))
    };
    let reads = |joined: &str| {
        read(joined).is_some_and(|blocks| {
            (blocks.len() == want.len() + 1
                && blocks[..want.len()] == want[..]
                && is_g(blocks.last()))
                // `para` the head line of a subsection (`1.`), with the
                // paragraphs before the table (`1.-` + `5`): the same head
                // and blocks, the table in it after them
                || matches!((want.as_slice(), blocks.as_slice()),
                    ([Block::Subsection(w)], [Block::Subsection(b)])
                        if b.marker == w.marker
                            && b.title == w.title
                            && b.blocks.len() == w.blocks.len() + 1
                            && b.blocks[..w.blocks.len()] == w.blocks[..]
                            && is_g(b.blocks.last()))
        })
    };
    if reads(&format!("{para}\n{text}")) {
        return Some((text.to_owned(), false));
    }
    for form in [free::Form::Lines, free::Form::Packed] {
        let mut lines = String::new();
        if free::write_form(&mut lines, g, form).is_ok() && reads(&format!("{para}{lines}")) {
            return Some((lines, true));
        }
    }
    let mut spread = String::new();
    if free::write_form(&mut spread, g, free::Form::Spread).is_ok()
        && reads(&format!("{para}\n{spread}"))
    {
        return Some((spread, false));
    }
    for late in [false, true] {
        if let Some(aligned) = second_figure_in_seventh_paragraph(g, late)
            && reads(&format!("{para}\n{aligned}"))
        {
            return Some((aligned, false));
        }
    }
    second_figure_in_seventh_packed(g)
        .filter(|packed| reads(&format!("{para}\n{packed}")))
        .map(|packed| (packed, false))
}

/// The cells of `g` one per line in seven paragraphs, the table's second
/// figure opening the seventh: the parser's look-ahead from the table's
/// first line reaches it, from a paragraph before the table it does not
/// (it reaches over the paragraph's own and six more). The second to sixth
/// paragraphs hold a cell each, the five before that figure, the first the
/// cells before them; with `late`, the table's first figure opens the sixth
/// paragraph (which holds the cells up to the second), the four cells before
/// it the second to fifth: then a paragraph two or more before the table
/// reaches none of its figures (`@` + `5` before `/` `-` `0-` … `5` `-` `5`,
/// where `@` counts the figure `5` after it). With fewer than five cells
/// before the first figure, `late` writes each of them as a paragraph, the
/// first figure opening the next, and the cells after it one a paragraph up
/// to the sixth (`-` `5` `/` before `s` `|` `F` `|` / `5` / `%` `-` / `3` `2`:
/// `-` reaches the figure `5` after it and the table's first four
/// paragraphs, which hold none). `None` when there are too few cells before
/// the figures, or a paragraph would be longer than the look-ahead reads
/// over ([`free::LINES_REACH_CHARS`]).
fn second_figure_in_seventh_paragraph(
    g: &crate::model::GenericTable,
    late: bool,
) -> Option<String> {
    let cells = line_cells(g);
    let (first, second) = first_two_figures(&cells)?;
    // where the second to seventh paragraphs start
    let starts: Vec<usize> = if late {
        // (fewer than five cells before the first figure: one a paragraph,
        // the first figure's as late as they allow, the cells after it one
        // a paragraph up to the sixth)
        let mut starts: Vec<usize> = (first.saturating_sub(4).max(1)..=first).collect();
        while starts.len() < 5 {
            let next = starts.last().map_or(1, |l| l + 1);
            starts.push(next);
        }
        starts.push(second);
        starts
    } else {
        let a = second.checked_sub(5)?;
        vec![a, a + 1, a + 2, a + 3, a + 4, second]
    };
    let chars =
        |r: std::ops::Range<usize>| cells[r].iter().map(|c| c.chars().count()).sum::<usize>();
    if starts[0] == 0
        || first == 0
        || starts.windows(2).any(|w| w[0] >= w[1])
        || chars(0..starts[0]) > free::LINES_REACH_CHARS
        || starts
            .windows(2)
            .any(|w| chars(w[0]..w[1]) > free::LINES_REACH_CHARS)
    {
        return None;
    }
    Some(paragraphs_at(&cells, &starts))
}

/// The cells of `g` in order (header first), each on one line (its line
/// ends as spaces), as a table of one cell per line writes them.
fn line_cells(g: &crate::model::GenericTable) -> Vec<String> {
    std::iter::once(&g.header)
        .chain(&g.rows)
        .flatten()
        .map(|c| c.replace(['\n', '\r'], " "))
        .collect()
}

/// The indices of the first two cells that are figures.
fn first_two_figures(cells: &[String]) -> Option<(usize, usize)> {
    let mut figures = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| crate::parse::region::is_number_line(c))
        .map(|(i, _)| i);
    Some((figures.next()?, figures.next()?))
}

/// `cells` one per line, a blank line before each index in `starts`.
fn paragraphs_at(cells: &[String], starts: &[usize]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if starts.contains(&i) {
            out.push('\n');
        }
        out.push_str(c);
        out.push('\n');
    }
    out
}

/// The cells of `g` one per line in seven paragraphs, the table's second
/// figure in the seventh, as [`second_figure_in_seventh_paragraph`] writes
/// them but with the cells up to that figure packed: each paragraph up to
/// it holds a run of cells of at most [`free::LINES_REACH_CHARS`]
/// characters (the fewest paragraphs packed from the figure back, then the
/// first of them with two or more cells split until there are seven), so
/// the look-ahead from the table's first line reaches the figure and from
/// a paragraph before the table it does not (`(` before `)` `e(` `|` `-)`
/// `6` `YYYYYYY` `|` `Fwwe(` … `6`: the cells before the first figure and
/// between the two are too many and too long for one a paragraph). `None`
/// when they fit in no seven such paragraphs.
fn second_figure_in_seventh_packed(g: &crate::model::GenericTable) -> Option<String> {
    const PARAGRAPHS: usize = 7;
    let cells = line_cells(g);
    let (_, second) = first_two_figures(&cells)?;
    let len = |c: &String| c.trim_matches(crate::lines::is_space).chars().count();
    // (the runs as [start, end) of the cells up to the figure, from the back)
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let (mut end, mut chars) = (second + 1, 0);
    for i in (0..=second).rev() {
        let n = len(&cells[i]);
        if n > free::LINES_REACH_CHARS {
            return None;
        }
        if chars + n > free::LINES_REACH_CHARS {
            runs.push((i + 1, end));
            (end, chars) = (i + 1, 0);
        }
        chars += n;
    }
    runs.push((0, end));
    runs.reverse();
    if runs.len() > PARAGRAPHS || second + 1 < PARAGRAPHS {
        return None;
    }
    while runs.len() < PARAGRAPHS {
        let k = runs.iter().position(|(s, e)| e - s > 1)?;
        let (s, e) = runs[k];
        runs[k] = (s + 1, e);
        runs.insert(k, (s, s + 1));
    }
    let starts: Vec<usize> = runs[1..].iter().map(|(s, _)| *s).collect();
    Some(paragraphs_at(&cells, &starts))
}
