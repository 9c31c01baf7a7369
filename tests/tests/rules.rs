//! End-to-end tests of `vnea rules` and `vnea explain`, and the check that `docs/rules.md` is
//! what `vnea rules --format markdown` prints.

mod common;

use std::fs;

use insta::assert_snapshot;

use common::{repository, tree, vnea, vnea_json};

/// Every rule of the language specification (§7), with its default severity.
const RULES: [(&str, &str); 26] = [
    ("syntax-error", "error"),
    ("invalid-config", "error"),
    ("invalid-encoding", "error"),
    ("duplicate-name", "error"),
    ("unresolved-reference", "error"),
    ("wrong-kind-reference", "error"),
    ("shadowed-framework-name", "warning"),
    ("unknown-kind", "error"),
    ("misplaced-declaration", "error"),
    ("unknown-property", "error"),
    ("invalid-value", "error"),
    ("missing-architecture", "warning"),
    ("multiple-architectures", "error"),
    ("missing-mandatory-content", "warning"),
    ("missing-lgsp", "error"),
    ("lgsp-not-connected", "error"),
    ("direct-national-connection", "warning"),
    ("non-dedicated-network", "warning"),
    ("missing-security-level", "warning"),
    ("subsystem-level-exceeds-system", "error"),
    ("missing-owner", "info"),
    ("unmapped-element", "warning"),
    ("superseded-framework", "info"),
    ("roadmap-cycle", "error"),
    ("invalid-period", "error"),
    ("unused-element", "hint"),
];

// ---- vnea rules -------------------------------------------------------------------------------

#[test]
fn rules_lists_every_rule_with_its_default_severity_and_source() {
    let dir = tree(&[]);
    for (lang, source) in [("vi", "Căn cứ: "), ("en", "Source: ")] {
        let (code, stdout, stderr) = vnea(dir.path(), &["rules", "--lang", lang]);
        assert_eq!((code, stderr.as_str()), (0, ""));
        for (name, severity) in RULES {
            let line = stdout
                .lines()
                .find(|l| l.split_whitespace().next() == Some(name))
                .unwrap_or_else(|| panic!("{name} is not listed:\n{stdout}"));
            assert_eq!(line.split_whitespace().nth(1), Some(severity), "{line}");
        }
        let sources = stdout
            .lines()
            .filter(|l| l.trim_start().starts_with(source))
            .count();
        assert_eq!(sources, RULES.len(), "{stdout}");
    }
    let (_, stdout, _) = vnea(dir.path(), &["rules"]);
    assert!(
        stdout.starts_with("Các quy tắc kiểm tra của vnea\n"),
        "{stdout}"
    );
}

