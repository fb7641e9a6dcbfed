//! A subsection right after a table: its head line can read as one of the
//! table's rows (`1.信访…；` as the applications row 信访举报…, `1.KKK…不补正`
//! as 申请人逾期不补正…) or its header (`1.` alone), where the source kept it
//! apart by its layout (the head line with more of the body on it, or the
//! body on lines of which the first is not a row). The canonical text is
//! then chosen by reading back, as for a paragraph after a table
//! ([`super::paragraph::cut_after_table`]). A subsection without blocks
//! whose head line the table takes in (`四、公` after an applications header:
//! a broken label of a few characters) is written as a tab row, marker and
//! title apart (`四、\t公`), after the table's text closed by an empty pipe
//! row `||` when needed (rows of one delimiter, a blank line and a row of
//! the other end a region). [`Chunks::subsection_after_table`] tries the
//! forms in order.

use std::fmt;

use crate::model::{Block, Subsection, Table};

use super::reread::preamble_of;
use super::{Chunks, Forced};

/// How many cuts of the head line are read back at most.
pub(super) const CUTS: usize = 8;

/// What [`head_lines_after_table`] found for the head of a subsection and
/// its first paragraph right after a table.
pub(super) enum HeadLines {
    /// The subsection as written otherwise reads back: it is kept.
    Default,
    /// Lines after which the subsection's other blocks, written as
    /// otherwise, read back too: the whole subsection reads back.
    Whole(String),
    /// Lines after which only the head and the first paragraph read back
    /// (the other blocks read otherwise after them: `（六）` + `5` on the next
    /// line, and then `/`, `s`, … `5` each after a blank line, read as one
    /// table of one cell per line): taken only when no other form of the
    /// head reads back ([`head_line_after_table`]).
    Partial(String),
}

/// The lines to write for the head of subsection `s` and its first block, a
/// paragraph, right after the pending table `t` written as `table_text`
/// (read back after `headings`: see [`blocks_after`]), when `default` (the
/// whole subsection as written otherwise) does not read back as the table
/// and then that subsection:
/// the head with the whole paragraph on one line, or that line cut (the
/// latest places first where the first part reads as running text or the
/// script changes, as where the parser joined two lines). The first
/// candidate after which `rest` (the subsection's other blocks as written
/// otherwise) reads back too is taken; else the first after which the head
/// and paragraph alone read back ([`HeadLines::Partial`]). `None`: no
/// candidate reads back.
pub(super) fn head_lines_after_table(
    t: &Table,
    table_text: &str,
    s: &Subsection,
    default: &str,
    headings: &[&str],
    rest: &dyn Fn() -> Option<String>,
) -> Option<HeadLines> {
    let Some(Block::Paragraph(p)) = s.blocks.first() else {
        return None;
    };
    let whole = |text: &str| {
        blocks_after(headings, &format!("{table_text}\n{text}")).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Table(a), Block::Subsection(b)] if **a == *t && b == s)
        })
    };
    if whole(default) {
        return Some(HeadLines::Default);
    }
    // (the head and the first paragraph alone)
    let partial = |text: &str| {
        preamble_of(&format!("{table_text}\n{text}")).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Table(a), Block::Subsection(b)]
            if **a == *t
                && b.marker == s.marker
                && b.title == s.title
                && matches!(b.blocks.as_slice(), [Block::Paragraph(q)] if q.text == p.text))
        })
    };
    let body: String = p
        .text
        .chars()
        .filter(|c| *c != '\n' && *c != '\r')
        .collect();
    let head = format!("{}{}", s.marker, s.title.as_deref().unwrap_or(""));
    let lines: Vec<String> = head_paragraph_lines(&head, &body)
        .into_iter()
        .chain(figure_end_lines(&head, &body))
        .chain(class_change_lines(&head, &body))
        .chain(title_end_lines(&head, &body))
        .collect();
    // (the other blocks after the lines, as `Chunks::subsection_lines_after_table`
    // writes them: two blank lines when a paragraph follows a line that
    // would join it over one)
    let with_rest = |rest: &str, lines: &str| {
        if rest.is_empty() {
            return lines.to_owned();
        }
        let gap = matches!(s.blocks.get(1), Some(Block::Paragraph(_)))
            && lines
                .lines()
                .last()
                .is_some_and(super::paragraph::joins_over_a_blank);
        format!("{lines}\n{}{rest}", if gap { "\n" } else { "" })
    };
    rest()
        .and_then(|rest| lines.iter().find(|l| whole(&with_rest(&rest, l))))
        .map(|l| HeadLines::Whole(l.clone()))
        .or_else(|| {
            let l = lines.into_iter().find(|l| partial(l))?;
            Some(HeadLines::Partial(l))
        })
}

