//! `ogi export`: a folder of reports to one tidy CSV and/or one JSON-lines file.
//!
//! ```text
//! ogi export reports/ --csv cells.csv --jsonl reports.jsonl
//! ```
//!
//! * Inputs are files or folders; folders are walked recursively for `.txt`
//!   and `.md` files (case-insensitive; symbolic links to folders are
//!   followed once). Files named on the command line are taken whatever
//!   their extension. The whole list is sorted by path and de-duplicated, so
//!   the output order is deterministic whatever the number of threads.
//! * Files are parsed in parallel (rayon) in chunks of `--chunk` files; each
//!   chunk's output is formatted by the workers and handed to a writer
//!   thread, which writes chunks in order while the next chunk is parsed. At
//!   most three chunks of *formatted output* are in memory at once and no
//!   report outlives its worker, so memory is bounded by the chunk size, not
//!   by the size of the folder.
//! * The CSV is tidy: one line per cell of a standard table (applications,
//!   review_litigation, active_disclosure) with the columns
//!   `file,organ,year,format,table,row,column,value`; `value` is empty for a
//!   null cell. Generic tables and reports without standard tables add no
//!   lines (their reports are still in the JSON lines).
//! * `--indicators OUT` writes the series view of `Report::indicators`: one
//!   line per indicator with the columns
//!   `file,organ,year,format,indicator,value,basis,source` (`basis` is
//!   `exact` or `approximate`), the same figures before and after 2019.
//! * The JSON lines hold one report per line, the model of `ogi parse` with a
//!   leading `"file"` field.
//! * One bad file never stops the batch: it is reported on stderr, counted in
//!   the summary, and the exit status is 1. Output errors stop the batch with
//!   status 1 (a closed pipe on standard output: quietly, status 0).
//! * Each output file is written to a temporary file beside it and renamed
//!   into place when the export is done: an interrupted export leaves the
//!   old file. An existing output is replaced only with `--force`, never
//!   when it is one of the inputs (status 2, nothing written).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use ogi_report::model::Key;
use ogi_report::{Report, Severity};
use rayon::prelude::*;

use crate::output::PendingFile;

/// The CSV header: one line per standard-table cell.
pub(crate) const CSV_HEADER: [&str; 8] = [
    "file", "organ", "year", "format", "table", "row", "column", "value",
];

/// Arguments of `ogi export`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Report files or folders (folders are walked recursively for .txt and .md files).
    #[arg(required = true, value_name = "DIR|FILE")]
    inputs: Vec<PathBuf>,
    /// Write the tidy CSV of every standard-table cell to OUT ('-' for standard output).
    #[arg(long, value_name = "OUT", required_unless_present_any = ["jsonl", "findings", "indicators", "parquet"])]
    csv: Option<PathBuf>,
    /// Write the CSV of the indicators comparable across years (applications received,
    /// granted, …; see docs/model-legacy.md) to OUT ('-' for standard output).
    #[arg(long, value_name = "OUT")]
    indicators: Option<PathBuf>,
    /// Write one JSON report per line, with a "file" field, to OUT ('-' for standard output).
    #[arg(long, value_name = "OUT")]
    jsonl: Option<PathBuf>,
    /// Write the audit findings of every report, one CSV line each
    /// (file,rule,severity,table,row,column,expected,found,line,col,message), to OUT ('-' for standard output).
    #[arg(long, value_name = "OUT")]
    findings: Option<PathBuf>,
    /// Write DIR/cells.parquet (the tidy cells) and DIR/findings.parquet (needs
    /// the cargo feature `parquet`).
    #[arg(long, value_name = "DIR")]
    parquet: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Files parsed per chunk; bounds memory (default: 64 per worker thread).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    chunk: Option<u32>,
    /// Never show the progress bar (it is shown only when stderr is a terminal).
    #[arg(short, long)]
    quiet: bool,
    /// Replace output files that exist.
    #[arg(long)]
    force: bool,
}

/// What came of one input file.
enum Outcome {
    /// Parsed; the formatted output lines of this file.
    Parsed {
        /// CSV lines (no header).
        csv: Vec<u8>,
        /// Number of CSV lines.
        csv_rows: usize,
        /// One JSON line, with its newline.
        json: Vec<u8>,
        /// Indicator CSV lines (no header).
        indicators: Vec<u8>,
        /// Rows for the Parquet files.
        parquet: Option<crate::parquet_out::Rows>,
        /// Distinct rules of the error-level findings.
        error_rules: Vec<String>,
        /// Bytes read.
        bytes: u64,
    },
    /// Not parsed, and why.
    Failed {
        /// A short category for the summary (`not UTF-8 or GB18030`, `cannot read: …`).
        category: String,
        /// The full one-line reason.
        reason: String,
    },
}

