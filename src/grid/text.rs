//! Choosing the builder for a table region of plain text.
//!
//! Each line of the region is classified once ([`Line`]): blank, a page
//! number, a tab row, a pipe row, how many space-aligned chunks it has and
//! whether the line after it is blank. The region's layout follows from the
//! counts, and the lines go to that layout's builder:
//!
//! * **tab rows** when at least half of the non-blank lines (and two or
//!   more) are tab rows; **pipe rows** likewise ([`super::tabs`],
//!   [`super::pipes`]); a line with two or more tab-separated fields is a
//!   tab row anywhere;
//! * **space-aligned columns** (`pdftotext -layout`) when at least half of
//!   the non-blank lines (and two or more) have two or more chunks cut by
//!   gaps of two or more spaces ([`super::columns`], one part per page:
//!   page number lines cut the region);
//! * **blank-separated cells** when blank lines separate the region's
//!   lines (at most one in four non-blank lines is followed by another
//!   one): [`super::flow::blank_separated`];
//! * otherwise **flow words** (crawler runs, one row per line:
//!   [`super::flow::words`]).
//!
//! Page number lines become [`RowKind::PageNumber`] rows in every layout.

use std::ops::Range;

/// The lines a [`Classifier`]'s buffers have room for at first.
const LINES: usize = 40;

/// The words of a line (for the buffer of a [`Classifier`]).
pub(crate) use super::scan::Word;
use super::scan::{self, Facts};
use super::{Cell, Grid, Layout, RowKind, columns, flow, pipes, tabs};
use crate::lines::is_space;
use crate::text::lexical::is_page_number;

/// A line (or piece of a line) of the region: byte offset and text.
pub(crate) type Piece<'a> = (usize, &'a str);

/// A non-blank line of a region, classified once.
#[derive(Debug, Clone)]
struct Line<'a> {
    start: usize,
    raw: &'a str,
    /// What the walk over it found.
    facts: Facts,
    /// Its words: a range of the region's word list.
    words: Range<usize>,
    /// A page number line.
    page: bool,
    /// The line before it in the region is blank (or it is the first).
    after_blank: bool,
    /// The next line of the region is non-blank (set by
    /// [`Classifier::finish`]).
    joined: bool,
}

impl<'a> Line<'a> {
    /// Two or more non-blank tab-separated fields ([`tabs::is_row`]).
    fn tab_row(&self) -> bool {
        self.facts.tab_fields >= 2
    }

    /// The trimmed text and its offset.
    fn trimmed(&self) -> (usize, &'a str) {
        let (s, e) = self.facts.text;
        (self.start + s, &self.raw[s..e])
    }

    /// The page number row of this line.
    fn page_row(&self, g: &mut Grid) {
        let (at, t) = self.trimmed();
        g.push_row_of(RowKind::PageNumber, vec![Cell::new(t, at..at + t.len())]);
    }
}

/// A region's lines classified: the non-blank lines, all their words, and
/// the region's span (from the first to the last non-blank character; an
/// empty range at its start when it is blank).
pub(crate) struct Classified<'a, 'w> {
    lines: &'w [Line<'a>],
    span: Range<usize>,
}

/// The buffers of a [`Classifier`]: its lines and their words, reused over
/// the regions of a text (a region's list of lines is not grown anew for
/// each table).
#[derive(Default)]
pub(crate) struct Buffers<'a> {
    lines: Vec<Line<'a>>,
    words: Vec<Word>,
}

impl Buffers<'_> {
    /// The buffers emptied and borrowing no text, their room kept (the
    /// structure pass keeps them for the next text, see [`unborrowed`]); a
    /// list that grew beyond `most` elements is dropped.
    pub(crate) fn unborrowed(self, most: usize) -> Buffers<'static> {
        let Buffers { lines, mut words } = self;
        words.clear();
        Buffers {
            lines: if lines.capacity() <= most {
                unborrowed(lines)
            } else {
                Vec::new()
            },
            words: if words.capacity() <= most {
                words
            } else {
                Vec::new()
            },
        }
    }
}

