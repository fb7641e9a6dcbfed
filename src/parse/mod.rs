//! The parser: text to [`Report`].
//!
//! * `section`: headings, sections, subsections, paragraphs, table regions;
//! * `region`: where a table begins and ends (its lines go to a grid
//!   builder in [`crate::grid`], the grid to [`crate::template`]);
//! * `meta`: title, organ, year, period, contacts, format.
//!
//! One pass over the lines, no backtracking over the document: the cost is
//! linear in the input (table regions are tokenised once; digit-run splitting
//! is bounded to runs of 40 digits).

pub(crate) mod meta;
pub(crate) mod region;
pub(crate) mod section;

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
        return Err(Error::new(
            ErrorKind::TooLarge {
                len: text.len(),
                limit: crate::decode::MAX_INPUT_BYTES,
            },
            Position {
                offset: crate::decode::MAX_INPUT_BYTES,
                line: 0,
                column: 0,
            },
        ));
    }
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::new(ErrorKind::Binary, Position::of(text, at)).with_source_line(text));
    }
    let lines = crate::lines::split(text);
    let loc = crate::lines::Locator::new(text, &lines);
    let st = section::structure(text, &lines, &loc);
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
    let lines = crate::lines::split(text);
    let loc = crate::lines::Locator::new(text, &lines);
    meta::derive(report, text, &loc);
}
