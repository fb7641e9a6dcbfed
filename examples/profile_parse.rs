//! A driver for profilers: parses (decode + parse + audit) every file given,
//! `N` times (default 10), or with `MODE=floor` only checks UTF-8 and finds
//! the line ends (the floor of `benches/parse.rs`). Run it under callgrind
//! and subtract a run with `N=0` to get the instructions per byte quoted in
//! the README's performance section:
//!
//! ```text
//! cargo build --release --example profile_parse
//! N=10 valgrind --tool=callgrind target/release/examples/profile_parse ../shared/corpus/seeds/*.txt
//! callgrind_annotate --inclusive=yes callgrind.out.*
//! ```

fn main() {
    let rounds: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let floor = std::env::var("MODE").is_ok_and(|m| m == "floor");
    let mut inputs = Vec::new();
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(bytes) => inputs.push(bytes),
            Err(e) => {
                eprintln!("profile_parse: {path}: {e}");
                std::process::exit(2);
            }
        }
    }
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let mut checksum = 0usize;
    for _ in 0..rounds {
        for input in &inputs {
            let input = std::hint::black_box(input.as_slice());
            if floor {
                if let Ok(text) = std::str::from_utf8(input) {
                    checksum += memchr::memchr_iter(b'\n', text.as_bytes()).count();
                }
            } else if let Ok(report) = ogi_report::parse_bytes(input) {
                checksum += report.sections.len() + report.findings.len();
            }
        }
    }
    println!(
        "{} inputs, {bytes} bytes x {rounds} rounds (checksum {checksum})",
        inputs.len()
    );
}
