//! The vocabulary's automaton: `aho-corasick`'s DFA of the words (standard,
//! overlapping semantics) over an alphabet of the vocabulary's characters,
//! built when the crate is compiled: the build script writes its tables
//! (`super::generate`) and they are stepped here as `static` data, nothing
//! built when a process runs.
//!
//! The words have ~160 distinct characters, almost all ideographs of three
//! bytes. Each character of the vocabulary is written as one byte, its
//! symbol (1, 2, …; 0 for every character in no word), and the DFA is built
//! over the words so written: a third of the states of the DFA over the
//! words' UTF-8 bytes and one step per character instead of three. A text
//! is read one character at a time, its symbol looked up in a table
//! (`Symbols::at`); the DFA steps in an inner loop with no call and no store
//! up to the next state where words end (`next[state + symbol]`; the states
//! where words end are numbered last: one comparison), so its tables stay
//! in registers.
//!
//! Matching characters instead of bytes finds the same occurrences: the
//! words and the texts are whole characters, and UTF-8 is self-synchronising
//! (a word's bytes occur in a text only where its characters do).

/// The tables written by the build script from the crate's DFA.
mod tables {
    include!(concat!(env!("OUT_DIR"), "/vocabulary_tables.rs"));
}

use self::tables::{CHARS, END_WORDS, ENDS, LOUD, NEXT, State, WIDTH};

/// The code points of one to three bytes of UTF-8 (U+0000…U+FFFF): the
/// symbols of the characters of words among them are held in one table,
/// indexed by code point (a `u16`: no bounds check).
const TABLE: usize = 0x1_0000;

/// The symbols of the characters of the vocabulary, made by the compiler.
static SYMBOLS: Symbols<'static> = Symbols::of_chars(&CHARS);

/// The symbols of the characters of some words.
struct Symbols<'c> {
    /// The symbol of each character below U+10000 (0: in no word).
    table: [u8; TABLE],
    /// The characters of the words, in code point order (the symbol of the
    /// `k`-th is `k + 1`): those above U+FFFF (`𝄞`) are looked up here.
    chars: &'c [char],
}

impl<'c> Symbols<'c> {
    /// Symbols 1, 2, … for `chars` (the characters of some words, in code
    /// point order, once each: see `super::generate::chars_of`).
    const fn of_chars(chars: &'c [char]) -> Symbols<'c> {
        assert!(chars.len() < 256, "one byte per character of the words");
        let mut table = [0u8; TABLE];
        let mut k = 0;
        while k < chars.len() {
            let cp = chars[k] as usize;
            if cp < TABLE {
                table[cp] = (k + 1) as u8;
            }
            k += 1;
        }
        Symbols { table, chars }
    }

    /// The symbol of the character of code point `cp` (0: in no word).
    #[inline(always)]
    fn of_char(&self, cp: u32) -> u8 {
        match self.table.get(cp as usize) {
            Some(&sym) => sym,
            None => self
                .chars
                .iter()
                .rposition(|&c| u32::from(c) == cp)
                .map_or(0, |k| (k + 1) as u8),
        }
    }

    /// The symbol of the first character of `b` (the rest of a `str`'s
    /// bytes from a character boundary, not empty) and the bytes after it.
    /// ASCII and three-byte characters (the ideographs, full-width forms)
    /// are read from their bytes by slice patterns (one length test each)
    /// and looked up with a `u16` index; the others are decoded in full.
    #[inline(always)]
    fn at<'b>(&self, x: u8, b: &'b [u8]) -> (u8, &'b [u8]) {
        match (x, b) {
            (0..=0x7F, [_, rest @ ..]) => (self.table[usize::from(x)], rest),
            (0xE0..=0xEF, [_, y, z, rest @ ..]) => {
                let cp =
                    (u16::from(x & 0x0F) << 12) | (u16::from(y & 0x3F) << 6) | u16::from(z & 0x3F);
                (self.table[usize::from(cp)], rest)
            }
            _ => {
                let (cp, len) = code_point_at(b, 0);
                (self.of_char(cp), &b[len.min(b.len())..])
            }
        }
    }
}

/// Calls `f(start, end, word)` for every occurrence of every word of the
/// vocabulary in `s` (overlapping), in order of their ends.
#[inline]
pub(super) fn each_match(s: &str, mut f: impl FnMut(usize, usize, usize)) {
    let (symbols, words) = (&SYMBOLS, super::WORDS);
    let mut sid: State = 0;
    let b = s.as_bytes();
    // the bytes not read yet
    let mut rest = b;
    loop {
        // the steps up to the next state where words end: a loop with no
        // call and no store, so the tables stay in registers (the states
        // where words end are numbered last: one comparison); each
        // character's symbol read from its bytes (`s` is UTF-8: see
        // `Symbols::at`)
        let mut hit = false;
        while let Some(&x) = rest.first() {
            let (sym, after) = symbols.at(x, rest);
            rest = after;
            sid = NEXT[sid as usize + usize::from(sym)];
            if sid >= LOUD {
                hit = true;
                break;
            }
        }
        if !hit {
            return;
        }
        let end = b.len() - rest.len();
        let (from, to) = ENDS[(sid - LOUD) as usize / WIDTH];
        for &w in &END_WORDS[usize::from(from)..usize::from(to)] {
            let w = usize::from(w);
            f(end - words[w].len(), end, w);
        }
    }
}

