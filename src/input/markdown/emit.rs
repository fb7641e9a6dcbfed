//! Writing the reading text: lines without their markup, grids as tab rows
//! at their source lines; then every markup character folded into the
//! content next to it, so that nothing of the source is lost.

use std::ops::Range;

use crate::grid::{Grid, Origin};
use crate::input::Reading;
use crate::lines::is_space;

use super::cells::cell_lines;
use super::lines::{Kind, SrcLine};

/// One piece of the reading text.
pub(super) struct Piece {
    pub(super) text: String,
    /// Source range it stands for (extended over markup next to it).
    pub(super) src: Range<usize>,
    /// Content (a character of the report) rather than layout.
    pub(super) content: bool,
    /// A later piece of a glued cell: the index of the cell's first piece.
    /// Its text is written after the first piece and its source folds into
    /// the first piece when nothing lies between them.
    pub(super) tail_of: Option<usize>,
}

pub(super) struct Emitter<'a> {
    pub(super) s: &'a str,
    pub(super) pieces: Vec<Piece>,
    /// Source ranges of tables written as tab rows: their pipes and
    /// separator rows are the table's layout.
    pub(super) zones: Vec<Range<usize>>,
    /// Source ranges of separator rows.
    pub(super) separators: Vec<Range<usize>>,
    /// The tables the parser found, when known: layout lies inside them.
    pub(super) tables: Option<Vec<Range<usize>>>,
}

