//! The typed report model (`../shared/spec/model.md`).
//!
//! The model owns its data, derives `Serialize`/`Deserialize` with the stable
//! snake_case keys of model.md, and carries a [`Span`] on every node so each
//! figure can be found in the source.
//!
//! **Spans and equality.** [`Span`]'s `PartialEq` always returns `true`: spans
//! are locations, not content, so `parse(&render(&r)) == r` compares content
//! only. Compare `span.start`/`span.end` explicitly when locations matter.
//!
//! **Derived fields.** [`Report::format`], [`Report::meta`] and
//! [`Report::findings`] are computed by `ogi_report::parse` from the blocks; when
//! building a report by hand call [`Report::refresh`] to compute them (the
//! model itself never calls the parser or the audit: the facade in the crate
//! root composes them).

mod body;
pub mod cells;
pub mod indicators;
pub mod keys;
pub mod map;
pub mod number;
mod span;
pub mod table;
pub mod visit;

pub use body::Body;
pub use span::{Span, Str};

use serde::{Deserialize, Serialize};

pub use cells::Cell;
pub use indicators::{Basis, BasisKind, Indicator};
pub use keys::{
    AdField, AdItem, AppCol, AppGroup, AppRow, IndicatorKey, Key, LegacyCol, LegacyRow, RlGroup,
    RlOutcome,
};
pub use map::RowMap;
pub use number::Number;
pub use table::{
    ActiveDisclosureTable, ApplicationsTable, Fragment, FragmentRole, Fragments, GenericSpans,
    GenericTable, LegacyOtherRow, LegacyRowSource, LegacyStatisticsTable, ReadLayout,
    ReviewLitigationTable, RowSource, Table, TableLayout, Text,
};

/// Which official format a report follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// Reports under the 2008 条例 (report years up to 2018): free sections.
    #[serde(rename = "legacy")]
    Legacy,
    /// The 2019 trial format (国办公开办函〔2019〕60号).
    #[serde(rename = "2019")]
    V2019,
    /// The 2021 revised format (国办公开办函〔2021〕30号).
    #[serde(rename = "2021")]
    V2021,
    /// Not recognisable.
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

impl Format {
    /// The JSON string of this format.
    pub fn key(self) -> &'static str {
        match self {
            Format::Legacy => "legacy",
            Format::V2019 => "2019",
            Format::V2021 => "2021",
            Format::Unknown => "unknown",
        }
    }
}

/// A parsed OGI annual report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Which template the report follows (derived).
    pub format: Format,
    /// Title, organ, year and contacts (derived).
    pub meta: Meta,
    /// Text before the first top-level section (title, 引言 …).
    pub preamble: Vec<Block>,
    /// Top-level sections 一、 … in order.
    pub sections: Vec<Section>,
    /// Signature and date lines after the last section.
    pub closing: Vec<Block>,
    /// Audit findings (derived; computed by the `audit` module).
    pub findings: Vec<Finding>,
}

/// Facts about the report, derived from its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The title as written (lines joined), e.g. `青龙镇 2021 年政府信息公开工作 年度报告`.
    pub title: Option<Str>,
    /// The issuing body (signature, title or preamble).
    pub organ: Option<Str>,
    /// The year reported on (not the year published).
    pub year: Option<i32>,
    /// 统计期限, when stated.
    pub period: Option<Period>,
    /// 发布时间, ISO date, when stated.
    pub published: Option<Str>,
    /// 索引号, the portal's index number of the document (HTML pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_number: Option<Str>,
    /// The closing signature block.
    pub signed: Option<Signature>,
    /// Phone, postcode, address, url, email where stated.
    pub contacts: Contacts,
    /// Every statement of the report year found, with where it was found;
    /// the audit's `meta.year_mismatch` compares them.
    #[serde(default)]
    pub years: Vec<YearMention>,
    /// The encoding the input bytes were decoded from, when not UTF-8
    /// (`GB18030`, `Big5`, `UTF-16LE` …; see [`crate::decode::Encoding::name`]).
    /// Set by [`crate::parse_bytes`]; absent for text input. Like a span it
    /// describes the source, so it takes no part in equality.
    #[serde(default, skip_serializing_if = "SourceEncoding::is_utf8")]
    pub encoding: SourceEncoding,
}

