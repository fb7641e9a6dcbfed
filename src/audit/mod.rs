//! The consistency audit: rules over the parsed model, each with a stable id.
//!
//! [`audit`] runs every rule of [`rules`] over a [`Report`] and returns typed
//! [`Finding`]s: the rule id, a [`Severity`], a one-sentence English message,
//! the [`Span`] of the offending cell, row label, heading or sentence, the
//! expected and found numbers, the table, row and column keys concerned,
//! and [`Finding::related`]: labelled secondary spans — every term of an
//! equation (`new_received/total = 141` …), the table cell a sentence is
//! compared with, the previous heading of a misnumbered section.
//!
//! [`across()`] runs the cross-report rules (`series.*`, `rollup.sum`) over
//! several named reports: one organ's series over the years, a parent and
//! its children (see [`mod@across`]).
//!
//! **Where findings come from.** [`crate::parse()`] calls [`audit`] once and
//! stores the result in [`Report::findings`], so a parsed report carries its
//! findings (in JSON, through the C ABI and in Python) without a second call.
//! [`Report::audit`] runs the rules again, e.g. after a report was edited or
//! read back with [`Report::from_json`].
//!
//! **Severities.** `error`: the report contradicts itself or its template
//! (the figures do not add up). `warning`: a likely problem (a missing
//! section, a non-standard label, an empty cell, a sentence that contradicts
//! the table). `note`: something could not be checked.
//!
//! **Empty cells are never zero.** An arithmetic rule that meets an empty
//! (`null`) cell does not treat it as 0: it reports a `note` saying that the
//! equation cannot be checked and naming the empty cell (the cell itself is
//! reported by `table.empty_cell`). When a row's digits ran together
//! (`table.fused_cells`), the arithmetic rules skip every equation that
//! needs that row: the `table.fused_cells` note already says that the row
//! cannot be checked. When a whole row is absent from a table, each rule
//! that needs it reports one `note` for the table.
//!
//! **Order.** Findings are sorted by source position (findings without a
//! span first; an empty span before text that starts at the same place),
//! then by rule id. The findings within one paragraph sort by
//! the paragraph's start, then rule, then their own position: a paragraph
//! joined from several source lines gives its text findings the paragraph's
//! span (the model keeps no line breaks, so the exact place is unknown),
//! one on a single line gives them exact spans, and either way the order is
//! the same (by rule, then by place in the text).
//!
//! Rule ids are permanent once shipped: a rule may be refined, never
//! renamed; a retired id is not reused. The catalogue:
//!
//! | id | severity | checks |
//! |---|---|---|
//! | `applications.balance` | error | new_received + carried_over = total_processed + carried_forward, per column |
//! | `applications.total_processed` | error | total_processed = Σ outcome rows, per column (2019 and 2021 row sets); 小计 rows = Σ their group |
//! | `applications.row_total` | error | total = Σ the six applicant columns, per row (and a 小计 column = Σ the five 法人或其他组织 columns) |
//! | `applications.other_processing` | error | 2021: a parent （六）其他处理 row equals its three sub-rows and is not counted twice |
//! | `review_litigation.total` | error | each group's total = upheld + corrected + other + pending |
//! | `meta.year_mismatch` | warning | the years stated in title, statistics period, preamble and body agree |
//! | `structure.missing_section` | warning | a 2019/2021-format report has its six sections |
//! | `structure.missing_table` | warning | a 2019/2021-format report has its three tables |
//! | `label.nonstandard` | warning | row and group labels match the template |
//! | `table.empty_cell` | warning | a standard-table cell is empty or a null marker |
//! | `table.fused_cells` | note | a row whose digits ran together cannot be checked |
//! | `narrative.mismatch` | warning | a count stated plainly in the text (新收, 上年结转, the total received, 办结, 结转下年度, 行政复议/行政诉讼 totals) agrees with the table |
//! | `narrative.absolute_claim` | warning | 均已办结 / 所有申请均已按要求办理完成 agrees with a carried_forward of 0 |
//! | `structure.numbering` | warning | top-level sections numbered in sequence; no overview subtopic promoted to the top level |
//! | `table.not_count` | error | a count is a non-negative whole number |
//! | `table.not_a_number` | warning | a non-empty cell holds a number, not text such as `abc` |
//!
//! The cross-report rules run by [`across()`] over several reports:
//!
//! | id | severity | checks |
//! |---|---|---|
//! | `series.carry_over` | error | this year's carried_over = last year's carried_forward, per column |
//! | `series.stock_flow` | warning | last in_force + issued − repealed = in_force (regulations, normative documents) |
//! | `series.gap` | note | no year missing in an organ's series |
//! | `series.duplicate` | warning | one report per organ and year |
//! | `rollup.sum` | warning | a parent's figures = the sum of its children's |
//! | `legacy.channels_le_total` | error | legacy 统计表: the 其中 rows do not exceed their total (per column) |
//! | `legacy.replies_sum` | error | legacy 统计表: the replies by outcome add up to 对申请的答复总数 |
//! | `legacy.cumulative_ge_year` | error | legacy 统计表: 历年累计 ≥ the year's figure |
//! | `legacy.cumulative_carry` | warning | across years: last year's 历年累计 + this year = this year's 历年累计 (for `audit::across`) |

