//! Positions in the decoded text, and the caret snippets of error messages.

use unicode_width::UnicodeWidthStr;

/// A position in text.
///
/// `offset` is a 0-based byte offset; `line` is 1-based; `column` is 1-based
/// and counts characters (not bytes, not display cells). The same
/// conventions as regex-syntax and csv.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Position {
    /// Byte offset, 0-based.
    pub offset: usize,
    /// Line, 1-based.
    pub line: u32,
    /// Column in characters, 1-based.
    pub column: u32,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text, and to a
    /// character boundary). Line ends are LF, CRLF or CR.
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // the one line index of the crate: the parser's locator
        let (mut line, mut column) = crate::lines::Locator::of_text(text).line_column(offset);
        // a CR just before offset whose LF is at offset ends the line here
        if offset > 0
            && text.as_bytes()[offset - 1] == b'\r'
            && text.as_bytes().get(offset) == Some(&b'\n')
        {
            line = line.saturating_add(1);
            column = 1;
        }
        Position {
            offset,
            line,
            column,
        }
    }
}

/// Renders `line_text` with a caret under character `column` (1-based), padded by
/// display width so the caret sits under the right CJK character.
pub fn caret_snippet(line_no: u32, line_text: &str, column: u32) -> String {
    let gutter = line_no.to_string();
    let pad = " ".repeat(gutter.len());
    let prefix: String = line_text
        .chars()
        .take(column.saturating_sub(1) as usize)
        .collect();
    let width = UnicodeWidthStr::width(prefix.as_str());
    format!(
        "{pad} |\n{gutter} | {line_text}\n{pad} | {}^",
        " ".repeat(width)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let t = "ab\r\n一二\rx\ny";
        assert_eq!(
            Position::of(t, 0),
            Position {
                offset: 0,
                line: 1,
                column: 1
            }
        );
        assert_eq!(
            Position::of(t, 7),
            Position {
                offset: 7,
                line: 2,
                column: 2
            }
        );
        assert_eq!(
            Position::of(t, 11),
            Position {
                offset: 11,
                line: 3,
                column: 1
            }
        );
        assert_eq!(Position::of(t, 13).line, 4);
        assert_eq!(Position::of(t, 999).offset, t.len());
    }

    #[test]
    fn caret_under_cjk() {
        let s = caret_snippet(3, "一二x", 3);
        assert!(s.ends_with("|     ^"), "{s}");
    }
}
