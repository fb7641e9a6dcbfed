//! Lexical grammar: numerals, list markers, white space (the normaliser is
//! `text::norm`, re-exported here).
//!
//! Every parser here works on `&str` slices of the caller's text (nom 8,
//! `complete` parsers), so offsets found by `input.offset(rest)` refer to the
//! decoded text. The parsers are recognisers of line heads; they never fail
//! a document: a line that does not start with a marker is simply text. The
//! error type is nom's default because no user-facing error comes from here.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while};
use nom::character::complete::char;
use nom::combinator::{map, opt, recognize, verify};
use nom::{IResult, Parser};

use crate::chars::is_space;

type Res<'a, T> = IResult<&'a str, T>;

pub(crate) use super::norm::{Norm, Quiet, norm, norm_char, norm_head, norm_into, push_norm};

/// Value of a Chinese numeral digit.
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

fn spaces(i: &str) -> Res<'_, &str> {
    take_while(is_space).parse(i)
}

/// A top-level section marker: `一、` (also `一．`, `一.`), with its number.
/// Leading and inner spaces are allowed (`三 、`).
pub(crate) fn section_marker(i: &str) -> Res<'_, u32> {
    match section_marker_at(i) {
        Some((len, n)) => Ok((&i[len..], n)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        ))),
    }
}

/// The value of the numeral 一…十 (a [`cn_digit`] above 0) that `b` starts
/// with, read from its three bytes (every such numeral is U+4E00…U+5341).
#[inline]
fn numeral_at(b: &[u8]) -> Option<u32> {
    let &[x, y, z, ..] = b else { return None };
    if !matches!(x, 0xE4 | 0xE5) {
        return None;
    }
    let cp = (u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F);
    char::from_u32(cp).and_then(cn_digit).filter(|&d| d > 0)
}

/// A Chinese numeral 1–99 (`一` … `十` … `九十九`) at the start of `b` (the
/// bytes of a `&str` from a character boundary), read from its bytes: the
/// value and the numeral's length in bytes.
#[inline]
fn cn_numeral_at(b: &[u8]) -> Option<(u32, usize)> {
    // at most three digits, taken greedily as `take_while_m_n(1, 3, …)` does
    let mut d = [0u32; 3];
    let mut n = 0;
    while n < 3 {
        let Some(x) = numeral_at(&b[3 * n..]) else {
            break;
        };
        d[n] = x;
        n += 1;
    }
    let v = match &d[..n] {
        [d] => *d,
        [10, d] if (1..10).contains(d) => 10 + d,
        [d, 10] if (2..10).contains(d) => d * 10,
        [d, 10, e] if (2..10).contains(d) && (1..10).contains(e) => d * 10 + e,
        _ => return None,
    };
    Some((v, 3 * n))
}

/// The length in bytes of the white space ([`is_space`]) at the start of `s`.
#[inline]
fn spaces_len(s: &str) -> usize {
    s.len() - super::space::trim_start(s).len()
}

/// `(length in bytes, number)` of the section marker at the start of `s`
/// (see [`section_marker`]).
fn section_marker_at(s: &str) -> Option<(usize, u32)> {
    let (n, len) = cn_numeral_at(s.as_bytes())?;
    let at = len + spaces_len(&s[len..]);
    Some((at + stop_len(&s.as_bytes()[at..])?, n))
}

/// The style of a subsection marker; markers of one style are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum MarkerStyle {
    /// （一） (一) ( 二)
    ParenCn,
    /// 一、 inside a section body
    CnDun,
    /// 1. 1、 1．
    Digit,
    /// (1) （1）
    ParenDigit,
    /// ① …
    Circled,
    /// 一是 二是
    CnShi,
}

/// True when a subsection marker can start with `c`: a parenthesis, a
/// digit, a circled number or a Chinese numeral.
pub(crate) fn opens_subsection_marker(c: char) -> bool {
    matches!(c, '(' | '（' | '0'..='9' | '①'..='⑳') || cn_digit(c).is_some_and(|d| d > 0)
}

