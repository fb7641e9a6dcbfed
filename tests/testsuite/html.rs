//! HTML input: the real portal pages of `../shared/corpus/real/pingtan/` and
//! the fixtures of `tests/fixtures/html/`.

use std::path::PathBuf;

use crate::util::shared_dir;

/// Every `.html` page of the Pingtan series, sorted.
fn pages() -> Vec<PathBuf> {
    let dir = shared_dir().join("corpus/real/pingtan");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    out.sort();
    out
}

#[test]
#[ignore = "debugging aid: prints the reading text of every page"]
fn dump_pages() {
    for p in pages() {
        let bytes = std::fs::read(&p).unwrap();
        let html = ogi_report::input::html::decode(&bytes).unwrap();
        let page = ogi_report::input::html::read(&html);
        let r = ogi_report::parse_html(&bytes).unwrap();
        println!(
            "===== {} unaligned={} format={:?} title={:?} organ={:?} year={:?} published={:?}",
            p.display(),
            page.unaligned,
            r.format,
            r.meta.title,
            r.meta.organ,
            r.meta.year,
            r.meta.published
        );
        for t in r.tables() {
            println!("  table {}", t.kind());
        }
        println!("{}", page.reading.text());
    }
}

fn year_of(p: &std::path::Path) -> i32 {
    let name = p.file_name().unwrap().to_string_lossy();
    name[..4].parse().unwrap()
}