/// Totals for the summary.
#[derive(Debug, Default)]
struct Summary {
    files: usize,
    parsed: usize,
    with_errors: usize,
    failed: usize,
    csv_rows: usize,
    bytes: u64,
    error_rules: BTreeMap<String, usize>,
    failures: BTreeMap<String, usize>,
}

impl Summary {
    fn fail(&mut self, path: &Path, category: String, reason: &str, bar: &ProgressBar) {
        self.files += 1;
        self.failed += 1;
        *self.failures.entry(category).or_default() += 1;
        bar.suspend(|| eprintln!("ogi: {}: {reason}", path.display()));
    }

    fn print(&self, elapsed: Duration, outputs: &[(&str, String)]) {
        let secs = elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let mut s = format!(
            "ogi export: {} files: {} parsed, {} with error-level findings, {} failed ({mb:.1} MB in {secs:.2} s",
            self.files, self.parsed, self.with_errors, self.failed
        );
        if secs > 0.0 && self.parsed > 0 {
            let _ = write!(
                s,
                ", {:.1} MB/s, {:.0} files/s",
                mb / secs,
                self.parsed as f64 / secs
            );
        }
        s.push(')');
        eprintln!("{s}");
        if !self.error_rules.is_empty() {
            eprintln!(
                "  error-level findings by rule (files): {}",
                join_counts(&self.error_rules)
            );
        }
        if !self.failures.is_empty() {
            eprintln!("  failed: {}", join_counts(&self.failures));
        }
        for (what, dest) in outputs {
            if *what == "csv" {
                eprintln!("  wrote {} CSV rows to {dest}", self.csv_rows);
            } else if *what == "indicators" {
                eprintln!(
                    "  wrote the indicators of {} reports to {dest}",
                    self.parsed
                );
            } else {
                eprintln!("  wrote {} JSON lines to {dest}", self.parsed);
            }
        }
    }
}

fn join_counts(m: &BTreeMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An output destination.
struct Sink {
    label: String,
    out: BufWriter<Box<dyn Write + Send>>,
    /// The temporary file of an output file, renamed into place by `finish`.
    pending: Option<PendingFile>,
}

impl Sink {
    fn open(path: &Path) -> io::Result<Sink> {
        let (label, w, pending): (String, Box<dyn Write + Send>, _) = if path.as_os_str() == "-" {
            ("standard output".into(), Box::new(io::stdout()), None)
        } else {
            let pending = PendingFile::create(path)?;
            let w = pending.writer()?;
            (path.display().to_string(), Box::new(w), Some(pending))
        };
        Ok(Sink {
            label,
            out: BufWriter::with_capacity(1 << 18, w),
            pending,
        })
    }

    /// Flushes the output and moves an output file into place.
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()?;
        match self.pending.take() {
            Some(p) => p.commit(),
            None => Ok(()),
        }
    }
}

