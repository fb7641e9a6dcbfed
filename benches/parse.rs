//! Criterion benchmarks of ogi-report (issue 6).
//!
//! Groups, each with `Throughput::Bytes(source length)` so every figure reads
//! as *bytes of report text per second*, and one `BenchmarkId` per input:
//!
//! | group | what one iteration does |
//! |---|---|
//! | `floor` | `str::from_utf8` + split into lines with memchr: the least any parser must do |
//! | `parse` | `ogi_report::parse(&str)` (which also runs the audit: `parse` stores the findings) |
//! | `audit` | `Report::audit()` on a report parsed beforehand |
//! | `parse_audit` | `ogi_report::parse_bytes(&[u8])`: encoding check + parse + audit, the whole pipeline from the same bytes as `floor` |
//! | `render` | `Report::render()` |
//! | `to_json` | `Report::to_json()` |
//!
//! Inputs (read from `../shared/corpus`, or `$OGI_SHARED/corpus`, at bench
//! time; missing files are skipped with a note):
//! `seed/…` every seed report; `pdf/…` the three PDF texts (`pdftotext
//! -layout`); `pingtan/…` two crawled texts; `layout/…` the applications
//! section alone in each table layout (tab-separated rows, one cell per
//! line, PDF columns, PDF reading order); `synthetic/1MB`, `synthetic/10MB`:
//! a 2021 report whose sections are repeated to that size, to show that time
//! grows linearly with size (the repeated `一、` headings run the numbering
//! backwards, so the copies are read as subsections of one large last
//! section: a report of one huge section with ~1,200 findings a megabyte).
//!
//! Run everything with `cargo bench --bench parse`, one group with
//! `cargo bench --bench parse -- parse_audit/`, and print the comparison table
//! with `python3 benches/report.py`. Sample sizes and times are kept modest
//! for a 2-core machine; `OGI_BENCH_QUICK=1` shortens them further.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

#[path = "support/synthetic.rs"]
mod synthetic;
use synthetic::synthetic;

/// One benchmark input.
struct Input {
    /// `seed/000_…`, `pdf/hzq2023`, `layout/tabbed`, `synthetic/1MB` …
    id: String,
    /// UTF-8 text.
    text: String,
}

impl Input {
    fn large(&self) -> bool {
        self.text.len() > 512 << 10
    }
}

fn corpus_dir() -> PathBuf {
    let shared = std::env::var_os("OGI_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    shared.join("corpus")
}

fn read(rel: &str) -> Option<String> {
    let path = corpus_dir().join(rel);
    match std::fs::read(&path) {
        Ok(bytes) => match ogi_report::decode::decode(&bytes) {
            Ok((text, _)) => Some(text.into_owned()),
            Err(e) => {
                eprintln!("bench: skipping {}: {e}", path.display());
                None
            }
        },
        Err(e) => {
            eprintln!("bench: skipping {}: {e}", path.display());
            None
        }
    }
}

/// The applications section alone: from its heading to the line before the
/// review/litigation heading.
fn applications_section(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains("收到和处理政府信息公开申请情况"))?;
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.contains("行政复议、行政诉讼情况"))?;
    Some(lines[start..end].join("\n") + "\n")
}

/// A small built-in report, so the benches run even without the corpus.
const BUILTIN: &str = "一、总体情况\n本年度工作正常。\n二、主动公开政府信息情况\n第二十条第（一）项\n\
信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t4\t0\t4\n";

fn inputs() -> Vec<Input> {
    let mut out = Vec::new();
    let mut push = |id: String, text: Option<String>| {
        if let Some(text) = text {
            out.push(Input { id, text });
        }
    };
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join("seeds"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    seeds.sort();
    if seeds.is_empty() {
        eprintln!(
            "bench: no seed reports under {}",
            corpus_dir().join("seeds").display()
        );
    }
    for p in seeds
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let name = p.file_stem().unwrap_or_default().to_string_lossy();
        push(format!("seed/{name}"), read(&format!("seeds/{name}.txt")));
    }
    for name in ["hzq2023", "hzq2024", "szfgs2024"] {
        push(
            format!("pdf/{name}"),
            read(&format!("real/pdf/{name}.layout.txt")),
        );
    }
    for name in ["2019-80576", "2021-80613"] {
        push(
            format!("pingtan/{name}"),
            read(&format!("real/pingtan/{name}.txt")),
        );
    }
    for (layout, file) in [
        ("tabbed", "seeds/001_121cea9b6c16060c.txt"),
        ("cell-per-line", "seeds/004_d13c5985a7c040e2.txt"),
        ("pdf-columns", "real/pdf/hzq2023.layout.txt"),
        ("pdf-reading-order", "real/pdf/hzq2024.raw.txt"),
    ] {
        push(
            format!("layout/{layout}"),
            read(file).and_then(|t| applications_section(&t)),
        );
    }
    let base = read("seeds/004_d13c5985a7c040e2.txt").unwrap_or_else(|| BUILTIN.to_string());
    push("synthetic/1MB".into(), Some(synthetic(&base, 1 << 20)));
    push("synthetic/10MB".into(), Some(synthetic(&base, 10 << 20)));
    out
}

/// The floor: validate UTF-8 and find every line end with memchr.
fn floor(bytes: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    let mut lines = 0;
    let mut last = 0;
    for at in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines += 1;
        last = at;
    }
    lines + last
}

fn benches(c: &mut Criterion) {
    let quick = std::env::var_os("OGI_BENCH_QUICK").is_some();
    let (small_time, large_time) = if quick {
        (Duration::from_millis(500), Duration::from_secs(2))
    } else {
        (Duration::from_secs(2), Duration::from_secs(6))
    };
    let inputs = inputs();
    let parsed: Vec<ogi_report::Report> = inputs
        .iter()
        .map(|i| ogi_report::parse(&i.text).unwrap_or_else(|e| panic!("{}: {e}", i.id)))
        .collect();

    type Run = fn(&Input, &ogi_report::Report);
    let groups: [(&str, Run); 6] = [
        ("floor", |i, _| {
            black_box(floor(black_box(i.text.as_bytes())));
        }),
        ("parse", |i, _| {
            black_box(ogi_report::parse(black_box(&i.text)).ok());
        }),
        ("audit", |_, r| {
            black_box(black_box(r).audit());
        }),
        ("parse_audit", |i, _| {
            black_box(ogi_report::parse_bytes(black_box(i.text.as_bytes())).ok());
        }),
        ("render", |_, r| {
            black_box(black_box(r).render());
        }),
        ("to_json", |_, r| {
            let _ = black_box(black_box(r).to_json());
        }),
    ];
    for (name, run) in groups {
        let mut g = c.benchmark_group(name);
        g.warm_up_time(Duration::from_millis(if quick { 200 } else { 500 }));
        for (input, report) in inputs.iter().zip(&parsed) {
            if input.large() {
                g.sample_size(10)
                    .measurement_time(large_time)
                    .sampling_mode(SamplingMode::Flat);
            } else {
                g.sample_size(20)
                    .measurement_time(small_time)
                    .sampling_mode(SamplingMode::Auto);
            }
            g.throughput(Throughput::Bytes(input.text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(&input.id), input, |b, input| {
                b.iter(|| run(input, report))
            });
        }
        g.finish();
    }
}

criterion_group!(parse_benches, benches);
criterion_main!(parse_benches);
