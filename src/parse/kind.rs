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
use super::facts::Searched;
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
        *self.page.get_or_init(|| {
            let t = s.trimmed().1;
            may_open_page_number(t) && crate::text::lexical::is_page_number(t)
        })
    }
}

/// False when the trimmed piece `t` cannot be a page number
/// ([`crate::text::lexical::is_page_number`]) for its first byte: every form
/// starts with a dash (`-`; `—` and `–` are `E2 80 94`, `E2 80 93`; `－` is
/// `EF BC 8D`), `第` (`E7 AC AC`) or an ASCII digit. Most pieces are ruled
/// out without a call.
fn may_open_page_number(t: &str) -> bool {
    matches!(
        t.as_bytes().first(),
        Some(b'-' | b'0'..=b'9' | 0xE2 | 0xE7 | 0xEF)
    )
}

/// Gives the pieces `segs` (in text order and apart, as the structure pass
/// makes them; `kinds` theirs) their facts of each [`Searched`] character
/// from one search of the text they cover (`text`'s bytes from the first
/// piece's start to the last one's end), instead of a search of each piece
/// asked about: the searcher's set-up is paid once a section instead of
/// once a piece, and the characters are rare. A hit is in the piece whose
/// bytes hold it (none holds a hit between pieces); the character is no
/// white space, so the piece's trimmed text holds it too.
pub(crate) fn know_searched(text: &str, segs: &[Seg<'_>], kinds: &[LineKind]) {
    let (Some(a), Some(z)) = (segs.first(), segs.last()) else {
        return;
    };
    debug_assert!(
        segs.windows(2)
            .all(|w| w[0].start + w[0].raw.len() <= w[1].start)
    );
    let from = a.start;
    let hay = &text.as_bytes()[from..z.start + z.raw.len()];
    for c in Searched::ALL {
        let f = c.finder();
        let mut k = 0;
        // (found one by one from past the last hit: no iterator, which
        // copies the searcher)
        let mut next = 0;
        while let Some(p) = hay.get(next..).and_then(|h| f.find(h)) {
            let at = from + next + p;
            next += p + f.needle().len();
            // the pieces that end before the hit hold none
            while k < segs.len() && segs[k].start + segs[k].raw.len() <= at {
                kinds[k].facts.know(c, false);
                k += 1;
            }
            if k < segs.len() && segs[k].start <= at {
                kinds[k].facts.know(c, true);
                k += 1;
            }
        }
        for kind in &kinds[k..] {
            kind.facts.know(c, false);
        }
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
    fn a_page_number_opens_with_a_byte_of_the_filter() {
        // every character first, before the tails of each form
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for tail in ["", " 3 -", "3/12", " 3 页 共 9 页"] {
                let t = format!("{c}{tail}");
                let t = crate::text::space::trim(&t);
                if !may_open_page_number(t) {
                    assert!(!crate::text::lexical::is_page_number(t), "{t:?}");
                }
            }
        }
        for t in ["-3-", "— 3 —", "－3－", "– 3 –", "第 3 页", "3/12", "12"] {
            assert!(may_open_page_number(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The facts one search of a text gives its pieces are those of a
        /// search of each piece: lines of `指`, `勾`, their byte neighbours
        /// (`拍` shares `指`'s lead byte, `务` `勾`'s) and white space, some
        /// cut in two with a gap between (an inline heading taken out), some
        /// left out at the ends.
        #[test]
        fn one_search_of_the_text_is_a_search_of_each_piece(
            text in "[指勾拍务a \t\n本]{0,60}",
            cuts in proptest::collection::vec(0usize..8, 0..16),
            skip in 0usize..3,
        ) {
            let mut segs = Vec::new();
            let mut at = 0;
            for (n, line) in text.split('\n').enumerate() {
                let cut = cuts.get(n).copied().unwrap_or(0);
                let chars: Vec<(usize, char)> = line.char_indices().collect();
                // a gap of the character at `cut` (when there is one
                // after it), the two sides pieces of their own
                match (chars.get(cut), chars.get(cut + 1)) {
                    (Some(&(g, c)), Some(_)) if cut > 0 => {
                        segs.push(Seg::new(at, &line[..g]));
                        let after = g + c.len_utf8();
                        segs.push(Seg::new(at + after, &line[after..]));
                    }
                    _ => segs.push(Seg::new(at, line)),
                }
                at += line.len() + 1;
            }
            let end = segs.len().saturating_sub(skip);
            let segs = &segs[skip.min(end)..end];
            let kinds = classify(segs);
            know_searched(&text, segs, &kinds);
            for (s, k) in segs.iter().zip(&kinds) {
                let t = s.trimmed().1;
                proptest::prop_assert_eq!(k.facts.zhi(t), t.contains('指'), "{:?}", t);
                proptest::prop_assert_eq!(k.facts.gou(t), t.contains('勾'), "{:?}", t);
                // (known without a look at the text)
                proptest::prop_assert_eq!(k.facts.zhi(""), t.contains('指'));
                proptest::prop_assert_eq!(k.facts.gou(""), t.contains('勾'));
            }
        }
    }

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
