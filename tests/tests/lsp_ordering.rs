//! Ordering: a burst of incremental `didChange` notifications, with requests in between, is
//! applied by the server in the order it was sent, as a plain string applies the same edits;
//! requests on the analysis in the middle of the burst are all answered.

mod lsp_harness;

use lsp_harness::{Setup, TestServer, apply, range, uri, utf16_len};
use serde_json::Value;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// The lines of `text` (without their line breaks: `\r\n`, `\n` or `\r`).
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        match rest.find(['\r', '\n']) {
            Some(end) => {
                out.push(&rest[..end]);
                let width = if rest[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = &rest[end + width..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// A random valid position of `text`: a line, and a UTF-16 column at a character boundary.
fn position(text: &str, rng: &mut Rng) -> (u32, u32) {
    let lines = lines(text);
    let line = rng.below(lines.len());
    let chars: Vec<char> = lines[line].chars().collect();
    let column: usize = chars[..rng.below(chars.len() + 1)]
        .iter()
        .map(|c| c.len_utf16())
        .sum();
    (line as u32, column as u32)
}

const INSERTS: [&str; 10] = [
    "ư",
    "😀",
    "\r\n",
    "x",
    "Việt ",
    "🇻🇳",
    "",
    "\n",
    "ơi\r\nà",
    "🏛️",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_edits_applies_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (mut server, _) = TestServer::start(Setup::new(&root)).await;
    let doc = uri(&root.join("burst.vnea"));
    let mut text =
        String::from("application a \"Ứng dụng 😀\" {\r\n  arm: ARM.dung_chung\r\n}\r\n");
    server.open(&doc, 0, &text).await;

    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut probes: Vec<(i64, String, i64)> = Vec::new();
    let mut actions = Vec::new();
    for version in 1..=200 {
        let mut changes: Vec<(Value, &str)> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let (a, b) = (position(&text, &mut rng), position(&text, &mut rng));
            let (start, end) = if a <= b { (a, b) } else { (b, a) };
            let inserted = INSERTS[rng.below(INSERTS.len())];
            let r = range(start, end);
            // Each change is against the text the previous one left.
            apply(&mut text, &r, inserted, true);
            changes.push((r, inserted));
        }
        server.change(&doc, version, &changes).await;
        if version % 10 == 0 {
            // Requests on the analysis while edits cancel its snapshots: each is answered,
            // with a result or with ContentModified, and nothing deadlocks.
            let params = serde_json::json!({
                "textDocument": {"uri": doc},
                "range": range((0, 0), (0, 0)),
                "context": {"diagnostics": []},
            });
            actions.push(server.send_request("textDocument/codeAction", params).await);
        }
        if version % 25 == 0 {
            let id = server
                .send_request(vnea_lsp::DOCUMENT_TEXT, serde_json::json!({"uri": doc}))
                .await;
            probes.push((id, text.clone(), version));
        }
    }
    // The requests sent between the edits saw exactly the edits sent before them.
    for (id, expected, version) in probes {
        let answer = server.response(id).await.expect("the document's text");
        assert_eq!(answer["version"], version);
        assert_eq!(
            answer["text"].as_str().unwrap(),
            expected,
            "at version {version}"
        );
    }
    assert_eq!(server.document_text(&doc).await, (text.clone(), 200));
    for id in actions {
        if let Err(error) = server.response(id).await {
            assert_eq!(error["code"], -32801, "{error}");
        }
    }

    // A last edit with a known diagnostic: the diagnostics of the last version arrive, and
    // none of a later one.
    let last = lines(&text);
    let end = (last.len() as u32 - 1, utf16_len(last[last.len() - 1]));
    server
        .change(&doc, 201, &[(range((0, 0), end), "application x {\r\n")])
        .await;
    let found = server.diagnostics(&doc, Some(201)).await;
    assert!(
        found.iter().any(|d| d["code"] == "syntax-error"),
        "{found:#?}"
    );
    assert_eq!(server.finish(true).await, 0);
}