/// `meta.encoding`: the name of the encoding of the source bytes, `None` for
/// UTF-8 and text input. Equality always holds (see [`Meta::encoding`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceEncoding(pub Option<Str>);

impl SourceEncoding {
    /// The encoding's name, `None` for UTF-8.
    pub fn name(&self) -> Option<&str> {
        self.0.as_deref()
    }
    /// True for UTF-8 (nothing to report).
    pub fn is_utf8(&self) -> bool {
        self.0.is_none()
    }
}

impl PartialEq for SourceEncoding {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for SourceEncoding {}

/// A statistics period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day, ISO `YYYY-MM-DD`.
    pub start: Str,
    /// Last day, ISO `YYYY-MM-DD`.
    pub end: Str,
}

/// The closing signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signing organ.
    pub organ: Option<Str>,
    /// ISO date of signature.
    pub date: Option<Str>,
}

/// Contact details stated in the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    /// Phone numbers, as written.
    pub phone: Vec<Str>,
    /// 邮编.
    pub postcode: Option<Str>,
    /// 地址.
    pub address: Option<Str>,
    /// Web address.
    pub url: Option<Str>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<Str>,
}

/// Where a year statement was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// The title (`2021 年政府信息公开工作年度报告`).
    Title,
    /// The statistics period (`统计期限自2023年1月1日…`).
    Period,
    /// The preamble (`现将…2018年政府信息公开工作年度报告`).
    Preamble,
    /// The first sentence of the body (`2019年，我乡…`).
    Body,
}

/// One statement of the year reported on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearMention {
    /// Where it was found.
    pub source: YearSource,
    /// The year.
    pub year: i32,
    /// The year's digits in the source.
    pub span: Span,
}

/// A top-level section (一、 … 八、).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The numeral's value: 1 for 一、.
    pub number: u32,
    /// The heading line.
    pub heading: Heading,
    /// What the section is about, from its heading.
    pub kind: SectionKind,
    /// The body.
    pub blocks: Vec<Block>,
    /// From the heading to the end of the body.
    pub span: Span,
}

/// A section heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// As written, e.g. `一、总体情况` or `五、存在的主要问题和改进措`.
    pub raw: Str,
    /// Without the numeral, e.g. `总体情况`.
    pub title: Str,
    /// The heading text in the source.
    pub span: Span,
}

/// What a top-level section is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 总体情况 / 概述 / 基本情况.
    Overview,
    /// 主动公开….
    ActiveDisclosure,
    /// 收到和处理…申请 / 依申请公开….
    Applications,
    /// 收费及减免.
    Fees,
    /// 行政复议、行政诉讼.
    ReviewLitigation,
    /// 存在的主要问题及改进情况.
    Problems,
    /// 其他需要报告的事项.
    OtherMatters,
    /// 重点领域….
    KeyAreas,
    /// 统计表 / 附表 (legacy statistics appendix).
    Statistics,
    /// 咨询处理情况 (legacy).
    Consultations,
    /// 人员和收支 / 机构建设和保障经费 (legacy).
    Staffing,
    /// Anything else; the heading is kept.
    Other,
}

impl SectionKind {
    /// The JSON string of this kind.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::ActiveDisclosure => "active_disclosure",
            SectionKind::Applications => "applications",
            SectionKind::Fees => "fees",
            SectionKind::ReviewLitigation => "review_litigation",
            SectionKind::Problems => "problems",
            SectionKind::OtherMatters => "other_matters",
            SectionKind::KeyAreas => "key_areas",
            SectionKind::Statistics => "statistics",
            SectionKind::Consultations => "consultations",
            SectionKind::Staffing => "staffing",
            SectionKind::Other => "other",
        }
    }
}

/// A unit of a section body.
///
/// A table is boxed: it is far larger than the other variants, and a block
/// is as large as its largest variant, so an inline table would make every
/// paragraph and subsection of a report cost a table's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Running text (a paragraph split by a page break is one paragraph).
    Paragraph(Paragraph),
    /// A numbered subsection: （一） (一) 1. 1、 (1) ① 一是.
    Subsection(Subsection),
    /// A table (boxed; its JSON is the same as unboxed).
    Table(Box<Table>),
    /// Word-processor residue such as `[bookmark: _GoBack]`.
    Markup(Markup),
    /// Text the parser could not place (page numbers, crawler headers …).
    Unrecognized(Unrecognized),
    /// Text of the page around the report (HTML input: scripts, styles,
    /// navigation, breadcrumbs, share bars, footers, the portal's metadata
    /// fields): kept with its span so nothing is lost, never rendered.
    Chrome(Chrome),
}

