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

use super::blocks::Blocks;
use super::closing::take_closing;
use super::headings::{classify, find_heading};
use super::seg::Seg;
use crate::lines::{Line, Locator, is_space};
use crate::model::{Block, Heading, Paragraph, Section};

/// An item of the structural pass.
#[derive(Debug)]
enum Item<'a> {
    Seg(Seg<'a>),
    Heading {
        start: usize,
        end: usize,
        title_start: usize,
        number: u32,
    },
}

/// The structure of a report: preamble, sections, closing.
pub(crate) struct Structure {
    pub(crate) preamble: Vec<Block>,
    pub(crate) sections: Vec<Section>,
    pub(crate) closing: Vec<Block>,
}

/// Builds the structure of `text`.
pub(crate) fn structure(text: &str, lines: &[Line<'_>], loc: &Locator<'_>) -> Structure {
    let mut items: Vec<Item<'_>> = Vec::with_capacity(lines.len());
    let mut last = 0u32;
    for line in lines {
        let mut seg = Seg {
            start: line.start,
            raw: line.text,
        };
        loop {
            let (toff, t) = seg.trimmed();
            if t.is_empty() {
                items.push(Item::Seg(seg));
                break;
            }
            match find_heading(t, last + 1, last) {
                Some(h) => {
                    if h.pos > 0 {
                        items.push(Item::Seg(Seg {
                            start: seg.start,
                            raw: &text[seg.start..toff + h.pos],
                        }));
                    }
                    items.push(Item::Heading {
                        start: toff + h.pos,
                        end: toff + h.end,
                        title_start: toff + h.title_start,
                        number: h.number,
                    });
                    last = h.number;
                    let rest_start = toff + h.end;
                    let line_end = seg.start + seg.raw.len();
                    if text[rest_start..line_end].chars().all(is_space) {
                        break;
                    }
                    seg = Seg {
                        start: rest_start,
                        raw: &text[rest_start..line_end],
                    };
                }
                None => {
                    items.push(Item::Seg(seg));
                    break;
                }
            }
        }
    }

    let mut preamble_segs: Vec<Seg<'_>> = Vec::new();
    let mut heads: Vec<(usize, usize, usize, u32, Vec<Seg<'_>>)> = Vec::new();
    for it in items {
        match it {
            Item::Seg(s) => match heads.last_mut() {
                Some(h) => h.4.push(s),
                None => preamble_segs.push(s),
            },
            Item::Heading {
                start,
                end,
                title_start,
                number,
            } => heads.push((start, end, title_start, number, Vec::new())),
        }
    }
    // closing: trailing signature and date lines of the last section
    let mut closing_segs = Vec::new();
    if let Some(h) = heads.last_mut() {
        closing_segs = take_closing(&mut h.4);
    }
    let b = Blocks { text, loc };
    let preamble = b.build(&preamble_segs);
    let sections = heads
        .into_iter()
        .map(|(start, end, title_start, number, segs)| {
            let raw = &text[start..end];
            let title = text[title_start..end].trim_matches(is_space);
            let blocks = b.build(&segs);
            let body_end = segs.iter().rev().find(|s| !s.is_blank()).map_or(end, |s| {
                let (o, t) = s.trimmed();
                o + t.len()
            });
            Section {
                number,
                heading: Heading {
                    raw: raw.to_string(),
                    title: title.to_string(),
                    span: loc.span(start, end),
                },
                kind: classify(title),
                blocks,
                span: loc.span(start, body_end.max(end)),
            }
        })
        .collect();
    // closing lines stay one paragraph each (a signature is not running text)
    let closing = closing_segs
        .iter()
        .filter(|s| !s.is_blank())
        .map(|s| {
            let (o, t) = s.trimmed();
            Block::Paragraph(Paragraph {
                text: t.to_string(),
                span: loc.span(o, o + t.len()),
            })
        })
        .collect();
    Structure {
        preamble,
        sections,
        closing,
    }
}