pub mod across;
mod applications;
mod catalogue;
mod cells;
mod equation;
mod labels;
mod legacy;
mod meta;
mod narrative;
mod not_report;
mod numbering;
pub use not_report::STRUCTURE_NOT_A_REPORT;
mod prose;
mod review_litigation;
mod statements;
mod structure;
mod vocab;
mod words;

use crate::model::RowMap;

pub use across::{FileFinding, Input, Options, across, across_with};

use crate::model::table::Values;
use crate::model::{
    ApplicationsTable, Block, Finding, Key, Number, Related, Report, ReviewLitigationTable,
    RowSource, Severity, Span, Table,
};

pub use catalogue::*;
pub(crate) use equation::{Outcome, equation, equation_of};

pub use legacy::{
    LEGACY_CHANNELS_LE_TOTAL, LEGACY_CUMULATIVE_CARRY, LEGACY_CUMULATIVE_GE_YEAR,
    LEGACY_REPLIES_SUM,
};

/// Runs every rule over `report` and returns the findings, sorted by source
/// position then rule id. [`crate::parse()`] stores this in
/// [`Report::findings`].
pub fn audit(report: &Report) -> Vec<Finding> {
    let cx = Ctx::new(report);
    let mut out = Vec::new();
    applications::check(&cx, &mut out);
    review_litigation::check(&cx, &mut out);
    // meta.year_mismatch, narrative.mismatch, narrative.absolute_claim
    prose::check(&cx, &mut out);
    structure::check(&cx, &mut out);
    labels::check(&cx, &mut out);
    cells::check(&cx, &mut out);
    numbering::check(report, &mut out);
    legacy::check(&cx, &mut out);
    not_report::check(&cx, &mut out);
    sort_findings(&mut out, &paragraph_spans(report));
    out.shrink_to_fit();
    out
}

/// What the rules read of a report, looked up once: its tables.
pub(crate) struct Ctx<'a> {
    /// The report.
    pub(crate) report: &'a Report,
    /// Every table, in document order.
    pub(crate) tables: Vec<&'a Table>,
    /// The first applications table.
    pub(crate) applications: Option<&'a ApplicationsTable>,
    /// The first review/litigation table.
    pub(crate) review_litigation: Option<&'a ReviewLitigationTable>,
}

impl<'a> Ctx<'a> {
    fn new(report: &'a Report) -> Ctx<'a> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
            for b in blocks {
                match b {
                    Block::Table(t) => out.push(t),
                    Block::Subsection(s) => walk(&s.blocks, out),
                    _ => {}
                }
            }
        }
        let mut tables = Vec::with_capacity(8);
        walk(&report.preamble, &mut tables);
        for s in &report.sections {
            walk(&s.blocks, &mut tables);
        }
        walk(&report.closing, &mut tables);
        let applications = tables.iter().find_map(|t| match t {
            Table::Applications(a) => Some(a),
            _ => None,
        });
        let review_litigation = tables.iter().find_map(|t| match t {
            Table::ReviewLitigation(a) => Some(a),
            _ => None,
        });
        Ctx {
            report,
            tables,
            applications,
            review_litigation,
        }
    }
}

