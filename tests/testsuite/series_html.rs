//! The Pingtan series read from its web pages (issues 13 and 16, HTML half):
//! the cross-year rules on the 2019–2025 pages, the typed legacy statistics
//! tables of the 2011–2018 pages, the indicators of 2011–2025 across the 2019
//! break. Every figure is checked against the page source under its span and
//! against the crawler text (`.txt`) of the same report wherever the text has
//! the figure.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::hash::Hash;
use std::path::PathBuf;

use ogi_report::audit::{FileFinding, Input, Options};
use ogi_report::model::RowMap;
use ogi_report::model::{
    AdField, AdItem, AppCol, AppRow, IndicatorKey, Key, LegacyCol, LegacyRow, LegacyRowSource,
    LegacyStatisticsTable, RowSource, Span,
};
use ogi_report::{Number, Report};

/// `rows[ROW][COL]` of a typed table.
type Values<R, C> = ogi_report::model::table::Values<R, C>;

use crate::util::shared_dir;

/// One report of the series: file name, year, source (the decoded page, or
/// the decoded crawler text) and the parsed report.
struct Doc {
    name: String,
    year: i32,
    source: String,
    report: Report,
}

/// The Pingtan files with extension `ext` of the years given, sorted by name.
fn pingtan(ext: &str, years: std::ops::RangeInclusive<i32>) -> Vec<Doc> {
    let dir = shared_dir().join("corpus/real/pingtan");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter(|p| year_of(p).is_some_and(|y| years.contains(&y)))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let (source, report) = if ext == "html" {
                let html = ogi_report::input::html::decode(&bytes).unwrap();
                let report = ogi_report::parse_html(&bytes).unwrap();
                ogi_report::lossless::check_html(&html, &report)
                    .unwrap_or_else(|e| panic!("{name}: {e:?}"));
                (html, report)
            } else {
                let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
                let report = ogi_report::parse(&text).unwrap();
                (text.into_owned(), report)
            };
            Doc {
                year: year_of(&p).unwrap(),
                name,
                source,
                report,
            }
        })
        .collect()
}

fn year_of(p: &std::path::Path) -> Option<i32> {
    p.file_name()?.to_str()?.get(..4)?.parse().ok()
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The page source under a span.
fn under(source: &str, s: Span) -> &str {
    &source[s.range()]
}

/// The page text under a span: the source without its markup (a cell Word
/// wrote in several runs, `2</span><span …>0`, reads `20`).
fn text_under(source: &str, s: Span) -> String {
    strip_tags(under(source, s))
}

/// The figure printed under a span (`None` for an empty cell).
fn printed(source: &str, s: Span) -> Option<Number> {
    Number::parse_prefix(text_under(source, s).trim()).map(|p| p.0)
}

/// Every cell of a standard table against the page source under its span;
/// no row has fused digits (a page has every cell apart). Returns the number
/// of figures checked.
fn check_cells<R, C>(
    name: &str,
    source: &str,
    values: &Values<R, C>,
    rows: &RowMap<R, RowSource<C>>,
) -> usize
where
    R: Hash + Eq + Debug,
    C: Hash + Eq + Debug,
{
    let mut n = 0;
    for (row, src) in rows {
        assert!(src.fused.is_none(), "{name}: {row:?} fused");
        for (col, cell) in &src.cells {
            let v = values[row][col];
            if cell.raw.is_empty() {
                assert_eq!(v, None, "{name}: {row:?} {col:?}");
                continue;
            }
            assert_eq!(
                text_under(source, cell.span),
                cell.raw,
                "{name}: {row:?} {col:?}"
            );
            assert_eq!(v, printed(source, cell.span), "{name}: {row:?} {col:?}");
            n += usize::from(v.is_some());
        }
    }
    n
}

/// Every figure the `.txt` has is the figure the page has.
fn agree<R, C, const N: usize>(
    name: &str,
    txt: &RowMap<R, RowMap<C, Option<Number>, N>>,
    html: &RowMap<R, RowMap<C, Option<Number>, N>>,
) -> usize
where
    R: Hash + Eq + Debug,
    C: Hash + Eq + Debug,
{
    let mut n = 0;
    for (row, cells) in txt {
        for (col, v) in cells {
            if let Some(v) = v {
                let h = html.get(row).and_then(|c| c.get(col)).copied().flatten();
                assert_eq!(h, Some(*v), "{name}: {row:?} {col:?}");
                n += 1;
            }
        }
    }
    n
}

fn run(docs: &[Doc]) -> Vec<FileFinding> {
    let inputs: Vec<Input<'_>> = docs
        .iter()
        .map(|d| Input::new(&d.name, &d.report))
        .collect();
    ogi_report::audit::across_with(&inputs, &Options::default())
}

/// The figures a cross finding compares, read from the pages under its
/// spans: `(expected, found)`.
fn recomputed(docs: &[Doc], ff: &FileFinding) -> (Option<Number>, Option<Number>) {
    let f = &ff.finding;
    let source = |file: Option<&str>| {
        let file = file.unwrap_or(&ff.file);
        &docs.iter().find(|d| d.name == file).unwrap().source
    };
    let at = |i: usize| {
        let r = &f.related[i];
        printed(source(r.file.as_deref()), r.span)
    };
    let here = f.span.and_then(|s| printed(source(None), s));
    match f.rule.as_str() {
        // [this year's carried_over, last year's carried_forward]
        "series.carry_over" => (at(1), here),
        // [last in_force, issued, repealed, in_force]
        "series.stock_flow" => {
            let (l, i, r) = (at(0), at(1), at(2));
            let e = l
                .zip(i)
                .and_then(|(l, i)| l.checked_add(i))
                .zip(r)
                .and_then(|(s, r)| Some(Number::int(s.as_i64()? - r.as_i64()?)));
            (e, at(3))
        }
        other => panic!("{}: unexpected {other}: {}", ff.file, f.message),
    }
}

/// `(file stem, rule, row, column, expected, found)` of every finding.
type FindingKey = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<Number>,
    Option<Number>,
);

