//! The renderer: a [`Report`] back to canonical text.
//!
//! [`write_report`] writes a report to any [`fmt::Write`]; [`render`] is the
//! `String` convenience, and `Report`'s `Display` delegates to
//! [`write_report`]. The output is the report's *canonical form*: the parser
//! reads it back to an equal model (`parse(&render(&r)) == r`, spans, table
//! fragments and white space inside table cells excepted), and rendering is a
//! fixed point (`render(parse(render(x))) == render(x)`).
//!
//! # The canonical form
//!
//! * Line ends are LF (`\n`); the text ends with exactly one `\n` (an empty
//!   report renders as the empty string). No line has leading white space.
//! * The text is a sequence of *chunks* separated by exactly one blank line,
//!   or two after a paragraph that another paragraph follows when its last
//!   line is 40 characters or more and ends no sentence: after one blank line
//!   the parser joins such a line to the next paragraph (a page break); two
//!   blank lines always end a paragraph.
//!   Chunks come in this order: the preamble blocks, then for each section its
//!   heading line (`heading.raw`) followed by its blocks, then the closing
//!   blocks.
//! * A paragraph is its `text` on one line (any CR/LF inside the text is
//!   dropped: paragraph lines are joined without separators). The paragraph
//!   written last before the closing (or at the end of a report without
//!   one), when it would read as a signature (an organ or a date line), is
//!   written with its last character on a line of its own (see
//!   `write_unsigned`). The closing's paragraphs
//!   (its organ and date lines) are written as they are, also when one
//!   starts with a marker (`6.政府`): the parser reads the closing from the
//!   report's last lines before it looks for markers.
//! * A subsection is a head line, `marker` + `title` when there is a title,
//!   or the marker alone; then its blocks, each a chunk of its own. When its
//!   first block is a paragraph that the parser reads as the body of the head
//!   line (a title-less subsection whose paragraph is no title, `四、` + a long
//!   text; or a section marker `三、` with a title), the paragraph is written
//!   on the head line (a marker alone after a table would be read into the
//!   table; `三、收费。` alone could read as a section heading).
//! * Markup and unrecognized text: their `text` on one line.
//! * Chrome blocks (the page around an HTML report: navigation, scripts,
//!   footers, portal metadata fields) are not written: they are not report
//!   text, so the canonical text of an HTML report is the report alone.
//! * Tables are tab-separated, one table row per line, with no blank line
//!   inside the table. Every raw text written into a table (labels, cells,
//!   group labels) has *all* white space removed (PDF line wraps and spaced-out
//!   labels are layout). A cell is written from its raw source text when the
//!   table has one, otherwise from its value (`Number`'s `Display`), otherwise
//!   empty. See [`table`] for the three standard layouts:
//!   - **applications**: the line
//!     `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）`, the header
//!     `申请人情况` + TAB + the labels of `columns`, then one line per row
//!     (`label` TAB cells), each group of rows preceded by its group-label
//!     fragment (`三、本年度办理结果`, `（三）不予公开` …) when the model kept one
//!     (one that stood after all the rows of its group stays after them).
//!     A row whose digits are `fused` is written `label` TAB fused-digits: a run of
//!     white space holding tabs is written as its tabs (empty cells keep their
//!     positions), any other run as one space (spaces tell which digits were apart).
//!     A tab row's digits are never split by the parser, so the row reads back fused.
//!   - **review_litigation**: three header lines (`行政复议 … 行政诉讼`,
//!     `未经复议直接起诉 … 复议后起诉`, the fifteen outcome labels) and one value
//!     line of fifteen cells (review, litigation_direct,
//!     litigation_after_review × upheld, corrected, other, pending, total);
//!     a table without values is its three header lines alone.
//!     Fused values are written as one line of fused digits, each run of
//!     white space as a TAB (tabs as they were), with a TAB after a single
//!     run of digits, so the line is a tab row whose digits are never split.
//!   - **active_disclosure**: the items in the model's order (the source's;
//!     the template's in a report), each run of items of one template block
//!     under the block title `第二十条第（一）项` (（一） （五） （六） （八） （九))
//!     and the header `信息内容` TAB field labels (2021 or 2019 labels), then
//!     `label` TAB cells per item; a table without items is the line `第二十条第（一）项` alone. Units and remarks are part of the raw cells.
//!   - **generic**: the header cells, then each row, tab-separated; a table
//!     with no row, with a row of fewer than two cells (unless that cell is
//!     itself a pipe row), with a tab inside a cell or whose header line with
//!     tabs would open a standard table (`行政复\t议`) is written as pipe rows
//!     (`|a|b|`, tabs kept) followed by an empty pipe row `||` (a tab row needs
//!     two cells, a pipe table two lines; an empty pipe row reads as no row); a
//!     header cell and one row of one cell, one a tab row and the other a pipe
//!     row, are written one per line (`1\t7`, `||`), as the parser reads them.
//!     A table with a cell that holds a pipe (which a pipe row would cut) is
//!     written in the first layout the parser reads back as the same cells:
//!     tab rows, then one cell per line (`|` `1` `1`: a header of three
//!     cells); pipe rows when neither does.
//!
//!   A table right after another table (one blank line between) that the
//!   parser would read into the first one (a second applications table's
//!   note line after the first one's header, a block title, a generic
//!   table's tab rows) is written with its first line as a pipe row
//!   (`|（本列…）|`), or else all in pipe rows (tab rows after a pipe row):
//!   rows of one delimiter, a blank line and a row of the other end a table's
//!   region. When the first table ends with lines that are no grid rows (a
//!   group label after its last row, a row without figures), they are
//!   written as pipe rows (`|（三）不予公开|`) and the second table in tab rows.
//!
//!   In the three standard tables, text the parser kept beside a row (an
//!   `other` fragment: `abc` in a cell's place, the tail of a label cut by a
//!   figure) is written where it stood, so it reads back beside the same cell
//!   (see [`table`]); a standard table whose fused digits hold a pipe (`0|0`,
//!   read from pipe rows) is written as pipe rows, each tab a pipe.
//!
//! # What the canonical form can represent
//!
//! The parser infers structure from the text, so some models have no text
//! that reads back to them. A model round-trips when:
//!
//! * a subsection title is at most 40 characters and has no `。！？；：` except
//!   as its last character (a longer line is a paragraph that starts with a
//!   marker);
//! * a section heading is `一、` … `十、` followed by a title naming a known
//!   section (总体情况, 主动公开政府信息情况, 收到和处理政府信息公开申请情况,
//!   政府信息公开行政复议、行政诉讼情况, 存在的主要问题及改进情况,
//!   其他需要报告的事项 …), and sections are numbered 1, 2, 3 … in order;
//! * paragraphs do not start with a list marker (`（一）` `(1)` `1.` `1、` `①`
//!   `一是` `一、`) nor with a table word (第二十条, 信息内容, 行政复议,
//!   申请人情况, 本年新收, 勾稽), and contain no TAB;
//! * texts are non-empty and contain no line breaks;
//! * standard tables hold what their canonical layout shows: the
//!   review/litigation table has all fifteen cells, an active-disclosure item
//!   has the fields of its block in the table's format;
//! * the derived fields ([`Report::format`], [`Report::meta`],
//!   [`Report::findings`]) are those [`Report::refresh`] computes.
//!
//! Not preserved (the canonical form normalises them): line breaks inside
//! paragraphs, blank-line layout, white space inside table cells and labels,
//! table headers as written (the canonical renderer writes the template's),
//! notes and page numbers inside tables, stray text on a line of its own
//! inside a table, and the position of page numbers.

