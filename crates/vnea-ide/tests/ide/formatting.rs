use insta::assert_snapshot;
use vnea_ide::formatting;

use crate::fixture::{fixture, show};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| match formatting(db, f.file) {
        None => "syntax errors: none".to_owned(),
        Some(edits) if edits.is_empty() => "already formatted".to_owned(),
        Some(edits) => {
            let edit = &edits[0];
            let mut formatted = f.file.text(db).clone();
            formatted.replace_range(edit.span.range(), &edit.text);
            format!(
                "{} edit at {} ({} bytes)\n{formatted}",
                edits.len(),
                show(db, f.file, edit.span),
                edit.span.len()
            )
        }
    })
}

#[test]
fn one_edit_over_the_changed_region() {
    assert_snapshot!(check("actor a \"🚀 Người dân\" {type:citizen}\nactor b\n"), @r#"
    1 edit at main.vnea:1:24 `type:citizen` (12 bytes)
    actor a "🚀 Người dân" { type: citizen }
    actor b
    "#);
}

#[test]
fn crlf_line_ends_are_not_split() {
    assert_snapshot!(check("actor a\r\n\r\n\r\n\r\nactor b\r\n"), @"
    1 edit at main.vnea:3:1 `` (4 bytes)
    actor a

    actor b
    ");
}

#[test]
fn nothing_when_formatted_none_on_syntax_errors() {
    assert_snapshot!(check("actor a \"A\" { type: citizen }\n"), @"already formatted");
    assert_snapshot!(check("actor a \"A\" { type: }\n"), @"syntax errors: none");
}
