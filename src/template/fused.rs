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

/// Where the cells of a row ended up.
pub(crate) enum Placed {
    /// One token (or digit sub-range) per column, written to the caller's
    /// buffer; an empty grid field is a zero-width range where its text
    /// would begin.
    Cells,
    /// Could not be placed without guessing: the range of all value tokens.
    Fused(usize, usize),
}

/// Ways to split a digit string into `k` numbers, none but `0` starting with
/// `0`, capped at 2; longer strings are not split.
pub(crate) fn split_ways(d: &[u8], k: usize) -> u8 {
    if k == 0 || k > d.len() {
        return 0;
    }
    split_ways_upto(d, k)[k]
}

/// The longest digit run that is split, plus one.
const M: usize = 41;

/// [`split_ways`] of `d` for every `k` up to `kmax` at once (at `[k]`; 0
/// beyond `kmax`): one table per digit run instead of one per run and count.
fn split_ways_upto(d: &[u8], kmax: usize) -> [u8; M] {
    let mut out = [0u8; M];
    let n = d.len();
    let kmax = kmax.min(n);
    if n >= M || kmax == 0 {
        return out;
    }
    // ways[i]: ways to split d[i..] into j parts (capped at 2), one column
    // of the table for each j, made from the column before: a part from `i`
    // ends anywhere after it (at `i + 1` only when it starts with `0`), so
    // the entry is the column before at `i + 1`, or its capped sum over
    // `i + 1..=n`, kept as `i` goes down (capping each step caps the sum).
    // Two columns on the stack, n × k steps
    let mut ways = [0u8; M];
    ways[n] = 1;
    for slot in out.iter_mut().take(kmax + 1).skip(1) {
        let mut next = [0u8; M];
        let mut tail = 0u8;
        for i in (0..n).rev() {
            tail = tail.saturating_add(ways[i + 1]).min(2);
            next[i] = if d[i] == b'0' { ways[i + 1] } else { tail };
        }
        *slot = next[0];
        ways = next;
    }
    out
}

/// The split of `d` into `k` numbers (only called when it is unique), as
/// ranges `base + i..base + j` pushed to `out`.
fn split_digits_into(d: &[u8], k: usize, base: usize, out: &mut Vec<(usize, usize)>) {
    // one digit per part: the one split there is
    if k == d.len() {
        out.extend((base..base + k).map(|i| (i, i + 1)));
        return;
    }
    // only called when the split is unique: take it greedily by checking ways
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
        out.push((base + i, base + i + chosen));
        i += chosen;
        left -= 1;
    }
}

/// A token of a row being placed: its [`split_ways_upto`] table when it is
/// a digit run (it fills one or more columns), `None` when it fills one.
type Fill = Option<[u8; M]>;

/// Ways (capped at 2) to fill exactly `cols` columns with the tokens in
/// order: a digit run fills one or more columns, anything else one.
fn fill_ways(tokens: &[Fill], cols: usize) -> u8 {
    // the two rows of the table on the stack for the usual widths
    const STACK: usize = 64;
    if cols < STACK {
        let (mut dp, mut next) = ([0u8; STACK], [0u8; STACK]);
        fill_ways_in(tokens, &mut dp[..=cols], &mut next[..=cols])
    } else {
        fill_ways_in(tokens, &mut vec![0u8; cols + 1], &mut vec![0u8; cols + 1])
    }
}

