//! Structure: top-level sections, subsections, paragraphs, table regions.
//!
//! One pass over the lines. A line (or, in crawler text where a whole report
//! sits on one line, the part of a line) that starts a top-level section is
//! recognised by its **full heading text**, never by a bare numeral: `四、`
//! followed by a table row label (`四、结转下年度继续办理`) is a table row, and a
//! heading must carry the next number in sequence unless its title names a
//! known section. Inside a section, blocks are built from the remaining
//! pieces of lines: table regions (from an anchor line to the end of the
//! table), subsections by marker style, paragraphs joined across line wraps
//! and page breaks.

use nom::Parser;

use super::region;
use crate::lines::{Line, Locator, is_space};
use crate::model::{
    Block, Heading, Markup, Paragraph, Section, SectionKind, Subsection, Unrecognized,
};
use crate::template::{self, Kind};
use crate::text::lexical::{
    self, MarkerStyle, is_page_number, markup, norm, section_marker, subsection_marker,
};

/// A piece of a line: the whole line, or the part of it before, between or
/// after inline headings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg<'a> {
    /// Byte offset of `raw` in the text.
    pub(crate) start: usize,
    /// The text of the piece (untrimmed: leading tabs can be grid cells).
    pub(crate) raw: &'a str,
}

impl<'a> Seg<'a> {
    pub(crate) fn is_blank(&self) -> bool {
        self.raw.chars().all(is_space)
    }
    pub(crate) fn trimmed(&self) -> (usize, &'a str) {
        let t = self.raw.trim_start_matches(is_space);
        (
            self.start + self.raw.len() - t.len(),
            t.trim_end_matches(is_space),
        )
    }
}

/// What a section title is about.
pub(crate) fn classify(title: &str) -> SectionKind {
    let t = norm(title);
    let has = |w: &str| t.contains(w);
    if has("复议") || has("诉讼") {
        SectionKind::ReviewLitigation
    } else if has("收费") || has("减免") {
        SectionKind::Fees
    } else if has("问题") || has("改进") {
        SectionKind::Problems
    } else if has("其他需要报告") || has("其他事项") {
        SectionKind::OtherMatters
    } else if has("重点领域") {
        SectionKind::KeyAreas
    } else if has("统计表") || has("附表") || has("统计指标") {
        SectionKind::Statistics
    } else if has("咨询") && !has("申请") && !has("主动") {
        SectionKind::Consultations
    } else if has("人员") || has("收支") || has("机构建设") || has("保障经费") {
        SectionKind::Staffing
    } else if (has("主动公开") || has("主动公布")) && !(has("依申请") || has("申请")) {
        SectionKind::ActiveDisclosure
    } else if (has("收到和处理") || has("依申请") || has("申请")) && !has("主动") {
        SectionKind::Applications
    } else if has("主动") {
        SectionKind::Other
    } else if has("总体情况") || has("概述") || has("基本情况") || has("总体") {
        SectionKind::Overview
    } else {
        SectionKind::Other
    }
}