/// Running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text, lines joined without separators, surrounding blanks trimmed.
    pub text: Str,
    /// The source lines.
    pub span: Span,
}

/// A numbered subsection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subsection {
    /// The marker as written: `（一）`, `( 二)`, `1.`, `1、`, `(1)`, `①`, `一是`.
    pub marker: Str,
    /// The short title after the marker, when the line has one.
    pub title: Option<Str>,
    /// The body: a `Vec<Block>` behind one pointer (see [`Body`]).
    pub blocks: Body,
    /// From the marker to the end of the body.
    pub span: Span,
    /// The marker and title in the source (the line's head).
    pub head: Span,
}

/// Markup residue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Markup {
    /// The residue as written.
    pub text: Str,
    /// Where it is.
    pub span: Span,
}

/// Text the parser could not place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unrecognized {
    /// The text as written (trimmed).
    pub text: Str,
    /// Where it is.
    pub span: Span,
}

/// Page text around the report (see [`Block::Chrome`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chrome {
    /// The text, white space runs written as one space, trimmed.
    pub text: Str,
    /// From its first to its last character in the source.
    pub span: Span,
}

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational: something could not be checked.
    Note,
    /// Likely a problem.
    Warning,
    /// The report contradicts itself or its template.
    Error,
}

impl Severity {
    /// `"note"`, `"warning"` or `"error"`.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One audit finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `applications.balance`.
    pub rule: Str,
    /// Severity.
    pub severity: Severity,
    /// English, one sentence.
    pub message: Str,
    /// The offending cell, row, heading or text.
    pub span: Option<Span>,
    /// The value the rule expected.
    pub expected: Option<Number>,
    /// The value found.
    pub found: Option<Number>,
    /// The column key concerned, if any.
    pub column: Option<Str>,
    /// The table key concerned, if any.
    #[serde(default)]
    pub table: Option<Str>,
    /// The row key concerned, if any.
    #[serde(default)]
    pub row: Option<Str>,
    /// Secondary locations, each with a label: every term of an equation,
    /// or the cell of another report a cross-report rule compares with
    /// (absent from JSON when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// A labelled secondary location of a [`Finding`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// What is there, e.g. `new_received/total = 12` or `2021 carried_forward/total = 3`.
    pub label: Str,
    /// Where it is, in the text of `file` (or of the finding's own report when `file` is absent).
    pub span: Span,
    /// The file the span refers to, when it is not the finding's own report
    /// (set by [`crate::audit::across()`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Str>,
}

