//! The client's copy of a document: byte offsets to LSP positions in UTF-16 code units, and
//! the edits the harness types.

use std::ops::Range;

use serde_json::{Value, json};

/// An LSP position: a line and a column in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Zero-based line.
    pub line: u32,
    /// Zero-based column in UTF-16 code units.
    pub character: u32,
}

impl Position {
    /// As LSP JSON.
    pub fn to_json(self) -> Value {
        json!({"line": self.line, "character": self.character})
    }
}

/// A text with its line starts. Lines end at `\n`, `\r\n` and a lone `\r`, as in LSP.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    line_starts: Vec<usize>,
}

impl Document {
    /// A document holding `text`.
    pub fn new(text: impl Into<String>) -> Document {
        let text = text.into();
        let line_starts = line_starts(&text);
        Document { text, line_starts }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The number of lines (a text ending in a line break has an empty last line).
    pub fn lines(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of the byte `offset`, which must be on a character boundary.
    pub fn position(&self, offset: usize) -> Position {
        assert!(
            self.text.is_char_boundary(offset),
            "offset {offset} is not on a character boundary"
        );
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        Position {
            line: line as u32,
            character: self.text[start..offset].encode_utf16().count() as u32,
        }
    }

    /// The LSP change that replaces the bytes `range` with `new`, as `didChange` sends it
    /// (positions in the text before the change).
    pub fn change(&self, range: &Range<usize>, new: &str) -> Value {
        json!({
            "range": {
                "start": self.position(range.start).to_json(),
                "end": self.position(range.end).to_json(),
            },
            "text": new,
        })
    }

    /// Replaces the bytes `range` with `new`.
    pub fn replace(&mut self, range: Range<usize>, new: &str) {
        self.text.replace_range(range, new);
        self.line_starts = line_starts(&self.text);
    }
}

/// The byte offsets where lines start.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn columns_count_utf16_code_units() {
        let doc = Document::new("ả😀b\r\nc\rđ\n");
        assert_eq!(doc.lines(), 4);
        assert_eq!(doc.position(0), pos(0, 0));
        // 'ả' is one code unit, '😀' two.
        assert_eq!(doc.position("ả".len()), pos(0, 1));
        assert_eq!(doc.position("ả😀".len()), pos(0, 3));
        assert_eq!(doc.position("ả😀b".len()), pos(0, 4));
        // `\r\n` is one line end; a lone `\r` is another.
        assert_eq!(doc.position("ả😀b\r\n".len()), pos(1, 0));
        assert_eq!(doc.position("ả😀b\r\nc\r".len()), pos(2, 0));
        assert_eq!(doc.position("ả😀b\r\nc\rđ".len()), pos(2, 1));
        assert_eq!(doc.position(doc.text().len()), pos(3, 0));
    }

    #[test]
    fn changes_and_replacements_agree() {
        let mut doc = Document::new("title \"Ứng dụng\"\nx\n");
        let at = doc.text().find("dụng").unwrap() + "dụng".len();
        let change = doc.change(&(at..at), "😀");
        assert_eq!(
            change,
            json!({"range": {"start": {"line": 0, "character": 15},
                             "end": {"line": 0, "character": 15}}, "text": "😀"})
        );
        doc.replace(at..at, "😀");
        assert_eq!(doc.text(), "title \"Ứng dụng😀\"\nx\n");
        assert_eq!(doc.position(at + "😀".len()), pos(0, 17));
        // Deleting the emoji is a two-unit range.
        let change = doc.change(&(at..at + "😀".len()), "");
        assert_eq!(change["range"]["end"], json!({"line": 0, "character": 17}));
        doc.replace(at..at + "😀".len(), "\n");
        assert_eq!(doc.lines(), 4);
        assert_eq!(doc.position(doc.text().len() - 2), pos(2, 0));
    }
}
