//! A subsection's head line in the canonical text: the marker and title
//! alone, or with the first paragraph (or the first inner subsection's first
//! line) written on it when the head alone would read otherwise.

use super::head_line::{TITLE_STOPS, reads_as_heading};
pub(super) use super::head_line::{head_text, same_head, short_cell, title_gap};
use crate::model::Block;

/// The first line written for subsection `s`: its head, with its first
/// paragraph when that goes on the head line (`last`: the number of the
/// section written last).
pub(super) fn first_line(s: &crate::model::Subsection, last: u32) -> String {
    match s.blocks.first() {
        Some(Block::Paragraph(p)) if body_on_head_line(s, last) => {
            let body: String = p
                .text
                .chars()
                .filter(|c| *c != '\n' && *c != '\r')
                .collect();
            let mut line = s.marker.to_string();
            line.push_str(s.title.as_deref().unwrap_or(""));
            line.push_str(title_gap(s, &body, last));
            line.push_str(&body);
            line
        }
        _ => head_text(s),
    }
}

/// True for a subsection with a section marker and a title whose first
/// block is a subsection, written on the head line (`三、主动公开：1、申请`):
/// alone, the head could read as a section heading; the parser reads the
/// marker after the title as a subsection of it (of another marker style).
/// So is a subsection with a title whose first block has a section marker
/// and alone would read as a section heading (`一是。六、其他需要报告`), and
/// one whose first block's head line alone opens a table
/// ([`inner_opens_table`]). `last` is the number of the section written last.
pub(super) fn joins_first_subsection(s: &crate::model::Subsection, last: u32) -> bool {
    let Some(Block::Subsection(inner)) = s.blocks.first() else {
        return false;
    };
    match &s.title {
        None => inner_opens_table(s, inner, last),
        Some(title) => {
            titled_joins_inner(s, title, inner, last) || inner_opens_table(s, inner, last)
        }
    }
}

/// [`joins_first_subsection`] for a subsection with a title whose head, or
/// its first block's head, alone would read as a section heading.
fn titled_joins_inner(
    s: &crate::model::Subsection,
    title: &str,
    inner: &crate::model::Subsection,
    last: u32,
) -> bool {
    let head = format!("{}{title}", s.marker);
    let heading =
        |line: &str| crate::parse::headings::find_heading(line, last.saturating_add(1), last);
    let inner_line = first_line(inner, last);
    // the head alone, or the inner head alone (`一是。` + `六、其他需要报告`),
    // would read as a section heading
    let reads_as_heading = |marker: &str, line: &str| {
        crate::text::lexical::section_marker(marker).is_ok()
            && heading(line).is_some_and(|h| h.pos == 0)
    };
    if !reads_as_heading(&s.marker, &head) && !reads_as_heading(&inner.marker, &inner_line) {
        return false;
    }
    let line = format!("{head}{inner_line}");
    let rest = format!("{title}{inner_line}");
    let outer = crate::parse::seg::line_marker(&line);
    let nested = crate::parse::seg::line_marker(&inner_line);
    !title.starts_with(crate::lines::is_space)
        && !crate::lines::has_line_break(title)
        && !inner_line.starts_with(crate::lines::is_space)
        && outer.is_some_and(|(_, len)| len == s.marker.len())
        && nested.is_some_and(|(style, len)| {
            len == inner.marker.len() && outer.is_some_and(|(o, _)| o != style)
        })
        && crate::parse::blocks::split_title(&rest) == (Some(title), Some(inner_line.as_str()))
        && heading(&line).is_none()
        // (the inner head is written as `first_line` says: on a line of
        // its own, not joined to its own first subsection)
        && !joins_first_subsection(inner, last)
}

