//! The fragments written with the rows of a standard table: text the
//! parser kept beside a row, written where it stood.

use crate::lines::is_space;
use crate::model::{FragmentRole, Key, RowSource};

/// A fragment written with a row: its text, the start of the cell it
/// follows in the source, and whether a tab stood between them.
pub(super) struct RowFragment<'a> {
    pub(super) raw: &'a str,
    pub(super) after: Option<u32>,
    pub(super) tab: bool,
    /// It stands in an empty cell's place: its words are written apart
    /// (see `put_fragment`).
    pub(super) spaced: bool,
}

/// The fragments of a standard table that stand among its rows: text the
/// parser kept beside a row (`abc` in a cell's place, the tail of a label cut
/// by a figure). They are written where they stand, so the canonical text
/// reads back with the same fragments beside the same cells: `other`
/// fragments on one of the row's lines, glued after the cell they followed
/// (at the end of the row when they follow the label) or, when they stood
/// apart after the row's last cell, as one more field; text with digits,
/// pipes or white space only in an empty cell's place (glued to a figure, it
/// would read as part of it).
/// Other text on a line of its own is not written (such a line could read as a list item or a
/// figure), nor are label parts (the label's text holds them), header, group
/// label, note and page-number fragments (the canonical layout writes its own
/// header and group labels).
pub(crate) struct RowFragments<'a> {
    frags: Vec<&'a crate::model::Fragment>,
    used: Vec<bool>,
    /// Starts of everything that bounds a row: every row's first element and
    /// every fragment that is not written with a row, sorted.
    bounds: Vec<u32>,
}

impl<'a> RowFragments<'a> {
    pub(super) fn new<C: Key>(
        fragments: &'a [crate::model::Fragment],
        rows: impl Iterator<Item = &'a RowSource<C>>,
    ) -> Self {
        let stray = |f: &crate::model::Fragment| {
            matches!(f.role, FragmentRole::Other | FragmentRole::LabelPart)
        };
        let mut bounds: Vec<u32> = rows.filter_map(RowSource::start).collect();
        bounds.extend(fragments.iter().filter(|f| !stray(f)).map(|f| f.span.start));
        bounds.sort_unstable();
        let frags: Vec<_> = fragments.iter().filter(|f| stray(f)).collect();
        RowFragments {
            used: vec![false; frags.len()],
            frags,
            bounds,
        }
    }

    /// Takes the fragments that stand in `row`: after its first element and
    /// before the next row (or header text).
    pub(super) fn take<C: Key>(&mut self, row: &RowSource<C>) -> Vec<RowFragment<'a>> {
        let Some(start) = row.start() else {
            return Vec::new();
        };
        let next = self
            .bounds
            .get(self.bounds.partition_point(|&b| b <= start))
            .copied()
            .unwrap_or(u32::MAX);
        let elements: Vec<&crate::model::Text> = row
            .label
            .iter()
            .chain(row.cells.values())
            .chain(row.fused.iter())
            .collect();
        let mut out = Vec::new();
        for (i, f) in self.frags.iter().enumerate() {
            if self.used[i] || f.span.start <= start || f.span.start >= next {
                continue;
            }
            self.used[i] = true;
            // a label part is already in the label's text; other text on a
            // line of its own could read as anything (a list item, a
            // figure), so it is not written either
            if f.role != FragmentRole::Other || !elements.iter().any(|e| e.span.line == f.span.line)
            {
                continue;
            }
            out.extend(place(row, f));
        }
        out
    }
}

/// Where the `other` fragment `f`, on one of `row`'s lines, is written in
/// the row: after the cell (or fused digits) it follows, glued or as one more
/// field; `None` when it is not written (it would read as part of a figure
/// or take a cell's place).
fn place<'a, C: Key>(row: &RowSource<C>, f: &'a crate::model::Fragment) -> Option<RowFragment<'a>> {
    // the cell or fused digits it follows (not the label: text glued
    // to the label would change it)
    let follows = row
        .cells
        .values()
        .chain(row.fused.iter())
        .filter(|e| e.span.start <= f.span.start)
        .max_by_key(|e| e.span.start);
    let last = row
        .cells
        .values()
        .chain(row.fused.iter())
        .map(|e| e.span.start)
        .max();
    let (tab, spaced, at_end) = field_flags(row, f, follows, last)?;
    Some(RowFragment {
        raw: &f.raw,
        after: follows.filter(|_| !at_end).map(|e| e.span.start),
        tab,
        spaced,
    })
}

