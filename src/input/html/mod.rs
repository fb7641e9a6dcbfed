//! The HTML front end: a report read from the web page it was published on.
//!
//! 1. **Bytes to text** ([`decode`]): a BOM, then the charset a `<meta>`
//!    declares (`<meta charset>` or `http-equiv="Content-Type"`, found by a
//!    prescan of the first bytes), then UTF-8, then GB18030. Every span of
//!    the report points into this decoded page source.
//! 2. **The page** is parsed by html5ever (through `scraper`) into a DOM.
//!    html5ever does not say where a text node stands in the source, so the
//!    front end walks the source along the DOM's text nodes (they come in
//!    source order) and maps every character of every text node to its
//!    place: a verbatim character to itself, an entity (`&nbsp;`, `&#20013;`)
//!    to the whole entity.
//! 3. **Content, not chrome**: the element that holds the report is the
//!    deepest one holding most of the report's signals (section headings
//!    `一、`… and tables with figures); the page title (the article title
//!    above it, or `<title>`) is read first. Everything else with text —
//!    scripts, styles, navigation, breadcrumbs, share bars, footers, a
//!    crawler's capture fields — becomes [`Chrome`](crate::model::Chrome)
//!    blocks of the report's preamble (before the content) or closing
//!    (after it), with their
//!    spans. The portal's metadata fields (索引号, 发布机构, 发文日期 …)
//!    found in the chrome or in a metadata table fill [`crate::Meta`]
//!    (`index_number`, `organ`, `published`, `title` when the text has none).
//! 4. **The reading text** ([`Reading`](crate::input::Reading)): block
//!    elements (`p`, `div`, `br`,
//!    `h1`–`h6`, `li`, `tr`, `table` …) end lines, inline runs (`span`,
//!    `font`, `b` …) stay on one line, so a heading split over several runs
//!    is one heading. Every `<table>` becomes a [`crate::grid::Grid`]
//!    ([`crate::grid::html`]) written as tab rows, each cell mapped to its
//!    text nodes; a layout table (one whose cells hold tables) is read as
//!    blocks and its inner tables as tables.
//!
//! [`parse_html`] runs the line parser on the reading text and moves every
//! span back onto the page source.
//!
//! One job a file:
//! - `charset`: bytes to text ([`sniff`], [`decode`]);
//! - `dom`: the DOM copied out of html5ever, with every text node's
//!   pieces mapped onto the source, and the element classes (block,
//!   hidden);
//! - `source`: how a text node is found in the source (markup skipped,
//!   character references decoded);
//! - `content`: which element holds the report, and the page title;
//! - `reading`: the reading text written from the content (block
//!   elements as lines, tables as tab rows through [`crate::grid::html`]);
//! - `portal`: the portal's metadata fields (索引号, 发布机构 …);
//! - `page`: [`read`], the page as the line parser sees it, and the chrome
//!   around the content.

mod charset;
mod content;
mod dom;
mod page;
mod portal;
mod reading;
mod source;

pub use charset::{decode, sniff};
pub use page::{Page, read};

use crate::error::Error;
use crate::model::Report;

/// Parses an HTML page (bytes in any charset [`decode`] knows). Spans point
/// into the decoded page source; see the [module docs](self).
///
/// The report's derived fields (format, meta) are those of the line parser
/// run on the reading text, then completed from the portal's metadata
/// fields. It is not audited (its `findings` are empty): a front end does
/// not call the audit; [`crate::parse_html`] audits the final report.
pub fn parse_html(bytes: &[u8]) -> Result<Report, Error> {
    let html = decode(bytes)?;
    parse_decoded(&html)
}

/// [`parse_html`] on an already decoded page (not audited either).
pub fn parse_decoded(html: &str) -> Result<Report, Error> {
    let page = read(html);
    let mut report = crate::parse::parse(page.reading.text())?;
    page.reading.remap(&mut report, html);
    mark_table_layout(&mut report, html);
    page.complete(&mut report, html);
    Ok(report)
}

/// Tables whose source holds table cells (`<td`, `<th`) were read from the
/// page's `<table>` grids: their layout is [`crate::model::TableLayout::Html`]. A table
/// in running text (tab rows inside a `<pre>`, say) keeps the layout the
/// text parser found.
fn mark_table_layout(report: &mut Report, html: &str) {
    use crate::model::TableLayout;
    crate::model::visit::tables_mut(report, &mut |t| {
        let s = t.span();
        let src = html.get(s.range()).unwrap_or("").as_bytes();
        let cell = src.windows(3).any(|w| {
            w[0] == b'<' && w[1].eq_ignore_ascii_case(&b't') && matches!(w[2] | 0x20, b'd' | b'h')
        });
        if cell {
            t.set_layout(TableLayout::Html);
        }
    });
}
