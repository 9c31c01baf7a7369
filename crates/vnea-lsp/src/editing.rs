//! Completion, prepareRename and rename.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::{self, ErrorCode};
use tower_lsp_server::ls_types::{
    self as lsp, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, InsertTextFormat, PrepareRenameResponse, RenameParams,
    TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
};
use vnea_analysis::{Cancelled, Db, Lang};
use vnea_ide::{CompletionKind, RenameError};
use vnea_syntax::Span;

use crate::dispatch::{Feature, Snapshot};
use crate::features::texts;
use crate::kinds;
use crate::position;

/// `textDocument/completion`: `vnea_ide::completions` at the cursor. Each item replaces the
/// text it completes (`textEdit` over the item's source range: the word at the cursor, or the
/// words of a reference typed as several, `dan cu`) and carries the folded name and title as
/// `filterText`, so that what is typed without diacritics still matches on the client's
/// side. The server filters by what is typed, so the list is complete only when nothing is.
pub struct Completion;

/// The LSP kind of a completion item.
fn completion_kind(kind: &CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Kind => CompletionItemKind::KEYWORD,
        CompletionKind::Property => CompletionItemKind::PROPERTY,
        CompletionKind::EnumValue => CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Reference(kind) => kinds::completion(kind),
    }
}

impl Feature for Completion {
    type Params = CompletionParams;
    type Output = Option<CompletionResponse>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document_position.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc, offset)) = snapshot.at(&params.text_document_position) else {
            return Ok(None);
        };
        let Some(found) =
            analysis.with_db(|db| Some(vnea_ide::completions(db, snapshot.file(db)?, offset)))?
        else {
            return Ok(None);
        };
        let mut typed = false;
        let mut ranges: HashMap<Span, lsp::Range> = HashMap::new();
        let items = found
            .into_iter()
            .map(|item| {
                typed |= item.source_range.start < offset;
                let range = *ranges.entry(item.source_range).or_insert_with(|| {
                    position::range(&doc.rope, item.source_range, snapshot.encoding)
                });
                lsp::CompletionItem {
                    kind: Some(completion_kind(&item.kind)),
                    detail: item.detail,
                    sort_text: Some(item.sort_text),
                    filter_text: Some(item.filter_text),
                    insert_text_format: Some(InsertTextFormat::PLAIN_TEXT),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                        range,
                        item.insert_text,
                    ))),
                    label: item.label,
                    ..lsp::CompletionItem::default()
                }
            })
            .collect();
        Ok(Some(CompletionResponse::List(CompletionList {
            is_incomplete: typed,
            items,
        })))
    }
}

/// The language of messages in `db`'s workspace (the client's, when it is one of ours).
fn lang(db: &dyn Db) -> Lang {
    db.workspace().config(db).language
}

/// A refused rename as an LSP error: `RequestFailed` (-32803) with the reason for the user.
fn refused(error: &RenameError, lang: Lang) -> jsonrpc::Error {
    jsonrpc::Error {
        code: ErrorCode::ServerError(-32803),
        message: error.message(lang).into(),
        data: None,
    }
}

/// `textDocument/prepareRename`: the identifier a rename would replace, with its text as the
/// placeholder; refused with an error whose message says why (in the user's language) when
/// the name there cannot be renamed: nothing to rename, an unresolved name, or a framework
/// name (`national.ngsp`).
pub struct PrepareRename;

impl Feature for PrepareRename {
    type Params = TextDocumentPositionParams;
    type Output = jsonrpc::Result<Option<PrepareRenameResponse>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc, offset)) = snapshot.at(params) else {
            return Ok(Ok(None));
        };
        analysis.with_db(|db| {
            let Some(file) = snapshot.file(db) else {
                return Ok(None);
            };
            match vnea_ide::prepare_rename(db, file, offset) {
                Ok(span) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                    range: position::range(&doc.rope, span, snapshot.encoding),
                    placeholder: file.text(db)[span.range()].to_owned(),
                })),
                Err(error) => Err(refused(&error, lang(db))),
            }
        })
    }
}

/// `textDocument/rename`: the declaration at the cursor and every reference to it, across the
/// workspace's files, as one workspace edit (`changes` by URI); refused like
/// [`PrepareRename`], and also for a new name that is not an identifier or that the
/// declaration's scope already declares.
pub struct Rename;

impl Feature for Rename {
    type Params = RenameParams;
    type Output = jsonrpc::Result<Option<WorkspaceEdit>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document_position.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, _, offset)) = snapshot.at(&params.text_document_position) else {
            return Ok(Ok(None));
        };
        analysis.with_db(|db| {
            let Some(file) = snapshot.file(db) else {
                return Ok(None);
            };
            let files = vnea_ide::rename(db, file, offset, &params.new_name)
                .map_err(|error| refused(&error, lang(db)))?;
            let mut texts = texts(db, snapshot);
            let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
            for (file, edits) in files {
                let key = file.path(db);
                let (Some(rope), Some(uri)) = (texts.rope(key), texts.uri(key, &snapshot.links))
                else {
                    continue;
                };
                let edits = edits.into_iter().map(|e| {
                    TextEdit::new(position::range(&rope, e.span, snapshot.encoding), e.text)
                });
                changes.entry(uri).or_default().extend(edits);
            }
            Ok(Some(WorkspaceEdit {
                changes: Some(changes),
                ..WorkspaceEdit::default()
            }))
        })
    }
}
