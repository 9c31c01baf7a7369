//! Every id of the built-in packs resolves, through the analyzer's own name resolution, in the
//! framework versions it belongs to and only there (`crates/vnea-packs/tests/ids.txt`).

use vnea_analysis::{AnalysisHost, Config, Framework, Lang, Rule};

/// Whether `path` resolves in a workspace of `framework`: a reference to it from a user file
/// gives no `unresolved-reference`.
fn resolves(framework: Framework, path: &str) -> bool {
    let config = Config {
        framework,
        language: Lang::En,
        ..Config::default()
    };
    let mut host = AnalysisHost::new(config, Vec::new());
    host.set_file("a.vnea", format!("x -> {path}\n"));
    let diagnostics = host.analysis().all_diagnostics().expect("not cancelled");
    !diagnostics[0]
        .1
        .iter()
        .any(|d| d.rule == Rule::UnresolvedReference && !d.message.starts_with("cannot find `x`"))
}

#[test]
fn every_pack_id_resolves_in_its_versions_only() {
    let ids = include_str!("../../vnea-packs/tests/ids.txt");
    let mut checked = 0;
    for line in ids
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let words: Vec<&str> = line.split_whitespace().collect();
        let (path, versions) = words.split_last().expect("an id");
        for framework in Framework::ALL {
            let expected = versions.contains(&framework.as_str());
            assert_eq!(
                resolves(framework, path),
                expected,
                "{path} in framework {framework}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} ids");
}
