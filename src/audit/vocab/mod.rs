//! The words the text rules look for (`narrative`, `statements`,
//! `meta`), found in one pass per paragraph.
//!
//! One Aho–Corasick automaton over every word and every stop that ends a
//! sentence or clause ([`machine`], built by the compiler from [`WORDS`])
//! reports each occurrence of each word (overlapping matches included) in a
//! paragraph. A sentence or clause of the paragraph then knows which words
//! it contains from the matches inside it ([`Hits::pieces`]), so the rules
//! test a bit instead of searching the text once per word, and skip the
//! sentences where none of their words occurs.
//!
//! The automaton steps by byte over the UTF-8 text, which is already a
//! `&str` (never decoded nor validated again): a word's bytes start and end
//! on character boundaries, so a byte-wise match is a match of the word. A
//! long paragraph is scanned in four lanes side by side ([`Hits::scan`]).

mod machine;

use std::cell::Cell;

use machine::{END, State, ends, in_words, step};

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

/// One occurrence: (start, end, word index).
#[cfg(test)]
type Hit = (u32, u32, u8);

/// A place where some word ends: the byte after it and the state reached
/// there (whose words [`ends`] gives). The words are read from the state
/// when a piece or a rule asks for them, not when the scan finds them: a
/// place costs the scan two stores.
type End = (u32, State);

/// The number of lanes a long text is scanned in, side by side.
const LANES: usize = 4;
/// The shortest text scanned in lanes: below it, one lane.
const LANES_FROM: usize = 128;
/// The places where a word ends that the lanes' loop keeps before
/// recording their words.
const BATCH: usize = 32;

/// The occurrences of the words in one text, in order of their end.
#[derive(Debug, Default)]
pub(super) struct Hits {
    /// The places where words end found by each lane (see [`Hits::scan`]),
    /// each in order; the lanes follow each other in the text, so that all
    /// of them in a row are in order.
    lanes: [Vec<End>; LANES],
    /// Every word found anywhere in the text.
    all: Mask,
}

thread_local! {
    /// The buffers of the last [`Hits`] this thread used, kept for the next
    /// audit (see [`Hits::take`]).
    static SPARE: Cell<Hits> = Cell::new(Hits::default());
}

/// A [`Hits`] whose buffers grew beyond this many occurrences (one huge
/// paragraph) is not kept for the next audit.
const KEEP_AT_MOST: usize = 1 << 14;

impl Hits {
    /// The buffers this thread used last (empty the first time): an audit
    /// after the first allocates none.
    pub(super) fn take() -> Hits {
        SPARE.with(Cell::take)
    }

    /// Keeps the buffers for the next [`Hits::take`] on this thread, unless
    /// they grew large.
    pub(super) fn give_back(self) {
        if self.lanes.iter().all(|l| l.capacity() <= KEEP_AT_MOST) {
            SPARE.with(|spare| spare.set(self));
        }
    }

    /// Finds the words of `text` (replacing those of the previous text).
    ///
    /// A long text is cut in [`LANES`] lanes, each starting after a
    /// character of no word (where the automaton is at its root whatever
    /// came before), and the lanes are stepped side by side: each step
    /// waits for the previous one's table load, so one lane alone runs at
    /// the latency of a load per byte, and four run in about the same time
    /// as one.
    pub(super) fn scan(&mut self, text: &str) {
        for lane in &mut self.lanes {
            lane.clear();
        }
        if self.lanes[0].capacity() == 0 {
            self.lanes[0].reserve(256);
        }
        let bytes = text.as_bytes();
        let all = match cuts(text) {
            Some(cuts) => self.scan_lanes(bytes, cuts),
            None => run(bytes, 0, 0, &mut self.lanes[0]).1,
        };
        self.all = Mask(all);
    }

