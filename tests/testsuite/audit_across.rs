//! The audit across reports (issue 13): series over the years and the
//! roll-up of a parent and its children.
//!
//! * Fixture folders in `tests/fixtures/audit/across/`: each rule fires at
//!   the exact cells (the finding's `line:col` in its file, then each
//!   related span as `file line:col`), and the consistent folder gives none.
//! * The Pingtan series 2019–2025 (`../shared/corpus/real/pingtan/`, read
//!   from the crawler text until the HTML front end lands): every carry-over
//!   the rule compares is checked against the figures printed in the files.

use std::path::{Path, PathBuf};

use ogi_report::audit::{FileFinding, Input, Options};
use ogi_report::{Number, Report, Severity};

use crate::util;

fn folder(name: &str) -> PathBuf {
    util::repo_path(&format!("tests/fixtures/audit/across/{name}"))
}

/// The reports of a folder (sorted by file name): (file name, text, report).
fn read_folder(dir: &Path) -> Vec<(String, String, Report)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let report = util::parse_lossless(&text);
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, text, report)
        })
        .collect()
}

fn run(reports: &[(String, String, Report)], options: &Options) -> Vec<FileFinding> {
    let inputs: Vec<Input<'_>> = reports.iter().map(|(n, _, r)| Input::new(n, r)).collect();
    ogi_report::audit::across_with(&inputs, options)
}

/// `file rule line:col [file line:col …]` of every finding.
fn located(found: &[FileFinding]) -> Vec<String> {
    found
        .iter()
        .map(|ff| {
            let f = &ff.finding;
            let (l, c) = f.span.map_or((0, 0), |s| (s.line, s.column));
            let related: Vec<String> = f
                .related
                .iter()
                .map(|r| {
                    format!(
                        "{} {}:{}",
                        r.file.as_deref().unwrap_or(&ff.file),
                        r.span.line,
                        r.span.column
                    )
                })
                .collect();
            format!("{} {} {l}:{c} [{}]", ff.file, f.rule, related.join(", "))
        })
        .collect()
}

fn hierarchy(dir: &str, file: &str) -> Options {
    let text = std::fs::read_to_string(folder(dir).join(file)).unwrap();
    Options {
        aliases: Vec::new(),
        hierarchy: ogi_report::audit::across::read_pairs(&text).unwrap(),
    }
}

