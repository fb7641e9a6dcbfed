//! What the cells of a legacy table say: the units of its 计量单位 column,
//! the kind of each header cell, and the stable key of a row label.

use crate::lines::is_space;
use crate::model::{LegacyCol, LegacyRow, Number};
use crate::text::lexical::norm;

/// Units a legacy table writes in its 计量单位 column, longest first.
pub(super) const UNITS: &[&str] = &[
    "万元", "人次", "元", "条", "件", "个", "次", "人", "篇", "项", "份", "期", "场",
];

/// The byte length of a unit (`条`, Traditional `條`, `万元`) ending `s`.
pub(super) fn unit_suffix(s: &str) -> Option<usize> {
    let mut tail: Vec<(usize, char)> = s.char_indices().rev().take(2).collect();
    tail.reverse();
    for k in [2, 1] {
        if tail.len() < k {
            continue;
        }
        let (from, _) = tail[tail.len() - k];
        if UNITS.contains(&norm(&s[from..]).as_str()) {
            return Some(s.len() - from);
        }
    }
    None
}

/// What a header cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadCol {
    Unit,
    Code,
    Value(LegacyCol),
}

pub(super) fn head_col(n: &str) -> Option<HeadCol> {
    if n.contains("单位") {
        Some(HeadCol::Unit)
    } else if n == "代码" || n == "序号" {
        Some(HeadCol::Code)
    } else if n.contains("累计") {
        Some(HeadCol::Value(LegacyCol::Cumulative))
    } else if n.contains("年度") || n.contains("本年") || n.contains("本期") || n.contains("实际")
    {
        Some(HeadCol::Value(LegacyCol::ThisYear))
    } else {
        None
    }
}

/// True when the header cells (as written) are those of a statistics table:
/// 指标名称 (or 指标) first and a unit or year column.
pub(crate) fn is_header(cells: &[&str]) -> bool {
    let Some(first) = cells.first() else {
        return false;
    };
    let f = norm(first);
    (f.contains("指标名称") || f == "指标" || f.contains("统计指标"))
        && cells[1..]
            .iter()
            .any(|c| matches!(head_col(&norm(c)), Some(HeadCol::Value(_))))
}

/// The label of a row without its list marker, `其中：` and white space.
pub(super) fn core_label(label: &str) -> String {
    let n = norm(label);
    let mut s = n.as_str();
    loop {
        let before = s.len();
        s = s.trim_start_matches("其中");
        s = s.trim_start_matches([':', '；', ';', ',', '，']);
        // 1.  1、  (1)  ①
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let rest = &s[digits..];
            if let Some(r) = rest.strip_prefix(['.', '、']) {
                s = r;
            }
        } else if let Some(r) = s.strip_prefix('(') {
            let d = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if d > 0 && r[d..].starts_with(')') {
                s = &r[d + 1..];
            }
        } else if s.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
            s = &s[s.chars().next().map_or(0, char::len_utf8)..];
        }
        if s.len() == before {
            break;
        }
    }
    s.to_string()
}

/// The stable key of a row label (already through [`core_label`]).
pub(crate) fn row_key(n: &str) -> Option<LegacyRow> {
    use LegacyRow::*;
    let has = |w: &str| n.contains(w);
    if has("答复") {
        return if has("部分公开") {
            Some(RepliesPartiallyGranted)
        } else if has("同意公开") {
            Some(RepliesGranted)
        } else if has("不予公开") || has("否决公开") || has("不公开") {
            Some(RepliesDenied)
        } else if has("其他") || has("其它") {
            Some(RepliesOther)
        } else if n.starts_with("对申请") || has("答复总数") || n.starts_with("答复") {
            Some(RepliesTotal)
        } else {
            None
        };
    }
    if has("申请") && !has("复议") && !has("诉讼") {
        return if has("当面") {
            Some(RequestsInPerson)
        } else if has("网上") || has("网络") || has("在线") {
            Some(RequestsOnline)
        } else if has("信函") && has("传真") {
            Some(RequestsLetterFax)
        } else if has("传真") {
            Some(RequestsFax)
        } else if has("信函") {
            Some(RequestsLetter)
        } else if has("电子邮件") || has("电子邮箱") {
            Some(RequestsEmail)
        } else if has("其他形式") || has("其它形式") {
            Some(RequestsOther)
        } else if has("总数") || n.starts_with("受理") || n.starts_with("申请") {
            Some(RequestsReceived)
        } else {
            None
        };
    }
    if has("收费") || has("减免") {
        Some(FeesWaived)
    } else if has("申诉") || has("举报") {
        Some(Complaints)
    } else if n.starts_with("行政复议") {
        Some(Reviews)
    } else if n.starts_with("行政诉讼") {
        Some(Lawsuits)
    } else if n.starts_with("主动公开") && n.ends_with('数') {
        Some(ProactiveItems)
    } else if has("网站") && n.ends_with('数') || n.ends_with("网站公开") {
        Some(ProactiveWebsite)
    } else if has("公报") {
        Some(ProactiveGazette)
    } else {
        None
    }
}

/// The row a keyed row is a part of, for the group sums.
pub(crate) fn parent(row: LegacyRow) -> Option<LegacyRow> {
    use LegacyRow::*;
    match row {
        ProactiveWebsite | ProactiveGazette => Some(ProactiveItems),
        RequestsInPerson | RequestsOnline | RequestsLetterFax | RequestsLetter | RequestsFax
        | RequestsEmail | RequestsOther => Some(RequestsReceived),
        RepliesGranted | RepliesPartiallyGranted | RepliesDenied | RepliesOther => {
            Some(RepliesTotal)
        }
        _ => None,
    }
}

/// A whole-cell number (`12`, `0.5`, `1,234`); `None` for text and for the
/// empty/NA marks.
pub(super) fn number(t: &str) -> Option<Number> {
    let t = t.trim_matches(is_space);
    Number::parse_prefix(t).and_then(|(n, l)| (l == t.len()).then_some(n))
}
