//! The coordinate grid builder: glyphs with their positions on a page become
//! lines of text and, where numbers stand in columns, table blocks whose rows
//! become [`Grid`](super::Grid) rows.
//!
//! Nothing here depends on drawn ruling lines: rows come from the baselines
//! of the numbers (y bands), columns from the x ranges the numbers occupy
//! (the gaps between them), labels from the text left of the first column.
//! A label wrapped over two lines is attached to the number row it belongs
//! to; text left of a row's own label that is not aligned with a row (a
//! centred group label such as `（三）不予公开`), and labels written one
//! character per line (`三、本年度办理结果`), are group labels and kept out
//! of the row labels.
//!
//! ```
//! use ogi_report::grid::positions::{Glyph, lines};
//!
//! let g = |t: &str, x: f64, y: f64| Glyph { text: t.into(), x0: x, x1: x + 10.0, y, size: 10.0, upright: true };
//! let ls = lines(&[g("规", 0.0, 100.0), g("章", 10.0, 100.0), g("3", 200.0, 99.0)]);
//! assert_eq!(ls.len(), 1);
//! assert_eq!(ls[0].chunks.len(), 2);
//! assert_eq!(ls[0].chunks[0].text, "规章");
//! ```

/// One glyph shown on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Its Unicode text (usually one character).
    pub text: String,
    /// Left edge (points, from the page's left).
    pub x0: f64,
    /// Right edge: the origin of the next glyph of the same run.
    pub x1: f64,
    /// Baseline (points, from the page's bottom).
    pub y: f64,
    /// Font size in points.
    pub size: f64,
    /// True when the glyph is upright (not rotated or mirrored).
    pub upright: bool,
}

/// Glyphs that stand together on a baseline, without a wide gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// The glyphs' text (CJK joined without spaces).
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Largest font size.
    pub size: f64,
}

impl Chunk {
    /// True when the chunk is a number (digits with an optional sign,
    /// thousands separators, decimals, per cent).
    pub fn is_number(&self) -> bool {
        is_number(&self.text)
    }
}

/// True when `s` is a figure as printed in a table cell.
pub fn is_number(s: &str) -> bool {
    let s = s.trim();
    let s = s.strip_prefix(['-', '+', '−']).unwrap_or(s);
    let s = s.strip_suffix('%').unwrap_or(s);
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.ends_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && s.matches('.').count() <= 1
}

/// A line of text: chunks on one baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Baseline (of its first glyph).
    pub y: f64,
    /// The chunks, left to right.
    pub chunks: Vec<Chunk>,
}

impl Line {
    /// Left edge.
    pub fn x0(&self) -> f64 {
        self.chunks.first().map_or(0.0, |c| c.x0)
    }
    /// Right edge.
    pub fn x1(&self) -> f64 {
        self.chunks.last().map_or(0.0, |c| c.x1)
    }
    /// Largest font size.
    pub fn size(&self) -> f64 {
        self.chunks.iter().map(|c| c.size).fold(0.0, f64::max)
    }
    /// The text, chunks separated by `sep`.
    pub fn text(&self, sep: &str) -> String {
        let v: Vec<&str> = self.chunks.iter().map(|c| c.text.as_str()).collect();
        v.join(sep)
    }
}

fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// Groups glyphs into lines (top to bottom) and each line into chunks
/// (left to right). A glyph drawn twice at the same place (fake bold) is
/// kept once.
pub fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut order: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| {
            !g.text.trim().is_empty() && g.size > 0.0 && g.x0.is_finite() && g.y.is_finite()
        })
        .collect();
    order.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let y = order[i].y;
        let mut j = i + 1;
        while j < order.len() && y - order[j].y <= 0.3 * order[i].size.max(order[j].size) {
            j += 1;
        }
        let mut row: Vec<&Glyph> = order[i..j].to_vec();
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        out.push(Line {
            y,
            chunks: chunks(&row),
        });
        i = j;
    }
    out
}

