//! Equations over table cells: `Σ lhs = Σ rhs`, never treating an empty
//! cell as zero (see the module docs of [`super`], **Empty cells are never
//! zero**).

use super::{CellKey, Operand};
use crate::model::{Number, Span};

/// The outcome of an equation `Σ lhs = Σ rhs`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
    /// Both sides agree.
    Holds,
    /// They differ.
    Fails {
        /// Σ lhs.
        expected: Number,
        /// Σ rhs.
        found: Number,
    },
    /// A term is empty: the equation cannot be checked (where the first
    /// empty term is, and which cell).
    Unchecked(Option<Span>, Option<CellKey>),
    /// A term is fused, or the sum overflows: skipped silently.
    Skipped,
    /// A row is absent.
    Absent,
}

/// A term as an equation reads it: an [`Operand`] without the place of an
/// empty cell, which [`Term::empty_at`] gives only for the first empty term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Read {
    /// A number.
    Value(Number),
    /// The cell is empty.
    Empty,
    /// The row's digits are fused.
    Fused,
    /// The row is absent.
    Absent,
}

/// A term of an equation: an [`Operand`], or a cell of a table laid out
/// for its equations (`applications::table::At`), which is read without
/// copying an operand's place.
pub(crate) trait Term: Copy {
    /// The term as the equation reads it.
    fn read(self) -> Read;
    /// Where an empty term is and which cell it is (asked only of a term
    /// read as [`Read::Empty`]): the payload of its [`Operand::Empty`].
    fn empty_at(self) -> (Option<Span>, Option<CellKey>);
}

impl Term for Operand {
    #[inline]
    fn read(self) -> Read {
        match self {
            Operand::Value(n) => Read::Value(n),
            Operand::Empty(..) => Read::Empty,
            Operand::Fused => Read::Fused,
            Operand::Absent => Read::Absent,
        }
    }

    fn empty_at(self) -> (Option<Span>, Option<CellKey>) {
        match self {
            Operand::Empty(span, cell) => (span, cell),
            _ => (None, None),
        }
    }
}

/// Evaluates `Σ lhs = Σ rhs` without ever treating an empty cell as zero.
pub(crate) fn equation(lhs: &[Operand], rhs: &[Operand]) -> Outcome {
    equation_of(lhs.iter().copied(), rhs.iter().copied())
}

/// What one pass over the terms found: an absent row wins, then a fused
/// one, then the first empty cell; the sums count only when every term is
/// a value. Whole numbers (nearly every table) are summed in the same
/// pass, in `i64` as `Number::sum` sums them at scale 0 (`None`: an
/// overflow).
struct Tally {
    fused: bool,
    empty: Option<(Option<Span>, Option<CellKey>)>,
    integers: bool,
    whole: [Option<i64>; 2],
}

impl Tally {
    /// Reads the terms of one side (0: lhs, 1: rhs); false at an absent
    /// one.
    #[inline]
    fn side<T: Term>(&mut self, side: usize, terms: impl Iterator<Item = T>) -> bool {
        for o in terms {
            match o.read() {
                Read::Absent => return false,
                Read::Fused => self.fused = true,
                Read::Empty => {
                    if self.empty.is_none() {
                        self.empty = Some(o.empty_at());
                    }
                }
                Read::Value(n) => {
                    self.integers &= n.is_integer();
                    self.whole[side] = self.whole[side].and_then(|s| s.checked_add(n.mantissa()));
                }
            }
        }
        true
    }
}

/// [`equation`] of the terms `lhs` and `rhs` yield (each read twice: no
/// side is collected first).
pub(crate) fn equation_of<L, R>(lhs: L, rhs: R) -> Outcome
where
    L: Iterator + Clone,
    R: Iterator + Clone,
    L::Item: Term,
    R::Item: Term,
{
    let mut tally = Tally {
        fused: false,
        empty: None,
        integers: true,
        whole: [Some(0i64); 2],
    };
    if !tally.side(0, lhs.clone()) || !tally.side(1, rhs.clone()) {
        return Outcome::Absent;
    }
    if tally.fused {
        return Outcome::Skipped;
    }
    if let Some((span, cell)) = tally.empty {
        return Outcome::Unchecked(span, cell);
    }
    let whole = tally.whole;
    let sums = if tally.integers {
        (whole[0].map(Number::int), whole[1].map(Number::int))
    } else {
        (value_sum(lhs), value_sum(rhs))
    };
    match sums {
        (Some(expected), Some(found)) => {
            if expected.cmp_value(found) == std::cmp::Ordering::Equal {
                Outcome::Holds
            } else {
                Outcome::Fails { expected, found }
            }
        }
        _ => Outcome::Skipped,
    }
}

