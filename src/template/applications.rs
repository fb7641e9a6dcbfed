//! The applications table (政府信息公开申请办理情况): rows by label, the
//! 2021 template's groups （三）…（六） with their 小计 rows, the
//! 法人或其他组织 `org_subtotal` column when the header has one, wrapped
//! labels joined back to their row.

use super::cells::{Tk, Tok, tokens_of};
use super::rows::{Builder, Cutter, Piece, RowAcc};
use super::vocabulary::{AppLabel, Set, W, app_label_of, group_of};
use crate::grid::Grid;
use crate::lines::Locator;
use crate::model::keys::{AppCol, AppGroup, AppRow, Key};
use crate::model::table::{ApplicationsTable, FragmentRole, Table};
use crate::text::lexical::{norm, norm_into, section_marker, subsection_marker};

/// The state of the reader while it walks the tokens.
struct Reader<'t, 'l> {
    b: Builder<'t, 'l>,
    rows: Vec<RowAcc<AppRow>>,
    /// The row whose values are being read.
    current: Option<usize>,
    /// The last row closed by text after its values (for wrapped labels).
    closed: Option<usize>,
    header_done: bool,
    org_subtotal: bool,
    group: Option<AppGroup>,
    /// A buffer for [`Reader::rest`]: a row's label so far, normalised.
    have: String,
}

/// The template label of each row ([`AppRow::ALL`] order), normalised: once
/// a process (they are the template's), not again for each piece of text
/// [`Reader::rest`] asks about.
static TEMPLATE_NORMS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| AppRow::ALL.iter().map(|r| norm(r.label())).collect());

