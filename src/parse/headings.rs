//! Section headings: a whole line (`一、总体情况`) or inline in crawler text
//! (`…。二、主动公开政府信息情况 第二十条…`), recognised by the full heading
//! text and the next number in sequence, never by a bare numeral; and what
//! a section title is about.

use crate::model::SectionKind;
use crate::text::lexical::{self, norm, section_marker};

/// The words [`classify`] asks about, found in one pass of an automaton
/// built once (a bit per word: bit `i` is `WORDS[i]`).
const WORDS: [&str; 27] = [
    "复议",
    "诉讼",
    "收费",
    "减免",
    "问题",
    "改进",
    "其他需要报告",
    "其他事项",
    "重点领域",
    "统计表",
    "附表",
    "统计指标",
    "咨询",
    "申请",
    "主动",
    "人员",
    "收支",
    "机构建设",
    "保障经费",
    "主动公开",
    "主动公布",
    "依申请",
    "收到和处理",
    "总体情况",
    "概述",
    "基本情况",
    "总体",
];

/// The bit set of the [`WORDS`] in `t` (normalised): at each character,
/// only the words that start with it are compared. It is asked about a few
/// section titles per report: no automaton is built (a DFA of these words
/// costs ~1.4 M instructions to build, paid by a process that reads one
/// report; a contiguous NFA is built cheaply but searched more slowly than
/// this).
fn words_in(t: &str) -> u32 {
    // (each first character of a word, and the bits of the words that start
    // with it, sorted by character: built once)
    // (and a bit per first character's code point modulo 64: most
    // characters of a title are ruled out by it, without a search)
    static MASK: std::sync::LazyLock<u64> =
        std::sync::LazyLock::new(|| FIRST.iter().fold(0, |m, &(c, _)| m | 1 << (c as u32 % 64)));
    static FIRST: std::sync::LazyLock<Vec<(char, u32)>> = std::sync::LazyLock::new(|| {
        let mut first: Vec<(char, u32)> = Vec::with_capacity(WORDS.len());
        for (i, w) in WORDS.iter().enumerate() {
            let c = w.chars().next().unwrap_or_default();
            match first.iter_mut().find(|e| e.0 == c) {
                Some(e) => e.1 |= 1 << i,
                None => first.push((c, 1 << i)),
            }
        }
        first.sort_unstable();
        first
    });
    let mask = *MASK;
    let mut set = 0;
    for (i, c) in t.char_indices() {
        if mask & 1 << (c as u32 % 64) == 0 {
            continue;
        }
        let Ok(k) = FIRST.binary_search_by_key(&c, |e| e.0) else {
            continue;
        };
        let mut words = FIRST[k].1;
        while words != 0 {
            let w = words.trailing_zeros();
            words &= words - 1;
            if t[i..].starts_with(WORDS[w as usize]) {
                set |= 1 << w;
            }
        }
    }
    set
}

/// The bit of `w` in the set of [`words_in`] (a compile error when `w` is
/// not one of [`WORDS`]).
const fn bit(w: &str) -> u32 {
    let mut i = 0;
    while i < WORDS.len() {
        let (a, b) = (WORDS[i].as_bytes(), w.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return 1 << i;
            }
        }
        i += 1;
    }
    panic!("not a word of WORDS")
}

/// What a section title is about.
pub(crate) fn classify(title: &str) -> SectionKind {
    // a title normalised on the stack (normal forms are never longer than
    // the characters they replace); a longer one into a `String`
    let mut stack = [0u8; 256];
    let mut heap = String::new();
    let t = if title.len() <= stack.len() {
        lexical::norm_head(title, usize::MAX, &mut stack)
    } else {
        lexical::norm_into(&mut heap, title);
        &heap
    };
    let set = words_in(t);
    // the bit of each word is found at compile time
    macro_rules! has {
        ($w:literal) => {
            set & const { bit($w) } != 0
        };
    }
    if has!("复议") || has!("诉讼") {
        SectionKind::ReviewLitigation
    } else if has!("收费") || has!("减免") {
        SectionKind::Fees
    } else if has!("问题") || has!("改进") {
        SectionKind::Problems
    } else if has!("其他需要报告") || has!("其他事项") {
        SectionKind::OtherMatters
    } else if has!("重点领域") {
        SectionKind::KeyAreas
    } else if has!("统计表") || has!("附表") || has!("统计指标") {
        SectionKind::Statistics
    } else if has!("咨询") && !has!("申请") && !has!("主动") {
        SectionKind::Consultations
    } else if has!("人员") || has!("收支") || has!("机构建设") || has!("保障经费") {
        SectionKind::Staffing
    } else if (has!("主动公开") || has!("主动公布")) && !(has!("依申请") || has!("申请"))
    {
        SectionKind::ActiveDisclosure
    } else if (has!("收到和处理") || has!("依申请") || has!("申请")) && !has!("主动") {
        SectionKind::Applications
    } else if has!("主动") {
        SectionKind::Other
    } else if has!("总体情况") || has!("概述") || has!("基本情况") || has!("总体") {
        SectionKind::Overview
    } else {
        SectionKind::Other
    }
}

