//! The single-report rules of issue 13 (narrative counts and claims, the
//! outline, body years, cell sanity) and the related spans of every
//! equation: each rule fires on its fixture in `tests/fixtures/audit/rules/`
//! at the exact cells — `rule line:col` of the finding, then the
//! `line:col` of each related span — and the consistent fixtures give none.
//! The fixtures go through the whole pipeline (`ogi_report::parse`).

use ogi_report::{Number, Report, Severity};

use crate::util;

fn fixture(name: &str) -> String {
    let path = util::repo_path(&format!("tests/fixtures/audit/rules/{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `rule line:col [line:col …]` of every finding: its span and its related spans.
fn located(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let (l, c) = f.span.map_or((0, 0), |s| (s.line, s.column));
            let related: Vec<String> = f
                .related
                .iter()
                .map(|r| format!("{}:{}", r.span.line, r.span.column))
                .collect();
            format!("{} {l}:{c} [{}]", f.rule, related.join(" "))
        })
        .collect()
}

/// Every fixture and the findings it must give.
pub(crate) const FIRING: &[(&str, &[&str])] = &[
    ("narrative-words-ok", &[]),
    (
        "narrative-counts",
        &[
            "narrative.mismatch 7:16 [32:30]",
            "narrative.mismatch 7:22 [59:25]",
            "narrative.mismatch 7:29 [60:25]",
            "narrative.mismatch 7:54 [67:9]",
            "narrative.mismatch 7:63 [67:20 67:30]",
        ],
    ),
    ("narrative-sum", &["narrative.mismatch 7:21 [31:36 32:30]"]),
    ("absolute-claim", &["narrative.absolute_claim 7:30 [60:25]"]),
    (
        "absolute-claim-words",
        &["narrative.absolute_claim 7:26 [60:25]"],
    ),
    ("not-a-number", &["table.not_a_number 17:6 []"]),
    (
        "not-count",
        &["table.not_count 17:6 []", "table.not_count 20:6 []"],
    ),
    (
        "numbering-promoted",
        &["structure.numbering 9:1 []", "structure.numbering 13:1 []"],
    ),
    (
        "numbering-restart",
        &[
            "structure.numbering 69:1 [62:1]",
            "structure.missing_section 73:1 []",
        ],
    ),
    (
        "numbering-skip",
        &[
            "structure.missing_section 69:1 []",
            "structure.numbering 69:1 [62:1]",
        ],
    ),
    ("year-body", &["meta.year_mismatch 75:5 []"]),
];

#[test]
fn every_fixture_is_listed() {
    let names = util::txt_stems("tests/fixtures/audit/rules");
    let mut listed: Vec<String> = FIRING.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(names, listed);
}

#[test]
fn rules_fire_at_the_exact_cells() {
    let mut failures = Vec::new();
    for (name, want) in FIRING {
        let report = util::parse_lossless(&fixture(name));
        if located(&report) != *want {
            failures.push(format!("{name}: got {:?}, want {want:?}", located(&report)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_consistent_fixtures_give_no_finding() {
    // ok-2021 states its counts (均已按期答复 speaks of timeliness, not of all);
    // narrative-words-ok states every count in words.
    for text in [
        std::fs::read_to_string(util::repo_path("tests/fixtures/audit/ok-2021.txt")).unwrap(),
        fixture("narrative-words-ok"),
    ] {
        let report = ogi_report::parse(&text).unwrap();
        assert!(report.findings.is_empty(), "{:?}", located(&report));
    }
}

#[test]
fn stated_counts_carry_the_numbers() {
    let text = fixture("narrative-counts");
    let report = ogi_report::parse(&text).unwrap();
    let got: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.row.as_deref().unwrap_or(""),
                f.expected.and_then(Number::as_i64),
                f.found.and_then(Number::as_i64),
                f.span.map(|s| s.slice(&text).to_owned()),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_owned());
    assert_eq!(
        got,
        [
            ("carried_over", Some(14), Some(15), s("十五")),
            ("total_processed", Some(147), Some(146), s("一百四十六")),
            ("carried_forward", Some(7), Some(2), s("两")),
            ("review", Some(10), Some(9), s("九")),
            ("litigation_direct", Some(7), Some(6), s("六")),
        ]
    );
    // the related spans are the table cells compared
    let f = &report.findings[4];
    let cells: Vec<(&str, &str)> = f
        .related
        .iter()
        .map(|r| (r.label.as_str(), r.span.slice(&text)))
        .collect();
    assert_eq!(
        cells,
        [
            ("litigation_direct/total = 4", "4"),
            ("litigation_after_review/total = 3", "3")
        ]
    );
}

#[test]
fn absolute_claims_name_the_claim_and_the_cell() {
    let text = fixture("absolute-claim");
    let report = ogi_report::parse(&text).unwrap();
    let f = &report.findings[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.span.map(|s| s.slice(&text)), Some("均已按要求办理完成"));
    assert_eq!(f.found, Some(Number::int(7)));
    assert_eq!(f.related[0].span.slice(&text), "7");
}

#[test]
fn every_equation_term_is_related() {
    // applications.balance in column total: 141 + 14 = 147 + 7 fails; the
    // four cells are the related spans, each labelled with its row and value.
    let text =
        std::fs::read_to_string(util::repo_path("tests/fixtures/audit/balance.txt")).unwrap();
    let report = ogi_report::parse(&text).unwrap();
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "applications.balance" && f.column.as_deref() == Some("total"))
        .expect("balance finding");
    let terms: Vec<(String, u32, u32, &str)> = f
        .related
        .iter()
        .map(|r| {
            (
                r.label.to_string(),
                r.span.line,
                r.span.column,
                r.span.slice(&text),
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("new_received/total = 141".to_owned(), 31, 36, "141"),
            ("carried_over/total = 14".to_owned(), 32, 30, "14"),
            ("total_processed/total = 147".to_owned(), 59, 25, "147"),
            ("carried_forward/total = 7".to_owned(), 60, 25, "7"),
        ]
    );
    // expected/found stay
    assert_eq!(
        (f.expected, f.found),
        (Some(Number::int(155)), Some(Number::int(154)))
    );
    // review_litigation.total: the four outcomes and the total
    let text =
        std::fs::read_to_string(util::repo_path("tests/fixtures/audit/review-total.txt")).unwrap();
    let report = ogi_report::parse(&text).unwrap();
    let f = &report.findings[0];
    let labels: Vec<&str> = f.related.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "review/upheld = 1",
            "review/corrected = 2",
            "review/other = 3",
            "review/pending = 4",
            "review/total = 0"
        ]
    );
}

#[test]
fn related_spans_leave_the_json_unchanged_when_empty() {
    let text = fixture("year-body");
    let report = ogi_report::parse(&text).unwrap();
    let json = report.to_json().unwrap();
    assert!(!json.contains("\"related\""), "{json}");
    let text = fixture("absolute-claim");
    let report = ogi_report::parse(&text).unwrap();
    let json = report.to_json().unwrap();
    assert!(json.contains("\"related\":[{\"label\":\"carried_forward/total = 7\""));
    assert_eq!(Report::from_json(&json).unwrap(), report);
}

#[test]
fn numbering_restarts_and_disorder_in_a_built_report() {
    // Sections a parser keeps in order can still be renumbered by hand.
    let text =
        std::fs::read_to_string(util::repo_path("tests/fixtures/audit/ok-2021.txt")).unwrap();
    let mut report = ogi_report::parse(&text).unwrap();
    report.sections[2].number = 2; // 一 二 二 四 五 六
    report.sections[4].number = 1; // … 四 一 六
    let got: Vec<(String, Option<i64>, Option<i64>)> = ogi_report::audit::audit(&report)
        .into_iter()
        .map(|f| {
            (
                f.message.into(),
                f.expected.and_then(|n| n.as_i64()),
                f.found.and_then(|n| n.as_i64()),
            )
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].0.contains("out of sequence"), "{got:?}");
    assert_eq!((got[0].1, got[0].2), (Some(3), Some(2)));
    assert!(got[1].0.contains("restarts"), "{got:?}");
    assert_eq!((got[1].1, got[1].2), (Some(5), Some(1)));
}

#[test]
fn cell_sanity_tells_text_from_empty() {
    let text = fixture("not-a-number");
    let report = ogi_report::parse(&text).unwrap();
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].span.map(|s| s.slice(&text)), Some("abc"));
    // an empty cell stays table.empty_cell
    let ok = std::fs::read_to_string(util::repo_path("tests/fixtures/audit/ok-2021.txt")).unwrap();
    let report = ogi_report::parse(&ok.replace("行政许可\t12", "行政许可\t")).unwrap();
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["table.empty_cell"]);
    // a decimal amount is no count problem
    let report = ogi_report::parse(&ok).unwrap();
    assert!(report.findings.is_empty());
}

#[test]
fn truncated_and_edited_rule_fixtures_never_panic() {
    for (name, _) in FIRING {
        let text = fixture(name);
        let cuts: Vec<usize> = (0..text.len())
            .step_by(97)
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for cut in cuts {
            for variant in [
                text[..cut].to_owned(),
                text.replacen('\n', "", cut % 5 + 1),
                text.replace('，', "").replacen('。', "", cut % 3),
            ] {
                let report = ogi_report::parse(&variant).expect("parse");
                assert_eq!(ogi_report::audit::audit(&report), report.findings);
                let input = [ogi_report::audit::Input::new("a", &report)];
                let _ = ogi_report::audit::across(&input);
            }
        }
    }
}