/// The `start..end` of every paragraph of `report`, in document order.
fn paragraph_spans(report: &Report) -> Vec<(u32, u32)> {
    fn walk(blocks: &[Block], out: &mut Vec<(u32, u32)>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push((p.span.start, p.span.end)),
                Block::Subsection(s) => walk(&s.blocks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&report.preamble, &mut out);
    for s in &report.sections {
        walk(&s.blocks, &mut out);
    }
    walk(&report.closing, &mut out);
    out.sort_unstable();
    out
}

/// Sorts findings by position (those without one first), then rule; stable.
/// A finding within one of `paragraphs` (sorted `start..end` ranges) sorts
/// at the paragraph's start, then by rule, then by its own start (see the
/// module docs, **Order**).
///
/// The findings are not moved by a sort of their own (whose scratch space
/// would be up to as large as the findings themselves): the sort orders
/// their indices, and the permutation is then applied in place.
fn sort_findings(out: &mut [Finding], paragraphs: &[(u32, u32)]) {
    // outside paragraphs, an empty span (a cell's place) at a position
    // sorts before text that starts there: it ends before it (an empty
    // cell at a row's end, where the next row's label starts, in flow text)
    let anchor = |s: Span| {
        let i = paragraphs.partition_point(|p| p.0 <= s.start);
        match i.checked_sub(1).map(|i| paragraphs[i]) {
            Some((start, end)) if s.start < end && s.end <= end => (start, true),
            _ => (s.start, s.end > s.start),
        }
    };
    let key = |f: &Finding| f.span.map(|s| (anchor(s), s.start));
    let order = |a: &Finding, b: &Finding| {
        let (ka, kb) = (key(a), key(b));
        ka.map(|k| k.0)
            .cmp(&kb.map(|k| k.0))
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| ka.cmp(&kb))
    };
    if out.is_sorted_by(|a, b| order(a, b).is_le()) {
        return;
    }
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by(|&i, &j| order(&out[i], &out[j]));
    // position p receives the finding at idx[p]; each cycle of the
    // permutation is followed once, marking its positions done (idx[p] = p)
    for i in 0..out.len() {
        let mut p = i;
        while idx[p] != p {
            let q = idx[p];
            idx[p] = p;
            if q == i {
                break;
            }
            out.swap(p, q);
            p = q;
        }
    }
}

/// A new finding with the rule's id; the other fields are filled by the caller.
pub(crate) fn finding(
    rule: &'static str,
    severity: Severity,
    message: String,
    span: Option<Span>,
) -> Finding {
    Finding {
        rule: rule.into(),
        severity,
        message: message.into(),
        span,
        expected: None,
        found: None,
        column: None,
        table: None,
        row: None,
        related: Vec::new(),
    }
}

/// Source text for a message: white space runs collapsed to one space,
/// at most `max` characters (an ellipsis marks the cut).
pub(crate) fn excerpt(raw: &str, max: usize) -> String {
    let mut joined = String::with_capacity(raw.len() + '…'.len_utf8());
    for w in raw.split(crate::lines::is_space).filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    if let Some((cut, _)) = joined.char_indices().nth(max) {
        joined.truncate(cut);
        joined.push('…');
    }
    joined
}

/// One term of an equation over table cells.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Operand {
    /// A number.
    Value(Number),
    /// The cell is empty (`null`); where it is, if known.
    Empty(Option<Span>),
    /// The row's digits are fused; the row is reported by `table.fused_cells`.
    Fused,
    /// The row is absent from the table.
    Absent,
}

/// The operand at `row`/`col` of a standard table.
pub(crate) fn operand<R, C>(
    values: &Values<R, C>,
    source: &RowMap<R, RowSource<C>>,
    row: R,
    col: C,
) -> Operand
where
    R: Key,
    C: Key,
{
    let Some(cells) = values.get(&row) else {
        return Operand::Absent;
    };
    if let Some(Some(n)) = cells.get(&col) {
        return Operand::Value(*n);
    }
    let src = source.get(&row);
    if src.is_some_and(|s| s.fused.is_some()) {
        return Operand::Fused;
    }
    Operand::Empty(cell_span(source, row, col))
}

/// The labelled span of the term `row/col` of a standard table, for
/// [`Finding::related`]: `new_received/total = 12` (`(empty)` for a cell
/// without a figure). `None` when the cell's place in the source is unknown.
pub(crate) fn term<R: Key, C: Key>(
    values: &Values<R, C>,
    source: &RowMap<R, RowSource<C>>,
    row: R,
    col: C,
) -> Option<Related> {
    let text = source.get(&row)?.cells.get(&col)?;
    let value = values
        .get(&row)
        .and_then(|c| c.get(&col))
        .copied()
        .flatten();
    let label = match value {
        Some(n) => format!("{}/{} = {n}", row.key(), col.key()),
        None => format!("{}/{} (empty)", row.key(), col.key()),
    };
    Some(Related {
        label: label.into(),
        span: text.span,
        file: None,
    })
}

