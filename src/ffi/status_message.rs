//! `ogi_status_message`: a status value in words.

use std::ffi::c_char;

use super::boundary::ffi_boundary;
use super::status::ogi_status;

/// A short English description of a status value, e.g. `"the cell is
/// empty"` for `OGI_STATUS_EMPTY_CELL`; `"unknown status"` for a number that
/// is not a status. Takes the number (not the enum) so that any value is
/// safe to pass. Returns a static NUL-terminated string: never free it.
/// Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_status_message(status: u32) -> *const c_char {
    ffi_boundary!({
        ogi_status::ALL
            .iter()
            .find(|s| **s as u32 == status)
            .map_or(c"unknown status", |s| s.describe())
            .as_ptr()
    })
}
