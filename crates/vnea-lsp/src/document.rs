//! The documents the client has open: their text as a rope, their version, and the edits of
//! `textDocument/didChange`.

use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::position::{self, Encoding};

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The URI the client named it by (diagnostics go back to the same URI).
    pub uri: Uri,
    /// The version the client gave its latest text.
    pub version: i32,
    /// The text.
    pub rope: Rope,
}

impl Document {
    /// A document opened with `text`.
    pub fn new(uri: Uri, version: i32, text: &str) -> Self {
        Document {
            uri,
            version,
            rope: Rope::from_str(text),
        }
    }

    /// Applies the changes of one `didChange`, in order: each change is expressed against the
    /// text the previous one left. A change without a range replaces the whole text.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(&change.text),
                Some(range) => {
                    let start = position::char_index(&self.rope, range.start, encoding);
                    let end = position::char_index(&self.rope, range.end, encoding).max(start);
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                }
            }
        }
        self.version = version;
    }

    /// The text, as the analyzer takes it.
    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use tower_lsp_server::ls_types::{Position, Range};

    use super::*;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn changes_apply_in_order_against_the_previous_text() {
        let uri = Uri::from_str("file:///w/a.vnea").unwrap();
        let mut doc = Document::new(uri, 1, "tư 😀 x\r\ny");
        doc.apply(
            2,
            vec![
                // Replace "x" (UTF-16 columns 6..7: the emoji takes two) with "ơ".
                change(Some(((0, 6), (0, 7))), "ơ"),
                // Then insert before "y", on the line after the CRLF.
                change(Some(((1, 0), (1, 0))), "🇻🇳"),
                // Then delete the emoji and its space, against the text the edits above left.
                change(Some(((0, 3), (0, 6))), ""),
            ],
            Encoding::Utf16,
        );
        assert_eq!(doc.text(), "tư ơ\r\n🇻🇳y");
        assert_eq!(doc.version, 2);
        doc.apply(3, vec![change(None, "mới")], Encoding::Utf8);
        // UTF-8 column 2 is inside "ớ": the edit starts at its first byte.
        doc.apply(4, vec![change(Some(((0, 2), (0, 5))), "ư")], Encoding::Utf8);
        assert_eq!(doc.text(), "mư");
    }
}
