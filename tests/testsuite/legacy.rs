//! Legacy (2008–2018) reports: the typed statistics table, the series view
//! across the 2019 break, Traditional characters (issue 16).

use std::path::PathBuf;

use ogi_report::model::{
    BasisKind, Block, IndicatorKey, Key, LegacyCol, LegacyRow, LegacyStatisticsTable, Number,
    Report, SectionKind, Span, Table,
};

use crate::util::{parse_lossless, repo_path, shared_dir};

/// Every Pingtan report of the series, `(stem, year, text)`, sorted.
fn pingtan() -> Vec<(String, i32, String)> {
    let dir = shared_dir().join("corpus/real/pingtan");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.as_encoded_bytes()[0].is_ascii_digit())
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let year = stem[..4].parse().unwrap();
            let bytes = std::fs::read(&p).unwrap();
            let text = ogi_report::decode::decode(&bytes).unwrap().0.into_owned();
            (stem, year, text)
        })
        .collect()
}

fn fixture(name: &str) -> (String, Report) {
    let text = std::fs::read_to_string(repo_path("tests/fixtures/legacy").join(name)).unwrap();
    let r = parse_lossless(&text);
    (text, r)
}

fn legacy(r: &Report) -> &LegacyStatisticsTable {
    r.legacy_statistics().expect("a legacy statistics table")
}

fn slice(text: &str, s: Span) -> &str {
    &text[s.range()]
}

/// Every figure of the table against the text under its span; the table's
/// own spans cover its whole region except white space; no legacy rule fails.
fn check_against_text(name: &str, text: &str, r: &Report) {
    let t = legacy(r);
    let mut spans: Vec<Span> = t.fragments.iter().map(|f| f.span).collect();
    let rows = t.source.iter().map(|(k, s)| (s, &t.rows[k]));
    let others = t.other_rows.iter().map(|o| (&o.source, &o.values));
    for (src, values) in rows.chain(others) {
        let label = src.label.as_ref().expect("every row has its label");
        assert_eq!(slice(text, label.span), label.raw, "{name}: label");
        spans.push(label.span);
        let mut last = label.span.end;
        for u in src.unit.iter().chain(&src.code) {
            assert_eq!(slice(text, u.span), u.raw, "{name}: unit/code");
            assert!(u.span.start >= last, "{name}: {} out of order", u.raw);
            last = u.span.end;
            spans.push(u.span);
        }
        for (col, cell) in &src.cells {
            assert_eq!(
                slice(text, cell.span),
                cell.raw,
                "{name}: {} {col}",
                label.raw
            );
            let n = Number::parse_prefix(&cell.raw).map(|p| p.0);
            assert_eq!(values[col], n, "{name}: value of {}", cell.raw);
            assert!(
                cell.span.start >= last,
                "{name}: {} out of order",
                label.raw
            );
            last = cell.span.end;
            spans.push(cell.span);
        }
        if src.split {
            // a split run: the cells are adjacent pieces of one run of digits
            let c: Vec<Span> = src.cells.values().map(|c| c.span).collect();
            assert!(
                c.windows(2).all(|w| w[0].end == w[1].start),
                "{name}: {}",
                label.raw
            );
            let y = values[&LegacyCol::ThisYear].unwrap();
            let cum = values[&LegacyCol::Cumulative].unwrap();
            assert!(cum.cmp_value(y).is_ge(), "{name}: {}", label.raw);
        }
    }
    // nothing of the table's region is left out of its own spans
    spans.sort_by_key(|s| s.start);
    let mut at = t.span.start;
    for s in &spans {
        let gap = &text[at.min(s.start) as usize..s.start as usize];
        let layout = |c: char| c.is_whitespace() || c == '|';
        assert!(
            gap.chars().all(layout),
            "{name}: table text not read: {gap:?}"
        );
        at = at.max(s.end);
    }
    let rest = &text[at.min(t.span.end) as usize..t.span.end as usize];
    assert!(
        rest.chars().all(|c| c.is_whitespace() || c == '|'),
        "{name}: table end"
    );
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("legacy.") && f.severity != ogi_report::Severity::Note)
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
}