/// True for a subsection whose first block is a subsection whose head line
/// alone opens a table (`1.` + `一、本年新收0d…\t\t1\trwar0`: an
/// applications row; `（二）。` + `一、本年新收政府信息公开申请数量。`: the
/// table's first row), when the outer head and that line on one line, as
/// the source had them, read back as the two heads (the outer head first,
/// the line opens no table). After a marker without a title the inner head
/// line is the head alone, or with the inner subsection's first paragraph
/// when that goes on it (`1.` + `一、` + `本年新收33330  全0 …`: the paragraph
/// is read back on the joined line too, cut before a tab as [`tab_cut`] cuts
/// it after the outer marker), and the inner subsection's other blocks
/// follow on lines of their own, as they do after its head line alone;
/// after a head with a title (laws-z10) only an inner subsection with no
/// blocks joins.
fn inner_opens_table(
    s: &crate::model::Subsection,
    inner: &crate::model::Subsection,
    last: u32,
) -> bool {
    let head = head_text(inner);
    let first = match inner.blocks.first() {
        Some(Block::Paragraph(p)) => Some(p),
        _ => None,
    };
    // (the cheap test first: only a head line that opens a table, alone
    // or with the first paragraph)
    let opens = |line: &str| crate::parse::anchor::anchor(line.trim()).is_some();
    let with_body = |p: &crate::model::Paragraph| {
        let mut line = format!("{}{}", inner.marker, inner.title.as_deref().unwrap_or(""));
        line.extend(p.text.chars().filter(|c| *c != '\n' && *c != '\r'));
        line
    };
    // (or, with a section marker, alone reads as a section heading:
    // `1.` + `一、本*年新收 33330 …`)
    let heading = |line: &str| {
        crate::text::lexical::section_marker(&inner.marker).is_ok()
            && crate::parse::headings::find_heading(line, last.saturating_add(1), last)
                .is_some_and(|h| h.pos == 0)
    };
    if !opens(&head) && !first.is_some_and(|p| opens(&with_body(p))) && !heading(&head) {
        return false;
    }
    let body = first.filter(|_| body_on_head_line(inner, last));
    let line = match (body, &s.title) {
        (Some(p), None) => joined_body_line(s, inner, &p.text, last),
        (None, None)
            if (opens(&head) || heading(&head)) && !joins_first_subsection(inner, last) =>
        {
            format!("{}{head}", s.marker)
        }
        (None, Some(title)) if opens(&head) && inner.blocks.is_empty() => {
            format!("{}{title}{head}", s.marker)
        }
        _ => return false,
    };
    crate::parse::headings::find_heading(
        line.lines().next().unwrap_or(""),
        last.saturating_add(1),
        last,
    )
    .is_none()
        && super::reread::preamble_of(&line).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Subsection(r)]
            if same_head(r, s)
                && matches!(r.blocks.as_slice(), [Block::Subsection(i)]
                    if same_head(i, inner) && match (body, i.blocks.as_slice()) {
                        (None, []) => true,
                        (Some(p), [Block::Paragraph(q)]) => q.text == p.text,
                        _ => false,
                    }))
        })
}

/// The text written for the head of untitled subsection `s` joined to its
/// first block `inner`'s head line, which holds `inner`'s first paragraph
/// `text` (as `Chunks::head_line_subsection` writes it after the prefix):
/// the body cut before a tab where [`tab_cut`] cuts it.
fn joined_body_line(
    s: &crate::model::Subsection,
    inner: &crate::model::Subsection,
    text: &str,
    last: u32,
) -> String {
    let title = inner.title.as_deref().unwrap_or("");
    let body: String = text.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    let gap = title_gap(inner, &body, last);
    let mut line = format!("{}{}{title}{gap}", s.marker, inner.marker);
    match tab_cut(&s.marker, &inner.marker, title, &body, last) {
        Some(at) => {
            line.push_str(&body[..at]);
            line.push('\n');
            line.push_str(&body[at..]);
        }
        None => line.push_str(&body),
    }
    line.push('\n');
    line
}

