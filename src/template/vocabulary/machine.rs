//! The vocabulary's automaton: `aho-corasick`'s DFA of the words (standard,
//! overlapping semantics), stepped through its [`Automaton`] interface one
//! byte at a time in one tight loop over a normalised text (every
//! occurrence of every word, in order of their ends). Built once per
//! process.

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
        let mut i = 0;
        while i < bytes.len() {
            // the steps up to the next state where words end: a loop with
            // no call and no store, so the tables stay in registers (an
            // unanchored standard DFA has no dead state: its special states
            // are the matches and the start)
            let mut matched = false;
            while let Some(&b) = bytes.get(i) {
                sid = dfa.next_state(Anchored::No, sid, b);
                i += 1;
                if dfa.is_special(sid) && dfa.is_match(sid) {
                    matched = true;
                    break;
                }
            }
            if matched {
                for k in 0..dfa.match_len(sid) {
                    f(dfa.match_pattern(sid, k).as_usize(), i);
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

/// A state of a [`Machine`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State(StateID);
