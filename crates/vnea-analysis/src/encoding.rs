//! Source files arrive as bytes; those that are not UTF-8 get one `invalid-encoding`
//! diagnostic instead of being checked.

use vnea_syntax::{LineIndex, Span};

use crate::diagnostics::{Diagnostic, Rule};
use crate::messages::{Lang, Msg};

/// The text of a file read as `bytes`, or, when they are not UTF-8, the `invalid-encoding`
/// diagnostic for the file. The diagnostic sits at the start of the file (line 1, column 1),
/// since no position in undecodable text can be trusted; its message gives the offset, the
/// line and the value of the first bad byte.
pub fn decode(bytes: &[u8], lang: Lang) -> Result<&str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        // The prefix before the bad byte is valid, so its line count is exact.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = LineIndex::new(valid).line_count();
        let byte = format!("0x{:02X}", bytes[offset]);
        let message = Msg::InvalidEncoding.render(
            lang,
            &[("byte", &byte), ("offset", &offset), ("line", &line)],
        );
        Diagnostic::new(Rule::InvalidEncoding, message, Span::empty(0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_decoded() {
        assert_eq!(decode("dân cư".as_bytes(), Lang::Vi), Ok("dân cư"));
    }

    #[test]
    fn the_first_bad_byte_is_reported_at_the_start_of_the_file() {
        // "actor a\r\n" then Windows-1258 "ò" (0xF2).
        let diagnostic = decode(b"actor a\r\n\xF2", Lang::En).unwrap_err();
        assert_eq!(diagnostic.rule, Rule::InvalidEncoding);
        assert_eq!(diagnostic.span, Span::empty(0));
        assert_eq!(
            diagnostic.message,
            "the file is not valid UTF-8: invalid byte 0xF2 at offset 9 (line 2); save the file as UTF-8"
        );
    }
}
