//! The texts of the files diagnostics point into, with their line indexes.
//!
//! [`Sources`] implements codespan-reporting's [`Files`] over [`vnea_syntax::LineIndex`], so the
//! human output splits lines exactly as the parser, the JSON output and the language server do
//! (lone `\r` included) and numbers columns in characters like the JSON output.
//!
//! What codespan-reporting prints is the *shown* text: the source with each character that a
//! terminal would not show, or would act on, replaced by one visible character (control
//! characters by their Unicode control pictures, `␀`; invisible format characters and
//! bidirectional controls by `�`). Lines and character columns are the same in both texts;
//! only byte offsets shift, which [`Source::shown_span`] accounts for.

use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::files::{Error, Files};
use vnea_syntax::line_index::Encoding;
use vnea_syntax::{LineIndex, Span};

/// The id of a file in [`Sources`].
pub type FileId = usize;

/// One file: where it is, how it is shown, and its text.
pub struct Source {
    /// The absolute, normalised path.
    pub path: PathBuf,
    /// The path as shown to the user: relative to the current directory, with `/`.
    pub name: String,
    /// The text and its lines.
    pub index: LineIndex,
    /// The shown text, when it differs from the text.
    shown: Option<Shown>,
}

/// A text with invisible characters replaced, and where its byte offsets moved.
struct Shown {
    index: LineIndex,
    /// For each replaced character: its offset in the original text, and how many bytes the
    /// shown text has grown by up to and including it.
    shifts: Vec<(usize, isize)>,
}

impl Source {
    /// `span` of the text as a byte range of the shown text.
    pub fn shown_span(&self, span: Span) -> Range<usize> {
        let Some(shown) = &self.shown else {
            return span.range();
        };
        let map = |offset: usize| {
            let before = shown.shifts.partition_point(|&(at, _)| at < offset);
            let growth = before.checked_sub(1).map_or(0, |i| shown.shifts[i].1);
            offset.saturating_add_signed(growth)
        };
        map(span.start)..map(span.end)
    }

    /// The shown text's line index.
    fn shown_index(&self) -> &LineIndex {
        self.shown
            .as_ref()
            .map_or(&self.index, |shown| &shown.index)
    }
}

/// The visible stand-in for `c`, if a terminal would not show it as it is.
fn stand_in(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\0'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// The shown text of `text`, if it has anything to replace.
fn shown(text: &str) -> Option<Shown> {
    if !text.chars().any(|c| stand_in(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut shifts = Vec::new();
    let mut growth = 0isize;
    for (at, c) in text.char_indices() {
        match stand_in(c) {
            Some(replacement) => {
                out.push(replacement);
                growth += replacement.len_utf8() as isize - c.len_utf8() as isize;
                shifts.push((at, growth));
            }
            None => out.push(c),
        }
    }
    Some(Shown {
        index: LineIndex::new(&out),
        shifts,
    })
}

/// The files of one run.
#[derive(Default)]
pub struct Sources {
    files: Vec<Source>,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, name: String, text: &str) -> FileId {
        self.files.push(Source {
            path,
            name,
            index: LineIndex::new(text),
            shown: shown(text),
        });
        self.files.len() - 1
    }

    /// The id of the file at the absolute path `path`, if it was added.
    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.files.iter().position(|s| s.path == path)
    }

    /// The file with id `id`.
    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id]
    }

    fn source(&self, id: FileId) -> Result<&Source, Error> {
        self.files.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, Error> {
        Ok(&self.source(id)?.name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        Ok(self.source(id)?.shown_index().text())
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        Ok(self
            .source(id)?
            .shown_index()
            .line_col(byte_index, Encoding::Utf8)
            .line as usize)
    }

    fn column_number(
        &'a self,
        id: FileId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        Ok(self
            .source(id)?
            .shown_index()
            .line_col(byte_index, Encoding::Utf32)
            .col as usize
            + 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        let index = self.source(id)?.shown_index();
        match index.line_range(line_index) {
            Some(range) => Ok(range),
            // Like codespan's own files, the line after the last is empty, at the end.
            None if line_index == index.line_count() => Ok(index.text().len()..index.text().len()),
            None => Err(Error::LineTooLarge {
                given: line_index,
                max: index.line_count() - 1,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lone_carriage_returns() {
        let mut sources = Sources::default();
        let id = sources.add(PathBuf::from("/a.vnea"), "a.vnea".into(), "a\rbc\r\nd");
        assert_eq!(sources.line_index(id, 3).unwrap(), 1);
        assert_eq!(sources.line_range(id, 1).unwrap(), 2..4);
        assert_eq!(sources.line_range(id, 3).unwrap(), 7..7);
        assert!(sources.line_range(id, 4).is_err());
        let location = sources.location(id, 6).unwrap();
        assert_eq!((location.line_number, location.column_number), (3, 1));
    }

    #[test]
    fn invisible_characters_are_shown_without_moving_lines_or_columns() {
        let mut sources = Sources::default();
        let text = "a\0b\r\nc\u{200B}d\u{202E}e";
        let id = sources.add(PathBuf::from("/a.vnea"), "a.vnea".into(), text);
        assert_eq!(Files::source(&sources, id).unwrap(), "a␀b\r\nc�d�e");
        let source = sources.get(id);
        let d = text.find('d').unwrap();
        let shown = source.shown_span(Span::new(d, d + 1));
        assert_eq!(&Files::source(&sources, id).unwrap()[shown.clone()], "d");
        let location = sources.location(id, shown.start).unwrap();
        assert_eq!((location.line_number, location.column_number), (2, 3));
        assert_eq!(source.shown_span(Span::new(1, 2)), 1..4);
    }

    #[test]
    fn columns_count_characters() {
        let mut sources = Sources::default();
        let text = "tư 😀 x";
        let id = sources.add(PathBuf::from("/a.vnea"), "a.vnea".into(), text);
        let location = sources.location(id, text.find('x').unwrap()).unwrap();
        assert_eq!(location.column_number, 6);
    }
}
