//! LSP positions ⇄ byte offsets over a [`Rope`], in the negotiated position encoding.
//!
//! Lines end at `\n`, `\r\n` or `\r` (ropey's `cr_lines`), as in LSP. Out-of-range positions
//! are clamped: a column past the end of its line means the end of the line, a line past the
//! last means the end of the text, and a column inside a character (half of a UTF-16 surrogate
//! pair, a byte inside a UTF-8 sequence) means that character's start.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};
use vnea_syntax::Span;

/// How the columns of positions are counted: the encoding negotiated at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes): chosen when the client offers it.
    Utf8,
    /// UTF-16 code units: LSP's default.
    Utf16,
}

impl Encoding {
    /// The encoding to use with a client that offers `offered` (in its order of preference):
    /// UTF-8 if it is offered, else UTF-16, the one every client supports.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The encoding's name in LSP.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// The char range of line `line`'s content (without its line break); `None` past the last line.
fn line_chars(rope: &Rope, line: usize) -> Option<(usize, usize)> {
    if line >= rope.len_lines() {
        return None;
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
        if len > 0 && slice.char(len - 1) == '\r' {
            len -= 1;
        }
    } else if len > 0 && slice.char(len - 1) == '\r' {
        len -= 1;
    }
    Some((start, start + len))
}

/// The char index of `position`, clamped as the module says.
pub fn char_index(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let Some((start, end)) = line_chars(rope, position.line as usize) else {
        return rope.len_chars();
    };
    let column = position.character as usize;
    match encoding {
        Encoding::Utf16 => {
            let first = rope.char_to_utf16_cu(start);
            let last = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char((first + column).min(last))
        }
        Encoding::Utf8 => {
            let first = rope.char_to_byte(start);
            let last = rope.char_to_byte(end);
            rope.byte_to_char((first + column).min(last))
        }
    }
}

/// The byte offset of `position`, clamped as the module says.
pub fn offset(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    rope.char_to_byte(char_index(rope, position, encoding))
}

/// The position of byte `offset`. An offset past the end is the end; one inside a character is
/// that character's start; one inside a `\r\n` line break is the end of its line.
pub fn position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let char = rope.byte_to_char(offset.min(rope.len_bytes()));
    let line = rope.char_to_line(char);
    let (start, end) = line_chars(rope, line).expect("the line of a char exists");
    let char = char.min(end);
    let column = match encoding {
        Encoding::Utf16 => rope.char_to_utf16_cu(char) - rope.char_to_utf16_cu(start),
        Encoding::Utf8 => rope.char_to_byte(char) - rope.char_to_byte(start),
    };
    Position::new(line as u32, column as u32)
}

/// The range of byte span `span`.
pub fn range(rope: &Rope, span: Span, encoding: Encoding) -> Range {
    Range::new(
        position(rope, span.start, encoding),
        position(rope, span.end, encoding),
    )
}

/// The byte span of `range` (an end before the start is taken as the start).
pub fn span(rope: &Rope, range: Range, encoding: Encoding) -> Span {
    let start = offset(rope, range.start, encoding);
    let end = offset(rope, range.end, encoding).max(start);
    Span::new(start, end)
}

/// The length of line `line`'s content (without its line break) in `encoding`'s units; 0 past
/// the last line.
pub fn line_len(rope: &Rope, line: u32, encoding: Encoding) -> u32 {
    let Some((start, end)) = line_chars(rope, line as usize) else {
        return 0;
    };
    units(rope, start, end, encoding)
}

/// The length of `span` in `encoding`'s units, line breaks included (an end past the text is
/// the end of the text).
pub fn len(rope: &Rope, span: Span, encoding: Encoding) -> u32 {
    let char = |offset: usize| rope.byte_to_char(offset.min(rope.len_bytes()));
    units(rope, char(span.start), char(span.end), encoding)
}

/// The units of `encoding` between chars `start` and `end`.
fn units(rope: &Rope, start: usize, end: usize, encoding: Encoding) -> u32 {
    let count = match encoding {
        Encoding::Utf16 => rope.char_to_utf16_cu(end) - rope.char_to_utf16_cu(start),
        Encoding::Utf8 => rope.char_to_byte(end) - rope.char_to_byte(start),
    };
    count as u32
}

/// The range that covers all of `rope`.
pub fn whole(rope: &Rope, encoding: Encoding) -> Range {
    Range::new(
        Position::new(0, 0),
        position(rope, rope.len_bytes(), encoding),
    )
}

#[cfg(test)]
mod tests {
    use vnea_syntax::LineIndex;
    use vnea_syntax::line_index::{Encoding as Columns, LineCol};

    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    const TEXT: &str = "dân cư 😀 x\r\nđ\rb\n\n🇻🇳ư";

