//! Fonts as far as reading text needs them: code length, the `ToUnicode`
//! map and the glyph widths.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::parse_cmap;

/// At most this many widths are read from a CID font's `W` array.
const MAX_WIDTHS: usize = 70_000;

pub(super) fn num(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from).filter(|v| v.is_finite())
}

/// What a font needs for reading: code length, Unicode map, widths.
#[derive(Debug, Default)]
pub(super) struct Font {
    /// Two-byte codes (a Type0 font with an Identity or other 2-byte CMap).
    pub(super) two_byte: bool,
    /// The `ToUnicode` map.
    to_unicode: HashMap<u32, String>,
    /// Glyph widths in thousandths of text space, by code.
    widths: HashMap<u32, f64>,
    /// The width of a code not in `widths`.
    default_width: f64,
}

impl Font {
    pub(super) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let mut font = Font {
            default_width: 1000.0,
            ..Font::default()
        };
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"Type0" {
            font.two_byte = true;
            let desc = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| resolve(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| resolve(doc, o).as_dict().ok());
            if let Some(desc) = desc {
                font.default_width = desc.get(b"DW").ok().and_then(num).unwrap_or(1000.0);
                if let Some(w) = desc
                    .get(b"W")
                    .ok()
                    .and_then(|o| resolve(doc, o).as_array().ok())
                {
                    read_cid_widths(doc, w, &mut font.widths);
                }
            }
        } else {
            font.default_width = 500.0;
            let first = dict.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0) as u32;
            if let Some(w) = dict
                .get(b"Widths")
                .ok()
                .and_then(|o| resolve(doc, o).as_array().ok())
            {
                for (i, o) in w.iter().enumerate().take(256) {
                    if let Some(v) = num(resolve(doc, o)) {
                        font.widths.insert(first.saturating_add(i as u32), v);
                    }
                }
            }
        }
        if let Ok(o) = dict.get(b"ToUnicode")
            && let Ok(s) = resolve(doc, o).as_stream()
            && let Ok(data) = s.decompressed_content_with_limit(1 << 20)
        {
            parse_cmap(&data, &mut font.to_unicode);
        }
        font
    }

    /// Splits a shown string into codes.
    pub(super) fn codes<'a>(&'a self, s: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        let step = if self.two_byte { 2 } else { 1 };
        s.chunks(step)
            .map(|c| c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
    }

    /// The text of a code: from the `ToUnicode` map, else Latin-1 for a
    /// simple font; never a control character (whitespace controls become
    /// a space, others U+FFFD), so the extracted text holds no NUL.
    pub(super) fn unicode(&self, code: u32) -> String {
        if let Some(s) = self.to_unicode.get(&code) {
            return without_controls(s);
        }
        if self.two_byte {
            // no map: nothing trustworthy to say about a CID
            return String::from('\u{FFFD}');
        }
        // simple font without a map: Latin-1 (WinAnsi agrees on the printable ASCII range)
        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
        String::from(without_control(c))
    }

    pub(super) fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

/// A control character as it may stand in the extracted text: whitespace
/// controls (tab, line breaks) as a space, the others (NUL, C1 controls…)
/// as U+FFFD.
fn without_control(c: char) -> char {
    match c {
        c if c.is_control() && c.is_whitespace() => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

fn without_controls(s: &str) -> String {
    if s.chars().any(char::is_control) {
        s.chars().map(without_control).collect()
    } else {
        s.to_string()
    }
}

pub(super) fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

/// Reads a CID font's `W` array: `c [w1 w2 ...]` and `c1 c2 w`.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < MAX_WIDTHS {
        let Some(c) = num(resolve(doc, &w[i])) else {
            return;
        };
        let c = c.max(0.0) as u32;
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(ws)) => {
                for (k, o) in ws.iter().enumerate().take(MAX_WIDTHS) {
                    if let Some(v) = num(resolve(doc, o)) {
                        out.insert(c.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(c2), Some(v)) = (num(o), w.get(i + 2).and_then(|o| num(resolve(doc, o))))
                else {
                    return;
                };
                let c2 = (c2.max(0.0) as u32).min(c.saturating_add(MAX_WIDTHS as u32));
                for k in c..=c2 {
                    out.insert(k, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_control_character_reaches_the_text() {
        let mut f = Font::default();
        f.to_unicode.insert(1, "a\u{0}\n".into());
        assert_eq!(f.unicode(1), "a\u{FFFD} ");
        assert_eq!(f.unicode(0), "\u{FFFD}");
        assert_eq!(f.unicode(0x86), "\u{FFFD}");
        assert_eq!(f.unicode(0x41), "A");
        assert_eq!(f.unicode(0xE9), "é");
    }
}
