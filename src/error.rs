//! The public error type.
//!
//! Parsing never fails on unusual reports: a text with no recognisable
//! structure still parses (everything lands in paragraphs or `unrecognized`).
//! [`Error`] is for input that cannot be decoded and for the limits.

use std::fmt;

use crate::position::{Position, caret_snippet};

/// What went wrong. Each kind has a permanent [`ErrorKind::code`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are neither UTF-8 nor GB18030.
    #[error("input is neither UTF-8 nor GB18030 (invalid byte 0x{byte:02X})")]
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
        }
    }
}

/// An error with its position in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    position: Position,
    snippet: Option<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, position: Position) -> Self {
        Error(Box::new(Inner {
            kind,
            position,
            snippet: None,
        }))
    }

    pub(crate) fn with_source_line(mut self, text: &str) -> Self {
        let p = self.0.position;
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
    /// Where: byte offset (0-based), line and column (1-based, characters).
    pub fn position(&self) -> Position {
        self.0.position
    }
    /// 1-based line.
    pub fn line(&self) -> u32 {
        self.0.position.line
    }
    /// 1-based column in characters.
    pub fn column(&self) -> u32 {
        self.0.position.column
    }
    /// Byte offset.
    pub fn offset(&self) -> usize {
        self.0.position.offset
    }
    /// The permanent machine code ([`ErrorKind::code`]).
    pub fn code(&self) -> u32 {
        self.0.kind.code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0.position;
        write!(
            f,
            "error at line {}, column {} (byte {}): {}",
            p.line, p.column, p.offset, self.0.kind
        )?;
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
