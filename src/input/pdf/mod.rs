//! The PDF front end (feature `pdf`): a text-layer PDF read through its
//! glyph positions into the *extracted text* the line parser reads.
//!
//! The extracted text is the report's text in reading order, page by page:
//! one line per paragraph (lines of a paragraph joined, CJK without inserted
//! spaces, a paragraph continued on the next page joined too), each table
//! written as tab rows (see [`crate::grid::positions`]), page numbers and
//! running headers/footers as lines of their own after the text they
//! interrupt (nothing is dropped). Spans of a report read from a PDF are
//! offsets into this text, and carry the page ([`crate::Span::page`]).
//! `ogi parse --text report.pdf` prints it.
//!
//! The PDF is read with `lopdf`; text is decoded through each font's
//! `ToUnicode` map; CJK compatibility forms fonts map to (Kangxi radicals
//! such as `⼀` for `一`) are folded to the unified ideograph.

mod glyphs;

use std::ops::Range;

use crate::error::{Error, ErrorKind};
use crate::grid::positions::{self, BlockRow, Column, Line, Vertical};
use crate::grid::{Cell, Grid};

/// The text read out of a PDF.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The extracted text (what the line parser reads).
    pub text: String,
    /// For each line of `text`, its start offset and the 1-based page it
    /// comes from, in order.
    pub lines: Vec<(usize, u32)>,
    /// The tables read from glyph positions, their cells' spans in `text`.
    pub tables: Vec<Grid>,
    /// The number of pages.
    pub pages: u32,
}

impl Extracted {
    /// Parses the extracted text ([`crate::parse()`]) and sets the page of
    /// every span.
    pub fn parse(&self) -> Result<crate::Report, Error> {
        let mut r = crate::parse(&self.text)?;
        crate::model::visit::spans_mut(&mut r, &mut |s| s.page = self.page_at(s.start));
        Ok(r)
    }

    /// The 1-based page of the text at byte `offset`.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let i = self.lines.partition_point(|l| l.0 <= offset);
        self.lines.get(i.checked_sub(1)?).map(|l| l.1)
    }
}

fn error(kind: ErrorKind) -> Error {
    Error::without_position(kind)
}

/// Reads the text of a PDF. Errors: not a readable PDF
/// ([`ErrorKind::PdfMalformed`]), encrypted ([`ErrorKind::PdfEncrypted`]),
/// no text layer ([`ErrorKind::PdfNoText`]), too large.
pub fn extract(bytes: &[u8]) -> Result<Extracted, Error> {
    if bytes.len() > crate::decode::MAX_INPUT_BYTES {
        return Err(error(ErrorKind::TooLarge {
            len: bytes.len(),
            limit: crate::decode::MAX_INPUT_BYTES,
        }));
    }
    let doc = std::panic::catch_unwind(|| lopdf::Document::load_mem(bytes)).map_err(|_| {
        error(ErrorKind::PdfMalformed {
            reason: "the PDF reader gave up on this file".into(),
        })
    })?;
    let doc = match doc {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            if msg.to_ascii_lowercase().contains("decrypt")
                || msg.to_ascii_lowercase().contains("password")
            {
                return Err(error(ErrorKind::PdfEncrypted));
            }
            return Err(error(ErrorKind::PdfMalformed { reason: msg }));
        }
    };
    if doc.is_encrypted() {
        return Err(error(ErrorKind::PdfEncrypted));
    }
    let pages = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| glyphs::pages(&doc)))
        .map_err(|_| {
            error(ErrorKind::PdfMalformed {
                reason: "the PDF's content could not be read".into(),
            })
        })?;
    if pages.is_empty() {
        return Err(error(ErrorKind::PdfMalformed {
            reason: "the PDF has no pages".into(),
        }));
    }
    let glyph_count: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    let printable = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| {
            g.text
                .chars()
                .any(|c| !c.is_whitespace() && c != '\u{FFFD}')
        })
        .count();
    if glyph_count == 0 || printable * 2 < glyph_count {
        return Err(error(ErrorKind::PdfNoText {
            pages: pages.len() as u32,
        }));
    }
    Ok(layout(pages))
}

