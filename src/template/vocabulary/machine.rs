//! The vocabulary's automaton: an Aho–Corasick DFA over characters, not
//! bytes.
//!
//! Every word of the vocabulary is a few characters of the CJK block (with
//! `%`, `％` and `/`), about 160 distinct characters in all. The machine
//! reads one character per step: a character is turned into its symbol (its
//! place among those characters, 0 for any other) by one table lookup, and
//! the state moves by one lookup in a dense table of states × symbols. Only
//! the trie and its failure links are built at first (a few thousand
//! steps, where a byte DFA of the same words took 6.6 M instructions): a
//! transition is worked out from the failure links the first time it is
//! taken, and kept in the table (it is the same whoever works it out, so
//! threads share the table through relaxed atomics). A scan takes one step
//! per character instead of three.
//!
//! A match of a word (valid UTF-8) in a text starts and ends on character
//! boundaries, so the matches of this machine are exactly those of a byte
//! automaton of the same words (the unit test compares them with
//! `aho-corasick`'s overlapping search).

use std::sync::atomic::{AtomicU16, Ordering::Relaxed};

/// The first and the last character of the table of ideographs.
const CJK: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// The Chinese numerals of list markers (`crate::text::lexical::cn_digit`).
const NUMERALS: &str = "〇零一二三四五六七八九十";

/// The number of [`NUMERALS`].
const NUMERAL_COUNT: u8 = 12;

/// The bit of a transition into a state where words end.
const MATCH: u16 = 0x8000;

/// A transition not worked out yet (it has the [`MATCH`] bit).
const UNKNOWN: u16 = u16::MAX;

/// An Aho–Corasick DFA over the characters of a set of words (at most 128
/// words, at most 255 distinct characters).
pub(super) struct Machine {
    /// The symbol of each ASCII character.
    ascii: [u8; 128],
    /// The symbol of each ideograph of [`CJK`].
    cjk: Box<[u8]>,
    /// The symbols of the other characters of the words (code points),
    /// sorted.
    others: Vec<(u32, u8)>,
    /// Symbols per state (the number of distinct characters, plus 1).
    width: usize,
    /// The next state of (state, symbol), at `state * width + symbol`, with
    /// [`MATCH`] set when words end in it; [`UNKNOWN`] until it is first
    /// taken (the trie's own transitions and the root's are known).
    next: Vec<AtomicU16>,
    /// The failure state of each state.
    fail: Vec<u16>,
    /// The words that end in each state (its suffixes' words included), one
    /// bit per word.
    out: Vec<u128>,
    /// The length of each word in bytes.
    lens: Vec<usize>,
}

impl Machine {
    /// The machine of `words` (standard, overlapping matches).
    pub(super) fn new(words: &[&str]) -> Machine {
        assert!(words.len() <= 128, "one bit per word");
        let mut m = Machine {
            ascii: [0; 128],
            cjk: vec![0; (CJK.end() - CJK.start() + 1) as usize].into_boxed_slice(),
            others: Vec::new(),
            width: 1,
            next: Vec::new(),
            fail: Vec::new(),
            out: Vec::new(),
            lens: words.iter().map(|w| w.len()).collect(),
        };
        // the numerals first, words or not: their symbols are 1 to 12
        // (see [`Sym::is_numeral`])
        for c in NUMERALS.chars().chain(words.iter().flat_map(|w| w.chars())) {
            if m.symbol(c as u32) == 0 {
                let sym = u8::try_from(m.width).expect("at most 255 characters");
                m.width += 1;
                match c as u32 {
                    a @ 0..0x80 => m.ascii[a as usize] = sym,
                    cp if CJK.contains(&cp) => m.cjk[(cp - CJK.start()) as usize] = sym,
                    _ => {
                        m.others.push((c as u32, sym));
                        m.others.sort_unstable();
                    }
                }
            }
        }
        assert_eq!(NUMERALS.chars().count(), usize::from(NUMERAL_COUNT));
        let edges = m.trie(words);
        m.links(&edges);
        m
    }

