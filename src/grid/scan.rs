//! One walk over a line of plain text: its words with their byte and
//! character positions, and the facts the text path chooses a builder by
//! (tab fields, pipes, space-aligned chunks). The builders of flow words
//! and space-aligned columns read the words instead of splitting the line
//! again.

use std::ops::Range;

use crate::lines::is_space;

/// The white space (in characters) that ends a chunk of space-aligned
/// text: one space stays inside a chunk (`本年 新收`).
pub(crate) const GAP: usize = 2;

/// A run of non-blank characters: its bytes in the source and its
/// character positions on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) bytes: Range<usize>,
    pub(crate) cols: Range<usize>,
}

/// What one walk over a non-blank line found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Facts {
    /// Byte range of the line's text without its leading and trailing
    /// white space, in the line.
    pub(crate) text: (usize, usize),
    /// Non-blank tab-separated fields.
    pub(crate) tab_fields: usize,
    /// The line holds a tab.
    pub(crate) has_tab: bool,
    /// How many pipes.
    pub(crate) pipes: usize,
    /// Chunks: runs of words cut at gaps of [`GAP`] or more white-space
    /// characters.
    pub(crate) chunks: usize,
}

/// The length of the character whose UTF-8 encoding starts with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// True when the character at byte `i` of `s` (of `len` bytes, starting
/// with `lead`) is white space ([`is_space`]); only the few lead bytes of
/// white space characters are decoded.
fn space_at(s: &str, i: usize, lead: u8) -> bool {
    match lead {
        b'\t'..=b'\r' | b' ' => true,
        0..0x80 => false,
        // U+0085 U+00A0; U+1680; U+2000… U+205F; U+3000; U+FEFF
        0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => s[i..].chars().next().is_some_and(is_space),
        _ => false,
    }
}

/// Walks `raw` (found at byte `start`) once: appends its words to `words`
/// and returns its facts, or `None` when it is blank (no word appended).
pub(crate) fn line(start: usize, raw: &str, words: &mut Vec<Word>) -> Option<Facts> {
    let b = raw.as_bytes();
    let (mut first, mut last) = (None, 0);
    let (mut fields, mut field_text, mut has_tab) = (0usize, false, false);
    let (mut pipes, mut chunks) = (0usize, 0usize);
    // white space characters since the last word (GAP at the start)
    let mut gap = GAP;
    let (mut i, mut col) = (0usize, 0usize);
    while i < b.len() {
        let lead = b[i];
        let len = char_len(lead);
        if space_at(raw, i, lead) {
            if lead == b'\t' {
                fields += usize::from(field_text);
                field_text = false;
                has_tab = true;
            }
            gap += 1;
        } else {
            pipes += usize::from(lead == b'|');
            field_text = true;
            first.get_or_insert(i);
            last = i + len;
            let at = start + i;
            match words.last_mut() {
                Some(w) if gap == 0 => {
                    w.bytes.end = at + len;
                    w.cols.end = col + 1;
                }
                _ => words.push(Word {
                    bytes: at..at + len,
                    cols: col..col + 1,
                }),
            }
            chunks += usize::from(gap >= GAP);
            gap = 0;
        }
        i += len;
        col += 1;
    }
    fields += usize::from(field_text);
    Some(Facts {
        text: (first?, last),
        tab_fields: fields,
        has_tab,
        pipes,
        chunks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_facts_and_positions() {
        let mut w = Vec::new();
        let f = line(10, " 规章\u{3000}1  |2\t\t3 ", &mut w).unwrap();
        let bytes: Vec<_> = w.iter().map(|w| w.bytes.clone()).collect();
        let cols: Vec<_> = w.iter().map(|w| w.cols.clone()).collect();
        assert_eq!(bytes, [11..17, 20..21, 23..25, 27..28]);
        // one position per character, CJK included
        assert_eq!(cols, [1..3, 4..5, 7..9, 11..12]);
        assert_eq!(f.text, (1, 18));
        assert_eq!((f.tab_fields, f.has_tab, f.pipes), (2, true, 1));
        // `规章　1` is one chunk (one space), `|2` and `3` two more
        assert_eq!(f.chunks, 3);
        assert_eq!(line(0, " \u{a0}\u{feff}\t", &mut w), None);
        assert_eq!(w.len(), 4);
    }
}
