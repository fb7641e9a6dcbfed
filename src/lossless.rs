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
                Block::Chrome(c) => out.push(c.span),
                Block::Subsection(s) => {
                    out.push(s.head);
                    blocks(&s.blocks, out);
                }
                Block::Table(t) => table(t, out),
            }
        }
    }
    fn rows<R: std::hash::Hash + Eq, C: std::hash::Hash + Eq>(
        source: &crate::model::RowMap<R, RowSource<C>>,
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

/// True when the line holding byte `offset` is a rule of a text table: a
/// markdown separator row (`|---|:---:|`) or an ASCII rule (`+----+`), made
/// only of pipes, `+`, `-`, `=`, `:` and white space, with a run of `-` or
/// `=`. Inside a table's span such a line is the table's layout.
pub fn is_rule_line_at(text: &str, offset: usize) -> bool {
    let Some(c) = text.get(offset..).and_then(|t| t.chars().next()) else {
        return false;
    };
    if !matches!(c, '-' | '=' | ':' | '|' | '+') {
        return false;
    }
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| offset + i);
    let line = &text[start..end];
    (line.contains("--") || line.contains("=="))
        && line
            .chars()
            .all(|c| matches!(c, '|' | '+' | '-' | '=' | ':') || crate::lines::is_space(c))
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
    // tables sorted by start, with the furthest end reached so far: an
    // offset is inside a table when a table starting at or before it
    // reaches past it (a binary search per character, not a scan)
    let mut tables: Vec<_> = table_spans(report).into_iter().map(Span::range).collect();
    tables.sort_by_key(|t| t.start);
    let reach: Vec<usize> = tables
        .iter()
        .scan(0, |r, t| {
            *r = t.end.max(*r);
            Some(*r)
        })
        .collect();
    let in_table = |offset: usize| {
        let i = tables.partition_point(|t| t.start <= offset);
        i > 0 && reach[i - 1] > offset
    };
    let lost = |offset: usize, c: char| {
        !(crate::lines::is_space(c)
            || (is_table_layout(c) || is_rule_line_at(text, offset)) && in_table(offset))
    };
    let spans = checked_spans(text, report)?;
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

/// Checks an HTML report: every character of every text node of `html` (the
/// decoded page source `report` was read from, as `parse_html` reads it) lies
/// in exactly one leaf span, chrome blocks included. Markup is not text.
#[cfg(feature = "html")]
pub fn check_html(html: &str, report: &Report) -> Result<(), LossError> {
    let page = crate::input::html::read(html);
    check_ranges(html, report, &page.text_ranges)
}

/// The leaf spans of `report`, each checked to lie on character boundaries
/// of `text`, sorted by start (then end).
fn checked_spans(text: &str, report: &Report) -> Result<Vec<std::ops::Range<usize>>, LossError> {
    let mut spans: Vec<_> = leaf_spans(report).into_iter().map(Span::range).collect();
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
    Ok(spans)
}

/// Like [`check`], but only the characters inside `ranges` of `text` must be
/// covered (the text nodes of an HTML page).
pub fn check_ranges(
    text: &str,
    report: &Report,
    ranges: &[std::ops::Range<usize>],
) -> Result<(), LossError> {
    let spans = checked_spans(text, report)?;
    let mut ranges: Vec<_> = ranges.to_vec();
    ranges.sort_by_key(|r| (r.start, r.end));
    let is_space = crate::lines::is_space;
    // a text character covered twice
    let mut reach = 0usize;
    let mut ri = 0usize;
    for s in &spans {
        if s.start < reach {
            let (a, b) = (s.start, reach.min(s.end));
            while ri < ranges.len() && ranges[ri].end <= a {
                ri += 1;
            }
            let mut k = ri;
            while k < ranges.len() && ranges[k].start < b {
                let (x, y) = (ranges[k].start.max(a), ranges[k].end.min(b));
                if x < y
                    && let Some((i, ch)) = text
                        .get(x..y)
                        .and_then(|t| t.char_indices().find(|(_, c)| !is_space(*c)))
                {
                    return Err(LossError::Overlap { offset: x + i, ch });
                }
                k += 1;
            }
        }
        reach = reach.max(s.end);
    }
    // a text character covered by no span
    let mut si = 0usize;
    let mut covered_to = 0usize;
    for r in &ranges {
        let mut pos = r.start;
        while pos < r.end {
            while si < spans.len() && spans[si].start <= pos {
                covered_to = covered_to.max(spans[si].end);
                si += 1;
            }
            if pos < covered_to {
                pos = covered_to.min(r.end);
                continue;
            }
            let next = spans.get(si).map_or(r.end, |s| s.start.min(r.end));
            let gap = text.get(pos..next).unwrap_or("");
            if let Some((i, ch)) = gap.char_indices().find(|(_, c)| !is_space(*c)) {
                return Err(LossError::Lost {
                    offset: pos + i,
                    ch,
                });
            }
            pos = next;
        }
    }
    Ok(())
}