mod heads;
pub mod table;

use std::fmt;

use crate::model::{Block, Paragraph, Report, Section, Subsection, Table};
use heads::{body_on_head_line, head_text, joins_first_subsection};

/// Writes `report`'s canonical text (see the module docs) to `w`.
pub fn write_report<W: fmt::Write>(w: &mut W, report: &Report) -> fmt::Result {
    // the report's last line is read as the closing signature when it looks
    // like one: a paragraph written last that the model does not hold as
    // the closing is kept from looking like one (see `write_unsigned`)
    // like one; so is the paragraph written just before the closing (an
    // organ line there would be read into the closing)
    let last = match report.sections.last() {
        Some(s) => last_paragraph(&s.blocks, s.number),
        None => last_paragraph(&report.preamble, 0),
    };
    let mut out = Chunks {
        w,
        first: true,
        gap: false,
        last,
        table: None,
        closing: false,
        prefix: None,
        section: 0,
        para: None,
        joined: false,
    };
    out.blocks(&report.preamble)?;
    for section in &report.sections {
        out.section(section)?;
    }
    out.closing = true;
    out.blocks(&report.closing)?;
    out.flush()
}

/// Writes one section's canonical text: its heading line, then its blocks
/// (what [`write_report`] writes for it).
pub fn write_section<W: fmt::Write>(w: &mut W, section: &Section) -> fmt::Result {
    let mut out = Chunks {
        w,
        first: true,
        gap: false,
        last: None,
        table: None,
        closing: false,
        prefix: None,
        section: 0,
        para: None,
        joined: false,
    };
    out.section(section)?;
    out.flush()
}

