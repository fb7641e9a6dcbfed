//! The line that opens a standard table (its anchor): `第二十条…`,
//! `（本列…）`, `申请人情况`, `行政复议…`, a note with `勾稽关系`. Read by the
//! pass that classifies each piece once ([`super::kind::LineKind`]) and by
//! region assembly ([`super::region`]).

use crate::template::Kind;
use crate::text::lexical;

/// The standard table a line opens, if any (`t` trimmed).
pub(crate) fn anchor(t: &str) -> Option<Kind> {
    anchor_of(t, &super::facts::Facts::default())
}

/// [`anchor`] of `t`, whose [`super::facts::Facts`] are `f` (found by the pass over the
/// pieces: the characters asked about are not searched for again).
pub(crate) fn anchor_of(t: &str, f: &super::facts::Facts) -> Option<Kind> {
    let lead = trim_pipes(t);
    if lead.starts_with(['(', '（']) && paren_not_anchor(t, lead) && !f.gou(t) {
        return None;
    }
    anchor_read(t, lead, f)
}

/// [`anchor_of`] of `t`, whose `lead` is `t` from its first character after
/// pipes and white space, read from its head.
fn anchor_read(t: &str, lead: &str, f: &super::facts::Facts) -> Option<Kind> {
    // every anchor starts with one of these (after pipes and white space)
    let first = lead.chars().next();
    let opens = first.is_some_and(|c| {
        matches!(
            c,
            '第' | '(' | '（' | '申' | '行' | '一' | '勾' | '本' | '|'
        )
    });
    // `勾` first: a char search rules most lines out before the count
    // (a note is at most 80 characters, so at most 320 bytes: a longer
    // line, a paragraph, is not searched)
    let short_note =
        || may_be_short(t) && f.gou(t) && t.contains("勾稽关系") && t.chars().nth(80).is_none();
    if !(opens || short_note()) {
        return None;
    }
    // the prefixes are read from a head of 8 characters when it holds 5
    // after its pipes (or the whole line): `Head8` stops at those 5; the 40
    // characters the tests further on look at are normalised only for a
    // line that can pass them
    let h8 = Head8::of(t);
    let n8 = h8.after_pipes();
    if n8.len() >= 5 || h8.count < 8 {
        if starts(n8, "第二十条") {
            return Some(Kind::ActiveDisclosure);
        }
        if starts(n8, "(本列") || starts(n8, "申请人情况") {
            return Some(Kind::Applications);
        }
        // (the prefix and the numeral first: the character searches only
        // where they leave the answer open)
        let review = starts(n8, "行政复议");
        let numeral = n8
            .first()
            .is_some_and(|&c| lexical::cn_digit(c).is_some_and(|d| d > 0));
        if !(review || numeral || f.gou(t)) {
            return None;
        }
        // the prefix tests below read what those above read (`n8` holds 5
        // characters, or the whole line): what is left needs a note's
        // `勾`, the `本` of 本年新收 (both their own normal form and no other
        // character's) or the prefix 行政复议 (without the prefix or the
        // numeral, the test above found a `勾`)
        if !(review || !numeral || f.ben(t) || f.gou(t)) {
            return None;
        }
    }
    anchor_in_head(t, f)
}

