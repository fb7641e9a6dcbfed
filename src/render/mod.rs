//! The renderer: a report back to canonical text.

use std::fmt;

use crate::model::Report;

/// Writes the canonical text of `report`.
pub fn write_report<W: fmt::Write>(w: &mut W, report: &Report) -> fmt::Result {
    let _ = (w, report);
    Ok(())
}

/// The canonical text of `report`.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    let _ = write_report(&mut s, report);
    s
}
