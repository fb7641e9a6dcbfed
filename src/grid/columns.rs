//! Space-aligned text (`pdftotext -layout`): columns come from character
//! positions on the page, not from counting spaces.
//!
//! A position is a character index on the line: `pdftotext -layout` puts
//! each character, a CJK one included, in one cell of its character grid,
//! so a figure of one column starts (or ends) near the same index on every
//! row, whatever the width of the label before it.
//!
//! Each line is cut into chunks at gaps of two or more white-space
//! characters (one space stays inside a chunk: `本年 新收`). The columns are
//! the merged position intervals of the chunks of the fullest rows (those
//! with the most chunks); two neighbouring intervals that no fullest row
//! fills both of are one column written at two indents (a group label and
//! an item label). Every chunk of every row then goes to the column it
//! overlaps most (or the nearest one). A column a row has nothing in is an
//! empty cell at its place; two chunks of a row in one column are one
//! [`Origin::Glued`](super::Origin::Glued) cell whose text is the line
//! from the first to the last (so a cell's text is always the text at its
//! span).
//!
//! A table continued on the next page is laid out again there: cut the
//! lines at page breaks and build each part with [`push_rows`] (the text
//! path does; [`build`] reads all lines as one part).
//!
//! ```
//! use ogi_report::grid::columns;
//! let g = columns::build([
//!     (0, "信息内容   制发    废止"),
//!     (40, "规章         3       0"),
//!     (80, "规范性文件           1"),
//! ]);
//! assert_eq!(g.width(), 3);
//! assert_eq!(g.rows()[2][1].text, "");
//! assert_eq!(g.rows()[2][2].text, "1");
//! ```

use std::ops::Range;

use super::scan::{self, GAP, Word};
use super::{Cell, Grid, Layout, RowKind};

/// A run of words between gaps: byte range (in the source) and position
/// range (character indices on its line).
type Chunk = Word;

/// Appends the chunks of a line's words to `out`: words closer than
/// [`GAP`] white-space characters are one chunk.
fn chunks_into(words: &[Word], out: &mut Vec<Chunk>) {
    let mut open: Option<Chunk> = None;
    for w in words {
        match open.as_mut() {
            Some(c) if w.cols.start - c.cols.end < GAP => {
                c.bytes.end = w.bytes.end;
                c.cols.end = w.cols.end;
            }
            _ => {
                out.extend(open.take());
                open = Some(w.clone());
            }
        }
    }
    out.extend(open);
}

/// The column a chunk belongs to, at `from` or right of it: most
/// overlap, else the nearest (the leftmost of equals). The columns are
/// sorted and apart, so the walk stops at the first column past the chunk.
///
/// Most chunks lie inside a column: the first column (at `from` or right
/// of it) that ends past the chunk's start. The columns are apart, so no
/// other column overlaps such a chunk, and that column, which overlaps it
/// whole, is the one [`column_walk`] finds; it is found by the ends alone
/// (proptest `column_of_is_the_walk`).
fn column_of(cols: &[Range<usize>], c: &Range<usize>, from: usize) -> usize {
    let first = from.min(cols.len().saturating_sub(1));
    if let Some(k) = cols
        .get(first..)
        .and_then(|r| r.iter().position(|k| k.end > c.start))
    {
        let k = first + k;
        if cols[k].start <= c.start && c.end <= cols[k].end && c.start < c.end {
            return k;
        }
    }
    column_walk(cols, c, from)
}

/// [`column_of`] by the overlap and the distance of each column from
/// `from` on.
fn column_walk(cols: &[Range<usize>], c: &Range<usize>, from: usize) -> usize {
    let overlap = |k: &Range<usize>| c.end.min(k.end).saturating_sub(c.start.max(k.start));
    let dist = |k: &Range<usize>| {
        if c.end <= k.start {
            k.start - c.end
        } else {
            c.start.saturating_sub(k.end)
        }
    };
    let mut best = from.min(cols.len().saturating_sub(1));
    let mut key = cols
        .get(best)
        .map(|b| (overlap(b), std::cmp::Reverse(dist(b))));
    for (i, k) in cols.iter().enumerate().skip(best + 1) {
        let kk = (overlap(k), std::cmp::Reverse(dist(k)));
        if Some(kk) > key {
            best = i;
            key = Some(kk);
        }
        if k.start >= c.end {
            break;
        }
    }
    best
}

