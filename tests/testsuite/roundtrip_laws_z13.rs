//! laws-z13: the round-trip laws on the wider sweep's inputs of seeds
//! 101–120 (101, 103 twice, 112, 114, 117, 120); see docs/roundtrip.md,
//! section "laws-z13".

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_c15d::other_fragments;
use crate::roundtrip_laws_z11::canonical_line;

// ---- laws-z13 ----

/// The applications table's header line.
const HEADER: &str =
    "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";

/// The 勾稽关系 note that opens an applications table.
const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n";

/// `x` with its line ends `\n` made `end` (`\r\n`, `\r`).
fn ends(x: &str, end: &str) -> String {
    x.replace('\n', end)
}

/// `seed`, `seed` with CRLF line ends, and `more`.
fn variants(seed: &str, more: &[&str]) -> Vec<String> {
    [seed.to_string(), ends(seed, "\r\n")]
        .into_iter()
        .chain(more.iter().map(|m| m.to_string()))
        .collect()
}

/// The texts of the paragraphs of the preamble of `x`.
fn paragraphs(x: &str) -> Vec<String> {
    ogi_report::parse(x)
        .unwrap()
        .preamble
        .iter()
        .filter_map(|b| match b {
            ogi_report::model::Block::Paragraph(p) => Some(p.text.to_string()),
            _ => None,
        })
        .collect()
}

/// The raw text of the cells (or fused digits) of the applications row
/// whose label starts with `start` in `x`.
fn row_cells(x: &str, start: &str) -> (Vec<String>, Option<String>) {
    let report = ogi_report::parse(x).unwrap();
    let apps = report.applications().expect("an applications table");
    let row = apps
        .source
        .values()
        .find(|r| r.label.as_ref().is_some_and(|l| l.raw.starts_with(start)))
        .unwrap_or_else(|| panic!("{x:?}: no row {start:?}"));
    (
        row.cells.values().map(|c| c.raw.to_string()).collect(),
        row.fused.as_ref().map(|f| f.raw.to_string()),
    )
}

/// Seeds 101 and 114: a label wrapped over lines whose first line holds a
/// pipe before a list marker's numeral (`一、本年新收|一` + `57.` + on a later
/// line `、本年新收政府信息公开申请数量`; `二、上年结转|7.` + a header line +
/// `政府信息公开申请数量`). Joined on one line (`一、本年新收|一、本年新收政…`)
/// the marker made by the join, after the pipe, cuts the label in two: the
/// second piece is a row of its own. The row writes the label wrapped as it
/// stood (`render::table::label::cut_label`: a pipe between the two pieces
/// parts nothing the cut does not), and the label reads back whole.
#[test]
fn laws_z13_a_label_with_a_pipe_before_a_marker_made_by_its_wrap_stays_wrapped() {
    let seed_101 =
        "一、本年新收|一57.\n\n、本年新收政府信息公开申请数量\n（七）总计  1 1 1 1 1 1 6\n";
    let seed_114 =
        format!("一、本年新收  4 1 0 0 0 0 5\n二、上年结转|7.\n{HEADER}政府信息公开申请数量");
    for x in [
        seed_101.to_string(),
        ends(seed_101, "\r\n"),
        ends(seed_101, "\r"),
        // minimised
        "一、本年新收|一57\n、本年新收政".to_string(),
        // other digits; no digits; no blank line
        "一、本年新收|一12.\n、本年新收政府信息公开申请数量\n".to_string(),
        "一、本年新收|一\n、本年新收政府信息公开申请数量\n".to_string(),
        "二、上年结转|二3.\n、上年结转\n".to_string(),
        seed_114.clone(),
        ends(&seed_114, "\r\n"),
        seed_114.replace("|7.", "|1."),
    ] {
        assert_laws(&x);
    }
    let c1 = canonical(seed_101);
    assert!(
        c1.contains("\n一、本年新收|一\t5\n、本年新收政府信息公开申请数量\n"),
        "{c1:?}"
    );
    assert_eq!(
        canonical_line(&seed_114, "二、上年结转"),
        "二、上年结转|7.\t\t\t\t\t\t\t"
    );
}

