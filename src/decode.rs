//! Bytes to text: file-type sniffing, byte order marks, encoding detection.
//!
//! [`decode`] works in this order:
//!
//! 1. **Size.** More than [`MAX_INPUT_BYTES`] input bytes is
//!    [`ErrorKind::TooLarge`] (the limit is on the bytes, not on the decoded
//!    text, which is half as large again for GB18030 input).
//! 2. **Other file types.** [`sniff`] recognises PDF, DOCX/ZIP, old Office
//!    documents, images (PNG, JPEG, GIF), executables (ELF, PE) and gzip by
//!    their first bytes; they are [`ErrorKind::NotText`], with what to do.
//! 3. **Byte order marks.** UTF-8, UTF-16 LE/BE and UTF-32 LE/BE with a BOM
//!    are decoded as such (the BOM is removed).
//! 4. **Valid UTF-8** is UTF-8.
//! 5. **Otherwise** a real detector ([`chardetng`], the one of Firefox) tells
//!    GB18030 (GBK, GB2312) from Big5; the guess is decoded strictly (no
//!    replacement characters), then the other of the two. When neither
//!    decodes, the error names the first undecodable byte of the likelier
//!    one, with its line and column counted in the text decoded so far.
//!
//! [`decode_with`] skips detection for a named encoding (`--encoding`).
//! Line ends (LF, CRLF, CR) are left as they are: [`crate::lines`] accepts
//! all three, so spans keep referring to the decoded text unchanged.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::position::Position;

/// The encoding [`decode`] recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with a byte order mark (removed from the text).
    Utf8Bom,
    /// GB18030 / GBK / GB2312 (Simplified Chinese).
    Gb18030,
    /// Big5 (Traditional Chinese; the WHATWG Big5 with HKSCS).
    Big5,
    /// UTF-16 little endian (with a BOM, or named).
    Utf16Le,
    /// UTF-16 big endian (with a BOM, or named).
    Utf16Be,
    /// UTF-32 little endian (with a BOM, or named).
    Utf32Le,
    /// UTF-32 big endian (with a BOM, or named).
    Utf32Be,
}

impl Encoding {
    /// The name reported in `meta.encoding` and accepted by
    /// [`Encoding::from_name`]: `UTF-8`, `GB18030`, `Big5`, `UTF-16LE`,
    /// `UTF-16BE`, `UTF-32LE`, `UTF-32BE`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
        }
    }

    /// Whether this is UTF-8 (with or without BOM).
    pub fn is_utf8(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }

    /// The encoding of a name, case-insensitively: the names of
    /// [`Encoding::name`] and the usual labels (`utf8`, `gbk`, `gb2312`,
    /// `cp936`, `big5-hkscs`, `cp950`, `utf-16`, `utf-32` …; plain `utf-16`
    /// and `utf-32` mean little endian, as on Windows).
    pub fn from_name(name: &str) -> Option<Encoding> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        Some(match n.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "gb18030" | "gbk" | "gb2312" | "cp936" | "windows-936" | "euc-cn" | "x-gbk" => {
                Encoding::Gb18030
            }
            "big5" | "big5-hkscs" | "cp950" | "windows-950" | "x-x-big5" => Encoding::Big5,
            "utf-16le" | "utf16le" | "utf-16" | "utf16" | "ucs-2" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "utf-32le" | "utf32le" | "utf-32" | "utf32" => Encoding::Utf32Le,
            "utf-32be" | "utf32be" => Encoding::Utf32Be,
            _ => return None,
        })
    }
}

/// What the first bytes of an input say it is ([`sniff`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Sniffed {
    /// Nothing recognised: treat as text.
    Text,
    /// `%PDF-`.
    Pdf,
    /// A ZIP archive holding a Word document (`word/` inside).
    Docx,
    /// Another ZIP archive (XLSX, ODT, a plain archive …).
    Zip,
    /// An OLE2 compound file: Word 97–2003 `.doc`, `.xls`, `.wps`.
    OleDocument,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A Linux/Unix executable or shared library.
    Elf,
    /// A Windows executable or DLL.
    Pe,
    /// gzip-compressed data.
    Gzip,
}

