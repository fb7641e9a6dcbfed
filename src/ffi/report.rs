//! `ogi_report`: the opaque handle of a parsed report, and its accessors.

use std::ffi::{CStr, CString, c_char};

use super::boundary::{bytes, ffi_boundary, key_str, try_out, try_ref, write_out};
use super::buf::{give_json, give_text, ogi_buf};
use super::error::{c_string, ogi_error};
pub use super::format::ogi_format;
use super::status::ogi_status;
use crate::{Report, Severity};

/// A parsed report (opaque).
///
/// Created by `ogi_report_parse` or `ogi_report_from_json`, owned by the
/// caller, released with `ogi_report_free`. Immutable after creation: every
/// accessor takes a `const ogi_report *`, and a report may be shared and read
/// from several threads at once without locking.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct ogi_report {
    report: Report,
    /// C copies of the findings' strings, made once so that `ogi_finding`
    /// can borrow them for the life of the report.
    findings: Vec<FindingStrings>,
}

// The header promises that reports and errors may be shared across threads.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<ogi_report>();
    shareable::<ogi_error>();
};

#[derive(Debug)]
struct FindingStrings {
    rule: CString,
    severity: &'static CStr,
    message: CString,
    line: u32,
    column: u32,
}

impl ogi_report {
    fn new(report: Report) -> ogi_report {
        let findings = report
            .findings
            .iter()
            .map(|f| FindingStrings {
                rule: c_string(&f.rule),
                severity: match f.severity {
                    Severity::Note => c"note",
                    Severity::Warning => c"warning",
                    Severity::Error => c"error",
                },
                message: c_string(&f.message),
                line: f.span.map_or(0, |s| s.line),
                column: f.span.map_or(0, |s| s.column),
            })
            .collect();
        ogi_report { report, findings }
    }

    /// The wrapped report.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

/// One audit finding, borrowed from its report.
///
/// The three strings are UTF-8, NUL-terminated and owned by the report: they
/// stay valid until `ogi_report_free` of that report. Do not free them.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy)]
pub struct ogi_finding {
    /// The stable rule id, e.g. `"applications.balance"`.
    pub rule: *const c_char,
    /// `"note"`, `"warning"` or `"error"`.
    pub severity: *const c_char,
    /// One English sentence.
    pub message: *const c_char,
    /// 1-based line of the offending text, 0 when the finding has no position.
    pub line: u32,
    /// 1-based column (in characters), 0 when the finding has no position.
    pub column: u32,
}

fn store_report(report: Report, report_out: *mut *mut ogi_report) {
    write_out(report_out, Box::into_raw(Box::new(ogi_report::new(report))));
}

/// Hands a parse result to the caller: the report in `*report_out`
/// (`OGI_STATUS_OK`), or the error in `*err_out` (when not NULL) and its
/// status.
fn give_report(
    made: Result<Report, crate::Error>,
    report_out: *mut *mut ogi_report,
    err_out: *mut *mut ogi_error,
) -> ogi_status {
    match made {
        Ok(report) => {
            store_report(report, report_out);
            ogi_status::Ok
        }
        Err(e) => {
            let status = ogi_status::of_error(&e);
            ogi_error::from_error(&e).store(err_out);
            status
        }
    }
}

/// The cell named by three NUL-terminated key strings, or the status that
/// says why there is none (a NULL or non-UTF-8 key, an unknown or absent
/// table, row or column, an empty cell).
fn cell_at(
    report: &ogi_report,
    table: *const c_char,
    row: *const c_char,
    column: *const c_char,
) -> Result<crate::Number, ogi_status> {
    let (table, row, column) = (key_str(table)?, key_str(row)?, key_str(column)?);
    report
        .report
        .cell(table, row, column)
        .map_err(ogi_status::of_cell_error)
}

/// Parses a report from `len` bytes at `data`: UTF-8 with or without BOM, or
/// GB18030/GBK. `data` may be NULL only when `len` is 0. The bytes are only
/// read during the call.
///
/// On success returns `OGI_STATUS_OK` and stores a new report in
/// `*report_out`; free it with `ogi_report_free`. On failure returns the
/// status, leaves `*report_out` unchanged and, when `err_out` is not NULL,
/// stores a new `ogi_error` (message and position) in `*err_out`; free it
/// with `ogi_error_free`. `err_out` may be NULL; `*err_out` is written only on
/// failure (and not for `OGI_STATUS_NULL_ARGUMENT`).
///
/// Parsing is lenient: text without recognisable structure still gives a
/// report. Failures are undecodable bytes, binary input (NUL characters),
/// inputs above 64 MiB and PDFs that cannot be read (`OGI_STATUS_PDF_*`: a
/// PDF, recognised by its `%PDF-` magic bytes, is read through its text
/// layer when the library is built with the cargo feature `pdf`). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_parse(
    data: *const u8,
    len: usize,
    report_out: *mut *mut ogi_report,
    err_out: *mut *mut ogi_error,
) -> ogi_status {
    ffi_boundary!({
        let report_out = try_out!(report_out);
        let input = match bytes(data, len) {
            Ok(b) => b,
            Err(status) => return status,
        };
        give_report(crate::parse_bytes(input), report_out, err_out)
    })
}

