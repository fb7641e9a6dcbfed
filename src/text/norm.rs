//! The one normaliser: a character fold (white space removed, full-width
//! forms to ASCII, Traditional to Simplified through `text::hant`) applied
//! once per line and shared by the parser, the grid builders, the mapper,
//! the audit and the renderer; [`Norm`] keeps a map back to source offsets.

use crate::chars::is_space;

/// Text normalised for matching, with a map back to source offsets.
///
/// White space is removed; full-width ASCII forms become ASCII (`（`→`(`,
/// `：`→`:`, `１`→`1`); curly quotes become `"`; `·` and `﹝﹞〔〕` are kept;
/// Traditional characters of the vocabulary become Simplified (`text::hant`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Norm {
    /// The normalised text.
    pub(crate) s: String,
    /// The map back to the source, one entry per stretch of `s` copied
    /// whole from one stretch of the source and one per character that
    /// changed (most text is copied whole: a few entries per run, not one
    /// per byte), in order of [`Seg::at`].
    segs: Vec<Seg>,
}

/// A stretch of [`Norm::s`] and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    /// Where it starts in `s`.
    at: usize,
    /// Where it starts in the source.
    src: usize,
    /// `None`: a copy (byte `at + k` of `s` is byte `src + k` of the
    /// source); `Some(end)`: one character that changed, whose source is
    /// `src..end`.
    changed: Option<usize>,
}

/// Normalises one character; `None` for white space.
#[inline]
pub(crate) fn norm_char(c: char) -> Option<char> {
    // the common cases first: ASCII, and the CJK block (never white space)
    if c.is_ascii() {
        return (!matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')).then_some(c);
    }
    // CJK punctuation, kana and ideographs: most are their own normal form
    let i = (c as u32).wrapping_sub(WIDE_BASE) as usize;
    if i < 64 * CHANGES.len() && CHANGES[i / 64] >> (i % 64) & 1 == 0 {
        return Some(c);
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(crate::text::hant::to_simplified(c));
    }
    if is_space(c) {
        return None;
    }
    Some(match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '“' | '”' | '„' | '‟' | '〝' | '〞' => '"',
        '‘' | '’' => '\'',
        _ => crate::text::hant::to_simplified(c),
    })
}

/// `s` normalised (see [`Norm`]).
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    norm_into(&mut out, s);
    out
}

/// `s` normalised into `out` (cleared first): one buffer reused for many
/// lines instead of a `String` per line.
pub(crate) fn norm_into(out: &mut String, s: &str) {
    out.clear();
    out.reserve(s.len());
    push_norm(out, s);
}

/// The first code point of [`CHANGES`]: the three-byte characters of lead
/// bytes `E3`…`E9`, U+3000..U+9FFF (CJK punctuation, kana, ideographs).
const WIDE_BASE: u32 = 0x3000;

/// One bit per code point of U+3000..U+9FFF, a word per lead byte and
/// second byte of its UTF-8: set when [`norm_char`] changes it (the
/// ideographic space, `〝〞`, the Traditional characters of `text::hant`;
/// the unit test `the_table_of_changes_is_the_fold` checks every one).
static CHANGES: [u64; 448] = changes();

/// The bits of [`CHANGES`] (a `const fn`: [`Quiet::with`] starts from them).
const fn changes() -> [u64; 448] {
    let mut m = crate::text::hant::table_bits::<448>(WIDE_BASE);
    let others = ['\u{3000}', '〝', '〞'];
    let mut k = 0;
    while k < others.len() {
        let i = (others[k] as u32 - WIDE_BASE) as usize;
        m[i / 64] |= 1 << (i % 64);
        k += 1;
    }
    m
}

/// The characters of U+3000..U+9FFF that [`Norm::push_loud`] passes over
/// inside a stretch without decoding them and asking its `loud`: one bit
/// per code point, laid out as [`CHANGES`], set for the characters that
/// change and for those `loud` holds of, so that one look-up judges both.
pub(crate) struct Quiet([u64; 448]);

