//! The chumsky grammar over the prepared token slice.
//!
//! Every item is wrapped in a recovery parser: when an item fails, the tokens up to the next
//! line that starts with an identifier, or up to the closing delimiter of the enclosing block,
//! are skipped as one [`Item::Error`] and parsing goes on. Inside a list, a bad element is
//! skipped up to the next `,` or `]`. Blocks and lists are balanced beforehand
//! ([`crate::delimiters`]), so skipping never leaves a block early.
//!
//! In *strict* mode a declaration name, a relation target and a path value may not be the
//! first token of a line. Valid files are parsed without it (the grammar ignores line breaks);
//! a file with errors is parsed again with it, so that a half-written item does not swallow
//! the declaration on the next line.

use chumsky::error::{RichPattern, RichReason};
use chumsky::input::{Input as _, ValueInput};
use chumsky::prelude::*;

use crate::ast::*;
use crate::delimiters::ParseToken;
use crate::error::{Expected, SyntaxError, SyntaxErrorKind};
use crate::lexer::{TokenKind, string_value, text_block_value};
use crate::span::Span;

type Tok = ParseToken;
type Extra<E> = extra::Err<E>;

/// An error type the grammar can build: chumsky's `Rich` for diagnostics, or `EmptyErr` for
/// the fast first pass over (usually valid) files.
trait GrammarError<'t, I: chumsky::input::Input<'t>>:
    chumsky::error::Error<'t, I> + chumsky::label::LabelError<'t, I, &'static str>
{
    /// An error identified by one of the custom codes of this module.
    fn code(span: Span, code: &'static str) -> Self;
}

impl<'t, I> GrammarError<'t, I> for Rich<'t, Tok, Span>
where
    I: chumsky::input::Input<'t, Token = Tok, Span = Span>,
{
    fn code(span: Span, code: &'static str) -> Self {
        Rich::custom(span, code)
    }
}

impl<'t, I: chumsky::input::Input<'t>> GrammarError<'t, I> for EmptyErr {
    fn code(_: Span, _: &'static str) -> Self {
        EmptyErr::default()
    }
}

/// Custom error codes emitted by validators, mapped back to [`SyntaxErrorKind`].
const QUALIFIED_KIND: &str = "qualified-kind";
const QUALIFIED_NAME: &str = "qualified-name";
const QUALIFIED_PROPERTY: &str = "qualified-property";
const MISSING_SEPARATOR: &str = "missing-separator";
const MISSING_RANGE_END: &str = "missing-range-end";

impl chumsky::span::Span for Span {
    type Context = ();
    type Offset = usize;

    fn new((): (), range: std::ops::Range<usize>) -> Self {
        Span::from(range)
    }

    fn context(&self) {}

    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }
}

/// Parses the prepared tokens of `text` without building error messages. Returns the file if
/// it has no parse error: the fast path for the common case of a valid file.
pub(crate) fn parse_valid(text: &str, tokens: &[(ParseToken, Span)]) -> Option<SourceFile> {
    let input = tokens.map(Span::empty(text.len()), |(t, s)| (t, s));
    let (items, errors) = file::<_, EmptyErr>(text, false)
        .parse(input)
        .into_output_errors();
    if errors.is_empty() {
        items.map(|items| SourceFile { items })
    } else {
        None
    }
}

/// Parses the prepared tokens of `text`. Returns the file and the parse errors.
pub(crate) fn parse_tokens(
    text: &str,
    tokens: &[(ParseToken, Span)],
    strict: bool,
) -> (SourceFile, Vec<SyntaxError>) {
    let input = tokens.map(Span::empty(text.len()), |(t, s)| (t, s));
    let (items, errors) = file::<_, Rich<'_, Tok, Span>>(text, strict)
        .parse(input)
        .into_output_errors();
    let file = SourceFile {
        items: items.unwrap_or_default(),
    };
    let errors = errors
        .into_iter()
        .map(|error| convert_error(error, tokens))
        .collect();
    (file, errors)
}

fn label(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::LBrace => "`{`",
        TokenKind::RBrace => "`}`",
        TokenKind::LBracket => "`[`",
        TokenKind::RBracket => "`]`",
        TokenKind::Colon => "`:`",
        TokenKind::Comma => "`,`",
        TokenKind::Dot => "`.`",
        TokenKind::DotDot => "`..`",
        TokenKind::Arrow => "`->`",
        TokenKind::Ident => "identifier",
        TokenKind::String => "string",
        TokenKind::Number => "number",
        _ => "value",
    }
}

