//! End-to-end tests of the `vnea` binary: exit codes, the JSON shape, positions, discovery,
//! languages, the human output and `vnea fmt`.
//!
//! The binary under test is this package's `vnea-under-test`, whose `main` is the `vnea`
//! binary's: cargo builds it afresh for these tests, which it would not do for a binary of
//! another package. File trees are made in temporary directories, so the tests do not depend
//! on the repository around them.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use insta::assert_snapshot;
use serde_json::Value;
use tempfile::TempDir;

/// A formatted file, as the formatter writes it.
const FORMATTED: &str = "actor a \"A\" { type: citizen }\n";
/// The same declaration, badly laid out.
const UNFORMATTED: &str = "actor  a   \"A\"{type:citizen}";

/// A temporary directory holding `files` (path, contents).
fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (path, contents) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
        fs::write(path, contents).expect("file");
    }
    dir
}

/// The exit code, standard output and standard error of `vnea args…` run in `dir`.
fn vnea(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_vnea-under-test"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("vnea runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 output");
    (
        output.status.code().expect("an exit code"),
        text(output.stdout),
        text(output.stderr),
    )
}

/// `vnea check --format json args…` in `dir`: the exit code and the parsed output.
fn check_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = vnea(dir, &all);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (code, json)
}

/// The diagnostics of a JSON output as `file:line:column-line:column rule message`.
fn lines(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let (start, end) = (&d["range"]["start"], &d["range"]["end"]);
            format!(
                "{}:{}:{}-{}:{} {} {}",
                d["file"].as_str().unwrap(),
                start["line"],
                start["column"],
                end["line"],
                end["column"],
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// The lines of [`lines`] about what the file's text is, leaving out the analyzer's findings:
/// for tests of syntax, encodings and positions.
fn syntax_lines(json: &Value) -> Vec<String> {
    lines(json)
        .into_iter()
        .filter(|l| {
            [" syntax-error ", " invalid-encoding ", " invalid-config "]
                .iter()
                .any(|r| l.contains(r))
        })
        .collect()
}

/// A `vnea.toml` for a workspace of a few declarations and no `architecture`.
const NO_ARCHITECTURE: &[u8] = b"[rules]\nmissing-architecture = \"off\"\n";

/// The directory of this crate, where the committed fixtures are.
fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---- check: exit codes ------------------------------------------------------------------------

#[test]
fn exit_code_0_when_clean() {
    let dir = tree(&[
        ("vnea.toml", NO_ARCHITECTURE),
        ("a.vnea", FORMATTED.as_bytes()),
    ]);
    let (code, stdout, stderr) = vnea(dir.path(), &["check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "Không có vấn đề nào trong 1 tệp\n");
    assert_eq!(stderr, "");
}

#[test]
fn exit_code_1_when_errors_are_found() {
    let dir = tree(&[("a.vnea", b"actor a { type: }\n")]);
    let (code, _, stderr) = vnea(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert_eq!(stderr, "");
}

#[test]
fn exit_code_2_when_a_path_does_not_exist_and_the_others_are_checked() {
    let dir = tree(&[("a.vnea", b"actor a { type: }\n")]);
    let (code, stdout, stderr) = vnea(dir.path(), &["check", "khong_co", "a.vnea"]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "lỗi: không tìm thấy `khong_co`\n");
    assert!(
        stdout.ends_with("1 lỗi, 1 cảnh báo trong 1 tệp\n"),
        "{stdout}"
    );

    let (code, stdout, stderr) = vnea(dir.path(), &["check", "--lang", "en", "khong_co"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(stderr, "error: `khong_co` does not exist\n");
}

#[test]
fn exit_code_2_on_bad_arguments() {
    let dir = tree(&[]);
    let (code, _, stderr) = vnea(dir.path(), &["check", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--format"), "{stderr}");
    let (code, _, _) = vnea(dir.path(), &["check", "--lang", "fr"]);
    assert_eq!(code, 2);
}

#[cfg(unix)]
#[test]
fn exit_code_2_when_a_directory_cannot_be_read() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tree(&[
        ("a.vnea", FORMATTED.as_bytes()),
        ("khoa/b.vnea", FORMATTED.as_bytes()),
    ]);
    let locked = dir.path().join("khoa");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        // Running as a user who can read anything (root): nothing to test.
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let (code, stdout, stderr) = vnea(dir.path(), &["check", "--lang", "en"]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 2);
    assert_eq!(stderr, "error: cannot read `khoa`: permission denied\n");
    assert_eq!(stdout, "No problems in 1 file\n");
}

// ---- check: JSON ------------------------------------------------------------------------------

#[test]
fn json_has_the_shape_of_the_specification() {
    let dir = tree(&[
        (
            "vnea.toml",
            b"[workspace]\nframework = \"3.0\"\n\n[rules]\nmissing_owner = \"off\"\n",
        ),
        (
            "kien_truc.vnea",
            b"actor nguoi_dan \"Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n\" { type: }\n",
        ),
        ("hop_le.vnea", FORMATTED.as_bytes()),
    ]);
    let (code, stdout, _) = vnea(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    assert_snapshot!(stdout);

    let json: Value = serde_json::from_str(&stdout).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&json), ["diagnostics", "summary", "version"]);
    assert_eq!(json["version"], 1);
    for diagnostic in json["diagnostics"].as_array().unwrap() {
        assert_eq!(
            keys(diagnostic),
            [
                "file", "fixes", "message", "range", "related", "rule", "severity"
            ]
        );
        assert_eq!(keys(&diagnostic["range"]), ["end", "start"]);
        assert_eq!(keys(&diagnostic["range"]["start"]), ["column", "line"]);
    }
    assert_eq!(
        keys(&json["summary"]),
        ["errors", "files", "hints", "infos", "warnings"]
    );
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["summary"]["errors"], 2);
}

#[test]
fn invalid_encoding_is_reported_and_the_other_files_are_still_checked() {
    let dir = tree(&[
        // "Người dân" in Windows-1258, a legacy Vietnamese code page.
        ("a_cu.vnea", b"actor nguoi_dan \"Ng\xfd\xf2i d\xe2n\"\n"),
        ("b_moi.vnea", b"actor a { type: }\n"),
        ("c_hop_le.vnea", FORMATTED.as_bytes()),
    ]);
    let (code, json) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(
        syntax_lines(&json),
        [
            "a_cu.vnea:1:1-1:1 invalid-encoding the file is not valid UTF-8: invalid byte 0xFD at offset 19 (line 1); save the file as UTF-8",
            "b_moi.vnea:1:17-1:18 syntax-error expected value, found `}`",
        ]
    );
    assert_eq!(json["summary"]["files"], 3);
}

#[test]
fn positions_are_lines_and_characters_whatever_the_line_ends_and_the_text() {
    let dir = tree(&[
        (
            "crlf.vnea",
            b"actor a \"A\" { type: citizen }\r\nactor b \"B\" { type: @ }\r\n",
        ),
        (
            "cr.vnea",
            b"actor a \"A\" { type: citizen }\ractor b \"B\" { type: @ }\r",
        ),
        (
            "emoji.vnea",
            "actor nguoi_dan \"Người dân 😀\" { type: @ }\n".as_bytes(),
        ),
        // The same text with "ư" and "ờ" decomposed, as some keyboards type them.
        (
            "nfd.vnea",
            "actor nguoi_dan \"Ngu\u{31b}o\u{31b}\u{300}i\" { type: @ }\n".as_bytes(),
        ),
    ]);
    let (_, json) = check_json(dir.path(), &["--lang", "en"]);
    let at: Vec<String> = lines(&json)
        .into_iter()
        .filter(|l| l.contains("invalid character"))
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect();
    // Columns count characters: not bytes (😀 is 4), not UTF-16 units (😀 is 2).
    assert_eq!(
        at,
        [
            "cr.vnea:2:21-2:22",
            "crlf.vnea:2:21-2:22",
            "emoji.vnea:1:39-1:40",
            "nfd.vnea:1:36-1:37"
        ]
    );
}

// ---- check: discovery -------------------------------------------------------------------------

#[test]
fn nested_workspaces_hidden_entries_and_gitignore_are_respected() {
    let broken: &[u8] = b"actor a { type: }\n";
    let dir = tree(&[
        ("goc.vnea", broken),
        ("con/a.vnea", broken),
        ("rieng/vnea.toml", b"[workspace]\nlanguage = \"en\"\n"),
        ("rieng/b.vnea", broken),
        ("rieng/sau/c.vnea", broken),
        (".an/d.vnea", broken),
        ("con/.e.vnea", broken),
        (".gitignore", b"bo_qua/\n*.tam.vnea\n"),
        ("bo_qua/f.vnea", broken),
        ("con/g.tam.vnea", broken),
        ("rieng/.gitignore", b"h.vnea\n"),
        ("rieng/h.vnea", broken),
    ]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(code, 1);
    // Each workspace is analyzed on its own: `actor a` is declared twice in each.
    let duplicates: Vec<String> = lines(&json)
        .into_iter()
        .filter(|l| l.contains(" duplicate-name "))
        .map(|l| l.split(':').next().unwrap().to_owned())
        .collect();
    assert_eq!(duplicates, ["goc.vnea", "rieng/sau/c.vnea"]);
    // The nested workspace is checked on its own, with its own language.
    assert_eq!(
        syntax_lines(&json),
        [
            "con/a.vnea:1:17-1:18 syntax-error cần giá trị nhưng gặp `}`",
            "goc.vnea:1:17-1:18 syntax-error cần giá trị nhưng gặp `}`",
            "rieng/b.vnea:1:17-1:18 syntax-error expected value, found `}`",
            "rieng/sau/c.vnea:1:17-1:18 syntax-error expected value, found `}`",
        ]
    );

    // A file named on the command line is checked even when hidden or ignored, with the
    // configuration of its workspace.
    let (_, json) = check_json(dir.path(), &["rieng/h.vnea", "con/.e.vnea"]);
    assert_eq!(
        syntax_lines(&json),
        [
            "con/.e.vnea:1:17-1:18 syntax-error cần giá trị nhưng gặp `}`",
            "rieng/h.vnea:1:17-1:18 syntax-error expected value, found `}`",
        ]
    );

    // Paths are shown relative to the current directory.
    let (_, json) = check_json(&dir.path().join("con"), &["../rieng/sau"]);
    assert_eq!(
        syntax_lines(&json),
        ["../rieng/sau/c.vnea:1:17-1:18 syntax-error expected value, found `}`"]
    );
}

#[test]
fn gitignore_applies_inside_a_git_repository_too() {
    let dir = tree(&[
        (".gitignore", b"tam/\n"),
        ("tam/a.vnea", b"@\n"),
        ("b.vnea", FORMATTED.as_bytes()),
    ]);
    fs::create_dir(dir.path().join(".git")).unwrap();
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["summary"]["files"], 1);
}

// ---- check: configuration and languages ---------------------------------------------------------

#[test]
fn the_language_comes_from_the_flag_then_the_workspace_then_defaults_to_vietnamese() {
    let vi = tree(&[("a.vnea", b"actor a {\n")]);
    let en = tree(&[
        (
            "vnea.toml",
            b"[workspace]\nlanguage = \"en\"\n[rules]\nmissing-architecture = \"off\"\n",
        ),
        ("a.vnea", b"actor a {\n"),
    ]);
    let message =
        |dir: &TempDir, args: &[&str]| syntax_lines(&check_json(dir.path(), args).1).remove(0);
    assert_eq!(
        message(&vi, &[]),
        "a.vnea:1:9-1:10 syntax-error dấu `{` chưa được đóng: thiếu dấu `}` tương ứng"
    );
    assert_eq!(
        message(&vi, &["--lang", "en"]),
        "a.vnea:1:9-1:10 syntax-error unclosed `{`: missing the matching `}`"
    );
    assert_eq!(
        message(&en, &[]),
        "a.vnea:1:9-1:10 syntax-error unclosed `{`: missing the matching `}`"
    );
    assert_eq!(
        message(&en, &["--lang", "vi"]),
        "a.vnea:1:9-1:10 syntax-error dấu `{` chưa được đóng: thiếu dấu `}` tương ứng"
    );
    let (_, stdout, _) = vnea(en.path(), &["check"]);
    assert!(stdout.ends_with("1 error in 1 file\n"), "{stdout}");
}

#[test]
fn a_bad_configuration_is_reported_on_vnea_toml_and_the_rest_applies() {
    let dir = tree(&[
        (
            "vnea.toml",
            b"[workspace]\nframework = \"4.0\"\nlanguage = \"en\"\nngon_ngu = \"vi\"\n\n[rules]\nunused-elemnt = \"off\"\nsyntax-error = \"warning\"\n",
        ),
        ("a.vnea", b"actor a {\n"),
    ]);
    let (code, stdout, _) = vnea(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert_snapshot!(stdout);
}

// ---- check: human output --------------------------------------------------------------------------

#[test]
fn human_output_in_vietnamese() {
    let (code, stdout, stderr) = vnea(crate_dir(), &["check", "fixtures/cli/human"]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    assert_snapshot!(stdout);
}

#[test]
fn human_output_in_english() {
    let (code, stdout, _) = vnea(
        crate_dir(),
        &["check", "--lang", "en", "fixtures/cli/human/ung_dung.vnea"],
    );
    assert_eq!(code, 1);
    assert_snapshot!(stdout);
}

#[test]
fn human_output_shows_invisible_characters_and_lines_ended_by_lone_carriage_returns() {
    let dir = tree(&[(
        "a.vnea",
        b"actor a \"A\" { type: citizen }\ractor b \"B\"\0{ type: citizen }\r",
    )]);
    let (_, stdout, _) = vnea(dir.path(), &["check", "--lang", "en"]);
    assert_snapshot!(stdout);
}

// ---- fmt ----------------------------------------------------------------------------------------------

#[test]
fn fmt_check_lists_the_unformatted_files_and_writes_nothing() {
    let dir = tree(&[
        ("da_dinh_dang.vnea", FORMATTED.as_bytes()),
        ("chua_dinh_dang.vnea", UNFORMATTED.as_bytes()),
        ("con/chua.vnea", UNFORMATTED.as_bytes()),
    ]);
    let (code, stdout, stderr) = vnea(dir.path(), &["fmt", "--check", "--lang", "en"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(stdout, "chua_dinh_dang.vnea\ncon/chua.vnea\n");
    assert_eq!(
        stderr,
        "2 files would be reformatted, 1 file already formatted\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("chua_dinh_dang.vnea")).unwrap(),
        UNFORMATTED
    );
}

#[test]
fn fmt_check_passes_on_formatted_files() {
    let dir = tree(&[("a.vnea", FORMATTED.as_bytes())]);
    let (code, stdout, stderr) = vnea(dir.path(), &["fmt", "--check"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "");
    assert_eq!(stderr, "1 tệp đã đúng định dạng\n");
}

#[test]
fn fmt_rewrites_unformatted_files_and_leaves_the_others_untouched() {
    let broken = b"actor  b   {type:\n";
    let dir = tree(&[
        ("da_dinh_dang.vnea", FORMATTED.as_bytes()),
        ("chua_dinh_dang.vnea", UNFORMATTED.as_bytes()),
        ("loi.vnea", broken),
        ("sai_ma.vnea", b"actor \xff\n"),
    ]);
    let modified = |name: &str| {
        fs::metadata(dir.path().join(name))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = modified("da_dinh_dang.vnea");
    let (code, stdout, stderr) = vnea(dir.path(), &["fmt", "--lang", "en"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(stdout, "");
    assert_eq!(
        fs::read_to_string(dir.path().join("chua_dinh_dang.vnea")).unwrap(),
        FORMATTED
    );
    assert_eq!(
        fs::read(dir.path().join("da_dinh_dang.vnea")).unwrap(),
        FORMATTED.as_bytes()
    );
    assert_eq!(
        modified("da_dinh_dang.vnea"),
        before,
        "a formatted file is not rewritten"
    );
    assert_eq!(fs::read(dir.path().join("loi.vnea")).unwrap(), broken);
    assert_eq!(
        fs::read(dir.path().join("sai_ma.vnea")).unwrap(),
        b"actor \xff\n"
    );
    assert!(stderr.contains("error[syntax-error]"), "{stderr}");
    assert!(stderr.contains("loi.vnea:1:"), "{stderr}");
    assert!(stderr.contains("error[invalid-encoding]"), "{stderr}");
    assert!(
        stderr.ends_with(
            "1 file reformatted, 1 file already formatted, 2 files with errors skipped\n"
        ),
        "{stderr}"
    );
}

// ---- version and help -------------------------------------------------------------------------------

#[test]
fn version_and_help() {
    let dir = tree(&[]);
    let (code, stdout, _) = vnea(dir.path(), &["--version"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, concat!("vnea ", env!("CARGO_PKG_VERSION"), "\n"))
    );
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["fmt", "--help"],
        &["help", "check"],
    ] {
        let (code, stdout, _) = vnea(dir.path(), args);
        assert_eq!(code, 0, "{args:?}");
        assert!(stdout.contains("Usage: vnea"), "{args:?}: {stdout}");
    }
}

// ---- the bundled examples ---------------------------------------------------------------------

#[test]
fn the_examples_check_clean_and_are_formatted() {
    let examples = crate_dir().join("../examples");
    let (code, stdout, stderr) = vnea(&examples, &["check", "--format", "json", "--lang", "en"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json: Value = serde_json::from_str(&stdout).expect("JSON");
    // Free of errors and warnings; the one note is that framework 2.0 was superseded.
    assert_eq!(
        lines(&json),
        [
            "tinh_mau/kien_truc.vnea:9:3-9:19 superseded-framework framework 2.0 (QĐ 2323/QĐ-BTTTT) was replaced by framework 3.0 on 29/12/2023 (QĐ 2568/QĐ-BTTTT)"
        ]
    );
    assert!(json["summary"]["files"].as_u64().unwrap() >= 9);
    let (code, stdout, stderr) = vnea(&examples, &["fmt", "--check"]);
    assert_eq!(code, 0, "unformatted examples: {stdout}{stderr}");
}

#[test]
fn the_example_of_the_specification_checks_clean_but_for_the_superseded_framework() {
    let example = crate_dir().join("fixtures/syntax/ok/21_full_example.vnea");
    let dir = tree(&[("byt.vnea", &fs::read(example).expect("the fixture"))]);
    let (code, json) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(
        lines(&json),
        [
            "byt.vnea:5:3-5:19 superseded-framework framework 2.0 (QĐ 2323/QĐ-BTTTT) was replaced by framework 3.0 on 29/12/2023 (QĐ 2568/QĐ-BTTTT)"
        ]
    );
}

#[test]
fn a_tree_of_many_workspaces_checks_each_on_its_own() {
    // Twenty agencies, each declaring the same names: no duplicate across workspaces.
    let dir = tempfile::tempdir().expect("temporary directory");
    vnea_synth::write_workspace(dir.path(), 20, 60, 3).expect("workspaces");
    let (code, json) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(code, 0, "{json}");
    assert!(!lines(&json).iter().any(|l| l.contains(" duplicate-name ")));
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 0);
    assert!(json["summary"]["files"].as_u64().unwrap() >= 20 * 7);
}

#[test]
fn user_packs_extend_the_reference_models() {
    let pack = "extend BRM {\n  category cap_phep \"Cấp phép\" { source: \"Quy định của Sở\", status: derived }\n}\n";
    let dir = tree(&[
        (
            "vnea.toml",
            b"[workspace]\npacks = [\"goi\"]\n[rules]\nmissing-architecture = \"off\"\n",
        ),
        ("goi/brm.vnea", pack.as_bytes()),
        (
            "dich_vu.vnea",
            "service cap_phep_xay_dung \"Cấp giấy phép xây dựng\" { brm: BRM.cap_phep }\n"
                .as_bytes(),
        ),
    ]);
    let (code, json) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(lines(&json), Vec::<String>::new());
    // A pack directory that does not exist is a failure of the run, named on standard error.
    fs::write(
        dir.path().join("vnea.toml"),
        "[workspace]\npacks = [\"khong_co\"]\n",
    )
    .unwrap();
    let (code, _, stderr) = vnea(dir.path(), &["check", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("khong_co"), "{stderr}");
}
