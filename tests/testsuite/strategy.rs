//! Tests: strategy.