#[test]
fn rules_as_json_have_docs_in_the_language_asked_for() {
    let dir = tree(&[]);
    let (code, json) = vnea_json(dir.path(), &["rules", "--format", "json", "--lang", "en"]);
    assert_eq!(code, 0);
    assert_eq!(json["version"], 1);
    assert_eq!(json["language"], "en");
    let rules = json["rules"].as_array().expect("rules");
    let got: Vec<(&str, &str)> = rules
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["default_severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, RULES);
    for rule in rules {
        let name = rule["name"].as_str().unwrap();
        for key in ["summary", "explanation", "source"] {
            assert!(
                !rule[key].as_str().unwrap_or_default().is_empty(),
                "{name}: {key}"
            );
        }
        assert_eq!(rule["help"], format!("docs/rules.md#{name}"));
        let always_error = ["syntax-error", "invalid-config", "invalid-encoding"].contains(&name);
        assert_eq!(rule["configurable"], !always_error, "{name}");
        assert!(
            ["language", "framework"].contains(&rule["category"].as_str().unwrap()),
            "{name}"
        );
        if !rule["example"].is_null() {
            assert!(["vnea", "toml"].contains(&rule["example"]["syntax"].as_str().unwrap()));
        }
    }
    let lgsp = rules.iter().find(|r| r["name"] == "missing-lgsp").unwrap();
    assert_eq!(lgsp["source"], "TT 13/2017/TT-BTTTT");
    assert_eq!(lgsp["category"], "framework");

    let (_, json) = vnea_json(dir.path(), &["rules", "--format", "json"]);
    assert_eq!(json["language"], "vi");
    assert!(
        json["rules"][0]["summary"]
            .as_str()
            .unwrap()
            .starts_with("Lỗi")
    );
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = repository().join("docs/rules.md");
    let committed = fs::read_to_string(&path).unwrap_or_default();
    let (code, generated, stderr) = vnea(repository(), &["rules", "--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        committed == generated,
        "docs/rules.md is out of date with the rule registry and rule_docs.rs; regenerate it:\n\n    \
         cargo run -p vnea-cli -- rules --format markdown > docs/rules.md\n"
    );
}

#[test]
fn the_markdown_has_an_anchor_for_every_rule_and_links_resolve() {
    let dir = tree(&[]);
    let (code, markdown, _) = vnea(dir.path(), &["rules", "--format", "markdown"]);
    assert_eq!(code, 0);
    for (name, severity) in RULES {
        assert_eq!(
            markdown.matches(&format!("\n## {name}\n")).count(),
            1,
            "{name}"
        );
        assert!(
            markdown.contains(&format!("| [`{name}`](#{name}) | {severity} |")),
            "{name}"
        );
    }
    // Both languages, unless one is asked for.
    assert!(markdown.contains("Căn cứ: TT 13/2017/TT-BTTTT"));
    assert!(markdown.contains("Source: TT 13/2017/TT-BTTTT"));
    let (_, english, _) = vnea(
        dir.path(),
        &["rules", "--format", "markdown", "--lang", "en"],
    );
    assert!(!english.contains("Căn cứ:") && english.contains("Source: TT 13/2017/TT-BTTTT"));
    // Code blocks are closed.
    assert_eq!(markdown.matches("```").count() % 2, 0);
}

// ---- vnea explain -----------------------------------------------------------------------------

#[test]
fn explain_prints_the_documentation_of_one_rule() {
    let dir = tree(&[]);
    let (code, stdout, stderr) = vnea(dir.path(), &["explain", "subsystem-level-exceeds-system"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_snapshot!(stdout);

    let (code, stdout, _) = vnea(dir.path(), &["explain", "missing-lgsp", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("missing-lgsp: A ministry or provincial architecture"));
    assert!(stdout.contains("\nDefault severity: error (framework rule)\n"));
    assert!(stdout.contains("\nSource: TT 13/2017/TT-BTTTT\n"));
    assert!(
        stdout.contains("\n    platform lgsp \"Nền tảng tích hợp, chia sẻ dữ liệu của Bộ\" {\n")
    );
    assert!(stdout.ends_with("\nDocumentation: docs/rules.md#missing-lgsp\n"));
    // Paragraphs are wrapped; examples are not.
    assert!(
        stdout
            .lines()
            .all(|l| l.starts_with("    ") || l.chars().count() <= 80),
        "{stdout}"
    );

    let (code, stdout, _) = vnea(dir.path(), &["explain", "syntax-error"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("luôn là lỗi, không thể đổi mức độ hay tắt trong `[rules]`"));
}

#[test]
fn explain_an_unknown_rule_suggests_the_nearest_and_exits_2() {
    let dir = tree(&[]);
    let (code, stdout, stderr) = vnea(dir.path(), &["explain", "missing_lgsp"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "lỗi: không có quy tắc `missing_lgsp`; có phải ý bạn là `missing-lgsp`?\n"
    );
    let (code, _, stderr) = vnea(dir.path(), &["explain", "lgsp", "--lang", "en"]);
    assert_eq!((code, stderr.as_str()), (2, "error: unknown rule `lgsp`\n"));
    let (code, _, _) = vnea(dir.path(), &["explain"]);
    assert_eq!(code, 2);
}

#[test]
fn the_documentation_follows_the_workspace_language_unless_lang_is_given() {
    let dir = tree(&[
        ("vnea.toml", b"[workspace]\nlanguage = \"en\"\n"),
        ("sub/a.vnea", b""),
    ]);
    let sub = dir.path().join("sub");
    let (_, stdout, _) = vnea(&sub, &["explain", "missing-owner"]);
    assert!(
        stdout.starts_with("missing-owner: An information system"),
        "{stdout}"
    );
    let (_, stdout, _) = vnea(&sub, &["explain", "missing-owner", "--lang", "vi"]);
    assert!(
        stdout.starts_with("missing-owner: Hệ thống thông tin"),
        "{stdout}"
    );
    let (_, json) = vnea_json(&sub, &["rules", "--format", "json"]);
    assert_eq!(json["language"], "en");
}

#[test]
fn help_lists_the_new_commands() {
    let dir = tree(&[]);
    let (code, stdout, _) = vnea(dir.path(), &["--help"]);
    assert_eq!(code, 0);
    for command in ["rules", "explain"] {
        assert!(
            stdout.lines().any(|l| l.trim_start().starts_with(command)),
            "{stdout}"
        );
    }
    let (code, stdout, _) = vnea(dir.path(), &["rules", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("markdown"));
    let (code, _, stderr) = vnea(dir.path(), &["rules", "--format", "html"]);
    assert_eq!(code, 2, "{stderr}");
}