/// A subsection marker at the start of `i`: its style and number. Does not
/// consume trailing white space.
pub(crate) fn subsection_marker(i: &str) -> Res<'_, (MarkerStyle, u32)> {
    match subsection_marker_at(i) {
        Some((len, m)) => Ok((&i[len..], m)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alt,
        ))),
    }
}

/// `(length in bytes, style and number)` of the subsection marker at the
/// start of `s` (see [`subsection_marker`]), read from its bytes: the
/// first byte says which styles can follow (each style's marker opens with
/// characters of its own), and the grammar of that style is read by hand
/// (the nom grammar it replaces is the reference of the unit tests).
fn subsection_marker_at(s: &str) -> Option<(usize, (MarkerStyle, u32))> {
    let b = s.as_bytes();
    match *b.first()? {
        b'(' => paren_marker_at(s, 1),
        _ if b.starts_with("（".as_bytes()) => paren_marker_at(s, "（".len()),
        b'0'..=b'9' => {
            let (n, len) = ascii_number_at(b)?;
            let at = len + stop_len(&b[len..])?;
            // `2019.1` or `1.5万` are numbers, not markers
            if b.get(at).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            Some((at, (MarkerStyle::Digit, n)))
        }
        // ① … ⑳ (U+2460 … U+2473: E2 91 A0 … E2 91 B3)
        0xE2 => match b[1..] {
            [0x91, z @ 0xA0..=0xB3, ..] => {
                Some((3, (MarkerStyle::Circled, u32::from(z - 0xA0) + 1)))
            }
            _ => None,
        },
        // a Chinese numeral: `一是` or a section marker
        _ => {
            let (n, len) = cn_numeral_at(b)?;
            if b[len..].starts_with("是".as_bytes()) {
                return Some((len + "是".len(), (MarkerStyle::CnShi, n)));
            }
            section_marker_at(s).map(|(len, n)| (len, (MarkerStyle::CnDun, n)))
        }
    }
}

/// A marker in parentheses (`（一）`, `( 2)`) whose opening parenthesis is
/// `open` bytes long: its length in bytes, style and number.
fn paren_marker_at(s: &str, open: usize) -> Option<(usize, (MarkerStyle, u32))> {
    let b = s.as_bytes();
    let at = open + spaces_len(&s[open..]);
    // a Chinese numeral or one or two ASCII digits (the two never start alike)
    let (style, (n, len)) = match cn_numeral_at(&b[at..]) {
        Some(x) => (MarkerStyle::ParenCn, x),
        None => (MarkerStyle::ParenDigit, ascii_number_at(&b[at..])?),
    };
    let at = at + len;
    let at = at + spaces_len(&s[at..]);
    let close = if b.get(at) == Some(&b')') {
        1
    } else if b[at..].starts_with("）".as_bytes()) {
        "）".len()
    } else {
        return None;
    };
    Some((at + close, (style, n)))
}

/// One or two ASCII digits at the start of `b`: their value and length.
#[inline]
fn ascii_number_at(b: &[u8]) -> Option<(u32, usize)> {
    let digit = |k: usize| {
        b.get(k)
            .filter(|x| x.is_ascii_digit())
            .map(|x| u32::from(x - b'0'))
    };
    let first = digit(0)?;
    Some(match digit(1) {
        Some(second) => (first * 10 + second, 2),
        None => (first, 1),
    })
}

/// The length of the stop after a marker's number at the start of `b`:
/// `、`, `．` or `.`.
#[inline]
fn stop_len(b: &[u8]) -> Option<usize> {
    if b.starts_with("、".as_bytes()) || b.starts_with("．".as_bytes()) {
        Some(3)
    } else if b.first() == Some(&b'.') {
        Some(1)
    } else {
        None
    }
}

/// Word-processor residue at the start of `i`: `[bookmark: _GoBack]`,
/// `**`, `<br>`; returns the residue.
pub(crate) fn markup(i: &str) -> Res<'_, &str> {
    // every residue starts with `[` or `<`: one look at the first byte
    // rules most text out
    if !matches!(i.as_bytes().first(), Some(b'[' | b'<')) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    markup_grammar(i)
}

