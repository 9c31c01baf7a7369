use insta::assert_snapshot;
use vnea_ide::code_actions;

use crate::fixture::{fixture, show};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        code_actions(db, f.file, f.range())
            .into_iter()
            .map(|a| {
                let mut out = format!(
                    "{} [{}] at {}\n",
                    a.title,
                    a.diagnostic.rule,
                    show(db, f.file, a.diagnostic.span)
                );
                for edit in a.edits {
                    out += &format!("  {} -> {:?}\n", show(db, f.file, edit.span), edit.text);
                }
                out
            })
            .collect()
    })
}

#[test]
fn fixes_of_the_diagnostics_under_the_cursor() {
    assert_snapshot!(check(r#"
        applicaton a "🚀 A"
        application b "B" { arm: ARM.dung_chug$0 }
    "#), @r#"
    thay bằng `dung_chung` [unresolved-reference] at main.vnea:2:30 `dung_chug`
      main.vnea:2:30 `dung_chug` -> "dung_chung"
    "#);
}

#[test]
fn fixes_of_the_diagnostics_in_the_range() {
    assert_snapshot!(check(r#"
        $0applicaton a "🚀 A"
        application b "B" { arm: ARM.dung_chug }$0
    "#), @r#"
    thay bằng `application` [unknown-kind] at main.vnea:1:1 `applicaton`
      main.vnea:1:1 `applicaton` -> "application"
    thêm `security_level` [missing-security-level] at main.vnea:2:13 `b`
      main.vnea:2:39 `` -> ", security_level: 1"
    thêm `owner` [missing-owner] at main.vnea:2:13 `b`
      main.vnea:2:39 `` -> ", owner: \"\""
    thay bằng `dung_chung` [unresolved-reference] at main.vnea:2:30 `dung_chug`
      main.vnea:2:30 `dung_chug` -> "dung_chung"
    "#);
}

#[test]
fn nothing_away_from_diagnostics() {
    assert_snapshot!(check(r#"
        applicaton a "A"
        application b "B" { arm: A$0RM.dung_chung, security_level: 1, owner: "Sở" }
    "#), @"");
}
