//! The active-disclosure table (第二十条): items by label, in the 2019
//! or the 2021 variant, with units and remarks written after the figures.

use crate::model::RowMap;

use super::cells::{Tk, tokens};
use super::rows::{Builder, Cutter, Piece, RowAcc, cell_suffix};
use super::vocabulary::{self, AD_VOCAB, ad_header, ad_item_of, ad_marks_2021_of};
use crate::grid::Grid;
use crate::lines::Locator;
use crate::model::Format;
use crate::model::keys::{AdField, AdItem, Key};
use crate::model::table::{ActiveDisclosureTable, FragmentRole, RowSource, Table};

/// Maps a grid to the active-disclosure (第二十条) table, in the 2019 or the
/// 2021 variant as its header says.
pub(crate) fn map(grid: &Grid, text: &str, loc: &Locator<'_>) -> Table {
    let toks = tokens(grid);
    let mut cutter = Cutter::spare();
    let mut b = Builder::new(text, loc, grid, toks.len());
    let mut rows: Vec<RowAcc<AdItem>> = Vec::with_capacity(AdItem::ALL.len());
    let mut current: Option<usize> = None;
    let mut v2021: Option<bool> = None;
    // the last label piece was a header word, and no figure came after it
    let mut after_header = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if matches!(t.kind, Tk::Label | Tk::Page | Tk::Rule)
            && current.is_some_and(|c| !rows[c].cells.is_empty())
        {
            current = None;
        }
        match t.kind {
            Tk::Page | Tk::Rule => b.page(&t),
            Tk::Value | Tk::Null | Tk::Empty => {
                after_header &= t.kind == Tk::Empty;
                match current {
                    Some(c) => b.push_cell(&mut rows[c], t),
                    None if t.kind != Tk::Empty => b.frag(FragmentRole::Other, t.start, t.end),
                    None => {}
                }
            }
            Tk::Label => {
                let j = toks[i..]
                    .iter()
                    .position(|t| t.kind != Tk::Label)
                    .map_or(toks.len(), |p| i + p);
                for p in cutter.pieces(text, &toks[i..j], Some(AD_VOCAB)) {
                    if let Some(row) = label(&mut b, &p, &mut v2021, &mut after_header) {
                        rows.push(row);
                        current = Some(rows.len() - 1);
                    }
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let format = if v2021.unwrap_or(false) {
        Format::V2021
    } else {
        Format::V2019
    };
    let (items, source) = b.finish_rows(rows, |item: AdItem| item.fields(format));
    let (units, remarks) = units_and_remarks(&source);
    Table::ActiveDisclosure(ActiveDisclosureTable {
        span: super::span_of(grid, loc),
        layout: super::layout_of(grid),
        items,
        units,
        remarks,
        source,
        fragments: b.into_fragments(),
    })
}

/// A label piece: a header word (which also tells the variant), an item's
/// row (returned), or other text. Other text after header words, before
/// any figure or item, is header text too (`信息内容金`): it is no cell of
/// the row that the header follows (`行政处罚信息内容金`), as it is none in
/// the row's canonical line. `after_header` says whether the last label
/// piece was header text with no figure after it.
fn label(
    b: &mut Builder<'_, '_>,
    p: &Piece,
    v2021: &mut Option<bool>,
    after_header: &mut bool,
) -> Option<RowAcc<AdItem>> {
    if let Some(m) = ad_marks_2021_of(&p.found) {
        *v2021 = Some(v2021.unwrap_or(false) || m);
        b.frag(FragmentRole::Header, p.start, p.end);
        *after_header = true;
        return None;
    }
    let Some(item) = ad_item_of(&p.found) else {
        *after_header |= ad_header(p.norm, &p.found);
        let role = if *after_header {
            FragmentRole::Header
        } else {
            FragmentRole::Other
        };
        b.frag(role, p.start, p.end);
        return None;
    };
    *after_header = false;
    Some(b.open_row(item, Some((p.start, p.end))))
}

type ByField = RowMap<AdItem, RowMap<AdField, crate::model::Str>>;

/// The text after each figure: units (`万元`) and remarks (`（其中修订16件）`).
fn units_and_remarks(source: &RowMap<AdItem, RowSource<AdField>>) -> (ByField, ByField) {
    let mut units = ByField::new();
    let mut remarks = ByField::new();
    for (item, src) in source {
        for (field, cell) in &src.cells {
            if let Some(rest) = suffix_of(&cell.raw) {
                let map = if vocabulary::is_unit(rest) {
                    &mut units
                } else {
                    &mut remarks
                };
                map.entry(*item).or_default().insert(*field, rest.into());
            }
        }
    }
    (units, remarks)
}

/// [`cell_suffix`] of a cell's text, with a cell of ASCII digits alone (most
/// cells: a plain figure, or a fused run of digits) known to have none
/// without trimming it and reading its number again: the digits are all
/// of its number, or the number does not fit and there is none to read.
#[inline]
fn suffix_of(raw: &str) -> Option<&str> {
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    cell_suffix(raw)
}

#[cfg(test)]
mod tests {
    // sp-active
    use super::*;

    #[test]
    fn a_cell_of_digits_has_no_suffix_as_cell_suffix_reads_it() {
        let digits = [
            "",
            "0",
            "7",
            "00",
            "0123",
            "9487",
            "898989",
            "123456789012345678",
            "1234567890123456789",
            "99999999999999999999999999999999999999999999",
        ];
        for d in digits {
            assert_eq!(cell_suffix(d), None, "{d:?}");
            assert_eq!(suffix_of(d), cell_suffix(d), "{d:?}");
        }
        // (and the other cells are read as before)
        for raw in [
            "12万元",
            " 12 万元 ",
            "3（其中修订16件）",
            "0.5",
            "-",
            "无",
            "１２",
            "12\u{3000}",
            "1,234元",
        ] {
            assert_eq!(suffix_of(raw), cell_suffix(raw), "{raw:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn suffix_of_is_cell_suffix(raw in "[0-9]{0,25}|[0-9 .,万元件（）其中-]{0,12}|\\PC{0,8}") {
            proptest::prop_assert_eq!(suffix_of(&raw), cell_suffix(&raw));
        }
    }
}
