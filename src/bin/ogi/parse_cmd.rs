//! `ogi parse`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `ogi parse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files (UTF-8 or GB18030 text, or PDF) or folders (their .txt and .md files).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per line, with a "file" field, instead of an array.
    #[arg(long)]
    jsonl: bool,
    /// Indent the JSON array.
    #[arg(long, conflicts_with = "jsonl")]
    pretty: bool,
    /// Print the text the spans refer to instead of JSON: the decoded text,
    /// or for a PDF the text extracted from it (tables as tab rows).
    #[arg(long, conflicts_with_all = ["jsonl", "pretty"])]
    text: bool,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut first = true;
    if args.text {
        for path in &crate::input::expand(&args.files) {
            match crate::input::read_report(path) {
                Ok((text, _)) => {
                    if out.write_all(text.as_bytes()).is_err() {
                        return ExitCode::from(2);
                    }
                }
                Err(msg) => {
                    eprintln!("ogi: {msg}");
                    failed = true;
                }
            }
        }
        if out.flush().is_err() {
            return ExitCode::from(2);
        }
        return if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    if !args.jsonl {
        let _ = out.write_all(b"[");
    }
    for path in &crate::input::expand(&args.files) {
        let report = match crate::input::read_report(path) {
            Ok((_, r)) => r,
            Err(msg) => {
                eprintln!("ogi: {msg}");
                failed = true;
                continue;
            }
        };
        let written = if args.jsonl {
            let mut v = serde_json::to_value(&report).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("file".into(), path.display().to_string().into());
            }
            serde_json::to_writer(&mut out, &v)
                .and_then(|_| out.write_all(b"\n").map_err(serde_json::Error::io))
        } else {
            let sep: &[u8] = if first { b"\n" } else { b",\n" };
            first = false;
            let r = out.write_all(sep).map_err(serde_json::Error::io);
            r.and_then(|_| {
                if args.pretty {
                    serde_json::to_writer_pretty(&mut out, &report)
                } else {
                    serde_json::to_writer(&mut out, &report)
                }
            })
        };
        if let Err(e) = written {
            eprintln!("ogi: writing output: {e}");
            return ExitCode::from(2);
        }
    }
    if !args.jsonl {
        let _ = out.write_all(b"\n]\n");
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