pub(crate) fn run(args: Args) -> ExitCode {
    if let Some(path) = args.findings.as_deref() {
        let others = [&args.csv, &args.jsonl, &args.indicators];
        if is_stdout(path) && others.iter().any(|o| o.as_deref().is_some_and(is_stdout)) {
            eprintln!(
                "ogi: only one of --csv, --jsonl, --indicators and --findings can write to standard output"
            );
            return ExitCode::from(2);
        }
        let failed = match crate::findings_csv::export(&args.inputs, path, args.force) {
            Ok(n) => n,
            Err(msg) => {
                eprintln!("ogi: {msg}");
                return ExitCode::from(2);
            }
        };
        if args.csv.is_none() && args.jsonl.is_none() && args.indicators.is_none() {
            return if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    }
    let to_stdout = [&args.csv, &args.jsonl, &args.indicators]
        .into_iter()
        .filter(|p| p.as_deref().is_some_and(is_stdout))
        .count();
    if to_stdout > 1 {
        eprintln!(
            "ogi: two of --csv, --jsonl and --indicators cannot both write to standard output"
        );
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let (files, walk_errors) = crate::input::collect_inputs(&args.inputs);
    // Never replace an input, nor an existing file without --force.
    let mut dests: Vec<&Path> = Vec::new();
    let parquet_files = args.parquet.as_deref().map(crate::parquet_out::paths);
    for dest in parquet_files.iter().flat_map(|(a, b)| [a, b]) {
        if let Err(msg) = crate::output::check_output(dest, args.force, &files) {
            eprintln!("ogi: {msg}");
            return ExitCode::from(2);
        }
    }
    for dest in [&args.csv, &args.jsonl, &args.indicators]
        .into_iter()
        .flatten()
    {
        if let Err(msg) = crate::output::check_output(dest, args.force, &files) {
            eprintln!("ogi: {msg}");
            return ExitCode::from(2);
        }
        if !is_stdout(dest) {
            let id = crate::input::file_id(dest);
            if dests
                .iter()
                .any(|d| *d == dest.as_path() || (id.is_some() && crate::input::file_id(d) == id))
            {
                eprintln!("ogi: two outputs cannot both write to {}", dest.display());
                return ExitCode::from(2);
            }
            dests.push(dest);
        }
    }

    let mut csv_sink = match args.csv.as_deref().map(Sink::open).transpose() {
        Ok(s) => s,
        Err(e) => return output_error(args.csv.as_deref(), &e),
    };
    let mut json_sink = match args.jsonl.as_deref().map(Sink::open).transpose() {
        Ok(s) => s,
        Err(e) => return output_error(args.jsonl.as_deref(), &e),
    };
    let mut parquet_sink = match args
        .parquet
        .as_deref()
        .map(crate::parquet_out::ParquetSink::create)
        .transpose()
    {
        Ok(s) => s,
        Err(e) => return output_error(args.parquet.as_deref(), &e),
    };
    let mut ind_sink = match args.indicators.as_deref().map(Sink::open).transpose() {
        Ok(s) => s,
        Err(e) => return output_error(args.indicators.as_deref(), &e),
    };
    if let Some(s) = ind_sink.as_mut() {
        let header = INDICATORS_HEADER.join(",") + "\n";
        if let Err(e) = s.out.write_all(header.as_bytes()) {
            eprintln!("ogi: writing {}: {e}", s.label);
            return ExitCode::from(2);
        }
    }
    if let Some(s) = csv_sink.as_mut() {
        let header = CSV_HEADER.join(",") + "\n";
        if let Err(e) = s.out.write_all(header.as_bytes()) {
            return write_error(&s.label, &e);
        }
    }

    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("ogi: cannot start worker threads: {e}");
            return ExitCode::from(1);
        }
    };
    let chunk = args
        .chunk
        .map_or(64 * pool.current_num_threads(), |c| c as usize);

    let bar = crate::progress::bar(files.len(), args.quiet);

    let mut summary = Summary::default();
    for (path, reason) in &walk_errors {
        summary.fail(path, "cannot read folder".into(), reason, &bar);
    }

    // A panic in the parser is a bug, but it must not stop the batch: it is
    // caught per file and reported as that file's failure. Silence the
    // default hook so the message is printed once, by the summary.
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));

    let want_csv = csv_sink.is_some();
    let want_json = json_sink.is_some();
    let want_ind = ind_sink.is_some();
    let want_parquet = parquet_sink.is_some();
    let (tx, rx) = mpsc::sync_channel::<Vec<(&Path, Outcome)>>(1);
    let write_result = std::thread::scope(|scope| {
        let bar_w = bar.clone();
        let summary = &mut summary;
        let (csv_sink, json_sink, ind_sink) = (&mut csv_sink, &mut json_sink, &mut ind_sink);
        let parquet_sink = &mut parquet_sink;
        let writer = scope.spawn(move || -> Result<(), (String, io::Error)> {
            for results in rx {
                for (path, outcome) in results {
                    let sinks = [csv_sink.as_mut(), json_sink.as_mut(), ind_sink.as_mut()];
                    summary.record(path, outcome, sinks, parquet_sink.as_mut(), &bar_w)?;
                }
            }
            Ok(())
        });
        for paths in files.chunks(chunk) {
            let results: Vec<(&Path, Outcome)> = pool.install(|| {
                paths
                    .par_iter()
                    .map(|p| {
                        let o = process(p, want_csv, want_json, want_ind, want_parquet);
                        bar.inc(1);
                        (p.as_path(), o)
                    })
                    .collect()
            });
            if tx.send(results).is_err() {
                break; // the writer stopped on an output error
            }
        }
        drop(tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(("output".into(), io::Error::other("writer thread panicked"))))
    });
    std::panic::set_hook(previous_hook);
    bar.finish_and_clear();

    let mut flushed = write_result;
    for sink in [csv_sink.as_mut(), json_sink.as_mut(), ind_sink.as_mut()]
        .into_iter()
        .flatten()
    {
        if flushed.is_ok() {
            flushed = sink.finish().map_err(|e| (sink.label.clone(), e));
        }
    }
    let parquet_label = args.parquet.as_deref().map(|d| d.display().to_string());
    let mut parquet_rows = None;
    if let (Some(sink), Some(label), true) = (parquet_sink, &parquet_label, flushed.is_ok()) {
        match sink.finish() {
            Ok(n) => parquet_rows = Some(n),
            Err(e) => flushed = Err((label.clone(), e)),
        }
    }
    if let Err((label, e)) = flushed {
        // The temporary files are removed when the sinks are dropped.
        return write_error(&label, &e);
    }

    let mut outs = Vec::new();
    if let Some(s) = &csv_sink {
        outs.push(("csv", s.label.clone()));
    }
    if let Some(s) = &json_sink {
        outs.push(("jsonl", s.label.clone()));
    }
    if let Some(s) = &ind_sink {
        outs.push(("indicators", s.label.clone()));
    }
    summary.print(started.elapsed(), &outs);
    if let (Some((cells, findings)), Some(dir)) = (parquet_rows, &parquet_label) {
        eprintln!("  wrote {cells} cell rows and {findings} finding rows as Parquet to {dir}");
    }
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

