//! `ogi_status`: the result of every fallible entry point.
//!
//! A plain type at the bottom of the module: it knows the library's errors,
//! nothing of the entry points (`ogi_status_message` is in
//! [`super::status_message`]).

use std::ffi::CStr;

use crate::error::Error;
use crate::model::CellError;

/// The result of every fallible `ogi_*` function.
///
/// The numbers are permanent: a value is never renumbered or reused; a
/// retired value stays here as a "reserved" comment. They come in ranges:
///
/// | range   | meaning |
/// | ------- | ------- |
/// | 0       | success |
/// | 100–199 | bad arguments from the caller (NULL pointer, key string not UTF-8) |
/// | 200–299 | input encoding (equal to the library's `ErrorKind::code`) |
/// | 300–399 | input that cannot be parsed (equal to `ErrorKind::code`) |
/// | 400–499 | JSON |
/// | 500–599 | lookups: unknown key, absent table/row, empty cell, unknown year |
/// | 900–999 | internal errors and caught panics |
///
/// New values may be added in any range; C code should treat an unknown
/// non-zero value as a generic failure of its range.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ogi_status {
    /// Success. Outputs have been written.
    Ok = 0,

    /// A required pointer argument was NULL (or a data pointer was NULL with a
    /// non-zero length).
    NullArgument = 100,
    /// A key string (table, row or column) is not valid UTF-8.
    InvalidKey = 101,
    /// Some other argument is out of its domain (e.g. a length above `PTRDIFF_MAX`).
    InvalidArgument = 102,

    /// The input is not UTF-8, UTF-16/32 with a BOM, GB18030 or Big5 text.
    /// The `ogi_error` gives the position of the first undecodable byte.
    InvalidEncoding = 200,
    /// The JSON given to `ogi_report_from_json` is not UTF-8.
    InvalidUtf8 = 201,

    /// The input exceeds the size limit (64 MiB).
    InputTooLarge = 300,
    /// The input contains a NUL character: it is binary, not a report.
    BinaryInput = 301,
    /// The input is a PDF that cannot be read (malformed or truncated).
    PdfMalformed = 320,
    /// The input is an encrypted PDF that needs a password to open.
    PdfEncrypted = 321,
    /// The input is a PDF without a text layer (a scan): it needs OCR.
    PdfNoText = 322,
    /// The input is a PDF and the library was built without PDF support
    /// (cargo feature `pdf`).
    PdfNotEnabled = 323,
    /// The input is another kind of file, recognised by its first bytes (a
    /// PDF, a DOCX or ZIP, an image, an executable); the `ogi_error`'s
    /// message names it and says what to do. No position (line 0).
    NotText = 302,
    /// Any other parse error (a kind newer than this list; see `ogi_error_subcode`).
    ParseError = 399,

    /// The JSON is malformed or does not have the model's shape.
    Json = 400,

    /// The table key is not `applications`, `review_litigation` or `active_disclosure`.
    UnknownTable = 500,
    /// The row key is not a row (or group, or item) key of that table.
    UnknownRow = 501,
    /// The column key is not a column (or outcome, or field) key of that table.
    UnknownColumn = 502,
    /// The report has no such table.
    TableAbsent = 510,
    /// The table has no such row.
    RowAbsent = 511,
    /// The row has no such column.
    ColumnAbsent = 512,
    /// The cell exists but holds no number (blank, or its digits are fused
    /// with a neighbour's).
    EmptyCell = 513,
    /// The report does not say which year it covers.
    YearUnknown = 520,
    /// The report does not name its issuing organ.
    OrganUnknown = 521,
    /// An index is not below the length of the list.
    IndexOutOfRange = 530,

    /// An internal error (a bug in ogi-report).
    Internal = 900,
    /// A panic was caught at the boundary (a bug in ogi-report); the process
    /// is unharmed.
    Panic = 901,
}

