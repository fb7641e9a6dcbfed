//! Tables: the three standard tables, typed, and generic tables.
//!
//! Each standard table has the values of model.md (`rows` for applications,
//! the groups or items at the top level for the other two), plus `source`:
//! the raw text and span of every label and cell, so nothing is lost and the
//! renderer can write the cells back as they were. Text of the table that
//! is neither a label nor a cell (headers, group labels, notes, page
//! numbers, the second half of a wrapped label) is kept in `fragments`.

use serde::{Deserialize, Serialize};

use super::keys::{AdField, AdItem, AppCol, AppRow, LegacyCol, LegacyRow, RlGroup, RlOutcome};
use super::{Number, RowMap, Span, Str};

/// Raw text with its span.
///
/// Equality ignores white space inside `raw` (white space inside a cell or
/// label is layout: a PDF line wrap, a spaced-out label) as well as the span.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Text {
    /// As written.
    pub raw: Str,
    /// Where.
    pub span: Span,
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        let a = self.raw.chars().filter(|c| !crate::chars::is_space(*c));
        let b = other.raw.chars().filter(|c| !crate::chars::is_space(*c));
        a.eq(b)
    }
}
impl Eq for Text {}

/// Table text that is neither a label nor a cell, in source order.
///
/// Equality always holds: fragments record the layout of the source (how
/// headers were split, where page numbers fell) and the canonical renderer
/// writes its own header, so they do not take part in round-trip equality.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fragments(pub Vec<Fragment>);

impl PartialEq for Fragments {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for Fragments {}

impl std::ops::Deref for Fragments {
    type Target = Vec<Fragment>;
    fn deref(&self) -> &Vec<Fragment> {
        &self.0
    }
}
impl std::ops::DerefMut for Fragments {
    fn deref_mut(&mut self) -> &mut Vec<Fragment> {
        &mut self.0
    }
}

/// What a fragment of table text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FragmentRole {
    /// Header text: column names, block titles (第二十条第（一）项), 信息内容.
    Header,
    /// A group label without numbers: 三、本年度办理结果, （三）不予公开 ….
    GroupLabel,
    /// The continuation of a row label that wrapped onto another line.
    LabelPart,
    /// The 勾稽关系 note and similar remarks.
    Note,
    /// A page number such as `-3-`.
    PageNumber,
    /// Anything else inside the table's lines.
    Other,
}

/// Table text that is neither a row label nor a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// What it is.
    pub role: FragmentRole,
    /// As written.
    pub raw: Str,
    /// Where.
    pub span: Span,
}

/// The source text of one row of a standard table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(
    serialize = "C: Serialize",
    deserialize = "C: Deserialize<'de> + PartialEq"
))]
pub struct RowSource<C> {
    /// The row label as written (absent for the unlabelled review/litigation row).
    pub label: Option<Text>,
    /// Each cell's raw text, by column. An empty cell whose position is known
    /// has `raw == ""`.
    pub cells: Cells<C>,
    /// When the digits of several cells ran together (`640020470`) and cannot
    /// be split without guessing: the digits as written. The row's values
    /// are then all `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fused: Option<Text>,
}

impl<C> RowSource<C> {
    /// Where the row starts in the source: the first of its label, cells and
    /// fused digits (`None` when the row kept no source text).
    pub fn start(&self) -> Option<u32> {
        self.label
            .iter()
            .chain(self.cells.values())
            .chain(self.fused.iter())
            .map(|t| t.span.start)
            .min()
    }
}

impl<C> Default for RowSource<C> {
    fn default() -> Self {
        RowSource {
            label: None,
            cells: RowMap::new(),
            fused: None,
        }
    }
}

/// A table of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Table {
    /// 主动公开政府信息情况 (第二十条).
    ActiveDisclosure(ActiveDisclosureTable),
    /// 收到和处理政府信息公开申请情况.
    Applications(ApplicationsTable),
    /// 政府信息公开行政复议、行政诉讼情况.
    ReviewLitigation(ReviewLitigationTable),
    /// A legacy (2008–2018) 政府信息公开情况统计表.
    LegacyStatistics(LegacyStatisticsTable),
    /// Any other table.
    Generic(GenericTable),
}

impl Table {
    /// `active_disclosure`, `applications`, `review_litigation`,
    /// `legacy_statistics` or `generic`.
    pub fn kind(&self) -> &'static str {
        match self {
            Table::ActiveDisclosure(_) => "active_disclosure",
            Table::Applications(_) => "applications",
            Table::ReviewLitigation(_) => "review_litigation",
            Table::LegacyStatistics(_) => "legacy_statistics",
            Table::Generic(_) => "generic",
        }
    }
    /// The span of the whole table.
    pub fn span(&self) -> Span {
        match self {
            Table::ActiveDisclosure(t) => t.span,
            Table::Applications(t) => t.span,
            Table::ReviewLitigation(t) => t.span,
            Table::LegacyStatistics(t) => t.span,
            Table::Generic(t) => t.span,
        }
    }
}

