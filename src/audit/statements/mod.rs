//! Counts the narrative states besides 新收 (`narrative.mismatch`), and
//! absolute claims (`narrative.absolute_claim`).
//!
//! Each paragraph is split into sentences (at 。；！？) and clauses (at ，、：).
//! A count is a whole number in digits or in words (一件, 两件, 十二件)
//! followed by 件, 起, 宗 or 个. The statements read, each compared with the
//! `total` column of its table:
//!
//! | statement | compared with |
//! |---|---|
//! | 上年结转 / 上年度结转 / 结转上年 … N件 | applications carried_over |
//! | 办结 / 答复 / 办理完毕 / 办理完成 … N件 | applications total_processed |
//! | 结转下年度 / 结转至（2026年）… N件, or N件 … 结转下年度 | applications carried_forward |
//! | 行政复议 … N件, or N件 … 行政复议; 未发生 … 行政复议 (0) | review total |
//! | 行政诉讼 … N件, or N件 … 行政诉讼; 未发生 … 行政诉讼 (0) | litigation_direct total, litigation_after_review total, or their sum |
//!
//! Between the keyword and the number at most twelve characters may stand,
//! none of them a clause break, a digit or a word that makes the number a
//! part (率, 维持, 纠正, 予以公开 …); white space may stand before the unit.
//! Only sentences that mention 申请, and not 信访, 投诉, 举报, 建议 or 提案,
//! are read for applications; sentences about review and
//! litigation are read when they mention 公开 or stand in section 四.
//!
//! An absolute claim — 均已办结, 全部办结, 均已（按要求）办理完成, 均已答复,
//! 办结率100% — in a sentence about 申请 contradicts a carried_forward total
//! above 0. 均已按期答复 and 均在法定期限内予以答复 speak of timeliness (an
//! application carried forward may still be within its time limit) and are
//! not read as claims.
//!
//! [`read`] reads what a sentence states; this module compares it with the
//! tables and writes the findings.

mod read;

pub(super) use read::TRIGGER;
use read::{Target, absolute_claim_in, read_in};

use super::narrative::span_in;
use super::vocab::Found;
use super::{Ctx, NARRATIVE_ABSOLUTE_CLAIM, NARRATIVE_MISMATCH, Operand, finding, operand};
use crate::model::{
    AppCol, AppRow, Finding, Key, Number, Paragraph, Related, RlGroup, RlOutcome, SectionKind,
    Severity,
};

