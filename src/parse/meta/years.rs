//! Years in the metadata's texts: the `2021年` of a normalised text, a
//! paragraph's opening year read from its bytes, and the span of a year's
//! digits in the source.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::model::Span;

/// Finds `year` as digits inside the source span, for a mention's span.
pub(super) fn year_span(
    text: &str,
    within: Span,
    year: i32,
    loc: &crate::lines::Locator<'_>,
) -> Span {
    // the digits written on the stack, from the last
    let mut digits = [0u8; 12];
    let mut at = digits.len();
    let mut v = year.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if year < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    let y = &digits[at..];
    let hay = text.get(within.range()).unwrap_or("");
    let start = within.start as usize;
    match find_short(hay.as_bytes(), y) {
        Some(i) => loc.span(start + i, start + i + y.len()),
        None => within,
    }
}

/// The first place of the short `needle` (a year's digits) in `hay`, as
/// `memmem::find` finds it, without building a searcher for one search:
/// its first byte by `memchr`, the rest compared there.
pub(super) fn find_short(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(k) = memchr::memchr(first, hay.get(from..)?) {
        let p = from + k;
        if hay[p + 1..].starts_with(rest) {
            return Some(p);
        }
        from = p + 1;
    }
    None
}

/// The years in `s` (normalised) written as `2021年`, skipping 《…》
/// titles: (byte offset, year), found one by one (no list is built).
pub(super) fn years_in(s: &str) -> Years<'_> {
    Years { s, i: 0, depth: 0 }
}

/// The iterator of [`years_in`].
pub(super) struct Years<'a> {
    s: &'a str,
    i: usize,
    depth: i32,
}

impl Iterator for Years<'_> {
    type Item = (usize, i32);

    fn next(&mut self) -> Option<(usize, i32)> {
        static NIAN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("年"));
        let s = self.s;
        let b = s.as_bytes();
        while self.i < b.len() {
            // the next 年, then the 《 》 before it (E3 80 8A, E3 80 8B: the
            // lead byte E3 is never a continuation byte, nor a digit)
            let Some(k) = NIAN.find(&b[self.i..]) else {
                self.i = b.len();
                break;
            };
            let p = self.i + k;
            for q in memchr::memchr_iter(0xE3, &b[self.i..p]) {
                let q = self.i + q;
                if b.get(q + 1) == Some(&0x80) {
                    match b.get(q + 2) {
                        Some(0x8A) => self.depth += 1,
                        Some(0x8B) => self.depth = (self.depth - 1).max(0),
                        _ => {}
                    }
                }
            }
            self.i = p + '年'.len_utf8();
            // four digits right before the 年, no digit before them nor
            // after it
            if self.depth == 0
                && p >= 4
                && b[p - 4..p].iter().all(u8::is_ascii_digit)
                && (p == 4 || !b[p - 5].is_ascii_digit())
                && !b.get(self.i).is_some_and(u8::is_ascii_digit)
                && let Ok(y) = s[p - 4..p].parse::<i32>()
                && (2000..=2100).contains(&y)
            {
                return Some((p - 4, y));
            }
        }
        None
    }
}

/// The year of `t` when it opens with one as most do, `2021年` and a
/// character that normalises to one other than a digit (`，`, `、`, `。`,
/// an ideograph, ASCII other than a digit or white space) or nothing: the
/// first year [`years_in`] finds in its normal form, at its start, read
/// from the bytes. `None` for every other text (the caller then
/// normalises its head).
pub(super) fn opening_year(t: &str) -> Option<i32> {
    let [a, b, c, d, 0xE5, 0xB9, 0xB4, after @ ..] = t.as_bytes() else {
        return None;
    };
    let digits = [*a, *b, *c, *d];
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let ends = match after {
        [] => true,
        [x, ..] if (0x21..0x7F).contains(x) => !x.is_ascii_digit(),
        [0xE4..=0xE9, ..] | [0xEF, 0xBC, 0x8C, ..] | [0xE3, 0x80, 0x81 | 0x82, ..] => true,
        _ => false,
    };
    let y = digits.iter().fold(0, |y, &x| y * 10 + i32::from(x - b'0'));
    (ends && (2000..=2100).contains(&y)).then_some(y)
}
