use insta::assert_snapshot;
use vnea_ide::folding_ranges;

use crate::fixture::{fixture, loc};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        folding_ranges(db, f.file)
            .into_iter()
            .map(|r| {
                let start = loc(db, f.file, r.span.start);
                let end = loc(db, f.file, r.span.end);
                format!("{:?} {start}..{end}\n", r.kind)
            })
            .collect()
    })
}

#[test]
fn blocks_lists_text_blocks_and_comment_runs() {
    assert_snapshot!(check(r#"
        // Kiến trúc của tỉnh 🚀
        // phiên bản 2
        architecture tinh "Tỉnh" {
          level: province
          objectives: [
            "Một",
            "Hai",
          ]
          vision: """
            Chính quyền số
          """
          legal_basis: ["một dòng"]
        }
        /* chú thích
           nhiều dòng */
        /// Tài liệu
        /// hai dòng
        // không cùng loại
        application a "A" { databases: [] }
        a -> national.dan_cu "Tra cứu" {
          via: lgsp
        }
    "#), @"
    Comment main.vnea:1:1..main.vnea:2:15
    Block main.vnea:3:26..main.vnea:13:2
    List main.vnea:5:15..main.vnea:8:4
    Text main.vnea:9:11..main.vnea:11:6
    Comment main.vnea:14:1..main.vnea:15:17
    Comment main.vnea:16:1..main.vnea:17:13
    Block main.vnea:20:32..main.vnea:22:2
    ");
}

#[test]
fn comments_apart_or_after_code_do_not_fold_together() {
    assert_snapshot!(check("actor a // sau mã\n// dòng riêng\n\n// cách một dòng\n// và dòng sau\n"), @"Comment main.vnea:4:1..main.vnea:5:15");
}
