//! Space-aligned text (`pdftotext -layout`): columns come from character
//! positions on the page, measured in display columns (a CJK character is
//! two columns wide), not from counting spaces.
//!
//! Each line is cut into chunks at gaps of two or more display columns of
//! white space (one space stays inside a chunk: `本年 新收`). The columns are
//! the merged display intervals of the chunks of the fullest rows (those
//! with the most chunks); every chunk of every row then goes to the column
//! it overlaps most (or the nearest one). A column a row has nothing in is
//! an empty cell; two chunks of a row in one column are glued.
//!
//! ```
//! use ogi_report::grid::columns;
//! let g = columns::build([
//!     (0, "信息内容      制发  废止"),
//!     (40, "规章             3     0"),
//!     (80, "规范性文件             1"),
//! ]);
//! assert_eq!(g.width(), 3);
//! assert_eq!(g.rows()[2][1].text, "");
//! assert_eq!(g.rows()[2][2].text, "1");
//! ```

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::{Cell, Grid, Layout};
use crate::lines::is_space;

/// A run of text between gaps: byte range and display-column range.
#[derive(Debug, Clone)]
struct Chunk {
    bytes: Range<usize>,
    cols: Range<usize>,
}

/// Cuts a line (found at byte `start`) at gaps of two or more display
/// columns of white space.
fn chunks(start: usize, raw: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut col = 0usize;
    // the open chunk and the width of the white space after it
    let mut open: Option<Chunk> = None;
    let mut gap = 0usize;
    for (i, c) in raw.char_indices() {
        let w = if c == '\t' { 2 } else { c.width().unwrap_or(0) };
        if is_space(c) {
            gap += w.max(1);
        } else {
            match open.as_mut() {
                Some(ch) if gap < 2 => {
                    ch.bytes.end = start + i + c.len_utf8();
                    ch.cols.end = col + w;
                }
                _ => {
                    out.extend(open.take());
                    open = Some(Chunk {
                        bytes: start + i..start + i + c.len_utf8(),
                        cols: col..col + w,
                    });
                }
            }
            gap = 0;
        }
        col += w;
    }
    out.extend(open);
    out
}

/// The merged display intervals of `rows`' chunks.
fn column_intervals(rows: &[&Vec<Chunk>]) -> Vec<Range<usize>> {
    let mut iv: Vec<Range<usize>> = rows
        .iter()
        .flat_map(|r| r.iter().map(|c| c.cols.clone()))
        .collect();
    iv.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in iv {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The column a chunk belongs to: most overlap, else the nearest.
fn column_of(cols: &[Range<usize>], c: &Range<usize>) -> usize {
    let overlap = |k: &Range<usize>| c.end.min(k.end).saturating_sub(c.start.max(k.start));
    let dist = |k: &Range<usize>| {
        if c.end <= k.start {
            k.start - c.end
        } else {
            c.start.saturating_sub(k.end)
        }
    };
    let best = (0..cols.len()).max_by_key(|&i| (overlap(&cols[i]), usize::MAX - dist(&cols[i])));
    best.unwrap_or(0)
}

/// A grid from space-aligned lines given as (byte offset, text); blank
/// lines are skipped.
pub fn build<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let rows: Vec<(usize, &str, Vec<Chunk>)> = lines
        .into_iter()
        .map(|(s, r)| (s, r, chunks(s, r)))
        .filter(|(_, _, c)| !c.is_empty())
        .collect();
    let most = rows.iter().map(|r| r.2.len()).max().unwrap_or(0);
    let full: Vec<&Vec<Chunk>> = rows
        .iter()
        .filter(|r| r.2.len() == most)
        .map(|r| &r.2)
        .collect();
    let cols = column_intervals(&full);
    let mut g = Grid::new();
    g.set_layout(Layout::Columns);
    for (start, raw, chunks) in &rows {
        let mut cells: Vec<Vec<&Chunk>> = vec![Vec::new(); cols.len()];
        for c in chunks {
            cells[column_of(&cols, &c.cols)].push(c);
        }
        let mut at = *start + raw.len() - raw.trim_start_matches(is_space).len();
        let mut row = Vec::with_capacity(cols.len());
        for parts in cells {
            let text_of = |c: &Chunk| &raw[c.bytes.start - start..c.bytes.end - start];
            row.push(match parts.as_slice() {
                [] => Cell::empty(at),
                [one] => Cell::new(text_of(one), one.bytes.clone()),
                many => {
                    let text = many
                        .iter()
                        .map(|c| text_of(c))
                        .collect::<Vec<_>>()
                        .join(" ");
                    Cell::glued(text, many.iter().map(|c| c.bytes.clone()).collect())
                }
            });
            if let Some(last) = parts.last() {
                at = last.bytes.end;
            }
        }
        g.push_row(row);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Origin;

    fn texts(g: &Grid) -> Vec<Vec<&str>> {
        g.rows()
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn columns_from_display_positions() {
        // CJK characters are two columns wide: `规章` ends at column 4
        let g = build([
            (0, "申请人        自然人   法人"),
            (100, "本年新收          12      3"),
            (200, "上年结转                  1"),
        ]);
        assert_eq!(
            texts(&g),
            vec![
                vec!["申请人", "自然人", "法人"],
                vec!["本年新收", "12", "3"],
                vec!["上年结转", "", "1"]
            ]
        );
        assert_eq!(g.rows()[2][1].span, Some(212..212));
        assert_eq!(g.layout(), Layout::Columns);
    }

    #[test]
    fn one_space_stays_in_a_cell_and_two_chunks_glue() {
        let g = build([
            (0, "a b defgh    1    2"),
            (20, "c            3    4"),
            (40, "d e  f            5"),
        ]);
        assert_eq!(texts(&g)[0], vec!["a b defgh", "1", "2"]);
        let r = &g.rows()[2];
        assert_eq!(r[0].text, "d e f");
        assert_eq!(r[0].origin, Origin::Glued { parts: 2 });
        assert_eq!(r[1].text, "");
        assert_eq!(r[2].text, "5");
    }
}
