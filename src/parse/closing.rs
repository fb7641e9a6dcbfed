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

pub(crate) fn take_closing<'a>(segs: &mut Vec<Seg<'a>>) -> Vec<Seg<'a>> {
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
