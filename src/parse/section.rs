//! Structure: top-level sections, subsections, paragraphs, table regions.
//!
//! One pass over the lines. A line (or, in crawler text where a whole report
//! sits on one line, the part of a line) that starts a top-level section is
//! recognised by its **full heading text**, never by a bare numeral: `四、`
//! followed by a table row label (`四、结转下年度继续办理`) is a table row, and a
//! heading must carry the next number in sequence unless its title names a
//! known section. Inside a section, blocks are built from the remaining
//! pieces of lines: table regions (from an anchor line to the end of the
//! table), subsections by marker style, paragraphs joined across line wraps
//! and page breaks.

use std::ops::Range;

use super::blocks::{Blocks, Pieces};
use super::closing::closing_start;
use super::headings::{Duns, classify, find_heading_at};
use super::seg::Seg;
use crate::lines::Locator;
use crate::model::{Block, Heading, Paragraph, Section};

/// The structure of a report: preamble, sections, closing.
pub(crate) struct Structure {
    pub(crate) preamble: Vec<Block>,
    pub(crate) sections: Vec<Section>,
    pub(crate) closing: Vec<Block>,
}

/// A section heading found by the structural pass; the pieces of its body
/// are those of the pass's one list from `first` to the next heading's.
struct Head {
    start: usize,
    end: usize,
    title_start: usize,
    number: u32,
    /// Index of its body's first piece in [`Scan::segs`].
    first: usize,
}

/// Appends `seg` to `segs`; a blank piece right after a blank piece joins it
/// (a run of blank lines is one blank piece: the passes over pieces only ask
/// whether a piece is blank), so that blank lines cost no memory each.
/// `blank` is `seg.is_blank()`; `joinable` says that the last piece of
/// `segs` is blank and in the same body (kept by the caller, not found
/// again by a scan of it, which would make a long run of blank lines cost
/// quadratic time).
fn push_seg<'a>(text: &'a str, segs: &mut Vec<Seg<'a>>, seg: Seg<'a>, joinable: bool) {
    if joinable && let Some(prev) = segs.last_mut() {
        let end = seg.start + seg.raw.len();
        if let Some(raw) = text.get(prev.start..end) {
            *prev = Seg::blank(prev.start, raw);
            return;
        }
    }
    segs.push(seg);
}

/// The state of the structural pass: the pieces seen so far (one list for
/// the preamble and every section, in order: a section's pieces start at
/// its heading's `first`), and the headings.
struct Scan<'a> {
    text: &'a str,
    segs: Vec<Seg<'a>>,
    heads: Vec<Head>,
    /// The last piece pushed is blank (a heading pushed since resets it).
    last_blank: bool,
    /// A heading was pushed since the last piece.
    after_heading: bool,
    /// The number of the last heading found.
    last: u32,
    /// Where the next number's `X、` is (inline headings).
    duns: Duns<'a>,
}

impl<'a> Scan<'a> {
    /// Appends a body piece to the preamble or to the last section.
    fn add(&mut self, seg: Seg<'a>) {
        let blank = seg.is_blank();
        let joinable = blank && self.last_blank && !self.after_heading;
        self.last_blank = blank;
        push_seg(self.text, &mut self.segs, seg, joinable);
        self.after_heading = false;
    }

    /// Splits one line into body pieces and the section headings it starts.
    fn line(&mut self, mut seg: Seg<'a>) {
        let text = self.text;
        loop {
            let (toff, t) = seg.trimmed();
            if t.is_empty() {
                self.add(seg);
                return;
            }
            let Some(h) = find_heading_at(t, toff, self.last + 1, self.last, &mut self.duns) else {
                self.add(seg);
                return;
            };
            if h.pos > 0 {
                self.add(Seg::new(seg.start, &text[seg.start..toff + h.pos]));
            }
            self.after_heading = true;
            self.heads.push(Head {
                start: toff + h.pos,
                end: toff + h.end,
                title_start: toff + h.title_start,
                number: h.number,
                first: self.segs.len(),
            });
            self.last = h.number;
            let rest_start = toff + h.end;
            let line_end = seg.start + seg.raw.len();
            if crate::text::space::is_blank(&text[rest_start..line_end]) {
                return;
            }
            seg = Seg::new(rest_start, &text[rest_start..line_end]);
        }
    }
}

/// The section of a heading and its body pieces (`body`, indices of the
/// pass's pieces).
fn section<'t>(
    b: &mut Blocks<'t, '_>,
    pieces: &mut Pieces<'t>,
    head: &Head,
    body: Range<usize>,
) -> Section {
    let &Head {
        start,
        end,
        title_start,
        number,
        ..
    } = head;
    let text = b.text;
    let raw = &text[start..end];
    let title = crate::text::space::trim(&text[title_start..end]);
    let body_end = pieces
        .get(body.clone())
        .iter()
        .rev()
        .find(|s| !s.is_blank())
        .map_or(end, |s| {
            let (o, t) = s.trimmed();
            o + t.len()
        });
    let blocks = b.build(pieces, body);
    Section {
        number,
        heading: Heading {
            raw: raw.into(),
            title: title.into(),
            span: b.loc.span(start, end),
        },
        kind: classify(title),
        blocks,
        span: b.loc.span(start, body_end.max(end)),
    }
}

/// The closing lines, one paragraph each (a signature is not running text).
fn closing(segs: &[Seg<'_>], loc: &Locator<'_>) -> Vec<Block> {
    segs.iter()
        .filter(|s| !s.is_blank())
        .map(|s| {
            let (o, t) = s.trimmed();
            Block::Paragraph(Paragraph {
                text: t.into(),
                span: loc.span(o, o + t.len()),
            })
        })
        .collect()
}

/// Builds the structure of `text`.
pub(crate) fn structure(text: &str, loc: &Locator<'_>) -> Structure {
    let mut scan = Scan {
        text,
        // a piece per line, and one more for each inline heading (a few)
        segs: Vec::with_capacity(loc.line_count() + 8),
        heads: Vec::new(),
        last_blank: false,
        after_heading: false,
        last: 0,
        duns: Duns::new(text),
    };
    // the locator found the line starts: the lines are not searched again
    for line in loc.lines() {
        scan.line(Seg::new(line.start, line.text));
    }
    let Scan { segs, heads, .. } = scan;
    let all = segs.len();
    // where each body ends: at the next heading's first piece
    let ends = heads.iter().skip(1).map(|h| h.first).chain([all]);
    // closing: trailing signature and date lines of the last section
    let mut closing_from = all;
    if let Some(h) = heads.last() {
        closing_from = h.first + closing_start(&segs[h.first..]).unwrap_or(all - h.first);
    }
    let mut b = Blocks::new(text, loc);
    let mut pieces = Pieces::new(segs);
    let preamble_end = heads.first().map_or(all, |h| h.first);
    let preamble = b.build(&mut pieces, 0..preamble_end);
    let mut sections: Vec<Section> = Vec::with_capacity(heads.len());
    for (head, end) in heads.iter().zip(ends) {
        sections.push(section(
            &mut b,
            &mut pieces,
            head,
            head.first..end.min(closing_from),
        ));
    }
    Structure {
        preamble,
        sections,
        closing: closing(pieces.get(closing_from..all), loc),
    }
}