/// [`anchor_of`] for a line its first characters do not settle: read from
/// its head of 40 characters normalised (and the whole line for a note).
fn anchor_in_head(t: &str, f: &super::facts::Facts) -> Option<Kind> {
    // only the head of the line matters: normalise at most 40 characters
    let mut buf = [0u8; 160];
    let head = lexical::norm_head(t, 40, &mut buf);
    let n = head.trim_start_matches('|');
    if n.starts_with("第二十条") {
        return Some(Kind::ActiveDisclosure);
    }
    if n.starts_with("(本列") || n.starts_with("申请人情况") {
        return Some(Kind::Applications);
    }
    // (the words are searched by finders built once)
    static WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            [
                memchr::memmem::Finder::new("勾稽关系"),
                memchr::memmem::Finder::new("本年新收"),
            ]
        });
    let [note, new_this_year] = &*WORDS;
    let has = |f: &memchr::memmem::Finder<'_>, s: &str| f.find(s.as_bytes()).is_some();
    let short = || t.chars().nth(80).is_none();
    // `勾` is its own normal form: only a line with it can hold 勾稽关系
    if may_be_short(t) && f.gou(t) && short() && (has(note, n) || has(note, &lexical::norm(t))) {
        return Some(Kind::Applications);
    }
    if has(new_this_year, n) && short() && lexical::section_marker(n).is_ok() {
        return Some(Kind::Applications);
    }
    if n.starts_with("行政复议") && !t.contains(['。', '，', ',']) {
        let rest = &n["行政复议".len()..];
        if rest.is_empty()
            || rest.starts_with('|')
            || rest.contains("行政诉讼")
            || rest.contains("结果")
        {
            return Some(Kind::ReviewLitigation);
        }
    }
    None
}

/// True when a line `t` whose `lead` (`t` from its first character after
/// pipes and white space, a `(` or `（`) holds no `勾` is no anchor, for its
/// second character: one that is there, no white space and not `本` (whose
/// only source is itself), so the head does not start with `(本列`; and
/// fewer than four pipes before it, so [`anchor_read`] reads its prefixes
/// from `Head8` (not the 40 characters of [`anchor_in_head`]), where such a
/// head (not `第二十条`, `(本列`, `申请人情况`, `行政复议` nor a numeral)
/// without a `勾` is none. It spares most subsection lines (`（一）…`) their
/// `Head8`.
fn paren_not_anchor(t: &str, lead: &str) -> bool {
    let mut cs = lead.chars();
    cs.next();
    cs.next()
        .and_then(lexical::norm_char)
        .is_some_and(|c| c != '本')
        && t.as_bytes()[..t.len() - lead.len()]
            .iter()
            .filter(|&&b| b == b'|')
            .count()
            < 4
}

/// False when `t` has more than 80 characters for its bytes alone (a
/// character is at most 4 bytes): the line is no note.
fn may_be_short(t: &str) -> bool {
    t.len() <= 4 * 80
}

/// The first 8 normalised characters of a line (as [`lexical::norm_head`]
/// gives them), as characters: no buffer to write and check as UTF-8; or
/// fewer, when 5 follow its pipes (the prefixes [`anchor_of`] reads from it
/// are at most 5 characters after the pipes: what it asks, the 8 would
/// answer alike, `head_of_5_after_its_pipes_answers_as_head_of_8`).
struct Head8 {
    chars: [char; 8],
    /// How many: 8, 5 after the pipes, or fewer (the whole line).
    count: usize,
    /// How many of them are the pipes at its start.
    pipes: usize,
}

impl Head8 {
    fn of(t: &str) -> Head8 {
        let mut h = Head8 {
            chars: ['\0'; 8],
            count: 0,
            pipes: 0,
        };
        for n in t.chars().filter_map(lexical::norm_char) {
            if h.count == h.pipes && n == '|' {
                h.pipes += 1;
            }
            h.chars[h.count] = n;
            h.count += 1;
            if h.count == 8 || h.count - h.pipes == 5 {
                break;
            }
        }
        h
    }
    /// The head without the pipes at its start.
    fn after_pipes(&self) -> &[char] {
        &self.chars[self.pipes..self.count]
    }
}

/// True when `t` (trimmed) can open a table other than the applications
/// table: the anchors of the others start with `第` (`第二十条`) or `行`
/// (`行政复议`) once normalised, after their pipes, and [`anchor_of`] reads
/// its prefixes from the same characters (its `Head8`, `norm_head`). A
/// line of an applications table's region that cannot is not asked for
/// its anchor: the one it may have is the applications table's own.
pub(crate) fn may_open_other_than_applications(t: &str) -> bool {
    matches!(
        t.chars().filter_map(lexical::norm_char).find(|&c| c != '|'),
        Some('第' | '行')
    )
}

