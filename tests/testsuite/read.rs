//! `ogi_report::read`: one entry for every kind of input, returning the
//! text the spans refer to with the report.

use crate::util::{repo_path, shared_dir};

/// `read` gives the report `parse_bytes` gives, and its spans hold in the
/// source it returns (nothing lost, every span inside it).
fn check(bytes: &[u8], what: &str) -> String {
    let parsed = ogi_report::read(bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    let alone = ogi_report::parse_bytes(bytes).unwrap();
    assert_eq!(
        parsed.report.to_json().unwrap(),
        alone.to_json().unwrap(),
        "{what}: read and parse_bytes differ"
    );
    let page = cfg!(feature = "html") && ogi_report::input::html::sniff(bytes);
    let lossless = match page {
        // a page's tags are layout: the page check knows them
        true => ogi_report::lossless::check_html(&parsed.source, &parsed.report),
        false => ogi_report::lossless::check(&parsed.source, &parsed.report),
    };
    if let Err(e) = lossless {
        panic!("{what}: spans do not hold in the source read: {e:?}");
    }
    for s in &parsed.report.sections {
        let h = s.heading.span;
        assert!(
            parsed.source.get(h.range()).is_some(),
            "{what}: heading span {h:?} outside the source"
        );
    }
    parsed.source.into_owned()
}

#[test]
fn text_in_any_encoding_gives_the_decoded_text() {
    let utf8 = std::fs::read(repo_path("examples/data/report-2021.txt")).unwrap();
    let source = check(&utf8, "utf-8");
    assert_eq!(source.as_bytes(), utf8.as_slice());
    for name in [
        "utf16le-bom-2021.txt",
        "utf16be-bom-2021.txt",
        "big5-overview.txt",
    ] {
        let bytes = std::fs::read(repo_path("tests/fixtures/encodings").join(name)).unwrap();
        let source = check(&bytes, name);
        let (decoded, _) = ogi_report::decode::decode(&bytes).unwrap();
        assert_eq!(source, decoded, "{name}");
    }
}

#[test]
fn text_borrows_utf8_bytes() {
    let bytes = "一、总体情况\n本年度无申请。\n".as_bytes();
    let parsed = ogi_report::read(bytes).unwrap();
    assert!(matches!(parsed.source, std::borrow::Cow::Borrowed(_)));
}

#[cfg(feature = "html")]
#[test]
fn an_html_page_gives_its_decoded_source() {
    for name in ["applications-2021-rowspan.html", "gbk-meta-charset.html"] {
        let bytes = std::fs::read(repo_path("tests/fixtures/html").join(name)).unwrap();
        let source = check(&bytes, name);
        assert_eq!(
            source,
            ogi_report::input::html::decode(&bytes).unwrap(),
            "{name}"
        );
        assert!(
            source.contains("<"),
            "{name}: the page source, tags and all"
        );
    }
}

#[test]
fn converter_markdown_gives_the_markdown() {
    let path = repo_path("tests/fixtures/markdown/01-pipes-basic.md");
    let bytes = std::fs::read(path).unwrap();
    let source = check(&bytes, "markdown");
    assert_eq!(source.as_bytes(), bytes.as_slice());
}

#[cfg(feature = "pdf")]
#[test]
fn a_pdf_gives_the_extracted_text() {
    let path = shared_dir().join("corpus/real/pdf/szfgs2024.pdf");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let source = check(&bytes, "pdf");
    assert_eq!(
        source,
        ogi_report::input::pdf::extract(&bytes).unwrap().text
    );
}

#[test]
fn a_named_encoding_reads_the_bytes_as_text() {
    // 一、总体 in GBK, which also decodes as Big5
    let bytes = b"\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5";
    let parsed = ogi_report::read_with(bytes, "gb18030").unwrap();
    assert_eq!(parsed.source, "一、总体");
    let alone = ogi_report::parse_bytes_with(bytes, "gb18030").unwrap();
    assert_eq!(parsed.report.to_json().unwrap(), alone.to_json().unwrap());
    assert!(ogi_report::read_with(bytes, "latin-9").is_err());
}
