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
        crate::text::space::is_blank(self.text)
    }
    /// The line without leading and trailing white space, with its offset.
    pub fn trimmed(&self) -> (usize, &'a str) {
        let t = crate::text::space::trim_start(self.text);
        let off = self.start + (self.text.len() - t.len());
        (off, crate::text::space::trim_end(t))
    }
}

pub use crate::chars::is_space;

/// True when `text` holds a line break (`\n` or `\r`): one byte search.
pub(crate) fn has_line_break(text: &str) -> bool {
    memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_some()
}

/// Splits `text` into lines (LF, CRLF and CR all end a line). A final line
/// end does not start an extra empty line.
pub fn split(text: &str) -> Vec<Line<'_>> {
    iter(text).collect()
}

/// The lines of `text` one by one, as [`split`] returns them, without
/// holding them all in memory (the parser's pass over a text of many short
/// lines keeps nothing per line).
pub fn iter(text: &str) -> Lines<'_> {
    Lines {
        text,
        next_start: 0,
        index: 0,
    }
}

/// The iterator of [`iter`].
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    next_start: usize,
    index: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let bytes = self.text.as_bytes();
        let start = self.next_start;
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(p) => {
                let at = start + p;
                let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                    at + 2
                } else {
                    at + 1
                };
                (at, next)
            }
            None => (bytes.len(), bytes.len()),
        };
        let line = Line {
            index: self.index,
            start,
            text: &self.text[start..end],
        };
        self.index += 1;
        self.next_start = next;
        Some(line)
    }
}

/// Line starts, 4 bytes each when the text is shorter than 4 GiB (always,
/// under the input limit) so that the index of a text of many short lines
/// stays small.
#[derive(Debug, Clone)]
enum Starts {
    Small(Vec<u32>),
    Large(Vec<usize>),
}

impl Starts {
    /// The starts given, with room for `lines` of them to start with (the
    /// vector grows as it must, and its spare room is given back).
    fn of(text: &str, starts: impl Iterator<Item = usize>, lines: usize) -> Starts {
        let mut s = if u32::try_from(text.len()).is_ok() {
            let mut v = Vec::with_capacity(lines.max(1));
            v.extend(starts.map(|s| s as u32));
            Starts::Small(v)
        } else {
            let mut v = Vec::with_capacity(lines.max(1));
            v.extend(starts);
            Starts::Large(v)
        };
        match &mut s {
            Starts::Small(v) if v.is_empty() => v.push(0),
            Starts::Large(v) if v.is_empty() => v.push(0),
            Starts::Small(v) => v.shrink_to_fit(),
            Starts::Large(v) => v.shrink_to_fit(),
        }
        s
    }
    /// The start of every line of `text`, as [`iter`] gives them: one
    /// `memchr2` pass over the line ends (no [`Line`] made). The text is
    /// read once: neither counted first nor searched for a CR on its own
    /// (three passes, measured dearer than one of two bytes); the vector
    /// grows by doubling and gives its spare room back at the end.
    fn of_text(text: &str) -> Starts {
        let b = text.as_bytes();
        let n = b.len();
        // the byte after a line end starts a line, unless the text ends
        // there or the line end is the CR of a CRLF
        let after = move |at: usize| {
            let crlf = b[at] == b'\r' && b.get(at + 1) == Some(&b'\n');
            (!crlf && at + 1 < n).then_some(at + 1)
        };
        let ends = memchr::memchr2_iter(b'\n', b'\r', b).filter_map(after);
        // (room for a line of 64 bytes each, at most 64 to start with)
        Starts::of(text, std::iter::once(0).chain(ends), (n / 64).min(64))
    }
    fn len(&self) -> usize {
        match self {
            Starts::Small(v) => v.len(),
            Starts::Large(v) => v.len(),
        }
    }
    fn get(&self, i: usize) -> usize {
        match self {
            Starts::Small(v) => v[i] as usize,
            Starts::Large(v) => v[i],
        }
    }
    /// The last line that starts at or before `offset`, given that line
    /// `from` does: searched forward from `from` in doubling steps, then
    /// by halving between the last two (lookups one after the other are
    /// mostly a few lines apart: a few probes, not a search of all lines).
    fn line_from(&self, from: usize, offset: usize) -> usize {
        let n = self.len();
        let (mut lo, mut step) = (from, 1);
        let hi = loop {
            let probe = lo + step;
            if probe >= n {
                break n;
            }
            if self.get(probe) > offset {
                break probe;
            }
            lo = probe;
            step *= 2;
        };
        // line `lo` starts at or before `offset`, line `hi` (if any) after
        lo + match self {
            Starts::Small(v) => v[lo + 1..hi].partition_point(|&s| s as usize <= offset),
            Starts::Large(v) => v[lo + 1..hi].partition_point(|&s| s <= offset),
        }
    }
    /// The number of starts `s` with `pred(s)` (a prefix: `pred` is monotone).
    fn partition_point(&self, pred: impl Fn(usize) -> bool) -> usize {
        match self {
            Starts::Small(v) => v.partition_point(|&s| pred(s as usize)),
            Starts::Large(v) => v.partition_point(|&s| pred(s)),
        }
    }
}

