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
//!   table; `三、收费。` alone could read as a section heading). A
//!   subsection right after a table whose head line the table would take in
//!   (`四、公` after an applications header) is written with its head as a
//!   tab row (`四、\t公`), the table's text closed by an empty pipe row `||`
//!   when that is needed to read back. A short head line before figures
//!   (`1.+` + `5` + `5`) that would open a table of one cell per line taking
//!   the blocks in is written with a tab between marker and title (`1.\t+`).
//! * Markup and unrecognized text: their `text` on one line. Markup read
//!   with a paragraph after it on its line is written with that paragraph
//!   on one line when alone the paragraph would read as something else, or
//!   when apart the table before would take both in (`<br>||` after an
//!   applications header).
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
//!   A generic table that none of these keeps apart is written in pipe rows
//!   after an empty pipe row `||`: after a blank line one ends any table's
//!   region, and it reads as no row of the table it opens.
//!   A paragraph of one tab row after a table that reads it in (after a
//!   blank line) is kept apart the same way: the table in pipe rows, or,
//!   when its fused digits read back only from tab rows, its text closed by
//!   an empty pipe row `||`.
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

mod after_table;
mod before_table;
mod blocks;
mod flat;
mod head_line;
mod heads;
mod joins;
mod markup;
mod paragraph;
mod reach;
mod reread;
pub mod table;

use std::fmt;

use crate::model::{Block, Paragraph, Report, Section, Subsection, Table};
use joins::Before;
use paragraph::{last_paragraph, write_line};

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
    let mut out = Chunks::new(w, last);
    let heading_of = |k: usize| {
        report
            .sections
            .get(k)
            .map(|s: &Section| (s.heading.raw.as_str(), s.number))
    };
    out.next_heading = heading_of(0);
    out.blocks(&report.preamble)?;
    for (k, section) in report.sections.iter().enumerate() {
        out.next_heading = heading_of(k + 1);
        out.section(section)?;
    }
    out.closing = true;
    out.blocks(&report.closing)?;
    out.flush()
}

