//! Parses a report file (or stdin) and prints its JSON model.
//!
//! ```text
//! cargo run --example parse_to_json -- examples/data/report-2021.txt
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let report = match std::env::args_os().nth(1) {
        Some(path) => ogi_report::parse_path(path)?,
        None => ogi_report::parse_reader(std::io::stdin().lock())?,
    };
    println!("{}", report.to_json_pretty()?);
    Ok(())
}
