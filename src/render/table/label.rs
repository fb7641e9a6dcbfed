//! A row's label field: the source's label as written, cut where a wrapped
//! label must stay wrapped, or between pipes where alone it would read as a
//! heading; and the applications table's rule for stray text in a cell.

use std::fmt;

use super::put;
use crate::lines::is_space;
use crate::model::{Key, RowSource};

/// True for a word that a delimited applications row reads as one cell:
/// stray text glued before a figure (`w0`, `]4`; the rule of
/// `template::cells::stray_text_in_cell`).
pub(super) fn stray_text_cell(word: &str) -> bool {
    let mut toks = Vec::new();
    crate::template::cells::field_tokens(word, 0, &mut toks);
    toks.windows(2).all(|w| w[0].end == w[1].start)
        && crate::template::cells::stray_word(&toks, word, 0)
}

/// True for the columns of the applications table, whose delimited rows
/// read their first field as the label and the fields after it by the
/// rules of `template::cells` for stray text.
pub(super) fn stray_cells<C: 'static>() -> bool {
    std::any::TypeId::of::<C>() == std::any::TypeId::of::<crate::model::AppCol>()
}

/// Where a delimited applications row's first field cuts a row label that
/// it reads as two pieces, the second opening with a list marker and read
/// apart from the row's label (`（本列部分公开` + `1.形）`: stray text after
/// the row's label; `7.其他`: a row of its own; `一、本年新收政`: the row
/// again), as a label read from wrapped flow text may be
/// (`（本列部分公开1.` + `形）`: the marker at the line's end labels nothing,
/// the next line continues the label; `一、本年新收一` + `、本年新收政`: the
/// marker is made only by the join); `None` for a label the field reads
/// whole.
fn cut_label(label: &str, template_label: &str) -> Option<usize> {
    use crate::template::vocabulary::{AppLabel, Set, app_label_of};
    // (the cheap test first: a digit or a numeral, which a list marker
    // holds, after the label's start)
    if !label
        .chars()
        .skip(1)
        .any(|c| c.is_ascii_digit() || crate::text::lexical::cn_digit(c).is_some())
    {
        return None;
    }
    let mut toks = Vec::new();
    crate::template::cells::field_tokens(label, 0, &mut toks);
    let mut cutter = crate::template::rows::Cutter::default();
    let template = crate::text::lexical::norm(template_label);
    let pieces: Vec<(usize, usize, bool)> = cutter
        .pieces(label, &toks, Some(Set::default()))
        .map(|p| {
            // the reader continues the row's label with a piece only when
            // it names nothing (a header word, `其他`, names nothing after
            // the header) and is the label's text; any other piece is read
            // apart from the label: stray text, a repeat of the row
            // (`2.其他法律行政` + `2.法规禁止公开`), or a row, a group or a
            // note of its own (`（本列部分公开7.` + `其他`: `7.其他` on one
            // line is the row 3.其他)
            let stray = !matches!(
                app_label_of(p.norm, &p.found),
                AppLabel::Unknown | AppLabel::Header
            ) || !template.contains(p.norm);
            (p.start, p.end, stray)
        })
        .collect();
    match pieces.as_slice() {
        // (the field's pieces are cut at list markers only: the second
        // opens with one, `1.形）`, `一、本年新收政`; a pipe between them parts
        // nothing the cut does not, `一、本年新收|一、本年新收政`)
        [(0, a, _), (b, end, true)]
            if label
                .get(*a..*b)
                .is_some_and(|gap| gap.bytes().all(|c| c == b'|'))
                && *end == label.len() =>
        {
            Some(*b)
        }
        _ => None,
    }
}