/// True when the characters `h` start with those of `p`.
fn starts(h: &[char], p: &str) -> bool {
    let mut it = h.iter();
    p.chars().all(|c| it.next() == Some(&c))
}

/// `t` without the pipes and white space at its start (the white space
/// trimmed by bytes: [`crate::text::space::trim_start`]).
fn trim_pipes(mut t: &str) -> &str {
    loop {
        let r = crate::text::space::trim_start(t.trim_start_matches('|'));
        if r.len() == t.len() {
            return t;
        }
        t = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_too_long_for_its_bytes_has_more_than_80_characters() {
        for c in ["a", "é", "勾", "𠀀"] {
            for n in 70..90 {
                let t = format!("{}{}", c.repeat(n), "勾稽关系");
                if !may_be_short(&t) {
                    assert!(t.chars().nth(80).is_some(), "{t}");
                }
            }
        }
        assert!(may_be_short(&"𠀀".repeat(80)) && !may_be_short(&"𠀀".repeat(81)));
    }

    #[test]
    fn head8_is_norm_head_of_8() {
        for t in [
            "",
            "|",
            "||| 第二十条第（一）项",
            "｜申 请 人 情 况",
            "（本列数据",
            "行政複議\t行政訴訟",
            "一、本年新收",
            "　１２３４５６７８９",
            "|a|b|c|d|e|f|g|h|",
        ] {
            let mut buf = [0u8; 32];
            let h = lexical::norm_head(t, 8, &mut buf);
            let n = h.trim_start_matches('|');
            let pipes = h.len() - n.len();
            let h8 = Head8::of(t);
            // (8 characters, or up to 5 after the pipes)
            let want: String = n.chars().take(5).collect();
            assert_eq!(h8.count, pipes + want.chars().count(), "{t:?}");
            assert_eq!(h8.after_pipes().iter().collect::<String>(), want, "{t:?}");
            for p in ["第二十条", "(本列", "申请人情况", "行政复议", ""] {
                assert_eq!(starts(h8.after_pipes(), p), n.starts_with(p), "{t:?} {p}");
            }
        }
    }

    /// What [`anchor_of`] asks of its head, read from the first 8
    /// normalised characters (as before the head stopped at 5 after its
    /// pipes): whether it reads prefixes from it, each prefix test, and the
    /// first character.
    fn asked_of_8(t: &str) -> (bool, Vec<bool>, Option<char>) {
        let mut buf = [0u8; 32];
        let h: Vec<char> = lexical::norm_head(t, 8, &mut buf).chars().collect();
        let pipes = h.iter().take_while(|&&c| c == '|').count();
        let n = &h[pipes..];
        let prefixes = ["第二十条", "(本列", "申请人情况", "行政复议"];
        let tests = prefixes.iter().map(|p| starts(n, p)).collect();
        (n.len() >= 5 || h.len() < 8, tests, n.first().copied())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 6000, ..Default::default() })]
        /// The head that stops at 5 characters after its pipes answers
        /// what [`anchor_of`] asks as the head of 8 did, for lines of
        /// pipes (ASCII and full-width), white space, the anchors'
        /// prefixes (Traditional, full-width) and their parts.
        #[test]
        fn head_of_5_after_its_pipes_answers_as_head_of_8(
            parts in proptest::collection::vec(
                "[|｜ \t\u{3000}]{0,6}|第二十条|第二十|行政複議|行政复议|（本列|\\(本|申请人情况|申请|一|勾|x|。", 0..6),
        ) {
            let t: String = parts.concat();
            let h = Head8::of(&t);
            let n = h.after_pipes();
            let prefixes = ["第二十条", "(本列", "申请人情况", "行政复议"];
            let ours = (
                n.len() >= 5 || h.count < 8,
                prefixes.iter().map(|p| starts(n, p)).collect::<Vec<_>>(),
                n.first().copied(),
            );
            proptest::prop_assert_eq!(ours, asked_of_8(&t), "{:?}", t);
        }
    }

    #[test]
    // (the two expressions are written as the code reads, not minimised)
    #[allow(clippy::nonminimal_bool)]
    fn prefix_and_numeral_first_decide_as_before() {
        // the old order of the tests (the searches first) and the new one,
        // over every answer of the four tests
        for k in 0..16u8 {
            let [gou, ben, review, numeral] = [1, 2, 4, 8].map(|b| k & b != 0);
            let old = (gou || review || numeral) && (gou || ben || review);
            let new = (review || numeral || gou) && (review || !numeral || ben || gou);
            assert_eq!(old, new, "{k}");
        }
    }

    #[test]
    fn only_lines_that_may_open_another_table_open_one() {
        // every line of pieces (pipes, white space, prefixes of each
        // anchor, Traditional and full-width forms, text): one whose anchor
        // is another table than the applications table may open one
        let parts = [
            "",
            "|",
            "｜",
            " ",
            "　",
            "第二十条",
            "第二十條",
            "行政复议",
            "行政複議",
            "（本列",
            "(本列",
            "申请人情况",
            "一、本年新收",
            "勾稽关系",
            "本年新收",
            "行政诉讼",
            "结果",
            "第",
            "行",
            "。",
            "规章",
            "3",
        ];
        let mut n = 0;
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}");
                    let t = crate::text::space::trim(&t);
                    let other = anchor(t).is_some_and(|k| k != Kind::Applications);
                    assert!(!other || may_open_other_than_applications(t), "{t:?}");
                    n += usize::from(other);
                }
            }
        }
        assert!(n > 100);
    }

    // ---- sp-six: a `(` line ruled out by its second character ----

    /// Every character after a `(` or `（`, with pipes before it or not:
    /// a line without `勾` ruled out without its head is no anchor when
    /// read, and every line has the anchor read from its head.
    #[test]
    fn a_paren_line_ruled_out_is_no_anchor_for_every_second_character() {
        // (the facts of one line each: they are kept once asked)
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for (before, paren) in [("", '('), ("|||", '（'), ("||||", '(')] {
                let f = crate::parse::facts::Facts::default();
                let t = format!("{before}{paren}{c}列数据");
                let lead = trim_pipes(&t);
                if paren_not_anchor(&t, lead) && !t.contains('勾') {
                    assert_eq!(anchor_read(&t, lead, &f), None, "{t:?}");
                }
                assert_eq!(anchor_of(&t, &f), anchor_read(&t, lead, &f), "{t:?}");
            }
        }
        let f = crate::parse::facts::Facts::default();
        assert_eq!(anchor_of("（本列数据", &f), Some(Kind::Applications));
        assert!(paren_not_anchor("（一）予以公开", "（一）予以公开"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 6000, ..Default::default() })]
        /// Lines of parens, pipes, white space, numerals and the words of
        /// the anchors: the same anchor with the second-character test as
        /// read from the head.
        #[test]
        fn a_paren_line_is_the_anchor_read_from_its_head(
            parts in proptest::collection::vec(0usize..22, 0..9),
        ) {
            const PARTS: [&str; 22] = [
                "(", "（", "本列", "本年新收", "一", "）", ")", "|", " ", "\u{3000}", "勾稽关系",
                "行政复议", "第二十条", "申请人情况", "予以公开", "3", "、", "\t", "｜", "\u{85}",
                "本", "数据",
            ];
            let t: String = parts.iter().map(|&i| PARTS[i]).collect();
            let f = crate::parse::facts::Facts::default();
            let lead = trim_pipes(&t);
            proptest::prop_assert_eq!(anchor_of(&t, &f), anchor_read(&t, lead, &f), "{:?}", t);
        }
    }
}
