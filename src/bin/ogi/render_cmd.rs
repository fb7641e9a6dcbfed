//! `ogi render`.
//!
//! One input: its canonical text on standard output. Several inputs: each
//! text is preceded by a header line `==> FILE <==` (as `head` and `tail`
//! separate files), with a blank line between files. With `--out-dir DIR`:
//! one file per input under `DIR` instead (`DIR/NAME.txt` for a file named
//! directly, the same relative path for a file found in a folder), each
//! written atomically; an existing file is replaced only with `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `ogi render`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files ('-' for standard input) or folders.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Write one file per input under this folder (created if needed) instead of standard output.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Replace existing files under --out-dir.
    #[arg(long, requires = "out_dir")]
    force: bool,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let inputs = crate::input::expand_with_roots(&args.files);
    if let Some(dir) = &args.out_dir {
        return render_to_dir(&inputs, dir, args.force);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let headers = inputs.len() > 1;
    let mut failed = false;
    let mut first = true;
    let written: std::io::Result<()> = (|| {
        for (path, _) in &inputs {
            match crate::input::read_report(path) {
                Ok((_, report)) => {
                    if headers {
                        let sep = if first { "" } else { "\n" };
                        writeln!(out, "{sep}==> {} <==", crate::input::display(path))?;
                    }
                    first = false;
                    out.write_all(report.render().as_bytes())?;
                }
                Err(msg) => {
                    // Keep what was written before the message in order.
                    out.flush()?;
                    eprintln!("ogi: {msg}");
                    failed = true;
                }
            }
        }
        out.flush()
    })();
    if let Err(e) = written {
        return crate::output::stdout_error(&e);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Where the text of `path` goes under `dir`.
fn destination(dir: &Path, path: &Path, root: Option<&Path>) -> PathBuf {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .map(Path::to_path_buf)
        .or_else(|| path.file_name().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("stdin"));
    let rel = if crate::input::is_stdin(path) {
        PathBuf::from("stdin")
    } else {
        rel
    };
    dir.join(rel).with_extension("txt")
}

fn render_to_dir(inputs: &[(PathBuf, Option<PathBuf>)], dir: &Path, force: bool) -> ExitCode {
    let plan: Vec<(&Path, PathBuf)> = inputs
        .iter()
        .map(|(p, root)| (p.as_path(), destination(dir, p, root.as_deref())))
        .collect();
    // Usage problems first, before anything is written.
    let all_inputs: Vec<PathBuf> = inputs.iter().map(|(p, _)| p.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    for (path, dest) in &plan {
        if !seen.insert(dest.clone()) {
            eprintln!(
                "ogi: {} and another input would both be written to {}",
                path.display(),
                dest.display()
            );
            return ExitCode::from(2);
        }
        if let Err(msg) = crate::output::check_output(dest, force, &all_inputs) {
            eprintln!("ogi: {msg}");
            return ExitCode::from(2);
        }
    }
    let mut failed = false;
    for (path, dest) in &plan {
        let report = match crate::input::read_report(path) {
            Ok((_, r)) => r,
            Err(msg) => {
                eprintln!("ogi: {msg}");
                failed = true;
                continue;
            }
        };
        let written = dest
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| crate::output::write_file(dest, report.render().as_bytes()));
        if let Err(e) = written {
            eprintln!("ogi: writing {}: {e}", dest.display());
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
