//! The large inputs of the benchmarks (`synthetic/1MB`, `synthetic/10MB`),
//! shared by `benches/parse.rs`, `examples/synthetic.rs` (which writes them
//! to files, for callgrind) and the test suite's linearity test, so that
//! all three measure the same text.

/// A report of at least `size` bytes: the preamble of `text` once, then its
/// sections (from the first top-level heading on) repeated.
pub fn synthetic(text: &str, size: usize) -> String {
    let body_start = text
        .lines()
        .scan(0usize, |off, l| {
            let at = *off;
            *off += l.len() + 1;
            Some((at, l))
        })
        .find(|(_, l)| l.trim_start().starts_with("一、"))
        .map_or(0, |(at, _)| at);
    let (preamble, body) = text.split_at(body_start.min(text.len()));
    let mut body = body.to_string();
    if !body.ends_with('\n') {
        body.push('\n');
    }
    let mut out = String::with_capacity(size + body.len());
    out.push_str(preamble);
    while out.len() < size {
        out.push_str(&body);
    }
    out
}