/// A reading of the tables: the value and the cells it comes from (the
/// `total` cells of the rows `parts` of `table`, read again for a finding).
#[derive(Clone, Copy)]
struct Reading {
    value: i64,
    parts: [Option<&'static str>; 2],
    table: &'static str,
    row: &'static str,
}

impl Reading {
    /// The labelled spans of the cells the reading comes from.
    fn cells(&self, cx: &Ctx<'_>) -> Vec<Related> {
        self.parts
            .iter()
            .flatten()
            .filter_map(|row| related(cx, self.table, row, "total"))
            .collect()
    }
}

/// Reads one sentence of a paragraph (at byte `offset` of it; `words`:
/// the words of [`super::vocab`] it contains).
pub(super) fn sentence(
    cx: &Ctx<'_>,
    p: &Paragraph,
    (offset, sentence, words): (usize, &str, Found<'_>),
    kind: Option<SectionKind>,
    out: &mut Vec<Finding>,
) {
    if !words.any(TRIGGER) {
        return;
    }
    statements(cx, p, offset, (sentence, words), kind, out);
    claim(cx, p, offset, (sentence, words), out);
}

fn cell(
    cx: &Ctx<'_>,
    table: &'static str,
    row: &'static str,
    col: &'static str,
) -> Option<Reading> {
    let value = match table {
        "applications" => {
            let t = cx.applications?;
            let r = AppRow::from_key(row)?;
            let c = AppCol::from_key(col)?;
            let Operand::Value(n) = operand(&t.rows, &t.source, r, c) else {
                return None;
            };
            n
        }
        _ => {
            let t = cx.review_litigation?;
            if t.source.values().any(|s| s.fused.is_some()) {
                return None;
            }
            let r = RlGroup::from_key(row)?;
            let c = RlOutcome::from_key(col)?;
            let Operand::Value(n) = operand(&t.groups, &t.source, r, c) else {
                return None;
            };
            n
        }
    };
    Some(Reading {
        value: value.as_i64()?,
        parts: [Some(row), None],
        table,
        row,
    })
}

/// The labelled span of the cell `row`/`col` of `table` (see [`super::term`]).
fn related(cx: &Ctx<'_>, table: &str, row: &str, col: &str) -> Option<Related> {
    match table {
        "applications" => {
            let t = cx.applications?;
            let (r, c) = (AppRow::from_key(row)?, AppCol::from_key(col)?);
            super::term(&t.rows, &t.source, r, c)
        }
        _ => {
            let t = cx.review_litigation?;
            let (r, c) = (RlGroup::from_key(row)?, RlOutcome::from_key(col)?);
            super::term(&t.groups, &t.source, r, c)
        }
    }
}

/// The values the tables allow for a target (at most three).
fn readings(cx: &Ctx<'_>, t: Target) -> [Option<Reading>; 3] {
    let app = |row| cell(cx, "applications", row, "total");
    let rl = |row| cell(cx, "review_litigation", row, "total");
    match t {
        Target::CarriedOver => [app("carried_over"), None, None],
        Target::TotalProcessed => [app("total_processed"), None, None],
        Target::CarriedForward => [app("carried_forward"), None, None],
        Target::Review => [rl("review"), None, None],
        Target::Litigation => {
            let (Some(d), Some(a)) = (rl("litigation_direct"), rl("litigation_after_review"))
            else {
                return [None, None, None];
            };
            let sum = Reading {
                value: d.value + a.value,
                parts: [d.parts[0], a.parts[0]],
                table: "review_litigation",
                row: "litigation_direct",
            };
            [Some(sum), Some(d), Some(a)]
        }
    }
}

fn statements(
    cx: &Ctx<'_>,
    p: &Paragraph,
    offset: usize,
    (sentence, words): (&str, Found<'_>),
    kind: Option<SectionKind>,
    out: &mut Vec<Finding>,
) {
    let mut stated = read_in(sentence, words, kind);
    // in the order of the text, so the order of the findings does not
    // depend on whether their spans are exact (see `span_in`)
    stated.sort_by_key(|&(_, at, _, _)| at);
    for (target, at, len, n) in stated {
        let options = readings(cx, target);
        let Some(first) = options[0] else {
            continue;
        };
        if options.iter().flatten().any(|r| r.value == n) {
            continue;
        }
        let msg = format!(
            "The text states {n} {} but the {} table gives {} ({}, total).",
            target.what(),
            first.table,
            first.value,
            if target == Target::Litigation {
                "litigation_direct + litigation_after_review"
            } else {
                first.row
            }
        );
        let mut f = finding(
            NARRATIVE_MISMATCH,
            Severity::Warning,
            msg,
            Some(span_in(p, offset + at, len)),
        );
        f.expected = Some(Number::int(first.value));
        f.found = Some(Number::int(n));
        f.table = Some(first.table.into());
        f.row = Some(first.row.into());
        f.column = Some("total".into());
        f.related = first.cells(cx);
        out.push(f);
    }
}

fn claim(
    cx: &Ctx<'_>,
    p: &Paragraph,
    offset: usize,
    (sentence, words): (&str, Found<'_>),
    out: &mut Vec<Finding>,
) {
    let Some((at, len)) = absolute_claim_in(sentence, words) else {
        return;
    };
    let Some(cf) = cell(cx, "applications", "carried_forward", "total") else {
        return;
    };
    if cf.value <= 0 {
        return;
    }
    let text = &sentence[at..at + len];
    let msg = format!(
        "The text says “{text}” but the applications table carries {} application(s) forward to next year (carried_forward, total).",
        cf.value
    );
    let mut f = finding(
        NARRATIVE_ABSOLUTE_CLAIM,
        Severity::Warning,
        msg,
        Some(span_in(p, offset + at, len)),
    );
    f.expected = Some(Number::int(0));
    f.found = Some(Number::int(cf.value));
    f.table = Some("applications".into());
    f.row = Some(AppRow::CarriedForward.key().into());
    f.column = Some(AppCol::Total.key().into());
    f.related = cf.cells(cx);
    out.push(f);
}
