//! A generic table of one cell per line right after a short paragraph,
//! written in a form that keeps the paragraph apart from it (moved from
//! `apart.rs`, which holds the tables written one after another).

use super::{Table, free};
use crate::render::reread::preamble_of;

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
