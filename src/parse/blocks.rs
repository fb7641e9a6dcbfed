//! Blocks of a section from the pieces of its lines: table regions (their
//! lines go to a grid builder, the grid to the template mapper), subsections
//! by marker style, paragraphs joined across line wraps and page breaks.

use nom::Parser;

use super::region::{self, generic_region, region_end};
use super::seg::{Seg, line_marker};
use crate::lines::Locator;
use crate::model::{Block, Markup, Paragraph, Subsection, Table, Unrecognized};
use crate::template::{self, Kind};
use crate::text::lexical::{MarkerStyle, markup};

/// Builds blocks from pieces of lines.
pub(crate) struct Blocks<'t, 'l> {
    pub(crate) text: &'t str,
    pub(crate) loc: &'l Locator<'t>,
}

/// Built pieces are dropped once there are at least this many and they
/// are half of the pieces held.
const RELEASE_MIN: usize = 4096;

/// An open subsection.
struct Open {
    style: MarkerStyle,
    sub: Subsection,
}

/// A paragraph being accumulated.
struct Para {
    start: usize,
    end: usize,
    text: String,
    last_chars: usize,
    terminal: bool,
    blank_after: bool,
    /// The paragraph is a `key: value` line (crawler headers); never joined.
    field: bool,
}

/// `标题: …`, `发布时间: …`: a short key and a colon.
fn is_field(t: &str) -> bool {
    t.char_indices()
        .take(7)
        .any(|(i, c)| i > 0 && matches!(c, ':' | '：'))
}

fn ends_terminal(t: &str) -> bool {
    let core = t.trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '"', '*']);
    core.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

/// The blocks built so far: the top level, the open subsections, the
/// paragraph being accumulated.
#[derive(Default)]
struct Tree {
    root: Vec<Block>,
    stack: Vec<Open>,
    para: Option<Para>,
}

impl Blocks<'_, '_> {
    /// The blocks of the pieces `segs`, taken by value: the pieces (and
    /// their kinds) already built into blocks are given back while the
    /// blocks are built, so that a long section does not hold every
    /// piece beside every block (issue 15.8).
    pub(crate) fn build(&self, segs: Vec<Seg<'_>>) -> Vec<Block> {
        let mut segs = split_statistics(self.text, &segs).unwrap_or(segs);
        // each piece's kind, worked out once
        let mut kinds = region::classify(&segs);
        // room for a block per piece, the most a long run of one-line
        // subsections or paragraphs needs: the vector is not grown by
        // copying (each copy leaves a hole as large as the blocks so far);
        // room never written to takes no memory, and is given back below
        let mut tree = Tree {
            root: Vec::with_capacity(segs.len()),
            ..Tree::default()
        };
        let mut i = 0;
        while i < segs.len() {
            i = self.step(&mut tree, &segs, &kinds, i);
            // the builder only looks forward: once half the pieces are
            // built, drop them (moving the rest costs no more than the
            // pieces dropped, so the whole stays linear)
            if i >= RELEASE_MIN && 2 * i >= segs.len() {
                segs.drain(..i);
                segs.shrink_to_fit();
                kinds.drain(..i);
                kinds.shrink_to_fit();
                i = 0;
            }
        }
        drop(segs);
        drop(kinds);
        let Tree {
            mut root,
            mut stack,
            mut para,
        } = tree;
        self.flush(&mut para, &mut stack, &mut root);
        while !stack.is_empty() {
            close(&mut stack, &mut root, self.loc);
        }
        root.shrink_to_fit();
        root
    }