impl<'a> Emitter<'a> {
    pub(super) fn new(s: &'a str, separators: Vec<Range<usize>>) -> Emitter<'a> {
        Emitter {
            s,
            pieces: Vec::new(),
            zones: Vec::new(),
            separators,
            tables: None,
        }
    }

    pub(super) fn content(&mut self, r: Range<usize>) {
        if r.start >= r.end {
            return;
        }
        self.pieces.push(Piece {
            text: self.s[r.clone()].to_string(),
            src: r,
            content: true,
            tail_of: None,
        });
    }

    pub(super) fn layout(&mut self, text: &str, src: Range<usize>) {
        self.pieces.push(Piece {
            text: text.to_string(),
            src,
            content: false,
            tail_of: None,
        });
    }

    /// A line outside tables: its text without heading marks, `**` and
    /// `<br>` (which ends a line).
    pub(super) fn line(&mut self, l: &SrcLine, kind: Kind) {
        let start = match kind {
            Kind::Heading(n) => l.start + n,
            _ => l.start,
        };
        if kind != Kind::Separator {
            let lines = cell_lines(self.s, start..l.end);
            let mut prev_end = start;
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    self.layout("\n", prev_end..prev_end);
                }
                for r in line {
                    self.content(r.clone());
                    prev_end = r.end;
                }
            }
        }
        self.layout("\n", l.end..l.end);
    }

    /// A table as tab rows: each row written at its source line (the pipes
    /// around the cells stand where the tabs and the line end are written).
    pub(super) fn table(&mut self, g: &Grid, rows_src: &[Option<SrcLine>], furniture: &[SrcLine]) {
        let first_piece = self.pieces.len();
        let mut furniture = furniture.iter().peekable();
        for (row, line) in g.rows().iter().zip(rows_src) {
            // page lines go where they stand in the source
            let at = row
                .iter()
                .filter_map(|c| c.span.as_ref().map(|s| s.start))
                .chain(line.map(|l| l.start))
                .min();
            if let Some(at) = at {
                while let Some(f) = furniture.next_if(|f| f.start < at) {
                    self.line(f, Kind::Page);
                }
            }
            let mut last_end = line.map_or_else(
                || {
                    row.iter()
                        .find_map(|c| c.span.as_ref().map(|s| s.start))
                        .unwrap_or(0)
                },
                |l| l.start,
            );
            for (i, c) in row.iter().enumerate() {
                let at = c.span.as_ref().map_or(last_end, |s| s.start);
                if i > 0 {
                    // the tab stands for the pipes and blanks before the cell
                    self.layout("\t", last_end.min(at)..at.max(last_end));
                } else if let Some(l) = line {
                    // the row's leading pipe
                    if at > l.start && self.s[l.start..at.min(l.end)].contains('|') {
                        self.layout(" ", l.start..at.min(l.end));
                    }
                }
                let pieces: Vec<Range<usize>> = match c.origin {
                    Origin::Glued { .. } => c.pieces.clone(),
                    _ => c.span.iter().filter(|r| r.start < r.end).cloned().collect(),
                };
                let owner = self.pieces.len();
                for (j, p) in pieces.iter().enumerate() {
                    if j == 0 {
                        self.content(p.clone());
                    } else {
                        self.pieces.push(Piece {
                            text: self.s[p.clone()].to_string(),
                            src: p.clone(),
                            content: false,
                            tail_of: Some(owner),
                        });
                    }
                    last_end = last_end.max(p.end);
                }
                if let Some(sp) = &c.span {
                    last_end = last_end.max(sp.end);
                }
            }
            let end = line.map_or(last_end, |l| l.end.max(last_end));
            self.layout("\n", last_end..end);
        }
        for f in furniture {
            self.line(f, Kind::Page);
        }
        // the table's span: from its first to its last character
        let content = || self.pieces[first_piece..].iter().filter(|p| p.content);
        let a = content().map(|p| p.src.start).min();
        let b = content().map(|p| p.src.end).max();
        if let (Some(a), Some(b)) = (a, b) {
            self.zones.push(a..b);
        }
    }

    /// True when the source character at `off` is table layout: a pipe or
    /// a separator row inside a table written as tab rows.
    pub(super) fn is_layout(&self, off: usize, c: char) -> bool {
        // zones, tables and separators are sorted and disjoint
        fn inside(rs: &[Range<usize>], off: usize) -> bool {
            let i = rs.partition_point(|r| r.end <= off);
            rs.get(i).is_some_and(|r| r.start <= off)
        }
        inside(&self.zones, off)
            && self.tables.as_ref().is_none_or(|t| inside(t, off))
            && (c == '|' || inside(&self.separators, off))
    }

    /// The reading text: every piece written, the markup between the
    /// content pieces folded into the content next to it.
    pub(super) fn finish(self) -> Reading {
        if !self.pieces.iter().any(|p| p.content) {
            // markup and nothing else: the source as it stands
            let mut r = Reading::new();
            r.push_source(self.s, 0);
            return r;
        }
        let (order, mut ext) = self.extents();
        let markup = self.markup(&order, &ext);
        self.fold_markup(&markup, &order, &mut ext);
        self.write(&ext)
    }

    /// The content pieces in source order, and the source extent of every
    /// piece: its own range, the later pieces of a glued cell folded into
    /// its first piece when no other content lies between them.
    fn extents(&self) -> (Vec<usize>, Vec<(usize, usize)>) {
        let mut order: Vec<usize> = (0..self.pieces.len())
            .filter(|&i| self.pieces[i].content)
            .collect();
        order.sort_by_key(|&i| self.pieces[i].src.start);
        let starts: Vec<usize> = order.iter().map(|&i| self.pieces[i].src.start).collect();
        let mut ext: Vec<(usize, usize)> = self
            .pieces
            .iter()
            .map(|p| (p.src.start, p.src.end))
            .collect();
        for p in &self.pieces {
            if let Some(o) = p.tail_of {
                let (_, b) = ext[o];
                // a piece inside the first one's range is covered already; one
                // before it folds into the text next to it
                if p.src.start >= b {
                    let between = starts.partition_point(|&x| x < p.src.start)
                        - starts.partition_point(|&x| x < b);
                    if between == 0 {
                        ext[o].1 = p.src.end;
                    }
                }
            }
        }
        (order, ext)
    }

    /// Markup: runs of the non-space characters under no content piece
    /// that are not table layout (a run ends at a line end or a pipe).
    fn markup(&self, order: &[usize], ext: &[(usize, usize)]) -> Vec<Range<usize>> {
        let s = self.s;
        let mut covered: Vec<Range<usize>> = order.iter().map(|&i| ext[i].0..ext[i].1).collect();
        covered.sort_by_key(|r| r.start);
        let mut markup: Vec<Range<usize>> = Vec::new();
        let mut pos = 0;
        for r in covered.into_iter().chain(std::iter::once(s.len()..s.len())) {
            if r.start > pos {
                for (i, c) in s[pos..r.start].char_indices() {
                    let off = pos + i;
                    if is_space(c) || self.is_layout(off, c) {
                        continue;
                    }
                    let end = off + c.len_utf8();
                    match markup.last_mut() {
                        Some(m)
                            if m.end >= pos
                                && s[m.end..off]
                                    .chars()
                                    .all(|c| c != '\n' && c != '\r' && c != '|') =>
                        {
                            m.end = end
                        }
                        _ => markup.push(off..end),
                    }
                }
            }
            pos = pos.max(r.end);
        }
        markup
    }

    /// Folds each markup run into a content piece next to it: the one
    /// before on the same line, else the one after on the same line, else
    /// the one before, else the one after.
    fn fold_markup(&self, markup: &[Range<usize>], order: &[usize], ext: &mut [(usize, usize)]) {
        let index = crate::input::LineIndex::new(self.s);
        let line_of = |off: usize| index.line_col(off).0;
        let mut pi = 0;
        for m in markup {
            while pi < order.len() && ext[order[pi]].0 < m.end {
                pi += 1;
            }
            let before = pi.checked_sub(1).map(|k| order[k]);
            let after = order.get(pi).copied();
            let ml = line_of(m.start);
            let choice = match (before, after) {
                (Some(b), _) if line_of(ext[b].1.saturating_sub(1)) == ml => Some((b, false)),
                (_, Some(a)) if line_of(ext[a].0) == line_of(m.end - 1) => Some((a, true)),
                (Some(b), _) => Some((b, false)),
                (None, Some(a)) => Some((a, true)),
                (None, None) => None,
            };
            if let Some((k, forward)) = choice {
                if forward {
                    ext[k].0 = ext[k].0.min(m.start);
                } else {
                    ext[k].1 = ext[k].1.max(m.end);
                }
            }
        }
    }

    /// Writes the pieces, each content piece mapped onto its extent.
    fn write(&self, ext: &[(usize, usize)]) -> Reading {
        let mut r = Reading::new();
        for (p, &(a, b)) in self.pieces.iter().zip(ext) {
            if let Some(o) = p.tail_of {
                let end = ext[o].1;
                r.push_mapped(&p.text, end..end);
                continue;
            }
            if !p.content {
                r.push_mapped(&p.text, p.src.clone());
                continue;
            }
            let t = &p.text;
            if a == p.src.start && b == p.src.end {
                r.push_source(t, a);
                continue;
            }
            // fold the markup into the first and the last character
            let first_len = t.chars().next().map_or(0, char::len_utf8);
            let last_start = t.char_indices().last().map_or(0, |(i, _)| i);
            if first_len == t.len() {
                r.push_mapped(t, a..b);
            } else {
                if a < p.src.start {
                    r.push_mapped(&t[..first_len], a..p.src.start + first_len);
                } else {
                    r.push_source(&t[..first_len], a);
                }
                r.push_source(&t[first_len..last_start], p.src.start + first_len);
                if b > p.src.end {
                    r.push_mapped(&t[last_start..], p.src.start + last_start..b);
                } else {
                    r.push_source(&t[last_start..], p.src.start + last_start);
                }
            }
        }
        r
    }
}
