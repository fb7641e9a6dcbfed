//! What the table mappers share: label pieces (cut at list markers and
//! vocabulary words) and the cell values; row accumulation is in `builder`.

use super::cells::Tok;
use super::vocabulary::{self, Found, Set};
use crate::lines::is_space;
use crate::model::Number;
use crate::text::lexical::{MarkerScan, Norm, Quiet};

mod builder;

pub(crate) use builder::{Builder, RowAcc};

/// The value of a raw cell: a number, or `None` (empty, null marker, text).
pub(crate) fn cell_value(raw: &str) -> Option<Number> {
    let t = raw.trim_matches(is_space);
    let (n, _) = Number::parse_prefix(t)?;
    Some(n)
}

/// The text after a cell's number: a unit (`元`) or a remark.
pub(crate) fn cell_suffix(raw: &str) -> Option<&str> {
    let t = raw.trim_matches(is_space);
    let (_, len) = Number::parse_prefix(t)?;
    let rest = t[len..].trim_matches(is_space);
    (!rest.is_empty()).then_some(rest)
}

/// The code points of the Chinese numerals of list markers (`〇`, `零`,
/// `一` … `十`: see [`crate::text::lexical::cn_digit`]).
const NUMERALS: [u32; 12] = [
    0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
];

/// [`may_start_marker`] over U+3000..U+9FFF, as the normaliser's table:
/// the numerals.
static MARKER_QUIET: Quiet = Quiet::with(&NUMERALS);

/// True for the code point of a Chinese numeral of list markers
/// ([`NUMERALS`]).
#[inline(always)]
fn is_numeral(cp: u32) -> bool {
    // (most characters are ruled out by the low six bits of their code
    // point: one bit of a mask for each numeral's)
    const LOW_BITS: u64 = 1 << (0x3007 & 63)
        | 1 << (0x96F6 & 63)
        | 1 << (0x4E00 & 63)
        | 1 << (0x4E8C & 63)
        | 1 << (0x4E09 & 63)
        | 1 << (0x56DB & 63)
        | 1 << (0x4E94 & 63)
        | 1 << (0x516D & 63)
        | 1 << (0x4E03 & 63)
        | 1 << (0x516B & 63)
        | 1 << (0x4E5D & 63)
        | 1 << (0x5341 & 63);
    LOW_BITS >> (cp & 63) & 1 != 0
        && matches!(
            cp,
            0x3007
                | 0x96F6
                | 0x4E00
                | 0x4E8C
                | 0x4E09
                | 0x56DB
                | 0x4E94
                | 0x516D
                | 0x4E03
                | 0x516B
                | 0x4E5D
                | 0x5341
        )
}

/// True for the code point of a character where the marker scan may note
/// a place ([`MarkerScan::feed_with`]): `(`, an ASCII digit, a numeral.
#[inline(always)]
fn may_start_marker(cp: u32) -> bool {
    if cp < 0x80 {
        cp == u32::from(b'(') || cp.wrapping_sub(u32::from(b'0')) < 10
    } else {
        is_numeral(cp)
    }
}

/// A piece of label text (normalised) with its source range and the
/// vocabulary words in it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'n> {
    pub(crate) norm: &'n str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The words of the vocabulary in `norm` (its marker stripped): what
    /// [`Found::of_label`] finds, taken from the run's one scan.
    pub(crate) found: Found,
}

