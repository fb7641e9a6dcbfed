//! Parses one file, writes its JSON to nowhere (streamed, as `ogi parse`
//! does), renders it, and prints the process's peak resident memory.
//!
//! ```sh
//! cargo run --example peak_memory -- FILE
//! # bytes=16777216 json_bytes=… peak_rss_kib=…
//! ```
//!
//! The memory test (`tests/testsuite/memory.rs`) runs it on each
//! pathological input and checks that the peak stays under 40 × the input.
//! The peak is `VmHWM` of `/proc/self/status` (Linux; 0 elsewhere).

use std::io::Write;

/// Counts the bytes written to it.
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

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: peak_memory FILE")?;
    let bytes = std::fs::read(&path)?;
    let report = ogi_report::parse_bytes(&bytes)?;
    let mut json = Count(0);
    serde_json::to_writer(&mut json, &report)?;
    let rendered = report.render();
    println!(
        "bytes={} json_bytes={} render_bytes={} peak_rss_kib={}",
        bytes.len(),
        json.0,
        rendered.len(),
        peak_rss_kib()
    );
    Ok(())
}