    /// Takes the piece `segs[i]` (and, for a table, the pieces of its
    /// region) into `tree`; returns the index of the next piece.
    fn step(
        &self,
        tree: &mut Tree,
        segs: &[Seg<'_>],
        kinds: &[region::LineKind],
        i: usize,
    ) -> usize {
        let seg = segs[i];
        if kinds[i].blank {
            if let Some(p) = tree.para.as_mut() {
                p.blank_after = true;
            }
            return i + 1;
        }
        let (off, t) = seg.trimmed();
        // a legacy statistics table run together with the text around it
        if may_hold_statistics(t)
            && let Some((tb, _)) = crate::template::legacy::crawler_table(t, off, self.loc)
        {
            self.emit(tree, Block::Table(Box::new(tb)));
            return i + 1;
        }
        // page numbers
        if kinds[i].page(&seg) {
            let b = Block::Unrecognized(Unrecognized {
                text: t.into(),
                span: self.loc.span(off, off + t.len()),
            });
            self.emit(tree, b);
            return i + 1;
        }
        // tables
        if let Some((tb, end)) = self.table_at(segs, kinds, i) {
            self.emit(tree, Block::Table(Box::new(tb)));
            return end;
        }
        self.text_line(tree, off, t);
        i + 1
    }

    /// Takes a line of text (at `off`) into `tree`: markup residue at its
    /// start, subsection markers, or a paragraph (a new one, or the line
    /// joined to the open one).
    fn text_line(&self, tree: &mut Tree, off: usize, t: &str) {
        let mut next = Some((off, t));
        while let Some((off, t)) = next {
            next = self.text_line_once(tree, off, t);
        }
    }

    /// [`Self::text_line`] up to a legacy statistics table in the body after
    /// a subsection head: the text after that table is returned, to be read
    /// as a line of its own (as it is when the table starts a line).
    fn text_line_once<'t>(
        &self,
        tree: &mut Tree,
        mut off: usize,
        mut t: &'t str,
    ) -> Option<(usize, &'t str)> {
        // markup residue at the start of the line
        if let Ok((rest, m)) = markup.parse(t) {
            let b = Block::Markup(Markup {
                text: m.into(),
                span: self.loc.span(off, off + m.len()),
            });
            self.emit(tree, b);
            let r = crate::text::space::trim_start(rest);
            off += t.len() - r.len();
            t = r;
            if t.is_empty() {
                return None;
            }
        }
        let Tree { root, stack, para } = tree;
        // subsection markers; the text after a title may open another
        // subsection on the same line (`1.存在的问题：一是…`)
        if line_marker(t).is_some() {
            self.flush(para, stack, root);
            *para = self.subsections(off, t, stack, root);
            // the body after the head is read as it would be on a line of
            // its own: a legacy statistics table of crawler text in it is a
            // table, the text after it is read as the next line
            if let Some(p) = para.as_ref()
                && may_hold_statistics(&p.text)
                && let Some((a, _, b)) = crate::template::legacy::locate(&p.text)
                && let Some((tb, end)) =
                    crate::template::legacy::crawler_table(&p.text[a..b], p.start + a, self.loc)
                && end == b - a
            {
                let at = p.start - off;
                let before = crate::text::space::trim_end(&t[at..at + a]);
                let after = crate::text::space::trim_start(&t[at + b..]);
                let after_off = off + t.len() - after.len();
                *para = (!before.is_empty()).then(|| new_para(off + at, before));
                self.flush(para, stack, root);
                push(stack, root, Block::Table(Box::new(tb)));
                return (!after.is_empty()).then_some((after_off, after));
            }
            return None;
        }
        // paragraphs
        match para.as_mut() {
            Some(p)
                if !p.terminal
                    && (!p.blank_after || p.last_chars >= 40)
                    && !p.field
                    && !is_field(t) =>
            {
                // pieces of one line (a line cut where a table was looked
                // for) keep the white space between them: the text is the
                // source's; only a line break is dropped
                if let Some(gap) = self.text.get(p.end..off)
                    && !gap.contains(['\n', '\r'])
                {
                    p.text.push_str(gap);
                }
                p.text.push_str(t);
                p.end = off + t.len();
                p.last_chars = t.chars().count();
                p.terminal = ends_terminal(t);
                p.blank_after = false;
            }
            _ => {
                self.flush(para, stack, root);
                *para = Some(new_para(off, t));
            }
        }
        None
    }

    /// Ends the open paragraph and adds `b` after it.
    fn emit(&self, tree: &mut Tree, b: Block) {
        self.flush(&mut tree.para, &mut tree.stack, &mut tree.root);
        push(&mut tree.stack, &mut tree.root, b);
    }

