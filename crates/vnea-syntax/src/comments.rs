//! The comment side table. Comments are not part of the syntax tree; they are collected from
//! the tokens and attached to nodes on demand as *leading* (on lines of their own before an
//! item), *trailing* (after an item, on the line where it ends) or *dangling* (inside a node
//! with no item to attach to: an empty block, the end of a block, or between the parts of an
//! item).

use std::collections::HashMap;

use crate::ast::{Item, SourceFile};
use crate::lexer::{Token, TokenKind};
use crate::span::Span;

/// What sort of comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommentKind {
    /// `// text`
    Line,
    /// `/// text`, documentation of the declaration that follows.
    Doc,
    /// `/* text */`, possibly unterminated.
    Block,
}

/// One comment of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Comment {
    /// Its sort.
    pub kind: CommentKind,
    /// The bytes it covers, delimiters included.
    pub span: Span,
    /// Whether only whitespace precedes it on its line.
    pub own_line: bool,
}

/// Collects the comments among `tokens`.
pub fn collect(text: &str, tokens: &[Token]) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut own_line = true;
    for token in tokens {
        let kind = match token.kind {
            TokenKind::LineComment => CommentKind::Line,
            TokenKind::DocComment => CommentKind::Doc,
            TokenKind::BlockComment | TokenKind::UnterminatedBlockComment => CommentKind::Block,
            TokenKind::Whitespace => {
                if text[token.span.range()].contains(['\n', '\r']) {
                    own_line = true;
                }
                continue;
            }
            _ => {
                own_line = false;
                continue;
            }
        };
        comments.push(Comment {
            kind,
            span: token.span,
            own_line,
        });
        own_line = false;
    }
    comments
}

/// Where a comment attaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Before the node, on lines of its own.
    Leading,
    /// After the node, on the line where it ends.
    Trailing,
    /// Inside the node, with no item to attach to.
    Dangling,
}

/// Comments attached to nodes, each node named by its span (items by [`Item::span`], a block
/// by [`crate::ast::Block::span`], the file by the span of the whole text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentMap {
    attached: HashMap<(Span, Placement), Vec<Comment>>,
}

impl CommentMap {
    /// Attaches every comment of `comments` to a node of `file`.
    pub fn new(text: &str, file: &SourceFile, comments: &[Comment]) -> Self {
        let mut map = CommentMap::default();
        let whole = Span::new(0, text.len());
        for &comment in comments {
            let (node, placement) = attach(text, &file.items, whole, comment);
            map.attached
                .entry((node, placement))
                .or_default()
                .push(comment);
        }
        map
    }

    /// The comments attached to `node` with `placement`, in source order.
    pub fn get(&self, node: Span, placement: Placement) -> &[Comment] {
        self.attached
            .get(&(node, placement))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// Finds the node `comment` attaches to among `items`, which lie inside `container`.
fn attach(text: &str, items: &[Item], container: Span, comment: Comment) -> (Span, Placement) {
    let at = comment.span.start;
    // The first item that ends after the comment starts.
    let idx = items.partition_point(|item| item.span().end <= at);
    if let Some(item) = items.get(idx).filter(|item| item.span().start < at) {
        // The comment lies inside this item: inside its block, or between its parts.
        let block = match item {
            Item::Declaration(d) => d.block.as_deref(),
            Item::Relation(r) => r.block.as_deref(),
            _ => None,
        };
        return match block {
            Some(block) if block.open.end <= at && at < block.close.start.max(block.open.end) => {
                attach(text, &block.items, block.span(), comment)
            }
            _ => (item.span(), Placement::Dangling),
        };
    }
    if idx > 0 {
        let previous = items[idx - 1].span();
        if !text[previous.end..at].contains(['\n', '\r']) {
            return (previous, Placement::Trailing);
        }
    }
    match items.get(idx) {
        Some(next) => (next.span(), Placement::Leading),
        None => (container, Placement::Dangling),
    }
}

/// The text of the doc comments (`///`) directly above the item at `item`: consecutive doc
/// comments with nothing but whitespace between them and the item, without their `///` and
/// one leading space, joined by `\n`.
pub fn doc_text(text: &str, comments: &[Comment], item: Span) -> Option<String> {
    let end = comments.partition_point(|c| c.span.end <= item.start);
    let mut lines = Vec::new();
    let mut next_start = item.start;
    for comment in comments[..end].iter().rev() {
        let between = &text[comment.span.end..next_start];
        if comment.kind != CommentKind::Doc || !between.trim().is_empty() {
            break;
        }
        let body = &text[comment.span.range()][3..];
        lines.push(body.strip_prefix(' ').unwrap_or(body).trim_end());
        next_start = comment.span.start;
    }
    if lines.is_empty() {
        return None;
    }
    lines.reverse();
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every comment of `text` with its placement and the text of the node it attaches to.
    fn attachments(text: &str) -> Vec<String> {
        let parse = crate::parse(text);
        let map = CommentMap::new(text, &parse.file, &parse.comments);
        let mut out = Vec::new();
        for (&(node, placement), comments) in &map.attached {
            for comment in comments {
                let node_text = text[node.range()].lines().next().unwrap_or("");
                out.push(format!(
                    "{} -> {placement:?} {node_text}",
                    &text[comment.span.range()]
                ));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn leading_trailing_and_dangling() {
        let text = "\
// dẫn đầu
actor a \"A\" // theo sau
application b {
  owner: \"x\" /* theo sau thuộc tính */
  // treo ở cuối khối
}
database c { /* treo trong khối rỗng */ }
principle d /* giữa các phần */ \"D\"
// cuối tệp
";
        assert_eq!(
            attachments(text),
            [
                "/* giữa các phần */ -> Dangling principle d /* giữa các phần */ \"D\"",
                "/* theo sau thuộc tính */ -> Trailing owner: \"x\"",
                "/* treo trong khối rỗng */ -> Dangling { /* treo trong khối rỗng */ }",
                "// cuối tệp -> Dangling // dẫn đầu",
                "// dẫn đầu -> Leading actor a \"A\"",
                "// theo sau -> Trailing actor a \"A\"",
                "// treo ở cuối khối -> Dangling {",
            ]
        );
    }

    #[test]
    fn doc_text_takes_the_doc_comments_right_above() {
        let text = "/// không phải của a\n// thường\nactor a\n";
        let parse = crate::parse(text);
        let item = parse.file.items[0].span();
        assert_eq!(
            doc_text(text, &parse.comments, item).as_deref(),
            None,
            "a plain comment between doc comments and the item cuts them off"
        );
        let text = "/// không phải của a\n// thường\n/// Dòng một\n///Dòng hai\nactor a\n";
        let parse = crate::parse(text);
        let item = parse.file.items[0].span();
        assert_eq!(
            doc_text(text, &parse.comments, item).as_deref(),
            Some("Dòng một\nDòng hai")
        );
    }
}
