//! One pass over the paragraphs for the rules that read the text:
//! `meta.year_mismatch` in the body ([`super::meta`]), the received counts
//! ([`super::narrative`]) and the other counts and absolute claims
//! ([`super::statements`]).
//!
//! Each paragraph is scanned once for the words of [`super::vocab`]; a
//! paragraph holding none of a rule's words is skipped by that rule, and
//! each sentence or clause reads its words from the scan. The findings of
//! each rule keep the order the rule gives them (paragraph by paragraph,
//! sentence by sentence).

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
}

/// Runs the three text rules and appends their findings to `out`.
pub(super) fn check(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let tally = meta::tally(report);
    let mut pass = Pass {
        cx,
        reference: meta::reference(report, &tally),
        counts: narrative::counts(cx),
        hits: Hits::default(),
        meta: Vec::new(),
        narrative: Vec::new(),
        statements: Vec::new(),
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
        ..
    } = pass;
    meta::check(report, (&tally, meta_found), out);
    if let Some(counts) = counts {
        narrative::finish(cx, counts, &mut narrative_found);
    }
    out.append(&mut narrative_found);
    out.extend(statements_found);
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
                narrative::sentence(p, (offset, sentence, w), counts, &mut self.narrative);
            }
            if statements {
                statements::sentence(
                    self.cx,
                    p,
                    (offset, sentence, w),
                    kind,
                    &mut self.statements,
                );
            }
        }
    }
}
