//! The fragments written with the rows of a standard table: text the
//! parser kept beside a row, written where it stood.

use crate::lines::is_space;
use crate::model::{FragmentRole, Key, RowSource};
use crate::template::cells::Tk;

/// A fragment written with a row: its text, the cell (or fused digits) it
/// follows in the source, and whether a tab stood between them.
pub(super) struct RowFragment<'a> {
    pub(super) raw: &'a str,
    /// The cell or fused digits it is written after (`None`: the row's
    /// end). Told by identity, not by its start: cells that share a place
    /// (`\t\t7` read from space-aligned text, three cells at one offset)
    /// share their start too.
    pub(super) after: Option<&'a crate::model::Text>,
    pub(super) tab: bool,
    /// It stands in an empty cell's place: its words are written apart
    /// (see `put_fragment`).
    pub(super) spaced: bool,
    /// It is written glued after the label, before the fused digits.
    pub(super) after_label: bool,
    /// One space is written before it (see `template::beside`).
    pub(super) space_before: bool,
    /// It stood glued after the label, which ends in digits: written there,
    /// its white space as it stood (see [`after_label_digits`]).
    pub(super) after_digits: bool,
    /// Where it stood in the source (start and end): a fragment glued to
    /// the one written before it is written glued to it (see `put_row`).
    pub(super) span: (u32, u32),
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

    /// Takes the fragments that stand in `row` (`template`: its template
    /// label): after its first element and before the next row (or header
    /// text).
    pub(super) fn take<C: Key + 'static>(
        &mut self,
        row: &'a RowSource<C>,
        template: &str,
    ) -> Vec<RowFragment<'a>> {
        let Some(start) = row.start() else {
            return Vec::new();
        };
        let next = self
            .bounds
            .get(self.bounds.partition_point(|&b| b <= start))
            .copied()
            .unwrap_or(u32::MAX);
        let mut out = Vec::new();
        for (i, f) in self.frags.iter().enumerate() {
            if self.used[i] || f.span.start <= start || f.span.start >= next {
                continue;
            }
            self.used[i] = true;
            // a label part is already in the label's text; other text on a
            // line of its own could read as anything (a list item, a
            // figure), so it is not written either
            if !crate::template::beside::on_row_line(row, f) {
                continue;
            }
            out.extend(place(row, f, template));
        }
        out
    }
}

/// Where the `other` fragment `f`, on one of `row`'s lines, is written in
/// the row (see [`crate::template::beside`]; `template`: the row's template
/// label).
fn place<'a, C: Key + 'static>(
    row: &'a RowSource<C>,
    f: &'a crate::model::Fragment,
    template: &str,
) -> Option<RowFragment<'a>> {
    let span = (f.span.start, f.span.end);
    if after_label_digits(row, f) {
        return Some(RowFragment {
            raw: &f.raw,
            after: None,
            tab: false,
            spaced: false,
            after_label: false,
            space_before: false,
            after_digits: true,
            span,
        });
    }
    let b = crate::template::beside::beside(row, f)?;
    if stop_ends_the_row(row, f, &b)
        || (b.spaced || b.tab) && glue(&f.raw, "").is_none()
        || crate::template::beside::label_rest(row, f, &b, template)
    {
        return None;
    }
    Some(RowFragment {
        raw: &f.raw,
        after: b.follows.filter(|_| !b.at_end),
        tab: b.tab,
        spaced: b.spaced,
        after_label: b.after_label,
        space_before: b.space_before,
        after_digits: false,
        span,
    })
}