/// A table's canonical text (see [`table`]); `str::parse` reads it back.
impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        table::write_table(f, self)
    }
}

/// A section's canonical text (see [`write_section`]); `str::parse` reads it
/// back.
impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_section(f, self)
    }
}

/// The canonical text of `report` (see the module docs).
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut s, report);
    s
}

/// Writes chunks separated by one blank line (two after a paragraph the
/// parser would join to the next one), each ending with `\n`.
struct Chunks<'w, 'r, W> {
    w: &'w mut W,
    first: bool,
    /// Two blank lines before the next chunk, not one.
    gap: bool,
    /// The paragraph written last, when it is (see [`write_report`]).
    last: Option<&'r Paragraph>,
    /// The last chunk when it is a table, with its text, not yet written:
    /// the next table can change how its last lines are written (see
    /// `table::table_text_after`).
    table: Option<(&'r Table, String)>,
    /// The closing's blocks are written: its organ and date lines are read
    /// as they stand, a line that starts with a marker (`6.政府`) too, so
    /// they are written as they are (not cut like a paragraph that starts
    /// with a marker).
    closing: bool,
    /// The head of a subsection written at the start of the next chunk's
    /// line (see [`joins_first_subsection`]).
    prefix: Option<String>,
    /// The number of the section written last (0 in the preamble): the
    /// parser looks for the next heading after it.
    section: u32,
    /// The lines written for the last chunk when it was a paragraph: a
    /// generic table after it is written so that it reads apart from it
    /// (see `table::generic_after_paragraph`).
    para: Option<String>,
    /// The next chunk goes right after the last one, without a blank line.
    joined: bool,
}

impl<'r, W: fmt::Write> Chunks<'_, 'r, W> {
    fn section(&mut self, section: &'r Section) -> fmt::Result {
        self.chunk(|w| write_line(w, &section.heading.raw))?;
        self.section = section.number;
        self.blocks(&section.blocks)
    }

    /// Writes the separator before a chunk.
    fn separate(&mut self) -> fmt::Result {
        if !self.first && !std::mem::take(&mut self.joined) {
            self.w.write_char('\n')?;
            if self.gap {
                self.w.write_char('\n')?;
            }
        }
        self.first = false;
        self.gap = false;
        Ok(())
    }

    /// Writes the table chunk not yet written, if any.
    fn flush(&mut self) -> fmt::Result {
        if let Some((_, text)) = self.table.take() {
            self.separate()?;
            self.para = None;
            self.w.write_str(&text)?;
        }
        Ok(())
    }

    fn chunk(&mut self, body: impl FnOnce(&mut W) -> fmt::Result) -> fmt::Result {
        self.flush()?;
        self.separate()?;
        self.para = None;
        if let Some(prefix) = self.prefix.take() {
            self.w.write_str(&prefix)?;
        }
        body(self.w)
    }

    /// Writes markup `m`, followed by the blocks `next`: a paragraph read
    /// after it on its line that alone would read as something else
    /// (`[bookmark]第二十条`: a table's anchor) is written on that line with
    /// it, as it was read; true then (the paragraph is written).
    fn markup(&mut self, m: &crate::model::Markup, next: &[Block]) -> Result<bool, fmt::Error> {
        match next.first() {
            Some(Block::Paragraph(p))
                if p.span.line == m.span.line
                    && !p.text.contains(['\n', '\r'])
                    && !reads_as_itself(&p.text) =>
            {
                self.chunk(|w| {
                    w.write_str(&m.text)?;
                    write_line(w, &p.text)
                })?;
                self.gap =
                    matches!(next.get(1), Some(Block::Paragraph(_))) && joins_over_a_blank(&p.text);
                Ok(true)
            }
            _ => {
                self.chunk(|w| write_line(w, &m.text))?;
                Ok(false)
            }
        }
    }

