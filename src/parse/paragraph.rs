//! Paragraphs joined across line wraps and page breaks: a paragraph being
//! accumulated, and when a line goes on it (the block builder,
//! [`super::blocks`], joins the text).

/// A paragraph being accumulated: its text is `start..end` of the text
/// while it is one piece, the scratch buffer's once pieces are joined.
pub(crate) struct Para {
    /// Where its text starts.
    pub(crate) start: usize,
    /// Where its text ends.
    pub(crate) end: usize,
    /// Pieces were joined: the text is in the block builder's scratch
    /// buffer.
    pub(crate) joined: bool,
    /// The last line's length in characters, counted up to [`LONG_LINE`]
    /// (only whether it reaches that is asked).
    pub(crate) last_chars: usize,
    /// The last line ends a sentence: the paragraph ends with it.
    terminal: bool,
    /// Blank lines after the last line (counted up to 2): one blank line
    /// after a long line that ends no sentence is a page break, the
    /// paragraph goes on; two always end it.
    pub(crate) blank_after: u8,
    /// The paragraph is a `key: value` line (crawler headers); never joined.
    field: bool,
}

/// `标题: …`, `发布时间: …`: a short key and a colon (`:`, or `：`, `EF BC
/// 9A`) among the first 7 characters, after the first. Read from the bytes:
/// a character's length from its lead byte, no decoding.
pub(crate) fn is_field(t: &str) -> bool {
    use crate::grid::scan::char_len as utf8_len;
    let b = t.as_bytes();
    let mut i = b.first().map_or(0, |&x| utf8_len(x));
    for _ in 1..7 {
        match (b.get(i), b.get(i + 1), b.get(i + 2)) {
            (None, ..) => return false,
            (Some(b':'), ..) | (Some(0xEF), Some(0xBC), Some(0x9A)) => return true,
            (Some(&x), ..) => i += utf8_len(x),
        }
    }
    false
}

/// True when `t` ends a sentence (closing quotes and brackets aside).
fn ends_terminal(t: &str) -> bool {
    let core = t.trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '"', '*']);
    core.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

impl Para {
    /// True when the line `t` goes on this paragraph: the paragraph ends no
    /// sentence, no blank line came after it (or one, after a long line: a
    /// page break), and neither it nor `t` is a `key: value` field.
    pub(crate) fn goes_on(&self, t: &str) -> bool {
        !self.terminal
            && (self.blank_after == 0 || self.blank_after == 1 && self.last_chars >= LONG_LINE)
            && !self.field
            && !is_field(t)
    }

    /// Takes the line `t` (at `off`, joined to the text by the caller) as
    /// the paragraph's last line.
    pub(crate) fn extend(&mut self, off: usize, t: &str) {
        self.end = off + t.len();
        self.last_chars = chars_upto_long(t);
        self.terminal = ends_terminal(t);
        self.blank_after = 0;
    }
}

/// A line of at least this many characters that ends no sentence, followed
/// by one blank line, is cut by a page break: its paragraph goes on.
const LONG_LINE: usize = 40;

/// The characters of `t`, counted up to [`LONG_LINE`] (a long line is not
/// counted to its end).
pub(crate) fn chars_upto_long(t: &str) -> usize {
    // a character has at most four bytes: a text of `4 * LONG_LINE` bytes
    // reaches it uncounted; a shorter one is counted whole (the standard
    // library counts a word of bytes at a time, where a walk to the
    // `LONG_LINE`-th character steps character by character)
    if t.len() >= 4 * LONG_LINE {
        LONG_LINE
    } else {
        t.chars().count().min(LONG_LINE)
    }
}

/// The paragraph of the one piece `t` (at `off`).
pub(crate) fn new_para(off: usize, t: &str) -> Para {
    Para {
        start: off,
        end: off + t.len(),
        joined: false,
        last_chars: chars_upto_long(t),
        terminal: ends_terminal(t),
        blank_after: 0,
        field: is_field(t),
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        /// The byte scan finds the colons the character scan finds (`:`,
        /// `：`, characters sharing its bytes: `；` `EF BC 9B`, `（` `EF BC
        /// 88`; characters of every length, around the 7th).
        #[test]
        fn fields_are_those_of_the_character_scan(t in "[:：；（a一é𠀀 ]{0,10}") {
            let want = t
                .char_indices()
                .take(7)
                .any(|(i, c)| i > 0 && matches!(c, ':' | '：'));
            proptest::prop_assert_eq!(super::is_field(&t), want, "{:?}", t);
        }
    }

    #[test]
    fn chars_are_counted_up_to_a_long_line() {
        for t in [
            "",
            "一",
            &"一".repeat(39),
            &"一".repeat(40),
            &"a".repeat(170),
            &"a".repeat(39),
            &"a".repeat(40),
            &"a".repeat(100),
            &"a一".repeat(30),
            &"𠀀".repeat(45),
        ] {
            let want = t.chars().take(super::LONG_LINE).count();
            assert_eq!(super::chars_upto_long(t), want, "{t:?}");
        }
    }
}
