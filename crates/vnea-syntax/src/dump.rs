//! A readable, indented rendering of a syntax tree, for snapshot tests and debugging.

use std::fmt::Write;

use crate::ast::*;

/// Renders `file` one node per line. With `spans`, each node shows its byte range; without,
/// two trees that differ only in layout render the same.
pub fn dump(file: &SourceFile, spans: bool) -> String {
    let mut out = Dumper {
        out: String::new(),
        spans,
    };
    out.items(&file.items, 0);
    out.out
}

struct Dumper {
    out: String,
    spans: bool,
}

impl Dumper {
    fn line(&mut self, depth: usize, label: &str, span: crate::Span) {
        let _ = write!(self.out, "{:indent$}{label}", "", indent = depth * 2);
        if self.spans {
            let _ = write!(self.out, " @{span:?}");
        }
        self.out.push('\n');
    }

    fn items(&mut self, items: &[Item], depth: usize) {
        for item in items {
            self.item(item, depth);
        }
    }

    fn item(&mut self, item: &Item, depth: usize) {
        match item {
            Item::Declaration(d) => {
                let title = d
                    .title
                    .as_ref()
                    .map(|t| format!(" {:?}", t.value))
                    .unwrap_or_default();
                self.line(
                    depth,
                    &format!("Declaration {} {}{title}", d.kind.text, path_text(&d.name)),
                    d.span,
                );
                self.block(d.block.as_deref(), depth + 1);
            }
            Item::Relation(r) => {
                let title = r
                    .title
                    .as_ref()
                    .map(|t| format!(" {:?}", t.value))
                    .unwrap_or_default();
                self.line(
                    depth,
                    &format!(
                        "Relation {} -> {}{title}",
                        path_text(&r.from),
                        path_text(&r.to)
                    ),
                    r.span,
                );
                self.block(r.block.as_deref(), depth + 1);
            }
            Item::Property(p) => {
                self.line(depth, &format!("Property {}", p.name.text), p.span);
                self.value(&p.value, depth + 1);
            }
            Item::Error(span) => self.line(depth, "Error", *span),
        }
    }

    fn block(&mut self, block: Option<&Block>, depth: usize) {
        if let Some(block) = block {
            self.line(depth, "Block", block.span());
            self.items(&block.items, depth + 1);
        }
    }

    fn value(&mut self, value: &Value, depth: usize) {
        let label = match value {
            Value::String(s) => format!("String {:?}", s.value),
            Value::Text(t) => format!("Text {:?}", t.value),
            Value::Number(n) => format!("Number {}", n.text),
            Value::Bool(b) => format!("Bool {}", b.value),
            Value::Range(r) => format!("Range {}..{}", r.start.text, r.end.text),
            Value::Path(p) => format!("Path {}", path_text(p)),
            Value::Error(_) => "Error".to_owned(),
            Value::List(list) => {
                self.line(depth, "List", list.span);
                for element in &list.elements {
                    self.value(element, depth + 1);
                }
                return;
            }
        };
        self.line(depth, &label, value.span());
    }
}

/// The segments of `path` joined by dots, as written.
pub fn path_text(path: &Path) -> String {
    let mut text = String::new();
    for (i, segment) in path.segments.iter().enumerate() {
        if i > 0 {
            text.push('.');
        }
        text.push_str(&segment.text);
    }
    text
}
