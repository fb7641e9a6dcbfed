//! How a paragraph (and any one-line text) is written so that it reads back
//! as itself: on one line, or cut where a line alone would open a marker, a
//! table, a statistics header or a page number; the last paragraph before a
//! closing written so it reads as no signature.

use std::fmt;

use super::heads::body_on_head_line;
use super::reread::{preamble_of, reads_as_paragraph_of};
use super::table::LINES_REACH_CHARS;
use crate::lines::has_line_break;
use crate::model::{Block, Paragraph};

/// Writes a paragraph on one line; a text that starts with a marker (`1.`,
/// read from lines `1` and `.`) would read as a subsection there, so its
/// first character is written on a line of its own, which the parser joins
/// back to the rest (when the rest opens no marker and is no field).
pub(super) fn write_paragraph<W: fmt::Write>(w: &mut W, text: &str) -> fmt::Result {
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
        // (a cut whose pieces are no figures first: `-0-` as `-` + `0-`, not
        // `-0` + `-`, where the line `-0` would be a figure that the
        // look-ahead for a table of lines counts, and short lines before
        // the paragraph could read as such a table with it)
        let figure = |at: usize| {
            crate::parse::region::is_number_line(&one[..at])
                || crate::parse::region::is_number_line(&one[at..])
        };
        let last = one
            .char_indices()
            .next_back()
            .map(|(at, _)| at)
            .filter(|&at| apart(at));
        let find = |plain: bool| {
            last.filter(|&at| !(plain && figure(at)) && reads_as_paragraph(&one, at))
                .or_else(|| {
                    one.char_indices()
                        .rev()
                        .skip(1)
                        .take(MARKER_CUT_CHARS)
                        .map(|(at, _)| at)
                        .find(|&at| {
                            apart(at) && !(plain && figure(at)) && reads_as_paragraph(&one, at)
                        })
                })
        };
        let cut = find(true).or_else(|| find(false)).or(last);
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
        None => match marker_cuts(&one) {
            Some(cuts) => write_cut(w, &one, &cuts),
            None => write_line(w, &one),
        },
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

/// How many lines [`marker_cuts`] writes a paragraph on at most.
const MARKER_CUT_LINES: usize = 4;

/// Where to cut a paragraph that starts with a marker over more than two
/// lines, when no cut in two does ([`marker_cut`]): each cut leaves a rest
/// that opens no marker, and the last leaves one that is no `key: value`
/// field, which the parser never joins to the line before it (`1.:.`, read
/// from `1`, `.` and `:.`: `1` + `.:.` reads as two paragraphs, `1.` + `:.`
/// as a marker; `(五):` from `(五`, `)` and `:`). The earliest such cuts, at
/// most [`MARKER_CUT_LINES`] lines, when they read back as the paragraph
/// (one read-back, only for such a paragraph).
fn marker_cuts(one: &str) -> Option<Vec<usize>> {
    let field = crate::parse::paragraph::is_field;
    let mut cuts = Vec::new();
    let mut from = 0;
    while cuts.len() + 1 < MARKER_CUT_LINES {
        let places: Vec<usize> = one[from..]
            .char_indices()
            .skip(1)
            .take(MARKER_CUT_CHARS)
            .map(|(at, _)| from + at)
            .filter(|&at| piece_apart(one, from, at))
            .collect();
        if let Some(&at) = places.iter().find(|&&at| !field(&one[at..])) {
            cuts.push(at);
            let mut lines = String::with_capacity(one.len() + cuts.len() + 1);
            write_cut(&mut lines, one, &cuts).ok()?;
            return reads_as_paragraph_of(&lines, one).then_some(cuts);
        }
        from = *places.first()?;
        cuts.push(from);
    }
    None
}

/// True when `one[from..at]` can be a line of a paragraph cut by
/// [`marker_cuts`] with the rest after it: no white space at the cut, the
/// rest opens no marker, and the piece ends no sentence, is no `key: value`
/// field and (but for the paragraph's first character) is no marker or page
/// number.
fn piece_apart(one: &str, from: usize, at: usize) -> bool {
    let (piece, rest) = (&one[from..at], &one[at..]);
    let first = one.chars().next().map_or(0, char::len_utf8);
    !rest.is_empty()
        && !rest.starts_with(char::is_whitespace)
        && !piece.ends_with(char::is_whitespace)
        && crate::parse::seg::line_marker(rest).is_none()
        && !ends_sentence(piece)
        && !crate::parse::paragraph::is_field(piece)
        && (at == first
            || (crate::parse::seg::line_marker(piece).is_none()
                && !crate::text::lexical::is_page_number(piece)))
}

/// Where to break a paragraph that holds a statistics header word: written on
/// one line, it could read as a legacy statistics table of running text (it
/// was read from several lines, where it is none): after the first character of each header word
/// (`指\n标名称…`), so no line holds the word and the parser joins the
/// lines back into the paragraph. A paragraph that reads as itself on one
/// line is cut too when the cut lines read back as it: on one line, the
/// lines written after it could read as the rows of a table under its header
/// words (`指标名称计量单位2015年度` + a paragraph `中：9`, or a subsection
/// `2、 2`; the source kept them apart by a grid line). `None` when the line
/// reads as itself and cut it would not, or holds a tab or a pipe (`1：统计表指标名称…` where no table
/// is read; cut, its first line would be a `key：value` line, never joined).
fn statistics_header_cuts(text: &str) -> Option<Vec<usize>> {
    let one = text.trim_matches(crate::lines::is_space);
    let mut cuts: Vec<usize> = crate::template::legacy::HEADER_WORDS
        .iter()
        .flat_map(|h| text.match_indices(h).map(|(at, _)| at + '指'.len_utf8()))
        .collect();
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_unstable();
    if crate::template::legacy::locate(one).is_none() || reads_as_itself(one) {
        // (a cut line with a tab or a pipe could read as a grid row, which
        // a table before the paragraph takes in: such a text stays whole)
        if text.contains(['\t', '|']) || cut_may_open_lines(text, &cuts) {
            return None;
        }
        let mut cut = String::with_capacity(text.len() + cuts.len() + 1);
        write_cut(&mut cut, text, &cuts).ok()?;
        if !reads_as_paragraph_of(&cut, text) {
            return None;
        }
    }
    Some(cuts)
}

/// True when `text` cut at `cuts` (see [`statistics_header_cuts`]) has a
/// line the parser's look-ahead for a table of one cell per line
/// (`parse::region::generic_region`) may start from and read on past the
/// paragraph, where `text` on one line may not: a short line (at most 15
/// characters, no figure, no sentence punctuation) with the paragraph's rest
/// from it within [`LINES_REACH_CHARS`]. Cut, the paragraph could then open
/// a table with figures written after it (`????指` + `标名称????????` before
/// the paragraphs `5` and `5`, read from one line of 16 characters).
fn cut_may_open_lines(text: &str, cuts: &[usize]) -> bool {
    let len = |t: &str| t.trim_matches(crate::lines::is_space).chars().count();
    let opens = |t: &str| {
        let t = t.trim_matches(crate::lines::is_space);
        !t.is_empty()
            && t.chars().nth(15).is_none()
            && !crate::parse::region::is_number_line(t)
            && !t.contains(['。', '，', '；', ',', ';', '：', ':'])
    };
    if opens(text) {
        return false;
    }
    let starts: Vec<usize> = std::iter::once(0).chain(cuts.iter().copied()).collect();
    let pieces: Vec<&str> = starts
        .iter()
        .enumerate()
        .map(|(k, &from)| &text[from..starts.get(k + 1).copied().unwrap_or(text.len())])
        .collect();
    (0..pieces.len()).any(|k| {
        opens(pieces[k]) && pieces[k..].iter().map(|p| len(p)).sum::<usize>() <= LINES_REACH_CHARS
    })
}

/// True when `one`, a paragraph's text on one line, read on its own is
/// that paragraph (and not a table, a heading, a subsection …).
pub(super) fn reads_as_itself(one: &str) -> bool {
    reads_as_paragraph_of(one, one)
}

/// Where to break a paragraph that, written on one line, would open a
/// table (`行政复议未结果` reads as the review/litigation header; it was read
/// from the lines `行政复议未` and `结果`, where it is none): the first cut
/// after which neither line opens a table or a list item and the two lines
/// read back as the paragraph. `None` when the line opens no table.
fn anchor_cut(text: &str) -> Option<usize> {
    if has_line_break(text) || crate::parse::region::anchor(text).is_none() {
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

/// True when `text` cut at `at` over two lines reads back as one paragraph
/// of that text.
fn reads_as_paragraph(text: &str, at: usize) -> bool {
    let (head, rest) = text.split_at(at);
    reads_as_paragraph_of(&format!("{head}\n{rest}\n"), text)
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
pub(super) fn last_paragraph(blocks: &[Block], section: u32) -> Option<&Paragraph> {
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
pub(super) fn write_unsigned<W: fmt::Write>(w: &mut W, text: &str) -> fmt::Result {
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
            let mut lines = String::with_capacity(one.len() + 2);
            write_cut(&mut lines, &one, &[at])?;
            // a text that starts with a marker (`5、政府`, read from `5` and
            // `、政府`): cut so, its first line opens a subsection (`5、政` +
            // `府`); the way [`write_paragraph`] writes it (the marker cut
            // apart), when that reads back as the paragraph and the
            // signature cut does not (one read-back, only for such a text)
            if crate::parse::seg::line_marker(one.trim_start_matches(crate::lines::is_space))
                .is_some()
                && !reads_as_paragraph_of(&lines, &one)
            {
                let mut marked = String::with_capacity(one.len() + 2);
                write_paragraph(&mut marked, &one)?;
                if reads_as_paragraph_of(&marked, &one) {
                    return w.write_str(&marked);
                }
            }
            w.write_str(&lines)
        }
        _ => write_paragraph(w, &one),
    }
}

/// The parser joins a paragraph to the next one across one blank line (a
/// page break) when its last line is this long and ends no sentence.
pub(super) const JOIN_LINE_CHARS: usize = 40;

/// True when `line`, the last line of a paragraph, is one the parser joins
/// to a paragraph after one blank line (see [`JOIN_LINE_CHARS`]): the
/// renderer writes two blank lines after it, which always end a paragraph.
pub(super) fn joins_over_a_blank(line: &str) -> bool {
    line.chars().nth(JOIN_LINE_CHARS - 1).is_some() && !ends_sentence(line)
}

pub(super) use crate::text::lexical::ends_sentence;

/// Writes `text` as one line: line breaks inside it are dropped, a `\n` ends it.
pub(super) fn write_line<W: fmt::Write>(w: &mut W, text: &str) -> fmt::Result {
    if has_line_break(text) {
        for part in text.split(['\n', '\r']) {
            w.write_str(part)?;
        }
    } else {
        w.write_str(text)?;
    }
    w.write_char('\n')
}

/// How many cuts [`cut_after_table`] reads back at most.
const AFTER_TABLE_CUTS: usize = 8;

/// The lines to write for a paragraph that a table's text `table` (pending,
/// written just before it after a blank line) precedes, when the paragraph
/// written on one line (`lines`) would be read into that table (a long line
/// with table words, `…办理结果…（单位：万元`: the parser ends a table's region
/// at running text, judged line by line, and the source had the paragraph on
/// lines of which the first was running text). Cut where the first line reads
/// as running text ([`crate::parse::region::reads_as_prose`]), the latest such
/// place that reads back as the table and then the paragraph; when none
/// does, the latest other place that does (`3 .行` + `执法案卷`), then the
/// earliest (`3 5.要` + `求行政  0 0 0 0 0 0 0机关…  1 2 3 4 5 6 7`: a figure and a
/// marker before a label wrapped in the source, its first line no label the
/// region takes in, where every late cut leaves a row's label and figures on
/// the first line). `None`: the lines are kept (they read apart, or no cut
/// does better).
pub(super) fn cut_after_table(
    table: &crate::model::Table,
    table_text: &str,
    text: &str,
    lines: &str,
) -> Option<String> {
    let one = lines.strip_suffix('\n')?;
    let reads_apart = |lines: &str| {
        preamble_of(&format!("{table_text}\n{lines}")).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Table(t), Block::Paragraph(p)]
                if **t == *table && p.text == text)
        })
    };
    // a paragraph written cut (`.3333333成文指` + `标名称日期…`: no line holds
    // a statistics header word) whose first line no region rule is sure to
    // end: cut, its lines could be read into the table, where on one line
    // (as the source had it) the header word ends the region; when neither
    // reads apart (`3 .申缴纳费用` + `处`, cut where no line opens a table),
    // the cuts below are tried
    if one != text && !has_line_break(text) && one.replace('\n', "") == text {
        let first = one.split('\n').next().unwrap_or("");
        if first.ends_with('。')
            || crate::parse::region::reads_as_prose(first)
            || reads_apart(lines)
        {
            return None;
        }
        let line = format!("{text}\n");
        if reads_apart(&line) {
            return Some(line);
        }
    } else if one != text
        // only a paragraph written on one line, which no region rule is sure
        // to end: a sentence or running text always ends a table's region
        || has_line_break(one)
        || one.ends_with('。')
        || crate::parse::region::reads_as_prose(one)
        || reads_apart(lines)
    {
        return None;
    }
    other_cuts(text, reads_apart)
}

