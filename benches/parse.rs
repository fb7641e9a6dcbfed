//! Criterion benchmarks (issue 6).
fn main() {}
