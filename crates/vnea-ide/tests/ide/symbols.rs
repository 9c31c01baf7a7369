use insta::assert_snapshot;
use vnea_ide::{DocumentSymbol, document_symbols, workspace_symbols};

use crate::fixture::{fixture, show};

fn outline(
    db: &dyn vnea_analysis::Db,
    f: vnea_analysis::SourceFile,
    s: &DocumentSymbol,
    depth: usize,
) -> String {
    let mut out = format!(
        "{}{} {} [{}]{} range {}\n",
        "  ".repeat(depth),
        s.kind,
        s.name,
        show(db, f, s.selection_range),
        s.detail
            .as_ref()
            .map_or(String::new(), |d| format!(" \"{d}\"")),
        show(db, f, s.range),
    );
    for child in &s.children {
        out += &outline(db, f, child, depth + 1);
    }
    out
}

fn check_document(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        document_symbols(db, f.file)
            .iter()
            .map(|s| outline(db, f.file, s, 0))
            .collect()
    })
}

fn check_workspace(text: &str, query: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        workspace_symbols(db, query)
            .into_iter()
            .map(|t| {
                format!(
                    "{} {} {}{}\n",
                    t.kind,
                    t.name,
                    show(db, t.file, t.focus_range),
                    t.title.map_or(String::new(), |d| format!(" \"{d}\"")),
                )
            })
            .collect()
    })
}

#[test]
fn the_outline_nests_declarations_and_relations() {
    assert_snapshot!(check_document(r#"
        architecture byt "Kiến trúc CPĐT Bộ Y tế" { level: ministry }
        application mot_cua "Một cửa" {
          database hồ_sơ "Hồ sơ"
          application con
          mot_cua.hồ_sơ -> national.dan_cu "Đối chiếu" { via: lgsp }
        }
        platform lgsp "LGSP" { type: lgsp }
        lgsp -> national.ngsp
    "#), @r#"
    architecture byt [main.vnea:1:14 `byt`] "Kiến trúc CPĐT Bộ Y tế" range main.vnea:1:1 `architecture byt "Kiến trúc CPĐT Bộ Y tế" { level: ministry }`
    application mot_cua [main.vnea:2:13 `mot_cua`] "Một cửa" range main.vnea:2:1 `application mot_cua "Một cửa" {…`
      database hồ_sơ [main.vnea:3:12 `hồ_sơ`] "Hồ sơ" range main.vnea:3:3 `database hồ_sơ "Hồ sơ"`
      application con [main.vnea:4:15 `con`] range main.vnea:4:3 `application con`
      relation mot_cua.hồ_sơ -> national.dan_cu [main.vnea:5:3 `mot_cua.hồ_sơ -> national.dan_cu`] "Đối chiếu" range main.vnea:5:3 `mot_cua.hồ_sơ -> national.dan_cu "Đối chiếu" { via: lgsp }`
    platform lgsp [main.vnea:7:10 `lgsp`] "LGSP" range main.vnea:7:1 `platform lgsp "LGSP" { type: lgsp }`
    relation lgsp -> national.ngsp [main.vnea:8:1 `lgsp -> national.ngsp`] range main.vnea:8:1 `lgsp -> national.ngsp`
    "#);
}

const WORKSPACE: &str = r#"
    //- /a.vnea
    database dân_cư "Cơ sở dữ liệu dân cư của tỉnh"
    application quản_lý_văn_bản "Hệ thống quản lý văn bản và điều hành"
    //- /b.vnea
    process cấp_phép "Cấp phép hoạt động" { process dân_cư_con "Tra cứu dân cư" }
    platform lgsp "LGSP của tỉnh, kết nối NGSP" { type: lgsp }
"#;

#[test]
fn queries_ignore_diacritics_and_search_titles() {
    assert_snapshot!(check_workspace(WORKSPACE, "dan cu"), @r#"
    database dân_cư a.vnea:1:10 `dân_cư` "Cơ sở dữ liệu dân cư của tỉnh"
    process dân_cư_con b.vnea:1:49 `dân_cư_con` "Tra cứu dân cư"
    database dan_cu builtin/2.0/national.vnea:47:12 `dan_cu` "CSDL quốc gia về dân cư"
    category dich_vu_cong builtin/2.0/brm.vnea:9:12 `dich_vu_cong` "Cung cấp dịch vụ công cho người dân, doanh nghiệp"
    "#);
    assert_snapshot!(check_workspace(WORKSPACE, "quan ly van ban"), @r#"
    application quản_lý_văn_bản a.vnea:2:13 `quản_lý_văn_bản` "Hệ thống quản lý văn bản và điều hành"
    category chi_dao_dieu_hanh builtin/2.0/brm.vnea:21:12 `chi_dao_dieu_hanh` "Chỉ đạo, điều hành, quản lý văn bản, báo cáo"
    "#);
    assert_snapshot!(check_workspace(WORKSPACE, "DÂN_CƯ"), @r#"
    database dân_cư a.vnea:1:10 `dân_cư` "Cơ sở dữ liệu dân cư của tỉnh"
    process dân_cư_con b.vnea:1:49 `dân_cư_con` "Tra cứu dân cư"
    database dan_cu builtin/2.0/national.vnea:47:12 `dan_cu` "CSDL quốc gia về dân cư"
    category dich_vu_cong builtin/2.0/brm.vnea:9:12 `dich_vu_cong` "Cung cấp dịch vụ công cho người dân, doanh nghiệp"
    "#);
}

#[test]
fn pack_nodes_come_after_the_workspace() {
    assert_snapshot!(check_workspace(WORKSPACE, "ngsp"), @r#"
    platform lgsp b.vnea:2:10 `lgsp` "LGSP của tỉnh, kết nối NGSP"
    platform ngsp builtin/2.0/national.vnea:9:12 `ngsp` "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia"
    "#);
    assert_snapshot!(check_workspace(WORKSPACE, "dung chung"), @r#"category dung_chung builtin/2.0/arm.vnea:39:12 `dung_chung` "Ứng dụng, nền tảng dùng chung""#);
}

#[test]
fn the_number_of_symbols_is_capped() {
    let many: String = (0..200).map(|i| format!("actor a{i} \"A\"\n")).collect();
    let f = fixture(&many);
    f.with_db(|db| {
        let found = workspace_symbols(db, "a");
        assert_eq!(found.len(), vnea_ide::WORKSPACE_SYMBOL_LIMIT);
        assert!(found.iter().all(|t| !t.file.in_pack(db)));
    });
}
