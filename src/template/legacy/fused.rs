//! Fused digits: the readings of a run of digits as two values, and the
//! choice of a reading for every row by the group sums (parts ≤ whole).

use super::labels::{number, parent};
use super::{Row, Val};
use crate::model::Number;

/// The readings of a run of `d` digits at `at` as `cols` values.
pub(super) fn fused_readings(d: &str, at: usize, cols: usize) -> Vec<Vec<Val>> {
    if cols != 2 || d.len() < 2 || d.len() > 30 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let ok = |s: &str| s == "0" || !s.starts_with('0');
    let mut out: Vec<(usize, Vec<Val>)> = Vec::new();
    for k in 1..d.len() {
        let (a, b) = (&d[..k], &d[k..]);
        if !ok(a) || !ok(b) {
            continue;
        }
        let (Some(x), Some(y)) = (number(a), number(b)) else {
            continue;
        };
        if y.cmp_value(x) == std::cmp::Ordering::Less {
            continue;
        }
        // the most even split first; at equal distance the longer total
        let lc = b.len() as isize - a.len() as isize;
        let score = if lc >= 0 {
            2 * lc as usize
        } else {
            2 * (-lc) as usize + 1
        };
        out.push((
            score,
            vec![
                Val {
                    n: Some(x),
                    text: a.to_string(),
                    at,
                },
                Val {
                    n: Some(y),
                    text: b.to_string(),
                    at: at + k,
                },
            ],
        ));
    }
    out.sort_by_key(|(s, _)| *s);
    out.into_iter().map(|(_, v)| v).collect()
}

/// The value of `col` (0 or 1) of reading `pick` of `r`.
pub(super) fn val(r: &Row, pick: usize, col: usize) -> Option<Number> {
    r.readings.get(pick)?.get(col)?.n
}

/// Chooses a reading for every row: fused rows by the group sums (parts ≤
/// whole), in order of preference. Bounded: at most `BUDGET` steps per group.
pub(super) fn choose(rows: &[Row]) -> Vec<usize> {
    const BUDGET: usize = 20_000;
    let mut pick = vec![0usize; rows.len()];
    let heads: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.key.is_some_and(|k| parent(k).is_none()))
        .map(|(i, _)| i)
        .collect();
    for h in heads {
        let Some(hk) = rows[h].key else { continue };
        let parts: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.key.and_then(parent) == Some(hk))
            .map(|(i, _)| i)
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut steps = 0;
        'head: for hp in 0..rows[h].readings.len() {
            let mut cur = vec![0usize; parts.len()];
            if search(rows, h, hp, &parts, 0, &mut cur, &mut steps, BUDGET) {
                pick[h] = hp;
                for (p, c) in parts.iter().zip(cur) {
                    pick[*p] = c;
                }
                break 'head;
            }
            if steps >= BUDGET {
                break;
            }
        }
    }
    pick
}

#[allow(clippy::too_many_arguments)]
pub(super) fn search(
    rows: &[Row],
    h: usize,
    hp: usize,
    parts: &[usize],
    k: usize,
    cur: &mut Vec<usize>,
    steps: &mut usize,
    budget: usize,
) -> bool {
    *steps += 1;
    if *steps > budget {
        return false;
    }
    // parts so far within the whole, column by column
    for col in 0..2 {
        let Some(whole) = val(&rows[h], hp, col) else {
            continue;
        };
        let sum = Number::sum((0..k).filter_map(|i| val(&rows[parts[i]], cur[i], col)));
        if sum.is_some_and(|s| s.cmp_value(whole) == std::cmp::Ordering::Greater) {
            return false;
        }
    }
    if k == parts.len() {
        return true;
    }
    for c in 0..rows[parts[k]].readings.len().max(1) {
        cur[k] = c;
        if search(rows, h, hp, parts, k + 1, cur, steps, budget) {
            return true;
        }
    }
    false
}
