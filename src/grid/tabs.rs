//! Tab rows: one line per row, cells separated by `\t`. An empty field keeps
//! its position (`a\t\t3` has three cells, the middle one empty), so a row
//! with a blank cell still puts each figure under its column.
//!
//! ```
//! let g = ogi_report::grid::tabs::build([(0, "规章\t\t3")]);
//! assert_eq!(g.width(), 3);
//! assert!(g.rows()[0][1].is_empty());
//! assert_eq!(g.rows()[0][2].span, Some(8..9));
//! ```

use super::{Cell, Grid, Layout};
use crate::lines::is_space;

/// True when `raw` has two or more non-blank tab-separated fields.
pub fn is_row(raw: &str) -> bool {
    raw.split('\t')
        .filter(|f| !crate::text::space::trim(f).is_empty())
        .count()
        >= 2
}

/// The cells of one line found at byte `start`: every field between tabs,
/// trimmed; a blank field is an empty cell where its white space ends.
pub fn row(start: usize, raw: &str) -> Vec<Cell> {
    fields(start, raw, '\t')
}

/// The fields of `raw` between `sep`s, trimmed, each with its span.
pub(crate) fn fields(start: usize, raw: &str, sep: char) -> Vec<Cell> {
    // (an ASCII separator found by `memchr`, once to size the row and once
    // to cut it: `str::split` sets up a character search for each field;
    // the fields trimmed by bytes: `text::space`, the same trims as the
    // standard library's with `is_space`, without decoding each character)
    if let Ok(byte) = u8::try_from(sep)
        && sep.is_ascii()
    {
        let b = raw.as_bytes();
        let mut out = super::pool::row(memchr::memchr_iter(byte, b).count() + 1);
        let mut from = 0;
        for end in memchr::memchr_iter(byte, b).chain([raw.len()]) {
            out.push(field(start + from, &raw[from..end]));
            from = end + 1;
        }
        return out;
    }
    let mut out = Vec::with_capacity(raw.matches(sep).count() + 1);
    let mut at = start;
    for f in raw.split(sep) {
        out.push(field(at, f));
        at += f.len() + sep.len_utf8();
    }
    out
}

/// The cell of the field `f` found at byte `at`: its text trimmed; a blank
/// field is an empty cell where its white space ends.
#[inline]
fn field(at: usize, f: &str) -> Cell {
    let ft = crate::text::space::trim_start(f);
    let lead = f.len() - ft.len();
    let ft = crate::text::space::trim_end(ft);
    if ft.is_empty() {
        Cell::empty(at + lead)
    } else {
        Cell::new(ft, at + lead..at + lead + ft.len())
    }
}

/// A grid of tab rows from lines given as (byte offset, text); blank lines
/// are skipped.
pub fn build<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Grid {
    let mut g = Grid::new();
    g.set_layout(Layout::Tabs);
    for (start, raw) in lines {
        if !raw.chars().all(is_space) {
            g.push_row(row(start, raw));
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_keep_their_position() {
        let g = build([
            (0, "本年新收\t\t3\t"),
            (20, ""),
            (21, " 上年结转 \t1\t2\t3"),
        ]);
        assert_eq!(g.height(), 2);
        let r0: Vec<&str> = g.rows()[0].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(r0, ["本年新收", "", "3", ""]);
        assert_eq!(g.rows()[0][1].span, Some(13..13));
        assert_eq!(g.rows()[1][0].span, Some(22..34));
        assert_eq!(g.rows()[1][0].text, "上年结转");
        assert_eq!(g.layout(), Layout::Tabs);
    }

    /// The fields as `str::split` cuts them (the reading before the
    /// `memchr` cut), trimmed, each with its span.
    fn split_fields(start: usize, raw: &str, sep: char) -> Vec<Cell> {
        let mut out = Vec::new();
        let mut at = start;
        for f in raw.split(sep) {
            let ft = f.trim_start_matches(is_space);
            let lead = f.len() - ft.len();
            let ft = ft.trim_end_matches(is_space);
            out.push(if ft.is_empty() {
                Cell::empty(at + lead)
            } else {
                Cell::new(ft, at + lead..at + lead + ft.len())
            });
            at += f.len() + sep.len_utf8();
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The fields cut at each separator are those of `str::split`:
        /// texts, spans and empty cells, for tabs, pipes and a separator
        /// outside ASCII.
        #[test]
        fn fields_are_those_of_the_split(
            raw in "[a数 \t|｜\u{3000}\u{a0}1]{0,16}",
            start in 0usize..40,
        ) {
            for sep in ['\t', '|', '｜'] {
                let (ours, theirs) = (fields(start, &raw, sep), split_fields(start, &raw, sep));
                proptest::prop_assert_eq!(ours, theirs);
            }
        }
    }

    #[test]
    fn rows_need_two_fields() {
        assert!(is_row("a\tb"));
        assert!(!is_row("a\t\t"));
        assert!(!is_row("a b"));
    }
}
