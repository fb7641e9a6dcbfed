//! Text beside a row of a standard table that the row's tab row keeps: where
//! an `other` fragment on one of a row's lines (`abc` in a cell's place, the
//! rest of a wrapped label after the row's figures) can be written in the
//! row's tab row so that the template reads it back beside the same cell.
//! The canonical renderer writes such text there (`render::table::fragments`)
//! and drops the rest; the audit joins only such text to a wrapped label
//! (`audit::labels`), so the source and its canonical text get the same
//! findings.

use crate::lines::is_space;
use crate::model::{Fragment, FragmentRole, Key, RowSource, Text};

/// Where an `other` fragment is written in its row's tab row.
pub(crate) struct Beside<'r> {
    /// The cell or fused digits it follows (`None`: the label).
    pub(crate) follows: Option<&'r Text>,
    /// A tab stands before it (one more field).
    pub(crate) tab: bool,
    /// It stands in an empty cell's place or in a field of its own: its
    /// words are written apart.
    pub(crate) spaced: bool,
    /// After the last of the cells that share the row's end.
    pub(crate) at_end: bool,
    /// Glued after the label, before the row's fused digits (see
    /// [`glued_before_fused_text`]).
    pub(crate) after_label: bool,
    /// One space before it: it stood apart after fused digits that end in
    /// a list marker (see [`after_marker_digits`]).
    pub(crate) space_before: bool,
}

/// True when `f` is `other` text on a line of one of `row`'s texts (its
/// label, cells or fused digits): other text on a line of its own could
/// read as anything (a list item, a figure), so the canonical text does not
/// write it.
pub(crate) fn on_row_line<C: Key>(row: &RowSource<C>, f: &Fragment) -> bool {
    f.role == FragmentRole::Other
        && row
            .label
            .iter()
            .chain(row.cells.values())
            .chain(row.fused.iter())
            .any(|e| e.span.line == f.span.line)
}

/// Where the `other` fragment `f`, on one of `row`'s lines, is written in
/// the row: after the cell (or fused digits) it follows, glued or as one more
/// field; `None` when it is not written (it would read as part of a figure
/// or take a cell's place).
pub(crate) fn beside<'r, C: Key>(row: &'r RowSource<C>, f: &Fragment) -> Option<Beside<'r>> {
    // the cell or fused digits it follows (not the label: text glued
    // to the label would change it); of cells that share a place (read
    // from flow or space-aligned text: `\t\t7` at one offset) the figure,
    // else the first
    let follows = row
        .cells
        .values()
        .chain(row.fused.iter())
        .filter(|e| e.span.start <= f.span.start)
        .min_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
    let last = row
        .cells
        .values()
        .chain(row.fused.iter())
        .map(|e| e.span.start)
        .max();
    let marker_digits = follows.is_some_and(|e| after_marker_digits(row, f, e));
    let (tab, spaced, at_end) = field_flags(row, f, (follows, marker_digits), last)?;
    Some(Beside {
        follows,
        tab,
        spaced,
        at_end,
        after_label: follows.is_none() && row.fused.is_some(),
        space_before: marker_digits,
    })
}

/// True when the `other` fragment `f` of an applications row (`C`: the
/// table's columns), written where `b` puts it, is one more field at the
/// row's end that would read back there as the rest of the row's label
/// (`template`: its template label; see
/// `template::applications::continues_label`), not as the other text it was:
/// `稳定` after `三安全`'s figures, where in the source it stood after other
/// text (`三安全00000002.重复申请0稳定`). The canonical text does not write it
/// there, and so the audit does not join it to the label.
pub(crate) fn label_rest<C: Key + 'static>(
    row: &RowSource<C>,
    f: &Fragment,
    b: &Beside<'_>,
    template: &str,
) -> bool {
    std::any::TypeId::of::<C>() == std::any::TypeId::of::<crate::model::AppCol>()
        && b.tab
        && (b.at_end || b.follows.is_none())
        && !b.after_label
        && row
            .label
            .as_ref()
            .is_some_and(|l| super::applications::continues_label(template, &l.raw, &f.raw))
}

