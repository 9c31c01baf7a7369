//! The fixture corpus of `tests/fixtures/syntax`: every valid file parses without errors,
//! formats idempotently and keeps its meaning and comments; every broken file reports its
//! errors. Trees, errors and formatted text are insta snapshots.

use std::fmt::Write;
use std::path::Path;

use vnea_syntax::line_index::{Encoding, LineIndex};
use vnea_syntax::{dump::dump, format::format, parse};

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("fixture is readable");
    String::from_utf8(bytes).expect("fixture is UTF-8")
}

/// The tree with spans, then one line per error: `line:column (chars) kind "source text"`.
fn render(text: &str) -> String {
    let parse = parse(text);
    let index = LineIndex::new(text);
    let mut out = dump(&parse.file, true);
    for error in &parse.errors {
        let at = index.line_col(error.span.start, Encoding::Utf32);
        let _ = writeln!(
            out,
            "error {}:{} {:?} {:?}",
            at.line + 1,
            at.col + 1,
            error.kind,
            &text[error.span.range()]
        );
    }
    out
}

fn comment_texts(text: &str) -> Vec<String> {
    parse(text)
        .comments
        .iter()
        .map(|c| text[c.span.range()].trim_end().to_owned())
        .collect()
}

#[test]
fn valid_files() {
    insta::glob!("../../../tests/fixtures/syntax/ok", "*.vnea", |path| {
        let text = read(path);
        let parse = parse(&text);
        let expect_nesting_error = text.matches('{').count() > vnea_syntax::MAX_NESTING;
        assert!(
            parse.errors.is_empty() || expect_nesting_error,
            "{}: unexpected errors {:?}",
            path.display(),
            parse.errors
        );
        insta::assert_snapshot!("tree", render(&text));
    });
}

#[test]
fn broken_files() {
    insta::glob!("../../../tests/fixtures/syntax/err", "*.vnea", |path| {
        let text = read(path);
        assert!(
            !parse(&text).errors.is_empty(),
            "{}: no error reported",
            path.display()
        );
        insta::assert_snapshot!("errors", render(&text));
    });
}

#[test]
fn formatting_valid_files() {
    insta::glob!("../../../tests/fixtures/syntax/ok", "*.vnea", |path| {
        let text = read(path);
        let Ok(formatted) = format(&text) else {
            // Only the over-deep fixture has errors; the formatter must refuse it.
            assert!(text.matches('{').count() > vnea_syntax::MAX_NESTING);
            return;
        };
        assert_eq!(
            format(&formatted).as_deref(),
            Ok(formatted.as_str()),
            "{}: formatting is not idempotent",
            path.display()
        );
        assert_eq!(
            dump(&parse(&formatted).file, false),
            dump(&parse(&text).file, false),
            "{}: formatting changed the meaning",
            path.display()
        );
        assert_eq!(comment_texts(&formatted), comment_texts(&text));
        insta::assert_snapshot!("formatted", formatted);
    });
}

#[test]
fn formatting_refuses_broken_files() {
    insta::glob!("../../../tests/fixtures/syntax/err", "*.vnea", |path| {
        let text = read(path);
        assert!(
            format(&text).is_err(),
            "{}: formatted despite errors",
            path.display()
        );
    });
}

#[test]
fn formatting_layouts() {
    insta::glob!("../../../tests/fixtures/format", "*.vnea", |path| {
        let text = read(path);
        let formatted = format(&text).expect("format fixtures are valid");
        assert_eq!(format(&formatted).as_deref(), Ok(formatted.as_str()));
        assert_eq!(
            dump(&parse(&formatted).file, false),
            dump(&parse(&text).file, false)
        );
        assert_eq!(comment_texts(&formatted), comment_texts(&text));
        // A file whose first line ends in `\r\n` keeps `\r\n` everywhere.
        let crlf = text
            .find('\n')
            .is_some_and(|i| i > 0 && text.as_bytes()[i - 1] == b'\r');
        assert_eq!(
            formatted.matches("\r\n").count() == formatted.matches('\n').count(),
            crlf
        );
        insta::assert_snapshot!("layout", formatted);
    });
}
