//! Rough single-threaded throughput of parse (and the floor: UTF-8 check +
//! line split) over the given files; see `benches/` for the real numbers.
//!
//! ```text
//! cargo run --release --example throughput -- ../shared/corpus/seeds/*.txt
//! ```

use std::time::Instant;

fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 file"))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = (50_000_000 / bytes.max(1)).max(1);
    let t = Instant::now();
    let mut lines = 0usize;
    for _ in 0..rounds {
        for s in &texts {
            let ok = std::str::from_utf8(s.as_bytes()).is_ok();
            lines += ogi_report::lines::split(s).len() + usize::from(ok);
        }
    }
    let floor = t.elapsed();
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for s in &texts {
            n += ogi_report::parse(s).map(|r| r.sections.len()).unwrap_or(0);
        }
    }
    let parse = t.elapsed();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} bytes x {rounds} rounds ({lines} lines, {n} sections)",
        bytes
    );
    println!("floor: {:.0} MB/s", mb / floor.as_secs_f64());
    println!("parse+audit: {:.0} MB/s", mb / parse.as_secs_f64());
}