fn chunks(row: &[&Glyph]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for g in row {
        if let Some(p) = prev {
            // the same glyph drawn again on top of itself
            if p.text == g.text && (g.x0 - p.x0).abs() < 0.2 * g.size {
                continue;
            }
        }
        let gap = prev.map_or(f64::INFINITY, |p| g.x0 - p.x1);
        let size = prev.map_or(g.size, |p| p.size.max(g.size));
        match out.last_mut() {
            Some(c) if gap <= 0.8 * size => {
                let (last, first) = (c.text.chars().last(), g.text.chars().next());
                if gap > 0.2 * size && !last.is_some_and(is_wide) && !first.is_some_and(is_wide) {
                    c.text.push(' ');
                }
                c.text.push_str(&g.text);
                c.x1 = c.x1.max(g.x1);
                c.size = c.size.max(g.size);
            }
            _ => out.push(Chunk {
                text: g.text.clone(),
                x0: g.x0,
                x1: g.x1.max(g.x0),
                y: g.y,
                size: g.size,
            }),
        }
        prev = Some(g);
    }
    out
}

/// A label written one character (or two) per line.
#[derive(Debug, Clone, PartialEq)]
pub struct Vertical {
    /// The characters top to bottom, joined.
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Baseline of the top character.
    pub top: f64,
    /// Baseline of the bottom character.
    pub bottom: f64,
}

/// More short chunks than this on a page: no vertical label is looked for.
const MAX_VERTICAL_CANDIDATES: usize = 5_000;

/// Takes the vertical labels out of `lines`: stacks of at least three short
/// non-numeric chunks with the same left edge on consecutive lines.
pub fn take_verticals(lines: &mut Vec<Line>) -> Vec<Vertical> {
    // candidates: (line index, chunk index)
    let mut cand: Vec<(usize, usize)> = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        for (ci, c) in l.chunks.iter().enumerate() {
            if c.text.chars().count() <= 2 && !c.is_number() && c.text.chars().any(is_wide) {
                cand.push((li, ci));
            }
        }
    }
    if cand.len() > MAX_VERTICAL_CANDIDATES {
        // no page of a report has that many; keep the time bounded
        return Vec::new();
    }
    let mut used = vec![false; cand.len()];
    let mut stacks: Vec<Vec<(usize, usize)>> = Vec::new();
    for s in 0..cand.len() {
        if used[s] {
            continue;
        }
        let mut stack = vec![cand[s]];
        let mut last = s;
        for t in s + 1..cand.len() {
            if used[t] {
                continue;
            }
            let a = &lines[cand[last].0].chunks[cand[last].1];
            let b = &lines[cand[t].0].chunks[cand[t].1];
            if a.y - b.y > 1.8 * a.size.max(b.size) {
                break;
            }
            if cand[t].0 != cand[last].0 && (a.x0 - b.x0).abs() <= 0.35 * a.size.max(b.size) {
                stack.push(cand[t]);
                last = t;
            }
        }
        if stack.len() >= 3 {
            for p in &stack {
                if let Some(k) = cand.iter().position(|c| c == p) {
                    used[k] = true;
                }
            }
            stacks.push(stack);
        }
    }
    let mut out = Vec::new();
    let mut remove: Vec<(usize, usize)> = Vec::new();
    for st in stacks {
        let cs: Vec<&Chunk> = st.iter().map(|&(l, c)| &lines[l].chunks[c]).collect();
        out.push(Vertical {
            text: cs.iter().map(|c| c.text.as_str()).collect(),
            x0: cs[0].x0,
            top: cs[0].y,
            bottom: cs[cs.len() - 1].y,
        });
        remove.extend(st);
    }
    remove.sort_unstable();
    for &(l, c) in remove.iter().rev() {
        lines[l].chunks.remove(c);
    }
    lines.retain(|l| !l.chunks.is_empty());
    out
}

/// A column of a table block: the x range its figures occupy.
pub type Column = (f64, f64);