    /// The symbol of the character of code point `cp`.
    #[inline(always)]
    pub(super) fn sym(&self, cp: u32) -> Sym {
        Sym(self.symbol(cp))
    }

    /// The symbol of the character of code point `cp` (0 for a character
    /// of no word).
    #[inline(always)]
    fn symbol(&self, cp: u32) -> u8 {
        match cp {
            0..0x80 => self.ascii[cp as usize],
            _ if CJK.contains(&cp) => self.cjk[(cp - CJK.start()) as usize],
            _ => self.other(cp),
        }
    }

    /// The symbol of a character outside ASCII and [`CJK`].
    #[cold]
    fn other(&self, cp: u32) -> u8 {
        self.others
            .binary_search_by_key(&cp, |&(o, _)| o)
            .map_or(0, |k| self.others[k].1)
    }

    /// The state where the machine starts.
    pub(super) const START: State = State(0);

    /// The state after reading the character of code point `cp` in state
    /// `s`; `f(word)` is called for every word that ends with it.
    #[inline]
    pub(super) fn step(&self, s: State, cp: u32, f: impl FnMut(usize)) -> State {
        self.advance(s, self.sym(cp), f)
    }

    /// [`Machine::step`] with the character's symbol.
    #[inline(always)]
    pub(super) fn advance(&self, s: State, sym: Sym, mut f: impl FnMut(usize)) -> State {
        let (st, a) = (usize::from(s.0), usize::from(sym.0));
        let mut e = self.next[st * self.width + a].load(Relaxed);
        // (an unknown transition has the match bit too: one test on the
        // way of most steps)
        if e & MATCH != 0 {
            if e == UNKNOWN {
                e = self.fill(st, a);
                if e & MATCH == 0 {
                    return State(e);
                }
            }
            let mut m = self.out[usize::from(e & !MATCH)];
            while m != 0 {
                f(m.trailing_zeros() as usize);
                m &= m - 1;
            }
        }
        State(e & !MATCH)
    }

    /// The length of word `k` in bytes.
    #[inline]
    pub(super) fn len(&self, k: usize) -> usize {
        self.lens[k]
    }

    /// The trie of the words: state 0 is the root; the root's row is whole
    /// (0 where no word starts), the others hold their children only.
    /// Returns the trie's transitions: (state, symbol, child), in the order
    /// the children were made.
    fn trie(&mut self, words: &[&str]) -> Vec<(usize, usize, usize)> {
        let w = self.width;
        let mut edges = Vec::new();
        let mut next: Vec<u16> = vec![0; w];
        self.out = vec![0];
        for (k, word) in words.iter().enumerate() {
            let mut s = 0;
            for c in word.chars() {
                let at = s * w + usize::from(self.symbol(c as u32));
                s = match next[at] {
                    0 | UNKNOWN => {
                        let n = self.out.len();
                        next[at] = u16::try_from(n)
                            .ok()
                            .filter(|&n| n < MATCH)
                            .expect("a few hundred states");
                        next.resize(next.len() + w, UNKNOWN);
                        self.out.push(0);
                        edges.push((s, at - s * w, n));
                        n
                    }
                    n => usize::from(n),
                };
            }
            self.out[s] |= 1 << k;
        }
        self.next = next.into_iter().map(AtomicU16::new).collect();
        edges
    }

    /// The failure links (breadth first, over the trie's transitions only)
    /// and each state's words with those of its failure state; then the
    /// trie's transitions into a state where words end say so.
    fn links(&mut self, edges: &[(usize, usize, usize)]) {
        let w = self.width;
        let n = self.out.len();
        self.fail = vec![0; n];
        // breadth first: a failure state is shallower than its state, so
        // its own link is made first (a parent is made before its child:
        // the depths are known in the order the edges were made)
        let mut depth = vec![0u16; n];
        for &(s, _, c) in edges {
            depth[c] = depth[s] + 1;
        }
        let mut order: Vec<&(usize, usize, usize)> = edges.iter().collect();
        order.sort_by_key(|&&(_, _, c)| depth[c]);
        for &&(s, a, c) in &order {
            let f = if s == 0 {
                0
            } else {
                self.goto(usize::from(self.fail[s]), a)
            };
            self.fail[c] = u16::try_from(f).expect("a few hundred states");
            self.out[c] |= self.out[f];
        }
        for &(s, a, c) in edges {
            if self.out[c] != 0 {
                let c = u16::try_from(c).expect("a few hundred states");
                self.next[s * w + a].store(c | MATCH, Relaxed);
            }
        }
    }

