//! The heads of the opening paragraphs, normalised for the readers of
//! [`super::meta`] (the statistics period, the preamble's year) and
//! [`super::contacts`]: only those that may hold what a reader looks for.
//!
//! Each reader looks for a character of its own in the normalised text
//! first (`统` of `统计`, `年` of a year, `-` of a phone, `邮`, `址`, `@`, the
//! `h`/`w` of a web address) and finds nothing without it. The normaliser
//! maps one character to at most one, so the normal form holds such a
//! character exactly when the raw text holds one of the characters that
//! normalise to it ([`ANYWHERE`], [`PREAMBLE`]: every one of them, checked
//! against the normaliser over every code point). A head that holds none is
//! not normalised: its readers get `""`, where they find what they would
//! have found in its normal form, nothing.

use std::sync::LazyLock;

use aho_corasick::packed::Searcher;

/// The ASCII characters the readers of every opening paragraph look for
/// (`-`, `@`, `h`, `w`), each its own only source.
const ASCII: [u8; 4] = [b'-', b'@', b'h', b'w'];

/// The other characters that normalise to what the readers of every
/// opening paragraph look for: `统`, `邮`, `址`, `-`, `@`, `h`, `w` (and `＠`,
/// which the e-mail reader also tries).
const ANYWHERE: [&str; 9] = ["统", "統", "邮", "郵", "址", "－", "＠", "ｈ", "ｗ"];

/// The characters that normalise to what the preamble's year reader looks
/// for besides: `年`.
const PREAMBLE: [&str; 1] = ["年"];

/// The searchers of the characters of [`ANYWHERE`], and of those and
/// [`PREAMBLE`] (`aho-corasick`'s packed searcher: one SIMD pass for all of
/// them).
static SEARCHERS: LazyLock<[Option<Searcher>; 2]> = LazyLock::new(|| {
    [
        Searcher::new(ANYWHERE),
        Searcher::new(ANYWHERE.iter().chain(&PREAMBLE)),
    ]
});

/// True when the normal form of `raw` may hold what a reader looks for (a
/// paragraph of the preamble: also a year).
fn may_matter(raw: &str, preamble: bool) -> bool {
    let b = raw.as_bytes();
    if memchr::memchr3(ASCII[0], ASCII[1], ASCII[2], b).is_some()
        || memchr::memchr(ASCII[3], b).is_some()
    {
        return true;
    }
    // the bytes of a character other than ASCII are all 0x80 or above
    if b.is_ascii() {
        return false;
    }
    match &SEARCHERS[usize::from(preamble)] {
        Some(s) => s.find(b).is_some(),
        None => true,
    }
}

/// The heads normalised into `buf` (cleared first), one slice each, `""`
/// for a head that holds nothing the readers look for; the first `pre` are
/// the preamble's.
pub(super) fn normalise<'b>(heads: &[&str], pre: usize, buf: &'b mut String) -> Vec<&'b str> {
    buf.clear();
    let mut ends = Vec::with_capacity(heads.len());
    let mut worth = Vec::with_capacity(heads.len());
    for (k, h) in heads.iter().enumerate() {
        worth.push(may_matter(h, k < pre));
    }
    // sized once: normal forms are never longer than their characters
    buf.reserve(
        heads
            .iter()
            .zip(&worth)
            .filter(|(_, w)| **w)
            .map(|(h, _)| h.len())
            .sum(),
    );
    for (h, w) in heads.iter().zip(&worth) {
        if *w {
            crate::text::lexical::push_norm(buf, h);
        }
        ends.push(buf.len());
    }
    let buf: &'b String = buf;
    let mut from = 0;
    ends.into_iter()
        .map(|end| {
            let s = &buf[from..end];
            from = end;
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexical::{norm, norm_char};

    /// Every character whose normal form is one of `targets`.
    fn sources(targets: &[char]) -> Vec<char> {
        (0..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|&c| norm_char(c).is_some_and(|n| targets.contains(&n)))
            .collect()
    }

    #[test]
    fn the_sources_of_what_the_readers_look_for() {
        let mut anywhere: Vec<char> = ASCII.iter().map(|&b| char::from(b)).collect();
        anywhere.extend(ANYWHERE.iter().flat_map(|s| s.chars()));
        anywhere.sort_unstable();
        assert_eq!(
            anywhere,
            sources(&['统', '邮', '址', '-', '@', '＠', 'h', 'w'])
        );
        let preamble: Vec<char> = PREAMBLE.iter().flat_map(|s| s.chars()).collect();
        assert_eq!(preamble, sources(&['年']));
        for s in ANYWHERE.iter().chain(&PREAMBLE) {
            assert_eq!(s.chars().count(), 1, "{s}");
        }
        // both searchers are built (else every head is normalised)
        assert!(SEARCHERS.iter().all(Option::is_some));
    }

    #[test]
    fn heads_without_what_the_readers_look_for_stay_empty() {
        let heads = [
            "标题：某县２０２２年政府信息公开工作年度报告",
            "本报告由县政府办公室编制。",
            "联系电话：０５９１－２４３２００００",
            "全文包括总体情况、主动公开政府信息情况等。",
            "本年度統計期限",
            "http://x.gov.cn",
            "2022年",
        ];
        let mut buf = String::new();
        let got = normalise(&heads, 2, &mut buf);
        let want: Vec<String> = heads
            .iter()
            .enumerate()
            .map(|(k, h)| {
                let n = norm(h);
                let anywhere = ['统', '邮', '址', '-', '@', 'h', 'w'];
                let keep = n.contains(anywhere) || (k < 2 && n.contains('年'));
                if keep { n } else { String::new() }
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!(got[1], "", "no year, no contact");
        assert_eq!(got[3], "");
        assert_eq!(got[6], "", "a year outside the preamble is not read");
    }
}