impl Sniffed {
    /// Whether the input is some other kind of file, not text.
    pub fn is_binary(self) -> bool {
        self != Sniffed::Text
    }

    /// What it is, for messages: `a PDF document`, `a PNG image` ….
    pub fn what(self) -> &'static str {
        match self {
            Sniffed::Text => "text",
            Sniffed::Pdf => "a PDF document",
            Sniffed::Docx => "a Word document (.docx)",
            Sniffed::Zip => "a ZIP archive (or an office document inside one)",
            Sniffed::OleDocument => "an old Office document (.doc/.xls/.wps)",
            Sniffed::Png => "a PNG image",
            Sniffed::Jpeg => "a JPEG image",
            Sniffed::Gif => "a GIF image",
            Sniffed::Elf => "an ELF executable or library",
            Sniffed::Pe => "a Windows executable or DLL",
            Sniffed::Gzip => "gzip-compressed data",
        }
    }

    /// What to do instead.
    pub fn hint(self) -> &'static str {
        match self {
            Sniffed::Text => "",
            Sniffed::Pdf => {
                "build with the cargo feature `pdf` (or use the `ogi` command built with it, \
                 which reads PDFs), or convert it first with `pdftotext -layout report.pdf`"
            }
            Sniffed::Docx => {
                "save it as plain text (.txt, UTF-8) from the word processor, \
                 or convert it with `pandoc -t plain report.docx`"
            }
            Sniffed::Zip => "unpack it and parse the report files inside",
            Sniffed::OleDocument => {
                "save it as plain text (.txt, UTF-8) from the office program, \
                 or convert it with `libreoffice --headless --convert-to txt`"
            }
            Sniffed::Png | Sniffed::Jpeg | Sniffed::Gif => {
                "a scanned report needs OCR first (for example \
                 `tesseract page.png out -l chi_sim`), then parse the text"
            }
            Sniffed::Elf | Sniffed::Pe => "give the report's text file, not a program",
            Sniffed::Gzip => "decompress it first (`gunzip`)",
        }
    }

    /// The error for this kind of file (`None` for [`Sniffed::Text`]).
    pub fn error(self) -> Option<Error> {
        self.is_binary().then(|| {
            Error::without_position(ErrorKind::NotText {
                what: self.what(),
                hint: self.hint(),
            })
        })
    }
}

/// Recognises other kinds of file by their magic bytes.
///
/// ```
/// use ogi_report::decode::{sniff, Sniffed};
/// assert_eq!(sniff(b"%PDF-1.7\n..."), Sniffed::Pdf);
/// assert_eq!(sniff(b"\x7FELF\x02\x01\x01"), Sniffed::Elf);
/// assert_eq!(sniff("一、总体情况".as_bytes()), Sniffed::Text);
/// ```
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"%PDF-") {
        Sniffed::Pdf
    } else if head.starts_with(b"PK\x03\x04") {
        if memchr::memmem::find(head, b"word/").is_some() {
            Sniffed::Docx
        } else {
            Sniffed::Zip
        }
    } else if head.starts_with(b"PK\x05\x06") {
        Sniffed::Zip
    } else if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Sniffed::OleDocument
    } else if head.starts_with(b"\x89PNG\r\n\x1A\n") {
        Sniffed::Png
    } else if head.starts_with(b"\xFF\xD8\xFF") {
        Sniffed::Jpeg
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Sniffed::Gif
    } else if head.starts_with(b"\x7FELF") {
        Sniffed::Elf
    } else if head.starts_with(b"MZ") && head.len() >= 64 && head[2..64].contains(&0) {
        // a DOS header is 64 bytes of mostly binary fields; text starting
        // with "MZ" has no NUL there
        Sniffed::Pe
    } else if head.starts_with(b"\x1F\x8B\x08") {
        Sniffed::Gzip
    } else {
        Sniffed::Text
    }
}

