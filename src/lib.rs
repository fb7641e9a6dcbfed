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
    Block, Cell, CellError, Finding, Format, Heading, Meta, Number, Paragraph, Related, Report,
    Section, SectionKind, Severity, Span, Str, Subsection, Table,
};
pub use position::Position;

/// Parses the text of a report and audits it ([`Report::findings`]). Never
/// fails on unusual reports; see [`Error`].
pub fn parse(text: &str) -> Result<Report, Error> {
    parse::parse(text).map(audited)
}

/// `report` with its findings: the facade composes the front ends and the
/// parser (which never call the audit) with the audit.
fn audited(mut report: Report) -> Report {
    report.findings = audit::audit(&report);
    report
}

/// Decodes `bytes` and parses them. Spans refer to the decoded text.
///
/// The encoding is detected (see [`decode`]): UTF-8 with or without BOM,
/// UTF-16 and UTF-32 with a BOM, GB18030/GBK or Big5. A name other than
/// UTF-8 is reported in `meta.encoding`. A PDF (recognised by its `%PDF-`
/// magic bytes) is read with `parse_pdf` when the crate is built with the
/// `pdf` feature; without it, and for other kinds of file (DOCX, images,
/// executables), the error is [`ErrorKind::NotText`] with a hint what to do;
/// an HTML page (recognised by its content, see `input::html::sniff`) is
/// read with `parse_html` when the `html` feature is on, converter markdown
/// with [`parse_markdown`];
/// more than [`decode::MAX_INPUT_BYTES`] input bytes is
/// [`ErrorKind::TooLarge`].
///
/// ```
/// let mut bytes = vec![0xFF, 0xFE]; // UTF-16LE, as Windows Notepad saves it
/// for u in "一、总体情况\n本年度无申请。\n".encode_utf16() {
///     bytes.extend(u.to_le_bytes());
/// }
/// let report = ogi_report::parse_bytes(&bytes)?;
/// assert_eq!(report.meta.encoding.name(), Some("UTF-16LE"));
/// assert_eq!(report.sections.len(), 1);
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Report, Error> {
    read(bytes).map(|parsed| parsed.report)
}

/// A report read from bytes, with the text its spans refer to.
///
/// Returned by [`read`] and [`read_with`]. `source` is the decoded text
/// (borrowed from the bytes when they are UTF-8 already), the decoded page
/// source of an HTML page, or the text extracted from a PDF: whatever the
/// input was, `&source[span.range()]` is the text of a node.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// The text the report's spans are offsets into.
    pub source: std::borrow::Cow<'a, str>,
    /// The parsed and audited report.
    pub report: Report,
}

/// [`parse_bytes`], keeping the text the spans refer to: one call for
/// whatever the bytes are (PDF, HTML page, converter markdown or report
/// text, in any encoding [`decode`] detects), decoded once. Use it to
/// quote the source at a span, as the `ogi` command does in its messages.
///
/// ```
/// let bytes = "一、总体情况\n本年度无申请。\n".as_bytes();
/// let parsed = ogi_report::read(bytes)?;
/// let span = parsed.report.sections[0].heading.span;
/// assert_eq!(&parsed.source[span.range()], "一、总体情况");
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Parsed<'_>, Error> {
    #[cfg(feature = "pdf")]
    if input::is_pdf(bytes) {
        let extracted = input::pdf::extract(bytes)?;
        let report = audited(extracted.parse()?);
        return Ok(Parsed {
            source: extracted.text.into(),
            report,
        });
    }
    #[cfg(feature = "html")]
    if input::html::sniff(bytes) {
        let page = input::html::decode(bytes)?;
        let report = audited(input::html::parse_decoded(&page)?);
        return Ok(Parsed {
            source: page.into(),
            report,
        });
    }
    let (source, encoding) = decode::decode(bytes)?;
    let report = parse_decoded(&source, encoding)?;
    Ok(Parsed { source, report })
}

/// [`parse_bytes`] with the encoding named instead of detected: `utf-8`,
/// `gb18030` (or `gbk`, `gb2312`), `big5`, `utf-16le`, `utf-16be`,
/// `utf-32le`, `utf-32be` (see [`decode::Encoding::from_name`]). An unknown
/// name is [`ErrorKind::UnknownEncoding`].
///
/// ```
/// // 总体 in GBK; its bytes happen to be valid Big5 too
/// let report = ogi_report::parse_bytes_with(b"\xD7\xDC\xCC\xE5", "gbk")?;
/// assert_eq!(report.meta.encoding.name(), Some("GB18030"));
/// assert!(ogi_report::parse_bytes_with(b"x", "latin-9").is_err());
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn parse_bytes_with(bytes: &[u8], encoding: &str) -> Result<Report, Error> {
    read_with(bytes, encoding).map(|parsed| parsed.report)
}

