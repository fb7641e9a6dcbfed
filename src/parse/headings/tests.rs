//! Tests of the heading recognisers.

use super::*;

#[test]
fn section_numerals_start_with_e4_or_e5() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        if lexical::cn_digit(c).is_some_and(|d| d > 0) {
            let mut b = [0u8; 4];
            assert!(
                matches!(c.encode_utf8(&mut b).as_bytes()[0], 0xE4 | 0xE5),
                "{c}"
            );
        }
    }
    assert!(line_heading("一、总体情况", 1, 0).is_some());
    assert!(line_heading("十、其他需要报告的事项", 10, 9).is_some());
}

#[test]
fn words_in_finds_what_an_overlapping_search_finds() {
    let ac = aho_corasick::AhoCorasick::new(WORDS).expect("the words");
    let fillers = ["", "情况", "、", "和", "a", "（", "收", "主", "总体"];
    let mut n = 0;
    for a in WORDS.iter().chain(&fillers) {
        for b in fillers {
            for c in WORDS.iter().chain(&fillers) {
                let t = format!("{a}{b}{c}");
                let want = ac
                    .find_overlapping_iter(&t)
                    .fold(0u32, |set, m| set | 1 << m.pattern().as_u32());
                assert_eq!(words_in(&t), want, "{t:?}");
                n += 1;
            }
        }
    }
    assert!(n > 5000);
}

#[test]
fn headings() {
    assert!(find_heading("一、总体情况", 1, 0).is_some());
    assert!(find_heading("四、结转下年度继续办理", 4, 3).is_none());
    assert!(find_heading("四、政府信息公开行政复议、行政诉讼情况", 4, 3).is_some());
    assert!(find_heading("三、", 3, 2).is_none());
    let h = find_heading("邮箱：a@b.com。一、总体情况2019年，在省", 1, 0).unwrap();
    assert_eq!(h.number, 1);
    assert!(find_heading("四、审批事项及处理情况 我局严格", 4, 3).is_some());
    let t = "无。二、主动公开政府信息情况 第二十条";
    let h = find_heading(t, 2, 1).unwrap();
    assert_eq!(&t[h.pos..h.end], "二、主动公开政府信息情况");
}

#[test]
fn kinds() {
    assert_eq!(classify("总体情况"), SectionKind::Overview);
    assert_eq!(
        classify("政府信息公开行政法复议、行政诉讼情况"),
        SectionKind::ReviewLitigation
    );
    assert_eq!(classify("存在的主要问题和改进措"), SectionKind::Problems);
    assert_eq!(
        classify("依申请公开政府信息和不予公开政府信息的情况"),
        SectionKind::Applications
    );
    assert_eq!(
        classify("平潭综合实验区政府信息公开情况统计表"),
        SectionKind::Statistics
    );
}

#[test]
fn legacy_kinds_in_both_scripts() {
    use SectionKind::*;
    for (simplified, traditional, kind) in [
        ("概述", "概述", Overview),
        (
            "主动公开政府信息情况",
            "主動公開政府信息情況",
            ActiveDisclosure,
        ),
        (
            "依申请公开政府信息情况",
            "依申請公開政府信息情況",
            Applications,
        ),
        ("咨询处理情况", "諮詢處理情況", Consultations),
        (
            "政府信息公开的收费及减免情况",
            "政府信息公開的收費及減免情況",
            Fees,
        ),
        (
            "政府信息公开类行政复议和行政诉讼情况",
            "政府信息公開類行政複議和行政訴訟情況",
            ReviewLitigation,
        ),
        ("人员和收支情况", "人員和收支情況", Staffing),
        ("机构建设和保障经费情况", "機構建設和保障經費情況", Staffing),
        (
            "存在的主要问题和改进措施",
            "存在的主要問題和改進措施",
            Problems,
        ),
        (
            "政府信息公开情况统计表",
            "政府信息公開情況統計表",
            Statistics,
        ),
        ("附表", "附表", Statistics),
    ] {
        assert_eq!(classify(simplified), kind, "{simplified}");
        assert_eq!(classify(traditional), kind, "{traditional}");
    }
}

/// Asks `find_heading_at` with one cursor and `find_heading` about each
/// line of `text` (and about the line's rest after a heading found, as the
/// structure pass does), the expected number moved by `steps` between
/// lines; both must find the same.
fn same_as_find_heading(text: &str, mut expected: u32, steps: &[u32]) -> Result<usize, String> {
    let mut duns = Duns::new(text);
    let mut at = 0;
    let mut found = 0;
    for (n, line) in text.split('\n').enumerate() {
        let (mut off, mut t) = (at, line);
        loop {
            let last = expected.saturating_sub(1);
            let a = find_heading_at(t, off, expected, last, &mut duns);
            let b = find_heading(t, expected, last);
            let key = |h: &Option<Hit>| h.as_ref().map(|h| (h.pos, h.end, h.title_start, h.number));
            if key(&a) != key(&b) {
                return Err(format!("{t:?} {expected}: {a:?} {b:?}"));
            }
            let Some(h) = a else { break };
            found += 1;
            expected = h.number + 1;
            (off, t) = (off + h.end, &t[h.end..]);
        }
        expected = expected.saturating_add(steps.get(n).copied().unwrap_or(0)) % 101;
        at += line.len() + 1;
    }
    Ok(found)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
    /// The cursor's search over the text finds the inline headings the
    /// search of each piece finds: lines of numerals before `、`, titles,
    /// stops and the characters that bar a numeral (`第`, `其`), the
    /// expected number moved between lines (back too: 0 and 100 wrap).
    #[test]
    fn the_cursor_finds_what_each_piece_search_finds(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "一、", "二、", "三、", "十、", "十二、", "二十、", "、", "二", "总体情况",
                "主动公开政府信息情况", "。", "第", "其", "a", " ", "\n", "\n",
            ]),
            0..40,
        ),
        expected in 0u32..14,
        steps in proptest::collection::vec(proptest::sample::select(vec![0u32, 0, 1, 2, 99]), 0..12),
    ) {
        let text: String = parts.concat();
        proptest::prop_assert!(same_as_find_heading(&text, expected, &steps).is_ok(), "{:?}", same_as_find_heading(&text, expected, &steps));
    }
}

#[test]
fn the_cursor_finds_headings_past_its_window() {
    // lines with no `X、` longer than the window, then headings inline
    let filler = "本机关依法公开政府信息，无其他情况。\n".repeat(2 * DUNS_WINDOW / 50);
    for tail in [
        "无。二、主动公开政府信息情况 第二十条",
        "一、总体情况\n无。二、主动公开政府信息情况 第二十条",
        "二、",
    ] {
        for head in ["", "无。一、总体情况 本机关\n"] {
            let text = format!("{head}{filler}{tail}\n{filler}三、收到和处理政府信息公开申请情况");
            for expected in [1, 2] {
                let found = same_as_find_heading(&text, expected, &[]);
                assert!(found.as_ref().is_ok_and(|&n| n > 0), "{found:?}");
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
    /// The byte test for a stop before the end is the character test it
    /// replaced (the stops, characters sharing their bytes: `、` `E3 80 81`,
    /// `，` `EF BC 8C`, `；` before and at the end).
    #[test]
    fn inner_stops_are_those_of_the_characters(t in "[。；;、，a一 ]{0,8}") {
        let want = t
            .char_indices()
            .any(|(i, c)| matches!(c, '。' | '；' | ';') && i + c.len_utf8() < t.len());
        proptest::prop_assert_eq!(has_inner_stop(&t), want, "{:?}", t);
    }
}
