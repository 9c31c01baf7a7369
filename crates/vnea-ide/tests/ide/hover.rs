use insta::assert_snapshot;
use vnea_ide::hover;

use crate::fixture::{fixture, show};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| match hover(db, f.file, f.cursor()) {
        Some(h) => format!("{}\n{}", show(db, f.file, h.range), h.markdown),
        None => "none".to_owned(),
    })
}

#[test]
fn a_declaration_with_its_doc_comment() {
    assert_snapshot!(check(r#"
        /// Hệ thống một cửa điện tử của Bộ:
        /// tiếp nhận và trả kết quả hồ sơ.
        application mot_cua "Hệ thống thông tin *giải quyết* TTHC" {
          description: "Dùng chung cho các đơn vị"
        }
        mot$0_cua -> national.dan_cu "Xác thực"
    "#), @r"
    main.vnea:6:1 `mot_cua`
    **Hệ thống thông tin \*giải quyết\* TTHC**

    ứng dụng · `application mot_cua`

    Hệ thống một cửa điện tử của Bộ:
    tiếp nhận và trả kết quả hồ sơ.

    Dùng chung cho các đơn vị
    ");
}

#[test]
fn a_derived_pack_node_shows_status_and_source() {
    assert_snapshot!(check(r#"application a "A" { arm: ARM.dung_$0chung }"#), @"
    main.vnea:1:30 `dung_chung`
    **Ứng dụng, nền tảng dùng chung**

    nhóm · `category ARM.dung_chung`

    Nhóm do vnea suy ra, không phải hạng mục chính thức của Khung: các ứng dụng, nền tảng dùng chung trong sơ đồ khái quát.

    ---

    Trạng thái: `derived` (nhóm do vnea suy ra từ nguồn được dẫn, không phải hạng mục chính thức)  
    Nguồn: Sơ đồ khái quát CPĐT Việt Nam (khung 2.0)
    ");
}

#[test]
fn a_draft_pack_node_shows_its_code() {
    assert_snapshot!(check(r#"database d "D" { drm: DRM.kinh_te$0.ho_tro_doanh_nghiep }"#), @"
    main.vnea:1:27 `kinh_te`
    **Dữ liệu lĩnh vực kinh tế**

    nhóm · `category DRM.kinh_te`

    Lĩnh vực dữ liệu theo dự thảo; có thể khác văn bản ban hành.

    ---

    Mã: `DRM001`  
    Trạng thái: `draft` (theo dự thảo, có thể khác văn bản ban hành)  
    Nguồn: Dự thảo 3 Mô hình tham chiếu dữ liệu, phiên bản 1.0 (Cục Tin học hóa, 5/2019)
    ");
}

#[test]
fn english_labels_when_the_workspace_is_in_english() {
    assert_snapshot!(check(r#"
        //- /vnea.toml
        [workspace]
        language = "en"
        //- /a.vnea
        database d "D" { drm: DRM.kinh_te.ho_tro_doanh_$0nghiep }
    "#), @"
    a.vnea:1:35 `ho_tro_doanh_nghiep`
    **Hỗ trợ doanh nghiệp và các ngành kinh tế**

    `category DRM.kinh_te.ho_tro_doanh_nghiep`

    Lĩnh vực con theo dự thảo; có thể khác văn bản ban hành.

    ---

    Code: `DRM001.001`  
    Status: `draft` (from a published draft; may differ from the issued text)  
    Source: Dự thảo 3 Mô hình tham chiếu dữ liệu, phiên bản 1.0 (Cục Tin học hóa, 5/2019)
    ");
}

#[test]
fn a_kind() {
    assert_snapshot!(check(r#"contr$0ol c "Giám sát""#), @"
    main.vnea:1:1 `control`
    **biện pháp an toàn thông tin** (`control`)
    ");
}

#[test]
fn nothing_on_unresolved_names_and_properties() {
    assert_snapshot!(check(r#"application a "A" { arm: ARM.khong$0 }"#), @"none");
    assert_snapshot!(check(r#"application a "A" { ar$0m: ARM.dung_chung }"#), @"none");
}
