//! Metadata: title, organ, year, period, dates (contacts in
//! [`super::contacts`], the format in [`super::format`]).
//!
//! Everything here is derived from the blocks (and the source text they
//! point into), so a report rebuilt from its rendered text derives the same
//! metadata.

use nom::Parser;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::char;
use nom::combinator::{map_res, opt};

use crate::model::{Block, Meta, Period, Report, Signature, Span, Str, YearMention, YearSource};
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::text::lexical::norm;

mod years;
#[cfg(test)]
use years::find_short;
use years::{opening_year, year_span, years_in};

type Res<'a, T> = nom::IResult<&'a str, T>;

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> Res<'_, u32> {
    move |i| {
        map_res(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            str::parse::<u32>,
        )
        .parse(i)
    }
}

/// A date `2022年1月25日` in normalised text (no white space): (rest, y, m, d).
pub(crate) fn cn_date(i: &str) -> Option<(&str, (u32, u32, u32))> {
    let r: Res<'_, _> = (
        digits(4, 4),
        char('年'),
        digits(1, 2),
        char('月'),
        digits(1, 2),
        opt(char('日')),
    )
        .parse(i);
    let (rest, (y, _, m, _, d, _)) = r.ok()?;
    valid(y, m, d).then_some((rest, (y, m, d)))
}

/// A date `2020-01-17` (or `2020/01/17`, `2020.01.17`).
fn iso_date(i: &str) -> Option<(&str, (u32, u32, u32))> {
    let sep = |i| nom::branch::alt((char('-'), char('/'), char('.'))).parse(i);
    let r: Res<'_, _> = (digits(4, 4), sep, digits(1, 2), sep, digits(1, 2)).parse(i);
    let (rest, (y, _, m, _, d)) = r.ok()?;
    valid(y, m, d).then_some((rest, (y, m, d)))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// `2022-01-25` (ten bytes: an inline `Str`, no allocation), written
/// digit by digit (no formatter).
fn iso((y, m, d): (u32, u32, u32)) -> Str {
    let digit = |v: u32| b'0' + (v % 10) as u8;
    let b = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ];
    // ASCII digits and dashes
    Str::from(std::str::from_utf8(&b).unwrap_or_default())
}

/// `f` of `t` normalised: on the stack when `t` is short (normal forms are
/// never longer than their characters), else in a `String`.
fn with_norm<R>(t: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 256];
    if t.len() <= buf.len() {
        f(crate::text::lexical::norm_head(t, usize::MAX, &mut buf))
    } else {
        f(&norm(t))
    }
}

fn any_date(i: &str) -> Option<(&str, (u32, u32, u32))> {
    cn_date(i).or_else(|| iso_date(i))
}

/// The first `n` characters of `t`.
fn head(t: &str, n: usize) -> &str {
    // a text of at most `n` bytes has at most `n` characters
    if t.len() <= n {
        return t;
    }
    // past the first `n` characters (skipped a block of bytes at a time,
    // counting the bytes that start characters)
    let mut it = t.chars();
    if n > 0 && it.nth(n - 1).is_none() {
        return t;
    }
    &t[..t.len() - it.as_str().len()]
}

/// Paragraph texts and spans of a block list, depth first.
fn paragraphs<'a>(blocks: &'a [Block], out: &mut Vec<(&'a str, Span)>) {
    each_paragraph(blocks, &mut |t, span| out.push((t, span)));
}

/// [`paragraphs`] one by one, without a list.
fn each_paragraph<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a str, Span)) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => f(p.text.as_str(), p.span),
            Block::Subsection(s) => {
                if let Some(t) = &s.title {
                    f(t.as_str(), s.head);
                }
                each_paragraph(&s.blocks, f);
            }
            _ => {}
        }
    }
}

/// A crawler header field `key: value` (`标题: …`, `发布时间: …`).
fn field<'a>(paras: &[(&'a str, Span)], key: &str) -> Option<&'a str> {
    paras.iter().find_map(|(t, _)| {
        let rest = t.strip_prefix(key)?;
        let rest = rest.trim_start_matches([' ', '\u{3000}']);
        let rest = rest.strip_prefix([':', '：'])?;
        Some(rest.trim_matches(crate::lines::is_space))
    })
}

