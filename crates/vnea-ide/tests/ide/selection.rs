use insta::assert_snapshot;
use vnea_ide::selection_ranges;

use crate::fixture::{fixture, loc, show};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        selection_ranges(db, f.file, &[f.cursor()])
            .into_iter()
            .flatten()
            .map(|span| {
                format!(
                    "..{} {}\n",
                    loc(db, f.file, span.end),
                    show(db, f.file, span)
                )
            })
            .collect()
    })
}

#[test]
fn from_a_path_segment_out_to_the_file() {
    assert_snapshot!(check(r#"
        application mot_cua "🚀 Một cửa" {
          application con "Con" {
            databases: [csdl, national.dan$0_cu]
          }
        }
    "#), @r#"
    ..main.vnea:3:38 main.vnea:3:32 `dan_cu`
    ..main.vnea:3:38 main.vnea:3:23 `national.dan_cu`
    ..main.vnea:3:39 main.vnea:3:16 `[csdl, national.dan_cu]`
    ..main.vnea:3:39 main.vnea:3:5 `databases: [csdl, national.dan_cu]`
    ..main.vnea:4:4 main.vnea:2:25 `{…`
    ..main.vnea:4:4 main.vnea:2:3 `application con "Con" {…`
    ..main.vnea:5:2 main.vnea:1:33 `{…`
    ..main.vnea:5:2 main.vnea:1:1 `application mot_cua "🚀 Một cửa" {…`
    ..main.vnea:6:1 main.vnea:1:1 `application mot_cua "🚀 Một cửa" {…`
    "#);
}

#[test]
fn from_a_range_bound_and_from_a_comment() {
    assert_snapshot!(check("project p { period: 2021..20$025 }\n"), @"
    ..main.vnea:1:31 main.vnea:1:27 `2025`
    ..main.vnea:1:31 main.vnea:1:21 `2021..2025`
    ..main.vnea:1:31 main.vnea:1:13 `period: 2021..2025`
    ..main.vnea:1:33 main.vnea:1:11 `{ period: 2021..2025 }`
    ..main.vnea:1:33 main.vnea:1:1 `project p { period: 2021..2025 }`
    ..main.vnea:2:1 main.vnea:1:1 `project p { period: 2021..2025 }`
    ");
    assert_snapshot!(check("actor a { // chú $0thích\n}\n"), @"
    ..main.vnea:1:23 main.vnea:1:11 `// chú thích`
    ..main.vnea:2:2 main.vnea:1:9 `{ // chú thích…`
    ..main.vnea:2:2 main.vnea:1:1 `actor a { // chú thích…`
    ..main.vnea:3:1 main.vnea:1:1 `actor a { // chú thích…`
    ");
}

#[test]
fn from_a_relation_end_and_a_kind() {
    assert_snapshot!(check(r#"a -> b$0 "Nhãn" { via: lgsp }"#), @r#"
    ..main.vnea:1:7 main.vnea:1:6 `b`
    ..main.vnea:1:28 main.vnea:1:1 `a -> b "Nhãn" { via: lgsp }`
    "#);
    assert_snapshot!(check(r#"appl$0ication a"#), @"
    ..main.vnea:1:12 main.vnea:1:1 `application`
    ..main.vnea:1:14 main.vnea:1:1 `application a`
    ");
}
