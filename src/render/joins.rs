//! Writing an empty subsection at the start of the next line: the head of
//! the sibling or section heading after it, or of a subsection after it
//! that alone would read otherwise (a section heading, a row of the table
//! before it, a table of its own).

use std::cell::OnceCell;

use super::heads::{NextLine, body_on_head_line, first_line, head_text, joins_next_line};
use super::reread::joined_heads_read_back;
use super::{Chunks, Forced};
use crate::model::{Block, Subsection};

/// The heads of subsections written before a chunk on its line (`三、` of
/// `三、一、收…`, the heads of empty subsections joined to it), with the text
/// read before them: the heads of the subsections open when the first of
/// them was held (see `Chunks::open_context`). Read back, the line's
/// subsections nest as they did in the text only after those.
#[derive(Clone, Default)]
pub(super) struct Before {
    /// The open heads' text when the heads were held.
    pub(super) context: String,
    /// The heads.
    pub(super) heads: String,
}

impl<'r, W: std::fmt::Write> Chunks<'_, 'r, W> {
    /// The separator (`""`, or a tab when glued the two heads read as one
    /// marker: `1.` + `54.…`) with which empty subsection `s` is written at
    /// the start of the next line, if it is: the head of the block written
    /// after it (in its list or after
    /// it), a subsection whose first line alone (its head, or its head with
    /// its first paragraph: [`first_line`]) opens a table. For a subsection
    /// without blocks and no table held back, when the joined line reads
    /// back as the two heads ([`joined_heads_read_back`]). Else (`四、` +
    /// `1.` + `一、本年新收 33330 …` + `&\t.`; or right after a table, where
    /// `1.` alone is taken into it and the line after it may also read as
    /// a section heading: `三、` + a table + `1.` + `一、收 33330 …`), when
    /// that subsection written here with the head of `s` at the start of
    /// its first line reads back as the two subsections and written apart
    /// it does not ([`Chunks::joins_blocks_after`]); when its last head is
    /// empty, with the block after it too (that head is written at the
    /// start of that block's line, which it cannot be alone).
    /// The separator goes with whether the subsection's first paragraph
    /// goes on that line ([`Forced::on_head`]).
    pub(super) fn joins_table_after(
        &self,
        s: &Subsection,
        next: Option<&'r Block>,
    ) -> Option<(&'static str, bool)> {
        if !s.blocks.is_empty() || self.next.prefix.is_some() || self.closing {
            return None;
        }
        let (list, depth) = next
            .map(|b| (self.following(b), self.open.len()))
            .or(self.after)?;
        let Some(Block::Subsection(n)) = list.first() else {
            return None;
        };
        let opens = |line: &str| crate::parse::anchor::anchor(line.trim()).is_some();
        if n.blocks.is_empty() && self.table.is_none() {
            let line = head_text(n);
            return (opens(&line)
                && joined_heads_read_back(s, n, &(head_text(s) + &line), self.section))
            .then_some(("", false));
        }
        let line = first_line(n, self.section);
        let last = self.section;
        // (alone it reads as a section heading: right after a table, or
        // with a section marker, `一、年新收3330  全0 …`)
        let heading = || {
            (self.table.is_some() || crate::text::lexical::section_marker(&n.marker).is_ok())
                && crate::parse::headings::find_heading(line.trim(), last.saturating_add(1), last)
                    .is_some()
        };
        // (right after a table any head is tried: alone `s`'s head may be
        // taken into the table, `第二十条` + `(三)` + `三、到和处理…`, where
        // on the next head's line it stood apart; the read-backs decide)
        if !opens(&line) && !heading() && self.table.is_none() {
            return None;
        }
        // (the subsection alone, then with the block after it when its
        // last head is empty: written alone, that head has no line to join
        // and is taken into a table before it, `一、收 …` + `第二十条` + `1.`
        // before `一、年新收 …`, where in the text it joins that line)
        let with_next = usize::from(list.len() > 1 && ends_with_empty_head(n));
        (1..=1 + with_next).find_map(|k| self.joins_blocks_after(s, &list[..k], depth))
    }

    /// How empty subsection `s` is written at the start of the first line
    /// of `blocks` (see [`Chunks::joins_table_after`]), which go in the list
    /// of the first `depth` open subsections: the separator, the head glued
    /// to the line, else a tab between them (as a source may have had them:
    /// `1.` + TAB + `54.~~e~…` after a table, where glued `1.54.` is one
    /// marker and alone `1.` is taken into the table); and whether the first
    /// block's first paragraph goes on that line where alone it would not
    /// ([`Forced::on_head`]: `1.` + `一、` + `年新收 33330 …\u{8}` after a
    /// table, where alone `一、年新收…` reads as a section heading and `一、`
    /// on a line of its own is taken into the table). The first that reads
    /// back as `s` and `blocks`, when written apart they do not.
    fn joins_blocks_after(
        &self,
        s: &Subsection,
        blocks: &'r [Block],
        depth: usize,
    ) -> Option<(&'static str, bool)> {
        let head = head_text(s);
        let alone = self.written_nested(blocks, self.last, Forced::flat(true))?;
        let apart = format!("{head}\n\n{alone}");
        // (the paragraph on the head line: only where it is not already)
        let on_head = match blocks.first() {
            Some(Block::Subsection(n)) => {
                matches!(n.blocks.first(), Some(Block::Paragraph(_)))
                    && !body_on_head_line(n, self.section)
            }
            _ => false,
        };
        // (written apart, the two must not read back as themselves; read
        // after the open heads alone, then, when that does not take it,
        // after the heads as they were written, see `open_context`: each
        // read-back of the apart form made once, when first asked)
        let apart_reads = [OnceCell::new(), OnceCell::new()];
        let held = self.open_context().0;
        let forms = [false, true].into_iter().filter(|&o| !o || on_head);
        forms
            .flat_map(|o| ["", "\t"].map(|sep| (sep, o)))
            .find(|&(sep, on_head)| {
                let forced = Forced {
                    prefix: Some(format!("{head}{sep}")),
                    on_head,
                    ..Forced::flat(true)
                };
                let held = held.clone();
                let Some(joined) = self.written_held(blocks, self.last, forced, held) else {
                    return false;
                };
                [false, true].into_iter().any(|written| {
                    let reads =
                        |text: &str| self.joined_reads_back(s, blocks, depth, text, written);
                    !*apart_reads[usize::from(written)].get_or_init(|| reads(&apart))
                        && reads(&joined)
                })
            })
    }

    /// The blocks from `next`, the block after the one being written, to
    /// the end of its list ([`Chunks::rest`]).
    pub(super) fn following(&self, next: &'r Block) -> &'r [Block] {
        match self.rest {
            [first, ..] if std::ptr::eq(first, next) => self.rest,
            _ => std::slice::from_ref(next),
        }
    }

    /// True when `text`, written after the heads of the subsections open
    /// ([`Chunks::open`]: they decide which subsection a head after them
    /// goes in, as they did in the source) and the table held back, reads
    /// back in this section as those subsections holding that table, empty
    /// subsection `s` and then the blocks `next`, which go in the list of
    /// the first `depth` of them. `written`: the open heads are read as
    /// they were written ([`Chunks::open_context`]), else each alone on
    /// its line.
    fn joined_reads_back(
        &self,
        s: &Subsection,
        next: &[Block],
        depth: usize,
        text: &str,
        written: bool,
    ) -> bool {
        let table = self.table.as_ref();
        let level = |at: usize, inner: Block| {
            let mut list = vec![inner];
            if at == depth {
                list.extend(next.iter().cloned());
            }
            list
        };
        let mut innermost =
            table.map_or(vec![], |(t, _)| vec![Block::Table(Box::new((*t).clone()))]);
        innermost.push(Block::Subsection(s.clone()));
        if self.open.len() == depth {
            innermost.extend(next.iter().cloned());
        }
        let want = self
            .open
            .iter()
            .enumerate()
            .rev()
            .fold(innermost, |blocks, (at, (o, _))| {
                // (with the paragraph read on its head line, see
                // `open_context`)
                let on_head = match o.blocks.first() {
                    Some(p @ Block::Paragraph(_))
                        if written && body_on_head_line(o, self.section) =>
                    {
                        Some(p.clone())
                    }
                    _ => None,
                };
                level(
                    at,
                    Block::Subsection(Subsection {
                        marker: o.marker.clone(),
                        title: o.title.clone(),
                        blocks: on_head.into_iter().chain(blocks).collect(),
                        span: o.span,
                        head: o.head,
                    }),
                )
            });
        let (mut context, joined) = if written {
            self.open_context()
        } else {
            let heads = self.open.iter().map(|(o, _)| head_text(o) + "\n\n");
            (heads.collect(), false)
        };
        if let Some((_, t)) = table {
            context.push_str(t);
            context.push('\n');
        }
        context.push_str(text);
        super::after_table::blocks_after(&self.headings, &context)
            .is_some_and(|b| b == want || joined && ends_with(&b, &want))
    }

    /// The text the open subsections' heads ([`Chunks::open`]) are read
    /// back after: each head on a line of its own (with its first paragraph
    /// when that goes on it, [`first_line`]), after the heads written
    /// before it on its line and what was read before those ([`Before`]);
    /// a head held for the next line is written with the heads after it.
    /// True with it when heads were written before one of them (then more
    /// than the open subsections is read back).
    fn open_context(&self) -> (String, bool) {
        let mut context = String::new();
        let mut joined = false;
        for (o, before) in &self.open {
            match before {
                None => {}
                Some(Before { context: c, heads }) if !heads.is_empty() => {
                    joined = true;
                    context = format!("{c}{heads}{}\n\n", first_line(o, self.section));
                }
                Some(_) => {
                    context.push_str(&first_line(o, self.section));
                    context.push_str("\n\n");
                }
            }
        }
        (context, joined)
    }

    /// Holds `head` for the start of the next chunk's line
    /// ([`Forced::prefix`]), after the heads held already; the first one
    /// held keeps the open heads' text ([`Chunks::held`]).
    pub(super) fn hold(&mut self, head: &str) {
        match &mut self.next.prefix {
            Some(p) => p.push_str(head),
            None => {
                self.held = self.open_context().0;
                self.next.prefix = Some(head.to_string());
            }
        }
    }

    /// True when empty subsection `s` is written at the start of the next
    /// line (see [`joins_next_line`]): `next` is the block after it, the
    /// next line the head of that sibling subsection or, after a section's
    /// last block, the next section's heading.
    pub(super) fn joins_next_line(&self, s: &Subsection, next: Option<&Block>) -> bool {
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
        joins_next_line(
            s,
            &line,
            self.next.prefix.as_deref().unwrap_or(""),
            self.section,
        )
    }

    /// True when empty subsection `s` is written at the start of the line
    /// of `next`, its sibling subsection: when the two written apart do not
    /// read back as themselves, and on one line they do, as the source had
    /// them. Asked right after a table (`（七）计 5 1 …` alone after `（一）`
    /// reads as a row of an applications table before it: the table is read
    /// back with them) and for two section markers (`七、。` + `四、訴訟`:
    /// alone the sibling reads as a section heading).
    pub(super) fn joins_sibling_after_table(
        &self,
        s: &Subsection,
        next: Option<&'r Block>,
    ) -> bool {
        let Some(next @ Block::Subsection(n)) = next else {
            return false;
        };
        if !s.blocks.is_empty() || self.next.prefix.is_some() || self.closing {
            return false;
        }
        let section_marker = |m: &str| crate::text::lexical::section_marker(m).is_ok();
        let table = self.table.as_ref();
        if table.is_none() && !(section_marker(&s.marker) && section_marker(&n.marker)) {
            return false;
        }
        let Some(sibling) = self.written_alone(next, true) else {
            return false;
        };
        let head = head_text(s);
        let before = table.map_or(String::new(), |(_, text)| format!("{text}\n"));
        let reads = |written: &str| {
            super::after_table::blocks_after(self.heading.as_slice(), written).is_some_and(|b| {
                match (table, b.as_slice()) {
                    (
                        Some((t, _)),
                        [Block::Table(a), Block::Subsection(x), Block::Subsection(y)],
                    ) => **a == **t && x == s && y == n,
                    (None, [Block::Subsection(x), Block::Subsection(y)]) => x == s && y == n,
                    _ => false,
                }
            })
        };
        !reads(&format!("{before}{head}\n\n{sibling}"))
            && reads(&format!("{before}{head}{sibling}"))
    }

    /// The blocks of subsection `s` as written in this place with its head
    /// at the start of the first one's line (`2.` + `（二）部开…`: see
    /// [`after_table::head_line_after_table`](super::after_table::head_line_after_table));
    /// `None` unless the first block is a subsection.
    pub(super) fn written_with_head(&self, s: &'r Subsection) -> Option<String> {
        if !matches!(s.blocks.first(), Some(Block::Subsection(_))) {
            return None;
        }
        let forced = Forced {
            prefix: Some(head_text(s)),
            ..Forced::flat(true)
        };
        self.written_nested(&s.blocks, self.last, forced)
    }
}

/// True when `blocks` end with `want`, or their last block is a subsection
/// whose blocks do (and so on): the open heads read back after the heads
/// joined before them on their lines, which are read back too — as empty
/// subsections before them, or holding them (in the text, they were closed
/// before the open heads came).
fn ends_with(blocks: &[Block], want: &[Block]) -> bool {
    blocks.ends_with(want)
        || matches!(blocks.last(), Some(Block::Subsection(x)) if ends_with(&x.blocks, want))
}

/// True when the last block of subsection `s` is an empty subsection, or
/// a subsection whose last block is (and so on): a head that may be
/// written at the start of the line after `s`.
fn ends_with_empty_head(s: &Subsection) -> bool {
    match s.blocks.last() {
        Some(Block::Subsection(x)) => x.blocks.is_empty() || ends_with_empty_head(x),
        _ => false,
    }
}
