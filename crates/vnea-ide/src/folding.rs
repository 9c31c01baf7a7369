//! Folding ranges: blocks, lists, text blocks and runs of comments that span lines.

use vnea_analysis::hir;
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::ast::{Item, Value};
use vnea_syntax::{CommentKind, Span};

/// What a folding range folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    /// A block, `{` to `}`.
    Block,
    /// A list, `[` to `]`.
    List,
    /// A block comment, or a run of line or doc comments on consecutive lines.
    Comment,
    /// A `"""` text block.
    Text,
}

/// A range of a file that can be folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldingRange {
    /// The bytes folded, delimiters included; they span more than one line.
    pub span: Span,
    /// What they are.
    pub kind: FoldKind,
}

fn spans_lines(text: &str, span: Span) -> bool {
    text.get(span.range())
        .is_some_and(|s| s.contains(['\n', '\r']))
}

struct Folder<'a> {
    text: &'a str,
    out: Vec<FoldingRange>,
}

impl Folder<'_> {
    fn push(&mut self, span: Span, kind: FoldKind) {
        if spans_lines(self.text, span) {
            self.out.push(FoldingRange { span, kind });
        }
    }

    fn items(&mut self, items: &[Item]) {
        for item in items {
            let block = match item {
                Item::Declaration(d) => d.block.as_deref(),
                Item::Relation(r) => r.block.as_deref(),
                Item::Property(p) => {
                    self.value(&p.value);
                    None
                }
                Item::Error(_) => None,
            };
            if let Some(block) = block {
                self.push(block.span(), FoldKind::Block);
                self.items(&block.items);
            }
        }
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::List(list) => {
                self.push(list.span, FoldKind::List);
                for element in &list.elements {
                    self.value(element);
                }
            }
            Value::Text(t) => self.push(t.span, FoldKind::Text),
            _ => {}
        }
    }

    /// Block comments alone; line and doc comments in runs of the same sort, each on its own
    /// line, one line after the other.
    fn comments(&mut self, comments: &[vnea_syntax::Comment]) {
        let mut run: Option<(Span, CommentKind)> = None;
        for comment in comments {
            if comment.kind == CommentKind::Block {
                self.push(comment.span, FoldKind::Comment);
                if let Some((span, _)) = run.take() {
                    self.push(span, FoldKind::Comment);
                }
                continue;
            }
            let continues = run.is_some_and(|(span, kind)| {
                let gap = &self.text[span.end..comment.span.start];
                kind == comment.kind
                    && comment.own_line
                    && gap.trim().is_empty()
                    && gap.matches(['\n', '\r']).count() - gap.matches("\r\n").count() == 1
            });
            match (&mut run, continues) {
                (Some((span, _)), true) => span.end = comment.span.end,
                _ => {
                    if let Some((span, _)) = run.take() {
                        self.push(span, FoldKind::Comment);
                    }
                    run = comment.own_line.then_some((comment.span, comment.kind));
                }
            }
        }
        if let Some((span, _)) = run {
            self.push(span, FoldKind::Comment);
        }
    }
}

/// The ranges of `file` an editor can fold, ordered by start: multi-line blocks, lists, text
/// blocks and block comments, and runs of line or doc comments on consecutive lines.
pub fn folding_ranges(db: &dyn Db, file: SourceFile) -> Vec<FoldingRange> {
    let parse = hir::parse(db, file);
    let mut folder = Folder {
        text: file.text(db),
        out: Vec::new(),
    };
    folder.items(&parse.file.items);
    folder.comments(&parse.comments);
    folder
        .out
        .sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    folder.out
}
