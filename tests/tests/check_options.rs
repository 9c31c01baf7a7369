//! End-to-end tests of the options of `vnea check` that do not change its output's format:
//! `--deny-warnings` and `--framework`.

mod common;

use std::path::Path;

use serde_json::Value;

use common::{tree, vnea, vnea_json};

/// The summary of `vnea check --format json args…` in `dir`, and the exit codes of the same
/// run without and with `--deny-warnings`.
fn runs(dir: &Path, args: &[&str]) -> (Value, i32, i32) {
    let mut plain = vec!["check", "--format", "json"];
    plain.extend_from_slice(args);
    let (code, json) = vnea_json(dir, &plain);
    plain.push("--deny-warnings");
    let (denied, _) = vnea_json(dir, &plain);
    (json["summary"].clone(), code, denied)
}

#[test]
fn deny_warnings_fails_on_warnings_as_well_as_errors() {
    // A workspace that is clean, one with an error, and one whose elements have no
    // `architecture` and no security level (warnings of the analyzer).
    let clean = tree(&[
        ("vnea.toml", b"[rules]\nmissing-architecture = \"off\"\n"),
        ("a.vnea", b"actor a \"A\" { type: citizen }\n"),
    ]);
    let error = tree(&[("a.vnea", b"actor a { type: }\n")]);
    let warnings = tree(&[
        (
            "vnea.toml",
            b"[rules]\nunused-element = \"off\"\nmissing-owner = \"off\"\n",
        ),
        (
            "ung_dung.vnea",
            "application mot_cua \"Hệ thống một cửa điện tử\" { arm: ARM.dung_chung }\n".as_bytes(),
        ),
    ]);
    for dir in [&clean, &error, &warnings] {
        let (summary, plain, denied) = runs(dir.path(), &[]);
        let errors = summary["errors"].as_u64().unwrap();
        let warnings = summary["warnings"].as_u64().unwrap();
        assert_eq!(plain, i32::from(errors > 0), "{summary}");
        assert_eq!(denied, i32::from(errors + warnings > 0), "{summary}");
    }
    let (summary, plain, denied) = runs(error.path(), &[]);
    assert_eq!((summary["errors"].as_u64(), plain, denied), (Some(1), 1, 1));
    let (_, plain, denied) = runs(clean.path(), &[]);
    assert_eq!((plain, denied), (0, 0));
}

#[test]
fn deny_warnings_in_every_format_and_after_a_failure() {
    let dir = tree(&[
        ("vnea.toml", b"[rules]\nmissing-architecture = \"off\"\n"),
        ("a.vnea", b"actor a \"A\" { type: citizen }\n"),
    ]);
    for format in ["human", "json", "sarif"] {
        let (code, _, stderr) = vnea(
            dir.path(),
            &["check", "--deny-warnings", "--format", format],
        );
        assert_eq!(code, 0, "{format}: {stderr}");
    }
    // A failure of the tool still exits 2.
    let (code, _, _) = vnea(dir.path(), &["check", "--deny-warnings", "khong_co"]);
    assert_eq!(code, 2);
}

#[test]
fn framework_takes_the_two_versions_only() {
    let dir = tree(&[("a.vnea", b"actor a \"A\" { type: citizen }\n")]);
    for version in ["2.0", "3.0"] {
        let (code, stdout, stderr) = vnea(dir.path(), &["check", "--framework", version]);
        assert_eq!(code, 0, "{stdout}{stderr}");
    }
    let (code, _, stderr) = vnea(dir.path(), &["check", "--framework", "4.0"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--framework") && stderr.contains("2.0") && stderr.contains("3.0"),
        "{stderr}"
    );
}

#[test]
fn framework_overrides_the_workspace_setting() {
    // `mode` belongs to framework 3.0: in a 2.0 workspace it is `invalid-value`, unless the
    // command line says 3.0. (`online_level` is the other way round.)
    let dir = tree(&[
        ("vnea.toml", b"[workspace]\nframework = \"2.0\"\n"),
        (
            "dich_vu.vnea",
            "service cap_phep \"Cấp giấy phép xây dựng\" { mode: full }\nservice cu \"Dịch vụ cũ\" { online_level: 4 }\n"
                .as_bytes(),
        ),
    ]);
    let invalid = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "json", "--lang", "en"];
        all.extend_from_slice(args);
        let (_, json) = vnea_json(dir.path(), &all);
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "invalid-value")
            .map(|d| d["message"].as_str().unwrap().to_owned())
            .collect()
    };
    let with_three = invalid(&["--framework", "3.0"]);
    assert!(
        with_three.iter().all(|m| !m.starts_with("`mode`")),
        "{with_three:?}"
    );
    let with_two = invalid(&["--framework", "2.0"]);
    assert!(
        with_two.iter().all(|m| !m.starts_with("`online_level`")),
        "{with_two:?}"
    );
    // Without the flag the workspace's 2.0 applies, as with `--framework 2.0`.
    assert_eq!(invalid(&[]), with_two);
}
