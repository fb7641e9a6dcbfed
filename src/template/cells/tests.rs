//! Tests of the cell reader (`cells.rs`).

use super::*;

#[test]
fn plain_figures_are_cell_values() {
    for s in [
        "0",
        "007",
        "123",
        "999999999999999999",
        "1000000000000000000",
        "9223372036854775807",
        "",
        "1 ",
        "1,234",
        "１２",
        "12元",
    ] {
        if let Some(v) = plain_figure(s) {
            assert_eq!(Some(v), super::super::rows::cell_value(s), "{s}");
        } else {
            assert!(s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) || s.is_empty());
        }
    }
}

#[test]
fn the_byte_test_of_a_number_start_is_the_grammars() {
    // every character from U+FF00 to U+FFEF (lead byte 0xEF), and
    // ASCII, ideographs and others
    let s: String = ('\u{ff00}'..='\u{ffef}')
        .chain('\u{0}'..='\u{7f}')
        .chain(['数', '－', '—', '\u{ef}', '\u{e000}', '\u{10000}'])
        .collect();
    for (i, c) in s.char_indices() {
        assert_eq!(
            read_by_grammar(s.as_bytes(), i),
            grammar::may_start_number(c) || c == '|',
            "{c:?}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
    /// Where a text is a plain figure, its value is the cell value the
    /// finishing of rows would read otherwise.
    #[test]
    fn a_plain_figure_is_its_cell_value(s in "[0-9０ ,.a-]{0,22}") {
        if let Some(v) = plain_figure(&s) {
            proptest::prop_assert_eq!(Some(v), super::super::rows::cell_value(&s));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
    /// [`words`] makes the tokens the grammar makes of each field (its fast
    /// path for a field with no number and no pipe included); a token it
    /// marks as holding no pipe holds none; and the label cutter, which does
    /// not search such a token for pipes, cuts a run of the tokens into the
    /// pieces it cuts when it searches every token.
    #[test]
    fn tokens_known_without_pipes_cut_as_searched(
        s in "[a1|｜ \t\n（）.、/—一二无行政查询复议本年新收其他0-9－]{0,40}"
    ) {
        let mut toks = Vec::new();
        words(&s, 0, &mut toks);
        let spans = |t: &[Tok]| t.iter().map(|t| (t.kind, t.start, t.end)).collect::<Vec<_>>();
        let mut by_field = Vec::new();
        let mut from = None;
        for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
            match (crate::lines::is_space(c), from) {
                (true, Some(f)) => {
                    let field = &s[f..i];
                    let before = by_field.len();
                    field_tokens(field, f, &mut by_field);
                    // a field with no character that may start a number
                    // (a pipe or not) is one label or null marker: what
                    // `words`' fast path made of it before a pipe went to
                    // the grammar
                    if !field.chars().any(grammar::may_start_number) {
                        let kind = if grammar::null_field(field) { Tk::Null } else { Tk::Label };
                        let got = spans(&by_field[before..]);
                        proptest::prop_assert_eq!(got, vec![(kind, f, i)]);
                    }
                    from = None;
                }
                (false, None) => from = Some(i),
                _ => {}
            }
        }
        proptest::prop_assert_eq!(spans(&toks), spans(&by_field));
        for t in toks.iter().filter(|t| t.no_pipe) {
            proptest::prop_assert!(!s[t.start..t.end].contains('|'), "{:?}", t);
        }
        let labels: Vec<Tok> = toks.into_iter().filter(|t| t.kind == Tk::Label).collect();
        let searched: Vec<Tok> = labels.iter().map(|t| Tok::new(t.kind, t.start, t.end)).collect();
        let mut c = crate::template::rows::Cutter::default();
        let words = Some(crate::template::vocabulary::Set::default());
        let known: Vec<String> = c.pieces(&s, &labels, words).map(|p| format!("{p:?}")).collect();
        let all: Vec<String> = c.pieces(&s, &searched, words).map(|p| format!("{p:?}")).collect();
        proptest::prop_assert_eq!(known, all);
    }
}

/// The fast path of a plain figure in [`tokens_of`] skips the rules
/// for stray text and marker digits: they leave a lone value token as
/// it is, whatever the cell's text and place.
#[test]
fn a_lone_value_token_is_left_as_it_is() {
    for text in ["0", "7", "12", "007", "123456789012345678", "1.", "2.其他"] {
        for at in [0, 5] {
            let t = Tok::new(Tk::Value, at, at + text.len());
            for from in [0, 1] {
                let mut toks = vec![Tok::new(Tk::Label, 0, 0); from];
                toks.push(t);
                let before: Vec<_> = toks.iter().map(|t| (t.kind, t.start, t.end)).collect();
                for continued in [false, true] {
                    stray_text_in_cell(&mut toks, from, (text, at), || continued);
                }
                assert!(!marker_digits_at_end(&toks, from, text, at));
                let after: Vec<_> = toks.iter().map(|t| (t.kind, t.start, t.end)).collect();
                assert_eq!(before, after, "{text} at {at}");
            }
        }
    }
}

#[test]
fn space_at_is_is_space() {
    let s = "a \t\u{3000}\u{a0}\u{200b}\u{feff}\u{85}\u{2029}数１-－\u{1c}\u{2060}";
    for (i, c) in s.char_indices() {
        assert_eq!(
            space_at(s, i),
            (crate::lines::is_space(c), c.len_utf8()),
            "{c:?}"
        );
    }
    // every character of one to three bytes, and some of four
    let all: String = ('\0'..='\u{ffff}')
        .chain(['\u{10000}', '𝄞', '\u{10ffff}'])
        .collect();
    for (i, c) in all.char_indices() {
        assert_eq!(
            space_at(&all, i),
            (crate::lines::is_space(c), c.len_utf8()),
            "{c:?}"
        );
    }
}

/// A field after a row's label field continues the label unless it opens
/// with a figure, a bracket, a pipe or a marker, or with stray text glued
/// before a figure, which reads as a figure (laws-z5).
#[test]
fn stray_text_before_a_figure_continues_no_label() {
    assert!(continues_label("属于四类过程性信息"));
    assert!(continues_label(" 出版物"));
    assert!(continues_label("益 0"));
    assert!(!continues_label("益0"));
    assert!(!continues_label(" 结1 0"));
    assert!(!continues_label("0益"));
    assert!(!continues_label("（二）部分公开"));
}