/// True for a subsection whose first block is a paragraph that is written
/// on the head line, as the parser reads it: a subsection without a title
/// whose paragraph the parser would not read as a title (`四、` + a long
/// text; a marker alone after a table would be read into the table), and
/// a subsection with a section marker (`三、收费。` + `作`: on a line of its
/// own the head could read as a section heading), and a titled subsection
/// whose paragraph starts with markup (`一是。` + `[bookmark]下`: alone it
/// reads as the markup and a paragraph), or whose head line alone reads as
/// something else (`1.勾稽关系10:` is an applications table's note; with its
/// long paragraph on the line it is none), when the line reads back as the
/// head and paragraph. `last` is the number of the section written last (0
/// in the preamble).
pub(super) fn body_on_head_line(s: &crate::model::Subsection, last: u32) -> bool {
    let Some(Block::Paragraph(p)) = s.blocks.first() else {
        return false;
    };
    let section_marker = s
        .marker
        .strip_suffix('、')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)));
    // (a paragraph that starts with markup, `[bookmark]下`, would read as
    // the markup and a paragraph on a line of its own)
    let head_apart_reads =
        s.title.is_some() && !section_marker && crate::text::lexical::markup(&p.text).is_err();
    let text: std::borrow::Cow<'_, str> = if crate::lines::has_line_break(&p.text) {
        p.text.replace(['\n', '\r'], "").into()
    } else {
        p.text.as_str().into()
    };
    let title = s.title.as_deref().unwrap_or("");
    let rest = format!("{title}{text}");
    let line = format!("{}{rest}", s.marker);
    let want = match &s.title {
        Some(t) => (Some(t.as_str()), Some(text.as_ref())),
        None => (None, Some(text.as_ref())),
    };
    // a section marker without a title and a short paragraph (`三、` +
    // `本 1 0`) would read as a section heading on one line: the marker
    // alone is none. The parser looks for the section after the one read
    // last (`三、收处理政府…申请` in section 三 is none), and so does this test
    // (with a title too: `二、:` + `主动公开` is the heading 二、:主动公开 on
    // one line, and no heading apart)
    // (a title that ends in a stop takes a tab before the paragraph, which
    // keeps the line from reading as a heading: `三、收到和处理:` + `_`, as
    // the source had it, when that reads back)
    let heading = || {
        reads_as_heading(&s.marker, &line, last)
            && !(title.ends_with(TITLE_STOPS) && tab_line_reads(s, title, &text, last))
    };
    !text.starts_with(crate::lines::is_space)
        && !title.starts_with(crate::lines::is_space)
        && !crate::lines::has_line_break(title)
        && crate::parse::seg::line_marker(&line).is_some_and(|(_, len)| len == s.marker.len())
        && crate::parse::seg::line_marker(&text).is_none()
        && crate::parse::blocks::split_title(&rest) == want
        && !heading()
        && (!head_apart_reads
            || head_reads_otherwise(s, &line, &p.text)
            || paragraphs_read_as_lines(s, &format!("{}{title}", s.marker), &text, last)
            || super::before_table::paragraph_taken_into_table(
                s,
                &format!("{}{title}", s.marker),
                &text,
                last,
            ))
}

/// True when the first paragraphs of titled subsection `s` are short, two or
/// more of those after the first are figures, and written each apart from
/// the head line (`（五）。` + `公` `0` `8`) they read as a table of one cell
/// per line, where with the first one on the head line (`（五）。公`, `text`
/// after `head`, the marker and title) they read back as they were: the
/// source had it there, and the figures after it alone are too few for such
/// a table. Decided by reading back, asked only when the paragraphs could be
/// such a table's cells.
fn paragraphs_read_as_lines(
    s: &crate::model::Subsection,
    head: &str,
    text: &str,
    last: u32,
) -> bool {
    let paras = short_paragraphs(s);
    let figures = paras
        .iter()
        .skip(1)
        .filter(|t| crate::parse::region::is_number_line(t.trim()))
        .count();
    if figures < 2 || paras.first() != Some(&text) {
        return false;
    }
    let rest: String = paras[1..].iter().map(|t| format!("\n{t}\n")).collect();
    let gap = title_gap(s, text, last);
    !reads_with_paragraphs(s, &paras, &format!("{}\n\n{text}\n{rest}", head_text(s)))
        && reads_with_paragraphs(s, &paras, &format!("{head}{gap}{text}\n{rest}"))
}