/// The first candidates of [`head_lines_after_table`] for `head` and the
/// paragraph `body`: on one line (glued, after a space, after a tab), each
/// then cut where the script changes or running text ends (the latest
/// places first), and, glued, the head on a line of its own with the
/// paragraph on the next.
fn head_paragraph_lines(head: &str, body: &str) -> Vec<String> {
    // (a space or a tab after the head when the body would run into the
    // marker: `1.` + `1\t0` reads as the marker `1.1`, `1. 1\t0` as a row)
    let mut lines = Vec::new();
    for sep in ["", " ", "\t"] {
        let line = format!("{head}{sep}{body}");
        lines.push(format!("{line}\n"));
        let at_start = head.len() + sep.len();
        let prose_heads = crate::parse::region::prose_heads(&line);
        let cuts = line
            .char_indices()
            .rev()
            .zip(line.chars().rev().skip(1))
            .filter(|&((at, c), before)| {
                at > at_start
                    && !c.is_whitespace()
                    && !before.is_whitespace()
                    && (is_cjk(c) != is_cjk(before) || prose_heads.contains(&at))
            })
            .take(CUTS)
            .map(|((at, _), _)| at);
        // and last, the head on a line of its own with the paragraph on the
        // next line, no blank line between (`二、上年结转。` + `政府…数量`:
        // on one line a row of the table; the default, written so, when the
        // head alone would read as a section heading)
        let head_cut =
            (sep.is_empty() && !body.starts_with(char::is_whitespace)).then_some(at_start);
        lines.extend(
            cuts.chain(head_cut)
                .map(|at| format!("{}\n{}\n", &line[..at], &line[at..])),
        );
    }
    lines
}

/// The kind of a character where [`class_change_lines`] may cut: a CJK
/// character ([`is_cjk`]), an ASCII letter or digit, or other.
fn class(c: char) -> u8 {
    if is_cjk(c) {
        0
    } else if c.is_ascii_alphanumeric() {
        1
    } else {
        2
    }
}

/// The head and paragraph `body` of [`head_lines_after_table`] on one line
/// cut where the kind of character changes ([`class`]: `1.YYY…Y` +
/// `!已获取信息`, `1.YYY…Y` + `已获取信息Y收…`), the earliest places first:
/// where the parser joined the head's line to a line that, at the start of
/// the head's line, reads as a row (a template label after the letters).
/// Tried last, so the text of a subsection that reads back with another
/// candidate stays as it was.
fn class_change_lines<'a>(head: &'a str, body: &'a str) -> impl Iterator<Item = String> + 'a {
    body.char_indices()
        .zip(body.chars().skip(1))
        .filter(|&((_, before), c)| {
            !c.is_whitespace() && !before.is_whitespace() && class(c) != class(before)
        })
        .take(CUTS)
        .map(move |((at, before), _)| {
            let at = at + before.len_utf8();
            format!("{head}{}\n{}\n", &body[..at], &body[at..])
        })
}

