//! The panic boundary and the argument-checking helpers of every entry point.
//!
//! Since Rust 1.81 a panic unwinding out of an `extern "C"` function aborts
//! the process, which would kill a host such as a Python interpreter. So the
//! body of every exported function runs inside [`ffi_boundary!`], which
//! catches the panic and returns the function's [`PanicDefault`]:
//! [`ogi_status::Panic`] for fallible functions, NULL / 0 /
//! `OGI_FORMAT_UNKNOWN` for the others.

use std::ffi::c_char;

use super::format::ogi_format;
use super::status::ogi_status;

/// The value an entry point returns when its body panicked.
pub(crate) trait PanicDefault {
    /// The value returned after a caught panic.
    fn panic_default() -> Self;
}

impl PanicDefault for ogi_status {
    fn panic_default() -> Self {
        ogi_status::Panic
    }
}

impl PanicDefault for ogi_format {
    fn panic_default() -> Self {
        ogi_format::Unknown
    }
}

impl PanicDefault for () {
    fn panic_default() -> Self {}
}

impl PanicDefault for u32 {
    fn panic_default() -> Self {
        0
    }
}

impl PanicDefault for usize {
    fn panic_default() -> Self {
        0
    }
}

impl PanicDefault for *const c_char {
    fn panic_default() -> Self {
        std::ptr::null()
    }
}

/// Runs `$body` (a block) under `catch_unwind`; a panic becomes the return
/// type's [`PanicDefault`]. `return` inside the block returns from the
/// closure, i.e. from the entry point.
macro_rules! ffi_boundary {
    ($body:block) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => $crate::ffi::boundary::PanicDefault::panic_default(),
        }
    };
}
pub(crate) use ffi_boundary;

/// Turns a `*const T` argument into `&T`, or returns
/// `OGI_STATUS_NULL_ARGUMENT` from the entry point when it is NULL.
macro_rules! try_ref {
    ($ptr:expr) => {
        match unsafe { $ptr.as_ref() } {
            Some(r) => r,
            None => return $crate::ffi::status::ogi_status::NullArgument,
        }
    };
}
pub(crate) use try_ref;

/// Checks that a `*mut T` output argument is not NULL, or returns
/// `OGI_STATUS_NULL_ARGUMENT` from the entry point. Evaluates to the pointer;
/// write through it with [`write_out`] only once the call has succeeded.
macro_rules! try_out {
    ($ptr:expr) => {{
        let p = $ptr;
        if p.is_null() {
            return $crate::ffi::status::ogi_status::NullArgument;
        }
        p
    }};
}
pub(crate) use try_out;

/// Writes `value` through a non-NULL output pointer checked by [`try_out!`].
///
/// Uses `ptr::write`, so whatever the caller left there (possibly
/// uninitialised memory) is neither read nor dropped.
pub(crate) fn write_out<T>(out: *mut T, value: T) {
    debug_assert!(!out.is_null());
    // SAFETY: the caller checked `out` with `try_out!`; the ABI contract says a
    // non-NULL output pointer points to writable memory for one `T`.
    unsafe { out.write(value) }
}

/// Borrows `len` bytes at `data`. NULL is accepted only with `len == 0`.
pub(crate) fn bytes<'a>(data: *const u8, len: usize) -> Result<&'a [u8], ogi_status> {
    slice(data, len)
}

/// Borrows `len` values at `data` (bytes, report handles, string
/// pointers). NULL is accepted only with `len == 0`.
pub(crate) fn slice<'a, T>(data: *const T, len: usize) -> Result<&'a [T], ogi_status> {
    if data.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(ogi_status::NullArgument)
        };
    }
    if len > isize::MAX as usize / std::mem::size_of::<T>().max(1) {
        return Err(ogi_status::InvalidArgument);
    }
    // SAFETY: the ABI contract says `data` points to `len` readable values
    // that stay valid and unchanged for the duration of the call.
    Ok(unsafe { std::slice::from_raw_parts(data, len) })
}

/// Reads a NUL-terminated key string: NULL gives `OGI_STATUS_NULL_ARGUMENT`,
/// bytes that are not UTF-8 give `OGI_STATUS_INVALID_KEY`.
pub(crate) fn key_str<'a>(s: *const c_char) -> Result<&'a str, ogi_status> {
    if s.is_null() {
        return Err(ogi_status::NullArgument);
    }
    // SAFETY: non-NULL, and the ABI contract says key strings are
    // NUL-terminated and valid for the duration of the call.
    let c = unsafe { std::ffi::CStr::from_ptr(s) };
    c.to_str().map_err(|_| ogi_status::InvalidKey)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panics(flag: bool) -> ogi_status {
        ffi_boundary!({
            if flag {
                panic!("boom");
            }
            ogi_status::Ok
        })
    }

    fn panics_ptr() -> *const c_char {
        ffi_boundary!({
            let v: Vec<u8> = Vec::new();
            #[allow(clippy::indexing_slicing)]
            let _ = v[usize::from(v.is_empty())];
            c"x".as_ptr()
        })
    }

    #[test]
    fn panic_becomes_status() {
        assert_eq!(panics(false), ogi_status::Ok);
        assert_eq!(panics(true), ogi_status::Panic);
        assert!(panics_ptr().is_null());
    }

    #[test]
    fn byte_arguments() {
        assert_eq!(bytes(std::ptr::null(), 0), Ok(&[][..]));
        assert_eq!(bytes(std::ptr::null(), 3), Err(ogi_status::NullArgument));
        let data = [1u8, 2];
        assert_eq!(bytes(data.as_ptr(), 2), Ok(&data[..]));
        assert_eq!(key_str(std::ptr::null()), Err(ogi_status::NullArgument));
        assert_eq!(key_str(c"total".as_ptr()), Ok("total"));
        assert_eq!(key_str(c"\xff".as_ptr()), Err(ogi_status::InvalidKey));
    }
}
