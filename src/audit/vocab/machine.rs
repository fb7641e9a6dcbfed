//! The automaton of [`super::WORDS`]: `aho-corasick`'s DFA of the words
//! (standard, overlapping semantics: a state lists every word that ends
//! where it is reached, its suffixes' words included), built once per
//! process and stepped byte by byte through its [`Automaton`] interface, so
//! that [`super::Hits::scan`] can run several lanes of a text side by side.
//!
//! Built without a prefilter, the DFA's "special" states are exactly the
//! states where a word ends (an unanchored standard DFA never reaches its
//! dead state): one comparison of a state (or of the least of several
//! states) says whether a word ends there. The characters of the words are
//! also kept as a bit set built by the compiler ([`in_words`]), for cutting
//! a text into lanes.

use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

use super::WORDS;

/// The DFA of the words and what a scan asks of it.
pub(super) struct Machine {
    dfa: DFA,
    /// The unanchored start state.
    start: StateID,
}

/// The machine, built on first use.
pub(super) static MACHINE: LazyLock<Machine> = LazyLock::new(|| {
    let dfa = DFA::builder()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Unanchored)
        .prefilter(false)
        .build(WORDS)
        .expect("the audit's vocabulary is a small fixed set of words");
    let start = dfa
        .start_state(Anchored::No)
        .expect("an unanchored search is supported");
    Machine { dfa, start }
});

impl Machine {
    /// The state where a scan starts (and where it is after a character of
    /// no word).
    #[inline(always)]
    pub(super) fn start(&self) -> StateID {
        self.start
    }

    /// The state after byte `b` from `s`.
    #[inline(always)]
    pub(super) fn step(&self, s: StateID, b: u8) -> StateID {
        self.dfa.next_state(Anchored::No, s, b)
    }

    /// True when a word ends at `s` (with no prefilter, the special states
    /// of an unanchored DFA are its match states).
    #[inline(always)]
    pub(super) fn is_end(&self, s: StateID) -> bool {
        self.dfa.is_special(s)
    }

    /// The words ending at `s` (a state where one does), as a bit set of
    /// their indexes in [`WORDS`].
    #[inline]
    pub(super) fn ends(&self, s: StateID) -> u64 {
        let mut words = 0u64;
        for k in 0..self.dfa.match_len(s) {
            words |= 1 << self.dfa.match_pattern(s, k).as_usize();
        }
        words
    }
}

/// At most this many characters in the words: their bytes.
const MAX_CHARS: usize = {
    let mut n = 0;
    let mut w = 0;
    while w < WORDS.len() {
        n += WORDS[w].len();
        w += 1;
    }
    n
};

/// The characters of the words (as code points), sorted, and their number.
const WORD_CHARS_OF: ([u32; MAX_CHARS], usize) = {
    let mut chars = [0u32; MAX_CHARS];
    let mut n = 0;
    let mut w = 0;
    while w < WORDS.len() {
        let b = WORDS[w].as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (c, len) = decode(b, i);
            i += len;
            // insertion into the sorted prefix, once
            let mut at = 0;
            while at < n && chars[at] < c {
                at += 1;
            }
            if at < n && chars[at] == c {
                continue;
            }
            let mut j = n;
            while j > at {
                chars[j] = chars[j - 1];
                j -= 1;
            }
            chars[at] = c;
            n += 1;
        }
        w += 1;
    }
    (chars, n)
};

/// The code point of the UTF-8 character at `b[i]` and its length.
const fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let x = b[i] as u32;
    if x < 0x80 {
        (x, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        let c = ((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
        (c, 3)
    } else {
        let c = ((x & 0x07) << 18)
            | ((b[i + 1] as u32 & 0x3F) << 12)
            | ((b[i + 2] as u32 & 0x3F) << 6)
            | (b[i + 3] as u32 & 0x3F);
        (c, 4)
    }
}

/// The characters of the words, sorted.
#[cfg(test)]
static WORD_CHARS: [u32; WORD_CHARS_OF.1] = {
    let mut out = [0u32; WORD_CHARS_OF.1];
    let mut i = 0;
    while i < out.len() {
        out[i] = WORD_CHARS_OF.0[i];
        i += 1;
    }
    out
};

/// The characters of the words as a bit set over the Basic Multilingual
/// Plane (where every one of them lies): one load and a bit test.
static WORD_CHAR_BITS: [u64; 1 << 10] = {
    let mut bits = [0u64; 1 << 10];
    let mut i = 0;
    while i < WORD_CHARS_OF.1 {
        let c = WORD_CHARS_OF.0[i] as usize;
        assert!(c < 1 << 16, "the words' characters lie in the BMP");
        bits[c >> 6] |= 1 << (c & 63);
        i += 1;
    }
    bits
};

/// True when `c` is a character of some word. After a character of no
/// word the automaton is at its root whatever came before (no word holds
/// it, so no word's beginning ends with it): a scan may start there afresh.
pub(super) fn in_words(c: char) -> bool {
    let c = u32::from(c) as usize;
    WORD_CHAR_BITS
        .get(c >> 6)
        .is_some_and(|bits| bits >> (c & 63) & 1 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape() {
        let m = &*MACHINE;
        assert!(!m.is_end(m.start()), "no empty word");
        for (i, w) in WORDS.iter().enumerate() {
            let mut s = m.start();
            for b in w.bytes() {
                s = m.step(s, b);
                // the special states are the match states
                assert_eq!(m.is_end(s), m.dfa.is_match(s), "{w}");
            }
            assert!(m.is_end(s) && m.ends(s) & (1 << i) != 0, "{w}");
        }
        let mut chars: Vec<u32> = WORDS
            .iter()
            .flat_map(|w| w.chars())
            .map(u32::from)
            .collect();
        chars.sort_unstable();
        chars.dedup();
        assert_eq!(chars, WORD_CHARS);
        assert!(in_words('申') && in_words('。') && in_words(';') && !in_words('的'));
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(in_words(c), WORD_CHARS.binary_search(&u32::from(c)).is_ok());
        }
    }
}
