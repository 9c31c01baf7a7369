//! Prepares the token stream for the parser: drops trivia, notes which tokens start a line,
//! balances `{}`/`[]` and bounds their nesting.
//!
//! Balancing happens before parsing so that a missing brace is reported at the brace that
//! lacks its partner, and so that the parser only ever sees well-nested blocks and lists.
//! Balanced input is left as it is. Unbalanced input is repaired: a closer with no opener is
//! dropped; an opener with no closer gets a virtual closer (an empty token) where indentation
//! says its block ends — before the first later line that starts at or left of the opener's
//! line — or before the closer of its enclosing block.

use crate::MAX_NESTING;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::{Token, TokenKind};
use crate::span::Span;

/// A token as the parser sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ParseToken {
    /// The kind; unterminated literals appear as their terminated kind (their error is
    /// already reported by the lexer).
    pub kind: TokenKind,
    /// Whether no other significant token precedes it on its line.
    pub line_start: bool,
}

/// A significant token with the layout facts that balancing needs.
struct Significant {
    kind: TokenKind,
    span: Span,
    line_start: bool,
    /// Column (in bytes) of the token when it starts a line.
    column: usize,
    /// Column of the first token of the token's line.
    indent: usize,
}

/// Where an opener's block ends.
#[derive(Clone, Copy)]
enum Partner {
    /// Not (yet) known.
    None,
    /// A real closer at this significant-token index.
    Real(usize),
    /// A virtual closer inserted before this significant-token index.
    Virtual(usize),
}

/// Turns lexed tokens into the parser's input, reporting unbalanced and too deeply nested
/// delimiters into `errors`.
pub(crate) fn prepare(
    text: &str,
    tokens: &[Token],
    errors: &mut Vec<SyntaxError>,
) -> Vec<(ParseToken, Span)> {
    // The common case, balanced input, takes one pass; only unbalanced input needs the layout
    // facts that repairing uses.
    let prepared = match plain_tokens(text, tokens) {
        Some(prepared) => prepared,
        None => balance(&significant_tokens(text, tokens), errors),
    };
    limit_nesting(prepared, errors)
}

/// The significant tokens, if `{}` and `[]` pair up by plain stack matching.
fn plain_tokens(text: &str, tokens: &[Token]) -> Option<Vec<(ParseToken, Span)>> {
    let mut out = Vec::with_capacity(tokens.len() / 2 + 1);
    let mut open: Vec<TokenKind> = Vec::new();
    let mut line_start = true;
    for token in tokens {
        let kind = match token.kind {
            TokenKind::Error => continue,
            TokenKind::UnterminatedString => TokenKind::String,
            TokenKind::UnterminatedTextBlock => TokenKind::TextBlock,
            TokenKind::LBrace | TokenKind::LBracket => {
                open.push(token.kind);
                token.kind
            }
            TokenKind::RBrace | TokenKind::RBracket => match open.pop() {
                Some(opener) if closer_of(opener) == token.kind => token.kind,
                _ => return None,
            },
            kind if kind.is_trivia() => {
                if text[token.span.range()].contains(['\n', '\r']) {
                    line_start = true;
                }
                continue;
            }
            kind => kind,
        };
        out.push((ParseToken { kind, line_start }, token.span));
        line_start = false;
    }
    open.is_empty().then_some(out)
}

fn significant_tokens(text: &str, tokens: &[Token]) -> Vec<Significant> {
    let mut out = Vec::with_capacity(tokens.len() / 2);
    let mut at_line_start = true;
    let mut line_begin = 0usize;
    let mut indent = 0usize;
    for token in tokens {
        let kind = match token.kind {
            TokenKind::Error => continue,
            TokenKind::UnterminatedString => TokenKind::String,
            TokenKind::UnterminatedTextBlock => TokenKind::TextBlock,
            kind if kind.is_trivia() => {
                let slice = &text[token.span.range()];
                if let Some(pos) = slice.rfind(['\n', '\r']) {
                    at_line_start = true;
                    line_begin = token.span.start + pos + 1;
                }
                continue;
            }
            kind => kind,
        };
        let column = token.span.start.saturating_sub(line_begin);
        if at_line_start {
            indent = column;
        }
        out.push(Significant {
            kind,
            span: token.span,
            line_start: at_line_start,
            column,
            indent,
        });
        at_line_start = false;
        if kind == TokenKind::TextBlock {
            // A text block may span lines: what follows it on its last line does not start one.
            if let Some(pos) = text[token.span.range()].rfind(['\n', '\r']) {
                line_begin = token.span.start + pos + 1;
            }
        }
    }
    out
}

fn is_opener(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::LBrace | TokenKind::LBracket)
}

fn is_closer(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::RBrace | TokenKind::RBracket)
}

fn closer_of(opener: TokenKind) -> TokenKind {
    if opener == TokenKind::LBrace {
        TokenKind::RBrace
    } else {
        TokenKind::RBracket
    }
}