/// True when `t` (normalised) is a table row or group label, not a heading.
fn is_table_label(t: &str) -> bool {
    // (searched by finders built once: `str::contains` builds one per call)
    static WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            ["本年度办理结果", "政府信息公开申请数量"].map(memchr::memmem::Finder::new)
        });
    [
        "本年新收",
        "上年结转",
        "本年度办理结果",
        "结转下",
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
        "总计",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        || WORDS.iter().any(|w| w.find(t.as_bytes()).is_some())
}

/// A heading found in a piece of text.
#[derive(Debug)]
pub(crate) struct Hit {
    /// Byte offset (in the trimmed piece) where the numeral starts.
    pub(crate) pos: usize,
    /// Byte offset (in the trimmed piece) where the heading ends.
    pub(crate) end: usize,
    /// Byte offset where the title starts.
    pub(crate) title_start: usize,
    pub(crate) number: u32,
}

const END_WORDS: &[&str] = &["情况", "事项", "措施", "统计表", "附表", "概述"];

// [`inline_title_len`] reads the first characters of the end words
const _: () = {
    let firsts = ["情", "事", "措", "统", "附", "概"];
    let mut k = 0;
    while k < END_WORDS.len() {
        let (w, f) = (END_WORDS[k].as_bytes(), firsts[k].as_bytes());
        assert!(w[0] == f[0] && w[1] == f[1] && w[2] == f[2]);
        k += 1;
    }
};

/// Length in bytes of an inline title at the start of `s`, ending with an
/// end word that is not followed by a continuation (及/和/与/、/的).
fn inline_title_len(s: &str) -> Option<usize> {
    let mut chars = 0;
    for (i, c) in s.char_indices() {
        chars += 1;
        if chars > 40 || matches!(c, '。' | '；' | '，' | '\t') {
            return None;
        }
        // an end word starts with one of these (normalised): the character
        // is folded once, and the words are compared only after one of them
        if !matches!(
            lexical::norm_char(c),
            Some('情' | '事' | '措' | '统' | '附' | '概')
        ) {
            continue;
        }
        for w in END_WORDS {
            // compared through the normaliser: Traditional 情況 ends a title too
            if let Some(len) = folded_prefix(&s[i..], w) {
                let end = i + len;
                let next = s[end..].chars().next();
                if !next
                    .is_some_and(|n| matches!(n, '及' | '和' | '与' | '、' | '的' | '表' | '统'))
                {
                    return Some(end);
                }
            }
        }
    }
    None
}

/// The byte length of the prefix of `s` that reads as `w` once folded by
/// the normaliser (`情況` for `情况`), if any.
fn folded_prefix(s: &str, w: &str) -> Option<usize> {
    let mut want = w.chars();
    let mut len = 0;
    for c in s.chars() {
        let Some(x) = want.next() else { break };
        if lexical::norm_char(c) != Some(x) {
            return None;
        }
        len += c.len_utf8();
    }
    want.next().is_none().then_some(len)
}

/// Finds the first heading in `t` (a trimmed piece). `expected` is the number
/// the next section should carry, `last` the number of the last one.
pub(crate) fn find_heading(t: &str, expected: u32, last: u32) -> Option<Hit> {
    line_heading(t, expected, last).or_else(|| inline_heading(t, expected))
}