/// The columns of a part: the merged intervals of its fullest rows'
/// chunks, neighbours that no fullest row fills both of merged.
fn columns(chunks: &[Chunk], rows: &[Row]) -> Vec<Range<usize>> {
    let most = rows.iter().map(|r| r.chunks.len()).max().unwrap_or(0);
    let full = || rows.iter().filter(|r| r.chunks.len() == most);
    // (made at its size: a `collect` of a `flat_map` grows the list by
    // copying)
    let mut iv: Vec<Range<usize>> = Vec::with_capacity(full().count() * most);
    // (a row's chunks at a time: an extend from a slice's iterator, of
    // known length, writes them in a tight loop, where one from a
    // `flat_map` checks the room for each)
    for r in full() {
        iv.extend(chunks[r.chunks.clone()].iter().map(|c| c.cols.clone()));
    }
    iv.sort_unstable_by_key(|r| r.start);
    let mut cols: Vec<Range<usize>> = Vec::with_capacity(most);
    for r in iv {
        match cols.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => cols.push(r),
        }
    }
    if cols.len() <= most {
        return cols;
    }
    // which columns each fullest row fills, as bits (columns past 128 are
    // never merged)
    let mut filled: Vec<u128> = Vec::with_capacity(full().count());
    filled.extend(full().map(|r| {
        // left to right: each walk starts at the last column found
        let mut k = 0;
        let mut m = 0u128;
        for c in &chunks[r.chunks.clone()] {
            k = column_of(&cols, &c.cols, k);
            if k < 128 {
                m |= 1 << k;
            }
        }
        m
    }));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(most);
    // the bits of the columns merged into the last output column
    let mut acc = 0u128;
    for (k, c) in cols.into_iter().enumerate() {
        let bit = if k < 128 { 1u128 << k } else { 0 };
        let apart = bit != 0 && acc != 0 && filled.iter().all(|f| f & acc == 0 || f & bit == 0);
        match out.last_mut() {
            Some(last) if apart => {
                last.end = c.end;
                acc |= bit;
            }
            _ => {
                out.push(c);
                acc = bit;
            }
        }
    }
    out
}

/// A line of a part: where it is and its chunks (a range of the part's
/// chunk list).
struct Row<'a> {
    start: usize,
    raw: &'a str,
    chunks: Range<usize>,
}

/// Appends the rows of one part of a space-aligned table (the lines of one
/// page, given as (byte offset, text)) to `g`, its columns found from these
/// lines alone; blank lines are skipped.
pub fn push_rows<'a>(g: &mut Grid, lines: impl IntoIterator<Item = (usize, &'a str)>) {
    let mut words = Vec::new();
    let mut scanned = Vec::new();
    for (start, raw) in lines {
        let from = words.len();
        if scan::line(start, raw, &mut words).is_some() {
            scanned.push((start, raw, from..words.len()));
        }
    }
    push_scanned(g, &words, scanned.into_iter());
}

