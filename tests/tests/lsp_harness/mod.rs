//! An in-process client for the language server's tests: the real transport
//! (`tower_lsp_server::Server` through `vnea_lsp::serve`) over an in-memory pipe, so message
//! framing, the handler concurrency of tower-lsp-server and the state thread are all exercised.
//!
//! The client is strict: a notification other than `textDocument/publishDiagnostics`, or a
//! request other than `client/registerCapability` (answered and recorded), fails the test at
//! once; so does a diagnostics publication for a version newer than the one awaited, and,
//! when the session ends, any publication left unread (unless its URI was declared ignored).
//! Publications for older versions of a document than the one awaited are skipped: the server
//! may or may not publish the intermediate states of a burst of edits.

#![allow(dead_code)] // Each test file uses its own part.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// How long any one message may take to arrive.
const TIMEOUT: Duration = Duration::from_secs(30);

/// What the client tells the server at `initialize`.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The workspace folder, if any.
    pub root: Option<PathBuf>,
    /// Whether the client offers UTF-8 positions (it always offers UTF-16).
    pub utf8: bool,
    /// The client's locale.
    pub locale: Option<&'static str>,
    /// Whether the client lets the server register file watchers.
    pub watch: bool,
}

impl Setup {
    /// A UTF-16, English client with `root` as its folder, watching files.
    pub fn new(root: &Path) -> Self {
        Setup {
            root: Some(root.to_path_buf()),
            utf8: false,
            locale: Some("en-US"),
            watch: true,
        }
    }
}

/// A running server and the client's side of the session.
pub struct TestServer {
    writer: WriteHalf<DuplexStream>,
    incoming: mpsc::UnboundedReceiver<Value>,
    /// Notifications received and not yet consumed.
    notifications: VecDeque<Value>,
    /// Responses received and not yet consumed, by id.
    responses: HashMap<i64, Value>,
    next_id: i64,
    /// The `client/registerCapability` requests received.
    pub registrations: Vec<Value>,
    /// URIs whose diagnostics the test does not check.
    ignored: HashSet<String>,
    server: JoinHandle<u8>,
    /// The server's cache directory (packs and rule documentation).
    pub cache: TempDir,
}

/// The `file://` URI of `path`, percent-encoded as the server encodes it.
pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for &byte in path.to_string_lossy().as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A copy of the fixture workspace `tests/fixtures/lsp/<name>` in a temporary directory.
pub fn fixture(name: &str) -> TempDir {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/lsp")
        .join(name);
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy(&source, dir.path());
    dir
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("a directory");
    for entry in fs::read_dir(from).expect("the fixture") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("a copy");
        }
    }
}

/// A `Range` in JSON.
pub fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({
        "start": {"line": start.0, "character": start.1},
        "end": {"line": end.0, "character": end.1},
    })
}

/// The messages of `reader`, one JSON value each, until it ends.
async fn read_messages(
    reader: impl tokio::io::AsyncRead + Unpin,
    out: mpsc::UnboundedSender<Value>,
) {
    let mut reader = BufReader::new(reader);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = Some(value.parse::<usize>().expect("a length"));
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let message = serde_json::from_slice(&body).expect("JSON from the server");
        if out.send(message).is_err() {
            return;
        }
    }
}

impl TestServer {
    /// Starts a server (with test hooks) and initializes it as `setup` says. Returns the
    /// server and the result of `initialize`.
    pub async fn start(setup: Setup) -> (TestServer, Value) {
        let (client, server) = tokio::io::duplex(1 << 16);
        let (server_read, server_write) = tokio::io::split(server);
        let cache = tempfile::tempdir().expect("a cache directory");
        let options = vnea_lsp::Options {
            cache_dir: Some(cache.path().to_path_buf()),
            rules_markdown: Some("# rules\n".to_owned()),
            lang: None,
            test_hooks: true,
        };
        let server = tokio::spawn(vnea_lsp::serve(server_read, server_write, options));
        let (client_read, writer) = tokio::io::split(client);
        let (sender, incoming) = mpsc::unbounded_channel();
        tokio::spawn(read_messages(client_read, sender));
        let mut test = TestServer {
            writer,
            incoming,
            notifications: VecDeque::new(),
            responses: HashMap::new(),
            next_id: 0,
            registrations: Vec::new(),
            ignored: HashSet::new(),
            server,
            cache,
        };
        let encodings = if setup.utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let folder = setup.root.as_deref().map(uri);
        let params = json!({
            "processId": null,
            "rootUri": folder,
            "workspaceFolders": folder.as_ref().map(|f| vec![json!({"uri": f, "name": "ws"})]),
            "locale": setup.locale,
            "capabilities": {
                "general": {"positionEncodings": encodings},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": setup.watch}},
                "textDocument": {"publishDiagnostics": {"versionSupport": true, "relatedInformation": true}},
            },
        });
        let result = test
            .request("initialize", params)
            .await
            .expect("initialize succeeds");
        test.notify("initialized", json!({})).await;
        (test, result)
    }

    async fn write(&mut self, message: Value) {
        self.try_write(message).await.expect("the server reads");
    }

    async fn try_write(&mut self, message: Value) -> std::io::Result<()> {
        let body = serde_json::to_vec(&message).expect("JSON");
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await?;
        self.writer.write_all(&body).await?;
        self.writer.flush().await
    }

    /// Sends a notification.
    pub async fn notify(&mut self, method: &str, params: Value) {
        self.write(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request without waiting for its answer; returns its id.
    pub async fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.write(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        id
    }

    /// The answer to request `id`: its result, or its error.
    pub async fn response(&mut self, id: i64) -> Result<Value, Value> {
        loop {
            if let Some(mut response) = self.responses.remove(&id) {
                return match response.get_mut("error") {
                    Some(error) => Err(error.take()),
                    None => Ok(response["result"].take()),
                };
            }
            self.receive().await;
        }
    }

    /// Sends a request and waits for its answer.
    pub async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params).await;
        self.response(id).await
    }