    /// Scans the lanes `cuts[k]..cuts[k + 1]` side by side, then each one's
    /// rest alone; returns the words found.
    fn scan_lanes(&mut self, bytes: &[u8], cuts: [usize; LANES + 1]) -> u64 {
        let n = (0..LANES).map(|k| cuts[k + 1] - cuts[k]).min().unwrap_or(0);
        let lane = |k: usize| &bytes[cuts[k]..cuts[k] + n];
        let (l0, l1, l2, l3) = (lane(0), lane(1), lane(2), lane(3));
        let (mut s0, mut s1, mut s2, mut s3): (State, State, State, State) = (0, 0, 0, 0);
        let mut all = 0u64;
        // the places where a word ends in some lane, handled in batches
        // out of the loop (which keeps its registers)
        let mut ends = [(0u32, [0; LANES]); BATCH];
        let mut e = 0;
        let mut j = 0;
        while j < n {
            s0 = step(s0, l0[j]);
            s1 = step(s1, l1[j]);
            s2 = step(s2, l2[j]);
            s3 = step(s3, l3[j]);
            j += 1;
            if any_end(s0 | s1 | s2 | s3) {
                // spans are u32: no paragraph of a model is longer
                ends[e % BATCH] = (j as u32, [s0, s1, s2, s3]);
                e += 1;
                if e == BATCH {
                    all |= lanes_end(&mut self.lanes, &cuts, &ends);
                    e = 0;
                }
            }
        }
        all |= lanes_end(&mut self.lanes, &cuts, &ends[..e]);
        for (k, s) in [s0, s1, s2, s3].into_iter().enumerate() {
            let from = cuts[k] + n;
            all |= run(&bytes[from..cuts[k + 1]], from, s, &mut self.lanes[k]).1;
        }
        // one list in order of the end: lane after lane
        let [first, rest @ ..] = &mut self.lanes;
        for lane in rest {
            first.extend_from_slice(lane);
        }
        all
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
            hits: &self.lanes[0],
            next: 0,
            start: 0,
            len,
            stops,
        }
    }

    /// The words of the whole text and where they stand.
    #[cfg(test)]
    pub(super) fn found(&self) -> Found<'_> {
        Found {
            words: self.all,
            hits: &self.lanes[0],
            offset: 0,
        }
    }

    /// Every occurrence, in order of their end (and, at one end, of
    /// their word).
    #[cfg(test)]
    fn hits(&self) -> Vec<Hit> {
        let mut out = Vec::new();
        for &(end, state) in &self.lanes[0] {
            let mut bits = ends(state);
            while bits != 0 {
                let w = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                out.push((end - u32::from(LENS[w]), end, w as u8));
            }
        }
        out
    }
}

/// The words of a piece of a text (a sentence, a clause: see
/// [`Hits::pieces`]) and where each occurrence stands, so that a rule finds
/// a word it knows is there without searching the text for it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found<'h> {
    words: Mask,
    /// The places where the piece's words (and the stop that ends it) end.
    hits: &'h [End],
    /// The byte offset of the piece in the text.
    offset: usize,
}

impl<'h> Found<'h> {
    /// The set of words of the piece.
    pub(super) fn words(self) -> Mask {
        self.words
    }

    /// True when the piece holds any word of `other`.
    pub(super) fn any(self, other: Mask) -> bool {
        self.words.any(other)
    }

    /// True when the piece holds `word` (a one-word mask).
    pub(super) fn has(self, word: Mask) -> bool {
        self.words.has(word)
    }

    /// The byte offsets in the piece where the words of `word` start, in
    /// order (every occurrence, as `str::match_indices` finds those of a
    /// word that cannot overlap itself).
    pub(super) fn starts(self, word: Mask) -> impl Iterator<Item = usize> + 'h {
        self.hits
            .iter()
            .flat_map(move |&(end, state)| {
                let mut bits = ends(state) & word.0;
                std::iter::from_fn(move || {
                    (bits != 0).then(|| {
                        let w = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        end as usize - usize::from(LENS[w])
                    })
                })
            })
            .filter_map(move |start| start.checked_sub(self.offset))
    }
}

/// Where to cut `text` into [`LANES`] lanes of about equal length: after
/// a character of no word near each quarter (see [`Hits::scan`]); `None`
/// for a short text, or one whose quarters hold no such character.
fn cuts(text: &str) -> Option<[usize; LANES + 1]> {
    let len = text.len();
    if len < LANES_FROM {
        return None;
    }
    let mut cuts = [len; LANES + 1];
    cuts[0] = 0;
    for (k, cut) in cuts.iter_mut().enumerate().take(LANES).skip(1) {
        let (from, to) = (k * len / LANES, (k + 1) * len / LANES);
        let from = (from..to).find(|&i| text.is_char_boundary(i))?;
        let (i, c) = text[from..]
            .char_indices()
            .take_while(|&(i, _)| from + i < to)
            .find(|&(_, c)| !in_words(c))?;
        *cut = from + i + c.len_utf8();
    }
    Some(cuts)
}