/// The span of a cell (or, failing that, of its row label).
pub(crate) fn cell_span<R: Key, C: Key>(
    source: &RowMap<R, RowSource<C>>,
    row: R,
    col: C,
) -> Option<Span> {
    let src = source.get(&row)?;
    src.cells
        .get(&col)
        .map(|t| t.span)
        .or_else(|| src.label.as_ref().map(|l| l.span))
}

/// Normalises a label for comparison: the parser's fold
/// ([`crate::text::lexical::norm_char`]: white space removed, full-width
/// ASCII forms (（）：，．０–９) folded to ASCII, quotes unified), then
/// brackets and quotes the audit also treats as equal, and a leading list
/// number written `1.` whatever its punctuation (`1、`, `1．`, `1 .`).
pub(crate) fn normalize_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_label_into(s, &mut out);
    out
}

/// [`normalize_label`] into `out` (cleared first), reusing its capacity.
pub(crate) fn normalize_label_into(s: &str, out: &mut String) {
    out.clear();
    crate::text::lexical::push_norm(out, s);
    // the brackets and quotes folded here are `'` and characters of
    // U+3000..U+303F (three bytes from 0xE3): most labels have none
    const FOLDED: [char; 10] = ['「', '」', '『', '』', '\'', '〔', '【', '〕', '】', '。'];
    if out.bytes().any(|b| b == b'\'' || b == 0xE3) && out.contains(FOLDED) {
        let folded: String = out
            .chars()
            .map(|c| match c {
                '「' | '」' | '『' | '』' | '\'' => '"',
                '〔' | '【' => '[',
                '〕' | '】' => ']',
                '。' => '.',
                c => c,
            })
            .collect();
        *out = folded;
    }
    // the list number: `1、` `1,` → `1.`
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &out[digits..];
        if let Some(p) = ["、", ",", "，"].into_iter().find(|p| rest.starts_with(p)) {
            out.replace_range(digits..digits + p.len(), ".");
        }
    }
}

#[cfg(test)]
mod sort_tests {
    use super::*;

    #[test]
    fn findings_sort_by_position_then_rule_stably() {
        let at = |rule: &'static str, start: Option<u32>, msg: &str| {
            let span = start.map(|s| Span {
                start: s,
                end: s + 1,
                ..Span::default()
            });
            finding(rule, Severity::Note, msg.to_owned(), span)
        };
        let mut v = vec![
            at("b", Some(5), "1"),
            at("a", Some(5), "2"),
            at("z", None, "3"),
            at("a", Some(1), "4"),
            at("b", Some(5), "5"),
            at("c", Some(0), "6"),
            at("a", None, "7"),
        ];
        sort_findings(&mut v, &[]);
        let got: Vec<&str> = v.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(got, ["7", "3", "6", "4", "2", "1", "5"]);
    }

    #[test]
    fn findings_in_a_paragraph_sort_by_rule_then_place() {
        let at = |rule: &'static str, start: u32, end: u32, msg: &str| {
            let span = Span {
                start,
                end,
                ..Span::default()
            };
            finding(rule, Severity::Note, msg.to_owned(), Some(span))
        };
        // the paragraph 10..40 on one line: exact spans
        let mut one = vec![
            at("b", 12, 14, "b1"),
            at("a", 20, 22, "a1"),
            at("b", 30, 32, "b2"),
            at("c", 40, 41, "after"),
            at("z", 5, 6, "before"),
        ];
        // joined from several lines: the paragraph's span, in text order
        let mut joined = vec![
            at("b", 10, 40, "b1"),
            at("a", 10, 40, "a1"),
            at("b", 10, 40, "b2"),
            at("c", 40, 41, "after"),
            at("z", 5, 6, "before"),
        ];
        sort_findings(&mut one, &[(10, 40)]);
        sort_findings(&mut joined, &[(10, 40)]);
        let got = |v: &[Finding]| v.iter().map(|f| f.message.to_string()).collect::<Vec<_>>();
        assert_eq!(got(&one), ["before", "a1", "b1", "b2", "after"]);
        assert_eq!(got(&one), got(&joined));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_normalise() {
        assert_eq!(
            normalize_label("（一） 予以公开"),
            normalize_label("(一)予以公开")
        );
        assert_eq!(
            normalize_label("3. 危及\"三安全一稳定\""),
            normalize_label("3.危及“三安全一稳定”")
        );
        assert_eq!(
            normalize_label("1、属于国家秘密"),
            normalize_label("1.属于国家秘密")
        );
        assert_eq!(normalize_label("１．属于国家秘密"), "1.属于国家秘密");
        assert_ne!(
            normalize_label("（五）不予公开"),
            normalize_label("（五）不予处理")
        );
    }
}