impl Quiet {
    /// The table of a `loud` that holds of the code points `loud` of
    /// U+3000..U+9FFF and of no other character of that range.
    pub(crate) const fn with(loud: &[u32]) -> Quiet {
        let mut m = changes();
        let mut k = 0;
        while k < loud.len() {
            let i = (loud[k] - WIDE_BASE) as usize;
            m[i / 64] |= 1 << (i % 64);
            k += 1;
        }
        Quiet(m)
    }

    /// The table of a `loud` that holds of every character.
    #[cfg_attr(not(test), allow(dead_code))]
    const ALL: Quiet = Quiet([u64::MAX; 448]);

    /// True when the three bytes `x y z` are a character of U+3000..U+9FFF
    /// that is its own normal form and that `loud` rejects (as [`own_wide`]).
    #[inline(always)]
    fn passes(&self, x: u8, y: u8, z: u8) -> bool {
        let k = x.wrapping_sub(0xE3);
        k < 7 && self.0[usize::from(k) << 6 | usize::from(y & 0x3F)] >> (z & 0x3F) & 1 == 0
    }

    /// True when `loud` holds of the characters of U+3000..U+9FFF that this
    /// table says it does, and of no other of them that is its own normal
    /// form (what [`Norm::push_loud`] asks of its two arguments).
    #[cfg(test)]
    pub(crate) fn agrees_with(&self, loud: impl Fn(u32) -> bool) -> bool {
        (WIDE_BASE..0xA000).all(|cp| {
            let c = char::from_u32(cp).expect("no surrogate here");
            let mut u = [0u8; 4];
            let u = c.encode_utf8(&mut u).as_bytes();
            let own = norm_char(c) == Some(c);
            self.passes(u[0], u[1], u[2]) == (own && !loud(cp))
        })
    }
}

/// True when the three bytes `x y z` (a lead byte and two continuation
/// bytes) are a character of U+3000..U+9FFF that is its own normal form:
/// read from [`CHANGES`] without decoding (`x - E3` and the low bits of `y`
/// are the word, those of `z` the bit).
#[inline(always)]
fn own_wide(x: u8, y: u8, z: u8) -> bool {
    let k = x.wrapping_sub(0xE3);
    k < 7 && CHANGES[usize::from(k) << 6 | usize::from(y & 0x3F)] >> (z & 0x3F) & 1 == 0
}

/// True when `b[i..]` starts with a character of U+3000..U+9FFF that is its
/// own normal form ([`own_wide`]: the fast path of the normaliser, before
/// [`norm_char`]).
#[inline(always)]
fn own_wide_at(b: &[u8], i: usize) -> bool {
    match b.get(i..) {
        Some(&[x, y, z, ..]) => own_wide(x, y, z),
        _ => false,
    }
}

/// The code point of the three-byte character at `b[i..]` (a lead byte
/// and two continuation bytes: see [`own_wide_at`]).
#[inline(always)]
fn ideograph_at(b: &[u8], i: usize) -> u32 {
    (u32::from(b[i] & 0x0F) << 12) | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F)
}

/// The end of the stretch of characters from byte `i` of `b` that are their
/// own normal form and that `loud` rejects (see [`Norm::push_loud`]): ASCII
/// (asked of `loud`) and the characters of U+3000..U+9FFF that `quiet`
/// passes, judged from their bytes; any other character ends it.
#[inline(always)]
fn quiet_end(b: &[u8], mut i: usize, loud: &impl Fn(u32) -> bool, quiet: &Quiet) -> usize {
    loop {
        match b.get(i..) {
            Some(&[x, ..]) if x < 0x80 => {
                if matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') || loud(u32::from(x)) {
                    break;
                }
                i += 1;
            }
            Some(&[x, y, z, ..]) if quiet.passes(x, y, z) => i += 3,
            _ => break,
        }
    }
    i
}

/// A byte of ASCII white space (what [`norm_char`] drops of ASCII).
#[inline(always)]
fn is_space_byte(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `0x01` in every byte of a word.
const ONES: u64 = u64::MAX / 255;

/// The 8 bytes at `b[i..]` as one word (little-endian), if there are 8.
#[inline(always)]
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    let w: [u8; 8] = b.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(w))
}

