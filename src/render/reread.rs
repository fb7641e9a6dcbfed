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
    text.char_indices()
        .rev()
        .map(|(at, _)| at)
        .filter(|&at| cuts_at(text, at))
}

/// [`cut_points`] from the start of `text` on.
pub(super) fn cut_points_forward(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .map(|(at, _)| at)
        .filter(|&at| cuts_at(text, at))
}

/// True when `text` can be cut over two lines at the char boundary `at`
/// (see [`cut_points`]).
fn cuts_at(text: &str, at: usize) -> bool {
    let (head, rest) = text.split_at(at);
    at > 0 && !head.ends_with(char::is_whitespace) && !rest.starts_with(char::is_whitespace)
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
        super::head_line::same_head(r, h) && r.blocks.is_empty()
    };
    crate::parse::headings::find_heading(line, last.saturating_add(1), last).is_none()
        && preamble_of(line).is_some_and(|b| match b.as_slice() {
            [Block::Subsection(r)] => {
                super::head_line::same_head(r, s)
                    && matches!(r.blocks.as_slice(), [Block::Subsection(i)] if empty(i, n))
            }
            [Block::Subsection(r), Block::Subsection(i)] => empty(r, s) && empty(i, n),
            _ => false,
        })
}

/// True when `b` is a generic table with the cells of `g`.
pub(super) fn same_cells(b: Option<&Block>, g: &crate::model::GenericTable) -> bool {
    matches!(b, Some(Block::Table(x))
        if matches!(&**x, crate::model::Table::Generic(x) if x.header == g.header && x.rows == g.rows))
}
