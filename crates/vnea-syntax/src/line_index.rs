//! Byte offsets ⇄ (line, column), with columns in UTF-8 bytes, UTF-16 code units or Unicode
//! characters. Lines end at `\n`, `\r\n` or `\r`, the three line ends LSP recognises.

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (LSP's default).
    Utf16,
    /// Unicode scalar values (characters).
    Utf32,
}

/// A zero-based line and column, the column counted in the encoding the caller chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// Zero-based line number.
    pub line: u32,
    /// Zero-based column.
    pub col: u32,
}

/// The line starts of a text, with the text itself for column conversions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    text: Box<str>,
    /// Byte offset at which each line starts; the first is 0.
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while let Some(pos) = memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            line_starts.push(next);
            i = next;
        }
        LineIndex {
            text: text.into(),
            line_starts,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of line `line` without its line break; `None` past the last line.
    pub fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > start && line + 1 < self.line_starts.len() {
            end -= 1;
            if bytes[end] == b'\n' && end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        Some(start..end)
    }

    /// The line and column of byte `offset`, the column counted in `encoding`. An offset past
    /// the end counts as the end; one inside a character counts as that character's start.
    pub fn line_col(&self, offset: usize, encoding: Encoding) -> LineCol {
        let offset = self.floor_boundary(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // An offset between `\r` and `\n` belongs to the line the `\r` ends.
        let col_text = &self.text[start..offset];
        LineCol {
            line: line as u32,
            col: measure(col_text, encoding) as u32,
        }
    }

    /// The byte offset of `position` (columns counted in `encoding`). A column past the end of
    /// its line gives the end of the line; a line past the last gives the end of the text; a
    /// column inside a character (half a surrogate pair) gives that character's start.
    pub fn offset(&self, position: LineCol, encoding: Encoding) -> usize {
        let Some(range) = self.line_range(position.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[range.clone()];
        let wanted = position.col as usize;
        if encoding == Encoding::Utf8 || line.is_ascii() {
            return range.start + self.floor_in(line, wanted.min(line.len()));
        }
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let width = match encoding {
                Encoding::Utf16 => c.len_utf16(),
                _ => 1,
            };
            if units + width > wanted {
                return range.start + i;
            }
            units += width;
        }
        range.end
    }

    /// Converts a column on `line` from one encoding to another.
    pub fn convert(&self, position: LineCol, from: Encoding, to: Encoding) -> LineCol {
        let offset = self.offset(position, from);
        self.line_col(offset, to)
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        self.floor_in(&self.text, offset.min(self.text.len()))
    }

    fn floor_in(&self, text: &str, mut offset: usize) -> usize {
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Length of `text` in the units of `encoding`.
fn measure(text: &str, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => text.len(),
        _ if text.is_ascii() => text.len(),
        Encoding::Utf16 => text.chars().map(char::len_utf16).sum(),
        Encoding::Utf32 => text.chars().count(),
    }
}

/// Position of the first `a` or `b` in `haystack`.
fn memchr2(a: u8, b: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&c| c == a || c == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn all_three_line_ends() {
        let index = LineIndex::new("a\nb\r\nc\rd");
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(2, Encoding::Utf8), lc(1, 0));
        assert_eq!(index.line_col(5, Encoding::Utf8), lc(2, 0));
        assert_eq!(index.line_col(7, Encoding::Utf8), lc(3, 0));
        assert_eq!(index.line_range(1), Some(2..3));
        assert_eq!(index.line_range(2), Some(5..6));
        assert_eq!(index.line_range(3), Some(7..8));
        assert_eq!(index.line_range(4), None);
    }

    #[test]
    fn vietnamese_and_emoji_columns() {
        // "ư" is 2 bytes, 1 UTF-16 unit; "😀" is 4 bytes, 2 UTF-16 units.
        let text = "tư 😀 x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(x, Encoding::Utf8), lc(0, 9));
        assert_eq!(index.line_col(x, Encoding::Utf16), lc(0, 6));
        assert_eq!(index.line_col(x, Encoding::Utf32), lc(0, 5));
        assert_eq!(index.offset(lc(0, 6), Encoding::Utf16), x);
        assert_eq!(index.offset(lc(0, 5), Encoding::Utf32), x);
        // Half a surrogate pair gives the emoji's start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.offset(lc(0, 4), Encoding::Utf16), emoji);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let index = LineIndex::new("ab\r\ncd");
        assert_eq!(index.offset(lc(0, 99), Encoding::Utf16), 2);
        assert_eq!(index.offset(lc(9, 0), Encoding::Utf16), 6);
        assert_eq!(index.line_col(99, Encoding::Utf8), lc(1, 2));
        // Between `\r` and `\n`: still the first line.
        assert_eq!(index.line_col(3, Encoding::Utf8), lc(0, 3));
    }
}
