//! `ogi audit`: the consistency audit as compiler-style diagnostics.
//!
//! ```text
//! ogi audit FILE…|DIR [--format text|json] [--color auto|always|never]
//! ogi audit --list-rules [--format text|json]
//! ```
//!
//! Text output: for each finding a `file:line:col: severity[rule]: message`
//! line, then the source line with a caret under the offending cell, both
//! rendered by `codespan-reporting`. JSON output: one object per file and
//! line, `{"file": "…", "findings": [Finding…]}`. Exit status: 1 when any
//! finding is an error, 2 when an input could not be read (this wins),
//! 0 otherwise.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{self, Config, DisplayStyle};
use ogi_report::{Finding, Severity};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Compiler-style diagnostics with source snippets.
    Text,
    /// One JSON object per file and line.
    Json,
}

/// When to colour the text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Color {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `ogi audit`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files or folders (folders are searched for .txt and .md files).
    #[arg(required_unless_present = "list_rules")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Colour the text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Print the rule catalogue (id, severity, what it checks, where it comes from) and exit.
    #[arg(long)]
    list_rules: bool,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.list_rules {
        let ok = list_rules(&mut out, args.format).and_then(|_| out.flush());
        return if ok.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    }
    let colored = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut unreadable = false;
    let mut errors = false;
    let (mut n_err, mut n_warn, mut n_note) = (0usize, 0usize, 0usize);
    for path in crate::input::expand(&args.files) {
        let (text, report) = match crate::input::read_report(&path) {
            Ok(r) => r,
            Err(msg) => {
                eprintln!("ogi: {msg}");
                unreadable = true;
                continue;
            }
        };
        let name = path.display().to_string();
        let findings = &report.findings;
        for f in findings {
            match f.severity {
                Severity::Error => n_err += 1,
                Severity::Warning => n_warn += 1,
                Severity::Note => n_note += 1,
            }
        }
        errors |= findings.iter().any(|f| f.severity == Severity::Error);
        let written = match args.format {
            Format::Json => write_json(&mut out, &name, findings),
            Format::Text => write_text(&mut out, &name, &text, findings, colored),
        };
        if let Err(e) = written {
            eprintln!("ogi: writing output: {e}");
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if args.format == Format::Text {
        eprintln!("ogi audit: {n_err} error(s), {n_warn} warning(s), {n_note} note(s)");
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_json(out: &mut impl Write, file: &str, findings: &[Finding]) -> std::io::Result<()> {
    let value = serde_json::json!({ "file": file, "findings": findings });
    serde_json::to_writer(&mut *out, &value)?;
    out.write_all(b"\n")
}

/// The codespan diagnostic of one finding.
fn diagnostic(f: &Finding, text: &str) -> Diagnostic<()> {
    let severity = match f.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let range = match f.span {
        Some(s)
            if s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end) =>
        {
            s.start..s.end
        }
        _ => 0..0,
    };
    let label_msg = match (f.expected, f.found) {
        (Some(e), Some(x)) => format!("expected {e}, found {x}"),
        (None, Some(x)) => format!("found {x}"),
        _ => String::new(),
    };
    let mut notes = Vec::new();
    let keys: Vec<String> = [("table", &f.table), ("row", &f.row), ("column", &f.column)]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
        .collect();
    if !keys.is_empty() {
        notes.push(keys.join(", "));
    }
    Diagnostic::new(severity)
        .with_code(f.rule.clone())
        .with_message(f.message.clone())
        .with_labels(vec![Label::primary((), range).with_message(label_msg)])
        .with_notes(notes)
}

/// Writes each finding as `file:line:col: severity[rule]: message` (codespan's
/// short style) followed by the source snippet with the caret (codespan's
/// rich style, whose own header line is dropped as it repeats the first line).
fn write_text(
    out: &mut impl Write,
    file: &str,
    text: &str,
    findings: &[Finding],
    colored: bool,
) -> std::io::Result<()> {
    let files = SimpleFile::new(file, text);
    let short = Config {
        display_style: DisplayStyle::Short,
        ..Config::default()
    };
    let rich = Config::default();
    let new_buffer = || {
        if colored {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        }
    };
    for f in findings {
        let d = diagnostic(f, text);
        let mut head = new_buffer();
        term::emit(&mut head, &short, &files, &d).map_err(std::io::Error::other)?;
        let mut body = new_buffer();
        term::emit(&mut body, &rich, &files, &d).map_err(std::io::Error::other)?;
        out.write_all(head.as_slice())?;
        let body = body.as_slice();
        let cut = body
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |i| i + 1);
        out.write_all(&body[cut..])?;
    }
    Ok(())
}

fn list_rules(out: &mut impl Write, format: Format) -> std::io::Result<()> {
    let rules = ogi_report::audit::rules();
    if format == Format::Json {
        let list: Vec<_> = rules
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "severity": r.severity.key(),
                    "summary": r.summary,
                    "derives_from": r.derives_from,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        return out.write_all(b"\n");
    }
    for r in rules {
        writeln!(out, "{} ({})", r.id, r.severity.key())?;
        writeln!(out, "    checks: {}", r.summary)?;
        writeln!(out, "    source: {}", r.derives_from)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ogi_report::{Number, Span};

    fn finding(span: Span) -> Finding {
        Finding {
            rule: "review_litigation.total".into(),
            severity: Severity::Error,
            message:
                "行政复议 (review): upheld + corrected + other + pending is 11 but the total is 0."
                    .into(),
            span: Some(span),
            expected: Some(Number::int(11)),
            found: Some(Number::int(0)),
            column: Some("total".into()),
            table: Some("review_litigation".into()),
            row: Some("review".into()),
        }
    }

    #[test]
    fn text_output_has_location_line_source_and_caret() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n结果维持\t总计\n10\t1\t0\t0\t0\n";
        let start = text.find("10\t1\t0\t0\t0").unwrap() + "10\t1\t0\t0\t".len();
        let span = Span {
            start,
            end: start + 1,
            line: 3,
            column: 10,
            page: None,
        };
        let mut out = Vec::new();
        write_text(&mut out, "r.txt", text, &[finding(span)], false).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "r.txt:3:10: error[review_litigation.total]: 行政复议 (review): upheld + corrected + other + pending is 11 but the total is 0."
        );
        assert!(out.contains("┌─ r.txt:3:10"), "{out}");
        let src = lines
            .iter()
            .position(|l| l.contains("10") && l.contains('│'))
            .expect("source line");
        let caret = lines[src + 1];
        // The caret sits under the last cell: the source line with tabs
        // expanded by codespan, then the `^` at the same display column.
        let code_col = lines[src].find("10").unwrap();
        let zero_col = code_col + lines[src][code_col..].rfind('0').unwrap();
        assert_eq!(caret.find('^'), Some(zero_col), "{out}");
        assert!(caret.contains("expected 11, found 0"), "{out}");
        assert!(
            out.contains("= table review_litigation, row review, column total"),
            "{out}"
        );
    }

    #[test]
    fn carets_align_under_chinese_text() {
        let text = "（五）不予公开\n";
        let span = Span {
            start: 0,
            end: text.len() - 1,
            line: 1,
            column: 1,
            page: None,
        };
        let mut f = finding(span);
        f.severity = Severity::Warning;
        f.rule = "label.nonstandard".into();
        let mut out = Vec::new();
        write_text(&mut out, "r.txt", text, &[f], false).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("r.txt:1:1: warning[label.nonstandard]: "),
            "{out}"
        );
        // seven CJK characters, each two columns wide
        assert!(out.contains(&"^".repeat(14)), "{out}");
    }

    #[test]
    fn json_is_one_object_per_file() {
        let mut out = Vec::new();
        let span = Span {
            start: 0,
            end: 1,
            line: 1,
            column: 1,
            page: None,
        };
        write_json(&mut out, "a.txt", &[finding(span)]).unwrap();
        write_json(&mut out, "b.txt", &[]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let objs: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(objs.len(), 2);
        assert_eq!(objs[0]["file"], "a.txt");
        assert_eq!(objs[0]["findings"][0]["rule"], "review_litigation.total");
        assert_eq!(objs[0]["findings"][0]["expected"], 11);
        assert_eq!(objs[1]["findings"], serde_json::json!([]));
    }
}