/// The short paragraphs ([`short_cell`]) that open subsection `s`, up to
/// seven: those the look-ahead for a table of one cell per line can reach.
fn short_paragraphs(s: &crate::model::Subsection) -> Vec<&str> {
    s.blocks
        .iter()
        .take(7)
        .map_while(|b| match b {
            Block::Paragraph(p) if short_cell(&p.text) => Some(p.text.as_str()),
            _ => None,
        })
        .collect()
}

/// True when `written` reads back as one subsection of the head of `s`
/// whose first blocks are the paragraphs `paras`.
fn reads_with_paragraphs(s: &crate::model::Subsection, paras: &[&str], written: &str) -> bool {
    super::reread::preamble_of(written).is_some_and(|b| {
        matches!(b.as_slice(), [Block::Subsection(r)]
        if same_head(r, s)
            && r.blocks.len() >= paras.len()
            && r.blocks.iter().zip(paras).all(|(b, t)| {
                matches!(b, Block::Paragraph(p) if p.text == *t)
            }))
    })
}

/// True when the head of `s` (its `title` ending in a stop), a tab and its
/// first paragraph `text` read as no heading and back as the subsection
/// and that paragraph.
fn tab_line_reads(s: &crate::model::Subsection, title: &str, text: &str, last: u32) -> bool {
    let line = format!("{}{title}\t{text}", s.marker);
    !reads_as_heading(&s.marker, &line, last)
        && super::reread::preamble_of(&line).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Subsection(r)]
                if same_head(r, s)
                    && matches!(r.blocks.as_slice(), [Block::Paragraph(q)] if q.text == text))
        })
}

/// True when the head line of titled subsection `s` alone does not read
/// back as its head (`1.勾稽关系10:` reads as an applications table's note)
/// and `line`, the head with its first paragraph `text`, reads back as the
/// subsection with that paragraph.
fn head_reads_otherwise(s: &crate::model::Subsection, line: &str, text: &str) -> bool {
    !head_alone_reads_back(s)
        && super::reread::preamble_of(line).is_some_and(|b| {
            matches!(b.as_slice(), [Block::Subsection(r)]
                if same_head(r, s)
                    && matches!(r.blocks.as_slice(), [Block::Paragraph(q)] if q.text == text))
        })
}

/// True when the head line of subsection `s` alone reads back as its head
/// (an empty subsection of that marker and title).
fn head_alone_reads_back(s: &crate::model::Subsection) -> bool {
    super::reread::preamble_of(&head_text(s)).is_some_and(
        |b| matches!(b.as_slice(), [Block::Subsection(r)] if same_head(r, s) && r.blocks.is_empty()),
    )
}

/// True when `line`, the head of empty subsection `s` and the first line
/// of its next sibling `n`, reads back as the two (`s` empty).
fn two_heads_read_back(
    line: &str,
    s: &crate::model::Subsection,
    n: &crate::model::Subsection,
) -> bool {
    super::reread::preamble_of(line).is_some_and(|b| {
        matches!(b.as_slice(), [Block::Subsection(a), Block::Subsection(r), ..]
            if same_head(a, s) && a.blocks.is_empty() && same_head(r, n))
    })
}

