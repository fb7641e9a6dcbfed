//! Library and ABI versions.

use std::ffi::c_char;

use super::boundary::ffi_boundary;

/// The version of the C ABI described by this header. It is bumped on every
/// incompatible change (a removed or changed function, type or status
/// value); additions do not bump it. Compare it with `ogi_abi_version()` at
/// run time to detect a header/library mismatch.
pub const OGI_ABI_VERSION: u32 = 1;

static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library version, e.g. `"0.1.0"`.
///
/// Returns a static NUL-terminated string owned by the library: never free
/// it. It stays valid for the life of the process. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_version() -> *const c_char {
    ffi_boundary!({ VERSION.as_ptr().cast::<c_char>() })
}

/// The ABI version of the loaded library (`OGI_ABI_VERSION` of the header
/// it was built with). A program built against a header whose
/// `OGI_ABI_VERSION` differs must not use the library. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ogi_abi_version() -> u32 {
    ffi_boundary!({ OGI_ABI_VERSION })
}
