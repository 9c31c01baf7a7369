//! How a request is served: the handler sends a [`Job`] to the state thread, which pairs it
//! with a [`Snapshot`] and runs it on a worker thread; the answer comes back through a oneshot
//! channel. A snapshot cancelled by an edit is retried once with a fresh one (unless the
//! document itself changed), then answered with `ContentModified`; a panic is answered with an
//! internal error, and the worker goes on.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use ropey::Rope;
use tokio::sync::oneshot;
use tower_lsp_server::jsonrpc::{self, ErrorCode};
use tower_lsp_server::ls_types::{TextDocumentPositionParams, Uri};
use vnea_analysis::{Analysis, Cancelled, Db, Diagnostic, SourceFile};

use crate::capabilities::ClientCaps;
use crate::links::Links;
use crate::position::{self, Encoding};

/// One kind of request: its parameters, its answer, and the function that computes the answer
/// on a worker. Adding an LSP feature is one implementation of this trait in `features.rs`
/// and one handler line in `server.rs`.
pub trait Feature: 'static {
    /// The request's parameters.
    type Params: Send + 'static;
    /// The request's answer.
    type Output: Send + 'static;
    /// Whether the request reads the analysis. A snapshot of the analysis delays every edit
    /// until it is dropped, so requests that only read the document's text go without.
    const ANALYSIS: bool = true;
    /// The document the request is about; `None` for a request about every workspace
    /// (`workspace/symbol`), which runs on a snapshot of each.
    fn document(params: &Self::Params) -> Option<&Uri>;
    /// Computes the answer. Runs on a worker thread, never on the async runtime nor on the
    /// state thread.
    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled>;
}

/// What a request runs on: the analysis of the document's workspace and the document as it
/// was when the request arrived.
pub struct Snapshot {
    /// The analysis of the workspace the document belongs to (for a built-in pack file, of
    /// any workspace: each has both packs).
    pub analysis: Option<Analysis>,
    /// The document, if the client has it open.
    pub document: Option<DocumentSnapshot>,
    /// For a request without a document, the analysis of every workspace, in root order.
    pub workspaces: Vec<Analysis>,
    /// How positions count columns.
    pub encoding: Encoding,
    /// What the client supports.
    pub client: Arc<ClientCaps>,
    /// Where analyzer paths are on disk.
    pub links: Arc<Links>,
}

impl Snapshot {
    /// The analysis and the open document, when the request has both.
    pub fn open(&self) -> Option<(&Analysis, &DocumentSnapshot)> {
        Some((self.analysis.as_ref()?, self.document.as_ref()?))
    }

    /// The analysis, the open document and the byte offset of a request's position in it.
    pub fn at(
        &self,
        at: &TextDocumentPositionParams,
    ) -> Option<(&Analysis, &DocumentSnapshot, usize)> {
        let (analysis, doc) = self.open()?;
        let offset = position::offset(&doc.rope, at.position, self.encoding);
        Some((analysis, doc, offset))
    }
}

/// An open document at the moment of a snapshot.
pub struct DocumentSnapshot {
    /// The client's URI of the document.
    pub uri: Uri,
    /// Its analyzer path, for a file of a workspace or pack.
    pub key: Option<String>,
    /// Its version.
    pub version: i32,
    /// Its text.
    pub rope: Rope,
    /// Diagnostics that the analysis does not compute: those of `vnea.toml`, or the
    /// `invalid-encoding` diagnostic of a file.
    pub extra: Vec<Diagnostic>,
}

impl Snapshot {
    /// The analyzer's file of the document: a workspace or pack file.
    pub fn file(&self, db: &dyn Db) -> Option<SourceFile> {
        let key = self.document.as_ref()?.key.as_deref()?;
        let ws = db.workspace();
        ws.files(db)
            .iter()
            .chain(ws.packs(db))
            .chain(ws.other_packs(db))
            .copied()
            .find(|f| f.path(db) == key)
    }
}

/// A request waiting to be run, with its parameters and where its answer goes.
pub struct Job<F: Feature> {
    params: F::Params,
    reply: oneshot::Sender<jsonrpc::Result<F::Output>>,
    /// The document version of the first attempt, once there was one.
    version: Option<i32>,
}

impl<F: Feature> Job<F> {
    /// A job for `params`, and the receiver of its answer.
    pub fn new(params: F::Params) -> (Self, oneshot::Receiver<jsonrpc::Result<F::Output>>) {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            params,
            reply,
            version: None,
        };
        (job, answer)
    }
}