/// Where the last lookup of a [`Locator`] was, and the line it was on.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    offset: usize,
    line: usize,
    column: u32,
    /// The start of `line`, and of the line after it (`usize::MAX` before
    /// the line is known or when it is the last).
    line_start: usize,
    next_start: usize,
}

impl Cursor {
    /// No lookup yet: an empty range of lines, so the first lookup searches.
    const START: Cursor = Cursor {
        offset: 0,
        line: 0,
        column: 1,
        line_start: usize::MAX,
        next_start: 0,
    };
}

/// The number of characters in `text[a..b]` (0 when that is no slice):
/// the bytes that start a character, counted in one loop (the spans looked
/// up one after the other are a few bytes apart: no set-up per call).
#[inline]
fn chars_in(text: &str, a: usize, b: usize) -> u32 {
    if a > b || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return 0;
    }
    starts_in(&text.as_bytes()[a..b])
}

/// The number of bytes of `b` that start a character (a continuation byte
/// is 0b10xx_xxxx).
#[inline]
fn starts_in(b: &[u8]) -> u32 {
    b.iter().map(|&x| u32::from((x as i8) >= -0x40)).sum()
}

/// Turns byte ranges into [`Span`]s.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Starts,
    // cursor: the last lookup (offset, line index, column) and the bounds
    // of its line (its start, the next line's start)
    cursor: std::cell::Cell<Cursor>,
}

