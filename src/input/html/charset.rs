//! Bytes to text: is it a page ([`sniff`]), and in which charset
//! ([`decode`]: a BOM, the `<meta>` charset, UTF-8, GB18030).

use crate::error::Error;

/// How far into the page [`decode`] looks for a `<meta>` charset.
const PRESCAN_BYTES: usize = 4096;

/// True when `bytes` look like an HTML page: after a BOM, white space and
/// comments, they start with `<!DOCTYPE`, `<html`, `<head`, `<body`,
/// `<meta`, `<table`, `<div` or `<p`.
///
/// ```
/// use ogi_report::input::html::sniff;
/// assert!(sniff(b"\xEF\xBB\xBF  <!-- saved -->\n<!DOCTYPE html><html>"));
/// assert!(sniff(b"<P class=MsoNormal>"));
/// assert!(!sniff("一、总体情况".as_bytes()));
/// assert!(!sniff(b"<pre>"));
/// ```
pub fn sniff(bytes: &[u8]) -> bool {
    let mut b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        let skip = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
        b = &b[skip..];
        if b.starts_with(b"<!--") {
            match memchr::memmem::find(b, b"-->") {
                Some(end) => b = &b[end + 3..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let head: Vec<u8> = b.iter().take(10).map(u8::to_ascii_lowercase).collect();
    let tag = |name: &[u8]| {
        head.starts_with(name)
            && head
                .get(name.len())
                .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
    };
    head.starts_with(b"<!doctype")
        || ["<html", "<head", "<body", "<meta", "<table", "<div", "<p"]
            .iter()
            .any(|t| tag(t.as_bytes()))
}

/// Decodes an HTML page: BOM, then the `<meta>` charset, then UTF-8, then
/// GB18030. A declared charset is decoded the way a browser does (an
/// undecodable byte becomes U+FFFD); without one the page must be UTF-8 or
/// GB18030 (see [`crate::decode::decode`]).
///
/// ```
/// let (page, _, _) = encoding_rs::GBK.encode("<meta charset=\"gb2312\"><p>一、总体情况</p>");
/// let text = ogi_report::input::html::decode(&page).unwrap();
/// assert!(text.contains("一、总体情况"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if bytes.len() > crate::decode::MAX_INPUT_BYTES {
        return crate::decode::decode(bytes).map(|(t, _)| t.into_owned());
    }
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(text.into_owned());
    }
    if let Some(enc) = prescan_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        // a page declaring UTF-16 is in fact ASCII-compatible (HTML rule)
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    crate::decode::decode(bytes).map(|(t, _)| t.into_owned())
}

/// The charset named by the first `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` of `head`.
fn prescan_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .take_while(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b':')
                    })
                    .copied()
                    .collect();
                if let Some(enc) = encoding_rs::Encoding::for_label(&label) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 5);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_prescan() {
        assert_eq!(
            prescan_charset(
                b"<META http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">"
            ),
            Some(encoding_rs::GBK)
        );
        assert_eq!(
            prescan_charset(b"<meta charset='utf-8'>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(prescan_charset(b"<meta name=x>"), None);
    }
}
