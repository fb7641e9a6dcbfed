//! How far the parser's look-ahead for a table of one cell per line
//! (`parse::region::generic_region`) reads from a subsection's head over the
//! blocks after it: asked by the subsection writer (`blocks`) and by the
//! forms of a head right after a table (`after_table`).

use super::table::LINES_REACH_CHARS;
use crate::model::{Block, Subsection, Table};

/// How many paragraphs before the one right before a table of lines the
/// parser's look-ahead from one of them may reach the table over (it reads
/// over a paragraph and six more: see `parse::region::generic_region`).
pub(super) const RUN_PARAGRAPHS: usize = 5;

/// How many of the blocks of subsection `s` the parser's look-ahead for a
/// table of one cell per line (`parse::region::generic_region`) may read
/// over from its head line `head`, when they hold two figures it may reach
/// (paragraphs that are a figure, figures among the cells of a generic
/// table first): the head is short and no figure, the paragraphs before
/// short. `None` when the head cannot open such a table.
pub(super) fn may_open_lines(s: &Subsection, head: &str) -> Option<usize> {
    let short = |t: &str| {
        t.chars().nth(LINES_REACH_CHARS).is_none()
            && !t.contains(['。', '，', '；', ',', ';', '：', ':'])
    };
    if head.chars().nth(15).is_some() || !short(head) || head.contains('\t') {
        return None;
    }
    let figure = |t: &str| crate::parse::region::is_number_line(t.trim());
    let mut figures = 0;
    for (i, block) in s.blocks.iter().enumerate().take(RUN_PARAGRAPHS + 2) {
        match block {
            Block::Paragraph(p) if short(&p.text) => figures += usize::from(figure(&p.text)),
            Block::Table(t) => {
                if let Table::Generic(g) = &**t {
                    let cells = std::iter::once(&g.header).chain(&g.rows).flatten();
                    figures += cells.filter(|c| figure(c)).count();
                }
                return (figures >= 2).then_some(i + 1);
            }
            _ => break,
        }
        if figures >= 2 {
            return Some(i + 1);
        }
    }
    None
}
