//! Tests: c_header.
