//! Input front ends: the shared machinery for reading a report through a
//! *reading text*.
//!
//! An HTML page, converter markdown or a PDF is not read by the line parser
//! as it stands. A front end walks its source and writes a [`Reading`]: the
//! report's text in reading order, block elements ending lines, each table
//! written as tab rows (see [`crate::grid::Grid::to_tab_text`]), and for every
//! piece of that text the range of the source it stands for. The line parser
//! reads the reading text; [`Reading::remap`] then moves every span of the
//! model back onto the source, so a diagnostic underlines the cell in the
//! page source. Text a front end writes on its own (a tab between cells, a
//! line end for `</p>`) maps to the source position where it stands.
//!
//! ```
//! use ogi_report::input::Reading;
//!
//! let source = "<p>一、总体情况</p><p>本年度&amp;工作。</p>";
//! let mut r = Reading::new();
//! r.push_source("一、总体情况", source.find('一').unwrap());
//! r.push_layout("\n", source.find("</p>").unwrap());
//! r.push_source("本年度", source.find('本').unwrap());
//! let amp = source.find("&amp;").unwrap();
//! r.push_mapped("&", amp..amp + 5);
//! r.push_source("工作。", amp + 5);
//! assert_eq!(r.text(), "一、总体情况\n本年度&工作。");
//! assert_eq!(r.to_source(0), 3);
//! let at = r.to_source(r.text().find('&').unwrap());
//! assert_eq!(&source[at..at + 5], "&amp;");
//! ```

#[cfg(feature = "html")]
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;

use std::ops::Range;

use crate::model::{Report, Span};

/// True when `bytes` are a PDF: they start with its magic bytes `%PDF-`.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// One run of the reading text and the source it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Start in the reading text.
    at: usize,
    /// Length in the reading text.
    len: usize,
    /// Start in the source.
    src: usize,
    /// Length in the source; equal to `len` for a verbatim copy.
    src_len: usize,
    /// True when the run is a byte-for-byte copy of the source.
    verbatim: bool,
}

/// The text a front end hands the line parser, with the map back to its
/// source. See the [module docs](self).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    text: String,
    runs: Vec<Run>,
}

impl Reading {
    /// An empty reading text.
    pub fn new() -> Reading {
        Reading::default()
    }

    /// The reading text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `s`, a verbatim copy of the source starting at byte `src`.
    pub fn push_source(&mut self, s: &str, src: usize) {
        self.push_run(s, src, s.len(), true);
    }

    /// Appends `s`, which stands for the source range `src` without being a
    /// copy of it (a decoded entity, a folded glyph, a joined fragment).
    pub fn push_mapped(&mut self, s: &str, src: Range<usize>) {
        let len = src.end.saturating_sub(src.start);
        self.push_run(s, src.start, len, false);
    }

    /// Appends layout the front end writes on its own (a tab between cells,
    /// a line end for a block element) at source position `at`.
    pub fn push_layout(&mut self, s: &str, at: usize) {
        self.push_run(s, at, 0, false);
    }

    fn push_run(&mut self, s: &str, src: usize, src_len: usize, verbatim: bool) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.runs.last_mut() {
            // Merge adjacent verbatim copies of adjacent source.
            if verbatim && last.verbatim && last.src + last.src_len == src {
                last.len += s.len();
                last.src_len += s.len();
                return;
            }
        }
        self.runs.push(Run {
            at,
            len: s.len(),
            src,
            src_len,
            verbatim,
        });
    }

    /// The source offset of reading-text offset `off` (for the end of a
    /// range, use [`Reading::to_source_end`]).
    pub fn to_source(&self, off: usize) -> usize {
        match self.run_at(off) {
            Some(r) if r.verbatim => r.src + (off - r.at),
            Some(r) => r.src,
            None => self.runs.last().map_or(0, |r| r.src + r.src_len),
        }
    }

    /// The source offset one past the reading-text byte before `end`.
    pub fn to_source_end(&self, end: usize) -> usize {
        if end == 0 {
            return self.to_source(0);
        }
        match self.run_at(end - 1) {
            Some(r) if r.verbatim => r.src + (end - r.at),
            Some(r) => r.src + r.src_len,
            None => self.runs.last().map_or(0, |r| r.src + r.src_len),
        }
    }

    fn run_at(&self, off: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.at + r.len <= off);
        self.runs.get(i).filter(|r| r.at <= off)
    }

    /// Maps a span of the reading text onto `source`: offsets through the
    /// run map, line and column recomputed in `source`.
    pub fn span_to_source(&self, span: Span, index: &LineIndex<'_>) -> Span {
        let start = self.to_source(span.start as usize);
        let end = if span.end > span.start {
            self.to_source_end(span.end as usize).max(start)
        } else {
            start
        };
        index.span(start, end)
    }

    /// Moves every span of `report` (parsed from [`Reading::text`]) onto
    /// `source`.
    pub fn remap(&self, report: &mut Report, source: &str) {
        let index = LineIndex::new(source);
        crate::model::visit::spans_mut(report, &mut |s| *s = self.span_to_source(*s, &index));
    }
}

/// Line starts of a text, for offset → line and column (in characters): the
/// crate's one line index ([`crate::lines::Locator`]) over a text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    loc: crate::lines::Locator<'a>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (LF, CRLF and CR end lines).
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let lines = crate::lines::split(text);
        LineIndex {
            loc: crate::lines::Locator::new(text, &lines),
        }
    }

    /// 1-based line and 1-based column (in characters) of byte `off`
    /// (clamped to the text, moved back to a character boundary).
    pub fn line_col(&self, off: usize) -> (u32, u32) {
        self.loc.line_column(off)
    }

    /// A span of `start..end` with its line and column.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        Span {
            start: start as u32,
            end: end as u32,
            line,
            column,
            page: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_runs_merge_and_map() {
        let mut r = Reading::new();
        r.push_source("ab", 10);
        r.push_source("cd", 12);
        r.push_layout("\t", 14);
        r.push_mapped("&", 20..25);
        assert_eq!(r.runs.len(), 3);
        assert_eq!(r.to_source(3), 13);
        assert_eq!(r.to_source(4), 14);
        assert_eq!(r.to_source(5), 20);
        assert_eq!(r.to_source_end(6), 25);
        assert_eq!(r.to_source_end(4), 14);
    }

    #[test]
    fn line_index_counts_chars() {
        let t = "一二\r\n三四五\n";
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(0), (1, 1));
        assert_eq!(ix.line_col(3), (1, 2));
        assert_eq!(ix.line_col(8), (2, 1));
        assert_eq!(ix.line_col(11), (2, 2));
        assert_eq!(ix.line_col(99), (3, 1));
    }

    #[test]
    fn remap_moves_spans_onto_source() {
        let source = "<p>一、总体情况</p>\n<p>本年度工作正常。</p>";
        let mut r = Reading::new();
        let a = source.find("一").unwrap();
        r.push_source("一、总体情况", a);
        r.push_layout("\n", source.find("</p>").unwrap());
        let b = source.find("本").unwrap();
        r.push_source("本年度工作正常。", b);
        let mut report = crate::parse(r.text()).unwrap();
        r.remap(&mut report, source);
        let h = report.sections[0].heading.span;
        assert_eq!(h.slice(source), "一、总体情况");
        assert_eq!((h.line, h.column), (1, 4));
        let crate::model::Block::Paragraph(p) = &report.sections[0].blocks[0] else {
            panic!("paragraph expected")
        };
        assert_eq!(p.span.slice(source), "本年度工作正常。");
        assert_eq!((p.span.line, p.span.column), (2, 4));
    }
}
