//! The analyzer of vnea workspaces: a salsa database over the workspace's files, the
//! framework packs and `vnea.toml`, resolving names and checking the schema and every rule of
//! the specification; plus the message catalog, the rule registry and the configuration.
//!
//! ```
//! use vnea_analysis::{AnalysisHost, Config, Lang, Rule};
//!
//! let config = Config { language: Lang::En, ..Config::default() };
//! let mut host = AnalysisHost::new(config, Vec::new());
//! host.set_file("a.vnea", "application a \"A\" { arm: ARM.dung_chug }\n".to_owned());
//! let diagnostics = &host.analysis().all_diagnostics().unwrap()[0].1;
//! let unresolved = diagnostics.iter().find(|d| d.rule == Rule::UnresolvedReference).unwrap();
//! assert_eq!(unresolved.message, "`ARM` has no member `dung_chug`; did you mean `dung_chung`?");
//! ```

mod checks;
pub mod config;
pub mod db;
pub mod diagnostics;
pub mod encoding;
pub mod hir;
mod host;
pub mod messages;
pub mod resolve;
pub mod rule_docs;
pub mod schema;
mod suggest;
mod syntax;
pub mod workspace_rules;

pub use checks::file_diagnostics;
pub use config::{Config, Framework};
pub use db::{Db, ExecutionLog, SourceFile, Workspace};
pub use diagnostics::{Diagnostic, Edit, Fix, Related, Rule, Severity};
pub use host::{Analysis, AnalysisHost, Cancelled, PackText};
pub use messages::{Lang, Msg};
pub use syntax::syntax_diagnostics;
