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
