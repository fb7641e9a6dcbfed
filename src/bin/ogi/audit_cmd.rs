//! `ogi audit`: the consistency audit as compiler-style diagnostics.
//!
//! ```text
//! ogi audit FILE…|DIR [--format text|json] [--color auto|always|never]
//!           [--across [--aliases CSV] [--hierarchy CSV]]
//!           [--severity note|warning|error] [--rule RULE]… [--allow RULE]…
//! ogi audit --list-rules [--format text|json]
//! ```
//!
//! Text output: for each finding a `file:line:col: severity[rule]: message`
//! line, then the source line with a caret under the offending cell and a
//! labelled underline under each related cell (each term of an equation, the
//! cell of the other report a cross-report rule compares with), all rendered
//! by `codespan-reporting`. JSON output: one object per file and line,
//! `{"file": "…", "findings": [Finding…]}`.
//!
//! `--across` reads every file first and adds the cross-report findings of
//! [`ogi_report::audit::across_with`] (series over the years, roll-up of a
//! parent and its children) to the file each one points into.
//! `--aliases` (CSV `organ,alias`) and `--hierarchy` (CSV `parent,child`)
//! imply `--across`.
//!
//! Filters: `--severity` keeps findings of that severity or higher; `--rule`
//! keeps only the rules named (an id, or a prefix such as `series` for
//! `series.*`); `--allow` drops the rules named. Exit status (over the
//! findings kept), as in every subcommand: 1 when any finding is an error
//! or an input or a CSV could not be read, 2 for a usage error, 0 otherwise.
//! A closed pipe on standard output ends quietly with 0.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
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
    /// Report files ('-' for standard input) or folders (folders are searched for .txt and .md files).
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
    /// Never show the progress bar (it is shown only when stderr is a terminal).
    #[arg(short, long)]
    quiet: bool,
    /// Also run the cross-report rules over all the files together (series over the years, roll-up).
    #[arg(long)]
    across: bool,
    /// CSV `organ,alias`: group reports signed `alias` with `organ` (implies --across).
    #[arg(long, value_name = "CSV")]
    aliases: Option<PathBuf>,
    /// CSV `parent,child` of organ names for the roll-up rule (implies --across).
    #[arg(long, value_name = "CSV")]
    hierarchy: Option<PathBuf>,
    /// Show only findings of this severity or higher.
    #[arg(long, value_enum, value_name = "LEVEL")]
    severity: Option<Level>,
    /// Show only this rule (an id, or a prefix such as `series`); repeatable.
    #[arg(long, value_name = "RULE")]
    rule: Vec<String>,
    /// Do not show this rule (an id, or a prefix); repeatable.
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,
}

/// A minimum severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Level {
    /// Everything.
    Note,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

