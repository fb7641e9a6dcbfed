//! Placing a row's cells in its columns, and the never-guess rule for
//! fused digit runs.
//!
//! When a row has as many cells as columns, each goes to its column. When
//! it has fewer, runs of digits (crawler text where `000023` was six cells)
//! are split, but only when exactly one split exists: no number but `0`
//! starts with `0`, every column gets a cell. Otherwise the row keeps its
//! raw digits as `fused` and its values stay null. Runs longer than 40
//! digits are never split (the split count is bounded, so the cost is too).

use super::cells::{Tk, Tok};
use crate::grid::{Grid, Layout};

/// Where the cells of a row ended up.
pub(crate) enum Placed {
    /// One token (or digit sub-range) per column; an empty grid field is a
    /// zero-width range where its text would begin.
    Cells(Vec<(usize, usize)>),
    /// Could not be placed without guessing: the range of all value tokens.
    Fused(usize, usize),
}

/// Ways to split a digit string into `k` numbers, none but `0` starting with
/// `0`, capped at 2; longer strings are not split.
pub(crate) fn split_ways(d: &[u8], k: usize) -> u8 {
    if d.len() > 40 || k == 0 || k > d.len() {
        return 0;
    }
    // w[i][j]: ways to split d[i..] into j parts (capped at 2); n and k are
    // at most 40, so the table lives on the stack
    const M: usize = 41;
    let n = d.len();
    let mut w = [[0u8; M]; M];
    w[n][0] = 1;
    for i in (0..n).rev() {
        for j in 1..=k {
            let mut ways = 0u8;
            let max_len = if d[i] == b'0' { 1 } else { n - i };
            for len in 1..=max_len {
                ways = ways.saturating_add(w[i + len][j - 1]).min(2);
            }
            w[i][j] = ways;
        }
    }
    w[0][k]
}

pub(crate) fn split_digits(d: &[u8], k: usize) -> Vec<(usize, usize)> {
    // only called when the split is unique: take it greedily by checking ways
    let mut out = Vec::with_capacity(k);
    let mut i = 0;
    let mut left = k;
    while left > 0 {
        let max_len = if d[i] == b'0' { 1 } else { d.len() - i };
        let mut chosen = 1;
        for len in 1..=max_len {
            let rest = &d[i + len..];
            let ok = if left == 1 {
                rest.is_empty()
            } else {
                split_ways(rest, left - 1) > 0
            };
            if ok {
                chosen = len;
                break;
            }
        }
        out.push((i, i + chosen));
        i += chosen;
        left -= 1;
    }
    out
}

/// Ways (capped at 2) to fill exactly `cols` columns with the tokens in
/// order: a digit run (`Some`) fills one or more columns, anything else one.
fn fill_ways(digits: &[Option<&[u8]>], cols: usize) -> u8 {
    // dp[c]: ways to fill c columns with the tokens so far
    let mut dp = vec![0u8; cols + 1];
    dp[0] = 1;
    let mut next = vec![0u8; cols + 1];
    for d in digits {
        next.fill(0);
        for (c, &ways) in dp.iter().enumerate() {
            if ways == 0 {
                continue;
            }
            match d {
                Some(d) => {
                    for k in 1..=(cols - c).min(d.len()) {
                        let w = split_ways(d, k);
                        if w > 0 {
                            next[c + k] = next[c + k].saturating_add(ways.saturating_mul(w)).min(2);
                        }
                    }
                }
                None if c < cols => next[c + 1] = next[c + 1].saturating_add(ways).min(2),
                None => {}
            }
        }
        std::mem::swap(&mut dp, &mut next);
    }
    dp[cols]
}

/// True when the grid's cells are delimited (tab or pipe rows): there the
/// positions of the cells are known and a digit run is one cell.
pub(crate) fn delimited(grid: &Grid) -> bool {
    matches!(grid.layout(), Layout::Tabs | Layout::Pipes)
}

/// Places `cells` in `n` columns; `at` is where empty cells of a row without
/// any cell text sit (the end of its label). In a `delimited` grid, or a row
/// whose text (from `at` on) has a tab or a pipe, digit runs are never split:
/// the unique-split rule is for flow text only.
pub(crate) fn place(text: &str, cells: &[Tok], n: usize, at: usize, delimited: bool) -> Placed {
    // drop empty grid fields at the ends while there are more cells than columns
    let mut lo = 0;
    let mut hi = cells.len();
    while hi - lo > n && cells[hi - 1].kind == Tk::Empty {
        hi -= 1;
    }
    while hi - lo > n && cells[lo].kind == Tk::Empty {
        lo += 1;
    }
    let cells = &cells[lo..hi];
    if cells.len() == n {
        return Placed::Cells(cells.iter().map(|t| (t.start, t.end)).collect());
    }
    if cells.len() > n {
        let (s, e) = extent(cells);
        return Placed::Fused(s, e);
    }
    // fewer tokens than columns: try the unique split of digit runs, in
    // flow text only
    let row_text = match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => text.get(at.min(f.start)..l.end).unwrap_or(""),
        _ => "",
    };
    if delimited || row_text.contains(['\t', '|']) {
        return unplaced(cells, n, at);
    }
    let digits: Vec<Option<&[u8]>> = cells
        .iter()
        .map(|t| {
            let s = &text.as_bytes()[t.start..t.end];
            (t.kind == Tk::Value && s.len() > 1 && s.iter().all(u8::is_ascii_digit)).then_some(s)
        })
        .collect();
    // fast path: every digit its own cell is the only split when the digits
    // and atomic cells add up to exactly `n`
    let singles: usize = digits.iter().map(|d| d.map_or(1, <[u8]>::len)).sum();
    if singles == n {
        let counts: Vec<usize> = digits.iter().map(|d| d.map_or(1, <[u8]>::len)).collect();
        return Placed::Cells(cut(cells, &digits, &counts));
    }
    if fill_ways(&digits, n) == 1
        && let Some(counts) = unique_counts(&digits, n)
    {
        return Placed::Cells(cut(cells, &digits, &counts));
    }
    unplaced(cells, n, at)
}