#[test]
fn series_and_rollup_fixtures_fire_at_the_exact_cells() {
    let carry: Vec<String> = [
        ("natural_person", 18, 13),
        ("commercial_enterprise", 20, 15),
        ("research_institution", 22, 17),
        ("public_interest_org", 24, 19),
        ("legal_service_org", 26, 21),
        ("other_org", 28, 23),
        ("total", 30, 25),
    ]
    .iter()
    .map(|(_, here, there)| {
        format!("2021.txt series.carry_over 32:{here} [2021.txt 32:{here}, 2020.txt 60:{there}]")
    })
    .collect();
    let cases: Vec<(&str, Options, Vec<String>)> = vec![
        ("ok", Options::default(), vec![]),
        ("carry", Options::default(), carry),
        (
            "stock",
            Options::default(),
            vec![
                "2021.txt series.stock_flow 13:8 [2020.txt 13:8, 2021.txt 13:4, 2021.txt 13:6, 2021.txt 13:8]".into(),
                "2021.txt series.stock_flow 14:13 [2020.txt 14:13, 2021.txt 14:9, 2021.txt 14:11, 2021.txt 14:13]".into(),
            ],
        ),
        (
            "stock-lapsed",
            Options::default(),
            vec!["2021.txt series.stock_flow 14:13 [2020.txt 14:13, 2021.txt 14:9, 2021.txt 14:11, 2021.txt 14:13]".into()],
        ),
        (
            "gap",
            Options::default(),
            vec!["2021.txt series.gap 1:8 [2021.txt 1:8, 2019.txt 1:8]".into()],
        ),
        (
            "duplicate",
            Options::default(),
            vec!["b.txt series.duplicate 1:6 [b.txt 1:6, a.txt 1:8]".into()],
        ),
        ("rollup", hierarchy("rollup", "hierarchy.csv"), vec![]),
        (
            "rollup",
            hierarchy("rollup", "hierarchy-missing.csv"),
            vec!["county.txt rollup.sum 1:8 []".into()],
        ),
        (
            "rollup-broken",
            hierarchy("rollup-broken", "hierarchy.csv"),
            vec!["county.txt rollup.sum 17:6 [county.txt 17:6, town-a.txt 17:6, town-b.txt 17:6]".into()],
        ),
    ];
    let mut failures = Vec::new();
    for (dir, options, want) in cases {
        let reports = read_folder(&folder(dir));
        let got = located(&run(&reports, &options));
        if got != want {
            failures.push(format!("{dir}: got {got:#?}\nwant {want:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cross_findings_carry_severities_and_numbers() {
    let reports = read_folder(&folder("carry"));
    let found = run(&reports, &Options::default());
    let total = found
        .iter()
        .find(|f| f.finding.column.as_deref() == Some("total"))
        .unwrap();
    let f = &total.finding;
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        (f.expected, f.found),
        (Some(Number::int(7)), Some(Number::int(14)))
    );
    // the message names both files; the spans slice the two cells compared
    assert!(f.message.contains("2020.txt"), "{}", f.message);
    assert_eq!(total.file, "2021.txt");
    assert_eq!(f.span.map(|s| s.slice(&reports[1].1)), Some("14"));
    assert_eq!(f.related[1].file.as_deref(), Some("2020.txt"));
    assert_eq!(f.related[1].span.slice(&reports[0].1), "7");

    let reports = read_folder(&folder("stock-lapsed"));
    let found = run(&reports, &Options::default());
    assert_eq!(found[0].finding.severity, Severity::Note);
    assert!(found[0].finding.message.contains("失效"));
    let reports = read_folder(&folder("stock"));
    let found = run(&reports, &Options::default());
    assert!(
        found
            .iter()
            .all(|f| f.finding.severity == Severity::Warning)
    );
    assert_eq!(
        (found[1].finding.expected, found[1].finding.found),
        (Some(Number::int(22)), Some(Number::int(20)))
    );

    let reports = read_folder(&folder("rollup-broken"));
    let found = run(&reports, &hierarchy("rollup-broken", "hierarchy.csv"));
    let f = &found[0].finding;
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        (f.expected, f.found),
        (Some(Number::int(24)), Some(Number::int(25)))
    );
    assert_eq!(f.related[1].label, "甲镇人民政府 licensing/decisions = 12");
    let reports = read_folder(&folder("rollup"));
    let found = run(&reports, &hierarchy("rollup", "hierarchy-missing.csv"));
    assert_eq!(found[0].finding.severity, Severity::Note);
    assert!(found[0].finding.message.contains("丙镇人民政府"));
}

#[test]
fn aliases_join_an_organ_written_two_ways() {
    // 示例县政府 and 示例县人民政府 normalise to one organ; an alias joins a
    // name normalisation cannot know.
    let mut reports = read_folder(&folder("gap"));
    let renamed = reports[0].1.replace("示例县人民政府", "示例之县");
    reports[0].2 = util::parse_lossless(&renamed);
    reports[0].1 = renamed;
    assert!(located(&run(&reports, &Options::default())).is_empty());
    let options = Options {
        aliases: vec![("示例县人民政府".into(), "示例之县".into())],
        hierarchy: Vec::new(),
    };
    assert_eq!(run(&reports, &options).len(), 1);
}

/// The Pingtan text files of the years given, by year.
fn pingtan(years: std::ops::RangeInclusive<i32>) -> Vec<(String, String, Report)> {
    let dir = util::shared_dir().join("corpus/real/pingtan");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.get(..4))
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| years.contains(&y))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
            let report = ogi_report::parse(&text).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, text.into_owned(), report)
        })
        .collect()
}

