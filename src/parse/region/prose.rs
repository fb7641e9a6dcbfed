//! Running text: a line that ends a table region, and the heads of a line
//! that read as such, found in one pass.

use crate::text::lexical::norm_char;
use std::ops::Range;

/// Words of a statistics table (normalised): a line that holds one is no
/// running text ([`is_prose`]).
const TABLE_WORDS: [&str; 4] = ["勾稽", "区分处理", "不再处理", "单位:万元"];

/// True when a line (normalised) is running text rather than part of a table.
pub(super) fn is_prose(n: &str) -> bool {
    // fewer than 30 bytes are fewer than 30 characters
    if n.len() < 30 || n.chars().count() < 30 {
        return false;
    }
    // (searched by finders built once)
    static FINDERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 4]> =
        std::sync::LazyLock::new(|| TABLE_WORDS.map(memchr::memmem::Finder::new));
    if FINDERS.iter().any(|w| w.find(n.as_bytes()).is_some()) {
        return false;
    }
    n.contains('。') || n.contains(',') || n.contains('；') || n.contains(';')
}

/// True when the line `t` (trimmed, without tabs) reads as running text
/// that ends a table region ([`is_prose`]): the renderer writes a group
/// label that does with a tab after it.
pub(crate) fn reads_as_prose(t: &str) -> bool {
    t.len() >= 30 && has_stop_or_comma(t) && is_prose(&crate::text::lexical::norm(t))
}

/// True when `t` holds a stop, comma or semicolon (`。，,；;`): the ASCII
/// ones found by one search, the full-width ones from their lead bytes
/// (`E3` for `。`, `EF` for `，；`, which start few characters of Chinese
/// text) checked at each of these (`str::contains` with a set of
/// characters decodes every character).
pub(super) fn has_stop_or_comma(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2(b',', b';', b).is_some()
        || memchr::memchr2_iter(0xE3, 0xEF, b).any(|i| {
            matches!(
                (b[i], b.get(i + 1), b.get(i + 2)),
                (0xE3, Some(0x80), Some(0x82)) | (0xEF, Some(0xBC), Some(0x8C | 0x9B))
            )
        })
}

/// The byte offsets `at` (character boundaries of `t`) for which
/// [`reads_as_prose`]`(&t[..at])` holds, found in one pass over `t` instead
/// of one test per head (the renderer looks for a place to cut a long line
/// where its first line reads as running text). They form one range: each
/// test of `reads_as_prose` but one holds of every longer head once it
/// holds of one (30 bytes and 30 characters, a stop or comma in the head
/// and in its normalised form), and the one left (no table word in the
/// normalised head) of every shorter head once it holds of one. The
/// normaliser works character by character, so the normalised form of a
/// head is a head of the normalised line: a table word is in it once the
/// normalised characters so far end with one.
pub(crate) fn prose_heads(t: &str) -> Range<usize> {
    let mut n = String::new();
    let (mut chars, mut stop, mut n_stop) = (0usize, false, false);
    let mut start = None;
    let boundaries = t.char_indices().map(|(at, c)| (at, Some(c)));
    for (at, c) in boundaries.chain([(t.len(), None)]) {
        // the head `t[..at]`, normalised as `n`
        if TABLE_WORDS.iter().any(|w| n.ends_with(w)) {
            return start.map_or(0..0, |s| s..at);
        }
        if start.is_none() && at >= 30 && stop && n_stop && n.len() >= 30 && chars >= 30 {
            start = Some(at);
        }
        let Some(c) = c else { break };
        stop |= matches!(c, '。' | '，' | ',' | '；' | ';');
        if let Some(x) = norm_char(c) {
            n.push(x);
            chars += 1;
            n_stop |= matches!(x, '。' | ',' | '；' | ';');
        }
    }
    start.map_or(0..0, |s| s..t.len() + 1)
}

/// [`prose_heads`] tested head by head (the reference).
#[cfg(test)]
fn prose_heads_by_test(t: &str) -> Vec<usize> {
    let ends = t.char_indices().map(|(at, _)| at).chain([t.len()]);
    ends.filter(|&at| reads_as_prose(&t[..at])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn heads(t: &str) -> Vec<usize> {
        let r = prose_heads(t);
        let ends = t.char_indices().map(|(at, _)| at).chain([t.len()]);
        ends.filter(|at| r.contains(at)).collect()
    }

    #[test]
    fn a_sentence_reads_as_prose_from_its_comma_on() {
        let t = "本机关全年共收到政府信息公开申请二十件，均已按期答复完毕并告知申请人";
        assert_eq!(heads(t), prose_heads_by_test(t));
        assert!(!heads(t).is_empty());
        let t = "本机关全年共收到政府信息公开申请二十件，均已按期答复（区分处理的）完毕";
        assert_eq!(heads(t), prose_heads_by_test(t));
        assert!(heads("短句，").is_empty());
    }

    proptest! {
        #[test]
        fn prose_heads_are_the_heads_that_read_as_prose(
            parts in proptest::collection::vec(prop::sample::select(vec![
                "。", "，", ",", "；", ";", "勾稽", "勾", "稽", "区分处理", "不再处理", "单位：万元",
                "单位:万元", "万元", " ", "\t", "１", "1", "a", "申请", "政府信息", "（", "）", "件",
            ]), 0..40)
        ) {
            let t = parts.concat();
            prop_assert_eq!(heads(&t), prose_heads_by_test(&t));
        }
    }
}