    /// The state of the trie's transitions and failure links only from `s`
    /// on symbol `a` (while the links are being made: nothing is stored).
    fn goto(&self, mut s: usize, a: usize) -> usize {
        loop {
            let e = self.next[s * self.width + a].load(Relaxed);
            if e != UNKNOWN && (e != 0 || s == 0) {
                return usize::from(e & !MATCH);
            }
            s = usize::from(self.fail[s]);
        }
    }

    /// Works out the transition of (`s`, `a`) the first time it is taken:
    /// that of the failure state (worked out in turn), kept in the table.
    #[cold]
    #[inline(never)]
    fn fill(&self, s: usize, a: usize) -> u16 {
        let f = usize::from(self.fail[s]);
        let mut e = self.next[f * self.width + a].load(Relaxed);
        if e == UNKNOWN {
            e = self.fill(f, a);
        }
        self.next[s * self.width + a].store(e, Relaxed);
        e
    }

    /// Calls `f(start, end, word)` for every occurrence of every word in `s`
    /// (overlapping), in order of their ends, one step per character.
    #[inline]
    pub(super) fn each_match(&self, s: &str, mut f: impl FnMut(usize, usize, usize)) {
        let b = s.as_bytes();
        let mut state = Self::START;
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            let cp = if x < 0x80 {
                i += 1;
                u32::from(x)
            } else if (0xE0..0xF0).contains(&x) && i + 2 < b.len() {
                // a three-byte sequence (the ideographs)
                let cp = (u32::from(x & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F);
                i += 3;
                cp
            } else {
                let c = s[i..].chars().next().unwrap_or('\0');
                i += c.len_utf8();
                u32::from(c)
            };
            state = self.step(state, cp, |k| f(i - self.lens[k], i, k));
        }
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
        Scan {
            m,
            s: Machine::START,
        }
    }

    /// The symbol of the character of code point `cp` (for
    /// [`Scan::advance`]); it also says whether it is a Chinese numeral.
    #[inline(always)]
    pub(crate) fn sym(&self, cp: u32) -> Sym {
        self.m.sym(cp)
    }

    /// Reads the character of code point `cp` (whose symbol is `sym`: see
    /// [`Scan::sym`]) at byte `pos` of the text; the words that end with it
    /// are appended to `out` (start, end, word).
    #[inline(always)]
    pub(crate) fn advance(
        &mut self,
        pos: usize,
        cp: u32,
        sym: Sym,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        let m = self.m;
        let end = pos
            + match cp {
                0..0x80 => 1,
                0x80..0x800 => 2,
                0x800..0x10000 => 3,
                _ => 4,
            };
        self.s = m.advance(self.s, sym, |w| out.push((end - m.len(w), end, w)));
    }
}

/// The symbol of a character in a [`Machine`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sym(u8);

impl Sym {
    /// True for a Chinese numeral of list markers (`一` … `十`, `〇`, `零`).
    #[inline(always)]
    pub(crate) fn is_numeral(self) -> bool {
        self.0.wrapping_sub(1) < NUMERAL_COUNT
    }
}

/// A state of a [`Machine`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State(u16);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_are_the_markers_numerals() {
        let m = Machine::new(&["一稳定", "小计", "%"]);
        for c in ('\0'..='\u{FFFF}').chain(['𝄞']) {
            assert_eq!(
                m.sym(u32::from(c)).is_numeral(),
                crate::text::lexical::cn_digit(c).is_some(),
                "{c:?}"
            );
        }
    }
}
