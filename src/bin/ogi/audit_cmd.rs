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

use codespan_reporting::files::SimpleFiles;
use ogi_report::{Finding, Severity};

use crate::audit_out::{write_json, write_text, write_text_in};

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

    #[test]
    fn rule_patterns_are_ids_or_prefixes() {
        assert!(rule_matches("series", "series.gap"));
        assert!(rule_matches("series.*", "series.gap"));
        assert!(rule_matches("series.gap", "series.gap"));
        assert!(!rule_matches("series.ga", "series.gap"));
        assert!(!rule_matches("ser", "series.gap"));
        assert!(!rule_matches("*", "series.gap"));
    }
}
