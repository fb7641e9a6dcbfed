//! Table blocks: number rows in y bands, columns from the figures' x ranges
//! (refined by the header cells and, where drawn, the vertical rules), row
//! labels and group labels from the text left of the figures.

use super::header::{self, Header};
use super::rules::VerticalRules;
use super::{Chunk, Column, Line, Vertical};

/// Merges the x ranges of figures into columns (ranges that overlap, or
/// nearly touch, are one column).
pub fn columns(ranges: Vec<Column>, slack: f64) -> Vec<Column> {
    columns_cut(ranges, slack, &[])
}

/// Like [`columns`], but ranges on different sides of a cut (the x of a
/// vertical rule, `cuts` sorted) are never merged.
fn columns_cut(mut ranges: Vec<Column>, slack: f64, cuts: &[f64]) -> Vec<Column> {
    let slot = |r: &Column| cuts.partition_point(|&x| x < (r.0 + r.1) / 2.0);
    ranges.sort_by(|a, b| slot(a).cmp(&slot(b)).then(a.0.total_cmp(&b.0)));
    let mut out: Vec<(usize, Column)> = Vec::new();
    for r in ranges {
        let s = slot(&r);
        match out.last_mut() {
            Some((ls, last)) if *ls == s && r.0 <= last.1 + slack => last.1 = last.1.max(r.1),
            _ => out.push((s, r)),
        }
    }
    let mut cols: Vec<Column> = out.into_iter().map(|(_, c)| c).collect();
    cols.sort_by(|a, b| a.0.total_cmp(&b.0));
    cols
}

/// One row of a table block as read off the page.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockRow {
    /// A group label (vertical or centred over several rows).
    Group(String),
    /// A row: its label (possibly empty) and one cell per column.
    Row {
        /// The label, wrapped parts joined.
        label: String,
        /// The figures, `None` where the column is empty.
        cells: Vec<Option<String>>,
    },
    /// A line inside the block that is neither (kept as text).
    Text(String),
}

/// The index of the line that is a number row: its last chunk a figure,
/// and either at least two figures or a gap of more than two font sizes
/// before the figure (a label and its figure), or nothing but figures.
pub fn is_number_row(l: &Line) -> bool {
    let nums = l.chunks.iter().filter(|c| c.is_number()).count();
    let Some(last) = l.chunks.last() else {
        return false;
    };
    if !last.is_number() {
        return false;
    }
    if nums == l.chunks.len() {
        return nums >= 2 || l.chunks.len() == 1 && last.size > 0.0;
    }
    let n = l.chunks.len();
    nums >= 2 || (n >= 2 && last.x0 - l.chunks[n - 2].x1 > 2.0 * last.size)
}

/// What a table block is read with besides its own lines. Both are hints:
/// a block reads without them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The lines of the table's header just above the block: the x ranges
    /// of its bottom-most cells are the columns (a column whose cells are
    /// all empty exists because its header does).
    pub header: &'a [Line],
    /// The page's vertical rules, where drawn: figures on either side of a
    /// rule through the block's rows are in different columns.
    pub rules: Option<&'a VerticalRules>,
}

/// Reads the rows of a table block: `lines` from its first to its last
/// number row (plus the lines in between), `verticals` the vertical labels
/// beside it, `seed` the columns of the part of the same table above it (on
/// the previous page, or before a break in the table), taken when the
/// block's figures lie under them, one column each. Returns the rows in
/// reading order and the columns.
pub fn read_block(
    lines: &[Line],
    verticals: &[Vertical],
    seed: &[Column],
) -> (Vec<BlockRow>, Vec<Column>) {
    read_block_with(lines, verticals, seed, &Hints::default())
}

/// [`read_block`] with the header lines and the page's rules as hints.
pub fn read_block_with(
    lines: &[Line],
    verticals: &[Vertical],
    seed: &[Column],
    hints: &Hints<'_>,
) -> (Vec<BlockRow>, Vec<Column>) {
    let size = lines.iter().map(Line::size).fold(0.0, f64::max).max(1.0);
    let cols = block_columns(lines, seed, hints, size);
    let first_col = cols.first().map_or(f64::INFINITY, |c| c.0);
    let (mut rows, loose, texts) = collect_rows(lines, &cols, first_col, size);
    let left = attach_loose(&mut rows, loose, size);
    let groups = take_groups(&mut rows, left, size);
    let merged = merge_groups(groups, verticals, size);
    (order(rows, merged, texts), cols)
}