/// [`push_rows`] for lines already scanned: each line's offset, text and
/// its words (a range of `words`).
pub(crate) fn push_scanned<'a>(
    g: &mut Grid,
    words: &[Word],
    lines: impl Iterator<Item = (usize, &'a str, Range<usize>)>,
) {
    // (a chunk per word at most, a row per line: the lists are made once
    // at a size they never outgrow, not grown by copying)
    let mut chunks: Vec<Chunk> = Vec::with_capacity(words.len());
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(lines.size_hint().0);
    for (start, raw, w) in lines {
        let from = chunks.len();
        chunks_into(&words[w], &mut chunks);
        if chunks.len() > from {
            rows.push(Row {
                start,
                raw,
                chunks: from..chunks.len(),
            });
        }
    }
    let cols = columns(&chunks, &rows);
    // rows × columns cells must stay in proportion to the text: lines that
    // do not line up (each row's chunks in columns of their own) are read
    // chunk by chunk, with no empty cells
    let aligned = rows.len().saturating_mul(cols.len()) <= 4 * chunks.len() + 1024;
    for r in &rows {
        let mine = &chunks[r.chunks.clone()];
        let text = |s: usize, e: usize| &r.raw[s - r.start..e - r.start];
        // the row's span: from its first chunk to its last (its empty
        // cells sit between them or at their ends)
        let span = Some(mine[0].bytes.start..mine[mine.len() - 1].bytes.end);
        if !aligned {
            let mut row = super::pool::row(mine.len());
            row.extend(
                mine.iter()
                    .map(|c| Cell::new(text(c.bytes.start, c.bytes.end), c.bytes.clone())),
            );
            g.push_row_spanning(RowKind::Cells, row, span);
            continue;
        }
        let mut row = super::pool::row(cols.len());
        // where an empty cell sits: after the text before it
        let mut at = mine[0].bytes.start;
        // a chunk never goes left of the one before it
        let mut k = column_of(&cols, &mine[0].cols, 0);
        let mut i = 0;
        while i < mine.len() {
            // the chunks of column k: mine[i..j]
            let mut j = i + 1;
            let mut next = k;
            while j < mine.len() {
                next = column_of(&cols, &mine[j].cols, k);
                if next != k {
                    break;
                }
                j += 1;
            }
            while row.len() < k {
                row.push(Cell::empty(at));
            }
            row.push(match &mine[i..j] {
                [one] => Cell::new(text(one.bytes.start, one.bytes.end), one.bytes.clone()),
                many => {
                    let (s, e) = (many[0].bytes.start, many[many.len() - 1].bytes.end);
                    Cell::glued(text(s, e), many.iter().map(|c| c.bytes.clone()).collect())
                }
            });
            at = mine[j - 1].bytes.end;
            (i, k) = (j, next);
        }
        while row.len() < cols.len() {
            row.push(Cell::empty(at));
        }
        g.push_row_spanning(RowKind::Cells, row, span);
    }
}

