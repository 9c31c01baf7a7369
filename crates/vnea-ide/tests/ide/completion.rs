use insta::assert_snapshot;
use vnea_ide::{CompletionItem, CompletionKind, completions};

use crate::fixture::{fixture, show};

fn kind(item: &CompletionItem) -> String {
    match &item.kind {
        CompletionKind::Reference(kind) => format!("ref {kind}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// The items in order, with where they insert (once, when they all agree).
fn render(text: &str, full: bool) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        let items = completions(db, f.file, f.cursor());
        let mut out = String::new();
        if let Some(first) = items.first() {
            out += &format!("replaces {}\n", show(db, f.file, first.source_range));
            assert!(items.iter().all(|i| i.source_range == first.source_range));
        }
        for (i, item) in items.iter().enumerate() {
            assert_eq!(item.sort_text, format!("{i:04}"));
            out += &format!("{} [{}]", item.label, kind(item));
            if let Some(detail) = &item.detail {
                out += &format!(" {detail}");
            }
            if full {
                out += &format!(
                    "\n    insert {:?} filter {:?}",
                    item.insert_text, item.filter_text
                );
            }
            out.push('\n');
        }
        out
    })
}

fn check(text: &str) -> String {
    render(text, false)
}

fn check_full(text: &str) -> String {
    render(text, true)
}

