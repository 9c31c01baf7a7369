//! What the end-to-end test files share: temporary file trees and running the binary.

#![allow(dead_code)] // Each test file uses its own part.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary directory holding `files` (path, contents).
pub fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (path, contents) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
        fs::write(path, contents).expect("file");
    }
    dir
}

/// The exit code, standard output and standard error of `vnea args…` run in `dir`.
pub fn vnea(dir: &Path, args: &[&str]) -> (i32, String, String) {
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

/// The exit code and the parsed standard output of `vnea args…` in `dir`, which prints JSON.
pub fn vnea_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let (code, stdout, stderr) = vnea(dir, args);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (code, json)
}

/// The root of the repository.
pub fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}
