//! What the table mappers share: label pieces, row accumulation and the
//! cell text of the model.

use indexmap::IndexMap;

use super::cells::{Tk, Tok};
use super::fused::{Placed, place};
use super::vocabulary::{self, W};
use crate::lines::{Locator, is_space};
use crate::model::Number;
use crate::model::keys::Key;
use crate::model::table::{Fragment, FragmentRole, Fragments, RowSource, Text};
use crate::text::lexical::{Norm, marker_starts};

/// The value of a raw cell: a number, or `None` (empty, null marker, text).
pub(crate) fn cell_value(raw: &str) -> Option<Number> {
    let t = raw.trim_matches(is_space);
    let (n, _) = Number::parse_prefix(t)?;
    Some(n)
}

/// The text after a cell's number: a unit (`元`) or a remark.
pub(crate) fn cell_suffix(raw: &str) -> Option<&str> {
    let t = raw.trim_matches(is_space);
    let (_, len) = Number::parse_prefix(t)?;
    let rest = t[len..].trim_matches(is_space);
    (!rest.is_empty()).then_some(rest)
}

/// A piece of label text (normalised) with its source range.
#[derive(Debug)]
pub(crate) struct Piece {
    pub(crate) norm: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Joins consecutive label tokens and cuts them into pieces at list markers
/// and, when `vocab` is given, at vocabulary words.
pub(crate) fn pieces(text: &str, run: &[Tok], vocab: &[W]) -> Vec<Piece> {
    let mut n = Norm::with_capacity(run.iter().map(|t| t.end - t.start).sum());
    // a new line starts a new piece: the second half of a wrapped label is
    // joined back to its row by the builders, not by position
    let mut line_cuts = Vec::new();
    let mut prev_end: Option<usize> = None;
    for t in run {
        if prev_end.is_some_and(|e| text[e..t.start].contains(['\n', '\r'])) {
            line_cuts.push(n.s.len());
        }
        n.push(&text[t.start..t.end], t.start);
        prev_end = Some(t.end);
    }
    if n.is_empty() {
        return Vec::new();
    }
    let mut cuts = marker_starts(&n.s);
    cuts.extend(line_cuts);
    if !vocab.is_empty() {
        // leftmost-longest words of `vocab`, one after the other
        let mut found: Vec<(usize, usize)> = vocabulary::matches(&n.s)
            .filter(|(_, _, w)| vocabulary::is_one_of(vocab, *w))
            .map(|(s, e, _)| (s, e))
            .collect();
        found.sort_unstable_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
        let mut at = 0;
        for (s, e) in found {
            if s >= at {
                if s > 0 {
                    cuts.push(s);
                }
                cuts.push(e);
                at = e;
            }
        }
    }
    cuts.push(0);
    cuts.push(n.s.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let (s, e) = n.source(w[0], w[1]);
            Piece {
                norm: n.s[w[0]..w[1]].to_string(),
                start: s,
                end: e,
            }
        })
        .collect()
}

pub(crate) struct RowAcc<R> {
    pub(crate) key: R,
    pub(crate) label: Option<(usize, usize)>,
    pub(crate) label_extra: String,
    pub(crate) cells: Vec<Tok>,
}

pub(crate) struct Builder<'t, 'l> {
    pub(crate) text: &'t str,
    pub(crate) loc: &'l Locator<'t>,
    pub(crate) fragments: Vec<Fragment>,
    /// The grid's cells are delimited (tab or pipe rows): the positions are
    /// known, so digit runs are never split (see [`place`]).
    pub(crate) delimited: bool,
}

impl<'t> Builder<'t, '_> {
    pub(crate) fn frag(&mut self, role: FragmentRole, s: usize, e: usize) {
        if s < e {
            self.fragments.push(Fragment {
                role,
                raw: self.text[s..e].into(),
                span: self.loc.span(s, e),
            });
        }
    }
    pub(crate) fn text_of(&self, s: usize, e: usize) -> Text {
        Text {
            raw: self.text[s..e].into(),
            span: self.loc.span(s, e),
        }
    }
    /// A page number (or a rule row's cell) inside the table.
    pub(crate) fn page(&mut self, t: &Tok) {
        let role = if t.kind == Tk::Rule {
            FragmentRole::Header
        } else {
            FragmentRole::PageNumber
        };
        self.frag(role, t.start, t.end);
    }

    /// The fragments, in source order.
    pub(crate) fn into_fragments(mut self) -> Fragments {
        // usually already in order: then the stable sort's buffer (half
        // the fragments) is not needed
        if !self.fragments.is_sorted_by_key(|f| f.span.start) {
            self.fragments.sort_by_key(|f| f.span.start);
        }
        self.fragments.shrink_to_fit();
        Fragments(self.fragments)
    }

    /// Turns accumulated rows into values and sources.
    #[allow(clippy::type_complexity)]
    pub(crate) fn finish_rows<'c, R: Key, C: Key + 'c>(
        &mut self,
        rows: Vec<RowAcc<R>>,
        cols: impl Fn(R) -> &'c [C],
    ) -> (
        IndexMap<R, IndexMap<C, Option<Number>>>,
        IndexMap<R, RowSource<C>>,
    ) {
        // maps sized once: no rehashing while they fill
        let mut values = IndexMap::with_capacity(rows.len());
        let mut sources = IndexMap::with_capacity(rows.len());
        for acc in rows {
            if values.contains_key(&acc.key) {
                // a repeated label: keep its text, the first row wins
                if let Some((s, e)) = acc.label {
                    self.frag(FragmentRole::Other, s, e);
                }
                for c in &acc.cells {
                    if c.kind != Tk::Empty {
                        self.frag(FragmentRole::Other, c.start, c.end);
                    }
                }
                continue;
            }
            let columns = cols(acc.key);
            let mut src = RowSource::<C> {
                cells: IndexMap::with_capacity(columns.len()),
                ..RowSource::default()
            };
            if let Some((s, e)) = acc.label {
                let mut t = self.text_of(s, e);
                t.raw.push_str(&acc.label_extra);
                src.label = Some(t);
            }
            let mut vals = IndexMap::with_capacity(columns.len());
            match place(
                self.text,
                &acc.cells,
                columns.len(),
                acc.label.map_or(0, |l| l.1),
                self.delimited,
            ) {
                Placed::Cells(cells) => {
                    for (c, (s, e)) in columns.iter().zip(cells) {
                        let t = self.text_of(s, e);
                        vals.insert(*c, cell_value(&t.raw));
                        src.cells.insert(*c, t);
                    }
                }
                Placed::Fused(s, e) => {
                    for c in columns {
                        vals.insert(*c, None);
                    }
                    src.fused = Some(self.text_of(s, e));
                }
            }
            values.insert(acc.key, vals);
            sources.insert(acc.key, src);
        }
        (values, sources)
    }
}