fn keys(found: &[FileFinding]) -> Vec<FindingKey> {
    found
        .iter()
        .map(|ff| {
            let f = &ff.finding;
            (
                stem(&ff.file).to_owned(),
                f.rule.to_string(),
                f.row.as_deref().map(str::to_owned),
                f.column.as_deref().map(str::to_owned),
                f.expected,
                f.found,
            )
        })
        .collect()
}

#[test]
fn html_2019_2025_series_rules_run_on_every_cell_and_agree_with_the_text() {
    let pages = pingtan("html", 2019..=2025);
    let texts = pingtan("txt", 2019..=2025);
    assert_eq!(pages.len(), 7, "under {}", shared_dir().display());
    assert_eq!(texts.len(), 7);

    // Every figure of the three tables is the one printed on the page, and
    // every figure the crawler text has is the page's.
    let (mut on_page, mut in_both) = (0, 0);
    for (p, t) in pages.iter().zip(&texts) {
        assert_eq!(stem(&p.name), stem(&t.name));
        let r = &p.report;
        let (a, rl, ad) = (
            r.applications().unwrap(),
            r.review_litigation().unwrap(),
            r.active_disclosure().unwrap(),
        );
        on_page += check_cells(&p.name, &p.source, &a.rows, &a.source);
        on_page += check_cells(&p.name, &p.source, &rl.groups, &rl.source);
        on_page += check_cells(&p.name, &p.source, &ad.items, &ad.source);
        let tr = &t.report;
        if let Some(ta) = tr.applications() {
            in_both += agree(&p.name, &ta.rows, &a.rows);
        }
        if let Some(trl) = tr.review_litigation() {
            in_both += agree(&p.name, &trl.groups, &rl.groups);
        }
        if let Some(tad) = tr.active_disclosure() {
            in_both += agree(&p.name, &tad.items, &ad.items);
        }
    }
    assert!(in_both > 0, "{in_both}");

    // The operands of both series rules are numbers on every page: the rules
    // check each pair of years (the crawler text fuses some of these rows).
    let (mut carry_pairs, mut stock_pairs) = (0, 0);
    let (mut carry_txt, mut stock_txt) = (0, 0);
    for (docs, carry, stock) in [
        (&pages, &mut carry_pairs, &mut stock_pairs),
        (&texts, &mut carry_txt, &mut stock_txt),
    ] {
        for w in docs.windows(2) {
            let (p, c) = (&w[0].report, &w[1].report);
            let numbers = |r: &Report, t: &str, row: &str, cols: &[&str]| {
                cols.iter().all(|col| r.cell(t, row, col).is_ok())
            };
            let app_cols: Vec<&str> = AppCol::TEMPLATE.iter().map(|c| c.key()).collect();
            if numbers(p, "applications", AppRow::CarriedForward.key(), &app_cols)
                && numbers(c, "applications", AppRow::CarriedOver.key(), &app_cols)
            {
                *carry += 1;
            }
            let has_stock = |r: &Report| {
                r.active_disclosure().is_some_and(|t| {
                    t.items
                        .get(&AdItem::NormativeDocuments)
                        .is_some_and(|c| c.contains_key(&AdField::InForce))
                })
            };
            if has_stock(p) && has_stock(c) {
                let all = [AdItem::Regulations, AdItem::NormativeDocuments]
                    .iter()
                    .all(|item| {
                        numbers(p, "active_disclosure", item.key(), &["in_force"])
                            && numbers(
                                c,
                                "active_disclosure",
                                item.key(),
                                &["issued", "repealed", "in_force"],
                            )
                    });
                assert!(all || docs[0].name.ends_with(".txt"), "{}", w[1].name);
                *stock += usize::from(all);
            }
        }
    }
    assert_eq!(
        carry_pairs, 6,
        "carry-over checked between every pair of pages"
    );
    assert!(
        stock_pairs >= 4,
        "stock/flow checked on {stock_pairs} pairs"
    );
    assert!(carry_pairs >= carry_txt, "{carry_pairs} {carry_txt}");
    // the crawler text runs the stock rows together: the pages check pairs
    // of years the text cannot, and hold figures the text does not
    assert!(stock_pairs > stock_txt, "{stock_pairs} {stock_txt}");
    assert!(on_page > in_both, "{on_page} {in_both}");

    // Every finding on the pages is the page's arithmetic, and the findings
    // are the text's, wherever the text had the operands.
    let found = run(&pages);
    for ff in &found {
        let (e, f) = recomputed(&pages, ff);
        assert_eq!((ff.finding.expected, ff.finding.found), (e, f), "{ff:?}");
    }
    let from_text = keys(&run(&texts));
    let from_pages = keys(&found);
    for k in &from_text {
        assert!(
            from_pages.contains(k),
            "text finding {k:?} not on the pages"
        );
    }
    // A finding the text does not have is one the text cannot check: one of
    // the cells it compares is not a number in the crawler text (a fused row).
    for (ff, k) in found.iter().zip(&from_pages) {
        if from_text.contains(k) {
            continue;
        }
        let f = &ff.finding;
        let (row, col) = (f.row.as_deref().unwrap(), f.column.as_deref().unwrap());
        let year = pages.iter().find(|d| d.name == ff.file).unwrap().year;
        let txt = |y: i32| &texts.iter().find(|d| d.year == y).unwrap().report;
        let operands: Vec<(i32, &str, &str, &str)> = match f.rule.as_str() {
            "series.carry_over" => vec![
                (year - 1, "applications", "carried_forward", col),
                (year, "applications", "carried_over", col),
            ],
            _ => vec![
                (year - 1, "active_disclosure", row, "in_force"),
                (year, "active_disclosure", row, "issued"),
                (year, "active_disclosure", row, "repealed"),
                (year, "active_disclosure", row, "in_force"),
            ],
        };
        assert!(
            operands
                .iter()
                .any(|(y, t, r, c)| txt(*y).cell(t, r, c).is_err()),
            "{k:?}: the text had every operand but no finding"
        );
        assert_ne!(f.expected, f.found, "{k:?}");
    }
}

