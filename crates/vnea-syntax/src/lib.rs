//! The syntax of the vnea language: a lossless lexer, a parser that never fails, the typed
//! syntax tree, the comment side table, a line index and the formatter.
//!
//! This crate knows nothing of files, salsa or LSP: it turns text into data.
//!
//! ```
//! let parse = vnea_syntax::parse("actor nguoi_dan \"Người dân\" { type: citizen }\n");
//! assert!(parse.errors.is_empty());
//! assert_eq!(parse.file.items.len(), 1);
//! ```

pub mod ast;
pub mod comments;
mod delimiters;
pub mod dump;
pub mod error;
pub mod format;
pub mod lexer;
pub mod line_index;
pub mod names;
mod parser;
pub mod span;

pub use ast::SourceFile;
pub use comments::{Comment, CommentKind};
pub use error::{Expected, SyntaxError, SyntaxErrorKind};
pub use lexer::{Lexed, Token, TokenKind, lex};
pub use line_index::{LineCol, LineIndex};
pub use span::Span;

/// How deeply blocks and lists may nest. Deeper contents are skipped with
/// [`SyntaxErrorKind::NestingTooDeep`], so that no stage of the tool recurses without bound.
pub const MAX_NESTING: usize = 256;

/// The result of parsing one file. Parsing never fails: there is always a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parse {
    /// The syntax tree, holding every item the parser could make out.
    pub file: SourceFile,
    /// Every lexical and parse error, ordered by position.
    pub errors: Vec<SyntaxError>,
    /// Every comment, in order.
    pub comments: Vec<Comment>,
}

/// Lexes and parses `text`.
pub fn parse(text: &str) -> Parse {
    let lexed = lex(text);
    let mut errors = lexed.errors;
    let comments = comments::collect(text, &lexed.tokens);
    let structure_errors_before = errors.len();
    let tokens = delimiters::prepare(text, &lexed.tokens, &mut errors);
    let unbalanced = errors.len() > structure_errors_before;
    // Most files are valid: parse them once without building error messages. Any other file
    // is parsed again, in strict mode, with full error reporting.
    let file = match parser::parse_valid(text, &tokens).filter(|_| !unbalanced) {
        Some(file) => file,
        None => {
            let (file, parse_errors) = parser::parse_tokens(text, &tokens, true);
            let invalid: Vec<Span> = lexed
                .tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Error)
                .map(|t| t.span)
                .collect();
            errors.extend(
                parse_errors
                    .into_iter()
                    .filter(|e| !follows_invalid_characters(e, &tokens, &invalid)),
            );
            file
        }
    };
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    errors.dedup();
    Parse {
        file,
        errors,
        comments,
    }
}

/// Whether the parse error `error` is only the echo of invalid characters already reported:
/// they stand in the gap between the tokens around the error (`type: @ }` is one mistake).
fn follows_invalid_characters(
    error: &SyntaxError,
    tokens: &[(delimiters::ParseToken, Span)],
    invalid: &[Span],
) -> bool {
    if !matches!(
        error.kind,
        SyntaxErrorKind::Unexpected { .. } | SyntaxErrorKind::Missing { .. }
    ) {
        return false;
    }
    let at = error.span.start;
    let next = tokens.partition_point(|(_, s)| s.start < at);
    let gap_start = next.checked_sub(1).map_or(0, |i| tokens[i].1.end.min(at));
    let gap_end = tokens
        .get(next)
        .map_or(usize::MAX, |(_, s)| s.start.max(at));
    let first = invalid.partition_point(|s| s.start < gap_start);
    invalid.get(first).is_some_and(|s| s.end <= gap_end)
}
