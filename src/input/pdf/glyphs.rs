//! Glyphs out of a PDF's content streams: the text operators interpreted
//! with their text and graphics state, each shown glyph mapped to Unicode
//! through its font's `ToUnicode` CMap (or its simple encoding) and placed
//! on the page.
//!
//! Only what reading a report needs is interpreted: text objects, text state,
//! the CTM (`cm`, `q`/`Q`) and form XObjects (`Do`). Painting, colours and
//! images are skipped.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::grid::positions::Glyph;

/// Limits that keep a hostile PDF bounded.
pub(crate) const MAX_PAGES: usize = 2_000;
/// The most bytes a page's content streams may decompress to.
pub(crate) const MAX_CONTENT_BYTES: usize = 32 << 20;
/// The most glyphs read from one document.
pub(crate) const MAX_GLYPHS: usize = 2_000_000;
/// The most content-stream operations interpreted on one page (forms included).
const MAX_OPS_PER_PAGE: usize = 2_000_000;
/// Form XObjects nested deeper than this are not entered.
const MAX_FORM_DEPTH: usize = 8;

/// An affine matrix `[a b c d e f]` (PDF convention: row vector times matrix).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Mat([f64; 6]);

impl Mat {
    const ID: Mat = Mat([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × m` (apply `self` first, then `m`).
    fn then(&self, m: &Mat) -> Mat {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = m.0;
        Mat([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f64, ty: f64) -> Mat {
        Mat([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    fn from_operands(ops: &[Object]) -> Option<Mat> {
        if ops.len() != 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (v, o) in m.iter_mut().zip(ops) {
            *v = num(o)?;
        }
        m.iter().all(|v| v.is_finite()).then_some(Mat(m))
    }
}

fn num(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from).filter(|v| v.is_finite())
}

/// What a font needs for reading: code length, Unicode map, widths.
#[derive(Debug, Default)]
struct Font {
    /// Two-byte codes (a Type0 font with an Identity or other 2-byte CMap).
    two_byte: bool,
    /// The `ToUnicode` map.
    to_unicode: HashMap<u32, String>,
    /// Glyph widths in thousandths of text space, by code.
    widths: HashMap<u32, f64>,
    /// The width of a code not in `widths`.
    default_width: f64,
}

impl Font {
    fn load(doc: &Document, dict: &Dictionary) -> Font {
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
    fn codes<'a>(&'a self, s: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        let step = if self.two_byte { 2 } else { 1 };
        s.chunks(step)
            .map(|c| c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
    }

    fn unicode(&self, code: u32) -> String {
        if let Some(s) = self.to_unicode.get(&code) {
            return s.clone();
        }
        if self.two_byte {
            // no map: nothing trustworthy to say about a CID
            return String::from('\u{FFFD}');
        }
        // simple font without a map: Latin-1 (WinAnsi agrees on the printable ASCII range)
        char::from_u32(code).map_or_else(|| String::from('\u{FFFD}'), String::from)
    }

    fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

/// Reads a CID font's `W` array: `c [w1 w2 ...]` and `c1 c2 w`.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < 70_000 {
        let Some(c) = num(resolve(doc, &w[i])) else {
            return;
        };
        let c = c.max(0.0) as u32;
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(ws)) => {
                for (k, o) in ws.iter().enumerate().take(70_000) {
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
                let c2 = (c2.max(0.0) as u32).min(c.saturating_add(70_000));
                for k in c..=c2 {
                    out.insert(k, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// Reads the `bfchar` and `bfrange` sections of a `ToUnicode` CMap.
fn parse_cmap(data: &[u8], out: &mut HashMap<u32, String>) {
    #[derive(PartialEq)]
    enum Tok {
        Hex(Vec<u8>),
        Word(Vec<u8>),
        Open,
        Close,
    }
    let mut toks = Vec::new();
    let mut i = 0;
    while i < data.len() && toks.len() < 400_000 {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let hex: Vec<u8> = data[i + 1..end]
                    .iter()
                    .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = hex
                    .chunks(2)
                    .map(|c| c[0] << 4 | c.get(1).copied().unwrap_or(0))
                    .collect();
                toks.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                toks.push(Tok::Open);
                i += 1;
            }
            b']' => {
                toks.push(Tok::Close);
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !matches!(data[i], b'<' | b'[' | b']' | b'%')
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                toks.push(Tok::Word(data[start..i].to_vec()));
            }
        }
    }
    let code = |b: &[u8]| b.iter().take(4).fold(0u32, |a, &x| (a << 8) | u32::from(x));
    let utf16 = |b: &[u8]| {
        let units: Vec<u16> = b
            .chunks(2)
            .map(|c| u16::from(c[0]) << 8 | u16::from(c.get(1).copied().unwrap_or(0)))
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut k = 0;
    let mut mode = 0u8;
    while k < toks.len() {
        match &toks[k] {
            Tok::Word(w) if w.as_slice() == b"beginbfchar" => mode = 1,
            Tok::Word(w) if w.as_slice() == b"beginbfrange" => mode = 2,
            Tok::Word(w) if w.starts_with(b"end") => mode = 0,
            Tok::Hex(src) if mode == 1 => {
                if let Some(Tok::Hex(dst)) = toks.get(k + 1) {
                    out.insert(code(src), utf16(dst));
                    k += 1;
                }
            }
            Tok::Hex(lo) if mode == 2 => {
                let (Some(Tok::Hex(hi)), Some(dst)) = (toks.get(k + 1), toks.get(k + 2)) else {
                    k += 1;
                    continue;
                };
                let (lo, hi) = (code(lo), code(hi));
                let hi = hi.min(lo.saturating_add(0xFFFF));
                match dst {
                    Tok::Hex(d) => {
                        let mut units: Vec<u16> = d
                            .chunks(2)
                            .map(|c| {
                                u16::from(c[0]) << 8 | u16::from(c.get(1).copied().unwrap_or(0))
                            })
                            .collect();
                        for c in lo..=hi {
                            out.insert(c, String::from_utf16_lossy(&units));
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(1);
                            }
                        }
                        k += 2;
                    }
                    Tok::Open => {
                        let mut c = lo;
                        let mut j = k + 3;
                        while let Some(Tok::Hex(d)) = toks.get(j) {
                            if c <= hi {
                                out.insert(c, utf16(d));
                            }
                            c = c.saturating_add(1);
                            j += 1;
                        }
                        k = j;
                    }
                    _ => k += 1,
                }
            }
            _ => {}
        }
        k += 1;
    }
}

/// One page's glyphs and size.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageGlyphs {
    /// Page width and height in points (from the `MediaBox`).
    pub(crate) size: (f64, f64),
    /// The glyphs in content-stream order.
    pub(crate) glyphs: Vec<Glyph>,
}

#[derive(Clone)]
struct GState {
    ctm: Mat,
    char_spacing: f64,
    word_spacing: f64,
    h_scale: f64,
    leading: f64,
    rise: f64,
    font: Option<Vec<u8>>,
    font_size: f64,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: Mat::ID,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            font_size: 0.0,
        }
    }
}

struct Interp<'a> {
    doc: &'a Document,
    fonts: HashMap<ObjectId, Font>,
    inline_fonts: Vec<Font>,
    out: Vec<Glyph>,
    ops: usize,
    budget: usize,
}

/// Resolves the `Font` entry `name` of a resource dictionary.
fn font_ref<'a>(
    doc: &'a Document,
    res: &'a Dictionary,
    name: &[u8],
) -> Option<(Option<ObjectId>, &'a Dictionary)> {
    let fonts = res.get(b"Font").ok()?;
    let fonts = resolve(doc, fonts).as_dict().ok()?;
    let f = fonts.get(name).ok()?;
    match f {
        Object::Reference(id) => doc.get_dictionary(*id).ok().map(|d| (Some(*id), d)),
        Object::Dictionary(d) => Some((None, d)),
        _ => None,
    }
}

impl<'a> Interp<'a> {
    fn font_key(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<FontKey> {
        for res in resources {
            if let Some((id, dict)) = font_ref(self.doc, res, name) {
                return Some(match id {
                    Some(id) => {
                        if !self.fonts.contains_key(&id) {
                            let f = Font::load(self.doc, dict);
                            self.fonts.insert(id, f);
                        }
                        FontKey::Id(id)
                    }
                    None => {
                        self.inline_fonts.push(Font::load(self.doc, dict));
                        FontKey::Inline(self.inline_fonts.len() - 1)
                    }
                });
            }
        }
        None
    }

    fn font(&self, k: FontKey) -> Option<&Font> {
        match k {
            FontKey::Id(id) => self.fonts.get(&id),
            FontKey::Inline(i) => self.inline_fonts.get(i),
        }
    }

    fn run(&mut self, content: &[u8], resources: &[&'a Dictionary], ctm: Mat, depth: usize) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut gs = GState {
            ctm,
            ..GState::default()
        };
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Mat::ID;
        let mut tlm = Mat::ID;
        let mut font: Option<FontKey> = None;
        let mut font_cache: HashMap<Vec<u8>, Option<FontKey>> = HashMap::new();
        for op in &content.operations {
            self.ops += 1;
            if self.ops > self.budget || self.out.len() >= MAX_GLYPHS {
                return;
            }
            let a = &op.operands;
            let f = |i: usize| a.get(i).and_then(num);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(g) = stack.pop() {
                        gs = g;
                        font = gs
                            .font
                            .as_ref()
                            .and_then(|n| font_cache.get(n).copied().flatten());
                    }
                }
                "cm" => {
                    if let Some(m) = Mat::from_operands(a) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                "BT" => {
                    tm = Mat::ID;
                    tlm = Mat::ID;
                }
                "Tc" => gs.char_spacing = f(0).unwrap_or(0.0),
                "Tw" => gs.word_spacing = f(0).unwrap_or(0.0),
                "Tz" => gs.h_scale = f(0).unwrap_or(100.0) / 100.0,
                "TL" => gs.leading = f(0).unwrap_or(0.0),
                "Ts" => gs.rise = f(0).unwrap_or(0.0),
                "Tf" => {
                    if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                        let key = match font_cache.get(name) {
                            Some(k) => *k,
                            None => {
                                let k = self.font_key(resources, name);
                                font_cache.insert(name.to_vec(), k);
                                k
                            }
                        };
                        font = key;
                        gs.font = Some(name.to_vec());
                    }
                    gs.font_size = f(1).unwrap_or(0.0);
                }
                "Td" | "TD" => {
                    let (tx, ty) = (f(0).unwrap_or(0.0), f(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        gs.leading = -ty;
                    }
                    tlm = Mat::translate(tx, ty).then(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Mat::from_operands(a) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Mat::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            gs.word_spacing = f(0).unwrap_or(0.0);
                            gs.char_spacing = f(1).unwrap_or(0.0);
                        }
                        tlm = Mat::translate(0.0, -gs.leading).then(&tlm);
                        tm = tlm;
                    }
                    if let Some(s) = a.last().and_then(|o| o.as_str().ok()) {
                        self.show(s, &gs, font, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(arr) = a.first().and_then(|o| o.as_array().ok()) {
                        for item in arr {
                            match item {
                                Object::String(s, _) => self.show(s, &gs, font, &mut tm),
                                o => {
                                    if let Some(adj) = num(o) {
                                        let tx = -adj / 1000.0 * gs.font_size * gs.h_scale;
                                        tm = Mat::translate(tx, 0.0).then(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, resources, &gs, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn form(&mut self, name: &[u8], resources: &[&'a Dictionary], gs: &GState, depth: usize) {
        let doc = self.doc;
        let Some(stream) = resources.iter().find_map(|res| {
            let xo = resolve(doc, res.get(b"XObject").ok()?).as_dict().ok()?;
            resolve(doc, xo.get(name).ok()?).as_stream().ok()
        }) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let Ok(data) = stream.decompressed_content_with_limit(MAX_CONTENT_BYTES) else {
            return;
        };
        let m = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| resolve(doc, o).as_array().ok())
            .and_then(|a| Mat::from_operands(a))
            .unwrap_or(Mat::ID);
        let mut res: Vec<&'a Dictionary> = Vec::new();
        if let Some(r) = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| resolve(doc, o).as_dict().ok())
        {
            res.push(r);
        }
        res.extend_from_slice(resources);
        self.run(&data, &res, m.then(&gs.ctm), depth + 1);
    }

    fn show(&mut self, s: &[u8], gs: &GState, font: Option<FontKey>, tm: &mut Mat) {
        let fs = gs.font_size;
        let Some(font) = font.and_then(|k| self.font(k)) else {
            return;
        };
        let mut new = Vec::new();
        let mut m = *tm;
        for code in font.codes(s) {
            let w0 = font.width(code) / 1000.0;
            let trm = Mat([fs * gs.h_scale, 0.0, 0.0, fs, 0.0, gs.rise])
                .then(&m)
                .then(&gs.ctm);
            let single_space = !font.two_byte && code == 32;
            let tx = (w0 * fs + gs.char_spacing + if single_space { gs.word_spacing } else { 0.0 })
                * gs.h_scale;
            let next = Mat::translate(tx, 0.0).then(&m);
            let end = Mat([fs * gs.h_scale, 0.0, 0.0, fs, 0.0, gs.rise])
                .then(&next)
                .then(&gs.ctm);
            let text = font.unicode(code);
            let [a, b, c, d, e, f] = trm.0;
            let size = (c * c + d * d).sqrt();
            let _ = (a, b);
            let x1 = e + (end.0[4] - e).max(0.0);
            new.push(Glyph {
                text,
                x0: e,
                x1,
                y: f,
                size,
                upright: b.abs() < 1e-6 && c.abs() < 1e-6 && a > 0.0 && d > 0.0,
            });
            m = next;
        }
        *tm = m;
        self.out.extend(new);
    }
}

#[derive(Debug, Clone, Copy)]
enum FontKey {
    Id(ObjectId),
    Inline(usize),
}

/// Reads every page's glyphs. `Err` carries a message for a document that
/// cannot be read.
pub(crate) fn pages(doc: &Document) -> Vec<PageGlyphs> {
    let mut interp = Interp {
        doc,
        fonts: HashMap::new(),
        inline_fonts: Vec::new(),
        out: Vec::new(),
        ops: 0,
        budget: 0,
    };
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages().into_iter().take(MAX_PAGES) {
        let size = media_box(doc, id);
        let Ok(content) = doc.get_page_content_with_limit(id, MAX_CONTENT_BYTES) else {
            pages.push(PageGlyphs {
                size,
                glyphs: Vec::new(),
            });
            continue;
        };
        let mut res: Vec<&Dictionary> = Vec::new();
        if let Ok((direct, ids)) = doc.get_page_resources(id) {
            res.extend(direct);
            res.extend(ids.into_iter().filter_map(|i| doc.get_dictionary(i).ok()));
        }
        interp.ops = 0;
        interp.budget = MAX_OPS_PER_PAGE;
        let before = interp.out.len();
        interp.run(&content, &res, Mat::ID, 0);
        let glyphs = interp.out.split_off(before);
        pages.push(PageGlyphs { size, glyphs });
        if pages.iter().map(|p| p.glyphs.len()).sum::<usize>() >= MAX_GLYPHS {
            break;
        }
    }
    pages
}

fn media_box(doc: &Document, page: ObjectId) -> (f64, f64) {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(d) = node else { break };
        if let Some(a) = d
            .get(b"MediaBox")
            .ok()
            .and_then(|o| resolve(doc, o).as_array().ok())
            && a.len() == 4
        {
            let v: Vec<f64> = a.iter().filter_map(|o| num(resolve(doc, o))).collect();
            if v.len() == 4 {
                return ((v[2] - v[0]).abs(), (v[3] - v[1]).abs());
            }
        }
        node = d
            .get(b"Parent")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    (595.0, 842.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_bfchar_and_bfrange() {
        let cmap = b"1 beginbfchar\n<0003> <0020>\nendbfchar\n2 beginbfrange\n<0010> <0012> <4E00>\n<0020> <0021> [<0041> <00420043>]\nendbfrange";
        let mut m = HashMap::new();
        parse_cmap(cmap, &mut m);
        assert_eq!(m[&3], " ");
        assert_eq!(m[&0x11], "\u{4E01}");
        assert_eq!(m[&0x21], "BC");
    }

    #[test]
    fn matrices_compose_in_pdf_order() {
        let m = Mat::translate(10.0, 0.0).then(&Mat([2.0, 0.0, 0.0, 2.0, 5.0, 5.0]));
        assert_eq!(m.0, [2.0, 0.0, 0.0, 2.0, 25.0, 5.0]);
    }
}
