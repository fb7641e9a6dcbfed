//! The "nothing lost" check: every non-whitespace character of the input lies
//! in exactly one leaf node's span.

use crate::model::table::{Fragment, RowSource};
use crate::model::{Block, Report, Span, Table};

/// Leaf spans of the report in no particular order: headings, paragraphs,
/// subsection heads, table labels, cells, fragments, markup, unrecognized.
pub fn leaf_spans(report: &Report) -> Vec<Span> {
    let mut out = Vec::new();
    fn blocks(bs: &[Block], out: &mut Vec<Span>) {
        for b in bs {
            match b {
                Block::Paragraph(p) => out.push(p.span),
                Block::Markup(m) => out.push(m.span),
                Block::Unrecognized(u) => out.push(u.span),
                Block::Subsection(s) => {
                    out.push(s.head);
                    blocks(&s.blocks, out);
                }
                Block::Table(t) => table(t, out),
            }
        }
    }
    fn rows<R: std::hash::Hash + Eq, C: std::hash::Hash + Eq>(
        source: &indexmap::IndexMap<R, RowSource<C>>,
        fragments: &[Fragment],
        out: &mut Vec<Span>,
    ) {
        for r in source.values() {
            out.extend(r.label.iter().map(|l| l.span));
            out.extend(
                r.cells
                    .values()
                    .filter(|c| !c.raw.is_empty())
                    .map(|c| c.span),
            );
            out.extend(r.fused.iter().map(|l| l.span));
        }
        out.extend(fragments.iter().map(|f| f.span));
    }
    fn table(t: &Table, out: &mut Vec<Span>) {
        match t {
            Table::Applications(t) => rows(&t.source, &t.fragments, out),
            Table::ReviewLitigation(t) => rows(&t.source, &t.fragments, out),
            Table::ActiveDisclosure(t) => rows(&t.source, &t.fragments, out),
            Table::LegacyStatistics(t) => {
                let srcs = t
                    .source
                    .values()
                    .chain(t.other_rows.iter().map(|r| &r.source));
                for r in srcs {
                    out.extend(r.label.iter().chain(&r.unit).chain(&r.code).map(|l| l.span));
                    out.extend(r.cells.values().chain(&r.extra).map(|c| c.span));
                }
                out.extend(t.fragments.iter().map(|f| f.span));
            }
            Table::Generic(t) => {
                out.extend(t.spans.header.iter().copied());
                out.extend(t.spans.rows.iter().flatten().copied());
            }
        }
    }
    blocks(&report.preamble, &mut out);
    for s in &report.sections {
        out.push(s.heading.span);
        blocks(&s.blocks, &mut out);
    }
    blocks(&report.closing, &mut out);
    out
}

/// Why [`check`] failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LossError {
    /// A non-whitespace character is in no leaf span.
    #[error("character {ch:?} at byte {offset} is in no node's span")]
    Lost {
        /// Byte offset.
        offset: usize,
        /// The character.
        ch: char,
    },
    /// Two leaf spans overlap on a non-whitespace character.
    #[error("character {ch:?} at byte {offset} is in two nodes' spans")]
    Overlap {
        /// Byte offset.
        offset: usize,
        /// The character.
        ch: char,
    },
    /// A span is out of range or not on character boundaries.
    #[error("span {start}..{end} is not a valid range of the text")]
    BadSpan {
        /// Start.
        start: usize,
        /// End.
        end: usize,
    },
}

/// Layout characters of tables: cell separators of pipe tables and the
/// box-drawing characters of text-mode grids. Inside a table's span they
/// belong to the table itself rather than to a cell.
pub fn is_table_layout(c: char) -> bool {
    matches!(
        c,
        '|' | '｜'
            | '+'
            | '─'
            | '━'
            | '│'
            | '┃'
            | '┌'
            | '┐'
            | '└'
            | '┘'
            | '├'
            | '┤'
            | '┬'
            | '┴'
            | '┼'
            | '═'
            | '║'
    )
}

fn table_spans(report: &Report) -> Vec<Span> {
    report
        .blocks()
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.span()),
            _ => None,
        })
        .collect()
}

/// Checks that every non-whitespace character of `text` lies in exactly one
/// leaf span of `report` (`report` must be the parse of `text`). Table layout
/// characters ([`is_table_layout`]) inside a table's span count as the
/// table's own.
pub fn check(text: &str, report: &Report) -> Result<(), LossError> {
    let tables = table_spans(report);
    let in_table = |offset: usize| tables.iter().any(|t| t.start <= offset && offset < t.end);
    let lost = |offset: usize, c: char| {
        !(crate::lines::is_space(c) || is_table_layout(c) && in_table(offset))
    };
    let mut spans = leaf_spans(report);
    for s in &spans {
        if s.start > s.end
            || s.end > text.len()
            || !text.is_char_boundary(s.start)
            || !text.is_char_boundary(s.end)
        {
            return Err(LossError::BadSpan {
                start: s.start,
                end: s.end,
            });
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    let is_space = crate::lines::is_space;
    // overlaps: a non-space char in the intersection of consecutive spans
    let mut reach = 0usize; // furthest end so far
    for s in &spans {
        if s.start < reach {
            let overlap = &text[s.start..reach.min(s.end)];
            if let Some((i, ch)) = overlap.char_indices().find(|(_, c)| !is_space(*c)) {
                return Err(LossError::Overlap {
                    offset: s.start + i,
                    ch,
                });
            }
        }
        reach = reach.max(s.end);
    }
    // coverage: walk gaps between merged spans
    let mut pos = 0usize;
    for s in &spans {
        if s.start > pos {
            let gap = &text[pos..s.start];
            if let Some((i, ch)) = gap.char_indices().find(|(i, c)| lost(pos + i, *c)) {
                return Err(LossError::Lost {
                    offset: pos + i,
                    ch,
                });
            }
        }
        pos = pos.max(s.end);
    }
    if let Some((i, ch)) = text[pos..].char_indices().find(|(i, c)| lost(pos + i, *c)) {
        return Err(LossError::Lost {
            offset: pos + i,
            ch,
        });
    }
    Ok(())
}
