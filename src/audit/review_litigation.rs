//! Rules over the review/litigation table (政府信息公开行政复议、行政诉讼情况):
//! `review_litigation.total`.

use super::{Operand, Outcome, REVIEW_LITIGATION_TOTAL, equation, finding, operand};
use crate::model::{Finding, Key, RlGroup, RlOutcome, Severity};

const TABLE: &str = "review_litigation";

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(t) = cx.review_litigation else {
        return;
    };
    // Table 4 is one physical row: when its digits ran together, no group
    // can be checked (`table.fused_cells` reports it).
    if t.source.values().any(|s| s.fused.is_some()) {
        return;
    }
    let parts = [
        RlOutcome::Upheld,
        RlOutcome::Corrected,
        RlOutcome::Other,
        RlOutcome::Pending,
    ];
    for &group in t.groups.keys() {
        let p: [Operand; 4] = parts.map(|c| operand(&t.groups, &t.source, group, c));
        let whole = operand(&t.groups, &t.source, group, RlOutcome::Total);
        let span = super::cell_span(&t.source, group, RlOutcome::Total).or(Some(t.span));
        let mut f = match equation(&p, &[whole]) {
            Outcome::Holds | Outcome::Skipped | Outcome::Absent => continue,
            Outcome::Unchecked(at, cell) => {
                if let Some(cell) = cell {
                    cx.cells.borrow_mut().push((out.len(), cell));
                }
                finding(
                    REVIEW_LITIGATION_TOTAL,
                    Severity::Note,
                    format!(
                        "The {group} total cannot be checked because a cell it needs is empty."
                    ),
                    at.or(span),
                )
            }
            Outcome::Fails { expected, found } => {
                let mut f = finding(
                    REVIEW_LITIGATION_TOTAL,
                    Severity::Error,
                    format!(
                        "{} ({group}): upheld + corrected + other + pending is {expected} but the total is {found}.",
                        label(group)
                    ),
                    span,
                );
                f.expected = Some(expected);
                f.found = Some(found);
                f.related = parts
                    .iter()
                    .chain([&RlOutcome::Total])
                    .filter_map(|&c| super::term(&t.groups, &t.source, group, c))
                    .collect();
                f
            }
        };
        f.table = Some(TABLE.into());
        f.row = Some(group.key().into());
        f.column = Some(RlOutcome::Total.key().into());
        out.push(f);
    }
}

fn label(group: RlGroup) -> &'static str {
    match group {
        RlGroup::Review => "行政复议",
        RlGroup::LitigationDirect => "行政诉讼 未经复议直接起诉",
        RlGroup::LitigationAfterReview => "行政诉讼 复议后起诉",
    }
}