    /// Receives one message and files it; fails on anything unexpected.
    async fn receive(&mut self) {
        let message = tokio::time::timeout(TIMEOUT, self.incoming.recv())
            .await
            .expect("a message from the server in time")
            .expect("the server is running");
        self.file(message).await;
    }

    async fn file(&mut self, message: Value) {
        match (
            message.get("id"),
            message.get("method").and_then(Value::as_str),
        ) {
            (Some(id), None) => {
                let id = id.as_i64().expect("a numeric id");
                self.responses.insert(id, message);
            }
            (Some(id), Some("client/registerCapability")) => {
                let id = id.clone();
                self.registrations.push(message["params"].clone());
                // The server may have exited since it asked (at the end of a session).
                let answer = json!({"jsonrpc": "2.0", "id": id, "result": null});
                let _ = self.try_write(answer).await;
            }
            (None, Some("textDocument/publishDiagnostics")) => {
                self.notifications.push_back(message["params"].clone());
            }
            _ => panic!("unexpected message from the server: {message}"),
        }
    }

    /// Declares that the diagnostics of `uri` are not checked.
    pub fn ignore_diagnostics(&mut self, uri: &str) {
        self.ignored.insert(uri.to_owned());
        self.notifications.retain(|p| p["uri"] != uri);
    }

    /// The diagnostics published for `uri` at `version` (`None`: a file not open), skipping
    /// publications of older versions.
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        loop {
            while let Some(at) = self.notifications.iter().position(|p| p["uri"] == uri) {
                let params = self.notifications.remove(at).expect("a notification");
                let got = params["version"].as_i64();
                if got == version {
                    return params["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                }
                let older = match (got, version) {
                    (None, Some(_)) => true,
                    (Some(got), Some(wanted)) => got < wanted,
                    _ => false,
                };
                assert!(
                    older,
                    "diagnostics of {uri} at version {got:?}, awaiting {version:?}: {params}"
                );
            }
            self.receive().await;
        }
    }

    /// Opens a document.
    pub async fn open(&mut self, uri: &str, version: i64, text: &str) {
        let document = json!({"uri": uri, "languageId": "vnea", "version": version, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": document}))
            .await;
    }

    /// Sends one `didChange` with `changes` (range, text), in order.
    pub async fn change(&mut self, uri: &str, version: i64, changes: &[(Value, &str)]) {
        let changes: Vec<Value> = changes
            .iter()
            .map(|(range, text)| json!({"range": range, "text": text}))
            .collect();
        let params = json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": changes,
        });
        self.notify("textDocument/didChange", params).await;
    }

    /// The server's text and version of the open document `uri` (test hook).
    pub async fn document_text(&mut self, uri: &str) -> (String, i64) {
        let answer = self
            .request(vnea_lsp::DOCUMENT_TEXT, json!({"uri": uri}))
            .await
            .expect("the document's text");
        (
            answer["text"].as_str().expect("text").to_owned(),
            answer["version"].as_i64().expect("a version"),
        )
    }

    /// Ends the session with `shutdown` (unless `shutdown` is false) and `exit`; returns the
    /// server's exit code. Fails if a diagnostics publication was left unread.
    pub async fn finish(mut self, shutdown: bool) -> u8 {
        if shutdown {
            let answer = self.request("shutdown", Value::Null).await;
            assert_eq!(answer, Ok(Value::Null));
        }
        self.write(json!({"jsonrpc": "2.0", "method": "exit"}))
            .await;
        let code = tokio::time::timeout(TIMEOUT, &mut self.server)
            .await
            .expect("the server exits promptly")
            .expect("the server task ends normally");
        // What the server wrote before it exited, up to the end of its output.
        while let Some(message) = tokio::time::timeout(TIMEOUT, self.incoming.recv())
            .await
            .expect("the server's output ends")
        {
            self.file(message).await;
        }
        let ignored = &self.ignored;
        let left: Vec<&Value> = self
            .notifications
            .iter()
            .filter(|p| !ignored.contains(p["uri"].as_str().unwrap_or_default()))
            .collect();
        assert!(left.is_empty(), "diagnostics left unread: {left:#?}");
        code
    }
}

/// The byte offset of the LSP position `(line, character)` of `text`, the character counted in
/// UTF-16 code units (`utf16`) or bytes: an implementation of the client's side, independent
/// of the server's, for tests to apply edits as an editor does. Positions must be exact.
pub fn offset(text: &str, line: u32, character: u32, utf16: bool) -> usize {
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let end = rest.find(['\r', '\n']).expect("the line exists");
        let width = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        start += end + width;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units == character as usize {
            return start + i;
        }
        assert!(c != '\r' && c != '\n', "position past the end of the line");
        units += if utf16 { c.len_utf16() } else { c.len_utf8() };
        assert!(units <= character as usize, "position inside a character");
    }
    assert_eq!(
        units, character as usize,
        "position past the end of the text"
    );
    text.len()
}

/// The UTF-16 length of `text`: the column after it, on its line.
pub fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// `text` with the LSP edit `range` → `new_text` applied (UTF-16 positions when `utf16`).
pub fn apply(text: &mut String, range: &Value, new_text: &str, utf16: bool) {
    let at = |p: &Value| {
        let line = p["line"].as_u64().expect("a line") as u32;
        let character = p["character"].as_u64().expect("a character") as u32;
        offset(text, line, character, utf16)
    };
    let (start, end) = (at(&range["start"]), at(&range["end"]));
    text.replace_range(start..end, new_text);
}
