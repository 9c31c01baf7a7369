//! Completion, prepareRename and rename through the language server, on the Vietnamese
//! workspace `tests/fixtures/lsp/huyen`: positions in UTF-16 after emoji and over CRLF.

mod lsp_harness;

use std::fs;
use std::path::Path;

use insta::assert_snapshot;
use lsp_harness::{Setup, TestServer, apply, fixture, range, uri, utf16_len};
use serde_json::{Value, json};

/// The files of the fixture and the draft the tests open: their diagnostics are the business
/// of other tests.
fn ignore_diagnostics(server: &mut TestServer, root: &Path) {
    for file in ["du_lieu.vnea", "ung_dung.vnea", "nhap.vnea"] {
        server.ignore_diagnostics(&uri(&root.join(file)));
    }
}

fn position(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// `line:character` of an LSP position.
fn at(p: &Value) -> String {
    format!("{}:{}", p["line"], p["character"])
}

/// One line per completion item: label, kind, detail, filter text, and the edit.
fn render_completions(list: &Value) -> String {
    let mut out = String::new();
    for item in list["items"].as_array().unwrap() {
        let edit = &item["textEdit"];
        out += &format!(
            "{} [{}] {} | filter {:?} | {}-{} {:?} | sort {}\n",
            item["label"].as_str().unwrap(),
            item["kind"],
            item["detail"].as_str().unwrap_or("-"),
            item["filterText"].as_str().unwrap(),
            at(&edit["range"]["start"]),
            at(&edit["range"]["end"]),
            edit["newText"].as_str().unwrap(),
            item["sortText"].as_str().unwrap(),
        );
        assert_eq!(item["insertTextFormat"], 1);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_of_members_references_and_words_without_diacritics() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let (mut server, init) = TestServer::start(Setup::new(&root)).await;
    let completion = &init["capabilities"]["completionProvider"];
    assert_eq!(completion["triggerCharacters"], json!([".", ":"]));
    assert_eq!(completion["resolveProvider"], false);
    let nhap = uri(&root.join("nhap.vnea"));
    ignore_diagnostics(&mut server, &root);

    // After `arm: ARM.`, on a line with an emoji before it, after a CRLF: the nodes of ARM
    // with their title and status (ARM's nodes have no code), inserted at the cursor.
    let line = "application một_cửa \"Một cửa 😀\" { arm: ARM.";
    let text = format!("// Ứng dụng 🏛️\r\n{line}\r\n}}\r\n");
    server.open(&nhap, 1, &text).await;
    let column = utf16_len(line);
    assert_eq!(column, 44);
    let list = server
        .request("textDocument/completion", position(&nhap, 1, column))
        .await
        .unwrap();
    // Nothing typed: the list is complete, the client filters it.
    assert_eq!(list["isIncomplete"], false);
    assert_snapshot!(render_completions(&list), @r#"
    noi_bo [20] HTTT phục vụ hoạt động nội bộ · derived | filter "noi_bo httt phuc vu hoat dong noi bo" | 1:44-1:44 "noi_bo" | sort 0000
    phuc_vu_nguoi_dan [20] HTTT phục vụ người dân, doanh nghiệp · derived | filter "phuc_vu_nguoi_dan httt phuc vu nguoi dan, doanh nghiep" | 1:44-1:44 "phuc_vu_nguoi_dan" | sort 0001
    ha_tang_thong_tin [20] Hệ thống cơ sở hạ tầng thông tin · derived | filter "ha_tang_thong_tin he thong co so ha tang thong tin" | 1:44-1:44 "ha_tang_thong_tin" | sort 0002
    dieu_khien_cong_nghiep [20] Hệ thống điều khiển công nghiệp · derived | filter "dieu_khien_cong_nghiep he thong dieu khien cong nghiep" | 1:44-1:44 "dieu_khien_cong_nghiep" | sort 0003
    khac [20] HTTT khác · derived | filter "khac httt khac" | 1:44-1:44 "khac" | sort 0004
    dung_chung [20] Ứng dụng, nền tảng dùng chung · derived | filter "dung_chung ung dung, nen tang dung chung" | 1:44-1:44 "dung_chung" | sort 0005
    chuyen_nganh [20] Ứng dụng chuyên ngành · derived | filter "chuyen_nganh ung dung chuyen nganh" | 1:44-1:44 "chuyen_nganh" | sort 0006
    "#);

    // Typing `dung` after the dot: the typed word is replaced, the server filtered by it, so
    // the list is incomplete (asked again as typing goes on).
    let typed = [(range((1, column), (1, column)), "dung")];
    server.change(&nhap, 2, &typed).await;
    let list = server
        .request("textDocument/completion", position(&nhap, 1, column + 4))
        .await
        .unwrap();
    assert_eq!(list["isIncomplete"], true);
    let first = &list["items"][0];
    assert_eq!(first["label"], "dung_chung");
    assert_eq!(
        first["textEdit"]["range"],
        range((1, column), (1, column + 4))
    );

    // The code of a data reference model node comes first in its detail.
    let line = "database d \"Dữ liệu 🗂️\" { drm: DRM.kinh_te.";
    let text = format!("{line}\r\n}}\r\n");
    let whole = range((0, 0), (3, 0));
    server.change(&nhap, 3, &[(whole, text.as_str())]).await;
    let list = server
        .request(
            "textDocument/completion",
            position(&nhap, 0, utf16_len(line)),
        )
        .await
        .unwrap();
    let details: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["detail"].as_str().unwrap())
        .collect();
    assert_eq!(
        details,
        [
            "DRM001.001 · Hỗ trợ doanh nghiệp và các ngành kinh tế · draft",
            "DRM001.002 · Quản lý kinh tế · draft",
            "DRM001.003 · Thương mại và xuất nhập khẩu · draft",
        ]
    );

    // `dan cu` typed without diacritics in a list of databases: `dân_cư` of the workspace
    // first, the two words replaced by the name, and the folded name and title to match on.
    let line = "application a \"Ứng dụng 😀\" { databases: [dan cu";
    let text = format!("{line}\r\n}}\r\n");
    let whole = range((0, 0), (2, 0));
    server.change(&nhap, 4, &[(whole, text.as_str())]).await;
    let column = utf16_len(line);
    let list = server
        .request("textDocument/completion", position(&nhap, 0, column))
        .await
        .unwrap();
    assert_eq!(list["isIncomplete"], true);
    let items = list["items"].as_array().unwrap();
    let first = &items[0];
    assert_eq!(first["label"], "dân_cư");
    assert_eq!(first["kind"], 22); // Struct: a database.
    assert_eq!(first["detail"], "CSDL dân cư của huyện");
    assert_eq!(first["filterText"], "dan_cu dân_cư csdl dan cu cua huyen");
    let words = column - utf16_len("dan cu");
    assert_eq!(
        first["textEdit"],
        json!({"range": range((0, words), (0, column)), "newText": "dân_cư"})
    );
    assert!(items.iter().any(|i| i["label"] == "national.dan_cu"));

    // After `arm:` (the other trigger character): the whole model, by path.
    let line = "application a \"A\" { arm:";
    let text = format!("{line}\r\n}}\r\n");
    let whole = range((0, 0), (2, 0));
    server.change(&nhap, 5, &[(whole, text.as_str())]).await;
    let params = json!({
        "textDocument": {"uri": nhap},
        "position": {"line": 0, "character": utf16_len(line)},
        "context": {"triggerKind": 2, "triggerCharacter": ":"},
    });
    let list = server
        .request("textDocument/completion", params)
        .await
        .unwrap();
    let labels: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"ARM.dung_chung"), "{labels:?}");

    // Inside a string: nothing.
    let list = server
        .request("textDocument/completion", position(&nhap, 0, 16))
        .await
        .unwrap();
    assert_eq!(list["items"], json!([]));
    assert_eq!(server.finish(true).await, 0);
}

