//! What the server announces, and the answers that follow the client's capabilities:
//! `prepareProvider` for a client with `prepareSupport`, nested document symbols, whole-line
//! folding, multi-line semantic tokens.
//!
//! The shared harness (`lsp_harness`) sends fixed client capabilities, so these sessions use a
//! small client of their own over the same in-process transport; it answers the server's
//! requests and skips its notifications (the diagnostics are other tests' business).

mod lsp_harness;

use std::time::Duration;

use insta::assert_snapshot;
use lsp_harness::{fixture, range, uri};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf,
};
use tokio::task::JoinHandle;

const TIMEOUT: Duration = Duration::from_secs(30);

/// A client with the capabilities a test gives it.
struct Client {
    writer: WriteHalf<DuplexStream>,
    reader: BufReader<ReadHalf<DuplexStream>>,
    next_id: i64,
    server: JoinHandle<u8>,
    _cache: TempDir,
}

impl Client {
    /// Starts a server and initializes it with `root` as the folder and `capabilities`, UTF-16
    /// positions and an English locale; returns the result of `initialize`.
    async fn start(root: &std::path::Path, capabilities: Value) -> (Client, Value) {
        let (client, server) = tokio::io::duplex(1 << 16);
        let (server_read, server_write) = tokio::io::split(server);
        let cache = tempfile::tempdir().unwrap();
        let options = vnea_lsp::Options {
            cache_dir: Some(cache.path().to_path_buf()),
            ..vnea_lsp::Options::default()
        };
        let server = tokio::spawn(vnea_lsp::serve(server_read, server_write, options));
        let (reader, writer) = tokio::io::split(client);
        let mut client = Client {
            writer,
            reader: BufReader::new(reader),
            next_id: 0,
            server,
            _cache: cache,
        };
        let folder = uri(root);
        let params = json!({
            "processId": null,
            "rootUri": folder,
            "workspaceFolders": [{"uri": folder, "name": "ws"}],
            "locale": "en",
            "capabilities": capabilities,
        });
        let result = client.request("initialize", params).await.unwrap();
        client.notify("initialized", json!({})).await;
        (client, result)
    }

