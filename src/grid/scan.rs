//! One walk over a line of plain text: its words with their byte and
//! character positions, and the facts the text path chooses a builder by
//! (tab fields, pipes, space-aligned chunks). The builders of flow words
//! and space-aligned columns read the words instead of splitting the line
//! again.

use std::ops::Range;

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
    /// The characters of its words: those of the line that are no white
    /// space.
    pub(crate) chars: usize,
}

/// The length of the character whose UTF-8 encoding starts with `lead`.
pub(crate) fn char_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// True when the non-ASCII character at byte `i` of `b` (its lead byte
/// `lead`) is white space ([`crate::lines::is_space`]), from its bytes: U+0085 U+00A0,
/// U+1680, U+2000…U+200D U+2028 U+2029 U+202F U+205F, U+3000, U+FEFF.
fn wide_space(b: &[u8], i: usize, lead: u8) -> bool {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match lead {
        0xC2 => matches!(at(1), 0x85 | 0xA0),
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        },
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        0xEF => at(1) == 0xBB && at(2) == 0xBF,
        _ => false,
    }
}

/// The number of ASCII spaces `b` starts with, eight bytes compared at a
/// time (the alignment of `pdftotext -layout` is runs of tens of spaces).
fn space_run(b: &[u8]) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut k = 0;
    while let Some(w) = b.get(k..k + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(w);
        // the first byte that is no space: the lowest non-zero byte
        let x = u64::from_le_bytes(eight) ^ SPACES;
        if x != 0 {
            return k + (x.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k + b[k..].iter().take_while(|&&x| x == b' ').count()
}

/// The end of the word at byte `i` of `b` (a line of UTF-8, `i` at a
/// character that is no white space) and the character position there
/// (`col` at `i`); the pipes in the word are added to `pipes`.
#[inline(always)]
fn word_end(b: &[u8], mut i: usize, mut col: usize, pipes: &mut usize) -> (usize, usize) {
    while let Some(&lead) = b.get(i) {
        if lead < 0x80 {
            if matches!(lead, b'\t'..=b'\r' | b' ') {
                break;
            }
            *pipes += usize::from(lead == b'|');
            i += 1;
        } else if (0xE4..=0xE9).contains(&lead) {
            // a run of the CJK block (never white space) in a tight loop,
            // its characters counted at its end (three bytes each)
            let from = i;
            i += 3;
            while b.get(i).is_some_and(|l| (0xE4..=0xE9).contains(l)) {
                i += 3;
            }
            col += (i - from) / 3;
            continue;
        } else if wide_space(b, i, lead) {
            break;
        } else {
            i += char_len(lead);
        }
        col += 1;
    }
    (i, col)
}

/// Walks `raw` (found at byte `start`) once: appends its words to `words`
/// and returns its facts, or `None` when it is blank (no word appended).
pub(crate) fn line(start: usize, raw: &str, words: &mut Vec<Word>) -> Option<Facts> {
    let b = raw.as_bytes();
    let n = b.len();
    let (mut first, mut last) = (None, 0);
    let (mut fields, mut field_text, mut has_tab) = (0usize, false, false);
    let (mut pipes, mut chunks, mut chars) = (0usize, 0usize, 0usize);
    // white space characters since the last word (GAP at the start)
    let mut gap = GAP;
    let (mut i, mut col) = (0usize, 0usize);
    while i < n {
        // a run of white space
        while i < n {
            let lead = b[i];
            if lead == b' ' {
                // spaces (the alignment of `pdftotext -layout`) counted
                // in one tight loop, a position each
                let run = space_run(&b[i..]);
                i += run;
                col += run;
                gap += run;
                continue;
            }
            if lead == b'\t' {
                fields += usize::from(field_text);
                field_text = false;
                has_tab = true;
            } else if lead >= 0x80 {
                if !wide_space(b, i, lead) {
                    break;
                }
                i += char_len(lead) - 1;
            } else if !matches!(lead, b' ' | b'\n' | b'\r' | 0x0B | 0x0C) {
                break;
            }
            i += 1;
            col += 1;
            gap += 1;
        }
        if i == n {
            break;
        }
        // a word
        let (ws, wc) = (i, col);
        (i, col) = word_end(b, i, col, &mut pipes);
        words.push(Word {
            bytes: start + ws..start + i,
            cols: wc..col,
        });
        first.get_or_insert(ws);
        (chars, last) = (chars + (col - wc), i);
        field_text = true;
        chunks += usize::from(gap >= GAP);
        gap = 0;
    }
    fields += usize::from(field_text);
    Some(Facts {
        text: (first?, last),
        tab_fields: fields,
        has_tab,
        pipes,
        chunks,
        chars,
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
        assert_eq!(f.chars, 6);
        assert_eq!(line(0, " \u{a0}\u{feff}\t", &mut w), None);
        assert_eq!(w.len(), 4);
    }

    #[test]
    fn space_runs_are_counted_as_one_by_one() {
        for n in 0..40 {
            for tail in ["", "a", "\t", " ", "规", "a b"] {
                for lead in ["", " "] {
                    let s = format!("{lead}{}{tail}", " ".repeat(n));
                    let b = s.as_bytes();
                    let one_by_one = b.iter().take_while(|&&x| x == b' ').count();
                    assert_eq!(space_run(b), one_by_one, "{s:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The characters of a line's words are its characters that are
        /// no white space, and as many as its normal form has.
        #[test]
        fn word_characters_are_the_non_blank_ones(
            raw in "[规章a1|（） \t\u{3000}\u{a0}\u{200b}\u{feff}\u{2028}é𠀀]{0,30}",
        ) {
            let mut w = Vec::new();
            let non_blank = raw.chars().filter(|&c| !crate::lines::is_space(c)).count();
            let chars = line(0, &raw, &mut w).map_or(0, |f| f.chars);
            proptest::prop_assert_eq!(chars, non_blank);
            proptest::prop_assert_eq!(crate::text::lexical::norm(&raw).chars().count(), non_blank);
        }
    }

    #[test]
    fn wide_spaces_are_the_white_space_of_is_space() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let b = s.as_bytes();
            assert_eq!(
                wide_space(b, 0, b[0]),
                crate::lines::is_space(c),
                "U+{:04X}",
                c as u32
            );
        }
        for c in (0u8..0x80).map(char::from) {
            let mut w = Vec::new();
            let blank = line(0, &c.to_string(), &mut w).is_none();
            assert_eq!(blank, crate::lines::is_space(c), "{c:?}");
        }
    }
}
