//! Template mappers: a table read as rows of cells becomes a typed table.

pub(crate) mod legacy;