/// The columns of a block: the figures' x ranges, not merged across a
/// vertical rule through the number rows, then refined by the header cells
/// (when the figures confirm them) or, when there is no header, by the
/// seed (when the figures agree with it).
fn block_columns(lines: &[Line], seed: &[Column], hints: &Hints<'_>, size: f64) -> Vec<Column> {
    let mut ranges: Vec<Column> = Vec::new();
    let mut ys = Vec::new();
    for l in lines.iter().filter(|l| is_number_row(l)) {
        ys.push(l.y);
        ranges.extend(
            l.chunks
                .iter()
                .filter(|c| c.is_number())
                .map(|c| (c.x0, c.x1)),
        );
    }
    let lo = ranges.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
    let hi = ranges.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
    let cuts = match hints.rules {
        Some(r) if lo < hi => r.crossing(lo, hi, &ys, size),
        _ => Vec::new(),
    };
    let cols = columns_cut(ranges, 0.3 * size, &cuts);
    let first = cols.first().map_or(f64::INFINITY, |c| c.0);
    // the right edge of the row labels: header cells right of it are columns
    let label_right = lines
        .iter()
        .flat_map(|l| &l.chunks)
        .filter(|c| !c.is_number() && c.x1 <= first + 0.3 * size)
        .map(|c| c.x1)
        .fold(f64::NEG_INFINITY, f64::max);
    match header::refine(&cols, hints.header, label_right, size) {
        Header::Confirmed(refined) => refined,
        Header::Absent => header::adopt(seed, &cols, size).unwrap_or(cols),
        Header::Unclear => cols,
    }
}

/// A number row being read: its baseline, label parts and cells.
struct Row {
    y: f64,
    label_x: Option<f64>,
    /// (y, x, text)
    labels: Vec<(f64, f64, String)>,
    groups: Vec<(f64, String)>,
    cells: Vec<Option<String>>,
}

/// Label text: (y, x, text).
type Piece = (f64, f64, String);

/// The number rows with their cells and aligned labels; the label chunks
/// of other lines (loose); the text over the figures of other lines.
fn collect_rows(
    lines: &[Line],
    cols: &[Column],
    first_col: f64,
    size: f64,
) -> (Vec<Row>, Vec<Piece>, Vec<(f64, String)>) {
    let mut rows: Vec<Row> = Vec::new();
    let mut loose: Vec<Piece> = Vec::new();
    let mut texts: Vec<(f64, String)> = Vec::new();
    for l in lines {
        if is_number_row(l) {
            rows.push(number_row(l, cols, size));
            continue;
        }
        for c in &l.chunks {
            if c.x1 <= first_col + 0.3 * size {
                loose.push((c.y, c.x0, c.text.clone()));
            } else {
                texts.push((c.y, c.text.clone()));
            }
        }
    }
    (rows, loose, texts)
}

/// The column a figure centred at `mid` goes to.
fn column_of(cols: &[Column], mid: f64, size: f64) -> usize {
    cols.iter()
        .position(|col| mid >= col.0 && mid <= col.1)
        .or_else(|| {
            cols.iter()
                .position(|col| mid >= col.0 - 0.3 * size && mid <= col.1 + 0.3 * size)
        })
        .unwrap_or_else(|| nearest_col(cols, mid))
}

fn number_row(l: &Line, cols: &[Column], size: f64) -> Row {
    let mut cells: Vec<Option<String>> = vec![None; cols.len()];
    let mut labels: Vec<&Chunk> = Vec::new();
    for c in &l.chunks {
        if !c.is_number() {
            labels.push(c);
            continue;
        }
        let Some(slot) = cells.get_mut(column_of(cols, (c.x0 + c.x1) / 2.0, size)) else {
            continue;
        };
        match slot {
            Some(s) => {
                s.push(' ');
                s.push_str(&c.text)
            }
            slot => *slot = Some(c.text.clone()),
        }
    }
    // the label nearest the figures is the row's; those left of it are groups
    let mut groups = Vec::new();
    let mut own = Vec::new();
    if let Some(last) = labels.last() {
        for c in &labels {
            if c.x0 < last.x0 - 0.5 * size && c.x1 < last.x0 {
                groups.push((c.y, c.text.clone()));
            } else {
                own.push((c.y, c.x0, c.text.clone()));
            }
        }
    }
    Row {
        y: l.y,
        label_x: own.first().map(|o| o.1),
        labels: own,
        groups,
        cells,
    }
}

/// Attaches each loose label to the nearest row that takes it; returns
/// those no row took.
fn attach_loose(rows: &mut [Row], loose: Vec<Piece>, size: f64) -> Vec<Piece> {
    let mut left: Vec<Piece> = Vec::new();
    for (y, x, text) in loose {
        // a row without a label of its own takes a label line beside it; a
        // row with one takes only the next line of it (same x, one line down)
        let accepts = |r: &Row| match r.label_x {
            None => true,
            // the wrapped label of a row whose only aligned text is a group
            // label further left
            Some(lx) if x > lx + 0.5 * size => true,
            Some(lx) => {
                (lx - x).abs() <= 0.5 * size
                    && r.labels.iter().any(|l| (l.0 - y).abs() <= 1.3 * size)
            }
        };
        let above = rows.iter().rposition(|r| r.y >= y);
        let below = rows.iter().position(|r| r.y < y);
        let mut best: Option<(f64, usize)> = None;
        for k in [above, below].into_iter().flatten() {
            let d = (rows[k].y - y).abs();
            if accepts(&rows[k]) && d <= 1.5 * size && best.is_none_or(|b| d < b.0) {
                best = Some((d, k));
            }
        }
        match best {
            Some((_, k)) => rows[k].labels.push((y, x, text)),
            None => left.push((y, x, text)),
        }
    }
    left
}

