//! White space trimming by bytes: the parser trims every piece of every
//! line, and the standard library's `trim_matches(is_space)` decodes each
//! character and calls the predicate through a searcher. Here an ASCII byte
//! is judged as a byte, and a lead byte of the CJK block (E4..E9: never
//! white space) ends the trim without decoding; only the few other
//! non-ASCII characters are decoded and asked [`is_space`]. Same result as
//! the standard library's trims with [`is_space`].

use crate::chars::is_space;

/// ASCII white space as `char::is_whitespace` has it.
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Eight ASCII spaces, as one word.
const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);

/// The end of the run of ASCII spaces `b' '` at `i` in `b`, the run read
/// eight bytes at a time as long as eight remain (the leading white space
/// of a layout line is mostly a long run of them), the rest byte by byte.
#[inline]
fn spaces_end(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        if u64::from_ne_bytes(w.try_into().unwrap_or([0; 8])) != SPACES {
            break;
        }
        i += 8;
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

/// True when `x`, the first byte of a character, starts one that is no
/// white space as its byte alone tells: ASCII above the space, or a lead
/// byte of the CJK block (E4..E9).
#[inline(always)]
fn plainly_no_space(x: u8) -> bool {
    (0x21..0x80).contains(&x) || (0xE4..=0xE9).contains(&x)
}

/// `s.trim_start_matches(is_space)`. Most pieces start with a character
/// that is no white space: that is judged here, where the caller inlines
/// it, and only the others go to the loop ([`trim_start_loop`]).
#[inline]
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&x) if !plainly_no_space(x) => trim_start_loop(s),
        _ => s,
    }
}

/// [`trim_start`] of a piece whose first character may be white space.
#[inline(never)]
fn trim_start_loop(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x == b' ' {
            i = spaces_end(b, i + 1);
            continue;
        }
        if x < 0x80 {
            if !ascii_space(x) {
                break;
            }
            i += 1;
            continue;
        }
        if (0xE4..=0xE9).contains(&x) {
            break;
        }
        match s[i..].chars().next() {
            Some(c) if is_space(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    &s[i..]
}

/// `s.trim_end_matches(is_space)`. Most pieces end with a character that
/// is no white space: ASCII above the space, or a character of the CJK
/// block (its lead byte three bytes from the end: `s` is UTF-8, so the two
/// after it are its continuation bytes); that is judged here, where the
/// caller inlines it, and only the others go to the loop
/// ([`trim_end_loop`]).
#[inline]
pub(crate) fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    match *b {
        [] => s,
        [.., x] if (0x21..0x80).contains(&x) => s,
        [.., l, _, _] if (0xE4..=0xE9).contains(&l) => s,
        _ => trim_end_loop(s),
    }
}

/// [`trim_end`] of a piece whose last character may be white space.
#[inline(never)]
fn trim_end_loop(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 {
        let x = b[end - 1];
        if x < 0x80 {
            if !ascii_space(x) {
                break;
            }
            end -= 1;
            continue;
        }
        // the start of the last character: at most three continuation bytes
        let mut start = end - 1;
        while start > 0 && !s.is_char_boundary(start) {
            start -= 1;
        }
        if (0xE4..=0xE9).contains(&b[start]) {
            break;
        }
        match s[start..end].chars().next() {
            Some(c) if is_space(c) => end = start,
            _ => break,
        }
    }
    &s[..end]
}

/// `s.trim_matches(is_space)`.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `s.chars().all(is_space)`.
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    trim_start(s).is_empty()
}

/// `raw` with its white space left out ([`is_space`]): white space inside
/// a label is layout (a PDF line wrap, a spaced-out label), so a label is
/// written, quoted and judged without it.
pub(crate) fn without_space(raw: &str) -> String {
    raw.chars().filter(|c| !is_space(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_trims() {
        let spaces = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{200a}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2028}", "\u{2029}", "\u{202f}",
            "\u{205f}", "\u{3000}", "\u{feff}",
        ];
        let words = [
            "",
            "a",
            "一",
            "（一）",
            "\u{1c}",
            "é",
            "\u{2010}",
            "\u{3001}",
            "\u{ff08}",
            "𠀀",
            "x y",
            "政 府",
        ];
        for a in spaces.iter().chain(&[""]) {
            for w in words {
                for z in spaces.iter().chain(&[""]) {
                    for s in [
                        format!("{a}{w}{z}"),
                        format!("{a}{a}{w}{z}{a}"),
                        format!("{w}{z}{w}"),
                        format!("{a}{z}"),
                    ] {
                        assert_eq!(trim_start(&s), s.trim_start_matches(is_space), "{s:?}");
                        assert_eq!(trim_end(&s), s.trim_end_matches(is_space), "{s:?}");
                        assert_eq!(trim(&s), s.trim_matches(is_space), "{s:?}");
                        assert_eq!(is_blank(&s), s.chars().all(is_space), "{s:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 6000, ..Default::default() })]
        /// The runs of spaces read eight bytes at a time give the standard
        /// library's trims, for runs of every length around and between tabs,
        /// other white space, ASCII, CJK and multi-byte characters.
        #[test]
        fn the_word_at_a_time_runs_are_the_standard_trims(
            s in "( {0,27}|[\t\n\r\u{b}\u{c}\u{3000}\u{a0}\u{85}\u{feff}]{0,3}|[a!~一政（é𝄞\u{2000}]{0,3}){0,7}",
        ) {
            proptest::prop_assert_eq!(trim_start(&s), s.trim_start_matches(is_space));
            proptest::prop_assert_eq!(trim_end(&s), s.trim_end_matches(is_space));
            proptest::prop_assert_eq!(trim(&s), s.trim_matches(is_space));
            proptest::prop_assert_eq!(is_blank(&s), s.chars().all(is_space));
        }
    }
}
