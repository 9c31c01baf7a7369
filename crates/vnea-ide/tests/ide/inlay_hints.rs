use insta::assert_snapshot;
use vnea_ide::inlay_hints;

use crate::fixture::{fixture, loc};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        inlay_hints(db, f.file, f.marked_range())
            .into_iter()
            .map(|h| {
                format!(
                    "{} {}  -> {}\n",
                    loc(db, f.file, h.offset),
                    h.label,
                    h.target.name
                )
            })
            .collect()
    })
}

#[test]
fn titles_of_framework_nodes_after_their_paths() {
    assert_snapshot!(check(r#"
        application mot_cua "🚀 Một cửa" {
          arm: ARM.dung_chung
          databases: [csdl]
        }
        database csdl "CSDL" { drm: DRM.kinh_te.thuong_mai }
        mot_cua -> national.dan_cu "Tra cứu" { network: national.tslcd }
        service s { brm: BRM.khong_co }
    "#), @"
    main.vnea:2:22 : Ứng dụng, nền tảng dùng chung  -> dung_chung
    main.vnea:5:51 : Thương mại và xuất nhập khẩu  -> thuong_mai
    main.vnea:6:27 : CSDL quốc gia về dân cư  -> dan_cu
    main.vnea:6:63 : Mạng truyền số liệu chuyên dùng  -> tslcd
    ");
}

#[test]
fn only_in_the_range() {
    assert_snapshot!(check(r#"
        application a { arm: ARM.dung_chung }
        $0application b { arm: ARM.noi_bo }$0
    "#), @"main.vnea:2:32 : HTTT phục vụ hoạt động nội bộ  -> noi_bo");
}
