//! Incrementality, observed through salsa's execution log: an edit re-runs only the queries
//! whose inputs it changed.

use salsa::plumbing::AsId;
use vnea_analysis::{AnalysisHost, Config, ExecutionLog};

const A: &str = r#"
architecture tinh "Kiến trúc tỉnh" {
  level: province
  principles: [p]
}
principle p "Nguyên tắc"
application mot_cua "Một cửa" {
  arm: ARM.dung_chung
  security_level: 3
  owner: "Văn phòng"
  databases: [csdl]
}
"#;

const B: &str = r#"
database csdl "CSDL hồ sơ" { drm: DRM.xa_hoi, owner: "Sở" }
platform lgsp "LGSP tỉnh" { type: lgsp, security_level: 3, owner: "Sở" }
lgsp -> national.ngsp "Kết nối" { network: national.tslcd }
mot_cua -> csdl "Đọc hồ sơ"
"#;

fn host() -> (AnalysisHost, ExecutionLog) {
    let (mut host, log) = AnalysisHost::with_log(Config::default(), Vec::new());
    host.set_file("a.vnea", A.to_owned());
    host.set_file("b.vnea", B.to_owned());
    host.analysis().all_diagnostics().expect("not cancelled");
    log.take();
    (host, log)
}

/// The queries of the log that ran on `file`'s key.
fn ran_on(log: &[(String, salsa::Id)], file: salsa::Id) -> Vec<String> {
    log.iter()
        .filter(|(_, id)| *id == file)
        .map(|(name, _)| name.clone())
        .collect()
}

#[test]
fn editing_a_body_reruns_nothing_for_the_other_files() {
    let (mut host, log) = host();
    let b = host.file("b.vnea").unwrap().as_id();
    let a = host.file("a.vnea").unwrap().as_id();
    host.set_file(
        "a.vnea",
        A.replace("\"Văn phòng\"", "\"Văn phòng UBND tỉnh\""),
    );
    host.analysis().all_diagnostics().expect("not cancelled");
    let log = log.take();
    assert_eq!(ran_on(&log, b), Vec::<String>::new(), "{log:?}");
    let on_a = ran_on(&log, a);
    assert!(on_a.contains(&"parse".to_owned()), "{log:?}");
    assert!(!on_a.contains(&"resolve_file".to_owned()), "{log:?}");
    let names: Vec<&str> = log.iter().map(|(n, _)| n.as_str()).collect();
    assert!(!names.contains(&"workspace_findings"), "{log:?}");
    assert!(!names.contains(&"workspace_scope"), "{log:?}");
}

#[test]
fn editing_a_title_reruns_no_name_resolution() {
    let (mut host, log) = host();
    host.set_file(
        "a.vnea",
        A.replace("\"Một cửa\"", "\"Hệ thống một cửa điện tử\""),
    );
    host.set_file("b.vnea", B.replace("\"LGSP tỉnh\"", "\"Nền tảng LGSP\""));
    host.analysis().all_diagnostics().expect("not cancelled");
    let log = log.take();
    let names: Vec<&str> = log.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"parse"), "{log:?}");
    for query in [
        "resolve_file",
        "workspace_scope",
        "extensions",
        "workspace_findings",
    ] {
        assert!(!names.contains(&query), "{query} ran: {log:?}");
    }
}

#[test]
fn renaming_a_declaration_reruns_resolution() {
    let (mut host, log) = host();
    host.set_file("b.vnea", B.replace("csdl", "csdl_ho_so"));
    let diagnostics = host.analysis().all_diagnostics().expect("not cancelled");
    let names: Vec<String> = log.take().into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"resolve_file".to_owned()), "{names:?}");
    let a = &diagnostics.iter().find(|(p, _)| p == "a.vnea").unwrap().1;
    assert!(
        a.iter()
            .any(|d| d.rule == vnea_analysis::Rule::UnresolvedReference),
        "{a:?}"
    );
}