impl Report {
    /// Every section of `kind`, in order.
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }

    /// Every block of the report in document order, depth first
    /// (subsection bodies after their subsection).
    pub fn blocks(&self) -> Vec<&Block> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
            for b in blocks {
                out.push(b);
                if let Block::Subsection(s) = b {
                    walk(&s.blocks, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.preamble, &mut out);
        for s in &self.sections {
            walk(&s.blocks, &mut out);
        }
        walk(&self.closing, &mut out);
        out
    }

    /// Every table, in document order (without collecting the blocks: the
    /// audit looks tables up many times).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        let top = self
            .preamble
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.blocks.iter()))
            .chain(self.closing.iter());
        Tables {
            top,
            stack: Vec::new(),
        }
    }

    /// The first applications table.
    pub fn applications(&self) -> Option<&ApplicationsTable> {
        self.tables().find_map(|t| match t {
            Table::Applications(a) => Some(a),
            _ => None,
        })
    }

    /// The first review/litigation table.
    pub fn review_litigation(&self) -> Option<&ReviewLitigationTable> {
        self.tables().find_map(|t| match t {
            Table::ReviewLitigation(a) => Some(a),
            _ => None,
        })
    }

    /// The first active-disclosure table.
    pub fn active_disclosure(&self) -> Option<&ActiveDisclosureTable> {
        self.tables().find_map(|t| match t {
            Table::ActiveDisclosure(a) => Some(a),
            _ => None,
        })
    }

    /// The first legacy statistics table.
    pub fn legacy_statistics(&self) -> Option<&LegacyStatisticsTable> {
        self.tables().find_map(|t| match t {
            Table::LegacyStatistics(a) => Some(a),
            _ => None,
        })
    }

    /// Looks up one standard-table cell by the key strings of model.md:
    /// `cell("applications", "new_received", "total")`,
    /// `cell("review_litigation", "review", "upheld")`,
    /// `cell("active_disclosure", "normative_documents", "issued")`,
    /// `cell("legacy_statistics", "requests_received", "this_year")`.
    pub fn cell(&self, table: &str, row: &str, column: &str) -> Result<Number, CellError> {
        let found = match table {
            "applications" => {
                let r = AppRow::from_key(row).ok_or(CellError::UnknownRow)?;
                let c = AppCol::from_key(column).ok_or(CellError::UnknownColumn)?;
                let t = self.applications().ok_or(CellError::NoTable)?;
                let cells = t.rows.get(&r).ok_or(CellError::NoRow)?;
                cells.get(&c).ok_or(CellError::NoColumn)?.as_ref().copied()
            }
            "review_litigation" => {
                let r = RlGroup::from_key(row).ok_or(CellError::UnknownRow)?;
                let c = RlOutcome::from_key(column).ok_or(CellError::UnknownColumn)?;
                let t = self.review_litigation().ok_or(CellError::NoTable)?;
                let cells = t.groups.get(&r).ok_or(CellError::NoRow)?;
                cells.get(&c).ok_or(CellError::NoColumn)?.as_ref().copied()
            }
            "active_disclosure" => {
                let r = AdItem::from_key(row).ok_or(CellError::UnknownRow)?;
                let c = AdField::from_key(column).ok_or(CellError::UnknownColumn)?;
                let t = self.active_disclosure().ok_or(CellError::NoTable)?;
                let cells = t.items.get(&r).ok_or(CellError::NoRow)?;
                cells.get(&c).ok_or(CellError::NoColumn)?.as_ref().copied()
            }
            "legacy_statistics" => {
                let r = LegacyRow::from_key(row).ok_or(CellError::UnknownRow)?;
                let c = LegacyCol::from_key(column).ok_or(CellError::UnknownColumn)?;
                let t = self.legacy_statistics().ok_or(CellError::NoTable)?;
                let cells = t.rows.get(&r).ok_or(CellError::NoRow)?;
                cells.get(&c).ok_or(CellError::NoColumn)?.as_ref().copied()
            }
            _ => return Err(CellError::UnknownTable),
        };
        found.ok_or(CellError::Empty)
    }
}

/// The iterator of [`Report::tables`]: depth first, into the bodies of
/// subsections that hold a table or a subsection.
struct Tables<'a, I> {
    top: I,
    stack: Vec<std::slice::Iter<'a, Block>>,
}

impl<'a, I: Iterator<Item = &'a Block>> Iterator for Tables<'a, I> {
    type Item = &'a Table;
    fn next(&mut self) -> Option<&'a Table> {
        loop {
            let b = match self.stack.last_mut() {
                Some(it) => match it.next() {
                    Some(b) => b,
                    None => {
                        self.stack.pop();
                        continue;
                    }
                },
                None => self.top.next()?,
            };
            match b {
                Block::Table(t) => return Some(t),
                Block::Subsection(s)
                    if s.blocks
                        .iter()
                        .any(|b| matches!(b, Block::Table(_) | Block::Subsection(_))) =>
                {
                    self.stack.push(s.blocks.iter());
                }
                _ => {}
            }
        }
    }
}

/// Why [`Report::cell`] found no number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CellError {
    /// The table key is not `applications`, `review_litigation` or `active_disclosure`.
    #[error("unknown table key")]
    UnknownTable,
    /// The row key is not a key of that table.
    #[error("unknown row key")]
    UnknownRow,
    /// The column key is not a key of that table.
    #[error("unknown column key")]
    UnknownColumn,
    /// The report has no such table.
    #[error("the report has no such table")]
    NoTable,
    /// The table has no such row.
    #[error("the table has no such row")]
    NoRow,
    /// The row has no such column.
    #[error("the row has no such column")]
    NoColumn,
    /// The cell is empty (or its digits are fused with a neighbour's).
    #[error("the cell is empty")]
    Empty,
}
