//! The coordinate grid builder: glyphs with their positions on a page become
//! lines of text and, where numbers stand in columns, table blocks whose rows
//! become [`Grid`](super::Grid) rows.
//!
//! Nothing here depends on drawn ruling lines: rows come from the baselines
//! of the numbers (y bands), columns from the x ranges the numbers occupy
//! (the gaps between them) and from the header cells above them, labels
//! from the text left of the first column. Where ruling lines are drawn
//! they are a hint ([`VerticalRules`]): glyphs on either side of a vertical
//! rule are in different chunks, figures in different columns.
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

/// A column of a table block: the x range its figures occupy.
pub type Column = (f64, f64);

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
    lines_ruled(glyphs, &VerticalRules::default())
}

/// Like [`lines`], and a vertical rule drawn between two glyphs of a line
/// starts a new chunk (they are in different cells), however narrow the
/// gap.
pub fn lines_ruled(glyphs: &[Glyph], rules: &VerticalRules) -> Vec<Line> {
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
            chunks: chunks(&row, rules),
        });
        i = j;
    }
    out
}

fn chunks(row: &[&Glyph], rules: &VerticalRules) -> Vec<Chunk> {
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
        let ruled = |p: &Glyph| {
            !rules.is_empty()
                && rules.separates((p.x0 + p.x1) / 2.0, (g.x0 + g.x1) / 2.0, g.y, size)
        };
        let apart = prev.is_some_and(ruled);
        match out.last_mut() {
            Some(c) if gap <= 0.8 * size && !apart => {
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
/// non-numeric chunks with the same left edge on consecutive lines, two
/// thirds of them single characters.
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
        // mostly single characters: a heading wrapped two characters a
        // line (`社会` / `公益` / `组织`) is no vertical label
        let singles = stack
            .iter()
            .filter(|&&(l, c)| lines[l].chunks[c].text.chars().count() == 1)
            .count();
        if stack.len() >= 3 && singles * 3 >= stack.len() * 2 {
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

mod block;
mod header;
mod rules;

pub use block::{BlockRow, Hints, columns, is_number_row, read_block, read_block_with};
pub use rules::{MAX_RULES, Rule, VerticalRules};

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