#[test]
fn a_changed_carry_over_on_a_page_is_caught_at_both_cells() {
    let mut pages = pingtan("html", 2019..=2025);
    let i = pages.iter().position(|d| d.year == 2022).unwrap();
    let before = &pages[i - 1];
    let cur = &pages[i];
    // the 2022 page's carried_over cells, the 2021 page's carried_forward cells
    let span = |d: &Doc, row: AppRow, col: AppCol| {
        d.report.applications().unwrap().source[&row].cells[&col].span
    };
    let col = AppCol::Total;
    let at = span(cur, AppRow::CarriedOver, col);
    let was = printed(&cur.source, at).unwrap().as_i64().unwrap();
    let last = printed(&before.source, span(before, AppRow::CarriedForward, col)).unwrap();
    assert_eq!(
        last.as_i64(),
        Some(was),
        "the pages agree before the change"
    );
    // the first run of digits under the cell's span gains a digit
    let mut html = cur.source.clone();
    let digit = at.start as usize + under(&html, at).find(|c: char| c.is_ascii_digit()).unwrap();
    html.insert(digit, '7');
    let at = Span {
        end: at.end + 1,
        ..at
    };
    let changed = printed(&html, at).unwrap().as_i64().unwrap();
    assert_ne!(changed, was);
    let report = ogi_report::input::html::parse_decoded(&html).unwrap();
    pages[i].source = html;
    pages[i].report = report;
    let found: Vec<FileFinding> = run(&pages)
        .into_iter()
        .filter(|f| f.finding.rule == "series.carry_over")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let ff = &found[0];
    let f = &ff.finding;
    assert_eq!(ff.file, pages[i].name);
    assert_eq!(
        (f.rule.as_str(), f.column.as_deref()),
        ("series.carry_over", Some("total"))
    );
    assert_eq!((f.expected, f.found), recomputed(&pages, ff));
    assert_eq!(
        (f.expected, f.found),
        (Some(last), Some(Number::int(changed)))
    );
    assert_eq!(f.span.map(|s| (s.start, s.end)), Some((at.start, at.end)));
    let there = &f.related[1];
    assert_eq!(there.file.as_deref(), Some(pages[i - 1].name.as_str()));
    let cf = span(&pages[i - 1], AppRow::CarriedForward, col);
    assert_eq!((there.span.start, there.span.end), (cf.start, cf.end));
}