/// The head and paragraph `body` of [`head_lines_after_table`] on one line
/// cut where a word of the table's header ends: a word of the template's
/// vocabulary (`第二十条`) or a `第…项` reference (`第二十条第（八）项`, which
/// the active-disclosure template reads as header text: see
/// [`ad_header`](crate::template::vocabulary::ad_header)), the latest
/// places first. Where the source cut its line there (`…第二十条第（八）项` +
/// `事业性收费`), the line glued reads with the table before it (`（八）项事业性收费`
/// as the fees row). One scan of the vocabulary and one of the characters;
/// tried last, so the text of a subsection that reads back with another
/// candidate stays as it was.
fn title_end_lines<'a>(head: &'a str, body: &'a str) -> impl Iterator<Item = String> + 'a {
    let mut ends = Vec::new();
    crate::template::vocabulary::matches_into(body, &mut ends);
    let mut ends: Vec<usize> = ends.into_iter().map(|(_, end, _)| end).collect();
    // (`项` closing a `第…项` reference: a `第` before it in the same word)
    let mut reference = false;
    for (at, c) in body.char_indices() {
        if c.is_whitespace() {
            reference = false;
        } else if c == '第' {
            reference = true;
        } else if c == '项' && reference {
            ends.push(at + c.len_utf8());
            reference = false;
        }
    }
    ends.sort_unstable();
    ends.dedup();
    ends.into_iter()
        .rev()
        .filter(move |&at| body[at..].starts_with(|c: char| !c.is_whitespace()))
        .take(CUTS)
        .map(move |at| format!("{head}{}\n{}\n", &body[..at], &body[at..]))
}

/// The head and paragraph `body` of [`head_lines_after_table`] on one line
/// cut after a figure, where text glued to it starts (the latest places
/// first: `1.)  0 … 0` + `$（六）其他处理`, as the parser joined a line that
/// ended in a figure and the next): tried after the other candidates, so
/// the text of a subsection that reads back with one of them stays as it
/// was.
fn figure_end_lines<'a>(head: &'a str, body: &'a str) -> impl Iterator<Item = String> + 'a {
    body.char_indices()
        .rev()
        .zip(body.chars().rev().skip(1))
        .filter(|&((at, c), before)| {
            at > 0 && before.is_ascii_digit() && !c.is_ascii_digit() && !c.is_whitespace()
        })
        .take(CUTS)
        .map(move |((at, _), _)| format!("{head}{}\n{}\n", &body[..at], &body[at..]))
}

/// False when the region of table `t`, written as `table_text` and then a
/// blank line, cannot take in `line`, the first line written after it, so
/// that the table reads back as it does alone and the line as it does
/// after it. This is the cheap test before a read-back over the table and
/// the whole subsection after it: only a line the region may take in (a
/// broken label of a few characters, a row label of the table, a tab or
/// pipe row, a figure, a line that opens a table) can make the subsection
/// read otherwise after the table. The parser's region rules say which:
/// * a standard table's region ends at a line that ends any region of its
///   kind ([`ends_region_after_blank`](crate::parse::region::ends_region_after_blank));
/// * a generic table's (no line of its text opens a standard table) at a
///   blank line when its rows are tab or pipe rows, else at a line that
///   opens with a list marker ([`generic_region`](crate::parse::region::generic_region)):
///   at a marker line in both cases;
/// * a legacy statistics table (read from running text) may take in any
///   line.
fn may_take_in(t: &Table, table_text: &str, line: &str) -> bool {
    use crate::template::Kind;
    // (white space around the line: cells to the region's walk)
    let trimmed = crate::text::space::trim_end(crate::text::space::trim_start(line));
    if trimmed.len() != line.len() {
        return true;
    }
    let kind = match t {
        Table::Applications(_) => Kind::Applications,
        Table::ActiveDisclosure(_) => Kind::ActiveDisclosure,
        Table::ReviewLitigation(_) => Kind::ReviewLitigation,
        Table::Generic(_) => {
            return crate::parse::seg::line_marker(line).is_none()
                || table_text
                    .lines()
                    .any(|l| crate::parse::region::anchor(l.trim()).is_some());
        }
        Table::LegacyStatistics(_) => return true,
    };
    !crate::parse::region::ends_region_after_blank(line, kind)
}

/// False when the head line of subsection `s`, written on a line of its
/// own after table `t` (written as `table_text`), cannot be taken into the table's region (see
/// [`may_take_in`]): then [`head_line_after_table`] keeps the default.
/// The head line as it may be written: `marker` + `title`, or with a tab
/// between when the head could open a table of one cell per line with the
/// figures after it (`Chunks::tab_before_title`: `(六)\t第二十条第（五）项`
/// before `5` and `8`, a tab row the region of an applications table takes in).
pub(super) fn may_take_head(t: &Table, table_text: &str, s: &Subsection) -> bool {
    let head = super::head_line::head_text(s);
    may_take_in(t, table_text, &head)
        || s.title.as_ref().is_some_and(|title| {
            super::reach::may_open_lines(s, &head).is_some()
                && may_take_in(t, table_text, &format!("{}\t{title}", s.marker))
        })
}