/// True when every byte of `w` is ASCII above the space (`!`…DEL): eight
/// characters that are their own normal form. (A byte under `0x21` borrows
/// in the subtraction and sets its high bit, as a byte of `0x80` or above
/// has its own: no borrow crosses a byte when none is under `0x21`.)
#[inline(always)]
fn printable_ascii(w: u64) -> bool {
    (w | w.wrapping_sub(ONES * 0x21)) & (ONES * 0x80) == 0
}

/// The end of the run of the characters of U+3000..U+9FFF that are their
/// own normal form ([`own_wide`]) from byte `i` of `b`: three bytes a
/// character, no decoding.
#[inline(always)]
fn wide_end(b: &[u8], mut i: usize) -> usize {
    while let [x, y, z, ..] = b[i..]
        && own_wide(x, y, z)
    {
        i += 3;
    }
    i
}

/// The end of the stretch of characters from byte `i` of `b` that are
/// their own normal form as their bytes tell: ASCII other than white space
/// (eight bytes at a time where they come in runs) and the characters of
/// U+3000..U+9FFF that [`own_wide`] finds unchanged.
/// The character at the end (if any) is white space or one to decode.
#[inline(always)]
fn own_end(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(&x) if x < 0x80 => {
                if is_space_byte(x) {
                    return i;
                }
                i += 1;
                while let Some(w) = word_at(b, i)
                    && printable_ascii(w)
                {
                    i += 8;
                }
            }
            Some(_) => {
                let e = wide_end(b, i);
                if e == i {
                    return i;
                }
                i = e;
            }
            None => return i,
        }
    }
}

/// The end of the run of ASCII white space from byte `i` of `b` (the
/// alignment of `pdftotext -layout`: eight spaces at a time).
#[inline(always)]
fn space_end(b: &[u8], mut i: usize) -> usize {
    while word_at(b, i) == Some(ONES * u64::from(b' ')) {
        i += 8;
    }
    while b.get(i).is_some_and(|&x| is_space_byte(x)) {
        i += 1;
    }
    i
}