/// Folds CJK compatibility forms fonts map ideographs to (Kangxi radicals,
/// CJK radicals supplement, compatibility ideographs) to their NFKC form.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if !s.chars().any(needs_fold) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if needs_fold(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_fold(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2EFF | 0x2F00..=0x2FDF | 0xF900..=0xFAFF)
}

/// One thing on a page, in reading order.
#[derive(Debug)]
enum Item {
    Para {
        text: String,
        /// The last line reached the right margin (the paragraph may go on).
        open: bool,
        size: f64,
    },
    Line(String),
    Table {
        rows: Vec<BlockRow>,
        cols: Vec<Column>,
        labels: bool,
    },
}

struct PageItems {
    items: Vec<(Item, u32)>,
    furniture: Vec<String>,
    /// The first item continues the page before (no indent, same size).
    first_unindented: bool,
}

fn page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
    let t = t
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix('页'))
        .unwrap_or(t);
    let t = t.split(['/', '共']).next().unwrap_or(t);
    !t.is_empty() && t.len() <= 5 && t.chars().all(|c| c.is_ascii_digit())
}

fn layout(pages: Vec<glyphs::PageGlyphs>) -> Extracted {
    let n = pages.len();
    // running headers/footers: the same text in the top or bottom margin of several pages
    let mut page_lines: Vec<(Vec<Line>, Vec<Vertical>, f64)> = Vec::with_capacity(n);
    for p in pages {
        let mut glyphs = p.glyphs;
        for g in &mut glyphs {
            g.text = fold(&g.text);
        }
        let mut ls = positions::lines(&glyphs);
        let vs = if ls.len() <= MAX_TABLE_PAGE_LINES {
            positions::take_verticals(&mut ls)
        } else {
            Vec::new()
        };
        page_lines.push((ls, vs, p.size.1));
    }
    let margin_text = |l: &Line, h: f64| (l.y > h * 0.93 || l.y < h * 0.07).then(|| l.text(" "));
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for (ls, _, h) in &page_lines {
        for l in ls {
            if let Some(t) = margin_text(l, *h) {
                *counts.entry(t).or_default() += 1;
            }
        }
    }
    let mut per_page = Vec::with_capacity(n);
    for (i, (ls, vs, h)) in page_lines.into_iter().enumerate() {
        let page = i as u32 + 1;
        let mut furniture = Vec::new();
        let mut body = Vec::new();
        for l in ls {
            match margin_text(&l, h) {
                Some(t)
                    if page_number(&t) || (n >= 3 && counts.get(&t).copied().unwrap_or(0) >= 3) =>
                {
                    furniture.push(l.text("\t"))
                }
                _ => body.push(l),
            }
        }
        per_page.push(page_items(body, vs, page, furniture));
    }
    write(per_page)
}

/// Pages with more lines than this are read without table detection.
const MAX_TABLE_PAGE_LINES: usize = 3_000;

