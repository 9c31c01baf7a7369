//! Diagnostics for every file of every workspace, open or not: computed on a worker from
//! snapshots, then published by the state thread for the files whose diagnostics (or, for open
//! documents, version) changed since the last publication.

use std::collections::HashMap;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::{self as lsp, PublishDiagnosticsParams, Uri};
use vnea_analysis::{Analysis, Cancelled, Diagnostic};

use crate::convert::{self, Texts};
use crate::links::Links;
use crate::position::Encoding;

/// Diagnostics the analysis does not compute, with the text they point into: those of a
/// `vnea.toml`, or the `invalid-encoding` diagnostic of a file that is not UTF-8.
#[derive(Debug, Clone)]
pub struct Extra {
    /// The text (decoded lossily for a file that is not UTF-8).
    pub rope: Rope,
    /// The diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

/// An open document as the diagnostics of a snapshot see it.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    /// The client's URI for it.
    pub uri: Uri,
    /// Its version.
    pub version: i32,
    /// Its text.
    pub rope: Rope,
}

/// What one publication is computed from: snapshots of every workspace, taken together after
/// the change numbered `generation`.
pub struct DiagnosticsJob {
    /// The number of the last change the snapshots include.
    pub generation: u64,
    /// Each workspace's analysis and extra diagnostics (by analyzer path).
    pub workspaces: Vec<(Analysis, HashMap<String, Extra>)>,
    /// The open documents, by analyzer path.
    pub open: HashMap<String, OpenDocument>,
    /// How positions count columns.
    pub encoding: Encoding,
    /// Where analyzer paths are on disk.
    pub links: Arc<Links>,
}

/// The diagnostics of every file, by URI, with the version of open documents.
pub type FileDiagnostics = HashMap<Uri, (Option<i32>, Vec<lsp::Diagnostic>)>;

/// The result of a [`DiagnosticsJob`].
pub struct Computed {
    /// The job's generation.
    pub generation: u64,
    /// The diagnostics.
    pub files: FileDiagnostics,
}

impl DiagnosticsJob {
    /// Computes the diagnostics. Each workspace's snapshot is dropped as soon as it is done
    /// with, so that an edit to it waits for as little as possible.
    pub fn run(self) -> Result<Computed, Cancelled> {
        let mut files = FileDiagnostics::new();
        let open_ropes = || {
            self.open
                .iter()
                .map(|(key, doc)| (key.clone(), doc.rope.clone()))
        };
        let mut publish = |key: &str, found: &[Diagnostic], texts: &mut Texts<'_>| {
            let (uri, version) = match self.open.get(key) {
                Some(doc) => (Some(doc.uri.clone()), Some(doc.version)),
                None => (self.links.uri(key), None),
            };
            let (Some(uri), Some(rope)) = (uri, texts.rope(key)) else {
                return;
            };
            let converted = found
                .iter()
                .map(|d| convert::diagnostic(d, &rope, self.encoding, &self.links, texts))
                .collect();
            files.insert(uri, (version, converted));
        };
        for (analysis, extra) in self.workspaces {
            let mut found = analysis.all_diagnostics()?;
            found.extend(analysis.pack_diagnostics()?);
            analysis.with_db(|db| {
                let mut texts = Texts::new(Some(db), open_ropes());
                for (key, found) in &found {
                    publish(key, found, &mut texts);
                }
            })?;
            drop(analysis);
            for (key, extra) in extra {
                let open = self.open.contains_key(&key);
                let rope = if open { None } else { Some(extra.rope) };
                let mut texts =
                    Texts::new(None, open_ropes().chain(rope.map(|r| (key.clone(), r))));
                publish(&key, &extra.diagnostics, &mut texts);
            }
        }
        Ok(Computed {
            generation: self.generation,
            files,
        })
    }
}

/// The notifications that bring the client from `published` to `current`: a file whose
/// diagnostics or version changed is published again, a file no longer present is cleared,
/// and a file with no diagnostics before or after is left alone.
pub fn changes(
    published: &FileDiagnostics,
    current: &FileDiagnostics,
) -> Vec<PublishDiagnosticsParams> {
    let mut out = Vec::new();
    for (uri, (version, diagnostics)) in current {
        let before = published.get(uri);
        let unchanged = match before {
            Some(before) => before == &(*version, diagnostics.clone()),
            None => false,
        };
        let empty_before = before.is_none_or(|(_, d)| d.is_empty());
        if !(unchanged || empty_before && diagnostics.is_empty()) {
            out.push(PublishDiagnosticsParams::new(
                uri.clone(),
                diagnostics.clone(),
                *version,
            ));
        }
    }
    for (uri, (_, diagnostics)) in published {
        if !current.contains_key(uri) && !diagnostics.is_empty() {
            out.push(PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None));
        }
    }
    out.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
    out
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn diagnostic(message: &str) -> lsp::Diagnostic {
        lsp::Diagnostic {
            message: message.to_owned(),
            ..lsp::Diagnostic::default()
        }
    }

    #[test]
    fn only_changes_are_published() {
        let a = Uri::from_str("file:///a.vnea").unwrap();
        let b = Uri::from_str("file:///b.vnea").unwrap();
        let c = Uri::from_str("file:///c.vnea").unwrap();
        let before = FileDiagnostics::from([
            (a.clone(), (Some(1), vec![diagnostic("x")])),
            (b.clone(), (None, vec![diagnostic("y")])),
            (c.clone(), (None, vec![])),
        ]);
        let after = FileDiagnostics::from([
            // A new version with the same diagnostics is published again.
            (a.clone(), (Some(2), vec![diagnostic("x")])),
            // Still without diagnostics: nothing to say.
            (c.clone(), (Some(4), vec![])),
        ]);
        let sent = changes(&before, &after);
        let summary: Vec<(&str, Option<i32>, usize)> = sent
            .iter()
            .map(|p| (p.uri.as_str(), p.version, p.diagnostics.len()))
            .collect();
        // b is gone: cleared.
        assert_eq!(
            summary,
            [("file:///a.vnea", Some(2), 1), ("file:///b.vnea", None, 0)]
        );
        assert!(changes(&after, &after).is_empty());
    }
}
