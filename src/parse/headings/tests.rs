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
