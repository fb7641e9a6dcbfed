//! The grammar of a cell's text, in nom: numbers, fused digit runs, units,
//! remarks and null markers, and the split of one field (no white space in
//! it) into label and value tokens ([`field_tokens`]).
//!
//! Numbers and digit runs are read from their bytes ([`number_at`]: the
//! nom grammar it replaced is its reference in the tests); units, remarks
//! and glued list markers are nom parsers on `&str` ([`unit()`], [`remark`]);
//! null markers are the one set of [`crate::text::nulls`]. Label text
//! between figures is skipped to the next byte that can start a number, so
//! a field is read in one pass with no allocation.

use nom::bytes::complete::take_till;
use nom::character::complete::{one_of, satisfy};
use nom::combinator::{not, peek, recognize, verify};
use nom::{IResult, Parser};

use super::{Tk, Tok};
use crate::template::vocabulary;

type Res<'a, T> = IResult<&'a str, T>;

/// An ASCII or a full-width digit.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The digit (ASCII or full-width) whose bytes start at `b[i]`, with its
/// length in bytes (`０`…`９`: `EF BC 90`…`EF BC 99`).
#[inline(always)]
fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b.get(i) {
        Some(&x @ b'0'..=b'9') => Some((x - b'0', 1)),
        Some(0xEF) if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2) {
            Some(&y @ 0x90..=0x99) => Some((y - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The value of a number's digits, summed as they are read (`None` once
/// it does not fit a [`Number`](crate::model::Number): an `i64` mantissa
/// and at most [`MAX_SCALE`](crate::model::number::MAX_SCALE) decimals).
struct Reading {
    mantissa: Option<i64>,
    scale: u8,
    fraction: bool,
}

impl Reading {
    fn push(&mut self, d: u8) {
        if self.fraction {
            if self.scale >= crate::model::number::MAX_SCALE {
                self.mantissa = None;
            } else {
                self.scale += 1;
            }
        }
        self.mantissa = self
            .mantissa
            .and_then(|m| m.checked_mul(10)?.checked_add(i64::from(d)));
    }

    /// Reads the run of digits at `b[*i]`; true when there is one.
    fn run(&mut self, b: &[u8], i: &mut usize) -> bool {
        let start = *i;
        while let Some((d, len)) = digit_at(b, *i) {
            self.push(d);
            *i += len;
        }
        *i > start
    }
}

/// What the cell grammar reads as a value at the start of `s`: the length
/// of the number there — an optional `-`, digits with thousands groups
/// (`1,234`), an optional decimal part (`7730.28`, `１２．５`): the prefix
/// [`Number::parse_prefix`](crate::model::Number::parse_prefix) reads —
/// and its value, or else, when it does not fit a
/// [`Number`](crate::model::Number), the length of the run of digits there
/// with no value (a fused run); `None` when neither matches. One pass over
/// the bytes, no decoding (the nom grammar it replaced is its reference in
/// the tests).
fn number_at(s: &str) -> Option<(usize, Option<crate::model::Number>)> {
    let b = s.as_bytes();
    let (negative, mut i) = match b {
        [b'-', ..] => (true, 1),
        [0xEF, 0xBC, 0x8D, ..] => (true, 3),
        _ => (false, 0),
    };
    let mut r = Reading {
        mantissa: Some(0),
        scale: 0,
        fraction: false,
    };
    if !r.run(b, &mut i) {
        return None;
    }
    let first_run = i;
    // thousands groups (`,` and three ASCII digits, no fourth), and the
    // full-width digits a group may be followed by
    loop {
        let group = b.get(i) == Some(&b',')
            && b.get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if group {
            b[i + 1..i + 4].iter().for_each(|&x| r.push(x - b'0'));
            i += 4;
        } else if !r.run(b, &mut i) {
            break;
        }
    }
    // a decimal part: `.` or `．` (`EF BC 8E`) and digits
    let point = match (b.get(i), b.get(i + 1..i + 3)) {
        (Some(b'.'), _) => 1,
        (Some(0xEF), Some([0xBC, 0x8E])) => 3,
        _ => 0,
    };
    if point > 0 && digit_at(b, i + point).is_some() {
        i += point;
        r.fraction = true;
        r.run(b, &mut i);
    }
    let m = r.mantissa.map(|m| if negative { -m } else { m });
    match m.and_then(|m| crate::model::Number::new(m, r.scale)) {
        Some(v) => Some((i, Some(v))),
        None => (!negative).then_some((first_run, None)),
    }
}

/// A unit written after a figure (`万元`, `件`, `%` …: the units of the
/// vocabulary).
pub(crate) fn unit(i: &str) -> Res<'_, &str> {
    match vocabulary::unit_prefix(i) {
        Some(len) => Ok((&i[len..], &i[..len])),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// A remark in brackets after a figure (`（其中修订16件）`); a bracket that
/// holds a list numeral (`（一）`) is no remark.
pub(crate) fn remark(i: &str) -> Res<'_, &str> {
    verify(
        recognize((
            one_of("(（"),
            take_till(|c| c == ')' || c == '）'),
            one_of(")）"),
        )),
        |r: &str| !r.contains(['一', '二', '三', '四', '五', '六', '七', '八']),
    )
    .parse(i)
}

/// True when a whole field (no white space in it) is a null marker (无, /,
/// —, -, 不适用, N/A …): the markers are a set, not a grammar, and the one set
/// is [`crate::text::nulls`], shared with the audit.
pub(super) fn null_field(f: &str) -> bool {
    // the longest marker is 9 bytes (不适用), and none starts with a digit
    f.len() <= 9 && !f.starts_with(|c: char| c.is_ascii_digit()) && vocabulary::is_null(f)
}

/// Where the value that starts at `i` (a number of `len` bytes) ends: with
/// its unit or remark, or before a list marker glued after it; `None` when
/// the number is part of a label (`2015年度`, `2.其他`).
fn value_end(f: &str, i: usize, len: usize) -> Option<usize> {
    let end = i + len;
    let after = &f[end..];
    let Some(next) = after.chars().next() else {
        return Some(end);
    };
    // a counter word makes it a label, unless the field ends with `个`
    if matches!(
        next,
        '年' | '月' | '日' | '号' | '项' | '类' | '级' | '个' | '岁'
    ) && !(next == '个' && after.len() == '个'.len_utf8())
    {
        return None;
    }
    // a point and digits after the number (`2.6.57`, `6.57.` after `2.`): a
    // dotted number, part of a label, as its last part is when a marker
    // follows (`2.01.属于`, below); read as the value `2.6` and the text
    // `.57.`, the label would read otherwise once its white space is gone
    // (`2.\t6.57.` is label text, `2.6.57.` would be a figure)
    if matches!(next, '.' | '．') && after[next.len_utf8()..].starts_with(is_digit) {
        return None;
    }
    // a list marker glued after digits: `00000002.其他` → `0000000` + `2.其他`
    let mut marker = (one_of::<_, _, ()>(".、．"), not(peek(satisfy(is_digit))));
    if matches!(next, '.' | '、' | '．') && marker.parse(after).is_ok() {
        let digits = &f[i..end];
        // (one digit is the marker's own; a sign before it, `-1.`, is no
        // value either: the run is label text, as `1.` alone is)
        let (last, _) = digits.char_indices().last().unwrap_or((0, ' '));
        if digits.chars().nth(1).is_none()
            || digits.contains('.')
            || !digits[..last].contains(is_digit)
        {
            return None;
        }
        // a number in thousands groups (`6,858.`) is whole: cut before its
        // last digit it would be `6,85`, which alone reads as `6`, `,` and
        // `85`; the stop after it is text
        if digits.contains(',') {
            return Some(end);
        }
        // all but the last digit are a value
        return Some(i + digits.char_indices().last().map_or(0, |(k, _)| k));
    }
    if let Ok((rest, _)) = unit(after) {
        return Some(f.len() - rest.len());
    }
    if let Ok((rest, _)) = remark(after) {
        return Some(f.len() - rest.len());
    }
    Some(end)
}

/// A label (or null-marker) token for `f[from..to]`. (The whole field is
/// no null marker: [`field_tokens`] tried that first.)
fn label(f: &str, from: usize, to: usize, at: usize) -> Tok {
    let kind = if (from, to) != (0, f.len()) && null_field(&f[from..to]) {
        Tk::Null
    } else {
        Tk::Label
    };
    Tok::new(kind, at + from, at + to)
}

/// True for a character that may start a number.
pub(super) fn may_start_number(c: char) -> bool {
    is_digit(c) || c == '-' || c == '－'
}

/// The length of the text at the start of `s` up to the first character
/// that may start a number: a byte scan (every such character is ASCII or
/// starts with the byte `0xEF`: `０`…`９`, `－`).
fn label_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    // one step per character, its length read from its first byte (the
    // ideographs are three bytes: none of them can start a number)
    while let Some(&x) = b.get(i) {
        i += match x {
            b'0'..=b'9' | b'-' => return i,
            0..=0x7F => 1,
            // (a continuation byte: never at a character's start)
            0x80..=0xBF => 1,
            0xC0..=0xDF => 2,
            0xEF if s
                .get(i..)
                .and_then(|t| t.chars().next())
                .is_some_and(may_start_number) =>
            {
                return i;
            }
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    b.len()
}

/// Splits one field (no white space in it) into label and value tokens.
pub(crate) fn field_tokens(f: &str, at: usize, out: &mut Vec<Tok>) {
    // most fields are a plain figure: one value (a digit run has no unit,
    // remark or marker after it, and no null marker has a digit)
    if let Some(n) = super::plain_figure(f) {
        out.push(Tok {
            value: Some(Some(n)),
            ..Tok::new(Tk::Value, at, at + f.len())
        });
        return;
    }
    if f.bytes().all(|b| b.is_ascii_digit()) {
        out.push(Tok::new(Tk::Value, at, at + f.len()));
        return;
    }
    if null_field(f) {
        out.push(Tok::new(Tk::Null, at, at + f.len()));
        return;
    }
    let mut label_start: Option<usize> = None;
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < f.len() {
        // label text up to the next character that can start a number
        let text = label_len(&f[i..]);
        if text > 0 {
            label_start.get_or_insert(i);
            i += text;
            prev = f[..i].chars().next_back();
            continue;
        }
        let rest = &f[i..];
        let c = rest.chars().next().unwrap_or(' ');
        // a sign after digits starts a new (negative) number: `2648-18538`
        let starts_number = if is_digit(c) {
            !prev.is_some_and(|p| is_digit(p) || p == '.' || p == '第')
        } else {
            rest[c.len_utf8()..].starts_with(is_digit)
        };
        // a number read by the grammar carries its value; a digit run too
        // long for one does not
        let number = if starts_number { number_at(rest) } else { None };
        if let Some((len, value)) = number {
            let n = &rest[..len];
            let Some(end) = value_end(f, i, len) else {
                // part of a label
                label_start.get_or_insert(i);
                i += len;
                prev = n.chars().next_back();
                continue;
            };
            if let Some(ls) = label_start.take() {
                out.push(label(f, ls, i, at));
            }
            out.push(Tok {
                // (a value cut short before a list marker is not `n`)
                value: value.filter(|_| end >= i + len).map(Some),
                ..Tok::new(Tk::Value, at + i, at + end)
            });
            prev = f[..end].chars().next_back();
            i = end;
            continue;
        }
        label_start.get_or_insert(i);
        prev = Some(c);
        i += c.len_utf8();
    }
    if let Some(ls) = label_start {
        out.push(label(f, ls, f.len(), at));
    }
}

#[cfg(test)]
mod tests;