/// The first of `text`'s cuts over two lines that `reads_apart` (see
/// [`cut_after_table`]): the places where the first line reads as running
/// text first; then, the latest places first, any other (`3 .行` + `执法案卷`:
/// a figure and a marker before a label wrapped in the source, its first line
/// no label the region takes in; on one line `3 .行执法案卷` names the row
/// 属于行政执法案卷); then the earliest others. At most [`AFTER_TABLE_CUTS`]
/// of each.
fn other_cuts(text: &str, reads_apart: impl Fn(&str) -> bool) -> Option<String> {
    // (the heads that read as running text, found at once: one test per
    // head would be quadratic in a long line)
    let prose_heads = crate::parse::region::prose_heads(text);
    let prose = |at: usize| prose_heads.contains(&at);
    let cut = |at: usize| format!("{}\n{}\n", &text[..at], &text[at..]);
    let latest: Vec<usize> = super::reread::cut_points(text)
        .filter(|&at| !prose(at))
        .take(AFTER_TABLE_CUTS)
        .collect();
    super::reread::cut_points(text)
        .filter(|&at| prose(at))
        .take(AFTER_TABLE_CUTS)
        .chain(latest.iter().copied())
        .chain(
            super::reread::cut_points_forward(text)
                .filter(|&at| !prose(at) && !latest.contains(&at))
                .take(AFTER_TABLE_CUTS),
        )
        .map(cut)
        .find(|lines| reads_apart(lines))
}

