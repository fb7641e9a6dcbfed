//! Cells to tokens: the reader of a [`Grid`].
//!
//! The mapper reads a grid as one stream of tokens in reading order: label
//! text, values (a number with its unit or remark), null markers, empty
//! cells (their position known) and page numbers. Each cell is read once:
//! its text is cut at white space ([`words`], a byte scan), and each field
//! is split by the cell grammar ([`grammar`]): digits glued to a label
//! (`数量230`) are cut off it, a digit run too long for a number stays one
//! value token (the fused rule in [`super::fused`] decides what it holds).

mod grammar;
mod stray;

pub(crate) use self::grammar::field_tokens;
use self::stray::field_edges;
#[cfg(test)]
use self::stray::{continues_label, marker_digits_at_end, stray_text_in_cell};
pub(crate) use self::stray::{ends_in_marker_digits, stray_word};
use crate::grid::{Cell, Grid, Layout, RowKind};

/// True when the grid's cells are delimited (tab or pipe rows): there the
/// positions of the cells are known and a digit run is one cell.
pub(crate) fn delimited(grid: &Grid) -> bool {
    matches!(grid.layout(), Layout::Tabs | Layout::Pipes)
}

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
    /// The value of the token's text ([`super::rows::cell_value`] of it)
    /// when the reader already read it (a plain figure: its digits are
    /// summed in the scan that finds it is one), so that it is not read
    /// again when the row is finished; `None`: not read yet.
    pub(crate) value: Option<Option<crate::model::Number>>,
    /// True when the reader knows the token's text holds no `|` (a label
    /// or null field of [`words`] without a byte that sends it to the
    /// grammar, see [`read_by_grammar`]): the label cutter need not search
    /// it for pipes (`rows::Parts`); false: not known.
    pub(crate) no_pipe: bool,
}

impl Tok {
    /// A token whose value is not read yet (nor whether it holds a pipe).
    pub(crate) fn new(kind: Tk, start: usize, end: usize) -> Tok {
        Tok {
            kind,
            start,
            end,
            value: None,
            no_pipe: false,
        }
    }
}

/// The value of `s` when it is a plain figure (ASCII digits only, not
/// empty, short enough that it always fits a [`Number`]): one scan of its
/// bytes that both checks and reads it. Equal to
/// [`super::rows::cell_value`] of `s` where it is `Some`.
///
/// [`Number`]: crate::model::Number
#[inline]
pub(crate) fn plain_figure(s: &str) -> Option<crate::model::Number> {
    let b = s.as_bytes();
    // 18 digits always fit an i64
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    let mut m: i64 = 0;
    for &x in b {
        let d = x.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        m = m * 10 + i64::from(d);
    }
    Some(crate::model::Number::int(m))
}

/// The tokens of `grid`, row by row. Cell spans must index the text the
/// tokens' offsets refer to, and each cell's text must be the text at its
/// span (true of every builder over plain text and of tab-row reading text).
pub(crate) fn tokens(grid: &Grid) -> Vec<Tok> {
    tokens_of(grid, None)
}

/// [`tokens`], where with `stray_in_cells` (the text the cells' spans
/// index) a field of a delimited row that holds stray text glued before a
/// figure stays one cell (see [`stray::stray_text_in_cell`]; the applications
/// table, whose labels are in the row's first field). In a grid of mixed
/// layout a row is delimited when a tab parts two of its cells (a tab row:
/// the canonical text writes every row so, and its rows with one text field,
/// `一、本年新收\t\t…`, are no tab rows, so its region reads as mixed when
/// they are many).
pub(crate) fn tokens_of(grid: &Grid, stray_in_cells: Option<&str>) -> Vec<Tok> {
    let delimited = stray_in_cells.is_some() && delimited(grid);
    let mixed = stray_in_cells.filter(|_| grid.layout() == Layout::Mixed);
    let tab_row = |row: &[Cell]| {
        mixed.is_some_and(|text| {
            row.windows(2).any(|w| match (&w[0].span, &w[1].span) {
                (Some(a), Some(b)) => text
                    .get(a.end..b.start)
                    .is_some_and(|gap| gap.contains('\t')),
                _ => false,
            })
        })
    };
    // a tab right after a cell (a label field with empty cells after it,
    // `（三）不予公开02.\t`: no tab row, but the tab ends the field)
    let tab_after = |end: usize| {
        mixed
            .and_then(|text| text.get(end..))
            .is_some_and(|rest| rest.trim_start_matches(' ').starts_with('\t'))
    };
    let mut toks = Vec::with_capacity(grid.rows().iter().map(Vec::len).sum::<usize>() + 8);
    let mut last_end = grid.span().map_or(0, |s| s.start);
    for (r, row) in grid.rows().iter().enumerate() {
        let kind = match grid.row_kind(r) {
            RowKind::PageNumber => Tk::Page,
            RowKind::Rule => Tk::Rule,
            _ => {
                let line_start = toks.len();
                let delimited = delimited || tab_row(row);
                // the row has a token other than an empty field before the
                // cell being read (kept as the cells are read: no scan of
                // the row's tokens for each cell)
                let mut text_before = false;
                for (i, cell) in row.iter().enumerate() {
                    // a plain figure (most cells): the rules below leave
                    // a lone value token as it is
                    if let Some((t, end)) = figure_token(cell) {
                        toks.push(t);
                        last_end = end;
                        text_before = true;
                        continue;
                    }
                    let cell_start = toks.len();
                    cell_tokens(cell, &mut last_end, &mut toks);
                    if cell.pieces.len() <= 1
                        && let Some(span) = &cell.span
                    {
                        let label_field = !text_before && (delimited || tab_after(span.end));
                        let field = (cell.text.as_str(), span.start);
                        let after_text = delimited && text_before;
                        field_edges(
                            &mut toks,
                            cell_start,
                            field,
                            &row[i + 1..],
                            after_text,
                            label_field,
                        );
                    }
                    // (a cell's tokens are one empty token or text: its
                    // last token says which)
                    debug_assert!(
                        toks.len() > cell_start
                            && (toks[cell_start..].iter().all(|t| t.kind != Tk::Empty)
                                || toks.len() == cell_start + 1)
                    );
                    text_before = text_before || toks.last().is_some_and(|t| t.kind != Tk::Empty);
                }
                drop_idle_empties(&mut toks, line_start);
                continue;
            }
        };
        for c in row {
            if let Some(s) = c.span.clone().filter(|s| s.start < s.end) {
                toks.push(Tok::new(kind, s.start, s.end));
            }
        }
    }
    toks
}

