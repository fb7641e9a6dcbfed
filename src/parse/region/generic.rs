//! Generic table regions: a run of grid rows, or a list of one cell per
//! line with numbers among the next lines.

use super::{LineKind, Seg};

/// True when `t` is one number and nothing else: a line that counts as a
/// figure in the look-ahead for a table of lines ([`generic_region`]).
pub(crate) fn is_number_line(t: &str) -> bool {
    crate::model::Number::parse_prefix(t).is_some_and(|(_, l)| l == t.len())
}

/// A grid table starting at the grid row `i`: a run of two or more
/// consecutive grid lines. Returns the end index.
fn grid_run(segs: &[Seg<'_>], kinds: &[LineKind], i: usize) -> Option<usize> {
    let run = segs[i + 1..]
        .iter()
        .zip(&kinds[i + 1..])
        .take_while(|(s, k)| k.grid_row(s))
        .count();
    (run >= 1).then_some(i + 1 + run)
}

/// A generic table starting at `i`: cell-per-line lists (short lines with at
/// least two numbers among the next ones) or tab/pipe grids of two or more
/// lines. Returns the end index. `kinds` are the pieces' [`LineKind`]s.
pub(crate) fn generic_region(segs: &[Seg<'_>], kinds: &[LineKind], i: usize) -> Option<usize> {
    let first = segs[i].trimmed().1;
    if kinds[i].grid_row(&segs[i]) {
        return grid_run(segs, kinds, i);
    }
    if !kinds[i].facts.short_cell(first) || is_number_line(first) || first.chars().nth(15).is_some()
    {
        return None;
    }
    // look ahead over the next six paragraphs (runs of non-blank lines: the
    // reach must not depend on how a paragraph is wrapped, since read as
    // text it is written back on one line), only over what the region can
    // hold: a number after a marker line or a table's anchor, where the
    // region ends, does not make the lines before it a table; nor does one
    // after a paragraph too long for a cell once its lines are joined
    let mut numbers = 0;
    let mut seen = 0;
    // the characters of the open paragraph (the first one's lines after
    // `first` continue it)
    let mut chars = first.chars().count();
    let mut after_blank = false;
    let mut j = i + 1;
    while j < segs.len() {
        if kinds[j].blank {
            after_blank = true;
        } else {
            if std::mem::take(&mut after_blank) {
                if seen == 6 {
                    break;
                }
                seen += 1;
                chars = 0;
            }
            let t = segs[j].trimmed().1;
            chars += t.chars().count();
            // (a tab or pipe row is a grid's, not a cell of one per line:
            // written canonically, its delimiters change how long it is)
            if !kinds[j].facts.short_cell(t)
                || chars > 20
                || kinds[j].grid_row(&segs[j])
                || kinds[j].page(&segs[j])
                || kinds[j].marker(&segs[j])
                || kinds[j].anchor(&segs[j]).is_some()
            {
                break;
            }
            if is_number_line(t) {
                numbers += 1;
            }
        }
        j += 1;
    }
    if numbers < 2 {
        return None;
    }
    let mut end = i + 1;
    let mut j = i + 1;
    while j < segs.len() {
        if kinds[j].blank {
            j += 1;
            continue;
        }
        let t = segs[j].trimmed().1;
        if !kinds[j].facts.short_cell(t)
            || kinds[j].grid_row(&segs[j])
            || kinds[j].page(&segs[j])
            || kinds[j].marker(&segs[j])
            || kinds[j].anchor(&segs[j]).is_some()
        {
            break;
        }
        j += 1;
        end = j;
    }
    Some(end)
}