/// A label wrapped over lines in the source (its text and the label parts
/// after it) that the tab row's first field would read cut
/// (`（本列部分公开1.形）`, see `cut_label`): the length of its first line's
/// text, written in the row, the rest on the line after it, as it stood.
fn wrapped_label_cut<C: Key>(
    source: Option<&RowSource<C>>,
    template_label: &str,
    pipes: bool,
) -> Option<usize> {
    source
        .and_then(|s| s.label.as_ref())
        .filter(|_| stray_cells::<C>() && !pipes)
        .and_then(|l| {
            let first = (l.span.end - l.span.start) as usize;
            (first < l.raw.len()
                && l.raw.is_char_boundary(first)
                && !crate::lines::has_line_break(&l.raw)
                && (cut_as_written(&l.raw, template_label)
                    && !cut_as_written(&l.raw[..first], template_label)
                    || marker_digits_before_rest(&l.raw, first)))
            .then_some(first)
        })
}

/// True when the label field reads `label` cut (`cut_label`) as the row
/// writes it: its white space away (`put`), so that two pieces that stood
/// apart in the source (`一、本年新收 一` + `、本年新收政`) are judged glued, as
/// they read back (`一、本年新收一、本年新收政`).
fn cut_as_written(label: &str, template_label: &str) -> bool {
    if label.chars().any(is_space) {
        cut_label(&crate::text::space::without_space(label), template_label).is_some()
    } else {
        cut_label(label, template_label).is_some()
    }
}

/// True when the first line of a wrapped label (its first `first` bytes)
/// ends in digits glued to its text and a list marker (`…公开00000002.`),
/// which a label field keeps only when nothing follows the marker in the
/// field (`template::cells::marker_digits_at_end`), and text follows it on
/// the next line (`申请数量`): written glued (`…公开00000002.申请数量`) the cell
/// grammar would cut a fused run and the label `2.申请数量` off it.
fn marker_digits_before_rest(label: &str, first: usize) -> bool {
    let head = crate::text::space::without_space(&label[..first]);
    head.ends_with(['.', '、', '．'])
        && !label[first..].chars().all(is_space)
        && crate::template::cells::ends_in_marker_digits(&head)
}

/// How [`put_label`] writes a row's label field.
#[derive(Clone, Copy)]
pub(super) struct LabelForm {
    /// The label was wrapped: its first line's length ([`wrapped_label_cut`]).
    pub(super) wrapped: Option<usize>,
    /// A tab row without fragments: a label that alone would read as a
    /// heading may go between pipes.
    pub(super) may_pipe: bool,
    /// The table is written in pipe rows.
    pub(super) pipes: bool,
    /// The label holds a pipe and text stood glued after it that starts
    /// with a digit (`…案卷\t|5` + `7.`): written with its tabs as they
    /// stood (see `fragments::after_label_digits`).
    pub(super) as_stood: bool,
}

impl LabelForm {
    /// The form of `source`'s label in a row of a table written in pipe
    /// rows or not (`pipes`); `bare`: the row has no fragments;
    /// `after_digits`: a fragment is written glued after the label, which
    /// ends in digits.
    pub(super) fn of<C: Key>(
        source: Option<&RowSource<C>>,
        template_label: &str,
        pipes: bool,
        bare: bool,
        after_digits: bool,
    ) -> LabelForm {
        let piped = source
            .and_then(|s| s.label.as_ref())
            .is_some_and(|l| l.raw.contains('|'));
        LabelForm {
            wrapped: wrapped_label_cut(source, template_label, pipes),
            may_pipe: !pipes && bare,
            pipes,
            as_stood: !pipes && after_digits && piped,
        }
    }
}

/// A row's label field: the source's label (its first `wrapped` bytes when
/// it was wrapped; between pipes when alone it would read as a heading and
/// `may_pipe`: a tab row without fragments), or the template's.
pub(super) fn put_label<W: fmt::Write, C: Key>(
    w: &mut W,
    template_label: &str,
    source: Option<&RowSource<C>>,
    values: Option<&crate::model::table::Row<C>>,
    columns: &[C],
    form: LabelForm,
) -> fmt::Result {
    match source.and_then(|s| s.label.as_ref()) {
        Some(label)
            if form.may_pipe
                && bare_label_reads_as_heading(&label.raw, source, values, columns) =>
        {
            w.write_char('|')?;
            put(w, &label.raw)?;
            w.write_char('|')?;
        }
        Some(label) if form.as_stood => put_as_stood(w, &label.raw)?,
        Some(label) => {
            let text = &label.raw[..form.wrapped.unwrap_or(label.raw.len())];
            put_label_text(w, text, stray_cells::<C>() && !form.pipes)?;
        }
        None => w.write_str(template_label)?,
    }
    Ok(())
}

