//! The boundary of the analyzer: one [`AnalysisHost`] owns the database and applies changes;
//! [`Analysis`] snapshots answer queries, on any thread, and report cancellation instead of
//! unwinding into the caller.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;

use salsa::{Durability, Setter};

use crate::checks::file_diagnostics;
use crate::config::Config;
use crate::db::{Db, ExecutionLog, RootDatabase, SourceFile, Workspace};
use crate::diagnostics::Diagnostic;

pub use salsa::Cancelled;

/// A file of a user pack: its path as shown in diagnostics, and its text.
pub type PackText = (String, String);

/// Owns the analyzer's database. Changes go through it; each change cancels the snapshots
/// taken before it.
pub struct AnalysisHost {
    db: RootDatabase,
    /// The workspace's own files, by path.
    files: BTreeMap<String, SourceFile>,
}

impl AnalysisHost {
    /// A host for a workspace with `config` and the user packs `user_packs` (loaded after the
    /// built-in pack of the configured framework version).
    pub fn new(config: Config, user_packs: Vec<PackText>) -> Self {
        Self::build(config, user_packs, None)
    }

    /// A host that logs every query it executes: for tests of incrementality and profiling.
    pub fn with_log(config: Config, user_packs: Vec<PackText>) -> (Self, ExecutionLog) {
        let log = ExecutionLog::default();
        (Self::build(config, user_packs, Some(log.clone())), log)
    }

    fn build(config: Config, user_packs: Vec<PackText>, log: Option<ExecutionLog>) -> Self {
        let mut db = RootDatabase::new(log);
        let pack_file = |db: &RootDatabase, path: String, text: String| {
            SourceFile::builder(path, text, true)
                .durability(Durability::HIGH)
                .new(db)
        };
        let builtin = |db: &RootDatabase, framework| -> Vec<SourceFile> {
            vnea_packs::builtin(framework)
                .into_iter()
                .map(|f| pack_file(db, f.path, f.text.into_owned()))
                .collect()
        };
        let mut packs = builtin(&db, config.framework);
        packs.extend(
            user_packs
                .into_iter()
                .map(|(path, text)| pack_file(&db, path, text)),
        );
        let other_packs = builtin(&db, config.framework.other());
        let workspace = Workspace::builder(Vec::new(), packs, other_packs, config)
            .packs_durability(Durability::HIGH)
            .other_packs_durability(Durability::HIGH)
            .new(&db);
        db.set_workspace(workspace);
        AnalysisHost {
            db,
            files: BTreeMap::new(),
        }
    }

    /// Sets the text of the workspace file at `path`, adding the file if it is new.
    pub fn set_file(&mut self, path: &str, text: String) {
        match self.files.get(path) {
            Some(&file) => {
                if file.text(&self.db) != &text {
                    file.set_text(&mut self.db).to(text);
                }
            }
            None => {
                let file = SourceFile::new(&self.db, path.to_owned(), text, false);
                self.files.insert(path.to_owned(), file);
                self.sync_files();
            }
        }
    }

    /// Removes the workspace file at `path`, if present.
    pub fn remove_file(&mut self, path: &str) {
        if self.files.remove(path).is_some() {
            self.sync_files();
        }
    }

    /// Replaces the workspace configuration. The framework pack stays the one the host was
    /// created with: a change of framework version needs a new host.
    pub fn set_config(&mut self, config: Config) {
        let workspace = self.db.workspace();
        if workspace.config(&self.db) != &config {
            workspace.set_config(&mut self.db).to(config);
        }
    }

    fn sync_files(&mut self) {
        let files: Vec<SourceFile> = self.files.values().copied().collect();
        self.db.workspace().set_files(&mut self.db).to(files);
    }

    /// The workspace file at `path`.
    pub fn file(&self, path: &str) -> Option<SourceFile> {
        self.files.get(path).copied()
    }

    /// Every workspace file, by path.
    pub fn files(&self) -> impl Iterator<Item = (&str, SourceFile)> {
        self.files.iter().map(|(path, &file)| (path.as_str(), file))
    }

    /// A snapshot to query; it is cancelled by the next change.
    pub fn analysis(&self) -> Analysis {
        Analysis {
            db: self.db.clone(),
        }
    }
}

/// An immutable snapshot of the analysis. Every query returns `Err(Cancelled)` when a change
/// to the host has overtaken it.
pub struct Analysis {
    db: RootDatabase,
}

impl Analysis {
    /// Runs `f` on the snapshot's database: the door for IDE features, which are queries of
    /// their own over the analyzer's.
    pub fn with_db<T>(&self, f: impl FnOnce(&dyn Db) -> T) -> Result<T, Cancelled> {
        Cancelled::catch(AssertUnwindSafe(|| f(&self.db)))
    }

    /// The diagnostics of `file`.
    pub fn diagnostics(&self, file: SourceFile) -> Result<Vec<Diagnostic>, Cancelled> {
        self.with_db(|db| file_diagnostics(db, file).clone())
    }

    /// The diagnostics of every workspace file, by path.
    pub fn all_diagnostics(&self) -> Result<Vec<(String, Vec<Diagnostic>)>, Cancelled> {
        self.with_db(|db| {
            let ws = db.workspace();
            ws.files(db)
                .iter()
                .map(|&file| (file.path(db).clone(), file_diagnostics(db, file).clone()))
                .collect()
        })
    }

    /// The diagnostics of the pack files in scope: problems of user packs (and, as a check of
    /// the tool itself, of the built-in pack).
    pub fn pack_diagnostics(&self) -> Result<Vec<(String, Vec<Diagnostic>)>, Cancelled> {
        self.with_db(|db| {
            let ws = db.workspace();
            ws.packs(db)
                .iter()
                .map(|&file| (file.path(db).clone(), file_diagnostics(db, file).clone()))
                .filter(|(_, d)| !d.is_empty())
                .collect()
        })
    }
}