fn expected_of(label: &str) -> Option<Expected> {
    Some(match label {
        "item" => Expected::Item,
        "identifier" => Expected::Identifier,
        "value" => Expected::Value,
        "string" => Expected::String,
        "number" => Expected::Number,
        "`{`" => Expected::Token(TokenKind::LBrace),
        "`}`" => Expected::Token(TokenKind::RBrace),
        "`[`" => Expected::Token(TokenKind::LBracket),
        "`]`" => Expected::Token(TokenKind::RBracket),
        "`:`" => Expected::Token(TokenKind::Colon),
        "`,`" => Expected::Token(TokenKind::Comma),
        "`.`" => Expected::Token(TokenKind::Dot),
        "`..`" => Expected::Token(TokenKind::DotDot),
        "`->`" => Expected::Token(TokenKind::Arrow),
        _ => return None,
    })
}

fn convert_error(error: Rich<'_, Tok, Span>, tokens: &[(ParseToken, Span)]) -> SyntaxError {
    let at = *error.span();
    // The token the error points at, and the end of the token before it.
    let index = tokens.partition_point(|(_, s)| s.start < at.start);
    let found = tokens.get(index).filter(|(_, s)| s.start == at.start);
    let gap = Span::empty(index.checked_sub(1).map_or(0, |i| tokens[i].1.end));
    let labels = |patterns: &[RichPattern<'_, Tok>]| {
        let mut expected: Vec<Expected> = patterns
            .iter()
            .filter_map(|pattern| match pattern {
                RichPattern::Token(t) => Some(Expected::Token(t.kind)),
                RichPattern::Label(l) => expected_of(l),
                RichPattern::EndOfInput => Some(Expected::EndOfInput),
                _ => None,
            })
            .collect();
        expected.sort();
        expected.dedup();
        // A path can always go on with `.`: listing it beside real alternatives is noise.
        if expected.len() > 1 {
            expected.retain(|e| *e != Expected::Token(TokenKind::Dot));
        }
        expected
    };
    match error.reason() {
        RichReason::Custom(code) => {
            let kind = match code.as_str() {
                QUALIFIED_KIND => SyntaxErrorKind::QualifiedKind,
                QUALIFIED_PROPERTY => SyntaxErrorKind::QualifiedPropertyName,
                QUALIFIED_NAME => SyntaxErrorKind::QualifiedName,
                MISSING_RANGE_END => SyntaxErrorKind::Missing {
                    expected: vec![Expected::Number],
                },
                _ => {
                    return SyntaxError::new(
                        SyntaxErrorKind::Unexpected {
                            found: found.map(|(t, _)| t.kind),
                            expected: vec![
                                Expected::Token(TokenKind::Comma),
                                Expected::Token(TokenKind::RBracket),
                            ],
                        },
                        found.map_or(at, |(_, s)| *s),
                    );
                }
            };
            SyntaxError::new(kind, at)
        }
        RichReason::ExpectedFound {
            expected,
            found: found_token,
        } => {
            let expected = labels(expected);
            match found_token.as_deref() {
                // Nothing more on the line, or in the file: say what is missing, where.
                Some(t) if t.line_start && !expected.contains(&Expected::Item) => {
                    SyntaxError::new(SyntaxErrorKind::Missing { expected }, gap)
                }
                None => SyntaxError::new(SyntaxErrorKind::Missing { expected }, gap),
                Some(t) => SyntaxError::new(
                    SyntaxErrorKind::Unexpected {
                        found: Some(t.kind),
                        expected,
                    },
                    at,
                ),
            }
        }
    }
}

fn is_delimiter(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::LBrace | TokenKind::RBrace | TokenKind::LBracket | TokenKind::RBracket
    )
}

/// One token of `kind`, giving its span.
fn token<'t, I, E>(kind: TokenKind) -> impl Parser<'t, I, Span, Extra<E>> + Clone
where
    I: ValueInput<'t, Token = Tok, Span = Span>,
    E: GrammarError<'t, I> + 't,
{
    any()
        .filter(move |t: &Tok| t.kind == kind)
        .map_with(|_, e| e.span())
        .labelled(label(kind))
}

