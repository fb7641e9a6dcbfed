//! Parses a report file (or stdin) and prints its JSON model.
//!
//! ```text
//! cargo run --example parse_to_json -- examples/data/report-2021.txt
//! ```

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = match std::env::args_os().nth(1) {
        Some(path) => std::fs::read(path)?,
        None => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b)?;
            b
        }
    };
    let report = ogi_report::parse_bytes(&bytes)?;
    println!("{}", report.to_json_pretty());
    Ok(())
}
