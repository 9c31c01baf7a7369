//! The formatter: one canonical layout, described in `docs/formatting.md`.
//!
//! It prints the syntax tree and, as it goes, every comment whose turn has come: before
//! printing a token it first prints the comments that stand before that token in the source.
//! A comment that shared a line with the previous token stays on that line; any other comment
//! gets a line of its own. So no comment is lost or reordered, whatever its place.

use crate::ast::*;
use crate::comments::{Comment, CommentKind};
use crate::error::SyntaxError;
use crate::span::Span;

/// The widest a line may be, in characters, before a list or block is broken over lines.
pub const MAX_WIDTH: usize = 100;

/// Spaces per indentation level.
const INDENT: &str = "  ";

/// Formats `text`. Refuses text with syntax errors, returning them.
pub fn format(text: &str) -> Result<String, Vec<SyntaxError>> {
    let parse = crate::parse(text);
    if !parse.errors.is_empty() {
        return Err(parse.errors);
    }
    let mut printer = Printer {
        text,
        comments: &parse.comments,
        next_comment: 0,
        out: String::with_capacity(text.len() + text.len() / 8),
        newline: if first_line_end_is_crlf(text) {
            "\r\n"
        } else {
            "\n"
        },
        indent: 0,
        at_line_start: true,
        space_pending: false,
        at_item_start: true,
        at_block_start: true,
        last_source_end: 0,
        after_inline_comment: false,
        reserved: 0,
    };
    printer.items(&parse.file.items, text.len());
    printer.finish_line();
    Ok(printer.out)
}

fn first_line_end_is_crlf(text: &str) -> bool {
    text.find(['\n', '\r'])
        .is_some_and(|i| text[i..].starts_with("\r\n"))
}

/// Number of line breaks (`\n`, `\r\n`, `\r`) in `text`.
fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

struct Printer<'a> {
    text: &'a str,
    comments: &'a [Comment],
    /// The first comment not printed yet.
    next_comment: usize,
    out: String,
    newline: &'static str,
    indent: usize,
    /// Nothing has been written on the current output line.
    at_line_start: bool,
    /// A space goes before the next token on this line.
    space_pending: bool,
    /// The next token starts an item (or a list element): no continuation indent.
    at_item_start: bool,
    /// Nothing has been printed in the current block yet: no blank line may come.
    at_block_start: bool,
    /// Source offset just past the last token or comment printed.
    last_source_end: usize,
    /// The last thing printed is a block comment that shares its line with what follows it.
    after_inline_comment: bool,
    /// Width that must stay free after the value being printed (a list element's comma).
    reserved: usize,
}

impl<'a> Printer<'a> {
    fn source(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }

    fn has_comment_inside(&self, span: Span) -> bool {
        let first = self
            .comments
            .partition_point(|c| c.span.start <= span.start);
        self.comments
            .get(first)
            .is_some_and(|c| c.span.start < span.end)
    }

    /// The column at which the next token would start, counting the indentation or space
    /// still to be written, plus the width `reserved` for what must follow on the line.
    fn next_column(&self) -> usize {
        let pending = if self.at_line_start {
            (self.indent + usize::from(!self.at_item_start)) * INDENT.len()
        } else {
            let line_start = self.out.rfind('\n').map_or(0, |i| i + 1);
            self.out[line_start..].chars().count() + usize::from(self.space_pending)
        };
        pending + self.reserved
    }

    fn finish_line(&mut self) {
        if !self.at_line_start {
            let trimmed = self.out.trim_end_matches(' ').len();
            self.out.truncate(trimmed);
            self.out.push_str(self.newline);
            self.at_line_start = true;
        }
        self.space_pending = false;
    }

    /// Starts a new line for something at source offset `at`, keeping one blank line where the
    /// source had at least one (except at the start of a block).
    fn line_for(&mut self, at: usize) {
        let gap = &self.text[self.last_source_end.min(at)..at];
        if self.after_inline_comment && line_breaks(gap) == 0 {
            // `/* note */ item`: the item stays on the comment's line.
            self.after_inline_comment = false;
            return;
        }
        self.finish_line();
        if !self.at_block_start && !self.out.is_empty() && line_breaks(gap) >= 2 {
            self.out.push_str(self.newline);
        }
        self.at_block_start = false;
    }

    fn write_indent(&mut self) {
        let levels = self.indent + usize::from(!self.at_item_start);
        for _ in 0..levels {
            self.out.push_str(INDENT);
        }
    }

