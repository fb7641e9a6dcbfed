//! `ogi audit` (issue 3).

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `ogi audit`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files or folders.
    files: Vec<PathBuf>,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let _ = args;
    ExitCode::SUCCESS
}
