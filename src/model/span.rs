//! [`Span`], the place of a node in the source, and [`Str`], the model's string.

use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

/// A model string: text of the report as the model keeps it.
///
/// A [`compact_str::CompactString`]: 24 bytes like a `String`, but a string of
/// up to 24 bytes (8 CJK characters) is stored inline, without a heap
/// allocation, and most of a report's strings (cell texts, markers, labels,
/// rule ids) are that short. It derefs to `&str`, converts from `&str` and
/// `String` with `.into()` / [`Str::from`], and serialises as a JSON string.
///
/// ```
/// use ogi_report::Str;
/// let marker: Str = "（一）".into();
/// assert_eq!(marker.as_str(), "（一）");
/// assert!(!marker.is_heap_allocated());
/// ```
pub type Str = compact_str::CompactString;

/// A region of the decoded text.
///
/// `start`/`end` are byte offsets into the decoded UTF-8 text (`end` is
/// exclusive; inputs are at most 64 MiB, so offsets fit a `u32`; index
/// text with [`Span::range`]); `line` is 1-based; `column` is 1-based and
/// counts characters. Equality ignores spans (see the module docs).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, in characters.
    pub column: u32,
    /// For a report read from a PDF: the 1-based page the text at `start`
    /// comes from (offsets then refer to the extracted text). `None` for
    /// text and HTML input. Pages count from 1, so `None` takes no room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<NonZeroU32>,
}

impl PartialEq for Span {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for Span {}
impl std::hash::Hash for Span {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl Span {
    /// The byte range `start..end`, to index the text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// The source text this span covers (empty when out of range).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
    /// True when both offsets are the same as `other`'s.
    pub fn same_location(self, other: Span) -> bool {
        self.start == other.start && self.end == other.end
    }
}