/// True when `f` stood apart after `e`, `row`'s fused digits, on their line,
/// and those end in digits and a list marker (`（00000002.` + ` 七）总计`):
/// without the text after it the marker would end the field and label
/// nothing, so the field's label would keep the digits
/// (`一、本年新收（00000002.`). Written one space after them, as it stood,
/// the field reads back as the source's did.
fn after_marker_digits<C: Key>(row: &RowSource<C>, f: &Fragment, e: &Text) -> bool {
    row.fused.as_ref().is_some_and(|d| std::ptr::eq(d, e))
        && f.span.start > e.span.end
        && f.span.line == e.span.line
        && e.raw.ends_with(['.', '、', '．'])
        && e.raw[..e.raw.len() - e.raw.chars().next_back().map_or(0, char::len_utf8)]
            .ends_with(|c: char| c.is_ascii_digit())
        && !f.raw.contains(|c: char| c.is_ascii_digit() || c == '|')
        && f.raw
            .split(is_space)
            .find(|w| !w.is_empty())
            .is_some_and(reads_as_text)
}

/// How `other` fragment `f` is written after `follows`, the cell or fused
/// digits of `row` it follows (`marker_digits`: [`after_marker_digits`] of
/// them; `last` the start of the row's last one): `(tab, spaced, at_end)`
/// as in [`Beside`]; `None` when it is not written (see [`beside`]).
fn field_flags<C: Key>(
    row: &RowSource<C>,
    f: &Fragment,
    (follows, marker_digits): (Option<&Text>, bool),
    last: Option<u32>,
) -> Option<(bool, bool, bool)> {
    let (mut tab, mut spaced, mut at_end) = (false, false, false);
    match follows {
        // a figure or a null marker (`0`, `-`, or one before more text,
        // `02.`) in an empty cell's place would read back as that cell's
        // text: not written
        Some(e) if e.raw.trim().is_empty() && row.fused.is_none() && reads_as_cell(&f.raw) => {
            return None;
        }
        // in an empty cell's place it reads back beside that cell (but
        // one that stood apart after the row's last cell, empty and in a
        // place of its own, is one more field when it can be: glued, it
        // would take that cell's place)
        Some(e) if in_empty_cells_place(row, f, e, last) => spaced = true,
        // glued to a figure: digits or delimiters would read as
        // part of it, and so would text that was apart (`6万\t元`
        // would read as the amount `6万元`); text that ends a sentence
        // (`4。`) would make the row's line a sentence, which ends the
        // table's region
        Some(e) if f.span.start <= e.span.end => {
            if f.raw
                .contains(|c: char| c.is_ascii_digit() || c == '|' || is_space(c))
                || crate::text::lexical::ends_sentence(&f.raw)
                || !reads_apart(&e.raw, &f.raw)
            {
                return None;
            }
        }
        // apart from the row's last cell: one more field, as it was (its
        // words apart: after an empty cell the audit quotes it as that
        // cell's text, `b\tc` as “b c”)
        Some(e) if Some(e.span.start) == last && row.fused.is_none() => {
            if !one_more_field(row, f, e) {
                return None;
            }
            tab = true;
            spaced = true;
            // at the row's end: after the last of the cells that share
            // that place (empty cells after a row's figures)
            at_end = true;
        }
        // apart after fused digits that end in a marker: one space after them
        Some(_) if marker_digits => spaced = true,
        // apart from a cell inside the row: it would take a
        // cell's place, so it is not written
        Some(_) => return None,
        // before fused digits: at the row's end it would be glued to them
        // (`2.` reads as a cell); before them only what the label needs
        // there (`glued_before_fused_text`: glued, or one more field)
        None if row.fused.is_some() => {
            tab = glued_before_fused_text(row, f)?;
            spaced = tab;
        }
        // between the label and the first cell: glued to the label it
        // would change it, glued to the last figure it would read as part
        // of it (`6%` a unit, `6/` fused digits); one more field after the
        // last cell when that is a figure (after an empty cell it would
        // read as text in that cell's place), else not written
        None => {
            if digits_or_pipes(&f.raw) || !ends_with_a_figure(row) || !reads_as_text(&f.raw) {
                return None;
            }
            tab = true;
        }
    }
    // one more field: a section marker with white space after it (`四、公\tx`
    // written `四、公 x`, `四、  报投诉…` between a label and its figures)
    // could read as the next section's heading found inside the row's line,
    // where the tab kept it from being one: not written
    if tab && f.raw.contains(is_space) && holds_section_marker(&f.raw) {
        return None;
    }
    Some((tab, spaced, at_end))
}

