//! The vocabulary's automaton: an Aho–Corasick DFA over characters, not
//! bytes.
//!
//! Every word of the vocabulary is a few characters of the CJK block (with
//! `%`, `％` and `/`), about 160 distinct characters in all. The machine
//! reads one character per step: a character is turned into its symbol (its
//! place among those characters, 0 for any other) by one table lookup, and
//! the state moves by one lookup in a dense table of states × symbols. That
//! table has a few hundred states of some 160 symbols, so it is built in a
//! fraction of the time a byte DFA of the same words takes (whose states are
//! three times as many, over byte classes), and a scan takes one step per
//! character instead of three.
//!
//! A match of a word (valid UTF-8) in a text starts and ends on character
//! boundaries, so the matches of this machine are exactly those of a byte
//! automaton of the same words (the unit test compares them with
//! `aho-corasick`'s overlapping search).

/// The first and the last character of the table of ideographs.
const CJK: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// The Chinese numerals of list markers (`crate::text::lexical::cn_digit`).
const NUMERALS: &str = "〇零一二三四五六七八九十";

/// The number of [`NUMERALS`].
const NUMERAL_COUNT: u8 = 12;

/// The bit of a transition into a state where words end.
const MATCH: u16 = 0x8000;

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
    /// [`MATCH`] set when words end in it.
    next: Vec<u16>,
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
        m.trie(words);
        m.links();
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
        let e = self.next[usize::from(s.0) * self.width + usize::from(sym.0)];
        let s = e & !MATCH;
        if e & MATCH != 0 {
            let mut m = self.out[usize::from(s)];
            while m != 0 {
                f(m.trailing_zeros() as usize);
                m &= m - 1;
            }
        }
        State(s)
    }

    /// The length of word `k` in bytes.
    #[inline]
    pub(super) fn len(&self, k: usize) -> usize {
        self.lens[k]
    }

    /// The trie of the words: state 0 is the root, a transition of 0 is
    /// none yet (no state goes back to the root in the trie).
    fn trie(&mut self, words: &[&str]) {
        let w = self.width;
        self.next = vec![0; w];
        self.out = vec![0];
        for (k, word) in words.iter().enumerate() {
            let mut s = 0;
            for c in word.chars() {
                let at = s * w + usize::from(self.symbol(c as u32));
                s = match self.next[at] {
                    0 => {
                        let n = self.out.len();
                        self.next[at] = u16::try_from(n)
                            .ok()
                            .filter(|&n| n < MATCH)
                            .expect("a few hundred states");
                        self.next.resize(self.next.len() + w, 0);
                        self.out.push(0);
                        n
                    }
                    n => usize::from(n),
                };
            }
            self.out[s] |= 1 << k;
        }
    }

    /// The failure links, folded into the table (breadth first: a state's
    /// failure state is shallower, so its row is complete when it is read),
    /// and each state's words with those of its failure state.
    fn links(&mut self) {
        let w = self.width;
        let mut fail = vec![0usize; self.out.len()];
        let mut queue = std::collections::VecDeque::with_capacity(self.out.len());
        // the root's children: their words are their own
        for e in &mut self.next[..w] {
            if *e != 0 {
                queue.push_back(usize::from(*e));
                if self.out[usize::from(*e)] != 0 {
                    *e |= MATCH;
                }
            }
        }
        while let Some(s) = queue.pop_front() {
            let f = fail[s];
            for a in 0..w {
                // (the rows of states not yet reached hold their children
                // only, without the flag)
                let c = usize::from(self.next[s * w + a]);
                if c != 0 {
                    fail[c] = usize::from(self.next[f * w + a] & !MATCH);
                    self.out[c] |= self.out[fail[c]];
                    if self.out[c] != 0 {
                        self.next[s * w + a] |= MATCH;
                    }
                    queue.push_back(c);
                } else {
                    // (the flag comes along)
                    self.next[s * w + a] = self.next[f * w + a];
                }
            }
        }
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
