//! Unit tests of [`super`]: dates, years, heads, organs.

use super::*;

#[test]
fn heads() {
    for t in ["", "ab", "一二三四", "a一b二c三", "　　x"] {
        for n in 0..6 {
            let want: String = t.chars().take(n).collect();
            assert_eq!(head(t, n), want, "{t:?} {n}");
        }
    }
}

#[test]
fn digits_in_the_first_three_characters() {
    fn reference(t: &str) -> bool {
        t.chars()
            .filter_map(crate::text::lexical::norm_char)
            .take(3)
            .any(|c| c.is_ascii_digit())
    }
    // the characters skipped by their lead byte: one normalised
    // character each, never a digit
    for c in ('\u{4000}'..='\u{9FFF}').filter(|c| c.len_utf8() == 3) {
        let n = crate::text::lexical::norm_char(c);
        assert!(n.is_some_and(|n| !n.is_ascii_digit()), "{c}");
    }
    let pieces = [
        "", "一", "二", " ", "\u{3000}", "1", "１", "年", "a", "𠀀", "，", "䶵",
    ];
    let texts = words_of(&pieces, 4);
    for t in &texts {
        assert_eq!(digit_in_first_three(t), reference(t), "{t:?}");
    }
}

#[test]
fn years_as_the_byte_walk_found_them() {
    // the walk over every byte that the search for 年 replaces
    fn reference(s: &str) -> Vec<(usize, i32)> {
        let b = s.as_bytes();
        let (mut i, mut depth, mut out) = (0, 0i32, Vec::new());
        while i < b.len() {
            let x = b[i];
            if x == 0xE3 && b.get(i + 1) == Some(&0x80) {
                match b.get(i + 2) {
                    Some(0x8A) => depth += 1,
                    Some(0x8B) => depth = (depth - 1).max(0),
                    _ => {}
                }
                i += 3;
                continue;
            }
            if depth == 0
                && x.is_ascii_digit()
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && i + 4 <= s.len()
                && b[i..i + 4].iter().all(u8::is_ascii_digit)
                && s[i + 4..].starts_with('年')
                && !s
                    .get(i + 7..)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                && let Ok(y) = s[i..i + 4].parse::<i32>()
                && (2000..=2100).contains(&y)
            {
                out.push((i, y));
            }
            i += 1;
        }
        out
    }
    let pieces = [
        "2021", "年", "《", "》", "1", "0", "度", "〈", "1999", "2101",
    ];
    let texts = words_of(&pieces, 5);
    for t in &texts {
        assert_eq!(years_in(t).collect::<Vec<_>>(), reference(t), "{t:?}");
    }
}

#[test]
fn dates_and_years_written_by_hand() {
    for d in [(1949, 1, 1), (2022, 12, 31), (2100, 10, 9)] {
        assert_eq!(iso(d), format!("{:04}-{:02}-{:02}", d.0, d.1, d.2));
    }
    let text = "x 2021年 -5 7";
    let loc = crate::lines::Locator::of_text(text);
    let all = loc.span(0, text.len());
    for (year, at) in [(2021, 2), (-5, 10), (7, 13)] {
        assert_eq!(year_span(text, all, year, &loc).range().start, at, "{year}");
    }
}

#[test]
fn dates() {
    assert_eq!(cn_date("2022年1月25日").map(|r| r.1), Some((2022, 1, 25)));
    assert_eq!(
        iso_date("2020-01-20 15:22").map(|r| r.1),
        Some((2020, 1, 20))
    );
    assert!(cn_date("2022年13月1日").is_none());
}

#[test]
fn years_skip_titles() {
    assert_eq!(
        years_in("《关于做好2021年工作的通知》现将2020年度").collect::<Vec<_>>(),
        vec![(46, 2020)]
    );
}

#[test]
fn organs() {
    assert_eq!(
        organ_prefix("龙场镇坚持“严格执法").as_deref(),
        Some("龙场镇")
    );
    assert_eq!(organ_prefix("全区各部门"), None);
}

/// Every text of `n` pieces of `pieces` (with repetition, in order).
fn words_of(pieces: &[&str], n: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    for _ in 0..n {
        let mut next = Vec::new();
        for t in &texts {
            for p in pieces {
                next.push(format!("{t}{p}"));
            }
        }
        texts = next;
    }
    texts
}

#[test]
fn a_year_read_from_the_bytes_is_the_year_of_the_normal_form() {
    // the year `body_year` counts for a paragraph, from its normalised
    // head only (the path before `opening_year`)
    fn reference(t: &str) -> Option<i32> {
        let mut buf = [0u8; 48];
        let n = crate::text::lexical::norm_head(head(t, 12), 12, &mut buf);
        let (i, y) = years_in(n).next()?;
        (n[..i].chars().count() <= 2).then_some(y)
    }
    let pieces = [
        "2021", "1999", "2101", "0", "年", "，", "、", "。", " ", "\u{3000}", "１", "a", "一",
        "《", "度", ",", "\u{7f}", "𠀀", "：",
    ];
    let texts = words_of(&pieces, 4);
    for t in &texts {
        if let Some(y) = opening_year(t) {
            assert_eq!(Some(y), reference(t), "{t:?}");
        }
    }
    // the usual openings are read from the bytes
    for t in [
        "2021年，全县",
        "2021年我县",
        "2021年。",
        "2021年",
        "2021年、",
        "2021年a",
    ] {
        assert_eq!(opening_year(t), Some(2021), "{t:?}");
    }
    for t in [
        "2021年 1",
        "2021年1",
        "1999年，",
        "2021 年",
        "２０２１年",
        "2021年\u{3000}",
    ] {
        assert_eq!(opening_year(t), None, "{t:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

    /// The search of a year's digits is `memmem::find`.
    #[test]
    fn the_short_search_is_memmem(
        hay in proptest::collection::vec(proptest::sample::select(b"2012-0\xe5".to_vec()), 0..40),
        needle in proptest::collection::vec(proptest::sample::select(b"2012-".to_vec()), 0..6),
    ) {
        proptest::prop_assert_eq!(
            find_short(&hay, &needle),
            memchr::memmem::find(&hay, &needle)
        );
    }
}