impl Summary {
    /// Writes one file's output and counts it.
    fn record(
        &mut self,
        path: &Path,
        outcome: Outcome,
        [csv, json, ind]: [Option<&mut Sink>; 3],
        parquet: Option<&mut crate::parquet_out::ParquetSink>,
        bar: &ProgressBar,
    ) -> Result<(), (String, io::Error)> {
        match outcome {
            Outcome::Parsed {
                csv: c,
                csv_rows,
                json: j,
                indicators,
                parquet: pq,
                error_rules,
                bytes,
            } => {
                if let (Some(s), Some(rows)) = (parquet, pq) {
                    s.append(rows)
                        .map_err(|e| ("Parquet output".to_owned(), e))?;
                }
                if let Some(s) = ind {
                    s.out
                        .write_all(&indicators)
                        .map_err(|e| (s.label.clone(), e))?;
                }
                if let Some(s) = csv {
                    s.out.write_all(&c).map_err(|e| (s.label.clone(), e))?;
                }
                if let Some(s) = json {
                    s.out.write_all(&j).map_err(|e| (s.label.clone(), e))?;
                }
                self.files += 1;
                self.parsed += 1;
                self.csv_rows += csv_rows;
                self.bytes += bytes;
                if !error_rules.is_empty() {
                    self.with_errors += 1;
                }
                for r in error_rules {
                    *self.error_rules.entry(r).or_default() += 1;
                }
            }
            Outcome::Failed { category, reason } => self.fail(path, category, &reason, bar),
        }
        Ok(())
    }
}

fn is_stdout(p: &Path) -> bool {
    p.as_os_str() == "-"
}

fn output_error(path: Option<&Path>, e: &io::Error) -> ExitCode {
    let name = path.map(|p| p.display().to_string()).unwrap_or_default();
    eprintln!("ogi: cannot create {name}: {e}");
    ExitCode::from(1)
}

/// Exit status of an output error: 1 with a message, 0 quietly for a closed pipe.
fn write_error(label: &str, e: &io::Error) -> ExitCode {
    if crate::output::is_broken_pipe(e) {
        return ExitCode::SUCCESS;
    }
    eprintln!("ogi: writing {label}: {e}");
    ExitCode::from(1)
}

/// Reads, decodes and parses one file and formats its output lines.
fn process(
    path: &Path,
    want_csv: bool,
    want_json: bool,
    want_ind: bool,
    want_parquet: bool,
) -> Outcome {
    match catch_unwind(AssertUnwindSafe(|| {
        process_inner(path, want_csv, want_json, want_ind, want_parquet)
    })) {
        Ok(o) => o,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Outcome::Failed {
                category: "internal error (parser panicked; please report it)".into(),
                reason: format!("internal error: the parser panicked: {msg}"),
            }
        }
    }
}

