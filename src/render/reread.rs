//! Reading a candidate text back: where the parser would read a block
//! otherwise, the renderer chooses among ways of writing it by what each
//! reads back as.

use crate::model::Block;

/// The blocks `text` reads as, when it reads as a preamble alone (no
/// section, no closing).
pub(super) fn preamble_of(text: &str) -> Option<Vec<Block>> {
    let r = crate::parse::parse(text).ok()?;
    (r.sections.is_empty() && r.closing.is_empty()).then_some(r.preamble)
}

/// True when `written` reads back as one paragraph whose text is `text`.
pub(super) fn reads_as_paragraph_of(written: &str, text: &str) -> bool {
    preamble_of(written)
        .is_some_and(|b| matches!(b.as_slice(), [Block::Paragraph(p)] if p.text == text))
}

/// The places where `text` can be cut over two lines, from its end back to
/// its start: the byte offsets of its char boundaries (not 0) with no white
/// space on either side (the parser trims a line, so white space at a cut
/// would be lost).
pub(super) fn cut_points(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().rev().map(|(at, _)| at).filter(|&at| {
        let (head, rest) = text.split_at(at);
        at > 0 && !head.ends_with(char::is_whitespace) && !rest.starts_with(char::is_whitespace)
    })
}

/// True when `line`, the head of empty subsection `s` and then the head of
/// subsection `n` (no blocks) on one line, reads back as those two heads:
/// `n` inside `s` or after it (which of the two depends on the subsections
/// open before the line, as it did where the source had them on one line),
/// and no section heading (`last`: the number of the section written last).
pub(super) fn joined_heads_read_back(
    s: &crate::model::Subsection,
    n: &crate::model::Subsection,
    line: &str,
    last: u32,
) -> bool {
    let empty = |r: &crate::model::Subsection, h: &crate::model::Subsection| {
        super::heads::same_head(r, h) && r.blocks.is_empty()
    };
    crate::parse::headings::find_heading(line, last.saturating_add(1), last).is_none()
        && preamble_of(line).is_some_and(|b| match b.as_slice() {
            [Block::Subsection(r)] => {
                super::heads::same_head(r, s)
                    && matches!(r.blocks.as_slice(), [Block::Subsection(i)] if empty(i, n))
            }
            [Block::Subsection(r), Block::Subsection(i)] => empty(r, s) && empty(i, n),
            _ => false,
        })
}

/// True when the first paragraph `text` (its line breaks dropped) of
/// subsection `s` goes on the head line `head` (marker and title) because
/// the generic table right after it would take it in written on a line of
/// its own (`1.:` + `|` before a table of lines `|` `0` `0`: the paragraph
/// reads as the table's header, in the layout
/// [`generic_after_paragraph`](super::table::generic_after_paragraph)
/// chooses too), where on the head line, as the source had it, it reads
/// back with the table after it. Asked only for a paragraph that can be a
/// cell of a table of one cell per line, before a generic table; decided by
/// reading back (`last`: the number of the section written last).
pub(super) fn paragraph_taken_into_table(
    s: &crate::model::Subsection,
    head: &str,
    text: &str,
    last: u32,
) -> bool {
    use crate::model::Table;
    let [Block::Paragraph(_), Block::Table(t), ..] = s.blocks.as_slice() else {
        return false;
    };
    let Table::Generic(g) = &**t else {
        return false;
    };
    if !super::heads::short_cell(text) || crate::parse::region::is_number_line(text) {
        return false;
    }
    let reads = |written: &str| {
        preamble_of(written).is_some_and(|b| match b.as_slice() {
            [Block::Subsection(r)] => {
                super::heads::same_head(r, s)
                    && matches!(r.blocks.first(), Some(Block::Paragraph(q)) if q.text == text)
                    && same_cells(r.blocks.get(1), g)
            }
            _ => false,
        })
    };
    let table = super::table::table_text_after(t, None).1;
    let para = format!("{}\n\n{text}\n", super::heads::head_text(s));
    let gap = super::heads::title_gap(s, text, last);
    !reads(&with_table_after(g, &para, &table)) && reads(&format!("{head}{gap}{text}\n\n{table}"))
}

/// True when `b` is a generic table with the cells of `g`.
pub(super) fn same_cells(b: Option<&Block>, g: &crate::model::GenericTable) -> bool {
    matches!(b, Some(Block::Table(x))
        if matches!(&**x, crate::model::Table::Generic(x) if x.header == g.header && x.rows == g.rows))
}

/// `para` (lines of text, ending with `\n`) and then generic table `g`
/// (written alone as `table`) in the layout
/// [`generic_after_paragraph`](super::table::generic_after_paragraph) chooses
/// after them.
pub(super) fn with_table_after(g: &crate::model::GenericTable, para: &str, table: &str) -> String {
    let (form, joined) = super::table::generic_after_paragraph(g, para, table.to_owned(), &[]);
    format!("{para}{}{form}", if joined { "" } else { "\n" })
}
