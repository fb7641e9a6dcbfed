//! Finding a text node in the page source: the pieces of the reading text
//! and where each comes from (a verbatim run, or a character reference
//! standing for its character), markup skipped on the way.

use std::ops::Range;

/// Where a piece of the reading text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Src {
    /// A verbatim copy of the source from this offset.
    Verbatim(usize),
    /// Stands for this source range (an entity, a line break folded to a
    /// space); an empty range for white space html5ever made up.
    Mapped(Range<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) text: String,
    pub(super) src: Src,
}

impl Piece {
    pub(super) fn range(&self) -> Range<usize> {
        match &self.src {
            Src::Verbatim(s) => *s..*s + self.text.len(),
            Src::Mapped(r) => r.clone(),
        }
    }
    pub(super) fn is_space(&self) -> bool {
        self.text.chars().all(crate::lines::is_space)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Normal text: tags, comments and entities.
    Data,
    /// `<title>`, `<textarea>`: entities, no tags.
    Rcdata,
    /// `<script>`, `<style>` …: verbatim.
    Raw,
}

/// Skips a tag, comment, doctype or processing instruction at `at` (which
/// holds `<`); None when `<` there is literal text.
pub(super) fn skip_markup(s: &[u8], at: usize) -> Option<usize> {
    let next = *s.get(at + 1)?;
    if s[at..].starts_with(b"<!--") {
        let end = memchr::memmem::find(&s[at + 4..], b"-->").map_or(s.len(), |e| at + 4 + e + 3);
        return Some(end);
    }
    if next == b'!' || next == b'?' {
        return Some(memchr::memchr(b'>', &s[at..]).map_or(s.len(), |e| at + e + 1));
    }
    let name_start = if next == b'/' { at + 2 } else { at + 1 };
    if !s.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // a tag: to the next `>` outside a quoted attribute value
    let mut i = name_start;
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    while i < s.len() {
        let c = s[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'>' => return Some(i + 1),
                b'"' | b'\'' if after_eq => quote = Some(c),
                b'=' => {
                    after_eq = true;
                    i += 1;
                    continue;
                }
                c if c.is_ascii_whitespace() => {
                    i += 1;
                    continue;
                }
                _ => {}
            },
        }
        after_eq = false;
        i += 1;
    }
    Some(s.len())
}

/// Decodes the character reference at `at` (which holds `&`): its text and
/// end. Named references other than a few common ones decode to None with
/// their extent, so the caller can match them against the DOM text.
pub(super) fn entity(s: &str, at: usize) -> Option<(Option<String>, usize)> {
    let b = s.as_bytes();
    let mut i = at + 1;
    if b.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(b.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(|c| {
            if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        }) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let v = u32::from_str_radix(&s[start..i.min(start + 8)], if hex { 16 } else { 10 }).ok();
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        let ch = match v {
            Some(0) | None => '\u{fffd}',
            Some(v) => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((Some(ch.to_string()), i));
    }
    let start = i;
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) && i - start < 32 {
        i += 1;
    }
    if i == start {
        return None;
    }
    let name = &s[start..i];
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let known = match name {
        "nbsp" => "\u{a0}",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "ldquo" => "\u{201c}",
        "rdquo" => "\u{201d}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "mdash" => "\u{2014}",
        "ndash" => "\u{2013}",
        "hellip" => "\u{2026}",
        "middot" => "\u{b7}",
        _ => return Some((None, i)),
    };
    Some((Some(known.to_string()), i))
}

/// Maps `text` (a text node's content) onto `html` from `cursor`: the pieces
/// and the end of the last character found.
pub(super) fn align(
    html: &str,
    cursor: usize,
    text: &str,
    mode: Mode,
) -> Option<(Vec<Piece>, usize)> {
    let mut c = cursor;
    let mut out: Vec<Piece> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, ch)) = chars.next() {
        c = if crate::lines::is_space(ch) {
            align_space(html, c, ch, mode, &mut out)
        } else {
            align_char(html, c, ch, &mut chars, mode, &mut out)?
        };
    }
    Some((out, c))
}

/// Adds a piece, growing the last one when both are verbatim and adjacent.
fn push(out: &mut Vec<Piece>, t: &str, src: Src) {
    if let (Some(last), Src::Verbatim(at)) = (out.last_mut(), &src)
        && let Src::Verbatim(l) = last.src
        && l + last.text.len() == *at
    {
        last.text.push_str(t);
        return;
    }
    out.push(Piece {
        text: t.to_string(),
        src,
    });
}

/// Maps the white space `ch` at source offset `c`: where the source has it
/// (as itself or as a reference), else made up here. The new offset.
fn align_space(html: &str, c: usize, ch: char, mode: Mode, out: &mut Vec<Piece>) -> usize {
    let mut buf = [0u8; 4];
    let t: &str = ch.encode_utf8(&mut buf);
    if html[c..].starts_with(ch) {
        push(out, t, Src::Verbatim(c));
        c + ch.len_utf8()
    } else if mode != Mode::Raw
        && html.as_bytes().get(c) == Some(&b'&')
        && let Some((Some(d), end)) = entity(html, c)
        && d.starts_with(ch)
    {
        push(out, t, Src::Mapped(c..end));
        end
    } else {
        push(out, t, Src::Mapped(c..c));
        c
    }
}

/// Finds the character `ch` (not white space) from source offset `c`,
/// skipping markup and white space: the new offset, or None when the
/// source has another character there. A reference standing for several
/// characters takes the next ones of `chars` with it.
fn align_char(
    html: &str,
    mut c: usize,
    ch: char,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    mode: Mode,
    out: &mut Vec<Piece>,
) -> Option<usize> {
    let s = html.as_bytes();
    let mut buf = [0u8; 4];
    let t: &str = ch.encode_utf8(&mut buf);
    loop {
        let sc = html[c..].chars().next()?;
        // before the first character, the start tag of a raw-text
        // element (`<script>`, `<title>`) is skipped like any markup
        if (mode == Mode::Data || out.iter().all(Piece::is_space))
            && sc == '<'
            && let Some(end) = skip_markup(s, c)
        {
            c = end;
            continue;
        }
        if mode != Mode::Raw
            && sc == '&'
            && let Some((decoded, end)) = entity(html, c)
        {
            match decoded {
                Some(d) if d.starts_with(ch) => {
                    // a reference may stand for more than one character
                    let mut whole = t.to_string();
                    for x in d[ch.len_utf8()..].chars() {
                        match chars.peek() {
                            Some(&(_, y)) if y == x => {
                                whole.push(x);
                                chars.next();
                            }
                            _ => return None,
                        }
                    }
                    push(out, &whole, Src::Mapped(c..end));
                    return Some(end);
                }
                Some(d) if d.chars().all(crate::lines::is_space) => {
                    c = end;
                    continue;
                }
                // `&` followed by letters html5ever left as they are
                None if ch == '&' => {}
                Some(_) => return None,
                None => {
                    // a named reference we do not decode: it stands for
                    // this character of the DOM text
                    push(out, t, Src::Mapped(c..end));
                    return Some(end);
                }
            }
        }
        if sc == ch {
            push(out, t, Src::Verbatim(c));
            return Some(c + ch.len_utf8());
        }
        if crate::lines::is_space(sc) {
            c += sc.len_utf8();
            continue;
        }
        return None;
    }
}
