//! The PDF front end (feature `pdf`): a text-layer PDF read through its
//! glyph positions into the *extracted text* the line parser reads.
//!
//! The extracted text is the report's text in reading order, page by page:
//! one line per paragraph (lines of a paragraph joined, CJK without inserted
//! spaces, a paragraph continued on the next page joined too), each table
//! written as tab rows (see [`crate::grid::positions`]), page numbers and
//! running headers/footers as lines of their own after the text they
//! interrupt (nothing is dropped). Spans of a report read from a PDF are
//! offsets into this text, and carry the page ([`crate::Span::page`]).
//! `ogi parse --text report.pdf` prints it.
//!
//! The PDF is read with `lopdf`; text is decoded through each font's
//! `ToUnicode` map; CJK compatibility forms fonts map to (Kangxi radicals
//! such as `⼀` for `一`) are folded to the unified ideograph.

mod cmap;
mod font;
mod glyphs;
mod layout;
mod paths;
mod write;

use std::collections::HashMap;

use crate::error::{Error, ErrorKind};
use crate::grid::Grid;
use crate::grid::positions::{self, Line, VerticalRules};
use layout::{Item, MAX_TABLE_PAGE_LINES, PageBody, PageItems, page_items};

/// The text read out of a PDF.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The extracted text (what the line parser reads).
    pub text: String,
    /// For each line of `text`, its start offset and the 1-based page it
    /// comes from, in order.
    pub lines: Vec<(usize, u32)>,
    /// The tables read from glyph positions, their cells' spans in `text`.
    pub tables: Vec<Grid>,
    /// The number of pages.
    pub pages: u32,
}

impl Extracted {
    /// Parses the extracted text (as [`crate::parse()`] does) and sets the
    /// page of every span. It is not audited (its `findings` are empty): a
    /// front end does not call the audit; [`crate::parse_pdf`] audits the
    /// final report, so the findings' spans and related spans carry their
    /// page too.
    pub fn parse(&self) -> Result<crate::model::Report, Error> {
        let mut r = crate::parse::parse(&self.text)?;
        crate::model::visit::spans_mut(&mut r, &mut |s| {
            s.page = self
                .page_at(s.start as usize)
                .and_then(std::num::NonZeroU32::new)
        });
        // a table holding cells of the grids read from glyph positions was
        // read in that layout (the tab rows of the extracted text are only
        // how those grids reach the parser)
        let cells: Vec<usize> = self
            .tables
            .iter()
            .flat_map(|g| {
                g.rows()
                    .iter()
                    .flatten()
                    .filter_map(|c| Some(c.span.as_ref()?.start))
            })
            .collect();
        crate::model::visit::tables_mut(&mut r, &mut |t| {
            let s = t.span();
            if cells.iter().any(|&c| s.range().contains(&c)) {
                t.set_layout(crate::model::TableLayout::PdfPositions);
            }
        });
        Ok(r)
    }

    /// The 1-based page of the text at byte `offset`.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let i = self.lines.partition_point(|l| l.0 <= offset);
        self.lines.get(i.checked_sub(1)?).map(|l| l.1)
    }
}

fn error(kind: ErrorKind) -> Error {
    Error::without_position(kind)
}

/// Reads the text of a PDF. Errors: not a readable PDF
/// ([`ErrorKind::PdfMalformed`]), encrypted ([`ErrorKind::PdfEncrypted`]),
/// no text layer ([`ErrorKind::PdfNoText`]), too large.
pub fn extract(bytes: &[u8]) -> Result<Extracted, Error> {
    if bytes.len() > crate::decode::MAX_INPUT_BYTES {
        return Err(error(ErrorKind::TooLarge {
            len: bytes.len(),
            limit: crate::decode::MAX_INPUT_BYTES,
        }));
    }
    let doc = std::panic::catch_unwind(|| lopdf::Document::load_mem(bytes)).map_err(|_| {
        error(ErrorKind::PdfMalformed {
            reason: "the PDF reader gave up on this file".into(),
        })
    })?;
    let doc = match doc {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            if msg.to_ascii_lowercase().contains("decrypt")
                || msg.to_ascii_lowercase().contains("password")
            {
                return Err(error(ErrorKind::PdfEncrypted));
            }
            return Err(error(ErrorKind::PdfMalformed { reason: msg }));
        }
    };
    if doc.is_encrypted() {
        return Err(error(ErrorKind::PdfEncrypted));
    }
    let pages = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| glyphs::pages(&doc)))
        .map_err(|_| {
            error(ErrorKind::PdfMalformed {
                reason: "the PDF's content could not be read".into(),
            })
        })?;
    if pages.is_empty() {
        return Err(error(ErrorKind::PdfMalformed {
            reason: "the PDF has no pages".into(),
        }));
    }
    let glyph_count: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    let printable = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| {
            g.text
                .chars()
                .any(|c| !c.is_whitespace() && c != '\u{FFFD}')
        })
        .count();
    if glyph_count == 0 || printable * 2 < glyph_count {
        return Err(error(ErrorKind::PdfNoText {
            pages: pages.len() as u32,
        }));
    }
    Ok(layout(pages))
}