/// The token of a cell that is a plain figure (one piece, with a span):
/// one value, read once, no grammar; with the end of its span (where the
/// next cell with no span is placed).
#[inline(always)]
fn figure_token(cell: &Cell) -> Option<(Tok, usize)> {
    if cell.pieces.len() > 1 {
        return None;
    }
    let span = cell.span.as_ref()?;
    let text = cell.text.as_str();
    let n = plain_figure(text)?;
    let t = Tok {
        value: Some(Some(n)),
        ..Tok::new(Tk::Value, span.start, span.start + text.len())
    };
    Some((t, span.end))
}

/// The tokens of one cell of a row of values or labels that is no plain
/// figure (see [`figure_token`]); `last_end` is where the last cell with
/// text ended (the place of a cell with no span).
fn cell_tokens(cell: &Cell, last_end: &mut usize, toks: &mut Vec<Tok>) {
    let Some(span) = cell.span.clone() else {
        toks.push(Tok::new(Tk::Empty, *last_end, *last_end));
        return;
    };
    let text = cell.text.as_str();
    debug_assert!(figure_token(cell).is_none());
    if cell.pieces.len() <= 1 && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // a figure too long to be read at once (a fused run)
        toks.push(Tok::new(Tk::Value, span.start, span.start + text.len()));
    } else {
        let before = toks.len();
        if cell.pieces.len() > 1 {
            glued_or_words(cell, span.start, toks);
        } else {
            words(text, span.start, toks);
        }
        // no field in it: only white space ([`Cell::is_empty`], found by
        // the same scan)
        if toks.len() == before {
            toks.push(Tok::new(Tk::Empty, span.start, span.start));
            return;
        }
    }
    *last_end = span.end;
}

/// Drops the empty tokens of the row that starts at `toks[line_start]`
/// where they hold no value's place: on rows without values, before the
/// row's label (a group-label column left empty), and between two label
/// texts.
fn drop_idle_empties(toks: &mut Vec<Tok>, line_start: usize) {
    let row = &toks[line_start..];
    // (a row with no empty field keeps every token)
    if row.iter().all(|t| t.kind != Tk::Empty) {
        return;
    }
    let has_value = row.iter().any(|t| matches!(t.kind, Tk::Value | Tk::Null));
    let keep_from = if has_value {
        let first = row.iter().position(|t| t.kind != Tk::Empty);
        match first.map(|f| line_start + f) {
            Some(f) if toks[f].kind == Tk::Label => f,
            _ => line_start,
        }
    } else {
        toks.len()
    };
    // empty fields between two label texts (`缴纳费用\t\tl`) hold no
    // value's place either: the label reads the same whether values follow
    // on the row or not (on a row without values they are dropped above).
    // One pass, in place: a run of empty tokens is judged at the token
    // after it.
    let mut k = line_start;
    let mut prev = None;
    let mut run = line_start;
    // (a token is moved only once one before it was dropped)
    for i in line_start..toks.len() {
        let kind = toks[i].kind;
        if kind == Tk::Empty {
            continue;
        }
        let inside_label = prev == Some(Tk::Label) && kind == Tk::Label;
        for j in run..i {
            if j >= keep_from && !inside_label {
                if k != j {
                    toks[k] = toks[j];
                }
                k += 1;
            }
        }
        if k != i {
            toks[k] = toks[i];
        }
        k += 1;
        prev = Some(kind);
        run = i + 1;
    }
    for j in run..toks.len() {
        if j >= keep_from {
            if k != j {
                toks[k] = toks[j];
            }
            k += 1;
        }
    }
    toks.truncate(k);
}

