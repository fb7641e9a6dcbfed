//! The words the text rules look for (`narrative`, `statements`,
//! `meta`), found in one pass per paragraph.
//!
//! One Aho–Corasick automaton over every word and every stop that ends a
//! sentence or clause, built once per process, reports each occurrence of
//! each word (overlapping matches included) in a paragraph. A sentence or
//! clause of the paragraph then knows which words it contains from the
//! matches inside it ([`Hits::pieces`]), so the rules test a bit instead of
//! searching the text once per word, and skip the sentences where none of
//! their words occurs.
//!
//! The automaton steps by byte over the UTF-8 text, which is already a
//! `&str` (never decoded nor validated again): a word's bytes start and end
//! on character boundaries, so a byte-wise match is a match of the word. The
//! bytes fall into a few dozen classes (those of the words, and one for
//! every other byte); states are numbered so that the states where a word
//! ends come last, and each step is two table loads and a compare.

use std::collections::VecDeque;
use std::sync::LazyLock;

/// Every word, its index its bit in a [`Mask`] (at most 64).
const WORDS: [&str; 60] = [
    // 0: statements: the subject and the exclusions
    "申请",
    "信访",
    "投诉",
    "举报",
    "建议",
    "提案",
    "复议",
    "诉讼",
    "留言",
    "案件",
    // 10: carried over
    "上年结转",
    "上年度结转",
    "上一年度结转",
    "结转上年",
    "上年度遗留",
    // 15: carried forward
    "结转下年",
    "结转到",
    "结转至",
    "转入下年",
    "结转下一年",
    // 20: processed
    "办结",
    "答复",
    "办理完毕",
    "处理完毕",
    "办理完成",
    // 25: cases
    "公开",
    "行政复议",
    "行政诉讼",
    // 28: absolute claims
    "均已",
    "全部",
    "均",
    "办结率",
    "答复率",
    // 33: narrative: received
    "收到",
    "新收",
    "未受理",
    "信息",
    // 37: meta: the reporting period
    "本年度",
    "全年",
    "年内",
    "本年",
    // 41: meta: plans and other years
    "将",
    "计划",
    "拟",
    "明年",
    "下一年",
    "下年",
    "上年",
    "去年",
    // 49: narrative: negations
    "未收到",
    "没有收到",
    // 51: the stops sentences and clauses end at (see [`SENTENCE`], [`CLAUSE`])
    "。",
    "；",
    ";",
    "！",
    "？",
    "!",
    "?",
    "，",
    ",",
];

/// The stops that end a sentence (`。；;！？!?`).
pub(super) const SENTENCE: Mask = Mask::of(&["。", "；", ";", "！", "？", "!", "?"]);
/// The stops that end a clause (`。；;，,！？`).
pub(super) const CLAUSE: Mask = Mask::of(&["。", "；", ";", "，", ",", "！", "？"]);

/// A set of [`WORDS`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Mask(u64);

impl Mask {
    /// Every word (a set that holds whatever is asked).
    pub(super) const ALL: Mask = Mask(u64::MAX);

    /// The set of `words`; a word not in [`WORDS`] fails at compile time
    /// (call it in a `const`).
    pub(super) const fn of(words: &[&str]) -> Mask {
        let mut m = 0u64;
        let mut i = 0;
        while i < words.len() {
            m |= 1 << index(words[i]);
            i += 1;
        }
        Mask(m)
    }

    /// True when the set holds any word of `other`.
    pub(super) const fn any(self, other: Mask) -> bool {
        self.0 & other.0 != 0
    }

    /// The one-word set of each of `words`, in order.
    pub(super) const fn each<const N: usize>(words: [&str; N]) -> [Mask; N] {
        let mut out = [Mask(0); N];
        let mut i = 0;
        while i < N {
            out[i] = Mask(1 << index(words[i]));
            i += 1;
        }
        out
    }

    /// The union of two sets.
    pub(super) const fn or(self, other: Mask) -> Mask {
        Mask(self.0 | other.0)
    }

