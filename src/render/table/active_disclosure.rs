//! The canonical layout of the active-disclosure table (see the
//! [module docs](super)).

use std::fmt;

use super::fragments::RowFragments;
use super::{ACTIVE_DISCLOSURE_BLOCKS, put_row};
use crate::model::{ActiveDisclosureTable, AdField, Format, Key};

/// The template format an active-disclosure table follows: 2021 when any
/// item has a 2021-only field (or `decisions` without `previous_year`).
pub fn active_disclosure_format(t: &ActiveDisclosureTable) -> Format {
    let v2021 = t.items.values().any(|fields| {
        fields.keys().any(|f| {
            matches!(
                f,
                AdField::Issued | AdField::Repealed | AdField::InForce | AdField::Amount10kYuan
            )
        }) || fields.contains_key(&AdField::Decisions)
            && !fields.contains_key(&AdField::PreviousYear)
    });
    if v2021 { Format::V2021 } else { Format::V2019 }
}

/// The header label of `field` in `format`.
fn field_label(field: AdField, format: Format) -> &'static str {
    if field == AdField::Decisions && format != Format::V2021 {
        "处理决定数量"
    } else {
        field.label()
    }
}

/// Writes the active-disclosure table (see the module docs).
pub fn write_active_disclosure<W: fmt::Write>(w: &mut W, t: &ActiveDisclosureTable) -> fmt::Result {
    active_disclosure(w, t, false)
}

/// [`write_active_disclosure`]; `pipes` as [`super::write_table_rows`].
pub(super) fn active_disclosure<W: fmt::Write>(
    w: &mut W,
    t: &ActiveDisclosureTable,
    pipes: bool,
) -> fmt::Result {
    let format = active_disclosure_format(t);
    if t.items.is_empty() {
        // a table without items: its first block title and column header
        // read back as one (the title alone would take in pipe rows that
        // follow it after a blank line, read as its own rows)
        w.write_str("第二十条第（一）项\n信息内容")?;
        for field in ACTIVE_DISCLOSURE_BLOCKS[0].1[0].fields(format) {
            w.write_char('\t')?;
            w.write_str(field_label(*field, format))?;
        }
        return w.write_char('\n');
    }
    let mut frags = RowFragments::new(&t.fragments, t.source.values());
    // the items in the model's order (the source's), each run of items of
    // one block under its block title: items read in another order than
    // the template's (a block （六） before （一）) read back in that order
    let mut block: Option<&str> = None;
    for (item, values) in &t.items {
        let Some((numeral, items)) = ACTIVE_DISCLOSURE_BLOCKS
            .iter()
            .find(|(_, items)| items.contains(item))
        else {
            continue;
        };
        if block != Some(*numeral) {
            block = Some(*numeral);
            write!(w, "第二十条第{numeral}项\n信息内容")?;
            for field in items[0].fields(format) {
                w.write_char('\t')?;
                w.write_str(field_label(*field, format))?;
            }
            w.write_char('\n')?;
        }
        put_row(
            w,
            item.label(),
            t.source.get(item),
            Some(values),
            // the row's own fields, as the parser reads them: a 2019 row
            // in a 2021 table (`其他对外管理服务事项` under （五）) keeps its
            // three cells where the block's header has one column
            item.fields(format),
            &mut frags,
            pipes,
        )?;
    }
    Ok(())
}
