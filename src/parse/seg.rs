//! Pieces of lines (the whole line, or the part before, between or after
//! inline headings) and the list marker at their head.

use crate::text::lexical::{MarkerStyle, subsection_marker};

/// A piece of a line: the whole line, or the part of it before, between or
/// after inline headings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg<'a> {
    /// Byte offset of `raw` in the text.
    pub(crate) start: usize,
    /// The text of the piece (untrimmed: leading tabs can be grid cells).
    pub(crate) raw: &'a str,
}

impl<'a> Seg<'a> {
    pub(crate) fn is_blank(&self) -> bool {
        crate::text::space::is_blank(self.raw)
    }
    pub(crate) fn trimmed(&self) -> (usize, &'a str) {
        let t = crate::text::space::trim_start(self.raw);
        (
            self.start + self.raw.len() - t.len(),
            crate::text::space::trim_end(t),
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
