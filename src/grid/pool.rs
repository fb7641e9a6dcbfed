//! Row buffers handed from a dropped [`Grid`](super::Grid) to the next
//! builder on the same thread.
//!
//! Each row of a grid is a `Vec<Cell>` of its own (the public shape): a
//! region's grid costs an allocation per row when it is built and a `free`
//! per row when the mapper drops it. A grid dropped gives its rows back here
//! (emptied: their cells are dropped, their room kept), and the builders
//! take their rows from here ([`row`]), so a parse allocates rows for its
//! first tables only. What is kept is bounded: at most [`KEEP`] rows of at
//! most [`WIDEST`] cells of room each, per thread.

use super::Cell;
use std::cell::RefCell;

/// How many emptied rows a thread keeps at most.
const KEEP: usize = 256;
/// The room (in cells) of the widest row kept.
const WIDEST: usize = 32;

thread_local! {
    static ROWS: RefCell<Vec<Vec<Cell>>> = const { RefCell::new(Vec::new()) };
}

/// An empty row with room for `cap` cells: one given back by a dropped grid
/// when there is one with that room, else a new one (none for no cells).
pub(crate) fn row(cap: usize) -> Vec<Cell> {
    if cap == 0 {
        return Vec::new();
    }
    let kept = ROWS
        .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten();
    match kept {
        // (a row too small is not grown: growing copies its old room)
        Some(r) if r.capacity() >= cap => r,
        _ => Vec::with_capacity(cap),
    }
}

/// Takes the rows of `rows` (a grid being dropped), empties them and keeps
/// those of a room worth keeping while there is place; the rest are freed.
pub(crate) fn give_back(rows: &mut Vec<Vec<Cell>>) {
    let _ = ROWS.try_with(|p| {
        let Ok(mut p) = p.try_borrow_mut() else {
            return;
        };
        for mut r in rows.drain(..) {
            if p.len() < KEEP && (1..=WIDEST).contains(&r.capacity()) {
                r.clear();
                p.push(r);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::{Cell, Grid};

    fn from_rows(rows: impl IntoIterator<Item = Vec<Cell>>) -> Grid {
        let mut g = Grid::new();
        for r in rows {
            g.push_row(r);
        }
        g
    }

    /// How many rows the thread keeps.
    fn kept() -> usize {
        super::ROWS.with(|p| p.borrow().len())
    }

    #[test]
    fn a_dropped_grid_gives_back_its_rows_empty() {
        let before = kept();
        let mut g = Grid::new();
        let mut r = super::row(3);
        r.extend([
            Cell::new("本年新收", 0..12),
            Cell::empty(12),
            Cell::new("3", 13..14),
        ]);
        g.push_row(r);
        // a row wider than what is kept is freed
        g.push_row(vec![Cell::empty(20); super::WIDEST + 1]);
        drop(g);
        assert_eq!(kept(), before + 1);
        let r = super::row(2);
        assert!(r.is_empty() && r.capacity() >= 3);
        assert_eq!(kept(), before);
        // a row asked wider than any kept is new, with the room asked
        drop(from_rows([vec![Cell::empty(0)]]));
        let r = super::row(10);
        assert!(r.is_empty() && r.capacity() >= 10);
    }

    #[test]
    fn what_is_kept_is_bounded() {
        let g = from_rows((0..super::KEEP + 10).map(|i| vec![Cell::empty(i)]));
        drop(g);
        assert!(kept() <= super::KEEP);
    }
}
