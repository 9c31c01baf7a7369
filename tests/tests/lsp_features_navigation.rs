//! Find references, document highlight, document symbols and workspace symbols through the
//! language server, on the Vietnamese workspace `tests/fixtures/lsp/huyen`.

mod lsp_harness;

use std::fs;
use std::path::Path;

use insta::assert_snapshot;
use lsp_harness::{Setup, TestServer, fixture, offset, range, uri, utf16_len};
use serde_json::{Value, json};

fn ignore_diagnostics(server: &mut TestServer, root: &Path) {
    for file in ["du_lieu.vnea", "ung_dung.vnea"] {
        server.ignore_diagnostics(&uri(&root.join(file)));
    }
}

fn position(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// The text at `range` (UTF-16 positions) of `text`.
fn text_at<'a>(text: &'a str, range: &Value) -> &'a str {
    let at = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as u32;
        offset(text, line, p["character"].as_u64().unwrap() as u32, true)
    };
    &text[at(&range["start"])..at(&range["end"])]
}

/// `ung_dung.vnea` as opened: CRLF, emoji before the names on their lines.
const OPENED: &str = "// Ứng dụng của huyện 🏛️\r\n\
application một_cửa \"Một cửa 😀\" { databases: [dân_cư]\r\n\
\x20 arm: ARM.dung_chung\r\n\
}\r\n\
\r\n\
một_cửa -> national.ngsp \"Kết nối 🔗\" { network: national.tslcd, data: [dân_cư] }\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_and_highlights() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["referencesProvider"], true);
    assert_eq!(init["capabilities"]["documentHighlightProvider"], true);
    ignore_diagnostics(&mut server, &root);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    let du_lieu = uri(&root.join("du_lieu.vnea"));
    server.open(&ung_dung, 1, OPENED).await;
    let disk = fs::read_to_string(root.join("du_lieu.vnea")).unwrap();

    // From a reference: the declaration in the other file (not open: its text on disk), then
    // both references here, the first after an emoji.
    let column = utf16_len("application một_cửa \"Một cửa 😀\" { databases: [");
    let mut params = position(&ung_dung, 1, column + 3);
    params["context"] = json!({"includeDeclaration": true});
    let found = server
        .request("textDocument/references", params.clone())
        .await
        .unwrap();
    let data =
        utf16_len("một_cửa -> national.ngsp \"Kết nối 🔗\" { network: national.tslcd, data: [");
    assert_eq!(
        found,
        json!([
            {"uri": du_lieu, "range": range((1, 9), (1, 15))},
            {"uri": ung_dung, "range": range((1, column), (1, column + 6))},
            {"uri": ung_dung, "range": range((5, data), (5, data + 6))},
        ])
    );
    assert_eq!(text_at(&disk, &found[0]["range"]), "dân_cư");
    params["context"] = json!({"includeDeclaration": false});
    let found = server
        .request("textDocument/references", params)
        .await
        .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 2);

    // A framework node: its name in the pack file's copy in the cache comes first.
    let tslcd = utf16_len("một_cửa -> national.ngsp \"Kết nối 🔗\" { network: national.ts");
    let mut params = position(&ung_dung, 5, tslcd);
    params["context"] = json!({"includeDeclaration": true});
    let found = server
        .request("textDocument/references", params)
        .await
        .unwrap();
    let pack = server.cache.path().join("packs/2.0/national.vnea");
    assert_eq!(found[0]["uri"], uri(&pack).as_str());
    let pack_text = fs::read_to_string(&pack).unwrap();
    assert_eq!(text_at(&pack_text, &found[0]["range"]), "tslcd");
    assert_eq!(found[1]["uri"], ung_dung.as_str());
    assert_eq!(text_at(OPENED, &found[1]["range"]), "tslcd");

    // Highlight: the declaration is written (3), references read (2).
    let found = server
        .request("textDocument/documentHighlight", position(&ung_dung, 5, 2))
        .await
        .unwrap();
    assert_eq!(
        found,
        json!([
            {"range": range((1, 12), (1, 19)), "kind": 3},
            {"range": range((5, 0), (5, 7)), "kind": 2},
        ])
    );
    // Nothing named there: nothing.
    let found = server
        .request("textDocument/documentHighlight", position(&ung_dung, 0, 4))
        .await
        .unwrap();
    assert_eq!(found, json!([]));
    assert_eq!(server.finish(true).await, 0);
}

