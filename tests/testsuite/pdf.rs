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
        check_figures(file, &r, expected, true);
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
            a.span
                .page
                .is_some_and(|p| p.get() >= 2 && p.get() <= e.pages),
            "{file}"
        );
        assert!(
            r.sections[0].heading.span.page.map(|p| p.get()) == Some(1),
            "{file}"
        );
    }
}

#[test]
fn pdf_findings_carry_their_page_at_once() {
    for (file, _) in PDFS {
        let r = ogi_report::parse_pdf(&shared_pdf(file)).unwrap();
        // the stored findings are those of the final report: running the
        // audit again changes nothing
        assert_eq!(r.findings, r.audit(), "{file}");
        for f in &r.findings {
            let spans = f.span.iter().chain(f.related.iter().map(|x| &x.span));
            for s in spans {
                assert!(s.page.is_some(), "{file}: {} {s:?} has no page", f.rule);
            }
        }
    }
    // hzq2023 has findings with related spans (the case that lacked pages)
    let r = ogi_report::parse_pdf(&shared_pdf("hzq2023_working.pdf")).unwrap();
    assert!(r.findings.iter().any(|f| !f.related.is_empty()));
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
        check_figures(file, &r, expected, true);
    }
}

#[test]
fn ogi_reads_pdfs_and_prints_their_extracted_text() {
    let path = shared_dir().join("corpus/real/pdf/hzq2023_working.pdf");
    let e = ogi_report::input::pdf::extract(&shared_pdf("hzq2023_working.pdf")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["parse", "--text"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), e.text);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["parse", "--jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["meta"]["year"], 2023);
    assert!(v["sections"][0]["heading"]["span"]["page"].as_u64() == Some(1));
    // parse_bytes recognises the magic bytes
    let r = ogi_report::parse_bytes(&shared_pdf("hzq2023_working.pdf")).unwrap();
    assert_eq!(r.meta.year, Some(2023));
}

#[test]
fn pdf_errors_are_clear_and_never_panic() {
    use ogi_report::ErrorKind;
    // not a PDF at all after the magic bytes
    let e = ogi_report::parse_pdf(b"%PDF-1.7\nnonsense").unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::PdfMalformed { .. }), "{e}");
    assert_eq!(e.code(), 320);
    // truncated
    let pdf = shared_pdf("szfgs2024.pdf");
    for cut in [10, pdf.len() / 3, pdf.len() / 2, pdf.len() - 10] {
        let _ = ogi_report::parse_pdf(&pdf[..cut]);
    }
    // a page without any text: a scan
    let scan = no_text_pdf();
    let e = ogi_report::parse_pdf(&scan).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::PdfNoText { pages: 1 }), "{e}");
    assert!(e.to_string().contains("OCR"), "{e}");
    assert_eq!(e.code(), 322);
}

/// A one-page PDF that only paints a rectangle (what a scan looks like to
/// a text reader: no text layer).
fn no_text_pdf() -> Vec<u8> {
    use lopdf::{Object, Stream, dictionary};
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(
        lopdf::Dictionary::new(),
        b"0 0 1 rg 10 10 100 100 re f\n".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The shared PDF encrypted (RC4, 128-bit key) with `user` as the password
/// to open it.
fn encrypted(user: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(&shared_pdf("hzq2023_working.pdf")).unwrap();
    if doc.trailer.get(b"ID").is_err() {
        let id = lopdf::Object::string_literal(b"0123456789abcdef".to_vec());
        doc.trailer.set("ID", vec![id.clone(), id]);
    }
    let version = lopdf::encryption::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: user,
        key_length: 128,
        permissions: lopdf::encryption::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn encrypted_pdfs() {
    // a password to open it: a clear error
    let e = ogi_report::parse_pdf(&encrypted("secret")).unwrap_err();
    assert!(
        matches!(e.kind(), ogi_report::ErrorKind::PdfEncrypted),
        "{e}"
    );
    assert_eq!(e.code(), 321);
    // only an owner password (restrictions): readable as any PDF
    let r = ogi_report::parse_pdf(&encrypted("")).unwrap();
    check_figures("hzq2023 (owner password)", &r, "hzq2023", true);
}

/// Every PDF input a fuzz campaign found (`tests/fixtures/fuzz/pdf-*.pdf`):
/// a clear PDF error, or an extracted text that parses with nothing lost and
/// holds no NUL (the first campaign's finding: a glyph of code 0 in a simple
/// font, or a `ToUnicode` map to U+0000, put a NUL in the text, which the
/// parser rejects as binary).
#[test]
fn saved_pdf_fuzz_inputs_read_or_fail_clearly() {
    use ogi_report::ErrorKind;
    let dir = crate::util::repo_path("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("pdf-") && name.ends_with(".pdf")) {
            continue;
        }
        n += 1;
        let bytes = std::fs::read(entry.path()).unwrap();
        match ogi_report::input::pdf::extract(&bytes) {
            Ok(e) => {
                assert!(!e.text.contains('\0'), "{name}: NUL in {:?}", e.text);
                let r = e.parse().unwrap_or_else(|err| {
                    panic!("{name}: the extracted text does not parse: {err}")
                });
                ogi_report::lossless::check(&e.text, &r)
                    .unwrap_or_else(|err| panic!("{name}: {err}"));
                assert_eq!(ogi_report::parse_pdf(&bytes).unwrap(), r, "{name}");
            }
            Err(err) => assert!(
                matches!(
                    err.kind(),
                    ErrorKind::PdfMalformed { .. }
                        | ErrorKind::PdfNoText { .. }
                        | ErrorKind::PdfEncrypted
                ),
                "{name}: {err}"
            ),
        }
    }
    assert!(n >= 3, "only {n} saved PDF inputs");
}
