//! A subsection that holds subsections with section markers (`1.。` +
//! `三、申请。`, `四、情况。县`): on lines of their own the inner heads can
//! read as section headings, where the source had them on one line with the
//! outer head. When the subsection as written otherwise does not read back
//! as itself, it is written on one line, the inner heads and paragraphs
//! glued after the outer head, when that reads back.

use crate::model::{Block, Subsection};

/// The longest one-line form tried (bytes): it is for short heads.
const MAX_LINE: usize = 600;

/// True when `s` holds a subsection with a section marker (`三、`) as one
/// of its blocks: the case where its lines can read as section headings.
pub(super) fn holds_section_markers(s: &Subsection) -> bool {
    s.blocks.iter().any(|b| {
        matches!(b, Block::Subsection(i) if crate::text::lexical::section_marker(&i.marker).is_ok())
    })
}

/// `s` on one line: each head (marker and title) and each paragraph glued
/// after the one before. `None` when it holds another kind of block, a
/// line break or a tab, or is long.
pub(super) fn one_line(s: &Subsection) -> Option<String> {
    fn put(s: &Subsection, line: &mut String) -> Option<()> {
        line.push_str(&s.marker);
        line.push_str(s.title.as_deref().unwrap_or(""));
        for b in s.blocks.iter() {
            match b {
                Block::Paragraph(p) => line.push_str(&p.text),
                Block::Subsection(inner) => put(inner, line)?,
                _ => return None,
            }
            if line.len() > MAX_LINE {
                return None;
            }
        }
        Some(())
    }
    let mut line = String::new();
    put(s, &mut line)?;
    (!line.contains(['\n', '\r', '\t'])).then_some(line)
}

/// True when `text`, written after `heading` (the line of the section it
/// is in, `None` in the preamble), reads back as the subsection `s` alone.
pub(super) fn reads_as(heading: Option<&str>, text: &str, s: &Subsection) -> bool {
    let one = |blocks: &[Block]| matches!(blocks, [Block::Subsection(r)] if r == s);
    match heading {
        None => super::reread::preamble_of(text).is_some_and(|b| one(&b)),
        Some(h) => crate::parse::parse(&format!("{h}\n\n{text}")).is_ok_and(|r| {
            r.preamble.is_empty()
                && r.closing.is_empty()
                && matches!(r.sections.as_slice(), [x] if x.heading.raw == h && one(&x.blocks))
        }),
    }
}

impl<'r, W: std::fmt::Write> super::Chunks<'_, 'r, W> {
    /// Subsection `s` (the block `block`) on one line ([`one_line`]) right
    /// after the pending table, when so it reads back as the table and `s`
    /// and its default form does not (`1.` + `一、收 33330 …`: `1.` alone is
    /// taken into the table, and `一、收 33330 …` alone reads as a section
    /// heading).
    pub(super) fn flat_after_table(&self, block: &'r Block, s: &'r Subsection) -> Option<String> {
        let (t, table_text) = self.table.as_ref()?;
        if self.next.prefix.is_some() || self.closing || !holds_section_markers(s) {
            return None;
        }
        let line = one_line(s)? + "\n";
        let reads = |text: &str| {
            super::after_table::blocks_after(&self.headings, &format!("{table_text}\n{text}"))
                .is_some_and(|b| {
                    matches!(b.as_slice(), [Block::Table(a), Block::Subsection(b)]
                        if **a == **t && b == s)
                })
        };
        let default = self.written_alone(block, false)?;
        (!reads(&default) && reads(&line)).then_some(line)
    }
}