/// The empty list `v` as a list of another type of the same size and
/// alignment (a list that borrows a text as one that borrows nothing), its
/// room kept: the standard library collects a list's mapped items in the
/// list's own allocation when the sizes and alignments match (a unit test
/// checks that the room is kept).
pub(crate) fn unborrowed<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!("emptied")).collect()
}

/// Classifies the lines of a region one by one, each walked once, as the
/// structure pass meets them: region assembly pushes each line it looks at
/// and reads the facts of the walk (a tab or pipe row?) instead of
/// searching the line itself, and the grid builder reads the lines so
/// classified ([`region_of`]) instead of walking them again.
pub(crate) struct Classifier<'a, 'w> {
    /// The lines and their words (buffers reused over the regions of a
    /// text).
    buf: &'w mut Buffers<'a>,
    /// The offset of the first line pushed (the span of a blank region).
    first: Option<usize>,
    prev_blank: bool,
}

impl<'a, 'w> Classifier<'a, 'w> {
    /// A classifier whose lines and words go to `buf` (cleared first).
    pub(crate) fn new(buf: &'w mut Buffers<'a>) -> Self {
        buf.lines.clear();
        buf.words.clear();
        // made once at the size of a table of a report (a region of 40
        // lines, 12 words a line), not grown by copying from four
        buf.lines.reserve(LINES);
        buf.words.reserve(LINES * 12);
        Classifier {
            buf,
            first: None,
            prev_blank: true,
        }
    }

    /// Walks the line `raw` found at byte `start` (the next line of the
    /// region): its facts, `None` when it is blank.
    pub(crate) fn push(&mut self, start: usize, raw: &'a str) -> Option<Facts> {
        self.first.get_or_insert(start);
        let from = self.buf.words.len();
        let Some(facts) = scan::line(start, raw, &mut self.buf.words) else {
            self.prev_blank = true;
            return None;
        };
        if facts.tab_fields >= 2 {
            // a tab row is read by its fields in every layout: its words
            // are never needed
            self.buf.words.truncate(from);
        }
        let t = &raw[facts.text.0..facts.text.1];
        // a page number starts with a dash, 第 or a digit and ends with a
        // dash, 页 or a digit
        let ends = |c: Option<char>| {
            c.is_some_and(|c| {
                matches!(c, '-' | '—' | '－' | '–' | '第' | '页') || c.is_ascii_digit()
            })
        };
        // (a page number that starts with a digit has a `/` before its
        // last character: `3/10`, three bytes or more; a figure on a line
        // of its own, `0`, `12`, is not searched)
        let first = t.chars().next();
        let page = ends(first)
            && ends(t.chars().next_back())
            && (!first.is_some_and(|c| c.is_ascii_digit())
                || t.len() >= 3 && memchr::memchr(b'/', t.as_bytes()).is_some())
            && is_page_number(t);
        self.buf.lines.push(Line {
            start,
            raw,
            facts,
            words: from..self.buf.words.len(),
            page,
            after_blank: self.prev_blank,
            joined: false,
        });
        self.prev_blank = false;
        Some(facts)
    }

    /// A blank line of the region at byte `start` (known blank: not walked).
    pub(crate) fn blank(&mut self, start: usize) {
        self.first.get_or_insert(start);
        self.prev_blank = true;
    }

    /// The number of non-blank lines pushed.
    pub(crate) fn len(&self) -> usize {
        self.buf.lines.len()
    }

    /// Drops the non-blank lines pushed after the first `n` (and their
    /// words): lines looked at past the end of the region.
    pub(crate) fn truncate(&mut self, n: usize) {
        if let Some(l) = self.buf.lines.get(n) {
            self.buf.words.truncate(l.words.start);
            self.buf.lines.truncate(n);
        }
    }

