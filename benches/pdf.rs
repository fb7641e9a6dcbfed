//! Criterion benchmark of the PDF front end (feature `pdf`, issue 12).
//!
//! | group | what one iteration does |
//! |---|---|
//! | `pdf_extract` | `input::pdf::extract`: open the PDF, read every glyph, lay out paragraphs and tables into the extracted text |
//! | `pdf_parse` | `parse_pdf`: the above, then parse (and audit) the extracted text |
//! | `pdftotext` | `pdftotext -layout FILE -` as a child process, when poppler's `pdftotext` is installed (for comparison; skipped otherwise) |
//!
//! Inputs: the three PDFs of `../shared/corpus/real/pdf/` (or
//! `$OGI_SHARED/corpus/real/pdf/`); missing files are skipped with a note.
//! Run with `cargo bench --features pdf --bench pdf`.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn shared() -> PathBuf {
    std::env::var_os("OGI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn inputs() -> Vec<(String, PathBuf, Vec<u8>)> {
    let dir = shared().join("corpus/real/pdf");
    let mut out = Vec::new();
    for name in ["hzq2023_working", "hzq2024_working", "szfgs2024"] {
        let path = dir.join(format!("{name}.pdf"));
        match std::fs::read(&path) {
            Ok(b) => out.push((name.to_string(), path, b)),
            Err(e) => eprintln!("skipping {}: {e}", path.display()),
        }
    }
    out
}

fn pdftotext_available() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    let quick = std::env::var_os("OGI_BENCH_QUICK").is_some();
    let time = Duration::from_secs(if quick { 1 } else { 5 });
    let mut g = c.benchmark_group("pdf_extract");
    g.sample_size(10).measurement_time(time);
    for (name, _, bytes) in &inputs {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| ogi_report::input::pdf::extract(black_box(bytes)).unwrap())
        });
    }
    g.finish();
    let mut g = c.benchmark_group("pdf_parse");
    g.sample_size(10).measurement_time(time);
    for (name, _, bytes) in &inputs {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| ogi_report::parse_pdf(black_box(bytes)).unwrap())
        });
    }
    g.finish();
    if pdftotext_available() {
        let mut g = c.benchmark_group("pdftotext");
        g.sample_size(10).measurement_time(time);
        for (name, path, bytes) in &inputs {
            g.throughput(Throughput::Bytes(bytes.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), path, |b, path| {
                b.iter(|| {
                    Command::new("pdftotext")
                        .arg("-layout")
                        .arg(path)
                        .arg("-")
                        .output()
                        .unwrap()
                })
            });
        }
        g.finish();
    } else {
        eprintln!("pdftotext not installed: no comparison");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
