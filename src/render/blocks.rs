//! Writing a list of blocks as chunks: paragraphs, subsections and their
//! head lines, markup, tables (see the [module docs](super) for the
//! canonical form).

use std::fmt;

use super::Chunks;
use super::heads::{
    NextLine, body_on_head_line, first_paragraph_joins_head, head_text, joins_first_subsection,
    joins_next_line,
};
use super::paragraph::{
    JOIN_LINE_CHARS, ends_sentence, joins_over_a_blank, tab_cut, write_line, write_paragraph,
    write_unsigned,
};
use crate::model::{Block, Paragraph, Subsection, Table};

impl<'r, W: fmt::Write> Chunks<'_, 'r, W> {
    /// Writes `blocks` as chunks; the last of them is the tail of the
    /// section when the list holding them is (see [`Chunks::tail`]).
    pub(super) fn blocks(&mut self, blocks: &'r [Block]) -> fmt::Result {
        let outer = self.tail;
        let r = self.blocks_in(blocks, outer);
        self.tail = outer;
        r
    }

    /// [`Chunks::blocks`] with `outer` the tail flag of the enclosing list.
    fn blocks_in(&mut self, blocks: &'r [Block], outer: bool) -> fmt::Result {
        // the block was written with the one before it
        let mut written = false;
        for (i, block) in blocks.iter().enumerate() {
            self.tail = outer && i + 1 == blocks.len();
            if std::mem::take(&mut written) {
                continue;
            }
            let after_table = match block {
                Block::Subsection(s) => self.subsection_after_table(block, s),
                _ => None,
            };
            let flat = match block {
                Block::Subsection(s) if after_table.is_none() => self.flat_subsection(block, s),
                _ => None,
            };
            // (only the first block written may be the one read back)
            self.flat = true;
            let next = blocks.get(i + 1);
            match block {
                Block::Subsection(_) if flat.is_some() => {
                    let line = flat.unwrap_or_default();
                    self.chunk(|w| write_line(w, &line))?;
                }
                Block::Subsection(s) if after_table.is_some() => {
                    let (lines, n) = after_table.unwrap_or_default();
                    self.chunk(|w| w.write_str(&lines))?;
                    self.gap = n == 1
                        && matches!(s.blocks.get(1), Some(Block::Paragraph(_)))
                        && lines.lines().last().is_some_and(joins_over_a_blank);
                    self.blocks(s.blocks.get(n..).unwrap_or_default())?;
                }
                Block::Paragraph(p) => self.paragraph(p, next)?,
                Block::Markup(m) => written = self.markup(m, &blocks[i + 1..])?,
                Block::Unrecognized(u) => self.chunk(|w| write_line(w, &u.text))?,
                Block::Subsection(s) => self.subsection(s, next)?,
                Block::Table(t) => self.table(t, next)?,
                // page chrome around an HTML report is not report text
                Block::Chrome(_) => {}
            }
        }
        Ok(())
    }

    /// Writes paragraph `p`; `next` is the block after it.
    fn paragraph(&mut self, p: &'r Paragraph, next: Option<&'r Block>) -> fmt::Result {
        match next {
            _ if self.closing => {
                self.chunk(|w| write_line(w, &p.text))?;
                self.gap = matches!(next, Some(Block::Paragraph(_))) && joins_over_a_blank(&p.text);
            }
            Some(Block::Paragraph(_)) => {
                // kept apart from the next paragraph: two blank lines
                // when one would read as a page break inside it
                let lines = self.cut_after_table(&p.text, write_paragraph)?;
                self.chunk(|w| w.write_str(&lines))?;
                self.gap = joins_over_a_blank(&p.text);
            }
            _ if self.last.is_some_and(|l| std::ptr::eq(l, p)) => {
                let lines = self.cut_after_table(&p.text, write_unsigned)?;
                self.chunk(|w| w.write_str(&lines))?
            }
            Some(Block::Table(_)) => {
                // (its lines are kept: the table after it is written to
                // read apart from them)
                let mut lines = self.prefix.clone().unwrap_or_default();
                lines.push_str(&self.cut_after_table(&p.text, write_paragraph)?);
                self.prefix = None;
                self.chunk(|w| w.write_str(&lines))?;
                self.para = Some(lines);
            }
            _ => {
                let lines = self.cut_after_table(&p.text, write_paragraph)?;
                self.chunk(|w| w.write_str(&lines))?
            }
        }
        Ok(())
    }

    /// Writes subsection `s` (neither flat nor after a table); `next` is
    /// the block after it.
    fn subsection(&mut self, s: &'r Subsection, next: Option<&'r Block>) -> fmt::Result {
        if body_on_head_line(s, self.section) {
            self.head_line_subsection(s)
        } else if joins_first_subsection(s, self.section) {
            // `三、主动公开：` + `1、申请`: one line, as the parser
            // reads it (alone the head could read as a section
            // heading)
            let mut head = s.marker.to_string();
            head.push_str(s.title.as_deref().unwrap_or(""));
            self.prefix = Some(head);
            self.blocks(&s.blocks)
        } else if self.joins_next_line(s, next) {
            // `三、申請。` + `七、`: alone the head would read as a
            // section heading; at the start of the next line it is
            // read as it stood
            let head = head_text(s);
            match &mut self.prefix {
                Some(p) => p.push_str(&head),
                None => self.prefix = Some(head),
            }
            Ok(())
        } else {
            let mut head = head_text(s);
            let join = first_paragraph_joins_head(s, &head);
            head.push('\n');
            self.chunk(|w| w.write_str(&head))?;
            self.joined = join;
            // a table of one cell per line as its first block
            // could take in the head line, as it could a short
            // paragraph (see `table::generic_after_paragraph`)
            if matches!(s.blocks.first(), Some(Block::Table(t)) if matches!(**t, Table::Generic(_)))
            {
                self.para = Some(head);
            }
            self.blocks(&s.blocks)
        }
    }

    /// True when empty subsection `s` is written at the start of the next
    /// line (see [`joins_next_line`]): `next` is the block after it, the
    /// next line the head of that sibling subsection or, after a section's
    /// last block, the next section's heading.
    fn joins_next_line(&self, s: &Subsection, next: Option<&Block>) -> bool {
        if !s.blocks.is_empty() {
            return false;
        }
        let line = match next {
            Some(Block::Subsection(n)) => NextLine::Sibling(n),
            None if self.tail && !self.closing => match self.next_heading {
                Some((raw, number)) => NextLine::Heading(raw, number),
                None => return false,
            },
            _ => return false,
        };
        joins_next_line(s, &line, self.section)
    }

    /// Writes a subsection whose first paragraph goes on its head line (see
    /// [`body_on_head_line`]), then the rest of its blocks.
    fn head_line_subsection(&mut self, s: &'r Subsection) -> fmt::Result {
        // `四、` + a long first paragraph: one line, as the
        // parser reads it (a marker alone after a table would
        // be read into the table)
        let Some(Block::Paragraph(p)) = s.blocks.first() else {
            unreachable!("body_on_head_line checks it")
        };
        let title = s.title.as_deref().unwrap_or("");
        // the head of an enclosing subsection written before it
        let before = self.prefix.as_ref().map_or(0, |p| p.chars().count());
        // (a body with a tab: the tab on a line of its own, see `tab_cut`)
        let body: String = p
            .text
            .chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let cut = tab_cut(&s.marker, title, &body, self.section);
        self.chunk(|w| {
            w.write_str(&s.marker)?;
            w.write_str(title)?;
            match cut {
                Some(at) => {
                    w.write_str(&body[..at])?;
                    w.write_char('\n')?;
                    write_line(w, &body[at..])
                }
                None => write_line(w, &p.text),
            }
        })?;
        // the parser judges the head line as a whole
        let head = before + s.marker.chars().count() + title.chars().count();
        self.gap = matches!(s.blocks.get(1), Some(Block::Paragraph(_)))
            && p.text.chars().count() + head >= JOIN_LINE_CHARS
            && !ends_sentence(&p.text);
        self.blocks(&s.blocks[1..])
    }
}