/// [`markup`] without the look at the first byte.
fn markup_grammar(i: &str) -> Res<'_, &str> {
    alt((
        recognize((
            tag("[bookmark:"),
            take_while(|c| c != ']' && c != '\n'),
            char(']'),
        )),
        recognize((
            tag("[bookmark"),
            take_while(|c| c != ']' && c != '\n'),
            char(']'),
        )),
        tag("<br>"),
        tag("<br/>"),
    ))
    .parse(i)
}

/// A page number line: `-3-`, `- 3 -`, `— 3 —`, `第 3 页`, `3/12`.
pub(crate) fn is_page_number(t: &str) -> bool {
    fn dash(i: &str) -> Res<'_, char> {
        alt((char('-'), char('—'), char('－'), char('–'))).parse(i)
    }
    fn digits(i: &str) -> Res<'_, &str> {
        verify(take_while(|c: char| c.is_ascii_digit()), |s: &str| {
            !s.is_empty() && s.len() <= 4
        })
        .parse(i)
    }
    let p1 = (dash, spaces, digits, spaces, dash);
    let p2 = (
        char('第'),
        spaces,
        digits,
        spaces,
        char('页'),
        opt((spaces, char('共'), spaces, digits, spaces, char('页'))),
    );
    let p3 = (digits, spaces, char('/'), spaces, digits);
    let is_dash = |c: char| matches!(c, '-' | '—' | '－' | '–');
    // (the first character decides whether a form can match at all: the
    // end of a line is trimmed only when it can)
    let t = crate::text::space::trim_start(t);
    if !t
        .chars()
        .next()
        .is_some_and(|a| is_dash(a) || a == '第' || a.is_ascii_digit())
    {
        return false;
    }
    let t = crate::text::space::trim_end(t);
    let full = |r: Res<'_, ()>| matches!(r, Ok(("", _)));
    // each form is told by its first and last characters (and `/`): one
    // look at them rules most lines out, and picks the one form to parse
    match (t.chars().next(), t.chars().next_back()) {
        (Some(a), Some(z)) if is_dash(a) && is_dash(z) => full(map(p1, |_| ()).parse(t)),
        (Some('第'), Some('页')) => full(map(p2, |_| ()).parse(t)),
        (Some(a), Some(z))
            if a.is_ascii_digit()
                && z.is_ascii_digit()
                && memchr::memchr(b'/', t.as_bytes()).is_some() =>
        {
            full(map(p3, |_| ()).parse(t))
        }
        _ => false,
    }
}

/// Byte positions in normalised text `s` where a list marker starts: `一、`,
/// `(一)`, `1.`, `1、` (not preceded by a digit).
#[cfg(test)]
pub(crate) fn marker_starts(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    marker_starts_into(s, &mut out);
    out
}

/// Byte positions in normalised text `s` where a list marker starts (`一、`,
/// `(一)`, `1.`, `1、`, not preceded by a digit), appended to `out` (a buffer
/// reused for many strings). The mapper finds them with [`MarkerScan`] as
/// it normalises a label run; this is the same scan over a text made
/// already.
#[cfg(test)]
pub(crate) fn marker_starts_into(s: &str, out: &mut Vec<usize>) {
    let mut places = Vec::new();
    let mut scan = MarkerScan::default();
    for (i, c) in s.char_indices() {
        scan.feed(i, u32::from(c), &mut places);
    }
    let kept = MarkerScan::check(s, &mut places, &[]);
    out.extend(places[..kept].iter().map(|&(at, _)| at));
}

/// `marker_starts_into` (the reference, in tests) fed one character at a time, as a normalised
/// text is made (see [`Norm::push_each`]): the places where a marker may
/// start are noted in the pass ([`MarkerScan::feed_with`]), and only those are
/// tried against the whole text at the end ([`MarkerScan::check`]).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct MarkerScan {
    /// Where the line starts (a marker there is not tried).
    start: usize,
    prev_digit: bool,
    prev_cn: bool,
}