/// True when `t` (normalised) is a table row or group label, not a heading.
fn is_table_label(t: &str) -> bool {
    [
        "本年新收",
        "上年结转",
        "本年度办理结果",
        "结转下",
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
        "总计",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        || t.contains("本年度办理结果")
        || t.contains("政府信息公开申请数量")
}

/// A heading found in a piece of text.
#[derive(Debug)]
struct Hit {
    /// Byte offset (in the trimmed piece) where the numeral starts.
    pos: usize,
    /// Byte offset (in the trimmed piece) where the heading ends.
    end: usize,
    /// Byte offset where the title starts.
    title_start: usize,
    number: u32,
}

const END_WORDS: &[&str] = &["情况", "事项", "措施", "统计表", "附表", "概述"];

/// Length in bytes of an inline title at the start of `s`, ending with an
/// end word that is not followed by a continuation (及/和/与/、/的).
fn inline_title_len(s: &str) -> Option<usize> {
    let mut chars = 0;
    for (i, c) in s.char_indices() {
        chars += 1;
        if chars > 40 || matches!(c, '。' | '；' | '，' | '\t') {
            return None;
        }
        for w in END_WORDS {
            // compared through the normaliser: Traditional 情況 ends a title too
            if let Some(len) = folded_prefix(&s[i..], w) {
                let end = i + len;
                let next = s[end..].chars().next();
                if !next
                    .is_some_and(|n| matches!(n, '及' | '和' | '与' | '、' | '的' | '表' | '统'))
                {
                    return Some(end);
                }
            }
        }
    }
    None
}

/// The byte length of the prefix of `s` that reads as `w` once folded by
/// the normaliser (`情況` for `情况`), if any.
fn folded_prefix(s: &str, w: &str) -> Option<usize> {
    let mut want = w.chars();
    let mut len = 0;
    for c in s.chars() {
        let Some(x) = want.next() else { break };
        if lexical::norm_char(c) != Some(x) {
            return None;
        }
        len += c.len_utf8();
    }
    want.next().is_none().then_some(len)
}

/// Finds the first heading in `t` (a trimmed piece). `expected` is the number
/// the next section should carry, `last` the number of the last one.
fn find_heading(t: &str, expected: u32, last: u32) -> Option<Hit> {
    // a whole line that is a heading
    if let Ok((rest, n)) = section_marker(t) {
        let title = rest.trim_start_matches(is_space);
        let title_start = t.len() - title.len();
        // a heading line is short: normalise at most 100 characters
        let bounded = title
            .char_indices()
            .nth(100)
            .map_or(title, |(i, _)| &title[..i]);
        let nt = norm(bounded);
        let chars = nt.chars().count();
        let inner_stop = nt
            .char_indices()
            .any(|(i, c)| matches!(c, '。' | '；' | ';') && i + c.len_utf8() < nt.len());
        if !nt.is_empty()
            && !is_table_label(&nt)
            && chars <= 60
            && !inner_stop
            && !title.contains('\t')
        {
            let kind = classify(title);
            let known = kind != SectionKind::Other;
            if n == expected || (known && n > last && n <= last + 3) {
                return Some(Hit {
                    pos: 0,
                    end: t.len(),
                    title_start,
                    number: n,
                });
            }
        }
    }
    // an inline heading: `…。二、主动公开政府信息情况 第二十条…`
    let bytes = t.as_bytes();
    let finder = memchr::memmem::Finder::new("、");
    let mut from = 0;
    while let Some(p) = finder.find(&bytes[from..]) {
        let dun = from + p;
        from = dun + "、".len();
        // the numeral before 、 (up to three characters)
        let before = &t[..dun];
        let num_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| lexical::cn_digit(*c).is_some_and(|d| d > 0))
            .take(3)
            .last()
            .map(|(i, _)| i);
        let Some(ns) = num_start else { continue };
        if t[..ns]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '第' | '其' | '之') || lexical::cn_digit(c).is_some())
        {
            continue;
        }
        let Ok((_, n)) = section_marker(&t[ns..]) else {
            continue;
        };
        if n != expected {
            continue;
        }
        let after = &t[from..];
        let title = after.trim_start_matches(is_space);
        let title_start = t.len() - title.len();
        let Some(len) = inline_title_len(title) else {
            continue;
        };
        let nt = norm(&title[..len]);
        if is_table_label(&nt) {
            continue;
        }
        return Some(Hit {
            pos: ns,
            end: title_start + len,
            title_start,
            number: n,
        });
    }
    None
}

/// An item of the structural pass.
#[derive(Debug)]
enum Item<'a> {
    Seg(Seg<'a>),
    Heading {
        start: usize,
        end: usize,
        title_start: usize,
        number: u32,
    },
}

/// The structure of a report: preamble, sections, closing.
pub(crate) struct Structure {
    pub(crate) preamble: Vec<Block>,
    pub(crate) sections: Vec<Section>,
    pub(crate) closing: Vec<Block>,
}