/// True when the fragment `f`, apart after `e`, the last cell of `row`,
/// reads back as one more field after it: no word of it reads as a cell (a
/// null marker `/` would be one more cell there, the row's digits fused:
/// `集中采购\t7\t9\t/`), and with digits or pipes it is one label token
/// ([`text_field`]), words without digits ([`text_words`]) or, after the
/// row's figures, words with digits (`5. e`, see [`words_read_as_text`]).
fn one_more_field<C: Key>(row: &RowSource<C>, f: &Fragment, e: &Text) -> bool {
    !f.raw
        .split(is_space)
        .any(|w| !w.is_empty() && reads_as_cell(w))
        && (!digits_or_pipes(&f.raw)
            || text_field(&f.raw)
            || text_words(&f.raw)
            || words_read_as_text(&f.raw) && figure_before(row, e))
}

/// True when `text` holds an ASCII digit or a pipe (it may read as a
/// figure or a cell boundary where it is written).
fn digits_or_pipes(text: &str) -> bool {
    text.contains(|c: char| c.is_ascii_digit() || c == '|')
}

/// `Some(apart)` when `f` (no white space nor pipe in it) stood after
/// `row`'s label, on its line, before the row's fused digits, the label
/// (one line) ends in digits and a list marker (`一、本年新收57.` + `4.保`, see
/// `cells::ends_in_marker_digits`) and the fused digits start with text
/// (`益0`): the marker before `f`'s labels nothing, so the label keeps it,
/// but written without `f` the marker would label the fused text
/// (`一、本年新收57.\t益0` reads the figure `5` and the text `7.`). Written
/// where it stood (glued after the label, or apart as one more field:
/// `apart`), the label's field reads back as the source's did.
fn glued_before_fused_text<C: Key>(row: &RowSource<C>, f: &Fragment) -> Option<bool> {
    let (Some(label), Some(fused)) = (&row.label, &row.fused) else {
        return None;
    };
    let written = crate::text::space::without_space(&label.raw);
    (label.span.end <= f.span.start
        && label.span.line == f.span.line
        && (label.span.end - label.span.start) as usize == label.raw.len()
        && f.span.end <= fused.span.start
        && !f.raw.contains(|c: char| c == '|' || is_space(c))
        && fused
            .raw
            .split(|c: char| c == '|' || is_space(c))
            .find(|w| !w.is_empty())
            .is_some_and(|w| !reads_as_cell(w))
        && super::cells::ends_in_marker_digits(&written))
    .then_some(label.span.end < f.span.start)
}

/// True when `text` holds a section marker (`四、`) anywhere.
fn holds_section_marker(text: &str) -> bool {
    text.char_indices()
        .any(|(at, _)| crate::text::lexical::section_marker(&text[at..]).is_ok())
}

/// True when the fragment `f`, after the empty cell `e` of `row` (no fused
/// digits), reads back beside that cell: it stood in its place, holds digits
/// or pipes, or `e` is not alone at the row's last place (`last`, the start
/// of the row's last cell or fused digits).
fn in_empty_cells_place<C: Key>(
    row: &RowSource<C>,
    f: &Fragment,
    e: &Text,
    last: Option<u32>,
) -> bool {
    e.raw.trim().is_empty()
        && row.fused.is_none()
        && (f.span.start <= e.span.end
            // an empty cell at the label's end has no place of its own (the
            // parser keeps none for `行政处罚\te` nor `行政处罚\t\te`): the text
            // after it is in its place
            || row.label.as_ref().is_some_and(|l| l.span.end == e.span.start)
            || f.raw.contains(|c: char| c.is_ascii_digit() || c == '|')
                && !text_field(&f.raw)
                // (words apart with a pipe or digits after the row's
                // figures: in the last empty cell's place they would make
                // the row's digits fused, `规范性文件\t5\tat | yes\t`,
                // `对外管理服务\t2\t5. e\t`)
                && !(words_read_as_text(&f.raw) && figure_before(row, e))
            || Some(e.span.start) != last
            || row
                .cells
                .values()
                .filter(|c| c.span.start == e.span.start)
                .count()
                > 1
                && !ends_with_a_figure_before(row, e))
}

/// True when the cells of `row` before the place of the empty cell `e` end
/// with a figure: empty cells that share `e`'s place after a row's figures
/// (the last cells of a row of space-aligned text) are written each in a
/// place of its own, and text after them is one more field (in their place
/// it would end the row: text among a row's fields).
fn ends_with_a_figure_before<C: Key>(row: &RowSource<C>, e: &Text) -> bool {
    row.cells
        .values()
        .filter(|c| c.span.start < e.span.start)
        .max_by_key(|c| c.span.start)
        .is_some_and(|c| !c.raw.trim().is_empty())
}