/// Reads a report back from the JSON of `ogi_report_to_json` (`len` bytes of
/// UTF-8 at `data`; NULL only with `len` 0). Ownership and error reporting are
/// those of `ogi_report_parse`; failures are `OGI_STATUS_INVALID_UTF8` and
/// `OGI_STATUS_JSON` (the error's line and column point into the JSON).
/// Findings are taken from the JSON as they are. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_from_json(
    data: *const u8,
    len: usize,
    report_out: *mut *mut ogi_report,
    err_out: *mut *mut ogi_error,
) -> ogi_status {
    ffi_boundary!({
        let report_out = try_out!(report_out);
        let input = match bytes(data, len) {
            Ok(b) => b,
            Err(status) => return status,
        };
        let text = match std::str::from_utf8(input) {
            Ok(t) => t,
            Err(e) => {
                let at = e.valid_up_to();
                let valid = std::str::from_utf8(&input[..at]).unwrap_or("");
                let p = crate::Position::of(valid, at);
                let msg = format!("JSON input is not UTF-8 (invalid byte at offset {at})");
                ogi_error::new(ogi_status::InvalidUtf8, &msg, p.line, p.column, at).store(err_out);
                return ogi_status::InvalidUtf8;
            }
        };
        give_report(Report::from_json(text), report_out, err_out)
    })
}

/// Frees a report. NULL is a no-op. The report and every string borrowed from
/// it (`ogi_finding` fields) must not be used afterwards; no other thread may
/// be using it. Free each report exactly once.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_free(report: *mut ogi_report) {
    ffi_boundary!({
        if !report.is_null() {
            // SAFETY: `report` came from `Box::into_raw` in `store_report`, and
            // the ABI contract says it is freed once, when no one uses it.
            drop(unsafe { Box::from_raw(report) });
        }
    })
}

/// The template the report follows; `OGI_FORMAT_UNKNOWN` when `report` is
/// NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_format(report: *const ogi_report) -> ogi_format {
    ffi_boundary!({
        // SAFETY: NULL or a live report (ABI contract).
        unsafe { report.as_ref() }.map_or(ogi_format::Unknown, |r| r.report.format.into())
    })
}

/// The year the report covers (not the year published), in `*year_out`.
/// Returns `OGI_STATUS_YEAR_UNKNOWN` (and leaves `*year_out` unchanged) when
/// the report does not say; `OGI_STATUS_NULL_ARGUMENT` when a pointer is
/// NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_year(report: *const ogi_report, year_out: *mut i32) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let year_out = try_out!(year_out);
        match report.report.meta.year {
            Some(year) => {
                write_out(year_out, year);
                ogi_status::Ok
            }
            None => ogi_status::YearUnknown,
        }
    })
}

/// The issuing organ (UTF-8) in a new buffer `*organ_out`, owned by the
/// caller (free with `ogi_buf_free`). Returns `OGI_STATUS_ORGAN_UNKNOWN` and
/// leaves `*organ_out` unchanged when the report does not name it.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_organ(
    report: *const ogi_report,
    organ_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let organ_out = try_out!(organ_out);
        match &report.report.meta.organ {
            Some(organ) => give_text(organ.to_string(), organ_out),
            None => ogi_status::OrganUnknown,
        }
    })
}

/// One cell of a standard table, as a double, in `*value_out`.
///
/// `table`, `row` and `column` are NUL-terminated UTF-8 key strings of the
/// model (only read during the call):
/// - `"applications"`: row keys such as `"new_received"`, `"total_processed"`,
///   column keys such as `"natural_person"`, `"total"`;
/// - `"review_litigation"`: the group as row (`"review"`,
///   `"litigation_direct"`, `"litigation_after_review"`) and the outcome as
///   column (`"upheld"`, `"corrected"`, `"other"`, `"pending"`, `"total"`);
/// - `"active_disclosure"`: the item as row (`"normative_documents"` …) and
///   the field as column (`"issued"`, `"in_force"` …);
/// - `"legacy_statistics"` (reports up to 2018): the indicator as row
///   (`"requests_received"`, `"replies_granted"`, `"lawsuits"` …) and
///   `"this_year"` or `"cumulative"` as column.
///
/// Statuses: `OGI_STATUS_UNKNOWN_TABLE` / `_UNKNOWN_ROW` / `_UNKNOWN_COLUMN`
/// for a key that does not exist in the model; `OGI_STATUS_TABLE_ABSENT`,
/// `_ROW_ABSENT`, `_COLUMN_ABSENT` when this report lacks it;
/// `OGI_STATUS_EMPTY_CELL` for a cell without a number;
/// `OGI_STATUS_INVALID_KEY` for a key that is not UTF-8;
/// `OGI_STATUS_NULL_ARGUMENT`. `*value_out` is written only on success.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_cell(
    report: *const ogi_report,
    table: *const c_char,
    row: *const c_char,
    column: *const c_char,
    value_out: *mut f64,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let value_out = try_out!(value_out);
        match cell_at(report, table, row, column) {
            Ok(n) => {
                write_out(value_out, n.to_f64());
                ogi_status::Ok
            }
            Err(status) => status,
        }
    })
}

