//! Each table records the layout it was read in (issue 9): the front ends
//! that read a page through a reading text (HTML, PDF, converter markdown)
//! record their own layout, not the tab rows of that reading text.

use crate::util::shared_dir;
use ogi_report::model::TableLayout;

fn layouts(report: &ogi_report::Report) -> Vec<TableLayout> {
    report.tables().map(|t| t.layout()).collect()
}

#[test]
fn html_tables_record_html() {
    let path = shared_dir().join("corpus/real/pingtan/2021-80613.html");
    let r = ogi_report::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
    let l = layouts(&r);
    assert!(l.len() >= 3, "{l:?}");
    assert!(l.iter().all(|&x| x == TableLayout::Html), "{l:?}");
    let json = r.to_json().unwrap();
    assert!(json.contains(r#""layout":"html""#));
}

#[test]
fn text_tables_record_the_text_layout() {
    let path = shared_dir().join("corpus/real/pingtan/2021-80613.txt");
    let r = ogi_report::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
    let l = layouts(&r);
    assert!(l.len() >= 3, "{l:?}");
    assert!(
        l.iter().all(|&x| !matches!(
            x,
            TableLayout::Html | TableLayout::PdfPositions | TableLayout::Unknown
        )),
        "{l:?}"
    );
}

#[test]
fn converter_markdown_tables_record_pipes() {
    let path = shared_dir().join("corpus/real/pdf/szfgs2024.pymupdf4llm.md");
    let r = ogi_report::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
    assert!(r.applications().is_some());
    let app = r
        .tables()
        .find(|t| matches!(t, ogi_report::Table::Applications(_)))
        .unwrap();
    assert_eq!(app.layout(), TableLayout::Pipes);
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_tables_record_pdf_positions() {
    let path = shared_dir().join("corpus/real/pdf/szfgs2024.pdf");
    let r = ogi_report::parse_pdf(&std::fs::read(path).unwrap()).unwrap();
    for kind in ["applications", "review_litigation"] {
        let t = r.tables().find(|t| t.kind() == kind);
        let t = t.unwrap_or_else(|| panic!("no {kind} table"));
        assert_eq!(t.layout(), TableLayout::PdfPositions, "{kind}");
    }
}