    #[test]
    fn vietnamese_emoji_and_every_line_end() {
        let rope = Rope::from_str(TEXT);
        let x = TEXT.find('x').unwrap();
        // "dân cư 😀 " is 9 chars, 10 UTF-16 units (the emoji is a surrogate pair), 14 bytes.
        assert_eq!(position(&rope, x, Encoding::Utf16), pos(0, 10));
        assert_eq!(position(&rope, x, Encoding::Utf8), pos(0, 14));
        assert_eq!(offset(&rope, pos(0, 10), Encoding::Utf16), x);
        assert_eq!(offset(&rope, pos(0, 14), Encoding::Utf8), x);
        let b = TEXT.find('b').unwrap();
        assert_eq!(position(&rope, b, Encoding::Utf16), pos(2, 0));
        assert_eq!(offset(&rope, pos(2, 0), Encoding::Utf16), b);
        assert_eq!(position(&rope, TEXT.len(), Encoding::Utf16), pos(4, 5));
        assert_eq!(position(&rope, TEXT.len(), Encoding::Utf8), pos(4, 10));
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let rope = Rope::from_str(TEXT);
        let line_end = TEXT.find('\r').unwrap();
        assert_eq!(offset(&rope, pos(0, 99), Encoding::Utf16), line_end);
        assert_eq!(offset(&rope, pos(0, 99), Encoding::Utf8), line_end);
        assert_eq!(offset(&rope, pos(99, 0), Encoding::Utf16), TEXT.len());
        assert_eq!(position(&rope, 10_000, Encoding::Utf16), pos(4, 5));
        // Half a surrogate pair, or a byte inside a character: the character's start.
        let emoji = TEXT.find('😀').unwrap();
        assert_eq!(offset(&rope, pos(0, 8), Encoding::Utf16), emoji);
        assert_eq!(offset(&rope, pos(0, 10), Encoding::Utf8), emoji);
        assert_eq!(position(&rope, emoji + 2, Encoding::Utf16), pos(0, 7));
        // Inside `\r\n`: the end of the line.
        assert_eq!(position(&rope, line_end + 1, Encoding::Utf16), pos(0, 11));
        // An end before the start.
        let reversed = Range::new(pos(1, 1), pos(0, 0));
        assert_eq!(span(&rope, reversed, Encoding::Utf16).len(), 0);
    }

    /// Both directions agree with the line index of `vnea-syntax` at every character boundary
    /// and every column of every line.
    #[test]
    fn agrees_with_the_line_index() {
        let texts = [
            TEXT,
            "",
            "\r\n",
            "a\r\r\nb",
            "ư\u{10348}ơ\n\u{1F600}",
            "Bộ Y tế\r\n  ứng dụng 🏥 \"Hệ thống\"\r\n",
        ];
        for text in texts {
            let rope = Rope::from_str(text);
            let index = LineIndex::new(text);
            for (encoding, columns) in [
                (Encoding::Utf16, Columns::Utf16),
                (Encoding::Utf8, Columns::Utf8),
            ] {
                for (offset_, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let expected = index.line_col(offset_, columns);
                    let got = position(&rope, offset_, encoding);
                    if !text[..offset_].ends_with('\r') || !text[offset_..].starts_with('\n') {
                        assert_eq!((got.line, got.character), (expected.line, expected.col));
                    }
                }
                for line in 0..index.line_count() as u32 + 1 {
                    for col in 0..12 {
                        let expected = index.offset(LineCol { line, col }, columns);
                        assert_eq!(
                            offset(&rope, pos(line, col), encoding),
                            expected,
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn lengths_of_lines_and_spans() {
        let rope = Rope::from_str(TEXT);
        assert_eq!(line_len(&rope, 0, Encoding::Utf16), 11);
        assert_eq!(line_len(&rope, 0, Encoding::Utf8), 15);
        assert_eq!(line_len(&rope, 3, Encoding::Utf16), 0);
        assert_eq!(line_len(&rope, 4, Encoding::Utf16), 5);
        assert_eq!(line_len(&rope, 9, Encoding::Utf16), 0);
        // From the emoji to "đ": the emoji (2 units), " x", CRLF (2), "đ".
        let from = TEXT.find('😀').unwrap();
        let to = TEXT.find('đ').unwrap() + 'đ'.len_utf8();
        assert_eq!(len(&rope, Span::new(from, to), Encoding::Utf16), 7);
        assert_eq!(
            len(&rope, Span::new(from, to), Encoding::Utf8),
            to as u32 - from as u32
        );
    }

    #[test]
    fn utf8_is_chosen_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&utf32)), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
