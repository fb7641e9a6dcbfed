//! The pages' items joined (a paragraph or a table continued on the next
//! page is one; page furniture after the item it interrupts) and written as
//! the extracted text.

use super::Extracted;
use super::layout::{Item, PageItems, join_text};
use crate::grid::positions::{self, BlockRow};
use crate::grid::{Cell, Grid};

/// Joins the pages' items (a paragraph or table continued on the next page
/// is one) and writes the extracted text.
pub(super) fn write(pages: Vec<PageItems>) -> Extracted {
    let total = pages.len() as u32;
    let mut items: Vec<(Item, u32)> = Vec::new();
    let mut pending: Vec<(String, u32)> = Vec::new();
    for (pi, p) in pages.into_iter().enumerate() {
        let page = pi as u32 + 1;
        let mut it = p.items.into_iter();
        if let Some(first) = it.next()
            && let Some(first) = go_on(&mut items, first, p.first_unindented)
        {
            items.extend(pending.drain(..).map(|(t, pg)| (Item::Line(t), pg)));
            items.push(first);
        }
        for x in it {
            items.extend(pending.drain(..).map(|(t, pg)| (Item::Line(t), pg)));
            items.push(x);
        }
        pending.extend(p.furniture.into_iter().map(|f| (f, page)));
    }
    items.extend(pending.drain(..).map(|(t, pg)| (Item::Line(t), pg)));
    let mut out = Extracted {
        pages: total,
        ..Extracted::default()
    };
    for (item, page) in items {
        match item {
            Item::Para { text, .. } | Item::Line(text) => {
                out.lines.push((out.text.len(), page));
                out.text.push_str(&text);
                out.text.push('\n');
            }
            Item::Table { rows, labels, .. } => write_table(&mut out, rows, labels, page),
        }
    }
    out
}

/// Joins the first item of a page to the last item of the pages before
/// when it goes on from it (a paragraph run to the right margin going on
/// unindented, in the same size; a table going on); returns it otherwise.
fn go_on(
    items: &mut [(Item, u32)],
    first: (Item, u32),
    first_unindented: bool,
) -> Option<(Item, u32)> {
    match (items.last_mut(), first) {
        (
            Some((
                Item::Para {
                    text,
                    open: open @ true,
                    size,
                },
                _,
            )),
            (
                Item::Para {
                    text: t2,
                    open: o2,
                    size: s2,
                },
                _,
            ),
        ) if first_unindented && (*size - s2).abs() <= 0.15 * s2 => {
            join_text(text, &t2);
            *open = o2;
            None
        }
        (
            Some((Item::Table { rows, cols, labels }, _)),
            (
                Item::Table {
                    rows: r2,
                    cols: c2,
                    labels: l2,
                },
                _,
            ),
        ) if *labels == l2 && !r2.is_empty() => {
            // one table: the columns of both parts
            let mut all = cols.clone();
            all.extend(c2);
            *cols = positions::columns(all, 1.0);
            rows.extend(r2);
            None
        }
        (_, first) => Some(first),
    }
}

/// Writes a table as tab rows (label, then one field per column; group
/// labels and text as lines of their own) and keeps its grid with the
/// cells' spans in the extracted text.
fn write_table(out: &mut Extracted, rows: Vec<BlockRow>, labels: bool, page: u32) {
    let mut g = Grid::new();
    for r in rows {
        g.push_row(match r {
            BlockRow::Group(t) | BlockRow::Text(t) => vec![Cell::new(t, 0..0)],
            BlockRow::Row { label, cells } => {
                let mut row = Vec::with_capacity(cells.len() + 1);
                if labels {
                    row.push(Cell::new(label, 0..0));
                }
                row.extend(cells.into_iter().map(|c| match c {
                    Some(t) => Cell::new(t, 0..0),
                    None => Cell::empty(0),
                }));
                row
            }
        });
    }
    let tab = g.to_tab_text();
    let base = out.text.len();
    let mut fixed = Grid::new();
    for (row, ranges) in g.rows().iter().zip(&tab.cells) {
        let start = base + ranges.first().map_or(0, |r| r.start);
        out.lines.push((start, page));
        fixed.push_row(
            row.iter()
                .zip(ranges)
                .map(|(c, r)| Cell::new(c.text.clone(), base + r.start..base + r.end))
                .collect(),
        );
    }
    out.text.push_str(&tab.text);
    out.tables.push(fixed);
}