/// Merges the x ranges of figures into columns (ranges that overlap, or
/// nearly touch, are one column).
pub fn columns(mut ranges: Vec<Column>, slack: f64) -> Vec<Column> {
    ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<Column> = Vec::new();
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a <= last.1 + slack => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
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

/// Reads the rows of a table block: `lines` from its first to its last
/// number row (plus the lines in between), `verticals` the vertical labels
/// beside it, `seed` the columns of the part of the same table on the
/// previous page. Returns the rows in reading order and the columns.
pub fn read_block(
    lines: &[Line],
    verticals: &[Vertical],
    seed: &[Column],
) -> (Vec<BlockRow>, Vec<Column>) {
    let size = lines.iter().map(Line::size).fold(0.0, f64::max).max(1.0);
    // columns from the figures' x ranges
    let mut ranges: Vec<Column> = seed.to_vec();
    for l in lines.iter().filter(|l| is_number_row(l)) {
        for c in l.chunks.iter().filter(|c| c.is_number()) {
            // a lone figure beside its label counts only when it is the last chunk
            ranges.push((c.x0, c.x1));
        }
    }
    let cols = columns(ranges, 0.3 * size);
    let first_col = cols.first().map_or(f64::INFINITY, |c| c.0);
    // rows: number rows and their aligned labels
    struct Row {
        y: f64,
        label_x: Option<f64>,
        labels: Vec<(f64, f64, String)>, // (y, x, text)
        groups: Vec<(f64, String)>,
        cells: Vec<Option<String>>,
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut loose: Vec<(f64, f64, String)> = Vec::new(); // unaligned label chunks
    let mut texts: Vec<(f64, String)> = Vec::new();
    for l in lines {
        let number_row = is_number_row(l);
        if number_row {
            let mut cells: Vec<Option<String>> = vec![None; cols.len()];
            let mut labels: Vec<&Chunk> = Vec::new();
            for c in &l.chunks {
                if c.is_number() {
                    let mid = (c.x0 + c.x1) / 2.0;
                    let k = cols
                        .iter()
                        .position(|col| mid >= col.0 - 0.3 * size && mid <= col.1 + 0.3 * size)
                        .unwrap_or_else(|| nearest_col(&cols, mid));
                    match &mut cells[k] {
                        Some(s) => {
                            s.push(' ');
                            s.push_str(&c.text)
                        }
                        slot => *slot = Some(c.text.clone()),
                    }
                } else {
                    labels.push(c);
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
            let label_x = own.first().map(|o| o.1);
            rows.push(Row {
                y: l.y,
                label_x,
                labels: own,
                groups,
                cells,
            });
        } else {
            for c in &l.chunks {
                if c.x1 <= first_col + 0.3 * size {
                    loose.push((c.y, c.x0, c.text.clone()));
                } else {
                    texts.push((c.y, c.text.clone()));
                }
            }
        }
    }
    // attach each loose label to the nearest row that takes it, or make it a group
    let mut groups: Vec<(f64, f64, String)> = Vec::new(); // (y, x, text)
    let mut left: Vec<(f64, f64, String)> = Vec::new();
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
    // further lines of a label wrapped over more lines: next to a line a
    // row already took, at the same x (a label of at most a dozen lines)
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
    groups.extend(left);
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
    // group fragments at the same x on consecutive lines are one label
    groups.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut merged: Vec<(f64, f64, f64, String)> = Vec::new(); // (top, bottom, x, text)
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
    // reading order: by the top of each element
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
    let mut out = Vec::new();
    for (_, _, e) in els {
        out.push(match e {
            El::Group(g) => BlockRow::Group(g),
            El::Text(t) => BlockRow::Text(t),
            El::Row(i) => {
                let r = &mut rows[i];
                BlockRow::Row {
                    label: r.labels.iter().map(|l| l.2.as_str()).collect(),
                    cells: std::mem::take(&mut r.cells),
                }
            }
        });
    }
    (out, cols)
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

    fn g(t: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: t.into(),
            x0: x,
            x1: x + 10.0,
            y,
            size: 10.0,
            upright: true,
        }
    }

    #[test]
    fn numbers() {
        assert!(is_number("1,234"));
        assert!(is_number("7730.28"));
        assert!(!is_number("-3-"));
        assert!(!is_number("2023年"));
    }

    #[test]
    fn vertical_stack_is_taken_out() {
        let mut gl = Vec::new();
        for (i, c) in ["三", "本", "年", "度"].iter().enumerate() {
            gl.push(g(c, 10.0, 200.0 - 15.0 * i as f64));
        }
        gl.push(g("甲", 100.0, 200.0));
        gl.push(g("1", 300.0, 200.0));
        let mut ls = lines(&gl);
        let v = take_verticals(&mut ls);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "三本年度");
        assert_eq!(ls.len(), 1);
    }
}
