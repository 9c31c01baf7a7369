//! The LSP front: a thin transport. Every handler hands its message to the state thread with
//! a synchronous channel send before anything else (no `.await` before it), so events reach
//! the state thread in the order the client sent them; requests then await their answer.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crossbeam_channel::Sender;
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{
    CodeActionParams, CodeActionResponse, CompletionParams, CompletionResponse,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DocumentFormattingParams, DocumentHighlight,
    DocumentHighlightParams, DocumentSymbolParams, DocumentSymbolResponse, FileSystemWatcher,
    FoldingRange, FoldingRangeParams, GlobPattern, GotoDefinitionParams, GotoDefinitionResponse,
    Hover, HoverParams, InitializeParams, InitializeResult, InitializedParams, InlayHint,
    InlayHintParams, Location, PrepareRenameResponse, PublishDiagnosticsParams, ReferenceParams,
    Registration, RenameParams, SelectionRange, SelectionRangeParams, SemanticTokensParams,
    SemanticTokensRangeParams, SemanticTokensRangeResult, SemanticTokensResult, ServerInfo,
    TextDocumentIdentifier, TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
    WorkspaceSymbolParams, WorkspaceSymbolResponse,
};
use tower_lsp_server::{Client, LanguageServer, LspService};
use vnea_analysis::Lang;

use crate::Options;
use crate::capabilities::{self, ClientCaps};
use crate::dispatch::{Feature, Job};
use crate::editing::{Completion, PrepareRename, Rename};
use crate::features::{
    CodeActions, DocumentText, DocumentTextRequest, Formatting, GotoDefinition, HoverRequest,
};
use crate::navigation::{DocumentHighlights, DocumentSymbols, References, WorkspaceSymbols};
use crate::position::Encoding;
use crate::ranges::{FoldingRanges, InlayHints, SelectionRanges};
use crate::semantic_tokens::{SemanticTokensFull, SemanticTokensRange};
use crate::state::{self, Event, Init, Setup};

/// The method of the test hook that returns the server's text of a document.
pub const DOCUMENT_TEXT: &str = "vnea/documentText";

/// The language server behind `LspService`.
pub struct Backend {
    client: Client,
    events: Sender<Event>,
    /// The diagnostics to publish, until `initialize` starts the task that sends them.
    outbox: Mutex<Option<mpsc::UnboundedReceiver<PublishDiagnosticsParams>>>,
    /// Set by `shutdown`: the exit code is 0 only then.
    shut_down: Arc<AtomicBool>,
    /// Whether the client lets the server register file watchers.
    watch_files: AtomicBool,
    /// The message language of the command line, used when the client's locale is neither
    /// `vi` nor `en`.
    lang: Option<Lang>,
}

/// The service of a server with `options`, its client socket, and the flag `shutdown` sets.
pub fn service(
    options: Options,
) -> (
    LspService<Backend>,
    tower_lsp_server::ClientSocket,
    Arc<AtomicBool>,
) {
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    let test_hooks = options.test_hooks;
    let mut builder = LspService::build(move |client| {
        let (outbox, receiver) = mpsc::unbounded_channel();
        let cache = options
            .cache_dir
            .or_else(|| dirs::cache_dir().map(|dir| dir.join("vnea")));
        let events = state::spawn(Setup {
            cache,
            rules_markdown: options.rules_markdown,
            outbox,
        });
        Backend {
            client,
            events,
            outbox: Mutex::new(Some(receiver)),
            shut_down: flag,
            watch_files: AtomicBool::new(false),
            lang: options.lang,
        }
    });
    if test_hooks {
        builder = builder.custom_method(DOCUMENT_TEXT, Backend::document_text);
    }
    let (service, socket) = builder.finish();
    (service, socket, shut_down)
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.events.send(Event::Stop);
    }
}

impl Backend {
    /// Hands `event` to the state thread.
    fn send(&self, event: Event) {
        if self.events.send(event).is_err() {
            eprintln!("vnea lsp: the state thread is gone");
        }
    }

    /// Runs the request `F` with `params` on a snapshot and returns its answer.
    async fn request<F: Feature>(&self, params: F::Params) -> jsonrpc::Result<F::Output> {
        let (job, answer) = Job::<F>::new(params);
        self.send(Event::Request(Box::new(job)));
        answer
            .await
            .unwrap_or_else(|_| Err(jsonrpc::Error::internal_error()))
    }

    /// `vnea/documentText` (test hook).
    async fn document_text(
        &self,
        params: TextDocumentIdentifier,
    ) -> jsonrpc::Result<Option<DocumentText>> {
        self.request::<DocumentTextRequest>(params).await
    }

