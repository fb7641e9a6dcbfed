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
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::export_lines::{CSV_HEADER, INDICATORS_HEADER, Outcome, process};
use crate::output::PendingFile;

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
    if let Some(path) = args.findings.as_deref()
        && let Some(code) = export_findings(&args, path)
    {
        return code;
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
    if let Err(code) = check_destinations(&args, &files) {
        return code;
    }
    let mut sinks = match Sinks::open(&args) {
        Ok(s) => s,
        Err(code) => return code,
    };
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
    let batch = Batch {
        files: &files,
        pool: &pool,
        chunk,
        bar: &bar,
    };
    let write_result = batch.run(&mut sinks, &mut summary);
    bar.finish_and_clear();

    let parquet_label = args.parquet.as_deref().map(|d| d.display().to_string());
    let parquet_rows = match sinks.finish(write_result, parquet_label.as_deref()) {
        Ok(rows) => rows,
        // The temporary files are removed when the sinks are dropped.
        Err((label, e)) => return write_error(&label, &e),
    };
    summary.print(started.elapsed(), &sinks.outputs());
    if let (Some((cells, findings)), Some(dir)) = (parquet_rows, &parquet_label) {
        eprintln!("  wrote {cells} cell rows and {findings} finding rows as Parquet to {dir}");
    }
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--findings`: the findings CSV, written first. The exit status when the
/// export stops there (an error, or no other output asked for).
fn export_findings(args: &Args, path: &Path) -> Option<ExitCode> {
    let others = [&args.csv, &args.jsonl, &args.indicators];
    if is_stdout(path) && others.iter().any(|o| o.as_deref().is_some_and(is_stdout)) {
        eprintln!(
            "ogi: only one of --csv, --jsonl, --indicators and --findings can write to standard output"
        );
        return Some(ExitCode::from(2));
    }
    let failed = match crate::findings_csv::export(&args.inputs, path, args.force) {
        Ok(n) => n,
        Err(msg) => {
            eprintln!("ogi: {msg}");
            return Some(ExitCode::from(2));
        }
    };
    if args.csv.is_none() && args.jsonl.is_none() && args.indicators.is_none() {
        return Some(if failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    None
}

/// Never replace an input, nor an existing file without `--force`, and
/// never write two outputs to one file (status 2).
fn check_destinations(args: &Args, files: &[PathBuf]) -> Result<(), ExitCode> {
    let fail = |msg: String| {
        eprintln!("ogi: {msg}");
        ExitCode::from(2)
    };
    let parquet_files = args.parquet.as_deref().map(crate::parquet_out::paths);
    for dest in parquet_files.iter().flat_map(|(a, b)| [a, b]) {
        crate::output::check_output(dest, args.force, files).map_err(fail)?;
    }
    let mut dests: Vec<&Path> = Vec::new();
    for dest in [&args.csv, &args.jsonl, &args.indicators]
        .into_iter()
        .flatten()
    {
        crate::output::check_output(dest, args.force, files).map_err(fail)?;
        if !is_stdout(dest) {
            let id = crate::input::file_id(dest);
            if dests
                .iter()
                .any(|d| *d == dest.as_path() || (id.is_some() && crate::input::file_id(d) == id))
            {
                return Err(fail(format!(
                    "two outputs cannot both write to {}",
                    dest.display()
                )));
            }
            dests.push(dest);
        }
    }
    Ok(())
}

/// The outputs of an export.
struct Sinks {
    csv: Option<Sink>,
    json: Option<Sink>,
    parquet: Option<crate::parquet_out::ParquetSink>,
    indicators: Option<Sink>,
}

impl Sinks {
    /// Opens the outputs asked for and writes the CSV headers.
    fn open(args: &Args) -> Result<Sinks, ExitCode> {
        let csv = match args.csv.as_deref().map(Sink::open).transpose() {
            Ok(s) => s,
            Err(e) => return Err(output_error(args.csv.as_deref(), &e)),
        };
        let json = match args.jsonl.as_deref().map(Sink::open).transpose() {
            Ok(s) => s,
            Err(e) => return Err(output_error(args.jsonl.as_deref(), &e)),
        };
        let parquet = match args
            .parquet
            .as_deref()
            .map(crate::parquet_out::ParquetSink::create)
            .transpose()
        {
            Ok(s) => s,
            Err(e) => return Err(output_error(args.parquet.as_deref(), &e)),
        };
        let indicators = match args.indicators.as_deref().map(Sink::open).transpose() {
            Ok(s) => s,
            Err(e) => return Err(output_error(args.indicators.as_deref(), &e)),
        };
        let mut sinks = Sinks {
            csv,
            json,
            parquet,
            indicators,
        };
        if let Some(s) = sinks.indicators.as_mut() {
            let header = INDICATORS_HEADER.join(",") + "\n";
            if let Err(e) = s.out.write_all(header.as_bytes()) {
                eprintln!("ogi: writing {}: {e}", s.label);
                return Err(ExitCode::from(2));
            }
        }
        if let Some(s) = sinks.csv.as_mut() {
            let header = CSV_HEADER.join(",") + "\n";
            if let Err(e) = s.out.write_all(header.as_bytes()) {
                return Err(write_error(&s.label, &e));
            }
        }
        Ok(sinks)
    }

    /// The CSV, JSON-lines and indicators sinks, in that order.
    fn text_sinks(&mut self) -> [Option<&mut Sink>; 3] {
        [
            self.csv.as_mut(),
            self.json.as_mut(),
            self.indicators.as_mut(),
        ]
    }

    /// Flushes the outputs and moves the output files into place, unless
    /// writing failed; the Parquet rows written (cells, findings).
    fn finish(
        &mut self,
        written: Result<(), (String, io::Error)>,
        parquet_label: Option<&str>,
    ) -> Result<Option<(usize, usize)>, (String, io::Error)> {
        let mut flushed = written;
        for sink in self.text_sinks().into_iter().flatten() {
            if flushed.is_ok() {
                flushed = sink.finish().map_err(|e| (sink.label.clone(), e));
            }
        }
        flushed?;
        match (self.parquet.take(), parquet_label) {
            (Some(sink), Some(label)) => sink.finish().map(Some).map_err(|e| (label.to_owned(), e)),
            _ => Ok(None),
        }
    }

    /// What the summary names: each text output and where it went.
    fn outputs(&self) -> Vec<(&'static str, String)> {
        let mut outs = Vec::new();
        if let Some(s) = &self.csv {
            outs.push(("csv", s.label.clone()));
        }
        if let Some(s) = &self.json {
            outs.push(("jsonl", s.label.clone()));
        }
        if let Some(s) = &self.indicators {
            outs.push(("indicators", s.label.clone()));
        }
        outs
    }
}

/// The files of an export and how they are parsed.
struct Batch<'a> {
    files: &'a [PathBuf],
    pool: &'a rayon::ThreadPool,
    /// Files parsed per chunk.
    chunk: usize,
    bar: &'a ProgressBar,
}

impl Batch<'_> {
    /// Parses the files in parallel, chunk by chunk, while a writer thread
    /// writes each chunk's output in order and counts it. Stops at the
    /// first output error.
    fn run(&self, sinks: &mut Sinks, summary: &mut Summary) -> Result<(), (String, io::Error)> {
        // A panic in the parser is a bug, but it must not stop the batch: it is
        // caught per file and reported as that file's failure. Silence the
        // default hook so the message is printed once, by the summary.
        let previous_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));

        let want_csv = sinks.csv.is_some();
        let want_json = sinks.json.is_some();
        let want_ind = sinks.indicators.is_some();
        let want_parquet = sinks.parquet.is_some();
        let bar = self.bar;
        let (tx, rx) = mpsc::sync_channel::<Vec<(&Path, Outcome)>>(1);
        let write_result = std::thread::scope(|scope| {
            let bar_w = bar.clone();
            let writer = scope.spawn(move || -> Result<(), (String, io::Error)> {
                for results in rx {
                    for (path, outcome) in results {
                        let parquet = sinks.parquet.as_mut();
                        let [csv, json, ind] = [
                            sinks.csv.as_mut(),
                            sinks.json.as_mut(),
                            sinks.indicators.as_mut(),
                        ];
                        summary.record(path, outcome, [csv, json, ind], parquet, &bar_w)?;
                    }
                }
                Ok(())
            });
            for paths in self.files.chunks(self.chunk) {
                let results: Vec<(&Path, Outcome)> = self.pool.install(|| {
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
            writer.join().unwrap_or_else(|_| {
                Err(("output".into(), io::Error::other("writer thread panicked")))
            })
        });
        std::panic::set_hook(previous_hook);
        write_result
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

#[cfg(test)]
mod tests {
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
