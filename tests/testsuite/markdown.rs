//! Converter markdown (`ogi_report::parse_markdown`): the three
//! `*.pymupdf4llm.md` files of the corpus against the figures read by hand,
//! and the fixtures of `tests/fixtures/markdown/`, one per layout pattern.

use ogi_report::Report;

use crate::corpus::check_figures;
use crate::util::shared_dir;

/// Parses converter markdown and checks that nothing was lost.
pub fn parse_md(text: &str) -> Report {
    let r = ogi_report::parse_markdown(text).expect("parse_markdown");
    if let Err(e) = ogi_report::lossless::check(text, &r) {
        let at = match &e {
            ogi_report::lossless::LossError::Lost { offset, .. }
            | ogi_report::lossless::LossError::Overlap { offset, .. } => *offset,
            ogi_report::lossless::LossError::BadSpan { start, .. } => *start,
        };
        let p = ogi_report::Position::of(text, at);
        panic!("nothing-lost check failed: {e} at {}:{}", p.line, p.column);
    }
    r
}

fn load_md(name: &str) -> (String, Report) {
    let p = shared_dir().join("corpus/real/pdf").join(name);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let text = String::from_utf8(bytes).expect("utf-8");
    let r = parse_md(&text);
    (text, r)
}

#[test]
fn pdf_converter_markdown_matches_the_figures_read_by_hand() {
    for (file, expected) in [
        ("hzq2023.pymupdf4llm.md", "hzq2023"),
        ("hzq2024.pymupdf4llm.md", "hzq2024"),
        ("szfgs2024.pymupdf4llm.md", "szfgs2024"),
    ] {
        let (_, r) = load_md(file);
        check_figures(file, &r, expected, true);
    }
}

#[test]
fn converter_markdown_is_recognised_by_content() {
    for file in [
        "hzq2023.pymupdf4llm.md",
        "hzq2024.pymupdf4llm.md",
        "szfgs2024.pymupdf4llm.md",
    ] {
        let bytes = std::fs::read(shared_dir().join("corpus/real/pdf").join(file)).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            ogi_report::input::markdown::is_converter_markdown(text),
            "{file}"
        );
        // parse_bytes takes the markdown path
        let r = ogi_report::parse_bytes(&bytes).unwrap();
        assert_eq!(r, parse_md(text), "{file}");
    }
    for f in crate::corpus::corpus_files() {
        let bytes = std::fs::read(&f).unwrap();
        let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
        assert!(
            !ogi_report::input::markdown::is_converter_markdown(&text),
            "{} is no markdown",
            f.display()
        );
    }
}
