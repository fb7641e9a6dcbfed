//! The cells of a pipe row: the fields between its pipes, each cut into
//! lines at `<br>`, with `**`/`__` markers and the white space at the ends
//! of its lines left out.

use std::ops::Range;

use super::lines::SrcLine;
use crate::lines::is_space;

/// Lines of text, each a list of source ranges.
pub(super) type Lines = Vec<Vec<Range<usize>>>;

/// One cell of a pipe row as read: its lines (`<br>` ends a line), each a
/// list of source ranges whose text, concatenated, is the line (markup such
/// as `**` falls between the ranges).
#[derive(Debug, Clone, Default)]
pub(super) struct RawCell {
    pub(super) lines: Vec<Vec<Range<usize>>>,
    /// The cell between its pipes, trimmed; an empty range where it is empty.
    pub(super) range: Range<usize>,
}

impl RawCell {
    pub(super) fn is_empty(&self) -> bool {
        self.lines.iter().all(Vec::is_empty)
    }
    pub(super) fn text(&self, s: &str) -> String {
        self.lines.iter().flatten().map(|r| &s[r.clone()]).collect()
    }
    /// The non-empty lines.
    pub(super) fn nonempty_lines(&self) -> Vec<Vec<Range<usize>>> {
        self.lines
            .iter()
            .filter(|l| !l.is_empty())
            .cloned()
            .collect()
    }
}

pub(super) fn line_text(s: &str, l: &[Range<usize>]) -> String {
    l.iter().map(|r| &s[r.clone()]).collect()
}

/// Splits the cell text at `range` into lines of verbatim ranges, dropping
/// `<br>` (any case, `<br/>`, `<br />`) and `**`/`__` markers and trimming
/// white space at the ends of each line.
pub(super) fn cell_lines(s: &str, range: Range<usize>) -> Vec<Vec<Range<usize>>> {
    let bytes = s.as_bytes();
    let mut lines = vec![Vec::new()];
    let mut seg_start = range.start;
    let mut i = range.start;
    let flush = |lines: &mut Vec<Vec<Range<usize>>>, a: usize, b: usize| {
        if a < b {
            lines.last_mut().unwrap_or(&mut Vec::new()).push(a..b);
        }
    };
    while i < range.end {
        let b = bytes[i];
        if let Some(n) = (b == b'<').then(|| br_len(&s[i..range.end])).flatten() {
            flush(&mut lines, seg_start, i);
            lines.push(Vec::new());
            i += n;
            seg_start = i;
            continue;
        }
        if (b == b'*' || b == b'_') && bytes.get(i + 1) == Some(&b) && i + 1 < range.end {
            flush(&mut lines, seg_start, i);
            i += 2;
            seg_start = i;
            continue;
        }
        i += 1;
    }
    flush(&mut lines, seg_start, range.end);
    // trim white space at the ends of each line
    for l in &mut lines {
        trim_ranges(s, l);
    }
    lines
}

pub(super) fn trim_ranges(s: &str, l: &mut Vec<Range<usize>>) {
    while let Some(first) = l.first_mut() {
        let t = &s[first.clone()];
        let k = t.len() - t.trim_start_matches(is_space).len();
        first.start += k;
        if first.start >= first.end {
            l.remove(0);
        } else {
            break;
        }
    }
    while let Some(last) = l.last_mut() {
        let t = &s[last.clone()];
        let k = t.len() - t.trim_end_matches(is_space).len();
        last.end -= k;
        if last.start >= last.end {
            l.pop();
        } else {
            break;
        }
    }
}

/// The byte length of a `<br>` tag at the start of `t`.
pub(super) fn br_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    if b.len() < 4 || !b[1].eq_ignore_ascii_case(&b'b') || !b[2].eq_ignore_ascii_case(&b'r') {
        return None;
    }
    let mut i = 3;
    while i < b.len() && (b[i] == b' ' || b[i] == b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// The cells of a pipe row (outer pipes optional). Pipes escaped as `\|`
/// stay in the cell.
pub(super) fn row_cells(s: &str, line: SrcLine) -> Vec<RawCell> {
    let t = line.text(s);
    let mut bounds = Vec::new(); // pipe positions
    let b = t.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'|' && (i == 0 || b[i - 1] != b'\\') {
            bounds.push(line.start + i);
        }
    }
    let lead = t.len() - t.trim_start_matches(is_space).len();
    let tail = t.trim_end_matches(is_space).len();
    let mut starts = vec![];
    let mut ends = vec![];
    // fields between pipes; outer fields only when not empty
    let first_pipe_at_start = bounds.first() == Some(&(line.start + lead));
    let last_pipe_at_end = bounds.last().is_some_and(|&p| p + 1 == line.start + tail);
    if !first_pipe_at_start {
        starts.push(line.start);
        ends.push(bounds.first().copied().unwrap_or(line.end));
    }
    for w in bounds.windows(2) {
        starts.push(w[0] + 1);
        ends.push(w[1]);
    }
    if let (false, Some(&p)) = (last_pipe_at_end, bounds.last()) {
        starts.push(p + 1);
        ends.push(line.end);
    }
    starts
        .into_iter()
        .zip(ends)
        .map(|(a, b)| {
            let f = &s[a..b];
            let a2 = a + (f.len() - f.trim_start_matches(is_space).len());
            let b2 = a + f.trim_end_matches(is_space).len();
            let range = if a2 < b2 { a2..b2 } else { a..a };
            RawCell {
                lines: if a2 < b2 {
                    cell_lines(s, range.clone())
                } else {
                    Vec::new()
                },
                range,
            }
        })
        .collect()
}

/// A row of the joined table before normalisation.
pub(super) struct RawRow {
    pub(super) cells: Vec<RawCell>,
    pub(super) line: SrcLine,
    /// A caption or heading line inside the table (one cell, never glued).
    pub(super) caption: bool,
    /// A page-number line stands between this row and the one before.
    pub(super) after_page: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_br_and_bold() {
        let s = "|结果<br>**维持**|";
        let cells = row_cells(
            s,
            SrcLine {
                start: 0,
                end: s.len(),
            },
        );
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].text(s), "结果维持");
        assert_eq!(cells[0].lines.len(), 2);
    }
}
