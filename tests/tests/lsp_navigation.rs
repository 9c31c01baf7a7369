//! Go to definition and hover through the language server: into workspace files, and into the
//! built-in packs as `file://` locations of their copies in the cache directory.

mod lsp_harness;

use std::fs;

use lsp_harness::{Setup, TestServer, fixture, offset, range, uri, utf16_len};
use serde_json::{Value, json};

/// The text at `range` (UTF-16 positions) of `text`.
fn text_at<'a>(text: &'a str, range: &Value) -> &'a str {
    let at = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as u32;
        offset(text, line, p["character"].as_u64().unwrap() as u32, true)
    };
    &text[at(&range["start"])..at(&range["end"])]
}

fn position(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

const OPENED: &str = "// Ứng dụng 🏛️\r\n\
application mot_cua \"Một cửa 😀\" { arm: ARM.dung_chung\r\n\
\x20 databases: [csdl_ho_so]\r\n\
}\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definitions_and_hovers_reach_workspace_and_pack_files() {
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    fs::remove_file(root.join("trung.vnea")).unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["definitionProvider"], true);
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    for file in ["ung_dung.vnea", "nested/rieng.vnea"] {
        server.ignore_diagnostics(&uri(&root.join(file)));
    }
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    server.open(&ung_dung, 1, OPENED).await;

    // Into a workspace file.
    let column = utf16_len("  databases: [csdl_");
    let answer = server
        .request("textDocument/definition", position(&ung_dung, 2, column))
        .await
        .unwrap();
    assert_eq!(answer["uri"], uri(&root.join("du_lieu.vnea")).as_str());
    assert_eq!(answer["range"], range((0, 9), (0, 19)));

    // Into the built-in pack: its read-only copy in the cache.
    let before = "application mot_cua \"Một cửa 😀\" { arm: ARM.";
    let column = utf16_len(before);
    let answer = server
        .request(
            "textDocument/definition",
            position(&ung_dung, 1, column + 3),
        )
        .await
        .unwrap();
    let pack = server.cache.path().join("packs/2.0/arm.vnea");
    assert_eq!(answer["uri"], uri(&pack).as_str());
    let pack_text = fs::read_to_string(&pack).unwrap();
    assert_eq!(text_at(&pack_text, &answer["range"]), "dung_chung");
    assert!(fs::metadata(&pack).unwrap().permissions().readonly());

    // Hover: the node's title, code and status; the range in UTF-16 after the emoji.
    let answer = server
        .request("textDocument/hover", position(&ung_dung, 1, column + 3))
        .await
        .unwrap();
    assert_eq!(answer["range"], range((1, column), (1, column + 10)));
    assert_eq!(answer["contents"]["kind"], "markdown");
    let markdown = answer["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.contains("Ứng dụng, nền tảng dùng chung"),
        "{markdown}"
    );
    assert!(markdown.contains("Status: `derived`"), "{markdown}");

    // The editor opens the pack file there: navigation and hover work inside it too.
    let pack_uri = uri(&pack);
    server.open(&pack_uri, 1, &pack_text).await;
    let line = pack_text
        .lines()
        .position(|l| l.contains("category dung_chung"))
        .unwrap() as u32;
    let column = utf16_len("  category dung");
    let answer = server
        .request("textDocument/definition", position(&pack_uri, line, column))
        .await
        .unwrap();
    assert_eq!(answer["uri"], pack_uri.as_str());
    assert_eq!(text_at(&pack_text, &answer["range"]), "dung_chung");
    let answer = server
        .request("textDocument/hover", position(&pack_uri, line, column))
        .await
        .unwrap();
    assert!(
        answer["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("dùng chung")
    );

    // Nothing there: no answer.
    let answer = server
        .request("textDocument/hover", position(&ung_dung, 0, 3))
        .await;
    assert_eq!(answer, Ok(Value::Null));
    assert_eq!(server.finish(true).await, 0);
}
