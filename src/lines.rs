//! Lines of the decoded text: one memchr pass, LF, CRLF and CR line ends.
//!
//! The parser works on [`Line`]s; each keeps its byte range in the text, so
//! every span it builds refers to the caller's text. [`Locator`] turns byte
//! offsets into [`Span`]s (line, and column in characters) in amortised
//! constant time for offsets visited in increasing order.

use crate::model::Span;

/// One line of the text, without its line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 0-based index of the line.
    pub index: usize,
    /// Byte offset of the first byte.
    pub start: usize,
    /// The text, without the line end.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// Byte offset one past the last byte (before the line end).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
    /// True when the line holds only white space (incl. U+3000, NBSP, form feed).
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(is_space)
    }
    /// The line without leading and trailing white space, with its offset.
    pub fn trimmed(&self) -> (usize, &'a str) {
        let t = self.text.trim_start_matches(is_space);
        let off = self.start + (self.text.len() - t.len());
        (off, t.trim_end_matches(is_space))
    }
}

pub use crate::chars::is_space;

/// Splits `text` into lines (LF, CRLF and CR all end a line). A final line
/// end does not start an extra empty line.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        let at = i + p;
        out.push(Line {
            index: out.len(),
            start,
            text: &text[start..at],
        });
        i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        start = i;
    }
    if start < bytes.len() {
        out.push(Line {
            index: out.len(),
            start,
            text: &text[start..],
        });
    }
    out
}

/// Turns byte ranges into [`Span`]s.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    // cursor: (offset, line index, column) of the last lookup
    cursor: std::cell::Cell<(usize, usize, u32)>,
}

impl<'a> Locator<'a> {
    /// A locator over the given lines of `text`.
    pub fn new(text: &'a str, lines: &[Line<'_>]) -> Self {
        let mut line_starts: Vec<usize> = lines.iter().map(|l| l.start).collect();
        if line_starts.is_empty() {
            line_starts.push(0);
        }
        Locator {
            text,
            line_starts,
            cursor: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// The span of `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        Span {
            start,
            end,
            line,
            column,
            page: None,
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`,
    /// clamped to the text and moved back to a character boundary; the end
    /// of a text that ends with a line end is the start of the (empty) line
    /// after it. Every offset → line/column conversion of the crate comes
    /// here (`Position::of`, `input::LineIndex`, spans).
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let after_last_end = offset == self.text.len()
            && offset > 0
            && matches!(self.text.as_bytes()[offset - 1], b'\n' | b'\r');
        if after_last_end {
            let line = self.line_starts.partition_point(|&s| s < offset) as u32;
            return (line + 1, 1);
        }
        self.line_col(offset)
    }

    fn line_col(&self, offset: usize) -> (u32, u32) {
        let li = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let ls = self.line_starts[li];
        let (c_off, c_line, c_col) = self.cursor.get();
        let upto = offset.min(self.text.len());
        let count =
            |a: usize, b: usize| self.text.get(a..b).map_or(0, |s| s.chars().count() as u32);
        // count from the nearest known point: the line start, or the last
        // lookup on the same line (forwards or backwards), so that lookups
        // that move back and forth by small steps on a long line stay cheap
        let col = if c_line == li && c_off >= ls && c_off <= upto {
            c_col + count(c_off, upto)
        } else if c_line == li && c_off >= ls && c_off - upto < upto - ls {
            c_col.saturating_sub(count(upto, c_off)).max(1)
        } else {
            1 + count(ls, upto)
        };
        self.cursor.set((offset, li, col));
        (li as u32 + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_all_line_ends() {
        let t = "a\r\nb\rc\n\nd";
        let l: Vec<&str> = split(t).iter().map(|l| l.text).collect();
        assert_eq!(l, ["a", "b", "c", "", "d"]);
        assert_eq!(split("x\n").len(), 1);
        assert!(split("").is_empty());
    }

    #[test]
    fn locates() {
        let t = "一二\n三x";
        let lines = split(t);
        let loc = Locator::new(t, &lines);
        let s = loc.span(10, 11);
        assert_eq!((s.line, s.column), (2, 2));
        assert_eq!(loc.span(3, 6).column, 2);
    }
}