#[test]
fn pingtan_2011_2018_statistics_tables_are_typed() {
    let mut typed = 0;
    for (stem, year, text) in pingtan().into_iter().filter(|f| f.1 <= 2018) {
        let r = parse_lossless(&text);
        // the report has a statistics table when its text has the header
        if !text.contains("指标名称") {
            assert!(r.legacy_statistics().is_none(), "{stem}");
            continue;
        }
        typed += 1;
        let t = legacy(&r);
        assert_eq!(r.meta.year, Some(year), "{stem}");
        let cols: Vec<LegacyCol> = [
            (text.contains(&format!("{year}年度")) || text.contains(&format!("{year} 年度")))
                .then_some(LegacyCol::ThisYear),
            text.contains("历年累计").then_some(LegacyCol::Cumulative),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(t.columns, cols, "{stem}");
        for k in [
            LegacyRow::ProactiveItems,
            LegacyRow::ProactiveWebsite,
            LegacyRow::ProactiveGazette,
            LegacyRow::RequestsReceived,
            LegacyRow::RequestsInPerson,
            LegacyRow::RepliesTotal,
            LegacyRow::RepliesGranted,
            LegacyRow::RepliesPartiallyGranted,
            LegacyRow::RepliesDenied,
            LegacyRow::Reviews,
            LegacyRow::Lawsuits,
        ] {
            assert!(t.rows.contains_key(&k), "{stem}: no {k}");
        }
        // the fees row exactly where the table has one
        assert_eq!(
            t.rows.contains_key(&LegacyRow::FeesWaived),
            text.contains("收费减免金额"),
            "{stem}"
        );
        check_against_text(&stem, &text, &r);
    }
    // all but 2013-80774 (a tax bureau's report without the table)
    assert_eq!(typed, 11);
}

/// `prev.cumulative + this.this_year == this.cumulative` for every row of
/// both whose digits in `this` ran together and could be split more than
/// one way (three digits or more); for every row of both when `this` has
/// its cells apart.
fn continues(prev: &Report, this: &Report) -> bool {
    let (a, b) = (legacy(prev), legacy(this));
    let v = |t: &LegacyStatisticsTable, k: &LegacyRow, c: LegacyCol| t.rows[k][&c];
    let decoded = |k: &LegacyRow| {
        let s = &b.source[k];
        s.split && s.cells.values().map(|c| c.raw.len()).sum::<usize>() >= 3
    };
    let shared: Vec<&LegacyRow> = b.rows.keys().filter(|k| a.rows.contains_key(*k)).collect();
    let rows: Vec<&LegacyRow> = if shared.iter().any(|k| decoded(k)) {
        shared.into_iter().filter(|k| decoded(k)).collect()
    } else {
        shared
    };
    rows.into_iter().all(|k| {
        match (
            v(a, k, LegacyCol::Cumulative),
            v(b, k, LegacyCol::ThisYear),
            v(b, k, LegacyCol::Cumulative),
        ) {
            (Some(x), Some(y), Some(z)) => x.checked_add(y).unwrap().cmp_value(z).is_eq(),
            _ => true,
        }
    })
}

#[test]
fn pingtan_running_totals_continue_where_the_source_does() {
    // the split of every fused run (`294981916`) was decoded within its own
    // report; the next year's running total confirms it
    let files = pingtan();
    let get = |stem: &str| {
        let (_, _, text) = files.iter().find(|f| f.0 == stem).unwrap();
        ogi_report::parse(text).unwrap()
    };
    for pair in [
        // 平潭县人民政府
        ("2011-80716", "2012-80725"),
        ("2012-80725", "2013-80754"),
        // 平潭综合实验区
        ("2013-80759", "2014-80791"),
        ("2014-80791", "2015-80445"),
        ("2015-80445", "2016-80485"),
        ("2017-80506", "2018-80529"),
    ] {
        assert!(continues(&get(pair.0), &get(pair.1)), "{pair:?}");
    }
    // where the source restarts its running total (2017: 10037 after 85376),
    // the break is visible, not smoothed over
    assert!(!continues(&get("2016-80485"), &get("2017-80506")));
}

/// The value of an indicator recomputed from the cells its basis names.
fn recompute(r: &Report, source: &str) -> Option<Number> {
    let mut sum = Number::int(0);
    for term in source.split(" + ") {
        let mut parts = term.split('.');
        let (t, row, col) = (parts.next()?, parts.next()?, parts.next()?);
        sum = sum.checked_add(r.cell(t, row, col).ok()?)?;
    }
    Some(sum)
}

#[test]
fn pingtan_indicators_cross_the_2019_break() {
    let mut legacy_years = 0;
    let mut standard_years = 0;
    for (stem, year, text) in pingtan() {
        let r = ogi_report::parse(&text).unwrap();
        let ind = r.indicators();
        if r.legacy_statistics().is_none() && r.applications().is_none() {
            assert!(ind.is_empty(), "{stem}");
            continue;
        }
        // the same six figures on both sides of the break, in the same order
        let keys: Vec<IndicatorKey> = ind.iter().map(|i| i.indicator).collect();
        assert_eq!(keys, IndicatorKey::ALL, "{stem}");
        let prefix = if year <= 2018 {
            legacy_years += 1;
            "legacy_statistics."
        } else {
            standard_years += 1;
            ""
        };
        for i in &ind {
            assert!(
                i.basis.source.starts_with(prefix),
                "{stem}: {}",
                i.basis.source
            );
            if year >= 2019 {
                assert!(
                    i.basis.source.starts_with("applications.")
                        || i.basis.source.starts_with("review_litigation."),
                    "{stem}: {}",
                    i.basis.source
                );
            }
            let approximate = i.indicator == IndicatorKey::ApplicationsDenied;
            assert_eq!(
                i.basis.kind == BasisKind::Approximate,
                approximate,
                "{stem}: {}",
                i.indicator.key()
            );
            // every value is the sum of the cells its basis names (null when one is empty)
            assert_eq!(
                i.value,
                recompute(&r, &i.basis.source),
                "{stem}: {}",
                i.indicator.key()
            );
        }
    }
    assert_eq!((legacy_years, standard_years), (11, 7));
}

#[test]
fn fixture_2012_style_list() {
    let (text, r) = fixture("2012-style-list.txt");
    check_against_text("2012-style", &text, &r);
    let t = legacy(&r);
    assert_eq!(t.columns, [LegacyCol::ThisYear, LegacyCol::Cumulative]);
    let v = |k: LegacyRow, c: &str| r.cell("legacy_statistics", k.key(), c).unwrap().as_i64();
    // 传真 and 电子邮件 are channels of their own; 否决公开 is a denial
    assert_eq!(v(LegacyRow::RequestsFax, "this_year"), Some(1));
    assert_eq!(v(LegacyRow::RequestsEmail, "cumulative"), Some(6));
    assert_eq!(v(LegacyRow::RepliesDenied, "this_year"), Some(2));
    assert!(
        t.source[&LegacyRow::RepliesDenied]
            .label
            .as_ref()
            .unwrap()
            .raw
            .contains("否决")
    );
    // fused runs were split; the running totals are the longer halves
    assert_eq!(v(LegacyRow::ProactiveItems, "this_year"), Some(612));
    assert_eq!(v(LegacyRow::ProactiveItems, "cumulative"), Some(2090));
    assert!(t.source[&LegacyRow::ProactiveItems].split);
    assert_eq!(v(LegacyRow::RequestsReceived, "this_year"), Some(14));
    assert_eq!(t.units[&LegacyRow::Complaints], "条");
    // the trailing 附件下载 is text after the table, not a row
    assert!(t.other_rows.is_empty(), "{:?}", t.other_rows);
}

#[test]
fn fixture_2018_style_list() {
    let (text, r) = fixture("2018-style-list.txt");
    check_against_text("2018-style", &text, &r);
    let t = legacy(&r);
    assert!(!t.rows.contains_key(&LegacyRow::FeesWaived));
    assert_eq!(
        r.cell("legacy_statistics", "requests_letter_fax", "cumulative")
            .unwrap()
            .as_i64(),
        Some(5)
    );
    assert_eq!(
        r.cell("legacy_statistics", "replies_other", "cumulative")
            .unwrap()
            .as_i64(),
        Some(2)
    );
    // 接受行政诉讼、举报数 counts complaints; 行政诉讼数 is its own row
    assert!(t.rows.contains_key(&LegacyRow::Complaints));
    assert_eq!(
        r.cell("legacy_statistics", "lawsuits", "cumulative")
            .unwrap()
            .as_i64(),
        Some(1)
    );
    let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds.last(), Some(&SectionKind::Statistics));
    assert!(matches!(
        &r.sections.last().unwrap().blocks[0],
        Block::Table(t) if matches!(**t, Table::LegacyStatistics(_))
    ));
}

