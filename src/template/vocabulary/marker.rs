//! The usual list markers of a normalised label, read from their bytes
//! (the fast path of [`super::strip_marker`]; the nom grammar
//! [`crate::text::lexical::subsection_marker`] reads the rest).

/// The length of the marker at the start of `b` when it is one of the
/// usual forms of a normalised label, whose reading by
/// [`crate::text::lexical::subsection_marker`] is certain: `(一)` … `(十)`,
/// `(1)`, `(12)`, `一、` … `十、`, and `1.`, `12.`, `1、`, `12、` not followed by
/// an ASCII digit. `None`: not one of these (the grammar decides). A unit
/// test compares it with the grammar.
pub(super) fn usual_len(b: &[u8]) -> Option<usize> {
    // a numeral 一 … 十 (one character, three bytes) at `b[i..]`
    let numeral = |i: usize| {
        let t = b.get(i..i + 3)?;
        let cp =
            (u32::from(t[0] & 0x0F) << 12) | (u32::from(t[1] & 0x3F) << 6) | u32::from(t[2] & 0x3F);
        let c = char::from_u32(cp)?;
        let ok = t[0] & 0xF0 == 0xE0 && crate::text::lexical::cn_digit(c).is_some_and(|d| d > 0);
        ok.then_some(())
    };
    // `、` is E3 80 81
    let dun = |i: usize| b.get(i..i + 3) == Some(&[0xE3, 0x80, 0x81][..]);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    match b.first()? {
        b'(' => {
            if numeral(1).is_some() && b.get(4) == Some(&b')') {
                return Some(5);
            }
            let n = if digit(2) { 2 } else { 1 };
            (digit(1) && b.get(1 + n) == Some(&b')')).then_some(n + 2)
        }
        b'0'..=b'9' => {
            let n = if digit(1) { 2 } else { 1 };
            let end = match b.get(n)? {
                b'.' => n + 1,
                _ if dun(n) => n + 3,
                _ => return None,
            };
            (!digit(end)).then_some(end)
        }
        _ => (numeral(0).is_some() && dun(3)).then_some(6),
    }
}

#[cfg(test)]
mod tests {
    use super::super::strip_marker;
    use super::*;

    /// [`strip_marker`] as it was: the grammar alone.
    fn by_grammar(s: &str) -> &str {
        match crate::text::lexical::subsection_marker(s) {
            Ok((rest, _)) => rest,
            Err(_) => s,
        }
    }

    #[test]
    fn usual_markers_read_as_the_grammar_reads_them() {
        // every string of up to four characters of an alphabet of the
        // markers' characters (and a few others)
        let alphabet = [
            "(", ")", "（", "）", "1", "2", "0", ".", "、", "．", "一", "十", "〇", "零", "是",
            "其", " ", "a", "①",
        ];
        let mut all = vec![String::new()];
        let mut tried = 0;
        for _ in 0..4 {
            let mut next = Vec::new();
            for s in &all {
                for c in alphabet {
                    let t = format!("{s}{c}");
                    assert_eq!(strip_marker(&t), by_grammar(&t), "{t:?}");
                    let mut u = t.clone();
                    u.push_str("其他");
                    assert_eq!(strip_marker(&u), by_grammar(&u), "{u:?}");
                    tried += 1;
                    next.push(t);
                }
            }
            all = next;
        }
        assert!(tried > 100_000);
        // the fast path does read the usual ones
        for (s, len) in [
            ("(一)", 5),
            ("(12)", 4),
            ("(3)", 3),
            ("十、", 6),
            ("1.", 2),
            ("12、", 5),
        ] {
            assert_eq!(usual_len(s.as_bytes()), Some(len), "{s}");
        }
    }
}
