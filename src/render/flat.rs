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
    /// Subsection `s` (the block `block`) right after the pending table on
    /// one line ([`one_line`]), or with its heads and first paragraph on one
    /// line ([`Self::heads_line_forms`]), when so it reads back as the
    /// table and `s` and its default form does not (`1.` + `一、收 33330 …`:
    /// `1.` alone is taken into the table, and `一、收 33330 …` alone reads
    /// as a section heading).
    pub(super) fn flat_after_table(&self, block: &'r Block, s: &'r Subsection) -> Option<String> {
        let (t, table_text) = self.table.as_ref()?;
        if self.next.prefix.is_some() || self.closing || !holds_section_markers(s) {
            return None;
        }
        let reads = |text: &str| {
            super::after_table::blocks_after(&self.headings, &format!("{table_text}\n{text}"))
                .is_some_and(|b| {
                    matches!(b.as_slice(), [Block::Table(a), Block::Subsection(b)]
                        if **a == **t && b == s)
                })
        };
        let default = self.written_alone(block, false)?;
        if reads(&default) {
            return None;
        }
        let line = one_line(s).map(|l| l + "\n");
        line.into_iter()
            .chain(self.heads_line_forms(s))
            .find(|text| reads(text))
    }

    /// The forms of subsection `s` whose one block is a subsection whose
    /// first block is a paragraph (`1.` + `一、` + `年新收 33330 …\u{8}` +
    /// `&`) with the two heads and the paragraph on one line, as the parser
    /// joined them (`1.一、年新收 33330 …`), whole or cut where the script
    /// changes (the latest places first), the inner subsection's other
    /// blocks after it as written alone, after one blank line or two.
    fn heads_line_forms(&self, s: &Subsection) -> Vec<String> {
        let [Block::Subsection(inner)] = s.blocks.as_slice() else {
            return Vec::new();
        };
        let Some((Block::Paragraph(p), rest)) = inner.blocks.split_first() else {
            return Vec::new();
        };
        let title = |s: &Subsection| s.title.clone().unwrap_or_default();
        let heads = format!("{}{}{}{}", s.marker, title(s), inner.marker, title(inner));
        let mut line = heads.clone();
        line.extend(p.text.chars().filter(|c| *c != '\n' && *c != '\r'));
        let rest = match rest {
            [] => String::new(),
            _ => match self.written_nested(rest, None, super::Forced::flat(true)) {
                Some(text) => text,
                None => return Vec::new(),
            },
        };
        let is_cjk = super::after_table::is_cjk;
        let cuts = super::reread::cut_points(&line)
            .filter(|&at| {
                let (a, b) = line.split_at(at);
                at > heads.len()
                    && a.chars().next_back().map(is_cjk) != b.chars().next().map(is_cjk)
            })
            .take(super::after_table::CUTS);
        let lines = std::iter::once(line.clone())
            .chain(cuts.map(|at| format!("{}\n{}", &line[..at], &line[at..])));
        let gaps: &[&str] = if rest.is_empty() {
            &[""]
        } else {
            &["\n", "\n\n"]
        };
        lines
            .flat_map(|l| gaps.iter().map(move |gap| format!("{l}\n{gap}")))
            .map(|l| l + &rest)
            .collect()
    }
}