/// Cuts runs of label tokens into pieces. One per table: its buffers (the
/// normalised text, its offset map, the cuts, the words found) are reused
/// for every run, so a piece is a slice of them, not a `String`.
pub(crate) struct Cutter {
    n: Norm,
    cuts: Vec<usize>,
    /// Where a list marker may start (see [`MarkerScan`]); once checked,
    /// the length of the marker of each cut at one, 0 for the others: what
    /// [`vocabulary::marker_len`] of a piece that starts there reads, not
    /// parsed again (the entries of a length are in order).
    markers: Vec<(usize, usize)>,
    /// Every occurrence of every word in the run, in order of their ends.
    found: Vec<(usize, usize, usize)>,
    /// The words that cut the run, leftmost-longest first.
    cut_words: Vec<(usize, usize)>,
    /// Where a token starts apart from the one before it on its line
    /// (white space between them), rising.
    apart: Vec<usize>,
    /// Where a part of a token starts right after a pipe that parts it from
    /// the part before (`1|.信访`), rising.
    piped: Vec<usize>,
    /// Of those, where a token starts after a pipe that ends the token
    /// before: two cells of a pipe row (`|其他处理|1.|`), which the pipe
    /// parts as a tab parts two fields (see [`Cutter::cut_at_markers`]).
    celled: Vec<usize>,
    /// The places of `apart` where one space alone stands before the token
    /// (words apart in one field, as the canonical text writes a
    /// fragment's words: `（二） 2.`), rising.
    one_space: Vec<usize>,
    /// The places of `apart` where the white space before the token holds a
    /// pipe (`6\t|\t.属于`), which the canonical text writes as a pipe alone
    /// (`6|.属于`), rising.
    pipe_apart: Vec<usize>,
}

impl Default for Cutter {
    fn default() -> Self {
        // room for the usual label run: the buffers rarely grow
        Cutter {
            n: Norm::with_capacity(256),
            cuts: Vec::with_capacity(16),
            markers: Vec::with_capacity(16),
            found: Vec::with_capacity(16),
            cut_words: Vec::new(),
            apart: Vec::new(),
            piped: Vec::new(),
            celled: Vec::new(),
            one_space: Vec::new(),
            pipe_apart: Vec::new(),
        }
    }
}

thread_local! {
    /// The buffers of the last [`Cutter`] this thread used, kept for the
    /// next table (see [`Cutter::spare`]).
    static SPARE: std::cell::Cell<Option<Cutter>> = const { std::cell::Cell::new(None) };
}

/// A [`Cutter`] whose normalised text grew beyond this many bytes (one huge
/// label run) is not kept for the next table.
const KEEP_AT_MOST: usize = 1 << 14;

/// The [`Cutter`] of one table, taken from the buffers this thread used
/// for the last table ([`Cutter::spare`]) and given back when dropped: a
/// table after the first allocates no buffers and grows none.
pub(crate) struct SpareCutter(Option<Cutter>);

impl std::ops::Deref for SpareCutter {
    type Target = Cutter;
    fn deref(&self) -> &Cutter {
        self.0
            .as_ref()
            .expect("a spare cutter is taken only when dropped")
    }
}

impl std::ops::DerefMut for SpareCutter {
    fn deref_mut(&mut self) -> &mut Cutter {
        self.0
            .as_mut()
            .expect("a spare cutter is taken only when dropped")
    }
}

impl Drop for SpareCutter {
    fn drop(&mut self) {
        if let Some(c) = self.0.take()
            && c.n.s.capacity() <= KEEP_AT_MOST
        {
            SPARE.with(|spare| spare.set(Some(c)));
        }
    }
}

impl Cutter {
    /// The cutter this thread used for its last table (a new one the first
    /// time, or while another table of the thread holds it), given back
    /// when the returned guard is dropped. Every run starts from cleared
    /// buffers ([`Cutter::pieces`]), so what a table reads does not depend
    /// on the tables before it.
    pub(crate) fn spare() -> SpareCutter {
        SpareCutter(Some(SPARE.with(std::cell::Cell::take).unwrap_or_default()))
    }