/// Further lines of labels wrapped over more lines go to their rows; the
/// rest, and the label lines of a row away from its figures, are groups.
fn take_groups(rows: &mut [Row], mut left: Vec<Piece>, size: f64) -> Vec<Piece> {
    // next to a line a row already took, at the same x (a label of at most
    // a dozen lines)
    for _ in 0..12 {
        let mut moved = false;
        let mut rest = Vec::new();
        for (y, x, text) in left {
            let k = rows.iter().position(|r| {
                r.labels
                    .iter()
                    .any(|l| (l.1 - x).abs() <= 0.5 * size && (l.0 - y).abs() <= 1.3 * size)
            });
            match k {
                Some(k) => {
                    rows[k].labels.push((y, x, text));
                    moved = true;
                }
                None => rest.push((y, x, text)),
            }
        }
        left = rest;
        if !moved {
            break;
        }
    }
    let mut groups = left;
    // a row that took label lines at different x: those nearest the figures
    // are its label, the others group labels beside it
    for r in rows.iter_mut() {
        let Some(right) = r.labels.iter().map(|l| l.1).reduce(f64::max) else {
            continue;
        };
        let (own, other): (Vec<_>, Vec<_>) =
            r.labels.drain(..).partition(|l| l.1 >= right - 0.5 * size);
        r.labels = own;
        groups.extend(other);
    }
    groups
}

/// A group label: (top, bottom, x, text).
type Group = (f64, f64, f64, String);

/// Group fragments at the same x on consecutive lines are one label; the
/// vertical labels join them.
fn merge_groups(mut groups: Vec<Piece>, verticals: &[Vertical], size: f64) -> Vec<Group> {
    groups.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut merged: Vec<Group> = Vec::new();
    for (y, x, t) in groups {
        match merged
            .iter_mut()
            .rev()
            .find(|m| (m.2 - x).abs() <= 0.5 * size && m.1 - y <= 2.2 * size)
        {
            Some(m) => {
                m.1 = y;
                m.3.push_str(&t);
            }
            None => merged.push((y, y, x, t)),
        }
    }
    for v in verticals {
        merged.push((v.top, v.bottom, v.x0, v.text.clone()));
    }
    merged
}

/// The block's rows, groups and text in reading order: by the top of each.
fn order(mut rows: Vec<Row>, merged: Vec<Group>, texts: Vec<(f64, String)>) -> Vec<BlockRow> {
    enum El {
        Group(String),
        Row(usize),
        Text(String),
    }
    let mut els: Vec<(f64, f64, El)> = Vec::new();
    for (i, r) in rows.iter_mut().enumerate() {
        r.labels
            .sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
        let top = r.labels.first().map_or(r.y, |l| l.0.max(r.y));
        for (y, g) in r.groups.drain(..) {
            els.push((y, -1.0, El::Group(g)));
        }
        els.push((top, 0.0, El::Row(i)));
    }
    for (top, _, _, t) in merged {
        els.push((top, -1.0, El::Group(t)));
    }
    for (y, t) in texts {
        els.push((y, 1.0, El::Text(t)));
    }
    els.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
    els.into_iter()
        .map(|(_, _, e)| match e {
            El::Group(g) => BlockRow::Group(g),
            El::Text(t) => BlockRow::Text(t),
            El::Row(i) => {
                let r = &mut rows[i];
                BlockRow::Row {
                    label: r.labels.iter().map(|l| l.2.as_str()).collect(),
                    cells: std::mem::take(&mut r.cells),
                }
            }
        })
        .collect()
}

fn nearest_col(cols: &[Column], mid: f64) -> usize {
    let mut best = 0;
    let mut d = f64::INFINITY;
    for (i, c) in cols.iter().enumerate() {
        let dd = (mid - (c.0 + c.1) / 2.0).abs();
        if dd < d {
            d = dd;
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_keep_overlapping_ranges_apart() {
        let ranges = vec![(10.0, 30.0), (28.0, 40.0), (60.0, 70.0)];
        assert_eq!(
            columns(ranges.clone(), 1.0),
            vec![(10.0, 40.0), (60.0, 70.0)]
        );
        assert_eq!(
            columns_cut(ranges, 1.0, &[29.5]),
            vec![(10.0, 30.0), (28.0, 40.0), (60.0, 70.0)]
        );
    }
}
