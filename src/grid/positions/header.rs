//! Columns from a table's header cells: the x ranges of the bottom-most
//! header cells (`自然人`, `商业企业`, … `总计`; `维持`, `纠正`, …) are the
//! columns. They confirm the columns the figures give, split a column the
//! figures ran together, and add a column whose cells are all empty.

use super::{Column, Line};

/// A header cell: the text of one or more lines stacked in one cell.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    x0: f64,
    x1: f64,
    /// Baseline of its top line.
    top: f64,
    /// Baseline of its bottom line.
    bottom: f64,
}

/// At most this many header chunks are looked at.
const MAX_CHUNKS: usize = 400;

fn overlap(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0.0)
}

/// The header cells right of `label_right`: a chunk continues the cell
/// above it (a heading wrapped over lines) when each overlaps only the
/// other.
fn cells(header: &[Line], label_right: f64, size: f64) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    let chunks = header
        .iter()
        .flat_map(|l| &l.chunks)
        .filter(|c| c.x0 >= label_right - 0.2 * size && c.x1 > c.x0)
        .take(MAX_CHUNKS);
    for c in chunks {
        let same_line = |y: f64| (y - c.y).abs() <= 0.3 * size;
        // the cells just above (within two lines) that this chunk overlaps
        let above: Vec<usize> = (0..out.len())
            .filter(|&k| {
                let u = &out[k];
                u.bottom > c.y + 0.3 * size
                    && u.bottom - c.y <= 2.6 * size
                    && overlap((u.x0, u.x1), (c.x0, c.x1)) > 0.0
            })
            .collect();
        let alone_below = |k: usize| {
            // no other chunk of this line under that cell
            !header
                .iter()
                .filter(|l| same_line(l.y))
                .flat_map(|l| &l.chunks)
                .any(|d| d.x0 != c.x0 && overlap((out[k].x0, out[k].x1), (d.x0, d.x1)) > 0.0)
        };
        match above.as_slice() {
            [k] if alone_below(*k) => {
                let u = &mut out[*k];
                u.x0 = u.x0.min(c.x0);
                u.x1 = u.x1.max(c.x1);
                u.bottom = c.y;
            }
            _ => {
                out.push(Cell {
                    x0: c.x0,
                    x1: c.x1,
                    top: c.y,
                    bottom: c.y,
                });
            }
        }
    }
    out
}

/// The cells with no cell under them: the columns' own headings, left to
/// right. `None` when two of them overlap (no clear header).
fn leaves(cells: &[Cell], size: f64) -> Option<Vec<Column>> {
    let mut out: Vec<Column> = cells
        .iter()
        .filter(|c| {
            !cells.iter().any(|d| {
                d.top < c.bottom - 0.3 * size
                    && overlap((c.x0, c.x1), (d.x0, d.x1)) > 0.3 * (c.x1 - c.x0).min(d.x1 - d.x0)
            })
        })
        .map(|c| (c.x0, c.x1))
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    let clear = out.windows(2).all(|w| w[1].0 >= w[0].1 - 0.1 * size);
    clear.then_some(out)
}

/// What a block's header says about its columns.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Header {
    /// No header cell over the figures (the block goes on from a part of
    /// the table above, or has no header).
    Absent,
    /// Header cells that the figures do not confirm: no hint.
    Unclear,
    /// The columns, refined by the header.
    Confirmed(Vec<Column>),
}

/// Refines the figures' columns `cols` with the header `header` (lines
/// above the block), once the figures confirm the header (at least half
/// the columns, one at least, under one header cell each): a column holding
/// the centres of two header cells is split between them; a header cell
/// over no column right of the row labels (`label_right`) adds a column,
/// whose cells are all empty — between two confirmed columns, or beside
/// them no further away than the widest gap between header cells.
pub(super) fn refine(cols: &[Column], header: &[Line], label_right: f64, size: f64) -> Header {
    let cs = cells(header, label_right, size);
    if cs.is_empty() || cols.is_empty() {
        return Header::Absent;
    }
    let Some(leaves) = leaves(&cs, size) else {
        return Header::Unclear;
    };
    let slack = 0.3 * size;
    let under = |c: &Column, l: &Column| l.1 > c.0 - slack && l.0 < c.1 + slack;
    let mine: Vec<Column> = cols
        .iter()
        .filter_map(|c| {
            let mut over = leaves.iter().filter(|l| under(c, l));
            match (over.next(), over.next()) {
                (Some(l), None) => Some(*l),
                _ => None,
            }
        })
        .collect();
    if mine.is_empty() || mine.len() * 2 < cols.len() {
        return Header::Unclear;
    }
    let mut out = split(cols, &leaves);
    // where a column of empty cells may stand
    let widest = leaves
        .windows(2)
        .map(|w| w[1].0 - w[0].1)
        .fold(0.0, f64::max);
    let (lo, hi) = (mine[0], mine[mine.len() - 1]);
    let place = |l: &Column| {
        (l.0 > lo.1 && l.1 < hi.0)
            || mine.len() >= 2 && (lo.0 - l.1 <= widest + slack && l.1 <= lo.0)
            || mine.len() >= 2 && (l.0 - hi.1 <= widest + slack && l.0 >= hi.1)
    };
    let mut added: Vec<Column> = leaves
        .into_iter()
        .filter(|l| l.0 >= label_right && place(l) && !out.iter().any(|c| under(c, l)))
        .collect();
    out.append(&mut added);
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    Header::Confirmed(out)
}