/// Every figure, unit and label of a legacy row against the page source.
fn check_legacy_row(
    name: &str,
    source: &str,
    src: &LegacyRowSource,
    values: &RowMap<LegacyCol, Option<Number>>,
) -> usize {
    let label = src.label.as_ref().expect("every row has its label");
    // a label may run over several text nodes: the page text under its span,
    // markup aside, is the label
    let text_only: String = strip_tags(under(source, label.span))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let raw: String = label.raw.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(text_only, raw, "{name}: label");
    let mut n = 0;
    for u in src.unit.iter().chain(&src.code) {
        assert_eq!(
            text_under(source, u.span).trim(),
            u.raw.trim(),
            "{name}: unit"
        );
    }
    for (col, cell) in &src.cells {
        assert_eq!(
            text_under(source, cell.span),
            cell.raw,
            "{name}: {} {col}",
            raw
        );
        assert_eq!(
            values[col],
            printed(source, cell.span),
            "{name}: {raw} {col}"
        );
        assert!(cell.span.start >= label.span.end, "{name}: {raw} order");
        n += usize::from(values[col].is_some());
    }
    n
}

/// The text of an HTML fragment without its tags (entities kept).
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in s.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            _ if !tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
}

fn legacy(r: &Report) -> &LegacyStatisticsTable {
    r.legacy_statistics().expect("a legacy statistics table")
}