/// [`fill_ways`] with its two rows given (zeroed, `cols + 1` long each).
fn fill_ways_in<'b>(tokens: &[Fill], mut dp: &'b mut [u8], mut next: &'b mut [u8]) -> u8 {
    // dp[c]: ways to fill c columns with the tokens so far
    let cols = dp.len() - 1;
    dp[0] = 1;
    for t in tokens {
        next.fill(0);
        for (c, &ways) in dp.iter().enumerate() {
            if ways == 0 {
                continue;
            }
            match t {
                Some(w) => {
                    for k in 1..=(cols - c).min(M - 1) {
                        if w[k] > 0 {
                            next[c + k] =
                                next[c + k].saturating_add(ways.saturating_mul(w[k])).min(2);
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

/// Places `cells` in `n` columns, their ranges written to `out` (cleared
/// first); `at` is where empty cells of a row without any cell text sit
/// (the end of its label). In a `delimited` grid, or a row whose text (from
/// `at` on) has a tab or a pipe, digit runs are never split: the
/// unique-split rule is for flow text only.
pub(crate) fn place(
    text: &str,
    cells: &[Tok],
    n: usize,
    at: usize,
    delimited: bool,
    out: &mut Vec<(usize, usize)>,
) -> Placed {
    out.clear();
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
        out.extend(cells.iter().map(|t| (t.start, t.end)));
        return Placed::Cells;
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
        return unplaced(cells, n, at, out);
    }
    // fast path: every digit its own cell is the only split when the digits
    // and atomic cells add up to exactly `n`
    let count = |t: &Tok| digit_run(text, t).map_or(1, <[u8]>::len);
    if cells.iter().map(count).sum::<usize>() == n {
        cut(text, cells, |i| count(&cells[i]), out);
        return Placed::Cells;
    }
    // each digit run's ways, once (not once per column it could start at)
    let fills: Vec<Fill> = cells
        .iter()
        .map(|t| digit_run(text, t).map(|d| split_ways_upto(d, n)))
        .collect();
    if fill_ways(&fills, n) == 1
        && let Some(counts) = unique_counts(&fills, n)
    {
        cut(text, cells, |i| counts[i], out);
        return Placed::Cells;
    }
    unplaced(cells, n, at, out)
}

/// The digits of a value token that is a run of two or more ASCII digits
/// (one that may fill several columns), `None` for any other token.
fn digit_run<'t>(text: &'t str, t: &Tok) -> Option<&'t [u8]> {
    let s = &text.as_bytes()[t.start..t.end];
    (t.kind == Tk::Value && s.len() > 1 && s.iter().all(u8::is_ascii_digit)).then_some(s)
}

/// A row that cannot be placed: fused, or empty cells when it has no text.
fn unplaced(cells: &[Tok], n: usize, at: usize, out: &mut Vec<(usize, usize)>) -> Placed {
    let (s, e) = extent(cells);
    if s == e {
        // no text at all: empty cells where the row's cells would begin
        let at = cells.first().map_or(at, |t| t.start);
        out.extend(std::iter::repeat_n((at, at), n));
        Placed::Cells
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
fn unique_counts(fills: &[Fill], n: usize) -> Option<Vec<usize>> {
    let mut counts = vec![0usize; fills.len()];
    let mut remaining = n;
    for i in (0..fills.len()).rev() {
        let fits = |k: usize| k <= remaining && fill_ways(&fills[..i], remaining - k) > 0;
        let k = match &fills[i] {
            Some(w) => (1..=remaining.min(M - 1)).find(|&k| w[k] > 0 && fits(k)),
            None => Some(1).filter(|&k| fits(k)),
        }?;
        counts[i] = k;
        remaining -= k;
    }
    Some(counts)
}

/// The cells' ranges when token `i` fills `counts(i)` columns (a digit run
/// cut in that many numbers, any other token whole).
fn cut(text: &str, cells: &[Tok], counts: impl Fn(usize) -> usize, out: &mut Vec<(usize, usize)>) {
    for (i, t) in cells.iter().enumerate() {
        match digit_run(text, t) {
            Some(d) => split_digits_into(d, counts(i), t.start, out),
            None => out.push((t.start, t.end)),
        }
    }
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
        let mut out = Vec::new();
        split_digits_into(b"023", 2, 5, &mut out);
        assert_eq!(out, vec![(5, 6), (6, 8)]);
    }

    /// [`super::Placed`] with the cells it wrote.
    enum Placed {
        Cells(Vec<(usize, usize)>),
        Fused(usize, usize),
    }

    fn place(text: &str, cells: &[Tok], n: usize, at: usize, delimited: bool) -> Placed {
        let mut out = Vec::new();
        match super::place(text, cells, n, at, delimited, &mut out) {
            super::Placed::Cells => Placed::Cells(out),
            super::Placed::Fused(s, e) => Placed::Fused(s, e),
        }
    }

    /// Ways to split `d` into `k` numbers, by trying every split.
    fn brute_ways(d: &[u8], k: usize) -> u8 {
        if k == 0 {
            return u8::from(d.is_empty());
        }
        let max = if d.first() == Some(&b'0') { 1 } else { d.len() };
        (1..=max.min(d.len()))
            .map(|l| brute_ways(&d[l..], k - 1))
            .fold(0u8, |a, w| a.saturating_add(w).min(2))
    }

    /// [`split_ways_upto`] as it was: the whole table `w[i][j]`, each entry
    /// summed over every place its first part can end.
    fn table_ways(d: &[u8], kmax: usize) -> [u8; M] {
        let mut out = [0u8; M];
        let n = d.len();
        let kmax = kmax.min(n);
        if n >= M || kmax == 0 {
            return out;
        }
        let mut w = [[0u8; M]; M];
        w[n][0] = 1;
        for i in (0..n).rev() {
            let max_len = if d[i] == b'0' { 1 } else { n - i };
            for j in 1..=kmax {
                let mut ways = 0u8;
                for len in 1..=max_len {
                    ways = ways.saturating_add(w[i + len][j - 1]).min(2);
                }
                w[i][j] = ways;
            }
        }
        out[1..=kmax].copy_from_slice(&w[0][1..=kmax]);
        out
    }

    proptest::proptest! {
        #[test]
        fn split_ways_is_the_count_of_splits(d in "[0-3]{1,10}", k in 0usize..12) {
            let d = d.as_bytes();
            proptest::prop_assert_eq!(split_ways(d, k), brute_ways(d, k));
            for (j, w) in split_ways_upto(d, k).iter().enumerate().skip(1) {
                proptest::prop_assert_eq!(*w, if j <= k { brute_ways(d, j) } else { 0 });
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn split_ways_upto_is_the_whole_table(d in "[0-2]{0,45}", k in 0usize..45) {
            let d = d.as_bytes();
            proptest::prop_assert_eq!(split_ways_upto(d, k), table_ways(d, k));
        }
    }

    /// [`super::place`] as it was before the digit runs were read in place:
    /// the digits, counts and splits collected into vectors, the table of
    /// `fill_ways` in two vectors.
    fn vec_place(text: &str, cells: &[Tok], n: usize, at: usize, delimited: bool) -> Placed {
        let mut out = Vec::new();
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
        let row_text = match (cells.first(), cells.last()) {
            (Some(f), Some(l)) => text.get(at.min(f.start)..l.end).unwrap_or(""),
            _ => "",
        };
        if cells.len() > n {
            let (s, e) = extent(cells);
            return Placed::Fused(s, e);
        }
        if delimited || row_text.contains(['\t', '|']) {
            return vec_unplaced(cells, n, at);
        }
        let digits: Vec<Option<&[u8]>> = cells
            .iter()
            .map(|t| {
                let s = &text.as_bytes()[t.start..t.end];
                (t.kind == Tk::Value && s.len() > 1 && s.iter().all(u8::is_ascii_digit))
                    .then_some(s)
            })
            .collect();
        let counts: Vec<usize> = digits.iter().map(|d| d.map_or(1, <[u8]>::len)).collect();
        let fills: Vec<Fill> = digits
            .iter()
            .map(|d| d.map(|d| split_ways_upto(d, n)))
            .collect();
        let counts = if counts.iter().sum::<usize>() == n {
            counts
        } else if vec_fill_ways(&fills, n) == 1 {
            // (`unique_counts` as it was; its `fill_ways` is checked
            // against `vec_fill_ways` below)
            match unique_counts(&fills, n) {
                Some(c) => c,
                None => return vec_unplaced(cells, n, at),
            }
        } else {
            return vec_unplaced(cells, n, at);
        };
        for (i, t) in cells.iter().enumerate() {
            match digits[i] {
                Some(d) => out.extend(
                    vec_split_digits(d, counts[i])
                        .into_iter()
                        .map(|(a, b)| (t.start + a, t.start + b)),
                ),
                None => out.push((t.start, t.end)),
            }
        }
        Placed::Cells(out)
    }

    fn vec_unplaced(cells: &[Tok], n: usize, at: usize) -> Placed {
        let mut out = Vec::new();
        match super::unplaced(cells, n, at, &mut out) {
            super::Placed::Cells => Placed::Cells(out),
            super::Placed::Fused(s, e) => Placed::Fused(s, e),
        }
    }

    fn vec_split_digits(d: &[u8], k: usize) -> Vec<(usize, usize)> {
        if k == d.len() {
            return (0..k).map(|i| (i, i + 1)).collect();
        }
        let mut out = Vec::with_capacity(k);
        let mut i = 0;
        for left in (1..=k).rev() {
            let max_len = if d[i] == b'0' { 1 } else { d.len() - i };
            let chosen = (1..=max_len)
                .find(|&len| {
                    let rest = &d[i + len..];
                    if left == 1 {
                        rest.is_empty()
                    } else {
                        split_ways(rest, left - 1) > 0
                    }
                })
                .unwrap_or(1);
            out.push((i, i + chosen));
            i += chosen;
        }
        out
    }

    fn vec_fill_ways(tokens: &[Fill], cols: usize) -> u8 {
        let mut dp = vec![0u8; cols + 1];
        dp[0] = 1;
        let mut next = vec![0u8; cols + 1];
        for t in tokens {
            next.fill(0);
            for (c, &ways) in dp.iter().enumerate() {
                match t {
                    Some(w) => {
                        for k in 1..=(cols - c).min(M - 1) {
                            let add = ways.saturating_mul(w[k]);
                            next[c + k] = next[c + k].saturating_add(add).min(2);
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

    /// A row of tokens from pieces: digits (a value), `-` (a null), `a` (a
    /// label), `` (an empty field), joined by a space or a tab.
    fn row_of(pieces: &[(String, bool)]) -> (String, Vec<Tok>) {
        let mut text = String::from("x ");
        let mut toks = Vec::new();
        for (p, tab) in pieces {
            let kind = match p.as_bytes().first() {
                None => Tk::Empty,
                Some(b'-') => Tk::Null,
                Some(b'a') => Tk::Label,
                Some(_) => Tk::Value,
            };
            toks.push(Tok::new(kind, text.len(), text.len() + p.len()));
            text.push_str(p);
            text.push(if *tab { '\t' } else { ' ' });
        }
        (text, toks)
    }

    fn same(a: &Placed, b: &Placed) -> bool {
        match (a, b) {
            (Placed::Cells(x), Placed::Cells(y)) => x == y,
            (Placed::Fused(s, e), Placed::Fused(t, f)) => (s, e) == (t, f),
            _ => false,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn placing_in_place_is_placing_by_vectors(
            pieces in proptest::collection::vec(
                ("[0-2]{1,7}|[0-9]{1,3}|a|-|", proptest::bool::weighted(0.05)), 0..9),
            n in 0usize..14,
            at in 0usize..3,
            delimited in proptest::bool::weighted(0.1),
        ) {
            let (text, toks) = row_of(&pieces);
            let got = place(&text, &toks, n, at, delimited);
            let want = vec_place(&text, &toks, n, at, delimited);
            proptest::prop_assert!(same(&got, &want), "{text:?} {n}");
            let fills: Vec<Fill> = toks
                .iter()
                .map(|t| digit_run(&text, t).map(|d| split_ways_upto(d, n)))
                .collect();
            for cols in [n, n + 60, n + 70] {
                proptest::prop_assert_eq!(fill_ways(&fills, cols), vec_fill_ways(&fills, cols));
            }
        }
    }

    #[test]
    fn wide_rows_fill_as_narrow_ones() {
        // the table on the heap (64 columns or more) as on the stack
        let fills: Vec<Fill> = std::iter::repeat_n(None, 70).collect();
        assert_eq!(fill_ways(&fills, 70), 1);
        assert_eq!(fill_ways(&fills, 63), 0);
        assert_eq!(fill_ways(&fills[..63], 63), 1);
    }

    fn tok(kind: Tk, start: usize, end: usize) -> Tok {
        Tok::new(kind, start, end)
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