/// The layout a table was read in: set once by the grid builder that read
/// it (see `ogi_report::grid`), never worked out again. Serialised as the
/// table's `layout` key (`"tabs"`, `"pipes"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableLayout {
    /// Not said (a table built by hand, or from a model without the key).
    #[default]
    Unknown,
    /// Tab-separated rows.
    Tabs,
    /// Pipe rows (`| a | b |`).
    Pipes,
    /// Text where white space separates cells: crawler runs, where a whole
    /// row (or table) sits on one line.
    Flow,
    /// One cell per line.
    Lines,
    /// Cells separated by blank lines.
    BlankSeparated,
    /// Space-aligned columns (`pdftotext -layout`).
    Columns,
    /// Rows of several of the layouts above, each read by its own builder.
    Mixed,
    /// An HTML `<table>`.
    Html,
    /// Glyph positions of a PDF page.
    PdfPositions,
}

impl TableLayout {
    /// The serde key (`tabs`, `pipes`, `flow`, `lines`, `blank_separated`,
    /// `columns`, `mixed`, `html`, `pdf_positions`, `unknown`).
    pub fn key(self) -> &'static str {
        match self {
            TableLayout::Unknown => "unknown",
            TableLayout::Tabs => "tabs",
            TableLayout::Pipes => "pipes",
            TableLayout::Flow => "flow",
            TableLayout::Lines => "lines",
            TableLayout::BlankSeparated => "blank_separated",
            TableLayout::Columns => "columns",
            TableLayout::Mixed => "mixed",
            TableLayout::Html => "html",
            TableLayout::PdfPositions => "pdf_positions",
        }
    }
}

/// The [`TableLayout`] a table was read in, as a field of the table.
///
/// Equality always holds: like [`Fragments`], the layout records how the
/// source was written, not what the table says, so a table rendered in its
/// canonical (tab-row) layout and read back equals the original.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReadLayout(pub TableLayout);

impl ReadLayout {
    /// True when the layout is not known (the key is then left out).
    pub fn is_unknown(&self) -> bool {
        self.0 == TableLayout::Unknown
    }
}

impl PartialEq for ReadLayout {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for ReadLayout {}

impl Table {
    /// Records the layout the table was read in. Front ends that read a
    /// page through a reading text (HTML, PDF, converter markdown) set the
    /// layout of the page's own tables with it.
    pub fn set_layout(&mut self, layout: TableLayout) {
        let l = match self {
            Table::ActiveDisclosure(t) => &mut t.layout,
            Table::Applications(t) => &mut t.layout,
            Table::ReviewLitigation(t) => &mut t.layout,
            Table::LegacyStatistics(t) => &mut t.layout,
            Table::Generic(t) => &mut t.layout,
        };
        l.0 = layout;
    }

    /// The layout the table was read in.
    pub fn layout(&self) -> TableLayout {
        match self {
            Table::ActiveDisclosure(t) => t.layout.0,
            Table::Applications(t) => t.layout.0,
            Table::ReviewLitigation(t) => t.layout.0,
            Table::LegacyStatistics(t) => t.layout.0,
            Table::Generic(t) => t.layout.0,
        }
    }
}

/// How many cells a row of a standard table keeps inline, without an
/// allocation: the eight columns of the applications table (the other
/// standard tables have fewer).
pub const ROW_INLINE: usize = 8;

/// The values of one row of a standard table, by column: stored inline.
pub type Row<C> = RowMap<C, Option<Number>, ROW_INLINE>;

/// The raw cells of one row of a standard table, by column: stored inline.
pub type Cells<C> = RowMap<C, Text, ROW_INLINE>;

/// Values by row and column.
pub type Values<R, C> = RowMap<R, Row<C>>;

/// The applications table: `rows[ROW][COL]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationsTable {
    /// The whole table.
    pub span: Span,
    /// The layout the table was read in (`tabs`, `pipes`, `flow`, …).
    #[serde(default, skip_serializing_if = "ReadLayout::is_unknown")]
    pub layout: ReadLayout,
    /// The value columns the table has, in order (the seven of the template,
    /// plus `org_subtotal` where a report adds a 小计 column).
    pub columns: Vec<AppCol>,
    /// The data rows present, in order; a row the report lacks is absent.
    pub rows: Values<AppRow, AppCol>,
    /// The raw label and cells of each row.
    pub source: RowMap<AppRow, RowSource<AppCol>>,
    /// Header, group labels, notes and other text of the table.
    pub fragments: Fragments,
}

