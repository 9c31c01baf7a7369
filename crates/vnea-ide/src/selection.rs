//! Selection ranges: from the token at an offset outward to the whole file.

use vnea_analysis::hir;
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::ast::{Item, Path, Value};
use vnea_syntax::{Span, TokenKind, lex};

/// Pushes the spans of `path` around `offset`, outermost first.
fn path(path: &Path, offset: usize, out: &mut Vec<Span>) {
    out.push(path.span);
    out.extend(
        path.segments
            .iter()
            .map(|s| s.span)
            .filter(|s| s.touches(offset)),
    );
}

fn value(value: &Value, offset: usize, out: &mut Vec<Span>) {
    if !value.span().touches(offset) {
        return;
    }
    out.push(value.span());
    match value {
        Value::List(list) => {
            for element in &list.elements {
                self::value(element, offset, out);
            }
        }
        Value::Range(range) => {
            out.extend(
                [range.start.span, range.end.span]
                    .into_iter()
                    .filter(|s| s.touches(offset)),
            );
        }
        Value::Path(p) => path(p, offset, out),
        _ => {}
    }
}

fn items(items: &[Item], offset: usize, out: &mut Vec<Span>) {
    let Some(item) = items.iter().find(|i| i.span().touches(offset)) else {
        return;
    };
    out.push(item.span());
    let block = match item {
        Item::Declaration(d) => {
            if d.kind.span.touches(offset) {
                out.push(d.kind.span);
            }
            if d.name.span.touches(offset) {
                path(&d.name, offset, out);
            }
            d.title.iter().for_each(|t| out.push(t.span));
            d.block.as_deref()
        }
        Item::Relation(r) => {
            for p in [&r.from, &r.to] {
                if p.span.touches(offset) {
                    path(p, offset, out);
                }
            }
            r.title.iter().for_each(|t| out.push(t.span));
            r.block.as_deref()
        }
        Item::Property(p) => {
            out.push(p.name.span);
            value(&p.value, offset, out);
            None
        }
        Item::Error(_) => None,
    };
    if let Some(block) = block.filter(|b| b.span().touches(offset)) {
        out.push(block.span());
        self::items(&block.items, offset, out);
    }
}

/// For each of `offsets`, the ranges a selection around it grows through, innermost first,
/// each strictly inside the next: the token (identifier, literal, comment, punctuation), the
/// path, the value, the list, the property, the block, the declaration, its enclosing blocks
/// and declarations, and the whole file.
pub fn selection_ranges(db: &dyn Db, file: SourceFile, offsets: &[usize]) -> Vec<Vec<Span>> {
    let text = file.text(db);
    let parse = hir::parse(db, file);
    let tokens = lex(text).tokens;
    offsets
        .iter()
        .map(|&offset| {
            let mut spans = vec![Span::new(0, text.len())];
            items(&parse.file.items, offset, &mut spans);
            // The token at the offset, else the one that ends there; whitespace is no token.
            let token = tokens
                .iter()
                .find(|t| t.span.start <= offset && offset < t.span.end)
                .filter(|t| t.kind != TokenKind::Whitespace)
                .or_else(|| {
                    tokens
                        .iter()
                        .find(|t| t.span.end == offset && t.kind != TokenKind::Whitespace)
                });
            spans.extend(token.map(|t| t.span));
            // Keep those around the offset, innermost first, each inside the next.
            spans.retain(|s| s.touches(offset));
            spans.sort_by_key(|s| (s.len(), s.start));
            let mut chain: Vec<Span> = Vec::new();
            for span in spans {
                if chain
                    .last()
                    .is_none_or(|&last| span != last && span.contains_span(last))
                {
                    chain.push(span);
                }
            }
            chain
        })
        .collect()
}
