//! The salsa database: its inputs and the trait every query takes.

use std::sync::{Arc, Mutex};

use crate::config::Config;

/// A source file of the workspace or of a pack: its path (as shown to users) and its text.
#[salsa::input(debug)]
pub struct SourceFile {
    /// The path, as diagnostics name the file.
    #[returns(ref)]
    pub path: String,
    /// The text.
    #[returns(ref)]
    pub text: String,
    /// Whether the file belongs to a framework pack (packs may use the pack-only kinds).
    #[returns(copy)]
    pub in_pack: bool,
}

/// The workspace: its files, the framework pack in scope, the other version's pack (for the
/// "exists in framework 3.0" hint) and the configuration. One database holds one workspace.
#[salsa::input(debug)]
pub struct Workspace {
    /// The `.vnea` files of the workspace, sorted by path.
    #[returns(ref)]
    pub files: Vec<SourceFile>,
    /// The files of the built-in pack of the configured framework version, then of user packs.
    #[returns(ref)]
    pub packs: Vec<SourceFile>,
    /// The files of the built-in pack of the other framework version.
    #[returns(ref)]
    pub other_packs: Vec<SourceFile>,
    /// The settings of `vnea.toml`.
    #[returns(ref)]
    pub config: Config,
}

/// What every query of the analyzer needs from the database.
#[salsa::db]
pub trait Db: salsa::Database {
    /// The workspace this database analyzes.
    fn workspace(&self) -> Workspace;
}

/// The queries that ran, by name, and the salsa id of their key: what tests of
/// incrementality inspect.
#[derive(Debug, Clone, Default)]
pub struct ExecutionLog(Arc<Mutex<Vec<(String, salsa::Id)>>>);

impl ExecutionLog {
    /// Takes the entries logged since the last call.
    pub fn take(&self) -> Vec<(String, salsa::Id)> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The database behind [`crate::AnalysisHost`].
#[salsa::db]
#[derive(Clone)]
pub struct RootDatabase {
    storage: salsa::Storage<Self>,
    workspace: Option<Workspace>,
}

impl RootDatabase {
    /// A database that logs every query execution into `log`, if given.
    pub(crate) fn new(log: Option<ExecutionLog>) -> Self {
        let storage = match log {
            None => salsa::Storage::default(),
            Some(log) => salsa::Storage::new(Some(Box::new(move |event: salsa::Event| {
                if let salsa::EventKind::WillExecute { database_key } = event.kind {
                    let name = format!("{database_key:?}");
                    let name = name.split('(').next().unwrap_or_default().to_owned();
                    log.0
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((name, database_key.key_index()));
                }
            }))),
        };
        RootDatabase {
            storage,
            workspace: None,
        }
    }

    /// Creates the workspace input; called once, right after [`RootDatabase::new`].
    pub(crate) fn set_workspace(&mut self, workspace: Workspace) {
        self.workspace = Some(workspace);
    }
}

#[salsa::db]
impl salsa::Database for RootDatabase {}

#[salsa::db]
impl Db for RootDatabase {
    fn workspace(&self) -> Workspace {
        self.workspace
            .expect("the host creates the workspace with the database")
    }
}
