//! What `ogi export` makes of one input file: the file read and parsed
//! (a parser panic caught as the file's failure), then its output lines
//! formatted — tidy CSV cells, one JSON line, indicator CSV lines, Parquet
//! rows — by the worker that parsed it.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use ogi_report::model::Key;
use ogi_report::{Report, Severity};

/// The CSV header: one line per standard-table cell.
pub(crate) const CSV_HEADER: [&str; 8] = [
    "file", "organ", "year", "format", "table", "row", "column", "value",
];

/// What came of one input file.
pub(crate) enum Outcome {
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

/// Reads, decodes and parses one file and formats its output lines.
pub(crate) fn process(
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
        if !error_rules.iter().any(|r| *r == f.rule) {
            error_rules.push(f.rule.to_string());
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
                title: Default::default(),
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
}
