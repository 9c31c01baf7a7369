//! The framework packs of vnea: the built-in packs of *Khung Kiến trúc Chính phủ điện tử Việt
//! Nam* 2.0 and 3.0, written in the vnea language and compiled into the binary, and the loader
//! of user pack directories.
//!
//! A pack is a set of `.vnea` files. This crate only hands out their text; parsing and analysis
//! belong to the crates above it. The facts the built-in packs encode, and their provenance, are
//! in `framework.md` of the specification; every declaration of a built-in pack carries
//! `source` and `status` (`issued`, `draft` or `derived`).
//!
//! ```
//! use vnea_packs::{Framework, builtin};
//!
//! let files = builtin(Framework::V3_0);
//! assert!(files.iter().any(|f| f.path == "builtin/3.0/drm.vnea"));
//! assert!(files.iter().all(|f| vnea_syntax::parse(&f.text).errors.is_empty()));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A version of the national framework, the one whose built-in pack is in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Framework {
    /// Version 2.0 (QĐ 2323/QĐ-BTTTT, 31/12/2019); the default.
    #[default]
    V2_0,
    /// Version 3.0 (QĐ 2568/QĐ-BTTTT, 29/12/2023).
    V3_0,
}

impl Framework {
    /// Every version, oldest first.
    pub const ALL: [Framework; 2] = [Framework::V2_0, Framework::V3_0];

    /// The version as written in `vnea.toml` and on the command line: `"2.0"` or `"3.0"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Framework::V2_0 => "2.0",
            Framework::V3_0 => "3.0",
        }
    }

    /// The other version (for "exists in framework 3.0" hints).
    pub const fn other(self) -> Framework {
        match self {
            Framework::V2_0 => Framework::V3_0,
            Framework::V3_0 => Framework::V2_0,
        }
    }
}

impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Framework`] from text other than `"2.0"` or `"3.0"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFrameworkError {
    /// The text that was given.
    pub input: String,
}

impl fmt::Display for ParseFrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown framework version {:?} (expected \"2.0\" or \"3.0\")",
            self.input
        )
    }
}

impl std::error::Error for ParseFrameworkError {}

impl FromStr for Framework {
    type Err = ParseFrameworkError;

    /// Parses `"2.0"` or `"3.0"`, exactly.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Framework::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| ParseFrameworkError {
                input: s.to_owned(),
            })
    }
}

/// One file of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFile {
    /// Where the file comes from: `builtin/<version>/<name>.vnea` for a built-in file (stable:
    /// used in diagnostics and as the file name under a cache directory), the file's path for
    /// a file of a user pack.
    pub path: String,
    /// The file's text.
    pub text: Cow<'static, str>,
}

/// The files of a built-in pack, `(path, text)`, sorted by path.
macro_rules! pack {
    ($version:literal: $($name:literal),* $(,)?) => {
        &[$((
            concat!("builtin/", $version, "/", $name),
            include_str!(concat!("../packs/", $version, "/", $name)),
        )),*]
    };
}

const PACK_2_0: &[(&str, &str)] = pack!("2.0":
    "arm.vnea", "brm.vnea", "drm.vnea", "framework.vnea", "national.vnea", "srm.vnea", "trm.vnea",
);

const PACK_3_0: &[(&str, &str)] = pack!("3.0":
    "arm.vnea", "brm.vnea", "drm.vnea", "framework.vnea", "national.vnea", "srm.vnea", "trm.vnea",
);

/// The files of the built-in pack of `framework`, sorted by path.
pub fn builtin(framework: Framework) -> Vec<PackFile> {
    let files = match framework {
        Framework::V2_0 => PACK_2_0,
        Framework::V3_0 => PACK_3_0,
    };
    files
        .iter()
        .map(|&(path, text)| PackFile {
            path: path.to_owned(),
            text: Cow::Borrowed(text),
        })
        .collect()
}

/// The extension of pack files.
const EXTENSION: &str = "vnea";

