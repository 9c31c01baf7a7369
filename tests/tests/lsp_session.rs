//! Sessions with the language server, in process, one per feature: diagnostics on open and
//! after incremental edits (UTF-16 and UTF-8 positions over Vietnamese, emoji and CRLF),
//! formatting, code actions, and the end of a session.

mod lsp_harness;

use lsp_harness::{Setup, TestServer, apply, fixture, range, uri, utf16_len};
use serde_json::{Value, json};

/// The rule names and ranges of `diagnostics`, sorted, as `rule@line:col-line:col`.
fn summary(diagnostics: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{}@{}:{}-{}:{}",
                d["code"].as_str().unwrap_or("?"),
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"]
            )
        })
        .collect();
    out.sort();
    out
}

/// The opened text of `ung_dung.vnea`: CRLF line ends, Vietnamese and emoji before the
/// diagnostics on the same line.
const OPENED: &str = "// Ứng dụng của tỉnh 🏛️\r\n\
application mot_cua \"Một cửa 😀\" { arm: ARM.dung_chug\r\n\
\x20 security_level: 3\r\n\
\x20 owner: \"Văn phòng Ủy ban nhân dân tỉnh\"\r\n\
\x20 databases: [csdl_ho_so]\r\n\
}\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_follow_incremental_edits_in_utf16() {
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(init["serverInfo"]["name"], "vnea");

    // Every file of the workspace, open or not; messages in the client's language.
    let trung = uri(&root.join("trung.vnea"));
    let found = server.diagnostics(&trung, None).await;
    assert_eq!(summary(&found), ["duplicate-name@0:9-0:19"]);
    let duplicate = &found[0];
    assert_eq!(duplicate["severity"], 1);
    assert_eq!(duplicate["source"], "vnea");
    assert!(
        duplicate["message"]
            .as_str()
            .unwrap()
            .starts_with("the name `csdl_ho_so`")
    );
    let related = &duplicate["relatedInformation"][0];
    assert_eq!(
        related["location"]["uri"],
        uri(&root.join("du_lieu.vnea")).as_str()
    );
    assert_eq!(related["location"]["range"], range((0, 9), (0, 19)));
    let href = duplicate["codeDescription"]["href"].as_str().unwrap();
    let docs = uri(&server.cache.path().join("docs/rules.md"));
    assert_eq!(href, format!("{docs}#duplicate-name"));

    let ung_dung = uri(&root.join("ung_dung.vnea"));
    let found = server.diagnostics(&ung_dung, None).await;
    assert_eq!(
        summary(&found),
        ["unresolved-reference@2:11-2:20", "unused-element@1:12-1:19"]
    );
    let hint = found
        .iter()
        .find(|d| d["code"] == "unused-element")
        .unwrap();
    assert_eq!(hint["severity"], 4);
    assert_eq!(hint["tags"], json!([1]));
    let nested = uri(&root.join("nested/rieng.vnea"));
    let found = server.diagnostics(&nested, None).await;
    assert!(
        summary(&found)
            .iter()
            .any(|s| s.starts_with("unresolved-reference@4:"))
    );

    // Opened with other text than the disk's: the document wins, with its version.
    server.open(&ung_dung, 1, OPENED).await;
    let before = "application mot_cua \"Một cửa 😀\" { arm: ARM.";
    let col = utf16_len(before);
    assert_eq!(col, 44);
    let found = server.diagnostics(&ung_dung, Some(1)).await;
    assert_eq!(
        summary(&found),
        [
            format!("unresolved-reference@1:{col}-1:{}", col + 9),
            "unused-element@1:12-1:19".to_owned()
        ]
    );

    // Two changes in one notification, the second against the text the first left: fix the
    // reference, then add a line after the Vietnamese string (end of line 3, in UTF-16).
    let owner_line = "  owner: \"Văn phòng Ủy ban nhân dân tỉnh\"";
    let end3 = utf16_len(owner_line);
    let mut text = OPENED.to_owned();
    let changes = [
        (range((1, col), (1, col + 9)), "dung_chung"),
        (range((3, end3), (3, end3)), "\r\n  statu: planned"),
    ];
    for (r, t) in &changes {
        apply(&mut text, r, t, true);
    }
    server.change(&ung_dung, 2, &changes).await;
    let found = server.diagnostics(&ung_dung, Some(2)).await;
    assert_eq!(
        summary(&found),
        ["unknown-property@4:2-4:7", "unused-element@1:12-1:19"]
    );

    // A deletion across a CRLF: the added line goes again.
    let end4 = utf16_len("  statu: planned");
    let removal = [(range((3, end3), (4, end4)), "")];
    apply(&mut text, &removal[0].0, "", true);
    server.change(&ung_dung, 3, &removal).await;
    let found = server.diagnostics(&ung_dung, Some(3)).await;
    assert_eq!(summary(&found), ["unused-element@1:12-1:19"]);
    assert_eq!(server.document_text(&ung_dung).await, (text, 3));

    // Closing goes back to the disk's text, published without a version.
    let document = json!({"textDocument": {"uri": ung_dung}});
    server.notify("textDocument/didClose", document).await;
    let found = server.diagnostics(&ung_dung, None).await;
    assert_eq!(summary(&found).len(), 2);

    // The file watcher was registered dynamically.
    let registration = &server.registrations[0]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_positions_when_the_client_offers_them() {
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    let setup = Setup {
        utf8: true,
        ..Setup::new(&root)
    };
    let (mut server, init) = TestServer::start(setup).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    for file in ["trung.vnea", "nested/rieng.vnea"] {
        server.ignore_diagnostics(&uri(&root.join(file)));
    }
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    server.open(&ung_dung, 7, OPENED).await;
    let before = "application mot_cua \"Một cửa 😀\" { arm: ARM.";
    let col = before.len() as u32;
    let found = server.diagnostics(&ung_dung, Some(7)).await;
    assert!(summary(&found).contains(&format!("unresolved-reference@1:{col}-1:{}", col + 9)));

    // Edits in UTF-8 columns: replace "😀" (4 bytes) in the title.
    let emoji = "application mot_cua \"Một cửa ".len() as u32;
    let change = [(range((1, emoji), (1, emoji + 4)), "ơ")];
    let mut text = OPENED.to_owned();
    apply(&mut text, &change[0].0, "ơ", false);
    server.change(&ung_dung, 8, &change).await;
    let found = server.diagnostics(&ung_dung, Some(8)).await;
    let col = col - 4 + 2;
    assert!(summary(&found).contains(&format!("unresolved-reference@1:{col}-1:{}", col + 9)));
    assert_eq!(server.document_text(&ung_dung).await, (text, 8));
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_follow_the_workspace_without_a_client_locale() {
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    let setup = Setup {
        locale: Some("fr"),
        ..Setup::new(&root)
    };
    let (mut server, _) = TestServer::start(setup).await;
    server.ignore_diagnostics(&uri(&root.join("nested/rieng.vnea")));
    server.ignore_diagnostics(&uri(&root.join("ung_dung.vnea")));
    let found = server
        .diagnostics(&uri(&root.join("trung.vnea")), None)
        .await;
    // vnea.toml says `language = "vi"`.
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("đã được khai báo"), "{message}");
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_is_one_edit_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(init["capabilities"]["documentFormattingProvider"], true);
    let a = uri(&root.join("a.vnea"));
    server.ignore_diagnostics(&a);
    let text = "application   x \"Ứng dụng 😀\" {arm: ARM.dung_chung\r\n  security_level:3 }\r\n";
    server.open(&a, 1, text).await;
    let params = json!({
        "textDocument": {"uri": a},
        "options": {"tabSize": 2, "insertSpaces": true},
    });
    let edits = server
        .request("textDocument/formatting", params.clone())
        .await
        .unwrap();
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1);
    // The whole document: its end is after the last CRLF, in UTF-16.
    assert_eq!(edits[0]["range"], range((0, 0), (2, 0)));
    let formatted =
        "application x \"Ứng dụng 😀\" {\r\n  arm: ARM.dung_chung\r\n  security_level: 3\r\n}\r\n";
    assert_eq!(edits[0]["newText"], formatted);

    // Already formatted: no edit.
    let all = range((0, 0), (2, 0));
    server.change(&a, 2, &[(all, formatted)]).await;
    let edits = server
        .request("textDocument/formatting", params.clone())
        .await;
    assert_eq!(edits, Ok(json!([])));

    // Syntax errors: the formatter refuses, no edits.
    let all = range((0, 0), (4, 0));
    server.change(&a, 3, &[(all, "application x {\r\n")]).await;
    let edits = server.request("textDocument/formatting", params).await;
    assert_eq!(edits, Ok(Value::Null));
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quick_fix_resolves_its_diagnostic() {
    let dir = fixture("tinh");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    assert_eq!(
        init["capabilities"]["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    for file in ["trung.vnea", "nested/rieng.vnea"] {
        server.ignore_diagnostics(&uri(&root.join(file)));
    }
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    server.open(&ung_dung, 1, OPENED).await;
    let found = server.diagnostics(&ung_dung, Some(1)).await;
    let unresolved = found
        .iter()
        .find(|d| d["code"] == "unresolved-reference")
        .unwrap()
        .clone();

    // Asked for a position inside the diagnostic's range.
    let at = unresolved["range"]["start"]["character"].as_u64().unwrap() as u32 + 2;
    let params = json!({
        "textDocument": {"uri": ung_dung},
        "range": range((1, at), (1, at)),
        "context": {"diagnostics": [unresolved]},
    });
    let actions = server
        .request("textDocument/codeAction", params)
        .await
        .unwrap();
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let action = &actions[0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["title"], "replace with `dung_chung`");
    assert_eq!(action["isPreferred"], true);
    assert_eq!(action["diagnostics"][0], unresolved);
    let edits = action["edit"]["changes"][ung_dung.as_str()]
        .as_array()
        .unwrap();

    // Applying the fix, as the editor would, clears the diagnostic.
    let mut text = OPENED.to_owned();
    let changes: Vec<(Value, &str)> = edits
        .iter()
        .map(|e| (e["range"].clone(), e["newText"].as_str().unwrap()))
        .collect();
    for (r, t) in &changes {
        apply(&mut text, r, t, true);
    }
    assert!(text.contains("arm: ARM.dung_chung\r\n"));
    server.change(&ung_dung, 2, &changes).await;
    let found = server.diagnostics(&ung_dung, Some(2)).await;
    assert_eq!(summary(&found), ["unused-element@1:12-1:19"]);

    // Nowhere near a fix: nothing; only other kinds asked for: nothing.
    let params = json!({
        "textDocument": {"uri": ung_dung},
        "range": range((2, 0), (2, 1)),
        "context": {"diagnostics": []},
    });
    assert_eq!(
        server.request("textDocument/codeAction", params).await,
        Ok(Value::Null)
    );
    assert_eq!(server.finish(true).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let (server, _) = TestServer::start(Setup::new(dir.path())).await;
    assert_eq!(server.finish(false).await, 1);
}
