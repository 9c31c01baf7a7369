//! Which files a command works on, grouped by workspace (spec §1).
//!
//! - A directory given on the command line is searched for `.vnea` files, skipping hidden
//!   entries and whatever `.gitignore` files exclude (inside a git repository or not).
//! - Every directory below it that holds a `vnea.toml` is the root of a workspace of its own:
//!   its files belong to it, not to the outer one.
//! - The given directory itself belongs to the workspace of the nearest directory, itself or
//!   above, that holds a `vnea.toml`; without one, it is a root of its own. So checking a
//!   sub-directory of a workspace uses the workspace's configuration, as checking one of its
//!   files does.
//! - A file given on the command line is taken as it is, even when it is hidden or ignored;
//!   its workspace is found the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use vnea_analysis::config::FILE_NAME;
use vnea_lsp::discover::{files_by_root as files_by_root_below, workspace_root};

use crate::failure::Failure;
use crate::paths;

/// A workspace and the files of it a command works on.
#[derive(Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The root directory (absolute).
    pub root: PathBuf,
    /// Its `vnea.toml`, if it has one.
    pub config: Option<PathBuf>,
    /// The `.vnea` files to work on (absolute, sorted).
    pub files: BTreeSet<PathBuf>,
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The workspaces, sorted by root.
    pub workspaces: Vec<Workspace>,
    /// Paths that do not exist and directories that could not be read.
    pub failures: Vec<Failure>,
}

/// Finds the workspaces and files that `inputs` (paths as given, relative to `cwd`) stand for.
pub fn discover(inputs: &[PathBuf], cwd: &Path) -> Discovery {
    let mut files_by_root: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    let mut failures = Vec::new();
    for input in inputs {
        let path = paths::absolute(cwd, input);
        match path.metadata() {
            Ok(metadata) if metadata.is_dir() => walk(&path, &mut files_by_root, &mut failures),
            Ok(_) => {
                let dir = path.parent().unwrap_or(&path);
                files_by_root
                    .entry(workspace_root(dir))
                    .or_default()
                    .insert(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                failures.push(Failure::NotFound(path));
            }
            Err(error) => failures.push(Failure::CannotRead(path, error)),
        }
    }
    let workspaces = files_by_root
        .into_iter()
        .map(|(root, files)| Workspace {
            config: Some(root.join(FILE_NAME)).filter(|c| c.is_file()),
            root,
            files,
        })
        .collect();
    Discovery {
        workspaces,
        failures,
    }
}

/// Adds the files below `dir` to the workspaces they belong to.
fn walk(
    dir: &Path,
    files_by_root: &mut BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    failures: &mut Vec<Failure>,
) {
    let found = files_by_root_below(dir, |error| failures.extend(Failure::from_walk(error, dir)));
    for (root, files) in found {
        files_by_root.entry(root).or_default().extend(files);
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in files {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        dir
    }

    /// The workspaces as `root: file file …`, paths relative to `base`.
    fn summary(discovery: &Discovery, base: &Path) -> Vec<String> {
        discovery
            .workspaces
            .iter()
            .map(|w| {
                let files: Vec<String> = w.files.iter().map(|f| paths::display(base, f)).collect();
                let config = if w.config.is_some() {
                    " (vnea.toml)"
                } else {
                    ""
                };
                format!(
                    "{}{config}: {}",
                    paths::display(base, &w.root),
                    files.join(" ")
                )
            })
            .collect()
    }

    #[test]
    fn nested_workspaces_hidden_entries_and_gitignore() {
        let dir = tree(&[
            "a.vnea",
            "notes.txt",
            "sub/b.vnea",
            "nested/vnea.toml",
            "nested/c.vnea",
            "nested/deep/d.vnea",
            ".hidden/e.vnea",
            "sub/.f.vnea",
            ".gitignore",
            "build/g.vnea",
            "sub/.gitignore",
            "sub/h.vnea",
        ]);
        fs::write(dir.path().join(".gitignore"), "build/\n").unwrap();
        fs::write(dir.path().join("sub/.gitignore"), "h.vnea\n").unwrap();
        let base = dir.path().canonicalize().unwrap();
        let discovery = discover(&[PathBuf::from(".")], &base);
        assert!(discovery.failures.is_empty(), "{:?}", discovery.failures);
        assert_eq!(
            summary(&discovery, &base),
            [
                ".: a.vnea sub/b.vnea",
                "nested (vnea.toml): nested/c.vnea nested/deep/d.vnea"
            ]
        );
    }

    #[test]
    fn a_file_or_sub_directory_belongs_to_the_enclosing_workspace() {
        let dir = tree(&["vnea.toml", "sub/a.vnea", "sub/.hidden.vnea"]);
        let base = dir.path().canonicalize().unwrap();
        let discovery = discover(
            &[PathBuf::from("sub/.hidden.vnea"), PathBuf::from("sub")],
            &base,
        );
        assert_eq!(
            summary(&discovery, &base),
            [". (vnea.toml): sub/.hidden.vnea sub/a.vnea"]
        );
    }

    #[test]
    fn missing_paths_are_failures() {
        let dir = tree(&["a.vnea"]);
        let base = dir.path().canonicalize().unwrap();
        let discovery = discover(&[PathBuf::from("nope"), PathBuf::from("a.vnea")], &base);
        assert!(matches!(&discovery.failures[..], [Failure::NotFound(p)] if p.ends_with("nope")));
        assert_eq!(summary(&discovery, &base), [".: a.vnea"]);
    }
}