/// `由丰城市洛市镇人民政府办公室编制` → `丰城市洛市镇人民政府`.
fn organ_compiler(t: &str) -> Option<Str> {
    let n = norm(t);
    let mut from = 0;
    while let Some(p) = n[from..].find('由') {
        let s = from + p + '由'.len_utf8();
        from = s;
        let run = cjk_head(&n[s..], 30);
        let Some(end) = ["负责编制", "编制", "根据", "牵头"]
            .iter()
            .filter_map(|w| run.find(w))
            .min()
        else {
            continue;
        };
        let mut org = &run[..end];
        if let Some(g) = org.find("人民政府") {
            org = &org[..g + "人民政府".len()];
        } else {
            org = org.trim_end_matches("办公室");
        }
        if org.chars().count() >= 2 {
            return Some(org.into());
        }
    }
    None
}

/// An organ at the start of a clause: `龙场镇坚持…` → `龙场镇`.
fn organ_prefix(clause: &str) -> Option<Str> {
    let cjk = cjk_head(clause, 16);
    if cjk.chars().count() < 2
        || cjk.starts_with([
            '全', '我', '本', '各', '该', '按', '根', '为', '现', '在', '对', '汇', '由',
        ])
    {
        return None;
    }
    let mut best: Option<usize> = None;
    for s in super::organs::head_suffixes() {
        if let Some(p) = cjk.find(s) {
            let end = p + s.len();
            if cjk[..p].chars().count() >= 2 {
                best = Some(best.map_or(end, |b: usize| b.min(end)));
            }
        }
    }
    // prefer the longest organ name when suffixes chain (华宁县青龙镇人民政府)
    let end = best?;
    if cjk[..end].contains(['在', '的', '和', '与', '于']) || cjk[..end].chars().count() > 12 {
        return None;
    }
    let mut end = end;
    for s in super::organs::chain_suffixes() {
        if cjk[end..].starts_with(s) {
            end += s.len();
        }
    }
    Some(cjk[..end].into())
}

/// The head of `s` made of CJK ideographs (U+4E00..U+9FFF), at most `max`
/// of them.
fn cjk_head(s: &str, max: usize) -> &str {
    let end = s
        .char_indices()
        .take(max)
        .find(|(_, c)| !('\u{4e00}'..='\u{9fff}').contains(c))
        .map_or_else(
            || s.char_indices().nth(max).map_or(s.len(), |(i, _)| i),
            |(i, _)| i,
        );
    &s[..end]
}

/// Computes `report.meta` and `report.format` from the blocks.
pub(crate) fn derive(report: &mut Report, text: &str, loc: &crate::lines::Locator<'_>) {
    // the preamble's paragraphs, then the first three of the first section:
    // one list, `pre` its head
    // (the preamble's paragraphs and three more: made at about its size)
    let mut all = Vec::with_capacity(report.preamble.len() + 3);
    paragraphs(&report.preamble, &mut all);
    let pre_len = all.len();
    if let Some(s) = report.sections.first() {
        let mut k = 0;
        each_paragraph(&s.blocks, &mut |t, span| {
            if k < 3 {
                all.push((t, span));
                k += 1;
            }
        });
    }
    let pre = &all[..pre_len];
    let mut meta = Meta::default();
    let title_span = title(pre, &mut meta);
    meta.published = published(pre);
    meta.signed = signature(&report.closing);
    meta.organ = organ(pre, &meta);
    // periods and contacts are stated early: the head of each paragraph is enough
    // normalised once into one buffer, read as slices by every test below
    // (only the heads that may hold what they look for: `super::opening`)
    let heads: Vec<&str> = all.iter().map(|(t, _)| head(t, 1000)).collect();
    let mut buf = String::new();
    let all_norm = super::opening::normalise(&heads, pre_len, &mut buf);
    let at = |year: i32, span: Span| year_span(text, span, year, loc);
    let mut years: Vec<YearMention> = Vec::new();
    if let (Some(t), Some(span)) = (&meta.title, title_span)
        && let Some((_, y)) = with_norm(t, |n| years_in(n).next())
    {
        years.push(mention(YearSource::Title, y, at(y, span)));
    }
    if let Some((p, year, span)) = period(&all, &all_norm) {
        meta.period = Some(p);
        years.push(mention(YearSource::Period, year, at(year, span)));
    }
    if let Some((year, span)) = preamble_year(pre, &all_norm[..pre_len], title_span) {
        years.push(mention(YearSource::Preamble, year, at(year, span)));
    }
    if let Some((year, span)) = body_year(report) {
        years.push(mention(YearSource::Body, year, at(year, span)));
    }
    let pick = |s: YearSource| years.iter().find(|m| m.source == s).map(|m| m.year);
    meta.year = pick(YearSource::Title)
        .or(pick(YearSource::Period))
        .or(pick(YearSource::Body))
        .or(pick(YearSource::Preamble));
    meta.years = years;
    meta.contacts = super::contacts::contacts(&all_norm);
    report.format = super::format::format(report, meta.year);
    report.meta = meta;
}

