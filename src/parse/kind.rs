//! What a piece of a line is to block building and region assembly,
//! worked out once per piece: the list of [`LineKind`]s is made in one
//! forward pass over a section's pieces (whether each is blank), and every
//! later question about a piece (does it hold `指` or `勾`, which table it
//! opens, is it a grid row, a page number) is answered the
//! first time it is asked and kept, so that no test searches a piece twice.
//! Most pieces are asked few questions (a piece inside a crawler statistics
//! table, none): answering every question for every piece up front costs
//! more than it saves (measured on the corpus: a walk over every piece that
//! records each character asked about costs ~11 instructions per byte, more
//! than all the questions asked cost).

pub(crate) use super::facts::Facts;
use super::seg::Seg;
use crate::template::Kind;

/// What a piece of a line is to region assembly (see the module): its
/// [`Facts`] found in the pass, and the answers worked out the first time a
/// test asks (many pieces are never asked: those inside a crawler
/// statistics table, say).
#[derive(Debug, Clone, Default)]
pub(crate) struct LineKind {
    /// Only white space.
    pub(crate) blank: bool,
    /// The facts of the walk over it.
    pub(crate) facts: Facts,
    anchor: std::cell::OnceCell<Option<Kind>>,
    grid_row: std::cell::OnceCell<bool>,
    page: std::cell::OnceCell<bool>,
    marker: std::cell::OnceCell<bool>,
}

impl LineKind {
    /// The kind of the piece `s`, its other answers not yet asked.
    pub(crate) fn of(s: &Seg<'_>) -> LineKind {
        LineKind {
            blank: s.is_blank(),
            ..LineKind::default()
        }
    }
    /// The standard table the piece `s` opens ([`super::region::anchor`]).
    pub(crate) fn anchor(&self, s: &Seg<'_>) -> Option<Kind> {
        *self
            .anchor
            .get_or_init(|| super::anchor::anchor_of(s.trimmed().1, &self.facts))
    }
    /// A tab or pipe row (two or more fields); `s` is the piece.
    pub(crate) fn grid_row(&self, s: &Seg<'_>) -> bool {
        *self.grid_row.get_or_init(|| {
            // both kinds of row have a tab or a pipe: one search rules
            // most pieces out
            memchr::memchr2(b'\t', b'|', s.raw.as_bytes()).is_some()
                && (crate::grid::tabs::is_row(s.raw) || crate::grid::pipes::is_row(s.raw))
        })
    }
    /// The piece `s` opens with a subsection marker
    /// ([`super::seg::line_marker`]; asked of a piece by each of the pieces
    /// before it that looks ahead for a list of cells).
    pub(crate) fn marker(&self, s: &Seg<'_>) -> bool {
        *self
            .marker
            .get_or_init(|| super::seg::line_marker(s.trimmed().1).is_some())
    }
    /// A page number line; `s` is the piece.
    pub(crate) fn page(&self, s: &Seg<'_>) -> bool {
        *self
            .page
            .get_or_init(|| crate::text::lexical::is_page_number(s.trimmed().1))
    }
}

/// The kind of every piece, in one forward pass.
#[cfg(test)]
pub(crate) fn classify(segs: &[Seg<'_>]) -> Vec<LineKind> {
    segs.iter().map(LineKind::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_those_of_the_searches() {
        for t in [
            "",
            "指标名称",
            "规章|1|0",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "a,b;c:d。e，f；g：h",
            "ｘ 一二三 𠀀 é",
            "行政复议\t\t行政诉讼",
            "本",
            "一二三四五六七八九十一二三四五六七八九十",
            "一二三四五六七八九十一二三四五六七八九十一",
            "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀",
        ] {
            // asked in any order, and again: the answers of the searches
            for order in [0, 1] {
                let f = Facts::default();
                for _ in 0..2 {
                    if order == 0 {
                        assert_eq!(f.zhi(t), t.contains('指'), "{t:?}");
                    }
                    assert_eq!(f.gou_or_ben(t), t.contains(['勾', '本']), "{t:?}");
                    assert_eq!(f.gou(t), t.contains('勾'), "{t:?}");
                    assert_eq!(f.zhi(t), t.contains('指'), "{t:?}");
                    let short = t.chars().count() <= 20
                        && !t.contains(['。', '，', '；', ',', ';', '：', ':']);
                    assert_eq!(f.short_cell(t), short, "{t:?}");
                }
            }
        }
    }
}
