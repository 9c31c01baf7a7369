//! `vnea lsp` end to end: the built binary over standard input and output.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(30);

/// A `vnea lsp` process and the messages it writes.
struct Process {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: mpsc::Receiver<Value>,
}

impl Process {
    /// Starts `vnea` with `args` (`lsp` and its options) in `dir`, with its cache directory in
    /// `cache`.
    fn start(args: &[&str], dir: &Path, cache: &Path) -> Process {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vnea-under-test"))
            .args(args)
            .current_dir(dir)
            .env("XDG_CACHE_HOME", cache)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("vnea lsp starts");
        let stdout = child.stdout.take().expect("standard output");
        let (sender, messages) = mpsc::channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse().expect("a length");
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).expect("a message body");
                let message = serde_json::from_slice(&body).expect("JSON");
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Process {
            child,
            stdin,
            messages,
        }
    }

    fn send(&mut self, message: Value) {
        let body = serde_json::to_vec(&message).expect("JSON");
        let stdin = self.stdin.as_mut().expect("standard input is open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("the server reads");
        stdin.write_all(&body).expect("the server reads");
        stdin.flush().expect("the server reads");
    }

    /// The next message that `accept` takes, skipping others.
    fn wait_for(&self, accept: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(TIMEOUT)
                .expect("a message in time");
            if accept(&message) {
                return message;
            }
        }
    }

    fn initialize(&mut self, root: &Path) {
        let folder = format!("file://{}", root.display());
        self.send(json!({
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": folder, "capabilities": {}, "locale": "en"},
        }));
        let answer = self.wait_for(|m| m["id"] == 1);
        assert_eq!(
            answer["result"]["capabilities"]["positionEncoding"],
            "utf-16"
        );
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    }

    /// The exit code of the process, which must end in time.
    fn exit_code(mut self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the process") {
                return status.code().expect("an exit code");
            }
            assert!(start.elapsed() < TIMEOUT, "vnea lsp did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A workspace directory (ASCII path, so its URI needs no encoding) with one file.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.vnea"),
        "application a \"Ứng dụng\" { arm: ARM.x }\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_session_over_stdio_ends_with_exit_code_0() {
    let dir = workspace();
    let cache = tempfile::tempdir().unwrap();
    let mut process = Process::start(&["lsp"], dir.path(), cache.path());
    process.initialize(dir.path());
    let a = format!("file://{}", dir.path().join("a.vnea").display());
    let text = "application a \"Ứng dụng 😀\" { arm: ARM.dung_chug }\n";
    process.send(json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": a, "languageId": "vnea", "version": 5, "text": text}},
    }));
    let published = process.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 5
    });
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    let unresolved = diagnostics
        .iter()
        .find(|d| d["code"] == "unresolved-reference")
        .expect("the unresolved reference");
    let column = "application a \"Ứng dụng 😀\" { arm: ARM."
        .encode_utf16()
        .count();
    assert_eq!(column, 39);
    assert_eq!(
        unresolved["range"]["start"],
        json!({"line": 0, "character": column})
    );
    assert!(
        unresolved["message"]
            .as_str()
            .unwrap()
            .contains("did you mean")
    );
    // The rule documentation and the built-in packs were written to the cache.
    let docs = cache.path().join("vnea/docs/rules.md");
    assert!(docs.is_file());
    let href = unresolved["codeDescription"]["href"].as_str().unwrap();
    assert_eq!(
        href,
        format!("file://{}#unresolved-reference", docs.display())
    );
    assert!(cache.path().join("vnea/packs/2.0/arm.vnea").is_file());
    assert!(cache.path().join("vnea/packs/3.0/arm.vnea").is_file());

    process.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    let answer = process.wait_for(|m| m["id"] == 2);
    assert_eq!(answer["result"], Value::Null);
    process.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    // Standard input stays open: the server must still end.
    assert_eq!(process.exit_code(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let dir = workspace();
    let cache = tempfile::tempdir().unwrap();
    let mut process = Process::start(&["lsp"], dir.path(), cache.path());
    process.initialize(dir.path());
    process.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(process.exit_code(), 1);
}

/// (Started with `--stdio`, as vscode-languageclient starts servers.)
#[test]
fn the_end_of_input_ends_the_server() {
    let dir = workspace();
    let cache = tempfile::tempdir().unwrap();
    let mut process = Process::start(&["lsp", "--stdio"], dir.path(), cache.path());
    process.initialize(dir.path());
    process.stdin = None;
    assert_eq!(process.exit_code(), 1);
}

/// The UTF-16 position of byte `offset` of `text`, for a client that counts in UTF-16.
fn utf16_position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count();
    let character = before[line_start..].encode_utf16().count();
    json!({"line": line, "character": character})
}

