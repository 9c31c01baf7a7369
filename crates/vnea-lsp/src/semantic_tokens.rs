//! Semantic tokens (`textDocument/semanticTokens/full` and `/range`): the classified tokens of
//! `vnea_ide::semantic_tokens` in LSP's relative encoding, over a legend of standard token
//! types and modifiers (and one of ours, `unresolvedReference`, which themes do not color, so
//! the editor's own syntax colors show through). Tokens that span lines (strings, text blocks,
//! block comments) are split at line ends for clients without `multilineTokenSupport`.

use ropey::Rope;
use tower_lsp_server::ls_types::{
    Position, SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens,
    SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams,
    SemanticTokensRangeResult, SemanticTokensResult, Uri,
};
use vnea_analysis::Cancelled;
use vnea_ide::SemanticTokenKind;
use vnea_syntax::Span;

use crate::dispatch::{Feature, Snapshot};
use crate::kinds;
use crate::position::{self, Encoding};

/// The token types of the legend, in legend order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenType {
    /// A declaration kind (`application`), `true` and `false`.
    Keyword,
    /// A property name.
    Property,
    /// An enumeration value; a reference-model category.
    EnumMember,
    /// A string or text block.
    String,
    /// A number.
    Number,
    /// A comment.
    Comment,
    /// `->` and `..`.
    Operator,
    /// A name of an architecture, framework, reference model or `extend` block.
    Namespace,
    /// A name of an application or platform.
    Class,
    /// A name of a database.
    Struct,
    /// A name of a channel or network.
    Interface,
    /// A name of a process.
    Function,
    /// A name of a service.
    Method,
    /// A name of an actor, principle, control (or of an unknown kind).
    Variable,
    /// A name of an infrastructure.
    Type,
    /// A name of a project.
    Event,
    /// A path segment that names nothing (not a standard type).
    UnresolvedReference,
}

impl TokenType {
    /// Every type, in legend order.
    const ALL: [TokenType; 17] = [
        TokenType::Keyword,
        TokenType::Property,
        TokenType::EnumMember,
        TokenType::String,
        TokenType::Number,
        TokenType::Comment,
        TokenType::Operator,
        TokenType::Namespace,
        TokenType::Class,
        TokenType::Struct,
        TokenType::Interface,
        TokenType::Function,
        TokenType::Method,
        TokenType::Variable,
        TokenType::Type,
        TokenType::Event,
        TokenType::UnresolvedReference,
    ];

    /// The type's name in LSP.
    fn lsp(self) -> SemanticTokenType {
        match self {
            TokenType::Keyword => SemanticTokenType::KEYWORD,
            TokenType::Property => SemanticTokenType::PROPERTY,
            TokenType::EnumMember => SemanticTokenType::ENUM_MEMBER,
            TokenType::String => SemanticTokenType::STRING,
            TokenType::Number => SemanticTokenType::NUMBER,
            TokenType::Comment => SemanticTokenType::COMMENT,
            TokenType::Operator => SemanticTokenType::OPERATOR,
            TokenType::Namespace => SemanticTokenType::NAMESPACE,
            TokenType::Class => SemanticTokenType::CLASS,
            TokenType::Struct => SemanticTokenType::STRUCT,
            TokenType::Interface => SemanticTokenType::INTERFACE,
            TokenType::Function => SemanticTokenType::FUNCTION,
            TokenType::Method => SemanticTokenType::METHOD,
            TokenType::Variable => SemanticTokenType::VARIABLE,
            TokenType::Type => SemanticTokenType::TYPE,
            TokenType::Event => SemanticTokenType::EVENT,
            TokenType::UnresolvedReference => SemanticTokenType::new("unresolvedReference"),
        }
    }

    /// The type's index in the legend.
    fn index(self) -> u32 {
        self as u32
    }
}

/// The modifiers of the legend, by bit: a name where it is declared; a name of a framework
/// pack's declaration (`defaultLibrary`: what the framework provides); a doc comment.
const MODIFIERS: [SemanticTokenModifier; 3] = [
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DEFAULT_LIBRARY,
    SemanticTokenModifier::DOCUMENTATION,
];

/// The legend the server announces.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TokenType::ALL.iter().map(|t| t.lsp()).collect(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// The legend type of `kind`.
fn token_type(kind: &SemanticTokenKind) -> TokenType {
    match kind {
        SemanticTokenKind::KindName | SemanticTokenKind::Keyword => TokenType::Keyword,
        SemanticTokenKind::Name(kind) => kinds::token(kind),
        SemanticTokenKind::UnresolvedName => TokenType::UnresolvedReference,
        SemanticTokenKind::Property => TokenType::Property,
        SemanticTokenKind::EnumValue => TokenType::EnumMember,
        SemanticTokenKind::String => TokenType::String,
        SemanticTokenKind::Number => TokenType::Number,
        SemanticTokenKind::Comment => TokenType::Comment,
        SemanticTokenKind::Operator => TokenType::Operator,
    }
}

/// The bit set of `modifiers`, by [`MODIFIERS`].
fn modifier_bits(modifiers: vnea_ide::Modifiers) -> u32 {
    u32::from(modifiers.declaration)
        | u32::from(modifiers.framework) << 1
        | u32::from(modifiers.documentation) << 2
}

