//! `ogi parse`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

/// Arguments of `ogi parse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files (UTF-8, UTF-16 with a BOM, GB18030 or Big5 text, or PDF; '-' for standard input) or folders (their .txt and .md files).
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
    /// Never show the progress bar (it is shown only when stderr is a terminal).
    #[arg(short, long)]
    quiet: bool,
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

/// A report with a leading `"file"` field (an entry of the array or a line).
#[derive(Serialize)]
struct WithFile<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a ogi_report::Report,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut first = true;
    let files = crate::input::expand(&args.files);
    let bar = crate::progress::bar(files.len(), args.quiet);
    let written: std::io::Result<()> = (|| {
        if args.text {
            for path in &files {
                let result = crate::input::read_report_as(path, args.encoding.as_deref());
                bar.inc(1);
                match result {
                    Ok((text, _)) => out.write_all(text.as_bytes())?,
                    Err(msg) => {
                        bar.suspend(|| eprintln!("ogi: {msg}"));
                        failed = true;
                    }
                }
            }
            return out.flush();
        }
        if !args.jsonl {
            out.write_all(b"[")?;
        }
        for path in &files {
            let result = crate::input::read_report_as(path, args.encoding.as_deref());
            bar.inc(1);
            let report = match result {
                Ok((_, r)) => r,
                Err(msg) => {
                    bar.suspend(|| eprintln!("ogi: {msg}"));
                    failed = true;
                    continue;
                }
            };
            let name = crate::input::display(path);
            let entry = WithFile {
                file: &name,
                report: &report,
            };
            if args.jsonl {
                serde_json::to_writer(&mut out, &entry)?;
                out.write_all(b"\n")?;
            } else {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                if args.pretty {
                    serde_json::to_writer_pretty(&mut out, &entry)?;
                } else {
                    serde_json::to_writer(&mut out, &entry)?;
                }
            }
        }
        if !args.jsonl {
            out.write_all(b"\n]\n")?;
        }
        out.flush()
    })();
    bar.finish_and_clear();
    if let Err(e) = written {
        return crate::output::stdout_error(&e);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
