//! Which workspaces a folder holds and which files belong to each (spec §1), by the rules of
//! `vnea check` (`crates/vnea-cli/src/discover.rs`, private to the command line): the `ignore`
//! crate skips hidden entries and what `.gitignore` files exclude (inside a git repository or
//! not), and a directory holding a `vnea.toml` starts a workspace of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use vnea_analysis::config::FILE_NAME;

/// The extension of source files.
pub const EXTENSION: &str = "vnea";

/// The root of the workspace that `dir` belongs to: the nearest directory, `dir` or above, that
/// holds a `vnea.toml`, else `dir` itself.
pub fn workspace_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| d.join(FILE_NAME).is_file())
        .unwrap_or(dir)
        .to_path_buf()
}

/// The workspaces below `root` (itself a workspace root) and the `.vnea` files of each, by
/// root. `root` is always present, with no files if it has none. Entries that cannot be read
/// are skipped.
pub fn discover(root: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut nested_roots = BTreeSet::new();
    let mut files = Vec::new();
    let walker = WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        .parents(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .build();
    for entry in walker.flatten() {
        let path = entry.path();
        let is_file = entry
            .file_type()
            .is_some_and(|t| t.is_file() || (t.is_symlink() && path.is_file()));
        if !is_file {
            continue;
        }
        if entry.file_name() == FILE_NAME {
            nested_roots.extend(path.parent().map(Path::to_path_buf));
        } else if path.extension() == Some(OsStr::new(EXTENSION)) {
            files.push(entry.into_path());
        }
    }
    let mut by_root: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    by_root.insert(root.to_path_buf(), BTreeSet::new());
    for file in files {
        let owner = file
            .ancestors()
            .skip(1)
            .take_while(|d| d.starts_with(root))
            .find(|d| nested_roots.contains(*d))
            .unwrap_or(root);
        by_root.entry(owner.to_path_buf()).or_default().insert(file);
    }
    by_root
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn nested_workspaces_hidden_entries_and_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "a.vnea",
            "sub/b.vnea",
            "nested/vnea.toml",
            "nested/c.vnea",
            ".hidden/e.vnea",
            "build/g.vnea",
            "sub/h.vnea",
            "notes.txt",
        ] {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        fs::write(dir.path().join(".gitignore"), "build/\n").unwrap();
        fs::write(dir.path().join("sub/.gitignore"), "h.vnea\n").unwrap();
        let root = dir.path();
        let found: Vec<(String, Vec<String>)> = discover(root)
            .into_iter()
            .map(|(r, files)| {
                let rel = |p: &Path| p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                (rel(&r), files.iter().map(|f| rel(f)).collect())
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    String::new(),
                    vec!["a.vnea".to_owned(), "sub/b.vnea".to_owned()]
                ),
                ("nested".to_owned(), vec!["nested/c.vnea".to_owned()]),
            ]
        );
        assert_eq!(
            workspace_root(&root.join("nested/deeper")),
            root.join("nested")
        );
        assert_eq!(workspace_root(&root.join("sub")), root.join("sub"));
    }
}