/// [`find_heading`] of the piece `t` found at byte `at` of the text `duns`
/// searches: the inline heading is looked for only when `duns` finds the
/// `X、` of `expected` in `t`, where [`inline_heading`] would find it.
pub(crate) fn find_heading_at(
    t: &str,
    at: usize,
    expected: u32,
    last: u32,
    duns: &mut Duns<'_>,
) -> Option<Hit> {
    // (the first byte of a numeral, as `line_heading` asks first: most
    // pieces are no heading line without a call)
    let line = matches!(t.as_bytes().first(), Some(0xE4 | 0xE5))
        .then(|| line_heading(t, expected, last))
        .flatten();
    line.or_else(|| {
        duns.may_hold(at..at + t.len(), expected)
            .then(|| inline_heading(t, expected))
            .flatten()
    })
}

/// The bytes of an `X、` of [`digit_dun`] (a numeral and `、`, three bytes
/// each).
const DUN_LEN: usize = 6;

/// The `X、` searched for by [`inline_heading`] for the number `expected`
/// (`X` its last digit, `十` for a multiple of ten; searchers built once),
/// `None` outside 1…99, where it finds no heading.
fn digit_dun(expected: u32) -> Option<&'static memchr::memmem::Finder<'static>> {
    static DIGIT_DUN: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            [
                "十、", "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、",
            ]
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
        });
    (1..=99)
        .contains(&expected)
        .then(|| &DIGIT_DUN[(expected % 10) as usize])
}

/// The bytes [`Duns`] searches at a time past the piece asked about: a
/// search that finds nothing ends there, so that a number whose `X、` never
/// comes does not cost a search of the rest of the text at each heading.
const DUNS_WINDOW: usize = 1 << 14;

/// Where the next `X、` of [`inline_heading`] is in a text, searched for
/// once over many pieces instead of once in each piece (each search of a
/// short piece pays the searcher's set-up: most of its cost). The pieces
/// are asked about in text order; a piece before the last one asked, or
/// another number, starts a new search.
pub(crate) struct Duns<'t> {
    text: &'t [u8],
    /// The number whose `X、` was searched for (0: none yet).
    expected: u32,
    /// The bytes searched: the first `X、` at or after `from` is `hit`,
    /// or there is none before `to` when `hit` is `None`.
    from: usize,
    to: usize,
    hit: Option<usize>,
}

