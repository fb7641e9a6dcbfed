//! The closing signature: the organ and date lines at the end of a report.

use super::seg::Seg;
use crate::text::lexical::norm;

pub(crate) fn is_date_line(t: &str) -> bool {
    if t.chars().nth(40).is_some() {
        return false;
    }
    let n = norm(t);
    super::meta::cn_date(&n).is_some_and(|(rest, _)| rest.is_empty())
}

pub(crate) fn is_organ_line(t: &str) -> bool {
    if t.chars().nth(60).is_some() {
        return false;
    }
    let n = norm(t);
    let chars = n.chars().count();
    (2..=30).contains(&chars)
        && !n.contains(['。', ',', '，', '：', ':', '；'])
        && super::organs::ends_line(&n)
}

/// Where the closing signature starts among the last section's pieces
/// `segs` (its index), if it has one.
pub(crate) fn closing_start(segs: &[Seg<'_>]) -> Option<usize> {
    // the last two non-blank pieces
    let mut nonblank = segs.iter().enumerate().rev().filter(|(_, s)| !s.is_blank());
    let (last, s) = nonblank.next()?;
    let prev = nonblank.next();
    let t = s.trimmed().1;
    if is_date_line(t) {
        if let Some((p, ps)) = prev
            && is_organ_line(ps.trimmed().1)
        {
            return Some(p);
        }
        return Some(last);
    }
    // an organ line alone after a finished sentence
    let (_, ps) = prev?;
    (is_organ_line(t) && ps.trimmed().1.ends_with(['。', '！'])).then_some(last)
}
