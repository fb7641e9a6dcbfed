//! Tests of the lexical parsers, and the reference they are checked against.

use super::*;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::satisfy;
use nom::combinator::{map_opt, not, peek};

#[test]
fn subsection_markers_dispatch_as_the_full_alt() {
    // every string of up to four characters over the markers' alphabet
    let alphabet = [
        '(', '（', ')', '）', ' ', '一', '二', '十', '是', '、', '.', '．', '1', '2', '0', '①',
        '⑳', 'a', '三', '〇', '\u{3000}', '⑴', '１', '九',
    ];
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..4 {
        last = last
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    for s in &all {
        assert_eq!(
            subsection_marker(s).ok(),
            subsection_marker_alt(s).ok(),
            "{s:?}"
        );
        assert_eq!(
            section_marker(s).ok(),
            section_marker_by_grammar(s).ok(),
            "{s:?}"
        );
    }
}

/// [`is_page_number`] as one `alt` of its three forms over the trimmed
/// line (the reference of its look at the first and last characters).
fn is_page_number_by_grammar(t: &str) -> bool {
    let dash = || alt((char('-'), char('—'), char('－'), char('–')));
    let digits = || {
        verify(take_while(|c: char| c.is_ascii_digit()), |s: &str| {
            !s.is_empty() && s.len() <= 4
        })
    };
    let page = || (char('第'), spaces, digits(), spaces, char('页'));
    let of = (spaces, char('共'), spaces, digits(), spaces, char('页'));
    let r: Res<'_, ()> = alt((
        map((dash(), spaces, digits(), spaces, dash()), |_| ()),
        map((page(), opt(of)), |_| ()),
        map((digits(), spaces, char('/'), spaces, digits()), |_| ()),
    ))
    .parse(crate::text::space::trim(t));
    matches!(r, Ok(("", _)))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
    /// Markup and page numbers are what they were before the look at the
    /// first character: the residue found is the grammar's, and a line is a
    /// page number as its trimmed text is.
    #[test]
    fn markup_and_page_numbers_after_the_first_look(
        s in "[\\[\\]<>/bookmarkr: 第页共0-9\\-—－– \t\u{3000}\u{a0}a中]{0,12}",
    ) {
        proptest::prop_assert_eq!(markup(&s).ok(), markup_grammar(&s).ok());
        for t in [s.clone(), format!("[bookmark:{s}]"), format!("<br>{s}"), format!(" {s} ")] {
            proptest::prop_assert_eq!(markup(&t).ok(), markup_grammar(&t).ok());
            proptest::prop_assert_eq!(is_page_number(&t), is_page_number_by_grammar(&t));
        }
    }

    /// The markers read from the bytes are those of the nom grammar, on
    /// longer strings than the exhaustive test's (numerals of three digits,
    /// spaces of every kind between the parts).
    #[test]
    fn markers_read_from_bytes_are_the_grammars(
        s in "[(（)）一二三四五六七八九十〇零是、.．0-9０-９①-⑳⑴ \t\u{3000}\u{a0}\u{200b}a中é𝄞]{0,9}",
    ) {
        proptest::prop_assert_eq!(subsection_marker(&s).ok(), subsection_marker_alt(&s).ok());
        proptest::prop_assert_eq!(section_marker(&s).ok(), section_marker_by_grammar(&s).ok());
    }
}

#[test]
fn numerals() {
    assert_eq!(cn_numeral("一、").unwrap().1, 1);
    assert_eq!(cn_numeral("十、").unwrap().1, 10);
    assert_eq!(cn_numeral("十二、").unwrap().1, 12);
    assert_eq!(cn_numeral("二十一").unwrap().1, 21);
    assert!(cn_numeral("是").is_err());
}

#[test]
fn section_markers() {
    assert_eq!(section_marker("四、政府").unwrap(), ("政府", 4));
    assert_eq!(section_marker("三 、本").unwrap().1, 3);
    assert!(section_marker("三是").is_err());
}

#[test]
fn subsection_markers() {
    use MarkerStyle::*;
    let m = |s| subsection_marker(s).map(|(_, v)| v).ok();
    assert_eq!(m("（一）加强"), Some((ParenCn, 1)));
    assert_eq!(m("( 二)进一步"), Some((ParenCn, 2)));
    assert_eq!(m("(3)推进"), Some((ParenDigit, 3)));
    assert_eq!(m("1.存在"), Some((Digit, 1)));
    assert_eq!(m("2、重复"), Some((Digit, 2)));
    assert_eq!(m("2019.1"), None);
    assert_eq!(m("②x"), Some((Circled, 2)));
    assert_eq!(m("二是及时"), Some((CnShi, 2)));
    assert_eq!(m("五、存在"), Some((CnDun, 5)));
    assert_eq!(m("本年"), None);
}

