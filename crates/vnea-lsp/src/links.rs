//! Where the files the analyzer knows live for the editor: workspace files on disk, built-in
//! pack files (`builtin/<version>/<file>`) as read-only copies in the user's cache directory,
//! and the rule documentation beside them.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use tower_lsp_server::ls_types::Uri;
use vnea_analysis::{Framework, Rule};

/// The prefix of the analyzer paths of built-in pack files.
const BUILTIN: &str = "builtin/";

/// Maps analyzer paths to disk paths and URIs, and rules to their documentation.
#[derive(Debug, Default)]
pub struct Links {
    /// `<cache>/packs`, when every built-in pack was written there.
    packs: Option<PathBuf>,
    /// The URI of the rule documentation, when it was written.
    rules_doc: Option<Uri>,
}

impl Links {
    /// Writes each framework version's built-in pack (once; unchanged files are left alone)
    /// under `cache/packs`, and `rules_markdown` (the text of `docs/rules.md`) as
    /// `cache/docs/rules.md`. What cannot be written is left unmapped, and the reason returned.
    pub fn prepare(cache: Option<&Path>, rules_markdown: Option<&str>) -> (Links, Vec<String>) {
        let mut problems = Vec::new();
        let Some(cache) = cache else {
            return (Links::default(), vec!["no cache directory".to_owned()]);
        };
        let packs = cache.join("packs");
        let written = Framework::ALL
            .iter()
            .try_for_each(|&framework| vnea_packs::write_to(framework, &packs).map(|_| ()));
        let packs = match written {
            Ok(()) => Some(packs),
            Err(error) => {
                problems.push(format!("cannot write the built-in packs: {error}"));
                None
            }
        };
        let rules_doc = rules_markdown.and_then(|text| {
            let path = cache.join("docs").join("rules.md");
            let write = || -> std::io::Result<()> {
                if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
                    return Ok(());
                }
                fs::create_dir_all(path.parent().expect("a parent"))?;
                fs::write(&path, text)
            };
            match write() {
                Ok(()) => Uri::from_file_path(&path),
                Err(error) => {
                    problems.push(format!("cannot write {}: {error}", path.display()));
                    None
                }
            }
        });
        (Links { packs, rules_doc }, problems)
    }

    /// The file on disk of the analyzer path `key`: a built-in pack file's copy in the cache,
    /// or the path itself.
    pub fn file_path(&self, key: &str) -> Option<PathBuf> {
        match key.strip_prefix(BUILTIN) {
            Some(rest) => Some(self.packs.as_ref()?.join(rest)),
            None => Some(PathBuf::from(key)),
        }
    }

    /// The `file://` URI of the analyzer path `key`.
    pub fn uri(&self, key: &str) -> Option<Uri> {
        Uri::from_file_path(self.file_path(key)?)
    }

    /// The analyzer path of the file at `path`: `builtin/<version>/<file>` for a copy of a
    /// built-in pack file, else the path itself.
    pub fn key(&self, path: &Path) -> String {
        let builtin = self.packs.as_ref().and_then(|packs| {
            let rest = path.strip_prefix(packs).ok()?;
            let rest = rest.to_str()?.replace('\\', "/");
            Some(format!("{BUILTIN}{rest}"))
        });
        builtin.unwrap_or_else(|| path.to_string_lossy().into_owned())
    }

    /// Whether `key` is the analyzer path of a built-in pack file.
    pub fn is_builtin(key: &str) -> bool {
        key.starts_with(BUILTIN)
    }

    /// The link to `rule`'s section of the rule documentation, when it was written.
    pub fn rule_doc(&self, rule: Rule) -> Option<Uri> {
        let doc = self.rules_doc.as_ref()?;
        Uri::from_str(&format!("{}#{}", doc.as_str(), rule.name())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_paths_map_both_ways() {
        let cache = tempfile::tempdir().unwrap();
        let (links, problems) = Links::prepare(Some(cache.path()), Some("# rules\n"));
        assert!(problems.is_empty(), "{problems:?}");
        let key = "builtin/3.0/arm.vnea";
        let path = links.file_path(key).unwrap();
        assert_eq!(path, cache.path().join("packs/3.0/arm.vnea"));
        assert!(path.is_file());
        assert_eq!(links.key(&path), key);
        assert!(links.uri(key).unwrap().as_str().starts_with("file:///"));
        assert_eq!(links.key(Path::new("/w/a.vnea")), "/w/a.vnea");
        let doc = links.rule_doc(Rule::MissingLgsp).unwrap();
        assert!(
            doc.as_str().ends_with("/docs/rules.md#missing-lgsp"),
            "{doc:?}"
        );
        // Preparing again leaves the files as they are.
        let (again, problems) = Links::prepare(Some(cache.path()), Some("# rules\n"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(again.file_path(key), Some(path));
    }

    #[test]
    fn without_a_cache_nothing_is_mapped() {
        let links = Links::default();
        assert_eq!(links.file_path("builtin/2.0/arm.vnea"), None);
        assert_eq!(links.rule_doc(Rule::SyntaxError), None);
    }
}
