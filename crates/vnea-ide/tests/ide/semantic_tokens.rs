use insta::assert_snapshot;
use vnea_ide::{SemanticTokenKind, semantic_tokens};

use crate::fixture::{fixture, show};

fn check(text: &str) -> String {
    let f = fixture(text);
    f.with_db(|db| {
        semantic_tokens(db, f.file, f.marked_range())
            .into_iter()
            .map(|t| {
                let kind = match &t.kind {
                    SemanticTokenKind::Name(kind) => format!("name({kind})"),
                    other => format!("{other:?}"),
                };
                let mut modifiers = Vec::new();
                if t.modifiers.declaration {
                    modifiers.push("declaration");
                }
                if t.modifiers.framework {
                    modifiers.push("framework");
                }
                if t.modifiers.documentation {
                    modifiers.push("documentation");
                }
                format!(
                    "{kind} {} {}\n",
                    modifiers.join(","),
                    show(db, f.file, t.span)
                )
            })
            .collect()
    })
}

#[test]
fn classifies_by_syntax_and_resolution() {
    assert_snapshot!(check(r#"
        /// Ứng dụng 🚀
        application mot_cua "Một cửa" {
          arm: ARM.dung_chung
          scope: shared
          security_level: 3
          databases: [csdl, khong_co]
        }
        database csdl "CSDL" { tags: ["x"] } // cuối
        mot_cua -> national.dan_cu { via: national.ngsp }
        project p { period: 2021..2025 }
    "#), @r#"
    Comment documentation main.vnea:1:1 `/// Ứng dụng 🚀`
    KindName  main.vnea:2:1 `application`
    name(application) declaration main.vnea:2:13 `mot_cua`
    String  main.vnea:2:21 `"Một cửa"`
    Property  main.vnea:3:3 `arm`
    name(refmodel) framework main.vnea:3:8 `ARM`
    name(category) framework main.vnea:3:12 `dung_chung`
    Property  main.vnea:4:3 `scope`
    EnumValue  main.vnea:4:10 `shared`
    Property  main.vnea:5:3 `security_level`
    Number  main.vnea:5:19 `3`
    Property  main.vnea:6:3 `databases`
    name(database)  main.vnea:6:15 `csdl`
    UnresolvedName  main.vnea:6:21 `khong_co`
    KindName  main.vnea:8:1 `database`
    name(database) declaration main.vnea:8:10 `csdl`
    String  main.vnea:8:15 `"CSDL"`
    Property  main.vnea:8:24 `tags`
    String  main.vnea:8:31 `"x"`
    Comment  main.vnea:8:38 `// cuối`
    name(application)  main.vnea:9:1 `mot_cua`
    Operator  main.vnea:9:9 `->`
    name(category) framework main.vnea:9:12 `national`
    name(database) framework main.vnea:9:21 `dan_cu`
    Property  main.vnea:9:30 `via`
    name(category) framework main.vnea:9:35 `national`
    name(platform) framework main.vnea:9:44 `ngsp`
    KindName  main.vnea:10:1 `project`
    name(project) declaration main.vnea:10:9 `p`
    Property  main.vnea:10:13 `period`
    Number  main.vnea:10:21 `2021`
    Operator  main.vnea:10:25 `..`
    Number  main.vnea:10:27 `2025`
    "#);
}

#[test]
fn only_the_tokens_in_the_range() {
    assert_snapshot!(check(r#"
        application mot_cua "Một cửa" {
          $0arm: ARM.dung_chung
          scope: shared$0
        }
    "#), @"
    Property  main.vnea:2:3 `arm`
    name(refmodel) framework main.vnea:2:8 `ARM`
    name(category) framework main.vnea:2:12 `dung_chung`
    Property  main.vnea:3:3 `scope`
    EnumValue  main.vnea:3:10 `shared`
    ");
}