/// The largest input accepted, in bytes (64 MiB), counted on the input
/// bytes before decoding.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Decodes `bytes` to text, detecting the encoding (see the module docs).
///
/// ```
/// use ogi_report::decode::{decode, Encoding};
/// let (text, enc) = decode(b"\xEF\xBB\xBF\xE4\xB8\x80").unwrap();
/// assert_eq!((text.as_ref(), enc), ("一", Encoding::Utf8Bom));
/// // 总体情况 in GBK
/// let (text, enc) = decode(b"\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6").unwrap();
/// assert_eq!((text.as_ref(), enc), ("总体情况", Encoding::Gb18030));
/// // 一、 in UTF-16LE with its BOM
/// let (text, enc) = decode(b"\xFF\xFE\x00\x4E\x01\x30").unwrap();
/// assert_eq!((text.as_ref(), enc), ("一、", Encoding::Utf16Le));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Error> {
    check_input(bytes)?;
    if let Some((enc, bom)) = bom(bytes) {
        return decode_as(&bytes[bom..], enc, bom).map(|t| (t, enc));
    }
    let utf8_err = match utf8(bytes) {
        Ok(s) => return Ok((Cow::Borrowed(s), Encoding::Utf8)),
        Err(e) => e,
    };
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    let order = if guess == encoding_rs::BIG5 {
        [Encoding::Big5, Encoding::Gb18030]
    } else {
        [Encoding::Gb18030, Encoding::Big5]
    };
    let mut first_err = None;
    for enc in order {
        match decode_as(bytes, enc, 0) {
            Ok(text) => return Ok((text, enc)),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    // report the likelier encoding's error, or where UTF-8 failed when the
    // input looks like UTF-8 broken early (a stray byte in a UTF-8 file)
    let err = first_err.unwrap_or_else(|| invalid_utf8(bytes, 0));
    if utf8_err.valid_up_to() > err.offset() {
        return Err(invalid_utf8(bytes, utf8_err.valid_up_to()));
    }
    Err(err)
}

/// Decodes `bytes` as `encoding` (no detection). A BOM of that encoding is
/// removed; offsets in errors count from the start of `bytes`.
///
/// ```
/// use ogi_report::decode::{decode_with, Encoding};
/// // 政府 in Big5
/// let text = decode_with(b"\xAC\x46\xA9\xB2", Encoding::Big5).unwrap();
/// assert_eq!(text, "政府");
/// ```
pub fn decode_with(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, Error> {
    check_input(bytes)?;
    let skip = match bom(bytes) {
        Some((enc, n)) if enc == encoding || (enc.is_utf8() && encoding.is_utf8()) => n,
        _ => 0,
    };
    decode_as(&bytes[skip..], encoding, skip)
}

/// `bytes` as UTF-8: validated by `simdutf8` (SIMD, several times faster
/// than the standard library on CJK text, where it is the one pass over the
/// whole input), and by the standard library again only when invalid, for
/// the error's position.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

fn check_input(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::without_position(ErrorKind::TooLarge {
            len: bytes.len(),
            limit: MAX_INPUT_BYTES,
        }));
    }
    match sniff(bytes).error() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The encoding of a byte order mark and the BOM's length.
fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    // UTF-32LE's BOM starts with UTF-16LE's: test it first
    if bytes.starts_with(b"\xFF\xFE\x00\x00") {
        Some((Encoding::Utf32Le, 4))
    } else if bytes.starts_with(b"\x00\x00\xFE\xFF") {
        Some((Encoding::Utf32Be, 4))
    } else if bytes.starts_with(b"\xEF\xBB\xBF") {
        Some((Encoding::Utf8Bom, 3))
    } else if bytes.starts_with(b"\xFF\xFE") {
        Some((Encoding::Utf16Le, 2))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some((Encoding::Utf16Be, 2))
    } else {
        None
    }
}