/// Each column holding the centres of two or more header cells, split
/// between them.
fn split(cols: &[Column], leaves: &[Column]) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::with_capacity(cols.len() + leaves.len());
    for &c in cols {
        let inside: Vec<&Column> = leaves
            .iter()
            .filter(|l| {
                let mid = (l.0 + l.1) / 2.0;
                mid > c.0 && mid < c.1
            })
            .collect();
        let mut start = c.0;
        for w in inside.windows(2) {
            let cut = (w[0].1 + w[1].0) / 2.0;
            out.push((start, cut));
            start = cut;
        }
        out.push((start, c.1));
    }
    out
}

/// The columns of the table part above (`seed`) for a block whose own
/// columns `cols` each lie under a different one of them: the seed's
/// columns, widened by the block's. `None` when they do not agree.
pub(super) fn adopt(seed: &[Column], cols: &[Column], size: f64) -> Option<Vec<Column>> {
    if seed.is_empty() || cols.is_empty() {
        return None;
    }
    let slack = 0.3 * size;
    let mut out = seed.to_vec();
    let mut taken = vec![false; seed.len()];
    for c in cols {
        let mut under = seed
            .iter()
            .enumerate()
            .filter(|(_, s)| c.1 > s.0 - slack && c.0 < s.1 + slack);
        let (k, _) = under.next()?;
        if under.next().is_some() || taken[k] {
            return None;
        }
        taken[k] = true;
        out[k] = (out[k].0.min(c.0), out[k].1.max(c.1));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::Chunk;
    use super::*;

    fn line(y: f64, chunks: &[(f64, f64, &str)]) -> Line {
        Line {
            y,
            chunks: chunks
                .iter()
                .map(|&(x0, x1, t)| Chunk {
                    text: t.into(),
                    x0,
                    x1,
                    y,
                    size: 10.0,
                })
                .collect(),
        }
    }

    #[test]
    fn an_empty_column_exists_because_its_header_does() {
        // 自然人 | 法人或其他组织 (商业企业 | 科研机构) | 总计
        let header = [
            line(100.0, &[(150.0, 210.0, "法人或其他组织")]),
            line(88.0, &[(100.0, 130.0, "自然人"), (250.0, 270.0, "总计")]),
            line(76.0, &[(150.0, 170.0, "商业"), (190.0, 210.0, "科研")]),
            line(64.0, &[(150.0, 170.0, "企业"), (190.0, 210.0, "机构")]),
        ];
        // figures under 自然人, 商业企业 and 总计 only
        let cols = vec![(110.0, 120.0), (155.0, 165.0), (255.0, 265.0)];
        let Header::Confirmed(got) = refine(&cols, &header, 90.0, 10.0) else {
            panic!()
        };
        assert_eq!(
            got,
            vec![
                (110.0, 120.0),
                (155.0, 165.0),
                (190.0, 210.0),
                (255.0, 265.0)
            ]
        );
        // without a header, no hint
        assert_eq!(refine(&cols, &[], 90.0, 10.0), Header::Absent);
        // a header cell left of a lone confirmed column is no column
        assert_eq!(
            refine(&[(255.0, 265.0)], &header, 90.0, 10.0),
            Header::Confirmed(vec![(255.0, 265.0)])
        );
        // the next part of the table, without a header, takes those columns
        let part = [(112.0, 118.0), (255.0, 266.0)];
        assert_eq!(
            adopt(&got, &part, 10.0),
            Some(vec![
                (110.0, 120.0),
                (155.0, 165.0),
                (190.0, 210.0),
                (255.0, 266.0)
            ])
        );
        // not when a column of the part lies under none or two of them
        assert_eq!(adopt(&got, &[(130.0, 140.0)], 10.0), None);
        assert_eq!(adopt(&got, &[(110.0, 170.0)], 10.0), None);
    }

    #[test]
    fn a_column_over_two_header_cells_is_split() {
        let header = [line(
            100.0,
            &[
                (60.0, 80.0, "总计"),
                (100.0, 120.0, "维持"),
                (125.0, 145.0, "纠正"),
            ],
        )];
        let got = refine(
            &[(62.0, 70.0), (100.0, 145.0)],
            &header,
            f64::NEG_INFINITY,
            10.0,
        );
        assert_eq!(
            got,
            Header::Confirmed(vec![(62.0, 70.0), (100.0, 122.5), (122.5, 145.0)])
        );
    }

    #[test]
    fn overlapping_header_cells_are_no_hint() {
        // a caption above the table and a heading far below it, overlapping
        let header = [
            line(100.0, &[(100.0, 160.0, "第二十条第（五）项")]),
            line(60.0, &[(150.0, 200.0, "本年处理决定数量")]),
        ];
        assert_eq!(
            refine(&[(170.0, 180.0)], &header, 0.0, 10.0),
            Header::Unclear
        );
    }
}