/// One line per symbol: kind, name, container, location.
fn render_symbols(symbols: &Value) -> String {
    let mut out = String::new();
    for s in symbols.as_array().unwrap() {
        let r = &s["location"]["range"];
        let file = s["location"]["uri"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        out += &format!(
            "[{}] {} ({}) {file}:{}:{}-{}:{}\n",
            s["kind"],
            s["name"].as_str().unwrap(),
            s["containerName"].as_str().unwrap_or("-"),
            r["start"]["line"],
            r["start"]["character"],
            r["end"]["line"],
            r["end"]["character"],
        );
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_and_workspace_symbols() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["documentSymbolProvider"], true);
    assert_eq!(init["capabilities"]["workspaceSymbolProvider"], true);
    ignore_diagnostics(&mut server, &root);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    let text = OPENED.replace(
        "  arm: ARM.dung_chung",
        "  arm: ARM.dung_chung\r\n  database hồ_sơ \"Hồ sơ 📁\"",
    );
    server.open(&ung_dung, 1, &text).await;

    // This client has no hierarchical document symbols: a flat list in outline order, each
    // with the name of the symbol holding it, the whole declaration as its range.
    let symbols = server
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": ung_dung}}),
        )
        .await
        .unwrap();
    assert_snapshot!(render_symbols(&symbols), @"
    [2] một_cửa (-) ung_dung.vnea:1:0-4:1
    [23] hồ_sơ (một_cửa) ung_dung.vnea:3:2-3:27
    [25] một_cửa -> national.ngsp (-) ung_dung.vnea:6:0-6:81
    ");

    // Workspace symbols: typed without diacritics, names and titles match (each word starts
    // a word: `dịch vụ công … người dân` too); the workspace's own first, then the
    // framework's nodes in the pack files' copies in the cache; the title as the container
    // name.
    let symbols = server
        .request("workspace/symbol", json!({"query": "dan cu"}))
        .await
        .unwrap();
    assert_snapshot!(render_symbols(&symbols), @"
    [23] dân_cư (CSDL dân cư của huyện) du_lieu.vnea:1:9-1:15
    [23] dan_cu (CSDL quốc gia về dân cư) national.vnea:46:11-46:17
    [22] dich_vu_cong (Cung cấp dịch vụ công cho người dân, doanh nghiệp) brm.vnea:8:11-8:23
    ");
    let pack = server.cache.path().join("packs/2.0/national.vnea");
    assert_eq!(symbols[1]["location"]["uri"], uri(&pack).as_str());
    // A word of a title: `hồ sơ` and the open document's own text.
    let symbols = server
        .request("workspace/symbol", json!({"query": "ho so"}))
        .await
        .unwrap();
    assert_eq!(symbols[0]["name"], "hồ_sơ");
    assert_eq!(symbols[0]["containerName"], "Hồ sơ 📁");
    assert_eq!(symbols[0]["location"]["uri"], ung_dung.as_str());
    assert_eq!(symbols[0]["location"]["range"], range((3, 11), (3, 16)));
    let symbols = server
        .request("workspace/symbol", json!({"query": "không có đâu"}))
        .await
        .unwrap();
    assert_eq!(symbols, json!([]));
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_symbols_of_every_workspace() {
    // `tinh` holds a workspace of its own (framework 3.0) in `nested/`.
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, _) = TestServer::start(Setup::new(&root)).await;
    for file in [
        "ung_dung.vnea",
        "trung.vnea",
        "du_lieu.vnea",
        "nested/rieng.vnea",
    ] {
        server.ignore_diagnostics(&uri(&root.join(file)));
    }
    let symbols = server
        .request("workspace/symbol", json!({"query": "ung dung rieng"}))
        .await
        .unwrap();
    assert_eq!(symbols[0]["name"], "rieng");
    assert_eq!(
        symbols[0]["location"]["uri"],
        uri(&root.join("nested/rieng.vnea")).as_str()
    );
    // Both declarations of `csdl_ho_so` (a duplicate) first; then a node whose title holds the
    // words, once for each framework version.
    let symbols = server
        .request("workspace/symbol", json!({"query": "csdl_ho_so"}))
        .await
        .unwrap();
    let found: Vec<(&str, &str)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let file = s["location"]["uri"].as_str().unwrap();
            (
                s["name"].as_str().unwrap(),
                file.rsplit_once("/").unwrap().1,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("csdl_ho_so", "du_lieu.vnea"),
            ("csdl_ho_so", "trung.vnea"),
            ("thong_ke_dan_so", "national.vnea"),
            ("thong_ke_dan_so", "national.vnea"),
        ]
    );
    let symbols = server
        .request("workspace/symbol", json!({"query": "dung_chung"}))
        .await
        .unwrap();
    let files: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["location"]["uri"].as_str().unwrap())
        .collect();
    let pack = |version: &str| {
        uri(&server
            .cache
            .path()
            .join(format!("packs/{version}/arm.vnea")))
    };
    assert_eq!(files, [pack("2.0"), pack("3.0")]);
    assert_eq!(server.finish(true).await, 0);
}
