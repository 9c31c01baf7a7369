//! The vnea language server (spec §9): LSP 3.17 on tower-lsp-server, the only crate of vnea
//! that knows LSP. Design and decisions: `docs/lsp.md`.
//!
//! - `server.rs`: the `LanguageServer` implementation, a thin transport that hands every
//!   message to the state thread with a synchronous send;
//! - `state.rs`: the state thread, sole owner of the analysis hosts (one per workspace) and of
//!   the open documents; it takes snapshots and runs work on a worker pool;
//! - `dispatch.rs`: requests, one `Feature` each, run on snapshots with cancellation, retry
//!   and panic handling; the features: `features.rs` (formatting, code actions, definition,
//!   hover), `editing.rs` (completion, rename), `navigation.rs` (references, highlight,
//!   symbols), `semantic_tokens.rs`, `ranges.rs` (folding and selection ranges, inlay hints);
//! - `capabilities.rs`, `kinds.rs`: what client and server support; how vnea's kinds show as
//!   LSP's symbol, completion and token kinds;
//! - `diagnostics.rs`: diagnostics of every workspace file, published when they change;
//! - `document.rs`, `position.rs`: ropes, incremental edits and position encodings;
//! - `convert.rs`, `links.rs`: analyzer data in LSP terms, built-in pack files as `file://`
//!   locations in the cache directory;
//! - `discover.rs`: workspace discovery, by the rules of `vnea check`.

mod capabilities;
mod convert;
mod diagnostics;
pub mod discover;
mod dispatch;
mod document;
mod editing;
mod features;
mod kinds;
mod links;
mod navigation;
mod position;
mod ranges;
mod semantic_tokens;
mod server;
mod state;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::Server;
use vnea_analysis::Lang;

pub use features::DocumentText;
pub use server::DOCUMENT_TEXT;

/// How the server is set up.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the built-in packs (`packs/<version>/<file>`) and the rule documentation
    /// (`docs/rules.md`) are written for the editor to open; default: the user's cache
    /// directory's `vnea`.
    pub cache_dir: Option<PathBuf>,
    /// The Markdown of the rule documentation (`vnea rules --format markdown`). When given,
    /// it is written to the cache directory and each diagnostic's `codeDescription` links to
    /// its rule's section; when not, diagnostics carry no link.
    pub rules_markdown: Option<String>,
    /// The message language when the client's `locale` is neither `vi` nor `en` (before the
    /// workspace's `language`).
    pub lang: Option<Lang>,
    /// Serve the test hook `vnea/documentText` ([`DOCUMENT_TEXT`]): the server's text and
    /// version of an open document, answered in order with the edits. For tests only.
    pub test_hooks: bool,
}

/// Serves one client over `input` and `output` until `exit` or the end of the input. Returns
/// the exit code: 0 after `shutdown`, else 1.
pub async fn serve<I, O>(input: I, output: O, options: Options) -> u8
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket, shut_down) = server::service(options);
    Server::new(input, output, socket).serve(service).await;
    if shut_down.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// Runs the language server on standard input and output (`vnea lsp`).
pub fn run(options: Options) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("vnea lsp: cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    let code = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), options));
    // Standard input is read by a blocking thread that may never return: do not wait for it.
    runtime.shutdown_background();
    ExitCode::from(code)
}
