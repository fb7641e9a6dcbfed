//! Values and labels: a cell that holds a figure, and the list markers that
//! start a row label (`1.`, `（一）`, `一、`).

use super::lines::trim;

/// A cell that holds a figure or a null marker: a number, optionally
/// followed by a remark in brackets or a unit (`22（其中修订16件）`, `55件`),
/// or `-`, `—`, `/`, `无`.
pub(super) fn is_value(t: &str) -> bool {
    let t = trim(t);
    if matches!(t, "-" | "—" | "－" | "/" | "／" | "无" | "——" | "--" | "×") {
        return true;
    }
    let Some((_, used)) = crate::model::Number::parse_prefix(t) else {
        return false;
    };
    let rest = trim(&t[used..]);
    rest.is_empty()
        || rest.starts_with([
            '（', '(', '%', '％', '件', '条', '个', '万', '元', '项', '次',
        ])
}

/// The length in characters of a list marker at the start of `t`
/// (`1.`, `1、`, `（一）`, `(1)`, `一、`), if any.
pub(super) fn marker_len(t: &str) -> Option<usize> {
    let cs: Vec<char> = t.chars().take(8).collect();
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    if cs.first().is_some_and(|&c| c == '（' || c == '(') {
        let mut i = 1;
        let d = cs[i..]
            .iter()
            .take_while(|&&c| cn(c) || c.is_ascii_digit())
            .count();
        if d == 0 {
            return None;
        }
        i += d;
        return cs
            .get(i)
            .is_some_and(|&c| c == '）' || c == ')')
            .then_some(i + 1);
    }
    let d = cs.iter().take_while(|c| c.is_ascii_digit()).count();
    if d > 0 {
        return cs
            .get(d)
            .is_some_and(|&c| matches!(c, '.' | '、' | '．' | '，'))
            .then_some(d + 1);
    }
    let d = cs.iter().take_while(|&&c| cn(c)).count();
    if d > 0 && cs.get(d) == Some(&'、') {
        return Some(d + 1);
    }
    None
}

/// A label line: a list marker followed by at least two characters.
pub(super) fn is_marked_label(t: &str) -> bool {
    marker_len(t).is_some_and(|n| t.chars().count() >= n + 2)
}

/// A piece of a label printed vertically: one or two CJK characters or `、`.
pub(super) fn is_vertical_piece(t: &str) -> bool {
    let n = t.chars().count();
    (1..=2).contains(&n)
        && t.chars()
            .all(|c| c == '、' || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_markers() {
        assert!(is_value("22（其中修订16件）"));
        assert!(is_value("7730.28"));
        assert!(!is_value("1.属于国家秘密"));
        assert!(!is_value("数据1"));
        assert!(is_marked_label("1.属于国家秘密"));
        assert!(is_marked_label("（一）予以公开"));
        assert!(!is_marked_label("三、"));
        assert!(!is_marked_label("（三）不"));
        assert!(is_vertical_piece("三、"));
        assert!(!is_vertical_piece("予公开"));
    }
}
