//! A driver for profilers of the audit alone: parses every file given once,
//! then audits each report `N` times (default 10). Run it under callgrind
//! with `N=1` and `N=11` and divide the difference by 10 × the bytes to get
//! the audit's instructions per byte in the steady state:
//!
//! ```text
//! cargo build --profile profiling --example profile_audit
//! N=11 valgrind --tool=callgrind target/profiling/examples/profile_audit ../shared/corpus/seeds/*.txt
//! ```

fn main() {
    let rounds: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let mut reports = Vec::new();
    let mut bytes = 0;
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(input) => {
                bytes += input.len();
                if let Ok(report) = ogi_report::parse_bytes(&input) {
                    reports.push(report);
                }
            }
            Err(e) => {
                eprintln!("profile_audit: {path}: {e}");
                std::process::exit(2);
            }
        }
    }
    let mut checksum = 0usize;
    for _ in 0..rounds {
        for report in &reports {
            checksum += std::hint::black_box(report).audit().len();
        }
    }
    println!(
        "{} reports, {bytes} bytes x {rounds} rounds (checksum {checksum})",
        reports.len()
    );
}
