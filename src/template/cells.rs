//! Cells to tokens: the grammar of a cell's text.
//!
//! The mapper reads a [`Grid`] as one stream of tokens in reading order:
//! label text, values (a number with its unit or remark), null markers,
//! empty cells (their position known) and page numbers. A cell's text is
//! cut at white space, and digits glued to a label (`数量230`) are cut off
//! it; a digit run too long for a number stays one value token (the fused
//! rule in [`super::fused`] decides what it holds).

use super::vocabulary;
use crate::grid::{Grid, RowKind};
use crate::lines::is_space;
use crate::model::Number;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// Label text.
    Label,
    /// A number (possibly with a unit or remark).
    Value,
    /// A null marker: 无 / — - 不适用 …
    Null,
    /// An empty grid field (position known).
    Empty,
    /// A page number line.
    Page,
    /// A rule row's cell (`---` under a pipe header).
    Rule,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) kind: Tk,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The tokens of `grid`, row by row. Cell spans must index the text the
/// tokens' offsets refer to, and each cell's text must be the text at its
/// span (true of every builder over plain text and of tab-row reading text).
pub(crate) fn tokens(grid: &Grid) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(grid.rows().iter().map(Vec::len).sum::<usize>() + 8);
    let mut last_end = grid.span().map_or(0, |s| s.start);
    for (r, row) in grid.rows().iter().enumerate() {
        let kind = match grid.row_kind(r) {
            RowKind::PageNumber => Some(Tk::Page),
            RowKind::Rule => Some(Tk::Rule),
            _ => None,
        };
        if let Some(kind) = kind {
            for c in row {
                if let Some(s) = c.span.clone().filter(|s| s.start < s.end) {
                    toks.push(Tok {
                        kind,
                        start: s.start,
                        end: s.end,
                    });
                }
            }
            continue;
        }
        let line_start = toks.len();
        for cell in row {
            let Some(span) = cell.span.clone() else {
                toks.push(Tok {
                    kind: Tk::Empty,
                    start: last_end,
                    end: last_end,
                });
                continue;
            };
            if cell.is_empty() {
                toks.push(Tok {
                    kind: Tk::Empty,
                    start: span.start,
                    end: span.start,
                });
                continue;
            }
            glued_or_words(cell, span.start, &mut toks);
            last_end = span.end;
        }
        // empty cells count only on rows that carry values
        let has_value = toks[line_start..]
            .iter()
            .any(|t| matches!(t.kind, Tk::Value | Tk::Null));
        // and not before the row's label: there they hold no value's place
        // (a group-label column left empty)
        let keep_from = if has_value {
            let first = toks[line_start..].iter().position(|t| t.kind != Tk::Empty);
            match first.map(|f| line_start + f) {
                Some(f) if toks[f].kind == Tk::Label => f,
                _ => line_start,
            }
        } else {
            toks.len()
        };
        if keep_from > line_start {
            // drop those empty tokens in place
            let mut k = line_start;
            for i in line_start..toks.len() {
                if toks[i].kind != Tk::Empty || i >= keep_from {
                    toks[k] = toks[i];
                    k += 1;
                }
            }
            toks.truncate(k);
        }
    }
    toks
}

/// The tokens of a cell's text at `at`; a glued cell whose text is its
/// pieces' text run together (lines of a wrapped cell) is read piece by
/// piece, each at its own place.
fn glued_or_words(cell: &crate::grid::Cell, at: usize, out: &mut Vec<Tok>) {
    let parts = || cell.pieces.iter().map(|p| p.end - p.start);
    if cell.pieces.len() > 1 && parts().sum::<usize>() == cell.text.len() {
        let mut from = 0;
        for p in &cell.pieces {
            let len = p.end - p.start;
            match cell.text.get(from..from + len) {
                Some(t) => words(t, p.start, out),
                None => return words(&cell.text[from..], p.start, out),
            }
            from += len;
        }
    } else {
        words(&cell.text, at, out);
    }
}

/// Cuts a cell's text (at byte `at`) at white space into field tokens.
fn words(text: &str, at: usize, out: &mut Vec<Tok>) {
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_space(c), word) {
            (true, Some(w)) => {
                field_tokens(&text[w..i], at + w, out);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
    }
    if let Some(w) = word {
        field_tokens(&text[w..], at + w, out);
    }
}

