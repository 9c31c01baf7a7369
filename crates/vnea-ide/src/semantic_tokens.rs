//! Semantic tokens: every meaningful token of a file, classified by syntax and by name
//! resolution.

use std::collections::HashMap;

use smol_str::SmolStr;
use vnea_analysis::hir::{self, Container, item_tree, walk};
use vnea_analysis::resolve::kind_of;
use vnea_analysis::schema::{self, ValueType};
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::ast::{Item, Value};
use vnea_syntax::{Span, TokenKind, lex};

use crate::names::{Role, names};

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SemanticTokenKind {
    /// A declaration's kind: `application`, `extend`.
    KindName,
    /// A declaration's name, or a path segment that names a declaration; holds that
    /// declaration's kind as written (`application`, `refmodel`, `category`, …).
    Name(SmolStr),
    /// A path segment that names nothing.
    UnresolvedName,
    /// A property's name.
    Property,
    /// A value of an enumeration: `ministry`, `issued`.
    EnumValue,
    /// A string, or a `"""` text block.
    String,
    /// A number.
    Number,
    /// `true` or `false`, the reserved words.
    Keyword,
    /// A comment of any sort.
    Comment,
    /// `->` or `..`.
    Operator,
}

/// Modifiers of a [`SemanticToken`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modifiers {
    /// A name where it is declared.
    pub declaration: bool,
    /// A name of a framework pack's declaration.
    pub framework: bool,
    /// A doc comment (`///`).
    pub documentation: bool,
}

/// A classified token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemanticToken {
    /// The token; strings, text blocks and block comments may span lines.
    pub span: Span,
    /// What it is.
    pub kind: SemanticTokenKind,
    /// How.
    pub modifiers: Modifiers,
}

/// The classified tokens of `file` that overlap `range` (all of them when `None`), in order:
/// kinds, names (by the kind of what they name; unresolved ones apart), property names, enum
/// values, strings, numbers, `true`/`false`, comments and the operators `->` and `..`.
/// Punctuation and tokens the parser skipped are left out.
pub fn semantic_tokens(db: &dyn Db, file: SourceFile, range: Option<Span>) -> Vec<SemanticToken> {
    let text = file.text(db);
    let parse = hir::parse(db, file);
    let tree = item_tree(db, file);
    let mut identifiers: HashMap<usize, (SemanticTokenKind, Modifiers)> = HashMap::new();
    for name in names(db, file) {
        let class = match name.target(db, file) {
            Some(target) => (
                SemanticTokenKind::Name(kind_of(db, target).clone()),
                Modifiers {
                    declaration: matches!(name.role, Role::Declaration(_)),
                    framework: target.file.in_pack(db),
                    documentation: false,
                },
            ),
            None => (SemanticTokenKind::UnresolvedName, Modifiers::default()),
        };
        identifiers.insert(name.span.start, class);
    }
    for walked in walk(&parse.file) {
        match walked.item {
            Item::Declaration(d) => {
                identifiers.insert(
                    d.kind.span.start,
                    (SemanticTokenKind::KindName, Modifiers::default()),
                );
            }
            Item::Property(p) => {
                identifiers.insert(
                    p.name.span.start,
                    (SemanticTokenKind::Property, Modifiers::default()),
                );
                let Container::Decl(owner) = walked.container else {
                    continue;
                };
                let is_enum = schema::kind(&tree.decls[owner as usize].kind)
                    .and_then(|k| schema::property(k, &p.name.text, file.in_pack(db)))
                    .is_some_and(|s| matches!(s.value, ValueType::Enum(_)));
                if let (true, Value::Path(path)) = (is_enum, &p.value)
                    && let [word] = path.segments.as_slice()
                {
                    identifiers.insert(
                        word.span.start,
                        (SemanticTokenKind::EnumValue, Modifiers::default()),
                    );
                }
            }
            Item::Relation(_) | Item::Error(_) => {}
        }
    }
    lex(text)
        .tokens
        .into_iter()
        .filter(|t| range.is_none_or(|r| t.span.start < r.end && r.start < t.span.end))
        .filter_map(|t| {
            let plain = |kind| Some((kind, Modifiers::default()));
            let (kind, modifiers) = match t.kind {
                TokenKind::Ident => identifiers.get(&t.span.start).cloned(),
                TokenKind::String
                | TokenKind::UnterminatedString
                | TokenKind::TextBlock
                | TokenKind::UnterminatedTextBlock => plain(SemanticTokenKind::String),
                TokenKind::Number => plain(SemanticTokenKind::Number),
                TokenKind::True | TokenKind::False => plain(SemanticTokenKind::Keyword),
                TokenKind::DocComment => Some((
                    SemanticTokenKind::Comment,
                    Modifiers {
                        documentation: true,
                        ..Modifiers::default()
                    },
                )),
                TokenKind::LineComment
                | TokenKind::BlockComment
                | TokenKind::UnterminatedBlockComment => plain(SemanticTokenKind::Comment),
                TokenKind::Arrow | TokenKind::DotDot => plain(SemanticTokenKind::Operator),
                _ => None,
            }?;
            Some(SemanticToken {
                span: t.span,
                kind,
                modifiers,
            })
        })
        .collect()
}
