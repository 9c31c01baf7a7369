//! The lossless lexer: every byte of the input belongs to exactly one token.

use logos::Logos;

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::span::Span;

/// The kind of a token. Trivia (whitespace and comments) and errors are tokens too, so the
/// token spans tile the whole input.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    /// Spaces, tabs, form feeds, byte-order marks and line breaks (`\n`, `\r\n`, `\r`).
    #[regex(r"[ \t\n\r\u{000C}\u{FEFF}]+")]
    Whitespace,
    /// `// text` up to the end of the line.
    #[regex(r"//[^\r\n]*", allow_greedy = true)]
    LineComment,
    /// `/// text`: documentation for the declaration that follows.
    #[regex(r"///([^/\r\n][^\r\n]*)?", priority = 10, allow_greedy = true)]
    DocComment,
    /// `/* text */`; block comments nest.
    #[token("/*", block_comment)]
    BlockComment,
    /// A block comment that runs to the end of the input without its `*/`.
    UnterminatedBlockComment,
    /// An identifier: `XID_Start` or `_`, then `XID_Continue` characters.
    #[regex(r"[\p{XID_Start}_]\p{XID_Continue}*")]
    Ident,
    /// The reserved word `true`.
    #[token("true")]
    True,
    /// The reserved word `false`.
    #[token("false")]
    False,
    /// `"..."` with escapes, on one line.
    #[regex(r#""([^"\\\r\n]|\\[^\r\n])*""#)]
    String,
    /// A string that reaches the end of its line without its closing quote.
    #[regex(r#""([^"\\\r\n]|\\[^\r\n])*\\?"#)]
    UnterminatedString,
    /// `"""..."""`, which may span lines and has no escapes.
    #[token(r#"""""#, text_block)]
    TextBlock,
    /// A text block that runs to the end of the input without its closing `"""`.
    UnterminatedTextBlock,
    /// `[0-9]+` or `[0-9]+.[0-9]+`.
    #[regex(r"[0-9]+(\.[0-9]+)?")]
    Number,
    /// `{`
    #[token("{")]
    LBrace,
    /// `}`
    #[token("}")]
    RBrace,
    /// `[`
    #[token("[")]
    LBracket,
    /// `]`
    #[token("]")]
    RBracket,
    /// `:`
    #[token(":")]
    Colon,
    /// `,`
    #[token(",")]
    Comma,
    /// `.`
    #[token(".")]
    Dot,
    /// `..`
    #[token("..")]
    DotDot,
    /// `->`
    #[token("->")]
    Arrow,
    /// One or more characters that start no token.
    Error,
}

impl TokenKind {
    /// Whether the token carries no meaning for the parser (whitespace and comments).
    pub const fn is_trivia(self) -> bool {
        matches!(
            self,
            TokenKind::Whitespace
                | TokenKind::LineComment
                | TokenKind::DocComment
                | TokenKind::BlockComment
                | TokenKind::UnterminatedBlockComment
        )
    }

    /// Whether the token is a comment of any sort.
    pub const fn is_comment(self) -> bool {
        matches!(
            self,
            TokenKind::LineComment
                | TokenKind::DocComment
                | TokenKind::BlockComment
                | TokenKind::UnterminatedBlockComment
        )
    }
}

/// Scans a (possibly nested) block comment after its opening `/*`.
fn block_comment(lex: &mut logos::Lexer<TokenKind>) -> TokenKind {
    let rest = lex.remainder().as_bytes();
    let mut depth = 1usize;
    let mut i = 0;
    while i < rest.len() {
        match (rest[i], rest.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    lex.bump(i);
                    return TokenKind::BlockComment;
                }
            }
            _ => i += 1,
        }
    }
    lex.bump(rest.len());
    TokenKind::UnterminatedBlockComment
}

/// Scans a text block after its opening `"""`.
fn text_block(lex: &mut logos::Lexer<TokenKind>) -> TokenKind {
    let rest = lex.remainder();
    match rest.find(r#"""""#) {
        Some(end) => {
            lex.bump(end + 3);
            TokenKind::TextBlock
        }
        None => {
            lex.bump(rest.len());
            TokenKind::UnterminatedTextBlock
        }
    }
}

/// A token: its kind and the bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What sort of token this is.
    pub kind: TokenKind,
    /// The bytes it covers.
    pub span: Span,
}

/// The result of lexing: tokens that tile the input, and the lexical errors.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lexed {
    /// Every token, trivia and errors included, in order; their spans tile the input.
    pub tokens: Vec<Token>,
    /// One error per error token, unterminated literal or comment, and invalid escape.
    pub errors: Vec<SyntaxError>,
}