    /// The table whose region starts at `segs[i]`, and the
    /// index after its region: a standard table from its anchor, or a
    /// generic one. Its lines go to a grid builder, the grid to the mapper.
    fn table_at(
        &self,
        segs: &[Seg<'_>],
        kinds: &[region::LineKind],
        i: usize,
    ) -> Option<(Table, usize)> {
        let lines =
            |end: usize| -> Vec<_> { segs[i..end].iter().map(|s| (s.start, s.raw)).collect() };
        if let Some(kind) = kinds[i].anchor(&segs[i]) {
            let end = region_end(segs, kinds, i, kind);
            let grid = crate::grid::text::region(&lines(end));
            return Some((template::map(grid, kind, self.text, self.loc), end));
        }
        let end = generic_region(segs, kinds, i)?;
        let lines = lines(end);
        // tab and pipe rows are mapped as they are read: the grid of a
        // long table is never held whole beside its table
        let table = match crate::grid::text::generic_rows(&lines) {
            Some(r) => template::map_generic_rows(r.layout, r.span, r.rows, self.text, self.loc),
            None => template::map(
                crate::grid::text::generic(&lines),
                Kind::Generic,
                self.text,
                self.loc,
            ),
        };
        Some((table, end))
    }

    /// Opens the subsections whose markers start `t` (at `off`); the text
    /// after a title may open another subsection on the same line
    /// (`1.存在的问题：一是…`). Returns the paragraph the line's body starts.
    fn subsections(
        &self,
        mut off: usize,
        mut t: &str,
        stack: &mut Vec<Open>,
        root: &mut Vec<Block>,
    ) -> Option<Para> {
        let line_chars = t.chars().count();
        while let Some((style, mlen)) = line_marker(t) {
            if let Some(pos) = stack.iter().position(|o| o.style == style) {
                while stack.len() > pos {
                    close(stack, root, self.loc);
                }
            }
            let marker = &t[..mlen];
            let rest = crate::text::space::trim_start(&t[mlen..]);
            let rest_off = off + (t.len() - rest.len());
            let (title, body) = split_title(rest);
            let head_end = match title {
                Some(tt) => rest_off + tt.len(),
                None => off + mlen,
            };
            let sub = Subsection {
                marker: marker.into(),
                title: title.map(Into::into),
                blocks: Default::default(),
                span: self.loc.span(off, head_end),
                head: self.loc.span(off, head_end),
            };
            stack.push(Open { style, sub });
            let b = body?;
            off += t.len() - b.len();
            t = b;
            if line_marker(t).is_none() {
                let mut p = new_para(off, t);
                // a page break can fall after the body on the marker's
                // line: judge the line as a whole
                p.last_chars = line_chars;
                return Some(p);
            }
        }
        None
    }

    fn flush(&self, para: &mut Option<Para>, stack: &mut [Open], root: &mut Vec<Block>) {
        if let Some(p) = para.take() {
            let b = Block::Paragraph(Paragraph {
                text: p.text.into(),
                span: self.loc.span(p.start, p.end),
            });
            push(stack, root, b);
        }
    }
}

/// Cuts a legacy statistics table written as running text (crawler text
/// on one line, or one row per line with spaces between the cells) into a
/// piece of its own.
///
/// `None` when there is nothing to cut (the common case: no copy of the
/// pieces of a long section).
fn split_statistics<'a>(text: &'a str, segs: &[Seg<'a>]) -> Option<Vec<Seg<'a>>> {
    use crate::template::legacy::locate;
    // pieces are copied into `out` from the first cut on
    let mut out: Option<Vec<Seg<'a>>> = None;
    let mut i = 0;
    while i < segs.len() {
        let s = segs[i];
        let (off, t) = s.trimmed();
        let statistics = may_hold_statistics(t);
        let mut found = if statistics { locate(t) } else { None };
        if statistics
            && found.is_none_or(|(_, _, b)| b == t.len())
            && (t.contains("指标名称") || t.contains("指標名稱"))
        {
            // the rows may go on over the next lines (not over a grid line)
            let k = segs[i + 1..]
                .iter()
                .position(|x| x.raw.contains('\t') || x.raw.matches('|').count() >= 2)
                .map_or(segs.len(), |p| i + 1 + p);
            let end = segs[k - 1].start + segs[k - 1].raw.len();
            if let Some(r) = locate(&text[off..end]).filter(|r| r.2 > t.len()) {
                found = Some(r);
            }
        }
        let Some((a, _, b)) = found else {
            if let Some(out) = out.as_mut() {
                out.push(s);
            }
            i += 1;
            continue;
        };
        let out = out.get_or_insert_with(|| {
            let mut v = Vec::with_capacity(segs.len() + 2);
            v.extend_from_slice(&segs[..i]);
            v
        });
        let stop = off + b;
        let mut j = i + 1;
        while j < segs.len() && segs[j].start < stop {
            j += 1;
        }
        let covered = segs[j - 1].start + segs[j - 1].raw.len();
        if a > 0 {
            out.push(Seg::new(s.start, &text[s.start..off + a]));
        }
        out.push(Seg::new(off + a, &text[off + a..stop]));
        if stop < covered {
            out.push(Seg::new(stop, &text[stop..covered]));
        }
        i = j;
    }
    out
}

/// False when `t` cannot hold a legacy statistics table run together with
/// text: its header (`指标名称`, `指標名稱`) starts with `指`, so one search
/// for that character rules most pieces out before the table is looked for.
fn may_hold_statistics(t: &str) -> bool {
    t.contains('指')
}

fn new_para(off: usize, t: &str) -> Para {
    Para {
        start: off,
        end: off + t.len(),
        text: t.to_string(),
        last_chars: t.chars().count(),
        terminal: ends_terminal(t),
        blank_after: false,
        field: is_field(t),
    }
}

fn push(stack: &mut [Open], root: &mut Vec<Block>, b: Block) {
    match stack.last_mut() {
        Some(o) => o.sub.blocks.push(b),
        None => root.push(b),
    }
}

fn block_end(b: &Block) -> u32 {
    match b {
        Block::Paragraph(p) => p.span.end,
        Block::Subsection(s) => s.span.end,
        Block::Table(t) => t.span().end,
        Block::Markup(m) => m.span.end,
        Block::Unrecognized(u) => u.span.end,
        Block::Chrome(c) => c.span.end,
    }
}

fn close(stack: &mut Vec<Open>, root: &mut Vec<Block>, loc: &Locator<'_>) {
    if let Some(mut o) = stack.pop() {
        let end = o
            .sub
            .blocks
            .iter()
            .map(block_end)
            .max()
            .unwrap_or(o.sub.head.end)
            .max(o.sub.head.end);
        o.sub.span = loc.span(o.sub.head.start as usize, end as usize);
        // a body's vector grows by doubling (and to 4 blocks at its first
        // push): a subsection of one block would keep room for four
        o.sub.blocks.shrink_to_fit();
        push(stack, root, Block::Subsection(o.sub));
    }
}

/// Splits the text after a marker into a short title and the body.
pub(crate) fn split_title(rest: &str) -> (Option<&str>, Option<&str>) {
    if rest.is_empty() {
        return (None, None);
    }
    // a title is at most 41 characters: look no further than 42 (a stop
    // further on, or none in a longer text, makes it all body), so that a
    // line of many markers costs linear time
    let stop = rest
        .char_indices()
        .take(42)
        .find(|(_, c)| matches!(c, '。' | '；' | '：' | ':' | '！' | '？'));
    if let Some((i, c)) = stop {
        let end = i + c.len_utf8();
        let head_chars = rest[..end].chars().count();
        let body = crate::text::space::trim_start(&rest[end..]);
        if !body.is_empty() {
            if head_chars <= 31 {
                return (Some(&rest[..end]), Some(body));
            }
            return (None, Some(rest));
        }
        // the stop ends the line
        if head_chars <= 41 {
            return (Some(rest), None);
        }
        return (None, Some(rest));
    }
    if rest.chars().nth(40).is_none() {
        (Some(rest), None)
    } else {
        (None, Some(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            split_title("加强领导。龙场镇十分重视"),
            (Some("加强领导。"), Some("龙场镇十分重视"))
        );
        assert_eq!(
            split_title("组织领导、工作机构"),
            (Some("组织领导、工作机构"), None)
        );
    }
}
