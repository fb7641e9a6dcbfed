//! The source of the tables of the vocabulary's automaton (`super::machine`),
//! written by the build script (`build.rs`, which includes this file) to
//! `OUT_DIR/vocabulary_tables.rs` from `aho-corasick`'s DFA of the words:
//! nothing of the automaton is built when the library runs. The library's
//! tests include it too, to check that the tables built are the ones this
//! writes, the same bytes each time.
//!
//! The words are written as symbols, one a character: the characters of
//! the words in code point order are symbols 1, 2, … ([`chars_of`]), every
//! other character 0. The crate builds its DFA over the words so written
//! (standard semantics: a state lists every word that ends where it is
//! reached, its suffixes' words included); [`source`] reads it through the
//! crate's `Automaton` interface — every state reachable from the
//! unanchored start × every symbol by `next_state`, the words ending at each
//! state by `match_pattern` — and writes it out renumbered: breadth first
//! from the start (state 0), the states where no word ends before those
//! where some do (one comparison tells a word end), each state the index of
//! its row (premultiplied: the next state is at `state + symbol`).

use std::fmt::Write;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// The characters of `words` in code point order, once each: the symbol of
/// the `k`-th is `k + 1`.
pub(crate) fn chars_of(words: &[&str]) -> Vec<char> {
    let mut chars: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    assert!(chars.len() < 256, "one byte per character of the words");
    chars
}

/// The crate's DFA of `words`, each written as the symbols of its
/// characters (`chars` from [`chars_of`]).
fn dfa_of(words: &[&str], chars: &[char]) -> DFA {
    let symbol = |c: char| chars.binary_search(&c).map_or(0, |k| k as u8 + 1);
    let written: Vec<Vec<u8>> = words
        .iter()
        .map(|w| w.chars().map(symbol).collect())
        .collect();
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .build(&written)
        .expect("the vocabulary is a small fixed set of words")
}

/// The states of a DFA as they are written out: those where no word ends,
/// then those where some do, each group breadth first from the start.
struct States {
    /// The crate's states, in their new order.
    ids: Vec<StateID>,
    /// The number of states where no word ends (the first of `ids`).
    quiet: usize,
    /// The new number of each of the crate's states (by `as_usize`).
    number: Vec<usize>,
}

impl States {
    /// The states of `dfa` reachable from its unanchored start by symbols
    /// `0..width`.
    fn of(dfa: &DFA, width: usize) -> States {
        let start = dfa
            .start_state(Anchored::No)
            .expect("an unanchored search is supported");
        assert!(!dfa.is_match(start), "no empty word");
        let mut seen = vec![false; start.as_usize() + 1];
        seen[start.as_usize()] = true;
        let mut order = vec![start];
        let mut i = 0;
        while let Some(&s) = order.get(i) {
            i += 1;
            for sym in 0..width {
                let t = dfa.next_state(Anchored::No, s, sym as u8);
                if seen.len() <= t.as_usize() {
                    seen.resize(t.as_usize() + 1, false);
                }
                if !std::mem::replace(&mut seen[t.as_usize()], true) {
                    order.push(t);
                }
            }
        }
        let (mut ids, loud): (Vec<StateID>, Vec<StateID>) =
            order.into_iter().partition(|&s| !dfa.is_match(s));
        let quiet = ids.len();
        ids.extend(loud);
        let mut number = vec![usize::MAX; seen.len()];
        for (k, s) in ids.iter().enumerate() {
            number[s.as_usize()] = k;
        }
        States { ids, quiet, number }
    }
}

/// The Rust source of the tables of the automaton of `words` (see the
/// module's documentation): `CHARS`, `State`, `WIDTH`, `LOUD`, `NEXT`,
/// `ENDS`, `END_WORDS`. The same words give the same bytes.
pub(crate) fn source(words: &[&str]) -> String {
    let chars = chars_of(words);
    let dfa = dfa_of(words, &chars);
    let width = chars.len() + 1;
    let states = States::of(&dfa, width);
    let premultiplied = states.ids.len() * width;
    let state = if premultiplied <= 1 << 16 {
        "u16"
    } else {
        "u32"
    };
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "// The tables of the template vocabulary's automaton, written by build.rs\n\
         // (src/template/vocabulary/generate.rs) from aho-corasick's DFA of the\n\
         // words of src/template/vocabulary/words.rs. Do not edit.\n"
    );
    let _ = writeln!(
        w,
        "/// The characters of the words, in code point order: the symbol of\n\
         /// `CHARS[k]` is `k + 1` (0: every other character).\n\
         pub(super) const CHARS: [char; {}] = [",
        chars.len()
    );
    for line in chars.chunks(8) {
        let items: Vec<String> = line
            .iter()
            .map(|c| format!("'\\u{{{:x}}}'", u32::from(*c)))
            .collect();
        let _ = writeln!(w, "    {},", items.join(", "));
    }
    let _ = writeln!(
        w,
        "];\n\n\
         /// A state of the automaton: the index of its row in [`NEXT`].\n\
         pub(super) type State = {state};\n\n\
         /// The width of a row of [`NEXT`]: the number of symbols.\n\
         pub(super) const WIDTH: usize = {width};\n\n\
         /// The first state where words end: a state ends words if it is at\n\
         /// least this (the start is 0).\n\
         pub(super) const LOUD: State = {};\n",
        states.quiet * width
    );
    write_next(w, &dfa, &states, width);
    write_ends(w, &dfa, &states);
    out
}

/// Writes `NEXT`: the row of each state, the next state for each symbol.
fn write_next(w: &mut String, dfa: &DFA, states: &States, width: usize) {
    let _ = writeln!(
        w,
        "/// The next state, at `state + symbol` ({} states of {width}).\n\
         pub(super) static NEXT: [State; {}] = [",
        states.ids.len(),
        states.ids.len() * width
    );
    for &s in &states.ids {
        let row: Vec<String> = (0..width)
            .map(|sym| {
                let t = dfa.next_state(Anchored::No, s, sym as u8);
                (states.number[t.as_usize()] * width).to_string()
            })
            .collect();
        let _ = writeln!(w, "    {},", row.join(","));
    }
    let _ = writeln!(w, "];\n");
}

/// Writes `ENDS` and `END_WORDS`: the words ending at each state where
/// some do, in the crate's order.
fn write_ends(w: &mut String, dfa: &DFA, states: &States) {
    let mut ends = Vec::new();
    let mut words = Vec::new();
    for &s in &states.ids[states.quiet..] {
        let from = words.len();
        words.extend((0..dfa.match_len(s)).map(|k| dfa.match_pattern(s, k).as_usize()));
        ends.push(format!("({from}, {})", words.len()));
    }
    assert!(words.iter().all(|&k| k < 256), "one byte per word");
    let _ = writeln!(
        w,
        "/// The words ending at each state where some do, at\n\
         /// `(state - LOUD) / WIDTH`: a range of [`END_WORDS`].\n\
         pub(super) static ENDS: [(u16, u16); {}] = [",
        ends.len()
    );
    for line in ends.chunks(8) {
        let _ = writeln!(w, "    {},", line.join(", "));
    }
    let words: Vec<String> = words.iter().map(usize::to_string).collect();
    let _ = writeln!(
        w,
        "];\n\n\
         /// The words of [`ENDS`]' ranges (their indices in the list of words).\n\
         pub(super) static END_WORDS: [u8; {}] = [",
        words.len()
    );
    for line in words.chunks(16) {
        let _ = writeln!(w, "    {},", line.join(", "));
    }
    let _ = writeln!(w, "];");
}
