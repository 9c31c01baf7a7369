use insta::assert_snapshot;
use vnea_ide::{Access, NavigationTarget, document_highlight, goto_definition, references};

use crate::fixture::{fixture, show};

fn target(db: &dyn vnea_analysis::Db, t: &NavigationTarget) -> String {
    let mut out = format!("{} {}", t.kind, show(db, t.file, t.focus_range));
    if let Some(title) = &t.title {
        out += &format!(" \"{title}\"");
    }
    if let Some(container) = &t.container_name {
        out += &format!(" in {container}");
    }
    let full = &t.file.text(db)[t.full_range.range()];
    out += &format!("\nfull: {}", full.lines().next().unwrap_or(""));
    out
}

fn check_definition(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| match goto_definition(db, f.file, f.cursor()) {
        Some(t) => target(db, &t),
        None => "none".to_owned(),
    })
}

fn check_references(text: &str, include_declaration: bool) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        references(db, f.file, f.cursor(), include_declaration)
            .into_iter()
            .map(|(file, span)| show(db, file, span) + "\n")
            .collect()
    })
}

fn check_highlight(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        document_highlight(db, f.file, f.cursor())
            .into_iter()
            .map(|h| {
                let access = match h.access {
                    Access::Read => "read",
                    Access::Write => "write",
                };
                format!("{access} {}\n", show(db, f.file, h.span))
            })
            .collect()
    })
}

#[test]
fn each_segment_goes_to_what_it_names() {
    assert_snapshot!(check_definition(r#"application a "A" { arm: A$0RM.dung_chung }"#), @r#"
    refmodel builtin/2.0/arm.vnea:4:10 `ARM` "Mô hình tham chiếu ứng dụng"
    full: refmodel ARM "Mô hình tham chiếu ứng dụng" {
    "#);
    assert_snapshot!(check_definition(r#"application a "A" { arm: ARM.dung_chung$0 }"#), @r#"
    category builtin/2.0/arm.vnea:39:12 `dung_chung` "Ứng dụng, nền tảng dùng chung" in ARM
    full: category dung_chung "Ứng dụng, nền tảng dùng chung" {
    "#);
}

#[test]
fn into_the_national_components_from_a_relation() {
    assert_snapshot!(check_definition(r#"
        application a "A"
        a -> national.dan$0_cu "Xác thực công dân"
    "#), @r#"
    database builtin/2.0/national.vnea:47:12 `dan_cu` "CSDL quốc gia về dân cư" in national
    full: database dan_cu "CSDL quốc gia về dân cư" {
    "#);
}

#[test]
fn a_declaration_name_goes_to_itself() {
    assert_snapshot!(check_definition(r#"
        /// Cơ sở dữ liệu hộ tịch
        database csdl_hộ_$0tịch "CSDL hộ tịch" { type: specialized }
    "#), @r#"
    database main.vnea:2:10 `csdl_hộ_tịch` "CSDL hộ tịch"
    full: database csdl_hộ_tịch "CSDL hộ tịch" { type: specialized }
    "#);
}

#[test]
fn across_files_and_scopes() {
    assert_snapshot!(check_definition(r#"
        //- /a.vnea
        application mot_cua "Một cửa" {
          database hồ_sơ "Hồ sơ"
          databases: [hồ_sơ]
        }
        //- /b.vnea
        application khac "Khác" { databases: [mot_cua.hồ_$0sơ] }
    "#), @r#"
    database a.vnea:2:12 `hồ_sơ` "Hồ sơ" in mot_cua
    full: database hồ_sơ "Hồ sơ"
    "#);
}

#[test]
fn an_nfd_reference_after_an_emoji_finds_the_nfc_declaration() {
    // `dân_cư` typed in decomposed form, after a title with an emoji.
    let text = "database d\u{00E2}n_c\u{01B0} \"D\u{00E2}n c\u{01B0}\"\n\
                application a \"🚀 Ứng dụng\" { databases: [da\u{0302}n_cu\u{031B}$0] }\n";
    assert_snapshot!(check_definition(text), @r#"
    database main.vnea:1:10 `dân_cư` "Dân cư"
    full: database dân_cư "Dân cư"
    "#);
}

#[test]
fn nothing_on_unresolved_names_keywords_and_strings() {
    assert_snapshot!(check_definition(r#"application a "A" { arm: ARM.khong_co$0 }"#), @"none");
    assert_snapshot!(check_definition(r#"applica$0tion a "A""#), @"none");
    assert_snapshot!(check_definition(r#"application a "Ứng$0 dụng""#), @"none");
}

#[test]
fn references_across_the_workspace() {
    let text = r#"
        //- /a.vnea
        database csdl "CSDL" { type: specialized }
        application a "A" { databases: [cs$0dl] }
        //- /b.vnea
        application b "B" { databases: [csdl] }
        b -> csdl "Đọc"
    "#;
    assert_snapshot!(check_references(text, true), @"
    a.vnea:1:10 `csdl`
    a.vnea:2:33 `csdl`
    b.vnea:1:33 `csdl`
    b.vnea:2:6 `csdl`
    ");
    assert_snapshot!(check_references(text, false), @"
    a.vnea:2:33 `csdl`
    b.vnea:1:33 `csdl`
    b.vnea:2:6 `csdl`
    ");
}

#[test]
fn references_to_a_pack_node_start_with_its_declaration() {
    let text = r#"
        //- /a.vnea
        application a "A" { arm: ARM.dung_chung$0 }
        //- /b.vnea
        platform p "P" { arm: ARM.dung_chung }
    "#;
    assert_snapshot!(check_references(text, true), @"
    builtin/2.0/arm.vnea:39:12 `dung_chung`
    a.vnea:1:30 `dung_chung`
    b.vnea:1:27 `dung_chung`
    ");
}

#[test]
fn highlight_in_the_file() {
    assert_snapshot!(check_highlight(r#"
        //- /a.vnea
        platform lgsp "LGSP" { type: lgsp }
        lgsp$0 -> national.ngsp "Kết nối" { via: lgsp }
        //- /b.vnea
        application b "B"
        b -> national.dan_cu "Tra cứu" { via: lgsp }
    "#), @"
    write a.vnea:1:10 `lgsp`
    read a.vnea:2:1 `lgsp`
    read a.vnea:2:40 `lgsp`
    ");
}

#[test]
fn through_an_extension_into_a_user_pack() {
    let text = r#"
        //- pack /packs/arm.vnea
        extend ARM {
          category mot_cua_tinh "Hệ thống một cửa cấp tỉnh" { status: derived }
        }
        //- /a.vnea
        application a "A" { arm: ARM.mot_cua_tinh$0 }
        //- /b.vnea
        application b "B" { arm: ARM.mot_cua_tinh }
    "#;
    assert_snapshot!(check_definition(text), @r#"
    category packs/arm.vnea:2:12 `mot_cua_tinh` "Hệ thống một cửa cấp tỉnh" in ARM
    full: category mot_cua_tinh "Hệ thống một cửa cấp tỉnh" { status: derived }
    "#);
    assert_snapshot!(check_references(text, true), @"
    packs/arm.vnea:2:12 `mot_cua_tinh`
    a.vnea:1:30 `mot_cua_tinh`
    b.vnea:1:30 `mot_cua_tinh`
    ");
}