/// The code point of the character that starts at byte `i` of `b` (the
/// bytes of a `str`, `i` a character boundary) and its length in bytes:
/// the decoding of `str::chars`, without its checks (the text is UTF-8).
#[inline(always)]
fn code_point_at(b: &[u8], i: usize) -> (u32, usize) {
    let x = b[i];
    // (a continuation byte past the end cannot follow a lead byte of a
    // `str`: `get` only keeps the bounds check out of the way)
    let c = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    match x {
        0..=0x7F => (u32::from(x), 1),
        0x80..=0xDF => ((u32::from(x & 0x1F) << 6) | c(1), 2),
        0xE0..=0xEF => ((u32::from(x & 0x0F) << 12) | (c(1) << 6) | c(2), 3),
        _ => (
            (u32::from(x & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3),
            4,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::generate::chars_of;
    use super::*;

    #[test]
    fn code_points_are_those_of_chars() {
        let s = "a\u{7f}\u{80}é\u{7ff}\u{800}一說\u{9fff}\u{ffff}\u{10000}𝄞\u{10ffff}％|";
        let b = s.as_bytes();
        for (i, c) in s.char_indices() {
            assert_eq!(code_point_at(b, i), (u32::from(c), c.len_utf8()), "{c:?}");
        }
    }

    /// Reading a symbol from the bytes is looking up the code point of each
    /// character (`str::chars`), for characters of one to four bytes, at the
    /// table's ends and in the middle of the words.
    #[test]
    fn symbols_read_from_bytes_are_those_of_the_characters() {
        let words = ["一稳定", "％", "本年增/减", "%", "𝄞x", "\u{ffff}é"];
        let chars = chars_of(&words);
        let sym = Symbols::of_chars(&chars);
        let s = "a\u{0}\u{7f}\u{80}é\u{7ff}\u{800}一說稳\u{9fff}\u{a000}\u{ffff}\u{10000}𝄞\u{10ffff}％|减/年x";
        let mut rest = s.as_bytes();
        let mut chars = s.chars();
        while let Some(&x) = rest.first() {
            let c = chars.next().expect("one character per step");
            let (got, after) = sym.at(x, rest);
            assert_eq!(got, sym.of_char(u32::from(c)), "{c:?}");
            assert_eq!(rest.len() - after.len(), c.len_utf8(), "{c:?}");
            rest = after;
        }
        assert_eq!(chars.next(), None);
    }

    #[test]
    fn each_character_of_the_words_has_a_symbol_of_its_own() {
        let words = ["一稳定", "％", "本年增/减", "%", "𝄞x"];
        let chars = chars_of(&words);
        let s = Symbols::of_chars(&chars);
        let mut seen = std::collections::HashMap::new();
        for c in words.iter().flat_map(|w| w.chars()) {
            let sym = s.of_char(u32::from(c));
            assert_ne!(sym, 0, "{c:?}");
            assert_eq!(*seen.entry(c).or_insert(sym), sym, "{c:?}");
        }
        let distinct: std::collections::HashSet<u8> = seen.values().copied().collect();
        assert_eq!(distinct.len(), seen.len());
        for c in ['二', 'a', '\0', '\u{9fff}', '\u{a000}', '𝄟', '＆'] {
            assert_eq!(s.of_char(u32::from(c)), 0, "{c:?}");
        }
    }

    // sp-vocab2: the tables built by the build script, against the crate

    /// Every word, and every pair of words written one after the other (so
    /// every overlap of a word's end with another's start, the failure links'
    /// cases), between characters outside the words: the same occurrences as
    /// `aho-corasick`'s overlapping search of the words' bytes, in order of
    /// their ends (sp-vocab's test, now of the tables built at compile time).
    #[test]
    fn every_pair_of_words_is_found_as_the_crate_finds_it() {
        let words = super::super::WORDS;
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(words)
            .expect("the vocabulary");
        for a in words {
            for b in [""].iter().chain(words) {
                let s = format!("x{a}{b}二");
                let mut ours = Vec::new();
                each_match(&s, |start, end, w| ours.push((start, end, w)));
                assert!(ours.is_sorted_by_key(|m| m.1), "{s}");
                ours.sort_unstable();
                assert_eq!(ours, by_the_crate(&ac, &s), "{s}");
            }
        }
    }

    /// The tables compiled in are the ones the generator writes for the
    /// vocabulary now, and it writes the same bytes each time.
    #[test]
    fn the_tables_are_the_generators_same_bytes_each_time() {
        let built = include_str!(concat!(env!("OUT_DIR"), "/vocabulary_tables.rs"));
        let words = super::super::WORDS;
        assert_eq!(super::super::generate::source(words), built);
        assert_eq!(super::super::generate::source(words), built);
        assert_eq!(&CHARS[..], &chars_of(words)[..]);
        // rows of every symbol; each entry the start of a row; the start
        // (0) ends no word; a range of words for each state that ends some
        assert_eq!(WIDTH, CHARS.len() + 1);
        assert_eq!(NEXT.len() % WIDTH, 0);
        assert!(
            NEXT.iter()
                .all(|&t| (t as usize).is_multiple_of(WIDTH) && (t as usize) < NEXT.len())
        );
        assert!(LOUD > 0 && (LOUD as usize) < NEXT.len());
        assert_eq!(ENDS.len(), (NEXT.len() - LOUD as usize) / WIDTH);
        assert!(
            ENDS.iter()
                .all(|&(a, b)| a < b && usize::from(b) <= END_WORDS.len())
        );
    }

    /// The occurrences (start, end, word) of the words of `ac` in `s` by the
    /// crate's overlapping search, sorted: what the tests compare the machine's
    /// with.
    fn by_the_crate(ac: &aho_corasick::AhoCorasick, s: &str) -> Vec<(usize, usize, usize)> {
        let mut theirs: Vec<_> = ac
            .find_overlapping_iter(s)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        theirs.sort_unstable();
        theirs
    }
}
