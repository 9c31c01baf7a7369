//! `load_dir` and `write_to` on temporary directories.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use vnea_packs::{Framework, builtin, load_dir, write_to};

fn write(root: &Path, relative: &str, content: &[u8]) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

#[test]
fn load_dir_finds_vnea_files_sorted_and_skips_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "z.vnea", b"extend BRM {}\n");
    write(root, "a/b.vnea", "category x \"Dữ liệu\"\n".as_bytes());
    write(root, "a.vnea", b"");
    write(root, "a/sub/c.vnea", b"// c\n");
    write(root, "notes.txt", b"not a pack file");
    write(root, "vnea", b"no extension");
    write(root, ".hidden.vnea", b"hidden file");
    write(root, ".git/x.vnea", b"hidden directory");
    write(root, "a/.cache/y.vnea", b"nested hidden directory");

    let files = load_dir(root).unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let expected: Vec<String> = ["a/b.vnea", "a/sub/c.vnea", "a.vnea", "z.vnea"]
        .iter()
        .map(|p| root.join(p).to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, expected, "sorted component by component");
    assert_eq!(files[0].text, "category x \"Dữ liệu\"\n");
    assert_eq!(files[2].text, "");
}

#[test]
fn load_dir_of_an_empty_directory_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load_dir(dir.path()).unwrap(), []);
}

#[test]
fn load_dir_rejects_non_utf8_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.vnea", b"extend BRM {}\n");
    write(dir.path(), "bad.vnea", b"category x \"\xff\xfe\"\n");
    let error = load_dir(dir.path()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidData);
    let message = error.to_string();
    assert!(message.contains("bad.vnea"), "{message}");
    assert!(message.contains("UTF-8"), "{message}");
}

#[test]
fn load_dir_of_a_missing_directory_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let error = load_dir(&missing).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert!(error.to_string().contains("missing"), "{error}");
}

#[cfg(unix)]
#[test]
fn load_dir_reads_linked_files_but_does_not_follow_linked_directories() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pack");
    write(&root, "real.vnea", b"// real\n");
    write(dir.path(), "outside/o.vnea", b"// outside\n");
    std::os::unix::fs::symlink(root.join("real.vnea"), root.join("link.vnea")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside"), root.join("dir")).unwrap();
    // A link back to the root would loop forever if followed.
    std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
    let files = load_dir(&root).unwrap();
    let names: Vec<&str> = files
        .iter()
        .map(|f| f.path.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["link.vnea", "real.vnea"]);
    assert_eq!(files[0].text, "// real\n");
}

#[test]
fn write_to_writes_read_only_copies_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    for framework in Framework::ALL {
        let paths = write_to(framework, dir.path()).unwrap();
        let files = builtin(framework);
        assert_eq!(paths.len(), files.len());
        for (path, file) in paths.iter().zip(&files) {
            assert_eq!(path.parent().unwrap(), dir.path().join(framework.as_str()));
            assert!(
                file.path
                    .ends_with(&*path.file_name().unwrap().to_string_lossy())
            );
            assert_eq!(fs::read_to_string(path).unwrap(), file.text);
            assert!(
                fs::metadata(path).unwrap().permissions().readonly(),
                "{}",
                path.display()
            );
        }
        // The second time nothing is rewritten: the files keep their identity.
        let modified: Vec<_> = paths
            .iter()
            .map(|p| fs::metadata(p).unwrap().modified().unwrap())
            .collect();
        #[cfg(unix)]
        let inodes: Vec<u64> = {
            use std::os::unix::fs::MetadataExt;
            paths
                .iter()
                .map(|p| fs::metadata(p).unwrap().ino())
                .collect()
        };
        assert_eq!(write_to(framework, dir.path()).unwrap(), paths);
        let again: Vec<_> = paths
            .iter()
            .map(|p| fs::metadata(p).unwrap().modified().unwrap())
            .collect();
        assert_eq!(again, modified);
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let again: Vec<u64> = paths
                .iter()
                .map(|p| fs::metadata(p).unwrap().ino())
                .collect();
            assert_eq!(again, inodes);
        }
    }
    // Only the pack files, no temporary file left behind.
    let mut names: Vec<String> = fs::read_dir(dir.path().join("3.0"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "arm.vnea",
            "brm.vnea",
            "drm.vnea",
            "framework.vnea",
            "national.vnea",
            "srm.vnea",
            "trm.vnea"
        ]
    );
}

#[test]
fn write_to_repairs_changed_and_writable_files() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_to(Framework::V2_0, dir.path()).unwrap();
    let drm = paths.iter().find(|p| p.ends_with("drm.vnea")).unwrap();
    let brm = paths.iter().find(|p| p.ends_with("brm.vnea")).unwrap();

    // A stale copy (from an older vnea, say), read-only as we left it: replaced.
    let mut permissions = fs::metadata(drm).unwrap().permissions();
    make_writable(&mut permissions);
    fs::set_permissions(drm, permissions).unwrap();
    fs::write(drm, "// old\n").unwrap();
    let mut permissions = fs::metadata(drm).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(drm, permissions).unwrap();

    // A right copy that someone made writable: made read-only again.
    let mut permissions = fs::metadata(brm).unwrap().permissions();
    make_writable(&mut permissions);
    fs::set_permissions(brm, permissions).unwrap();

    write_to(Framework::V2_0, dir.path()).unwrap();
    let expected = builtin(Framework::V2_0);
    let text = |name: &str| {
        &expected
            .iter()
            .find(|f| f.path.ends_with(name))
            .unwrap()
            .text
    };
    assert_eq!(fs::read_to_string(drm).unwrap(), *text("/drm.vnea"));
    assert_eq!(fs::read_to_string(brm).unwrap(), *text("/brm.vnea"));
    assert!(fs::metadata(drm).unwrap().permissions().readonly());
    assert!(fs::metadata(brm).unwrap().permissions().readonly());
}

#[test]
fn written_files_load_back_as_the_builtin_pack() {
    let dir = tempfile::tempdir().unwrap();
    write_to(Framework::V3_0, dir.path()).unwrap();
    let loaded = load_dir(&dir.path().join("3.0")).unwrap();
    let texts: Vec<&str> = loaded.iter().map(|f| &*f.text).collect();
    let builtin = builtin(Framework::V3_0);
    let expected: Vec<&str> = builtin.iter().map(|f| &*f.text).collect();
    assert_eq!(texts, expected);
}

#[cfg(unix)]
fn make_writable(permissions: &mut fs::Permissions) {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(0o644);
}

#[cfg(not(unix))]
fn make_writable(permissions: &mut fs::Permissions) {
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
}
