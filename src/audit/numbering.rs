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

use super::{STRUCTURE_NUMBERING, finding};
use crate::model::{Finding, Format, Number, Related, Report, Section, Severity};

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
    let t: String = title
        .chars()
        .filter(|c| !crate::lines::is_space(*c) && !matches!(c, '。' | '：' | ':'))
        .collect();
    let mut t = t.as_str();
    for suffix in ["方面", "工作", "情况"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    SUBTOPICS.contains(&t)
}

fn numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        20..=99 if n % 10 == 0 => format!("{}十", D[(n / 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

fn previous(s: &Section) -> Related {
    Related {
        label: format!("previous section {}、", numeral(s.number)),
        span: s.heading.span,
        file: None,
    }
}

pub(super) fn check(report: &Report, out: &mut Vec<Finding>) {
    let template = matches!(report.format, Format::V2019 | Format::V2021);
    let mut prev: Option<&Section> = None;
    for s in &report.sections {
        if template && is_subtopic(&s.heading.title) {
            let msg = format!(
                "The heading “{}” is a subtopic of 一、总体情况 in the 2021 format, numbered as a top-level section.",
                s.heading.raw.trim()
            );
            let mut f = finding(STRUCTURE_NUMBERING, Severity::Warning, msg, Some(s.heading.span));
            f.found = Some(Number::int(s.number.into()));
            out.push(f);
        }
        let Some(p) = prev else {
            if s.number != 1 {
                let msg = format!(
                    "The first top-level section is numbered {}、, not 一、.",
                    numeral(s.number)
                );
                let mut f =
                    finding(STRUCTURE_NUMBERING, Severity::Warning, msg, Some(s.heading.span));
                f.expected = Some(Number::int(1));
                f.found = Some(Number::int(s.number.into()));
                out.push(f);
            }
            prev = Some(s);
            continue;
        };
        let want = p.number + 1;
        if s.number != want {
            let what = if s.number == 1 {
                "restarts the numbering"
            } else if s.number <= p.number {
                "is out of sequence"
            } else {
                "skips a number"
            };
            let msg = format!(
                "The section {}、 after {}、 {what}: expected {}、.",
                numeral(s.number),
                numeral(p.number),
                numeral(want)
            );
            let mut f = finding(STRUCTURE_NUMBERING, Severity::Warning, msg, Some(s.heading.span));
            f.expected = Some(Number::int(want.into()));
            f.found = Some(Number::int(s.number.into()));
            f.related = vec![previous(p)];
            out.push(f);
        }
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
    }
}