/// Builds the structure of `text`.
pub(crate) fn structure(text: &str, lines: &[Line<'_>], loc: &Locator<'_>) -> Structure {
    let mut items: Vec<Item<'_>> = Vec::with_capacity(lines.len());
    let mut last = 0u32;
    for line in lines {
        let mut seg = Seg {
            start: line.start,
            raw: line.text,
        };
        loop {
            let (toff, t) = seg.trimmed();
            if t.is_empty() {
                items.push(Item::Seg(seg));
                break;
            }
            match find_heading(t, last + 1, last) {
                Some(h) => {
                    if h.pos > 0 {
                        items.push(Item::Seg(Seg {
                            start: seg.start,
                            raw: &text[seg.start..toff + h.pos],
                        }));
                    }
                    items.push(Item::Heading {
                        start: toff + h.pos,
                        end: toff + h.end,
                        title_start: toff + h.title_start,
                        number: h.number,
                    });
                    last = h.number;
                    let rest_start = toff + h.end;
                    let line_end = seg.start + seg.raw.len();
                    if text[rest_start..line_end].chars().all(is_space) {
                        break;
                    }
                    seg = Seg {
                        start: rest_start,
                        raw: &text[rest_start..line_end],
                    };
                }
                None => {
                    items.push(Item::Seg(seg));
                    break;
                }
            }
        }
    }

    let mut preamble_segs: Vec<Seg<'_>> = Vec::new();
    let mut heads: Vec<(usize, usize, usize, u32, Vec<Seg<'_>>)> = Vec::new();
    for it in items {
        match it {
            Item::Seg(s) => match heads.last_mut() {
                Some(h) => h.4.push(s),
                None => preamble_segs.push(s),
            },
            Item::Heading {
                start,
                end,
                title_start,
                number,
            } => heads.push((start, end, title_start, number, Vec::new())),
        }
    }
    // closing: trailing signature and date lines of the last section
    let mut closing_segs = Vec::new();
    if let Some(h) = heads.last_mut() {
        closing_segs = take_closing(&mut h.4);
    }
    let b = Blocks { text, loc };
    let preamble = b.build(&preamble_segs);
    let sections = heads
        .into_iter()
        .map(|(start, end, title_start, number, segs)| {
            let raw = &text[start..end];
            let title = text[title_start..end].trim_matches(is_space);
            let blocks = b.build(&segs);
            let body_end = segs.iter().rev().find(|s| !s.is_blank()).map_or(end, |s| {
                let (o, t) = s.trimmed();
                o + t.len()
            });
            Section {
                number,
                heading: Heading {
                    raw: raw.to_string(),
                    title: title.to_string(),
                    span: loc.span(start, end),
                },
                kind: classify(title),
                blocks,
                span: loc.span(start, body_end.max(end)),
            }
        })
        .collect();
    // closing lines stay one paragraph each (a signature is not running text)
    let closing = closing_segs
        .iter()
        .filter(|s| !s.is_blank())
        .map(|s| {
            let (o, t) = s.trimmed();
            Block::Paragraph(Paragraph {
                text: t.to_string(),
                span: loc.span(o, o + t.len()),
            })
        })
        .collect();
    Structure {
        preamble,
        sections,
        closing,
    }
}

fn is_date_line(t: &str) -> bool {
    if t.chars().nth(40).is_some() {
        return false;
    }
    let n = norm(t);
    super::meta::cn_date(&n).is_some_and(|(rest, _)| rest.is_empty())
}

fn is_organ_line(t: &str) -> bool {
    if t.chars().nth(60).is_some() {
        return false;
    }
    let n = norm(t);
    let chars = n.chars().count();
    (2..=30).contains(&chars)
        && !n.contains(['。', ',', '，', '：', ':', '；'])
        && [
            "政府",
            "办公室",
            "局",
            "委员会",
            "管委会",
            "镇",
            "乡",
            "街道",
            "办事处",
            "中心",
            "院",
            "厅",
            "部",
            "委",
            "处",
            "所",
            "站",
            "区",
            "县",
            "市",
        ]
        .iter()
        .any(|s| n.ends_with(s))
}

fn take_closing<'a>(segs: &mut Vec<Seg<'a>>) -> Vec<Seg<'a>> {
    let nonblank: Vec<usize> = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_blank())
        .map(|(i, _)| i)
        .collect();
    let mut cut = None;
    if let Some(&last) = nonblank.last() {
        let t = segs[last].trimmed().1;
        if is_date_line(t) {
            cut = Some(last);
            if nonblank.len() >= 2 {
                let prev = nonblank[nonblank.len() - 2];
                if is_organ_line(segs[prev].trimmed().1) {
                    cut = Some(prev);
                }
            }
        } else if is_organ_line(t) && nonblank.len() >= 2 {
            // an organ line alone after a finished sentence
            let prev = segs[nonblank[nonblank.len() - 2]].trimmed().1;
            if prev.ends_with(['。', '！']) {
                cut = Some(last);
            }
        }
    }
    match cut {
        Some(c) => segs.split_off(c),
        None => Vec::new(),
    }
}

