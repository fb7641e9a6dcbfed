//! How a standard table row's fused digits (digits the parser could not
//! split into cells, kept as they stood) are written: their white space as
//! it delimited them, so the row reads back fused, with the same fields.

use std::fmt;

use super::label::stray_text_cell;
use crate::lines::is_space;

/// Writes fused digits as they were delimited: a run of white space that
/// holds tabs is written as its tabs (each tab a cell boundary, so empty
/// cells keep their positions), any other run as `space` (one space tells
/// which digits were already apart), and a run beside a pipe as one space (in
/// a pipe row it is a cell's padding). The digits themselves are written as
/// they are. A tab row is never split by the parser, and a row of as many
/// fields as `cols` would be read as cells: then one more empty field is
/// written after the first word, so the row reads back fused.
///
/// With `pipes` (a table written as pipe rows, each tab made a pipe) every
/// run of white space is written as one space: a tab there stood inside a
/// pipe row's cell (`|2\t7|`), and as a pipe it would add a cell boundary
/// the digits did not have (`2|7`). A line break between two pipes (the
/// digits went on in the next pipe row: `0|||||` + `|0|`) stays a line
/// break: the two pipes are one boundary there, which no text on one line
/// holds (`| |` is one more field), so the row is written on two lines as
/// it stood, its two pipes the outer pipes of the two lines.
pub(super) fn put_fused<W: fmt::Write>(
    w: &mut W,
    s: &str,
    space: &str,
    cols: usize,
    pipes: bool,
    stray: bool,
) -> fmt::Result {
    let mut out = fused_spacing(s, space, pipes);
    let fields = fields_read(&out, stray);
    if fields == cols
        && let Some(at) = out.find(['\t', ' '])
    {
        if out[at..].starts_with(' ') {
            out.replace_range(at..at + 1, "\t\t");
        } else {
            out.insert(at, '\t');
        }
    }
    w.write_str(&out)
}

/// Fused digits' text with its white space as the canonical row writes it:
/// a run of spaces as `space`, a tab kept (as one tab), padding beside a
/// pipe one space; with `pipes`, a line break between two pipes as a line
/// break without them (the caller's pipe rows put them back as the outer
/// pipes of the two lines).
fn fused_spacing(s: &str, space: &str, pipes: bool) -> String {
    let space = if pipes { " " } else { space };
    let mut out = String::new();
    let mut gap = String::new();
    // (the run of white space holds a tab, written as one)
    let mut tabbed = false;
    // (the run of white space holds a line break)
    let mut broken = false;
    for c in s.chars() {
        if is_space(c) {
            broken |= matches!(c, '\n' | '\r');
            if c == '\t' && !pipes {
                gap.push('\t');
                tabbed = true;
            } else if gap.is_empty() {
                gap.push_str(space);
            }
            continue;
        }
        if pipes && broken && c == '|' && out.len() > 1 && out.ends_with('|') {
            out.pop();
            out.push('\n');
            gap.clear();
            broken = false;
            continue;
        }
        broken = false;
        // white space beside a pipe is a cell's padding in a pipe row (the
        // pipe is the boundary): one space, as a tab it would be one more
        // field. A tab there parted two fields of a tab row (`1\t|2|`, a
        // pipe glued to the digits after it): it is written as it was
        if !gap.is_empty() && !tabbed && (c == '|' || out.ends_with('|')) {
            gap.clear();
            gap.push(' ');
        }
        if !out.is_empty() && !gap.is_empty() {
            if gap.contains('\t') {
                gap.retain(|g| g == '\t');
            }
            out.push_str(&gap);
        }
        gap.clear();
        tabbed = false;
        out.push(c);
    }
    out
}

/// The cells a parser reads from fused digits' fields (`out` as written by
/// [`fused_spacing`]).
fn fields_read(out: &str, stray: bool) -> usize {
    // (a pipe is a field boundary too: fused digits from pipe rows are
    // written in a table of pipe rows; a word counts as the cells it reads
    // as: `4-` is the figure 4 and the null marker `-`)
    let mut toks = Vec::new();
    let mut cells_of = |word: &str| {
        toks.clear();
        crate::template::cells::field_tokens(word, 0, &mut toks);
        toks.len().max(1)
    };
    // (with `stray`, the applications table: a word of stray text glued
    // before a figure, `w0` `]4`, is one cell of a tab row, as the parser
    // reads it: see `template::cells::stray_text_in_cell`)
    out.split(['\t', '|', '\n'])
        .map(|f| {
            f.split(' ')
                .filter(|x| !x.is_empty())
                .map(|word| {
                    if stray && stray_text_cell(word) {
                        1
                    } else {
                        cells_of(word)
                    }
                })
                .sum::<usize>()
                .max(1)
        })
        .sum()
}
