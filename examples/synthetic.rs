//! Prints the large synthetic report of `benches/parse.rs` (`synthetic/1MB`,
//! `synthetic/10MB`): the preamble of the report read from PATH (or stdin)
//! once, then its sections repeated up to SIZE bytes (default 1 MiB). For
//! instruction counts at several sizes under callgrind
//! (`benches/callgrind-sizes.sh`, docs/performance.md "sp-syn"):
//!
//! ```text
//! cargo run --example synthetic -- ../shared/corpus/seeds/004_d13c5985a7c040e2.txt 1048576 > syn-1m.txt
//! N=2 valgrind --tool=callgrind target/profiling/examples/profile_parse syn-1m.txt
//! ```

use std::io::{Read, Write};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next();
    let size = match args.next().map(|s| s.parse::<usize>()) {
        None => 1 << 20,
        Some(Ok(n)) => n,
        Some(Err(e)) => fail(&format!("SIZE: {e}")),
    };
    let mut bytes = Vec::new();
    let read = match path.as_deref() {
        None | Some("-") => std::io::stdin().read_to_end(&mut bytes).map(drop),
        Some(p) => std::fs::read(p).map(|b| bytes = b),
    };
    if let Err(e) = read {
        fail(&format!("{}: {e}", path.as_deref().unwrap_or("stdin")));
    }
    let text = match ogi_report::decode::decode(&bytes) {
        Ok((text, _)) => text,
        Err(e) => fail(&e.to_string()),
    };
    let out = synthetic::synthetic(&text, size);
    if let Err(e) = std::io::stdout().lock().write_all(out.as_bytes()) {
        fail(&format!("stdout: {e}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("synthetic: {message}");
    std::process::exit(2);
}
