//! One pass over the paragraphs for the rules that read the text:
//! `meta.year_mismatch` in the body ([`super::meta`]), the received counts
//! ([`super::narrative`]) and the other counts and absolute claims
//! ([`super::statements`]).
//!
//! Each paragraph is scanned once for the words of [`super::vocab`]; a
//! paragraph holding none of a rule's words is skipped by that rule, and
//! each sentence or clause reads its words from the scan. The findings of
//! each rule keep the order of the text (paragraph by paragraph, sentence by
//! sentence, in a sentence by position), so that findings of one paragraph
//! sort the same whether their spans are exact (a paragraph on one source
//! line) or the paragraph's (several lines).

use super::vocab::{self, Hits};
use super::{Ctx, meta, narrative, statements};
use crate::model::{Block, Finding, Paragraph, SectionKind};

/// Where a paragraph stands: the preamble, a section (of a kind), the closing.
#[derive(Clone, Copy)]
enum Place {
    Preamble,
    Section(SectionKind),
    Closing,
}

/// What the pass carries from paragraph to paragraph.
struct Pass<'c, 'a> {
    cx: &'c Ctx<'a>,
    /// The year the body must state, when `meta` reads the body.
    reference: Option<i32>,
    /// The applications counts, when `narrative` has something to compare.
    counts: Option<narrative::Counts>,
    hits: Hits,
    meta: Vec<Finding>,
    narrative: Vec<Finding>,
    statements: Vec<Finding>,
    /// The paragraphs seen so far.
    paragraphs: usize,
    /// Where each finding of `narrative` / `statements` was read:
    /// `(paragraph, byte offset of the sentence)`.
    narrative_at: Vec<(usize, usize)>,
    statements_at: Vec<(usize, usize)>,
}

/// Runs the three text rules and appends their findings to `out`.
pub(super) fn check(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let tally = meta::tally(report);
    let mut pass = Pass {
        cx,
        reference: meta::reference(report, &tally),
        counts: narrative::counts(cx),
        hits: Hits::take(),
        meta: Vec::new(),
        narrative: Vec::new(),
        statements: Vec::new(),
        paragraphs: 0,
        narrative_at: Vec::new(),
        statements_at: Vec::new(),
    };
    pass.blocks(&report.preamble, Place::Preamble);
    for s in &report.sections {
        pass.blocks(&s.blocks, Place::Section(s.kind));
    }
    pass.blocks(&report.closing, Place::Closing);
    let Pass {
        counts,
        meta: meta_found,
        narrative: mut narrative_found,
        statements: statements_found,
        narrative_at,
        statements_at,
        hits,
        ..
    } = pass;
    hits.give_back();
    meta::check(report, (&tally, meta_found), out);
    if let Some(counts) = counts {
        narrative::finish(cx, counts, &mut narrative_found);
    }
    merge(
        (narrative_found, &narrative_at),
        (statements_found, &statements_at),
        out,
    );
}

/// Appends the findings of `narrative` and `statements` (one rule,
/// `narrative.mismatch`, of two readers) in the order of the text: by
/// paragraph and sentence, `narrative`'s first within a sentence. So their
/// order does not depend on whether their spans are exact: a paragraph of
/// several source lines gives each the paragraph's span, and findings of one
/// rule with one span keep this order (see `super::narrative::span_in`).
fn merge(
    (a, a_at): (Vec<Finding>, &[(usize, usize)]),
    (b, b_at): (Vec<Finding>, &[(usize, usize)]),
    out: &mut Vec<Finding>,
) {
    out.reserve(a.len() + b.len());
    let mut a = a.into_iter().zip(a_at).peekable();
    let mut b = b.into_iter().zip(b_at).peekable();
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some((_, ka)), Some((_, kb))) => ka <= kb,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let next = if take_a { a.next() } else { b.next() };
        out.extend(next.map(|(f, _)| f));
    }
}

impl Pass<'_, '_> {
    fn blocks(&mut self, blocks: &[Block], place: Place) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.paragraph(p, place),
                Block::Subsection(s) => self.blocks(&s.blocks, place),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Paragraph, place: Place) {
        let (in_section, kind, statements) = match place {
            Place::Preamble => (false, None, true),
            Place::Section(kind) => (true, Some(kind), true),
            Place::Closing => (false, None, false),
        };
        let seq = self.paragraphs;
        self.paragraphs += 1;
        self.hits.scan(&p.text);
        let all = self.hits.all();
        if in_section
            && let Some(reference) = self.reference
            && all.any(meta::PERIOD)
        {
            let clauses = self.hits.pieces(vocab::CLAUSE, p.text.len());
            meta::paragraph(self.cx.report, reference, p, clauses, &mut self.meta);
        }
        let counts = self.counts.filter(|_| all.any(narrative::TRIGGER));
        let statements = statements && all.any(statements::TRIGGER);
        if counts.is_none() && !statements {
            return;
        }
        let wanted = statements::TRIGGER.or(narrative::TRIGGER);
        for (offset, end, w) in self.hits.pieces(vocab::SENTENCE, p.text.len()) {
            if !w.any(wanted) {
                continue;
            }
            let sentence = &p.text[offset..end];
            if let Some(counts) = counts {
                let words = w.words();
                narrative::sentence(p, (offset, sentence, words), counts, &mut self.narrative);
                let n = self.narrative.len() - self.narrative_at.len();
                self.narrative_at
                    .extend(std::iter::repeat_n((seq, offset), n));
            }
            if statements {
                statements::sentence(
                    self.cx,
                    p,
                    (offset, sentence, w),
                    kind,
                    &mut self.statements,
                );
                let n = self.statements.len() - self.statements_at.len();
                self.statements_at
                    .extend(std::iter::repeat_n((seq, offset), n));
            }
        }
    }
}
