//! `structure.numbering`: the top-level outline.
//!
//! Top-level sections are numbered 一、二、三… Each section's number must be
//! the previous one's plus one: a smaller or equal number is out of
//! sequence (a restart when it is 一 again), a larger one skips numbers.
//! In a 2019/2021-format report, a top-level heading that is one of the
//! overview's subtopics of the 2021 format (主动公开, 依申请公开, 政府信息管理,
//! 政府信息公开平台建设, 监督保障, optionally followed by 方面, 工作 or 情况) is
//! a subtopic promoted to the top level: it belongs under 一、总体情况 as
//! （一）…（五）.
//!
//! A heading numbered out of sequence may not become a section: the parser
//! then keeps it as a subsection marked `一、`, `五、` … inside the section
//! before it. Such a subsection whose title reads like a section of the
//! template (总体情况, 主动公开, 申请, 行政复议, 存在的主要问题, 其他需要报告 …)
//! takes part in the sequence.

use super::{STRUCTURE_NUMBERING, finding};
use crate::model::{Block, Finding, Format, Number, Related, Report, Severity, Span};

/// The overview subtopics of the 2021 format (after （一）…（五）).
const SUBTOPICS: [&str; 6] = [
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "平台建设",
    "监督保障",
];

fn is_subtopic(title: &str) -> bool {
    // the title without white space and stops, on the stack: a longer one
    // than the buffer is no subtopic (the longest with its suffixes is 48 bytes)
    let mut buf = [0u8; 64];
    let mut len = 0;
    for c in title
        .chars()
        .filter(|c| !crate::lines::is_space(*c) && !matches!(c, '。' | '：' | ':'))
    {
        let Some(slot) = buf.get_mut(len..len + c.len_utf8()) else {
            return false;
        };
        c.encode_utf8(slot);
        len += c.len_utf8();
    }
    // compared as bytes (the buffer holds whole characters: no check of
    // its UTF-8 needed)
    let mut t = &buf[..len];
    for suffix in ["方面", "工作", "情况"] {
        t = t.strip_suffix(suffix.as_bytes()).unwrap_or(t);
    }
    SUBTOPICS.iter().any(|s| s.as_bytes() == t)
}

fn numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// A top-level heading: its number, title, text as written and span.
#[derive(Clone, Copy)]
struct Head<'a> {
    number: u32,
    title: &'a str,
    raw: &'a str,
    span: Span,
}

fn previous(s: &Head<'_>) -> Related {
    Related {
        label: format!("previous section {}、", numeral(s.number)).into(),
        span: s.span,
        file: None,
    }
}

/// The value of a marker `五、` / `十二、` (Chinese numerals then 、).
fn marker_value(marker: &str) -> Option<u32> {
    let m = marker.trim().strip_suffix('、')?;
    let (n, len) = super::words::chinese_prefix(m)?;
    (len == m.len() && n > 0)
        .then(|| u32::try_from(n).ok())
        .flatten()
}

/// Words of the template's section headings.
const SECTION_WORDS: [&str; 9] = [
    "总体情况",
    "概述",
    "主动公开",
    "申请情况",
    "行政复议",
    "行政诉讼",
    "存在的主要问题",
    "改进情况",
    "其他需要报告",
];

/// The headings in document order: the sections, and the subsections
/// marked like a section whose title reads like one. An iterator: a report
/// of many headings keeps no list of them.
fn heads(report: &Report) -> impl Iterator<Item = Head<'_>> {
    report.sections.iter().flat_map(|s| {
        let own = Head {
            number: s.number,
            title: &s.heading.title,
            raw: &s.heading.raw,
            span: s.heading.span,
        };
        let subs = s.blocks.iter().filter_map(|b| {
            let Block::Subsection(sub) = b else {
                return None;
            };
            let (Some(n), Some(title)) = (marker_value(&sub.marker), sub.title.as_deref()) else {
                return None;
            };
            let like_a_section =
                title.chars().count() <= 40 && SECTION_WORDS.iter().any(|w| title.contains(w));
            like_a_section.then_some(Head {
                number: n,
                title,
                raw: title,
                span: sub.head,
            })
        });
        std::iter::once(own).chain(subs)
    })
}

pub(super) fn check(report: &Report, out: &mut Vec<Finding>) {
    let template = matches!(report.format, Format::V2019 | Format::V2021);
    let mut prev: Option<Head<'_>> = None;
    // the number the previous heading stands for: a heading out of sequence
    // takes the slot it occupies, so the next one is not flagged as well
    let mut slot = 0;
    for s in heads(report) {
        if template && is_subtopic(s.title) {
            let msg = format!(
                "The heading “{}” is a subtopic of 一、总体情况 in the 2021 format, numbered as a top-level section.",
                s.raw.trim()
            );
            let mut f = finding(STRUCTURE_NUMBERING, Severity::Warning, msg, Some(s.span));
            f.found = Some(Number::int(s.number.into()));
            out.push(f);
        }
        let Some(p) = prev else {
            if s.number != 1 {
                let msg = format!(
                    "The first top-level section is numbered {}、, not 一、.",
                    numeral(s.number)
                );
                let mut f = finding(STRUCTURE_NUMBERING, Severity::Warning, msg, Some(s.span));
                f.expected = Some(Number::int(1));
                f.found = Some(Number::int(s.number.into()));
                out.push(f);
            }
            prev = Some(s);
            slot = s.number.max(1);
            continue;
        };
        let want = slot + 1;
        if s.number != want {
            let what = if s.number == 1 {
                "restarts the numbering"
            } else if s.number <= slot {
                "is out of sequence"
            } else {
                "skips a number"
            };
            let msg = format!(
                "The section {}、 after {}、 {what}: expected {}、.",
                numeral(s.number),
                numeral(slot),
                numeral(want)
            );
            let mut f = finding(STRUCTURE_NUMBERING, Severity::Warning, msg, Some(s.span));
            f.expected = Some(Number::int(want.into()));
            f.found = Some(Number::int(s.number.into()));
            f.related = vec![previous(&p)];
            out.push(f);
        }
        slot = if s.number > slot { s.number } else { want };
        prev = Some(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtopics_and_numerals() {
        assert!(is_subtopic("主动公开"));
        assert!(is_subtopic("依申请公开方面"));
        assert!(is_subtopic("监督保障工作"));
        assert!(!is_subtopic("主动公开政府信息情况"));
        assert_eq!(numeral(3), "三");
        assert_eq!(numeral(12), "十二");
        assert_eq!(numeral(20), "二十");
        assert_eq!(marker_value("五、"), Some(5));
        assert_eq!(marker_value("十二、"), Some(12));
        assert_eq!(marker_value("（一）"), None);
    }
}