/// The exact sum of the values of `terms`; `None` on overflow.
fn value_sum<T: Term>(terms: impl Iterator<Item = T>) -> Option<Number> {
    Number::sum(terms.filter_map(|o| match o.read() {
        Read::Value(n) => Some(n),
        _ => None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_is_not_zero() {
        let n = |v| Operand::Value(Number::int(v));
        assert!(matches!(equation(&[n(1), n(2)], &[n(3)]), Outcome::Holds));
        assert!(matches!(
            equation(&[n(1), n(2)], &[n(4)]),
            Outcome::Fails { .. }
        ));
        assert!(matches!(
            equation(&[n(0), Operand::Empty(None, None)], &[n(0)]),
            Outcome::Unchecked(None, None)
        ));
        assert!(matches!(
            equation(&[n(0), Operand::Fused], &[n(0)]),
            Outcome::Skipped
        ));
        assert!(matches!(
            equation(&[Operand::Absent], &[n(0)]),
            Outcome::Absent
        ));
    }

    #[test]
    fn sums_of_whole_and_decimal_numbers() {
        let v = |m, s| Operand::Value(Number::new(m, s).unwrap());
        // whole numbers, decimals, and a mix of both (1.5 + 2 = 3.50)
        assert!(matches!(
            equation(&[v(1, 0), v(2, 0)], &[v(3, 0)]),
            Outcome::Holds
        ));
        assert!(matches!(
            equation(&[v(15, 1), v(2, 0)], &[v(350, 2)]),
            Outcome::Holds
        ));
        let Outcome::Fails { expected, found } = equation(&[v(15, 1), v(2, 0)], &[v(3, 0)]) else {
            panic!("1.5 + 2 is not 3")
        };
        assert_eq!(
            (expected.to_string(), found.to_string()),
            ("3.5".into(), "3".into())
        );
        let Outcome::Fails { expected, found } = equation(&[v(7, 0), v(-2, 0)], &[v(4, 0)]) else {
            panic!("7 - 2 is not 4")
        };
        assert_eq!((expected, found), (Number::int(5), Number::int(4)));
        // an overflowing sum is not checked, whole or not
        assert!(matches!(
            equation(&[v(i64::MAX, 0), v(1, 0)], &[v(0, 0)]),
            Outcome::Skipped
        ));
        assert!(matches!(
            equation(&[v(i64::MAX, 1), v(1, 0)], &[v(0, 0)]),
            Outcome::Skipped
        ));
    }

    /// [`equation_of`] as it was: one chained pass over both sides.
    fn equation_reference(lhs: &[Operand], rhs: &[Operand]) -> Outcome {
        let mut fused = false;
        let mut empty = None;
        let mut integers = true;
        let mut whole = [Some(0i64); 2];
        let sides = lhs.iter().map(|o| (0, *o));
        for (side, o) in sides.chain(rhs.iter().map(|o| (1, *o))) {
            match o {
                Operand::Absent => return Outcome::Absent,
                Operand::Fused => fused = true,
                Operand::Empty(span, cell) => {
                    empty.get_or_insert((span, cell));
                }
                Operand::Value(n) => {
                    integers &= n.is_integer();
                    whole[side] = whole[side].and_then(|s| s.checked_add(n.mantissa()));
                }
            }
        }
        if fused {
            return Outcome::Skipped;
        }
        if let Some((span, cell)) = empty {
            return Outcome::Unchecked(span, cell);
        }
        let sum = |ops: &[Operand]| {
            Number::sum(ops.iter().filter_map(|o| match o {
                Operand::Value(n) => Some(*n),
                _ => None,
            }))
        };
        let sums = if integers {
            (whole[0].map(Number::int), whole[1].map(Number::int))
        } else {
            (sum(lhs), sum(rhs))
        };
        match sums {
            (Some(e), Some(f)) if e.cmp_value(f) == std::cmp::Ordering::Equal => Outcome::Holds,
            (Some(expected), Some(found)) => Outcome::Fails { expected, found },
            _ => Outcome::Skipped,
        }
    }

    fn operand() -> impl proptest::strategy::Strategy<Value = Operand> {
        use proptest::prelude::*;
        let big = prop_oneof![-50i64..50, Just(i64::MAX), Just(i64::MIN), any::<i64>()];
        prop_oneof![
            8 => (big, prop_oneof![4 => Just(0u8), 1 => 0u8..4])
                .prop_map(|(m, s)| Operand::Value(Number::new(m, s).expect("a scale"))),
            2 => (any::<bool>(), 0u32..9, any::<bool>()).prop_map(|(at, start, key)| {
                let span = at.then(|| Span {
                    start,
                    end: start + 1,
                    ..Span::default()
                });
                Operand::Empty(span, key.then_some(("new_received", "total")))
            }),
            1 => Just(Operand::Fused),
            1 => Just(Operand::Absent),
        ]
    }

    proptest::proptest! {
        #[test]
        fn the_tally_is_the_chained_pass(
            lhs in proptest::collection::vec(operand(), 0..8),
            rhs in proptest::collection::vec(operand(), 0..4),
        ) {
            let ours = equation(&lhs, &rhs);
            let reference = equation_reference(&lhs, &rhs);
            proptest::prop_assert_eq!(format!("{ours:?}"), format!("{reference:?}"));
        }
    }
}