/// The length of a run of digits too long for a [`Number`] (it stays a
/// value token, with no value).
fn digit_run(s: &str) -> Option<usize> {
    let len: usize = s
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(len)
}

/// Where the value that starts at `i` (a number of `len` bytes) ends: with
/// its unit or remark, or before a list marker glued after it; `None` when
/// the number is part of a label (`2015年度`, `2.其他`).
fn value_end(f: &str, i: usize, len: usize) -> Option<usize> {
    let end = i + len;
    let after = &f[end..];
    let next = after.chars().next();
    let label_follows = next.is_some_and(|n| {
        matches!(
            n,
            '年' | '月' | '日' | '号' | '项' | '类' | '级' | '个' | '岁'
        )
    });
    if label_follows && !(next == Some('个') && after.len() == '个'.len_utf8()) {
        return None;
    }
    // a list marker glued after digits: `00000002.其他` → `0000000` + `2.其他`
    let marker_follows = next.is_some_and(|n| matches!(n, '.' | '、' | '．'))
        && after[next.map_or(0, char::len_utf8)..]
            .chars()
            .next()
            .is_none_or(|n| !is_digit(n));
    if marker_follows {
        let digits = &f[i..end];
        if digits.chars().count() <= 1 || digits.contains('.') {
            return None;
        }
        // all but the last digit are a value
        return Some(i + digits.char_indices().last().map_or(0, |(k, _)| k));
    }
    if let Some(u) = vocabulary::unit_prefix(after) {
        return Some(end + u);
    }
    if next.is_some_and(|n| n == '(' || n == '（') && after.contains(['）', ')']) {
        // a remark: `22（其中修订16件）`
        let close = after.find(['）', ')']).unwrap_or(0);
        let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
        let remark = &after[..close + close_len];
        if remark.chars().any(|c| !is_digit(c))
            && !remark.contains(['一', '二', '三', '四', '五', '六', '七', '八'])
        {
            return Some(end + close + close_len);
        }
    }
    Some(end)
}

/// A label (or null-marker) token for `f[from..to]`.
fn label(f: &str, from: usize, to: usize, at: usize) -> Tok {
    let kind = if vocabulary::is_null(&f[from..to]) {
        Tk::Null
    } else {
        Tk::Label
    };
    Tok {
        kind,
        start: at + from,
        end: at + to,
    }
}

/// Splits one field (no white space at its ends) into label and value tokens.
fn field_tokens(f: &str, at: usize, out: &mut Vec<Tok>) {
    if vocabulary::is_null(f) {
        out.push(Tok {
            kind: Tk::Null,
            start: at,
            end: at + f.len(),
        });
        return;
    }
    let mut label_start: Option<usize> = None;
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < f.len() {
        let c = f[i..].chars().next().unwrap_or(' ');
        let signed =
            matches!(c, '-' | '－') && f[i + c.len_utf8()..].chars().next().is_some_and(is_digit);
        // a sign after digits starts a new (negative) number: `2648-18538`
        let starts_number =
            signed || (is_digit(c) && !prev.is_some_and(|p| is_digit(p) || p == '.' || p == '第'));
        let number = starts_number
            .then(|| {
                Number::parse_prefix(&f[i..])
                    .map(|p| p.1)
                    .or_else(|| digit_run(&f[i..]))
            })
            .flatten();
        if let Some(len) = number {
            let Some(end) = value_end(f, i, len) else {
                // part of a label
                label_start.get_or_insert(i);
                i += len;
                prev = f[..i].chars().last();
                continue;
            };
            if let Some(ls) = label_start.take() {
                out.push(label(f, ls, i, at));
            }
            out.push(Tok {
                kind: Tk::Value,
                start: at + i,
                end: at + end,
            });
            prev = f[..end].chars().last();
            i = end;
            continue;
        }
        label_start.get_or_insert(i);
        prev = Some(c);
        i += c.len_utf8();
    }
    if let Some(ls) = label_start {
        out.push(label(f, ls, f.len(), at));
    }
}
