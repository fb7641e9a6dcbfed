//! [`read`]: the page as the line parser sees it — the reading text of its
//! content, and the chrome around it (in runs of text nodes, before or
//! after the content) with the portal's fields.

use std::ops::Range;

use crate::input::Reading;
use crate::model::{Block, Chrome, Report};

use super::content::{PageLine, find_content, page_lines, take_prefix, title_element};
use super::dom::{Dom, first_text, is_hidden};
use super::portal::{Portal, compact};
use super::reading::{Writer, walk};
use super::source::Mode;

/// A page read for the line parser: the reading text of its content and
/// the chrome around it. See the [module docs](crate::input::html).
#[derive(Debug)]
pub struct Page {
    /// The reading text of the report, mapped onto the page source.
    pub reading: Reading,
    /// Chrome blocks before the content, in source order.
    pub chrome_before: Vec<Chrome>,
    /// Chrome blocks after the content (and inside it: scripts, metadata
    /// tables), in source order.
    pub chrome_after: Vec<Chrome>,
    /// Every source range that holds text of a text node (verbatim runs and
    /// entities standing for a non-space character): what
    /// [`crate::lossless::check_html`] accounts for.
    pub text_ranges: Vec<Range<usize>>,
    /// Text nodes that could not be found in the source (their text is read
    /// but has no place; 0 on well-formed pages).
    pub unaligned: usize,
    pub(super) portal: Portal,
}

impl Page {
    /// Adds the chrome blocks to the report's preamble and closing and
    /// completes [`crate::Meta`] from the portal's fields.
    pub(super) fn complete(self, report: &mut Report, html: &str) {
        let index = crate::input::LineIndex::new(html);
        let mut fix = |c: Chrome| {
            Block::Chrome(Chrome {
                span: index.span(c.span.start as usize, c.span.end as usize),
                ..c
            })
        };
        let before: Vec<Block> = self.chrome_before.into_iter().map(&mut fix).collect();
        report.preamble.splice(0..0, before);
        report
            .closing
            .extend(self.chrome_after.into_iter().map(&mut fix));
        let m = &mut report.meta;
        let p = self.portal;
        if m.title.is_none() {
            m.title = p.title.map(Into::into);
        }
        if m.organ.is_none() {
            m.organ = p.organ.or(p.source).map(Into::into);
        }
        if m.published.is_none() {
            m.published = p.published.map(Into::into);
        }
        m.index_number = p.index_number.map(Into::into);
    }
}

/// Reads a decoded page: finds the content, writes its reading text, and
/// collects the chrome. See the [module docs](crate::input::html).
pub fn read(html: &str) -> Page {
    let dom = Dom::new(html);
    let lines = page_lines(&dom);
    let content = find_content(&dom, &lines);
    let mut used = vec![false; dom.nodes.len()];
    let mut w = Writer::default();
    let mut metadata_tables: Vec<usize> = Vec::new();
    if let Some(content) = content {
        write_title(&dom, &lines, content, &mut w, &mut used);
        walk(&dom, content, &mut w, &mut used, &mut metadata_tables);
        w.end_line();
    }
    let (chrome_before, chrome_after) = chrome(&dom, content, &used);
    let portal = portal(&dom, &lines, &used);
    let _ = metadata_tables;
    Page {
        reading: w.reading,
        chrome_before,
        chrome_after,
        text_ranges: text_ranges(&dom),
        unaligned: dom.unaligned,
        portal,
    }
}

/// Writes the title line when the content does not start with one: the
/// last title-like line before the content, else the `<title>`.
fn write_title(dom: &Dom, lines: &[PageLine], content: usize, w: &mut Writer, used: &mut [bool]) {
    let inside = |i: usize| i == content || dom.ancestors(i).any(|a| a == content);
    let content_head: Vec<String> = lines
        .iter()
        .filter(|l| l.texts.first().is_some_and(|&t| inside(t)))
        .take(3)
        .map(|l| compact(&l.text))
        .filter(|t| t.chars().count() <= 80)
        .collect();
    let has_title = ["年度报告", "年报", "工作报告"]
        .iter()
        .any(|k| content_head.iter().any(|t| t.contains(k)));
    if has_title {
        return;
    }
    let first = first_text(dom, content).unwrap_or(usize::MAX);
    let candidate = lines.iter().rev().find(|l| {
        let t = compact(&l.text);
        l.texts.last().is_some_and(|&x| x < first && !inside(x))
            && t.chars().count() <= 80
            && (t.contains("年度报告") || t.contains("年报") || t.contains("工作报告"))
            && l.texts.iter().all(|&x| dom.mode(x) == Mode::Data)
            && !t.contains(['：', ':'])
    });
    if let Some(l) = candidate {
        for &t in &l.texts {
            used[t] = true;
            w.push_pieces(&dom.pieces[t]);
        }
        w.end_line();
    } else if let Some((node, cut)) = title_element(dom) {
        used[node] = true;
        let pieces = take_prefix(&dom.pieces[node], cut);
        w.push_pieces(&pieces);
        w.end_line();
    }
}

