//! `ToUnicode` CMaps: the `bfchar` and `bfrange` sections that map a font's
//! codes to Unicode text.

use std::collections::HashMap;

/// At most this many tokens are read from one CMap.
const MAX_TOKENS: usize = 400_000;

#[derive(Debug, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Word(Vec<u8>),
    Open,
    Close,
}

/// Splits a CMap into hex strings, words and brackets (comments dropped).
fn tokens(data: &[u8]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while i < data.len() && toks.len() < MAX_TOKENS {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                toks.push(Tok::Hex(hex_bytes(&data[i + 1..end])));
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
    toks
}

/// The bytes of a hex string's digits (other characters skipped; an odd
/// last digit is followed by 0).
fn hex_bytes(s: &[u8]) -> Vec<u8> {
    let hex: Vec<u8> = s
        .iter()
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    hex.chunks(2)
        .map(|c| (c[0] << 4) | c.get(1).copied().unwrap_or(0))
        .collect()
}

/// A source code: its first four bytes, big-endian.
fn code(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, &x| (a << 8) | u32::from(x))
}

fn units(b: &[u8]) -> Vec<u16> {
    b.chunks(2)
        .map(|c| (u16::from(c[0]) << 8) | u16::from(c.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16(b: &[u8]) -> String {
    String::from_utf16_lossy(&units(b))
}

/// Reads the `bfchar` and `bfrange` sections of a `ToUnicode` CMap.
pub(super) fn parse_cmap(data: &[u8], out: &mut HashMap<u32, String>) {
    let toks = tokens(data);
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
            Tok::Hex(_) if mode == 2 => k = bfrange(&toks, k, out),
            _ => {}
        }
        k += 1;
    }
}

/// Reads one `bfrange` entry starting at token `k` (`<lo> <hi> <dst>` or
/// `<lo> <hi> [<d1> <d2> …]`); returns the index of its last token.
fn bfrange(toks: &[Tok], k: usize, out: &mut HashMap<u32, String>) -> usize {
    let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(dst)) =
        (toks.get(k), toks.get(k + 1), toks.get(k + 2))
    else {
        return k;
    };
    let (lo, hi) = (code(lo), code(hi));
    let hi = hi.min(lo.saturating_add(0xFFFF));
    match dst {
        Tok::Hex(d) => {
            let mut units = units(d);
            for c in lo..=hi {
                out.insert(c, String::from_utf16_lossy(&units));
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(1);
                }
            }
            k + 2
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
            j
        }
        _ => k,
    }
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
    fn broken_cmaps_read_what_they_can() {
        let mut m = HashMap::new();
        parse_cmap(b"beginbfrange <00> <FFFFFFFF> <0041", &mut m);
        assert_eq!(m.len(), 0x10000);
        m.clear();
        parse_cmap(b"beginbfchar <01> <4E0", &mut m);
        assert_eq!(m[&1], "\u{4E00}");
        parse_cmap(b"beginbfrange <01> <02> [ <0041> ] <", &mut m);
        assert_eq!(m[&1], "A");
    }
}