    /// Writes `text` standing for the source span `span`, after any comment before it.
    fn token(&mut self, span: Span, text: &str) {
        self.comments_before(span.start);
        self.raw(text);
        self.last_source_end = span.end;
    }

    /// Writes `text`, which has no place in the source (a comma the layout adds).
    fn raw(&mut self, text: &str) {
        if self.at_line_start {
            self.write_indent();
        } else if self.space_pending {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.at_line_start = false;
        self.space_pending = false;
        self.at_item_start = false;
        self.at_block_start = false;
        self.after_inline_comment = false;
    }

    fn space(&mut self) {
        self.space_pending = true;
    }

    /// Prints every comment that starts before `offset`.
    fn comments_before(&mut self, offset: usize) {
        while let Some(&comment) = self.comments.get(self.next_comment) {
            if comment.span.start >= offset {
                break;
            }
            self.comment(comment);
        }
    }

    /// Prints the comments that start before `limit` on the line where the source last was.
    fn trailing_comments(&mut self, limit: usize) {
        while let Some(&comment) = self.comments.get(self.next_comment) {
            let gap = &self.text[self.last_source_end.min(comment.span.start)..comment.span.start];
            if comment.span.start >= limit || line_breaks(gap) > 0 {
                break;
            }
            self.comment(comment);
        }
    }

    fn comment(&mut self, comment: Comment) {
        self.next_comment += 1;
        let gap = &self.text[self.last_source_end.min(comment.span.start)..comment.span.start];
        let same_line = !self.at_line_start && line_breaks(gap) == 0;
        let body = self.source(comment.span);
        let body = match comment.kind {
            CommentKind::Block => body,
            CommentKind::Line | CommentKind::Doc => body.trim_end(),
        };
        if same_line {
            self.space_pending = true;
        } else {
            let item_start = self.at_item_start;
            self.line_for(comment.span.start);
            self.at_item_start = item_start;
        }
        let item_start = self.at_item_start;
        self.raw(body);
        self.at_item_start = item_start;
        self.last_source_end = comment.span.end;
        let next_on_same_line = {
            let rest = &self.text[comment.span.end..];
            let next = rest.find(|c: char| !matches!(c, ' ' | '\t' | '\u{c}' | '\u{feff}'));
            next.is_some_and(|i| !rest[i..].starts_with(['\n', '\r']))
        };
        if comment.kind == CommentKind::Block && next_on_same_line {
            self.space();
            self.after_inline_comment = true;
        } else {
            self.finish_line();
        }
    }

    /// Prints `items`, which end before `end` (a closing brace, or the end of the file), and
    /// the comments left before `end`.
    fn items(&mut self, items: &[Item], end: usize) {
        for (i, item) in items.iter().enumerate() {
            let start = item.span().start;
            self.at_item_start = true;
            self.comments_before(start);
            self.line_for(start);
            self.at_item_start = true;
            self.item(item);
            let limit = items.get(i + 1).map_or(end, |next| next.span().start);
            self.trailing_comments(limit);
        }
        self.at_item_start = true;
        self.comments_before(end);
        self.finish_line();
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Declaration(d) => {
                self.ident(&d.kind);
                self.space();
                self.path(&d.name);
                self.title_and_block(d.title.as_ref(), d.block.as_deref());
            }
            Item::Relation(r) => {
                self.path(&r.from);
                self.space();
                self.token(r.arrow, "->");
                self.space();
                self.path(&r.to);
                self.title_and_block(r.title.as_ref(), r.block.as_deref());
            }
            Item::Property(p) => self.property(p),
            // Files with errors are never formatted.
            Item::Error(span) => self.token(*span, self.source(*span)),
        }
    }

    fn property(&mut self, p: &Property) {
        self.ident(&p.name);
        self.token(p.colon, ":");
        self.space();
        self.value(&p.value);
    }

