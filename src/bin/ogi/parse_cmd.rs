//! `ogi parse`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `ogi parse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files (UTF-8, UTF-16 with a BOM, GB18030 or Big5 text) or folders (their .txt and .md files).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per line, with a "file" field, instead of an array.
    #[arg(long)]
    jsonl: bool,
    /// Indent the JSON array.
    #[arg(long, conflicts_with = "jsonl")]
    pretty: bool,
    /// Decode the input as NAME instead of detecting the encoding (utf-8,
    /// gb18030/gbk, big5, utf-16le, utf-16be, utf-32le, utf-32be).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<String>,
}

fn parse_encoding(name: &str) -> Result<String, String> {
    match ogi_report::decode::Encoding::from_name(name) {
        Some(_) => Ok(name.to_owned()),
        None => Err(
            "not a known encoding (utf-8, gb18030, gbk, big5, utf-16le, utf-16be, utf-32le, utf-32be)"
                .into(),
        ),
    }
}

pub(crate) fn run(args: Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut first = true;
    if !args.jsonl {
        let _ = out.write_all(b"[");
    }
    for path in &crate::input::expand(&args.files) {
        let report = match crate::input::read_report_as(path, args.encoding.as_deref()) {
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