fn mention(source: YearSource, year: i32, span: Span) -> YearMention {
    YearMention { source, year, span }
}

/// The title (a `标题:` field, or one of the first three preamble
/// paragraphs naming a 年度报告) into `meta`; returns its span.
fn title(pre: &[(&str, Span)], meta: &mut Meta) -> Option<Span> {
    if let Some(t) = field(pre, "标题") {
        meta.title = Some(t.into());
        return pre.iter().find(|(p, _)| p.starts_with("标题")).map(|p| p.1);
    }
    static WORDS: LazyLock<[Finder<'static>; 3]> =
        LazyLock::new(|| ["年度报告", "年报", "工作报告"].map(Finder::new));
    for (t, span) in pre.iter().take(3) {
        let n = t.chars().count();
        let end = WORDS
            .iter()
            .filter_map(|w| w.find(t.as_bytes()).map(|i| i + w.needle().len()))
            .min();
        if let Some(end) = end.filter(|e| !t[..*e].contains('《')) {
            if n <= 60 {
                meta.title = Some((*t).into());
            } else if t[..end].chars().count() <= 60 {
                meta.title = Some(t[..end].trim_end().into());
            }
            if meta.title.is_some() {
                return Some(*span);
            }
        }
    }
    None
}

/// The publication date of a crawler header field.
fn published(pre: &[(&str, Span)]) -> Option<Str> {
    ["发布时间", "发布日期", "成文日期"].iter().find_map(|key| {
        let v = field(pre, key)?;
        let (_, d) = with_norm(v, |n| any_date(n).map(|(_, d)| ((), d)))?;
        Some(iso(d))
    })
}

/// The closing signature: organ and date lines.
fn signature(closing: &[Block]) -> Option<Signature> {
    let mut any = false;
    let mut organ = None;
    let mut date = None;
    each_paragraph(closing, &mut |t, _| {
        any = true;
        match with_norm(t, |n| any_date(n).map(|(rest, d)| (rest.is_empty(), d))) {
            Some((true, d)) => date = Some(iso(d)),
            _ => organ = Some(t.trim().into()),
        }
    });
    any.then_some(Signature { organ, date })
}

/// The organ: the signature's, else the head of the title, a `发布机构`
/// field, a `由…编制` statement or an organ opening a preamble clause.
fn organ(pre: &[(&str, Span)], meta: &Meta) -> Option<Str> {
    if let Some(o) = meta.signed.as_ref().and_then(|s| s.organ.clone()) {
        return Some(o);
    }
    if let Some(t) = &meta.title {
        let found = with_norm(t, |n| {
            let cut = n.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let head = &n[..cut];
            (head.chars().count() >= 2
                && super::organs::chain_suffixes().any(|s| head.ends_with(s))
                || (2..=20).contains(&head.chars().count()))
            .then(|| Str::from(head))
        });
        if found.is_some() {
            return found;
        }
    }
    if let Some(o) = field(pre, "发布机构").filter(|s| !s.is_empty()) {
        return Some(o.into());
    }
    if let Some(o) = pre.iter().take(4).find_map(|(t, _)| organ_compiler(t)) {
        return Some(o);
    }
    pre.iter().take(4).find_map(|(t, _)| {
        t.split(['，', '。', '；', ',', ' ', '\u{3000}'])
            .find_map(|clause| organ_prefix(clause.trim()))
    })
}

/// The period `统计期限自2023年1月1日起至2023年12月31日止` of the first
/// paragraph that states one: the period, the year it starts in and the
/// paragraph's span.
fn period(all: &[(&str, Span)], all_norm: &[&str]) -> Option<(Period, i32, Span)> {
    // every key has 统计: one search rules most paragraphs out
    static KEY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("统计"));
    static KEYS: LazyLock<[Finder<'static>; 5]> = LazyLock::new(|| {
        ["统计期限", "统计时限", "统计区间", "统计时间", "数据统计"].map(Finder::new)
    });
    for (n, (_, span)) in all_norm.iter().zip(all) {
        if KEY.find(n.as_bytes()).is_none() {
            continue;
        }
        for key in KEYS.iter() {
            let Some(k) = key.find(n.as_bytes()) else {
                continue;
            };
            let after = &n[k + key.needle().len()..];
            // the first date within a few characters, then the second
            let Some((rest, d1)) = after
                .char_indices()
                .take(12)
                .find_map(|(i, _)| any_date(&after[i..]))
            else {
                continue;
            };
            let Some((_, d2)) = rest
                .char_indices()
                .take(8)
                .find_map(|(i, _)| any_date(&rest[i..]))
            else {
                continue;
            };
            let p = Period {
                start: iso(d1),
                end: iso(d2),
            };
            return Some((p, d1.0 as i32, *span));
        }
    }
    None
}

