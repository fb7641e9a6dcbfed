//! Bounded memory (issue 15.8): for every input of the pathological suite,
//! the peak resident memory of parsing it, serialising its JSON and
//! rendering it stays under 40 × the input size.
//!
//! Each input is measured in a fresh process: this test binary runs itself
//! with only [`measure_child`] selected and the input named in an
//! environment variable; the child parses, streams the JSON to a counter,
//! renders, and prints `VmHWM` (peak resident set) from `/proc/self/status`.
//! Linux only (elsewhere the test does nothing).
//!
//! What is measured is the memory that grows with the input, not the
//! program's fixed cost (its code pages, about 10 MB for this debug test
//! binary, would be 10 × a 1 MB input and nothing of a 100 MB one): the
//! child first runs the same pipeline on the same kind of input at
//! 1/16 of the size (the warm-up), takes its peak as the baseline, then
//! runs the full input; the ratio is (peak − baseline) / (size − warm-up
//! size), the slope of peak memory over input size. The everyday test
//! measures 1 MiB inputs; [`issue_examples_at_16_mib`] (ignored: slow in a
//! debug build) measures the issue's two examples at 16 MiB and shows the
//! same ratios, so the slope does not grow with the size.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

const CHILD_ENV: &str = "OGI_MEMORY_CHILD_INPUT";
const WARM_ENV: &str = "OGI_MEMORY_CHILD_WARMUP";
/// Peak memory allowed, as a multiple of the input size.
const MAX_RATIO: f64 = 40.0;
/// Input size of each case in the everyday test.
const INPUT_BYTES: usize = 1 << 20;
/// The warm-up input is this fraction of the input.
const WARM_DIVISOR: usize = 16;

/// The pathological inputs: the generators of the roundtrip suite and the
/// two inputs of issue 15.8 (`1.` lines; an applications table of `/` cells).
pub fn pathological_inputs(bytes: usize) -> Vec<(&'static str, String)> {
    fn fill(unit: &str, bytes: usize) -> String {
        unit.repeat(bytes / unit.len())
    }
    let mut slash_table = String::from(
        "三、收到和处理政府信息公开申请情况\n\t申请人情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n",
    );
    let row = "本年新收政府信息公开申请数量\t/\t/\t/\t/\t/\t/\t/\n";
    slash_table.push_str(&fill(row, bytes.saturating_sub(slash_table.len())));
    vec![
        ("heading-like lines", fill("一、总体情况\n", bytes)),
        ("single line", fill("我", bytes)),
        ("（一） lines", fill("（一）\n", bytes)),
        (
            "nested markers",
            fill("（一）\n1.\n（1）\n①\n一是\n", bytes),
        ),
        ("tab lines", fill("规章\t1\t2\t3\n", bytes)),
        (
            "table headers",
            fill("申请人情况\t自然人\n第二十条第（一）项\n", bytes),
        ),
        ("blank lines", fill("\n", bytes)),
        ("unclosed brackets", fill("（", bytes)),
        ("1. lines", fill("1.\n", bytes)),
        ("applications table of / cells", slash_table),
        ("slash cells", fill("/\t/\t/\t/\t/\t/\t/\n", bytes)),
    ]
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Counts bytes written.
struct Count(u64);
impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Parses, writes the JSON to a counter and renders: (JSON bytes, rendered bytes).
fn pipeline(bytes: &[u8]) -> (u64, usize) {
    let report = ogi_report::parse_bytes(bytes).unwrap();
    let mut json = Count(0);
    serde_json::to_writer(&mut json, &report).unwrap();
    let rendered = report.render();
    (json.0, rendered.len())
}

/// The child side: runs only when the parent sets the environment variables.
#[test]
#[ignore = "run by peak_memory_stays_under_40x_the_input in a child process"]
fn measure_child() {
    let (Some(path), Some(warm)) = (std::env::var_os(CHILD_ENV), std::env::var_os(WARM_ENV)) else {
        return;
    };
    pipeline(&std::fs::read(&warm).unwrap());
    let baseline = peak_rss_kib().unwrap_or(0);
    let bytes = std::fs::read(&path).unwrap();
    let (json, rendered) = pipeline(&bytes);
    drop(bytes);
    println!(
        "MEASURED json_bytes={json} render_bytes={rendered} peak_rss_kib={} baseline_kib={baseline}",
        peak_rss_kib().unwrap_or(0)
    );
}

/// Runs each input of `size` bytes whose name `select` accepts in a child
/// process; returns (name, ratio of peak memory to input size).
fn measure(size: usize, select: impl Fn(&str) -> bool) -> Vec<(&'static str, f64)> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("memory");
    std::fs::create_dir_all(&dir).unwrap();
    let exe = std::env::current_exe().unwrap();
    let warm_inputs = pathological_inputs(size / WARM_DIVISOR);
    let mut results = Vec::new();
    for (i, ((name, text), (_, warm))) in pathological_inputs(size)
        .into_iter()
        .zip(warm_inputs)
        .enumerate()
    {
        if !select(name) {
            continue;
        }
        let path = dir.join(format!("case-{i}-{size}.txt"));
        let warm_path = dir.join(format!("case-{i}-{size}-warm.txt"));
        std::fs::write(&path, &text).unwrap();
        std::fs::write(&warm_path, &warm).unwrap();
        let out = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "memory::measure_child",
                "--nocapture",
            ])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, &path)
            .env(WARM_ENV, &warm_path)
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(&warm_path);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: child failed\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // the harness prints `test memory::measure_child ... ` before it
        let line = stdout
            .lines()
            .find_map(|l| l.find("MEASURED ").map(|i| &l[i..]))
            .unwrap_or_else(|| panic!("{name}: no measurement in\n{stdout}"));
        let field = |key: &str| -> u64 {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
                .and_then(|v| v.parse().ok())
                .unwrap()
        };
        let peak = field("peak_rss_kib").saturating_sub(field("baseline_kib")) * 1024;
        let json = field("json_bytes");
        let grown = text.len().saturating_sub(warm.len()).max(1);
        let ratio = peak as f64 / grown as f64;
        eprintln!(
            "{name}: {} bytes (warm-up {}), peak RSS {:.1} MB over the warm-up ({ratio:.1}×), JSON {:.1}×",
            text.len(),
            warm.len(),
            peak as f64 / 1e6,
            json as f64 / text.len() as f64
        );
        results.push((name, ratio));
    }
    results
}