/// Splits a page's lines into paragraphs, lone lines and table blocks.
fn page_items(
    lines: Vec<Line>,
    verticals: Vec<Vertical>,
    page: u32,
    furniture: Vec<String>,
) -> PageItems {
    // a page of more lines than any report page is read as plain lines
    // (no tables), to keep the time linear
    let tables = lines.len() <= MAX_TABLE_PAGE_LINES;
    let numbered: Vec<bool> = lines
        .iter()
        .map(|l| tables && positions::is_number_row(l))
        .collect();
    // table blocks as line ranges
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !numbered[i] {
            i += 1;
            continue;
        }
        let size = lines[i].size().max(1.0);
        let mut start = i;
        // a wrapped label just above the first row
        while start > 0
            && !numbered[start - 1]
            && lines[start - 1].chunks.len() == 1
            && lines[start - 1].y - lines[i].y <= 1.2 * size
            && blocks.last().is_none_or(|b| b.end < start)
        {
            start -= 1;
        }
        let mut end = i + 1; // exclusive; last number row is end - 1
        let mut last = i;
        let mut j = i + 1;
        // where the figures begin: a line with text over them is a new header
        let first_figure = |l: &Line| {
            l.chunks
                .iter()
                .filter(|c| c.is_number())
                .map(|c| c.x0)
                .fold(f64::INFINITY, f64::min)
        };
        let mut figures_x = first_figure(&lines[i]);
        while j < lines.len() {
            if !numbered[j]
                && lines[j].chunks.len() >= 2
                && lines[j]
                    .chunks
                    .iter()
                    .any(|c| c.x1 > figures_x - 0.5 * size)
            {
                break;
            }
            if numbered[j] {
                figures_x = figures_x.min(first_figure(&lines[j]));
            }
            if lines[last].y - lines[j].y > 5.0 * size {
                break;
            }
            if numbered[j] {
                last = j;
                end = j + 1;
            }
            j += 1;
        }
        // trailing lines of a wrapped label just below the last row
        while end < lines.len()
            && !numbered[end]
            && lines[end].chunks.len() == 1
            && lines[last].y - lines[end].y <= 1.2 * size
        {
            end += 1;
        }
        blocks.push(start..end);
        i = end;
    }
    // margins of the running text
    let mut in_block = vec![false; lines.len()];
    let mut block_at: Vec<Option<Range<usize>>> = vec![None; lines.len()];
    for b in &blocks {
        in_block[b.clone()].iter_mut().for_each(|x| *x = true);
        block_at[b.start] = Some(b.clone());
    }
    let text_lines: Vec<&Line> = lines
        .iter()
        .enumerate()
        .filter(|(k, l)| !in_block[*k] && l.chunks.len() == 1)
        .map(|(_, l)| l)
        .collect();
    let left = text_lines
        .iter()
        .filter(|l| l.text("").chars().count() >= 8)
        .map(|l| l.x0())
        .fold(f64::INFINITY, f64::min);
    let right = text_lines
        .iter()
        .map(|l| l.x1())
        .fold(f64::NEG_INFINITY, f64::max);
    let mut items: Vec<(Item, u32)> = Vec::new();
    let mut prev: Option<&Line> = None;
    let mut first_unindented = false;
    let mut k = 0;
    let mut used_verticals = vec![false; verticals.len()];
    while k < lines.len() {
        if let Some(b) = block_at[k].clone() {
            let top = lines[b.start].y;
            let bottom = lines[b.end - 1].y;
            let size = lines[b.clone()].iter().map(Line::size).fold(0.0, f64::max);
            let mut vs: Vec<Vertical> = Vec::new();
            for (vi, v) in verticals.iter().enumerate() {
                if !used_verticals[vi]
                    && v.top >= bottom - 2.0 * size
                    && v.bottom <= top + 2.0 * size
                {
                    used_verticals[vi] = true;
                    vs.push(v.clone());
                }
            }
            let (rows, cols) = positions::read_block(&lines[b.clone()], &vs, &[]);
            let labels = rows
                .iter()
                .any(|r| matches!(r, BlockRow::Row { label, .. } if !label.is_empty()));
            items.push((Item::Table { rows, cols, labels }, page));
            prev = None;
            k = b.end;
            continue;
        }
        let l = &lines[k];
        let size = l.size().max(1.0);
        if l.chunks.len() > 1 {
            items.push((Item::Line(l.text("\t")), page));
            prev = None;
            k += 1;
            continue;
        }
        let text = l.text("");
        let indented = l.x0() > left + 0.8 * size;
        if items.is_empty() {
            first_unindented = !indented;
        }
        let joins = match (prev, items.last()) {
            (Some(p), Some((Item::Para { size: ps, .. }, _))) => {
                !indented
                    && p.x1() >= right - 1.5 * size
                    && (ps - size).abs() <= 0.15 * size
                    && p.y - l.y <= 2.5 * size
            }
            _ => false,
        };
        let open = l.x1() >= right - 1.5 * size;
        if joins
            && let Some((
                Item::Para {
                    text: t, open: o, ..
                },
                _,
            )) = items.last_mut()
        {
            join_text(t, &text);
            *o = open;
        } else {
            items.push((Item::Para { text, open, size }, page));
        }
        prev = Some(l);
        k += 1;
    }
    for (vi, v) in verticals.iter().enumerate() {
        if !used_verticals[vi] {
            items.push((Item::Line(v.text.clone()), page));
        }
    }
    PageItems {
        items,
        furniture,
        first_unindented,
    }
}

