//! # ogi-report
//!
//! Reads China's 政府信息公开工作年度报告 (Open Government Information annual
//! reports) of any year and layout and turns them into a typed, checked
//! [`Report`]: sections, subsections, paragraphs, the three standard tables
//! with every cell typed, metadata, and audit [`Finding`]s.
//!
//! The pipeline, one module each: [`decode`] (bytes to text) → [`lines`]
//! (line splitting) → [`mod@parse`] (nom grammar) → [`model`] (the typed report)
//! → [`audit`] (consistency rules) → [`render`] (canonical text) → `ffi`
//! (the C ABI).
//!
//! ```
//! let text = "一、总体情况\n本年度工作正常。\n二、主动公开政府信息情况\n第二十条第（一）项\n\
//!             信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n\
//!             规章\t0\t0\t0\n行政规范性文件\t4\t0\t4\n";
//! let report = ogi_report::parse(text)?;
//! assert_eq!(report.sections.len(), 2);
//! assert_eq!(report.cell("active_disclosure", "normative_documents", "issued")?.as_i64(), Some(4));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Nothing is lost: every non-whitespace character of the input lies in
//! exactly one leaf node's span; [`lossless::check`] verifies it.

#![deny(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod audit;
pub(crate) mod chars;
pub mod decode;
pub mod error;
pub mod grid;
pub mod input;
pub mod lines;
pub mod lossless;
pub mod model;
pub mod parse;
pub mod position;
pub mod render;
pub(crate) mod template;
pub(crate) mod text;

#[allow(unsafe_code)]
pub mod ffi;

pub use error::{Error, ErrorKind};
pub use model::{
    Block, CellError, Finding, Format, Heading, Meta, Number, Paragraph, Related, Report, Section,
    SectionKind, Severity, Span, Subsection, Table,
};
pub use position::Position;

/// Parses the text of a report and audits it ([`Report::findings`]). Never
/// fails on unusual reports; see [`Error`].
pub fn parse(text: &str) -> Result<Report, Error> {
    let mut report = parse::parse(text)?;
    report.findings = audit::audit(&report);
    Ok(report)
}

/// Decodes `bytes` (UTF-8 with or without BOM, or GB18030/GBK), parses and
/// audits them. Spans refer to the decoded text.
///
/// An HTML page (recognised by its content, see [`input::html::sniff`]) is
/// read with [`parse_html`] when the `html` feature is on.
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, Error> {
    #[cfg(feature = "html")]
    if input::html::sniff(bytes) {
        return parse_html(bytes);
    }
    let (text, _) = decode::decode(bytes)?;
    parse(&text)
}

/// Parses a report from the HTML page it was published on (bytes in the
/// page's charset: BOM, `<meta charset>`, UTF-8 or GB18030). The report is
/// read from the element that holds it; the page around it is kept as
/// [`model::Chrome`] blocks. Spans point into the decoded page source. See
/// [`input::html`].
///
/// ```
/// let page = "<html><body><div class=nav>首页 当前位置：年报</div><div>\
///             <p>一、总体情况</p><p>本年度工作正常。</p>\
///             <p>二、主动公开政府信息情况</p><p>第二十条第（一）项</p><table>\
///             <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\
///             <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>\
///             <tr><td>行政规范性文件</td><td>4</td><td>&nbsp;</td><td>4</td></tr></table></div></body></html>";
/// let report = ogi_report::parse_html(page.as_bytes())?;
/// assert_eq!(report.sections.len(), 2);
/// let cell = report.cell("active_disclosure", "normative_documents", "issued")?;
/// assert_eq!(cell.as_i64(), Some(4));
/// // the empty cell (`&nbsp;`) is empty, not 0
/// assert!(report.cell("active_disclosure", "normative_documents", "repealed").is_err());
/// // the navigation is kept as chrome, not rendered
/// assert!(!report.render().contains("当前位置"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "html")]
pub fn parse_html(bytes: &[u8]) -> Result<Report, Error> {
    input::html::parse_html(bytes)
}

impl Report {
    /// Recomputes the derived fields (format, meta, findings) from the
    /// blocks, as [`crate::parse()`] does. Call it after building or editing a
    /// report by hand; `text` is the source the spans refer to (use the
    /// rendered text for a hand-built report).
    pub fn refresh(&mut self, text: &str) {
        parse::derive(self, text);
        self.findings = audit::audit(self);
    }

    /// Runs the consistency rules of [`audit`] (`parse` already stored them
    /// in [`Report::findings`]).
    pub fn audit(&self) -> Vec<Finding> {
        audit::audit(self)
    }

    /// The canonical text of the report (see [`render`]).
    pub fn render(&self) -> String {
        render::render(self)
    }

    /// The model as JSON (model.md's shape).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The model as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a model back from its JSON.
    pub fn from_json(json: &str) -> Result<Report, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        render::write_report(f, self)
    }
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
