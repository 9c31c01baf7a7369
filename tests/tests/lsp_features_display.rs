//! Semantic tokens, inlay hints, folding ranges and selection ranges through the language
//! server: positions and lengths in UTF-16 (and UTF-8) over Vietnamese, emoji and CRLF.

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

fn document(uri: &str) -> Value {
    json!({"textDocument": {"uri": uri}})
}

/// The text at `range` of `text`, positions in UTF-16 or UTF-8.
fn text_at<'a>(text: &'a str, range: &Value, utf16: bool) -> &'a str {
    let at = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as u32;
        offset(text, line, p["character"].as_u64().unwrap() as u32, utf16)
    };
    &text[at(&range["start"])..at(&range["end"])]
}

/// `ung_dung.vnea` as opened: CRLF, emoji before names on their lines, a doc comment, a text
/// block over several lines, an unresolved name.
const OPENED: &str = "/// Ứng dụng 🏛️ của huyện\r\n\
application một_cửa \"Một cửa 😀\" { arm: ARM.dung_chung, status: planned\r\n\
\x20 databases: [dân_cư, khong_co] // ghi chú 🔗\r\n\
\x20 description: \"\"\"\r\n\
\x20   Dòng một 🚀\r\n\
\x20 \"\"\"\r\n\
\x20 security_level: 3\r\n\
}\r\n\
\r\n\
một_cửa -> national.ngsp \"Kết nối\" { network: national.tslcd }\r\n";

