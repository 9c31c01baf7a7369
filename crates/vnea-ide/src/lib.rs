//! IDE features of vnea over an analysis snapshot: go to definition, hover, references,
//! rename, symbols, folding and selection ranges, semantic tokens, inlay hints, formatting,
//! code actions and completion.
//!
//! Every feature is a function of the analyzer's database (`&dyn Db`), a file and byte
//! offsets, and returns plain data with public fields: no LSP types (only `vnea-lsp` knows
//! them). Callers run features inside [`vnea_analysis::Analysis::with_db`], which turns a
//! change that overtakes the snapshot into `Err(Cancelled)`.
//!
//! ```
//! use vnea_analysis::{AnalysisHost, Config};
//!
//! let mut host = AnalysisHost::new(Config::default(), Vec::new());
//! host.set_file("a.vnea", "application a \"A\" { arm: ARM.dung_chung }\n".to_owned());
//! let file = host.file("a.vnea").unwrap();
//! let offset = "application a \"A\" { arm: ARM.du".len();
//! let target = host
//!     .analysis()
//!     .with_db(|db| vnea_ide::goto_definition(db, file, offset))
//!     .unwrap()
//!     .unwrap();
//! assert_eq!(target.name, "dung_chung");
//! assert_eq!(target.title.as_deref(), Some("Ứng dụng, nền tảng dùng chung"));
//! ```
//!
//! Every user-facing word (hover labels, rename refusals) comes from the message catalog of
//! `vnea_analysis::messages`.
#![warn(missing_docs)]

mod code_actions;
mod completion;
mod folding;
mod formatting;
mod hover;
mod inlay_hints;
mod names;
mod navigation;
mod rename;
mod selection;
mod semantic_tokens;
mod symbols;

use vnea_analysis::SourceFile;
use vnea_syntax::Span;

pub use code_actions::{CodeAction, code_actions};
pub use completion::{CompletionItem, CompletionKind, completions};
pub use folding::{FoldKind, FoldingRange, folding_ranges};
pub use formatting::formatting;
pub use hover::{HoverResult, hover};
pub use inlay_hints::{InlayHint, inlay_hints};
pub use navigation::{
    Access, HighlightedRange, NavigationTarget, document_highlight, goto_definition, references,
};
pub use rename::{RenameError, prepare_rename, rename};
pub use selection::selection_ranges;
pub use semantic_tokens::{Modifiers, SemanticToken, SemanticTokenKind, semantic_tokens};
pub use symbols::{DocumentSymbol, WORKSPACE_SYMBOL_LIMIT, document_symbols, workspace_symbols};

/// One text replacement in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace (empty to insert).
    pub span: Span,
    /// The new text.
    pub text: String,
}

/// The edits of one file, for features that change several files (rename).
pub type FileEdits = (SourceFile, Vec<Edit>);