impl ogi_status {
    /// The status of a library [`Error`]: its permanent code when it is one of
    /// ours, `ParseError` for kinds newer than this enum.
    pub(crate) fn of_error(e: &Error) -> ogi_status {
        match e.code() {
            200 => ogi_status::InvalidEncoding,
            300 => ogi_status::InputTooLarge,
            301 => ogi_status::BinaryInput,
            320 => ogi_status::PdfMalformed,
            321 => ogi_status::PdfEncrypted,
            322 => ogi_status::PdfNoText,
            323 => ogi_status::PdfNotEnabled,
            302 => ogi_status::NotText,
            400 => ogi_status::Json,
            _ => ogi_status::ParseError,
        }
    }

    /// The status of a failed [`crate::Report::cell`] lookup.
    pub(crate) fn of_cell_error(e: CellError) -> ogi_status {
        match e {
            CellError::UnknownTable => ogi_status::UnknownTable,
            CellError::UnknownRow => ogi_status::UnknownRow,
            CellError::UnknownColumn => ogi_status::UnknownColumn,
            CellError::NoTable => ogi_status::TableAbsent,
            CellError::NoRow => ogi_status::RowAbsent,
            CellError::NoColumn => ogi_status::ColumnAbsent,
            CellError::Empty => ogi_status::EmptyCell,
        }
    }

    /// Every status, in numeric order.
    pub(crate) const ALL: [ogi_status; 27] = [
        ogi_status::Ok,
        ogi_status::NullArgument,
        ogi_status::InvalidKey,
        ogi_status::InvalidArgument,
        ogi_status::InvalidEncoding,
        ogi_status::InvalidUtf8,
        ogi_status::InputTooLarge,
        ogi_status::BinaryInput,
        ogi_status::PdfMalformed,
        ogi_status::PdfEncrypted,
        ogi_status::PdfNoText,
        ogi_status::PdfNotEnabled,
        ogi_status::NotText,
        ogi_status::ParseError,
        ogi_status::Json,
        ogi_status::UnknownTable,
        ogi_status::UnknownRow,
        ogi_status::UnknownColumn,
        ogi_status::TableAbsent,
        ogi_status::RowAbsent,
        ogi_status::ColumnAbsent,
        ogi_status::EmptyCell,
        ogi_status::YearUnknown,
        ogi_status::OrganUnknown,
        ogi_status::IndexOutOfRange,
        ogi_status::Internal,
        ogi_status::Panic,
    ];

    /// A short English description of the status.
    pub(crate) fn describe(self) -> &'static CStr {
        match self {
            ogi_status::Ok => c"success",
            ogi_status::NullArgument => c"a required pointer argument is NULL",
            ogi_status::InvalidKey => c"a key string is not valid UTF-8",
            ogi_status::InvalidArgument => c"an argument is out of range",
            ogi_status::InvalidEncoding => c"input is not UTF-8, GB18030 or Big5 text",
            ogi_status::InvalidUtf8 => c"input is not valid UTF-8",
            ogi_status::InputTooLarge => c"input is too large",
            ogi_status::BinaryInput => c"input contains a NUL character",
            ogi_status::PdfMalformed => c"the PDF cannot be read",
            ogi_status::PdfEncrypted => c"the PDF is encrypted",
            ogi_status::PdfNoText => c"the PDF has no text layer (it needs OCR)",
            ogi_status::PdfNotEnabled => c"this build reads no PDF",
            ogi_status::NotText => c"input is another kind of file, not text",
            ogi_status::ParseError => c"input cannot be parsed",
            ogi_status::Json => c"invalid JSON",
            ogi_status::UnknownTable => c"unknown table key",
            ogi_status::UnknownRow => c"unknown row key",
            ogi_status::UnknownColumn => c"unknown column key",
            ogi_status::TableAbsent => c"the report has no such table",
            ogi_status::RowAbsent => c"the table has no such row",
            ogi_status::ColumnAbsent => c"the row has no such column",
            ogi_status::EmptyCell => c"the cell is empty",
            ogi_status::YearUnknown => c"the year is unknown",
            ogi_status::OrganUnknown => c"the organ is unknown",
            ogi_status::IndexOutOfRange => c"index out of range",
            ogi_status::Internal => c"internal error",
            ogi_status::Panic => c"internal panic",
        }
    }
}
