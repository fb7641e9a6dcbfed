//! Bytes to text: BOM, UTF-8, GB18030.
//!
//! Detection order: a UTF-8 BOM, then valid UTF-8, then GB18030 (a superset
//! of GBK and GB2312) when it decodes without a single replacement
//! character. Anything else is an [`Error`] naming the first offending byte.
//! Line ends (LF, CRLF, CR) are left as they are: [`crate::lines`] accepts
//! all three, so spans keep referring to the decoded text unchanged.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::position::Position;

/// The encoding [`decode`] recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with a byte order mark (removed from the text).
    Utf8Bom,
    /// GB18030 / GBK / GB2312.
    Gb18030,
}

/// The largest input accepted, in bytes (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Decodes `bytes` to text.
///
/// ```
/// let (text, enc) = ogi_report::decode::decode(b"\xEF\xBB\xBF\xE4\xB8\x80").unwrap();
/// assert_eq!(text, "一");
/// assert_eq!(enc, ogi_report::decode::Encoding::Utf8Bom);
/// // 总体 in GBK
/// let (text, enc) = ogi_report::decode::decode(b"\xD7\xDC\xCC\xE5").unwrap();
/// assert_eq!((text.as_ref(), enc), ("总体", ogi_report::decode::Encoding::Gb18030));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                len: bytes.len(),
                limit: MAX_INPUT_BYTES,
            },
            Position {
                offset: MAX_INPUT_BYTES,
                line: 0,
                column: 0,
            },
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((Cow::Borrowed(s), Encoding::Utf8Bom)),
            Err(e) => Err(invalid(bytes, 3 + e.valid_up_to())),
        };
    }
    let utf8_err = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((Cow::Borrowed(s), Encoding::Utf8)),
        Err(e) => e,
    };
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok((Cow::Owned(out), Encoding::Gb18030)),
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            // `read` is past the malformed sequence; report where it starts,
            // or where UTF-8 failed if that is earlier (likelier UTF-8 text)
            let gb_at = read.saturating_sub(bad as usize);
            Err(invalid(bytes, gb_at.max(utf8_err.valid_up_to())))
        }
        encoding_rs::DecoderResult::OutputFull => unreachable_output_full(bytes),
    }
}

// `decode_to_string_without_replacement` grows the string as needed and never
// reports OutputFull; treat it as invalid input rather than panicking.
fn unreachable_output_full(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Error> {
    Err(invalid(bytes, 0))
}

fn invalid(bytes: &[u8], offset: usize) -> Error {
    let offset = offset.min(bytes.len());
    // position in the (undecodable) bytes: count lines over the valid prefix
    let prefix = String::from_utf8_lossy(&bytes[..offset]);
    let pos = Position::of(&prefix, prefix.len());
    Error::new(
        ErrorKind::InvalidEncoding {
            byte: bytes.get(offset).copied().unwrap_or(0),
        },
        Position { offset, ..pos },
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
    fn garbage_names_offset() {
        let err = decode(b"ab\ncd\xFF\xFFxyz").unwrap_err();
        assert_eq!(err.position().offset, 5);
        assert_eq!(err.position().line, 2);
        assert!(matches!(
            err.kind(),
            ErrorKind::InvalidEncoding { byte: 0xFF }
        ));
    }
}
