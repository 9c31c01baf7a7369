//! Paths as the tool handles them (absolute, normalised) and as it shows them (relative to the
//! current directory, with `/` on every platform).

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against `cwd`, with `.` and `..` components resolved lexically.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in cwd.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The absolute `path` as shown to the user: relative to `cwd` (with `..` where it lies
/// outside), components joined with `/`.
pub fn display(cwd: &Path, path: &Path) -> String {
    let ours: Vec<Component<'_>> = path.components().collect();
    let base: Vec<Component<'_>> = cwd.components().collect();
    let common = ours.iter().zip(&base).take_while(|(a, b)| a == b).count();
    if common == 0 {
        // Another root (a different drive on Windows): nothing relative to show.
        return path.to_string_lossy().replace('\\', "/");
    }
    let parts: Vec<String> = base[common..]
        .iter()
        .map(|_| String::from(".."))
        .chain(
            ours[common..]
                .iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    if parts.is_empty() {
        String::from(".")
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_resolves_dots() {
        let cwd = Path::new("/w/main");
        assert_eq!(
            absolute(cwd, Path::new("./a/../b.vnea")),
            Path::new("/w/main/b.vnea")
        );
        assert_eq!(absolute(cwd, Path::new("/x/./y")), Path::new("/x/y"));
        assert_eq!(absolute(cwd, Path::new("..")), Path::new("/w"));
    }

    #[test]
    fn display_is_relative_with_slashes() {
        let cwd = Path::new("/w/main");
        assert_eq!(display(cwd, Path::new("/w/main/ex/a.vnea")), "ex/a.vnea");
        assert_eq!(
            display(cwd, Path::new("/w/other/a.vnea")),
            "../other/a.vnea"
        );
        assert_eq!(display(cwd, Path::new("/w/main")), ".");
    }
}