    fn blocks(&mut self, blocks: &'r [Block]) -> fmt::Result {
        // the block was written with the one before it
        let mut written = false;
        for (i, block) in blocks.iter().enumerate() {
            if std::mem::take(&mut written) {
                continue;
            }
            match block {
                Block::Paragraph(p) if self.closing => {
                    self.chunk(|w| write_line(w, &p.text))?;
                    self.gap = matches!(blocks.get(i + 1), Some(Block::Paragraph(_)))
                        && joins_over_a_blank(&p.text);
                }
                Block::Paragraph(p) if matches!(blocks.get(i + 1), Some(Block::Paragraph(_))) => {
                    // kept apart from the next paragraph: two blank lines
                    // when one would read as a page break inside it
                    self.chunk(|w| write_paragraph(w, &p.text))?;
                    self.gap = joins_over_a_blank(&p.text);
                }
                Block::Paragraph(p) if self.last.is_some_and(|l| std::ptr::eq(l, p)) => {
                    self.chunk(|w| write_unsigned(w, &p.text))?
                }
                Block::Paragraph(p) if matches!(blocks.get(i + 1), Some(Block::Table(_))) => {
                    // (its lines are kept: the table after it is written to
                    // read apart from them)
                    let mut lines = self.prefix.clone().unwrap_or_default();
                    write_paragraph(&mut lines, &p.text)?;
                    self.prefix = None;
                    self.chunk(|w| w.write_str(&lines))?;
                    self.para = Some(lines);
                }
                Block::Paragraph(p) => self.chunk(|w| write_paragraph(w, &p.text))?,
                Block::Markup(m) => written = self.markup(m, &blocks[i + 1..])?,
                Block::Unrecognized(u) => self.chunk(|w| write_line(w, &u.text))?,
                Block::Subsection(s) if body_on_head_line(s, self.section) => {
                    self.head_line_subsection(s)?
                }
                Block::Subsection(s) if joins_first_subsection(s, self.section) => {
                    // `三、主动公开：` + `1、申请`: one line, as the parser
                    // reads it (alone the head could read as a section
                    // heading)
                    let mut head = s.marker.to_string();
                    head.push_str(s.title.as_deref().unwrap_or(""));
                    self.prefix = Some(head);
                    self.blocks(&s.blocks)?;
                }
                Block::Subsection(s) => {
                    self.chunk(|w| write_line(w, &head_text(s)))?;
                    self.blocks(&s.blocks)?;
                }
                Block::Table(t) => self.table(t, blocks.get(i + 1))?,
                // page chrome around an HTML report is not report text
                Block::Chrome(_) => {}
            }
        }
        Ok(())
    }

    /// Writes a subsection whose first paragraph goes on its head line (see
    /// [`body_on_head_line`]), then the rest of its blocks.
    fn head_line_subsection(&mut self, s: &'r Subsection) -> fmt::Result {
        // `四、` + a long first paragraph: one line, as the
        // parser reads it (a marker alone after a table would
        // be read into the table)
        let Some(Block::Paragraph(p)) = s.blocks.first() else {
            unreachable!("body_on_head_line checks it")
        };
        let title = s.title.as_deref().unwrap_or("");
        // the head of an enclosing subsection written before it
        let before = self.prefix.as_ref().map_or(0, |p| p.chars().count());
        // (a body with a tab: the tab on a line of its own, see `tab_cut`)
        let body: String = p
            .text
            .chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let cut = tab_cut(&s.marker, title, &body);
        self.chunk(|w| {
            w.write_str(&s.marker)?;
            w.write_str(title)?;
            match cut {
                Some(at) => {
                    w.write_str(&body[..at])?;
                    w.write_char('\n')?;
                    write_line(w, &body[at..])
                }
                None => write_line(w, &p.text),
            }
        })?;
        // the parser judges the head line as a whole
        let head = before + s.marker.chars().count() + title.chars().count();
        self.gap = matches!(s.blocks.get(1), Some(Block::Paragraph(_)))
            && p.text.chars().count() + head >= JOIN_LINE_CHARS
            && !ends_sentence(&p.text);
        self.blocks(&s.blocks[1..])
    }

