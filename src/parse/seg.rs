//! Pieces of lines (the whole line, or the part before, between or after
//! inline headings) and the list marker at their head.

use crate::text::lexical::{MarkerStyle, subsection_marker};

/// A piece of a line: the whole line, or the part of it before, between or
/// after inline headings. Its trimmed part is found once, when it is made
/// (every pass over the pieces asks for it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg<'a> {
    /// Byte offset of `raw` in the text.
    pub(crate) start: usize,
    /// The text of the piece (untrimmed: leading tabs can be grid cells).
    pub(crate) raw: &'a str,
    /// Byte length of the white space before the trimmed part.
    lead: usize,
    /// Byte length of the trimmed part (0: the piece is blank).
    len: usize,
}

impl<'a> Seg<'a> {
    /// The piece `raw` found at byte offset `start`.
    pub(crate) fn new(start: usize, raw: &'a str) -> Seg<'a> {
        let t = crate::text::space::trim_start(raw);
        let lead = raw.len() - t.len();
        Seg {
            start,
            raw,
            lead,
            len: crate::text::space::trim_end(t).len(),
        }
    }
    /// A blank piece `raw` (only white space) at `start`, not searched again.
    pub(crate) fn blank(start: usize, raw: &'a str) -> Seg<'a> {
        Seg {
            start,
            raw,
            lead: raw.len(),
            len: 0,
        }
    }
    pub(crate) fn is_blank(&self) -> bool {
        self.len == 0
    }
    pub(crate) fn trimmed(&self) -> (usize, &'a str) {
        (
            self.start + self.lead,
            &self.raw[self.lead..self.lead + self.len],
        )
    }
}

/// The subsection marker at the start of a trimmed piece, allowing `**`
/// residue around it: (style, byte length of the marker incl. residue).
pub(crate) fn line_marker(t: &str) -> Option<(MarkerStyle, usize)> {
    let (inner, lead) = match t.strip_prefix("**") {
        Some(r) => (r, 2),
        None => (t, 0),
    };
    let (rest, (style, _)) = subsection_marker(inner).ok()?;
    let mut len = lead + inner.len() - rest.len();
    if lead > 0 && rest.starts_with("**") {
        len += 2;
    }
    Some((style, len))
}

/// Splits the text after a marker into a short title and the body.
pub(crate) fn split_title(rest: &str) -> (Option<&str>, Option<&str>) {
    if rest.is_empty() {
        return (None, None);
    }
    // a title is at most 41 characters: look no further than 42 (a stop
    // further on, or none in a longer text, makes it all body), so that a
    // line of many markers costs linear time
    let stop = rest
        .char_indices()
        .take(42)
        .find(|(_, c)| matches!(c, '。' | '；' | '：' | ':' | '！' | '？'));
    if let Some((i, c)) = stop {
        let end = i + c.len_utf8();
        let head_chars = rest[..end].chars().count();
        let body = crate::text::space::trim_start(&rest[end..]);
        if !body.is_empty() {
            if head_chars <= 31 {
                return (Some(&rest[..end]), Some(body));
            }
            return (None, Some(rest));
        }
        // the stop ends the line
        if head_chars <= 41 {
            return (Some(rest), None);
        }
        return (None, Some(rest));
    }
    if rest.chars().nth(40).is_none() {
        (Some(rest), None)
    } else {
        (None, Some(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            split_title("加强领导。龙场镇十分重视"),
            (Some("加强领导。"), Some("龙场镇十分重视"))
        );
        assert_eq!(
            split_title("组织领导、工作机构"),
            (Some("组织领导、工作机构"), None)
        );
    }
}