#[test]
fn fixture_gansu_coded_form() {
    let (text, r) = fixture("gansu-coded-form.txt");
    check_against_text("gansu", &text, &r);
    let t = legacy(&r);
    // 本期实际 | 本年累计
    assert_eq!(t.columns, [LegacyCol::ThisYear, LegacyCol::Cumulative]);
    let code = |k: LegacyRow| t.source[&k].code.as_ref().map(|c| c.raw.as_str());
    assert_eq!(code(LegacyRow::ProactiveItems), Some("01"));
    assert_eq!(code(LegacyRow::RequestsReceived), Some("10"));
    assert_eq!(code(LegacyRow::Complaints), Some("34"));
    // 否决公开答复总数 is the denial count, not the replies total
    assert_eq!(
        r.cell("legacy_statistics", "replies_denied", "this_year")
            .unwrap()
            .as_i64(),
        Some(1)
    );
    assert_eq!(
        r.cell("legacy_statistics", "replies_total", "this_year")
            .unwrap()
            .as_i64(),
        Some(6)
    );
    // rows without a key stay, under their label
    let others: Vec<&str> = t.other_rows.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(
        others,
        [
            "全文电子化的主动公开信息数",
            "新增的行政规范性文件数",
            "\"非《规定》所指政府信息\"数"
        ]
    );
    assert_eq!(
        t.other_rows[1].values[&LegacyCol::ThisYear],
        Some(Number::int(12))
    );
}

