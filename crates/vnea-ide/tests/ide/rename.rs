use insta::assert_snapshot;
use vnea_analysis::Lang;
use vnea_ide::{prepare_rename, rename};

use crate::fixture::{fixture, show};

fn check_prepare(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| match prepare_rename(db, f.file, f.cursor()) {
        Ok(span) => show(db, f.file, span),
        Err(e) => format!("{e:?}\n{}\n{}", e.message(Lang::Vi), e.message(Lang::En)),
    })
}

/// The edits, each as the text it replaces and the new text.
fn check(text: &str, new_name: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| match rename(db, f.file, f.cursor(), new_name) {
        Ok(files) => files
            .into_iter()
            .flat_map(|(file, edits)| {
                edits
                    .into_iter()
                    .map(move |e| format!("{} -> {}\n", show(db, file, e.span), e.text))
            })
            .collect(),
        Err(e) => format!("{e:?}\n{}", e.message(Lang::Vi)),
    })
}

const WORKSPACE: &str = r#"
    //- /a.vnea
    database csdl_dân_cư "CSDL dân cư của tỉnh" { type: specialized }
    application a "🚀 Ứng dụng" { databases: [csdl_dân_cư$0] }
    //- /b.vnea
    application b "B" { databases: [csdl_dân_cư] }
    b -> csdl_dân_cư "Đọc"
"#;

#[test]
fn renames_the_declaration_and_every_reference() {
    assert_snapshot!(check(WORKSPACE, "csdl_hộ_tịch"), @"
    a.vnea:1:10 `csdl_dân_cư` -> csdl_hộ_tịch
    a.vnea:2:42 `csdl_dân_cư` -> csdl_hộ_tịch
    b.vnea:1:33 `csdl_dân_cư` -> csdl_hộ_tịch
    b.vnea:2:6 `csdl_dân_cư` -> csdl_hộ_tịch
    ");
}

#[test]
fn renames_references_written_in_nfd() {
    let text = "database d\u{00E2}n_c\u{01B0} \"D\u{00E2}n c\u{01B0}\"\n\
                application a \"A\" { databases: [da\u{0302}n_cu\u{031B}, d\u{00E2}n_c\u{01B0}$0] }\n";
    assert_snapshot!(check(text, "cu_tru"), @"
    main.vnea:1:10 `dân_cư` -> cu_tru
    main.vnea:2:33 `dân_cư` -> cu_tru
    main.vnea:2:43 `dân_cư` -> cu_tru
    ");
}

#[test]
fn prepare_gives_the_identifier() {
    assert_snapshot!(check_prepare(WORKSPACE), @"a.vnea:2:42 `csdl_dân_cư`");
}

#[test]
fn framework_names_cannot_be_renamed() {
    assert_snapshot!(check_prepare(r#"application a "A" { arm: AR$0M.dung_chung }"#), @r#"
    FrameworkName { name: "ARM" }
    `ARM` là tên của khung kiến trúc, không thể đổi tên
    `ARM` is a name of the framework and cannot be renamed
    "#);
    assert_snapshot!(check(r#"application a "A" { arm: ARM.dung_chung$0 }"#, "x"), @r#"
    FrameworkName { name: "dung_chung" }
    `dung_chung` là tên của khung kiến trúc, không thể đổi tên
    "#);
}

#[test]
fn only_names_can_be_renamed() {
    assert_snapshot!(check_prepare(r#"application a "Ứng $0dụng""#), @"
    NoName
    không có tên nào để đổi ở đây
    there is nothing to rename here
    ");
    assert_snapshot!(check_prepare(r#"application a "A" { arm: ARM.khong_co$0 }"#), @r#"
    Unresolved { name: "khong_co" }
    `khong_co` không trỏ tới khai báo nào
    `khong_co` does not name any declaration
    "#);
}

#[test]
fn the_new_name_must_be_an_identifier() {
    assert_snapshot!(check(WORKSPACE, "1csdl"), @r#"
    InvalidName { name: "1csdl" }
    `1csdl` không phải là tên định danh hợp lệ
    "#);
    assert_snapshot!(check(WORKSPACE, "csdl dân cư"), @r#"
    InvalidName { name: "csdl dân cư" }
    `csdl dân cư` không phải là tên định danh hợp lệ
    "#);
    assert_snapshot!(check(WORKSPACE, "true"), @r#"
    InvalidName { name: "true" }
    `true` không phải là tên định danh hợp lệ
    "#);
}

#[test]
fn the_new_name_must_be_free_in_the_scope() {
    assert_snapshot!(check(WORKSPACE, "b"), @r#"
    Conflict { name: "b" }
    phạm vi này đã có khai báo tên `b`
    "#);
    assert_snapshot!(check(r#"
        application a "A" {
          database x$0 "X"
          database y "Y"
        }
    "#, "y"), @r#"
    Conflict { name: "y" }
    phạm vi này đã có khai báo tên `y`
    "#);
}