/// `tokens` (in order, not overlapping) of the text `rope`, relatively encoded with columns and
/// lengths in `encoding`; a token over several lines is one token when the client supports
/// that (`multiline`), else one per line, without line breaks (empty lines get none).
pub fn encode(
    rope: &Rope,
    tokens: &[vnea_ide::SemanticToken],
    encoding: Encoding,
    multiline: bool,
) -> Vec<SemanticToken> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut previous = Position::new(0, 0);
    let mut push = |start: Position, length: u32, token_type: u32, bits: u32| {
        if length == 0 {
            return;
        }
        let delta_line = start.line - previous.line;
        let delta_start = if delta_line == 0 {
            start.character - previous.character
        } else {
            start.character
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type,
            token_modifiers_bitset: bits,
        });
        previous = start;
    };
    for token in tokens {
        let token_type = token_type(&token.kind).index();
        let bits = modifier_bits(token.modifiers);
        let start = position::position(rope, token.span.start, encoding);
        let end = position::position(rope, token.span.end, encoding);
        if start.line == end.line {
            push(start, end.character - start.character, token_type, bits);
        } else if multiline {
            let length = position::len(rope, token.span, encoding);
            push(start, length, token_type, bits);
        } else {
            for line in start.line..=end.line {
                let from = if line == start.line {
                    start.character
                } else {
                    0
                };
                let to = if line == end.line {
                    end.character
                } else {
                    position::line_len(rope, line, encoding)
                };
                push(Position::new(line, from), to - from, token_type, bits);
            }
        }
    }
    out
}

/// The encoded tokens of the request's document in `range` (all when `None`).
fn tokens(snapshot: &Snapshot, range: Option<Span>) -> Result<Option<SemanticTokens>, Cancelled> {
    let Some((analysis, doc)) = snapshot.open() else {
        return Ok(None);
    };
    analysis.with_db(|db| {
        let file = snapshot.file(db)?;
        let found = vnea_ide::semantic_tokens(db, file, range);
        let multiline = snapshot.client.multiline_tokens;
        Some(SemanticTokens {
            result_id: None,
            data: encode(&doc.rope, &found, snapshot.encoding, multiline),
        })
    })
}

/// `textDocument/semanticTokens/full`.
pub struct SemanticTokensFull;

impl Feature for SemanticTokensFull {
    type Params = SemanticTokensParams;
    type Output = Option<SemanticTokensResult>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, _: &Self::Params) -> Result<Self::Output, Cancelled> {
        Ok(tokens(snapshot, None)?.map(SemanticTokensResult::Tokens))
    }
}

/// `textDocument/semanticTokens/range`: the tokens that overlap the range.
pub struct SemanticTokensRange;

impl Feature for SemanticTokensRange {
    type Params = SemanticTokensRangeParams;
    type Output = Option<SemanticTokensRangeResult>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some(doc) = &snapshot.document else {
            return Ok(None);
        };
        let range = position::span(&doc.rope, params.range, snapshot.encoding);
        Ok(tokens(snapshot, Some(range))?.map(SemanticTokensRangeResult::Tokens))
    }
}

#[cfg(test)]
mod tests {
    use vnea_ide::Modifiers;

    use super::*;

    #[test]
    fn the_legend_follows_the_enum() {
        let legend = legend();
        for (i, t) in TokenType::ALL.iter().enumerate() {
            assert_eq!(t.index() as usize, i);
            assert_eq!(legend.token_types[i], t.lsp());
        }
        assert_eq!(legend.token_types[16].as_str(), "unresolvedReference");
        assert_eq!(legend.token_modifiers[1].as_str(), "defaultLibrary");
    }

    fn token(text: &str, piece: &str, kind: SemanticTokenKind) -> vnea_ide::SemanticToken {
        let start = text.find(piece).unwrap();
        vnea_ide::SemanticToken {
            span: Span::new(start, start + piece.len()),
            kind,
            modifiers: Modifiers {
                framework: true,
                ..Modifiers::default()
            },
        }
    }

    /// (line, column, length, type) of each token, made absolute again.
    fn decode(data: &[SemanticToken]) -> Vec<(u32, u32, u32, u32)> {
        let (mut line, mut column) = (0, 0);
        data.iter()
            .map(|t| {
                line += t.delta_line;
                column = if t.delta_line == 0 {
                    column + t.delta_start
                } else {
                    t.delta_start
                };
                (line, column, t.length, t.token_type)
            })
            .collect()
    }

    #[test]
    fn multi_line_tokens_are_split_unless_the_client_takes_them_whole() {
        let text = "/* ứng 😀\r\n\r\n dụng */ x \"\"\"a\nb\"\"\"";
        let rope = Rope::from_str(text);
        let tokens = [
            token(
                text,
                "/* ứng 😀\r\n\r\n dụng */",
                SemanticTokenKind::Comment,
            ),
            token(text, "x", SemanticTokenKind::Name("database".into())),
            token(text, "\"\"\"a\nb\"\"\"", SemanticTokenKind::String),
        ];
        let comment = TokenType::Comment.index();
        let string = TokenType::String.index();
        let split = encode(&rope, &tokens, Encoding::Utf16, false);
        assert_eq!(
            decode(&split),
            [
                (0, 0, 9, comment),
                // The empty line gets nothing.
                (2, 0, 8, comment),
                (2, 9, 1, TokenType::Struct.index()),
                (2, 11, 4, string),
                (3, 0, 4, string),
            ]
        );
        assert_eq!(split[0].token_modifiers_bitset, 0b10);
        let whole = encode(&rope, &tokens, Encoding::Utf16, true);
        // 9 units, CRLF, CRLF, 8 units.
        assert_eq!(decode(&whole)[0], (0, 0, 21, comment));
        assert_eq!(decode(&whole)[2], (2, 11, 9, string));
        let bytes = encode(&rope, &tokens, Encoding::Utf8, false);
        assert_eq!(decode(&bytes)[0], (0, 0, "/* ứng 😀".len() as u32, comment));
        assert_eq!(decode(&bytes)[1], (2, 0, " dụng */".len() as u32, comment));
    }
}
