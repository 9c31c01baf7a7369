//! The typed syntax tree. Every node, name, value and punctuation mark an IDE feature needs
//! carries its byte span. The tree owns its text, so it outlives the source string.

use smol_str::SmolStr;

use crate::names;
use crate::span::Span;

/// A parsed `.vnea` file: its top-level items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceFile {
    /// Top-level items in source order.
    pub items: Vec<Item>,
}

/// An item of a file or of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// `kind name "title" { ... }`
    Declaration(Declaration),
    /// `a -> b "title" { ... }`
    Relation(Relation),
    /// `name: value`
    Property(Property),
    /// Tokens the parser skipped while recovering from an error.
    Error(Span),
}

impl Item {
    /// The bytes the item covers.
    pub fn span(&self) -> Span {
        match self {
            Item::Declaration(d) => d.span,
            Item::Relation(r) => r.span,
            Item::Property(p) => p.span,
            Item::Error(span) => *span,
        }
    }
}

/// A declaration: `Kind Name [Title] [Block]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    /// The kind, e.g. `application`. Kinds are ordinary identifiers.
    pub kind: Ident,
    /// The declared name: one segment, except after the kind `extend`.
    pub name: Path,
    /// The optional title string.
    pub title: Option<StringLit>,
    /// The optional body.
    pub block: Option<Box<Block>>,
    /// From the kind to the end of the title or block.
    pub span: Span,
}

/// A relation: `From -> To [Title] [Block]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// The source element.
    pub from: Path,
    /// The `->`.
    pub arrow: Span,
    /// The target element.
    pub to: Path,
    /// The optional label.
    pub title: Option<StringLit>,
    /// The optional body (`via`, `network`, `data`, ...).
    pub block: Option<Box<Block>>,
    /// From the source path to the end of the title or block.
    pub span: Span,
}

/// A property: `name: value`, with an optional trailing comma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The property name.
    pub name: Ident,
    /// The `:`.
    pub colon: Span,
    /// The value.
    pub value: Value,
    /// The trailing `,`, if written.
    pub comma: Option<Span>,
    /// From the name to the end of the value (the comma excluded).
    pub span: Span,
}

/// `{ items }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The `{`.
    pub open: Span,
    /// The items inside.
    pub items: Vec<Item>,
    /// The `}`; an empty span where the brace is missing and the parser supplied it.
    pub close: Span,
}

impl Block {
    /// From `{` to `}`.
    pub fn span(&self) -> Span {
        self.open.cover(self.close)
    }
}

/// A value of a property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `"..."`
    String(StringLit),
    /// `"""..."""`
    Text(TextLit),
    /// `2` or `2.0`
    Number(NumberLit),
    /// `true` or `false`
    Bool(BoolLit),
    /// `2021..2025`
    Range(Box<RangeLit>),
    /// `a.b.c`
    Path(Path),
    /// `[a, b]`
    List(Box<List>),
    /// Tokens skipped while recovering from an error inside a list.
    Error(Span),
}

impl Value {
    /// The bytes the value covers.
    pub fn span(&self) -> Span {
        match self {
            Value::String(v) => v.span,
            Value::Text(v) => v.span,
            Value::Number(v) => v.span,
            Value::Bool(v) => v.span,
            Value::Range(v) => v.span,
            Value::Path(v) => v.span,
            Value::List(v) => v.span,
            Value::Error(span) => *span,
        }
    }
}

/// An identifier as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The text as written (not normalized).
    pub text: SmolStr,
    /// Where it is written.
    pub span: Span,
}

impl Ident {
    /// The name for comparisons: the NFC normal form of the text.
    pub fn name(&self) -> std::borrow::Cow<'_, str> {
        names::normalize(&self.text)
    }
}

/// A dotted path: `IDENT { "." IDENT }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The segments, at least one.
    pub segments: Vec<Ident>,
    /// From the first to the last segment.
    pub span: Span,
}

/// A `"..."` string literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringLit {
    /// The value after decoding escapes.
    pub value: Box<str>,
    /// The literal, quotes included.
    pub span: Span,
}

/// A `"""..."""` text block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLit {
    /// The text between the delimiters, exactly as written.
    pub value: Box<str>,
    /// The literal, delimiters included.
    pub span: Span,
}

/// A number literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLit {
    /// The digits as written (`2`, `2.0`).
    pub text: SmolStr,
    /// Where it is written.
    pub span: Span,
}

/// `true` or `false`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoolLit {
    /// The value.
    pub value: bool,
    /// Where it is written.
    pub span: Span,
}

/// `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeLit {
    /// The lower bound.
    pub start: NumberLit,
    /// The `..`.
    pub dots: Span,
    /// The upper bound.
    pub end: NumberLit,
    /// From the lower to the upper bound.
    pub span: Span,
}

/// `[v, ...]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// The `[`.
    pub open: Span,
    /// The elements.
    pub elements: Vec<Value>,
    /// The `]`; an empty span where the bracket is missing and the parser supplied it.
    pub close: Span,
    /// From `[` to `]`.
    pub span: Span,
}
