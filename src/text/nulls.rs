//! The null markers: cell text that means "no figure". One set, read by the
//! template mapper (a null token) and the audit (`table.empty_cell`).

use crate::chars::is_space;
use crate::text::space::without_space;

/// The markers, white space removed.
const MARKERS: &[&str] = &[
    "无",
    "/",
    "／",
    "\\",
    "—",
    "——",
    "-",
    "－",
    "–",
    "−",
    "--",
    "空",
    "不适用",
    "N/A",
    "n/a",
    "NA",
    "／／",
    "&nbsp;",
    "null",
];

/// True when `raw` (white space ignored) is a null marker: 无, /, —, -,
/// 不适用, N/A …; `empty_too` makes a blank text one as well.
pub(crate) fn is_null_marker(raw: &str, empty_too: bool) -> bool {
    // the usual cell, a figure or a label, starts with a character no
    // marker starts with: ruled out without trimming or a look further
    match raw.chars().next() {
        None => return empty_too,
        Some(c) if !starts_marker(c) && !is_space(c) => return false,
        _ => {}
    }
    let t = crate::text::space::trim(raw);
    if t.is_empty() {
        return empty_too;
    }
    // no marker is longer than this: most cells (figures, labels) are ruled
    // out without a look at their characters
    if t.len() <= MAX_LEN {
        return is_marker(t);
    }
    // longer with white space inside: a marker only when what is left
    // without it is short (given up as soon as it is not)
    let mut kept = 0;
    for c in t.chars() {
        if !is_space(c) {
            kept += c.len_utf8();
            if kept > MAX_LEN {
                return false;
            }
        }
    }
    is_listed(&without_space(t))
}

/// The byte length of the longest marker.
const MAX_LEN: usize = {
    let mut max = 0;
    let mut k = 0;
    while k < MARKERS.len() {
        if MARKERS[k].len() > max {
            max = MARKERS[k].len();
        }
        k += 1;
    }
    max
};

/// True when `c` is the first character of one of [`MARKERS`].
fn starts_marker(c: char) -> bool {
    matches!(
        c,
        '无' | '/' | '／' | '\\' | '—' | '-' | '－' | '–' | '−' | '空' | '不' | 'N' | 'n' | '&'
    )
}

/// True when `t` (no white space at its ends) is one of [`MARKERS`], white
/// space inside it ignored.
fn is_marker(t: &str) -> bool {
    // a marker has no white space: listed as it is, or else joined
    if is_listed(t) {
        return true;
    }
    if t.chars().any(is_space) {
        return is_listed(&without_space(t));
    }
    false
}

/// True when `t` is one of [`MARKERS`] (a `match`: compared by length and
/// bytes, not one by one).
fn is_listed(t: &str) -> bool {
    matches!(
        t,
        "无" | "/"
            | "／"
            | "\\"
            | "—"
            | "——"
            | "-"
            | "－"
            | "–"
            | "−"
            | "--"
            | "空"
            | "不适用"
            | "N/A"
            | "n/a"
            | "NA"
            | "／／"
            | "&nbsp;"
            | "null"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_is_the_list() {
        assert_eq!(MARKERS.len(), 19);
        assert!(MARKERS.iter().all(|m| is_listed(m)));
        assert!(!is_listed("无效") && !is_listed("") && !is_listed("0"));
    }

    #[test]
    fn the_first_characters_are_the_lists() {
        for m in MARKERS {
            assert!(starts_marker(m.chars().next().unwrap()), "{m}");
        }
        for c in MARKERS.iter().flat_map(|m| m.chars()) {
            assert!(!is_space(c), "{c:?}");
        }
        assert!(!starts_marker('1') && !starts_marker('一'));
    }

    #[test]
    fn markers() {
        for m in ["无", " - ", "— —", "N/A", "不适用", "−"] {
            assert!(is_null_marker(m, false), "{m}");
        }
        assert!(is_null_marker("  ", true));
        assert!(!is_null_marker("  ", false));
        assert!(!is_null_marker("0", true));
        assert!(!is_null_marker("无效", true));
        assert!(is_null_marker("不 适 用", false));
        assert!(is_null_marker("n / a", false));
        assert!(!is_null_marker("不 适 用 的", false));
        assert!(!is_null_marker("一二三四五六七八", false));
    }
}