/// A balanced token tree: one token that is no delimiter, or a delimited group.
fn token_tree<'t, I, E>() -> impl Parser<'t, I, (), Extra<E>> + Clone
where
    I: ValueInput<'t, Token = Tok, Span = Span>,
    E: GrammarError<'t, I> + 't,
{
    recursive(|tree| {
        let group = |open, close| {
            token(open)
                .ignore_then(tree.clone().repeated())
                .then_ignore(token(close))
        };
        choice((
            group(TokenKind::LBrace, TokenKind::RBrace),
            group(TokenKind::LBracket, TokenKind::RBracket),
            any().filter(|t: &Tok| !is_delimiter(t.kind)).ignored(),
        ))
    })
}

fn file<'t, 's: 't, I, E>(src: &'s str, strict: bool) -> impl Parser<'t, I, Vec<Item>, Extra<E>>
where
    I: ValueInput<'t, Token = Tok, Span = Span>,
    E: GrammarError<'t, I> + 't,
{
    let ident_where = move |allow_line_start: bool| {
        any()
            .filter(move |t: &Tok| {
                t.kind == TokenKind::Ident && (allow_line_start || !strict || !t.line_start)
            })
            .map_with(move |_, e| {
                let s: Span = e.span();
                Ident {
                    text: src[s.range()].into(),
                    span: s,
                }
            })
            .labelled("identifier")
    };
    let path_where = move |allow_line_start: bool| {
        ident_where(allow_line_start)
            .then(
                token(TokenKind::Dot)
                    .ignore_then(ident_where(true))
                    .repeated()
                    .collect::<Vec<_>>(),
            )
            .map_with(|(first, mut rest), e| {
                rest.insert(0, first);
                Path {
                    segments: rest,
                    span: e.span(),
                }
            })
    };
    // A path where a new line may not begin (declaration names, relation targets, values).
    let inline_path = path_where(false);
    let head_path = path_where(true);

    let string = any()
        .filter(|t: &Tok| t.kind == TokenKind::String)
        .map_with(move |_, e| {
            let s: Span = e.span();
            StringLit {
                value: string_value(&src[s.range()]).into(),
                span: s,
            }
        })
        .labelled("string");
    let number = any()
        .filter(|t: &Tok| t.kind == TokenKind::Number)
        .map_with(move |_, e| {
            let s: Span = e.span();
            NumberLit {
                text: src[s.range()].into(),
                span: s,
            }
        })
        .labelled("number");

    let value = recursive(|value| {
        let text = any()
            .filter(|t: &Tok| t.kind == TokenKind::TextBlock)
            .map_with(move |_, e| {
                let s: Span = e.span();
                Value::Text(TextLit {
                    value: text_block_value(&src[s.range()]).into(),
                    span: s,
                })
            });
        let boolean = any()
            .filter(|t: &Tok| matches!(t.kind, TokenKind::True | TokenKind::False))
            .map_with(|t: Tok, e| {
                Value::Bool(BoolLit {
                    value: t.kind == TokenKind::True,
                    span: e.span(),
                })
            });
        // Once `..` is written, the range is committed: a missing end is reported as such.
        let number_or_range = number
            .then(token(TokenKind::DotDot).then(number.or_not()).or_not())
            .validate(|(start, rest), _, emitter| match rest {
                None => Value::Number(start),
                Some((dots, Some(end))) => Value::Range(Box::new(RangeLit {
                    span: start.span.cover(end.span),
                    start,
                    dots,
                    end,
                })),
                Some((dots, None)) => {
                    let after = Span::empty(dots.end);
                    emitter.emit(E::code(after, MISSING_RANGE_END));
                    Value::Error(start.span.cover(dots))
                }
            });
        // A bad element is skipped up to the next `,` or `]`; an empty one (`[a, , b]`)
        // becomes an empty error element.
        let not_separator = |t: &Tok| !matches!(t.kind, TokenKind::Comma | TokenKind::RBracket);
        let skipped_element = any()
            .filter(not_separator)
            .rewind()
            .ignore_then(token_tree())
            .repeated()
            .at_least(1)
            .map_with(|_, e| Value::Error(e.span()));
        let empty_element = any()
            .filter(|t: &Tok| t.kind == TokenKind::Comma)
            .rewind()
            .map_with(|_, e| {
                let at: Span = e.span();
                Value::Error(Span::empty(at.start))
            });
        // Tokens after a good element and before the next `,` or `]` are reported and skipped.
        let trailing_junk = any()
            .filter(not_separator)
            .rewind()
            .ignore_then(token_tree())
            .repeated()
            .at_least(1)
            .map_with(|_, e| e.span());
        let element = value
            .recover_with(via_parser(skipped_element.or(empty_element)))
            .then(trailing_junk.or_not())
            .validate(|(value, junk): (Value, Option<Span>), _, emitter| {
                if let Some(junk) = junk {
                    let first = Span::empty(junk.start);
                    emitter.emit(E::code(first, MISSING_SEPARATOR));
                }
                value
            });
        let list = token(TokenKind::LBracket)
            .then(
                element
                    .separated_by(token(TokenKind::Comma))
                    .allow_trailing()
                    .collect::<Vec<_>>(),
            )
            .then(token(TokenKind::RBracket))
            .map(|((open, elements), close)| {
                Value::List(Box::new(List {
                    open,
                    elements,
                    close,
                    span: open.cover(close),
                }))
            });
        choice((
            string.map(Value::String),
            text,
            number_or_range,
            boolean,
            inline_path.clone().map(Value::Path),
            list,
        ))
        .labelled("value")
    });

    recursive(|item| {
        let block = token(TokenKind::LBrace)
            .then(item.repeated().collect::<Vec<_>>())
            .then(token(TokenKind::RBrace))
            .map(|((open, items), close)| Box::new(Block { open, items, close }))
            .boxed();
        let title = string.or_not();

        let property = token(TokenKind::Colon)
            .then(value)
            .then(token(TokenKind::Comma).or_not())
            .map(|((colon, value), comma)| Rest::Property {
                colon,
                value,
                comma,
            });
        let relation = token(TokenKind::Arrow)
            .then(inline_path.clone())
            .then(title)
            .then(block.clone().or_not())
            .map(|(((arrow, to), title), block)| Rest::Relation {
                arrow,
                to,
                title,
                block,
            });
        let declaration = inline_path
            .clone()
            .then(title)
            .then(block.or_not())
            .map(|((name, title), block)| Rest::Declaration { name, title, block });

        // After the first token, skipping stops at a line that starts with an identifier
        // (the next item) and at the closer of the enclosing block.
        let skipped = token_tree()
            .then(
                any()
                    .filter(|t: &Tok| {
                        let starts_line = t.kind == TokenKind::Ident && t.line_start;
                        let closes = matches!(t.kind, TokenKind::RBrace | TokenKind::RBracket);
                        !starts_line && !closes
                    })
                    .rewind()
                    .ignore_then(token_tree())
                    .repeated(),
            )
            .map_with(|_, e| Item::Error(e.span()));

        head_path
            .clone()
            .then(choice((property, relation, declaration)))
            .validate(|(head, rest), e, emitter| build_item::<I, E>(head, rest, e.span(), emitter))
            .labelled("item")
            .recover_with(via_parser(skipped))
    })
    .repeated()
    .collect::<Vec<_>>()
    .then_ignore(end())
}

