//! The vocabulary's automaton: `aho-corasick`'s DFA of the words (standard,
//! overlapping semantics), stepped through its [`Automaton`] interface one
//! byte at a time, so that the mapper can feed it the characters of a label
//! as it normalises them ([`Scan`], see
//! [`crate::text::lexical::Norm::push_each`]) instead of scanning the
//! normalised text again. Built once per process.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// The vocabulary's DFA (standard semantics: a state lists every word that
/// ends where it is reached, its suffixes' words included).
pub(super) struct Machine {
    dfa: DFA,
    start: StateID,
}

impl Machine {
    /// The machine of `words`.
    pub(super) fn new(words: &[&str]) -> Machine {
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("the vocabulary is a small fixed set of words");
        let start = dfa
            .start_state(Anchored::No)
            .expect("an unanchored search is supported");
        Machine { dfa, start }
    }

    /// The state where the machine starts.
    pub(super) fn start(&self) -> State {
        State(self.start)
    }

    /// The state after the bytes `bytes` from `s`; `f(word, end)` is called
    /// for every word that ends in them (`end`: the byte after its last,
    /// counted from the start of `bytes`).
    #[inline(always)]
    fn feed(&self, s: State, bytes: &[u8], mut f: impl FnMut(usize, usize)) -> State {
        let dfa = &self.dfa;
        let mut sid = s.0;
        for (i, &b) in bytes.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            // (an unanchored standard DFA has no dead state: only matches
            // are special here)
            if dfa.is_special(sid) && dfa.is_match(sid) {
                for k in 0..dfa.match_len(sid) {
                    f(dfa.match_pattern(sid, k).as_usize(), i + 1);
                }
            }
        }
        State(sid)
    }

    /// The length of word `k` in bytes.
    #[inline]
    pub(super) fn len(&self, k: usize) -> usize {
        self.dfa
            .pattern_len(aho_corasick::PatternID::new_unchecked(k))
    }

    /// Calls `f(start, end, word)` for every occurrence of every word in `s`
    /// (overlapping), in order of their ends.
    #[inline]
    pub(super) fn each_match(&self, s: &str, mut f: impl FnMut(usize, usize, usize)) {
        self.feed(self.start(), s.as_bytes(), |k, end| {
            f(end - self.len(k), end, k);
        });
    }
}

/// A scan of the vocabulary fed one character at a time, as a text is
/// made (see [`crate::text::lexical::Norm::push_each`]): what
/// [`super::matches_into`] finds in the text, without a second pass over
/// it.
#[derive(Clone, Copy)]
pub(crate) struct Scan {
    m: &'static Machine,
    s: State,
}

impl Scan {
    /// A scan of `m`'s words, from its start.
    pub(super) fn new(m: &'static Machine) -> Scan {
        Scan { m, s: m.start() }
    }

    /// What the mapper's marker scan asks of the character of code point
    /// `cp` (for [`Scan::advance`]): whether it is a Chinese numeral.
    #[inline(always)]
    pub(crate) fn sym(&self, cp: u32) -> Sym {
        Sym(char::from_u32(cp).is_some_and(|c| crate::text::lexical::cn_digit(c).is_some()))
    }

    /// Reads the character of code point `cp` at byte `pos` of the text;
    /// the words that end with it are appended to `out` (start, end, word).
    #[inline(always)]
    pub(crate) fn advance(
        &mut self,
        pos: usize,
        cp: u32,
        _sym: Sym,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        let m = self.m;
        let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        self.s = m.feed(self.s, bytes, |w, end| {
            let end = pos + end;
            out.push((end - m.len(w), end, w));
        });
    }
}

/// What [`Scan::sym`] says of a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sym(bool);

impl Sym {
    /// True for a Chinese numeral of list markers (`一` … `十`, `〇`, `零`).
    #[inline(always)]
    pub(crate) fn is_numeral(self) -> bool {
        self.0
    }
}

/// A state of a [`Machine`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State(StateID);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_are_the_markers_numerals() {
        let m: &'static Machine = Box::leak(Box::new(Machine::new(&["一稳定", "小计", "%"])));
        let scan = Scan::new(m);
        for c in ('\0'..='\u{FFFF}').chain(['𝄞']) {
            assert_eq!(
                scan.sym(u32::from(c)).is_numeral(),
                crate::text::lexical::cn_digit(c).is_some(),
                "{c:?}"
            );
        }
    }
}