/// Seeds 103 (the first) and 120: a figure and a marker before a label
/// wrapped over lines, the first line with a row's figures after it
/// (`3 5.要求行政  0 0 0 0 0 0 0` + `机关确认或重新出具已获取信息  1 2 3 4 5 6 7`), read
/// as one paragraph after the table. On one line the canonical text's table
/// took it in, and so it did at every one of the eight latest cuts (the
/// first line holding the label and the figures); the earliest cuts are
/// tried too (`render::paragraph::cut_after_table`, `other_cuts`):
/// `3 5.要` + `求行政  0 0 0 0 0 0 0机关…` reads back as the paragraph. The
/// minimised form (`（本列` + `3 .申` + `缴纳费用处`) was cut where neither line
/// opens a table (`3 .申缴纳费用` + `处`), which the table took in too: when
/// neither that cut nor the one line reads apart, the same cuts are tried.
#[test]
fn laws_z13_a_figure_and_a_marker_before_a_wrapped_label_with_figures_stay_a_paragraph() {
    let seed_103 = format!(
        "{NOTE}3 2.申请  0 0 0 0 0 0 0\n人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n（七）总计  1 1 1 1 1 1 6\n"
    );
    let seed_120 = "一、本年新收  4 1 0 0 0 0 5\n3 5.要求行政  0 0 0 0 0 0 0\n机关确认或重新出具已获取信息  1 2 3 4 5 6 7";
    for (x, para) in [
        (
            seed_103.clone(),
            "3 2.申请  0 0 0 0 0 0 0人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        (
            ends(&seed_103, "\r\n"),
            "3 2.申请  0 0 0 0 0 0 0人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        (
            seed_120.to_string(),
            "3 5.要求行政  0 0 0 0 0 0 0机关确认或重新出具已获取信息  1 2 3 4 5 6 7",
        ),
        (
            ends(seed_120, "\r\n"),
            "3 5.要求行政  0 0 0 0 0 0 0机关确认或重新出具已获取信息  1 2 3 4 5 6 7",
        ),
        (
            "一、本年新收  4 1 0 0 0 0 5\n3 4.无正当理由  1 1 1 1 1 1 6\n大量反复申请  1 2 3 4 5 6 7\n".to_string(),
            "3 4.无正当理由  1 1 1 1 1 1 6大量反复申请  1 2 3 4 5 6 7",
        ),
        // minimised; CR; a paragraph after
        ("（本列\n3 .申\n缴纳费用处".to_string(), "3 .申缴纳费用处"),
        ("（本列\r3 .申\r缴纳费用处\r".to_string(), "3 .申缴纳费用处"),
        (
            "（本列\n3 .申\n缴纳费用处\n本机关将继续做好政府信息公开工作。\n".to_string(),
            "3 .申缴纳费用处本机关将继续做好政府信息公开工作。",
        ),
    ] {
        assert_laws(&x);
        for text in [x.clone(), canonical(&x)] {
            assert_eq!(paragraphs(&text).first().map(String::as_str), Some(para), "{x:?}: {text:?}");
        }
    }
}

/// A figure of two digits and other figures: the source reads a row.
#[test]
fn laws_z13_two_digits_and_a_marker_before_a_wrapped_label_with_figures() {
    assert_laws(&format!(
        "{NOTE}12 3.申请  1 2 3 4 5 6 7\n人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n"
    ));
}

/// Seed 103 (the second): text that ends in a stop after the figures of a
/// row whose label is no row label of the region's own (`（六）其他`, read
/// as the group's 其他 in flow text after `一、本年新收`: `…7处理2.。`). Written
/// glued after the figures, the stop ended the row's line, which ends a
/// table's region unless its first field is a row label or a total
/// (`parse::region::app_row_field`); the row read back as a heading. Such
/// text is not written at the row's end
/// (`render::table::fragments::stop_ends_the_row`): the row reads back.
#[test]
fn laws_z13_a_stop_after_a_rows_figures_is_not_written_where_it_ends_the_region() {
    let seed = "一、本年新收（六）其他1 2 3 4 5 6 7处理2.。\n本机关将继续做好政府信息公开工作。\n";
    // (the minimised form first)
    let more = [
        "一、本年新收（六）其他1234567理2.。",
        "一、本年新收3.其他1 2 3 4 5 6 7处理2.。\n",
        "一、本年新收（六）其他1 2 3 4 5 6 7处理。\n",
        "一、本年新收（六）其他1 2 3 4 5 6 7处理2.。\n（七）总计  1 1 1 1 1 1 6\n",
    ];
    for x in variants(seed, &more) {
        assert_laws(&x);
        let c1 = canonical(&x);
        assert!(
            !c1.contains("。\n（七）") && !c1.contains("\t7处理2.。"),
            "{c1:?}"
        );
    }
    assert_eq!(
        canonical_line(seed, "（六）其他"),
        "（六）其他\t1\t2\t3\t4\t5\t6\t7处理"
    );
    // a row label of the region keeps the stop (laws-p)
    assert_laws("勾稽关系四、结转下0000000 。");
}