fn process_inner(
    path: &Path,
    want_csv: bool,
    want_json: bool,
    want_ind: bool,
    want_parquet: bool,
) -> Outcome {
    let failed = |category: &str, reason: String| Outcome::Failed {
        category: category.into(),
        reason,
    };
    // Oversized files are refused before they are read, and no input is
    // read past the limit (crate::input::read_bytes).
    let bytes = match crate::input::read_bytes(path) {
        Ok(b) => b,
        Err(f) => return failed(&f.category, f.reason),
    };
    let report = match ogi_report::parse_bytes(&bytes) {
        Ok(r) => r,
        Err(e) => {
            let category = match e.kind() {
                ogi_report::ErrorKind::InvalidEncoding { .. } => "not UTF-8, GB18030 or Big5",
                ogi_report::ErrorKind::NotText { what, .. } => what,
                ogi_report::ErrorKind::TooLarge { .. } => "too large",
                ogi_report::ErrorKind::Binary => "binary (NUL byte)",
                ogi_report::ErrorKind::PdfNoText { .. } => "PDF without text (needs OCR)",
                ogi_report::ErrorKind::PdfEncrypted => "encrypted PDF",
                ogi_report::ErrorKind::PdfMalformed { .. } => "unreadable PDF",
                _ => "parse error",
            };
            let first_line = e.to_string().lines().next().unwrap_or_default().to_string();
            return failed(category, first_line);
        }
    };
    let file = crate::input::display(path);
    let mut error_rules: Vec<String> = Vec::new();
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
    {
        if !error_rules.contains(&f.rule) {
            error_rules.push(f.rule.clone());
        }
    }
    let (csv, csv_rows) = if want_csv {
        match csv_lines(&file, &report) {
            Ok(x) => x,
            Err(e) => return failed("cannot format CSV", format!("cannot format CSV: {e}")),
        }
    } else {
        (Vec::new(), 0)
    };
    let json = if want_json {
        match json_line(&file, &report) {
            Ok(j) => j,
            Err(e) => return failed("cannot format JSON", format!("cannot format JSON: {e}")),
        }
    } else {
        Vec::new()
    };
    let indicators = if want_ind {
        match indicator_lines(&file, &report) {
            Ok(x) => x,
            Err(e) => return failed("cannot format CSV", format!("cannot format CSV: {e}")),
        }
    } else {
        Vec::new()
    };
    let parquet = want_parquet.then(|| crate::parquet_out::rows(&file, &report));
    Outcome::Parsed {
        csv,
        csv_rows,
        json,
        indicators,
        parquet,
        error_rules,
        bytes: bytes.len() as u64,
    }
}

/// The CSV lines (no header) of every standard-table cell of `report`, in
/// document order: table by table, row by row, column by column, as the
/// report has them.
pub(crate) fn csv_lines(file: &str, report: &Report) -> Result<(Vec<u8>, usize), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(16 << 10));
    let organ = report.meta.organ.as_deref().unwrap_or("");
    let year = report.meta.year.map(|y| y.to_string()).unwrap_or_default();
    let format = report.format.key();
    let mut rows = 0;
    let mut value = String::new();
    // the library's tidy cells (Report::cells): what Rust, C and Python get
    for cell in report.cells() {
        value.clear();
        if let Some(n) = cell.value {
            let _ = write!(value, "{n}");
        }
        rows += 1;
        w.write_record([
            file,
            organ,
            &year,
            format,
            cell.table,
            cell.row,
            cell.column,
            &value,
        ])?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok((bytes, rows))
}

/// The indicators CSV header.
pub(crate) const INDICATORS_HEADER: [&str; 8] = [
    "file",
    "organ",
    "year",
    "format",
    "indicator",
    "value",
    "basis",
    "source",
];

