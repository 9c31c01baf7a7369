//! Document symbols (the outline of a file) and workspace symbols (search by name or title).

use vnea_analysis::hir::{self, item_tree};
use vnea_analysis::resolve::DeclId;
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::Span;
use vnea_syntax::ast::Item;
use vnea_syntax::dump::path_text;

use crate::names::{Query, SyntaxCache, WORDS_MATCH, title_of};
use crate::navigation::NavigationTarget;

/// A declaration or relation in the outline of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSymbol {
    /// The declaration's name as written (`ARM.dung_chung` after `extend`), or `a -> b` for a
    /// relation.
    pub name: String,
    /// The title, if any.
    pub detail: Option<String>,
    /// The kind as written (`application`, `category`, …), or `relation`.
    pub kind: String,
    /// The whole declaration or relation.
    pub range: Span,
    /// Its name; for a relation, from its source to its target.
    pub selection_range: Span,
    /// The declarations and relations of its block.
    pub children: Vec<DocumentSymbol>,
}

/// The kind [`DocumentSymbol`] gives relations.
const RELATION: &str = "relation";

fn outline(items: &[Item]) -> Vec<DocumentSymbol> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Declaration(d) => Some(DocumentSymbol {
                name: path_text(&d.name),
                detail: d.title.as_ref().map(|t| t.value.to_string()),
                kind: d.kind.text.to_string(),
                range: d.span,
                selection_range: d.name.span,
                children: d.block.as_ref().map_or(Vec::new(), |b| outline(&b.items)),
            }),
            Item::Relation(r) => Some(DocumentSymbol {
                name: format!("{} -> {}", path_text(&r.from), path_text(&r.to)),
                detail: r.title.as_ref().map(|t| t.value.to_string()),
                kind: RELATION.to_owned(),
                range: r.span,
                selection_range: r.from.span.cover(r.to.span),
                children: r.block.as_ref().map_or(Vec::new(), |b| outline(&b.items)),
            }),
            Item::Property(_) | Item::Error(_) => None,
        })
        .collect()
}

/// The outline of `file`: its declarations and relations, nested as in the source.
pub fn document_symbols(db: &dyn Db, file: SourceFile) -> Vec<DocumentSymbol> {
    outline(&hir::parse(db, file).file.items)
}

/// How many symbols [`workspace_symbols`] returns at most.
pub const WORKSPACE_SYMBOL_LIMIT: usize = 128;

/// The declarations whose name or title holds every word of `query`, ignoring diacritics and
/// case (`dan cu` finds `dân_cư` and "CSDL quốc gia về dân cư"): those of the workspace's
/// files first, then the nodes of the packs in scope; within each, names that start with the
/// query first, then names that hold it, then names and titles with words that start with
/// its words, then the rest; else in source order. At most [`WORKSPACE_SYMBOL_LIMIT`].
pub fn workspace_symbols(db: &dyn Db, query: &str) -> Vec<NavigationTarget> {
    let query = Query::new(query);
    let workspace = db.workspace();
    let mut found = Vec::new();
    for (group, files) in [workspace.files(db), workspace.packs(db)]
        .iter()
        .enumerate()
    {
        for &file in files.iter() {
            for (index, decl) in item_tree(db, file).decls.iter().enumerate() {
                if !decl.extends.is_empty() {
                    continue;
                }
                let id = DeclId {
                    file,
                    index: index as u32,
                };
                let title = title_of(db, id).map(|t| t.as_str());
                if let Some(rank) = query.rank(&decl.name, title).filter(|&r| r <= WORDS_MATCH) {
                    found.push((group, rank, id));
                }
            }
        }
    }
    found.sort_by_key(|&(group, rank, _)| (group, rank));
    let mut cache = SyntaxCache::default();
    found
        .into_iter()
        .filter_map(|(_, _, id)| Some(NavigationTarget::with_syntax(db, id, cache.get(db, id)?)))
        .take(WORKSPACE_SYMBOL_LIMIT)
        .collect()
}