#[test]
fn traditional_characters_read_like_their_simplified_twin() {
    let (_, hans) = fixture("traditional-hans.txt");
    let (text, hant) = fixture("traditional-hant.txt");
    let kinds = |r: &Report| r.sections.iter().map(|s| s.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&hant), kinds(&hans));
    assert!(kinds(&hant).contains(&SectionKind::Consultations));
    assert!(!kinds(&hant).contains(&SectionKind::Other));
    assert_eq!(hant.format, hans.format);
    assert_eq!(hant.meta.year, hans.meta.year);
    // the same subsections and the same typed table
    let subs = |r: &Report| {
        r.blocks()
            .iter()
            .filter_map(|b| match b {
                Block::Subsection(s) => Some(s.marker.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(subs(&hant), subs(&hans));
    assert_eq!(legacy(&hant).rows, legacy(&hans).rows);
    assert_eq!(legacy(&hant).units, legacy(&hans).units);
    assert_eq!(hant.indicators(), hans.indicators());
    // the text itself is kept as written
    check_against_text("hant", &text, &hant);
    assert_eq!(hant.sections[1].heading.title, "主動公開政府信息情況");
    assert!(
        legacy(&hant).source[&LegacyRow::ProactiveItems]
            .label
            .as_ref()
            .unwrap()
            .raw
            == "主動公開信息數"
    );
}

/// The legacy rules and where their fixtures fire them (`legacy.cumulative_carry`
/// runs across files; the library's unit test `audit::legacy` fires it).
pub(crate) const LEGACY_RULES_FIRED: &[&str] = &[
    "legacy.channels_le_total",
    "legacy.replies_sum",
    "legacy.cumulative_ge_year",
    "legacy.cumulative_carry",
];

#[test]
fn legacy_rules_fire_on_their_fixture() {
    let (_, r) = fixture("audit-sums.txt");
    let got: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("legacy."))
        .map(|f| {
            let s = f.span.unwrap();
            format!("{} {} {}:{}", f.rule, f.severity.key(), s.line, s.column)
        })
        .collect();
    assert_eq!(
        got,
        [
            "legacy.channels_le_total error 6:11",
            "legacy.cumulative_ge_year error 9:17",
            "legacy.replies_sum error 10:12",
            "legacy.replies_sum note 14:1",
        ]
    );
    let ids: Vec<&str> = ogi_report::audit::rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| id.starts_with("legacy."))
        .collect();
    assert_eq!(ids, LEGACY_RULES_FIRED);
}

/// Run-together tables cut, shortened and with characters inserted at many
/// places: no panic, nothing lost, and the canonical text reads back the same.
#[test]
fn damaged_run_together_tables_stay_lossless() {
    let inserts = ["1", " ", ".", "、", "条", "其中：", "指标名称"];
    let mut cases = 0;
    for (stem, _, text) in pingtan().into_iter().filter(|f| f.1 <= 2018) {
        let Some(at) = text.find("指标名称") else {
            continue;
        };
        let region: Vec<usize> = (at..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(17)
            .collect();
        for (n, &i) in region.iter().enumerate() {
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            let ins = inserts[n % inserts.len()];
            for variant in [
                text[..i].to_string(),
                format!("{}{}", &text[..i], &text[i + next..]),
                format!("{}{ins}{}", &text[..i], &text[i..]),
            ] {
                cases += 1;
                let r = ogi_report::parse(&variant).unwrap();
                if let Err(e) = ogi_report::lossless::check(&variant, &r) {
                    panic!("{stem} at {i}: {e}");
                }
                let back = ogi_report::parse(&r.render()).unwrap();
                assert!(back == r, "{stem} at {i}: render does not read back");
            }
        }
    }
    assert!(cases > 400, "{cases}");
}

#[test]
fn export_indicators_csv_of_the_series() {
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("legacy_export");
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).unwrap();
    let csv = out_dir.join("series.csv");
    let dir = shared_dir().join("corpus/real/pingtan");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ogi"))
        .arg("export")
        .arg(&dir)
        .arg("--indicators")
        .arg(&csv)
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("file,organ,year,format,indicator,value,basis,source")
    );
    // one line per indicator of every report, as Report::indicators gives them
    let mut want = 0;
    for (stem, _, t) in pingtan() {
        let r = ogi_report::parse(&t).unwrap();
        for i in r.indicators() {
            want += 1;
            let value = i.value.map(|n| n.to_string()).unwrap_or_default();
            let tail = format!(
                ",{},{},{},{}",
                i.indicator.key(),
                value,
                i.basis.kind.key(),
                i.basis.source
            );
            assert!(
                text.lines()
                    .any(|l| l.contains(&format!("{stem}.txt")) && l.ends_with(&tail)),
                "{stem}{tail}"
            );
        }
    }
    // the folder's HTML pages are exported too (issue 10); count the .txt
    let file_ext = |l: &str| {
        l.split(',')
            .next()
            .map(|f| f.rsplit('.').next().unwrap_or("").to_string())
    };
    let lines: Vec<&str> = lines.collect();
    assert_eq!(
        lines
            .iter()
            .filter(|l| file_ext(l).as_deref() == Some("txt"))
            .count(),
        want
    );
    assert!(lines.iter().any(|l| file_ext(l).as_deref() == Some("html")));
}