impl<'a> Locator<'a> {
    /// A locator over the given lines of `text`.
    pub fn new(text: &'a str, lines: &[Line<'_>]) -> Self {
        Locator {
            text,
            line_starts: Starts::of(text, lines.iter().map(|l| l.start), lines.len()),
            cursor: std::cell::Cell::new(Cursor::START),
        }
    }

    /// A locator over all the lines of `text` ([`iter`]), without
    /// collecting them first.
    pub fn of_text(text: &'a str) -> Self {
        Locator {
            text,
            line_starts: Starts::of_text(text),
            cursor: std::cell::Cell::new(Cursor::START),
        }
    }

    /// The number of line starts held: for a locator made by
    /// [`Locator::of_text`], the number of lines (1 for an empty text).
    pub(crate) fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The lines of the text, as [`iter`] gives them, read from the line
    /// starts this locator holds (the text is not searched for line ends
    /// again). Only for a locator made by [`Locator::of_text`], whose starts
    /// are those of every line.
    pub(crate) fn lines(&self) -> impl Iterator<Item = Line<'a>> + '_ {
        let text = self.text;
        let bytes = text.as_bytes();
        // an empty text has no line (its locator holds the start 0)
        let n = if text.is_empty() {
            0
        } else {
            self.line_starts.len()
        };
        (0..n).map(move |index| {
            let start = self.line_starts.get(index);
            // the line ends before its line end: LF, CR or CRLF (the last
            // line may have none)
            let next = if index + 1 < n {
                self.line_starts.get(index + 1)
            } else {
                bytes.len()
            };
            let mut end = next;
            if end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
                end -= 1;
                if bytes[end] == b'\n' && end > start && bytes[end - 1] == b'\r' {
                    end -= 1;
                }
            }
            Line {
                index,
                start,
                text: &text[start..end],
            }
        })
    }

    /// The span of `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        // inputs are at most 64 MiB (`decode::MAX_INPUT_BYTES`): offsets fit u32
        Span {
            start: start as u32,
            end: end as u32,
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
            let line = self.line_starts.partition_point(|s| s < offset) as u32;
            return (line + 1, 1);
        }
        self.line_col(offset)
    }

    /// True when byte `offset` is on line `i` (0-based).
    fn on_line(&self, i: usize, offset: usize) -> bool {
        let n = self.line_starts.len();
        i < n
            && self.line_starts.get(i) <= offset
            && (i + 1 == n || offset < self.line_starts.get(i + 1))
    }

    /// The line and column of byte `offset`; an offset inside a character
    /// (or past the end) is that of the character's start (the end), so
    /// that the cursor and a search from the line start agree.
    #[inline]
    fn line_col(&self, offset: usize) -> (u32, u32) {
        let c = self.cursor.get();
        // the usual lookup: forward on the line of the last one, at a
        // character boundary (the cursor's offset is one too)
        if c.offset <= offset && offset < c.next_start && self.text.is_char_boundary(offset) {
            let col = c.column + starts_in(&self.text.as_bytes()[c.offset..offset]);
            self.cursor.set(Cursor {
                offset,
                column: col,
                ..c
            });
            return (c.line as u32 + 1, col);
        }
        self.line_col_moved(offset)
    }

    /// [`Locator::line_col`] of an offset behind the last lookup, on
    /// another line or inside a character. (Not inlined: the usual case
    /// stays a small function with few registers to save.)
    #[inline(never)]
    fn line_col_moved(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let c = self.cursor.get();
        // lookups mostly move forward on the line of the last one: its
        // bounds are held, and the column counted on from the last lookup
        if c.line_start <= offset && offset < c.next_start {
            let col = if c.offset <= offset {
                c.column + chars_in(self.text, c.offset, offset)
            } else if c.offset - offset < offset - c.line_start {
                c.column
                    .saturating_sub(chars_in(self.text, offset, c.offset))
                    .max(1)
            } else {
                1 + chars_in(self.text, c.line_start, offset)
            };
            self.cursor.set(Cursor {
                offset,
                column: col,
                ..c
            });
            return (c.line as u32 + 1, col);
        }
        // else the next line, a line further on (searched forward from the
        // cursor's), or a search of all the lines
        let li = if c.line_start == usize::MAX || offset < c.line_start {
            self.line_starts
                .partition_point(|s| s <= offset)
                .saturating_sub(1)
        } else if self.on_line(c.line + 1, offset) {
            c.line + 1
        } else {
            self.line_starts.line_from(c.line + 1, offset)
        };
        let ls = self.line_starts.get(li);
        let next_start = if li + 1 < self.line_starts.len() {
            self.line_starts.get(li + 1)
        } else {
            usize::MAX
        };
        let col = 1 + chars_in(self.text, ls, offset);
        self.cursor.set(Cursor {
            offset,
            line: li,
            column: col,
            line_start: ls,
            next_start,
        });
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
        assert_eq!(split(t), iter(t).collect::<Vec<_>>());
        assert_eq!(split("\r\n\r").len(), 2);
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "\n\n",
            "a\r\nb",
            "a\rb\n",
            "一\n二\n",
        ] {
            assert_eq!(Locator::of_text(t).lines().count(), split(t).len(), "{t:?}");
        }
        for t in [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "a\n\r",
            "a\r\nb\rc\n\nd\n",
            "\n\nx",
            "一\r\n\r\n二\r",
        ] {
            let loc = Locator::of_text(t);
            assert_eq!(loc.lines().collect::<Vec<_>>(), split(t), "{t:?}");
            let by_lines = Locator::new(t, &split(t));
            assert_eq!(loc.line_count(), by_lines.line_count(), "{t:?}");
            for i in 0..loc.line_count() {
                assert_eq!(loc.line_starts.get(i), by_lines.line_starts.get(i), "{t:?}");
            }
        }
    }

    #[test]
    fn locates() {
        let t = "一二\n三x";
        let lines = split(t);
        let loc = Locator::new(t, &lines);
        let s = loc.span(10, 11);
        assert_eq!((s.line, s.column), (2, 2));
        assert_eq!(loc.span(3, 6).column, 2);
        // any order of lookups gives what a fresh locator gives
        let t = "一二\n三x\r\n\nabc\r四五六\n";
        let loc = Locator::of_text(t);
        // (spans start at character boundaries)
        let offsets: Vec<usize> = (0..=t.len())
            .chain((0..=t.len()).rev())
            .chain([3, 17, 0, 9, 8, 20, 23, 6])
            .filter(|&o| t.is_char_boundary(o))
            .collect();
        for &o in &offsets {
            assert_eq!(
                loc.line_column(o),
                Locator::of_text(t).line_column(o),
                "{o}"
            );
            let fresh = Locator::of_text(t).span(o, o);
            let s = loc.span(o, o);
            assert_eq!((s.line, s.column), (fresh.line, fresh.column), "{o}");
        }
    }

    #[test]
    fn line_from_is_the_search_of_all_lines() {
        let t = "a\n\nbc\nd\n\n\nefg\nh\ni\nj\nk\n\nl";
        let starts = Starts::of_text(t);
        for from in 0..starts.len() {
            for offset in starts.get(from)..=t.len() {
                let all = starts.partition_point(|s| s <= offset) - 1;
                assert_eq!(starts.line_from(from, offset), all, "{from} {offset}");
            }
        }
    }

    #[test]
    fn chars_in_counts_the_characters_of_a_slice() {
        let t = "a数１\u{1F600}\n－b\u{3000}";
        for (a, _) in t.char_indices().chain([(t.len(), ' ')]) {
            for (b, _) in t.char_indices().chain([(t.len(), ' ')]) {
                let want = t.get(a..b).map_or(0, |s| s.chars().count() as u32);
                assert_eq!(chars_in(t, a, b), want, "{a}..{b}");
            }
        }
        // inside a character, backwards, past the end: no slice
        assert_eq!(chars_in(t, 2, 4), 0);
        assert_eq!(chars_in(t, 4, 1), 0);
        assert_eq!(chars_in(t, 0, 99), 0);
    }

    #[test]
    fn offsets_inside_a_character_are_its_start() {
        let t = "一二\n三x\r\n\nabc\r四五六\n";
        // every offset, boundaries or not, forwards, backwards and jumping
        // about: the cursor agrees with a fresh locator and with the
        // character's start
        let offsets: Vec<usize> = (0..=t.len() + 2)
            .chain((0..=t.len()).rev())
            .chain([4, 17, 1, 10, 8, 22, 2, 5, 7])
            .collect();
        let loc = Locator::of_text(t);
        for &o in &offsets {
            let mut b = o.min(t.len());
            while !t.is_char_boundary(b) {
                b -= 1;
            }
            let fresh = Locator::of_text(t).span(o, o);
            let at_start = Locator::of_text(t).span(b, b);
            let s = loc.span(o, o);
            assert_eq!((s.line, s.column), (fresh.line, fresh.column), "{o}");
            assert_eq!((s.line, s.column), (at_start.line, at_start.column), "{o}");
        }
        // the second character of line 1 starts at byte 3: bytes 3..6 are
        // in it, column 2, however the cursor came there
        let loc = Locator::of_text(t);
        assert_eq!(loc.span(0, 0).column, 1);
        assert_eq!(loc.span(5, 5).column, 2);
        assert_eq!(loc.span(4, 4).column, 2);
        assert_eq!(loc.span(1, 1).column, 1);
    }
}
