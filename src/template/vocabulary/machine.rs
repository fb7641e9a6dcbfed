//! The vocabulary's automaton: `aho-corasick`'s DFA of the words (standard,
//! overlapping semantics) over an alphabet of the vocabulary's characters.
//!
//! The words have ~160 distinct characters, almost all ideographs of three
//! bytes. Each character of the vocabulary is written as one byte, its
//! symbol (1, 2, …; 0 for every character in no word), and the DFA is built
//! over the words so written: a third of the states of the DFA over the
//! words' UTF-8 bytes (so a third of its build, once per process) and one
//! step per character instead of three. A text is read one character at a
//! time, its symbol looked up in a table (`Symbols::at`); the DFA
//! steps in an inner loop with no call and no store up to the next state
//! where words end, so its tables stay in registers.
//!
//! Matching characters instead of bytes finds the same occurrences: the
//! words and the texts are whole characters, and UTF-8 is self-synchronising
//! (a word's bytes occur in a text only where its characters do).

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// The code points of one to three bytes of UTF-8 (U+0000…U+FFFF): the
/// symbols of the characters of words among them are held in one table,
/// indexed by code point (a `u16`: no bounds check).
const TABLE: usize = 0x1_0000;

/// The vocabulary's DFA over the symbols of its characters (standard
/// semantics: a state lists every word that ends where it is reached, its
/// suffixes' words included).
pub(super) struct Machine {
    dfa: DFA,
    start: StateID,
    /// The length of each word in bytes of UTF-8 (where a match starts).
    lens: Vec<usize>,
    symbols: Symbols,
}

/// The symbols of the characters of the words.
struct Symbols {
    /// The symbol of each character below U+10000 (0: in no word).
    table: Box<[u8; TABLE]>,
    /// The symbols of the characters of the words above it (`𝄞`).
    other: Vec<(u32, u8)>,
}

impl Symbols {
    /// Symbols 1, 2, … for the characters of `words`, in code point order.
    fn of(words: &[&str]) -> Symbols {
        let mut chars: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
        chars.sort_unstable();
        chars.dedup();
        assert!(chars.len() < 256, "one byte per character of the words");
        let mut table: Box<[u8; TABLE]> = vec![0u8; TABLE]
            .into_boxed_slice()
            .try_into()
            .expect("TABLE bytes");
        let mut other = Vec::new();
        for (k, c) in chars.iter().enumerate() {
            let (cp, sym) = (u32::from(*c), (k + 1) as u8);
            match table.get_mut(cp as usize) {
                Some(t) => *t = sym,
                None => other.push((cp, sym)),
            }
        }
        Symbols { table, other }
    }

    /// The symbol of the character of code point `cp` (0: in no word).
    #[inline(always)]
    fn of_char(&self, cp: u32) -> u8 {
        match self.table.get(cp as usize) {
            Some(&sym) => sym,
            None => self.other.iter().find(|o| o.0 == cp).map_or(0, |o| o.1),
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

impl Machine {
    /// The machine of `words`.
    pub(super) fn new(words: &[&str]) -> Machine {
        let symbols = Symbols::of(words);
        let written: Vec<Vec<u8>> = words
            .iter()
            .map(|w| w.chars().map(|c| symbols.of_char(u32::from(c))).collect())
            .collect();
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&written)
            .expect("the vocabulary is a small fixed set of words");
        let start = dfa
            .start_state(Anchored::No)
            .expect("an unanchored search is supported");
        Machine {
            dfa,
            start,
            lens: words.iter().map(|w| w.len()).collect(),
            symbols,
        }
    }

    /// Calls `f(start, end, word)` for every occurrence of every word in `s`
    /// (overlapping), in order of their ends.
    #[inline]
    pub(super) fn each_match(&self, s: &str, mut f: impl FnMut(usize, usize, usize)) {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let b = s.as_bytes();
        // the bytes not read yet
        let mut rest = b;
        loop {
            // the steps up to the next state where words end: a loop with
            // no call and no store, so the tables stay in registers (an
            // unanchored standard DFA has no dead state: its special states
            // are the matches and the start); each character's symbol read
            // from its bytes (`s` is UTF-8: see `Symbols::at`)
            let mut hit = false;
            while let Some(&x) = rest.first() {
                let (sym, after) = self.symbols.at(x, rest);
                rest = after;
                sid = dfa.next_state(Anchored::No, sid, sym);
                if dfa.is_special(sid) && dfa.is_match(sid) {
                    hit = true;
                    break;
                }
            }
            if !hit {
                return;
            }
            let end = b.len() - rest.len();
            for k in 0..dfa.match_len(sid) {
                let w = dfa.match_pattern(sid, k).as_usize();
                f(end - self.lens[w], end, w);
            }
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
        let sym = Symbols::of(&words);
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
        let s = Symbols::of(&words);
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
}