/// The review/litigation table: `{"review": G, "litigation_direct": G, "litigation_after_review": G}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewLitigationTable {
    /// The whole table.
    pub span: Span,
    /// The layout the table was read in (`tabs`, `pipes`, `flow`, …).
    #[serde(default, skip_serializing_if = "ReadLayout::is_unknown")]
    pub layout: ReadLayout,
    /// The three groups and their five outcomes.
    #[serde(flatten)]
    pub groups: Values<RlGroup, RlOutcome>,
    /// The raw cells of each group.
    pub source: RowMap<RlGroup, RowSource<RlOutcome>>,
    /// Header and other text of the table.
    pub fragments: Fragments,
}

/// The active-disclosure table: `{"regulations": {"issued": n, …}, …}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveDisclosureTable {
    /// The whole table.
    pub span: Span,
    /// The layout the table was read in (`tabs`, `pipes`, `flow`, …).
    #[serde(default, skip_serializing_if = "ReadLayout::is_unknown")]
    pub layout: ReadLayout,
    /// The items present and their fields.
    #[serde(flatten)]
    pub items: Values<AdItem, AdField>,
    /// Units written inside cells (`13575394432.52元`: `procurement.amount` → `元`).
    #[serde(default, skip_serializing_if = "RowMap::is_empty")]
    pub units: RowMap<AdItem, RowMap<AdField, Str>>,
    /// Remarks written after a number (`22（其中修订16件）`).
    #[serde(default, skip_serializing_if = "RowMap::is_empty")]
    pub remarks: RowMap<AdItem, RowMap<AdField, Str>>,
    /// The raw label and cells of each item.
    pub source: RowMap<AdItem, RowSource<AdField>>,
    /// Block titles, headers and other text of the table.
    pub fragments: Fragments,
}

/// Any other table, cell texts as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenericTable {
    /// The whole table.
    pub span: Span,
    /// The layout the table was read in (`tabs`, `pipes`, `flow`, …).
    #[serde(default, skip_serializing_if = "ReadLayout::is_unknown")]
    pub layout: ReadLayout,
    /// The header cells.
    pub header: Vec<Str>,
    /// The body rows.
    pub rows: Vec<Vec<Str>>,
    /// The span of every header and body cell.
    pub spans: GenericSpans,
}

/// Spans of a [`GenericTable`]'s cells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenericSpans {
    /// One per header cell.
    pub header: Vec<Span>,
    /// One per body cell.
    pub rows: Vec<Vec<Span>>,
}

/// A legacy (2008–2018) 政府信息公开情况统计表 (`指标名称 | 计量单位 | 2016年度 |
/// 历年累计`): `rows[ROW][COL]` for the indicators with a stable key,
/// `other_rows` for every other row, under its label as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyStatisticsTable {
    /// The whole table.
    pub span: Span,
    /// The layout the table was read in (`tabs`, `pipes`, `flow`, …).
    #[serde(default, skip_serializing_if = "ReadLayout::is_unknown")]
    pub layout: ReadLayout,
    /// The value columns the table has, in order.
    pub columns: Vec<LegacyCol>,
    /// The rows with a stable key, in table order (two columns: a map
    /// that is a `Vec`, not [`Row`]).
    pub rows: RowMap<LegacyRow, RowMap<LegacyCol, Option<Number>>>,
    /// The unit of each keyed row as written (`条`, `件`, `元`, `万元`).
    #[serde(default, skip_serializing_if = "RowMap::is_empty")]
    pub units: RowMap<LegacyRow, Str>,
    /// Rows the mapper has no key for, in table order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_rows: Vec<LegacyOtherRow>,
    /// The raw label, unit, code and cells of each keyed row.
    pub source: RowMap<LegacyRow, LegacyRowSource>,
    /// Title, header and other text of the table.
    pub fragments: Fragments,
}

/// A row of a legacy statistics table without a stable key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyOtherRow {
    /// The label as written, list marker and `其中：` removed.
    pub label: Str,
    /// The unit as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Str>,
    /// The values by column.
    pub values: RowMap<LegacyCol, Option<Number>>,
    /// The raw label, unit, code and cells.
    pub source: LegacyRowSource,
}

/// The source text of one row of a legacy statistics table.
///
/// Equality ignores `split` (how the cells were found, not what they say).
#[derive(Debug, Clone, Default, Eq, Serialize, Deserialize)]
pub struct LegacyRowSource {
    /// The label as written (with its list marker and `其中：`).
    pub label: Option<Text>,
    /// The unit cell (`条`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// The code cell of coded forms (`01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Text>,
    /// Each non-empty cell's raw text, by column. When the digits of the
    /// cells ran together (`20263542`) each cell is its share of the run.
    pub cells: RowMap<LegacyCol, Text>,
    /// True when the cells were split from one run of digits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split: bool,
    /// Value cells beyond the table's columns, kept as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Text>,
}

impl PartialEq for LegacyRowSource {
    fn eq(&self, o: &Self) -> bool {
        self.label == o.label
            && self.unit == o.unit
            && self.code == o.code
            && self.cells == o.cells
            && self.extra == o.extra
    }
}
