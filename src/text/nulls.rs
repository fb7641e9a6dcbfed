//! The null markers: cell text that means "no figure". One set, read by the
//! template mapper (a null token) and the audit (`table.empty_cell`).

use crate::chars::is_space;

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
    let t = raw.trim_matches(is_space);
    if t.is_empty() {
        return empty_too;
    }
    if t.chars().any(is_space) {
        let joined: String = t.chars().filter(|c| !is_space(*c)).collect();
        return MARKERS.contains(&joined.as_str());
    }
    MARKERS.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        for m in ["无", " - ", "— —", "N/A", "不适用", "−"] {
            assert!(is_null_marker(m, false), "{m}");
        }
        assert!(is_null_marker("  ", true));
        assert!(!is_null_marker("  ", false));
        assert!(!is_null_marker("0", true));
        assert!(!is_null_marker("无效", true));
    }
}
