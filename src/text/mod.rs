//! Character-level helpers shared by the front ends and the parser.

pub(crate) mod hant;
