//! Diagnostics of vnea workspaces: the message catalog, the rule registry, the workspace
//! configuration, and the checks. This crate will grow into the incremental analyzer; for now
//! its checks are those of the syntax.
//!
//! ```
//! use vnea_analysis::{Lang, Rule, check_file};
//!
//! let diagnostics = check_file("actor a { type: }\n", Lang::En);
//! assert_eq!(diagnostics[0].rule, Rule::SyntaxError);
//! assert_eq!(diagnostics[0].message, "expected value, found `}`");
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

pub use config::{Config, Framework};
pub use db::{ExecutionLog, SourceFile};
pub use diagnostics::{Diagnostic, Edit, Fix, Related, Rule, Severity};
pub use host::{Analysis, AnalysisHost, Cancelled, PackText};
pub use messages::{Lang, Msg};
pub use syntax::syntax_diagnostics;

/// Every diagnostic of one file's `text`, with messages in `lang`. This is the entry point the
/// analyzer will replace; for now the diagnostics are the syntax errors.
pub fn check_file(text: &str, lang: Lang) -> Vec<Diagnostic> {
    let parse = vnea_syntax::parse(text);
    syntax_diagnostics(text, &parse.errors, lang)
}