    /// Holds table `t` back as the pending chunk (see [`Chunks::table`]),
    /// written so that it reads apart from the table before it and from
    /// `next`, the block after it.
    fn table(&mut self, t: &'r Table, next: Option<&'r Block>) -> fmt::Result {
        // a table right after a table is written so that the
        // two read apart (the first one's last lines may change)
        let before = self.table.as_ref().map(|(p, s)| (*p, s.as_str()));
        let (rewritten, mut text) = table::table_text_after(t, before);
        // and so that a paragraph of one tab row (or pipe
        // row) after it reads apart from it
        if let Some(Block::Paragraph(p)) = next
            && !p.text.contains(['\n', '\r'])
            && (crate::grid::tabs::is_row(&p.text) || crate::grid::pipes::is_row(&p.text))
        {
            text = table::table_text_before_tab_row(t, text, &p.text);
        }
        if let (Some(b), Some((_, s))) = (rewritten, self.table.as_mut()) {
            *s = b;
        }
        // a table of one cell per line could take in the short paragraph
        // before it
        if let (Table::Generic(g), Some(para)) = (t, self.para.take())
            && !self.gap
        {
            let joined;
            (text, joined) = table::generic_after_paragraph(g, &para, text);
            self.joined = joined;
        }
        self.flush()?;
        self.table = Some((t, text));
        Ok(())
    }
}

/// Writes a paragraph on one line; a text that starts with a marker (`1.`,
/// read from lines `1` and `.`) would read as a subsection there, so its
/// first character is written on a line of its own, which the parser joins
/// back to the rest (when the rest opens no marker and is no field).
fn write_paragraph<W: fmt::Write>(w: &mut W, text: &str) -> fmt::Result {
    let page = crate::text::lexical::is_page_number(text.trim_matches(crate::lines::is_space));
    if !page
        && crate::parse::seg::line_marker(text.trim_start_matches(crate::lines::is_space)).is_none()
    {
        return match statistics_header_cuts(text) {
            Some(cuts) => write_cut(w, text, &cuts),
            None => match anchor_cut(text) {
                Some(at) => write_cut(w, text, &[at]),
                None => write_line(w, text),
            },
        };
    }
    let one: String = text.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    if page {
        // a page number on one line (`-1-`): its last character on a line
        // of its own, or the last cut before it that reads back as the
        // paragraph (`4/90`: the line `0` alone would be a paragraph of its
        // own, `4/` + `90` is one)
        let apart = |at: usize| {
            let c = one[at..].chars().next().unwrap_or(' ');
            at > 0 && !c.is_whitespace() && !one[..at].ends_with(char::is_whitespace)
        };
        let last = one
            .char_indices()
            .next_back()
            .map(|(at, _)| at)
            .filter(|&at| apart(at));
        let cut = last
            .filter(|&at| reads_as_paragraph(&one, at))
            .or_else(|| {
                one.char_indices()
                    .rev()
                    .skip(1)
                    .take(MARKER_CUT_CHARS)
                    .map(|(at, _)| at)
                    .find(|&at| apart(at) && reads_as_paragraph(&one, at))
            })
            .or(last);
        return match cut {
            Some(at) => {
                w.write_str(&one[..at])?;
                w.write_char('\n')?;
                write_line(w, &one[at..])
            }
            None => write_line(w, &one),
        };
    }
    match marker_cut(&one) {
        Some(at) => {
            w.write_str(&one[..at])?;
            w.write_char('\n')?;
            write_line(w, &one[at..])
        }
        None => write_line(w, &one),
    }
}

/// How many characters [`marker_cut`] tries as the first line.
const MARKER_CUT_CHARS: usize = 8;

