//! Character classes of the format, shared by every layer (the model's
//! text comparison included).

/// White space for this format: Unicode white space (which includes U+3000
/// and NBSP), plus the zero-width characters word processors leave behind.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{200c}' | '\u{200d}')
}
