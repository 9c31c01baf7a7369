//! Requests the server answers, one [`Feature`] each: the seam where the IDE features of
//! `vnea-ide` plug in. A feature's `run` converts positions to byte offsets, calls `vnea-ide`
//! inside `Analysis::with_db`, and converts the answer back; wiring another is one `Feature`,
//! one handler in `server.rs` and its capability in `capabilities.rs`. Here: formatting, code
//! actions, definition, hover and the test hook, and what the other feature modules share
//! (`editing.rs`, `navigation.rs`, `semantic_tokens.rs`, `ranges.rs`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    DocumentFormattingParams, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents,
    HoverParams, Location, MarkupContent, MarkupKind, TextDocumentIdentifier, TextEdit, Uri,
    WorkspaceEdit,
};
use vnea_syntax::format::format;

use crate::convert::{self, Texts};
use vnea_analysis::{Cancelled, Db};

use crate::dispatch::{Feature, Snapshot};
use crate::position;

/// `textDocument/formatting`: the whole document formatted, as one edit; no edit when it is
/// already formatted or has syntax errors (the formatter refuses those).
pub struct Formatting;

impl Feature for Formatting {
    type Params = DocumentFormattingParams;
    type Output = Option<Vec<TextEdit>>;
    const ANALYSIS: bool = false;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, _: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some(doc) = &snapshot.document else {
            return Ok(None);
        };
        let text = doc.rope.to_string();
        Ok(match format(&text) {
            Ok(formatted) if formatted != text => Some(vec![TextEdit::new(
                position::whole(&doc.rope, snapshot.encoding),
                formatted,
            )]),
            Ok(_) => Some(Vec::new()),
            Err(_) => None,
        })
    }
}

/// `textDocument/codeAction`: the fixes of the diagnostics that touch the range, as quick
/// fixes carrying their diagnostic.
pub struct CodeActions;

impl Feature for CodeActions {
    type Params = CodeActionParams;
    type Output = Option<CodeActionResponse>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some(doc) = &snapshot.document else {
            return Ok(None);
        };
        let wants_quickfix = params.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|kind| kind.as_str().is_empty() || *kind == CodeActionKind::QUICKFIX)
        });
        if !wants_quickfix {
            return Ok(None);
        }
        let range = position::span(&doc.rope, params.range, snapshot.encoding);
        let open = || [(doc.key.clone().unwrap_or_default(), doc.rope.clone())];
        let actions = |diagnostics: Vec<vnea_analysis::Diagnostic>, texts: &mut Texts<'_>| {
            let mut actions = Vec::new();
            for d in diagnostics {
                if d.fixes.is_empty() || d.span.start > range.end || range.start > d.span.end {
                    continue;
                }
                let lsp =
                    convert::diagnostic(&d, &doc.rope, snapshot.encoding, &snapshot.links, texts);
                let preferred = d.fixes.len() == 1;
                for fix in &d.fixes {
                    let edits = fix
                        .edits
                        .iter()
                        .map(|e| convert::text_edit(e, &doc.rope, snapshot.encoding))
                        .collect();
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![lsp.clone()]),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                            ..WorkspaceEdit::default()
                        }),
                        is_preferred: Some(preferred),
                        ..CodeAction::default()
                    }));
                }
            }
            actions
        };
        let mut found = actions(doc.extra.clone(), &mut Texts::new(None, open()));
        if let Some(analysis) = &snapshot.analysis
            && let Some(file) = analysis.with_db(|db| snapshot.file(db))?
        {
            let diagnostics = analysis.diagnostics(file)?;
            found.extend(
                analysis.with_db(|db| actions(diagnostics, &mut Texts::new(Some(db), open())))?,
            );
        }
        Ok((!found.is_empty()).then_some(found))
    }
}

/// The texts of `db` for converting spans to locations, with the request's open document
/// (its rope and the client's URI for it).
pub fn texts<'a>(db: &'a dyn Db, snapshot: &Snapshot) -> Texts<'a> {
    let doc = snapshot
        .document
        .as_ref()
        .and_then(|doc| Some((doc.key.clone()?, doc)));
    let open = doc
        .as_ref()
        .map(|(key, doc)| (key.clone(), doc.rope.clone()));
    let texts = Texts::new(Some(db), open);
    match doc {
        Some((key, doc)) => texts.with_uri(key, doc.uri.clone()),
        None => texts,
    }
}

/// `textDocument/definition`: the declaration a name names (`vnea_ide::goto_definition`), in
/// a workspace file or in a built-in pack file (a `file://` location in the cache directory).
pub struct GotoDefinition;

impl Feature for GotoDefinition {
    type Params = GotoDefinitionParams;
    type Output = Option<GotoDefinitionResponse>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document_position_params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, _, offset)) = snapshot.at(&params.text_document_position_params) else {
            return Ok(None);
        };
        analysis.with_db(|db| {
            let target = vnea_ide::goto_definition(db, snapshot.file(db)?, offset)?;
            let mut texts = texts(db, snapshot);
            let location: Location = texts.location(
                target.file.path(db),
                target.focus_range,
                snapshot.encoding,
                &snapshot.links,
            )?;
            Some(GotoDefinitionResponse::Scalar(location))
        })
    }
}

/// `textDocument/hover`: what the name or kind under the cursor is (`vnea_ide::hover`), as
/// Markdown.
pub struct HoverRequest;

impl Feature for HoverRequest {
    type Params = HoverParams;
    type Output = Option<Hover>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document_position_params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc, offset)) = snapshot.at(&params.text_document_position_params)
        else {
            return Ok(None);
        };
        analysis.with_db(|db| {
            let found = vnea_ide::hover(db, snapshot.file(db)?, offset)?;
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: found.markdown,
                }),
                range: Some(position::range(&doc.rope, found.range, snapshot.encoding)),
            })
        })
    }
}

/// The answer of `vnea/documentText`.
#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentText {
    /// The document's version.
    pub version: i32,
    /// Its text.
    pub text: String,
}

/// `vnea/documentText`, served only when the server is built for tests
/// ([`Options::test_hooks`](crate::Options::test_hooks)): the server's copy of an open
/// document, to compare with the client's.
pub struct DocumentTextRequest;

impl Feature for DocumentTextRequest {
    type Params = TextDocumentIdentifier;
    type Output = Option<DocumentText>;
    const ANALYSIS: bool = false;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.uri)
    }

    fn run(snapshot: &Snapshot, _: &Self::Params) -> Result<Self::Output, Cancelled> {
        Ok(snapshot.document.as_ref().map(|doc| DocumentText {
            version: doc.version,
            text: doc.rope.to_string(),
        }))
    }
}