/// `ung_dung.vnea` as opened: CRLF, an emoji before the reference to rename on its line.
const OPENED: &str = "// Ứng dụng của huyện 🏛️\r\n\
application một_cửa \"Một cửa 😀\" { databases: [dân_cư]\r\n\
\x20 arm: ARM.dung_chung\r\n\
}\r\n\
\r\n\
một_cửa -> national.ngsp \"Kết nối 🔗\" { network: national.tslcd }\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_across_files_and_refusals_in_the_users_language() {
    let dir = fixture("huyen");
    let root = dir.path().canonicalize().unwrap();
    let setup = Setup {
        locale: Some("vi"),
        ..Setup::new(&root)
    };
    let (mut server, init) = TestServer::start(setup).await;
    // The client did not say it supports prepareRename: plain `true`.
    assert_eq!(init["capabilities"]["renameProvider"], true);
    let ung_dung = uri(&root.join("ung_dung.vnea"));
    let du_lieu = uri(&root.join("du_lieu.vnea"));
    ignore_diagnostics(&mut server, &root);
    server.open(&ung_dung, 1, OPENED).await;

    // prepareRename on the reference: its range (after the emoji) and its text.
    let before = "application một_cửa \"Một cửa 😀\" { databases: [";
    let column = utf16_len(before);
    let answer = server
        .request(
            "textDocument/prepareRename",
            position(&ung_dung, 1, column + 2),
        )
        .await
        .unwrap();
    assert_eq!(
        answer,
        json!({"range": range((1, column), (1, column + 6)), "placeholder": "dân_cư"})
    );

    // Framework names are refused, with the reason in the client's language.
    let ngsp = utf16_len("một_cửa -> national.ng");
    let refused = server
        .request("textDocument/prepareRename", position(&ung_dung, 5, ngsp))
        .await
        .unwrap_err();
    assert_eq!(refused["code"], -32803);
    assert_eq!(
        refused["message"],
        "`ngsp` là tên của khung kiến trúc, không thể đổi tên"
    );
    let rename = |line: u32, character: u32, new_name: &str| {
        let mut params = position(&ung_dung, line, character);
        params["newName"] = json!(new_name);
        params
    };
    let refused = server
        .request("textDocument/rename", rename(2, 9, "ứng_dụng"))
        .await
        .unwrap_err();
    assert_eq!(
        refused["message"],
        "`ARM` là tên của khung kiến trúc, không thể đổi tên"
    );
    let refused = server
        .request("textDocument/prepareRename", position(&ung_dung, 0, 5))
        .await
        .unwrap_err();
    assert_eq!(refused["message"], "không có tên nào để đổi ở đây");
    let refused = server
        .request("textDocument/rename", rename(1, column, "2 tên"))
        .await
        .unwrap_err();
    assert_eq!(
        refused["message"],
        "`2 tên` không phải là tên định danh hợp lệ"
    );
    let refused = server
        .request("textDocument/rename", rename(1, column, "một_cửa"))
        .await
        .unwrap_err();
    assert_eq!(
        refused["message"],
        "phạm vi này đã có khai báo tên `một_cửa`"
    );

    // The rename: the declaration in `du_lieu.vnea` (on disk, not open) and the reference in
    // the open document, as one workspace edit.
    let edit = server
        .request("textDocument/rename", rename(1, column, "cư_dân_🏡"))
        .await;
    assert!(edit.is_err(), "an emoji is no identifier: {edit:?}");
    let edit = server
        .request("textDocument/rename", rename(1, column + 6, "cư_dân"))
        .await
        .unwrap();
    let changes = edit["changes"].as_object().unwrap();
    let mut files: Vec<&String> = changes.keys().collect();
    files.sort();
    assert_eq!(files, [&du_lieu, &ung_dung]);
    assert_eq!(
        changes[&du_lieu],
        json!([{"range": range((1, 9), (1, 15)), "newText": "cư_dân"}])
    );
    let mut opened = OPENED.to_owned();
    for e in changes[&ung_dung].as_array().unwrap() {
        apply(
            &mut opened,
            &e["range"],
            e["newText"].as_str().unwrap(),
            true,
        );
    }
    assert_eq!(opened, OPENED.replace("dân_cư", "cư_dân"));
    let mut disk = fs::read_to_string(root.join("du_lieu.vnea")).unwrap();
    let e = &changes[&du_lieu][0];
    apply(&mut disk, &e["range"], e["newText"].as_str().unwrap(), true);
    assert!(disk.contains("database cư_dân \"CSDL dân cư của huyện\""));
    assert_eq!(server.finish(true).await, 0);
}
