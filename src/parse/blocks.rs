//! Blocks of a section from the pieces of its lines: table regions (their
//! lines go to a grid builder, the grid to the template mapper), subsections
//! by marker style, paragraphs joined across line wraps and page breaks.

use std::ops::Range;

use nom::Parser;

use super::paragraph::{Para, chars_upto_long, new_para};
use super::region::{LineKind, generic_region, region_end};
/// (where the renderer finds it)
pub(crate) use super::seg::split_title;
use super::seg::{Seg, line_marker};
use super::statistics::{may_hold_statistics, split_statistics};
use crate::grid::text::Classifier;
use crate::lines::Locator;
use crate::model::{Block, Markup, Paragraph, Subsection, Table, Unrecognized};
use crate::template::{self, Kind};
use crate::text::lexical::{MarkerStyle, markup};

mod scratch;
use scratch::Scratch;

/// Builds blocks from pieces of lines.
pub(crate) struct Blocks<'t, 'l> {
    pub(crate) text: &'t str,
    pub(crate) loc: &'l Locator<'t>,
    /// Buffers reused over the sections and tables of the text.
    scratch: Scratch<'t>,
}

/// The pieces of the preamble and every section, in text order, one list
/// for the whole text. The bodies are built front to back, and the pieces
/// built are dropped once there are at least [`RELEASE_MIN`] of them and
/// they are half of those held, so that a long text does not hold every
/// piece beside every block (issue 15.8). Pieces are named by their index
/// in the whole list.
pub(crate) struct Pieces<'t> {
    segs: Vec<Seg<'t>>,
    /// How many pieces were dropped from the front.
    base: usize,
}

impl<'t> Pieces<'t> {
    pub(crate) fn new(segs: Vec<Seg<'t>>) -> Self {
        Pieces { segs, base: 0 }
    }
    /// The pieces `r` (not yet dropped).
    pub(crate) fn get(&self, r: Range<usize>) -> &[Seg<'t>] {
        &self.segs[r.start - self.base..r.end - self.base]
    }
}

/// A section of at most this many pieces builds its top-level blocks in a
/// reused list (see [`Blocks::build`]).
const SMALL_SECTION: usize = 256;

/// Built pieces are dropped once there are at least this many and they
/// are half of the pieces held.
const RELEASE_MIN: usize = 4096;

/// An open subsection; its blocks so far are those of [`Stack::blocks`]
/// from `from` on (up to the next open one's).
struct Open {
    style: MarkerStyle,
    sub: Subsection,
    from: usize,
}

/// The open subsections, innermost last, and their blocks in one list: a
/// subsection's body is allocated once, at its exact size, when it closes.
#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    blocks: Vec<Block>,
}

/// The blocks built so far: the top level, the open subsections, the
/// paragraph being accumulated.
#[derive(Default)]
struct Tree {
    root: Vec<Block>,
    stack: Stack,
    para: Option<Para>,
}