/// True when `f` stood glued after `row`'s label (one line), the label ends
/// in a digit and `f` starts with one: the digits glued before `f`'s marker
/// (`四、结转下57.` + TAB `0年度继续办理7.`: the marker `7.` starts at its
/// last digit) are the label's, but alone at a field's end they read as a
/// figure (`四、结转下5` TAB `7. 0…` reads the fused `5`). Written glued
/// after the label, its tabs as they stood ([`super::label::put_as_stood`]), the row's
/// fields read back as the source's did. So too before fused digits and
/// with pipes (`一、本年新收5` + `7.\t|\t（` + the fused `0`: not written, `5`
/// TAB `0` read the fused `5 0`); a label with a pipe is then written as it
/// stood too (`label::LabelForm`: `…案卷\t|5` + `7.`, where `…案卷|57.`
/// keeps the marker in the label).
fn after_label_digits<C: Key>(row: &RowSource<C>, f: &crate::model::Fragment) -> bool {
    row.label.as_ref().is_some_and(|l| {
        l.span.end == f.span.start
            && l.span.line == f.span.line
            && (l.span.end - l.span.start) as usize == l.raw.len()
            && l.raw.ends_with(|c: char| c.is_ascii_digit())
    }) && f.raw.starts_with(|c: char| c.is_ascii_digit())
        && !crate::lines::has_line_break(&f.raw)
}

/// True when `f`, written where `b` puts it in `row`'s tab row, would end
/// the row's line with a stop (`处理2.。` after the figures of `（六）其他`),
/// which ends a table's region unless the row's label field is a row label
/// or a total of the applications table (`parse::region::app_row_field`):
/// such text is not written, so the row reads back as a row.
fn stop_ends_the_row<C: Key>(
    row: &RowSource<C>,
    f: &crate::model::Fragment,
    b: &crate::template::beside::Beside<'_>,
) -> bool {
    // (the text written last in the row: its fused digits, or the last
    // column's cell; text after an empty cell before it has that cell's
    // tabs after it, `（六）其他\t（二）。\t\t…`, which keep the row a row)
    let last = row.fused.as_ref().or_else(|| row.cells.values().last());
    f.raw.trim_end_matches(is_space).ends_with('。')
        && (b.at_end || b.follows.zip(last).is_some_and(|(e, l)| std::ptr::eq(e, l)))
        && !(super::label::stray_cells::<C>()
            && row.label.as_ref().is_some_and(|l| {
                crate::parse::region::app_row_field(&crate::text::space::without_space(&l.raw))
            }))
}

/// Writes a fragment that stands in an empty cell's place: its words with
/// one space between them where they stood apart (`（六）\tl` as `（六） l`,
/// `# 2年` as it is): it reads back as the same words in one field of its
/// own, and the audit quotes it the same way (glued, `#2年` is quoted
/// otherwise). But when its words apart would read as a figure and glued
/// would not (`5.要求行政机 00000002.`: alone, `00000002.` is the fused `0000000`
/// and the label `2.`; `…行政机00000002.` keeps digits and marker in the
/// text, as the source's line did where `1.关确认…` followed), they are
/// written glued: the field reads back as one fragment. Only words that
/// apart read as a figure where they stand count: `next` is the text written
/// glued after the fragment in its field (the fragment after it, glued to it
/// in the source), which the last word runs on into (`四、\t02.` + `5.求`:
/// `02.5.求` is label text, so `四、 02.5.求` reads back as `四、 02.` and `5.求`,
/// quoted by the audit as the source's `四、\t02.` is; glued, `四、02.` is
/// quoted otherwise).
pub(super) fn put_fragment<W: std::fmt::Write>(w: &mut W, s: &str, next: &str) -> std::fmt::Result {
    let glued = glue(s, next).unwrap_or(false);
    for (i, word) in s.split(is_space).filter(|x| !x.is_empty()).enumerate() {
        if i > 0 && !glued {
            w.write_char(' ')?;
        }
        w.write_str(word)?;
    }
    Ok(())
}