/// Seed 112: text in an empty cell's place whose words apart read as a
/// figure (`5.要求行政机 00000002.`, cut before the next row's marker `1.关…`:
/// in the source the digits and the marker are the text's). The canonical
/// text wrote its words one space apart, where `00000002.` alone reads as
/// the fused `0000000` and the label `2.`. Such words are written glued
/// (`render::table::fragments::put_fragment`): digits and a marker glued to
/// text at a field's end are the text's, and the field reads back as one
/// fragment.
#[test]
fn laws_z13_words_that_apart_read_as_a_figure_are_written_glued() {
    let seed = "一、本年新收5.要求行政机 00000002.1.关确认或重新出具已获取信息\n（七）总计  1 1 1 1 1 1 6\n";
    for (x, frag) in [
        (seed.to_string(), "5.要求行政机00000002."),
        (ends(seed, "\r\n"), "5.要求行政机00000002."),
        (
            "一、本年新收5.要求行政机 00000002.1.关确认或重新出具已获取信息\n".to_string(),
            "5.要求行政机00000002.",
        ),
        (
            "一、本年新收\t5.要求行政机 00000002.1.关确认或重新出具已获取信息\n".to_string(),
            "5.要求行政机00000002.",
        ),
        (
            "一、本年新收3.要求提供 00000012.1.关确认或重新出具已获取信息\n".to_string(),
            "3.要求提供00000012.",
        ),
    ] {
        assert_laws(&x);
        let row = canonical_line(&x, "一、本年新收");
        assert_eq!(row, format!("一、本年新收\t{frag}\t\t\t\t\t\t"), "{x:?}");
        // (the source's fragments, their words glued: `1.案卷`, glued to the
        // text before it, is cut off it at its marker in both)
        let glued: Vec<String> = other_fragments(&x)
            .iter()
            .map(|f| f.split_whitespace().collect())
            .collect();
        assert_eq!(other_fragments(&canonical(&x)), glued, "{x:?}");
        assert_eq!(glued.concat(), frag, "{x:?}");
    }
    // laws-z15: with the fragment `1.案卷` glued after them, the words run
    // on into it (`00000002.1.案卷` is text): written apart as they stood,
    // they read back as the source's two fragments
    let x = "一、本年新收7.属于行政执法 00000002.1.案卷\n（七）总计  1 1 1 1 1 1 6\n";
    assert_laws(x);
    assert_eq!(
        canonical_line(x, "一、本年新收"),
        "一、本年新收\t7.属于行政执法 00000002.1.案卷\t\t\t\t\t\t"
    );
    assert_eq!(other_fragments(&canonical(x)), other_fragments(x));
    // words apart that read as text stay apart (laws-z11)
    assert_eq!(
        canonical_line("一、本年新收7.法 2.1.案\n", "一、本年新收"),
        "一、本年新收\t7.法 2.1.案\t\t\t\t\t\t"
    );
}

/// Seed 117: a word that ends in digits glued to text and a list marker
/// after a row's figures in one field (`1 2 3 4 5 6 7年度继续办理00000002.`). After
/// the figures the word was read as stray text glued before a figure, one
/// cell (`7年度…`, the figure 7); alone in a field, as the canonical text
/// wrote it, as text (digits and a marker at a field's end are the text's).
/// The word is now read by itself wherever it stands
/// (`template::cells::stray::stray_text_in_cell`, `word_start`): text after
/// the figures, as in a field of its own.
#[test]
fn laws_z13_a_word_ending_in_marker_digits_after_figures_reads_as_text() {
    let seed = "（本列四、结转下\t1 2 3 4 5 6 7年度继续办理00000002.\n（七）总计  1 1 1 1 1 1 6\n";
    // (the minimised form first)
    let more = [
        "（本列结转下\t1 2 3 4 5 6 度02.",
        "（本列四、结转下 1 2 3 4 5 6 7年度继续办理00000002.\n",
        "（本列四、结转下\t1\t2\t3\t4\t5\t6\t7年度继续办理00000002.\n",
        "（本列四、结转下\t1 2 3 4 5 6 7年度继续办理57.\n",
    ];
    for x in variants(seed, &more) {
        assert_laws(&x);
    }
    for x in [
        seed.to_string(),
        "（本列四、结转下\t1\t2\t3\t4\t5\t6\t7年度继续办理00000002.\n".to_string(),
    ] {
        let (cells, fused) = row_cells(&x, "四、结转下");
        assert!(cells.is_empty(), "{x:?}: {cells:?}");
        assert_eq!(
            fused.map(|f| f.split_whitespace().collect::<String>()),
            Some("123456".to_string()),
            "{x:?}"
        );
        assert_eq!(other_fragments(&x), ["7年度继续办理00000002."], "{x:?}");
    }
}
