//! `ogi export --parquet DIR`: the tidy cells and the findings as Parquet.
//!
//! Two files, because the two tables have different columns:
//!
//! * `DIR/cells.parquet`: one row per standard-table cell
//!   ([`ogi_report::Report::cells`], the rows of `--csv`): `file`, `organ`,
//!   `year`, `format`, `table`, `row`, `column`, `value` (DOUBLE),
//!   `value_text` (the exact decimal as written by the model, e.g. `96171.6`),
//!   `raw` (the cell as written), `line`, `start`, `end` (where it is);
//! * `DIR/findings.parquet`: one row per audit finding: `file`, `rule`,
//!   `severity`, `message`, `table`, `row`, `column`, `expected`, `found`
//!   (DOUBLE), `line`.
//!
//! Every column is OPTIONAL (null where the value is absent); strings are
//! UTF-8. Row groups hold up to [`ROW_GROUP`] rows, so memory stays bounded
//! on large batches. Files are written under a temporary name and renamed
//! into place when complete. The rows of each file are built by the worker
//! threads ([`rows`]); only the writer needs the `parquet` cargo feature.
// without the feature only the error path of `ParquetSink` is used
#![cfg_attr(not(feature = "parquet"), allow(dead_code))]

use std::fmt::Write as _;
#[cfg(not(feature = "parquet"))]
use std::io;
use std::path::{Path, PathBuf};

use ogi_report::Report;

/// Rows per row group.
pub(crate) const ROW_GROUP: usize = 65_536;

/// One value of a row.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
}

/// The rows one report contributes to the two files.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    cells: Vec<Vec<Value>>,
    findings: Vec<Vec<Value>>,
}

/// The columns of `cells.parquet`, with their types.
pub(crate) const CELL_COLUMNS: [(&str, Kind); 13] = [
    ("file", Kind::Text),
    ("organ", Kind::Text),
    ("year", Kind::Int),
    ("format", Kind::Text),
    ("table", Kind::Text),
    ("row", Kind::Text),
    ("column", Kind::Text),
    ("value", Kind::Float),
    ("value_text", Kind::Text),
    ("raw", Kind::Text),
    ("line", Kind::Int),
    ("start", Kind::Int),
    ("end", Kind::Int),
];

/// The columns of `findings.parquet`.
pub(crate) const FINDING_COLUMNS: [(&str, Kind); 10] = [
    ("file", Kind::Text),
    ("rule", Kind::Text),
    ("severity", Kind::Text),
    ("message", Kind::Text),
    ("table", Kind::Text),
    ("row", Kind::Text),
    ("column", Kind::Text),
    ("expected", Kind::Float),
    ("found", Kind::Float),
    ("line", Kind::Int),
];

/// A column type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Int,
    Float,
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(Some(s.into()))
}

/// The rows of one parsed file.
pub(crate) fn rows(file: &str, report: &Report) -> Rows {
    let organ = report.meta.organ.as_deref().map(str::to_owned);
    let year = report.meta.year.map(i64::from);
    let format = report.format.key();
    let mut out = Rows::default();
    let mut exact = String::new();
    for cell in report.cells() {
        exact.clear();
        if let Some(n) = cell.value {
            let _ = write!(exact, "{n}");
        }
        out.cells.push(vec![
            text(file),
            Value::Text(organ.clone()),
            Value::Int(year),
            text(format),
            text(cell.table),
            text(cell.row),
            text(cell.column),
            Value::Float(cell.value.map(|n| n.to_f64())),
            Value::Text(cell.value.map(|_| exact.clone())),
            Value::Text(cell.raw.map(str::to_owned)),
            Value::Int(cell.span.map(|s| i64::from(s.line))),
            Value::Int(cell.span.map(|s| s.start as i64)),
            Value::Int(cell.span.map(|s| s.end as i64)),
        ]);
    }
    for f in &report.findings {
        out.findings.push(vec![
            text(file),
            text(f.rule.as_str()),
            text(f.severity.key()),
            text(f.message.as_str()),
            Value::Text(f.table.as_deref().map(str::to_owned)),
            Value::Text(f.row.as_deref().map(str::to_owned)),
            Value::Text(f.column.as_deref().map(str::to_owned)),
            Value::Float(f.expected.map(|n| n.to_f64())),
            Value::Float(f.found.map(|n| n.to_f64())),
            Value::Int(f.span.map(|s| i64::from(s.line))),
        ]);
    }
    out
}

/// The two output files in `dir`.
pub(crate) fn paths(dir: &Path) -> (PathBuf, PathBuf) {
    (dir.join("cells.parquet"), dir.join("findings.parquet"))
}

#[cfg(feature = "parquet")]
pub(crate) use writer::ParquetSink;

/// Without the `parquet` feature: a sink that cannot be opened.
#[cfg(not(feature = "parquet"))]
#[derive(Debug)]
pub(crate) struct ParquetSink;

#[cfg(not(feature = "parquet"))]
impl ParquetSink {
    pub(crate) fn create(_dir: &Path) -> io::Result<ParquetSink> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "this ogi was built without Parquet support (cargo feature `parquet`)",
        ))
    }
    pub(crate) fn append(&mut self, _rows: Rows) -> io::Result<()> {
        Ok(())
    }
    pub(crate) fn finish(self) -> io::Result<(usize, usize)> {
        Ok((0, 0))
    }
}

#[cfg(feature = "parquet")]
mod writer {
    use std::fs::File;
    use std::io;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::types::Type;

    use super::{CELL_COLUMNS, FINDING_COLUMNS, Kind, ROW_GROUP, Rows, Value};