/// How [`put_fragment`] writes the words of `s`: glued (`Some(true)`) when
/// apart they would read as a figure and glued they do not; else apart
/// (`Some(false)`). `None` when apart they read as a figure and glued two
/// of them meet as a dotted number (`2.` + `00000002.`: `2.00000002.` is no
/// marker, but label text, which a row's label field takes in where it
/// follows the label; apart `00000002.` is the fused `0000000` and the label
/// `2.`): no form reads back, and such a fragment is not written (`place`,
/// which asks without `next`, the text the last word runs on into: see
/// [`put_fragment`]).
fn glue(s: &str, next: &str) -> Option<bool> {
    let words = || s.split(is_space).filter(|x| !x.is_empty());
    // (a word's digits glued to text and a marker at its end are the
    // text's: `template::cells::ends_in_marker_digits`)
    let has_figure = |word: &str| {
        let mut toks = Vec::new();
        crate::template::cells::field_tokens(word, 0, &mut toks);
        if crate::template::cells::ends_in_marker_digits(word) {
            toks.truncate(toks.len().saturating_sub(3));
        }
        toks.iter().any(|t| matches!(t.kind, Tk::Value | Tk::Null))
    };
    // (the last word with what runs on after it in the field)
    let run_on = next.split(is_space).next().unwrap_or_default();
    let last = words().count().saturating_sub(1);
    let in_field = |(i, word): (usize, &str)| {
        if i == last && !run_on.is_empty() {
            has_figure(&format!("{word}{run_on}"))
        } else {
            has_figure(word)
        }
    };
    if !(s.contains(|c: char| c.is_ascii_digit()) && last > 0 && words().enumerate().any(in_field))
    {
        return Some(false);
    }
    let dotted = words()
        .zip(words().skip(1))
        .any(|(a, b)| a.ends_with(['.', '．']) && b.starts_with(|c: char| c.is_ascii_digit()));
    if dotted {
        return None;
    }
    Some(!has_figure(&format!(
        "{}{run_on}",
        words().collect::<String>()
    )))
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
        && words().all(crate::template::beside::reads_as_text))
    .then_some(text)
}

/// The `other` fragments glued after the group label `fragments[i]` on its
/// line, each glued to the one before, up to one with white space, when
/// they open with a figure that the cell grammar reads apart from the label
/// written glued to it (`0` after `（本列办理结果`, `0081.<<` after
/// `Fw朗年度办理结果`): so they read back as they were. Empty for any other
/// text (`1.址` after `（三）不予公开02.` would read with it as a dotted
/// label). No row writes them: a group label bounds the fragments of the
/// rows before it ([`RowFragments::take`]).
pub(super) fn glued_after(fragments: &[crate::model::Fragment], i: usize) -> String {
    let mut out = String::new();
    let Some(label) = fragments.get(i) else {
        return out;
    };
    let mut end = label.span.end;
    // (in source order: the first fragment after the end ends the run)
    for f in &fragments[i + 1..] {
        if f.span.start < end {
            continue;
        }
        if f.span.start != end
            || f.role != FragmentRole::Other
            || f.span.line != label.span.line
            || f.raw.is_empty()
            || f.raw.contains(is_space)
        {
            break;
        }
        out.push_str(&f.raw);
        end = f.span.end;
    }
    if out.is_empty() {
        return out;
    }
    // (read as the parser reads the line: the label's text ends a token,
    // a value starts the next one)
    let one = crate::text::space::without_space(&label.raw);
    let line = format!("{one}{out}");
    // (a label that ends in a marker or a bracket, `…（二）`, would label the
    // text glued after it: the cutter reads them as one piece; digits and a
    // marker that end the line stay the label's: `…处理57.`)
    let apart = one.chars().next_back().is_some_and(char::is_alphabetic)
        && !crate::template::cells::ends_in_marker_digits(&line)
        && {
            let mut toks = Vec::new();
            crate::template::cells::field_tokens(&line, 0, &mut toks);
            toks.windows(2).any(|w| {
                w[0].kind == Tk::Label
                    && w[0].end == one.len()
                    && w[1].kind == Tk::Value
                    && w[1].start == one.len()
            })
        };
    if !apart {
        out.clear();
    }
    out
}
