//! The cell grammar against its references.

use super::super::words;
use super::*;
use proptest::prelude::*;

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::char;
use nom::combinator::opt;
use nom::multi::many0_count;

/// A run of digits (ASCII or full-width): a value even when it is too long
/// for a [`Number`](crate::model::Number) (a fused run). The reference of
/// [`number_at`]'s digit runs, with [`number`].
pub(super) fn digit_run(i: &str) -> Res<'_, &str> {
    // `take_while1(is_digit)` read from the bytes: an ASCII digit, or
    // `０`…`９` (U+FF10…U+FF19: `EF BC 90`…`EF BC 99`), with no decoding
    let b = i.as_bytes();
    let mut n = 0;
    loop {
        match b.get(n) {
            Some(b'0'..=b'9') => n += 1,
            Some(0xEF)
                if b.get(n + 1) == Some(&0xBC) && matches!(b.get(n + 2), Some(0x90..=0x99)) =>
            {
                n += 3
            }
            _ => break,
        }
    }
    if n == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhile1,
        )));
    }
    Ok((&i[n..], &i[..n]))
}

/// `,` and three ASCII digits, not followed by a fourth: a thousands group.
fn thousands(i: &str) -> Res<'_, &str> {
    recognize((
        char(','),
        take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
        not(peek(satisfy(|c| c.is_ascii_digit()))),
    ))
    .parse(i)
}

/// The value of `n`, the text of a number (digits, thousands separators, a
/// point, a leading sign), when it fits a [`Number`](crate::model::Number):
/// an `i64` mantissa and at most
/// [`MAX_SCALE`](crate::model::number::MAX_SCALE) decimals. It is what
/// [`Number::parse_prefix`](crate::model::Number::parse_prefix) reads from a
/// text that starts with a match of [`number`] (the match is its prefix,
/// exactly): the grammar reads the value as it checks that it fits, and the
/// value token carries it.
fn number_value(n: &str) -> Option<crate::model::Number> {
    let mut mantissa: i64 = 0;
    let mut scale = 0u8;
    let mut fraction = false;
    let mut negative = false;
    for c in n.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            '.' | '．' => {
                fraction = true;
                continue;
            }
            '-' | '－' => {
                negative = true;
                continue;
            }
            _ => continue,
        };
        if fraction {
            if scale >= crate::model::number::MAX_SCALE {
                return None;
            }
            scale += 1;
        }
        mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(d as u8))?;
    }
    crate::model::Number::new(if negative { -mantissa } else { mantissa }, scale)
}

