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
//! the same (by rule, then by place in the text). The findings of an
//! applications, review/litigation or active-disclosure table sort by the
//! table's model: at the table's start, then by row (in the table's row
//! order, the order the canonical text writes), then by column (the label
//! first), then by rule; a finding stands at the row and column of its
//! span (an equation's note at the first empty cell it needs), else at the
//! ones it names, and one that names no row of the table (a table-wide
//! note, a group label) before the first row that starts after it. For a
//! table whose rows and cells stand in model order this is the order of
//! their places; where they do not (the empty cells of a row sharing one
//! place after its last figure, a row read from the end of another's
//! line), it is still the order the canonical text gives, so
//! `parse(render(r))` has the findings of `r` in the same order.
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
//! | `table.empty_cell` | warning | a standard-table cell is empty or a null marker (one warning for a row whose cells are all blank) |
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
mod order;
pub use not_report::STRUCTURE_NOT_A_REPORT;
mod prose;
mod review_litigation;
mod statements;
mod structure;
mod vocab;
mod words;

use std::cell::RefCell;

use crate::model::RowMap;

pub use across::{FileFinding, Input, Options, across, across_with};

use crate::model::table::Values;
use crate::model::{
    ApplicationsTable, Block, Finding, Key, Number, Related, Report, ReviewLitigationTable,
    RowSource, Severity, Span, Table,
};

pub use catalogue::*;
pub(crate) use equation::{Outcome, Read, Term, equation, equation_of};

pub use legacy::{
    LEGACY_CHANNELS_LE_TOTAL, LEGACY_CUMULATIVE_CARRY, LEGACY_CUMULATIVE_GE_YEAR,
    LEGACY_REPLIES_SUM,
};

/// Runs every rule over `report` and returns the findings, sorted by source
/// position then rule id (a table's by row, column, then rule id: see the
/// module docs, **Order**). [`crate::parse()`] stores this in
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
    let tables = order::Tables::of(&cx.tables, report.format);
    let cells = cx.cells.take();
    order::sort_findings(&mut out, &order::paragraph_spans(report), (&tables, &cells));
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
    /// The cell each equation note stands at (the index of the finding in
    /// the rules' output, and the cell's row and column keys): a note's
    /// span is the place of the first empty cell the equation needs, and
    /// the empty cells of a row may share one place, so the span alone
    /// does not say which cell it is (see [`order`]).
    pub(crate) cells: RefCell<Vec<(usize, CellKey)>>,
}

/// A table cell by its row and column keys.
pub(crate) type CellKey = (&'static str, &'static str);

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
            cells: RefCell::new(Vec::new()),
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
    /// The cell is empty (`null`); where it is, if known, and which cell it
    /// is (its row and column keys: several empty cells may share one
    /// place, see [`Ctx::cells`]).
    Empty(Option<Span>, Option<CellKey>),
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
    Operand::Empty(cell_span(source, row, col), Some((row.key(), col.key())))
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

/// The text files of the shared corpus (`$OGI_SHARED/corpus`, else
/// `../shared/corpus`), read whole, for the tests that compare a fast path
/// with its reference over real reports (the PDFs are skipped).
#[cfg(test)]
pub(crate) fn corpus_texts() -> Vec<String> {
    let root = std::env::var_os("OGI_SHARED").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        std::path::PathBuf::from,
    );
    let mut texts = Vec::new();
    let mut dirs = vec![root.join("corpus")];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).expect("the shared corpus is readable");
        for path in entries.map(|e| e.expect("a directory entry").path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    texts
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