impl<'t> Blocks<'t, '_> {
    pub(crate) fn new<'l>(text: &'t str, loc: &'l Locator<'t>) -> Blocks<'t, 'l> {
        Blocks {
            text,
            loc,
            scratch: Scratch::take(),
        }
    }

    /// The blocks of the pieces `range` of `pieces`, which must be the first
    /// not yet built: the pieces are built front to back, and those built
    /// may be dropped from `pieces` while the blocks are built (see
    /// [`Pieces`]).
    pub(crate) fn build(&mut self, pieces: &mut Pieces<'t>, range: Range<usize>) -> Vec<Block> {
        // each piece's kind, worked out once, in one pass
        let mut kinds = std::mem::take(&mut self.scratch.kinds);
        kinds.clear();
        kinds.extend(pieces.get(range.clone()).iter().map(LineKind::of));
        // the pieces are the text from the first one's start to the last
        // one's end: one search of it for `指` and one for `勾` answer for
        // every piece, instead of a search per piece asked about
        super::kind::know_searched(self.text, pieces.get(range.clone()), &kinds);
        // a legacy statistics table run together with text: the section's
        // pieces cut anew, into a list of their own (only a piece with
        // `指` can start one)
        if kinds
            .iter()
            .zip(pieces.get(range.clone()))
            .any(|(k, s)| k.facts.zhi(s.trimmed().1))
            && let Some(segs) =
                split_statistics(self.text, pieces.get(range.clone()), &kinds, self.loc)
        {
            let n = segs.len();
            kinds.clear();
            kinds.extend(segs.iter().map(LineKind::of));
            super::kind::know_searched(self.text, &segs, &kinds);
            return self.build_in(&mut Pieces::new(segs), 0..n, kinds);
        }
        self.build_in(pieces, range, kinds)
    }

    /// The blocks of the pieces `range` of `pieces`, whose kinds are
    /// `kinds` (the scratch list, put back when done).
    fn build_in(
        &mut self,
        pieces: &mut Pieces<'t>,
        range: Range<usize>,
        mut kinds: Vec<LineKind>,
    ) -> Vec<Block> {
        // room for a block per piece, the most a long run of one-line
        // subsections or paragraphs needs: the vector is not grown by
        // copying (each copy leaves a hole as large as the blocks so far);
        // room never written to takes no memory, and is given back below.
        // A short section's blocks go to the scratch list (room for its
        // pieces made once) and are copied out at their number: one
        // allocation instead of two
        let small = range.len() <= SMALL_SECTION;
        let root = if small {
            let mut r = std::mem::take(&mut self.scratch.root);
            r.clear();
            r.reserve(range.len());
            r
        } else {
            Vec::with_capacity(range.len())
        };
        let mut tree = Tree {
            root,
            stack: std::mem::take(&mut self.scratch.stack),
            para: None,
        };
        // `from..end`: the section's pieces in `pieces.segs`; `i`: the next
        // one to build, counted from `from`
        let (mut from, mut end) = (range.start - pieces.base, range.end - pieces.base);
        let mut i = 0;
        while from + i < end {
            i = self.step(&mut tree, &pieces.segs[from..end], &kinds, i);
            // the builder only looks forward: once half the pieces are
            // built, drop them (moving the rest costs no more than the
            // pieces dropped, so the whole stays linear)
            let built = from + i;
            if built >= RELEASE_MIN && 2 * built >= pieces.segs.len() {
                pieces.segs.drain(..built);
                pieces.segs.shrink_to_fit();
                pieces.base += built;
                kinds.drain(..i);
                kinds.shrink_to_fit();
                (from, end, i) = (0, end - built, 0);
            }
        }
        self.scratch.kinds = kinds;
        let Tree {
            mut root,
            mut stack,
            mut para,
        } = tree;
        self.flush(&mut para, &mut stack, &mut root);
        while !stack.open.is_empty() {
            close(&mut stack, &mut root, self.loc);
        }
        self.scratch.stack = stack;
        if small {
            // (moved out at their number: the scratch list keeps its room)
            let mut out = Vec::with_capacity(root.len());
            out.append(&mut root);
            self.scratch.root = root;
            return out;
        }
        root.shrink_to_fit();
        root
    }

    /// Takes the piece `segs[i]` (and, for a table, the pieces of its
    /// region) into `tree`; returns the index of the next piece.
    fn step(&mut self, tree: &mut Tree, segs: &[Seg<'t>], kinds: &[LineKind], i: usize) -> usize {
        let seg = segs[i];
        if kinds[i].blank {
            if let Some(p) = tree.para.as_mut() {
                // a run of blank lines is one piece, its line breaks inside
                let lines = if crate::lines::has_line_break(seg.raw) {
                    2
                } else {
                    1
                };
                p.blank_after = p.blank_after.saturating_add(lines);
            }
            return i + 1;
        }
        let (off, t) = seg.trimmed();
        // a legacy statistics table run together with the text around it
        if kinds[i].facts.zhi(t)
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
    fn text_line(&mut self, tree: &mut Tree, off: usize, t: &str) {
        let mut next = Some((off, t));
        // each table cut from a head line reads the rest of the line again:
        // a bound on them keeps a line of many such tables linear
        let mut cuts = MAX_CUTS_PER_LINE;
        while let Some((off, t)) = next {
            next = self.text_line_once(tree, off, t, cuts > 0);
            cuts = cuts.saturating_sub(1);
        }
    }

    /// [`Self::text_line`] up to a legacy statistics table in the body after
    /// a subsection head (when `cut_table`): the text after that table is
    /// returned, to be read as a line of its own (as it is when the table
    /// starts a line).
    fn text_line_once<'l>(
        &mut self,
        tree: &mut Tree,
        mut off: usize,
        mut t: &'l str,
        cut_table: bool,
    ) -> Option<(usize, &'l str)> {
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
        // subsection markers; the text after a title may open another
        // subsection on the same line (`1.存在的问题：一是…`)
        if let Some(m) = line_marker(t) {
            return self.marker_line(tree, off, t, m, cut_table);
        }
        let Tree { root, stack, para } = tree;
        // paragraphs
        match para.as_mut() {
            Some(p) if p.goes_on(t) => {
                let buf = &mut self.scratch.para;
                if !p.joined {
                    buf.clear();
                    buf.push_str(&self.text[p.start..p.end]);
                    p.joined = true;
                }
                // pieces of one line (a line cut where a table was looked
                // for) keep the white space between them: the text is the
                // source's; only a line break is dropped
                if let Some(gap) = self.text.get(p.end..off)
                    && !crate::lines::has_line_break(gap)
                {
                    buf.push_str(gap);
                }
                buf.push_str(t);
                p.extend(off, t);
            }
            _ => {
                self.flush(para, stack, root);
                *para = Some(new_para(off, t));
            }
        }
        None
    }

    /// A line (at `off`) that opens with the subsection marker `m`: the
    /// subsections it opens, and the paragraph its body starts. The body
    /// after the head is read as it would be on a line of its own (when
    /// `cut_table`): a legacy statistics table of crawler text in it is a
    /// table, and the text after it is returned, to be read as the next line.
    fn marker_line<'l>(
        &mut self,
        tree: &mut Tree,
        off: usize,
        t: &'l str,
        m: (MarkerStyle, usize),
        cut_table: bool,
    ) -> Option<(usize, &'l str)> {
        let Tree { root, stack, para } = tree;
        self.flush(para, stack, root);
        *para = self.subsections(off, t, m, stack, root);
        let p = para.as_ref()?;
        let body = &self.text[p.start..p.end];
        if !cut_table || p.joined || !may_hold_statistics(body) {
            return None;
        }
        let (a, _, b) = crate::template::legacy::locate(body)?;
        let (tb, end) = crate::template::legacy::crawler_table(&body[a..b], p.start + a, self.loc)?;
        if end != b - a {
            return None;
        }
        let at = p.start - off;
        let before = crate::text::space::trim_end(&t[at..at + a]);
        let after = crate::text::space::trim_start(&t[at + b..]);
        let after_off = off + t.len() - after.len();
        *para = (!before.is_empty()).then(|| new_para(off + at, before));
        self.flush(para, stack, root);
        push(stack, root, Block::Table(Box::new(tb)));
        (!after.is_empty()).then_some((after_off, after))
    }

    /// Ends the open paragraph and adds `b` after it.
    fn emit(&mut self, tree: &mut Tree, b: Block) {
        self.flush(&mut tree.para, &mut tree.stack, &mut tree.root);
        push(&mut tree.stack, &mut tree.root, b);
    }

    /// The table whose region starts at `segs[i]`, and the
    /// index after its region: a standard table from its anchor, or a
    /// generic one. Its lines go to a grid builder, the grid to the mapper.
    fn table_at(
        &mut self,
        segs: &[Seg<'t>],
        kinds: &[LineKind],
        i: usize,
    ) -> Option<(Table, usize)> {
        // the region's lines, in the scratch list
        let mut lines = std::mem::take(&mut self.scratch.lines);
        let mut fill = |end: usize| {
            lines.clear();
            lines.extend(segs[i..end].iter().map(|s| (s.start, s.raw)));
        };
        if let Some(kind) = kinds[i].anchor(&segs[i]) {
            // the region's lines, classified as region assembly walks them
            let mut rows = Classifier::new(&mut self.scratch.rows);
            let end = region_end(segs, kinds, i, kind, &mut self.scratch.norm, &mut rows);
            let (rows, words) = rows.finish();
            let grid = crate::grid::text::region_of(rows, words);
            self.scratch.lines = lines;
            return Some((template::map(grid, kind, self.text, self.loc), end));
        }
        let Some(end) = generic_region(segs, kinds, i) else {
            self.scratch.lines = lines;
            return None;
        };
        fill(end);
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
        self.scratch.lines = lines;
        Some((table, end))
    }

    /// Opens the subsections whose markers start `t` (at `off`; the first
    /// marker is `first`, [`line_marker`] of `t`); the text after a title
    /// may open another subsection on the same line (`1.存在的问题：一是…`).
    /// Returns the paragraph the line's body starts.
    fn subsections(
        &self,
        mut off: usize,
        mut t: &str,
        first: (MarkerStyle, usize),
        stack: &mut Stack,
        root: &mut Vec<Block>,
    ) -> Option<Para> {
        let line_chars = chars_upto_long(t);
        let mut next = Some(first);
        while let Some((style, mlen)) = next {
            if let Some(pos) = stack.open.iter().position(|o| o.style == style) {
                while stack.open.len() > pos {
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
            stack.open.push(Open {
                style,
                sub,
                from: stack.blocks.len(),
            });
            let b = body?;
            off += t.len() - b.len();
            t = b;
            next = line_marker(t);
            if next.is_none() {
                let mut p = new_para(off, t);
                // a page break can fall after the body on the marker's
                // line: judge the line as a whole
                p.last_chars = line_chars;
                return Some(p);
            }
        }
        None
    }

    fn flush(&self, para: &mut Option<Para>, stack: &mut Stack, root: &mut Vec<Block>) {
        if let Some(p) = para.take() {
            let text = if p.joined {
                self.scratch.para.as_str()
            } else {
                &self.text[p.start..p.end]
            };
            // one piece over several lines (the rows of a statistics table
            // looked for over a line break, and none read): its lines are
            // joined as the lines of a paragraph are, without the breaks
            // and the white space around them
            // (one byte search: a `char` pattern decodes every character
            // of the paragraph)
            let text: crate::model::Str = if crate::lines::has_line_break(text) {
                text.split(['\n', '\r'])
                    .map(|l| l.trim_matches(crate::lines::is_space))
                    .collect::<String>()
                    .into()
            } else {
                text.into()
            };
            let b = Block::Paragraph(Paragraph {
                text,
                span: self.loc.span(p.start, p.end),
            });
            push(stack, root, b);
        }
    }
}

/// The most legacy statistics tables of crawler text cut from subsection
/// bodies on the head lines of one line (each cut reads the rest of the
/// line again: the bound keeps a line of many linear; past it, a body is
/// read as text).
const MAX_CUTS_PER_LINE: usize = 8;

fn push(stack: &mut Stack, root: &mut Vec<Block>, b: Block) {
    if stack.open.is_empty() {
        root.push(b);
    } else {
        stack.blocks.push(b);
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

fn close(stack: &mut Stack, root: &mut Vec<Block>, loc: &Locator<'_>) {
    if let Some(mut o) = stack.open.pop() {
        // its blocks, the last of the list: one vector of their number
        o.sub.blocks = stack.blocks.drain(o.from..).collect();
        let end = o
            .sub
            .blocks
            .iter()
            .map(block_end)
            .max()
            .unwrap_or(o.sub.head.end)
            .max(o.sub.head.end);
        o.sub.span = loc.span(o.sub.head.start as usize, end as usize);
        push(stack, root, Block::Subsection(o.sub));
    }
}