fn load(p: &std::path::Path) -> (String, ogi_report::Report) {
    let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let html = ogi_report::input::html::decode(&bytes).expect("decodes");
    let report = ogi_report::parse_html(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    (html, report)
}

#[test]
fn every_page_parses_with_title_organ_year_and_nothing_lost() {
    let pages = pages();
    assert!(pages.len() >= 19, "{} pages", pages.len());
    for p in &pages {
        let (html, r) = load(p);
        let name = p.display();
        let year = year_of(p).to_string();
        assert!(
            r.meta
                .title
                .as_deref()
                .is_some_and(|t| t.contains("报告") && t.contains(&year) && t.contains("平潭")),
            "{name}: title {:?}",
            r.meta.title
        );
        assert!(
            r.meta.organ.as_deref().is_some_and(|o| o.contains("平潭")),
            "{name}: organ {:?}",
            r.meta.organ
        );
        assert_eq!(r.meta.year, Some(year_of(p)), "{name}: year");
        assert!(r.meta.published.is_some(), "{name}: published");
        let page = ogi_report::input::html::read(&html);
        assert_eq!(
            page.unaligned, 0,
            "{name}: text nodes not found in the source"
        );
        ogi_report::lossless::check_html(&html, &r).unwrap_or_else(|e| panic!("{name}: {e}"));
        // the report text is not chrome, the chrome is not report text
        let chrome: Vec<&str> = r
            .blocks()
            .into_iter()
            .filter_map(|b| match b {
                ogi_report::Block::Chrome(c) => Some(c.text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            chrome.iter().any(|c| c.contains("当前位置")),
            "{name}: breadcrumb is chrome"
        );
        assert!(
            !r.render().contains("当前位置"),
            "{name}: breadcrumb rendered"
        );
        assert!(!r.render().contains("function"), "{name}: script rendered");
        assert!(
            r.sections.len() >= 4,
            "{name}: {} sections",
            r.sections.len()
        );
    }
}

#[test]
fn spans_point_into_the_page_source() {
    for p in pages() {
        let (html, r) = load(&p);
        for s in &r.sections {
            let h = s.heading.span.slice(&html);
            let raw: Vec<char> = s
                .heading
                .raw
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            // the span runs from the heading's first to its last character
            // (markup between its runs included)
            assert!(
                h.starts_with(raw[0]) && h.ends_with(raw[raw.len() - 1]),
                "{}: heading {:?} at {:?}",
                p.display(),
                s.heading.raw,
                h
            );
        }
    }
}

#[test]
fn standard_tables_2019_2025_are_complete() {
    use ogi_report::model::{AppRow, Key, RlGroup, RlOutcome};
    for p in pages().iter().filter(|p| year_of(p) >= 2019) {
        let (_, r) = load(p);
        let name = p.display();
        let a = r
            .applications()
            .unwrap_or_else(|| panic!("{name}: no applications table"));
        for row in AppRow::template(r.format) {
            let src = a.source.get(&row);
            assert!(
                src.is_none_or(|s| s.fused.is_none()),
                "{name}: {row:?} fused"
            );
            for col in &a.columns {
                let v = a.rows.get(&row).and_then(|c| c.get(col)).copied().flatten();
                assert!(v.is_some(), "{name}: applications {row:?} {col:?} empty");
            }
        }
        assert_eq!(a.columns.len(), 7, "{name}: applications columns");
        let rl = r
            .review_litigation()
            .unwrap_or_else(|| panic!("{name}: no review table"));
        for g in RlGroup::ALL {
            for o in RlOutcome::ALL {
                let v = rl.groups.get(g).and_then(|c| c.get(o)).copied().flatten();
                assert!(v.is_some(), "{name}: review_litigation {g:?} {o:?} empty");
            }
        }
        let ad = r
            .active_disclosure()
            .unwrap_or_else(|| panic!("{name}: no disclosure table"));
        assert!(
            ad.items.len() >= 4,
            "{name}: {} disclosure items",
            ad.items.len()
        );
        for (item, fields) in &ad.items {
            for (f, v) in fields {
                assert!(
                    v.is_some(),
                    "{name}: active_disclosure {item:?} {f:?} empty"
                );
            }
        }
    }
}

/// Wherever the crawler's `.txt` of a page has a figure, the page gives the
/// same figure.
#[test]
fn html_agrees_with_the_crawler_text() {
    use ogi_report::model::Key;
    let mut compared = 0;
    for p in pages() {
        let (_, h) = load(&p);
        let txt = std::fs::read(p.with_extension("txt")).unwrap();
        let t = ogi_report::parse_bytes(&txt).unwrap();
        let name = p.display();
        if let (Some(ta), Some(ha)) = (t.applications(), h.applications()) {
            for (row, cols) in &ta.rows {
                for (col, v) in cols {
                    if let Some(v) = v {
                        let hv = ha.rows.get(row).and_then(|c| c.get(col)).copied().flatten();
                        assert_eq!(
                            hv,
                            Some(*v),
                            "{name}: applications {} {}",
                            row.key(),
                            col.key()
                        );
                        compared += 1;
                    }
                }
            }
        }
        if let (Some(ta), Some(ha)) = (t.review_litigation(), h.review_litigation()) {
            for (g, cols) in &ta.groups {
                for (o, v) in cols {
                    if let Some(v) = v {
                        let hv = ha.groups.get(g).and_then(|c| c.get(o)).copied().flatten();
                        assert_eq!(
                            hv,
                            Some(*v),
                            "{name}: review_litigation {} {}",
                            g.key(),
                            o.key()
                        );
                        compared += 1;
                    }
                }
            }
        }
        if let (Some(ta), Some(ha)) = (t.active_disclosure(), h.active_disclosure()) {
            for (i, cols) in &ta.items {
                for (f, v) in cols {
                    if let Some(v) = v {
                        let hv = ha.items.get(i).and_then(|c| c.get(f)).copied().flatten();
                        assert_eq!(
                            hv,
                            Some(*v),
                            "{name}: active_disclosure {} {}",
                            i.key(),
                            f.key()
                        );
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared >= 100, "only {compared} figures compared");
}

#[test]
fn legacy_statistics_tables_are_tables() {
    for p in pages().iter().filter(|p| year_of(p) <= 2018) {
        let (_, r) = load(p);
        // 2013-80774 (the tax bureau) has no table
        if p.to_string_lossy().contains("80774") {
            continue;
        }
        assert!(r.tables().count() >= 1, "{}: no table", p.display());
    }
}

#[test]
fn round_trip_through_the_canonical_text() {
    let mut failed = Vec::new();
    for p in pages() {
        let (_, r) = load(&p);
        let text = r.render();
        let back = ogi_report::parse(&text).unwrap();
        assert_eq!(
            back.render(),
            text,
            "{}: render is not a fixed point",
            p.display()
        );
        if without_chrome(&back) != without_chrome(&r) {
            let (a, b) = (
                without_chrome(&back).to_json_pretty().unwrap(),
                without_chrome(&r).to_json_pretty().unwrap(),
            );
            let diff = a
                .lines()
                .zip(b.lines())
                .filter(|(x, y)| {
                    x != y
                        && !x.contains("\"start\"")
                        && !x.contains("\"end\"")
                        && !x.contains("\"line\"")
                        && !x.contains("\"column\"")
                })
                .take(3)
                .map(|(x, y)| format!("{x} | {y}"))
                .collect::<Vec<_>>();
            failed.push(format!("{}: {diff:?}", p.display()));
        }
    }
    assert!(
        failed.is_empty(),
        "parse(render(r)) != r:\n{}",
        failed.join("\n")
    );
}

/// The report without its chrome blocks and the portal's fields (which the
/// canonical text does not carry).
fn without_chrome(r: &ogi_report::Report) -> ogi_report::Report {
    let mut r = r.clone();
    let keep = |b: &ogi_report::Block| !matches!(b, ogi_report::Block::Chrome(_));
    r.preamble.retain(keep);
    r.closing.retain(keep);
    r.meta.index_number = None;
    r.meta.published = None;
    r.findings.clear();
    r
}

fn fixture(name: &str) -> (Vec<u8>, String, ogi_report::Report) {
    let p = crate::util::repo_path(&format!("tests/fixtures/html/{name}"));
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let html = ogi_report::input::html::decode(&bytes).expect("decodes");
    let report = ogi_report::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    ogi_report::lossless::check_html(&html, &report).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(ogi_report::input::html::read(&html).unaligned, 0, "{name}");
    (bytes, html, report)
}

fn app(r: &ogi_report::Report, row: &str, col: &str) -> Option<i64> {
    r.cell("applications", row, col)
        .ok()
        .and_then(|n| n.as_i64())
}

/// The applications figures of the fixtures' 2021 table (natural,
/// commercial, research, public interest, legal, other, total).
fn assert_fixture_applications(name: &str, r: &ogi_report::Report) {
    use ogi_report::model::{AppRow, Key};
    let expect: &[(&str, [i64; 7])] = &[
        ("new_received", [10, 2, 0, 0, 1, 0, 13]),
        ("carried_over", [1, 0, 0, 0, 0, 0, 1]),
        ("granted", [6, 1, 0, 0, 1, 0, 8]),
        ("unable_not_held", [2, 1, 0, 0, 0, 0, 3]),
        ("total_processed", [9, 2, 0, 0, 1, 0, 12]),
        ("carried_forward", [2, 0, 0, 0, 0, 0, 2]),
    ];
    let cols = [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "public_interest_org",
        "legal_service_org",
        "other_org",
        "total",
    ];
    for (row, vals) in expect {
        for (c, v) in cols.iter().zip(vals) {
            assert_eq!(app(r, row, c), Some(*v), "{name}: {row} {c}");
        }
    }
    let a = r.applications().unwrap();
    for row in AppRow::template(r.format) {
        assert!(
            a.source.get(&row).is_none_or(|s| s.fused.is_none()),
            "{name}: {} fused",
            row.key()
        );
        for c in &a.columns {
            let v = a.rows.get(&row).and_then(|x| x.get(c)).copied().flatten();
            assert!(v.is_some(), "{name}: {} {} empty", row.key(), c.key());
        }
    }
}

#[test]
fn gbk_page_with_meta_charset() {
    let (bytes, html, r) = fixture("gbk-meta-charset.html");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    assert!(html.contains("青石镇"));
    assert_eq!(
        r.meta.title.as_deref(),
        Some("青石镇人民政府2021年政府信息公开工作年度报告")
    );
    assert_eq!(r.meta.year, Some(2021));
    assert_eq!(r.format, ogi_report::Format::V2021);
    assert_fixture_applications("gbk", &r);
    // spans point into the decoded page
    let h = &r.sections[0].heading;
    assert_eq!(h.span.slice(&html), "一、总体情况");
}

#[test]
fn applications_2021_with_rowspan_colspan_header() {
    let (_, html, r) = fixture("applications-2021-rowspan.html");
    assert_fixture_applications("rowspan", &r);
    // a cell's span is the figure in the page source
    let a = r.applications().unwrap();
    let t =
        &a.source[&ogi_report::model::AppRow::NewReceived].cells[&ogi_report::model::AppCol::Total];
    assert_eq!(t.span.slice(&html), "13");
    let line = html[..t.span.start as usize].lines().count();
    assert_eq!(t.span.line as usize, line);
    assert_eq!(r.review_litigation().unwrap().groups.len(), 3);
    assert_eq!(
        r.cell("review_litigation", "review", "upheld")
            .unwrap()
            .as_i64(),
        Some(1)
    );
    assert_eq!(
        r.cell("active_disclosure", "normative_documents", "in_force")
            .unwrap()
            .as_i64(),
        Some(40)
    );
}

#[test]
fn word_pasted_page() {
    let (_, html, r) = fixture("word-pasted.html");
    // the title split over <font> runs is one title; a heading too
    assert_eq!(
        r.meta.title.as_deref(),
        Some("红岩村2021年政府信息公开工作年度报告")
    );
    assert_eq!(r.sections[0].heading.raw, "一、总体情况");
    assert_eq!(
        r.sections[2].heading.raw,
        "三、收到和处理政府信息公开申请情况"
    );
    assert!(r.sections.len() >= 6, "{} sections", r.sections.len());
    // the 法人或其他组织 columns are empty (<o:p>&nbsp;</o:p>), not 0
    assert_eq!(app(&r, "new_received", "natural_person"), Some(10));
    assert_eq!(app(&r, "new_received", "total"), Some(13));
    assert_eq!(app(&r, "new_received", "commercial_enterprise"), None);
    assert_eq!(app(&r, "granted", "legal_service_org"), None);
    // nothing of the style sheet is report text
    assert!(!r.render().contains("MsoNormal"));
    assert!(html.contains("<o:p>"));
}

#[test]
fn crawler_capture_around_a_portal_page() {
    let (_, html, r) = fixture("crawler-capture.html");
    assert_eq!(
        r.meta.title.as_deref(),
        Some("东湖街道2021年政府信息公开工作年度报告")
    );
    assert_eq!(
        r.meta.index_number.as_deref(),
        Some("11350100MB0000000X/2022-00015")
    );
    assert_eq!(r.meta.published.as_deref(), Some("2022-01-20"));
    assert!(r.meta.organ.is_some());
    assert_eq!(r.sections.len(), 6);
    assert_fixture_applications("capture", &r);
    // the metadata table is not a table of the report
    assert_eq!(r.tables().count(), 3);
    let text = r.render();
    for chrome in [
        "当前位置",
        "索引号",
        "字号",
        "打印",
        "主办单位",
        "var site",
        "color: red",
        "互动交流",
    ] {
        assert!(!text.contains(chrome), "{chrome} rendered");
    }
    let chrome: Vec<&ogi_report::model::Chrome> = r
        .preamble
        .iter()
        .chain(&r.closing)
        .filter_map(|b| match b {
            ogi_report::Block::Chrome(c) => Some(c),
            _ => None,
        })
        .collect();
    for c in &chrome {
        // a chrome span holds its text (markup aside)
        let first = c.text.chars().next().unwrap();
        assert!(c.span.slice(&html).starts_with(first), "{:?}", c.text);
    }
    assert!(chrome.iter().any(|c| c.text.contains("当前位置")));
    assert!(chrome.iter().any(|c| c.text.contains("var site")));
    assert!(chrome.iter().any(|c| c.text.contains("主办单位")));
    let json = r.to_json().unwrap();
    assert!(json.contains("\"chrome\""), "chrome blocks in the JSON");
    assert!(json.contains("\"index_number\""));
    // JSON round trip keeps chrome
    assert_eq!(ogi_report::Report::from_json(&json).unwrap(), r);
}

#[test]
fn figures_in_nested_layout_tables() {
    let (_, _, r) = fixture("nested-tables.html");
    assert_eq!(
        r.meta.title.as_deref(),
        Some("西岭县2021年政府信息公开工作年度报告")
    );
    assert_fixture_applications("nested", &r);
    assert_eq!(
        r.cell("active_disclosure", "licensing", "decisions")
            .unwrap()
            .as_i64(),
        Some(120)
    );
    // the layout tables are not tables of the report
    assert!(
        r.tables().all(|t| t.kind() != "generic"),
        "{:?}",
        r.tables().map(|t| t.kind()).collect::<Vec<_>>()
    );
    assert!(!r.render().contains("首页"));
}

#[test]
fn html_is_recognised_by_content() {
    let page = "\u{feff}<!-- saved -->\n<P>一、总体情况</P><P>本年度工作正常。</P>";
    let r = ogi_report::parse_bytes(page.as_bytes()).unwrap();
    assert_eq!(r.sections.len(), 1);
    assert!(!r.render().contains("<P>"));
    // text that merely mentions a tag is text
    let r = ogi_report::parse_bytes("一、总体情况\n<p>不是网页。\n".as_bytes()).unwrap();
    assert!(r.render().contains("<p>"));
}

#[test]
fn hostile_html_does_not_panic() {
    let cases: Vec<Vec<u8>> = vec![
        b"<table><tr><td rowspan=0 colspan=99999>1</td></tr><tr><td>2</td></tr></table>".to_vec(),
        b"<html><p>&#0;&#xD800;&#99999999999;&bogus;&amp</p><table>x<tr>y<td>1</td>z</tr></table>"
            .to_vec(),
        b"<html><script>".to_vec(),
        b"<html><!--".to_vec(),
        b"<p>".repeat(5000),
        b"<table><tr><td><table><tr><td>".repeat(300),
        [
            b"<html><body>".to_vec(),
            b"<div><span>".repeat(2_000),
            b"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb".to_vec(),
        ]
        .concat(),
        [
            b"<p>".to_vec(),
            "时间：2022-01-01 ".repeat(20_000).into_bytes(),
        ]
        .concat(),
        b"<!DOCTYPE html><meta charset=\"x-unknown\"><p>\xff\xfe</p>".to_vec(),
        b"<html><body><p a=\"x>y\" b='<'>\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb</p>".to_vec(),
    ];
    for c in cases {
        if let Ok(r) = ogi_report::parse_html(&c) {
            let html = ogi_report::input::html::decode(&c).unwrap();
            ogi_report::lossless::check_html(&html, &r)
                .unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(&c)));
        }
    }
}

#[test]
fn a_metadata_table_inside_the_content_is_meta_not_a_table() {
    let page = "<html><body><div class=\"content\">\
        <table><tr><td>索引号</td><td>XJ-2022-0042</td><td>发布机构</td><td>南山镇人民政府</td></tr>\
        <tr><td>公开日期</td><td>2022年1月5日</td><td>文号</td><td>无</td></tr></table>\
        <p>南山镇2021年政府信息公开工作年度报告</p>\
        <p>一、总体情况</p><p>本年度工作正常。</p>\
        <p>二、主动公开政府信息情况</p><p>第二十条第（一）项</p>\
        <table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\
        <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>\
        <p>三、收到和处理政府信息公开申请情况</p><p>无。</p></div></body></html>";
    let r = ogi_report::parse_html(page.as_bytes()).unwrap();
    assert_eq!(r.meta.index_number.as_deref(), Some("XJ-2022-0042"));
    assert_eq!(r.meta.published.as_deref(), Some("2022-01-05"));
    assert_eq!(
        r.tables().count(),
        1,
        "{:?}",
        r.tables().map(|t| t.kind()).collect::<Vec<_>>()
    );
    assert!(!r.render().contains("索引号"));
    assert!(
        r.preamble
            .iter()
            .any(|b| matches!(b, ogi_report::Block::Chrome(c) if c.text.contains("索引号")))
    );
    ogi_report::lossless::check_html(page, &r).unwrap();
}
