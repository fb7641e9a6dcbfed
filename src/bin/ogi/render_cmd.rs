//! `ogi render`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `ogi render`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files or folders.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let mut failed = false;
    for path in &crate::input::expand(&args.files) {
        match crate::input::read_report(path) {
            Ok((_, report)) => print!("{}", report.render()),
            Err(msg) => {
                eprintln!("ogi: {msg}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
