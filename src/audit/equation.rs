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

/// Evaluates `Σ lhs = Σ rhs` without ever treating an empty cell as zero.
pub(crate) fn equation(lhs: &[Operand], rhs: &[Operand]) -> Outcome {
    equation_of(lhs.iter().copied(), rhs.iter().copied())
}

/// [`equation`] of the operands `lhs` and `rhs` yield (each read twice: no
/// side is collected first).
pub(crate) fn equation_of<L, R>(lhs: L, rhs: R) -> Outcome
where
    L: Iterator<Item = Operand> + Clone,
    R: Iterator<Item = Operand> + Clone,
{
    // one pass: an absent row wins, then a fused one, then the first empty
    // cell; the sums count only when every term is a value. Whole numbers
    // (nearly every table) are summed in the same pass, in `i64` as
    // `Number::sum` sums them at scale 0 (`None`: an overflow)
    let mut fused = false;
    let mut empty = None;
    let mut integers = true;
    let mut whole = [Some(0i64); 2];
    let sides = lhs.clone().map(|o| (0, o));
    for (side, o) in sides.chain(rhs.clone().map(|o| (1, o))) {
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
    let sums = if integers {
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

/// The exact sum of the values of `ops`; `None` on overflow.
fn value_sum(ops: impl Iterator<Item = Operand>) -> Option<Number> {
    Number::sum(ops.filter_map(|o| match o {
        Operand::Value(n) => Some(n),
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
}
