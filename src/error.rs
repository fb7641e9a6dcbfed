//! The public error type.
//!
//! Parsing never fails on unusual reports: a text with no recognisable
//! structure still parses (everything lands in paragraphs or `unrecognized`).
//! [`Error`] is for input that cannot be decoded, input that is another kind
//! of file (a PDF, an image …), the limits, JSON that cannot be read or
//! written, and files that cannot be read.
//!
//! **Positions.** Errors about a place in the input (an undecodable byte, a
//! NUL, a JSON syntax error) carry a [`Position`]; the others (too large,
//! another file type, I/O) have none: [`Error::location`] is `None` and
//! [`Error::line`]/[`Error::column`] are 0, the C ABI's and Python's "no
//! position".

use std::fmt;

use crate::position::{Position, caret_snippet};

/// What went wrong. Each kind has a permanent [`ErrorKind::code`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not text in any encoding tried (UTF-8, GB18030, Big5;
    /// or the one named).
    #[error(
        "input is not UTF-8, GB18030 or Big5 text (invalid byte 0x{byte:02X}); name its encoding if it is another"
    )]
    InvalidEncoding {
        /// The first byte that could not be decoded.
        byte: u8,
    },
    /// The input exceeds [`crate::decode::MAX_INPUT_BYTES`].
    #[error("input is {len} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Input length.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// The input contains a NUL character: it is binary, not a report.
    #[error("input contains a NUL character; binary input is not a report")]
    Binary,
    /// The input looks like a PDF but cannot be read as one.
    #[error("the PDF cannot be read: {reason}")]
    PdfMalformed {
        /// What the PDF reader said.
        reason: String,
    },
    /// The PDF is encrypted and cannot be opened without a password.
    #[error("the PDF is encrypted; save an unencrypted copy and read that")]
    PdfEncrypted,
    /// The PDF has no text layer (a scan): it needs OCR first.
    #[error(
        "the PDF's {pages} page(s) have no text layer (a scanned document?): it needs OCR before it can be read"
    )]
    PdfNoText {
        /// The number of pages.
        pages: u32,
    },
    /// The input is a PDF but this build of the library reads no PDF (it
    /// was built without the cargo feature `pdf`).
    #[error("the input is a PDF, and this build reads no PDF (cargo feature `pdf`)")]
    PdfNotEnabled,
    /// The input is another kind of file, recognised by its first bytes
    /// (see [`crate::decode::sniff`]).
    #[error("input is {what}, not the text of a report; {hint}")]
    NotText {
        /// What it is: `a PDF document`, `a PNG image` ….
        what: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
    /// An encoding name given to [`crate::parse_bytes_with`] or `--encoding`
    /// that is not known (names are the WHATWG labels: `utf-8`, `gb18030`,
    /// `gbk`, `big5`, `utf-16le` …).
    #[error("unknown encoding {name:?}")]
    UnknownEncoding {
        /// The name given.
        name: String,
    },
    /// JSON that could not be read ([`crate::Report::from_json`]) or written.
    #[error("invalid JSON: {message}")]
    Json {
        /// serde_json's description.
        message: String,
    },
    /// A file or stream could not be read ([`crate::parse_path`],
    /// [`crate::parse_reader`]).
    #[error("cannot read input: {message}")]
    Io {
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
        /// Its description.
        message: String,
    },
}

impl ErrorKind {
    /// The permanent machine code of this kind (also the C ABI status).
    pub fn code(&self) -> u32 {
        match self {
            ErrorKind::InvalidEncoding { .. } => 200,
            ErrorKind::TooLarge { .. } => 300,
            ErrorKind::Binary => 301,
            ErrorKind::PdfMalformed { .. } => 320,
            ErrorKind::PdfEncrypted => 321,
            ErrorKind::PdfNoText { .. } => 322,
            ErrorKind::PdfNotEnabled => 323,
            ErrorKind::NotText { .. } => 302,
            ErrorKind::UnknownEncoding { .. } => 202,
            ErrorKind::Json { .. } => 400,
            ErrorKind::Io { .. } => 310,
        }
    }

    /// Whether errors of this kind point at a place in the input.
    pub fn has_position(&self) -> bool {
        matches!(
            self,
            ErrorKind::InvalidEncoding { .. } | ErrorKind::Binary | ErrorKind::Json { .. }
        )
    }
}

/// An error with its position in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    position: Option<Position>,
    snippet: Option<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, position: Position) -> Self {
        Error(Box::new(Inner {
            kind,
            position: Some(position),
            snippet: None,
        }))
    }

    /// An error of a kind without a position (too large, not text, I/O …).
    pub(crate) fn without_position(kind: ErrorKind) -> Self {
        Error(Box::new(Inner {
            kind,
            position: None,
            snippet: None,
        }))
    }

    /// A serde_json error while writing JSON (no position).
    pub(crate) fn from_json(e: serde_json::Error) -> Self {
        Error::without_position(ErrorKind::Json {
            message: e.to_string(),
        })
    }

    /// A serde_json error while reading `text`: the position in the JSON.
    pub(crate) fn from_json_in(text: &str, e: serde_json::Error) -> Self {
        // serde_json's line is 1-based, its column 1-based in bytes
        let mut start = 0;
        for _ in 1..e.line() {
            match text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => break,
            }
        }
        let offset = (start + e.column().saturating_sub(1)).min(text.len());
        let kind = ErrorKind::Json {
            message: e.to_string(),
        };
        Error::new(kind, Position::of(text, offset))
    }

    pub(crate) fn from_io(e: &std::io::Error) -> Self {
        Error::without_position(ErrorKind::Io {
            kind: e.kind(),
            message: e.to_string(),
        })
    }

    pub(crate) fn with_source_line(mut self, text: &str) -> Self {
        let Some(p) = self.0.position else {
            return self;
        };
        let start = text[..p.offset.min(text.len())]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        // control characters (the NUL that caused the error) shown as symbols
        let line: String = text[start..end]
            .chars()
            .take(120)
            .map(|c| {
                if (c as u32) < 0x20 {
                    char::from_u32(0x2400 + c as u32).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        self.0.snippet = Some(caret_snippet(p.line, &line, p.column));
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }
    /// Where: byte offset (0-based), line and column (1-based, characters);
    /// all zero for an error without a position (see [`Error::location`]).
    pub fn position(&self) -> Position {
        self.0.position.unwrap_or(Position {
            offset: 0,
            line: 0,
            column: 0,
        })
    }
    /// Where, for the kinds that point at a place in the input
    /// ([`ErrorKind::has_position`]); `None` otherwise.
    pub fn location(&self) -> Option<Position> {
        self.0.position
    }
    /// 1-based line; 0 when the error has no position.
    pub fn line(&self) -> u32 {
        self.position().line
    }
    /// 1-based column in characters; 0 when the error has no position.
    pub fn column(&self) -> u32 {
        self.position().column
    }
    /// Byte offset (in the input bytes for encoding errors, in the decoded
    /// text for NUL characters, in the JSON for JSON errors); 0 when the
    /// error has no position.
    pub fn offset(&self) -> usize {
        self.position().offset
    }
    /// The permanent machine code ([`ErrorKind::code`]).
    pub fn code(&self) -> u32 {
        self.0.kind.code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.position {
            Some(p) => write!(
                f,
                "error at line {}, column {} (byte {}): {}",
                p.line, p.column, p.offset, self.0.kind
            )?,
            None => write!(f, "error: {}", self.0.kind)?,
        }
        if let Some(s) = &self.0.snippet {
            write!(f, "\n{s}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0.kind)
    }
}
