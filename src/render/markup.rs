//! How markup is written: alone on its line, or with the paragraph read
//! after it on that line when apart the paragraph would read as something
//! else or the table held back would take both in.

use std::fmt;

use super::paragraph::{joins_over_a_blank, reads_as_itself, write_line};
use super::{Chunks, reread};
use crate::model::{Block, Markup, Paragraph};

impl<'r, W: fmt::Write> Chunks<'_, 'r, W> {
    /// Writes markup `m`, followed by the blocks `next`: a paragraph read
    /// after it on its line that alone would read as something else
    /// (`[bookmark]第二十条`: a table's anchor) is written on that line with
    /// it, as it was read; true then (the paragraph is written).
    pub(super) fn markup(&mut self, m: &Markup, next: &[Block]) -> Result<bool, fmt::Error> {
        match next.first() {
            Some(Block::Paragraph(p))
                if p.span.line == m.span.line
                    && !crate::lines::has_line_break(&p.text)
                    && (!reads_as_itself(&p.text) || self.table_takes_in(m, p)) =>
            {
                self.chunk(|w| {
                    w.write_str(&m.text)?;
                    write_line(w, &p.text)
                })?;
                self.gap =
                    matches!(next.get(1), Some(Block::Paragraph(_))) && joins_over_a_blank(&p.text);
                Ok(true)
            }
            _ => {
                self.chunk(|w| write_line(w, &m.text))?;
                Ok(false)
            }
        }
    }

    /// True when markup `m` and paragraph `p`, read on one line after the
    /// table held back, would be read into that table written apart from
    /// it (`<br>` and `||` after an applications header: lines without a
    /// delimiter, or of the table's, do not end its region) and read back
    /// on one line (`<br>||`: a pipe row after the header's tab row ends
    /// it).
    fn table_takes_in(&self, m: &Markup, p: &Paragraph) -> bool {
        let Some((t, text)) = &self.table else {
            return false;
        };
        let reads = |written: String| {
            reread::preamble_of(&written).is_some_and(|b| {
                matches!(b.as_slice(),
                    [Block::Table(a), Block::Markup(x), Block::Paragraph(y)]
                        if **a == **t && x.text == m.text && y.text == p.text)
            })
        };
        !reads(format!("{text}\n{}\n\n{}\n", m.text, p.text))
            && reads(format!("{text}\n{}{}\n", m.text, p.text))
    }
}