    /// The lines classified, with the words of the walks.
    pub(crate) fn finish(self) -> (Classified<'a, 'w>, &'w [Word]) {
        let Classifier { buf, first, .. } = self;
        let Buffers { lines, words } = buf;
        for k in 1..lines.len() {
            if !lines[k].after_blank {
                lines[k - 1].joined = true;
            }
        }
        let span = match (lines.first(), lines.last()) {
            (Some(f), Some(l)) => f.start + f.facts.text.0..l.start + l.facts.text.1,
            _ => {
                let at = first.unwrap_or(0);
                at..at
            }
        };
        (Classified { lines, span }, words)
    }
}

/// Walks each line of a region once; its lines and words go to `buf`
/// (cleared first: buffers reused over the regions of a text).
fn classify<'a, 'w>(
    lines: &[Piece<'a>],
    buf: &'w mut Buffers<'a>,
) -> (Classified<'a, 'w>, &'w [Word]) {
    let mut c = Classifier::new(buf);
    for &(start, raw) in lines {
        c.push(start, raw);
    }
    c.finish()
}

/// The grid of a standard-table region.
#[cfg(test)]
pub(crate) fn region(lines: &[Piece<'_>]) -> Grid {
    let mut buf = Buffers::default();
    let (c, words) = classify(lines, &mut buf);
    region_of(c, words)
}

/// The grid of a standard-table region whose lines are classified (by a
/// [`Classifier`]); `words` are the words of the walks.
pub(crate) fn region_of(c: Classified<'_, '_>, words: &[Word]) -> Grid {
    let Classified { lines, span } = c;
    let n = lines.len().max(1);
    let count = |f: fn(&Line<'_>) -> bool| lines.iter().filter(|l| f(l)).count();
    let majority = |k: usize| k * 2 >= n && k >= 2;
    let mut g = Grid::new();
    // a row per line, in every layout but blank-separated cells (fewer)
    g.reserve_rows(lines.len());
    let sep = if majority(count(|l| l.tab_row())) {
        Some(Some('\t'))
    } else if majority(count(|l| l.facts.pipes >= 2)) {
        Some(Some('|'))
    } else {
        (count(|l| l.tab_row()) > 0).then_some(None)
    };
    if let Some(sep) = sep {
        // the words are not needed (a line without the separator, a title
        // or a note, is walked again)
        delimited(&mut g, lines, sep);
    } else if majority(count(|l| l.facts.chunks >= 2)) {
        g.set_layout(Layout::Columns);
        by_page(&mut g, lines, |g, part| {
            let rows = part.iter().map(|l| (l.start, l.raw, l.words.clone()));
            columns::push_scanned(g, words, rows);
        });
    } else if lines.len() >= 2 && count(|l| l.joined) * 4 <= lines.len() {
        g.set_layout(Layout::BlankSeparated);
        by_page(&mut g, lines, |g, part| {
            // a blank after each line not joined to the next
            let cells = part.iter().flat_map(|l| {
                [Some(l.trimmed()), None]
                    .into_iter()
                    .take(if l.joined { 1 } else { 2 })
            });
            flow::push_blank_separated(g, cells);
        });
    } else {
        g.set_layout(if lines.iter().all(|l| l.page) {
            Layout::Unknown
        } else {
            Layout::Flow
        });
        for l in lines {
            if l.page {
                l.page_row(&mut g);
            } else {
                g.push_row(flow::cells_of_words(
                    l.start,
                    l.raw,
                    &words[l.words.clone()],
                ));
            }
        }
    }
    g.set_span(span);
    g
}

/// Reads the lines part by part between page number lines, each part
/// with `build`.
fn by_page<'a>(g: &mut Grid, lines: &[Line<'a>], mut build: impl FnMut(&mut Grid, &[Line<'a>])) {
    let mut from = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.page {
            build(g, &lines[from..i]);
            l.page_row(g);
            from = i + 1;
        }
    }
    build(g, &lines[from..]);
}

/// Tab or pipe rows: `sep` is the region's separator (the majority's), a
/// line without it read as flow words; without one, tab rows are read as
/// tab rows and the rest as flow words.
fn delimited(g: &mut Grid, lines: &[Line<'_>], sep: Option<char>) {
    let mut used = [false; 3];
    for l in lines {
        if l.page {
            l.page_row(g);
            continue;
        }
        let row = match sep {
            Some('|') if l.facts.pipes > 0 => {
                used[1] = true;
                pipes::row(l.start, l.raw)
            }
            Some('\t') if l.facts.has_tab => {
                used[0] = true;
                tabs::row(l.start, l.raw)
            }
            _ if l.tab_row() => {
                used[0] = true;
                tabs::row(l.start, l.raw)
            }
            _ => {
                used[2] = true;
                flow::words(l.start, l.raw)
            }
        };
        g.push_row(row);
    }
    // a region read as tab (pipe) rows is a tab (pipe) table, whatever
    // its few lines without a separator (a title, a note) were read as
    g.set_layout(match (sep, used) {
        (Some('\t'), _) => Layout::Tabs,
        (Some(_), _) => Layout::Pipes,
        (None, [true, false, false]) => Layout::Tabs,
        (None, [false, false, true]) => Layout::Flow,
        (None, [false, false, false]) => Layout::Unknown,
        _ => Layout::Mixed,
    });
}

/// The grid of a generic-table region: tab rows when two or more lines are
/// tab rows, pipe rows likewise, otherwise one cell per line.
pub(crate) fn generic(lines: &[Piece<'_>]) -> Grid {
    let mut g = match generic_rows(lines) {
        Some(rows) => {
            let mut g = Grid::new();
            g.set_layout(rows.layout);
            for row in rows.rows {
                g.push_row(row);
            }
            g
        }
        None => flow::lines(
            classify(lines, &mut Buffers::default())
                .0
                .lines
                .iter()
                .map(Line::trimmed),
        ),
    };
    g.set_span(region_span(lines));
    g
}

/// The span from the first to the last non-blank character of the region
/// (an empty range at its start when it is blank).
fn region_span(lines: &[Piece<'_>]) -> Range<usize> {
    let nonblank = |l: &&Piece<'_>| !l.1.chars().all(is_space);
    match (
        lines.iter().find(nonblank),
        lines.iter().rev().find(nonblank),
    ) {
        (Some(f), Some(l)) => {
            let lead = f.1.len() - f.1.trim_start_matches(is_space).len();
            f.0 + lead..l.0 + l.1.trim_end_matches(is_space).len()
        }
        _ => {
            let at = lines.first().map_or(0, |l| l.0);
            at..at
        }
    }
}

/// The rows of a generic-table region of tab or pipe rows, built one line
/// at a time (see [`generic_rows`]).
pub(crate) struct Rows<I> {
    /// [`Layout::Tabs`] or [`Layout::Pipes`].
    pub(crate) layout: Layout,
    /// The span [`generic`] gives the grid.
    pub(crate) span: Range<usize>,
    /// Each non-blank line's cells.
    pub(crate) rows: I,
}

/// The rows [`generic`] reads a region of tab or pipe rows as, one line at
/// a time, so that a mapper can take each row as it comes instead of a
/// whole grid (`None` for one cell per line, which needs the whole region).
pub(crate) fn generic_rows<'l>(
    lines: &'l [Piece<'l>],
) -> Option<Rows<impl Iterator<Item = Vec<Cell>> + 'l>> {
    let nonblank = || lines.iter().filter(|l| !l.1.chars().all(is_space)).copied();
    let sep = if nonblank().filter(|l| tabs::is_row(l.1)).count() >= 2 {
        '\t'
    } else if nonblank().filter(|l| pipes::is_row(l.1)).count() >= 2 {
        '|'
    } else {
        return None;
    };
    Some(Rows {
        layout: if sep == '\t' {
            Layout::Tabs
        } else {
            Layout::Pipes
        },
        span: region_span(lines),
        rows: nonblank().map(move |(s, r)| tabs::fields(s, r, sep)),
    })
}

#[cfg(test)]
mod tests;