#[test]
fn html_2011_2018_statistics_tables_are_typed_and_agree_with_the_text() {
    let pages = pingtan("html", 2011..=2018);
    let texts = pingtan("txt", 2011..=2018);
    assert_eq!(pages.len(), 12, "under {}", shared_dir().display());
    let mut typed = Vec::new();
    for (p, t) in pages.iter().zip(&texts) {
        assert_eq!(stem(&p.name), stem(&t.name));
        let r = &p.report;
        // a page has a statistics table when its text has the header
        if !strip_tags(&p.source).contains("指标名称") {
            assert!(r.legacy_statistics().is_none(), "{}", p.name);
            assert!(t.report.legacy_statistics().is_none(), "{}", t.name);
            continue;
        }
        typed.push(stem(&p.name).to_owned());
        let h = legacy(r);
        let x = legacy(&t.report);
        assert_eq!(r.meta.year, Some(p.year), "{}", p.name);
        assert_eq!(h.columns, x.columns, "{}", p.name);
        for k in [
            LegacyRow::ProactiveItems,
            LegacyRow::RequestsReceived,
            LegacyRow::RepliesTotal,
            LegacyRow::RepliesGranted,
            LegacyRow::RepliesDenied,
            LegacyRow::Reviews,
            LegacyRow::Lawsuits,
        ] {
            assert!(h.rows.contains_key(&k), "{}: no {k}", p.name);
        }
        // every figure is the one printed on the page, no row is split
        // (the page has the cells apart)
        let mut figures = 0;
        for (k, src) in &h.source {
            assert!(!src.split, "{}: {k} split", p.name);
            figures += check_legacy_row(&p.name, &p.source, src, &h.rows[k]);
        }
        for o in &h.other_rows {
            assert!(!o.source.split, "{}: {} split", p.name, o.label);
            figures += check_legacy_row(&p.name, &p.source, &o.source, &o.values);
        }
        assert!(figures > 10, "{}: {figures} figures", p.name);
        // the same rows, units and figures as the text wherever it has them
        let keys = |t: &LegacyStatisticsTable| t.rows.keys().copied().collect::<Vec<_>>();
        assert_eq!(keys(h), keys(x), "{}", p.name);
        assert_eq!(h.units, x.units, "{}", p.name);
        agree(&p.name, &x.rows, &h.rows);
        let others = |t: &LegacyStatisticsTable| {
            t.other_rows
                .iter()
                .map(|o| (o.label.clone(), o.values.clone()))
                .collect::<Vec<_>>()
        };
        let (ho, xo) = (others(h), others(x));
        assert_eq!(
            ho.iter().map(|o| &o.0).collect::<Vec<_>>(),
            xo.iter().map(|o| &o.0).collect::<Vec<_>>(),
            "{}",
            p.name
        );
        for ((label, hv), (_, xv)) in ho.iter().zip(&xo) {
            for (col, v) in xv {
                if v.is_some() {
                    assert_eq!(hv.get(col).copied().flatten(), *v, "{}: {label}", p.name);
                }
            }
        }
        // no legacy rule fails on the page
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("legacy.") && f.severity != ogi_report::Severity::Note)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", p.name);
    }
    // all but 2013-80774 (a tax bureau's report without the table)
    assert_eq!(typed.len(), 11, "{typed:?}");
    assert!(!typed.iter().any(|s| s == "2013-80774"));
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
fn html_indicators_of_2011_2025_cross_the_2019_break() {
    let pages = pingtan("html", 2011..=2025);
    let texts = pingtan("txt", 2011..=2025);
    assert_eq!(pages.len(), 19);
    // (year, indicator) → value, for the 平潭综合实验区 series
    let mut series: BTreeMap<(i32, &str), Option<Number>> = BTreeMap::new();
    let (mut before, mut after) = (0, 0);
    for (p, t) in pages.iter().zip(&texts) {
        let r = &p.report;
        let ind = r.indicators();
        if r.legacy_statistics().is_none() && r.applications().is_none() {
            assert!(ind.is_empty(), "{}", p.name);
            continue;
        }
        let keys: Vec<IndicatorKey> = ind.iter().map(|i| i.indicator).collect();
        assert_eq!(keys, IndicatorKey::ALL, "{}", p.name);
        if p.year <= 2018 {
            before += 1;
        } else {
            after += 1;
        }
        let txt = t.report.indicators();
        for i in &ind {
            let legacy_basis = i.basis.source.starts_with("legacy_statistics.");
            assert_eq!(
                legacy_basis,
                p.year <= 2018,
                "{}: {}",
                p.name,
                i.basis.source
            );
            // the value is the sum of the cells its basis names ...
            assert_eq!(i.value, recompute(r, &i.basis.source), "{}", p.name);
            // ... from the same basis as the text, and the text's value
            // wherever the text has it
            let x = txt.iter().find(|x| x.indicator == i.indicator).unwrap();
            assert_eq!(x.basis, i.basis, "{}", p.name);
            if x.value.is_some() {
                assert_eq!(i.value, x.value, "{}: {}", p.name, i.indicator.key());
            }
            if r.meta.organ.as_deref() == Some("平潭综合实验区") {
                series.insert((p.year, i.indicator.key()), i.value);
            }
        }
    }
    assert_eq!((before, after), (11, 7));
    // One organ, one row per year, 2011–2025, crossing 2019: every year has
    // applications received.
    let years: Vec<i32> = series
        .keys()
        .filter(|k| k.1 == IndicatorKey::ALL[0].key())
        .map(|k| k.0)
        .collect();
    assert_eq!(years, (2011..=2025).collect::<Vec<_>>());
    for y in 2011..=2025 {
        assert!(
            series[&(y, IndicatorKey::ALL[0].key())].is_some(),
            "{y}: {}",
            IndicatorKey::ALL[0].key()
        );
    }
}