/// Builds blocks from pieces of lines.
struct Blocks<'t, 'l> {
    text: &'t str,
    loc: &'l Locator<'t>,
}

/// An open subsection.
struct Open {
    style: MarkerStyle,
    sub: Subsection,
}

/// A paragraph being accumulated.
struct Para {
    start: usize,
    end: usize,
    text: String,
    last_chars: usize,
    terminal: bool,
    blank_after: bool,
    /// The paragraph is a `key: value` line (crawler headers); never joined.
    field: bool,
}

/// `标题: …`, `发布时间: …`: a short key and a colon.
fn is_field(t: &str) -> bool {
    t.char_indices()
        .take(7)
        .any(|(i, c)| i > 0 && matches!(c, ':' | '：'))
}

fn ends_terminal(t: &str) -> bool {
    let core = t.trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '"', '*']);
    core.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

/// The subsection marker at the start of a trimmed piece, allowing `**`
/// residue around it: (style, byte length of the marker incl. residue).
fn line_marker(t: &str) -> Option<(MarkerStyle, usize)> {
    let (inner, lead) = match t.strip_prefix("**") {
        Some(r) => (r, 2),
        None => (t, 0),
    };
    let (rest, (style, _)) = subsection_marker(inner).ok()?;
    let mut len = lead + inner.len() - rest.len();
    if lead > 0 && rest.starts_with("**") {
        len += 2;
    }
    Some((style, len))
}

