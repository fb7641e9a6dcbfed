//! One page's lines into items in reading order: paragraphs, lone lines
//! and table blocks (with their header lines and the page's rules as
//! hints for the columns).

use std::ops::Range;

use crate::grid::positions::{self, BlockRow, Column, Hints, Line, Vertical, VerticalRules};

/// Pages with more lines than this are read without table detection.
pub(super) const MAX_TABLE_PAGE_LINES: usize = 3_000;

/// At most this many lines above a table block are read as its header.
const MAX_HEADER_LINES: usize = 16;

/// One thing on a page, in reading order.
#[derive(Debug)]
pub(super) enum Item {
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

/// A page's items, its page furniture, and whether its first item goes on
/// from the page before.
pub(super) struct PageItems {
    pub(super) items: Vec<(Item, u32)>,
    pub(super) furniture: Vec<String>,
    /// The first item continues the page before (no indent, same size).
    pub(super) first_unindented: bool,
}

/// A page's body as read: its lines, vertical labels and rules.
pub(super) struct PageBody {
    pub(super) lines: Vec<Line>,
    pub(super) verticals: Vec<Vertical>,
    pub(super) rules: VerticalRules,
}

/// Where the figures of a line begin.
fn first_figure(l: &Line) -> f64 {
    l.chunks
        .iter()
        .filter(|c| c.is_number())
        .map(|c| c.x0)
        .fold(f64::INFINITY, f64::min)
}

/// The table block whose first number row is line `i`: from a wrapped label
/// just above it to the last number row that follows closely (and the
/// wrapped label lines just below). `floor`: the end of the previous block.
fn block_at(lines: &[Line], numbered: &[bool], i: usize, floor: usize) -> Range<usize> {
    let size = lines[i].size().max(1.0);
    let mut start = i;
    // a wrapped label just above the first row
    while start > floor
        && !numbered[start - 1]
        && lines[start - 1].chunks.len() == 1
        && lines[start - 1].y - lines[i].y <= 1.2 * size
    {
        start -= 1;
    }
    let mut end = i + 1; // exclusive; last number row is end - 1
    let mut last = i;
    // where the figures begin: a line with text over them is a new header
    let mut figures_x = first_figure(&lines[i]);
    for (j, l) in lines.iter().enumerate().skip(i + 1) {
        if !numbered[j]
            && l.chunks.len() >= 2
            && l.chunks.iter().any(|c| c.x1 > figures_x - 0.5 * size)
        {
            break;
        }
        if lines[last].y - l.y > 5.0 * size {
            break;
        }
        if numbered[j] {
            figures_x = figures_x.min(first_figure(l));
            last = j;
            end = j + 1;
        }
    }
    // trailing lines of a wrapped label just below the last row
    while end < lines.len()
        && !numbered[end]
        && lines[end].chunks.len() == 1
        && lines[last].y - lines[end].y <= 1.2 * size
    {
        end += 1;
    }
    start..end
}

/// The table blocks of a page, as line ranges.
fn blocks(lines: &[Line], numbered: &[bool]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !numbered[i] {
            i += 1;
            continue;
        }
        let b = block_at(lines, numbered, i, out.last().map_or(0, |b| b.end));
        i = b.end;
        out.push(b);
    }
    out
}

/// The header lines of the block starting at line `start`: the lines just
/// above it (down to `floor`, the end of the block before), each at most
/// four font sizes above the next, none in a larger font than the table's.
fn header_of(lines: &[Line], start: usize, floor: usize) -> Range<usize> {
    let Some(first) = lines.get(start) else {
        return start..start;
    };
    let size = first.size().max(1.0);
    let mut h = start;
    let mut below = first.y;
    while h > floor && start - h < MAX_HEADER_LINES {
        let l = &lines[h - 1];
        if l.y - below > 4.0 * size || l.size() > 1.3 * size {
            break;
        }
        h -= 1;
        below = l.y;
    }
    h..start
}

/// The left margin of the running text and its right edge.
fn text_margins(lines: &[Line], in_block: &[bool]) -> (f64, f64) {
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
    (left, right)
}