/// What follows the first path of an item.
enum Rest {
    Property {
        colon: Span,
        value: Value,
        comma: Option<Span>,
    },
    Relation {
        arrow: Span,
        to: Path,
        title: Option<StringLit>,
        block: Option<Box<Block>>,
    },
    Declaration {
        name: Path,
        title: Option<StringLit>,
        block: Option<Box<Block>>,
    },
}

fn build_item<'t, I, E>(
    head: Path,
    rest: Rest,
    item_span: Span,
    emitter: &mut chumsky::input::Emitter<E>,
) -> Item
where
    I: chumsky::input::Input<'t>,
    E: GrammarError<'t, I>,
{
    let qualified = |path: &Path, code: &'static str, emitter: &mut chumsky::input::Emitter<E>| {
        if path.segments.len() > 1 {
            let s = path.span;
            emitter.emit(E::code(s, code));
        }
    };
    match rest {
        Rest::Property {
            colon,
            value,
            comma,
        } => {
            qualified(&head, QUALIFIED_PROPERTY, emitter);
            let name = head
                .segments
                .into_iter()
                .next()
                .expect("a path has a segment");
            Item::Property(Property {
                span: name.span.cover(value.span()),
                name,
                colon,
                value,
                comma,
            })
        }
        Rest::Relation {
            arrow,
            to,
            title,
            block,
        } => Item::Relation(Relation {
            from: head,
            arrow,
            to,
            title,
            block,
            span: item_span,
        }),
        Rest::Declaration { name, title, block } => {
            qualified(&head, QUALIFIED_KIND, emitter);
            let kind = head
                .segments
                .into_iter()
                .next()
                .expect("a path has a segment");
            if &*kind.text != "extend" {
                qualified(&name, QUALIFIED_NAME, emitter);
            }
            Item::Declaration(Declaration {
                kind,
                name,
                title,
                block,
                span: item_span,
            })
        }
    }
}
