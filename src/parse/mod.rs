//! The parser: text to [`Report`].
//!
//! * `section`: the forward pass over the lines: preamble, sections, closing;
//! * `headings`: section headings (whole line or inline) and their kinds;
//! * `blocks`: the blocks of a section: tables, subsections, paragraphs;
//! * `paragraph`: paragraphs joined across line wraps and page breaks;
//! * `closing`, `organs`: the closing signature; the one organ-suffix list;
//! * `seg`: pieces of lines and the list marker at their head;
//! * `kind`: what a piece is to block building (each question asked of a
//!   piece answered once);
//! * `statistics`: legacy statistics tables run together with text, cut
//!   into pieces of their own;
//! * `region`: where a table begins and ends (its lines go to a grid
//!   builder in [`crate::grid`], the grid to the template mapper, `template`);
//! * `meta`: title, organ, year, period; `contacts`; `format` (which
//!   template the report follows).
//!
//! One pass over the lines, no backtracking over the document: the cost is
//! linear in the input (table regions are tokenised once; digit-run splitting
//! is bounded to runs of 40 digits).

pub(crate) mod anchor;
pub(crate) mod blocks;
pub(crate) mod closing;
pub(crate) mod contacts;
pub(crate) mod facts;
pub(crate) mod format;
pub(crate) mod headings;
pub(crate) mod kind;
pub(crate) mod meta;
mod opening;
pub(crate) mod organs;
pub(crate) mod paragraph;
pub(crate) mod region;
pub(crate) mod section;
pub(crate) mod seg;
pub(crate) mod statistics;

use crate::error::{Error, ErrorKind};
use crate::model::Report;
use crate::position::Position;

/// Parses `text` into the model: structure, tables and metadata, without
/// the audit's findings (the parser never calls the audit: `ogi_report::parse`
/// composes the two). Fails only on the limits: more than
/// [`crate::decode::MAX_INPUT_BYTES`] bytes, or a NUL character (binary
/// input).
pub fn parse(text: &str) -> Result<Report, Error> {
    if text.len() > crate::decode::MAX_INPUT_BYTES {
        return Err(Error::without_position(ErrorKind::TooLarge {
            len: text.len(),
            limit: crate::decode::MAX_INPUT_BYTES,
        }));
    }
    parse_decoded(text)
}

/// [`parse`] without the size check, for text decoded from bytes: the limit
/// applies to the input bytes (checked by [`crate::decode`]), not to the
/// decoded text, which is larger for GB18030 or Big5 input.
pub(crate) fn parse_decoded(text: &str) -> Result<Report, Error> {
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::new(ErrorKind::Binary, Position::of(text, at)).with_source_line(text));
    }
    let loc = crate::lines::Locator::of_text(text);
    let st = section::structure(text, &loc);
    let mut report = Report {
        preamble: st.preamble,
        sections: st.sections,
        closing: st.closing,
        ..Report::default()
    };
    meta::derive(&mut report, text, &loc);
    Ok(report)
}

/// Computes the fields of `report` the parser derives from its blocks and
/// `text` (format, meta); the findings are the audit's.
pub(crate) fn derive(report: &mut Report, text: &str) {
    let loc = crate::lines::Locator::of_text(text);
    meta::derive(report, text, &loc);
}