impl Blocks<'_, '_> {
    fn build(&self, segs: &[Seg<'_>]) -> Vec<Block> {
        let segs = &split_statistics(self.text, segs);
        let mut root: Vec<Block> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut para: Option<Para> = None;
        let mut i = 0;
        while i < segs.len() {
            let seg = segs[i];
            if seg.is_blank() {
                if let Some(p) = para.as_mut() {
                    p.blank_after = true;
                }
                i += 1;
                continue;
            }
            let (off, t) = seg.trimmed();
            // a legacy statistics table run together with the text around it
            if let Some((tb, _)) = crate::template::legacy::crawler_table(t, off, self.loc) {
                self.flush(&mut para, &mut stack, &mut root);
                push(&mut stack, &mut root, Block::Table(tb));
                i += 1;
                continue;
            }
            // page numbers
            if is_page_number(t) {
                self.flush(&mut para, &mut stack, &mut root);
                let b = Block::Unrecognized(Unrecognized {
                    text: t.to_string(),
                    span: self.loc.span(off, off + t.len()),
                });
                push(&mut stack, &mut root, b);
                i += 1;
                continue;
            }
            // tables
            if let Some(kind) = region::anchor(t) {
                self.flush(&mut para, &mut stack, &mut root);
                let end = region_end(segs, i, kind);
                let region = &segs[i..end];
                let lines: Vec<_> = region.iter().map(|s| (s.start, s.raw)).collect();
                let grid = crate::grid::text::region(&lines);
                let tb = template::map(&grid, kind, self.text, self.loc);
                push(&mut stack, &mut root, Block::Table(tb));
                i = end;
                continue;
            }
            if let Some(end) = generic_region(segs, i) {
                self.flush(&mut para, &mut stack, &mut root);
                let lines: Vec<_> = segs[i..end].iter().map(|s| (s.start, s.raw)).collect();
                let grid = crate::grid::text::generic(&lines);
                let tb = template::map(&grid, Kind::Generic, self.text, self.loc);
                push(&mut stack, &mut root, Block::Table(tb));
                i = end;
                continue;
            }
            let mut off = off;
            let mut t = t;
            // markup residue at the start of the line
            if let Ok((rest, m)) = markup.parse(t) {
                self.flush(&mut para, &mut stack, &mut root);
                let b = Block::Markup(Markup {
                    text: m.to_string(),
                    span: self.loc.span(off, off + m.len()),
                });
                push(&mut stack, &mut root, b);
                let r = rest.trim_start_matches(is_space);
                off += t.len() - r.len();
                t = r;
                if t.is_empty() {
                    i += 1;
                    continue;
                }
            }
            // subsection markers; the text after a title may open another
            // subsection on the same line (`1.存在的问题：一是…`)
            if line_marker(t).is_some() {
                self.flush(&mut para, &mut stack, &mut root);
                let line_chars = t.chars().count();
                while let Some((style, mlen)) = line_marker(t) {
                    if let Some(pos) = stack.iter().position(|o| o.style == style) {
                        while stack.len() > pos {
                            close(&mut stack, &mut root, self.loc);
                        }
                    }
                    let marker = &t[..mlen];
                    let rest = t[mlen..].trim_start_matches(is_space);
                    let rest_off = off + (t.len() - rest.len());
                    let (title, body) = split_title(rest);
                    let head_end = match title {
                        Some(tt) => rest_off + tt.len(),
                        None => off + mlen,
                    };
                    let sub = Subsection {
                        marker: marker.to_string(),
                        title: title.map(str::to_string),
                        blocks: Vec::new(),
                        span: self.loc.span(off, head_end),
                        head: self.loc.span(off, head_end),
                    };
                    stack.push(Open { style, sub });
                    let Some(b) = body else { break };
                    off += t.len() - b.len();
                    t = b;
                    if line_marker(t).is_none() {
                        let mut p = new_para(off, t);
                        // a page break can fall after the body on the marker's
                        // line: judge the line as a whole
                        p.last_chars = line_chars;
                        para = Some(p);
                        break;
                    }
                }
                i += 1;
                continue;
            }
            // paragraphs
            match para.as_mut() {
                Some(p)
                    if !p.terminal
                        && (!p.blank_after || p.last_chars >= 40)
                        && !p.field
                        && !is_field(t) =>
                {
                    p.text.push_str(t);
                    p.end = off + t.len();
                    p.last_chars = t.chars().count();
                    p.terminal = ends_terminal(t);
                    p.blank_after = false;
                }
                _ => {
                    self.flush(&mut para, &mut stack, &mut root);
                    para = Some(new_para(off, t));
                }
            }
            i += 1;
        }
        self.flush(&mut para, &mut stack, &mut root);
        while !stack.is_empty() {
            close(&mut stack, &mut root, self.loc);
        }
        root
    }

    fn flush(&self, para: &mut Option<Para>, stack: &mut [Open], root: &mut Vec<Block>) {
        if let Some(p) = para.take() {
            let b = Block::Paragraph(Paragraph {
                text: p.text,
                span: self.loc.span(p.start, p.end),
            });
            push(stack, root, b);
        }
    }
}

/// Cuts a legacy statistics table that runs together with the text around
/// it (crawler text) into a piece of its own.
fn split_statistics<'a>(text: &'a str, segs: &[Seg<'a>]) -> Vec<Seg<'a>> {
    let mut out = Vec::with_capacity(segs.len());
    for s in segs {
        let (off, t) = s.trimmed();
        let Some((a, _, b)) = crate::template::legacy::locate(t) else {
            out.push(*s);
            continue;
        };
        let end = s.start + s.raw.len();
        if a > 0 {
            out.push(Seg {
                start: s.start,
                raw: &text[s.start..off + a],
            });
        }
        out.push(Seg {
            start: off + a,
            raw: &text[off + a..off + b],
        });
        if off + b < end {
            out.push(Seg {
                start: off + b,
                raw: &text[off + b..end],
            });
        }
    }
    out
}

fn new_para(off: usize, t: &str) -> Para {
    Para {
        start: off,
        end: off + t.len(),
        text: t.to_string(),
        last_chars: t.chars().count(),
        terminal: ends_terminal(t),
        blank_after: false,
        field: is_field(t),
    }
}

fn push(stack: &mut [Open], root: &mut Vec<Block>, b: Block) {
    match stack.last_mut() {
        Some(o) => o.sub.blocks.push(b),
        None => root.push(b),
    }
}

fn block_end(b: &Block) -> usize {
    match b {
        Block::Paragraph(p) => p.span.end,
        Block::Subsection(s) => s.span.end,
        Block::Table(t) => t.span().end,
        Block::Markup(m) => m.span.end,
        Block::Unrecognized(u) => u.span.end,
    }
}

fn close(stack: &mut Vec<Open>, root: &mut Vec<Block>, loc: &Locator<'_>) {
    if let Some(mut o) = stack.pop() {
        let end = o
            .sub
            .blocks
            .iter()
            .map(block_end)
            .max()
            .unwrap_or(o.sub.head.end)
            .max(o.sub.head.end);
        o.sub.span = loc.span(o.sub.head.start, end);
        push(stack, root, Block::Subsection(o.sub));
    }
}

/// Splits the text after a marker into a short title and the body.
fn split_title(rest: &str) -> (Option<&str>, Option<&str>) {
    if rest.is_empty() {
        return (None, None);
    }
    let stop = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '；' | '：' | ':' | '！' | '？'));
    if let Some((i, c)) = stop {
        let end = i + c.len_utf8();
        let head_chars = rest[..end].chars().count();
        let body = rest[end..].trim_start_matches(is_space);
        if !body.is_empty() {
            if head_chars <= 31 {
                return (Some(&rest[..end]), Some(body));
            }
            return (None, Some(rest));
        }
        // the stop ends the line
        if head_chars <= 41 {
            return (Some(rest), None);
        }
        return (None, Some(rest));
    }
    if rest.chars().count() <= 40 {
        (Some(rest), None)
    } else {
        (None, Some(rest))
    }
}