/// A CJK character (ideographs and their punctuation): where one meets a
/// figure or a letter, the parser may have joined two lines.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// The blocks `text` reads as after `headings` (the heading lines of the
/// sections written so far, the last the one it is in; none in the
/// preamble), when it reads as in the last of those sections and the
/// headings as theirs (after the last alone, `四、况` can read as no
/// section: `三、…` before it makes it section 四).
pub(super) fn blocks_after(headings: &[&str], text: &str) -> Option<Vec<Block>> {
    if headings.is_empty() {
        return preamble_of(text);
    }
    let mut context = headings.join("\n\n");
    context.push_str("\n\n");
    context.push_str(text);
    let mut r = crate::parse::parse(&context).ok()?;
    let read = r.preamble.is_empty()
        && r.closing.is_empty()
        && r.sections.len() == headings.len()
        && r.sections
            .iter()
            .zip(headings)
            .all(|(x, h)| x.heading.raw == *h);
    read.then(|| r.sections.pop().map(|x| x.blocks)).flatten()
}

/// The head line of subsection `s` right after the pending table `t`
/// written as `table_text` (read back after `headings`, the heading lines
/// of the sections written so far: see [`blocks_after`]), when `default` (the whole subsection as written otherwise,
/// its head on a line of its own) does not read back as the table and then
/// `s`: the table's text when it changes, and the head's line, after which
/// the blocks are written as in `default`. Tried in order: the head as a
/// tab row, marker and title apart (`四、\t公`); the table closed by an
/// empty pipe row `||` (which reads as no row) and the head as written;
/// both; last, the head at the start of its first block's line, the
/// blocks as `prefixed` writes them (`2.（二）部开…`, as the source had it:
/// `2.` alone is taken into an applications table as its text) — the head
/// line `None` then. `None`: the default is kept. The read-back (over the table and
/// the whole subsection) is done only when the head line is one the
/// table's region may take in ([`may_take_head`]; debug builds check that
/// the read-back agrees when it is not).
pub(super) fn head_line_after_table(
    t: &Table,
    table_text: &str,
    s: &Subsection,
    default: &str,
    headings: &[&str],
    prefixed: &dyn Fn() -> Option<String>,
) -> Option<(Option<String>, Option<String>)> {
    // (a head line the table cannot take in: the default reads back)
    if !may_take_head(t, table_text, s) {
        debug_assert_eq!(
            head_line_read_back(t, table_text, s, default, headings, prefixed),
            None,
            "render: the pre-filter skipped a head after a table that reads otherwise"
        );
        return None;
    }
    head_line_read_back(t, table_text, s, default, headings, prefixed)
}

/// [`head_line_after_table`] read back in full.
fn head_line_read_back(
    t: &Table,
    table_text: &str,
    s: &Subsection,
    default: &str,
    headings: &[&str],
    prefixed: &dyn Fn() -> Option<String>,
) -> Option<(Option<String>, Option<String>)> {
    let head = format!("{}\n", super::head_line::head_text(s));
    let tabbed = format!("{}\t{}\n", s.marker, s.title.as_deref().unwrap_or(""));
    // (the head on a line of its own, its blocks after a blank line; the
    // head written with a tab before its title when without it the head
    // would open a table of one cell per line: `Chunks::tab_before_title`)
    let (written, rest) = [&head, &tabbed]
        .into_iter()
        .find_map(|h| Some((h.as_str(), default.strip_prefix(h.as_str())?)))?;
    if !rest.is_empty() && !rest.starts_with('\n') {
        return None;
    }
    let reads_text = |text: &str| {
        blocks_after(headings, text).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Table(a), Block::Subsection(b)] if **a == *t && b == s)
        })
    };
    let reads = |table: &str, head: &str| reads_text(&format!("{table}\n{head}{rest}"));
    if reads(table_text, written) {
        return None;
    }
    let closed = format!("{table_text}||\n");
    [
        (None, tabbed.clone()),
        (Some(closed.clone()), head),
        (Some(closed), tabbed),
    ]
    .into_iter()
    .find(|(table, head)| reads(table.as_deref().unwrap_or(table_text), head))
    .map(|(table, head)| (table, Some(head)))
    .or_else(|| {
        let text = prefixed()?;
        reads_text(&format!("{table_text}\n{text}")).then_some((None, None))
    })
}

