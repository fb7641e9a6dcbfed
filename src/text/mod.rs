//! Text utilities shared by the parser, the grid builders, the template
//! mapper, the audit and the renderer: the lexical grammar (numerals, list
//! markers, page numbers) and the one normaliser (character fold with an
//! offset map).

pub(crate) mod lexical;
pub(crate) mod nulls;