/// Where to cut a paragraph that starts with a marker so that neither line
/// reads as a marker and the parser joins them back: after its first
/// character, or else (`11.`, read from `11` and `.`, where `1` + `1.`
/// would open a marker) after the shortest longer head that is no marker
/// and no page number.
fn marker_cut(one: &str) -> Option<usize> {
    let first = one.chars().next().filter(|c| !c.is_whitespace())?;
    one.char_indices()
        .skip(1)
        .take(MARKER_CUT_CHARS)
        .map(|(at, _)| at)
        .find(|&at| {
            let (head, rest) = one.split_at(at);
            !rest.is_empty()
                && !rest.starts_with(char::is_whitespace)
                && !head.ends_with(char::is_whitespace)
                && crate::parse::seg::line_marker(rest).is_none()
                && !ends_sentence(head)
                && !rest.chars().take(7).any(|c| matches!(c, ':' | '：'))
                && (at == first.len_utf8()
                    || (crate::parse::seg::line_marker(head).is_none()
                        && !crate::text::lexical::is_page_number(head)))
        })
}

/// Where to break a paragraph that, written on one line, would read as a
/// legacy statistics table of running text (it was read from several
/// lines, where it is none): after the first character of each header word
/// (`指\n标名称…`), so no line holds the word and the parser joins the
/// lines back into the paragraph. `None` when the line reads as no table
/// (read on its own, it is this paragraph: `1：统计表指标名称…` where no table
/// is read; cut, its first line would be a `key：value` line, never joined).
fn statistics_header_cuts(text: &str) -> Option<Vec<usize>> {
    let one = text.trim_matches(crate::lines::is_space);
    crate::template::legacy::locate(one)?;
    if reads_as_itself(one) {
        return None;
    }
    let mut cuts: Vec<usize> = crate::template::legacy::HEADER_WORDS
        .iter()
        .flat_map(|h| text.match_indices(h).map(|(at, _)| at + '指'.len_utf8()))
        .collect();
    cuts.sort_unstable();
    Some(cuts)
}

/// True when `one`, a paragraph's text on one line, read on its own is
/// that paragraph (and not a table, a heading, a subsection …).
fn reads_as_itself(one: &str) -> bool {
    crate::parse::parse(one).is_ok_and(|r| {
        r.sections.is_empty()
            && r.closing.is_empty()
            && matches!(r.preamble.as_slice(), [Block::Paragraph(p)] if p.text == one)
    })
}

/// Where to break a paragraph that, written on one line, would open a
/// table (`行政复议未结果` reads as the review/litigation header; it was read
/// from the lines `行政复议未` and `结果`, where it is none): the first cut
/// after which neither line opens a table or a list item and the two lines
/// read back as the paragraph. `None` when the line opens no table.
fn anchor_cut(text: &str) -> Option<usize> {
    if text.contains(['\n', '\r']) || crate::parse::region::anchor(text).is_none() {
        return None;
    }
    text.char_indices()
        .skip(1)
        .take(MARKER_CUT_CHARS * 4)
        .map(|(at, _)| at)
        .find(|&at| {
            let (head, rest) = text.split_at(at);
            !head.ends_with(char::is_whitespace)
                && !rest.starts_with(char::is_whitespace)
                && crate::parse::region::anchor(head).is_none()
                && crate::parse::region::anchor(rest).is_none()
                && crate::parse::seg::line_marker(rest).is_none()
                && reads_as_paragraph(text, at)
        })
}

/// Where to break the body written on a subsection's head line when it holds
/// a tab (`8.属于行政查询事 0 , … ee(\te`): on the head line the tab makes a
/// tab row, which a table before it reads in as one of its rows (its first
/// field a row label); the source had the tab on a line of its own, which
/// the parser joined to the body. The cut is a few characters before the
/// first tab, where the two lines read back as the same subsection and body.
fn tab_cut(marker: &str, title: &str, body: &str) -> Option<usize> {
    let tab = body.find('\t')?;
    body[..tab]
        .char_indices()
        .rev()
        .take(MARKER_CUT_CHARS)
        .map(|(at, _)| at)
        .find(|&at| {
            let (head, rest) = body.split_at(at);
            at > 0
                && !head.ends_with(char::is_whitespace)
                && !rest.starts_with(char::is_whitespace)
                && crate::parse::parse(&format!("{marker}{title}{head}\n{rest}\n")).is_ok_and(|r| {
                    r.sections.is_empty()
                        && r.closing.is_empty()
                        && matches!(r.preamble.as_slice(), [Block::Subsection(x)]
                            if x.marker == marker
                                && x.title.as_deref().unwrap_or("") == title
                                && matches!(x.blocks.as_slice(), [Block::Paragraph(p)] if p.text == body))
                })
        })
}

