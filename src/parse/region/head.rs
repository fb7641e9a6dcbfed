//! The label part of a table row without the figures after it: what
//! region assembly normalises to read the label.

use crate::text::lexical;

/// A character that [`super::ends_region`] trims from the end of a normalised
/// label: the figures and the marks of empty cells after it.
pub(super) fn is_figure_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '-' | '|' | '/' | '无' | '—')
}

/// The bytes [`label_head`] trims one by one from a label's end, a flag
/// each: the ASCII characters that normalise to nothing (white space) or to
/// an [`is_figure_char`] (digits, `.-|/`); no byte above ASCII, which is not
/// a character of its own. One look-up a byte instead of the two tests
/// (`the_trimmed_bytes_are_the_trimmed_ascii_characters` checks all 256).
pub(super) static TRIMMED_BYTES: [bool; 256] = trimmed_bytes();

/// The flags of [`TRIMMED_BYTES`].
const fn trimmed_bytes() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(
            b as u8,
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'0'..=b'9' | b'.' | b'-' | b'|' | b'/'
        );
        b += 1;
    }
    t
}

/// The label `label` (raw) without the characters at its end that
/// normalise to nothing (white space) or to an [`is_figure_char`]: its
/// normal form is that of `label` with the figure characters trimmed from
/// its end (normalising is a fold of each character on its own), and the
/// figures of a space-aligned row (`（一）予以公开    3    0    0`) are
/// not normalised only to be trimmed.
///
/// The ASCII end (a row's spaces and figures) is trimmed byte by byte, the
/// rest (when its last character is trimmed too) by `trim_end_matches`
/// (greedy: the same suffix as one trim of the whole label).
pub(super) fn label_head(label: &str) -> &str {
    let trimmed = |c: char| lexical::norm_char(c).is_none_or(is_figure_char);
    let b = label.as_bytes();
    let mut end = b.len();
    while end > 0 && TRIMMED_BYTES[usize::from(b[end - 1])] {
        end -= 1;
    }
    let rest = &label[..end];
    match rest.chars().next_back() {
        Some(c) if !c.is_ascii() && trimmed(c) => rest.trim_end_matches(trimmed),
        _ => rest,
    }
}
