//! What a row's field holds at its edges: stray text glued before a figure
//! in a field after the row's first text, and digits and a list marker at
//! the end of a label field (see [`super::tokens_of`]).

use super::{Tk, Tok, field_tokens, grammar};
use crate::grid::Cell;

/// The rules of a field's edges, for a field of one piece (its text and
/// where it starts: `field`; its tokens from `from`; `rest` the row's
/// fields after it): after the row's first text in a delimited row
/// (`after_text`), stray text before a figure ([`stray_text_in_cell`]); as
/// the row's label field (`label_field`), digits and a marker at its end
/// kept in the label unless the next field continues it
/// ([`marker_digits_at_end`]). Either asks whether the next field that
/// holds something continues the text, and only of a field that ends in
/// digits and a marker.
pub(super) fn field_edges(
    toks: &mut Vec<Tok>,
    from: usize,
    field: (&str, usize),
    rest: &[Cell],
    after_text: bool,
    label_field: bool,
) {
    let continued = || {
        rest.iter()
            .find(|c| !idle_field(&c.text))
            .is_some_and(|c| continues_label(&c.text))
    };
    if after_text {
        stray_text_in_cell(toks, from, field, continued);
    } else if label_field && marker_digits_at_end(toks, from, field.0, field.1) && !continued() {
        keep_marker_digits(toks);
    }
}

/// A field of a delimited row after the row's first text: each of its
/// words (tokens from `from` glued to each other) that is stray text glued
/// before a figure (`结1`, `+0`), with no template word in its text, is one
/// value token, the word's text at its position, so the row reads the same
/// whether the text stood in an empty cell's place or beside the label, and
/// whether a tab or a space parts it from the figures before it (`0 全5`: in
/// flow text each word is a cell of its own). (Left as tokens, the text would
/// end the row, or join the label when only a tab parts them.)
///
/// Text that ends the field in digits glued to it and a list marker with
/// nothing after it (`（二）002.`, `5.认57.`) is read as a label field reads it
/// ([`marker_digits_at_end`]), the same question asked: when the next field
/// that holds something does not continue the text (`continued`, see
/// [`continues_label`]), the marker labels nothing, so the digits and the
/// marker are the text's (as flow text reads the same words after a row's
/// label): one label token. When it does (`3.要求提供00000002.\t|\t公开出版物`),
/// the marker labels that text, as in the row's first field: the marker is
/// a word of its own (the label's start), and only the words before it are
/// tried as stray text (`3.要求提供0000000`, one value).
pub(super) fn stray_text_in_cell(
    toks: &mut Vec<Tok>,
    from: usize,
    (text, at): (&str, usize),
    continued: impl FnOnce() -> bool,
) {
    // the token where the words stop: the marker that labels the next field
    let mut stop = toks.len();
    if toks.len() >= from + 3
        && toks[word_start(toks, from, toks.len() - 3)..toks.len() - 2]
            .iter()
            .all(|t| t.kind != Tk::Value)
        && marker_digits_at_end(toks, from, text, at)
    {
        if continued() {
            stop -= 1;
        } else {
            keep_marker_digits(toks);
            stop = toks.len();
        }
    }
    let mut i = from;
    while i < stop {
        // the word that starts at `i`: tokens glued to each other
        let mut j = i + 1;
        while j < stop && toks[j - 1].end == toks[j].start {
            j += 1;
        }
        if stray_word(&toks[i..j], text, at) {
            let (start, end) = (toks[i].start, toks[j - 1].end);
            toks.splice(i..j, [Tok::new(Tk::Value, start, end)]);
            stop -= j - i - 1;
            i += 1;
        } else {
            i = j;
        }
    }
}

/// Where the word of token `k` starts (tokens glued to each other, from
/// `from` on): the field's figures before it (`1 2 3 4 5 6` before
/// `7年度继续办理00000002.`) do not change how the word reads, as they do not
/// when a tab parts them from it.
fn word_start(toks: &[Tok], from: usize, mut k: usize) -> usize {
    while k > from && toks[k - 1].end == toks[k].start {
        k -= 1;
    }
    k
}

/// True when `word`, the tokens of one word of a cell's text (at `at`), is
/// stray text glued before a figure (see [`stray_text_in_cell`]).
pub(crate) fn stray_word(word: &[Tok], text: &str, at: usize) -> bool {
    if word.len() < 2 || word[0].kind != Tk::Label || !word.iter().any(|t| t.kind == Tk::Value) {
        return false;
    }
    // text that names a template word is a label, not stray text
    let mut words = Vec::new();
    word.iter().filter(|t| t.kind == Tk::Label).all(|t| {
        text.get(t.start - at..t.end - at).is_some_and(|label| {
            crate::template::vocabulary::matches_into(
                &crate::text::lexical::norm(label),
                &mut words,
            );
            words.is_empty()
        })
    })
}