    /// Joins consecutive label tokens and cuts them into pieces at list
    /// markers and at line ends. With `words`, the run is also scanned for
    /// the vocabulary, once: each piece gets its words from that scan, and
    /// the run is cut at the words of the set too.
    pub(crate) fn pieces<'s>(
        &'s mut self,
        text: &str,
        run: &[Tok],
        words: Option<Set>,
    ) -> Pieces<'s> {
        self.read(text, run, words.is_some());
        if !self.n.is_empty() {
            self.cut_at_markers();
            if let Some(cut_at) = words
                && cut_at != Set::default()
            {
                self.cut_at_words(cut_at);
            }
            self.cuts.push(0);
            self.cuts.push(self.n.s.len());
            self.cuts.sort_unstable();
            self.cuts.dedup();
        }
        Pieces {
            n: &self.n,
            cuts: &self.cuts,
            found: &self.found,
            heads: &self.markers,
            words: words.is_some(),
            next_cut: 0,
            next_found: 0,
            next_head: 0,
            next_seg: 0,
        }
    }

    /// Reads the run's text in one pass: each character normalised, fed to
    /// the marker scan and (with `words`) to the vocabulary's automaton as
    /// it is made; a cut at each line end.
    fn read(&mut self, text: &str, run: &[Tok], words: bool) {
        let n = &mut self.n;
        n.clear();
        self.cuts.clear();
        self.markers.clear();
        self.found.clear();
        self.apart.clear();
        self.piped.clear();
        self.celled.clear();
        self.one_space.clear();
        self.pipe_apart.clear();
        let mut markers = MarkerScan::default();
        let marks = &mut self.markers;
        // a new line starts a new piece: the second half of a wrapped label
        // is joined back to its row by the builders, not by position
        let mut prev_end: Option<usize> = None;
        // (the token of the last part)
        let mut prev_tok = 0;
        // a pipe inside a token (a label read from pipe rows, written in a
        // tab row: `行政查|询`) parts it as the pipe between two cells does
        let parts = run.iter().enumerate().flat_map(|(k, t)| {
            Parts {
                b: text.as_bytes(),
                at: t.start,
                end: t.end,
                no_pipe: t.no_pipe,
            }
            .map(move |(s, e)| (s, e, k))
        });
        for (start, end, tok) in parts {
            if prev_end.is_some_and(|e| {
                text.as_bytes()[e..start]
                    .iter()
                    .any(|b| matches!(b, b'\n' | b'\r'))
            }) {
                self.cuts.push(n.s.len());
                // (a marker is judged on its line alone)
                markers = MarkerScan::at_line(n.s.len());
            } else if let Some(e) = prev_end.filter(|&e| e < start) {
                // (parts of one token at a pipe are not apart: the canonical
                // text writes a label's white space away, `x\t|\t2.` as `x|2.`)
                if text.as_bytes()[e..start].iter().all(|&b| b == b'|') {
                    self.piped.push(n.s.len());
                    if tok != prev_tok {
                        self.celled.push(n.s.len());
                    }
                } else {
                    if matches!(&text.as_bytes()[e..start], b" ") {
                        self.one_space.push(n.s.len());
                    }
                    if text.as_bytes()[e..start].contains(&b'|') {
                        self.pipe_apart.push(n.s.len());
                    }
                    self.apart.push(n.s.len());
                }
            }
            // (the scan's state after any other character is the same
            // however many follow: those are skipped in a tight loop)
            n.push_loud(
                &text[start..end],
                start,
                may_start_marker,
                &MARKER_QUIET,
                |pos, cp| {
                    markers.feed_with(pos, cp, is_numeral(cp), marks);
                },
            );
            prev_end = Some(end);
            prev_tok = tok;
        }
        // the words: one tight pass of the automaton over the normalised
        // bytes (the same stream of bytes as if fed character by character)
        if words {
            vocabulary::matches_into(&n.s, &mut self.found);
        }
    }

    /// Cuts at the list markers of each line, judged on that line alone:
    /// what the next line starts with never makes a marker of the text
    /// before it (`缴纳费用1.` then `1.`: `1.1.` would be no marker). The
    /// places where one may start were noted by [`Cutter::read`], in order;
    /// the cuts so far are the line ends.
    fn cut_at_markers(&mut self) {
        let s = &self.n.s;
        let lines = self.cuts.len();
        let mut k = 0;
        for l in 0..=lines {
            let b = if l < lines { self.cuts[l] } else { s.len() };
            let from = k;
            while self.markers.get(k).is_some_and(|&(m, _)| m < b) {
                k += 1;
            }
            if k == from {
                // (no place on this line where a marker may start)
                continue;
            }
            let found = from + MarkerScan::check(&s[..b], &mut self.markers[from..k], &self.apart);
            for j in from..found {
                let (mut c, len) = self.markers[j];
                if self.cut_by_pipe(c, len) {
                    self.markers[j].1 = 0;
                    continue;
                }
                // (the next marker found)
                let next = self.markers[..found].get(j + 1).map_or(b, |m| m.0);
                // a marker glued to the text before it with nothing after
                // it on its line (`缴纳费用1.`, `办理结果1.1.`) or before the
                // next marker (`不补正1.（六）2.收费通知`) is no marker: the
                // text keeps it, whatever follows on the next line or in
                // the next field (a marker apart from that text, in a
                // field of its own, still cuts: `缴纳费用1.1.\t1.`, as does one
                // in a pipe row's cell of its own, `|其他处理|1.|`, where the
                // canonical tab row writes `其他处理\t1.`; one that ends the
                // line's run one space after the text, in its field, does
                // not: `（二） 2.`, as the canonical text writes the words of
                // `（二）\t\t2.3.危及`'s text, where `2.3.` made no marker).
                // The text has no white space: nothing after the marker is
                // its end at `next`
                let bare = if c + len <= next {
                    c + len == next
                } else {
                    vocabulary::strip_marker(&s[c..next])
                        .trim_matches(is_space)
                        .is_empty()
                } && (self.apart.binary_search(&c).is_err()
                    || c + len == b && self.one_space.binary_search(&c).is_ok())
                    && self.celled.binary_search(&c).is_err();
                if bare {
                    self.markers[j].1 = 0;
                    continue;
                }
                // a marker of several digits glued after text (`.56.过程性`)
                // starts at its last digit, as a cell reads digits glued
                // before a marker (`00000002.其他`: the rest are a figure),
                // so the label reads the same at the start of a line
                let digits = s[c..].bytes().take_while(u8::is_ascii_digit).count();
                // (unless the digits are a decimal's fraction, `2.01.属于`:
                // the cell grammar reads `2.01` as part of a label, cut at
                // `1.` the text before would end in the figure `2.0`, which
                // a row's label field reads as a value: no marker there)
                if digits > 1 && fraction_digits(s, c) {
                    self.markers[j].1 = 0;
                    continue;
                }
                if digits > 1 {
                    c += digits - 1;
                    self.markers[j].1 = 0;
                }
                self.cuts.push(c);
            }
        }
    }

    /// True when the marker of `len` bytes at byte `c` of the run's text is
    /// cut by a pipe (`.1|.信访`: its digits end one part of the token, its
    /// mark opens the next): it is none, at a field's start the digits are a
    /// figure cell of their own. So is one cut by a pipe between white space
    /// (`6\t|\t.属于`), which the canonical text writes `6|.属于`.
    fn cut_by_pipe(&self, c: usize, len: usize) -> bool {
        self.piped
            .iter()
            .chain(&self.pipe_apart)
            .any(|&p| c < p && p < c + len)
    }

    /// Cuts at the leftmost-longest words of `cut_at`, one after the other.
    fn cut_at_words(&mut self, cut_at: Set) {
        self.cut_words.clear();
        self.cut_words.extend(
            self.found
                .iter()
                .filter(|&&(_, _, w)| cut_at.has_index(w))
                .map(|&(s, e, _)| (s, e)),
        );
        self.cut_words
            .sort_unstable_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
        let mut at = 0;
        for &(s, e) in &self.cut_words {
            if s >= at {
                if s > 0 {
                    self.cuts.push(s);
                }
                self.cuts.push(e);
                at = e;
            }
        }
    }
}