/// Scans `bytes` (at `base` in the text) from `state` in one lane, four
/// bytes a step (one test of the four states: most hold no end); records
/// the occurrences in `out` and returns the last state and the words found.
fn run(bytes: &[u8], base: usize, mut state: State, out: &mut Vec<End>) -> (State, u64) {
    let mut all = 0u64;
    let mut chunks = bytes.chunks_exact(4);
    let mut at = base;
    for c in &mut chunks {
        let s0 = step(state, c[0]);
        let s1 = step(s0, c[1]);
        let s2 = step(s1, c[2]);
        let s3 = step(s2, c[3]);
        state = s3;
        if (s0 | s1 | s2 | s3) & END != 0 {
            for (k, s) in [s0, s1, s2, s3].into_iter().enumerate() {
                if s & END != 0 {
                    all |= push_end(out, s, at + k + 1);
                }
            }
        }
        at += 4;
    }
    for &b in chunks.remainder() {
        state = step(state, b);
        at += 1;
        if state & END != 0 {
            all |= push_end(out, state, at);
        }
    }
    (state, all)
}

/// True when a word ends at `states` (one state, or several or'ed
/// together): [`END`] is bit 15, the sign of the state's low half, so the
/// test is the flag the last `or` sets.
#[inline(always)]
fn any_end(states: State) -> bool {
    const _: () = assert!(END == 1 << 15, "END is the sign bit of a u16");
    (states as u16 as i16) < 0
}

/// Records the words ending in each lane `k` at byte `cuts[k] + at`
/// (reached in `states[k]`) for each `(at, states)` of `ends`, in
/// `lanes[k]`; returns their set.
fn lanes_end(
    lanes: &mut [Vec<End>; LANES],
    cuts: &[usize; LANES + 1],
    ends: &[(u32, [State; LANES])],
) -> u64 {
    let mut all = 0;
    for &(at, states) in ends {
        for k in 0..LANES {
            if states[k] & END != 0 {
                all |= push_end(&mut lanes[k], states[k], cuts[k] + at as usize);
            }
        }
    }
    all
}

/// Records in `out` that words end at byte `end` (reached in `state`,
/// where some word ends) and returns their set.
#[inline(always)]
fn push_end(out: &mut Vec<End>, state: State, end: usize) -> u64 {
    // spans are u32: no paragraph of a model is longer
    out.push((end as u32, state));
    ends(state)
}

/// The iterator of [`Hits::pieces`]: `(start, end, words)`.
pub(super) struct Pieces<'h> {
    hits: &'h [End],
    next: usize,
    start: usize,
    len: usize,
    stops: Mask,
}

impl<'h> Iterator for Pieces<'h> {
    type Item = (usize, usize, Found<'h>);

    fn next(&mut self) -> Option<(usize, usize, Found<'h>)> {
        if self.start >= self.len {
            return None;
        }
        let first = self.next;
        let mut m = 0u64;
        while let Some(&(e, state)) = self.hits.get(self.next) {
            self.next += 1;
            // a stop is one character that no other word holds: where it
            // ends, no other word does (`a_stop_ends_alone`)
            let bits = ends(state);
            if self.stops.0 & bits != 0 {
                let start = std::mem::replace(&mut self.start, e as usize);
                return Some((start, e as usize, self.found(first, start, m)));
            }
            m |= bits;
        }
        let start = std::mem::replace(&mut self.start, self.len);
        Some((start, self.len, self.found(first, start, m)))
    }
}

impl<'h> Pieces<'h> {
    /// The words of the piece at `offset` whose occurrences are
    /// `hits[first..self.next]`.
    fn found(&self, first: usize, offset: usize, words: u64) -> Found<'h> {
        Found {
            words: Mask(words),
            hits: self.hits.get(first..self.next).unwrap_or_default(),
            offset,
        }
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
mod tests;