/// The line written next, when it starts with the head of an empty
/// subsection written before it (see [`joins_next_line`]).
pub(super) enum NextLine<'a> {
    /// The next sibling subsection, of the same marker style.
    Sibling(&'a crate::model::Subsection),
    /// The heading of the next section (its raw text and number).
    Heading(&'a str, u32),
}

/// True for a subsection with a section marker and no blocks whose head
/// alone would read as a section heading (`三、申請。` in the preamble), and
/// which reads back as it is when written at the start of the next line:
/// the head of its next sibling (`三、申請。七、`: the title ends at `。`, the
/// marker after it opens a sibling) or the next section's heading, which the
/// parser then finds inside the line (`三、申請二、主動情況` in section 一).
/// So is an empty subsection with a title whose head alone reads as
/// something else (`1.勾稽关系10:` is an applications table's note) before
/// its next sibling, when the line of both reads back as the two heads
/// (`1.勾稽关系10:2.` + a long paragraph). `before` is the text written
/// before the head on its line (heads joined before it), `last` the number
/// of the section written last.
pub(super) fn joins_next_line(
    s: &crate::model::Subsection,
    next: &NextLine<'_>,
    before: &str,
    last: u32,
) -> bool {
    if !s.blocks.is_empty() {
        return false;
    }
    let title = s.title.as_deref().unwrap_or("");
    let head = format!("{}{title}", s.marker);
    let heading =
        |line: &str| crate::parse::headings::find_heading(line, last.saturating_add(1), last);
    if head_text(s) != head || has_line_break_or_space(title) {
        return false;
    }
    // (the head alone reads as a section heading, or else as no head at
    // all: read back, and only before a sibling)
    let reads_otherwise = if crate::text::lexical::section_marker(&s.marker).is_ok()
        && heading(&head).is_some_and(|h| h.pos == 0)
    {
        false
    } else if s.title.is_some() && matches!(next, NextLine::Sibling(_)) && !head_alone_reads_back(s)
    {
        true
    } else {
        return false;
    };
    let Some((style, len)) = crate::parse::seg::line_marker(&head) else {
        return false;
    };
    if len != s.marker.len() {
        return false;
    }
    match *next {
        NextLine::Sibling(n) => {
            if joins_first_subsection(n, last) {
                return false;
            }
            let mut next_line = first_line(n, last);
            // (a body with a tab is cut before it, see `tab_cut`: the line
            // is the part before the cut; where no cut reads back after the
            // heads written before it, the body is written whole, tab and
            // all, and the line is read back as it is)
            let mut whole = false;
            if reads_otherwise
                && next_line.contains('\t')
                && let Some(Block::Paragraph(p)) = n.blocks.first()
                && body_on_head_line(n, last)
            {
                let n_title = n.title.as_deref().unwrap_or("");
                let body: String = p
                    .text
                    .chars()
                    .filter(|c| *c != '\n' && *c != '\r')
                    .collect();
                match tab_cut(&format!("{before}{head}"), &n.marker, n_title, &body, last) {
                    Some(at) => next_line = format!("{}{n_title}{}", n.marker, &body[..at]),
                    None => whole = true,
                }
            }
            let line = format!("{head}{next_line}");
            (whole || !next_line.contains('\t'))
                && crate::parse::seg::line_marker(&next_line)
                    .is_some_and(|(st, l)| st == style && l == n.marker.len())
                && crate::parse::seg::line_marker(&line).is_some_and(|(_, l)| l == len)
                && crate::parse::blocks::split_title(&line[len..])
                    == (s.title.as_deref(), Some(next_line.as_str()))
                && heading(&line).is_none()
                && (!reads_otherwise || two_heads_read_back(&line, s, n))
        }
        NextLine::Heading(raw, number) => {
            let line = format!("{head}{raw}");
            crate::parse::blocks::split_title(title) == (s.title.as_deref(), None)
                && heading(&line).is_some_and(|h| {
                    h.pos == head.len() && h.end == line.len() && h.number == number
                })
        }
    }
}

/// True when `t` holds a line break or starts with white space.
fn has_line_break_or_space(t: &str) -> bool {
    t.starts_with(crate::lines::is_space) || crate::lines::has_line_break(t)
}

/// True when the first paragraph of subsection `s` goes on the line right
/// after its head line `head` (no blank line between): the head alone and
/// the short paragraphs after it, one cell each, would read as a table of
/// one cell per line (`1.` + `1//0//0/|F&107//0/0` `0` `2`: the look-ahead
/// from the head reaches two figures), where the paragraph right after the
/// head line starts the body and reads as it was. Asked only when the head
/// and the first paragraph can be short cells, and decided by reading back.
pub(super) fn first_paragraph_joins_head(s: &crate::model::Subsection, head: &str) -> bool {
    // the paragraphs the look-ahead can reach (seven, the head's own first)
    let paras = short_paragraphs(s);
    if paras.len() < 2 || !short_cell(head) {
        return false;
    }
    let rest: String = paras[1..].iter().map(|t| format!("\n{t}\n")).collect();
    !reads_with_paragraphs(s, &paras, &format!("{head}\n\n{}\n{rest}", paras[0]))
        && reads_with_paragraphs(s, &paras, &format!("{head}\n{}\n{rest}", paras[0]))
}

/// How many characters before the tab [`tab_cut`] tries as the end of the
/// head line (as many as a list marker's cut tries).
const TAB_CUT_CHARS: usize = 8;

/// Where to break the body written on a subsection's head line when it holds
/// a tab (`8.属于行政查询事 0 , … ee(\te`): on the head line the tab makes a
/// tab row, which a table before it reads in as one of its rows (its first
/// field a row label); the source had the tab on a line of its own, which
/// the parser joined to the body. The cut is a few characters before the
/// first tab, where the two lines read back as the same subsection and body,
/// and where the head line does not read as the heading of the section
/// after `last` (the section written last: `四、:办` + `理\t7` in section 三
/// is section 四's heading, which read alone the cut does not show).
/// `before` is the text written before the head on its line (the heads of
/// empty subsections joined to it, see [`joins_next_line`]): the cut is read
/// back after it, as it is written (`1.-勾稽关系10:` + `2.` and a body cut
/// before its tab reads as an applications table's note when the line is
/// short; uncut, the line is no note).
pub(super) fn tab_cut(
    before: &str,
    marker: &str,
    title: &str,
    body: &str,
    last: u32,
) -> Option<usize> {
    let tab = body.find('\t')?;
    let heading = |line: &str| {
        crate::text::lexical::section_marker(marker).is_ok()
            && crate::parse::headings::find_heading(line, last.saturating_add(1), last)
                .is_some_and(|h| h.pos == 0)
    };
    // (the last few characters before the tab)
    let first = body[..tab]
        .char_indices()
        .rev()
        .take(TAB_CUT_CHARS)
        .last()
        .map_or(0, |(at, _)| at);
    super::reread::cut_points(&body[..tab])
        .take_while(|&at| at >= first)
        .find(|&at| {
            let (head, rest) = body.split_at(at);
            !heading(&format!("{marker}{title}{head}"))
                && super::reread::preamble_of(&format!("{before}{marker}{title}{head}\n{rest}\n"))
                    .is_some_and(|b| {
                        (!before.is_empty() || b.len() == 1)
                            && ends_in_subsection(&b, marker, title, body)
                    })
        })
}

/// True when the last of `blocks` (or, when that is another subsection, the
/// last of its blocks, and so on) is a subsection of `marker` and `title`
/// whose one block is the paragraph `body`.
fn ends_in_subsection(blocks: &[Block], marker: &str, title: &str, body: &str) -> bool {
    match blocks.last() {
        Some(Block::Subsection(x))
            if x.marker == marker && x.title.as_deref().unwrap_or("") == title =>
        {
            matches!(x.blocks.as_slice(), [Block::Paragraph(p)] if p.text == body)
        }
        Some(Block::Subsection(x)) => ends_in_subsection(&x.blocks, marker, title, body),
        _ => false,
    }
}
