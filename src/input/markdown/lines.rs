//! The lines of converter markdown and what each one is.

use crate::lines::is_space;

#[derive(Debug, Clone, Copy)]
pub(super) struct SrcLine {
    pub(super) start: usize,
    pub(super) end: usize,
}

impl SrcLine {
    pub(super) fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

pub(super) fn src_lines(text: &str) -> Vec<SrcLine> {
    crate::lines::iter(text)
        .map(|l| SrcLine {
            start: l.start,
            end: l.end(),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    /// `#` heading: byte length of the marks and the space after them.
    Heading(usize),
    Pipe,
    Separator,
    Page,
    Text,
}

pub(super) fn trim(t: &str) -> &str {
    t.trim_matches(is_space)
}

/// `|---|:--:|`: a separator row (pipes, dashes, colons, spaces; a dash run).
pub(super) fn is_separator(t: &str) -> bool {
    let t = trim(t);
    t.contains('-')
        && t.contains('|')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':') || is_space(c))
        && t.split('|').all(|f| {
            let f = trim(f);
            f.is_empty() || f.trim_matches(':').chars().all(|c| c == '-') && f.contains("---")
        })
}

/// `## 标题`: the length of the marks and the spaces after them.
pub(super) fn heading_level(t: &str) -> Option<usize> {
    let n = t.bytes().take_while(|&b| b == b'#').count();
    if n == 0 || n > 6 {
        return None;
    }
    let rest = &t[n..];
    let body = rest.trim_start_matches(is_space);
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    Some(t.len() - body.len())
}

/// Page furniture: `- 3 -`, `— 4 —`, `第 3 页`, `第3页 共5页`, `3/5`.
pub(super) fn is_page_line(t: &str) -> bool {
    let t = trim(t);
    let digits = |s: &str| {
        let s = trim(s);
        !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
    };
    let dashes = ['-', '—', '－', '–'];
    if let Some(inner) = t.strip_prefix(dashes).and_then(|r| r.strip_suffix(dashes)) {
        return digits(inner);
    }
    if let Some(inner) = t.strip_prefix('第') {
        let (page, rest) = match inner.split_once('页') {
            Some(p) => p,
            None => return false,
        };
        let rest = trim(rest);
        return digits(page)
            && (rest.is_empty()
                || rest
                    .strip_prefix('共')
                    .and_then(|r| r.strip_suffix('页'))
                    .is_some_and(digits));
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    false
}

pub(super) fn classify(source: &str, lines: &[SrcLine]) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = lines
        .iter()
        .map(|l| {
            let t = l.text(source);
            let tt = trim(t);
            if tt.is_empty() {
                Kind::Blank
            } else if is_separator(t) {
                Kind::Separator
            } else if tt.starts_with('|') && tt.len() > 1 {
                Kind::Pipe
            } else if let Some(n) = heading_level(t.trim_start_matches(is_space)) {
                Kind::Heading(n + (t.len() - t.trim_start_matches(is_space).len()))
            } else if is_page_line(t) {
                Kind::Page
            } else {
                Kind::Text
            }
        })
        .collect();
    // rows without outer pipes: a line holding `|` next to a separator row
    // or to another row of the same table
    for i in 0..kinds.len() {
        if kinds[i] != Kind::Separator {
            continue;
        }
        let mut j = i;
        while j > 0 && kinds[j - 1] == Kind::Text && lines[j - 1].text(source).contains('|') {
            kinds[j - 1] = Kind::Pipe;
            j -= 1;
        }
        // after the separator, every line up to a blank one is a row (a
        // line without pipes is a row of one cell)
        let mut j = i + 1;
        while j < kinds.len() && matches!(kinds[j], Kind::Text | Kind::Pipe) {
            kinds[j] = Kind::Pipe;
            j += 1;
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_headings() {
        assert!(is_separator("|---|:---:|"));
        assert!(is_separator("---|---"));
        assert!(!is_separator("- 3 -"));
        assert_eq!(heading_level("## 二、主动"), Some(3));
        assert_eq!(heading_level("#x"), None);
        assert!(is_page_line("- 3 -"));
        assert!(is_page_line("— 4 —"));
        assert!(is_page_line("第 3 页"));
        assert!(!is_page_line("第二十条"));
    }
}
