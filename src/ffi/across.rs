//! `ogi_audit_across_json`: the audit across reports over report handles.

use std::ffi::c_char;

use super::boundary::{ffi_boundary, key_str, slice, try_out, try_ref};
use super::buf::{give_json, ogi_buf};
use super::report::ogi_report;
use super::status::ogi_status;
use crate::audit::Input;

/// The audit across reports (the `series.*` rules and
/// `legacy.cumulative_carry`: one organ's reports compared over the
/// years): a JSON array of `{"file": NAME, "finding": {…}}` objects, each
/// finding in the shape of the report JSON's findings (with `related`, the
/// compared cells, a cell of another report naming its `file`), in a new
/// buffer `*json_out` owned by the caller (free with `ogi_buf_free`).
///
/// `reports` points to `len` report handles (`reports` may be NULL only
/// when `len` is 0); `names` is NULL or points to `len` NUL-terminated
/// UTF-8 names, the `file` each report's findings are filed under (with
/// NULL, a report's name is its index: `"0"`, `"1"` …). Reports are grouped
/// by organ and ordered by year; a report without an organ or a year is
/// left out. The findings are ordered by report, then by position.
///
/// Statuses: `OGI_STATUS_NULL_ARGUMENT` (a NULL array with `len` > 0, a
/// NULL handle or name, a NULL `json_out`), `OGI_STATUS_INVALID_KEY` (a
/// name that is not UTF-8). `*json_out` is written only on success. The
/// reports are only read. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_audit_across_json(
    reports: *const *const ogi_report,
    names: *const *const c_char,
    len: usize,
    json_out: *mut ogi_buf,
) -> ogi_status {
    ffi_boundary!({
        let json_out = try_out!(json_out);
        let handles = match slice(reports, len) {
            Ok(h) => h,
            Err(status) => return status,
        };
        let mut live = Vec::with_capacity(len);
        for &h in handles {
            live.push(try_ref!(h));
        }
        let labels: Vec<String> = if names.is_null() {
            (0..len).map(|i| i.to_string()).collect()
        } else {
            let given = match slice(names, len) {
                Ok(n) => n,
                Err(status) => return status,
            };
            match given
                .iter()
                .map(|&n| key_str(n).map(str::to_owned))
                .collect()
            {
                Ok(l) => l,
                Err(status) => return status,
            }
        };
        let inputs: Vec<Input<'_>> = live
            .iter()
            .zip(&labels)
            .map(|(r, name)| Input::new(name, r.report()))
            .collect();
        let findings = crate::audit::across(&inputs);
        give_json(
            serde_json::to_string(&findings).map_err(crate::Error::from_json),
            json_out,
        )
    })
}
