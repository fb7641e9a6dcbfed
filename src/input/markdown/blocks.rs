//! The source as blocks: lines, and tables whose fragments (cut by page
//! numbers, captions, a repeated header) are joined into one.

use crate::grid::Grid;
use crate::lines::is_space;

use super::cells::{RawCell, RawRow, cell_lines, row_cells};
use super::lines::{Kind, SrcLine, trim};
use super::normalise::normalise;

pub(super) enum Block {
    Line(usize),
    Table(TableBlock),
}

pub(super) struct TableBlock {
    pub(super) grid: Grid,
    /// For each grid row, the source line it was read from (its pipes are
    /// layout written around it); `None` for rows the builder assembled.
    pub(super) rows_src: Vec<Option<SrcLine>>,
    /// Page-number lines that interrupted the table, written between its
    /// rows where they stand.
    pub(super) furniture: Vec<usize>,
}

/// The source as blocks, in order: each line outside a table, each table.
pub(super) fn blocks(source: &str, lines: &[SrcLine], kinds: &[Kind]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if kinds[i] != Kind::Pipe {
            out.push(Block::Line(i));
            i += 1;
            continue;
        }
        let (rows, furniture, j) = joined_rows(source, lines, kinds, i);
        // a table with no text at all is read as lines
        if rows.iter().all(|r| r.cells.iter().all(RawCell::is_empty)) {
            out.extend((i..j).map(Block::Line));
        } else {
            let (grid, rows_src) = normalise(source, rows);
            out.push(Block::Table(TableBlock {
                grid,
                rows_src,
                furniture,
            }));
        }
        i = j;
    }
    out
}

/// The rows of the table whose first pipe row is line `i`: pipe rows and
/// separators, continued over the furniture between fragments. Also the
/// page-number lines inside it, and the line after it.
fn joined_rows(
    source: &str,
    lines: &[SrcLine],
    kinds: &[Kind],
    i: usize,
) -> (Vec<RawRow>, Vec<usize>, usize) {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut furniture = Vec::new();
    let mut j = i;
    let mut width = 0usize;
    let mut after_page = false;
    loop {
        if j < lines.len() && matches!(kinds[j], Kind::Pipe | Kind::Separator) {
            // a separator row: layout
            if kinds[j] == Kind::Pipe {
                let cells = row_cells(source, lines[j]);
                width = width.max(cells.len());
                rows.push(RawRow {
                    cells,
                    line: lines[j],
                    caption: false,
                    after_page: std::mem::take(&mut after_page),
                });
            }
            j += 1;
            continue;
        }
        let (pending, k) = between_fragments(source, lines, kinds, j);
        let next_is_table = k < lines.len() && kinds[k] == Kind::Pipe;
        if !next_is_table || k == j {
            break;
        }
        let next = row_cells(source, lines[k]);
        let has_heading = pending
            .iter()
            .any(|&p| matches!(kinds[p], Kind::Heading(_)));
        // a heading continues the table only before a fragment as wide
        // as the one before it (a section's table has other columns);
        // so do blank lines alone
        let page_or_caption = pending.iter().any(|&p| kinds[p] != Kind::Blank);
        if (has_heading || !page_or_caption) && next.len() != width {
            break;
        }
        width = 0;
        for &p in &pending {
            match kinds[p] {
                Kind::Page => {
                    furniture.push(p);
                    after_page = true;
                }
                Kind::Heading(n) => rows.push(caption_row(source, lines[p], n)),
                _ => rows.push(caption_row(source, lines[p], 0)),
            }
        }
        j = k;
    }
    (rows, furniture, j)
}

/// The lines from `j` that may stand between two fragments of a table:
/// blank, page-number, caption and heading lines. The ones that are not
/// blank, and the line after them.
fn between_fragments(
    source: &str,
    lines: &[SrcLine],
    kinds: &[Kind],
    j: usize,
) -> (Vec<usize>, usize) {
    let mut pending: Vec<usize> = Vec::new();
    let mut k = j;
    while k < lines.len()
        && match kinds[k] {
            Kind::Blank | Kind::Page => true,
            Kind::Text => is_caption(trim(lines[k].text(source))),
            Kind::Heading(n) => is_caption(trim(&lines[k].text(source)[n..])),
            _ => false,
        }
    {
        if !matches!(kinds[k], Kind::Blank) {
            pending.push(k);
        }
        k += 1;
    }
    (pending, k)
}

/// A short line between two fragments of a table (a caption such as
/// `第二十条第（六）项`, a group label): no sentence, at most 30 characters.
pub(super) fn is_caption(t: &str) -> bool {
    !t.is_empty()
        && t.chars().count() <= 30
        && !t.contains(['。', '；', '|'])
        && !t.ends_with(['：', ':'])
}

pub(super) fn caption_row(source: &str, line: SrcLine, marks: usize) -> RawRow {
    let a = line.start + marks;
    let body = &source[a..line.end];
    let a2 = a + (body.len() - body.trim_start_matches(is_space).len());
    let b2 = a + body.trim_end_matches(is_space).len();
    let range = a2..b2.max(a2);
    RawRow {
        cells: vec![RawCell {
            lines: cell_lines(source, range.clone()),
            range,
        }],
        line,
        caption: true,
        after_page: false,
    }
}