/// [`parse_bytes_with`], keeping the text the spans refer to (see
/// [`read`]). The bytes are decoded as `encoding` and read as text (or as
/// converter markdown); they are not sniffed for a PDF or an HTML page.
///
/// ```
/// // 一、总体 in GBK
/// let parsed = ogi_report::read_with(b"\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5", "gbk")?;
/// assert_eq!(parsed.source, "一、总体");
/// assert_eq!(parsed.report.meta.encoding.name(), Some("GB18030"));
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn read_with<'a>(bytes: &'a [u8], encoding: &str) -> Result<Parsed<'a>, Error> {
    let enc = decode::Encoding::from_name(encoding).ok_or_else(|| {
        Error::without_position(ErrorKind::UnknownEncoding {
            name: encoding.to_owned(),
        })
    })?;
    if bytes.len() > decode::MAX_INPUT_BYTES {
        return Err(Error::without_position(ErrorKind::TooLarge {
            len: bytes.len(),
            limit: decode::MAX_INPUT_BYTES,
        }));
    }
    let source = decode::decode_with(bytes, enc)?;
    let report = parse_decoded(&source, enc)?;
    Ok(Parsed { source, report })
}

/// Reads a file and parses it ([`parse_bytes`]). Only regular files are
/// read, and at most [`decode::MAX_INPUT_BYTES`] + 1 bytes of them, so a
/// FIFO, a device or a huge file cannot hang or exhaust memory.
///
/// ```no_run
/// let report = ogi_report::parse_path("report-2021.txt")?;
/// println!("{:?}", report.meta.year);
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn parse_path(path: impl AsRef<std::path::Path>) -> Result<Report, Error> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| Error::from_io(&e))?;
    let meta = file.metadata().map_err(|e| Error::from_io(&e))?;
    if !meta.is_file() {
        let e = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", path.display()),
        );
        return Err(Error::from_io(&e));
    }
    if meta.len() > decode::MAX_INPUT_BYTES as u64 {
        return Err(Error::without_position(ErrorKind::TooLarge {
            len: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            limit: decode::MAX_INPUT_BYTES,
        }));
    }
    parse_reader(file)
}

/// Reads a stream to its end (at most [`decode::MAX_INPUT_BYTES`] + 1
/// bytes) and parses it ([`parse_bytes`]).
///
/// ```
/// let report = ogi_report::parse_reader(&b"\xEF\xBB\xBF\xE4\xB8\x80\xE3\x80\x81\xE6\x80\xBB\xE4\xBD\x93\xE6\x83\x85\xE5\x86\xB5\n"[..])?;
/// assert_eq!(report.sections.len(), 1);
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn parse_reader(reader: impl std::io::Read) -> Result<Report, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(decode::MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::from_io(&e))?;
    parse_bytes(&bytes)
}

fn parse_decoded(text: &str, encoding: decode::Encoding) -> Result<Report, Error> {
    // converter markdown is recognised by content, whatever the extension
    let mut report = if input::markdown::is_converter_markdown(text) {
        parse_markdown(text)?
    } else {
        let mut report = parse::parse_decoded(text)?;
        report.findings = audit::audit(&report);
        report
    };
    if !encoding.is_utf8() {
        report.meta.encoding = model::SourceEncoding(Some(encoding.name().to_owned().into()));
    }
    Ok(report)
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
    input::html::parse_html(bytes).map(audited)
}

/// Parses converter markdown (the output of a PDF-to-markdown converter:
/// pipe tables with `|---|` separator rows, `#` headings; see
/// [`input::markdown`]), then audits it. Spans refer to `markdown`.
///
/// ```
/// let md = "## 二、主动公开政府信息情况\n\n|第二十条第（一）项||||\n|---|---|---|---|\n\
///           |信息内容|本年制发件数|本年废止件数|现行有效件数|\n|规章|1|0|**5**|\n";
/// let r = ogi_report::parse_markdown(md)?;
/// let n = r.cell("active_disclosure", "regulations", "in_force")?;
/// assert_eq!(n.as_i64(), Some(5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_markdown(markdown: &str) -> Result<Report, Error> {
    if markdown.len() > decode::MAX_INPUT_BYTES || markdown.contains('\0') {
        // the limits, reported at their place in the source
        return parse(markdown);
    }
    let mut report = match read_markdown(markdown)? {
        Some(r) => r,
        // markup the parser did not read as the front end expected (pipes
        // in running text, a rule line alone): the source is read as plain
        // text rather than lose a character of it
        None => parse::parse(markdown)?,
    };
    report.findings = audit::audit(&report);
    Ok(report)
}