/// A number as a cell writes it: an optional `-`, digits with thousands
/// groups (`1,234`), an optional decimal part (`7730.28`, `１２．５`). The
/// prefix [`Number::parse_prefix`](crate::model::Number::parse_prefix)
/// reads, exactly (a unit test compares them), with its value (read as the
/// grammar checks that it fits: see [`number_value`]). The reference of
/// [`number_at`], which [`field_tokens`] uses.
pub(super) fn number(i: &str) -> Res<'_, (&str, crate::model::Number)> {
    let (rest, n) = recognize((
        opt(one_of("-－")),
        digit_run,
        many0_count(nom::branch::alt((thousands, digit_run))),
        opt((one_of(".．"), digit_run)),
    ))
    .parse(i)?;
    match number_value(n) {
        Some(v) => Ok((rest, (n, v))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// The cell reading as it was before the nom grammar (kept as the
/// reference the grammar is compared with).
mod reference {
    use super::super::{Tk, Tok, is_digit};
    use crate::lines::is_space;
    use crate::model::Number;

    pub(super) fn tokens(text: &str) -> Vec<(Tk, usize, usize)> {
        let mut out = Vec::new();
        words(text, 0, &mut out);
        out.into_iter().map(|t| (t.kind, t.start, t.end)).collect()
    }

    /// Cuts a cell's text (at byte `at`) at white space into field tokens.
    fn words(text: &str, at: usize, out: &mut Vec<Tok>) {
        let mut word: Option<usize> = None;
        for (i, c) in text.char_indices() {
            match (is_space(c), word) {
                (true, Some(w)) => {
                    field_tokens(&text[w..i], at + w, out);
                    word = None;
                }
                (false, None) => word = Some(i),
                _ => {}
            }
        }
        if let Some(w) = word {
            field_tokens(&text[w..], at + w, out);
        }
    }

    /// The length of a run of digits too long for a [`Number`] (it stays a
    /// value token, with no value).
    fn digit_run(s: &str) -> Option<usize> {
        let len: usize = s
            .chars()
            .take_while(|c| is_digit(*c))
            .map(char::len_utf8)
            .sum();
        (len > 0).then_some(len)
    }

    /// Where the value that starts at `i` (a number of `len` bytes) ends: with
    /// its unit or remark, or before a list marker glued after it; `None` when
    /// the number is part of a label (`2015年度`, `2.其他`).
    fn value_end(f: &str, i: usize, len: usize) -> Option<usize> {
        let end = i + len;
        let after = &f[end..];
        let next = after.chars().next();
        let label_follows = next.is_some_and(|n| {
            matches!(
                n,
                '年' | '月' | '日' | '号' | '项' | '类' | '级' | '个' | '岁'
            )
        });
        if label_follows && !(next == Some('个') && after.len() == '个'.len_utf8()) {
            return None;
        }
        // a dotted number (`2.6.57`): part of a label (laws-z2)
        if let Some(n @ ('.' | '．')) = next
            && after[n.len_utf8()..].starts_with(is_digit)
        {
            return None;
        }
        // a list marker glued after digits: `00000002.其他` → `0000000` + `2.其他`
        let marker_follows = next.is_some_and(|n| matches!(n, '.' | '、' | '．'))
            && after[next.map_or(0, char::len_utf8)..]
                .chars()
                .next()
                .is_none_or(|n| !is_digit(n));
        if marker_follows {
            let digits = &f[i..end];
            // (a sign alone before the marker's digit is no value)
            let before_last: String = digits.chars().take(digits.chars().count() - 1).collect();
            if digits.chars().count() <= 1
                || digits.contains('.')
                || !before_last.chars().any(is_digit)
            {
                return None;
            }
            // all but the last digit are a value
            return Some(i + digits.char_indices().last().map_or(0, |(k, _)| k));
        }
        if let Some(u) = super::super::vocabulary::unit_prefix(after) {
            return Some(end + u);
        }
        if next.is_some_and(|n| n == '(' || n == '（') && after.contains(['）', ')']) {
            // a remark: `22（其中修订16件）`
            let close = after.find(['）', ')']).unwrap_or(0);
            let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
            let remark = &after[..close + close_len];
            if remark.chars().any(|c| !is_digit(c))
                && !remark.contains(['一', '二', '三', '四', '五', '六', '七', '八'])
            {
                return Some(end + close + close_len);
            }
        }
        Some(end)
    }

    /// A label (or null-marker) token for `f[from..to]`.
    fn label(f: &str, from: usize, to: usize, at: usize) -> Tok {
        let kind = if super::super::vocabulary::is_null(&f[from..to]) {
            Tk::Null
        } else {
            Tk::Label
        };
        Tok::new(kind, at + from, at + to)
    }

    /// Splits one field (no white space at its ends) into label and value tokens.
    fn field_tokens(f: &str, at: usize, out: &mut Vec<Tok>) {
        if super::super::vocabulary::is_null(f) {
            out.push(Tok::new(Tk::Null, at, at + f.len()));
            return;
        }
        let mut label_start: Option<usize> = None;
        let mut i = 0;
        let mut prev: Option<char> = None;
        while i < f.len() {
            let c = f[i..].chars().next().unwrap_or(' ');
            let signed = matches!(c, '-' | '－')
                && f[i + c.len_utf8()..].chars().next().is_some_and(is_digit);
            // a sign after digits starts a new (negative) number: `2648-18538`
            let starts_number = signed
                || (is_digit(c) && !prev.is_some_and(|p| is_digit(p) || p == '.' || p == '第'));
            let number = starts_number
                .then(|| {
                    Number::parse_prefix(&f[i..])
                        .map(|p| p.1)
                        .or_else(|| digit_run(&f[i..]))
                })
                .flatten();
            if let Some(len) = number {
                let Some(end) = value_end(f, i, len) else {
                    // part of a label
                    label_start.get_or_insert(i);
                    i += len;
                    prev = f[..i].chars().last();
                    continue;
                };
                if let Some(ls) = label_start.take() {
                    out.push(label(f, ls, i, at));
                }
                out.push(Tok::new(Tk::Value, at + i, at + end));
                prev = f[..end].chars().last();
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
}

fn new_tokens(text: &str) -> Vec<(Tk, usize, usize)> {
    let mut out = Vec::new();
    words(text, 0, &mut out);
    out.into_iter().map(|t| (t.kind, t.start, t.end)).collect()
}

#[test]
fn cells() {
    use Tk::*;
    assert_eq!(new_tokens("数量230"), vec![(Label, 0, 6), (Value, 6, 9)]);
    assert_eq!(
        new_tokens("2015年度 5"),
        vec![(Label, 0, 10), (Value, 11, 12)]
    );
    assert_eq!(new_tokens("22（其中修订16件）"), vec![(Value, 0, 25)]);
    assert_eq!(new_tokens("1,234.5万元"), vec![(Value, 0, 13)]);
    assert_eq!(
        new_tokens("00000002.其他"),
        vec![(Value, 0, 7), (Label, 7, 15)]
    );
    assert_eq!(
        new_tokens("2648-18538"),
        vec![(Value, 0, 4), (Value, 4, 10)]
    );
    assert_eq!(
        new_tokens("— 无 不适用"),
        vec![(Null, 0, 3), (Null, 4, 7), (Null, 8, 17)]
    );
    // too long for a number: one value token all the same
    assert_eq!(new_tokens("12345678901234567890123"), vec![(Value, 0, 23)]);
    // a sign before a marker's digit is no value: label text (laws-c16c)
    assert_eq!(new_tokens("---1."), vec![(Label, 0, 5)]);
    assert_eq!(new_tokens("-21."), vec![(Value, 0, 2), (Label, 2, 4)]);
}

#[test]
fn carried_values_of_examples() {
    let mut carried = 0;
    for s in [
        "01、",
        "1,234.5万元",
        "22（其中修订16件）",
        "-18",
        "１２．５",
        "数量230",
        "2648-18538",
        "7730.28元",
        "12345678901234567890123",
    ] {
        let mut out = Vec::new();
        words(s, 0, &mut out);
        for t in out {
            if let Some(v) = t.value {
                let text = &s[t.start..t.end];
                assert_eq!(v, crate::template::rows::cell_value(text), "{s}: {text}");
                carried += 1;
            }
        }
    }
    // every value but the cut `0` of `01、` and the fused run is carried
    assert_eq!(carried, 8);
}

#[test]
fn label_len_stops_at_what_may_start_a_number() {
    for s in [
        "",
        "数量230",
        "é𝄞其他-1",
        "ab－5",
        "（一）１",
        "\u{7ff}\u{800}\u{ffff}\u{10000}9",
        "不适用",
    ] {
        let want = s
            .char_indices()
            .find(|&(_, c)| may_start_number(c))
            .map_or(s.len(), |(i, _)| i);
        assert_eq!(label_len(s), want, "{s:?}");
    }
}

#[test]
fn digit_run_is_take_while1_of_digits() {
    let alphabet = [
        '0', '9', '５', '０', '９', 'a', '．', '\u{ff0f}', '\u{ff1a}', '一',
    ];
    let mut s = String::new();
    for k in 0..alphabet.len().pow(4) {
        s.clear();
        let mut k = k;
        for _ in 0..4 {
            s.push(alphabet[k % alphabet.len()]);
            k /= alphabet.len();
        }
        for cut in s.char_indices().map(|(i, _)| i) {
            let t = &s[cut..];
            let theirs =
                nom::bytes::complete::take_while1::<_, _, nom::error::Error<&str>>(is_digit)
                    .parse(t);
            assert_eq!(digit_run(t).ok(), theirs.ok(), "{t:?}");
        }
    }
}

/// What the nom grammar reads where [`number_at`] reads: a number with
/// its value, else a digit run without one.
fn nom_number_at(s: &str) -> Option<(usize, Option<crate::model::Number>)> {
    match number(s) {
        Ok((_, (n, v))) => Some((n.len(), Some(v))),
        Err(_) => digit_run(s).ok().map(|(_, n)| (n.len(), None)),
    }
}

#[test]
fn number_at_reads_what_the_nom_grammar_reads() {
    for s in [
        "",
        "1",
        "-18",
        "－１８",
        "1,234",
        "1,2345",
        "1,234,567.5元",
        "1,234５",
        "1,234,",
        "１２．５",
        "7730.28",
        "0.1234567891",
        "0.123456789",
        "99999999999999999999",
        "99999999999999999999.5",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "1.",
        "1.a",
        "1．",
        "1,23",
        "-",
        "--1",
        "a1",
        "12件",
        "2648-18538",
    ] {
        assert_eq!(number_at(s), nom_number_at(s), "{s:?}");
    }
    let long = format!("0.{}", "1".repeat(300));
    assert_eq!(number_at(&long), nom_number_at(&long));
}

#[test]
fn number_is_parse_prefix() {
    for s in [
        "1,234",
        "1,2345",
        "-18",
        "１２．５",
        "7730.28",
        "0.1234567891",
        "99999999999999999999",
        "1.",
        "1,23",
    ] {
        let ours = number(s).ok().map(|(r, _)| s.len() - r.len());
        let theirs = crate::model::Number::parse_prefix(s).map(|(_, l)| l);
        assert_eq!(ours, theirs, "{s}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
    /// The nom grammar reads every cell exactly as the reference does.
    #[test]
    fn grammar_matches_the_reference(s in "[0-9０-９,.．、\\-－ 年个元万件%（()）一第其他无—/不适用NA]{0,24}") {
        prop_assert_eq!(new_tokens(&s), reference::tokens(&s));
    }

    /// A value the reader carries is the value of its token's text.
    #[test]
    fn carried_values_are_cell_values(s in "[0-9０-９,.．、\\-－ 年个元万件%（()）一第其他无—/不适用NA]{0,24}") {
        let mut out = Vec::new();
        words(&s, 0, &mut out);
        for t in out {
            if let Some(v) = t.value {
                prop_assert_eq!(v, crate::template::rows::cell_value(&s[t.start..t.end]), "{:?}", t);
            }
        }
    }

    #[test]
    fn number_matches_parse_prefix(s in "[-－]?[0-9０-９,.．a]{1,24}") {
        let ours = number(&s).ok().map(|(r, _)| s.len() - r.len());
        let theirs = crate::model::Number::parse_prefix(&s).map(|(_, l)| l);
        prop_assert_eq!(ours, theirs);
    }

    /// The byte reader is the nom grammar: `number`, else `digit_run`.
    #[test]
    fn number_at_is_the_nom_grammar(s in "[-－]?[0-9０-９,.．a－-]{0,30}") {
        prop_assert_eq!(number_at(&s), nom_number_at(&s), "{:?}", s);
    }
}