/// Loads a user pack directory: every `.vnea` file below `root`, at any depth, sorted by path
/// (component by component). Hidden entries (names starting with `.`) are skipped; symbolic
/// links to files are read, symbolic links to directories are not followed. Each file's
/// `path` is `root` joined with the file's path below it.
///
/// A file that is not valid UTF-8 is an error of kind [`io::ErrorKind::InvalidData`] naming
/// the file; any other error names the file or directory it concerns.
pub fn load_dir(root: &Path) -> io::Result<Vec<PackFile>> {
    let mut paths = Vec::new();
    collect(root, &mut paths)?;
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).map_err(|e| with_path(e, &path))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{}: not valid UTF-8 (invalid byte at offset {})",
                        path.display(),
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            Ok(PackFile {
                path: path.to_string_lossy().into_owned(),
                text: Cow::Owned(text),
            })
        })
        .collect()
}

/// Adds the `.vnea` files below `dir` to `out`.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| with_path(e, dir))? {
        let entry = entry.map_err(|e| with_path(e, dir))?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| with_path(e, &path))?;
        if file_type.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == EXTENSION)
            && (file_type.is_file() || (file_type.is_symlink() && path.is_file()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// `error` with `path` in front of its message.
fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

/// Writes the files of the built-in pack of `framework` to `dir/<version>/<name>.vnea`, so that
/// an editor can open them, and returns their paths in the order of [`builtin`].
///
/// A file whose content is already right is left alone; any other is written to a temporary
/// file beside it and renamed over it. Every file ends up read-only.
pub fn write_to(framework: Framework, dir: &Path) -> io::Result<Vec<PathBuf>> {
    let target = dir.join(framework.as_str());
    fs::create_dir_all(&target).map_err(|e| with_path(e, &target))?;
    builtin(framework)
        .iter()
        .map(|file| {
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            let path = target.join(name);
            write_if_changed(&path, file.text.as_bytes()).map_err(|e| with_path(e, &path))?;
            Ok(path)
        })
        .collect()
}

/// Makes `path` hold `content` and be read-only, writing only if its content differs.
fn write_if_changed(path: &Path, content: &[u8]) -> io::Result<()> {
    if fs::read(path).is_ok_and(|existing| existing == content) {
        let mut permissions = fs::metadata(path)?.permissions();
        if !permissions.readonly() {
            permissions.set_readonly(true);
            fs::set_permissions(path, permissions)?;
        }
        return Ok(());
    }
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        fs::write(&temporary, content)?;
        let mut permissions = fs::metadata(&temporary)?.permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&temporary, permissions)?;
        allow_replace(path);
        fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Windows refuses to rename over a read-only file: make the old file writable first.
#[cfg(windows)]
fn allow_replace(path: &Path) {
    if let Ok(metadata) = fs::metadata(path) {
        let mut permissions = metadata.permissions();
        if permissions.readonly() {
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            let _ = fs::set_permissions(path, permissions);
        }
    }
}

/// Elsewhere a rename replaces a read-only file.
#[cfg(not(windows))]
fn allow_replace(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framework_versions() {
        for framework in Framework::ALL {
            assert_eq!(framework.as_str().parse::<Framework>(), Ok(framework));
            assert_eq!(framework.to_string(), framework.as_str());
            assert_ne!(framework.other(), framework);
            assert_eq!(framework.other().other(), framework);
        }
        assert_eq!(Framework::default(), Framework::V2_0);
        assert_eq!(Framework::V2_0.as_str(), "2.0");
        assert_eq!(Framework::V3_0.as_str(), "3.0");
        for bad in ["", "2", "3", "2.0 ", "4.0", "v2.0"] {
            let error = bad.parse::<Framework>().unwrap_err();
            assert_eq!(error.input, bad);
            assert!(error.to_string().contains("\"2.0\""));
        }
    }

    #[test]
    fn builtin_files_are_sorted_and_named_by_version() {
        for framework in Framework::ALL {
            let files = builtin(framework);
            assert_eq!(files.len(), 7);
            assert!(files.windows(2).all(|w| w[0].path < w[1].path));
            let prefix = format!("builtin/{framework}/");
            assert!(files.iter().all(|f| f.path.starts_with(&prefix)
                && f.path.ends_with(".vnea")
                && matches!(f.text, Cow::Borrowed(_))));
        }
    }
}
