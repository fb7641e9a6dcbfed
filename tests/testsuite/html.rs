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
