//! The automaton of [`super::WORDS`], built by the compiler (`const fn`s):
//! nothing is built when a process starts, and the words stay in one list.
//!
//! An Aho–Corasick DFA over byte classes with the standard (overlapping)
//! semantics: each state knows every word ending where it is reached. The
//! bytes fall into [`CLASSES`] classes (one per byte of the words, class 0
//! for every other byte). The table [`Machine::next`] holds one row of [`CLASSES`]
//! entries per state, no wider; a state is stored premultiplied (the index
//! of its row), so a step is `next[state + class[byte]]`. The states where
//! no word ends come first, from 0 (the root); those where one does start
//! at [`END`], a power of two, so one bit test of a state (or of several
//! states or'ed together) says whether a word ends there.
//!
//! Why not `aho-corasick`'s DFA (which the template vocabulary uses): the
//! crate's DFA, stepped through its `Automaton` interface in the same four
//! lanes, was measured at about 1.8 instructions a byte more for the audit
//! (a bounds check and a comparison per step) and about 2.5 M instructions
//! of set-up per process (~27 instructions a byte more on a first round of
//! the corpus), for the same CPU time (docs/performance.md, `sp-audit2`).
//! The tests compare every occurrence this machine finds with the crate's
//! own overlapping search, on the whole corpus and on random texts
//! (`super::tests`).

use super::WORDS;

/// The class of each byte (0: a byte of no word), and the number of classes.
const CLASSES_OF: ([u8; 256], usize) = {
    let mut class = [0u8; 256];
    let mut next = 1usize;
    let mut w = 0;
    while w < WORDS.len() {
        let bytes = WORDS[w].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if class[bytes[i] as usize] == 0 {
                assert!(next < 256, "fewer than 256 byte classes");
                class[bytes[i] as usize] = next as u8;
                next += 1;
            }
            i += 1;
        }
        w += 1;
    }
    (class, next)
};

/// The class of each byte (0: a byte of no word).
const CLASS: [u8; 256] = CLASSES_OF.0;
/// The number of byte classes, the width of a row of [`Machine::next`].
pub(super) const CLASSES: usize = CLASSES_OF.1;

/// At most this many trie nodes: the root and one per byte of the words.
const MAX_NODES: usize = {
    let mut n = 1;
    let mut w = 0;
    while w < WORDS.len() {
        n += WORDS[w].len();
        w += 1;
    }
    n
};

/// No trie edge.
const NONE: u16 = u16::MAX;

/// The trie of the words: its edges, the words ending at each node, and
/// the number of nodes.
struct Trie {
    goto: [[u16; CLASSES]; MAX_NODES],
    ends: [u64; MAX_NODES],
    len: usize,
}

const TRIE: Trie = {
    let mut t = Trie {
        goto: [[NONE; CLASSES]; MAX_NODES],
        ends: [0; MAX_NODES],
        len: 1,
    };
    let mut w = 0;
    while w < WORDS.len() {
        let bytes = WORDS[w].as_bytes();
        let (mut s, mut i) = (0, 0);
        while i < bytes.len() {
            let a = CLASSES_OF.0[bytes[i] as usize] as usize;
            if t.goto[s][a] == NONE {
                t.goto[s][a] = t.len as u16;
                t.len += 1;
            }
            s = t.goto[s][a] as usize;
            i += 1;
        }
        t.ends[s] |= 1 << w;
        w += 1;
    }
    t
};

/// The number of states (the trie's nodes).
const STATES: usize = TRIE.len;
const _: () = assert!(CLASSES <= 128 && STATES <= 512, "a small automaton");

/// The full transition table (by state number and class) and the words
/// ending at each state: the trie's edges, and where it has none the
/// failure link's transition, breadth first.
struct Dfa {
    delta: [[u16; CLASSES]; STATES],
    ends: [u64; STATES],
}

const DFA: Dfa = {
    let t = TRIE;
    let mut d = Dfa {
        delta: [[0; CLASSES]; STATES],
        ends: [0; STATES],
    };
    let mut fail = [0u16; STATES];
    let mut queue = [0u16; STATES];
    let (mut head, mut tail) = (0, 0);
    let mut a = 0;
    while a < CLASSES {
        let to = t.goto[0][a];
        if to != NONE {
            d.delta[0][a] = to;
            queue[tail] = to;
            tail += 1;
        }
        a += 1;
    }
    while head < tail {
        let s = queue[head] as usize;
        head += 1;
        let f = fail[s] as usize;
        // the failure state is shallower: done before `s`
        d.ends[s] = t.ends[s] | d.ends[f];
        let mut a = 0;
        while a < CLASSES {
            let to = t.goto[s][a];
            let via_fail = d.delta[f][a];
            if to == NONE {
                d.delta[s][a] = via_fail;
            } else {
                fail[to as usize] = via_fail;
                d.delta[s][a] = to;
                queue[tail] = to;
                tail += 1;
            }
            a += 1;
        }
    }
    d
};