/// The end (exclusive index) of the table region of `kind` starting at `i`.
fn region_end(segs: &[Seg<'_>], i: usize, kind: Kind) -> usize {
    let mut end = i + 1;
    let mut j = i + 1;
    while j < segs.len() {
        let s = segs[j];
        if s.is_blank() {
            j += 1;
            continue;
        }
        let t = s.trimmed().1;
        if region::ends_region(t, kind) {
            break;
        }
        if region::anchor(t).is_some_and(|k| k != kind) {
            break;
        }
        j += 1;
        end = j;
    }
    end
}

fn is_number_line(t: &str) -> bool {
    crate::model::Number::parse_prefix(t).is_some_and(|(_, l)| l == t.len())
}

fn short_cell(t: &str) -> bool {
    t.chars().nth(20).is_none() && !t.contains(['。', '，', '；', ',', ';', '：', ':'])
}

/// A generic table starting at `i`: cell-per-line lists (short lines with at
/// least two numbers among the next ones) or tab/pipe grids of two or more
/// lines. Returns the end index.
fn generic_region(segs: &[Seg<'_>], i: usize) -> Option<usize> {
    let first = segs[i].trimmed().1;
    let grid = |s: &Seg<'_>| crate::grid::tabs::is_row(s.raw) || crate::grid::pipes::is_row(s.raw);
    if grid(&segs[i]) {
        // a grid table is a run of consecutive grid lines
        let mut end = i + 1;
        let mut rows = 1;
        let mut j = i + 1;
        while j < segs.len() {
            if !grid(&segs[j]) {
                break;
            }
            rows += 1;
            j += 1;
            end = j;
        }
        return (rows >= 2).then_some(end);
    }
    if !short_cell(first) || is_number_line(first) || first.chars().nth(15).is_some() {
        return None;
    }
    // look ahead over the next non-blank lines
    let mut numbers = 0;
    let mut seen = 0;
    let mut j = i + 1;
    while j < segs.len() && seen < 6 {
        if !segs[j].is_blank() {
            let t = segs[j].trimmed().1;
            if !short_cell(t) || is_page_number(t) {
                break;
            }
            if is_number_line(t) {
                numbers += 1;
            }
            seen += 1;
        }
        j += 1;
    }
    if numbers < 2 {
        return None;
    }
    let mut end = i + 1;
    let mut j = i + 1;
    while j < segs.len() {
        if segs[j].is_blank() {
            j += 1;
            continue;
        }
        let t = segs[j].trimmed().1;
        if !short_cell(t)
            || is_page_number(t)
            || line_marker(t).is_some()
            || region::anchor(t).is_some()
        {
            break;
        }
        j += 1;
        end = j;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(find_heading("一、总体情况", 1, 0).is_some());
        assert!(find_heading("四、结转下年度继续办理", 4, 3).is_none());
        assert!(find_heading("四、政府信息公开行政复议、行政诉讼情况", 4, 3).is_some());
        assert!(find_heading("三、", 3, 2).is_none());
        let h = find_heading("邮箱：a@b.com。一、总体情况2019年，在省", 1, 0).unwrap();
        assert_eq!(h.number, 1);
        assert!(find_heading("四、审批事项及处理情况 我局严格", 4, 3).is_some());
        let t = "无。二、主动公开政府信息情况 第二十条";
        let h = find_heading(t, 2, 1).unwrap();
        assert_eq!(&t[h.pos..h.end], "二、主动公开政府信息情况");
    }

    #[test]
    fn legacy_kinds_in_both_scripts() {
        use SectionKind::*;
        for (simplified, traditional, kind) in [
            ("概述", "概述", Overview),
            (
                "主动公开政府信息情况",
                "主動公開政府信息情況",
                ActiveDisclosure,
            ),
            (
                "依申请公开政府信息情况",
                "依申請公開政府信息情況",
                Applications,
            ),
            ("咨询处理情况", "諮詢處理情況", Consultations),
            (
                "政府信息公开的收费及减免情况",
                "政府信息公開的收費及減免情況",
                Fees,
            ),
            (
                "政府信息公开类行政复议和行政诉讼情况",
                "政府信息公開類行政複議和行政訴訟情況",
                ReviewLitigation,
            ),
            ("人员和收支情况", "人員和收支情況", Staffing),
            ("机构建设和保障经费情况", "機構建設和保障經費情況", Staffing),
            (
                "存在的主要问题和改进措施",
                "存在的主要問題和改進措施",
                Problems,
            ),
            (
                "政府信息公开情况统计表",
                "政府信息公開情況統計表",
                Statistics,
            ),
            ("附表", "附表", Statistics),
        ] {
            assert_eq!(classify(simplified), kind, "{simplified}");
            assert_eq!(classify(traditional), kind, "{traditional}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("总体情况"), SectionKind::Overview);
        assert_eq!(
            classify("政府信息公开行政法复议、行政诉讼情况"),
            SectionKind::ReviewLitigation
        );
        assert_eq!(classify("存在的主要问题和改进措"), SectionKind::Problems);
        assert_eq!(
            classify("依申请公开政府信息和不予公开政府信息的情况"),
            SectionKind::Applications
        );
        assert_eq!(
            classify("平潭综合实验区政府信息公开情况统计表"),
            SectionKind::Statistics
        );
    }

    #[test]
    fn titles() {
        assert_eq!(
            split_title("加强领导。龙场镇十分重视"),
            (Some("加强领导。"), Some("龙场镇十分重视"))
        );
        assert_eq!(
            split_title("组织领导、工作机构"),
            (Some("组织领导、工作机构"), None)
        );
    }
}