/// The text for the pending legacy statistics table `t` (written as
/// `table_text`) and subsection `s` after it (written alone as `default`),
/// whose head on a line of its own would read otherwise (`三、问题` alone is
/// a section heading, where the source had it on the table's line of
/// running text: `指标名称…件1三、问题`): the table as one line of running
/// text ([`legacy_flow_lines`](super::table::legacy_flow_lines)) with the
/// subsection's text after it, when that reads back as the table and `s`
/// and the default does not. `heading`: the heading line of the section
/// written last (`None` in the preamble), the text is read back after it.
pub(super) fn head_on_flow_table(
    heading: Option<&str>,
    t: &Table,
    table_text: &str,
    s: &Subsection,
    default: &str,
) -> Option<String> {
    let Table::LegacyStatistics(legacy) = t else {
        return None;
    };
    if crate::text::lexical::section_marker(&s.marker).is_err() {
        return None;
    }
    let reads = |text: &str| {
        blocks_after(heading.as_slice(), text).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Table(a), Block::Subsection(b)] if **a == *t && b == s)
        })
    };
    if reads(&format!("{table_text}\n{default}")) {
        return None;
    }
    super::table::legacy_flow_lines(legacy)
        .into_iter()
        .map(|line| format!("{line} {default}"))
        .find(|text| reads(text))
}

impl<'r, W: fmt::Write> Chunks<'_, 'r, W> {
    /// The lines of the head and first paragraph of subsection `s` (the
    /// block `block`) right after the pending table, when written as
    /// otherwise they would not read back apart from it (see
    /// [`head_lines_after_table`]); first, the whole of `s` on
    /// one line when it holds section markers (`Chunks::flat_after_table`).
    /// When neither reads back, the head line alone, with the table's text
    /// changed if needed (see [`head_line_after_table`]); last,
    /// lines after which the head and first paragraph alone read back.
    /// The number of blocks of `s` written with the lines: all, the first
    /// paragraph, or none.
    pub(super) fn subsection_after_table(
        &mut self,
        block: &'r Block,
        s: &'r Subsection,
    ) -> Option<(String, usize)> {
        let (t, table_text) = self.table.as_ref()?;
        if self.next.prefix.is_some() || self.closing {
            return None;
        }
        if let Some(line) = self.flat_after_table(block, s) {
            return Some((line, s.blocks.len()));
        }
        let paragraph = matches!(s.blocks.first(), Some(Block::Paragraph(_)));
        // (a head line the table cannot take in, and no first paragraph to
        // write on it: the default stands, not even written; debug builds
        // go on, to check the pre-filter against the read-back)
        if !paragraph && !may_take_head(t, table_text, s) && !cfg!(debug_assertions) {
            return None;
        }
        let default = self.written_alone(block, true)?;
        let rest = || {
            let rest = s.blocks.get(1..).unwrap_or_default();
            self.written_nested(rest, self.last, Forced::flat(true))
        };
        let lines = paragraph
            .then(|| head_lines_after_table(t, table_text, s, &default, &self.headings, &rest))
            .flatten();
        // (a candidate that reads back only with the head and paragraph:
        // when no head line does better)
        let partial = match lines {
            Some(HeadLines::Default) => return None,
            Some(HeadLines::Whole(lines)) => return Some((lines, 1)),
            Some(HeadLines::Partial(lines)) => Some((lines, 1)),
            None => None,
        };
        let prefixed = || self.written_with_head(s);
        let Some((table, head)) =
            head_line_after_table(t, table_text, s, &default, &self.headings, &prefixed)
        else {
            return partial;
        };
        if let (Some(table), Some((_, text))) = (table, self.table.as_mut()) {
            *text = table;
        }
        match head {
            Some(head) => Some((head, 0)),
            // (the head at the start of its first block's line: nothing
            // written now, the blocks after it)
            None => {
                self.hold(&super::heads::head_text(s));
                Some((String::new(), 0))
            }
        }
    }
}
