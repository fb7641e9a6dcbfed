//! Text utilities shared by the parser, the grid builders, the template
//! mapper, the audit and the renderer: the lexical grammar (`lexical`:
//! numerals, list markers, page numbers) and the one normaliser (`norm`:
//! character fold with an offset map) with its Traditional → Simplified
//! fold (`hant`).

pub(crate) mod hant;
pub(crate) mod lexical;
pub(crate) mod norm;
pub(crate) mod nulls;
pub(crate) mod space;