/// True when `text` cut at `at` over two lines reads back as one paragraph
/// of that text.
fn reads_as_paragraph(text: &str, at: usize) -> bool {
    let (head, rest) = text.split_at(at);
    crate::parse::parse(&format!("{head}\n{rest}\n")).is_ok_and(|r| {
        r.sections.is_empty()
            && r.closing.is_empty()
            && matches!(r.preamble.as_slice(), [Block::Paragraph(p)] if p.text == text)
    })
}

/// Writes `text` as lines cut at the byte offsets `cuts` (see
/// [`statistics_header_cuts`]).
fn write_cut<W: fmt::Write>(w: &mut W, text: &str, cuts: &[usize]) -> fmt::Result {
    let mut from = 0;
    for &at in cuts {
        w.write_str(&text[from..at])?;
        w.write_char('\n')?;
        from = at;
    }
    write_line(w, &text[from..])
}

/// The paragraph written last among `blocks` (inside subsections too), if
/// the last line written for them is a paragraph's (`section`: the number
/// of their section, 0 in the preamble).
fn last_paragraph(blocks: &[Block], section: u32) -> Option<&Paragraph> {
    match blocks
        .iter()
        .rev()
        .find(|b| !matches!(b, Block::Chrome(_)))?
    {
        Block::Paragraph(p) => Some(p),
        Block::Subsection(s) if s.blocks.len() > 1 || !body_on_head_line(s, section) => {
            last_paragraph(&s.blocks, section)
        }
        _ => None,
    }
}

/// Writes the paragraph written last in a report without a closing: a text
/// that would read as a signature there (an organ line `示例县人民政府`, a
/// date line) is written with its last character (with the digits after it
/// when it ends in digits) on a line of its own, which the parser joins back
/// to it and which is no signature.
fn write_unsigned<W: fmt::Write>(w: &mut W, text: &str) -> fmt::Result {
    let one: String = text.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    let signature =
        crate::parse::closing::is_organ_line(&one) || crate::parse::closing::is_date_line(&one);
    // the last character, or before the digits that end the text (`2022年1月2`
    // is cut before `月`: a line of digits alone could read as a page number)
    let cut = one
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_numeric())
        .filter(|&(at, c)| {
            at > 0
                && !c.is_whitespace()
                && !one[..at].ends_with(char::is_whitespace)
                && !ends_sentence(&one[..at])
        })
        .map(|(at, _)| at);
    match cut {
        Some(at) if signature => {
            w.write_str(&one[..at])?;
            w.write_char('\n')?;
            write_line(w, &one[at..])
        }
        _ => write_paragraph(w, &one),
    }
}

/// The parser joins a paragraph to the next one across one blank line (a
/// page break) when its last line is this long and ends no sentence.
const JOIN_LINE_CHARS: usize = 40;

/// True when `line`, the last line of a paragraph, is one the parser joins
/// to a paragraph after one blank line (see [`JOIN_LINE_CHARS`]): the
/// renderer writes two blank lines after it, which always end a paragraph.
fn joins_over_a_blank(line: &str) -> bool {
    line.chars().nth(JOIN_LINE_CHARS - 1).is_some() && !ends_sentence(line)
}

/// True when `t` ends a sentence as the parser reads it (`。！？；：…`, also
/// before closing quotes and brackets).
fn ends_sentence(t: &str) -> bool {
    let core = t
        .trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '"', '*']);
    core.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

/// Writes `text` as one line: line breaks inside it are dropped, a `\n` ends it.
fn write_line<W: fmt::Write>(w: &mut W, text: &str) -> fmt::Result {
    if text.contains(['\n', '\r']) {
        for part in text.split(['\n', '\r']) {
            w.write_str(part)?;
        }
    } else {
        w.write_str(text)?;
    }
    w.write_char('\n')
}