    fn err(e: parquet::errors::ParquetError) -> io::Error {
        io::Error::other(e)
    }

    /// One Parquet file being written: buffered rows, flushed per row group.
    struct Table {
        columns: &'static [(&'static str, Kind)],
        writer: SerializedFileWriter<File>,
        buffered: Vec<Vec<Value>>,
        rows: usize,
        tmp: PathBuf,
        dest: PathBuf,
    }

    impl Table {
        fn create(dest: PathBuf, columns: &'static [(&'static str, Kind)]) -> io::Result<Table> {
            let mut fields = Vec::new();
            for (name, kind) in columns {
                let (physical, logical) = match kind {
                    Kind::Text => (
                        parquet::basic::Type::BYTE_ARRAY,
                        Some(parquet::basic::LogicalType::String),
                    ),
                    Kind::Int => (parquet::basic::Type::INT64, None),
                    Kind::Float => (parquet::basic::Type::DOUBLE, None),
                };
                let field = Type::primitive_type_builder(name, physical)
                    .with_repetition(parquet::basic::Repetition::OPTIONAL)
                    .with_logical_type(logical)
                    .build()
                    .map_err(err)?;
                fields.push(Arc::new(field));
            }
            let schema = Type::group_type_builder("schema")
                .with_fields(fields)
                .build()
                .map_err(err)?;
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("ogi {}", env!("CARGO_PKG_VERSION")))
                .build();
            let mut name = dest.file_name().unwrap_or_default().to_os_string();
            name.push(".part");
            let tmp = dest.with_file_name(name);
            let file = File::create(&tmp)?;
            let writer =
                SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props)).map_err(err)?;
            Ok(Table {
                columns,
                writer,
                buffered: Vec::new(),
                rows: 0,
                tmp,
                dest,
            })
        }

        fn push(&mut self, rows: Vec<Vec<Value>>) -> io::Result<()> {
            self.rows += rows.len();
            self.buffered.extend(rows);
            if self.buffered.len() >= ROW_GROUP {
                self.flush()?;
            }
            Ok(())
        }

        fn flush(&mut self) -> io::Result<()> {
            if self.buffered.is_empty() {
                return Ok(());
            }
            let rows = std::mem::take(&mut self.buffered);
            let mut group = self.writer.next_row_group().map_err(err)?;
            let mut index = 0;
            while let Some(mut col) = group.next_column().map_err(err)? {
                let kind = self.columns[index].1;
                let defs: Vec<i16> = rows
                    .iter()
                    .map(|r| match &r[index] {
                        Value::Text(v) => i16::from(v.is_some()),
                        Value::Int(v) => i16::from(v.is_some()),
                        Value::Float(v) => i16::from(v.is_some()),
                    })
                    .collect();
                match kind {
                    Kind::Text => {
                        let values: Vec<ByteArray> = rows
                            .iter()
                            .filter_map(|r| match &r[index] {
                                Value::Text(Some(s)) => Some(ByteArray::from(s.as_str())),
                                _ => None,
                            })
                            .collect();
                        col.typed::<ByteArrayType>()
                            .write_batch(&values, Some(&defs), None)
                            .map_err(err)?;
                    }
                    Kind::Int => {
                        let values: Vec<i64> = rows
                            .iter()
                            .filter_map(|r| match &r[index] {
                                Value::Int(v) => *v,
                                _ => None,
                            })
                            .collect();
                        col.typed::<Int64Type>()
                            .write_batch(&values, Some(&defs), None)
                            .map_err(err)?;
                    }
                    Kind::Float => {
                        let values: Vec<f64> = rows
                            .iter()
                            .filter_map(|r| match &r[index] {
                                Value::Float(v) => *v,
                                _ => None,
                            })
                            .collect();
                        col.typed::<DoubleType>()
                            .write_batch(&values, Some(&defs), None)
                            .map_err(err)?;
                    }
                }
                col.close().map_err(err)?;
                index += 1;
            }
            group.close().map_err(err)?;
            Ok(())
        }

        fn finish(mut self) -> io::Result<usize> {
            self.flush()?;
            self.writer.close().map_err(err)?;
            std::fs::rename(&self.tmp, &self.dest)?;
            Ok(self.rows)
        }
    }

    /// `cells.parquet` and `findings.parquet` in one folder.
    pub(crate) struct ParquetSink {
        cells: Table,
        findings: Table,
    }

    impl std::fmt::Debug for ParquetSink {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("ParquetSink")
                .field("cells", &self.cells.dest)
                .field("findings", &self.findings.dest)
                .finish()
        }
    }

    impl ParquetSink {
        /// Creates `dir` (if needed) and the two files in it.
        pub(crate) fn create(dir: &Path) -> io::Result<ParquetSink> {
            std::fs::create_dir_all(dir)?;
            let (cells, findings) = super::paths(dir);
            Ok(ParquetSink {
                cells: Table::create(cells, &CELL_COLUMNS)?,
                findings: Table::create(findings, &FINDING_COLUMNS)?,
            })
        }

        /// Adds one report's rows.
        pub(crate) fn append(&mut self, rows: Rows) -> io::Result<()> {
            self.cells.push(rows.cells)?;
            self.findings.push(rows.findings)
        }

        /// Writes the last row groups and footers, renames the files into
        /// place; the numbers of cell and finding rows.
        pub(crate) fn finish(self) -> io::Result<(usize, usize)> {
            let cells = self.cells.finish()?;
            let findings = self.findings.finish()?;
            Ok((cells, findings))
        }
    }
}