#[test]
fn page_numbers() {
    assert!(is_page_number("  -3-"));
    assert!(is_page_number("— 12 —"));
    assert!(is_page_number("第 2 页"));
    assert!(!is_page_number("-"));
    assert!(!is_page_number("2019"));
    assert!(is_page_number("3/12"));
    assert!(is_page_number(" 3 / 12 "));
    assert!(is_page_number("第 2 页 共 5 页"));
    assert!(!is_page_number("第 2 页 共 5"));
    assert!(!is_page_number("- 2"));
    assert!(!is_page_number("3/12页"));
    assert!(!is_page_number("1.属于国家秘密 1 0"));
}

#[test]
fn markup_residue() {
    assert_eq!(
        markup("[bookmark: _GoBack]根据").unwrap(),
        ("根据", "[bookmark: _GoBack]")
    );
    assert!(markup("根据").is_err());
}

#[test]
fn normalises_with_offsets() {
    let mut n = Norm::default();
    n.push("（一） 予以", 10);
    assert_eq!(n.s, "(一)予以");
    assert_eq!(n.source(0, 1), (10, 13));
    for c in (0u8..128).map(char::from) {
        // the ASCII fast path agrees with the general rule
        assert_eq!(norm_char(c).is_none(), is_space(c), "{c:?}");
    }
    let mut buf = [0u8; 16];
    assert_eq!(norm_head("（一） 予以公开", 4, &mut buf), "(一)予");
    assert_eq!(norm_head("一二三四五六", 9, &mut buf), "一二三四五");
    assert_eq!(norm_head("一二 三", 2, &mut buf), "一二");
    assert_eq!(norm_head("申请人情况", 3, &mut buf), "申请人");
    assert_eq!(norm_head("申請人", 3, &mut buf), "申请人");
    assert_eq!(norm_head("", 3, &mut buf), "");
    assert_eq!(marker_starts("三、本年度办理结果(一)予以公开"), vec![27]);
    assert_eq!(marker_starts("1.属于国家秘密2.其他"), vec![20]);
}

/// The char-by-char definitions the run-copying normaliser must agree with.
#[test]
fn run_copying_agrees_with_char_by_char() {
    let samples = [
        "",
        "  （一） 予以公开　政府信息 ",
        "政府信息公開情況統計表\t１２３",
        "“引号”和‘单引号’ 〝x〞",
        "abc\r\n def\u{200b}g\u{feff}",
        "一二三四五六七八九十",
        "第二十条第（一）项 规章 1 0",
        "\u{3000}\u{3000}申請人情況：ＡＢＣ",
        "  规章        3     0 \t\t 1   ",
        " \r\n\x0b\x0c ",
    ];
    let mut out = String::new();
    for s in samples {
        let want: String = s.chars().filter_map(norm_char).collect();
        // the map: every byte of a normalised character points to the
        // source character
        let mut n = Norm::default();
        n.push(s, 7);
        n.push(s, 100);
        let mut map = Vec::new();
        for at in [7, 100] {
            for (i, c) in s.char_indices() {
                if let Some(x) = norm_char(c) {
                    map.extend(std::iter::repeat_n(
                        (at + i, at + i + c.len_utf8()),
                        x.len_utf8(),
                    ));
                }
            }
        }
        assert_eq!(n.s, format!("{want}{want}"), "{s:?}");
        assert_eq!(map.len(), n.s.len(), "{s:?}");
        let mut hint = 0;
        for (k, &m) in map.iter().enumerate() {
            assert_eq!(n.source(k, k + 1), m, "{s:?} {k}");
            // asked for in rising order, with the map walked once
            assert_eq!(n.source_from(&mut hint, k, k + 1), m, "{s:?} {k}");
            // a range is from its first character's start to its last one's end
            assert_eq!(
                n.source(k, n.s.len()),
                (m.0, map[map.len() - 1].1),
                "{s:?} {k}"
            );
        }
        norm_into(&mut out, s);
        assert_eq!(out, want, "{s:?}");
        assert_eq!(norm(s), want, "{s:?}");
        for chars in [0, 1, 2, 3, 5, 8, 40] {
            for cap in [0, 2, 3, 7, 4 * chars, 200] {
                let mut buf = vec![0u8; cap];
                let mut reference = String::new();
                for c in want.chars().take(chars) {
                    if reference.len() + c.len_utf8() > cap {
                        break;
                    }
                    reference.push(c);
                }
                assert_eq!(
                    norm_head(s, chars, &mut buf),
                    reference,
                    "{s:?} {chars} {cap}"
                );
            }
        }
    }
}