/// True when a cell of `row` before the place of the empty cell `e` holds
/// a figure.
fn figure_before<C: Key>(row: &RowSource<C>, e: &Text) -> bool {
    row.cells
        .values()
        .any(|c| c.span.start < e.span.start && !c.raw.trim().is_empty())
}

/// True when the last cell of `row` (in source order) holds a figure, not
/// an empty cell.
fn ends_with_a_figure<C: Key>(row: &RowSource<C>) -> bool {
    row.cells
        .values()
        .max_by_key(|e| e.span.start)
        .is_some_and(|e| !e.raw.trim().is_empty())
}

/// True when `fragment`, glued after the figure `cell`, reads back as label
/// text after that figure: not as part of it (a unit `万元`, a remark), nor
/// making a label of it (`0、` and `2.` are list markers, `7年` a date).
fn reads_apart(cell: &str, fragment: &str) -> bool {
    let Some(word) = cell.split(is_space).rfind(|w| !w.is_empty()) else {
        return true;
    };
    let joined = format!("{word}{fragment}");
    let mut toks = Vec::new();
    super::cells::field_tokens(&joined, 0, &mut toks);
    use super::cells::Tk;
    matches!(toks.as_slice(), [v, l]
        if v.kind == Tk::Value && v.end == word.len() && l.kind == Tk::Label && l.start == word.len())
}

/// True when `fragment`, with digits or pipes but no white space, reads
/// as label text in a field of its own (`0级`, `---|---`): after a row's
/// last cell it stands apart as one more field (in the empty cell's place
/// it would be that cell's text; in the place of a row's last cell after
/// a figure and an empty cell it makes the row's digits fused:
/// `规范性文件\t4\t\t---|---`). A pipe inside it is text in a tab row
/// (`a|b`); one at either end is not kept there (`|a|` reads as `a`).
fn text_field(fragment: &str) -> bool {
    !fragment.contains(is_space)
        && !fragment.starts_with('|')
        && !fragment.ends_with('|')
        && reads_as_text(fragment)
}

/// True when `fragment`, with white space and pipes but no digit, reads as
/// label text in a field of its own after a row's last cell (`at | yes`,
/// `H\t|~` written `H |~`): no pipe at its ends, and each of its words,
/// pipes at the word's ends aside, label text (see [`reads_as_text`]). In a
/// tab row its pipes part no cells.
fn text_words(fragment: &str) -> bool {
    !fragment.contains(|c: char| c.is_ascii_digit()) && words_read_as_text(fragment)
}

/// [`text_words`] with digits allowed: `fragment` not empty, no pipe at its
/// ends, each of its words (pipes at the word's ends aside) label text on
/// its own (`5. e`: the marker `5.` and `e`). After a row's figures such
/// words are one more field after its last cell, which reads back as they
/// stood (see [`in_empty_cells_place`]).
fn words_read_as_text(fragment: &str) -> bool {
    let t = fragment.trim_matches(is_space);
    !t.is_empty()
        && !t.starts_with('|')
        && !t.ends_with('|')
        && t.split(is_space).all(|w| {
            let w = w.trim_matches('|');
            w.is_empty() || reads_as_text(w)
        })
}

/// True when `fragment`, written as a field of its own, reads as a cell
/// first: it starts with a figure or a null marker (`0`, `-`, `02.`: the
/// fused `0` and the label `2.`).
fn reads_as_cell(fragment: &str) -> bool {
    let mut toks = Vec::new();
    super::cells::field_tokens(fragment, 0, &mut toks);
    use super::cells::Tk;
    matches!(toks.first(), Some(t) if matches!(t.kind, Tk::Value | Tk::Null))
}

/// True when `fragment`, written as a field of its own, reads as label
/// text: not as a null marker (`/`, `—`: a cell) nor as a figure.
pub(crate) fn reads_as_text(fragment: &str) -> bool {
    let mut toks = Vec::new();
    super::cells::field_tokens(fragment, 0, &mut toks);
    use super::cells::Tk;
    matches!(toks.as_slice(), [l] if l.kind == Tk::Label && l.start == 0 && l.end == fragment.len())
}