/// Splits `text` into tokens. Never fails: characters that start no token become
/// [`TokenKind::Error`] tokens (adjacent ones merged) and are reported once.
pub fn lex(text: &str) -> Lexed {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut errors = Vec::new();
    let mut lexer = TokenKind::lexer(text);
    while let Some(result) = lexer.next() {
        let span = Span::from(lexer.span());
        let kind = result.unwrap_or(TokenKind::Error);
        if kind == TokenKind::Error
            && let Some(last) = tokens.last_mut().filter(|t| t.kind == TokenKind::Error)
        {
            last.span.end = span.end;
            continue;
        }
        tokens.push(Token { kind, span });
    }
    for token in &tokens {
        let slice = &text[token.span.range()];
        let error = match token.kind {
            TokenKind::Error => Some(SyntaxErrorKind::InvalidCharacters {
                text: slice.to_owned(),
            }),
            TokenKind::UnterminatedString => Some(SyntaxErrorKind::UnterminatedString),
            TokenKind::UnterminatedTextBlock => Some(SyntaxErrorKind::UnterminatedTextBlock),
            TokenKind::UnterminatedBlockComment => Some(SyntaxErrorKind::UnterminatedBlockComment),
            TokenKind::String => {
                check_escapes(slice, token.span.start, &mut errors);
                None
            }
            _ => None,
        };
        if let Some(kind) = error {
            errors.push(SyntaxError::new(kind, token.span));
        }
    }
    Lexed { tokens, errors }
}

/// Reports every invalid escape sequence of the string literal `raw` (quotes included),
/// which starts at byte `base`.
fn check_escapes(raw: &str, base: usize, errors: &mut Vec<SyntaxError>) {
    let mut rest = raw;
    let mut offset = 0;
    while let Some(pos) = rest.find('\\') {
        let start = offset + pos;
        let after = &raw[start + 1..];
        let len = match decode_escape(after) {
            Ok((_, len)) => len,
            Err(len) => {
                let span = Span::new(base + start, base + start + 1 + len);
                errors.push(SyntaxError::new(
                    SyntaxErrorKind::InvalidEscape {
                        text: raw[start..start + 1 + len].to_owned(),
                    },
                    span,
                ));
                len
            }
        };
        offset = start + 1 + len;
        rest = &raw[offset..];
    }
}

/// Decodes the escape sequence that follows a backslash. Returns the character and the number
/// of bytes consumed after the backslash, or on error the number of bytes the bad escape covers.
pub(crate) fn decode_escape(after: &str) -> Result<(char, usize), usize> {
    let mut chars = after.chars();
    match chars.next() {
        Some('"') => Ok(('"', 1)),
        Some('\\') => Ok(('\\', 1)),
        Some('n') => Ok(('\n', 1)),
        Some('t') => Ok(('\t', 1)),
        Some('u') => {
            let Some(body) = after[1..].strip_prefix('{') else {
                return Err(1);
            };
            let close = body.find('}');
            match close {
                Some(n)
                    if (1..=6).contains(&n) && body[..n].bytes().all(|b| b.is_ascii_hexdigit()) =>
                {
                    let code = u32::from_str_radix(&body[..n], 16).map_err(|_| n + 3)?;
                    char::from_u32(code).map(|c| (c, n + 3)).ok_or(n + 3)
                }
                Some(n) if n <= 8 => Err(n + 3),
                _ => Err(2),
            }
        }
        Some(c) => Err(c.len_utf8()),
        // A backslash before the closing quote of an unterminated string: nothing follows.
        None => Err(0),
    }
}

/// The value of a string literal (with or without its quotes) after decoding escapes; invalid
/// escapes are kept as written.
pub fn string_value(raw: &str) -> String {
    let inner = raw.strip_prefix('"').unwrap_or(raw);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut value = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(pos) = rest.find('\\') {
        value.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        match decode_escape(after) {
            Ok((c, len)) => {
                value.push(c);
                rest = &after[len..];
            }
            Err(len) => {
                let len = len.min(after.len());
                let len = (0..=len)
                    .rev()
                    .find(|&l| after.is_char_boundary(l))
                    .unwrap_or(0);
                value.push('\\');
                value.push_str(&after[..len]);
                rest = &after[len..];
            }
        }
    }
    value.push_str(rest);
    value
}

/// The value of a text block literal: the text between `"""` and `"""`, as written.
pub fn text_block_value(raw: &str) -> &str {
    let inner = raw.strip_prefix(r#"""""#).unwrap_or(raw);
    inner.strip_suffix(r#"""""#).unwrap_or(inner)
}