fn join_text(t: &mut String, next: &str) {
    let a = t.chars().last();
    let b = next.chars().next();
    if a.is_some_and(|c| c.is_ascii_alphanumeric() || c == ',' || c == '.' || c == ';')
        && b.is_some_and(|c| c.is_ascii_alphanumeric())
        && !a.is_some_and(|c| c.is_ascii_digit() && b.is_some_and(|d| d.is_ascii_digit()))
    {
        t.push(' ');
    }
    t.push_str(next);
}

/// Joins the pages' items (a paragraph or table continued on the next page
/// is one) and writes the extracted text.
fn write(pages: Vec<PageItems>) -> Extracted {
    let total = pages.len() as u32;
    let mut items: Vec<(Item, u32)> = Vec::new();
    let mut pending: Vec<(String, u32)> = Vec::new();
    for (pi, p) in pages.into_iter().enumerate() {
        let page = pi as u32 + 1;
        let mut it = p.items.into_iter();
        if let Some(first) = it.next() {
            let merged = match (items.last_mut(), first) {
                (
                    Some((
                        Item::Para {
                            text,
                            open: true,
                            size,
                            ..
                        },
                        _,
                    )),
                    (
                        Item::Para {
                            text: t2,
                            open: o2,
                            size: s2,
                        },
                        pg,
                    ),
                ) if p.first_unindented && (*size - s2).abs() <= 0.15 * s2 => {
                    join_text(text, &t2);
                    let _ = pg;
                    if let Some((Item::Para { open, .. }, _)) = items.last_mut() {
                        *open = o2;
                    }
                    None
                }
                (
                    Some((Item::Table { rows, cols, labels }, _)),
                    (
                        Item::Table {
                            rows: r2,
                            cols: c2,
                            labels: l2,
                        },
                        _,
                    ),
                ) if *labels == l2 && !r2.is_empty() => {
                    // one table: the columns of both parts
                    let mut all = cols.clone();
                    all.extend(c2);
                    *cols = positions::columns(all, 1.0);
                    rows.extend(r2);
                    None
                }
                (_, first) => Some(first),
            };
            if let Some(first) = merged {
                items.extend(pending.drain(..).map(|(t, pg)| (Item::Line(t), pg)));
                items.push(first);
            }
        }
        for x in it {
            items.extend(pending.drain(..).map(|(t, pg)| (Item::Line(t), pg)));
            items.push(x);
        }
        pending.extend(p.furniture.into_iter().map(|f| (f, page)));
    }
    items.extend(pending.drain(..).map(|(t, pg)| (Item::Line(t), pg)));
    let mut out = Extracted {
        pages: total,
        ..Extracted::default()
    };
    for (item, page) in items {
        match item {
            Item::Para { text, .. } | Item::Line(text) => {
                out.lines.push((out.text.len(), page));
                out.text.push_str(&text);
                out.text.push('\n');
            }
            Item::Table { rows, labels, .. } => {
                let mut g = Grid::new();
                for r in rows {
                    g.push_row(match r {
                        BlockRow::Group(t) | BlockRow::Text(t) => vec![Cell::new(t, 0..0)],
                        BlockRow::Row { label, cells } => {
                            let mut row = Vec::with_capacity(cells.len() + 1);
                            if labels {
                                row.push(Cell::new(label, 0..0));
                            }
                            row.extend(cells.into_iter().map(|c| match c {
                                Some(t) => Cell::new(t, 0..0),
                                None => Cell::empty(0),
                            }));
                            row
                        }
                    });
                }
                let tab = g.to_tab_text();
                let base = out.text.len();
                let mut fixed = Grid::new();
                for (ri, (row, ranges)) in g.rows().iter().zip(&tab.cells).enumerate() {
                    let _ = ri;
                    let start = base + ranges.first().map_or(0, |r| r.start);
                    out.lines.push((start, page));
                    fixed.push_row(
                        row.iter()
                            .zip(ranges)
                            .map(|(c, r)| Cell::new(c.text.clone(), base + r.start..base + r.end))
                            .collect(),
                    );
                }
                out.text.push_str(&tab.text);
                out.tables.push(fixed);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_kangxi_radicals() {
        assert_eq!(fold("⼀⼆⼈"), "一二人");
        assert_eq!(fold("abc"), "abc");
    }

    #[test]
    fn page_numbers() {
        assert!(page_number("- 3 -"));
        assert!(page_number("—12—"));
        assert!(page_number("第 2 页"));
        assert!(!page_number("2023 年"));
    }
}
