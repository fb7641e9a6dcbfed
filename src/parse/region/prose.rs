//! Which heads of a line read as running text, found in one pass.

use super::TABLE_WORDS;
use crate::text::lexical::norm_char;
use std::ops::Range;

/// The byte offsets `at` (character boundaries of `t`) for which
/// [`reads_as_prose`](super::reads_as_prose)`(&t[..at])` holds, found in one pass over `t` instead
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
    ends.filter(|&at| super::reads_as_prose(&t[..at])).collect()
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