/// Maps a grid to the applications table.
pub(crate) fn map(grid: &Grid, text: &str, loc: &Locator<'_>) -> Table {
    let toks = tokens_of(grid, Some(text));
    let mut cutter = Cutter::spare();
    let mut r = Reader {
        b: Builder::new(text, loc, grid, toks.len()),
        rows: Vec::with_capacity(AppRow::ALL.len()),
        current: None,
        closed: None,
        header_done: false,
        org_subtotal: false,
        group: None,
        have: String::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // text between a row's values and more values ends the row: values
        // that follow belong to no row rather than to the wrong one
        if matches!(t.kind, Tk::Label | Tk::Page | Tk::Rule)
            && r.current.is_some_and(|c| !r.rows[c].cells.is_empty())
        {
            r.closed = r.current.take();
        }
        match t.kind {
            Tk::Page | Tk::Rule => r.b.page(&t),
            Tk::Value | Tk::Null | Tk::Empty => r.value(t),
            Tk::Label => {
                let j = toks[i..]
                    .iter()
                    .position(|t| t.kind != Tk::Label)
                    .map_or(toks.len(), |p| i + p);
                for p in cutter.pieces(text, &toks[i..j], Some(Set::default())) {
                    r.label(&p);
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    r.finish(grid)
}

impl Reader<'_, '_> {
    fn value(&mut self, t: Tok) {
        match self.current {
            Some(c) => self.b.push_cell(&mut self.rows[c], t),
            // a header cell of text and a figure (`数据1`: see
            // `cells::tokens_of`) is header text
            None if t.kind == Tk::Value
                && !self.header_done
                && !self.b.text[t.start..].starts_with(|c: char| {
                    c.is_ascii_digit() || matches!(c, '-' | '－' | '０'..='９')
                }) =>
            {
                self.b.frag(FragmentRole::Header, t.start, t.end)
            }
            None if t.kind != Tk::Empty => self.b.frag(FragmentRole::Other, t.start, t.end),
            None => {}
        }
    }

    /// Opens a row. A row label that directly follows 其他处理 without values
    /// makes it a group label (（六）其他处理 in 2021).
    fn new_row(&mut self, key: AppRow, p: &Piece) {
        if let Some(last) = self.rows.last()
            && last.key == AppRow::OtherProcessing
            // (empty fields kept because the grid row holds another
            // row's figures are no values either)
            && self.b.cells[last.cells.clone()]
                .iter()
                .all(|t| t.kind == Tk::Empty)
        {
            let last = self.rows.pop().expect("checked");
            if let Some((s, e)) = last.label {
                self.b.frag(FragmentRole::GroupLabel, s, e);
            }
        }
        let row = self.b.open_row(key, Some((p.start, p.end)));
        self.rows.push(row);
        self.current = Some(self.rows.len() - 1);
    }

    /// The label of `p`, where the second half of a wrapped label that names
    /// its own row again (`…重新出` / `具已获取信息`) continues it instead.
    fn classify(&self, p: &Piece) -> AppLabel {
        match app_label_of(p.norm, &p.found) {
            // (the cheap test first: the markers are parsed only for a label
            // that names the row it follows)
            AppLabel::Row(r)
                if self
                    .current
                    .or(self.closed)
                    .is_some_and(|c| self.rows[c].key == r)
                    && subsection_marker(p.norm).is_err()
                    && section_marker(p.norm).is_err() =>
            {
                AppLabel::Unknown
            }
            other => other,
        }
    }

    fn label(&mut self, p: &Piece) {
        let label = self.classify(p);
        if !matches!(label, AppLabel::Unknown | AppLabel::Header | AppLabel::Note) {
            self.closed = None;
        }
        match label {
            AppLabel::Row(r) => {
                self.header_done = true;
                if r == AppRow::OtherProcessing {
                    // a 2021 group label until values prove it a row
                    self.group = Some(AppGroup::Other);
                }
                if let Some(g) = r.app_group() {
                    self.group = Some(g);
                }
                self.new_row(r, p);
            }
            AppLabel::Total if self.header_done || p.norm.starts_with("(七)") => {
                self.header_done = true;
                self.new_row(AppRow::TotalProcessed, p);
            }
            AppLabel::Subtotal if self.header_done => match self.group {
                Some(g) => self.new_row(g.subtotal(), p),
                None => self.b.frag(FragmentRole::Other, p.start, p.end),
            },
            AppLabel::OtherInGroup => {
                // `3.其他`: the only numbered 其他 of the table
                self.header_done = true;
                self.group = Some(AppGroup::Other);
                self.new_row(AppRow::OtherOther, p);
            }
            AppLabel::Group => {
                self.header_done = true;
                self.group = group_of(p.norm, &p.found).or(self.group);
                self.b.frag(FragmentRole::GroupLabel, p.start, p.end);
                self.current = None;
            }
            AppLabel::Note => {
                // a 小计 column named in the same run as the note
                self.org_subtotal |= !self.header_done && p.found.has(W::Subtotal);
                self.b.frag(FragmentRole::Note, p.start, p.end);
            }
            _ if !self.header_done => {
                self.org_subtotal |= p.found.has(W::Subtotal);
                self.b.frag(FragmentRole::Header, p.start, p.end);
            }
            _ => self.rest(p),
        }
    }

    /// Text in the body that is no label: the rest of a wrapped label, or
    /// other text. A label that ends in a marker glued to its text
    /// (`四、结转下年度继四、`) has no rest ([`ends_in_glued_marker`]). The
    /// rest of a row's label that repeats an earlier row's
    /// (`…不` + `（二）部分公开` + `计其他情形）`) is other text: the first row
    /// wins, the repeated one's label becomes other text
    /// ([`Builder::finish_rows`]), and so does its rest, which is no part
    /// of the first row's label.
    fn rest(&mut self, p: &Piece) {
        let text = self.b.text;
        let at = self.current.or(self.closed);
        // the cheap tests first; the row's label normalised in a reused
        // buffer, its template label normalised once
        let have = &mut self.have;
        let rows = &self.rows;
        let continues = at
            .and_then(|c| rows.get(c).map(|r| (c, r)))
            .is_some_and(|(c, r)| {
                if rows[..c].iter().any(|q| q.key == r.key) {
                    return false;
                }
                let tpl = TEMPLATE_NORMS[r.key as usize].as_str();
                if !in_template_rest(tpl, p.norm) {
                    return false;
                }
                have.clear();
                if let Some((s, e)) = r.label {
                    norm_into(have, &text[s..e]);
                }
                // (the rest so far normalised too: `形）` is in `…形)`)
                crate::text::norm::push_norm(have, &r.label_extra);
                rest_of(have, p.norm)
            });
        if continues {
            if let Some(r) = at.and_then(|c| self.rows.get_mut(c)) {
                r.label_extra.push_str(&text[p.start..p.end]);
            }
            self.b.frag(FragmentRole::LabelPart, p.start, p.end);
        } else {
            self.b.frag(FragmentRole::Other, p.start, p.end);
        }
    }

    fn finish(mut self, grid: &Grid) -> Table {
        // a trailing 其他处理 without values stays a (null) row
        let mut columns: Vec<AppCol> = AppCol::TEMPLATE.to_vec();
        if self.org_subtotal {
            columns.insert(6, AppCol::OrgSubtotal);
        }
        let (values, source) = self.b.finish_rows(self.rows, |_| columns.as_slice());
        Table::Applications(ApplicationsTable {
            span: super::span_of(grid, self.b.loc),
            layout: super::layout_of(grid),
            columns,
            rows: values,
            source,
            fragments: self.b.into_fragments(),
        })
    }
}

/// True when text `piece` (normalised) is in the template label `tpl`
/// (normalised) past its start and longer than one character: the cheap
/// half of the test whether it continues a row's label ([`Reader::rest`]).
fn in_template_rest(tpl: &str, piece: &str) -> bool {
    piece.chars().nth(1).is_some() && tpl.contains(piece) && !tpl.starts_with(piece)
}

/// True when `piece` (normalised, [`in_template_rest`] of the row's
/// template label) continues a row whose label so far is `have`
/// (normalised): the label does not hold it already and does not end in a
/// glued marker ([`ends_in_glued_marker`]).
fn rest_of(have: &str, piece: &str) -> bool {
    !have.contains(piece) && !ends_in_glued_marker(have)
}

/// True when the text `piece`, in a field of its own after the cells of a
/// row labelled `label` whose template label is `template`, is read back as
/// the rest of that label (a `label_part`, see [`Reader::rest`]), not as
/// other text (`三安全` TAB the figures TAB `稳定`: the rest of
/// `3.危及“三安全一稳定”`): the renderer does not write other text
/// there.
pub(crate) fn continues_label(template: &str, label: &str, piece: &str) -> bool {
    let piece = norm(piece);
    in_template_rest(&norm(template), &piece) && rest_of(&norm(label), &piece)
}

/// True when the label `have` (normalised) ends in a list marker glued to
/// its text that opens with no digit (`四、结转下年度继四、`, `…(二)`): with
/// nothing after it on its line such a marker is label text
/// (`rows::Cutter`), but with a rest joined after it (`续办理`, on the next
/// line or after the row's figures) the label, written on one line, is cut
/// at the marker when read back; so no rest continues it (the rest is other
/// text). A label ending in a digit marker (`（本列部分公开1.` + `形）`) keeps
/// its rest: the renderer writes it wrapped as it stood (laws-c8's `[WD]`).
fn ends_in_glued_marker(have: &str) -> bool {
    // (the longest marker, `(十二)`, is four characters)
    have.char_indices().rev().take(6).any(|(k, c)| {
        let tail = &have[k..];
        k > 0
            && !c.is_ascii_digit()
            && (matches!(subsection_marker(tail), Ok(("", _)))
                || matches!(section_marker(tail), Ok(("", _))))
    })
}

#[cfg(test)]
mod tests {
    // ---- sp-map5 ----

    /// The template labels normalised once are each row's label normalised,
    /// at the row's place in [`AppRow::ALL`] (its discriminant).
    #[test]
    fn the_template_labels_are_normalised_in_row_order() {
        use super::*;
        assert_eq!(TEMPLATE_NORMS.len(), AppRow::ALL.len());
        for &r in AppRow::ALL {
            assert_eq!(TEMPLATE_NORMS[r as usize], norm(r.label()), "{r:?}");
        }
    }

    #[test]
    fn a_label_ending_in_a_glued_marker_has_no_rest() {
        for have in [
            "四、结转下年度继四、",
            "一、本年新收一、",
            "3.补正后申请内四、",
        ] {
            assert!(super::ends_in_glued_marker(have), "{have}");
        }
        for have in [
            "四、",
            "1.",
            "(本列部分公开1.",
            "(二)部分公开(区分处理的,只计这2.",
            "(二)部分公开(区分处理的,只计这一情形,不",
            "1.申请人无正当理由逾期不补正、",
        ] {
            assert!(!super::ends_in_glued_marker(have), "{have}");
        }
    }
}
