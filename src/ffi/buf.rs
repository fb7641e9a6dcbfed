//! `ogi_buf`: owned bytes handed to the caller.

use super::boundary::{ffi_boundary, write_out};
use super::status::ogi_status;

/// Bytes owned by the caller: UTF-8 text (JSON, canonical text, a name).
///
/// `data` points to `len` bytes followed by one NUL byte that is not counted
/// in `len`, so `data` can also be used as a C string (the text itself
/// contains no NUL when it comes from `ogi_report_parse`). Release it with
/// `ogi_buf_free`, exactly once; do not free `data` with `free()`. A
/// zero-initialised `ogi_buf` (`data == NULL`) may be passed to
/// `ogi_buf_free`.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct ogi_buf {
    /// The first byte, or NULL for an empty, zero-initialised buffer.
    pub data: *mut u8,
    /// The number of bytes, not counting the trailing NUL.
    pub len: usize,
}

impl ogi_buf {
    /// Moves `text` into a new buffer (`len + 1` bytes, NUL-terminated).
    pub(crate) fn from_string(text: String) -> ogi_buf {
        let mut bytes = text.into_bytes();
        let len = bytes.len();
        bytes.push(0);
        let boxed: Box<[u8]> = bytes.into_boxed_slice();
        ogi_buf {
            data: Box::into_raw(boxed).cast::<u8>(),
            len,
        }
    }
}

/// Moves `text` into a new buffer in `*out` (checked by `try_out!`):
/// `OGI_STATUS_OK`.
pub(crate) fn give_text(text: String, out: *mut ogi_buf) -> ogi_status {
    write_out(out, ogi_buf::from_string(text));
    ogi_status::Ok
}

/// [`give_text`] for JSON that may fail to serialise, which the model's
/// types never do: a failure is `OGI_STATUS_INTERNAL`, `*out` unwritten.
pub(crate) fn give_json(made: Result<String, crate::Error>, out: *mut ogi_buf) -> ogi_status {
    match made {
        Ok(json) => give_text(json, out),
        Err(_) => ogi_status::Internal,
    }
}

/// Frees a buffer returned by an `ogi_*` function. `buf.data == NULL` is a
/// no-op. After the call, `buf.data` dangles: do not use or free it again.
/// Thread-safe (for distinct buffers).
#[unsafe(no_mangle)]
pub extern "C" fn ogi_buf_free(buf: ogi_buf) {
    ffi_boundary!({
        if buf.data.is_null() {
            return;
        }
        let total = buf.len.saturating_add(1);
        let slice = std::ptr::slice_from_raw_parts_mut(buf.data, total);
        // SAFETY: `data` was produced by `ogi_buf::from_string` as a boxed slice
        // of `len + 1` bytes, and the ABI contract says it is freed once.
        drop(unsafe { Box::from_raw(slice) });
    })
}
