//! Tests: audit.
