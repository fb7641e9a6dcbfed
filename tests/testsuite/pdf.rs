//! Reading the published PDFs themselves (feature `pdf`).

use ogi_report::model::{RlGroup, RlOutcome};

use crate::corpus::check_figures;
use crate::util::shared_dir;

fn shared_pdf(name: &str) -> Vec<u8> {
    std::fs::read(shared_dir().join("corpus/real/pdf").join(name)).unwrap()
}

const PDFS: [(&str, &str); 3] = [
    ("hzq2023_working.pdf", "hzq2023"),
    ("hzq2024_working.pdf", "hzq2024"),
    ("szfgs2024.pdf", "szfgs2024"),
];

#[test]
fn shared_pdfs_match_the_figures_read_by_hand() {
    for (file, expected) in PDFS {
        let r = ogi_report::parse_pdf(&shared_pdf(file)).unwrap();
        check_figures(&r, file, expected, true);
    }
}

#[test]
fn extracted_text_is_lossless_and_spans_carry_pages() {
    for (file, _) in PDFS {
        let e = ogi_report::input::pdf::extract(&shared_pdf(file)).unwrap();
        let r = ogi_report::parse(&e.text).unwrap();
        ogi_report::lossless::check(&e.text, &r).unwrap();
        let r = ogi_report::parse_pdf(&shared_pdf(file)).unwrap();
        let a = r.applications().expect(file);
        assert!(
            a.span.page.is_some_and(|p| p >= 2 && p <= e.pages),
            "{file}"
        );
        assert!(r.sections[0].heading.span.page == Some(1), "{file}");
    }
}

#[test]
fn hzq2023_pdf_keeps_the_review_totals_as_printed() {
    let r = ogi_report::parse_pdf(&shared_pdf("hzq2023_working.pdf")).unwrap();
    let t = r.review_litigation().unwrap();
    let cell = |g, o| t.groups[&g][&o].unwrap().as_i64();
    assert_eq!(cell(RlGroup::Review, RlOutcome::Upheld), Some(10));
    assert_eq!(cell(RlGroup::Review, RlOutcome::Corrected), Some(1));
    assert_eq!(cell(RlGroup::Review, RlOutcome::Total), Some(0));
    // and the audit says so
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule.contains("review") || f.message.contains("复议")),
        "{:#?}",
        r.findings
    );
}

/// A copy of `pdf` with every path-construction and path-painting operator
/// taken out of the pages' content streams: no ruling line is left. Returns
/// the copy and how many operators were removed.
fn without_ruling_lines(pdf: &[u8]) -> (Vec<u8>, usize) {
    use lopdf::content::Content;
    const PATH_OPS: [&str; 20] = [
        "m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n",
        "W", "W*", "sh",
    ];
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut removed = 0;
    for (_, id) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(id)).unwrap();
        let before = content.operations.len();
        let ops: Vec<_> = content
            .operations
            .into_iter()
            .filter(|op| !PATH_OPS.contains(&op.operator.as_str()))
            .collect();
        removed += before - ops.len();
        let bytes = Content { operations: ops }.encode().unwrap();
        doc.change_page_content(id, bytes).unwrap();
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    (out, removed)
}

#[test]
fn shared_pdfs_without_ruling_lines_give_the_same_figures() {
    for (file, expected) in PDFS {
        let (pdf, removed) = without_ruling_lines(&shared_pdf(file));
        assert!(removed > 100, "{file}: only {removed} path operators");
        let r = ogi_report::parse_pdf(&pdf).unwrap();
        check_figures(&r, file, expected, true);
    }
}
