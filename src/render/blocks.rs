//! Writing a list of blocks as chunks: paragraphs, subsections and their
//! head lines, markup, tables (see the [module docs](super) for the
//! canonical form).

use std::fmt;

use super::heads::{
    body_on_head_line, first_paragraph_joins_head, head_text, joins_first_subsection, tab_cut,
    title_gap,
};
use super::paragraph::{
    JOIN_LINE_CHARS, ends_sentence, joins_over_a_blank, whole_before_table, write_line,
    write_paragraph, write_unsigned,
};
use super::reach::{RUN_PARAGRAPHS, may_open_lines};
use super::table::LINES_REACH_CHARS;
use super::{Chunks, Forced};
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
            self.rest = &blocks[i + 1..];
            if std::mem::take(&mut written) {
                continue;
            }
            let after_table = match block {
                Block::Subsection(s) => self.subsection_after_table(block, s),
                _ => None,
            };
            let next = blocks.get(i + 1);
            let flat = match block {
                Block::Subsection(s) if after_table.is_none() => self.flat_subsection(block, s),
                _ => None,
            };
            let flow = match block {
                Block::Subsection(s) if after_table.is_none() && flat.is_none() => {
                    self.head_on_flow_table(block, s, next)
                }
                _ => None,
            };
            let on_head = match block {
                Block::Subsection(s)
                    if after_table.is_none() && flat.is_none() && flow.is_none() =>
                {
                    self.table_on_head_line(block, s)
                }
                _ => None,
            };
            // (only the first block written may be the one read back)
            self.next.flat = true;
            match block {
                Block::Subsection(s) if on_head.is_some() => {
                    // `三、附表指标名称 2012年度 …`: alone the head would read
                    // as a section heading
                    let (line, n) = on_head.unwrap_or_default();
                    self.chunk(|w| write_line(w, &line))?;
                    self.inner_blocks(s, s.blocks.get(n..).unwrap_or_default(), next)?;
                }
                Block::Subsection(_) if flow.is_some() => {
                    // `指标名称 本年度 件 1 三、问题`: alone the head would
                    // read as a section heading
                    let text = flow.unwrap_or_default();
                    self.table = None;
                    self.chunk(|w| w.write_str(&text))?;
                }
                Block::Subsection(_) if flat.is_some() => {
                    let line = flat.unwrap_or_default();
                    self.chunk(|w| write_line(w, &line))?;
                }
                Block::Subsection(s) if after_table.is_some() => {
                    let (lines, n) = after_table.unwrap_or_default();
                    self.subsection_lines_after_table(s, lines, n, next)?;
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

    /// Writes subsection `s` right after the pending table: `lines`, its
    /// head and its first `n` blocks (see [`Chunks::subsection_after_table`]),
    /// then its other blocks; `next` is the block after it.
    fn subsection_lines_after_table(
        &mut self,
        s: &'r Subsection,
        lines: String,
        n: usize,
        next: Option<&'r Block>,
    ) -> fmt::Result {
        // (none: the head goes at the start of the next line)
        if !lines.is_empty() {
            self.chunk(|w| w.write_str(&lines))?;
        }
        self.gap = n == 1
            && matches!(s.blocks.get(1), Some(Block::Paragraph(_)))
            && lines.lines().last().is_some_and(joins_over_a_blank);
        // (a table of one cell per line after the first paragraph could
        // take in the lines, as it could a short paragraph: see
        // `table::generic_after_paragraph`)
        if n == 1
            && matches!(s.blocks.get(1), Some(Block::Table(t)) if matches!(**t, Table::Generic(_)))
        {
            self.para = Some(lines);
        }
        self.inner_blocks(s, s.blocks.get(n..).unwrap_or_default(), next)
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
                let run = self.paragraph_run(p);
                self.chunk(|w| w.write_str(&lines))?;
                self.gap = joins_over_a_blank(&p.text);
                if let Some(mut run) = run {
                    run.push(format!("{lines}\n{}", if self.gap { "\n" } else { "" }));
                    if run.len() > RUN_PARAGRAPHS {
                        run.remove(0);
                    }
                    self.run = run;
                }
            }
            _ if self.last.is_some_and(|l| std::ptr::eq(l, p)) => {
                let lines = self.cut_after_table(&p.text, write_unsigned)?;
                self.chunk(|w| w.write_str(&lines))?
            }
            Some(Block::Table(_)) => {
                // (its lines are kept: the table after it is written to
                // read apart from them)
                let mut lines = self.next.prefix.clone().unwrap_or_default();
                let cut = self.cut_after_table(&p.text, write_paragraph)?;
                lines.push_str(&whole_before_table(next, &p.text, cut));
                let run = self.paragraph_run(p).unwrap_or_default();
                self.next.prefix = None;
                self.chunk(|w| w.write_str(&lines))?;
                self.para = Some(run.concat() + &lines);
            }
            _ => {
                let lines = self.cut_after_table(&p.text, write_paragraph)?;
                self.chunk(|w| w.write_str(&lines))?
            }
        }
        Ok(())
    }

    /// The paragraphs written right before paragraph `p` that the
    /// parser's look-ahead for a table of lines from one of them could
    /// reach a table after `p` with (`@` + `5` + a table of lines
    /// `/` `-` … `5` `5`: it reaches over six paragraphs, so a table written
    /// apart from `5` alone could still be read from `@`), taken from
    /// [`Chunks::run`]: at most five, none before a paragraph longer than
    /// the look-ahead reads over (or `p` itself when it is). `None` when
    /// `p` is written after a head on its line (not in the run).
    fn paragraph_run(&mut self, p: &Paragraph) -> Option<Vec<String>> {
        let mut run = std::mem::take(&mut self.run);
        if self.next.prefix.is_some() || p.text.chars().nth(LINES_REACH_CHARS).is_some() {
            run.clear();
        }
        self.next.prefix.is_none().then_some(run)
    }

    /// Writes subsection `s` (neither flat nor after a table); `next` is
    /// the block after it.
    fn subsection(&mut self, s: &'r Subsection, next: Option<&'r Block>) -> fmt::Result {
        let tab_head = self.next.tab_head.take();
        let join_head = self.next.join_head.take();
        let on_head = std::mem::take(&mut self.next.on_head);
        if on_head || body_on_head_line(s, self.section) {
            self.head_line_subsection(s, next)
        } else if joins_first_subsection(s, self.section) {
            // `三、主动公开：` + `1、申请`: one line, as the parser
            // reads it (alone the head could read as a section
            // heading)
            let mut head = s.marker.to_string();
            head.push_str(s.title.as_deref().unwrap_or(""));
            self.hold(&head);
            self.inner_blocks(s, &s.blocks, next)
        } else if self.joins_next_line(s, next) {
            // `三、申請。` + `七、`: alone the head would read as a
            // section heading; at the start of the next line it is
            // read as it stood
            self.hold(&head_text(s));
            Ok(())
        } else if let Some((sep, on_head)) = (self.joins_sibling_after_table(s, next))
            .then_some(("", false))
            .or_else(|| self.joins_table_after(s, next))
        {
            // `（一）` + `（七）计 5 1 …` after an applications table, `七、。`
            // + `四、訴訟`: on a line of its own the sibling reads otherwise
            // (a row of the table, a section heading); `四、` + `1.` +
            // `一、本年新收 33330 …`: alone the head after it would open an
            // applications table. With a tab between (`1.` + TAB +
            // `54.…` after a table) where glued the two markers read as one;
            // the next head's first paragraph on its line where alone it
            // goes apart (`1.` + `一、` + `年新收 33330 …\u{8}`)
            self.hold(&(head_text(s) + sep));
            self.next.on_head = on_head;
            Ok(())
        } else {
            let tab = s.title.is_some() && tab_head.unwrap_or_else(|| self.tab_before_title(s));
            let mut head = match s.title.as_deref() {
                Some(title) if tab => format!("{}\t{title}", s.marker),
                _ => head_text(s),
            };
            let join = join_head.unwrap_or_else(|| self.joins_head(s, &head, tab));
            head.push('\n');
            self.chunk(|w| w.write_str(&head))?;
            self.joined = join;
            // a short head line opens the run of paragraphs the parser's
            // look-ahead for a table of lines may read from (`1.-` + `5` +
            // a table of lines `/` `s` … `5`: read from the head, the whole
            // subsection is a table)
            if head.chars().nth(LINES_REACH_CHARS).is_none() {
                let blank = if join { "" } else { "\n" };
                self.run = vec![format!("{head}{blank}")];
            }
            // a table of one cell per line as its first block
            // could take in the head line, as it could a short
            // paragraph (see `table::generic_after_paragraph`)
            if matches!(s.blocks.first(), Some(Block::Table(t)) if matches!(**t, Table::Generic(_)))
            {
                self.para = Some(head);
            }
            self.inner_blocks(s, &s.blocks, next)
        }
    }

    /// True when the head line of subsection `s` (written with its blocks on
    /// lines of their own) is written with a tab between its marker and
    /// title (`1.\t+`): written `1.+`, it opens a table of one cell per line
    /// that takes in the blocks after it (`5` `5`: the parser's look-ahead
    /// from the head reaches two figures), where a tab row is no cell of one
    /// (the parser reads the head of `1.\t+` as it reads `1.+`). Asked only
    /// when the head could be the first cell of such a table and figures
    /// follow within the look-ahead's reach ([`may_open_lines`]); decided by
    /// reading back the subsection with those blocks, written both ways.
    fn tab_before_title(&self, s: &Subsection) -> bool {
        // (after a table held back too: so it was read back after it)
        if self.next.prefix.is_some() || self.closing || s.title.is_none() {
            return false;
        }
        let Some(reach) = may_open_lines(s, &head_text(s)) else {
            return false;
        };
        let forced = |tab: bool| Forced {
            tab_head: Some(tab),
            ..Forced::flat(false)
        };
        !self.cut_reads(s, reach, forced(false)) && self.cut_reads(s, reach, forced(true))
    }

    /// True when the first paragraph of subsection `s` goes on the line
    /// right after its head line `head` (`tab`: written with a tab between
    /// marker and title): as [`first_paragraph_joins_head`] decides from
    /// the short paragraphs, or, when a table of one cell per line follows
    /// them within the reach of the parser's look-ahead from the head
    /// ([`may_open_lines`]: `1.` + `` `/` `` `5` `%` + a table of lines `-`
    /// `-` `5` …), by reading back the subsection with those blocks written
    /// both ways (the table's layout after the run depends on it, so the
    /// paragraphs alone cannot tell).
    fn joins_head(&self, s: &Subsection, head: &str, tab: bool) -> bool {
        if first_paragraph_joins_head(s, head) {
            return true;
        }
        // (after a table held back too: `subsection_after_table` read back
        // after it the subsection as written alone, where it was asked)
        if self.next.prefix.is_some() || self.closing {
            return false;
        }
        let Some(reach) = may_open_lines(s, head) else {
            return false;
        };
        if !matches!(s.blocks.first(), Some(Block::Paragraph(_)))
            || !matches!(s.blocks.get(reach - 1), Some(Block::Table(_)))
        {
            return false;
        }
        let forced = |join: bool| Forced {
            tab_head: Some(tab),
            join_head: Some(join),
            ..Forced::flat(false)
        };
        !self.cut_reads(s, reach, forced(false)) && self.cut_reads(s, reach, forced(true))
    }

    /// True when subsection `s` cut to its first `reach` blocks, written
    /// alone with the choices `forced`, reads back as that cut subsection
    /// (see [`Chunks::reads_in_section`]).
    fn cut_reads(&self, s: &Subsection, reach: usize, forced: Forced) -> bool {
        let cut = Subsection {
            marker: s.marker.clone(),
            title: s.title.clone(),
            blocks: s.blocks[..reach].to_vec().into(),
            span: s.span,
            head: s.head,
        };
        let block = Block::Subsection(cut);
        let Some(text) = self.written_nested(std::slice::from_ref(&block), None, forced) else {
            return false;
        };
        let Block::Subsection(cut) = &block else {
            return false;
        };
        self.reads_in_section(&text, cut)
    }

    /// True when `text` reads back as subsection `s` alone, read after the
    /// headings of the sections written so far (after the last one alone,
    /// `五、咨询` may read as no section).
    fn reads_in_section(&self, text: &str, s: &Subsection) -> bool {
        let Some(last) = self.headings.last() else {
            return super::flat::reads_as(None, text, s);
        };
        let mut context = self.headings.join("\n\n");
        context.push_str("\n\n");
        context.push_str(text);
        crate::parse::parse(&context).is_ok_and(|r| {
            r.preamble.is_empty()
                && r.closing.is_empty()
                && r.sections.len() == self.headings.len()
                && r.sections.last().is_some_and(|x| {
                    x.heading.raw == *last
                        && matches!(x.blocks.as_slice(), [Block::Subsection(b)] if b == s)
                })
        })
    }

    /// The text of the pending table and subsection `s` (the block
    /// `block`) after it, when its head goes on the table's line (see
    /// [`after_table::head_on_flow_table`](super::after_table::head_on_flow_table));
    /// `next` is the block after it.
    fn head_on_flow_table(
        &self,
        block: &'r Block,
        s: &'r Subsection,
        next: Option<&'r Block>,
    ) -> Option<String> {
        let (t, text) = self.table.as_ref()?;
        // (a paragraph after it could need two blank lines before it,
        // which the text written alone does not say; only a legacy
        // statistics table is written as a line of running text)
        if self.next.prefix.is_some()
            || self.closing
            || matches!(next, Some(Block::Paragraph(_)))
            || !matches!(t, Table::LegacyStatistics(_))
        {
            return None;
        }
        let default = self.written_alone(block, true)?;
        super::after_table::head_on_flow_table(self.heading, t, text, s, &default)
    }

    /// The head line of subsection `s` (the block `block`) with its first
    /// block, a legacy statistics table, on it as one line of running text
    /// (`三、依申请公开、附表指标名称 2012年度 条 353`), when `s` as written
    /// otherwise does not read back as itself (alone its head would read as
    /// a section heading, where the source had the table on its line) and
    /// so it does: the table's header as the source wrote it first, then
    /// the template's (see [`super::table::legacy_flow_lines`]). A lone
    /// paragraph after the table is tried on the same line too, as the
    /// source had it (`二、主動公開指標名稱 … 條 0申請`: with the paragraph on a
    /// line of its own the head line reads as a heading). The number of
    /// blocks of `s` written on the line goes with it.
    fn table_on_head_line(&self, block: &'r Block, s: &'r Subsection) -> Option<(String, usize)> {
        let (Some(title), Some(Block::Table(t))) = (&s.title, s.blocks.first()) else {
            return None;
        };
        let Table::LegacyStatistics(legacy) = &**t else {
            return None;
        };
        // (`flat` false: the default form is being written to read it back)
        if !self.next.flat
            || self.next.prefix.is_some()
            || self.closing
            || crate::text::lexical::section_marker(&s.marker).is_err()
        {
            return None;
        }
        let default = self.written_alone(block, false)?;
        let rest = self.written_nested(&s.blocks[1..], self.last, Forced::flat(true))?;
        let head = format!("{}{title}", s.marker);
        let lines: Vec<String> = super::table::legacy_flow_lines(legacy)
            .into_iter()
            .rev()
            .map(|flow| format!("{head}{flow}"))
            .collect();
        let reads = |text: &str| self.reads_in_section(text, s);
        if reads(&default) {
            return None;
        }
        let glued = match &s.blocks[1..] {
            [Block::Paragraph(p)] if !crate::lines::has_line_break(&p.text) => Some(&p.text),
            _ => None,
        };
        lines
            .iter()
            .find(|line| {
                reads(&if rest.is_empty() {
                    format!("{line}\n")
                } else {
                    format!("{line}\n\n{rest}")
                })
            })
            .map(|line| (line.clone(), 1))
            .or_else(|| {
                let text = glued?;
                lines
                    .iter()
                    .map(|line| format!("{line}{text}"))
                    .find(|line| reads(&format!("{line}\n")))
                    .map(|line| (line, 2))
            })
    }

    /// Writes a subsection whose first paragraph goes on its head line (see
    /// [`body_on_head_line`], [`Forced::on_head`]), then the rest of its
    /// blocks; `next` is the block after it.
    fn head_line_subsection(&mut self, s: &'r Subsection, next: Option<&'r Block>) -> fmt::Result {
        // `四、` + a long first paragraph: one line, as the
        // parser reads it (a marker alone after a table would
        // be read into the table)
        let Some(Block::Paragraph(p)) = s.blocks.first() else {
            unreachable!("body_on_head_line and joins_table_after check it")
        };
        let title = s.title.as_deref().unwrap_or("");
        // the head of an enclosing subsection written before it
        let before = self.next.prefix.as_ref().map_or(0, |p| p.chars().count());
        // (a body with a tab: the tab on a line of its own, see `tab_cut`)
        let body: String = p
            .text
            .chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let cut = tab_cut(
            self.next.prefix.as_deref().unwrap_or(""),
            &s.marker,
            title,
            &body,
            self.section,
        );
        let gap = title_gap(s, &body, self.section);
        self.chunk(|w| {
            w.write_str(&s.marker)?;
            w.write_str(title)?;
            w.write_str(gap)?;
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
        self.inner_blocks(s, &s.blocks[1..], next)
    }

    /// Writes `blocks`, those of subsection `s` (or the last of them), `s`
    /// open ([`Chunks::open`]); `next` is the block after `s`, written after
    /// them.
    fn inner_blocks(
        &mut self,
        s: &'r Subsection,
        blocks: &'r [Block],
        next: Option<&'r Block>,
    ) -> fmt::Result {
        let outer = next
            .map(|b| (self.following(b), self.open.len()))
            .or(self.after);
        let after = std::mem::replace(&mut self.after, outer);
        // (its head is at the start of the next chunk's line when it is
        // still held, else on the line of the chunk written last)
        let before = match self.next.prefix {
            Some(_) => None,
            None => Some(self.taken.take().unwrap_or_default()),
        };
        self.open.push((s, before));
        let r = self.blocks(blocks);
        self.open.pop();
        self.after = after;
        r
    }
}