/// The indicator CSV lines (no header) of `report`: one per indicator the
/// report has a source for.
pub(crate) fn indicator_lines(file: &str, report: &Report) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let organ = report.meta.organ.as_deref().unwrap_or("");
    let year = report.meta.year.map(|y| y.to_string()).unwrap_or_default();
    for i in report.indicators() {
        let value = i.value.map(|n| n.to_string()).unwrap_or_default();
        w.write_record([
            file,
            organ,
            &year,
            report.format.key(),
            i.indicator.key(),
            &value,
            i.basis.kind.key(),
            &i.basis.source,
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// One JSON line: the report's JSON with a leading `"file"` field.
pub(crate) fn json_line(file: &str, report: &Report) -> Result<Vec<u8>, serde_json::Error> {
    let body = serde_json::to_vec(report)?;
    let mut out = Vec::with_capacity(body.len() + file.len() + 16);
    out.extend_from_slice(b"{\"file\":");
    serde_json::to_writer(&mut out, file)?;
    match body.strip_prefix(b"{") {
        Some(rest) if rest != b"}" => {
            out.push(b',');
            out.extend_from_slice(rest);
        }
        _ => out.push(b'}'),
    }
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ogi_report::model::Number;
    use ogi_report::model::{AppCol, AppRow, ApplicationsTable, Block, Section, SectionKind};
    use ogi_report::{Format, Table};

    /// A hand-built 2021 report whose applications table has every template
    /// row and column, the cell of row i, column j holding i*10+j (one null).
    fn report_2021() -> Report {
        let mut t = ApplicationsTable {
            columns: AppCol::ALL
                .iter()
                .copied()
                .filter(|c| *c != AppCol::OrgSubtotal)
                .collect(),
            ..ApplicationsTable::default()
        };
        for (i, r) in AppRow::template(Format::V2021).into_iter().enumerate() {
            let cols = t
                .columns
                .iter()
                .enumerate()
                .map(|(j, c)| (*c, Some(Number::int((i * 10 + j) as i64))))
                .collect();
            t.rows.insert(r, cols);
        }
        t.rows[&AppRow::Granted][&AppCol::Total] = None;
        let mut report = Report {
            format: Format::V2021,
            ..Report::default()
        };
        report.meta.organ = Some("洛市镇人民政府, \"镇\"".into());
        report.meta.year = Some(2021);
        report.sections.push(Section {
            number: 3,
            heading: ogi_report::Heading {
                raw: "三、".into(),
                title: String::new(),
                span: Default::default(),
            },
            kind: SectionKind::Applications,
            blocks: vec![Block::Table(Box::new(Table::Applications(t)))],
            span: Default::default(),
        });
        report
    }

    #[test]
    fn csv_has_one_line_per_cell_and_quotes_fields() {
        let report = report_2021();
        let (bytes, n) = csv_lines("a/b.txt", &report).unwrap();
        assert_eq!(n, 25 * 7);
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 175);
        assert_eq!(
            lines[0],
            "a/b.txt,\"洛市镇人民政府, \"\"镇\"\"\",2021,2021,applications,new_received,natural_person,0"
        );
        assert_eq!(
            lines[6],
            "a/b.txt,\"洛市镇人民政府, \"\"镇\"\"\",2021,2021,applications,new_received,total,6"
        );
        // the null cell has an empty value
        assert!(lines.contains(
            &"a/b.txt,\"洛市镇人民政府, \"\"镇\"\"\",2021,2021,applications,granted,total,"
        ));
        assert!(lines[174].ends_with(",carried_forward,total,246"));
    }

    #[test]
    fn json_line_puts_file_first_and_reads_back() {
        let report = report_2021();
        let line = json_line("dir/\"x\".txt", &report).unwrap();
        let s = std::str::from_utf8(&line).unwrap();
        assert!(
            s.starts_with("{\"file\":\"dir/\\\"x\\\".txt\",\"format\":\"2021\","),
            "{s}"
        );
        assert!(s.ends_with("}\n") && s.matches('\n').count() == 1);
        let v: serde_json::Value = serde_json::from_str(s).unwrap();
        assert_eq!(v["file"], "dir/\"x\".txt");
        assert_eq!(Report::from_json(s).unwrap(), report);
    }

    #[test]
    fn inputs_are_walked_sorted_and_deduplicated() {
        let dir = std::env::temp_dir().join(format!("ogi-export-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        for f in [
            "b/c/z.TXT",
            "b/a.md",
            "a.txt",
            "skip.pdf",
            "b/page.HTM",
            "b/skip.doc",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let (files, errors) = crate::input::collect_inputs(&[
            dir.join("b"),
            dir.clone(),
            dir.join("a.txt"),
            dir.join("skip.pdf"),
        ]);
        let rel: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            rel,
            ["a.txt", "b/a.md", "b/c/z.TXT", "b/page.HTM", "skip.pdf"]
        );
        assert!(errors.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
