//! A subsection's first paragraph before a generic table: whether it goes
//! on the head line, because written on a line of its own the table would
//! take it in (read back, in the layout the table writer chooses).

use super::reread::{preamble_of, same_cells};
use crate::model::Block;

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
    if !super::head_line::short_cell(text) || crate::parse::region::is_number_line(text) {
        return false;
    }
    let reads = |written: &str| {
        preamble_of(written).is_some_and(|b| match b.as_slice() {
            [Block::Subsection(r)] => {
                super::head_line::same_head(r, s)
                    && matches!(r.blocks.first(), Some(Block::Paragraph(q)) if q.text == text)
                    && same_cells(r.blocks.get(1), g)
            }
            _ => false,
        })
    };
    let table = super::table::table_text_after(t, None).1;
    let para = format!("{}\n\n{text}\n", super::head_line::head_text(s));
    let gap = super::head_line::title_gap(s, text, last);
    !reads(&with_table_after(g, &para, &table)) && reads(&format!("{head}{gap}{text}\n\n{table}"))
}

/// `para` (lines of text, ending with `\n`) and then generic table `g`
/// (written alone as `table`) in the layout
/// [`generic_after_paragraph`](super::table::generic_after_paragraph) chooses
/// after them.
pub(super) fn with_table_after(g: &crate::model::GenericTable, para: &str, table: &str) -> String {
    let (form, joined) = super::table::generic_after_paragraph(g, para, table.to_owned(), &[]);
    format!("{para}{}{form}", if joined { "" } else { "\n" })
}