impl Level {
    fn severity(self) -> Severity {
        match self {
            Level::Note => Severity::Note,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

/// True when `pattern` names `rule`: the id itself, or a prefix ending at a
/// dot (`series`, `series.`, `series.*`).
pub(crate) fn rule_matches(pattern: &str, rule: &str) -> bool {
    let p = pattern.trim_end_matches('*').trim_end_matches('.');
    !p.is_empty()
        && (rule == p
            || rule
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('.')))
}

/// The findings filter of `--severity`, `--rule` and `--allow`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    min: Option<Severity>,
    only: Vec<String>,
    allow: Vec<String>,
}

impl Filter {
    pub(crate) fn keeps(&self, f: &Finding) -> bool {
        self.min.is_none_or(|m| f.severity >= m)
            && (self.only.is_empty() || self.only.iter().any(|p| rule_matches(p, &f.rule)))
            && !self.allow.iter().any(|p| rule_matches(p, &f.rule))
    }
}

/// Reads a CSV of name pairs.
fn read_pairs(path: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    ogi_report::audit::across::read_pairs(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn run(args: Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.list_rules {
        return match list_rules(&mut out, args.format).and_then(|_| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => crate::output::stdout_error(&e),
        };
    }
    let colored = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let filter = Filter {
        min: args.severity.map(Level::severity),
        only: args.rule.clone(),
        allow: args.allow.clone(),
    };
    for pattern in args.rule.iter().chain(&args.allow) {
        if !ogi_report::audit::rules()
            .iter()
            .any(|r| rule_matches(pattern, r.id))
        {
            eprintln!("ogi: warning: no rule matches “{pattern}” (see ogi audit --list-rules)");
        }
    }
    let mut tally = Tally::default();
    let across = args.across || args.aliases.is_some() || args.hierarchy.is_some();
    let written = if across {
        let mut options = ogi_report::audit::Options::default();
        for (path, field) in [(&args.aliases, 0), (&args.hierarchy, 1)] {
            let Some(path) = path else { continue };
            match read_pairs(path) {
                Ok(pairs) if field == 0 => options.aliases = pairs,
                Ok(pairs) => options.hierarchy = pairs,
                Err(msg) => {
                    eprintln!("ogi: {msg}");
                    // a missing file: 1, as everywhere; a malformed CSV is
                    // an invalid option value: 2 (usage)
                    let missing = std::fs::metadata(path).is_err();
                    return ExitCode::from(if missing { 1 } else { 2 });
                }
            }
        }
        run_across(&args, &options, &filter, colored, &mut out, &mut tally)
    } else {
        run_each(&args, &filter, colored, &mut out, &mut tally)
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        return crate::output::stdout_error(&e);
    }
    if args.format == Format::Text {
        eprintln!(
            "ogi audit: {} error(s), {} warning(s), {} note(s)",
            tally.errors, tally.warnings, tally.notes
        );
    }
    if tally.unreadable || tally.errors > 0 || tally.not_reports > 0 {
        // an unreadable input, errors, and input that is not a report at all
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Counts over the findings written.
#[derive(Debug, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    notes: usize,
    /// Inputs with `structure.not_a_report`.
    not_reports: usize,
    unreadable: bool,
}

impl Tally {
    fn count(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
            if f.rule == ogi_report::audit::STRUCTURE_NOT_A_REPORT {
                self.not_reports += 1;
            }
        }
    }
}

/// One file at a time (the single-report audit).
fn run_each(
    args: &Args,
    filter: &Filter,
    colored: bool,
    out: &mut impl Write,
    tally: &mut Tally,
) -> std::io::Result<()> {
    let files = crate::input::expand(&args.files);
    let bar = crate::progress::bar(files.len(), args.quiet);
    for path in files {
        let result = crate::input::read_report(&path);
        bar.inc(1);
        let (text, report) = match result {
            Ok(r) => r,
            Err(msg) => {
                bar.suspend(|| eprintln!("ogi: {msg}"));
                tally.unreadable = true;
                continue;
            }
        };
        let name = crate::input::display(&path);
        let findings: Vec<Finding> = report
            .findings
            .into_iter()
            .filter(|f| filter.keeps(f))
            .collect();
        tally.count(&findings);
        match args.format {
            Format::Json => write_json(out, &name, &findings)?,
            Format::Text => write_text(out, &name, &text, &findings, colored)?,
        }
    }
    bar.finish_and_clear();
    Ok(())
}

/// All files together: each file's findings plus the cross-report ones.
fn run_across(
    args: &Args,
    options: &ogi_report::audit::Options,
    filter: &Filter,
    colored: bool,
    out: &mut impl Write,
    tally: &mut Tally,
) -> std::io::Result<()> {
    let mut read = Vec::new();
    let files = crate::input::expand(&args.files);
    let bar = crate::progress::bar(files.len(), args.quiet);
    for path in files {
        let result = crate::input::read_report(&path);
        bar.inc(1);
        match result {
            Ok((text, report)) => read.push((crate::input::display(&path), text, report)),
            Err(msg) => {
                bar.suspend(|| eprintln!("ogi: {msg}"));
                tally.unreadable = true;
            }
        }
    }
    bar.finish_and_clear();
    let inputs: Vec<ogi_report::audit::Input<'_>> = read
        .iter()
        .map(|(name, _, report)| ogi_report::audit::Input::new(name, report))
        .collect();
    let mut cross = ogi_report::audit::across_with(&inputs, options);
    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = read
        .iter()
        .map(|(name, text, _)| files.add(name.clone(), text.clone()))
        .collect();
    for ((name, _, report), &id) in read.iter().zip(&ids) {
        let mut findings: Vec<Finding> = report.findings.clone();
        let mine: Vec<Finding> = cross
            .extract_if(.., |c| c.file == *name)
            .map(|c| c.finding)
            .collect();
        findings.extend(mine);
        findings.sort_by(|a, b| {
            let ka = a.span.map(|s| s.start);
            let kb = b.span.map(|s| s.start);
            ka.cmp(&kb).then_with(|| a.rule.cmp(&b.rule))
        });
        findings.retain(|f| filter.keeps(f));
        tally.count(&findings);
        match args.format {
            Format::Json => write_json(out, name, &findings)?,
            Format::Text => {
                let names: Vec<(&str, usize)> = read
                    .iter()
                    .zip(&ids)
                    .map(|((n, _, _), &i)| (n.as_str(), i))
                    .collect();
                write_text_in(out, &files, id, &names, &findings, colored)?
            }
        }
    }
    Ok(())
}

fn write_json(out: &mut impl Write, file: &str, findings: &[Finding]) -> std::io::Result<()> {
    let value = serde_json::json!({ "file": file, "findings": findings });
    serde_json::to_writer(&mut *out, &value)?;
    out.write_all(b"\n")
}

/// The byte range of `span` in `text`, when it is a valid range.
fn range(span: Option<ogi_report::Span>, text: &str) -> Option<std::ops::Range<usize>> {
    match span {
        Some(s)
            if s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end) =>
        {
            Some(s.start..s.end)
        }
        _ => None,
    }
}

/// The codespan diagnostic of one finding: a primary label under its span,
/// a secondary label under each related span (in its own file when the
/// related span names one that `names` knows).
fn diagnostic(
    f: &Finding,
    files: &SimpleFiles<String, String>,
    id: usize,
    names: &[(&str, usize)],
) -> Diagnostic<usize> {
    let severity = match f.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let text = |id: usize| files.get(id).map(|f| f.source().as_str()).unwrap_or("");
    let primary = range(f.span, text(id)).unwrap_or(0..0);
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
    let mut labels = vec![Label::primary(id, primary.clone()).with_message(label_msg)];
    for r in &f.related {
        let rid = match &r.file {
            None => Some(id),
            Some(name) => names.iter().find(|(n, _)| n == name).map(|(_, i)| *i),
        };
        match rid.and_then(|rid| range(Some(r.span), text(rid)).map(|rg| (rid, rg))) {
            // the primary cell is labelled already
            Some((rid, rg)) if rid == id && rg == primary => {}
            Some((rid, rg)) => labels.push(Label::secondary(rid, rg).with_message(r.label.clone())),
            None => notes.push(match &r.file {
                Some(file) => format!("{}: {}:{}:{}", r.label, file, r.span.line, r.span.column),
                None => format!("{}: {}:{}", r.label, r.span.line, r.span.column),
            }),
        }
    }
    Diagnostic::new(severity)
        .with_code(f.rule.clone())
        .with_message(f.message.clone())
        .with_labels(labels)
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
    let mut files = SimpleFiles::new();
    let id = files.add(file.to_owned(), text.to_owned());
    write_text_in(out, &files, id, &[(file, id)], findings, colored)
}

/// [`write_text`] for the file `id` of a set of files (related spans may
/// point into the others, found by name in `names`).
fn write_text_in(
    out: &mut impl Write,
    files: &SimpleFiles<String, String>,
    id: usize,
    names: &[(&str, usize)],
    findings: &[Finding],
    colored: bool,
) -> std::io::Result<()> {
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
        let d = diagnostic(f, files, id, names);
        // the short header names the primary label only
        let mut head_d = d.clone();
        head_d.labels.truncate(1);
        head_d.notes.clear();
        let mut head = new_buffer();
        term::emit(&mut head, &short, files, &head_d).map_err(std::io::Error::other)?;
        let mut body = new_buffer();
        term::emit(&mut body, &rich, files, &d).map_err(std::io::Error::other)?;
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
                    "scope": if r.is_across() { "across" } else { "report" },
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        return out.write_all(b"\n");
    }
    for r in rules {
        let scope = if r.is_across() {
            " [across reports: ogi audit --across]"
        } else {
            ""
        };
        writeln!(out, "{} ({}){scope}", r.id, r.severity.key())?;
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
            related: Vec::new(),
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
    fn rule_patterns_are_ids_or_prefixes() {
        assert!(rule_matches("series", "series.gap"));
        assert!(rule_matches("series.*", "series.gap"));
        assert!(rule_matches("series.gap", "series.gap"));
        assert!(!rule_matches("series.ga", "series.gap"));
        assert!(!rule_matches("ser", "series.gap"));
        assert!(!rule_matches("*", "series.gap"));
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
