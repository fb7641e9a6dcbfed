//! `ogi`: the command-line tool of ogi-report.
//!
//! ```text
//! ogi parse FILE…            JSON of each report (an array; --jsonl: one object per line)
//! ogi parse --text FILE…     the text spans refer to (for a PDF: the extracted text)
//! ogi audit FILE…|DIR        findings as compiler-style diagnostics (--format json)
//! ogi render FILE…           canonical text
//! ogi export DIR|FILE… --csv OUT | --jsonl OUT | --findings OUT
//! ```
//!
//! Conventions shared by every subcommand: `-` is standard input; folders
//! are walked for `.txt`/`.md` report files (regular files only, never
//! README*/CHANGELOG*/LICENSE*; see `input.rs`); exit status 0 when all is
//! fine, 1 when an input failed (or, for `audit`, a finding is an error),
//! 2 for a usage error; a closed pipe on standard output ends quietly with
//! status 0; output files are written atomically and replaced only with
//! `--force` (see `output.rs`).

mod audit_cmd;
mod audit_out;
mod export_cmd;
mod export_lines;
mod findings_csv;
mod input;
mod output;
mod parquet_out;
mod parse_cmd;
mod progress;
mod render_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Read China's OGI annual reports (政府信息公开工作年度报告) into typed data.
#[derive(Debug, Parser)]
#[command(name = "ogi", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the JSON model of each report.
    Parse(parse_cmd::Args),
    /// Check each report's figures and structure; print findings.
    Audit(audit_cmd::Args),
    /// Print each report in canonical text form.
    Render(render_cmd::Args),
    /// Export a folder of reports to one CSV or JSON-lines file.
    Export(export_cmd::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(a) => parse_cmd::run(a),
        Command::Audit(a) => audit_cmd::run(a),
        Command::Render(a) => render_cmd::run(a),
        Command::Export(a) => export_cmd::run(a),
    }
}