    async fn write(&mut self, message: Value) {
        let body = serde_json::to_vec(&message).unwrap();
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await.unwrap();
        self.writer.write_all(&body).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    async fn read(&mut self) -> Value {
        let mut length = None;
        loop {
            let mut line = String::new();
            let read = tokio::time::timeout(TIMEOUT, self.reader.read_line(&mut line))
                .await
                .expect("a message in time")
                .unwrap();
            assert!(read > 0, "the server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = Some(value.parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        self.reader.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.write(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request and returns its answer; answers the server's requests meanwhile and
    /// skips its notifications.
    async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        self.write(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            let mut message = self.read().await;
            match (message.get("id").cloned(), message.get("method")) {
                (Some(from), Some(_)) => {
                    self.write(json!({"jsonrpc": "2.0", "id": from, "result": null}))
                        .await;
                }
                (Some(answered), None) if answered == id => {
                    return match message.get_mut("error") {
                        Some(error) => Err(error.take()),
                        None => Ok(message["result"].take()),
                    };
                }
                (Some(other), None) => panic!("an answer to no request: {other}"),
                (None, _) => {}
            }
        }
    }

    async fn open(&mut self, uri: &str, text: &str) {
        let document = json!({"uri": uri, "languageId": "vnea", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": document}))
            .await;
    }

    /// `shutdown` and `exit`; the server's exit code.
    async fn finish(mut self) -> u8 {
        assert_eq!(self.request("shutdown", Value::Null).await, Ok(Value::Null));
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(TIMEOUT, &mut self.server)
            .await
            .expect("the server exits promptly")
            .unwrap()
    }
}

/// The client capabilities of an editor like VS Code, for the answers they change.
fn rich_capabilities() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {
            "rename": {"prepareSupport": true},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
            "foldingRange": {"lineFoldingOnly": true},
            "semanticTokens": {
                "requests": {"full": true, "range": true},
                "tokenTypes": [],
                "tokenModifiers": [],
                "formats": ["relative"],
                "multilineTokenSupport": true,
            },
        },
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_feature_of_the_specification_is_announced() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (client, init) = Client::start(&root, rich_capabilities()).await;
    let mut capabilities = init["capabilities"].clone();
    // The legend is checked by the semantic token tests.
    let legend = capabilities["semanticTokensProvider"]
        .as_object_mut()
        .unwrap()
        .remove("legend")
        .unwrap();
    assert_eq!(legend["tokenTypes"].as_array().unwrap().len(), 17);
    assert_snapshot!(serde_json::to_string_pretty(&capabilities).unwrap(), @r#"
    {
      "codeActionProvider": {
        "codeActionKinds": [
          "quickfix"
        ]
      },
      "completionProvider": {
        "resolveProvider": false,
        "triggerCharacters": [
          ".",
          ":"
        ]
      },
      "definitionProvider": true,
      "documentFormattingProvider": true,
      "documentHighlightProvider": true,
      "documentSymbolProvider": true,
      "foldingRangeProvider": true,
      "hoverProvider": true,
      "inlayHintProvider": true,
      "positionEncoding": "utf-16",
      "referencesProvider": true,
      "renameProvider": {
        "prepareProvider": true
      },
      "selectionRangeProvider": true,
      "semanticTokensProvider": {
        "full": true,
        "range": true
      },
      "textDocumentSync": {
        "change": 2,
        "openClose": true
      },
      "workspaceSymbolProvider": true
    }
    "#);
    assert_eq!(client.finish().await, 0);
}

/// A document with an emoji before names, CRLF, a nested declaration and a relation.
const OPENED: &str = "/* Ứng dụng 😀\r\n   của huyện */\r\n\
application một_cửa \"Một cửa 😀\" {\r\n\
\x20 arm: ARM.dung_chung\r\n\
\x20 database hồ_sơ \"Hồ sơ 📁\" { owner: \"Sở\" }\r\n\
\x20 databases: [\r\n\
\x20   dân_cư,\r\n\
\x20 ]\r\n\
}\r\n\
một_cửa -> national.ngsp\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_follow_the_clients_capabilities() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut client, _) = Client::start(&root, rich_capabilities()).await;
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    client.open(&ung_dung, OPENED).await;
    let document = json!({"textDocument": {"uri": ung_dung}});

    // Nested document symbols: the database inside the application, ranges in UTF-16.
    let symbols = client
        .request("textDocument/documentSymbol", document.clone())
        .await
        .unwrap();
    assert_eq!(
        symbols,
        json!([
            {
                "name": "một_cửa",
                "detail": "Một cửa 😀",
                "kind": 2,
                "range": range((2, 0), (8, 1)),
                "selectionRange": range((2, 12), (2, 19)),
                "children": [{
                    "name": "hồ_sơ",
                    "detail": "Hồ sơ 📁",
                    "kind": 23,
                    "range": range((4, 2), (4, 43)),
                    "selectionRange": range((4, 11), (4, 16)),
                    "children": [],
                }],
            },
            {
                "name": "một_cửa -> national.ngsp",
                "kind": 25,
                "range": range((9, 0), (9, 24)),
                "selectionRange": range((9, 0), (9, 24)),
                "children": [],
            },
        ])
    );

    // Whole-line folding: the lines of `}` and `]` stay visible; the comment folds whole.
    let folds = client
        .request("textDocument/foldingRange", document.clone())
        .await
        .unwrap();
    assert_eq!(
        folds,
        json!([
            {"startLine": 0, "endLine": 1, "kind": "comment"},
            {"startLine": 2, "endLine": 7},
            {"startLine": 5, "endLine": 6},
        ])
    );

    // Multi-line tokens stay whole: the comment's length counts its CRLF (UTF-16 units).
    let tokens = client
        .request("textDocument/semanticTokens/full", document.clone())
        .await
        .unwrap();
    let first: Vec<u64> = tokens["data"].as_array().unwrap()[..5]
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    let length = "/* Ứng dụng 😀\r\n   của huyện */".encode_utf16().count() as u64;
    assert_eq!(first, [0, 0, length, 5, 0]);
    assert_eq!(tokens["data"][5], 2, "the next token is two lines down");

    // prepareRename, announced to this client, answers as to any.
    let params =
        json!({"textDocument": {"uri": ung_dung}, "position": {"line": 6, "character": 6}});
    let answer = client
        .request("textDocument/prepareRename", params)
        .await
        .unwrap();
    assert_eq!(answer["placeholder"], "dân_cư");
    assert_eq!(client.finish().await, 0);
}