    fn title_and_block(&mut self, title: Option<&StringLit>, block: Option<&Block>) {
        if let Some(title) = title {
            self.space();
            self.token(title.span, self.source(title.span));
        }
        if let Some(block) = block {
            self.space();
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        let span = block.span();
        if !self.has_comment_inside(span) {
            if block.items.is_empty() {
                self.token(block.open, "{");
                self.token(block.close, "}");
                return;
            }
            if let Some(line) = self.one_line_block(block)
                && self.next_column() + line.chars().count() <= MAX_WIDTH
            {
                self.comments_before(block.open.start);
                self.raw(&line);
                self.last_source_end = block.close.end;
                return;
            }
        }
        self.token(block.open, "{");
        let first = block
            .items
            .first()
            .map_or(block.close.start, |i| i.span().start);
        self.trailing_comments(first);
        self.finish_line();
        self.indent += 1;
        self.at_block_start = true;
        self.items(&block.items, block.close.start);
        self.indent -= 1;
        self.at_item_start = true;
        self.token(block.close, "}");
    }

    /// The block on one line, if it was written on one line and holds only properties.
    fn one_line_block(&self, block: &Block) -> Option<String> {
        if line_breaks(self.source(block.span())) > 0 {
            return None;
        }
        let mut line = String::from("{ ");
        for (i, item) in block.items.iter().enumerate() {
            let Item::Property(p) = item else { return None };
            if i > 0 {
                line.push_str(", ");
            }
            line.push_str(&p.name.text);
            line.push_str(": ");
            self.inline_value(&p.value, &mut line);
        }
        line.push_str(" }");
        Some(line)
    }

    fn inline_value(&self, value: &Value, out: &mut String) {
        match value {
            Value::List(list) => self.inline_list(list, out),
            Value::Path(path) => push_path(path, out),
            Value::Range(r) => {
                out.push_str(&r.start.text);
                out.push_str("..");
                out.push_str(&r.end.text);
            }
            Value::Bool(b) => out.push_str(if b.value { "true" } else { "false" }),
            Value::Number(n) => out.push_str(&n.text),
            Value::String(_) | Value::Text(_) | Value::Error(_) => {
                out.push_str(self.source(value.span()))
            }
        }
    }

    fn inline_list(&self, list: &List, out: &mut String) {
        out.push('[');
        for (i, element) in list.elements.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.inline_value(element, out);
        }
        out.push(']');
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::List(list) => self.list(list),
            Value::Path(path) => self.path(path),
            Value::Range(r) => {
                self.token(r.start.span, &r.start.text);
                self.token(r.dots, "..");
                self.token(r.end.span, &r.end.text);
            }
            Value::Bool(b) => self.token(b.span, if b.value { "true" } else { "false" }),
            Value::Number(n) => self.token(n.span, &n.text),
            Value::String(_) | Value::Text(_) | Value::Error(_) => {
                let span = value.span();
                self.token(span, self.source(span));
            }
        }
    }

    fn list(&mut self, list: &List) {
        if !self.has_comment_inside(list.span) {
            let mut line = String::new();
            self.inline_list(list, &mut line);
            let multiline_text = line_breaks(&line) > 0;
            if list.elements.is_empty()
                || (!multiline_text && self.next_column() + line.chars().count() <= MAX_WIDTH)
            {
                self.comments_before(list.open.start);
                self.raw(&line);
                self.last_source_end = list.span.end;
                return;
            }
        }
        self.token(list.open, "[");
        let first = list
            .elements
            .first()
            .map_or(list.close.start, |e| e.span().start);
        self.trailing_comments(first);
        self.finish_line();
        self.indent += 1;
        for (i, element) in list.elements.iter().enumerate() {
            let start = element.span().start;
            self.at_item_start = true;
            self.at_block_start = true;
            self.comments_before(start);
            self.line_for(start);
            self.at_item_start = true;
            self.reserved = 1;
            self.value(element);
            self.reserved = 0;
            self.raw(",");
            let limit = list
                .elements
                .get(i + 1)
                .map_or(list.close.start, |e| e.span().start);
            self.trailing_comments(limit);
        }
        self.at_item_start = true;
        self.at_block_start = true;
        self.comments_before(list.close.start);
        self.finish_line();
        self.indent -= 1;
        self.at_item_start = true;
        self.token(list.close, "]");
    }

    fn ident(&mut self, ident: &Ident) {
        self.token(ident.span, &ident.text);
    }

    fn path(&mut self, path: &Path) {
        for (i, segment) in path.segments.iter().enumerate() {
            if i > 0 {
                // The dot has no span of its own in the tree; comments before it print before
                // the next segment.
                self.raw(".");
            }
            self.ident(segment);
        }
    }
}

fn push_path(path: &Path, out: &mut String) {
    for (i, segment) in path.segments.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&segment.text);
    }
}
