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
    let (stop, chars) = first_stop(rest.as_bytes(), 42);
    if let Some(end) = stop {
        // (`chars`: those up to the stop, the stop included)
        return split_at_stop(rest, end, chars);
    }
    // (no stop: `chars` counted up to 42)
    if chars <= 40 {
        (Some(rest), None)
    } else {
        (None, Some(rest))
    }
}

/// [`split_title`] of `rest` whose first stop ends at byte `end`, after
/// `head_chars` characters (the stop included).
fn split_at_stop(rest: &str, end: usize, head_chars: usize) -> (Option<&str>, Option<&str>) {
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
    (None, Some(rest))
}

/// The end of the first stop that ends a title (`。；：:！？`) among the
/// first `max` characters of `b` (UTF-8), and the characters up to it (the
/// stop included); without one, `None` and the characters counted (at most
/// `max`). Read from the bytes: a character's length from its lead byte,
/// the stops from their three bytes (`。` `E3 80 82`, `；` `EF BC 9B`, `：`
/// `EF BC 9A`, `！` `EF BC 81`, `？` `EF BC 9F`), no decoding.
fn first_stop(b: &[u8], max: usize) -> (Option<usize>, usize) {
    let (mut i, mut n) = (0, 0);
    while i < b.len() && n < max {
        let x = b[i];
        n += 1;
        if x < 0x80 {
            i += 1;
            if x == b':' {
                return (Some(i), n);
            }
            continue;
        }
        let len = match x {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        if len == 3
            && matches!(
                (x, b.get(i + 1), b.get(i + 2)),
                (0xE3, Some(0x80), Some(0x82))
                    | (0xEF, Some(0xBC), Some(0x81 | 0x9A | 0x9B | 0x9F))
            )
        {
            return (Some(i + 3), n);
        }
        i += len;
    }
    (None, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `split_title` as it was, character by character (the split at the
    /// stop shared): the reference of the byte scan.
    fn split_title_reference(rest: &str) -> (Option<&str>, Option<&str>) {
        if rest.is_empty() {
            return (None, None);
        }
        let stop = rest
            .char_indices()
            .take(42)
            .find(|(_, c)| matches!(c, '。' | '；' | '：' | ':' | '！' | '？'));
        if let Some((i, c)) = stop {
            let end = i + c.len_utf8();
            return split_at_stop(rest, end, rest[..end].chars().count());
        }
        if rest.chars().nth(40).is_none() {
            (Some(rest), None)
        } else {
            (None, Some(rest))
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
        /// The byte scan splits as the character scan does, around every
        /// length limit (31, 41, 42 characters), with the stops, their
        /// byte neighbours (`、` `E3 80 81`, `，` `EF BC 8C`, `＂` `EF BC
        /// 82`) and characters of every length.
        #[test]
        fn the_byte_scan_splits_as_the_character_scan(
            head in "[a一é𠀀 、，＂]{0,45}",
            stop in "[。；：:！？、]?",
            tail in "[a一 \u{3000}。]{0,4}",
        ) {
            let s = format!("{head}{stop}{tail}");
            proptest::prop_assert_eq!(split_title(&s), split_title_reference(&s), "{:?}", s);
        }
    }

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