/// A job of any feature, as the state thread handles it.
pub trait AnyJob: Send {
    /// The document the request is about, if any.
    fn document(&self) -> Option<&Uri>;
    /// The document version of the first attempt, if this is a retry.
    fn first_version(&self) -> Option<i32>;
    /// Whether the job reads the analysis.
    fn needs_analysis(&self) -> bool;
    /// Runs the job on `snapshot`. A cancelled first attempt is handed to `retry`.
    fn run(self: Box<Self>, snapshot: Snapshot, retry: &dyn Fn(Box<dyn AnyJob>));
    /// Answers the request with `error`.
    fn fail(self: Box<Self>, error: jsonrpc::Error);
}

impl<F: Feature> AnyJob for Job<F>
where
    F::Params: Send,
{
    fn document(&self) -> Option<&Uri> {
        F::document(&self.params)
    }

    fn first_version(&self) -> Option<i32> {
        self.version
    }

    fn needs_analysis(&self) -> bool {
        F::ANALYSIS
    }

    fn run(mut self: Box<Self>, snapshot: Snapshot, retry: &dyn Fn(Box<dyn AnyJob>)) {
        if self.reply.is_closed() {
            // The request was cancelled (`$/cancelRequest`) while it waited.
            return;
        }
        let first = self.version.is_none();
        self.version = Some(snapshot.document.as_ref().map_or(0, |d| d.version));
        let outcome = catch_unwind(AssertUnwindSafe(|| F::run(&snapshot, &self.params)));
        drop(snapshot);
        let answer = match outcome {
            Ok(Ok(output)) => Ok(output),
            Ok(Err(_cancelled)) if first => return retry(self),
            Ok(Err(_cancelled)) => Err(content_modified()),
            Err(panic) => Err(panicked(panic.as_ref())),
        };
        let _ = self.reply.send(answer);
    }

    fn fail(self: Box<Self>, error: jsonrpc::Error) {
        let _ = self.reply.send(Err(error));
    }
}

/// The answer to a request whose document changed under it (-32801).
pub fn content_modified() -> jsonrpc::Error {
    jsonrpc::Error {
        code: ErrorCode::ServerError(-32801),
        message: "content modified".into(),
        data: None,
    }
}

/// The answer to a request whose computation panicked.
fn panicked(payload: &(dyn std::any::Any + Send)) -> jsonrpc::Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let mut error = jsonrpc::Error::internal_error();
    error.message = format!("internal error: the request panicked: {detail}").into();
    error
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;
    use std::sync::Mutex;

    use super::*;

    /// Answers with the document version it ran on, or fails as told.
    struct Probe;

    enum Behaviour {
        Answer,
        Cancel,
        Panic,
    }

    impl Feature for Probe {
        type Params = (Uri, Behaviour);
        type Output = i32;

        fn document(params: &Self::Params) -> Option<&Uri> {
            Some(&params.0)
        }

        fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<i32, Cancelled> {
            match params.1 {
                Behaviour::Answer => Ok(snapshot.document.as_ref().map_or(-1, |d| d.version)),
                Behaviour::Cancel => Err(Cancelled::PendingWrite),
                Behaviour::Panic => panic!("probe"),
            }
        }
    }

    fn snapshot(version: i32) -> Snapshot {
        Snapshot {
            analysis: None,
            document: Some(DocumentSnapshot {
                uri: Uri::from_str("file:///a.vnea").unwrap(),
                key: None,
                version,
                rope: Rope::new(),
                extra: Vec::new(),
            }),
            workspaces: Vec::new(),
            encoding: Encoding::Utf16,
            client: Arc::default(),
            links: Arc::default(),
        }
    }

    fn run(behaviour: Behaviour) -> (jsonrpc::Result<i32>, usize) {
        let uri = Uri::from_str("file:///a.vnea").unwrap();
        let (job, mut answer) = Job::<Probe>::new((uri, behaviour));
        let retried = Mutex::new(Vec::new());
        Box::new(job).run(snapshot(3), &|job| retried.lock().unwrap().push(job));
        let mut retried = retried.into_inner().unwrap();
        let count = retried.len();
        if let Some(job) = retried.pop() {
            assert_eq!(job.first_version(), Some(3));
            job.run(snapshot(3), &|_| panic!("retried twice"));
        }
        (answer.try_recv().unwrap(), count)
    }

    #[test]
    fn answers_retries_once_and_survives_panics() {
        assert_eq!(run(Behaviour::Answer).0.unwrap(), 3);
        let (answer, retries) = run(Behaviour::Cancel);
        assert_eq!(retries, 1);
        assert_eq!(answer.unwrap_err().code, ErrorCode::ServerError(-32801));
        let (answer, _) = run(Behaviour::Panic);
        let error = answer.unwrap_err();
        assert_eq!(error.code, ErrorCode::InternalError);
        assert!(error.message.contains("probe"), "{}", error.message);
    }
}