/// Parses converter markdown through its reading text; `None` when the
/// model mapped back onto `markdown` would lose a character of it.
pub(crate) fn read_markdown(markdown: &str) -> Result<Option<Report>, Error> {
    let first = input::markdown::reading(markdown);
    let mut report = parse::parse(first.text())?;
    // pipes are table layout only where the parser read a table
    let tables: Vec<std::ops::Range<usize>> = report
        .blocks()
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => {
                let s = t.span();
                Some(first.to_source(s.start as usize)..first.to_source_end(s.end as usize))
            }
            _ => None,
        })
        .collect();
    let reading = input::markdown::reading_within(markdown, &tables);
    debug_assert_eq!(reading.text(), first.text());
    reading.remap(&mut report, markdown);
    // the tables of converter markdown were read from its pipe rows (the
    // reading text hands them to the parser as tab rows)
    model::visit::tables_mut(&mut report, &mut |t| {
        let s = t.span();
        if markdown.get(s.range()).is_some_and(|x| x.contains('|')) {
            t.set_layout(model::TableLayout::Pipes);
        }
    });
    Ok(lossless::check(markdown, &report).is_ok().then_some(report))
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
    input::pdf::extract(bytes)?.parse().map(audited)
}

impl Report {
    /// Recomputes the derived fields (format, meta, findings) from the
    /// blocks, as [`crate::parse()`] does. Call it after building or editing a
    /// report by hand; `text` is the source the spans refer to (use the
    /// rendered text for a hand-built report).
    pub fn refresh(&mut self, text: &str) {
        // meta.encoding describes the source bytes, which `text` is not
        let encoding = std::mem::take(&mut self.meta.encoding);
        parse::derive(self, text);
        self.meta.encoding = encoding;
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

    /// The model as JSON (model.md's shape). Fails only if serialisation
    /// fails ([`ErrorKind::Json`]), which the model's types never do.
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(Error::from_json)
    }

    /// The model as indented JSON (see [`Report::to_json`]).
    pub fn to_json_pretty(&self) -> Result<String, Error> {
        serde_json::to_string_pretty(self).map_err(Error::from_json)
    }

    /// [`Report::cells`] as a JSON array of `{table, row, column, value, raw,
    /// span}` objects.
    pub fn cells_json(&self) -> Result<String, Error> {
        let cells: Vec<Cell<'_>> = self.cells().collect();
        serde_json::to_string(&cells).map_err(Error::from_json)
    }

    /// Reads a model back from its JSON. Errors are [`ErrorKind::Json`] with
    /// the line and column in the JSON.
    pub fn from_json(json: &str) -> Result<Report, Error> {
        serde_json::from_str(json).map_err(|e| Error::from_json_in(json, e))
    }
}

/// Why a [`Table`] or a [`Section`] did not parse from its text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FromTextError {
    /// The text is not a report text at all (too large, binary).
    #[error(transparent)]
    Parse(#[from] Error),
    /// The text does not hold exactly one of what was asked for.
    #[error("the text holds {found} {what}, not exactly one and nothing else")]
    NotOne {
        /// `"tables"` or `"sections"`.
        what: &'static str,
        /// How many the parser found (other blocks count as an extra one).
        found: usize,
    },
}

/// Reads a table from its canonical text (as [`Table`]'s `Display` writes
/// it): the text must hold one table and nothing else.
///
/// ```
/// let text = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t5\n";
/// let t: ogi_report::Table = text.parse()?;
/// assert_eq!(t.kind(), "active_disclosure");
/// assert_eq!(t.to_string().parse::<ogi_report::Table>()?, t);
/// # Ok::<(), ogi_report::FromTextError>(())
/// ```
impl std::str::FromStr for Table {
    type Err = FromTextError;
    fn from_str(text: &str) -> Result<Table, FromTextError> {
        let mut r = parse::parse(text)?;
        let found = r.preamble.len() + r.closing.len() + r.sections.len();
        match (r.preamble.pop(), found) {
            (Some(Block::Table(t)), 1) => Ok(*t),
            _ => Err(FromTextError::NotOne {
                what: "tables",
                found,
            }),
        }
    }
}

/// Reads a section from its canonical text (as [`Section`]'s `Display`
/// writes it): the text must hold one section and nothing else.
///
/// ```
/// let s: ogi_report::Section = "一、总体情况\n\n本年度工作正常。\n".parse()?;
/// assert_eq!(s.blocks.len(), 1);
/// assert_eq!(s.to_string().parse::<ogi_report::Section>()?, s);
/// # Ok::<(), ogi_report::FromTextError>(())
/// ```
impl std::str::FromStr for Section {
    type Err = FromTextError;
    fn from_str(text: &str) -> Result<Section, FromTextError> {
        let mut r = parse::parse(text)?;
        let found = r.preamble.len() + r.closing.len() + r.sections.len();
        match (r.sections.pop(), found) {
            (Some(s), 1) => Ok(s),
            _ => Err(FromTextError::NotOne {
                what: "sections",
                found,
            }),
        }
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
