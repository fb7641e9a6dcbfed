use super::*;
use crate::audit::{Operand, equation_of};

/// The operands of a table as [`Dense::fill`] wrote them before it kept
/// [`Read`]s: every column of a row written with the row's label, then
/// the cells' spans, then the figures over them.
fn fill_reference(t: &ApplicationsTable) -> ([[Operand; COLS]; ROWS], [bool; ROWS]) {
    let mut all = [[Operand::Absent; COLS]; ROWS];
    let mut present = [false; ROWS];
    for (row, cells) in &t.rows {
        let r = *row as usize;
        present[r] = true;
        let src = t.source.get(row);
        let fused = src.is_some_and(|s| s.fused.is_some());
        let label = src.and_then(|s| s.label.as_ref()).map(|l| l.span);
        let ops = &mut all[r];
        let cell = |col: AppCol| Some((row.key(), col.key()));
        if fused {
            ops.fill(Operand::Fused);
        } else {
            for (op, col) in ops.iter_mut().zip(AppCol::ALL) {
                *op = Operand::Empty(label, cell(*col));
            }
            for (col, text) in src.iter().flat_map(|s| &s.cells) {
                ops[*col as usize] = Operand::Empty(Some(text.span), cell(*col));
            }
        }
        for (col, v) in cells {
            if let Some(n) = v {
                ops[*col as usize] = Operand::Value(*n);
            }
        }
    }
    (all, present)
}

/// The operand a term stands for.
fn operand_of(at: At<'_>) -> Operand {
    match at.read() {
        Read::Value(n) => Operand::Value(n),
        Read::Empty => {
            let (span, cell) = at.empty_at();
            Operand::Empty(span, cell)
        }
        Read::Fused => Operand::Fused,
        Read::Absent => Operand::Absent,
    }
}

/// The applications tables of the shared corpus.
fn corpus_tables() -> Vec<crate::model::Report> {
    let reports: Vec<_> = crate::audit::corpus_texts()
        .iter()
        .filter_map(|text| crate::parse(text).ok())
        .filter(|r| r.applications().is_some())
        .collect();
    assert!(reports.len() > 10, "the corpus has applications tables");
    reports
}

#[test]
fn each_term_reads_the_operand_written_over() {
    let cells = RefCell::new(Vec::new());
    for report in corpus_tables() {
        let t = report.applications().expect("a table");
        let mut fast = Dense::empty(t, &cells);
        fast.fill();
        let (slow, present) = fill_reference(t);
        assert_eq!(fast.present, present);
        for (r, row) in AppRow::ALL.iter().enumerate() {
            for (c, col) in AppCol::ALL.iter().enumerate() {
                let at = op(&fast, *row, *col);
                // (Debug: the equality of spans ignores them)
                let (ours, theirs) = (operand_of(at), slow[r][c]);
                assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{row}/{col}");
            }
        }
    }
}

#[test]
fn an_equation_of_terms_is_the_equation_of_their_operands() {
    // every column, and for each, runs of rows from every row (lengths
    // 1..=8 on the left, the next row on the right) and the whole column
    // against each row: each outcome over the terms equals the outcome
    // over the reference operands
    let cells = RefCell::new(Vec::new());
    let mut equations = 0;
    for report in corpus_tables() {
        let t = report.applications().expect("a table");
        let mut fast = Dense::empty(t, &cells);
        fast.fill();
        let (slow, _) = fill_reference(t);
        let rows = AppRow::ALL;
        for col in AppCol::ALL {
            let c = *col as usize;
            let same = |lhs: &[AppRow], rhs: &[AppRow]| {
                let terms = equation_of(
                    lhs.iter().map(|&r| op(&fast, r, *col)),
                    rhs.iter().map(|&r| op(&fast, r, *col)),
                );
                let ops = equation_of(
                    lhs.iter().map(|&r| slow[r as usize][c]),
                    rhs.iter().map(|&r| slow[r as usize][c]),
                );
                assert_eq!(
                    format!("{terms:?}"),
                    format!("{ops:?}"),
                    "{lhs:?} = {rhs:?}"
                );
            };
            for from in 0..rows.len() {
                for len in 1..=8.min(rows.len() - from - 1) {
                    same(&rows[from..from + len], &rows[from + len..=from + len]);
                    equations += 1;
                }
                same(rows, &rows[from..=from]);
                equations += 1;
            }
        }
    }
    assert!(equations > 10_000, "{equations}");
}