/// The non-empty parts of the token `b[at..end]` between the pipes in it
/// (most tokens have none: one `memchr` finds that, unless the reader
/// already knows it: [`Tok::no_pipe`]).
struct Parts<'b> {
    b: &'b [u8],
    at: usize,
    end: usize,
    /// The token holds no pipe: it is one part, not searched.
    no_pipe: bool,
}

impl Iterator for Parts<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        while self.at < self.end {
            let s = self.at;
            let e = if self.no_pipe {
                self.end
            } else {
                memchr::memchr(b'|', &self.b[s..self.end]).map_or(self.end, |p| s + p)
            };
            self.at = e + 1;
            if s < e {
                return Some((s, e));
            }
        }
        None
    }
}

/// The pieces of a run (see [`Cutter::pieces`]), in order.
pub(crate) struct Pieces<'s> {
    n: &'s Norm,
    cuts: &'s [usize],
    found: &'s [(usize, usize, usize)],
    /// The markers at cuts, with their lengths (the entries of length 0 are
    /// none), in order.
    heads: &'s [(usize, usize)],
    /// The run was scanned for words (else the pieces carry none).
    words: bool,
    next_cut: usize,
    next_found: usize,
    next_head: usize,
    /// Where [`Norm::source_from`] is in the map.
    next_seg: usize,
}