fn balance(tokens: &[Significant], errors: &mut Vec<SyntaxError>) -> Vec<(ParseToken, Span)> {
    let to_parse = |t: &Significant| {
        (
            ParseToken {
                kind: t.kind,
                line_start: t.line_start,
            },
            t.span,
        )
    };

    let n = tokens.len();
    let mut dropped = vec![false; n];
    let mut partner = vec![Partner::None; n];
    let mut stack: Vec<usize> = Vec::new();
    // Openers without a closer, each with the index before which its block must end.
    let mut unclosed: Vec<(usize, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::LBrace | TokenKind::LBracket => stack.push(i),
            TokenKind::RBrace => {
                // Prefer the brace whose line is indented like this one, when it starts a line.
                let by_indent = t.line_start.then(|| {
                    stack.iter().rposition(|&o| {
                        tokens[o].kind == TokenKind::LBrace && tokens[o].indent == t.column
                    })
                });
                let target = by_indent.flatten().or_else(|| {
                    stack
                        .iter()
                        .rposition(|&o| tokens[o].kind == TokenKind::LBrace)
                });
                match target {
                    Some(pos) => {
                        unclosed.extend(stack[pos + 1..].iter().map(|&inner| (inner, i)));
                        partner[stack[pos]] = Partner::Real(i);
                        stack.truncate(pos);
                    }
                    None => {
                        errors.push(SyntaxError::new(
                            SyntaxErrorKind::Unopened { delimiter: t.kind },
                            t.span,
                        ));
                        dropped[i] = true;
                    }
                }
            }
            TokenKind::RBracket => match stack.last() {
                Some(&o) if tokens[o].kind == TokenKind::LBracket => {
                    partner[o] = Partner::Real(i);
                    stack.pop();
                }
                _ => {
                    errors.push(SyntaxError::new(
                        SyntaxErrorKind::Unopened { delimiter: t.kind },
                        t.span,
                    ));
                    dropped[i] = true;
                }
            },
            _ => {}
        }
    }
    unclosed.extend(stack.iter().map(|&opener| (opener, n)));
    // Close each unclosed opener where indentation says its block ends, at the latest at its
    // bound. Inner openers come later in the text: closing them first lets the outer ones
    // skip over them.
    unclosed.sort_by_key(|&(opener, _)| std::cmp::Reverse(opener));
    for &(opener, bound) in &unclosed {
        errors.push(SyntaxError::new(
            SyntaxErrorKind::Unclosed {
                delimiter: tokens[opener].kind,
            },
            tokens[opener].span,
        ));
        let limit = tokens[opener].indent;
        let mut j = opener + 1;
        let end = loop {
            if j >= bound {
                break bound;
            }
            let t = &tokens[j];
            if dropped[j] {
                j += 1;
                continue;
            }
            if is_opener(t.kind) {
                match partner[j] {
                    Partner::Real(p) => j = p + 1,
                    Partner::Virtual(p) => j = p,
                    Partner::None => j += 1,
                }
                continue;
            }
            if is_closer(t.kind) || (t.line_start && t.column <= limit) {
                break j;
            }
            j += 1;
        };
        partner[opener] = Partner::Virtual(end);
    }

    // Virtual closers to insert before each index, innermost first.
    let mut inserts: Vec<(usize, usize)> = Vec::new();
    for (opener, p) in partner.iter().enumerate() {
        if let Partner::Virtual(before) = *p {
            inserts.push((before, opener));
        }
    }
    // Later openers are inner ones: at one position, they close first.
    inserts.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));

    let mut out = Vec::with_capacity(n + inserts.len());
    let mut next_insert = inserts.iter().peekable();
    let mut last_end = 0;
    for i in 0..=n {
        while let Some(&&(before, opener)) = next_insert.peek() {
            if before != i {
                break;
            }
            let kind = closer_of(tokens[opener].kind);
            out.push((
                ParseToken {
                    kind,
                    line_start: false,
                },
                Span::empty(last_end),
            ));
            next_insert.next();
        }
        if i < n && !dropped[i] {
            out.push(to_parse(&tokens[i]));
            last_end = tokens[i].span.end;
        }
    }
    out
}

/// Empties every block or list nested deeper than [`MAX_NESTING`], so that no later stage
/// recurses without bound.
fn limit_nesting(
    tokens: Vec<(ParseToken, Span)>,
    errors: &mut Vec<SyntaxError>,
) -> Vec<(ParseToken, Span)> {
    let too_deep = {
        let mut depth = 0usize;
        tokens.iter().any(|(t, _)| {
            if is_opener(t.kind) {
                depth += 1;
            } else if is_closer(t.kind) {
                depth = depth.saturating_sub(1);
            }
            depth > MAX_NESTING
        })
    };
    if !too_deep {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut depth = 0usize;
    // While skipping: the depth at which the skipped opener stands.
    let mut skipping: Option<usize> = None;
    for (t, span) in tokens {
        if is_opener(t.kind) {
            depth += 1;
            if skipping.is_none() && depth > MAX_NESTING {
                errors.push(SyntaxError::new(SyntaxErrorKind::NestingTooDeep, span));
                out.push((t, span));
                skipping = Some(depth);
                continue;
            }
        } else if is_closer(t.kind) {
            if skipping == Some(depth) {
                skipping = None;
            }
            depth = depth.saturating_sub(1);
        }
        if skipping.is_none() {
            out.push((t, span));
        }
    }
    out
}