impl<'t> Duns<'t> {
    /// A cursor over `text`, nothing searched yet.
    pub(crate) fn new(text: &'t str) -> Duns<'t> {
        Duns {
            text: text.as_bytes(),
            expected: 0,
            from: 0,
            to: 0,
            hit: None,
        }
    }

    /// False when the bytes `r` of the text hold no `X、` of `expected`
    /// (then [`inline_heading`] finds nothing in them).
    fn may_hold(&mut self, r: std::ops::Range<usize>, expected: u32) -> bool {
        let stale = expected != self.expected
            || r.start < self.from
            || self.hit.map_or(r.end > self.to, |h| h < r.start);
        if stale {
            self.search(r.clone(), expected);
        }
        self.hit.is_some_and(|h| h + DUN_LEN <= r.end)
    }

    /// Searches for the first `X、` of `expected` from the start of `r`, up
    /// to [`DUNS_WINDOW`] bytes on (and at least to the end of `r`).
    #[inline(never)]
    fn search(&mut self, r: std::ops::Range<usize>, expected: u32) {
        self.expected = expected;
        self.from = r.start;
        let Some(f) = digit_dun(expected) else {
            // (no number to look for: nothing anywhere)
            (self.to, self.hit) = (usize::MAX, None);
            return;
        };
        debug_assert_eq!(f.needle().len(), DUN_LEN);
        self.to = r.end.max(r.start + DUNS_WINDOW).min(self.text.len());
        self.hit = f.find(&self.text[r.start..self.to]).map(|p| r.start + p);
    }
}

/// The length of the section marker of `t` (a trimmed line) when the line,
/// alone, reads as a heading line wherever its number is the next one
/// (`一、本不予处理`; [`line_heading`]'s tests of the title: no table label,
/// short, no inner stop, no tab). The renderer asks it of a table's text
/// that it writes on a line of its own (see `render::table`).
pub(crate) fn heading_line_marker(t: &str) -> Option<usize> {
    let (rest, n) = section_marker(t).ok()?;
    line_heading(t, n, n.saturating_sub(1)).map(|_| t.len() - rest.len())
}

/// A whole line (`t`, trimmed) that is a heading: `三、收到和处理政府信息公开申请情况`.
fn line_heading(t: &str, expected: u32, last: u32) -> Option<Hit> {
    // a section marker starts with a numeral 一…十 (U+4E00…U+5341), whose
    // first byte is E4 or E5: most lines are ruled out by it
    if !matches!(t.as_bytes().first(), Some(0xE4 | 0xE5)) {
        return None;
    }
    let (rest, n) = section_marker(t).ok()?;
    // the number decides first (the tests below are all needed too): the
    // next one, or one a little further on with a known title
    let in_reach = n > last && n <= last + 3;
    if n != expected && !in_reach {
        return None;
    }
    let title = crate::text::space::trim_start(rest);
    let title_start = t.len() - title.len();
    // a heading line is short: normalise at most 100 characters (100
    // bytes are at most 100 characters: not counted)
    let bounded = if title.len() <= 100 {
        title
    } else {
        title
            .char_indices()
            .nth(100)
            .map_or(title, |(i, _)| &title[..i])
    };
    // (at most 100 characters: normalised on the stack)
    let mut buf = [0u8; 400];
    let nt = lexical::norm_head(bounded, 100, &mut buf);
    let chars = nt.chars().count();
    let inner_stop = has_inner_stop(nt);
    if nt.is_empty() || is_table_label(nt) || chars > 60 || inner_stop || title.contains('\t') {
        return None;
    }
    // (the title is classified only when the number alone does not decide)
    (n == expected || in_reach && classify(title) != SectionKind::Other).then_some(Hit {
        pos: 0,
        end: t.len(),
        title_start,
        number: n,
    })
}

/// True when a stop (`。`, `；`, `;`) stands in `t` before its end, read
/// from the bytes (`。` is `E3 80 82`, `；` `EF BC 9B`; a lead byte or an
/// ASCII byte is never inside another character).
fn has_inner_stop(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len()).any(|i| {
        let len = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (b';', ..) => 1,
            (0xE3, Some(0x80), Some(0x82)) | (0xEF, Some(0xBC), Some(0x9B)) => 3,
            _ => return false,
        };
        i + len < b.len()
    })
}

/// An inline heading: `…。二、主动公开政府信息情况 第二十条…`, numbered `expected`.
fn inline_heading(t: &str, expected: u32) -> Option<Hit> {
    // the numeral before `、` ends with the last digit of `expected` (`十`
    // for a multiple of ten): one search for that digit and `、` finds
    // every `、` that can open the heading
    let finder = digit_dun(expected)?;
    // found one by one with `find` from past the last one (as `find_iter`
    // would, without copying the searcher into an iterator for each line)
    let mut next = 0;
    while let Some(p) = t.as_bytes().get(next..).and_then(|h| finder.find(h)) {
        let at = next + p;
        next = at + "一、".len();
        let dun = at + "一".len();
        let from = dun + "、".len();
        // the numeral before 、 (up to three characters)
        let before = &t[..dun];
        let num_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| lexical::cn_digit(*c).is_some_and(|d| d > 0))
            .take(3)
            .last()
            .map(|(i, _)| i);
        let Some(ns) = num_start else { continue };
        if t[..ns]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '第' | '其' | '之') || lexical::cn_digit(c).is_some())
        {
            continue;
        }
        let Ok((_, n)) = section_marker(&t[ns..]) else {
            continue;
        };
        if n != expected {
            continue;
        }
        let after = &t[from..];
        let title = crate::text::space::trim_start(after);
        let title_start = t.len() - title.len();
        let Some(len) = inline_title_len(title) else {
            continue;
        };
        // (at most 40 characters and an end word: normalised on the
        // stack, where normal forms are never longer than the text)
        let mut buf = [0u8; 256];
        let title = &title[..len];
        let owned;
        let nt = if title.len() <= buf.len() {
            lexical::norm_head(title, usize::MAX, &mut buf)
        } else {
            owned = norm(title);
            &owned
        };
        if is_table_label(nt) {
            continue;
        }
        return Some(Hit {
            pos: ns,
            end: title_start + len,
            title_start,
            number: n,
        });
    }
    None
}

#[cfg(test)]
mod tests;
