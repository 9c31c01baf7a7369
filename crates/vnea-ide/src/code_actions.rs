//! Code actions: the fixes the analyzer's diagnostics carry.

use vnea_analysis::file_diagnostics;
use vnea_analysis::{Db, Diagnostic, SourceFile};
use vnea_syntax::Span;

use crate::Edit;

/// A quick fix of a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    /// What it does, in the workspace's language.
    pub title: String,
    /// The diagnostic it fixes (its rule is the code to show).
    pub diagnostic: Diagnostic,
    /// The edits to the file, which do not overlap.
    pub edits: Vec<Edit>,
}

/// The fixes of the diagnostics of `file` whose range meets `range` (touching counts, so a
/// cursor at either end of a diagnostic gets its fixes), in the order of the diagnostics.
pub fn code_actions(db: &dyn Db, file: SourceFile, range: Span) -> Vec<CodeAction> {
    file_diagnostics(db, file)
        .iter()
        .filter(|d| d.span.start <= range.end && range.start <= d.span.end)
        .flat_map(|d| {
            d.fixes.iter().map(move |fix| CodeAction {
                title: fix.title.clone(),
                diagnostic: d.clone(),
                edits: fix
                    .edits
                    .iter()
                    .map(|e| Edit {
                        span: e.span,
                        text: e.replacement.clone(),
                    })
                    .collect(),
            })
        })
        .collect()
}
