//! The canonical layout of the review/litigation table (see the
//! [module docs](super)).

use std::fmt;

use super::{REVIEW_LITIGATION_HEADER, fragments, put_cell, put_fused};
use crate::lines::is_space;
use crate::model::{Key, ReviewLitigationTable, RlGroup, RlOutcome};

/// Writes the review/litigation table (see the module docs).
pub fn write_review_litigation<W: fmt::Write>(w: &mut W, t: &ReviewLitigationTable) -> fmt::Result {
    review_litigation(w, t, false)
}

/// [`write_review_litigation`]; `pipes` as [`super::write_table_rows`].
pub(super) fn review_litigation<W: fmt::Write>(
    w: &mut W,
    t: &ReviewLitigationTable,
    pipes: bool,
) -> fmt::Result {
    for line in REVIEW_LITIGATION_HEADER {
        w.write_str(line)?;
        w.write_char('\n')?;
    }
    let mut first = true;
    for _ in RlGroup::ALL {
        for outcome in RlOutcome::ALL {
            if !first {
                w.write_char('\t')?;
            }
            first = false;
            w.write_str(outcome.label())?;
        }
    }
    w.write_char('\n')?;
    if t.groups.is_empty() && t.source.is_empty() {
        // no values at all: the header alone reads back so
        return Ok(());
    }
    if t.source.values().any(|s| s.fused.is_some()) {
        // the digits on one tab row (words tab-separated, so the line reads
        // the same words as cells), never split by the parser; a single word
        // gets a tab after it to make the line a tab row
        let mut words = 0;
        let mut line = String::new();
        for group in RlGroup::ALL {
            if let Some(fused) = t.source.get(group).and_then(|s| s.fused.as_ref()) {
                if words > 0 {
                    line.push('\t');
                }
                put_fused(&mut line, &fused.raw, "\t", 15, pipes, false)?;
                // (a pipe parts words too: `1| 4` is two)
                words += fused
                    .raw
                    .split(|c: char| is_space(c) || c == '|')
                    .filter(|x| !x.is_empty())
                    .count();
            }
        }
        // digits that read as a page number (`-2-`, `-\t2\t-`) would be
        // dropped as one: an empty pipe field after them keeps the line a row
        // (the parser reads the pipe as a delimiter, the digits as fused)
        let page = !pipes && crate::text::lexical::is_page_number(line.trim_matches(is_space));
        if words == 1 || page {
            line.push('\t');
        }
        if page {
            line.push('|');
        }
        w.write_str(&line)?;
        return w.write_char('\n');
    }
    let mut first = true;
    for group in RlGroup::ALL {
        for outcome in RlOutcome::ALL {
            if !first {
                w.write_char('\t')?;
            }
            first = false;
            put_cell(w, t.source.get(group), t.groups.get(group), outcome)?;
        }
    }
    // text after the row's last cell, as one more field
    let cells = t.source.values().flat_map(|s| s.cells.values());
    if let Some(raw) = fragments::after_last_cell(&t.fragments, cells) {
        w.write_char('\t')?;
        w.write_str(&raw)?;
    }
    w.write_char('\n')
}