/// One cell of a standard table as its exact decimal text, in `*text_out`
/// (UTF-8, not NUL-terminated; release it with `ogi_buf_free`).
///
/// The text has the digits of the number as the report wrote them, without
/// thousands separators, full-width digits or remarks: `"27"`, `"-18"`,
/// `"96171.6"`, `"907473734394313.5"` (which a `double` cannot hold: use
/// this function where exactness matters, e.g. money). Keys and statuses
/// are those of `ogi_report_cell`; `*text_out` is written only on success.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_cell_text(
    report: *const ogi_report,
    table: *const c_char,
    row: *const c_char,
    column: *const c_char,
    text_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let text_out = try_out!(text_out);
        match cell_at(report, table, row, column) {
            Ok(n) => give_text(n.to_string(), text_out),
            Err(status) => status,
        }
    })
}

/// The number of audit findings of the report (0 when `report` is NULL).
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_findings_len(report: *const ogi_report) -> usize {
    ffi_boundary!({
        // SAFETY: NULL or a live report (ABI contract).
        unsafe { report.as_ref() }.map_or(0, |r| r.findings.len())
    })
}

/// Finding number `index` (0-based) in `*finding_out`. Its strings are
/// borrowed from the report (valid until `ogi_report_free`; never free them).
/// Returns `OGI_STATUS_INDEX_OUT_OF_RANGE` when `index >=
/// ogi_report_findings_len(report)`. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_finding(
    report: *const ogi_report,
    index: usize,
    finding_out: *mut ogi_finding,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let finding_out = try_out!(finding_out);
        match report.findings.get(index) {
            Some(f) => {
                write_out(
                    finding_out,
                    ogi_finding {
                        rule: f.rule.as_ptr(),
                        severity: f.severity.as_ptr(),
                        message: f.message.as_ptr(),
                        line: f.line,
                        column: f.column,
                    },
                );
                ogi_status::Ok
            }
            None => ogi_status::IndexOutOfRange,
        }
    })
}

/// The whole model as JSON (the shape of model.md), UTF-8, in a new buffer
/// `*json_out` owned by the caller (free with `ogi_buf_free`). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_to_json(
    report: *const ogi_report,
    json_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let json_out = try_out!(json_out);
        give_json(report.report.to_json(), json_out)
    })
}

/// Every standard-table cell as tidy records: a JSON array of
/// `{"table", "row", "column", "value", "raw", "span"}` objects in document
/// order (what `ogi export --csv` writes; `value` is a number or null, `raw`
/// the cell as written or null, `span` `{start, end, line, column}` or null),
/// UTF-8, in a new buffer `*json_out` owned by the caller (free with
/// `ogi_buf_free`). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_cells_json(
    report: *const ogi_report,
    json_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let json_out = try_out!(json_out);
        give_json(report.report.cells_json(), json_out)
    })
}

/// The canonical text of the report, UTF-8, in a new buffer `*text_out`
/// owned by the caller (free with `ogi_buf_free`). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_render(
    report: *const ogi_report,
    text_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let text_out = try_out!(text_out);
        give_text(report.report.render(), text_out)
    })
}

/// The indicators comparable across the 2019 break (applications received,
/// granted, partially granted, denied, review cases, lawsuits) as a JSON
/// array of `{"indicator": "applications_received", "value": 21, "basis":
/// {"kind": "exact" | "approximate", "source": "legacy_statistics.requests_received.this_year"}}`,
/// UTF-8, in a new buffer `*json_out` owned by the caller (free with
/// `ogi_buf_free`). Only the indicators the report has a source for are
/// listed; `value` is `null` when a cell it needs is empty. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_report_indicators_json(
    report: *const ogi_report,
    json_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let report = try_ref!(report);
        let json_out = try_out!(json_out);
        give_text(report.report.indicators_json(), json_out)
    })
}
