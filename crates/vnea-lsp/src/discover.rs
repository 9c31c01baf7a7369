//! Which workspaces a folder holds and which files belong to each (spec §1): the `ignore` crate
//! skips hidden entries and what `.gitignore` files exclude (inside a git repository or not),
//! and a directory holding a `vnea.toml` starts a workspace of its own. `vnea check` and
//! `vnea fmt` use the same walk ([`files_by_root`]).

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
    let mut by_root = files_by_root(root, |_| {});
    by_root.entry(root.to_path_buf()).or_default();
    by_root
}

/// The `.vnea` files below `dir`, skipping hidden entries and what `.gitignore` files exclude,
/// grouped by the workspace they belong to: a directory below `dir` (or `dir` itself) holding a
/// `vnea.toml` starts a workspace of its own; the other files belong to [`workspace_root`] of
/// `dir`. Errors of the walk go to `on_error`. The command line's discovery and the server's
/// both rest on this one walk.
pub fn files_by_root(
    dir: &Path,
    mut on_error: impl FnMut(ignore::Error),
) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let outer_root = workspace_root(dir);
    // Roots of workspaces nested below `dir` (`dir` too, if it holds a `vnea.toml`).
    let mut nested_roots = BTreeSet::new();
    let mut files = Vec::new();
    let walker = WalkBuilder::new(dir)
        .standard_filters(false)
        .hidden(true)
        .parents(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                on_error(error);
                continue;
            }
        };
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
    for file in files {
        let owner = file
            .ancestors()
            .skip(1)
            .take_while(|d| d.starts_with(dir))
            .find(|d| nested_roots.contains(*d))
            .map_or_else(|| outer_root.clone(), Path::to_path_buf);
        by_root.entry(owner).or_default().insert(file);
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