/// The tokens of a cell's text at `at`; a glued cell whose text is its
/// pieces' text run together (lines of a wrapped cell) is read piece by
/// piece, each at its own place.
fn glued_or_words(cell: &Cell, at: usize, out: &mut Vec<Tok>) {
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

/// Cuts a cell's text (at byte `at`) at white space into field tokens:
/// one scan of its bytes (only characters outside ASCII and the CJK block
/// are decoded to be judged).
fn words(text: &str, at: usize, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut field: Option<usize> = None;
    // the field holds a byte that may start a number or a pipe (see
    // [`read_by_grammar`]): else it is one label or null marker, known
    // from this scan without the grammar's, and holds no pipe
    let mut numeric = false;
    let mut i = 0;
    while i < text.len() {
        let (space, len) = space_at(text, i);
        match (space, field) {
            (true, Some(f)) => {
                field_end(&text[f..i], at + f, numeric, out);
                field = None;
            }
            (false, None) => {
                field = Some(i);
                numeric = read_by_grammar(b, i);
            }
            (false, Some(_)) => numeric |= read_by_grammar(b, i),
            (true, None) => {}
        }
        i += len;
        // the rest of a stretch of ideographs (U+4000..U+9FFF, three bytes
        // from a lead byte 0xE4..0xE9): inside the field, no white space,
        // no pipe and nothing that may start a number
        if field.is_some() {
            while b.get(i).is_some_and(|x| (0xE4..=0xE9).contains(x)) {
                i += 3;
            }
        }
    }
    if let Some(f) = field {
        field_end(&text[f..], at + f, numeric, out);
    }
}

/// True when the character at `b[i]` may start a number (an ASCII digit,
/// `-`, `０`…`９` or `－`: `EF BC 90`…`EF BC 99`, `EF BC 8D`), as
/// [`grammar`]'s label scan judges it (other full-width forms, `（`, `）`,
/// `：`, `，`, do not), or is a pipe: a field with either is read by the
/// grammar ([`field_tokens`]), and one with neither is known to hold no
/// pipe ([`Tok::no_pipe`]; the grammar reads a field with a pipe and no
/// number as the one label or null marker [`field_end`] makes of it).
#[inline(always)]
fn read_by_grammar(b: &[u8], i: usize) -> bool {
    // (one load: a table of the 256 bytes; `0xEF` looked at further)
    static MAY: [bool; 256] = {
        let mut t = [false; 256];
        let mut d = b'0';
        while d <= b'9' {
            t[d as usize] = true;
            d += 1;
        }
        t[b'-' as usize] = true;
        t[b'|' as usize] = true;
        t[0xEF] = true;
        t
    };
    MAY[usize::from(b[i])]
        && (b[i] != 0xEF
            || (b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x8D | 0x90..=0x99))))
}

/// The tokens of the field `f` at `at`: with no byte that may start a
/// number in it (`numeric` false), one label or null marker — what
/// [`field_tokens`] makes of it (its label text runs to the field's end),
/// without reading the field again (nor searching it for pipes: it holds
/// none, see [`read_by_grammar`]).
#[inline(always)]
fn field_end(f: &str, at: usize, numeric: bool, out: &mut Vec<Tok>) {
    if numeric {
        field_tokens(f, at, out);
    } else {
        let kind = if grammar::null_field(f) {
            Tk::Null
        } else {
            Tk::Label
        };
        out.push(Tok {
            no_pipe: true,
            ..Tok::new(kind, at, at + f.len())
        });
    }
}

/// Whether the character at byte `i` of `s` (a character boundary) is white
/// space ([`crate::lines::is_space`]), and its length in bytes.
#[inline]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    let x = s.as_bytes()[i];
    if x < 0x80 {
        return (matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 1);
    }
    // U+4000..U+9FFF (the ideographs): never white space
    if (0xE4..=0xE9).contains(&x) {
        return (false, 3);
    }
    // the other characters of three bytes but U+1000..U+2FFF (lead bytes
    // `E1`, `E2`): white space only U+3000 (`E3 80 80`) and U+FEFF
    // (`EF BB BF`), judged from the bytes (full-width forms, CJK
    // punctuation: `（`, `）`, `、`)
    if x == 0xE0 || (0xE3..=0xEF).contains(&x) {
        let b = s.as_bytes();
        let tail = (b.get(i + 1).copied(), b.get(i + 2).copied());
        let space = matches!(
            (x, tail),
            (0xE3, (Some(0x80), Some(0x80))) | (0xEF, (Some(0xBB), Some(0xBF)))
        );
        return (space, 3);
    }
    match s[i..].chars().next() {
        Some(c) => (crate::lines::is_space(c), c.len_utf8()),
        None => (false, 1),
    }
}

#[cfg(test)]
mod tests;