/// The lines for a paragraph of text `text` written as `lines`, right
/// before the block `next`, when that is a generic table: the paragraph on
/// one line instead, when `lines` cut it (a cut that is not needed, as [`statistics_header_cuts`]
/// takes one: `\u{7f}\u{7f}指` + `标名称…`) and the one line reads as itself,
/// and the table reads back after the one line and after `lines` does not,
/// in the layout [`generic_after_paragraph`](super::table::generic_after_paragraph)
/// chooses for it (before `0\u{10}b|` `+0` `5`, a table of one cell per line: the
/// cut line `标名称…` has fewer characters than the whole, and the parser's
/// look-ahead from it reaches the table's figures). Asked only for a
/// paragraph written cut before a generic table; decided by reading back.
pub(super) fn whole_before_table(next: Option<&Block>, text: &str, lines: String) -> String {
    use crate::model::Table;
    let Some(Block::Table(t)) = next else {
        return lines;
    };
    let Table::Generic(g) = &**t else {
        return lines;
    };
    let one = format!("{text}\n");
    if lines == one || has_line_break(text) || !reads_as_itself(text) {
        return lines;
    }
    let table = super::table::table_text_after(t, None).1;
    let reads = |para: &str| {
        preamble_of(&super::before_table::with_table_after(g, para, &table)).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Paragraph(p), x] if p.text == text
                && super::reread::same_cells(Some(x), g))
        })
    };
    if !reads(&lines) && reads(&one) {
        one
    } else {
        lines
    }
}
