//! The normaliser's fast paths against the per-character fold.

use super::Norm;
use crate::text::lexical::MarkerScan;

/// The characters the mapper's marker scan reads ([`Norm::push_loud`]'s
/// `loud` there): `(`, ASCII digits, numerals.
fn loud(cp: u32) -> bool {
    cp == u32::from(b'(')
        || cp.wrapping_sub(u32::from(b'0')) < 10
        || char::from_u32(cp).is_some_and(|c| crate::text::lexical::cn_digit(c).is_some())
}

/// [`loud`] over U+3000..U+9FFF: the numerals there.
static QUIET: super::Quiet = super::Quiet::with(&[
    0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
]);

#[test]
fn the_quiet_table_is_the_loud_test() {
    assert!(QUIET.agrees_with(loud));
    assert!(super::Quiet::ALL.agrees_with(|_| true));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
    /// `push_loud` makes the text and the map `push_each` makes, and a
    /// marker scan fed by it notes the places it notes fed by
    /// `push_each` (every character).
    #[test]
    fn push_loud_is_push_each_for_a_marker_scan(
        parts in proptest::collection::vec(
            "[(（)）0-9０-９一二三四五六七八九十〇零、.．是①é𝄞 \t\u{3000}\u{a0}其他說ab|“]{0,12}", 0..5),
    ) {
        let (mut full, mut fast) = (Norm::default(), Norm::default());
        let (mut scan_each, mut scan_loud) = (MarkerScan::default(), MarkerScan::default());
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for (k, p) in parts.iter().enumerate() {
            full.push_each(p, 100 * k, |pos, cp| scan_each.feed(pos, cp, &mut theirs));
            fast.push_loud(p, 100 * k, loud, &QUIET, |pos, cp| {
                // (a character it reports is that of the text at `pos`)
                assert_eq!(char_at(&full.s, pos), char::from_u32(cp));
                scan_loud.feed(pos, cp, &mut ours);
            });
        }
        proptest::prop_assert_eq!(&fast.s, &full.s);
        proptest::prop_assert_eq!(&fast.segs, &full.segs);
        proptest::prop_assert_eq!(ours, theirs);
    }
}

/// [`super::CHANGES`] marks the characters of U+3000..U+9FFF that the
/// fold by cases changes (white space dropped, curly quotes, the
/// Traditional characters of `text::hant`), and only those; and the
/// full-width forms are read from their bytes as `norm_char` folds
/// them, their neighbours not at all.
#[test]
fn the_table_of_changes_is_the_fold() {
    for cp in 0x3000..0xA000 {
        let c = char::from_u32(cp).expect("no surrogate here");
        let folded = if crate::chars::is_space(c) {
            None
        } else if matches!(c, '〝' | '〞') {
            Some('"')
        } else {
            Some(crate::text::hant::to_simplified(c))
        };
        let mut b = [0u8; 4];
        let u = c.encode_utf8(&mut b).as_bytes();
        assert_eq!(super::own_wide(u[0], u[1], u[2]), folded == Some(c), "{c}");
        assert_eq!(super::norm_char(c), folded, "{c}");
    }
    for cp in 0xFF00..0xFF80 {
        let c = char::from_u32(cp).expect("no surrogate here");
        let mut b = [0u8; 4];
        let got = super::full_width_at(c.encode_utf8(&mut b).as_bytes(), 0);
        let want = (0xFF01..=0xFF5E).contains(&cp).then(|| super::norm_char(c));
        assert_eq!(got.map(|a| Some(char::from(a))), want, "{c}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 6000, ..Default::default() })]
    /// The fast path of `push_norm` (runs of ASCII eight bytes at a
    /// time, CJK characters from their bytes, full-width forms, runs of
    /// spaces) makes
    /// the text of the per-character fold, for runs of every length
    /// of each kind of character and their edges (the block's first
    /// and last ideographs and its neighbours, controls, DEL,
    /// Traditional, full-width and multi-byte characters), and
    /// `norm_head` its head.
    #[test]
    fn push_norm_is_the_fold_by_character(
        s in "(a{0,17}| {0,19}|[!-~]{0,12}|[0-9 ]{0,10}|[政府信息说說開、。《》ぁ\u{4e00}\u{9fff}\u{4dff}\u{a000}\u{3000}\u{2fff}]{0,7}|[\t\n\r\u{b}\u{c}\u{0}\u{1f}\u{7f}（，：１Ａｚ～！\u{ff00}\u{ff5f}\u{ff60}　“”‘’〝〞é𝄞\u{a0}\u{200b}\u{feff}]{0,4}){0,8}",
        chars in 0usize..50,
    ) {
        let (mut fast, mut slow) = (String::from("x"), String::from("x"));
        super::push_norm(&mut fast, &s);
        super::push_norm_by_char(&mut slow, &s);
        proptest::prop_assert_eq!(&fast, &slow);
        let mut buf = [0u8; 200];
        let want: String = slow[1..].chars().take(chars).collect();
        proptest::prop_assert_eq!(super::norm_head(&s, chars, &mut buf), want);
    }
}

/// The character at byte `pos` of `s` (the text made so far is a
/// prefix of the whole).
fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|t| t.chars().next())
}
