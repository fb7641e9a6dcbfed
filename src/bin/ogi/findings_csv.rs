//! `ogi export --findings OUT.csv`: the audit findings of every report as
//! one tidy CSV, one line per finding:
//!
//! ```text
//! file,rule,severity,table,row,column,expected,found,line,col,message
//! ```
//!
//! `column` is the table's column key (`total`, `natural_person` …); `line`
//! and `col` locate the finding's span in the file (1-based; `col` counts
//! characters). Empty fields are absent values. Files are read in the order
//! of `ogi export` (sorted, de-duplicated); a file that cannot be read is
//! reported on stderr and skipped.

use std::io::Write;
use std::path::{Path, PathBuf};

use ogi_report::Finding;

/// The header of the findings CSV.
pub(crate) const FINDINGS_HEADER: [&str; 11] = [
    "file", "rule", "severity", "table", "row", "column", "expected", "found", "line", "col",
    "message",
];

/// Appends the lines of one report's findings to `w`.
pub(crate) fn findings_lines<W: Write>(
    w: &mut csv::Writer<W>,
    file: &str,
    findings: &[Finding],
) -> Result<(), csv::Error> {
    for f in findings {
        let num = |n: Option<ogi_report::Number>| n.map(|n| n.to_string()).unwrap_or_default();
        let (line, col) = f.span.map_or((String::new(), String::new()), |s| {
            (s.line.to_string(), s.column.to_string())
        });
        w.write_record([
            file,
            &f.rule,
            f.severity.key(),
            f.table.as_deref().unwrap_or(""),
            f.row.as_deref().unwrap_or(""),
            f.column.as_deref().unwrap_or(""),
            &num(f.expected),
            &num(f.found),
            &line,
            &col,
            &f.message,
        ])?;
    }
    Ok(())
}

/// Writes the findings CSV of `inputs` to `out` (`-`: standard output),
/// atomically (a temporary file renamed into place); an existing `out` is
/// replaced only with `force`, never when it is one of the inputs.
/// Returns the number of files that could not be read, or the output error.
pub(crate) fn export(inputs: &[PathBuf], out: &Path, force: bool) -> Result<usize, String> {
    let (files, walk_errors) = crate::input::collect_inputs(inputs);
    crate::output::check_output(out, force, &files)?;
    let mut pending = None;
    let sink: Box<dyn Write> = if out.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        let p = crate::output::PendingFile::create(out)
            .map_err(|e| format!("{}: {e}", out.display()))?;
        let f = p.writer().map_err(|e| format!("{}: {e}", out.display()))?;
        pending = Some(p);
        Box::new(std::io::BufWriter::new(f))
    };
    let mut w = csv::WriterBuilder::new().from_writer(sink);
    let io = |e: csv::Error| format!("writing {}: {e}", out.display());
    w.write_record(FINDINGS_HEADER).map_err(io)?;
    let mut failed = walk_errors.len();
    for (dir, reason) in &walk_errors {
        eprintln!("ogi: {}: {reason}", dir.display());
    }
    for path in files {
        match crate::input::read_report(&path) {
            Ok((_, report)) => {
                findings_lines(&mut w, &path.display().to_string(), &report.findings).map_err(io)?
            }
            Err(msg) => {
                eprintln!("ogi: {msg}");
                failed += 1;
            }
        }
    }
    w.flush()
        .map_err(|e| format!("writing {}: {e}", out.display()))?;
    drop(w);
    if let Some(p) = pending {
        p.commit()
            .map_err(|e| format!("writing {}: {e}", out.display()))?;
    }
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ogi_report::{Number, Severity, Span};

    #[test]
    fn one_line_per_finding() {
        let f = Finding {
            rule: "applications.balance".into(),
            severity: Severity::Error,
            message: "In column total, a, b.".into(),
            span: Some(Span {
                start: 10,
                end: 13,
                line: 59,
                column: 25,
                page: None,
            }),
            expected: Some(Number::int(155)),
            found: Some(Number::int(154)),
            column: Some("total".into()),
            table: Some("applications".into()),
            row: Some("total_processed".into()),
            related: Vec::new(),
        };
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record(FINDINGS_HEADER).unwrap();
        findings_lines(&mut w, "a.txt", &[f]).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(
            text,
            "file,rule,severity,table,row,column,expected,found,line,col,message\n\
             a.txt,applications.balance,error,applications,total_processed,total,155,154,59,25,\"In column total, a, b.\"\n"
        );
    }
}