fn check(size: usize, select: impl Fn(&str) -> bool) {
    if peak_rss_kib().is_none() {
        eprintln!("no /proc/self/status: peak memory not measured");
        return;
    }
    let results = measure(size, select);
    assert!(!results.is_empty());
    let failures: Vec<String> = results
        .into_iter()
        .filter(|(_, ratio)| *ratio >= MAX_RATIO)
        .map(|(name, ratio)| format!("{name}: peak RSS {ratio:.1}× the input"))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn peak_memory_stays_under_40x_the_input() {
    check(INPUT_BYTES, |_| true);
}

/// The two inputs of issue 15.8 at the size the issue measured (16 MiB):
/// both stay under the limit, and each ratio is printed to compare with
/// the 1 MiB run.
#[test]
#[ignore = "slow in a debug build; run with --ignored"]
fn issue_examples_at_16_mib() {
    check(16 << 20, |name| {
        matches!(name, "applications table of / cells" | "1. lines")
    });
}

/// The sizes the ratios above rest on (a block per line, a span per cell,
/// a finding per heading): a field that makes one of these types larger
/// makes every pathological input dearer.
#[test]
fn model_types_stay_small() {
    use ogi_report::model::{Block, Finding, Span, Str, Subsection, Text};
    use std::mem::size_of;
    let sizes = [
        ("Span", size_of::<Span>(), 20),
        ("Str", size_of::<Str>(), 24),
        ("Text", size_of::<Text>(), 48),
        ("Subsection", size_of::<Subsection>(), 96),
        ("Block", size_of::<Block>(), 96),
        ("Finding", size_of::<Finding>(), 224),
    ];
    for (name, size, max) in sizes {
        eprintln!("{name}: {size} bytes");
        assert!(size <= max, "{name} is {size} bytes (at most {max})");
    }
}