/// Splits a page's lines into paragraphs, lone lines and table blocks.
/// `seed`: the columns of the table that ends the page before, for a block
/// that opens this page (the same table going on).
pub(super) fn page_items(
    body: PageBody,
    page: u32,
    furniture: Vec<String>,
    seed: Option<&[Column]>,
) -> PageItems {
    let PageBody {
        lines,
        verticals,
        rules,
    } = body;
    // a page of more lines than any report page is read as plain lines
    // (no tables), to keep the time linear
    let tables = lines.len() <= MAX_TABLE_PAGE_LINES;
    let numbered: Vec<bool> = lines
        .iter()
        .map(|l| tables && positions::is_number_row(l))
        .collect();
    let blocks = blocks(&lines, &numbered);
    let mut in_block = vec![false; lines.len()];
    let mut block_at: Vec<Option<(Range<usize>, Range<usize>)>> = vec![None; lines.len()];
    let mut floor = 0;
    for b in &blocks {
        in_block[b.clone()].iter_mut().for_each(|x| *x = true);
        block_at[b.start] = Some((b.clone(), header_of(&lines, b.start, floor)));
        floor = b.end;
    }
    let margins = text_margins(&lines, &in_block);
    let mut page = Page {
        items: Vec::new(),
        prev: None,
        first_unindented: false,
        page,
        margins,
    };
    let mut used_verticals = vec![false; verticals.len()];
    // the columns of the table part above: the page before's, then each block's
    let mut above: Option<(usize, Vec<Column>)> = seed.map(|s| (0, s.to_vec()));
    let mut k = 0;
    while k < lines.len() {
        if let Some((b, header)) = block_at[k].clone() {
            let vs = verticals_beside(&lines[b.clone()], &verticals, &mut used_verticals);
            let hints = Hints {
                header: &lines[header],
                rules: Some(&rules),
            };
            let seed = match &above {
                Some((end, cols)) if goes_on(&lines, *end, b.start) => cols.as_slice(),
                _ => &[],
            };
            let cols = page.table(&lines[b.clone()], &vs, seed, &hints);
            above = Some((b.end, cols));
            k = b.end;
            continue;
        }
        page.line(&lines[k]);
        k += 1;
    }
    for (vi, v) in verticals.iter().enumerate() {
        if !used_verticals[vi] {
            page.items.push((Item::Line(v.text.clone()), page.page));
        }
    }
    PageItems {
        items: page.items,
        furniture,
        first_unindented: page.first_unindented,
    }
}

/// True when a block starting at line `start` goes on from the table part
/// ending at line `end` (exclusive; 0 for the page before): a few lines
/// apart, not far below it.
fn goes_on(lines: &[Line], end: usize, start: usize) -> bool {
    if end == 0 {
        return start == 0;
    }
    let (Some(last), Some(first)) = (lines.get(end - 1), lines.get(start)) else {
        return false;
    };
    start >= end && start - end <= 6 && last.y - first.y <= 10.0 * first.size().max(1.0)
}

/// The vertical labels beside a block (not taken by a block before).
fn verticals_beside(block: &[Line], verticals: &[Vertical], used: &mut [bool]) -> Vec<Vertical> {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return Vec::new();
    };
    let (top, bottom) = (first.y, last.y);
    let size = block.iter().map(Line::size).fold(0.0, f64::max);
    let mut vs: Vec<Vertical> = Vec::new();
    for (vi, v) in verticals.iter().enumerate() {
        if !used[vi] && v.top >= bottom - 2.0 * size && v.bottom <= top + 2.0 * size {
            used[vi] = true;
            vs.push(v.clone());
        }
    }
    vs
}

/// A page's items being gathered.
struct Page<'a> {
    items: Vec<(Item, u32)>,
    /// The line before, when it was part of a paragraph.
    prev: Option<&'a Line>,
    first_unindented: bool,
    page: u32,
    /// The running text's left margin and right edge.
    margins: (f64, f64),
}

impl<'a> Page<'a> {
    /// A table block; returns its columns.
    fn table(
        &mut self,
        block: &[Line],
        vs: &[Vertical],
        seed: &[Column],
        hints: &Hints<'_>,
    ) -> Vec<Column> {
        let (rows, cols) = positions::read_block_with(block, vs, seed, hints);
        let labels = rows
            .iter()
            .any(|r| matches!(r, BlockRow::Row { label, .. } if !label.is_empty()));
        self.items.push((
            Item::Table {
                rows,
                cols: cols.clone(),
                labels,
            },
            self.page,
        ));
        self.prev = None;
        cols
    }

    /// A line outside the tables: a lone line (several chunks) or part of
    /// a paragraph.
    fn line(&mut self, l: &'a Line) {
        let (left, right) = self.margins;
        let size = l.size().max(1.0);
        if l.chunks.len() > 1 {
            self.items.push((Item::Line(l.text("\t")), self.page));
            self.prev = None;
            return;
        }
        let text = l.text("");
        let indented = l.x0() > left + 0.8 * size;
        if self.items.is_empty() {
            self.first_unindented = !indented;
        }
        let joins = match (self.prev, self.items.last()) {
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
            )) = self.items.last_mut()
        {
            join_text(t, &text);
            *o = open;
        } else {
            self.items
                .push((Item::Para { text, open, size }, self.page));
        }
        self.prev = Some(l);
    }
}

/// Appends the next line of a paragraph (a space only between Latin words).
pub(super) fn join_text(t: &mut String, next: &str) {
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
