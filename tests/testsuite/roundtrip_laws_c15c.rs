//! The round-trip laws (see `roundtrip_laws`) on the marker-digits family of
//! the wider sweep: digits and a list marker at the end of a label field
//! that stands after the row's first text.

use crate::roundtrip_laws::{assert_laws, laws};
use ogi_report::model::AppRow;

/// The source text of row `row`'s label and fused digits (white space
/// dropped: the canonical text writes a label's white space away).
fn label_and_fused(x: &str, row: AppRow) -> (Option<String>, Option<String>) {
    let r = ogi_report::parse(x).unwrap();
    let apps = r.applications().expect("an applications table");
    let src = apps.source.get(&row);
    let text = |t: Option<&ogi_report::model::Text>| {
        t.map(|t| t.raw.chars().filter(|c| !c.is_whitespace()).collect())
    };
    (
        text(src.and_then(|s| s.label.as_ref())),
        text(src.and_then(|s| s.fused.as_ref())),
    )
}

// ---- laws-c15c ----

/// The wider sweep's three inputs of the family (seeds 27, 35, 37): a field
/// after the row's first text that ends in digits and a marker
/// (`3.要求提供00000002.`, `2.其他法00000002.`, `四、结57.`) kept them as its
/// text even when the next field that holds something continues it, while
/// the label cutter, reading the run's fields together, cut at the marker:
/// the canonical text wrote the label at a row's start, glued to the rest,
/// where the cell grammar cut the digits off as a figure. Now the field
/// after the first text asks what the row's first field asks
/// (`continues_label`): the marker labels the next field's text, the words
/// before it are stray text before a figure (one value).
#[test]
fn laws_c15c_the_sweeps_inputs() {
    for x in [
        // seed 27
        "一、本年新收\t3.要求提供00000002.\t|\t公开出版物",
        // seed 35
        "一、本年新收\t2.其他法00000002.\t\t律行政法规禁止公开\n（七）总计  1 1 1 1 1 1 6\n",
        // seed 37
        "一、本年新收\t|\t四、结57.\t\t转下年度继续办理",
    ] {
        assert_laws(x);
    }
}

/// Variants of the three: other digits before the marker, one tab or a
/// pipe between the fields, another row's label, figures on the first
/// row, a total row after, CR and CRLF line ends.
#[test]
fn laws_c15c_marker_digits_after_the_first_field_before_text() {
    let mut xs = Vec::new();
    for digits in ["02.", "57.", "00000002.", "2、"] {
        for gap in ["\t", "\t\t", "\t|\t", "\t|"] {
            for (first, rest) in [
                ("3.要求提供", "公开出版物"),
                ("2.其他法", "律行政法规禁止公开"),
                ("四、结", "转下年度继续办理"),
                ("要", "物"),
            ] {
                xs.push(format!("一、本年新收\t{first}{digits}{gap}{rest}"));
                xs.push(format!("一、本年新收\t|\t{first}{digits}{gap}{rest}"));
                xs.push(format!("一、本年新收\t1\t{first}{digits}{gap}{rest}"));
                for nl in ["\n", "\r\n", "\r"] {
                    xs.push(format!(
                        "一、本年新收\t{first}{digits}{gap}{rest}{nl}（七）总计  1 1 1 1 1 1 6{nl}"
                    ));
                }
            }
        }
    }
    let fails: Vec<String> = xs
        .iter()
        .filter_map(|x| {
            laws(x)
                .err()
                .map(|e| format!("{x:?}: {}", e.lines().next().unwrap_or("")))
        })
        .collect();
    assert!(
        fails.is_empty(),
        "{} of {} fail: {fails:#?}",
        fails.len(),
        xs.len()
    );
}

/// The lead's counter-example (asking `continues_label` of a field after
/// the first text, with the whole word then read as stray text, c1 dropped
/// `物`): the marker is the label's start, `要0` the stray text before a
/// figure.
#[test]
fn laws_c15c_the_marker_labels_the_next_fields_text() {
    let x = "一、本年新收\t要02.\t物";
    assert_laws(x);
    assert_eq!(
        label_and_fused(x, AppRow::NewReceived),
        (Some("一、本年新收".into()), Some("要0".into()))
    );
    // seed 27's: the marker labels the row it names, the words before it
    // are one value beside the first row (as the canonical text writes them)
    let x = "一、本年新收\t3.要求提供00000002.\t|\t公开出版物";
    assert_eq!(
        label_and_fused(x, AppRow::NewReceived),
        (
            Some("一、本年新收".into()),
            Some("3.要求提供0000000".into())
        )
    );
    assert_eq!(
        label_and_fused(x, AppRow::NotProcessedPublication).0,
        Some("2.|公开出版物".into())
    );
    let c1 = ogi_report::parse(x).unwrap().render();
    assert!(
        c1.contains("\n一、本年新收\t3.要求提供0000000\n2.|公开出版物\t"),
        "{c1:?}"
    );
}

/// Without text after it (the row's last field, or figures after it) the
/// marker labels nothing: the digits and the marker stay the field's text,
/// as before (laws-z1's `5.认57.`, laws-z9's `四、行政查询57.`).
#[test]
fn laws_c15c_marker_digits_that_label_nothing_stay_the_texts() {
    for x in [
        "一、本年新收\t四、行政查询57.",
        "一、本年新收\t要02.",
        "一、本年新收\t要02.\t\t",
        "一、本年新收\t要02.\t1",
        "一、本年新收\t3.要求提供00000002.\t|",
    ] {
        assert_laws(x);
        // (no fused run cut off the field's digits: `1` is the figure after it)
        let (_, fused) = label_and_fused(x, AppRow::NewReceived);
        assert!(
            matches!(fused.as_deref(), None | Some("1")),
            "{x:?}: {fused:?}"
        );
    }
}
