//! Find references, document highlight, document symbols and workspace symbols.

use std::collections::HashSet;

use ropey::Rope;
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams, DocumentSymbol,
    DocumentSymbolParams, DocumentSymbolResponse, Location, OneOf, ReferenceParams,
    SymbolInformation, Uri, WorkspaceSymbol, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};
use vnea_analysis::Cancelled;
use vnea_ide::{Access, WORKSPACE_SYMBOL_LIMIT};

use crate::convert::Texts;
use crate::dispatch::{Feature, Snapshot};
use crate::features::texts;
use crate::kinds;
use crate::position::{self, Encoding};

/// `textDocument/references`: every place of the workspace's files that names the declaration
/// at the cursor (`vnea_ide::references`), with its own name when asked, also in a pack file.
pub struct References;

impl Feature for References {
    type Params = ReferenceParams;
    type Output = Option<Vec<Location>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document_position.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, _, offset)) = snapshot.at(&params.text_document_position) else {
            return Ok(None);
        };
        let include_declaration = params.context.include_declaration;
        analysis.with_db(|db| {
            let file = snapshot.file(db)?;
            let found = vnea_ide::references(db, file, offset, include_declaration);
            let mut texts = texts(db, snapshot);
            let locations = found
                .into_iter()
                .filter_map(|(file, span)| {
                    texts.location(file.path(db), span, snapshot.encoding, &snapshot.links)
                })
                .collect();
            Some(locations)
        })
    }
}

/// `textDocument/documentHighlight`: the names in the document of the declaration at the
/// cursor; its declaration is a write, references are reads.
pub struct DocumentHighlights;

impl Feature for DocumentHighlights {
    type Params = DocumentHighlightParams;
    type Output = Option<Vec<DocumentHighlight>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document_position_params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc, offset)) = snapshot.at(&params.text_document_position_params)
        else {
            return Ok(None);
        };
        analysis.with_db(|db| {
            let found = vnea_ide::document_highlight(db, snapshot.file(db)?, offset);
            let highlights = found
                .into_iter()
                .map(|h| DocumentHighlight {
                    range: position::range(&doc.rope, h.span, snapshot.encoding),
                    kind: Some(match h.access {
                        Access::Read => DocumentHighlightKind::READ,
                        Access::Write => DocumentHighlightKind::WRITE,
                    }),
                })
                .collect();
            Some(highlights)
        })
    }
}

/// A symbol's name: never empty (clients reject empty names), the kind stands in for a name
/// the parser did not find.
fn symbol_name(symbol: &vnea_ide::DocumentSymbol) -> String {
    if symbol.name.trim().is_empty() {
        symbol.kind.clone()
    } else {
        symbol.name.clone()
    }
}

/// `symbols` as nested LSP symbols.
fn nested(
    symbols: Vec<vnea_ide::DocumentSymbol>,
    rope: &Rope,
    encoding: Encoding,
) -> Vec<DocumentSymbol> {
    symbols
        .into_iter()
        .map(|symbol| {
            #[allow(deprecated)] // `deprecated` is a field LSP keeps; it is left out.
            DocumentSymbol {
                name: symbol_name(&symbol),
                detail: symbol.detail,
                kind: kinds::symbol(&symbol.kind),
                tags: None,
                deprecated: None,
                range: position::range(rope, symbol.range, encoding),
                selection_range: position::range(rope, symbol.selection_range, encoding),
                children: Some(nested(symbol.children, rope, encoding)),
            }
        })
        .collect()
}

/// `symbols` as a flat list in outline order, each with the name of the symbol holding it.
fn flat(
    symbols: Vec<vnea_ide::DocumentSymbol>,
    container: Option<&str>,
    uri: &Uri,
    rope: &Rope,
    encoding: Encoding,
    out: &mut Vec<SymbolInformation>,
) {
    for symbol in symbols {
        let name = symbol_name(&symbol);
        #[allow(deprecated)] // `deprecated` is a field LSP keeps; it is left out.
        out.push(SymbolInformation {
            name: name.clone(),
            kind: kinds::symbol(&symbol.kind),
            tags: None,
            deprecated: None,
            location: Location::new(uri.clone(), position::range(rope, symbol.range, encoding)),
            container_name: container.map(str::to_owned),
        });
        flat(symbol.children, Some(&name), uri, rope, encoding, out);
    }
}

/// `textDocument/documentSymbol`: the outline of the document (`vnea_ide::document_symbols`),
/// nested when the client supports it, else flat with container names.
pub struct DocumentSymbols;

impl Feature for DocumentSymbols {
    type Params = DocumentSymbolParams;
    type Output = Option<DocumentSymbolResponse>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, _: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc)) = snapshot.open() else {
            return Ok(None);
        };
        let Some(symbols) =
            analysis.with_db(|db| Some(vnea_ide::document_symbols(db, snapshot.file(db)?)))?
        else {
            return Ok(None);
        };
        let encoding = snapshot.encoding;
        Ok(Some(if snapshot.client.hierarchical_symbols {
            DocumentSymbolResponse::Nested(nested(symbols, &doc.rope, encoding))
        } else {
            let mut out = Vec::new();
            flat(symbols, None, &doc.uri, &doc.rope, encoding, &mut out);
            DocumentSymbolResponse::Flat(out)
        }))
    }
}

/// `workspace/symbol`: the declarations of every workspace whose name or title holds the
/// query's words, ignoring diacritics (`vnea_ide::workspace_symbols`); the workspaces' own
/// first, then the framework's nodes (each once, though every workspace of a framework version
/// has them), at most [`WORKSPACE_SYMBOL_LIMIT`]. The title, which LSP has no field for, is
/// the container name (else the path of the declaration holding it); locations into pack
/// files are their copies in the cache.
pub struct WorkspaceSymbols;

impl Feature for WorkspaceSymbols {
    type Params = WorkspaceSymbolParams;
    type Output = Option<WorkspaceSymbolResponse>;

    fn document(_: &Self::Params) -> Option<&Uri> {
        None
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let mut found: Vec<(bool, WorkspaceSymbol)> = Vec::new();
        let mut seen = HashSet::new();
        for analysis in &snapshot.workspaces {
            analysis.with_db(|db| {
                let mut texts = Texts::new(Some(db), []);
                for target in vnea_ide::workspace_symbols(db, &params.query) {
                    let Some(location) = texts.location(
                        target.file.path(db),
                        target.focus_range,
                        snapshot.encoding,
                        &snapshot.links,
                    ) else {
                        continue;
                    };
                    if !seen.insert((location.uri.clone(), location.range)) {
                        continue;
                    }
                    let symbol = WorkspaceSymbol {
                        name: target.name,
                        kind: kinds::symbol(&target.kind),
                        tags: None,
                        container_name: target.title.or(target.container_name),
                        location: OneOf::Left(location),
                        data: None,
                    };
                    found.push((target.file.in_pack(db), symbol));
                }
            })?;
        }
        // Stable: each workspace's order stays within the workspaces' symbols and the packs'.
        found.sort_by_key(|(in_pack, _)| *in_pack);
        let symbols = found
            .into_iter()
            .map(|(_, symbol)| symbol)
            .take(WORKSPACE_SYMBOL_LIMIT)
            .collect();
        Ok(Some(WorkspaceSymbolResponse::Nested(symbols)))
    }
}