    /// True when the set holds `word` (a one-word mask).
    pub(super) const fn has(self, word: Mask) -> bool {
        self.any(word)
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn index(word: &str) -> u32 {
    let mut i = 0;
    while i < WORDS.len() {
        if same(WORDS[i], word) {
            return i as u32;
        }
        i += 1;
    }
    panic!("a word of the audit's vocabulary")
}

/// The automaton: a DFA over byte classes with the standard (overlapping)
/// semantics: each state knows every word ending where it is reached.
struct Machine {
    /// The class of each byte (0: a byte of no word).
    class: [u8; 256],
    /// The next state, at `state | class`; a state is stored premultiplied
    /// by [`STRIDE`] (its row in this table). Any `u16` is an index, so a
    /// step needs no bounds check.
    next: Box<[u16; 1 << 16]>,
    /// The words ending at each state (by state number, `state >> SHIFT`).
    ends: Vec<u64>,
}

/// log2 of [`STRIDE`].
const SHIFT: u32 = 7;
/// The number of the first state where a word ends: the states where none
/// does are numbered below it, those where one does from it on, so that a
/// (premultiplied) state ends a word when it has the bit [`END`].
const END_INDEX: usize = 256;
/// The bit of a premultiplied state where a word ends.
const END: u16 = (END_INDEX * STRIDE) as u16;
/// The row length of the transition table: a power of two at least the
/// number of byte classes.
const STRIDE: usize = 1 << SHIFT;

impl Machine {
    fn build() -> Machine {
        const NONE: u16 = u16::MAX;
        let mut class = [0u8; 256];
        let mut classes = 1;
        for b in WORDS.iter().flat_map(|w| w.bytes()) {
            let slot = &mut class[usize::from(b)];
            if *slot == 0 {
                *slot = u8::try_from(classes).expect("fewer than 256 bytes");
                classes += 1;
            }
        }
        assert!(classes <= STRIDE, "more byte classes than a row holds");
        // the trie
        let mut goto: Vec<Vec<u16>> = vec![vec![NONE; classes]];
        let mut ends = vec![0u64];
        for (i, w) in WORDS.iter().enumerate() {
            let mut s = 0;
            for b in w.bytes() {
                let a = usize::from(class[usize::from(b)]);
                if goto[s][a] == NONE {
                    goto.push(vec![NONE; classes]);
                    ends.push(0);
                    goto[s][a] = u16::try_from(goto.len() - 1).expect("a small trie");
                }
                s = usize::from(goto[s][a]);
            }
            ends[s] |= 1 << i;
        }
        // failure links, breadth first, folded into a full transition table
        let n = goto.len();
        let mut fail = vec![0usize; n];
        let mut delta = vec![0usize; n * classes];
        let mut queue = VecDeque::new();
        for a in 0..classes {
            let t = goto[0][a];
            if t != NONE {
                delta[a] = usize::from(t);
                queue.push_back(usize::from(t));
            }
        }
        while let Some(s) = queue.pop_front() {
            ends[s] |= ends[fail[s]];
            for a in 0..classes {
                let t = goto[s][a];
                let via_fail = delta[fail[s] * classes + a];
                if t == NONE {
                    delta[s * classes + a] = via_fail;
                } else {
                    fail[usize::from(t)] = via_fail;
                    delta[s * classes + a] = usize::from(t);
                    queue.push_back(usize::from(t));
                }
            }
        }
        let (next, ends) = Machine::renumber(&ends, &delta, classes);
        Machine { class, next, ends }
    }

    /// The final tables from the DFA `delta` (`classes` entries a state) and
    /// the words ending at each state: the root first, the states where no
    /// word ends, then from [`END_INDEX`] (a bit of the state) those where
    /// one does; each state premultiplied by [`STRIDE`].
    fn renumber(ends: &[u64], delta: &[usize], classes: usize) -> (Box<[u16; 1 << 16]>, Vec<u64>) {
        let n = ends.len();
        let mut number = vec![0usize; n];
        let (mut quiet, mut loud) = (0, END_INDEX);
        for (old, slot) in number.iter_mut().enumerate() {
            if ends[old] == 0 {
                *slot = quiet;
                quiet += 1;
            } else {
                *slot = loud;
                loud += 1;
            }
        }
        assert!(
            quiet <= END_INDEX && loud * STRIDE <= 1 << 16,
            "a small automaton"
        );
        let mut next: Box<[u16; 1 << 16]> = vec![0u16; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .expect("the length of the table");
        let mut new_ends = vec![0u64; loud];
        for old in 0..n {
            let row = number[old] * STRIDE;
            new_ends[number[old]] = ends[old];
            for a in 0..classes {
                let to = number[delta[old * classes + a]] * STRIDE;
                next[row + a] = u16::try_from(to).expect("a small automaton");
            }
        }
        (next, new_ends)
    }

    /// The state after `b` from `state`.
    #[inline(always)]
    fn step(&self, state: u16, b: u8) -> u16 {
        self.next[usize::from(state | u16::from(self.class[usize::from(b)]))]
    }
}

/// The byte length of each word.
const LENS: [u8; WORDS.len()] = {
    let mut out = [0u8; WORDS.len()];
    let mut i = 0;
    while i < WORDS.len() {
        out[i] = WORDS[i].len() as u8;
        i += 1;
    }
    out
};

static AUTOMATON: LazyLock<Machine> = LazyLock::new(Machine::build);

/// The occurrences of the words in one text, in order of their end.
#[derive(Debug, Default)]
pub(super) struct Hits {
    /// (start, end, word index).
    hits: Vec<(u32, u32, u8)>,
    /// Every word found anywhere in the text.
    all: Mask,
}

impl Hits {
    /// Finds the words of `text` (replacing those of the previous text).
    pub(super) fn scan(&mut self, text: &str) {
        self.hits.clear();
        if self.hits.capacity() == 0 {
            self.hits.reserve(256);
        }
        let m: &Machine = &AUTOMATON;
        let bytes = text.as_bytes();
        let mut state = 0u16;
        let mut all = 0u64;
        // four bytes a step: one test of the four states (most hold no end)
        let mut chunks = bytes.chunks_exact(4);
        let mut at = 0;
        for c in &mut chunks {
            let s0 = m.step(state, c[0]);
            let s1 = m.step(s0, c[1]);
            let s2 = m.step(s1, c[2]);
            let s3 = m.step(s2, c[3]);
            state = s3;
            if (s0 | s1 | s2 | s3) & END != 0 {
                for (k, s) in [s0, s1, s2, s3].into_iter().enumerate() {
                    if s & END != 0 {
                        all |= self.push_ends(m, s, at + k + 1);
                    }
                }
            }
            at += 4;
        }
        for &b in chunks.remainder() {
            state = m.step(state, b);
            at += 1;
            if state & END != 0 {
                all |= self.push_ends(m, state, at);
            }
        }
        self.all = Mask(all);
    }

    /// Records the words that end at byte `end` (reached in `state`, where
    /// some word ends) and returns their set.
    fn push_ends(&mut self, m: &Machine, state: u16, end: usize) -> u64 {
        let ends = m.ends[usize::from(state >> SHIFT)];
        let mut bits = ends;
        while bits != 0 {
            let w = bits.trailing_zeros();
            bits &= bits - 1;
            let start = end - usize::from(LENS[w as usize]);
            // spans are u32: no paragraph of a model is longer
            self.hits.push((start as u32, end as u32, w as u8));
        }
        ends
    }

    /// Every word found in the text.
    pub(super) fn all(&self) -> Mask {
        self.all
    }

    /// The pieces of the text cut after each stop of `stops` (as
    /// `str::split_inclusive` cuts them: a last piece without a stop when
    /// the text does not end with one, no empty piece), each with its
    /// byte range and the words wholly inside it. Words hold no stop, so
    /// each word lies in one piece.
    pub(super) fn pieces(&self, stops: Mask, len: usize) -> Pieces<'_> {
        Pieces {
            hits: &self.hits,
            next: 0,
            start: 0,
            len,
            stops,
        }
    }
}

/// The iterator of [`Hits::pieces`]: `(start, end, words)`.
pub(super) struct Pieces<'h> {
    hits: &'h [(u32, u32, u8)],
    next: usize,
    start: usize,
    len: usize,
    stops: Mask,
}

impl Iterator for Pieces<'_> {
    type Item = (usize, usize, Mask);