/// [`marker_starts_into`] as it was, character by character: the
/// reference of the byte scan.
fn marker_starts_reference(s: &str, out: &mut Vec<usize>) {
    // what the previous character was (each character is judged once)
    let (mut prev_digit, mut prev_cn) = (false, false);
    for (i, c) in s.char_indices() {
        let digit = c.is_ascii_digit();
        let cn = !c.is_ascii() && cn_digit(c).is_some();
        // a marker at the very start is no cut: not even tried
        let ok = i > 0
            && match c {
                '(' => matches!(
                    subsection_marker(&s[i..]),
                    Ok((_, (MarkerStyle::ParenCn | MarkerStyle::ParenDigit, _)))
                ),
                '0'..='9' if !prev_digit => {
                    matches!(subsection_marker(&s[i..]), Ok((_, (MarkerStyle::Digit, _))))
                }
                _ if !prev_cn && cn => section_marker(&s[i..]).is_ok(),
                _ => false,
            };
        if ok {
            out.push(i);
        }
        (prev_digit, prev_cn) = (digit, cn);
    }
}

proptest::proptest! {
    #[test]
    fn marker_starts_is_the_char_scan(s in "[(（)）0-9一二三四五六七八九十〇零、.．是①é𝄞 其他]{0,16}") {
        let mut ours = Vec::new();
        marker_starts_into(&s, &mut ours);
        let mut theirs = Vec::new();
        marker_starts_reference(&s, &mut theirs);
        proptest::prop_assert_eq!(ours, theirs);
    }

    /// `Norm::push_each` reports each character of the normalised text
    /// at its place, and the marker scan fed by it finds what
    /// `marker_starts_into` finds in that text.
    #[test]
    fn the_fused_scan_is_the_scan_of_the_text(
        parts in proptest::collection::vec("[(（)）0-9０-９一二三四五六七八九十〇零、.．是①é𝄞 \t\u{3000}其他說]{0,8}", 0..4),
    ) {
        let mut n = Norm::default();
        let mut chars = String::new();
        let mut at = Vec::new();
        let mut scan = MarkerScan::default();
        let mut ours = Vec::new();
        for (k, p) in parts.iter().enumerate() {
            n.push_each(p, 100 * k, |pos, cp| {
                at.push(pos);
                chars.push(char::from_u32(cp).expect("a character"));
                scan.feed(pos, cp, &mut ours);
            });
        }
        let kept = MarkerScan::check(&n.s, &mut ours, &[]);
        // each with the length of its marker
        for &(at, len) in &ours[..kept] {
            let rest = &n.s[at..];
            let want = rest.len() - subsection_marker(rest).map_or(rest, |(r, _)| r).len();
            proptest::prop_assert_eq!(len, want);
        }
        let ours: Vec<usize> = ours[..kept].iter().map(|&(at, _)| at).collect();
        proptest::prop_assert_eq!(&chars, &n.s);
        let starts: Vec<usize> = n.s.char_indices().map(|(i, _)| i).collect();
        proptest::prop_assert_eq!(at, starts);
        let mut theirs = Vec::new();
        marker_starts_into(&n.s, &mut theirs);
        proptest::prop_assert_eq!(ours, theirs);
    }
}

/// [`subsection_marker`] as the one `alt` of every style it was written
/// as (the reference its dispatch on the first character is tested
/// against).
fn subsection_marker_alt(i: &str) -> Res<'_, (MarkerStyle, u32)> {
    alt((
        map(
            (open_paren, spaces, cn_numeral, spaces, close_paren),
            |(_, _, n, _, _)| (MarkerStyle::ParenCn, n),
        ),
        map(
            (open_paren, spaces, ascii_number, spaces, close_paren),
            |(_, _, n, _, _)| (MarkerStyle::ParenDigit, n),
        ),
        map(
            (
                ascii_number,
                alt((char('.'), char('、'), char('．'))),
                not(peek(satisfy(|c: char| c.is_ascii_digit()))),
            ),
            |(n, _, _)| (MarkerStyle::Digit, n),
        ),
        map(satisfy(|c| ('①'..='⑳').contains(&c)), |c| {
            (MarkerStyle::Circled, c as u32 - '①' as u32 + 1)
        }),
        map((cn_numeral, char('是')), |(n, _)| (MarkerStyle::CnShi, n)),
        map(section_marker_by_grammar, |n| (MarkerStyle::CnDun, n)),
    ))
    .parse(i)
}

/// [`section_marker`] as the nom grammar it was written as (the reference
/// its reading from the bytes is tested against).
fn section_marker_by_grammar(i: &str) -> Res<'_, u32> {
    let (i, n) = cn_numeral(i)?;
    let (i, _) = spaces(i)?;
    let (i, _) = alt((char('、'), char('．'), char('.'))).parse(i)?;
    Ok((i, n))
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
fn cn_numeral(i: &str) -> Res<'_, u32> {
    map_opt(
        take_while_m_n(1, 3, |c| cn_digit(c).is_some_and(|d| d > 0)),
        cn_value,
    )
    .parse(i)
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