/// Writes one section's canonical text: its heading line, then its blocks
/// (what [`write_report`] writes for it).
pub fn write_section<W: fmt::Write>(w: &mut W, section: &Section) -> fmt::Result {
    let mut out = Chunks::new(w, None);
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
    /// The number of the section written last (0 in the preamble): the
    /// parser looks for the next heading after it.
    section: u32,
    /// The lines written for the last chunk when it was a paragraph: a
    /// generic table after it is written so that it reads apart from it
    /// (see `table::generic_after_paragraph`).
    para: Option<String>,
    /// The lines written for the paragraphs right before the current
    /// chunk, in a run of paragraphs, each with the blank lines after it
    /// (see [`Chunks::paragraph_run`]), the run opened by the short head
    /// line of the subsection they are in, if any: a generic table after
    /// the run's last paragraph is written so that it reads apart from them
    /// all.
    run: Vec<String>,
    /// The next chunk goes right after the last one, without a blank line.
    joined: bool,
    /// The heading of the section written after the current one (its raw
    /// text and number), when there is one.
    next_heading: Option<(&'r str, u32)>,
    /// The block being written is the last one written before the next
    /// section's heading (the last of its list, and its list the last block
    /// of the list that holds it, up to the section's own blocks).
    tail: bool,
    /// The heading line of the section written last (`None` in the
    /// preamble): a subsection is read back after it (see [`flat`]).
    heading: Option<&'r str>,
    /// The heading lines of the sections written so far, in order: a
    /// subsection is read back after them (see
    /// `Chunks::table_on_head_line`).
    headings: Vec<&'r str>,
    /// How the next subsection or chunk is written, where it is decided:
    /// on one line or not, its head line, a head at the start of its line.
    next: Forced,
    /// The blocks written after the list being written, from the one right
    /// after it to the end of the list holding it, when there is one in the
    /// same section, with the number of the subsections in [`Chunks::open`]
    /// that hold them (see `Chunks::joins_table_after`).
    after: Option<(&'r [Block], usize)>,
    /// The blocks after the one being written, in its list (see
    /// [`Chunks::following`]).
    rest: &'r [Block],
    /// The subsections whose blocks are being written, the outermost first,
    /// each with what was written before its head on its line (see
    /// [`Before`]), or `None` when its head goes at the start of the next
    /// chunk's line (written there with the heads after it).
    open: Vec<(&'r Subsection, Option<Before>)>,
    /// What the last chunk was written after on its line, when it took
    /// [`Forced::prefix`].
    taken: Option<Before>,
    /// The text read before the heads held in [`Forced::prefix`] (see
    /// [`Before::context`]), from when the first of them was held.
    held: String,
}

/// How the next subsection (or chunk) is written where that is decided:
/// the choices its writer would otherwise make, some by reading back. A
/// candidate form is written with them made (see [`Chunks::written_nested`]).
#[derive(Clone)]
struct Forced {
    /// The next subsection may be written on one line (see [`flat`]);
    /// false while its default form is written to read it back.
    flat: bool,
    /// How the head line of the next subsection written with its blocks on
    /// lines of their own is written, when it is decided: with a tab between
    /// marker and title or not (see `Chunks::tab_before_title`).
    tab_head: Option<bool>,
    /// Whether the first paragraph of the next subsection written with its
    /// blocks on lines of their own goes on the line right after its head
    /// line, when it is decided (see `Chunks::joins_head`).
    join_head: Option<bool>,
    /// The head of a subsection written at the start of the next chunk's
    /// line (see [`heads::joins_first_subsection`]).
    prefix: Option<String>,
    /// The first paragraph of the next subsection goes on its head line,
    /// also where [`heads::body_on_head_line`] does not put it there: after
    /// a head held for that line (`1.` + `一、` + `年新收 33330 …\u{8}`, see
    /// `Chunks::joins_table_after`).
    on_head: bool,
}

impl Forced {
    /// No choice made but `flat`.
    fn flat(flat: bool) -> Self {
        Forced {
            flat,
            tab_head: None,
            join_head: None,
            prefix: None,
            on_head: false,
        }
    }
}

impl<'w, 'r, W: fmt::Write> Chunks<'w, 'r, W> {
    /// Chunks written to `w` from the start of a text (the preamble, no
    /// section yet), `last` the paragraph written last if known.
    fn new(w: &'w mut W, last: Option<&'r Paragraph>) -> Self {
        Chunks {
            w,
            first: true,
            gap: false,
            last,
            table: None,
            closing: false,
            section: 0,
            para: None,
            run: Vec::new(),
            joined: false,
            next_heading: None,
            tail: true,
            heading: None,
            headings: Vec::new(),
            next: Forced::flat(true),
            after: None,
            rest: &[],
            open: Vec::new(),
            taken: None,
            held: String::new(),
        }
    }
}

impl<'r, W: fmt::Write> Chunks<'_, 'r, W> {
    fn section(&mut self, section: &'r Section) -> fmt::Result {
        self.chunk(|w| write_line(w, &section.heading.raw))?;
        self.section = section.number;
        self.tail = true;
        self.heading = Some(&section.heading.raw);
        self.headings.push(&section.heading.raw);
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
            self.run.clear();
            self.w.write_str(&text)?;
        }
        Ok(())
    }

    fn chunk(&mut self, body: impl FnOnce(&mut W) -> fmt::Result) -> fmt::Result {
        self.flush()?;
        self.separate()?;
        self.para = None;
        self.run.clear();
        self.taken = self.next.prefix.take().map(|heads| Before {
            context: std::mem::take(&mut self.held),
            heads,
        });
        if let Some(before) = &self.taken {
            self.w.write_str(&before.heads)?;
        }
        body(self.w)
    }

    /// The lines of a paragraph as `write` writes them ([`paragraph::write_paragraph`],
    /// [`paragraph::write_unsigned`]); right after a table, cut where the table would
    /// read them in on one line (see [`paragraph::cut_after_table`]).
    fn cut_after_table(
        &self,
        text: &str,
        write: fn(&mut String, &str) -> fmt::Result,
    ) -> Result<String, fmt::Error> {
        let mut lines = String::new();
        write(&mut lines, text)?;
        if let Some((t, table)) = &self.table
            && self.next.prefix.is_none()
            && let Some(cut) = paragraph::cut_after_table(t, table, text, &lines)
        {
            lines = cut;
        }
        Ok(lines)
    }

    /// The text `block` is written as on its own, in this place (after the
    /// paragraph written last, in this section), with no table held back
    /// and no head held for the line after it; `flat`: whether a subsection
    /// may be written on one line (see [`flat`]).
    fn written_alone(&self, block: &'r Block, flat: bool) -> Option<String> {
        self.written_nested(std::slice::from_ref(block), self.last, Forced::flat(flat))
    }

    /// The text `blocks` are written as on their own in this section, not
    /// in its tail, after `last` (the paragraph written before them, if
    /// known), with no table held back, the choices `forced` made. The one
    /// way a candidate form is written to read it back.
    fn written_nested<'b>(
        &self,
        blocks: &'b [Block],
        last: Option<&'b Paragraph>,
        forced: Forced,
    ) -> Option<String>
    where
        'r: 'b,
    {
        self.written_held(blocks, last, forced, String::new())
    }

    /// [`Chunks::written_nested`] with `held` as the text read before the
    /// head held in `forced` ([`Chunks::held`]): for a head held here, the
    /// open heads' text ([`Chunks::hold`]), so that the blocks' own choices
    /// read back after it as they will when written.
    fn written_held<'b>(
        &self,
        blocks: &'b [Block],
        last: Option<&'b Paragraph>,
        forced: Forced,
        held: String,
    ) -> Option<String>
    where
        'r: 'b,
    {
        let mut text = String::new();
        let mut nested = Chunks {
            section: self.section,
            tail: false,
            heading: self.heading,
            headings: self.headings.clone(),
            next: forced,
            held,
            ..Chunks::new(&mut text, last)
        };
        nested.blocks(blocks).ok()?;
        nested.flush().ok()?;
        Some(text)
    }

    /// Subsection `s` (the block `block`) on one line, when it holds
    /// subsections with section markers and reads back as itself so, not as
    /// written otherwise (see [`flat`]).
    fn flat_subsection(&self, block: &'r Block, s: &'r Subsection) -> Option<String> {
        if !self.next.flat
            || self.next.prefix.is_some()
            || self.table.is_some()
            || self.closing
            || !flat::holds_section_markers(s)
        {
            return None;
        }
        let line = flat::one_line(s)?;
        let default = self.written_alone(block, false)?;
        (!flat::reads_as(self.heading, &default, s) && flat::reads_as(self.heading, &line, s))
            .then_some(line)
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
            && !crate::lines::has_line_break(&p.text)
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
            (text, joined) = table::generic_after_paragraph(g, &para, text, &self.headings);
            self.joined = joined;
        }
        self.flush()?;
        self.table = Some((t, text));
        Ok(())
    }
}