#[test]
fn separated_cells_are_never_split() {
    // a grid row, or a spaced row among spaced rows, with one value has an
    // empty running total: `12` is twelve, not 1 | 2
    let grid = "一、概述\n无。\n二、政府信息公开情况统计表\n指标名称\t计量单位\t2015年度\t历年累计\n\
                主动公开文件数\t条\t20\t300\n行政复议数\t件\t12\n";
    let spaced = "一、概述 无。二、政府信息公开情况统计表 指标名称 计量单位 2015年度 历年累计 \
                  主动公开文件数 条 20 300 行政复议数 件 12 行政诉讼数 件 1 3";
    for text in [grid, spaced] {
        let r = parse_lossless(text);
        let t = legacy(&r);
        assert_eq!(
            t.rows[&LegacyRow::Reviews][&LegacyCol::ThisYear],
            Some(Number::int(12))
        );
        assert_eq!(t.rows[&LegacyRow::Reviews][&LegacyCol::Cumulative], None);
        assert!(!t.source[&LegacyRow::Reviews].split);
    }
}

#[test]
fn fixture_one_spaced_row_per_line() {
    let (text, r) = fixture("spaced-rows.txt");
    check_against_text("spaced", &text, &r);
    let t = legacy(&r);
    assert_eq!(t.rows.len(), 5);
    assert!(t.source.values().all(|s| !s.split));
    assert_eq!(
        r.cell("legacy_statistics", "proactive_website", "cumulative")
            .unwrap()
            .as_i64(),
        Some(990)
    );
    let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Overview,
            SectionKind::Statistics,
            SectionKind::Problems
        ]
    );
}

