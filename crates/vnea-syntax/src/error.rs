//! Syntax errors as data. Their wording lives in the message catalog of `vnea-analysis`;
//! this crate only says what went wrong and where.

use crate::lexer::TokenKind;
use crate::span::Span;

/// A lexical or parse error at a span of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub kind: SyntaxErrorKind,
    /// Where: the offending token, or an empty span where something is missing.
    pub span: Span,
}

impl SyntaxError {
    /// An error of `kind` at `span`.
    pub fn new(kind: SyntaxErrorKind, span: Span) -> Self {
        SyntaxError { kind, span }
    }
}

/// What a syntax error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Characters that start no token.
    InvalidCharacters {
        /// The characters as written.
        text: String,
    },
    /// A `"` string that reaches the end of its line without its closing quote.
    UnterminatedString,
    /// A `"""` text block with no closing `"""`.
    UnterminatedTextBlock,
    /// A `/*` comment with no matching `*/`.
    UnterminatedBlockComment,
    /// An escape sequence other than `\" \\ \n \t \u{XXXX}`.
    InvalidEscape {
        /// The escape as written, backslash included.
        text: String,
    },
    /// An opening `{` or `[` that has no closing partner; reported at the opener.
    Unclosed {
        /// The opener: [`TokenKind::LBrace`] or [`TokenKind::LBracket`].
        delimiter: TokenKind,
    },
    /// A closing `}` or `]` that has no opening partner; reported at the closer.
    Unopened {
        /// The closer: [`TokenKind::RBrace`] or [`TokenKind::RBracket`].
        delimiter: TokenKind,
    },
    /// Blocks and lists nested more deeply than [`crate::MAX_NESTING`]; their contents are
    /// skipped.
    NestingTooDeep,
    /// The parser found something it did not expect.
    Unexpected {
        /// What was there, or `None` at the end of the input.
        found: Option<TokenKind>,
        /// What would have been accepted there, as labels (see [`Expected`]).
        expected: Vec<Expected>,
    },
    /// Something is missing at the end of a line or of the input; reported as an empty span
    /// right after the last token before the gap.
    Missing {
        /// What would have been accepted there, as labels (see [`Expected`]).
        expected: Vec<Expected>,
    },
    /// A declaration name with dots, on a kind other than `extend`.
    QualifiedName,
    /// A property name with dots (`a.b: value`).
    QualifiedPropertyName,
    /// A relation or declaration of the form `a.b c`: a kind with dots.
    QualifiedKind,
}

/// Something the parser would have accepted at the position of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Expected {
    /// The start of an item: a declaration, relation or property.
    Item,
    /// An identifier.
    Identifier,
    /// A value: string, text block, number, boolean, range, path or list.
    Value,
    /// A `"..."` string (a title).
    String,
    /// A number.
    Number,
    /// This very token.
    Token(TokenKind),
    /// The end of the input.
    EndOfInput,
}
