//! Tests: ffi.