/// The number of states where no word ends, and of those where one does.
const QUIET_LOUD: (usize, usize) = {
    let mut quiet = 0;
    let mut s = 0;
    while s < STATES {
        if DFA.ends[s] == 0 {
            quiet += 1;
        }
        s += 1;
    }
    (quiet, STATES - quiet)
};

/// The width of a row of [`Machine::next`]: a power of two at least [`CLASSES`], so
/// that a step is `next[state | class]`.
pub(super) const STRIDE: usize = CLASSES.next_power_of_two();

/// The index of the first state where a word ends: a power of two above
/// every state where none does, so that the states where one does (no more
/// of them than `END`) have this bit and the others do not.
const END_AT: usize = {
    let (quiet, loud) = QUIET_LOUD;
    let rows = if quiet > loud { quiet } else { loud };
    let at = (rows * STRIDE).next_power_of_two();
    assert!(at <= 1 << 15, "states fit a u16");
    at
};

/// The bit of a (premultiplied) state where a word ends.
pub(super) const END: State = END_AT as State;

/// The length of [`Machine::next`]: every `u16`, so that a step needs no bounds
/// check (the states and their rows take the first `END_AT + loud * STRIDE`).
const TABLE: usize = 1 << 16;

/// The premultiplied number of each state of [`DFA`].
const NUMBER: [u16; STATES] = {
    let mut number = [0u16; STATES];
    let (mut quiet, mut loud) = (0, END_AT);
    let mut s = 0;
    while s < STATES {
        if DFA.ends[s] == 0 {
            number[s] = quiet as u16;
            quiet += STRIDE;
        } else {
            number[s] = loud as u16;
            loud += STRIDE;
        }
        s += 1;
    }
    number
};

/// The next state, at `state | class` (states premultiplied by [`STRIDE`]):
/// [`Machine::next`].
const fn next_of() -> [u16; TABLE] {
    let mut next = [0u16; TABLE];
    let mut s = 0;
    while s < STATES {
        let row = NUMBER[s] as usize;
        let mut a = 0;
        while a < CLASSES {
            next[row + a] = NUMBER[DFA.delta[s][a] as usize];
            a += 1;
        }
        s += 1;
    }
    next
}

/// The words ending at each state where one does, at
/// `(state - END) / STRIDE`.
static ENDS: [u64; QUIET_LOUD.1] = {
    let mut ends = [0u64; QUIET_LOUD.1];
    let mut s = 0;
    while s < STATES {
        if DFA.ends[s] != 0 {
            ends[(NUMBER[s] as usize - END_AT) / STRIDE] = DFA.ends[s];
        }
        s += 1;
    }
    ends
};

/// The transition table and the byte classes in one static: one base
/// register addresses both in the lanes' loop (as two statics, the loop
/// ran out of registers and loaded the table's address again at each
/// step).
#[repr(C)]
struct Machine {
    /// The next state, at `state | class` ([`next_of`]).
    next: [u16; TABLE],
    /// The class of each byte ([`CLASS`]).
    class: [u8; 256],
}

static MACHINE: Machine = Machine {
    next: next_of(),
    class: CLASS,
};

/// A state as the scans hold it: a (premultiplied) state of [`Machine::next`],
/// widened from its `u16` when read (a `u16` held in a register was
/// widened again at each step: one instruction a byte more).
pub(super) type State = u32;

/// The state after byte `b` from `state` (a state read from [`Machine::next`], or
/// 0: below `1 << 16`, so that the index needs no bounds check).
#[inline(always)]
pub(super) fn step(state: State, b: u8) -> State {
    let m = &MACHINE;
    State::from(m.next[(state | State::from(m.class[usize::from(b)])) as usize])
}

/// The words ending at `state` (one with the bit [`END`]).
#[inline(always)]
pub(super) fn ends(state: State) -> u64 {
    ENDS[((state ^ END) as usize) / STRIDE]
}

/// The characters of the words (as code points), sorted.
const WORD_CHARS_OF: ([u32; MAX_NODES], usize) = {
    let mut chars = [0u32; MAX_NODES];
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
        assert_eq!(NUMBER[0], 0, "the root is state 0");
        for (i, w) in WORDS.iter().enumerate() {
            let mut s: State = 0;
            for b in w.bytes() {
                s = step(s, b);
            }
            assert!(s & END != 0 && ends(s) & (1 << i) != 0, "{w}");
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
    }

    #[test]
    fn a_stop_ends_alone() {
        // where a stop ends no other word does (`Pieces` reads a place
        // holding a stop as the end of a piece and nothing else)
        let stops = super::super::SENTENCE.or(super::super::CLAUSE).0;
        for &words in &ENDS {
            assert!(words & stops == 0 || words.count_ones() == 1, "{words:#x}");
        }
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(in_words(c), WORD_CHARS.binary_search(&u32::from(c)).is_ok());
        }
    }
}
