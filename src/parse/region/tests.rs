//! Unit tests of region assembly.

use super::*;

#[test]
fn pieces_are_classified_once() {
    let text = "\n第二十条第（一）项\n规章\t1\t0\n- 3 -";
    let segs: Vec<Seg<'_>> = crate::lines::split(text)
        .iter()
        .map(|l| Seg::new(l.start, l.text))
        .collect();
    let kinds = super::super::kind::classify(&segs);
    assert!(kinds[0].blank && !kinds[1].blank);
    assert_eq!(kinds[1].anchor(&segs[1]), Some(Kind::ActiveDisclosure));
    assert!(kinds[2].grid_row(&segs[2]) && !kinds[1].grid_row(&segs[1]));
    assert!(kinds[3].page(&segs[3]) && !kinds[2].page(&segs[2]));
    // the answer is kept: asked again (even about another piece), it stays
    assert_eq!(kinds[1].anchor(&segs[2]), Some(Kind::ActiveDisclosure));
    // a page number inside a table stays in its region
    assert_eq!(
        region_end(
            &segs,
            &kinds,
            1,
            Kind::ActiveDisclosure,
            &mut String::new(),
            &mut Classifier::new(&mut Default::default())
        ),
        4
    );
}

#[test]
fn a_figure_line_passes_every_region_end_test() {
    // what `line_ends_region` would ask of a figure line, each answered
    // as its fast path assumes
    for t in ["0", "7", "12", "2021", "000123", &"9".repeat(40)] {
        let mut buf = String::new();
        let mut seen = Normed::default();
        for kind in [
            Kind::Applications,
            Kind::ActiveDisclosure,
            Kind::ReviewLitigation,
            Kind::Generic,
        ] {
            assert!(
                !ends_region(t, (t.contains('\t'), usize::MAX), kind, &mut buf, &mut seen),
                "{t} {kind:?}"
            );
        }
        assert!(!matches!(
            app_label(&lexical::norm(t)),
            AppLabel::Row(_) | AppLabel::Note
        ));
        assert!(!Facts::default().gou_or_ben(t));
        assert_eq!(anchor(t), None);
        assert!(!crate::parse::anchor::may_open_other_than_applications(t));
        assert!(is_figure(t));
    }
    for t in ["", "1.", "一", "１２", "3 4", "0\t1"] {
        assert!(!is_figure(t), "{t:?}");
    }
}

#[test]
fn a_label_is_a_note_as_its_line_is() {
    // what `ends_region` records of a line from its label without the
    // figures after it
    let mut known = 0;
    for t in [
        "（本列数据的勾稽关系为：第一项加第二项之和）",
        "（本列数据的勾稽关系为：第一项加第二项之和）1 2",
        "1.本列表 3 0 无",
        "（一）予以公开 3 0 0 / —",
        "三、本年度办理结果 12",
        "勾稽关系123",
        "1.勾稽关系 3",
    ] {
        let mut buf = String::new();
        let mut seen = Normed::default();
        ends_region(
            t,
            (t.contains('\t'), usize::MAX),
            Kind::Applications,
            &mut buf,
            &mut seen,
        );
        if let Some(note) = seen.note {
            assert!(!t.contains('\t'));
            assert_eq!(note, app_label(&lexical::norm(t)) == AppLabel::Note, "{t}");
            known += 1;
        }
    }
    assert!(known >= 3);
}

#[test]
fn stops_and_commas_are_those_of_contains() {
    for t in [
        "",
        "a,b",
        "a;b",
        "规章。",
        "一，二",
        "一；二",
        "（一）：",
        "、「」",
        "ａ，",
    ] {
        assert_eq!(
            has_stop_or_comma(t),
            t.contains(['。', '，', ',', '；', ';']),
            "{t:?}"
        );
    }
}