/// Strictly decodes `bytes` (which start at input offset `base`).
fn decode_as(bytes: &[u8], enc: Encoding, base: usize) -> Result<Cow<'_, str>, Error> {
    let rs = match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            return match utf8(bytes) {
                Ok(s) => Ok(Cow::Borrowed(s)),
                Err(e) => Err(invalid_at(
                    bytes,
                    base,
                    e.valid_up_to(),
                    &bytes[..e.valid_up_to()],
                )),
            };
        }
        Encoding::Utf32Le | Encoding::Utf32Be => return decode_utf32(bytes, enc, base),
        Encoding::Gb18030 => encoding_rs::GB18030,
        Encoding::Big5 => encoding_rs::BIG5,
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
    };
    let mut decoder = rs.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3))
        .saturating_add(16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(Cow::Owned(out)),
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            // `read` is past the malformed sequence and `out` holds the text
            // decoded before it: count the column in that text
            let at = read.saturating_sub(bad as usize);
            Err(invalid_decoded(bytes, base, at, &out))
        }
        // the capacity above is enough; treat the impossible as invalid input
        encoding_rs::DecoderResult::OutputFull => Err(invalid_decoded(bytes, base, 0, "")),
    }
}

fn decode_utf32(bytes: &[u8], enc: Encoding, base: usize) -> Result<Cow<'_, str>, Error> {
    let mut out = String::with_capacity(bytes.len());
    let mut chunks = bytes.chunks_exact(4);
    for (i, c) in chunks.by_ref().enumerate() {
        let b = [c[0], c[1], c[2], c[3]];
        let v = if enc == Encoding::Utf32Le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        };
        match char::from_u32(v) {
            Some(ch) => out.push(ch),
            None => return Err(invalid_decoded(bytes, base, i * 4, &out)),
        }
    }
    if !chunks.remainder().is_empty() {
        let at = bytes.len() - chunks.remainder().len();
        return Err(invalid_decoded(bytes, base, at, &out));
    }
    Ok(Cow::Owned(out))
}

fn invalid_utf8(bytes: &[u8], at: usize) -> Error {
    invalid_at(bytes, 0, at, &bytes[..at])
}

/// The error for the undecodable byte `bytes[at]`, `prefix_utf8` being the
/// valid UTF-8 before it.
fn invalid_at(bytes: &[u8], base: usize, at: usize, prefix_utf8: &[u8]) -> Error {
    let prefix = std::str::from_utf8(prefix_utf8).unwrap_or("");
    invalid_decoded(bytes, base, at, prefix)
}

