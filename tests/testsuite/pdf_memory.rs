//! Bounded memory and time on PDFs whose content streams are huge: 20 MB
//! of path operators or of text operators on one page. Content is decoded
//! one operation at a time and interpreted up to a budget, so the peak
//! resident memory stays a small multiple of the decompressed stream.
//!
//! Each PDF is read in a fresh process (this test binary runs itself with
//! only [`pdf_memory_child`] selected), which prints `VmHWM` from
//! `/proc/self/status`. Linux only (elsewhere the test does nothing).

use std::process::Command;

use lopdf::{Dictionary, Object, Stream, dictionary};

const CHILD_ENV: &str = "OGI_PDF_MEMORY_CHILD_INPUT";
/// Size of the huge content stream (decompressed).
const CONTENT_BYTES: usize = 20 << 20;
/// Peak memory allowed above the child's baseline. The decompressed stream
/// alone is 20 MiB; the document, its compressed copy and the glyphs and
/// rules read within the budgets come on top.
const MAX_EXTRA_MIB: u64 = 160;

/// A one-page PDF (a standard Type1 font, no embedding): a title line, then
/// `unit` repeated to 20 MB, compressed.
fn huge_pdf(unit: &str) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 760 Td (Annual report) Tj ET\n");
    content.push_str(&unit.repeat(CONTENT_BYTES / unit.len()));
    one_page_pdf(content, true)
}

/// A one-page PDF of `content` with the font `F1` (Helvetica, a standard
/// Type1 font, not embedded), its streams compressed when `compress`.
pub fn one_page_pdf(content: String, compress: bool) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let pages_id = doc.new_object_id();
    let stream = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => stream,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if compress {
        doc.compress();
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn peak_rss_kib() -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The child side: reads the PDF named in the environment.
#[test]
#[ignore = "run by huge_content_streams_read_in_bounded_memory in a child process"]
fn pdf_memory_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let baseline = peak_rss_kib().unwrap_or(0);
    let outcome = match ogi_report::input::pdf::extract(&bytes) {
        Ok(e) => {
            let r = e.parse().expect("the extracted text parses");
            ogi_report::lossless::check(&e.text, &r).expect("nothing lost");
            format!("parsed text_bytes={}", e.text.len())
        }
        Err(err) => format!("error {}", err.kind()),
    };
    println!(
        "MEASURED peak_rss_kib={} baseline_kib={baseline} {outcome}",
        peak_rss_kib().unwrap_or(0)
    );
}

#[test]
fn huge_content_streams_read_in_bounded_memory() {
    if peak_rss_kib().is_none() {
        return; // not Linux
    }
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf_memory");
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("paths", "0 0 m 0 10 l S\n"),
        ("text", "BT /F1 10 Tf 1 0 0 1 72 700 Tm (a) Tj ET\n"),
    ];
    for (name, unit) in cases {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, huge_pdf(unit)).unwrap();
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "pdf_memory::pdf_memory_child",
                "--nocapture",
            ])
            .env(CHILD_ENV, &path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = stdout
            .lines()
            .find(|l| l.starts_with("MEASURED"))
            .unwrap_or_else(|| panic!("{name}: no measurement in {stdout}"));
        let field = |k: &str| -> u64 {
            line.split_whitespace()
                .find_map(|f| f.strip_prefix(k))
                .and_then(|v| v.parse().ok())
                .unwrap()
        };
        let extra_mib = field("peak_rss_kib=").saturating_sub(field("baseline_kib=")) / 1024;
        eprintln!("{name}: {line} (+{extra_mib} MiB)");
        assert!(line.contains(" parsed "), "{name}: {line}");
        assert!(
            extra_mib <= MAX_EXTRA_MIB,
            "{name}: peak {extra_mib} MiB over the baseline (limit {MAX_EXTRA_MIB}): {line}"
        );
    }
}

/// Writes small seeds for the `parse_pdf` fuzz target into the folder named
/// by `OGI_PDF_SEEDS` (`fuzz/corpus/parse_pdf`): uncompressed content
/// streams with every operator the reader interprets (text, paths, forms
/// absent), so mutations reach the interpreter; and an uncompressed copy of
/// a shared PDF.
#[test]
#[ignore = "writes fuzz seeds: OGI_PDF_SEEDS=fuzz/corpus/parse_pdf"]
fn write_pdf_fuzz_seeds() {
    let Some(dir) = std::env::var_os("OGI_PDF_SEEDS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let ops = "q 1 0 0 -1 0 842 cm 0.5 w 10 10 m 10 400 l S 100 10 0.6 390 re f \
               20 20 100 50 re W n 30 30 m 40 40 50 30 60 60 c h S Q\n\
               BT /F1 12 Tf 14 TL 72 760 Td (Annual report) Tj T* (2023) ' \
               1 2 (x) \" [(A) -250 (B)] TJ 2 Tc 1 Tw 90 Tz 3 Ts 0 -20 TD (C) Tj ET\n\
               BT /F1 10 Tf 1 0 0 1 300 700 Tm (12) Tj 1 0 0 1 340 700 Tm (345) Tj ET\n";
    std::fs::write(dir.join("seed-ops.pdf"), one_page_pdf(ops.into(), false)).unwrap();
    let mut table = String::from("q 0.5 w\n");
    for k in 0..5 {
        let x = 300 + 40 * k;
        table.push_str(&format!("{x} 500 m {x} 700 l S\n"));
    }
    table.push_str("Q\n");
    for r in 0..6 {
        let y = 680 - 25 * r;
        table.push_str(&format!("BT /F1 10 Tf 1 0 0 1 72 {y} Tm (row {r}) Tj ET\n"));
        for k in 0..4 {
            let x = 305 + 40 * k;
            table.push_str(&format!(
                "BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({}) Tj ET\n",
                r * k
            ));
        }
    }
    std::fs::write(dir.join("seed-table.pdf"), one_page_pdf(table, false)).unwrap();
    let shared = crate::util::shared_dir().join("corpus/real/pdf/hzq2024_working.pdf");
    let mut doc = lopdf::Document::load_mem(&std::fs::read(shared).unwrap()).unwrap();
    doc.decompress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    std::fs::write(dir.join("seed-hzq2024-uncompressed.pdf"), out).unwrap();
}