/// Folds CJK compatibility forms fonts map ideographs to (Kangxi radicals,
/// CJK radicals supplement, compatibility ideographs) to their NFKC form.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if !s.chars().any(needs_fold) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if needs_fold(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_fold(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2EFF | 0x2F00..=0x2FDF | 0xF900..=0xFAFF)
}

fn page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·'));
    let t = t
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix('页'))
        .unwrap_or(t);
    let t = t.split(['/', '共']).next().unwrap_or(t);
    !t.is_empty() && t.len() <= 5 && t.chars().all(|c| c.is_ascii_digit())
}

/// Lays out the pages: lines (split at vertical rules), vertical labels,
/// page furniture, then each page's items; writes the extracted text.
fn layout(pages: Vec<glyphs::PageGlyphs>) -> Extracted {
    let n = pages.len();
    let mut bodies: Vec<(PageBody, f64)> = Vec::with_capacity(n);
    for p in pages {
        let mut glyphs = p.glyphs;
        for g in &mut glyphs {
            g.text = fold(&g.text);
        }
        let rules = VerticalRules::new(&p.rules);
        let mut lines = positions::lines_ruled(&glyphs, &rules);
        let verticals = if lines.len() <= MAX_TABLE_PAGE_LINES {
            positions::take_verticals(&mut lines)
        } else {
            Vec::new()
        };
        let body = PageBody {
            lines,
            verticals,
            rules,
        };
        bodies.push((body, p.size.1));
    }
    let furniture = Furniture::new(&bodies, n);
    let mut per_page: Vec<PageItems> = Vec::with_capacity(n);
    for (i, (mut body, h)) in bodies.into_iter().enumerate() {
        let page = i as u32 + 1;
        let (kept, moved) = furniture.split(std::mem::take(&mut body.lines), h);
        body.lines = kept;
        // the columns of a table ending the page before
        let seed = per_page.last().and_then(|p| match p.items.last() {
            Some((Item::Table { cols, .. }, _)) => Some(cols.clone()),
            _ => None,
        });
        per_page.push(page_items(body, page, moved, seed.as_deref()));
    }
    write::write(per_page)
}

/// Page numbers and running headers/footers: lines in the top or bottom
/// 7 % of a page that are a page number or repeated on three or more pages.
struct Furniture {
    counts: HashMap<String, usize>,
    pages: usize,
}

impl Furniture {
    fn margin_text(l: &Line, h: f64) -> Option<String> {
        (l.y > h * 0.93 || l.y < h * 0.07).then(|| l.text(" "))
    }

    fn new(bodies: &[(PageBody, f64)], pages: usize) -> Furniture {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (b, h) in bodies {
            for l in &b.lines {
                if let Some(t) = Self::margin_text(l, *h) {
                    *counts.entry(t).or_default() += 1;
                }
            }
        }
        Furniture { counts, pages }
    }

    /// The page's lines that are not furniture, and the furniture's text.
    fn split(&self, lines: Vec<Line>, h: f64) -> (Vec<Line>, Vec<String>) {
        let mut furniture = Vec::new();
        let mut body = Vec::new();
        for l in lines {
            match Self::margin_text(&l, h) {
                Some(t)
                    if page_number(&t)
                        || (self.pages >= 3 && self.counts.get(&t).copied().unwrap_or(0) >= 3) =>
                {
                    furniture.push(l.text("\t"))
                }
                _ => body.push(l),
            }
        }
        (body, furniture)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_kangxi_radicals() {
        assert_eq!(fold("⼀⼆⼈"), "一二人");
        assert_eq!(fold("abc"), "abc");
    }

    #[test]
    fn page_numbers() {
        assert!(page_number("- 3 -"));
        assert!(page_number("—12—"));
        assert!(page_number("第 2 页"));
        assert!(!page_number("2023 年"));
    }
}