/// The seven one-digit cells printed after the last `label` of the text
/// (the crawler runs them together: `1000001`).
fn printed(text: &str, label: &str) -> Vec<i64> {
    let at = text.rfind(label).expect(label) + label.len();
    text[at..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(7)
        .map(|c| c.to_digit(10).expect("a digit") as i64)
        .collect()
}

const CARRIED_OVER: &str = "上年结转政府信息公开申请数量";
const CARRIED_FORWARD: &str = "结转下年度继续办理";

#[test]
fn pingtan_2019_2025_carry_over_agrees_with_the_printed_figures() {
    let reports = pingtan(2019..=2025);
    assert_eq!(
        reports.len(),
        7,
        "Pingtan 2019–2025 under {}",
        util::shared_dir().display()
    );
    let found = run(&reports, &Options::default());
    // Every cross finding is checked against the pages: there is none,
    // because every year's printed 上年结转 equals the previous year's
    // printed 结转下年度继续办理 ...
    for pair in reports.windows(2) {
        let before = printed(&pair[0].1, CARRIED_FORWARD);
        let now = printed(&pair[1].1, CARRIED_OVER);
        assert_eq!(before, now, "{} → {}", pair[0].0, pair[1].0);
        // ... and the rule had the figures to compare: the model holds them.
        let cf = pair[0].2.applications().unwrap();
        let co = pair[1].2.applications().unwrap();
        let model = |t: &ogi_report::model::ApplicationsTable, row| -> Vec<i64> {
            ogi_report::model::AppCol::TEMPLATE
                .iter()
                .map(|c| t.rows[&row][c].and_then(|n| n.as_i64()).unwrap())
                .collect()
        };
        assert_eq!(model(cf, ogi_report::model::AppRow::CarriedForward), before);
        assert_eq!(model(co, ogi_report::model::AppRow::CarriedOver), now);
    }
    assert_eq!(located(&found), Vec::<String>::new());
    // 2021 carried one application forward (自然人), the year with a non-zero carry.
    assert_eq!(
        printed(&reports[2].1, CARRIED_FORWARD),
        [1, 0, 0, 0, 0, 0, 1]
    );
}

#[test]
fn pingtan_with_a_changed_carry_over_is_caught_at_both_cells() {
    let mut reports = pingtan(2019..=2025);
    // 2022 printed 上年结转 1000001; make it 2000002.
    let i = reports
        .iter()
        .position(|r| r.0.starts_with("2022"))
        .unwrap();
    let text = reports[i].1.replacen(
        &format!("{CARRIED_OVER} 1000001"),
        &format!("{CARRIED_OVER} 2000002"),
        1,
    );
    assert_ne!(text, reports[i].1);
    reports[i].2 = ogi_report::parse(&text).unwrap();
    reports[i].1 = text;
    let found = run(&reports, &Options::default());
    let got: Vec<_> = found
        .iter()
        .map(|f| {
            let g = &f.finding;
            (
                f.file.as_str(),
                g.rule.as_str(),
                g.column.as_deref().unwrap(),
                g.expected.and_then(|n| n.as_i64()),
                g.found.and_then(|n| n.as_i64()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "2022-80629.txt",
                "series.carry_over",
                "natural_person",
                Some(1),
                Some(2)
            ),
            (
                "2022-80629.txt",
                "series.carry_over",
                "total",
                Some(1),
                Some(2)
            ),
        ]
    );
    let prev = &reports[i - 1].1;
    for f in &found {
        assert_eq!(f.finding.span.map(|s| s.slice(&reports[i].1)), Some("2"));
        let there = &f.finding.related[1];
        assert_eq!(there.file.as_deref(), Some("2021-80613.txt"));
        assert_eq!(there.span.slice(prev), "1");
    }
}

#[test]
fn pingtan_2011_2025_is_one_series_per_organ() {
    // 平潭综合实验区管委会 (2014) is 平潭综合实验区; 平潭县人民政府 (2011–2013)
    // and 平潭综合实验区地方税务局 (2013) are other organs.
    let reports = pingtan(2011..=2025);
    let inputs: Vec<Input<'_>> = reports.iter().map(|(n, _, r)| Input::new(n, r)).collect();
    let series = ogi_report::audit::across::group(&inputs, &Options::default());
    let shape: Vec<(String, Vec<i32>)> = series
        .values()
        .map(|s| (s.key.clone(), s.entries.iter().map(|e| e.year).collect()))
        .collect();
    assert_eq!(
        shape,
        [
            (
                "平潭综合实验区".to_owned(),
                (2011..=2025).collect::<Vec<_>>()
            ),
            ("平潭县".to_owned(), vec![2011, 2012, 2013]),
            ("平潭综合实验区地方税务局".to_owned(), vec![2013]),
        ]
    );
    let found = run(&reports, &Options::default());
    let (legacy, rest): (Vec<FileFinding>, Vec<FileFinding>) = found
        .into_iter()
        .partition(|f| f.finding.rule == "legacy.cumulative_carry");
    assert_eq!(located(&rest), Vec::<String>::new());
    // The legacy 历年累计 column does not always continue: each finding's
    // figures are the ones printed (last year's running total + this year's
    // figure against this year's running total, read from the two files).
    let by_name = |n: &str| reports.iter().find(|r| r.0 == n).map(|r| &r.2).unwrap();
    let mut files: Vec<&str> = Vec::new();
    for ff in &legacy {
        let this = by_name(&ff.file);
        let f = &ff.finding;
        let (Some(row), Some(found)) = (f.row.as_deref(), f.found) else {
            panic!("{f:?}")
        };
        assert_eq!(
            this.cell("legacy_statistics", row, "cumulative").ok(),
            Some(found),
            "{}: {row}",
            ff.file
        );
        let this_year = this.cell("legacy_statistics", row, "this_year").unwrap();
        let expected = f.expected.unwrap();
        let prev = reports
            .iter()
            .filter(|r| r.2.meta.year == this.meta.year.map(|y| y - 1))
            .filter_map(|r| r.2.cell("legacy_statistics", row, "cumulative").ok())
            .any(|c| {
                c.checked_add(this_year)
                    .is_some_and(|s| s.cmp_value(expected).is_eq())
            });
        assert!(prev, "{}: {row} expected {expected}", ff.file);
        assert_ne!(expected.cmp_value(found), std::cmp::Ordering::Equal);
        if !files.contains(&ff.file.as_str()) {
            files.push(&ff.file);
        }
    }
    assert_eq!(
        files,
        [
            "2012-80734.txt",
            "2013-80759.txt",
            "2016-80485.txt",
            "2017-80506.txt"
        ]
    );
}

/// A PDF text of the shared corpus: (file name, text, report).
fn pdf(name: &str) -> (String, String, Report) {
    let p = util::shared_dir().join("corpus/real/pdf").join(name);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let report = ogi_report::parse(&text).unwrap();
    (name.to_owned(), text, report)
}

#[test]
fn hongze_2023_2024_agree_once_the_alias_joins_them() {
    // 洪泽区人民政府 (2023) signs 淮安市洪泽区人民政府 in 2024: two organs by
    // name, one with the alias. Printed: 行政规范性文件 2023 "0 5 5", 2024
    // "3 0 8" (5 + 3 − 0 = 8); carried_forward 2023 and carried_over 2024 are
    // all 0 (the hand-read expected.json says the same).
    let reports = vec![pdf("hzq2023.layout.txt"), pdf("hzq2024.layout.txt")];
    assert!(
        reports[0]
            .1
            .contains("行政规范性文件          0          5       5")
    );
    assert!(
        reports[1]
            .1
            .contains("行政规范性文件          3          0       8")
    );
    let inputs: Vec<Input<'_>> = reports.iter().map(|(n, _, r)| Input::new(n, r)).collect();
    let apart = ogi_report::audit::across::group(&inputs, &Options::default());
    assert_eq!(apart.len(), 2);
    let options = Options {
        aliases: vec![("洪泽区人民政府".into(), "淮安市洪泽区人民政府".into())],
        hierarchy: Vec::new(),
    };
    let joined = ogi_report::audit::across::group(&inputs, &options);
    assert_eq!(joined.len(), 1);
    assert_eq!(located(&run(&reports, &options)), Vec::<String>::new());
    for (i, key) in [(0, "carried_forward"), (1, "carried_over")] {
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(
                util::shared_dir()
                    .join("corpus/real/pdf")
                    .join(["hzq2023.expected.json", "hzq2024.expected.json"][i]),
            )
            .unwrap(),
        )
        .unwrap();
        let printed: Vec<i64> = expected["applications"][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        let t = reports[i].2.applications().unwrap();
        let row = <ogi_report::model::AppRow as ogi_report::model::Key>::from_key(key).unwrap();
        let model: Vec<i64> = ogi_report::model::AppCol::TEMPLATE
            .iter()
            .map(|c| t.rows[&row][c].and_then(|n| n.as_i64()).unwrap())
            .collect();
        assert_eq!(model, printed, "{key}");
    }
    // 2024 printing 9 in force would not follow: 5 + 3 − 0 = 8.
    let mut reports = reports;
    let text = reports[1].1.replace(
        "行政规范性文件          3          0       8",
        "行政规范性文件          3          0       9",
    );
    reports[1].2 = ogi_report::parse(&text).unwrap();
    reports[1].1 = text;
    let found = run(&reports, &options);
    assert_eq!(found.len(), 1, "{:?}", located(&found));
    let f = &found[0].finding;
    assert_eq!(f.rule, "series.stock_flow");
    assert_eq!(
        (f.expected, f.found),
        (Some(Number::int(8)), Some(Number::int(9)))
    );
    assert_eq!(f.span.map(|s| s.slice(&reports[1].1)), Some("9"));
    assert_eq!(f.related[0].file.as_deref(), Some("hzq2023.layout.txt"));
    assert_eq!(f.related[0].span.slice(&reports[0].1), "5");
}