impl<'s> Iterator for Pieces<'s> {
    type Item = Piece<'s>;

    // (inlined: a piece is over 100 bytes, made where it is read)
    #[inline]
    fn next(&mut self) -> Option<Piece<'s>> {
        // (an empty run may hold empty windows: skipped)
        let (a, b) = loop {
            let (a, b) = (
                *self.cuts.get(self.next_cut)?,
                *self.cuts.get(self.next_cut + 1)?,
            );
            self.next_cut += 1;
            if a < b {
                break (a, b);
            }
        };
        let norm = &self.n.s[a..b];
        let mut found = Found {
            head: if self.words {
                // a marker checked where the run was cut: its length is
                // known (the piece holds it whole)
                while self
                    .heads
                    .get(self.next_head)
                    .is_some_and(|h| h.0 < a || h.1 == 0)
                {
                    self.next_head += 1;
                }
                match self.heads.get(self.next_head) {
                    Some(&(h, len)) if h == a && a + len <= b => len,
                    _ => vocabulary::marker_len(norm),
                }
            } else {
                0
            },
            ..Found::default()
        };
        // the words ending in the piece (the cuts rise: each word is looked
        // at once), those starting in it too are its words
        while let Some(&(s, e, w)) = self.found.get(self.next_found) {
            if e > b {
                break;
            }
            if s >= a {
                found.add(s - a, e - a, b - a, w);
            }
            self.next_found += 1;
        }
        let (start, end) = self.n.source_from(&mut self.next_seg, a, b);
        Some(Piece {
            norm,
            start,
            end,
            found,
        })
    }
}

/// True when the digits at byte `c` of the normalised text `s` follow a
/// decimal point after a digit (`2.01.`: the fraction of `2.01`).
fn fraction_digits(s: &str, c: usize) -> bool {
    let b = s.as_bytes();
    c >= 2 && b[c - 1] == b'.' && b[c - 2].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_quiet_table_is_the_marker_test() {
        assert!(super::MARKER_QUIET.agrees_with(super::may_start_marker));
    }

    #[test]
    fn numerals_are_the_markers_numerals() {
        for c in ('\0'..='\u{FFFF}').chain(['𝄞']) {
            assert_eq!(
                super::is_numeral(u32::from(c)),
                crate::text::lexical::cn_digit(c).is_some(),
                "{c:?}"
            );
        }
    }
}