impl MarkerScan {
    /// A scan of a line that starts at byte `start` of the text.
    pub(crate) fn at_line(start: usize) -> MarkerScan {
        MarkerScan {
            start,
            ..MarkerScan::default()
        }
    }

    /// Reads the character of code point `cp` at byte `pos` of the text;
    /// `pos` is appended to `out` when a marker may start there.
    #[cfg(test)]
    pub(crate) fn feed(&mut self, pos: usize, cp: u32, out: &mut Vec<(usize, usize)>) {
        // the numerals are three bytes long (U+3007 〇 … U+96F6 零)
        let cn = (0x3000..0xA000).contains(&cp)
            && char::from_u32(cp).is_some_and(|c| cn_digit(c).is_some());
        self.feed_with(pos, cp, cn, out);
    }

    /// `MarkerScan::feed` (in tests) where the caller knows whether the character is
    /// a Chinese numeral ([`cn_digit`]): `cn`. A place is noted as
    /// `(pos, 0)`; [`MarkerScan::check`] fills in the marker's length.
    #[inline(always)]
    pub(crate) fn feed_with(
        &mut self,
        pos: usize,
        cp: u32,
        cn: bool,
        out: &mut Vec<(usize, usize)>,
    ) {
        let digit = cp.wrapping_sub(u32::from(b'0')) < 10;
        // a marker at the very start is no cut: not even tried
        if pos > self.start
            && (cp == u32::from(b'(') || digit && !self.prev_digit || cn && !self.prev_cn)
        {
            out.push((pos, 0));
        }
        (self.prev_digit, self.prev_cn) = (digit, cn);
    }

    /// Keeps the places of `places` (noted by [`MarkerScan::feed_with`] as the
    /// text was made; the line ends at the end of `s`) where a list marker
    /// starts, at the front of `places` in order, each with the marker's
    /// length in bytes; returns how many: those are what
    /// `marker_starts_into` finds in the line.
    ///
    /// `apart` (rising) are the places of `s` where a part starts that stood
    /// apart from the one before it (white space between them, which `s`
    /// does not hold): a digit there is not glued to the marker before it,
    /// so `2.` + `1.案` is the marker `2.`, where `2.1.案` is none (`2.1`
    /// reads as a number).
    pub(crate) fn check(s: &str, places: &mut [(usize, usize)], apart: &[usize]) -> usize {
        let mut k = 0;
        for i in 0..places.len() {
            let at = places[i].0;
            let rest = &s[at..];
            let after = match rest.as_bytes()[0] {
                // (a marker that starts with `(` is in parentheses)
                b'(' => subsection_marker_at(rest).map(|(len, _)| len),
                // (one that starts with a digit is of the `1.` style)
                b'0'..=b'9' => digit_marker_at(s, at, apart),
                _ => section_marker_at(rest).map(|(len, _)| len),
            };
            if let Some(len) = after {
                places[k] = (at, len);
                k += 1;
            }
        }
        k
    }
}

/// The length of the `1.`-style marker at byte `at` of `s` (see
/// [`MarkerScan::check`]): a digit after its stop makes it none (`2.1` is a
/// number) unless that digit starts a part apart from the marker's (a place
/// of `apart`).
fn digit_marker_at(s: &str, at: usize, apart: &[usize]) -> Option<usize> {
    let rest = &s[at..];
    if let Some((len, _)) = subsection_marker_at(rest) {
        return Some(len);
    }
    // (the first part that starts after the marker's first digit)
    let next = apart[apart.partition_point(|&p| p <= at)..].first()?;
    subsection_marker_at(s.get(at..*next)?)
        .map(|(len, _)| len)
        .filter(|&len| at + len == *next)
}

/// True when `t` ends a sentence as the parser reads it (`。！？；：…`, also
/// before closing quotes and brackets).
pub(crate) fn ends_sentence(t: &str) -> bool {
    let core = t
        .trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '"', '*']);
    core.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

#[cfg(test)]
mod tests;