    fn next(&mut self) -> Option<(usize, usize, Mask)> {
        if self.start >= self.len {
            return None;
        }
        let mut m = 0u64;
        while let Some(&(_, e, w)) = self.hits.get(self.next) {
            self.next += 1;
            let bit = 1u64 << w;
            if self.stops.0 & bit != 0 {
                let start = std::mem::replace(&mut self.start, e as usize);
                return Some((start, e as usize, Mask(m)));
            }
            m |= bit;
        }
        let start = std::mem::replace(&mut self.start, self.len);
        Some((start, self.len, Mask(m)))
    }
}

/// The words of `text` (for tests).
#[cfg(test)]
pub(super) fn words_of(text: &str) -> Mask {
    let mut h = Hits::default();
    h.scan(text);
    h.all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_and_fit() {
        for (i, w) in WORDS.iter().enumerate() {
            assert_eq!(index(w) as usize, i, "{w} twice");
        }
        assert!(WORDS.len() <= 64);
    }

    #[test]
    fn every_occurrence_is_found() {
        let texts = [
            "上年度结转至本年度的申请3件，全年内收到申请，均已办结；没有收到未收到。",
            "本年内将结转下一年度结转下年，上一年度结转政府信息公开申请2件!行政复议?行政诉讼",
            "ab，,。。；;！？!?办结率答复率均已全部上年上年年内",
            "𝄞申请𝄞",
        ];
        // every alignment of the words on the four-byte steps
        let shifted: Vec<String> = ["", "a", "ab", "abc"]
            .iter()
            .flat_map(|p| texts.iter().map(move |t| format!("{p}{t}")))
            .collect();
        for text in shifted.iter().map(String::as_str) {
            let mut h = Hits::default();
            h.scan(text);
            let mut got = h.hits.clone();
            got.sort_unstable();
            let mut want = Vec::new();
            for (i, _) in text.char_indices() {
                for (w, word) in WORDS.iter().enumerate() {
                    if text[i..].starts_with(word) {
                        want.push((i as u32, (i + word.len()) as u32, w as u8));
                    }
                }
            }
            want.sort_unstable();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn pieces_and_their_words() {
        let text = "收到申请。未收到，结转下一年";
        let mut h = Hits::default();
        h.scan(text);
        let w = |words: &[&str]| words.iter().fold(Mask(0), |m, w| m.or(Mask(1 << index(w))));
        let got: Vec<(usize, usize, Mask)> = h.pieces(SENTENCE, text.len()).collect();
        let first = "收到申请。".len();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0..got[0].1, 0..first);
        assert!(got[0].2.has(w(&["收到"])) && got[0].2.has(w(&["申请"])));
        assert!(!got[0].2.has(w(&["未收到"])));
        assert_eq!(got[1].0..got[1].1, first..text.len());
        assert!(got[1].2.has(w(&["未收到", "收到", "结转下一年", "下一年"])));
        assert!(!got[1].2.has(w(&["申请"])));
        let clauses: Vec<(usize, usize, Mask)> = h.pieces(CLAUSE, text.len()).collect();
        assert_eq!(clauses.len(), 3);
        assert!(!clauses[1].2.has(w(&["下一年"])) && clauses[2].2.has(w(&["下一年"])));
        // as str::split_inclusive: no empty last piece
        let text = "。。";
        h.scan(text);
        assert_eq!(h.pieces(SENTENCE, text.len()).count(), 2);
        h.scan("");
        assert_eq!(h.pieces(SENTENCE, 0).count(), 0);
        assert_eq!(words_of("本年"), w(&["本年"]));
    }
}
