//! `ogi_error`: what went wrong in a failed `ogi_report_parse` or
//! `ogi_report_from_json`, and where.

use std::ffi::{CString, c_char};

use super::boundary::ffi_boundary;
use super::status::ogi_status;

/// An error object (opaque). Created by `ogi_report_parse` and
/// `ogi_report_from_json` when they fail and `err_out` is not NULL; owned by
/// the caller, released with `ogi_error_free`. Immutable; may be read from
/// several threads at once.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct ogi_error {
    status: ogi_status,
    code: u32,
    message: CString,
    line: u32,
    column: u32,
    offset: usize,
}

/// Makes a C string of `s`, replacing any NUL character with U+2400 (␀) so
/// that nothing is cut off.
pub(crate) fn c_string(s: &str) -> CString {
    let owned = if s.contains('\0') {
        s.replace('\0', "\u{2400}")
    } else {
        s.to_owned()
    };
    CString::new(owned).unwrap_or_default()
}

impl ogi_error {
    /// The error of a failed parse.
    pub(crate) fn from_error(e: &crate::Error) -> ogi_error {
        ogi_error {
            status: ogi_status::of_error(e),
            code: e.code(),
            message: c_string(&e.to_string()),
            line: e.line(),
            column: e.column(),
            offset: e.offset(),
        }
    }

    /// An error with a status, a message and a position.
    pub(crate) fn new(
        status: ogi_status,
        message: &str,
        line: u32,
        column: u32,
        offset: usize,
    ) -> ogi_error {
        ogi_error {
            status,
            code: status as u32,
            message: c_string(message),
            line,
            column,
            offset,
        }
    }

    /// Stores the error in `*err_out` when `err_out` is not NULL.
    pub(crate) fn store(self, err_out: *mut *mut ogi_error) {
        if !err_out.is_null() {
            super::boundary::write_out(err_out, Box::into_raw(Box::new(self)));
        }
    }
}

/// The status the failed call returned (e.g. `OGI_STATUS_INVALID_ENCODING`).
/// `OGI_STATUS_NULL_ARGUMENT` when `err` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_code(err: *const ogi_error) -> ogi_status {
    ffi_boundary!({
        // SAFETY: NULL or a live `ogi_error` (ABI contract).
        match unsafe { err.as_ref() } {
            Some(e) => e.status,
            None => ogi_status::NullArgument,
        }
    })
}

/// The library's permanent machine code of the error kind (the `ErrorKind`
/// code of the Rust API, e.g. 200 for an invalid encoding; equal to the
/// status for the statuses of this header, and more specific when the status
/// is `OGI_STATUS_PARSE_ERROR`). 0 when `err` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_subcode(err: *const ogi_error) -> u32 {
    ffi_boundary!({
        // SAFETY: NULL or a live `ogi_error` (ABI contract).
        unsafe { err.as_ref() }.map_or(0, |e| e.code)
    })
}

/// The message: English, UTF-8, NUL-terminated, possibly several lines (the
/// first says where; the next show the source line with a caret).
///
/// The string is owned by `err` and valid until `ogi_error_free(err)`; do not
/// free it. Returns NULL when `err` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_message(err: *const ogi_error) -> *const c_char {
    ffi_boundary!({
        // SAFETY: NULL or a live `ogi_error` (ABI contract).
        unsafe { err.as_ref() }.map_or(std::ptr::null(), |e| e.message.as_ptr())
    })
}

/// The 1-based line of the error in the input, 0 when unknown or when `err`
/// is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_line(err: *const ogi_error) -> u32 {
    ffi_boundary!({
        // SAFETY: NULL or a live `ogi_error` (ABI contract).
        unsafe { err.as_ref() }.map_or(0, |e| e.line)
    })
}

/// The 1-based column of the error, counted in characters (not bytes), 0 when
/// unknown or when `err` is NULL. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_column(err: *const ogi_error) -> u32 {
    ffi_boundary!({
        // SAFETY: NULL or a live `ogi_error` (ABI contract).
        unsafe { err.as_ref() }.map_or(0, |e| e.column)
    })
}

/// The 0-based byte offset of the error in the decoded input (0 when `err` is
/// NULL). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_offset(err: *const ogi_error) -> usize {
    ffi_boundary!({
        // SAFETY: NULL or a live `ogi_error` (ABI contract).
        unsafe { err.as_ref() }.map_or(0, |e| e.offset)
    })
}

/// Frees an error. NULL is a no-op. `err` and its message must not be used
/// afterwards. Free each error exactly once.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_error_free(err: *mut ogi_error) {
    ffi_boundary!({
        if !err.is_null() {
            // SAFETY: `err` came from `Box::into_raw` in `ogi_error::store` and
            // the ABI contract says it is freed once.
            drop(unsafe { Box::from_raw(err) });
        }
    })
}
