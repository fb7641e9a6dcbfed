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
/// A PDF (recognised by its `%PDF-` magic bytes) is read with [`parse_pdf`]
/// when the crate is built with the `pdf` feature, and refused with
/// [`ErrorKind::PdfNotEnabled`] otherwise.
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, Error> {
    if input::is_pdf(bytes) {
        #[cfg(feature = "pdf")]
        return parse_pdf(bytes);
        #[cfg(not(feature = "pdf"))]
        return Err(Error::new(
            ErrorKind::PdfNotEnabled,
            position::Position::default(),
        ));
    }
    let (text, _) = decode::decode(bytes)?;
    parse(&text)
}

/// Reads a PDF with a text layer (feature `pdf`): glyph positions become
/// the extracted text ([`input::pdf::extract`]: paragraphs, tables as tab
/// rows), which is parsed like any report text. Spans are offsets into
/// that text and carry their page ([`Span::page`]).
///
/// Errors: [`ErrorKind::PdfMalformed`], [`ErrorKind::PdfEncrypted`],
/// [`ErrorKind::PdfNoText`] (a scan: it needs OCR), [`ErrorKind::TooLarge`].
#[cfg(feature = "pdf")]
pub fn parse_pdf(bytes: &[u8]) -> Result<Report, Error> {
    input::pdf::extract(bytes)?.parse()
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