/// The hidden element (script, style …, not `<head>`) text node `t` is in.
fn hidden_ancestor(dom: &Dom, t: usize) -> Option<usize> {
    dom.ancestors(t)
        .find(|&a| dom.name(a).is_some_and(|n| is_hidden(n) && n != "head"))
}

/// The chrome before and after the content: every unused text node with
/// text, in runs (a run ends at a used node and at a hidden element).
fn chrome(dom: &Dom, content: Option<usize>, used: &[bool]) -> (Vec<Chrome>, Vec<Chrome>) {
    // where the report's body starts: the first text node read from the
    // content element (the title may stand before it, chrome between)
    let in_content = |t: usize| content.is_some_and(|c| t == c || dom.ancestors(t).any(|a| a == c));
    let content_start = dom
        .texts
        .iter()
        .find(|&&t| used[t] && in_content(t))
        .and_then(|&t| dom.pieces[t].first().map(|p| p.range().start))
        .unwrap_or(usize::MAX);
    let mut chrome_before = Vec::new();
    let mut chrome_after = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>| {
        if let Some(c) = chrome_of(dom, run) {
            if (c.span.start as usize) < content_start {
                chrome_before.push(c);
            } else {
                chrome_after.push(c);
            }
        }
        run.clear();
    };
    let mut last_hidden = None;
    for &t in &dom.texts {
        let has_text = dom
            .text(t)
            .is_some_and(|x| !x.chars().all(crate::lines::is_space));
        if used[t] || !has_text || dom.pieces[t].is_empty() {
            if used[t] {
                flush(&mut run);
            }
            continue;
        }
        let hidden = hidden_ancestor(dom, t);
        if hidden != last_hidden || hidden.is_some() {
            flush(&mut run);
        }
        last_hidden = hidden;
        run.push(t);
    }
    flush(&mut run);
    (chrome_before, chrome_after)
}

/// The portal's fields, read from the chrome lines outside scripts and
/// styles.
fn portal(dom: &Dom, lines: &[PageLine], used: &[bool]) -> Portal {
    let mut portal_lines: Vec<String> = Vec::new();
    for l in lines {
        if l.texts
            .iter()
            .all(|&t| !used[t] && dom.mode(t) == Mode::Data)
            && hidden_ancestor(dom, l.texts[0]).is_none()
        {
            portal_lines.push(l.text.clone());
        }
    }
    let mut portal = Portal::default();
    portal.read(&portal_lines);
    portal
}

/// Every source range that holds text of a text node (see
/// [`Page::text_ranges`]).
fn text_ranges(dom: &Dom) -> Vec<Range<usize>> {
    let mut text_ranges = Vec::new();
    for &t in &dom.texts {
        for p in &dom.pieces[t] {
            let r = p.range();
            if r.start < r.end && !p.is_space() {
                text_ranges.push(r);
            }
        }
    }
    text_ranges
}

/// A chrome block of consecutive text nodes.
pub(super) fn chrome_of(dom: &Dom, run: &[usize]) -> Option<Chrome> {
    let mut text = String::new();
    let mut start = usize::MAX;
    let mut end = 0;
    for &t in run {
        for p in &dom.pieces[t] {
            if p.is_space() {
                continue;
            }
            let r = p.range();
            if r.start == r.end {
                continue;
            }
            start = start.min(r.start);
            end = end.max(r.end);
        }
        if let Some(x) = dom.text(t) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(x);
        }
    }
    if start >= end {
        return None;
    }
    // a verbatim piece may start or end with white space: trim the span
    let mut text_out = String::with_capacity(text.len());
    for w in text.split(crate::lines::is_space).filter(|w| !w.is_empty()) {
        if !text_out.is_empty() {
            text_out.push(' ');
        }
        text_out.push_str(w);
    }
    Some(Chrome {
        text: text_out.into(),
        span: crate::model::Span {
            start: start as u32,
            end: end as u32,
            line: 0,
            column: 0,
            page: None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_split_over_runs_are_one_line() {
        let html = "<div><p><font>一、</font><span style=\"x\">总体</span><span>情况</span></p>\
                    <p>本年度工作正常。</p><p>二、主动公开政府信息情况</p><p>无。</p></div>";
        let page = read(html);
        assert!(
            page.reading
                .text()
                .starts_with("一、总体情况\n本年度工作正常。\n"),
            "{:?}",
            page.reading.text()
        );
    }
}