/// The year of a 现将…/本单位…/编制… statement of the preamble, outside 《》.
/// `pre_norm` are the paragraphs' heads normalised (as in [`derive()`]).
fn preamble_year(
    pre: &[(&str, Span)],
    pre_norm: &[&str],
    title_span: Option<Span>,
) -> Option<(i32, Span)> {
    for ((t, span), n) in pre.iter().zip(pre_norm) {
        if title_span.is_some_and(|ts| ts.same_location(*span))
            || t.starts_with("标题")
            || t.starts_with("发布时间")
        {
            continue;
        }
        let found = years_in(n).find(|(i, _)| {
            let after = &n[i + 7..];
            let after = after.strip_prefix('度').unwrap_or(after);
            after.starts_with("政府信息公开")
                || after.starts_with("政务公开")
                || after.starts_with("政务信息公开")
                || after.starts_with("工作")
        });
        if let Some((_, y)) = found {
            return Some((y, *span));
        }
    }
    None
}

/// True when one of the first three normalised characters of `t` is an
/// ASCII digit. A character of U+4000..U+9FFF (lead byte E4..E9, three
/// bytes) is one normalised character and never a digit: skipped by its
/// lead byte (most paragraphs open with one); the rest is read as
/// characters.
fn digit_in_first_three(t: &str) -> bool {
    let b = t.as_bytes();
    let (mut i, mut n) = (0, 0);
    while n < 3 {
        match b.get(i) {
            None => return false,
            Some(0xE4..=0xE9) => (i, n) = (i + 3, n + 1),
            Some(_) => {
                return t[i..]
                    .chars()
                    .filter_map(crate::text::lexical::norm_char)
                    .take(3 - n)
                    .any(|c| c.is_ascii_digit());
            }
        }
    }
    false
}

/// The year that opens most paragraphs of the body (the first paragraph
/// with it gives the span).
fn body_year(report: &Report) -> Option<(i32, Span)> {
    let mut counts: Vec<(i32, usize, Span)> = Vec::new();
    let mut buf = [0u8; 48];
    let mut count = |t: &str, span: Span| {
        // only a year that opens the paragraph counts: it starts within
        // the first three normalised characters
        // (read as characters: no buffer written for three of them)
        if !digit_in_first_three(t) {
            return;
        }
        let found = opening_year(t).map(|y| (0, y)).or_else(|| {
            let n = crate::text::lexical::norm_head(head(t, 12), 12, &mut buf);
            years_in(n)
                .next()
                .filter(|(i, _)| n[..*i].chars().count() <= 2)
        });
        if let Some((_, y)) = found {
            match counts.iter_mut().find(|c| c.0 == y) {
                Some(c) => c.1 += 1,
                None => counts.push((y, 1, span)),
            }
        }
    };
    for s in &report.sections {
        each_paragraph(&s.blocks, &mut count);
    }
    counts.iter().max_by_key(|c| c.1).map(|c| (c.0, c.2))
}

#[cfg(test)]
mod tests;