/// The figure printed in a legacy cell of a page, by row key and column.
fn legacy_printed(d: &Doc, row: &str, col: LegacyCol) -> Option<Number> {
    let t = legacy(&d.report);
    let src = &t.source[&LegacyRow::from_key(row)?];
    printed(&d.source, src.cells.get(&col)?.span)
}

#[test]
fn html_2011_2025_across_groups_and_running_totals_match_the_pages() {
    let pages = pingtan("html", 2011..=2025);
    let texts = pingtan("txt", 2011..=2025);
    let shape = |docs: &[Doc]| {
        let inputs: Vec<Input<'_>> = docs
            .iter()
            .map(|d| Input::new(&d.name, &d.report))
            .collect();
        ogi_report::audit::across::group(&inputs, &Options::default())
            .values()
            .map(|s| {
                let files: Vec<String> =
                    s.entries.iter().map(|e| stem(e.name).to_owned()).collect();
                (s.key.clone(), files)
            })
            .collect::<Vec<_>>()
    };
    // the pages make the same series as the text: one organ 2011–2025 and two others
    assert_eq!(shape(&pages), shape(&texts));
    assert_eq!(shape(&pages)[0].1.len(), 15);

    let found = run(&pages);
    let mut legacy_files = Vec::new();
    for ff in &found {
        let f = &ff.finding;
        if f.rule != "legacy.cumulative_carry" {
            // the standard-table rules: the page's arithmetic
            assert_eq!((f.expected, f.found), recomputed(&pages, ff), "{ff:?}");
            continue;
        }
        // last year's running total + this year's figure against this
        // year's running total, all three read from the two pages
        let this = pages.iter().find(|d| d.name == ff.file).unwrap();
        let row = f.row.as_deref().unwrap();
        let prev = pages
            .iter()
            .filter(|d| d.year == this.year - 1 && d.report.legacy_statistics().is_some())
            .filter(|d| {
                let key = |d: &Doc| {
                    let inputs = [Input::new(&d.name, &d.report)];
                    ogi_report::audit::across::group(&inputs, &Options::default())
                        .values()
                        .next()
                        .map(|s| s.key.clone())
                };
                key(d) == key(this)
            })
            .collect::<Vec<_>>();
        assert_eq!(prev.len(), 1, "{}", ff.file);
        let now = legacy_printed(this, row, LegacyCol::Cumulative);
        let year = legacy_printed(this, row, LegacyCol::ThisYear);
        let last = legacy_printed(prev[0], row, LegacyCol::Cumulative);
        let expected = last.zip(year).and_then(|(a, b)| a.checked_add(b));
        assert_eq!((f.expected, f.found), (expected, now), "{}: {row}", ff.file);
        assert_eq!(f.span.and_then(|s| printed(&this.source, s)), now);
        if !legacy_files.contains(&stem(&ff.file)) {
            legacy_files.push(stem(&ff.file));
        }
    }
    // the running totals break where the text's do
    let mut text_files: Vec<&str> = Vec::new();
    let text_found = run(&texts);
    for ff in &text_found {
        if ff.finding.rule == "legacy.cumulative_carry" && !text_files.contains(&stem(&ff.file)) {
            text_files.push(stem(&ff.file));
        }
    }
    assert_eq!(legacy_files, text_files);
    // ... and row by row, with the same figures
    let only = |found: &[FileFinding]| {
        keys(found)
            .into_iter()
            .filter(|k| k.1 == "legacy.cumulative_carry")
            .collect::<Vec<_>>()
    };
    assert_eq!(only(&found), only(&text_found));
}
