//! Visiting every [`Span`] of a report, mutably.
//!
//! Front ends that read a report through an intermediate text (the reading
//! text of an HTML page, see [`crate::input`]) use it to move every span
//! back onto the source. When a node type gains a span, it gains a line here.

use super::table::{Fragment, RowSource, Text};
use super::{Block, Report, Span, Table};

/// Calls `f` on every span of `report`: headings, blocks, table labels,
/// cells, fragments, year mentions and findings.
pub fn spans_mut(report: &mut Report, f: &mut dyn FnMut(&mut Span)) {
    for y in &mut report.meta.years {
        f(&mut y.span);
    }
    blocks(&mut report.preamble, f);
    for s in &mut report.sections {
        f(&mut s.span);
        f(&mut s.heading.span);
        blocks(&mut s.blocks, f);
    }
    blocks(&mut report.closing, f);
    for x in &mut report.findings {
        if let Some(s) = &mut x.span {
            f(s);
        }
    }
}

/// Calls `f` on every table of `report`, in document order (tables inside
/// subsections included).
pub fn tables_mut(report: &mut Report, f: &mut dyn FnMut(&mut Table)) {
    fn walk(bs: &mut [Block], f: &mut dyn FnMut(&mut Table)) {
        for b in bs {
            match b {
                Block::Table(t) => f(t),
                Block::Subsection(s) => walk(s.blocks.as_mut_slice(), f),
                _ => {}
            }
        }
    }
    walk(&mut report.preamble, f);
    for s in &mut report.sections {
        walk(&mut s.blocks, f);
    }
    walk(&mut report.closing, f);
}

/// Calls `f` on every span inside `bs` (recursively).
pub fn blocks_mut(bs: &mut [Block], f: &mut dyn FnMut(&mut Span)) {
    blocks(bs, f)
}

fn blocks(bs: &mut [Block], f: &mut dyn FnMut(&mut Span)) {
    for b in bs {
        match b {
            Block::Paragraph(p) => f(&mut p.span),
            Block::Markup(m) => f(&mut m.span),
            Block::Unrecognized(u) => f(&mut u.span),
            Block::Chrome(c) => f(&mut c.span),
            Block::Subsection(s) => {
                f(&mut s.span);
                f(&mut s.head);
                blocks(s.blocks.as_mut_slice(), f);
            }
            Block::Table(t) => table(t, f),
        }
    }
}

fn text(t: &mut Text, f: &mut dyn FnMut(&mut Span)) {
    f(&mut t.span)
}

fn rows<R: std::hash::Hash + Eq, C: std::hash::Hash + Eq>(
    source: &mut crate::model::RowMap<R, RowSource<C>>,
    fragments: &mut [Fragment],
    f: &mut dyn FnMut(&mut Span),
) {
    for r in source.values_mut() {
        if let Some(l) = &mut r.label {
            text(l, f);
        }
        for c in r.cells.values_mut() {
            text(c, f);
        }
        if let Some(x) = &mut r.fused {
            text(x, f);
        }
    }
    for x in fragments {
        f(&mut x.span);
    }
}

/// Calls `f` on every span of one table.
pub fn table_mut(t: &mut Table, f: &mut dyn FnMut(&mut Span)) {
    table(t, f)
}

fn table(t: &mut Table, f: &mut dyn FnMut(&mut Span)) {
    match t {
        Table::Applications(t) => {
            f(&mut t.span);
            rows(&mut t.source, &mut t.fragments, f)
        }
        Table::ReviewLitigation(t) => {
            f(&mut t.span);
            rows(&mut t.source, &mut t.fragments, f)
        }
        Table::ActiveDisclosure(t) => {
            f(&mut t.span);
            rows(&mut t.source, &mut t.fragments, f)
        }
        Table::LegacyStatistics(t) => {
            f(&mut t.span);
            let others = t.other_rows.iter_mut().map(|o| &mut o.source);
            for r in t.source.values_mut().chain(others) {
                let (l, u, c) = (&mut r.label, &mut r.unit, &mut r.code);
                for x in l.iter_mut().chain(u.iter_mut()).chain(c.iter_mut()) {
                    text(x, f);
                }
                for x in r.cells.values_mut().chain(r.extra.iter_mut()) {
                    text(x, f);
                }
            }
            for x in t.fragments.iter_mut() {
                f(&mut x.span);
            }
        }
        Table::Generic(t) => {
            f(&mut t.span);
            for s in t
                .spans
                .header
                .iter_mut()
                .chain(t.spans.rows.iter_mut().flatten())
            {
                f(s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn visits_every_leaf_span() {
        let text = "一、总体情况\n本年度工作正常。\n二、主动公开政府信息情况\n\
                    信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n";
        let mut r = crate::parse(text).unwrap();
        let leaves = crate::lossless::leaf_spans(&r).len();
        let mut n = 0;
        super::spans_mut(&mut r, &mut |_| n += 1);
        assert!(n >= leaves, "{n} < {leaves}");
    }
}