/// A grid from space-aligned lines given as (byte offset, text), read as
/// one part; blank lines are skipped.
pub fn build<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let mut g = Grid::new();
    g.set_layout(Layout::Columns);
    push_rows(&mut g, lines);
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

    /// A line with each text at its character position.
    fn line(parts: &[(usize, &str)]) -> String {
        let mut s = String::new();
        for (at, t) in parts {
            let n = s.chars().count();
            assert!(*at >= n + 2 || s.is_empty(), "{parts:?}");
            s.extend(std::iter::repeat_n(' ', at - n));
            s.push_str(t);
        }
        s
    }

    fn grid(lines: &[String]) -> Grid {
        let mut at = 0;
        build(lines.iter().map(|l| {
            let s = at;
            at += l.len() + 1;
            (s, l.as_str())
        }))
    }

    #[test]
    fn columns_from_character_positions() {
        // a CJK character is one position, as in pdftotext's grid: `12`
        // sits under `自然人` although the labels before it differ in width
        let g = build([
            (0, "申请人      自然人   法人"),
            (100, "本年新收     12        3"),
            (200, "上年结转申请             1"),
        ]);
        assert_eq!(
            texts(&g),
            vec![
                vec!["申请人", "自然人", "法人"],
                vec!["本年新收", "12", "3"],
                vec!["上年结转申请", "", "1"]
            ]
        );
        // the empty cell sits where the row's text before it ends
        assert_eq!(g.rows()[2][1].span, Some(218..218));
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
        // the glued cell's text is the text at its span
        assert_eq!(r[0].text, "d e  f");
        assert_eq!(r[0].span, Some(40..46));
        assert_eq!(r[0].origin, Origin::Glued { parts: 2 });
        assert_eq!(r[0].pieces, vec![40..43, 45..46]);
        assert_eq!(r[1].text, "");
        assert_eq!(r[2].text, "5");
    }

    #[test]
    fn labels_at_two_indents_and_jittered_figures_are_one_column() {
        let g = grid(&[
            line(&[(0, "（一）予以公开"), (17, "3"), (22, "0")]),
            line(&[(8, "1.属于国家秘密"), (18, "1"), (23, "0")]),
            line(&[(8, "2.其他"), (18, "0"), (23, "10")]),
        ]);
        assert_eq!(g.width(), 3);
        assert_eq!(texts(&g)[1], vec!["1.属于国家秘密", "1", "0"]);
        assert_eq!(texts(&g)[2], vec!["2.其他", "0", "10"]);
    }

    #[test]
    fn a_column_without_a_figure_keeps_its_empty_cells() {
        // the middle column has no figure in two rows: its position comes
        // from the header and the other rows
        let g = grid(&[
            line(&[
                (0, "信息内容"),
                (10, "本年制发"),
                (17, "本年废止"),
                (24, "现行有效"),
            ]),
            line(&[(0, "规章"), (12, "1"), (26, "5")]),
            line(&[(0, "规范性文件"), (12, "4"), (19, "2"), (25, "12")]),
            line(&[(0, "其他"), (26, "7")]),
        ]);
        assert_eq!(
            texts(&g),
            vec![
                vec!["信息内容", "本年制发", "本年废止", "现行有效"],
                vec!["规章", "1", "", "5"],
                vec!["规范性文件", "4", "2", "12"],
                vec!["其他", "", "", "7"],
            ]
        );
        // each empty cell at the end of the text before it
        let r = &g.rows()[3];
        assert_eq!(r[1].span, r[2].span);
        assert_eq!(
            r[1].span.clone().map(|s| s.start),
            r[0].span.clone().map(|s| s.end)
        );
    }

    #[test]
    fn many_columns_in_linear_time_and_space() {
        // two rows of 20,000 chunks one position apart: 40,000 intervals
        let a = "x  ".repeat(20_000);
        let b = format!(" {a}");
        let g = build([(0, a.as_str()), (a.len() + 1, b.as_str())]);
        assert_eq!(g.height(), 2);
        let texts: usize = g.rows()[1].iter().filter(|c| !c.is_empty()).count();
        assert_eq!(texts, 20_000);
        // one row of 20,000 chunks over 5,000 rows of one: not 10⁸ cells
        let lines: Vec<String> = std::iter::once(a.clone())
            .chain((0..5_000).map(|i| format!("{}y", " ".repeat(i % 50))))
            .collect();
        let mut at = 0;
        let g = build(lines.iter().map(|l| {
            at += l.len() + 1;
            (at - l.len() - 1, l.as_str())
        }));
        let cells: usize = g.rows().iter().map(Vec::len).sum();
        assert_eq!(cells, 25_000);
    }

    #[test]
    fn columns_known_from_the_header_alone() {
        // no row has a 本年废止 figure: the header's positions place the
        // figures
        let g = grid(&[
            line(&[
                (0, "信息内容"),
                (10, "本年制发"),
                (17, "本年废止"),
                (24, "现行有效"),
            ]),
            line(&[(0, "规章"), (12, "1"), (26, "5")]),
            line(&[(0, "规范性文件"), (11, "14"), (25, "12")]),
        ]);
        assert_eq!(
            texts(&g)[1..],
            [
                vec!["规章", "1", "", "5"],
                vec!["规范性文件", "14", "", "12"]
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The fast path of `column_of` (a chunk inside a column) finds
        /// what the walk over the columns finds, for sorted columns apart
        /// (touching ones too), any chunk and any first column.
        #[test]
        fn column_of_is_the_walk(
            parts in proptest::collection::vec((0usize..4, 1usize..6), 0..7),
            start in 0usize..40,
            len in 0usize..12,
            from in 0usize..8,
        ) {
            // each column: a gap (possibly none) after the last, a width
            let mut cols = Vec::new();
            let mut at = 0;
            for (gap, width) in parts {
                cols.push(at + gap..at + gap + width);
                at += gap + width;
            }
            let c = start..start + len;
            proptest::prop_assert_eq!(column_of(&cols, &c, from), column_walk(&cols, &c, from));
        }
    }

    #[test]
    fn chunks_never_go_left_and_nothing_is_lost() {
        // a wide chunk overlapping two columns, then one more
        let g = build([(0, "a    b    c"), (20, "abcdefghij  d")]);
        let r = &g.rows()[1];
        assert_eq!(r.len(), 3);
        let all: String = r.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(all, "abcdefghijd");
    }
}