/// Writes a label's text (one line of it) as the row writes it, its white
/// space away (`put`); but with `stray` (the applications table's tab rows)
/// a white-space run after a piece that ends in digits glued to its text and
/// a list marker, with text after it that starts with no digit (before
/// `2.2.重复申请` the label's text `2.` would read apart in a field of its
/// own), is written as a tab (`四、结转下年00000002.`
/// TAB `度继续办理57.`): the label field keeps such digits and marker only when
/// nothing follows the marker in the field
/// (`template::cells::marker_digits_in_label`), so glued
/// (`…00000002.度继续办理57.`) the cell grammar would cut a fused run and the
/// text `2.度继续办理` off the label; apart, the label's pieces are read as the
/// source's were (`marker_digits_before_rest` is the same rule for a label
/// wrapped over lines).
pub(super) fn put_label_text<W: fmt::Write>(w: &mut W, text: &str, stray: bool) -> fmt::Result {
    // the text of the field being written
    let mut written = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !is_space(c) {
            written.push(c);
            w.write_char(c)?;
            continue;
        }
        // a white-space run: skipped, or one tab where the row needs it
        while chars.next_if(|(_, c)| is_space(*c)).is_some() {}
        let rest = chars.peek().map_or("", |(end, _)| &text[*end..]);
        if stray
            && rest
                .trim_start_matches(|c: char| is_space(c) || c == '|')
                .starts_with(|c: char| !c.is_numeric())
            && written.ends_with(['.', '、', '．'])
            && crate::template::cells::ends_in_marker_digits(&written)
        {
            w.write_char('\t')?;
            written.clear();
        }
    }
    Ok(())
}

/// True when a row whose cells are all empty (its line, trimmed, is its
/// label alone) has a label that reads as a section heading (`三.第三方`,
/// a label glued after another in flow text): written in a pipe cell
/// (`|三.第三方|` TAB …) it reads back as the row's label.
fn bare_label_reads_as_heading<C: Key>(
    label: &str,
    source: Option<&RowSource<C>>,
    values: Option<&crate::model::table::Row<C>>,
    columns: &[C],
) -> bool {
    let empty = |col: &C| {
        source.and_then(|s| s.cells.get(col)).map_or(
            !matches!(values.and_then(|v| v.get(col)), Some(Some(_))),
            |t| t.raw.chars().all(is_space),
        )
    };
    let label = crate::text::space::without_space(label);
    source.is_some_and(|s| s.fused.is_none())
        && columns.iter().all(empty)
        && crate::text::lexical::section_marker(&label).is_ok_and(|(_, n)| {
            crate::parse::headings::find_heading(&label, n, n.saturating_sub(1)).is_some()
        })
}

/// Writes `s` with its tabs as they stood and any other run of white space
/// as one space (a fragment written glued after its row's label: see
/// `fragments::after_label_digits`).
pub(super) fn put_as_stood<W: std::fmt::Write>(w: &mut W, s: &str) -> std::fmt::Result {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_space(c) {
            w.write_char(c)?;
            continue;
        }
        let mut tabs = usize::from(c == '\t');
        while let Some(c) = chars.next_if(|c| is_space(*c)) {
            tabs += usize::from(c == '\t');
        }
        if tabs == 0 {
            w.write_char(' ')?;
        }
        for _ in 0..tabs {
            w.write_char('\t')?;
        }
    }
    Ok(())
}