/// Whether a field after a row's label field is text that the label's
/// last marker labels (`6.\t属于四类过程性信息`: the tab parts a row label,
/// so the marker does label something): text that starts with no figure,
/// bracket or list marker of its own, nor with stray text glued before a
/// figure (`益0`), which such a field reads as a figure
/// ([`stray_text_in_cell`]). Pipes before the text part nothing: the
/// label's pieces are read across them (`02.\t|物` as `02.物`, see
/// `rows::Cutter`).
pub(super) fn continues_label(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| crate::lines::is_space(c) || c == '|');
    let mut cs = t.chars();
    match cs.next() {
        None => false,
        Some(c) if grammar::is_digit(c) || matches!(c, '(' | '（' | '[' | '【') => false,
        Some(c) if "一二三四五六七八九十".contains(c) => {
            !cs.next().is_some_and(|d| matches!(d, '、' | '.' | '．'))
        }
        Some(_) => !stray_first_word(t),
    }
}

/// True when the first word of `t` (white space ends it) is stray text
/// glued before a figure ([`stray_word`]: `益0`, `结1`). Only a word that
/// holds an ASCII digit is read by the grammar.
fn stray_first_word(t: &str) -> bool {
    let end = t.find(crate::lines::is_space).unwrap_or(t.len());
    let word = &t[..end];
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut toks = Vec::new();
    field_tokens(word, 0, &mut toks);
    stray_word(&toks, word, 0)
}

/// True for a field that holds nothing a row reads (white space or a
/// pipe): a label's last marker labels the text of the field after it
/// (`公开57.\t\t出版物` as `公开57.\t出版物`).
fn idle_field(text: &str) -> bool {
    text.chars().all(|c| crate::lines::is_space(c) || c == '|')
}

/// True when the tokens from `from` of a field (its text `text` at `at`)
/// end in digits glued to its text and a list marker with nothing after it
/// (`（本列国家秘密02.`): the cell grammar cuts `0000002.其他` into a fused
/// run and the label `2.其他`, but in a row's label field (the first text of
/// a delimited row, or of a row whose first field a tab ends) a marker that
/// ends the field labels nothing unless the next field continues the label
/// (see [`continues_label`]), so the digits and the marker are the label's
/// ([`keep_marker_digits`]), as in flow text where the same label is read
/// from `…02.1.址` (the decimal `02.1` is no value). A field after the row's
/// first text asks the same (see [`stray_text_in_cell`]).
pub(super) fn marker_digits_at_end(toks: &[Tok], from: usize, text: &str, at: usize) -> bool {
    let n = toks.len();
    if n < from + 3 {
        return false;
    }
    let [head, digits, marker] = [toks[n - 3], toks[n - 2], toks[n - 1]];
    if head.kind != Tk::Label
        || digits.kind != Tk::Value
        || marker.kind != Tk::Label
        || head.end != digits.start
        || digits.end != marker.start
        || marker.end - at != text.trim_end().len()
    {
        return false;
    }
    // the marker token is one digit and the marker: the grammar's cut (a
    // pipe that closes the field, `|四、行政查询57.|`, is nothing after it)
    let Some(m) = text.get(marker.start - at..marker.end - at) else {
        return false;
    };
    let m = m.trim_end_matches('|');
    let mut cs = m.chars();
    cs.next().is_some_and(grammar::is_digit)
        && cs.next().is_some_and(|c| matches!(c, '.' | '、' | '．'))
        && cs.next().is_none()
}

/// Joins the last three tokens of a field (text, digits, marker: see
/// [`marker_digits_at_end`]) into one label token from the text the digits
/// are glued to.
fn keep_marker_digits(toks: &mut Vec<Tok>) {
    let n = toks.len();
    let (start, end) = (toks[n - 3].start, toks[n - 1].end);
    toks.truncate(n - 3);
    toks.push(Tok::new(Tk::Label, start, end));
}

/// True when the field `f` (no white space in it) ends in digits glued to
/// its text and a list marker that the cell grammar cuts off it
/// (`（三）不予公开02.`), which a label field keeps (see
/// [`marker_digits_at_end`]): the renderer ends such a label's line with a
/// tab.
pub(crate) fn ends_in_marker_digits(f: &str) -> bool {
    let mut toks = Vec::new();
    field_tokens(f, 0, &mut toks);
    marker_digits_at_end(&toks, 0, f, 0)
}
