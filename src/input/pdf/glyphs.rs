//! Glyphs out of a PDF's content streams: the text operators interpreted
//! with their text and graphics state, each shown glyph mapped to Unicode
//! through its font's `ToUnicode` CMap (or its simple encoding) and placed
//! on the page.
//!
//! Only what reading a report needs is interpreted: text objects, text state,
//! the CTM (`cm`, `q`/`Q`), form XObjects (`Do`) and the straight lines of
//! painted paths (ruling lines, [`super::paths`]). Colours, curves and
//! images are skipped.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{Font, num, resolve};
use super::paths::Paths;
use crate::grid::positions::{Glyph, MAX_RULES, Rule};

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

impl Default for Mat {
    fn default() -> Self {
        Mat::ID
    }
}

impl Mat {
    const ID: Mat = Mat([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// The point `(x, y)` mapped by the matrix.
    fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

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

/// One page's glyphs and size.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageGlyphs {
    /// Page width and height in points (from the `MediaBox`).
    pub(crate) size: (f64, f64),
    /// The glyphs in content-stream order.
    pub(crate) glyphs: Vec<Glyph>,
    /// The straight lines drawn (ruling lines), in page space.
    pub(crate) rules: Vec<Rule>,
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

/// The state of one content stream being run.
#[derive(Default)]
struct State {
    gs: GState,
    stack: Vec<GState>,
    tm: Mat,
    tlm: Mat,
    font: Option<FontKey>,
    font_cache: HashMap<Vec<u8>, Option<FontKey>>,
}

impl State {
    /// `Q`.
    fn restore(&mut self) {
        if let Some(g) = self.stack.pop() {
            self.gs = g;
            self.font = self
                .gs
                .font
                .as_ref()
                .and_then(|n| self.font_cache.get(n).copied().flatten());
        }
    }

    /// `T*` (and the line move of `'` and `"`).
    fn next_line(&mut self) {
        self.tlm = Mat::translate(0.0, -self.gs.leading).then(&self.tlm);
        self.tm = self.tlm;
    }

    /// The text state and text position operators; false for any other.
    fn text_op(&mut self, operator: &str, a: &[Object]) -> bool {
        let f = |i: usize| a.get(i).and_then(num);
        match operator {
            "BT" => {
                self.tm = Mat::ID;
                self.tlm = Mat::ID;
            }
            "Tc" => self.gs.char_spacing = f(0).unwrap_or(0.0),
            "Tw" => self.gs.word_spacing = f(0).unwrap_or(0.0),
            "Tz" => self.gs.h_scale = f(0).unwrap_or(100.0) / 100.0,
            "TL" => self.gs.leading = f(0).unwrap_or(0.0),
            "Ts" => self.gs.rise = f(0).unwrap_or(0.0),
            "Td" | "TD" => {
                let (tx, ty) = (f(0).unwrap_or(0.0), f(1).unwrap_or(0.0));
                if operator == "TD" {
                    self.gs.leading = -ty;
                }
                self.tlm = Mat::translate(tx, ty).then(&self.tlm);
                self.tm = self.tlm;
            }
            "Tm" => {
                if let Some(m) = Mat::from_operands(a) {
                    self.tlm = m;
                    self.tm = m;
                }
            }
            "T*" => self.next_line(),
            _ => return false,
        }
        true
    }
}

/// The path construction and painting operators (others are ignored).
fn path_op(paths: &mut Paths, ctm: &Mat, operator: &str, a: &[Object]) {
    let f = |i: usize| a.get(i).and_then(num);
    let pt = |i: usize| Some(ctm.apply(f(i)?, f(i + 1)?));
    match operator {
        "m" => {
            if let Some(p) = pt(0) {
                paths.move_to(p);
            }
        }
        "l" => {
            if let Some(p) = pt(0) {
                paths.line_to(p);
            }
        }
        "c" | "v" | "y" => {
            if let Some(p) = pt(a.len().saturating_sub(2)) {
                paths.curve_to(p);
            }
        }
        "h" => paths.close(),
        "re" => {
            if let (Some(x), Some(y), Some(w), Some(h)) = (f(0), f(1), f(2), f(3)) {
                let c = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
                paths.rect(c.map(|(x, y)| ctm.apply(x, y)));
            }
        }
        "S" => paths.paint(true, false),
        "s" => {
            paths.close();
            paths.paint(true, false);
        }
        "f" | "F" | "f*" => paths.paint(false, true),
        "B" | "B*" | "b" | "b*" => paths.paint(true, true),
        "n" => paths.paint(false, false),
        _ => {}
    }
}

struct Interp<'a> {
    doc: &'a Document,
    fonts: HashMap<ObjectId, Font>,
    inline_fonts: Vec<Font>,
    out: Vec<Glyph>,
    paths: Paths,
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
        let mut st = State {
            gs: GState {
                ctm,
                ..GState::default()
            },
            ..State::default()
        };
        // one operation at a time: a huge stream is never held decoded
        for op in Content::decode_iter(content) {
            let Ok(op) = op else {
                return;
            };
            self.ops += 1;
            if self.ops > self.budget || self.out.len() >= MAX_GLYPHS {
                return;
            }
            let a = &op.operands;
            match op.operator.as_str() {
                "q" if st.stack.len() < 256 => st.stack.push(st.gs.clone()),
                "Q" => st.restore(),
                "cm" => {
                    if let Some(m) = Mat::from_operands(a) {
                        st.gs.ctm = m.then(&st.gs.ctm);
                    }
                }
                "Tf" => self.set_font(&mut st, a, resources),
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                        let gs = st.gs.clone();
                        self.form(name, resources, &gs, depth);
                    }
                }
                "Tj" | "'" | "\"" | "TJ" => self.show_op(&mut st, &op.operator, a),
                o => {
                    if !st.text_op(o, a) {
                        path_op(&mut self.paths, &st.gs.ctm, o, a);
                    }
                }
            }
        }
    }

    fn set_font(&mut self, st: &mut State, a: &[Object], resources: &[&'a Dictionary]) {
        if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
            let key = match st.font_cache.get(name) {
                Some(k) => *k,
                None => {
                    let k = self.font_key(resources, name);
                    st.font_cache.insert(name.to_vec(), k);
                    k
                }
            };
            st.font = key;
            st.gs.font = Some(name.to_vec());
        }
        st.gs.font_size = a.get(1).and_then(num).unwrap_or(0.0);
    }

    /// `Tj`, `'`, `"` and `TJ`.
    fn show_op(&mut self, st: &mut State, operator: &str, a: &[Object]) {
        let f = |i: usize| a.get(i).and_then(num);
        if operator == "TJ" {
            let Some(arr) = a.first().and_then(|o| o.as_array().ok()) else {
                return;
            };
            for item in arr {
                match item {
                    Object::String(s, _) => self.show(s, &st.gs, st.font, &mut st.tm),
                    o => {
                        if let Some(adj) = num(o) {
                            let tx = -adj / 1000.0 * st.gs.font_size * st.gs.h_scale;
                            st.tm = Mat::translate(tx, 0.0).then(&st.tm);
                        }
                    }
                }
            }
            return;
        }
        if operator != "Tj" {
            if operator == "\"" {
                st.gs.word_spacing = f(0).unwrap_or(0.0);
                st.gs.char_spacing = f(1).unwrap_or(0.0);
            }
            st.next_line();
        }
        if let Some(s) = a.last().and_then(|o| o.as_str().ok()) {
            self.show(s, &st.gs, st.font, &mut st.tm);
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
        paths: Paths::default(),
        ops: 0,
        budget: 0,
    };
    let mut pages = Vec::new();
    for (_, id) in doc.get_pages().into_iter().take(MAX_PAGES) {
        let size = media_box(doc, id);
        let Ok(content) = doc.get_page_content_with_limit(id, MAX_CONTENT_BYTES) else {
            pages.push(PageGlyphs {
                size,
                ..PageGlyphs::default()
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
        interp.paths = Paths::new(MAX_RULES);
        let before = interp.out.len();
        interp.run(&content, &res, Mat::ID, 0);
        let glyphs = interp.out.split_off(before);
        let rules = std::mem::take(&mut interp.paths.rules);
        pages.push(PageGlyphs {
            size,
            glyphs,
            rules,
        });
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
    fn matrices_compose_in_pdf_order() {
        let m = Mat::translate(10.0, 0.0).then(&Mat([2.0, 0.0, 0.0, 2.0, 5.0, 5.0]));
        assert_eq!(m.0, [2.0, 0.0, 0.0, 2.0, 25.0, 5.0]);
    }
}
