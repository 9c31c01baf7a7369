//! The workspace as the language server sees it: every file on disk (hidden and ignored ones
//! left out, nested workspaces apart), kept up to date by `workspace/didChangeWatchedFiles`,
//! `vnea.toml` included; documents opened outside the folder.

mod lsp_harness;

use std::fs;

use lsp_harness::{Setup, TestServer, fixture, uri};
use serde_json::{Value, json};

/// The rule names of `diagnostics`, sorted.
fn rules(diagnostics: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("?").to_owned())
        .collect();
    out.sort();
    out
}

/// `workspace/didChangeWatchedFiles` for one file: 1 created, 2 changed, 3 deleted.
fn watched(uri: &str, kind: u8) -> Value {
    json!({"changes": [{"uri": uri, "type": kind}]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workspace_follows_the_disk() {
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    // Hidden and ignored files are not part of the workspace: a publication for them would
    // be left unread, and fail the session.
    fs::write(root.join(".gitignore"), "build/\n").unwrap();
    for file in ["build/bo_qua.vnea", ".an/an.vnea"] {
        fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        fs::write(root.join(file), "application {\n").unwrap();
    }
    let (mut server, _) = TestServer::start(Setup::new(&root)).await;
    let file = |name: &str| uri(&root.join(name));

    let found = server.diagnostics(&file("trung.vnea"), None).await;
    assert_eq!(rules(&found), ["duplicate-name"]);
    let found = server.diagnostics(&file("ung_dung.vnea"), None).await;
    assert_eq!(rules(&found), ["unresolved-reference", "unused-element"]);
    // The nested workspace (framework 3.0) does not see `csdl_ho_so`.
    let found = server.diagnostics(&file("nested/rieng.vnea"), None).await;
    assert_eq!(
        rules(&found),
        [
            "missing-architecture",
            "unresolved-reference",
            "unused-element"
        ]
    );

    // A deleted file: its diagnostics are cleared.
    fs::remove_file(root.join("trung.vnea")).unwrap();
    server
        .notify(
            "workspace/didChangeWatchedFiles",
            watched(&file("trung.vnea"), 3),
        )
        .await;
    assert_eq!(
        server.diagnostics(&file("trung.vnea"), None).await,
        Vec::<Value>::new()
    );

    // A created file is checked.
    fs::write(root.join("moi.vnea"), "application moi \"Mới\" {\n").unwrap();
    server
        .notify(
            "workspace/didChangeWatchedFiles",
            watched(&file("moi.vnea"), 1),
        )
        .await;
    let found = server.diagnostics(&file("moi.vnea"), None).await;
    assert!(rules(&found).contains(&"syntax-error".to_owned()));
    server.ignore_diagnostics(&file("moi.vnea"));

    // A changed file is read again, and the files that depend on it are checked again.
    let renamed = "database csdl_khac \"Cơ sở dữ liệu khác\" {\n  drm: DRM.kinh_te\n  owner: \"Sở Nội vụ\"\n}\n";
    fs::write(root.join("du_lieu.vnea"), renamed).unwrap();
    server
        .notify(
            "workspace/didChangeWatchedFiles",
            watched(&file("du_lieu.vnea"), 2),
        )
        .await;
    let found = server.diagnostics(&file("ung_dung.vnea"), None).await;
    assert_eq!(
        rules(&found),
        [
            "unresolved-reference",
            "unresolved-reference",
            "unused-element"
        ]
    );
    let found = server.diagnostics(&file("du_lieu.vnea"), None).await;
    assert_eq!(rules(&found), ["unused-element"]);

    // vnea.toml changes the rules.
    let toml = root.join("vnea.toml");
    let config = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, format!("{config}unused-element = \"off\"\n")).unwrap();
    server
        .notify(
            "workspace/didChangeWatchedFiles",
            watched(&file("vnea.toml"), 2),
        )
        .await;
    let found = server.diagnostics(&file("ung_dung.vnea"), None).await;
    assert_eq!(
        rules(&found),
        ["unresolved-reference", "unresolved-reference"]
    );
    assert_eq!(
        server.diagnostics(&file("du_lieu.vnea"), None).await,
        Vec::<Value>::new()
    );

    // A mistake in vnea.toml is a diagnostic on it; the rest of the file still applies.
    let config = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, format!("{config}no-such-rule = \"off\"\n")).unwrap();
    server
        .notify(
            "workspace/didChangeWatchedFiles",
            watched(&file("vnea.toml"), 2),
        )
        .await;
    let found = server.diagnostics(&file("vnea.toml"), None).await;
    assert_eq!(rules(&found), ["invalid-config"]);
    let lines = config.lines().count() as u64;
    assert_eq!(found[0]["range"]["start"]["line"], lines);

    // A file that is not UTF-8.
    fs::write(root.join("hong.vnea"), b"application \xF2\n").unwrap();
    server
        .notify(
            "workspace/didChangeWatchedFiles",
            watched(&file("hong.vnea"), 1),
        )
        .await;
    let found = server.diagnostics(&file("hong.vnea"), None).await;
    assert_eq!(rules(&found), ["invalid-encoding"]);
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_outside_the_folder() {
    let folder = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let (mut server, _) = TestServer::start(Setup::new(folder.path())).await;
    let x = uri(&outside.path().join("x.vnea"));
    server.open(&x, 1, "application x \"X\" {\n").await;
    let found = server.diagnostics(&x, Some(1)).await;
    assert!(rules(&found).contains(&"syntax-error".to_owned()));
    // Closed, it was never on disk: its diagnostics are cleared.
    let params = json!({"textDocument": {"uri": x}});
    server.notify("textDocument/didClose", params).await;
    assert_eq!(server.diagnostics(&x, None).await, Vec::<Value>::new());
    assert_eq!(server.finish(true).await, 0);
}