#[test]
fn kinds_at_the_top_level() {
    assert_snapshot!(check("$0"), @"
    replaces main.vnea:1:1 ``
    architecture [kind] kiến trúc
    principle [kind] nguyên tắc
    actor [kind] người sử dụng
    channel [kind] kênh giao tiếp
    service [kind] dịch vụ
    process [kind] nghiệp vụ
    application [kind] ứng dụng
    database [kind] cơ sở dữ liệu
    platform [kind] nền tảng
    infrastructure [kind] hạ tầng kỹ thuật
    network [kind] mạng
    control [kind] biện pháp an toàn thông tin
    project [kind] nhiệm vụ, dự án
    ");
}

#[test]
fn kinds_and_properties_inside_a_declaration() {
    assert_snapshot!(check_full(r#"
        application a "A" {
          arm: ARM.noi_bo
          $0
        }
    "#), @r#"
    replaces main.vnea:3:3 ``
    service [kind] dịch vụ
        insert "service" filter "service dich vu"
    application [kind] ứng dụng
        insert "application" filter "application ung dung"
    database [kind] cơ sở dữ liệu
        insert "database" filter "database co so du lieu"
    security_level [property] 1..5
        insert "security_level: " filter "security_level"
    owner [property] "…"
        insert "owner: " filter "owner"
    status [property] existing | planned | upgrade | retired
        insert "status: " filter "status"
    scope [property] internal | shared | specialized
        insert "scope: " filter "scope"
    databases [property] [database]
        insert "databases: " filter "databases"
    hosted_on [property] infrastructure
        insert "hosted_on: " filter "hosted_on"
    description [property] "…" | """…"""
        insert "description: " filter "description"
    tags [property] ["…"]
        insert "tags: " filter "tags"
    "#);
}

#[test]
fn typed_text_ranks_and_filters() {
    assert_snapshot!(check(r#"
        application a "A" {
          owner: "Sở"
          da$0
        }
    "#), @"
    replaces main.vnea:3:3 `da`
    database [kind] cơ sở dữ liệu
    databases [property] [database]
    ");
}

#[test]
fn typed_text_ignores_diacritics() {
    assert_snapshot!(check_full("ung$0"), @r#"
    replaces main.vnea:1:1 `ung`
    application [kind] ứng dụng
        insert "application" filter "application ung dung"
    actor [kind] người sử dụng
        insert "actor" filter "actor nguoi su dung"
    infrastructure [kind] hạ tầng kỹ thuật
        insert "infrastructure" filter "infrastructure ha tang ky thuat"
    "#);
    assert_snapshot!(check("application a {\n  dịch$0\n}\n"), @"
    replaces main.vnea:2:3 `dịch`
    service [kind] dịch vụ
    ");
}

#[test]
fn properties_of_a_relation_block() {
    assert_snapshot!(check(r#"a -> b { via: lgsp, $0 }"#), @r#"
    replaces main.vnea:1:21 ``
    network [property] network
    data [property] [database]
    protocol [property] "…"
    description [property] "…" | """…"""
    "#);
}

#[test]
fn properties_follow_the_framework_version() {
    let service = r#"
        //- /vnea.toml
        [workspace]
        framework = "3.0"
        //- /a.vnea
        service s "Dịch vụ" { brm: BRM.dich_vu_cong, $0 }
    "#;
    assert_snapshot!(check(service), @r#"
    replaces a.vnea:1:46 ``
    mode [property] full | partial
    channels [property] [channel]
    actors [property] [actor]
    description [property] "…" | """…"""
    tags [property] ["…"]
    "#);
}

#[test]
fn enum_values() {
    assert_snapshot!(check(r#"application a "A" { status: $0 }"#), @"
    replaces main.vnea:1:29 ``
    existing [enumvalue]
    planned [enumvalue]
    upgrade [enumvalue]
    retired [enumvalue]
    ");
    assert_snapshot!(check(r#"application a "A" { scope: sh$0 }"#), @"
    replaces main.vnea:1:28 `sh`
    shared [enumvalue]
    ");
}

#[test]
fn every_node_of_the_reference_model() {
    assert_snapshot!(check(r#"application a "A" { arm: $0 }"#), @"
    replaces main.vnea:1:26 ``
    ARM.noi_bo [ref category] HTTT phục vụ hoạt động nội bộ · derived
    ARM.phuc_vu_nguoi_dan [ref category] HTTT phục vụ người dân, doanh nghiệp · derived
    ARM.ha_tang_thong_tin [ref category] Hệ thống cơ sở hạ tầng thông tin · derived
    ARM.dieu_khien_cong_nghiep [ref category] Hệ thống điều khiển công nghiệp · derived
    ARM.khac [ref category] HTTT khác · derived
    ARM.dung_chung [ref category] Ứng dụng, nền tảng dùng chung · derived
    ARM.chuyen_nganh [ref category] Ứng dụng chuyên ngành · derived
    ");
}

#[test]
fn members_after_a_dot() {
    assert_snapshot!(check_full(r#"application a "A" { arm: ARM.$0 }"#), @r#"
    replaces main.vnea:1:30 ``
    noi_bo [ref category] HTTT phục vụ hoạt động nội bộ · derived
        insert "noi_bo" filter "noi_bo httt phuc vu hoat dong noi bo"
    phuc_vu_nguoi_dan [ref category] HTTT phục vụ người dân, doanh nghiệp · derived
        insert "phuc_vu_nguoi_dan" filter "phuc_vu_nguoi_dan httt phuc vu nguoi dan, doanh nghiep"
    ha_tang_thong_tin [ref category] Hệ thống cơ sở hạ tầng thông tin · derived
        insert "ha_tang_thong_tin" filter "ha_tang_thong_tin he thong co so ha tang thong tin"
    dieu_khien_cong_nghiep [ref category] Hệ thống điều khiển công nghiệp · derived
        insert "dieu_khien_cong_nghiep" filter "dieu_khien_cong_nghiep he thong dieu khien cong nghiep"
    khac [ref category] HTTT khác · derived
        insert "khac" filter "khac httt khac"
    dung_chung [ref category] Ứng dụng, nền tảng dùng chung · derived
        insert "dung_chung" filter "dung_chung ung dung, nen tang dung chung"
    chuyen_nganh [ref category] Ứng dụng chuyên ngành · derived
        insert "chuyen_nganh" filter "chuyen_nganh ung dung chuyen nganh"
    "#);
    assert_snapshot!(check(r#"database d "D" { drm: DRM.kinh_te.th$0 }"#), @"
    replaces main.vnea:1:35 `th`
    thuong_mai [ref category] DRM001.003 · Thương mại và xuất nhập khẩu · draft
    ho_tro_doanh_nghiep [ref category] DRM001.001 · Hỗ trợ doanh nghiệp và các ngành kinh tế · draft
    quan_ly_kinh_te [ref category] DRM001.002 · Quản lý kinh tế · draft
    ");
    assert_snapshot!(check(r#"
        application a "A" {
          arm: ARM.d$0
          owner: "Sở"
        }
    "#), @"
    replaces main.vnea:2:12 `d`
    dieu_khien_cong_nghiep [ref category] Hệ thống điều khiển công nghiệp · derived
    dung_chung [ref category] Ứng dụng, nền tảng dùng chung · derived
    phuc_vu_nguoi_dan [ref category] HTTT phục vụ người dân, doanh nghiệp · derived
    noi_bo [ref category] HTTT phục vụ hoạt động nội bộ · derived
    chuyen_nganh [ref category] Ứng dụng chuyên ngành · derived
    ");
}

#[test]
fn members_added_by_a_user_pack() {
    assert_snapshot!(check(r#"
        //- pack /packs/arm.vnea
        extend ARM {
          category mot_cua_tinh "Hệ thống một cửa cấp tỉnh" { status: derived }
        }
        //- /a.vnea
        application a "A" { arm: ARM.mot$0 }
    "#), @"
    replaces a.vnea:1:30 `mot`
    mot_cua_tinh [ref category] Hệ thống một cửa cấp tỉnh · derived
    ");
}

#[test]
fn kinds_and_node_properties_in_a_pack() {
    assert_snapshot!(check(r#"
        //- pack /packs/arm.vnea
        extend ARM {
          category c "C" {
            $0
          }
        }
        //- /a.vnea
        actor a
    "#), @r#"
    replaces packs/arm.vnea:3:5 ``
    principle [kind] nguyên tắc
    application [kind] ứng dụng
    database [kind] cơ sở dữ liệu
    platform [kind] nền tảng
    infrastructure [kind] hạ tầng kỹ thuật
    network [kind] mạng
    category [kind] nhóm
    description [property] "…" | """…"""
    tags [property] ["…"]
    code [property] "…"
    source [property] "…" | """…"""
    status [property] issued | draft | derived
    "#);
}

#[test]
fn in_a_block_left_open() {
    assert_snapshot!(check(r#"
        application a "A" {
          arm: ARM.noi_bo
          hosted_on: $0
        infrastructure ttdl "Trung tâm dữ liệu" { type: datacenter }
    "#), @"
    replaces main.vnea:3:14 ``
    ttdl [ref infrastructure] Trung tâm dữ liệu
    ");
}

#[test]
fn after_a_value_on_the_same_line() {
    assert_snapshot!(check(r#"
        infrastructure ttdl "TTDL"
        application a "A" { hosted_on: ttdl $0 }
    "#), @r#"
    replaces main.vnea:2:37 ``
    service [kind] dịch vụ
    application [kind] ứng dụng
    database [kind] cơ sở dữ liệu
    arm [property] ARM.…
    security_level [property] 1..5
    owner [property] "…"
    status [property] existing | planned | upgrade | retired
    scope [property] internal | shared | specialized
    databases [property] [database]
    description [property] "…" | """…"""
    tags [property] ["…"]
    "#);
}

#[test]
fn a_relation_target() {
    assert_snapshot!(check(r#"
        application mot_cua "Một cửa"
        database csdl "CSDL" {}
        mot_cua -> c$0
    "#), @"
    replaces main.vnea:3:12 `c`
    csdl [ref database] CSDL
    national.cong_dvcqg [ref application] Cổng Dịch vụ công quốc gia · issued
    mot_cua [ref application] Một cửa
    national.tslcd [ref network] Mạng truyền số liệu chuyên dùng · issued
    national.truc_lien_thong [ref platform] Trục liên thông văn bản quốc gia · issued
    national.bao_cao [ref application] Hệ thống thông tin báo cáo quốc gia · issued
    national.dan_cu [ref database] CSDL quốc gia về dân cư · issued
    national.tai_chinh [ref database] CSDL quốc gia về tài chính · issued
    national.ngsp [ref platform] Nền tảng tích hợp, chia sẻ dữ liệu quốc gia · issued
    national.dat_dai [ref database] CSDL quốc gia về đất đai · issued
    national.dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
    national.bao_hiem [ref database] CSDL quốc gia về bảo hiểm · issued
    national.thong_ke_dan_so [ref database] CSDL thống kê tổng hợp về dân số · issued
    ");
}

#[test]
fn references_of_the_accepted_kinds() {
    assert_snapshot!(check_full(r#"
        //- /a.vnea
        database dân_cư "CSDL dân cư của tỉnh" { type: specialized }
        application a "🚀 Ứng dụng" {
          database hồ_sơ "Hồ sơ"
          databases: [$0]
        }
        //- /b.vnea
        platform p "P" { type: lgsp }
    "#), @r#"
    replaces a.vnea:4:15 ``
    dân_cư [ref database] CSDL dân cư của tỉnh
        insert "dân_cư" filter "dan_cu dân_cư csdl dan cu cua tinh"
    a.hồ_sơ [ref database] Hồ sơ
        insert "a.hồ_sơ" filter "a.ho_so a.hồ_sơ ho so"
    national.dan_cu [ref database] CSDL quốc gia về dân cư · issued
        insert "national.dan_cu" filter "national.dan_cu csdl quoc gia ve dan cu"
    national.dat_dai [ref database] CSDL quốc gia về đất đai · issued
        insert "national.dat_dai" filter "national.dat_dai csdl quoc gia ve dat dai"
    national.dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
        insert "national.dang_ky_doanh_nghiep" filter "national.dang_ky_doanh_nghiep csdl quoc gia ve dang ky doanh nghiep"
    national.tai_chinh [ref database] CSDL quốc gia về tài chính · issued
        insert "national.tai_chinh" filter "national.tai_chinh csdl quoc gia ve tai chinh"
    national.bao_hiem [ref database] CSDL quốc gia về bảo hiểm · issued
        insert "national.bao_hiem" filter "national.bao_hiem csdl quoc gia ve bao hiem"
    national.thong_ke_dan_so [ref database] CSDL thống kê tổng hợp về dân số · issued
        insert "national.thong_ke_dan_so" filter "national.thong_ke_dan_so csdl thong ke tong hop ve dan so"
    "#);
}

#[test]
fn dan_cu_finds_dân_cư() {
    let workspace = r#"
        database dân_cư "CSDL dân cư của tỉnh" { type: specialized }
        database đất_đai "CSDL đất đai"
        application a "🚀 Ứng dụng" { databases: [đất_đai, dan cu$0] }
    "#;
    assert_snapshot!(check_full(workspace), @r#"
    replaces main.vnea:3:51 `dan cu`
    dân_cư [ref database] CSDL dân cư của tỉnh
        insert "dân_cư" filter "dan_cu dân_cư csdl dan cu cua tinh"
    national.dan_cu [ref database] CSDL quốc gia về dân cư · issued
        insert "national.dan_cu" filter "national.dan_cu csdl quoc gia ve dan cu"
    national.dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
        insert "national.dang_ky_doanh_nghiep" filter "national.dang_ky_doanh_nghiep csdl quoc gia ve dang ky doanh nghiep"
    "#);
    assert_snapshot!(check(&workspace.replace("dan cu$0", "dan_cu$0")), @"
    replaces main.vnea:3:51 `dan_cu`
    dân_cư [ref database] CSDL dân cư của tỉnh
    national.dan_cu [ref database] CSDL quốc gia về dân cư · issued
    national.dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
    ");
}

#[test]
fn nfd_typed_text_after_an_emoji() {
    let text = "database d\u{00E2}n_c\u{01B0} \"CSDL d\u{00E2}n c\u{01B0}\"\n\
                application a \"🚀\" { databases: [da\u{0302}n$0] }\n";
    assert_snapshot!(check(text), @"
    replaces main.vnea:2:33 `dân`
    dân_cư [ref database] CSDL dân cư
    national.dan_cu [ref database] CSDL quốc gia về dân cư · issued
    national.dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
    national.thong_ke_dan_so [ref database] CSDL thống kê tổng hợp về dân số · issued
    national.tai_chinh [ref database] CSDL quốc gia về tài chính · issued
    ");
}

#[test]
fn relation_ends_and_their_properties() {
    assert_snapshot!(check(r#"
        platform lgsp "LGSP" { type: lgsp }
        lgsp -> national.$0
    "#), @"
    replaces main.vnea:2:18 ``
    ngsp [ref platform] Nền tảng tích hợp, chia sẻ dữ liệu quốc gia · issued
    tslcd [ref network] Mạng truyền số liệu chuyên dùng · issued
    cong_dvcqg [ref application] Cổng Dịch vụ công quốc gia · issued
    truc_lien_thong [ref platform] Trục liên thông văn bản quốc gia · issued
    bao_cao [ref application] Hệ thống thông tin báo cáo quốc gia · issued
    dan_cu [ref database] CSDL quốc gia về dân cư · issued
    dat_dai [ref database] CSDL quốc gia về đất đai · issued
    dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
    tai_chinh [ref database] CSDL quốc gia về tài chính · issued
    bao_hiem [ref database] CSDL quốc gia về bảo hiểm · issued
    thong_ke_dan_so [ref database] CSDL thống kê tổng hợp về dân số · issued
    ");
    assert_snapshot!(check(r#"
        application a "A"
        a -> national.dan_cu { data: [national.$0] }
    "#), @"
    replaces main.vnea:2:40 ``
    dan_cu [ref database] CSDL quốc gia về dân cư · issued
    dat_dai [ref database] CSDL quốc gia về đất đai · issued
    dang_ky_doanh_nghiep [ref database] CSDL quốc gia về đăng ký doanh nghiệp · issued
    tai_chinh [ref database] CSDL quốc gia về tài chính · issued
    bao_hiem [ref database] CSDL quốc gia về bảo hiểm · issued
    thong_ke_dan_so [ref database] CSDL thống kê tổng hợp về dân số · issued
    ");
    assert_snapshot!(check(r#"
        platform lgsp "LGSP" { type: lgsp }
        application a "A"
        a -> national.dan_cu { via: $0 }
    "#), @"
    replaces main.vnea:3:29 ``
    lgsp [ref platform] LGSP
    national.ngsp [ref platform] Nền tảng tích hợp, chia sẻ dữ liệu quốc gia · issued
    national.truc_lien_thong [ref platform] Trục liên thông văn bản quốc gia · issued
    ");
}

#[test]
fn nothing_in_comments_strings_names_and_other_values() {
    assert_snapshot!(check(r#"application a "A" { // ar$0 }"#), @"");
    assert_snapshot!(check(r#"application a "A$0" { }"#), @"");
    assert_snapshot!(check(r#"application a$0"#), @"");
    assert_snapshot!(check(r#"application a "A" { owner: $0 }"#), @"");
}