/// How `other` fragment `f` is written after `follows`, the cell or fused
/// digits of `row` it follows (`last` the start of the row's last one):
/// `(tab, spaced, at_end)` as in [`RowFragment`] (`at_end`: after the last
/// of the cells that share the row's end); `None` when it is not written
/// (see [`place`]).
fn field_flags<C: Key>(
    row: &RowSource<C>,
    f: &crate::model::Fragment,
    follows: Option<&crate::model::Text>,
    last: Option<u32>,
) -> Option<(bool, bool, bool)> {
    let digits_or_pipes = || f.raw.contains(|c: char| c.is_ascii_digit() || c == '|');
    let mut tab = false;
    let mut spaced = false;
    let mut at_end = false;
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
                || super::super::paragraph::ends_sentence(&f.raw)
                || !reads_apart(&e.raw, &f.raw)
            {
                return None;
            }
        }
        // apart from the row's last cell: one more field, as it was (its
        // words apart: after an empty cell the audit quotes it as that
        // cell's text, `b\tc` as “b c”)
        // (a section marker with white space after it, `四、公\tx` written
        // `四、公 x`, could read as the next section's heading found inside
        // the row's line, where the tab kept it from being one: not written)
        Some(e) if Some(e.span.start) == last && row.fused.is_none() => {
            if digits_or_pipes() && !text_field(&f.raw)
                || f.raw.contains(is_space) && holds_section_marker(&f.raw)
            {
                return None;
            }
            tab = true;
            spaced = true;
            // at the row's end: after the last of the cells that share
            // that place (empty cells after a row's figures)
            at_end = true;
        }
        // apart from a cell inside the row: it would take a
        // cell's place, so it is not written
        Some(_) => return None,
        // before fused digits: at the row's end it would be glued to them
        // (`2.` reads as a cell), before them to the label
        None if row.fused.is_some() => return None,
        // between the label and the first cell: glued to the label it
        // would change it, glued to the last figure it would read as part
        // of it (`6%` a unit, `6/` fused digits); one more field after the
        // last cell when that is a figure (after an empty cell it would
        // read as text in that cell's place), else not written
        None => {
            if digits_or_pipes() || !ends_with_a_figure(row) || !reads_as_text(&f.raw) {
                return None;
            }
            tab = true;
        }
    }
    Some((tab, spaced, at_end))
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
    f: &crate::model::Fragment,
    e: &crate::model::Text,
    last: Option<u32>,
) -> bool {
    e.raw.trim().is_empty()
        && row.fused.is_none()
        && (f.span.start <= e.span.end
            // an empty cell at the label's end has no place of its own (the
            // parser keeps none for `行政处罚\te` nor `行政处罚\t\te`): the text
            // after it is in its place
            || row.label.as_ref().is_some_and(|l| l.span.end == e.span.start)
            || f.raw.contains(|c: char| c.is_ascii_digit() || c == '|') && !text_field(&f.raw)
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
fn ends_with_a_figure_before<C: Key>(row: &RowSource<C>, e: &crate::model::Text) -> bool {
    row.cells
        .values()
        .filter(|c| c.span.start < e.span.start)
        .max_by_key(|c| c.span.start)
        .is_some_and(|c| !c.raw.trim().is_empty())
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
    crate::template::cells::field_tokens(&joined, 0, &mut toks);
    use crate::template::cells::Tk;
    matches!(toks.as_slice(), [v, l]
        if v.kind == Tk::Value && v.end == word.len() && l.kind == Tk::Label && l.start == word.len())
}

/// True when `fragment`, with digits but no pipe and no white space, reads
/// as label text in a field of its own (`0级`): after a row's last cell it
/// stands apart as one more field (in the empty cell's place it would be
/// that cell's text).
fn text_field(fragment: &str) -> bool {
    !fragment.contains(|c: char| c == '|' || is_space(c)) && reads_as_text(fragment)
}

/// True when `fragment`, written as a field of its own, reads as a cell
/// first: it starts with a figure or a null marker (`0`, `-`, `02.`: the
/// fused `0` and the label `2.`).
fn reads_as_cell(fragment: &str) -> bool {
    let mut toks = Vec::new();
    crate::template::cells::field_tokens(fragment, 0, &mut toks);
    use crate::template::cells::Tk;
    matches!(toks.first(), Some(t) if matches!(t.kind, Tk::Value | Tk::Null))
}

/// True when `fragment`, written as a field of its own, reads as label
/// text: not as a null marker (`/`, `—`: a cell) nor as a figure.
fn reads_as_text(fragment: &str) -> bool {
    let mut toks = Vec::new();
    crate::template::cells::field_tokens(fragment, 0, &mut toks);
    use crate::template::cells::Tk;
    matches!(toks.as_slice(), [l] if l.kind == Tk::Label && l.start == 0 && l.end == fragment.len())
}

/// The `other` fragments of a table that stand after the last of `cells`
/// on its line, apart from it (text after a review/litigation row's fifteen
/// cells, `…\t0\t\ta`, or `r0` read as `r` and `0`), each glued to the one
/// before: written after the row as one more field they read back as they
/// were. `None` when there are none, when they stood apart from each other
/// (they would read back as one), or when their text starts with what
/// could read as a cell (a figure, a null marker) or holds a line break (a
/// pipe is text in a tab row: `a|w`).
pub(super) fn after_last_cell<'a>(
    fragments: &'a [crate::model::Fragment],
    cells: impl Iterator<Item = &'a crate::model::Text>,
) -> Option<String> {
    let last = cells.max_by_key(|c| c.span.start)?;
    let mut after: Vec<&crate::model::Fragment> = fragments
        .iter()
        .filter(|f| {
            f.role == FragmentRole::Other
                && f.span.line == last.span.line
                && f.span.start > last.span.end
        })
        .collect();
    after.sort_by_key(|f| f.span.start);
    let first = after.first()?;
    let glued = after.windows(2).all(|w| w[0].span.end == w[1].span.start);
    let text: String = after.iter().map(|f| f.raw.as_str()).collect();
    let words = || first.raw.split(is_space).filter(|w| !w.is_empty());
    (glued
        && !text.contains(['\n', '\r'])
        && (after.len() == 1 || !text.contains(is_space))
        && words().next().is_some()
        && words().all(reads_as_text))
    .then_some(text)
}