/// Appends `s` normalised to `out`. Most characters are their own normal
/// form: runs of them are copied whole ([`own_end`] finds them from their
/// bytes), and only the characters that change (white space, full-width
/// forms, Traditional characters) are written one by one.
pub(crate) fn push_norm(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    loop {
        i = own_end(b, i);
        let Some(&x) = b.get(i) else { break };
        if is_space_byte(x) {
            // a run of ASCII white space dropped at once
            out.push_str(&s[run..i]);
            i = space_end(b, i + 1);
            run = i;
            continue;
        }
        if let Some(a) = full_width_at(b, i) {
            // `，` `（` `：` `１`: the full-width forms of ASCII (most of
            // the characters that change in Chinese text)
            out.push_str(&s[run..i]);
            out.push(char::from(a));
            i += 3;
            run = i;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let n = norm_char(c);
        if n != Some(c) {
            out.push_str(&s[run..i]);
            if let Some(n) = n {
                out.push(n);
            }
            run = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&s[run..]);
}

/// The ASCII character that the full-width form at `b[i..]` (U+FF01..U+FF5E:
/// `EF BC 81`…`EF BD 9E`) normalises to, read from its bytes.
#[inline(always)]
fn full_width_at(b: &[u8], i: usize) -> Option<u8> {
    let &[0xEF, y @ (0xBC | 0xBD), z, ..] = b.get(i..)? else {
        return None;
    };
    // U+FF00 + (y - BC) * 64 + (z & 3F), less U+FEE0
    let a = (u32::from(y - 0xBC) << 6 | u32::from(z & 0x3F)) + 0x20;
    (0x21..=0x7E).contains(&a).then_some(a as u8)
}

/// [`push_norm`] as it was first written, one character at a time: the
/// reference of the fast path.
#[cfg(test)]
pub(crate) fn push_norm_by_char(out: &mut String, s: &str) {
    out.extend(s.chars().filter_map(norm_char));
}

/// The first `chars` normalised characters of `s` (no allocation: for the
/// tests that look only at the head of a line). When they are the head of
/// `s` itself (no character in it changes), that slice of `s` is returned;
/// else they are written into `buf`, stopping early when it is full (`4 *
/// chars` bytes always suffice).
pub(crate) fn norm_head<'b>(s: &'b str, chars: usize, buf: &'b mut [u8]) -> &'b str {
    // the longest head of `s[..end]` that fits in `buf`, as the copy would be
    let fit = |end: usize, cap: usize| {
        let mut e = end.min(cap);
        while !s.is_char_boundary(e) {
            e -= 1;
        }
        &s[..e]
    };
    let b = s.as_bytes();
    let mut count = 0;
    let mut i = 0;
    // the head of characters that are their own normal form, a slice of
    // `s`: ASCII and the CJK block judged from their bytes (as in
    // `push_norm`)
    loop {
        if count == chars || i == b.len() {
            return fit(i, buf.len());
        }
        let x = b[i];
        if x < 0x80 {
            if matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                break;
            }
            i += 1;
        } else if own_wide_at(b, i) {
            i += 3;
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            if norm_char(c) != Some(c) {
                break;
            }
            i += c.len_utf8();
        }
        count += 1;
    }
    // the first character that changes is at `i`: copy the head before it
    if i > buf.len() {
        return fit(i, buf.len());
    }
    buf[..i].copy_from_slice(&b[..i]);
    let mut at = i;
    for c in s[i..].chars() {
        if count == chars {
            break;
        }
        let Some(n) = norm_char(c) else { continue };
        count += 1;
        let l = n.len_utf8();
        let Some(slot) = buf.get_mut(at..at + l) else {
            break;
        };
        n.encode_utf8(slot);
        at += l;
    }
    // whole characters were written: valid UTF-8
    simdutf8::basic::from_utf8(&buf[..at]).unwrap_or_default()
}

impl Norm {
    /// An empty `Norm` with room for `bytes` bytes of normalised text.
    pub(crate) fn with_capacity(bytes: usize) -> Norm {
        Norm {
            s: String::with_capacity(bytes),
            segs: Vec::with_capacity(16),
        }
    }
    /// Appends the source text `src` found at byte offset `at`. (The mapper
    /// uses [`Norm::push_loud`]; this is for callers that do not read the
    /// characters.)
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn push(&mut self, src: &str, at: usize) {
        self.push_each(src, at, |_, _| {});
    }
    /// [`Norm::push`], calling `each(pos, c)` for every character it appends
    /// to the normalised text, in order (`pos`: its byte offset in `s`, `c`:
    /// its code point): a caller that reads the normalised characters (a
    /// marker scan) does it as they are made, in the same pass. It is
    /// [`Norm::push_loud`] with every character loud (no stretch is skipped),
    /// so the two share their per-byte dispatch.
    #[cfg_attr(not(test), allow(dead_code))]
    #[inline(always)]
    pub(crate) fn push_each(&mut self, src: &str, at: usize, each: impl FnMut(usize, u32)) {
        self.push_loud(src, at, |_| true, &Quiet::ALL, each);
    }

    /// [`Norm::push_each`] for a caller that reads only some characters:
    /// `each(pos, c)` is called for every character of the normalised text
    /// that `loud` holds of, and for the first of each stretch of the others
    /// that are their own normal form (white space inside a stretch does not
    /// part it); the rest of such a stretch is skipped in a tight loop, with
    /// no call and no map entry per character. For a caller whose state after
    /// a character `loud` rejects does not depend on how many such characters
    /// follow (a marker scan: only digits, brackets and numerals matter).
    /// The text and the map are those of [`Norm::push_each`]. `table` is
    /// `loud` over U+3000..U+9FFF as a table ([`Quiet::with`] of the code
    /// points there that `loud` holds of): inside a stretch those
    /// characters are judged by one look-up, not decoded and asked.
    #[inline(always)]
    pub(crate) fn push_loud(
        &mut self,
        src: &str,
        at: usize,
        loud: impl Fn(u32) -> bool,
        table: &Quiet,
        mut each: impl FnMut(usize, u32),
    ) {
        self.s.reserve(src.len());
        let b = src.as_bytes();
        let mut run = 0;
        let mut copying = false;
        // the last character reported was one `loud` rejects, and those
        // after it so far are too (and their own normal form)
        let mut quiet = false;
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            let (cp, len) = if x < 0x80 {
                if matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                    self.s.push_str(&src[run..i]);
                    run = i + 1;
                    i += 1;
                    copying = false;
                    continue;
                }
                (u32::from(x), 1)
            } else if own_wide_at(b, i) {
                (ideograph_at(b, i), 3)
            } else {
                let Some(c) = src[i..].chars().next() else {
                    break;
                };
                let len = c.len_utf8();
                match norm_char(c) {
                    Some(n) if n == c => (u32::from(c), len),
                    n => {
                        let pos = self.s.len() + (i - run);
                        self.s.push_str(&src[run..i]);
                        (run, copying) = (i + len, false);
                        if let Some(n) = n {
                            self.push_changed(pos, at + i..at + i + len, n);
                            each(pos, u32::from(n));
                            quiet = false;
                        }
                        i += len;
                        continue;
                    }
                }
            };
            let pos = self.s.len() + (i - run);
            if !copying {
                self.segs.push(Seg {
                    at: pos,
                    src: at + i,
                    changed: None,
                });
                copying = true;
            }
            i += len;
            if loud(cp) {
                each(pos, cp);
                quiet = false;
                continue;
            }
            if !quiet {
                each(pos, cp);
                quiet = true;
            }
            i = quiet_end(b, i, &loud, table);
        }
        self.s.push_str(&src[run..]);
    }

    /// Appends the character `n`, at byte `pos` of the text, that the
    /// source's character at `src` changed into, with its map entry.
    #[inline(always)]
    fn push_changed(&mut self, pos: usize, src: std::ops::Range<usize>, n: char) {
        self.segs.push(Seg {
            at: pos,
            src: src.start,
            changed: Some(src.end),
        });
        self.s.push(n);
    }

    /// Source range of normalised bytes `a..b` (`a < b`): from the start
    /// of the character at `a` to the end of the character at `b - 1`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn source(&self, a: usize, b: usize) -> (usize, usize) {
        self.source_from(&mut 0, a, b)
    }

    /// [`Norm::source`] for ranges asked for in rising order: `hint` is a
    /// segment of the map at or before `a` (0 at first), moved on to the
    /// one at `b - 1`, so that the map is walked once for all of them.
    pub(crate) fn source_from(&self, hint: &mut usize, a: usize, b: usize) -> (usize, usize) {
        // (a copied character is whole in its segment: its start and end
        // in `s` are those of the source, shifted)
        let mut a = a.min(self.s.len());
        while !self.s.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = b.min(self.s.len());
        while !self.s.is_char_boundary(b) {
            b += 1;
        }
        let mut seg = |p: usize| {
            // (a hint past `p` starts over)
            if self.segs.get(*hint).is_none_or(|g| g.at > p) {
                *hint = 0;
            }
            while self.segs.get(*hint + 1).is_some_and(|g| g.at <= p) {
                *hint += 1;
            }
            self.segs.get(*hint).copied()
        };
        let start = match seg(a) {
            Some(Seg {
                at,
                src,
                changed: None,
            }) => src + (a - at),
            Some(g) => g.src,
            None => 0,
        };
        let end = match seg(b.saturating_sub(1)) {
            Some(Seg {
                at,
                src,
                changed: None,
            }) => src + (b - at),
            Some(Seg {
                changed: Some(end), ..
            }) => end,
            None => 0,
        };
        (start, end)
    }
    /// Empties it, keeping its buffers (one `Norm` reused for many runs).
    pub(crate) fn clear(&mut self) {
        self.s.clear();
        self.segs.clear();
    }
    /// True when empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.s.is_empty()
    }
}

#[cfg(test)]
mod tests;
