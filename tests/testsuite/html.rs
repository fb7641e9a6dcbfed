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
        println!("===== {} unaligned={} format={:?} title={:?} organ={:?} year={:?} published={:?}", p.display(), page.unaligned, r.format, r.meta.title, r.meta.organ, r.meta.year, r.meta.published);
        for t in r.tables() { println!("  table {}", match t { ogi_report::Table::Applications(_) => "applications", ogi_report::Table::ReviewLitigation(_) => "rl", ogi_report::Table::ActiveDisclosure(_) => "ad", ogi_report::Table::Generic(_) => "generic" }); }
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
            r.meta.title.as_deref().is_some_and(|t| t.contains("报告") && t.contains(&year) && t.contains("平潭")),
            "{name}: title {:?}",
            r.meta.title
        );
        assert!(r.meta.organ.as_deref().is_some_and(|o| o.contains("平潭")), "{name}: organ {:?}", r.meta.organ);
        assert_eq!(r.meta.year, Some(year_of(p)), "{name}: year");
        assert!(r.meta.published.is_some(), "{name}: published");
        let page = ogi_report::input::html::read(&html);
        assert_eq!(page.unaligned, 0, "{name}: text nodes not found in the source");
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
        assert!(chrome.iter().any(|c| c.contains("当前位置")), "{name}: breadcrumb is chrome");
        assert!(!r.render().contains("当前位置"), "{name}: breadcrumb rendered");
        assert!(!r.render().contains("function"), "{name}: script rendered");
        assert!(r.sections.len() >= 4, "{name}: {} sections", r.sections.len());
    }
}

#[test]
fn spans_point_into_the_page_source() {
    for p in pages() {
        let (html, r) = load(&p);
        for s in &r.sections {
            let h = s.heading.span.slice(&html);
            let raw: Vec<char> = s.heading.raw.chars().filter(|c| !c.is_whitespace()).collect();
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
        let a = r.applications().unwrap_or_else(|| panic!("{name}: no applications table"));
        for row in AppRow::template(r.format) {
            let src = a.source.get(&row);
            assert!(src.is_none_or(|s| s.fused.is_none()), "{name}: {row:?} fused");
            for col in &a.columns {
                let v = a.rows.get(&row).and_then(|c| c.get(col)).copied().flatten();
                assert!(v.is_some(), "{name}: applications {row:?} {col:?} empty");
            }
        }
        assert_eq!(a.columns.len(), 7, "{name}: applications columns");
        let rl = r.review_litigation().unwrap_or_else(|| panic!("{name}: no review table"));
        for g in RlGroup::ALL {
            for o in RlOutcome::ALL {
                let v = rl.groups.get(g).and_then(|c| c.get(o)).copied().flatten();
                assert!(v.is_some(), "{name}: review_litigation {g:?} {o:?} empty");
            }
        }
        let ad = r.active_disclosure().unwrap_or_else(|| panic!("{name}: no disclosure table"));
        assert!(ad.items.len() >= 4, "{name}: {} disclosure items", ad.items.len());
        for (item, fields) in &ad.items {
            for (f, v) in fields {
                assert!(v.is_some(), "{name}: active_disclosure {item:?} {f:?} empty");
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
                        assert_eq!(hv, Some(*v), "{name}: applications {} {}", row.key(), col.key());
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
                        assert_eq!(hv, Some(*v), "{name}: review_litigation {} {}", g.key(), o.key());
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
                        assert_eq!(hv, Some(*v), "{name}: active_disclosure {} {}", i.key(), f.key());
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
        assert_eq!(back.render(), text, "{}: render is not a fixed point", p.display());
        if without_chrome(&back) != without_chrome(&r) {
            let (a, b) = (without_chrome(&back).to_json_pretty(), without_chrome(&r).to_json_pretty());
            let diff = a
                .lines()
                .zip(b.lines())
                .filter(|(x, y)| x != y && !x.contains("\"start\"") && !x.contains("\"end\"") && !x.contains("\"line\"") && !x.contains("\"column\""))
                .take(3)
                .map(|(x, y)| format!("{x} | {y}"))
                .collect::<Vec<_>>();
            failed.push(format!("{}: {diff:?}", p.display()));
        }
    }
    assert!(failed.is_empty(), "parse(render(r)) != r:\n{}", failed.join("\n"));
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