/// The tokens of `data`, decoded with `legend`: one line each with the position, length,
/// type, modifiers and the text the token covers.
fn decode(data: &Value, legend: &Value, text: &str, utf16: bool) -> String {
    let types = legend["tokenTypes"].as_array().unwrap();
    let modifiers = legend["tokenModifiers"].as_array().unwrap();
    let data: Vec<u32> = data
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap() as u32)
        .collect();
    let (mut line, mut column) = (0, 0);
    let mut out = String::new();
    for token in data.chunks(5) {
        let [delta_line, delta_start, length, kind, bits] = token else {
            panic!("tokens come in fives");
        };
        line += delta_line;
        column = if *delta_line == 0 {
            column + delta_start
        } else {
            *delta_start
        };
        let mods: Vec<&str> = (0..modifiers.len())
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| modifiers[i].as_str().unwrap())
            .collect();
        let covered = text_at(text, &range((line, column), (line, column + length)), utf16);
        out += &format!(
            "{line}:{column} {length} {} {mods:?} {covered:?}\n",
            types[*kind as usize].as_str().unwrap()
        );
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semantic_tokens_in_utf16_split_at_line_ends() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    let provider = &init["capabilities"]["semanticTokensProvider"];
    assert_eq!(provider["full"], true);
    assert_eq!(provider["range"], true);
    let legend = provider["legend"].clone();
    assert_eq!(
        legend["tokenModifiers"],
        json!(["declaration", "defaultLibrary", "documentation"])
    );
    ignore_diagnostics(&mut server, &root);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    server.open(&ung_dung, 1, OPENED).await;
    let tokens = server
        .request("textDocument/semanticTokens/full", document(&ung_dung))
        .await
        .unwrap();
    assert_eq!(tokens.get("resultId"), None);
    // This client has no multi-line tokens: the text block is one token per line, without
    // line breaks, and the emoji count two UTF-16 units.
    assert_snapshot!(decode(&tokens["data"], &legend, OPENED, true), @r#"
    0:0 26 comment ["documentation"] "/// Ứng dụng 🏛\u{fe0f} của huyện"
    1:0 11 keyword [] "application"
    1:12 7 class ["declaration"] "một_cửa"
    1:20 12 string [] "\"Một cửa 😀\""
    1:35 3 property [] "arm"
    1:40 3 namespace ["defaultLibrary"] "ARM"
    1:44 10 enumMember ["defaultLibrary"] "dung_chung"
    1:56 6 property [] "status"
    1:64 7 enumMember [] "planned"
    2:2 9 property [] "databases"
    2:14 6 struct [] "dân_cư"
    2:22 8 unresolvedReference [] "khong_co"
    2:32 13 comment [] "// ghi chú 🔗"
    3:2 11 property [] "description"
    3:15 3 string [] "\"\"\""
    4:0 15 string [] "    Dòng một 🚀"
    5:0 5 string [] "  \"\"\""
    6:2 14 property [] "security_level"
    6:18 1 number [] "3"
    9:0 7 class [] "một_cửa"
    9:8 2 operator [] "->"
    9:11 8 enumMember ["defaultLibrary"] "national"
    9:20 4 class ["defaultLibrary"] "ngsp"
    9:25 9 string [] "\"Kết nối\""
    9:37 7 property [] "network"
    9:46 8 enumMember ["defaultLibrary"] "national"
    9:55 5 interface ["defaultLibrary"] "tslcd"
    "#);

    // A range: the tokens that overlap it, positions still from the start of the document.
    let params = json!({"textDocument": {"uri": ung_dung}, "range": range((2, 0), (3, 5))});
    let tokens = server
        .request("textDocument/semanticTokens/range", params)
        .await
        .unwrap();
    assert_snapshot!(decode(&tokens["data"], &legend, OPENED, true), @r#"
    2:2 9 property [] "databases"
    2:14 6 struct [] "dân_cư"
    2:22 8 unresolvedReference [] "khong_co"
    2:32 13 comment [] "// ghi chú 🔗"
    3:2 11 property [] "description"
    "#);
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semantic_tokens_in_utf8_cover_the_same_text() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    let legend = init["capabilities"]["semanticTokensProvider"]["legend"].clone();
    ignore_diagnostics(&mut server, &root);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    server.open(&ung_dung, 1, OPENED).await;
    let utf16 = server
        .request("textDocument/semanticTokens/full", document(&ung_dung))
        .await
        .unwrap();
    assert_eq!(server.finish(true).await, 0);

    let setup = Setup {
        utf8: true,
        ..Setup::new(&root)
    };
    let (mut server, init) = TestServer::start(setup).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    ignore_diagnostics(&mut server, &root);
    server.open(&ung_dung, 1, OPENED).await;
    let utf8 = server
        .request("textDocument/semanticTokens/full", document(&ung_dung))
        .await
        .unwrap();
    // The same tokens over the same text; columns and lengths in bytes.
    let strip = |decoded: String| -> Vec<String> {
        decoded
            .lines()
            .map(|l| l.splitn(3, ' ').nth(2).unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        strip(decode(&utf8["data"], &legend, OPENED, false)),
        strip(decode(&utf16["data"], &legend, OPENED, true))
    );
    let decoded = decode(&utf8["data"], &legend, OPENED, false);
    let dung_chung = decoded.lines().nth(6).unwrap();
    let column = "application một_cửa \"Một cửa 😀\" { arm: ARM.".len();
    assert_eq!(
        dung_chung,
        format!("1:{column} 10 enumMember [\"defaultLibrary\"] \"dung_chung\"")
    );
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hints_show_the_titles_of_framework_nodes() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["inlayHintProvider"], true);
    ignore_diagnostics(&mut server, &root);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    server.open(&ung_dung, 1, OPENED).await;
    let params = json!({"textDocument": {"uri": ung_dung}, "range": range((0, 0), (10, 0))});
    let hints = server
        .request("textDocument/inlayHint", params)
        .await
        .unwrap();
    let hints = hints.as_array().unwrap();
    // After `arm: ARM.dung_chung`, past the emoji, and after both paths of the relation; not
    // after `dân_cư`, a declaration of the workspace.
    let after_arm = utf16_len("application một_cửa \"Một cửa 😀\" { arm: ARM.dung_chung");
    let positions: Vec<Value> = hints.iter().map(|h| h["position"].clone()).collect();
    let ngsp = utf16_len("một_cửa -> national.ngsp");
    let tslcd = utf16_len("một_cửa -> national.ngsp \"Kết nối\" { network: national.tslcd");
    assert_eq!(
        positions,
        [
            json!({"line": 1, "character": after_arm}),
            json!({"line": 9, "character": ngsp}),
            json!({"line": 9, "character": tslcd}),
        ]
    );
    let hint = &hints[0];
    assert_eq!(hint["paddingLeft"], true);
    assert_eq!(hint.get("kind"), None);
    let label = &hint["label"][0];
    assert_eq!(label["value"], "Ứng dụng, nền tảng dùng chung");
    // The label links to the node in the pack file's copy in the cache.
    let pack = server.cache.path().join("packs/2.0/arm.vnea");
    assert_eq!(label["location"]["uri"], uri(&pack).as_str());
    let pack_text = fs::read_to_string(&pack).unwrap();
    assert_eq!(
        text_at(&pack_text, &label["location"]["range"], true),
        "dung_chung"
    );
    assert_eq!(
        hints[1]["label"][0]["value"],
        "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia"
    );

    // Only the paths that end in the range.
    let params = json!({"textDocument": {"uri": ung_dung}, "range": range((9, 0), (9, ngsp))});
    let hints = server
        .request("textDocument/inlayHint", params)
        .await
        .unwrap();
    assert_eq!(hints.as_array().unwrap().len(), 1);
    assert_eq!(hints[0]["position"], json!({"line": 9, "character": ngsp}));
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folding_and_selection_ranges() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["foldingRangeProvider"], true);
    assert_eq!(init["capabilities"]["selectionRangeProvider"], true);
    ignore_diagnostics(&mut server, &root);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    let text = format!("// Một\r\n// Hai 😀\r\n{OPENED}");
    server.open(&ung_dung, 1, &text).await;

    // This client folds with columns: each range as the text it covers.
    let folds = server
        .request("textDocument/foldingRange", document(&ung_dung))
        .await
        .unwrap();
    let mut rendered = String::new();
    for f in folds.as_array().unwrap() {
        let r = range(
            (
                f["startLine"].as_u64().unwrap() as u32,
                f["startCharacter"].as_u64().unwrap() as u32,
            ),
            (
                f["endLine"].as_u64().unwrap() as u32,
                f["endCharacter"].as_u64().unwrap() as u32,
            ),
        );
        let covered = text_at(&text, &r, true);
        rendered += &format!(
            "{}-{} {} {:?}\n",
            f["startLine"],
            f["endLine"],
            f["kind"].as_str().unwrap_or("-"),
            covered.chars().take(24).collect::<String>()
        );
    }
    assert_snapshot!(rendered, @r#"
    0-1 comment "// Một\r\n// Hai 😀"
    3-9 - "{ arm: ARM.dung_chung, s"
    5-7 - "\"\"\"\r\n    Dòng một 🚀\r\n  \""
    "#);

    // Selection ranges grow from the identifier at each position to the whole document.
    let dung_chung = utf16_len("application một_cửa \"Một cửa 😀\" { arm: ARM.dung");
    let params = json!({
        "textDocument": {"uri": ung_dung},
        "positions": [{"line": 3, "character": dung_chung}, {"line": 11, "character": 9}],
    });
    let ranges = server
        .request("textDocument/selectionRange", params)
        .await
        .unwrap();
    let chain = |mut level: &Value| {
        let mut out = Vec::new();
        while !level.is_null() {
            let covered = text_at(&text, &level["range"], true);
            out.push(covered.chars().take(30).collect::<String>());
            level = &level["parent"];
        }
        out
    };
    assert_eq!(
        chain(&ranges[0]),
        [
            "dung_chung",
            "ARM.dung_chung",
            "arm: ARM.dung_chung",
            "{ arm: ARM.dung_chung, status:",
            "application một_cửa \"Một cửa 😀",
            "// Một\r\n// Hai 😀\r\n/// Ứng dụng",
        ]
    );
    assert_eq!(
        chain(&ranges[1]),
        [
            "->",
            "một_cửa -> national.ngsp \"Kết ",
            "// Một\r\n// Hai 😀\r\n/// Ứng dụng",
        ]
    );
    assert_eq!(server.finish(true).await, 0);
}