/// A row that cannot be placed: fused, or empty cells when it has no text.
fn unplaced(cells: &[Tok], n: usize, at: usize) -> Placed {
    let (s, e) = extent(cells);
    if s == e {
        // no text at all: empty cells where the row's cells would begin
        let at = cells.first().map_or(at, |t| t.start);
        Placed::Cells(vec![(at, at); n])
    } else {
        Placed::Fused(s, e)
    }
}

/// The range from the first to the last non-empty token.
fn extent(cells: &[Tok]) -> (usize, usize) {
    let text = || cells.iter().filter(|t| t.kind != Tk::Empty);
    let s = text().map(|t| t.start).min().unwrap_or(0);
    let e = text().map(|t| t.end).max().unwrap_or(0);
    (s, e)
}

/// How many columns each token fills in the one way to fill `n` columns
/// (`fill_ways` said there is exactly one).
fn unique_counts(digits: &[Option<&[u8]>], n: usize) -> Option<Vec<usize>> {
    let mut counts = vec![0usize; digits.len()];
    let mut remaining = n;
    for i in (0..digits.len()).rev() {
        let fits = |k: usize| k <= remaining && fill_ways(&digits[..i], remaining - k) > 0;
        let k = match digits[i] {
            Some(d) => (1..=remaining.min(d.len())).find(|&k| split_ways(d, k) > 0 && fits(k)),
            None => Some(1).filter(|&k| fits(k)),
        }?;
        counts[i] = k;
        remaining -= k;
    }
    Some(counts)
}

/// The cells' ranges when token `i` fills `counts[i]` columns.
fn cut(cells: &[Tok], digits: &[Option<&[u8]>], counts: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in cells.iter().enumerate() {
        match digits[i] {
            Some(d) => out.extend(
                split_digits(d, counts[i])
                    .into_iter()
                    .map(|(a, b)| (t.start + a, t.start + b)),
            ),
            None => out.push((t.start, t.end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_ways_counts() {
        assert_eq!(split_ways(b"0000000", 7), 1);
        assert_eq!(split_ways(b"000023", 5), 1);
        assert_eq!(split_ways(b"000023", 6), 1);
        assert_eq!(split_ways(b"230", 2), 2);
        assert_eq!(split_ways(b"023", 1), 0);
        assert_eq!(split_digits(b"023", 2), vec![(0, 1), (1, 3)]);
    }

    fn tok(kind: Tk, start: usize, end: usize) -> Tok {
        Tok { kind, start, end }
    }

    #[test]
    fn unique_splits_only() {
        // `00023` in five columns: one way
        let text = "00023";
        match place(text, &[tok(Tk::Value, 0, 5)], 5, 0, false) {
            Placed::Cells(c) => assert_eq!(c, vec![(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]),
            Placed::Fused(..) => panic!("unique split"),
        }
        // `0123` in three columns: `0|1|23` or `0|12|3`: never guessed
        assert!(matches!(
            place("0123", &[tok(Tk::Value, 0, 4)], 3, 0, false),
            Placed::Fused(0, 4)
        ));
        // too many cells: fused
        assert!(matches!(
            place(
                "1 2 3",
                &[
                    tok(Tk::Value, 0, 1),
                    tok(Tk::Value, 2, 3),
                    tok(Tk::Value, 4, 5)
                ],
                2,
                0,
                false
            ),
            Placed::Fused(0, 5)
        ));
    }

    #[test]
    fn delimited_rows_are_never_split() {
        // `11` in a tab row short of a figure: kept fused, not `1|1`
        let text = "a\t8\t11";
        let cells = [tok(Tk::Value, 2, 3), tok(Tk::Value, 4, 6)];
        assert!(matches!(
            place(text, &cells, 3, 1, false),
            Placed::Fused(2, 6)
        ));
        // the same digits in flow text split the one way they can
        let text = "a 8 11";
        assert!(matches!(place(text, &cells, 3, 1, false), Placed::Cells(_)));
        // a delimited grid: never split, even without a tab in the row
        let text = "000023";
        assert!(matches!(
            place(text, &[tok(Tk::Value, 0, 6)], 5, 0, true),
            Placed::Fused(0, 6)
        ));
    }
}