#[test]
fn a_burst_of_edits_an_unopened_file_and_a_rename_across_files_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let a_text = "database csdl \"CSDL dân cư\" { drm: DRM.xa_hoi }\n";
    std::fs::write(dir.path().join("a.vnea"), a_text).unwrap();
    // Never opened: its diagnostics come from the disk.
    std::fs::write(
        dir.path().join("b.vnea"),
        "application ud \"Ứng dụng\" { arm: ARM.dung_chug, databases: [csdl] }\n",
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut process = Process::start(&["lsp"], dir.path(), cache.path());
    process.initialize(dir.path());
    let uri = |name: &str| format!("file://{}", dir.path().join(name).display());
    let (a, b) = (uri("a.vnea"), uri("b.vnea"));

    // The unopened file's diagnostics arrive without a version.
    let published = process
        .wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == b);
    assert!(
        published["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "unresolved-reference"),
        "{published}"
    );

    // 200 incremental edits inside the title, applied in order to a plain string as well.
    process.send(json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": a, "languageId": "vnea", "version": 0, "text": a_text}},
    }));
    let mut text = a_text.to_owned();
    let pieces = ["ư", "😀", "a", "Đ", "\u{301}", " "];
    for version in 1..=200 {
        // Insert just before the closing quote of the title, or delete the character there.
        let quote = text[15..].find('"').unwrap() + 15;
        let change = if version % 7 == 0 && quote > 15 {
            let start = text[..quote].char_indices().last().unwrap().0;
            let change = json!({
                "range": {"start": utf16_position(&text, start), "end": utf16_position(&text, quote)},
                "text": "",
            });
            text.replace_range(start..quote, "");
            change
        } else {
            let piece = pieces[version % pieces.len()];
            let change = json!({
                "range": {"start": utf16_position(&text, quote), "end": utf16_position(&text, quote)},
                "text": piece,
            });
            text.insert_str(quote, piece);
            change
        };
        process.send(json!({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": a, "version": version}, "contentChanges": [change]},
        }));
    }
    // Finally break the reference after the title: its column depends on every edit.
    let at = text.find("xa_hoi").unwrap();
    process.send(json!({
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {
            "textDocument": {"uri": a, "version": 201},
            "contentChanges": [{
                "range": {"start": utf16_position(&text, at), "end": utf16_position(&text, at + 2)},
                "text": "xx",
            }],
        },
    }));
    text.replace_range(at..at + 2, "xx");
    let published = process.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == a
            && m["params"]["version"] == 201
    });
    let unresolved = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unresolved-reference")
        .cloned()
        .expect("the broken reference");
    assert_eq!(unresolved["range"]["start"], utf16_position(&text, at));

    // Rename the database: its declaration in a.vnea and its use in the unopened b.vnea.
    let name = text.find("csdl").unwrap();
    process.send(json!({
        "jsonrpc": "2.0", "id": 3, "method": "textDocument/rename",
        "params": {
            "textDocument": {"uri": a},
            "position": utf16_position(&text, name + 1),
            "newName": "csdl_dân_cư",
        },
    }));
    let answer = process.wait_for(|m| m["id"] == 3);
    let changes = &answer["result"]["changes"];
    assert_eq!(changes[&a].as_array().map(Vec::len), Some(1), "{answer}");
    assert_eq!(changes[&b].as_array().map(Vec::len), Some(1), "{answer}");
    assert_eq!(changes[&b][0]["newText"], "csdl_dân_cư");

    process.send(json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}));
    process.wait_for(|m| m["id"] == 4);
    process.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(process.exit_code(), 0);
}
