//! Lexical grammar: numerals, list markers, white space (the normaliser is
//! `text::norm`, re-exported here).
//!
//! Every parser here works on `&str` slices of the caller's text (nom 8,
//! `complete` parsers), so offsets found by `input.offset(rest)` refer to the
//! decoded text. The parsers are recognisers of line heads; they never fail
//! a document: a line that does not start with a marker is simply text. The
//! error type is nom's default because no user-facing error comes from here.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map, map_opt, not, opt, peek, recognize, verify};
use nom::{IResult, Parser};

use crate::chars::is_space;

type Res<'a, T> = IResult<&'a str, T>;

pub(crate) use super::norm::{Norm, norm, norm_char, norm_head, norm_into, push_norm};

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

fn cn_value(s: &str) -> Option<u32> {
    // at most three digits (the caller takes 1 to 3): no allocation
    let mut buf = [0u32; 3];
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = cn_digit(c)?;
        n += 1;
    }
    match &buf[..n] {
        [d] if *d > 0 => Some(*d),
        [10, d] if (1..10).contains(d) => Some(10 + d),
        [d, 10] if (2..10).contains(d) => Some(d * 10),
        [d, 10, e] if (2..10).contains(d) && (1..10).contains(e) => Some(d * 10 + e),
        _ => None,
    }
}

/// A Chinese numeral 1–99 (`一` … `十` … `九十九`).
pub(crate) fn cn_numeral(i: &str) -> Res<'_, u32> {
    map_opt(
        take_while_m_n(1, 3, |c| cn_digit(c).is_some_and(|d| d > 0)),
        cn_value,
    )
    .parse(i)
}

fn spaces(i: &str) -> Res<'_, &str> {
    take_while(is_space).parse(i)
}

fn ascii_number(i: &str) -> Res<'_, u32> {
    map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |s: &str| s.parse().ok(),
    )
    .parse(i)
}

fn open_paren(i: &str) -> Res<'_, char> {
    alt((char('（'), char('('))).parse(i)
}

fn close_paren(i: &str) -> Res<'_, char> {
    alt((char('）'), char(')'))).parse(i)
}

/// A top-level section marker: `一、` (also `一．`, `一.`), with its number.
/// Leading and inner spaces are allowed (`三 、`).
pub(crate) fn section_marker(i: &str) -> Res<'_, u32> {
    // a look at the first character rules most text out
    if i.chars()
        .next()
        .is_none_or(|c| cn_digit(c).is_none_or(|d| d == 0))
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        )));
    }
    let (i, n) = cn_numeral(i)?;
    let (i, _) = spaces(i)?;
    let (i, _) = alt((char('、'), char('．'), char('.'))).parse(i)?;
    Ok((i, n))
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
    // every marker starts with a parenthesis, a digit, a circled number or
    // a Chinese numeral: one look at the first character rules most text out
    let Some(first) = i.chars().next().filter(|&c| opens_subsection_marker(c)) else {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alt,
        )));
    };
    // the first character says which styles can follow (each style's
    // marker opens with characters of its own): only those are tried, in
    // the order of the full list, so the answer is the list's
    match first {
        '(' | '（' => alt((
            map(
                (open_paren, spaces, cn_numeral, spaces, close_paren),
                |(_, _, n, _, _)| (MarkerStyle::ParenCn, n),
            ),
            map(
                (open_paren, spaces, ascii_number, spaces, close_paren),
                |(_, _, n, _, _)| (MarkerStyle::ParenDigit, n),
            ),
        ))
        .parse(i),
        '0'..='9' => map(
            (
                ascii_number,
                alt((char('.'), char('、'), char('．'))),
                // `2019.1` or `1.5万` are numbers, not markers
                not(peek(satisfy(|c: char| c.is_ascii_digit()))),
            ),
            |(n, _, _)| (MarkerStyle::Digit, n),
        )
        .parse(i),
        '①'..='⑳' => Ok((
            &i[first.len_utf8()..],
            (MarkerStyle::Circled, first as u32 - '①' as u32 + 1),
        )),
        // a Chinese numeral
        _ => alt((
            map((cn_numeral, char('是')), |(n, _)| (MarkerStyle::CnShi, n)),
            map(section_marker, |n| (MarkerStyle::CnDun, n)),
        ))
        .parse(i),
    }
}

/// Word-processor residue at the start of `i`: `[bookmark: _GoBack]`,
/// `**`, `<br>`; returns the residue.
pub(crate) fn markup(i: &str) -> Res<'_, &str> {
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
    let t = crate::text::space::trim(t);
    let is_dash = |c: char| matches!(c, '-' | '—' | '－' | '–');
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
    let kept = MarkerScan::check(s, &mut places);
    out.extend(places[..kept].iter().map(|&(at, _)| at));
}

/// [`marker_starts_into`] fed one character at a time, as a normalised
/// text is made (see [`Norm::push_each`]): the places where a marker may
/// start are noted in the pass ([`MarkerScan::feed`]), and only those are
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

    /// [`MarkerScan::feed`] where the caller knows whether the character is
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

    /// Keeps the places of `places` (noted by [`MarkerScan::feed`] as the
    /// text was made; the line ends at the end of `s`) where a list marker
    /// starts, at the front of `places` in order, each with the marker's
    /// length in bytes; returns how many: those are what
    /// [`marker_starts_into`] finds in the line.
    pub(crate) fn check(s: &str, places: &mut [(usize, usize)]) -> usize {
        let mut k = 0;
        for i in 0..places.len() {
            let at = places[i].0;
            let rest = &s[at..];
            let after = match rest.as_bytes()[0] {
                b'(' => match subsection_marker(rest) {
                    Ok((r, (MarkerStyle::ParenCn | MarkerStyle::ParenDigit, _))) => Some(r),
                    _ => None,
                },
                b'0'..=b'9' => match subsection_marker(rest) {
                    Ok((r, (MarkerStyle::Digit, _))) => Some(r),
                    _ => None,
                },
                // (the numerals and spaces are followed by `、`, `．` or
                // `.` in a marker: most numerals in a label are not)
                _ => {
                    let after = rest.trim_start_matches(|c| cn_digit(c).is_some() || is_space(c));
                    if after.starts_with(['、', '．', '.']) {
                        section_marker(rest).ok().map(|(r, _)| r)
                    } else {
                        None
                    }
                }
            };
            if let Some(r) = after {
                places[k] = (at, rest.len() - r.len());
                k += 1;
            }
        }
        k
    }
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