    /// Starts the task that publishes diagnostics, one after the other in the order the state
    /// thread sent them.
    fn start_outbox(&self) {
        let receiver = self.outbox.lock().map(|mut r| r.take()).unwrap_or_default();
        if let Some(mut receiver) = receiver {
            let client = self.client.clone();
            tokio::spawn(async move {
                while let Some(p) = receiver.recv().await {
                    client
                        .publish_diagnostics(p.uri, p.diagnostics, p.version)
                        .await;
                }
            });
        }
    }
}

/// The language of a client's `locale` (`vi`, `vi-VN`, `en-US`, …), if it is one of ours.
fn locale_lang(locale: Option<&str>) -> Option<Lang> {
    let prefix = locale?.split(['-', '_']).next()?.to_ascii_lowercase();
    Lang::ALL.into_iter().find(|l| l.code() == prefix)
}

/// The folders of `params`: its workspace folders, else its root.
#[allow(deprecated)] // `root_uri` and `root_path` still come from older clients.
fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    let uris: Vec<&Uri> = match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| &f.uri).collect(),
        _ => params.root_uri.iter().collect(),
    };
    let mut folders: Vec<PathBuf> = uris
        .into_iter()
        .filter_map(|uri| uri.to_file_path().map(|p| p.into_owned()))
        .collect();
    if folders.is_empty() {
        folders.extend(params.root_path.as_ref().map(PathBuf::from));
    }
    folders
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.watch_files.store(watch, Ordering::Relaxed);
        let client = ClientCaps::of(&params.capabilities);
        let capabilities = capabilities::server(encoding, &client);
        let (done, loaded) = oneshot::channel();
        self.send(Event::Initialize(Box::new(Init {
            folders: folders(&params),
            encoding,
            lang: locale_lang(params.locale.as_deref()).or(self.lang),
            client,
            done,
        })));
        self.start_outbox();
        loaded.await.map_err(|_| jsonrpc::Error::internal_error())?;
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "vnea".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.send(Event::Initialized);
        if self.watch_files.load(Ordering::Relaxed) {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: ["**/*.vnea", "**/vnea.toml"]
                    .into_iter()
                    .map(|glob| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(glob.to_owned()),
                        kind: None,
                    })
                    .collect(),
            };
            let registration = Registration {
                id: "vnea-watched-files".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: serde_json::to_value(options).ok(),
            };
            // A task of its own: no handler waits for the client's answer.
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(error) = client.register_capability(vec![registration]).await {
                    eprintln!("vnea lsp: cannot watch files: {error}");
                }
            });
        }
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        let (done, stopped) = oneshot::channel();
        self.send(Event::Shutdown(done));
        let _ = stopped.await;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.send(Event::Open(params));
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.send(Event::Change(params));
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.send(Event::Close(params));
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.send(Event::Watched(params));
    }

    async fn formatting(
        &self,
        params: DocumentFormattingParams,
    ) -> jsonrpc::Result<Option<Vec<TextEdit>>> {
        self.request::<Formatting>(params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        self.request::<GotoDefinition>(params).await
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        self.request::<HoverRequest>(params).await
    }

    async fn code_action(
        &self,
        params: CodeActionParams,
    ) -> jsonrpc::Result<Option<CodeActionResponse>> {
        self.request::<CodeActions>(params).await
    }

    async fn completion(
        &self,
        params: CompletionParams,
    ) -> jsonrpc::Result<Option<CompletionResponse>> {
        self.request::<Completion>(params).await
    }

    async fn references(&self, params: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        self.request::<References>(params).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> jsonrpc::Result<Option<Vec<DocumentHighlight>>> {
        self.request::<DocumentHighlights>(params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
        self.request::<PrepareRename>(params).await?
    }

    async fn rename(&self, params: RenameParams) -> jsonrpc::Result<Option<WorkspaceEdit>> {
        self.request::<Rename>(params).await?
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        self.request::<DocumentSymbols>(params).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
        self.request::<WorkspaceSymbols>(params).await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> jsonrpc::Result<Option<SemanticTokensResult>> {
        self.request::<SemanticTokensFull>(params).await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> jsonrpc::Result<Option<SemanticTokensRangeResult>> {
        self.request::<SemanticTokensRange>(params).await
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> jsonrpc::Result<Option<Vec<FoldingRange>>> {
        self.request::<FoldingRanges>(params).await
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> jsonrpc::Result<Option<Vec<SelectionRange>>> {
        self.request::<SelectionRanges>(params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
        self.request::<InlayHints>(params).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales() {
        assert_eq!(locale_lang(Some("vi")), Some(Lang::Vi));
        assert_eq!(locale_lang(Some("en-US")), Some(Lang::En));
        assert_eq!(locale_lang(Some("EN_gb")), Some(Lang::En));
        assert_eq!(locale_lang(Some("fr")), None);
        assert_eq!(locale_lang(None), None);
    }
}