#[test]
fn anchors() {
    assert_eq!(anchor("第二十条第（一）项"), Some(Kind::ActiveDisclosure));
    assert_eq!(
        anchor("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
        Some(Kind::Applications)
    );
    assert_eq!(anchor("行政复议"), Some(Kind::ReviewLitigation));
    assert!(glued_article("第二十条予以公开\t1"));
    assert!(!glued_article("第二十条第（一）项"));
    assert!(!glued_article("第二十条"));
    assert_eq!(anchor("行政复议\t\t行政诉讼"), Some(Kind::ReviewLitigation));
    assert_eq!(anchor("行政复议案件0件，行政诉讼0件。"), None);
    assert_eq!(
        anchor("一、本年新收政府信息公开申请数量"),
        Some(Kind::Applications)
    );
}

#[test]
fn stray_tab_lines_are_those_of_the_split() {
    for raw in [
        "\t0",
        " \t0",
        "\t\u{8}",
        "\te",
        "|\t",
        "| |\tx",
        "一、本年新收\t\t\t",
        "规章\t1\t0",
        "\u{3000}\t3",
        "a",
        "\t",
        "|\t|",
        "x|\t",
    ] {
        let f = crate::grid::scan::line(0, raw, &mut Vec::new());
        let old = f.is_some_and(|f| f.has_tab && grid_delim(Some(f)).is_none())
            && raw
                .split('\t')
                .next()
                .is_some_and(|label| label.chars().all(|c| c == '|' || crate::lines::is_space(c)));
        assert_eq!(stray_tab_line(f, raw), old, "{raw:?}");
    }
}

/// `ends_region_after_blank` is a sound pre-filter: a line it says ends any
/// region of a kind does end the region of a table of that kind written
/// before it and a blank line (the renderer then reads nothing back).
#[test]
fn a_line_said_to_end_any_region_ends_the_region() {
    let tables = [
        (
            Kind::Applications,
            "申请人情况\t自然人\t总计\n一、本年新收政府信息公开申请数量\t0\t0\n四、结转下年度继续办理\t0\t0\n",
        ),
        (
            Kind::ActiveDisclosure,
            "第二十条第（一）项\n信息内容\t本年制发件数\n规章\t0\n",
        ),
        (
            Kind::ReviewLitigation,
            "行政复议\t\t行政诉讼\n结果维持\t结果纠正\t总计\n0\t0\t0\n",
        ),
    ];
    let lines = [
        "四、公",
        "（三）不",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "2.其他法律行政法规禁止公开",
        "1.存在的问题：",
        "（二）部分公开",
        "一是加强组织保障。",
        "行政许可",
        "12",
        "四、\t公",
    ];
    let mut ended = 0;
    for (kind, table) in tables {
        for line in lines {
            let text = format!("{table}\n{line}\n");
            let segs: Vec<Seg<'_>> = crate::lines::split(&text)
                .iter()
                .map(|l| Seg::new(l.start, l.text))
                .collect();
            let kinds = super::super::kind::classify(&segs);
            let at = segs.iter().rposition(|s| !s.is_blank()).unwrap();
            let start = (0..segs.len())
                .find(|&i| kinds[i].anchor(&segs[i]).is_some())
                .unwrap();
            let end = region_end(
                &segs,
                &kinds,
                start,
                kind,
                &mut String::new(),
                &mut Classifier::new(&mut Default::default()),
            );
            if ends_region_after_blank(line, kind) {
                ended += 1;
                assert!(
                    end <= at,
                    "{kind:?}: {line} said to end the region, taken in"
                );
            }
        }
    }
    // (the test says something: most of these lines end some region)
    assert!(ended >= 10, "{ended}");
}

#[test]
fn a_pipe_inside_a_label_parts_it_as_the_rows_reader_does() {
    let mut buf = String::new();
    let mut seen = Normed::default();
    // no pipe row (one pipe, or a tab on the line): the label's words join
    // across its pipes, as the rows' reader joins them
    for (t, tab) in [
        ("2.重复|申请", false),
        ("（六）其|他处理", false),
        ("1.属于国家||秘密", true),
    ] {
        assert!(
            !ends_region(
                t,
                (tab, usize::MAX),
                Kind::Applications,
                &mut buf,
                &mut seen
            ),
            "{t}"
        );
    }
    // a pipe row's pipes part its cells
    assert!(ends_region(
        "2.重复|申|请",
        (false, usize::MAX),
        Kind::Applications,
        &mut buf,
        &mut seen
    ));
}

/// The normalised head of a label is the normalised label with the figure
/// characters trimmed from its end (what `ends_region` trimmed before).
fn head_is_trimmed_norm(label: &str) -> bool {
    lexical::norm(label_head(label)) == lexical::norm(label).trim_end_matches(is_figure_char)
}

#[test]
fn a_label_head_normalises_as_the_trimmed_label_for_every_character() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        for label in [
            format!("一、公开{c}"),
            format!("（一）{c} 3"),
            format!("1.{c}"),
        ] {
            assert!(head_is_trimmed_norm(&label), "{label:?}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
    /// Labels of list markers, words, figures in ASCII and full width,
    /// empty-cell marks and white space of every kind.
    #[test]
    fn a_label_head_normalises_as_the_trimmed_label(
        label in "[一、（）()1１.．予以公開开无—－\\-|｜/／ \u{3000}\u{a0}\t0０9９a]{0,24}",
    ) {
        proptest::prop_assert!(head_is_trimmed_norm(&label), "{:?}", label);
    }
}

/// A list marker with a character or two (`（三）`, `（三）不`, `三、`) is a
/// broken label that stays in an applications table's region; no label of
/// the review/litigation table has a marker, so there it ends the region.
#[test]
fn a_marker_alone_is_a_broken_label_only_where_labels_have_markers() {
    for t in ["（三）", "(三)", "（三）不", "三、", "五、存在"] {
        let ends = |kind| ends_region_after_blank(t, kind);
        assert!(!ends(Kind::Applications), "{t}");
        assert!(ends(Kind::ReviewLitigation), "{t}");
    }
}

// ---- sp-region5: the label head's ASCII end trimmed byte by byte ----

/// The label without its figures as the single `trim_end_matches` over
/// every character cut it (before the byte loop): the same slice.
fn head_by_chars(label: &str) -> &str {
    label.trim_end_matches(|c: char| lexical::norm_char(c).is_none_or(is_figure_char))
}

#[test]
fn a_label_head_is_the_trim_by_characters_for_every_character() {
    // every character before an ASCII end of spaces and figures, after
    // one, and alone, after a label or none
    let mut label = String::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        for before in ["（一）予以公开", "1.公开 3", ""] {
            for after in ["  3 0\t12|/-.", ""] {
                label.clear();
                label.push_str(before);
                label.push(c);
                label.push_str(after);
                assert_eq!(label_head(&label), head_by_chars(&label), "{label:?}");
            }
        }
    }
    assert_eq!(label_head("（一）予以公开   3   0 无 ０"), "（一）予以公开");
    assert_eq!(label_head(" 3 0"), "");
}

/// Every label of up to four pieces (words, markers, ASCII and full-width
/// figures, empty-cell marks, every kind of white space, 2- and 4-byte
/// characters): the byte loop and the trim by characters cut at the same
/// place.
#[test]
fn the_ascii_end_trimmed_by_bytes_is_the_trim_by_characters() {
    let pieces = [
        "", "一、", "（", "公开", "无", "—", "－", "-", "|", "／", " ", "\u{3000}", "\u{a0}",
        "\u{b}\r", "\t", "0", "０", "9.", "a", "é", "𠀀",
    ];
    let mut n = 0;
    for a in pieces {
        for b in pieces {
            for c in pieces {
                for d in pieces {
                    let label = [a, b, c, d].concat();
                    assert_eq!(label_head(&label), head_by_chars(&label), "{label:?}");
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 21 * 21 * 21 * 21);
}

// ---- sp-six: the trimmed ASCII bytes by one look-up ----

/// The table of the byte loop is the test of the characters: every byte,
/// trimmed exactly when it is ASCII and normalises to nothing or to a
/// figure character.
#[test]
fn the_trimmed_bytes_are_the_trimmed_ascii_characters() {
    for b in 0..=255u8 {
        let by_chars = b.is_ascii() && lexical::norm_char(char::from(b)).is_none_or(is_figure_char);
        assert_eq!(
            super::head::TRIMMED_BYTES[usize::from(b)],
            by_chars,
            "{b:#x}"
        );
    }
}