#[test]
fn grid_cells_keep_their_columns() {
    // an empty year cell before a running total stays empty
    let text = "一、概述\n无。\n二、政府信息公开情况统计表\n指标名称\t计量单位\t2015年度\t历年累计\n\
                主动公开文件数\t条\t20\t300\n行政诉讼数\t件\t\t3\n行政复议数\t件\t2\t\n";
    let r = parse_lossless(text);
    let t = legacy(&r);
    let v = |k: LegacyRow, c: LegacyCol| t.rows[&k][&c];
    assert_eq!(v(LegacyRow::Lawsuits, LegacyCol::ThisYear), None);
    assert_eq!(
        v(LegacyRow::Lawsuits, LegacyCol::Cumulative),
        Some(Number::int(3))
    );
    assert_eq!(
        v(LegacyRow::Reviews, LegacyCol::ThisYear),
        Some(Number::int(2))
    );
    assert_eq!(v(LegacyRow::Reviews, LegacyCol::Cumulative), None);
    // and reads back the same from the canonical text
    assert!(ogi_report::parse(&r.render()).unwrap() == r);
}

#[test]
fn pingtan_html_pages_give_the_same_statistics_tables() {
    let dir = shared_dir().join("corpus/real/pingtan");
    let mut compared = 0;
    for (stem, year, text) in pingtan().into_iter().filter(|f| f.1 <= 2018) {
        let bytes = std::fs::read(dir.join(format!("{stem}.html"))).unwrap();
        let html = ogi_report::input::html::decode(&bytes).unwrap();
        let h = ogi_report::parse_html(&bytes).unwrap();
        let t = ogi_report::parse(&text).unwrap();
        let (Some(a), Some(b)) = (t.legacy_statistics(), h.legacy_statistics()) else {
            assert_eq!(
                t.legacy_statistics().is_some(),
                h.legacy_statistics().is_some(),
                "{stem}"
            );
            continue;
        };
        compared += 1;
        assert_eq!(h.meta.year, Some(year), "{stem}");
        assert_eq!(b.columns, a.columns, "{stem}");
        assert_eq!(b.rows, a.rows, "{stem}");
        assert_eq!(b.units, a.units, "{stem}");
        assert_eq!(b.other_rows.len(), a.other_rows.len(), "{stem}");
        // every figure is the page's text at its span (markup inside a cell aside)
        let untagged = |s: &str| {
            let mut out = String::new();
            let mut inside = false;
            for c in s.chars() {
                match c {
                    '<' => inside = true,
                    '>' => inside = false,
                    c if !inside => out.push(c),
                    _ => {}
                }
            }
            out
        };
        for src in b.source.values() {
            for cell in src.cells.values() {
                let at = untagged(&html[cell.span.range()]);
                assert_eq!(at, cell.raw, "{stem}");
            }
        }
        assert_eq!(h.indicators(), t.indicators(), "{stem}");
    }
    assert_eq!(compared, 11);
}