/// The error for the undecodable byte `bytes[at]`, `decoded` being the text
/// decoded before it: line and column are counted in that text, the offset
/// is in the input bytes.
fn invalid_decoded(bytes: &[u8], base: usize, at: usize, decoded: &str) -> Error {
    let at = at.min(bytes.len());
    let pos = Position::of(decoded, decoded.len());
    Error::new(
        ErrorKind::InvalidEncoding {
            byte: bytes.get(at).copied().unwrap_or(0),
        },
        Position {
            offset: base + at,
            ..pos
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode("一、总体情况".as_bytes()).unwrap().1, Encoding::Utf8);
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().0, "abc");
    }

    #[test]
    fn gbk() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("一、总体情况\r\n无。");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Gb18030);
        assert_eq!(text, "一、总体情况\r\n无。");
    }

    #[test]
    fn big5_is_detected() {
        let text = "一、總體情況\n本機關依照《中華民國政府資訊公開法》辦理政府資訊公開工作，\
                    本年度受理申請案件共計十二件，均已依法處理完畢。\n";
        let (bytes, _, unmappable) = encoding_rs::BIG5.encode(text);
        assert!(!unmappable);
        let (back, enc) = decode(&bytes).unwrap();
        assert_eq!(enc, Encoding::Big5);
        assert_eq!(back, text);
    }

    #[test]
    fn utf16_and_utf32_with_bom() {
        let text = "一、总体情况\r\n无。";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        let mut le32 = vec![0xFF, 0xFE, 0, 0];
        let mut be32 = vec![0, 0, 0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for c in text.chars() {
            le32.extend((c as u32).to_le_bytes());
            be32.extend((c as u32).to_be_bytes());
        }
        for (bytes, enc) in [
            (le, Encoding::Utf16Le),
            (be, Encoding::Utf16Be),
            (le32, Encoding::Utf32Le),
            (be32, Encoding::Utf32Be),
        ] {
            let (back, got) = decode(&bytes).unwrap();
            assert_eq!((back.as_ref(), got), (text, enc));
            assert_eq!(decode_with(&bytes, enc).unwrap(), text);
        }
    }

    #[test]
    fn garbage_names_offset() {
        let err = decode(b"ab\ncd\xFF\xFFxyz").unwrap_err();
        assert_eq!(err.position().offset, 5);
        assert_eq!(err.position().line, 2);
        assert_eq!(err.position().column, 3);
        assert!(matches!(
            err.kind(),
            ErrorKind::InvalidEncoding { byte: 0xFF }
        ));
    }

    #[test]
    fn gbk_bad_byte_column_counts_characters() {
        let (mut bytes, _, _) = encoding_rs::GB18030.encode("一、总体情况");
        let mut bytes = bytes.to_mut().clone();
        bytes.push(0xFF);
        let err = decode(&bytes).unwrap_err();
        assert_eq!((err.line(), err.column(), err.offset()), (1, 7, 12));
    }

    #[test]
    fn too_large_has_no_position() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let err = decode(&big).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooLarge { .. }));
        assert_eq!(err.location(), None);
        assert_eq!((err.line(), err.column()), (0, 0));
        assert!(!err.to_string().contains("line"));
    }

    #[test]
    fn magic_bytes() {
        for (bytes, want) in [
            (&b"%PDF-1.4\n%\xE2\xE3"[..], Sniffed::Pdf),
            (
                b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
                Sniffed::Docx,
            ),
            (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", Sniffed::Zip),
            (b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR", Sniffed::Png),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", Sniffed::Jpeg),
            (b"GIF89a\x01\0\x01\0", Sniffed::Gif),
            (b"\x7FELF\x02\x01\x01\0", Sniffed::Elf),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
                Sniffed::OleDocument,
            ),
            (b"\x1F\x8B\x08\0\0\0\0\0", Sniffed::Gzip),
        ] {
            assert_eq!(sniff(bytes), want);
            let err = decode(bytes).unwrap_err();
            assert!(matches!(err.kind(), ErrorKind::NotText { .. }), "{err}");
            assert!(err.to_string().contains(want.what()), "{err}");
        }
        let mut pe = b"MZ\x90\0\x03\0\0\0".to_vec();
        pe.resize(128, 0);
        assert_eq!(sniff(&pe), Sniffed::Pe);
        // text that happens to start like a magic number
        assert_eq!(sniff(b"MZ is a name"), Sniffed::Text);
        assert_eq!(sniff(b"PK-1 report"), Sniffed::Text);
        let pdf = decode(b"%PDF-1.7\n").unwrap_err().to_string();
        assert!(
            pdf.contains("pdftotext -layout") && pdf.contains("`pdf`"),
            "{pdf}"
        );
    }

    #[test]
    fn named_encodings() {
        assert_eq!(Encoding::from_name("GBK"), Some(Encoding::Gb18030));
        assert_eq!(Encoding::from_name("big5"), Some(Encoding::Big5));
        assert_eq!(Encoding::from_name("UTF_16"), Some(Encoding::Utf16Le));
        assert_eq!(Encoding::from_name("latin1"), None);
        // 总体 in GBK is also valid Big5: naming the encoding decides
        let gbk = b"\xD7\xDC\xCC\xE5";
        assert_eq!(decode_with(gbk, Encoding::Gb18030).unwrap(), "总体");
        assert!(decode_with("一".as_bytes(), Encoding::Gb18030).is_ok());
        assert!(decode_with(b"\xFF\xFF", Encoding::Utf8).is_err());
    }
}
