//! Go to definition, find references and document highlight.

use vnea_analysis::hir::item_tree;
use vnea_analysis::resolve::DeclId;
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::{Span, ast};

use crate::names::{Role, name_at, name_of, name_span, names, path_of, syntax, title_of};

/// A declaration to navigate to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavigationTarget {
    /// The file it is in: a workspace file or a pack file (`builtin/2.0/arm.vnea`).
    pub file: SourceFile,
    /// The whole declaration, from its kind to the end of its title or block.
    pub full_range: Span,
    /// Its name (the last segment of the path, for `extend`).
    pub focus_range: Span,
    /// Its name, in NFC.
    pub name: String,
    /// Its kind as written: `application`, `category`, …
    pub kind: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// The path of the declaration holding it (`ARM` for `ARM.dung_chung`), if any.
    pub container_name: Option<String>,
}

impl NavigationTarget {
    /// The target for declaration `decl`.
    pub(crate) fn of(db: &dyn Db, decl: DeclId) -> Option<NavigationTarget> {
        Some(Self::with_syntax(db, decl, syntax(db, decl)?))
    }

    /// The target for declaration `decl`, whose syntax is `d`.
    pub(crate) fn with_syntax(db: &dyn Db, decl: DeclId, d: &ast::Declaration) -> NavigationTarget {
        let mut path = path_of(db, decl);
        path.pop();
        NavigationTarget {
            file: decl.file,
            full_range: d.span,
            focus_range: name_span(d),
            name: name_of(db, decl).to_string(),
            kind: item_tree(db, decl.file).decls[decl.index as usize]
                .kind
                .to_string(),
            title: title_of(db, decl).map(ToString::to_string),
            container_name: (!path.is_empty()).then(|| path.join(".")),
        }
    }
}

/// The declaration named at `offset` of `file`: by a segment of a reference path (each
/// segment navigates to what it names: in `ARM.dung_chung`, `ARM` to the reference model and
/// `dung_chung` to the category), or by a declaration's own name (the declaration itself).
/// Works into pack files.
pub fn goto_definition(db: &dyn Db, file: SourceFile, offset: usize) -> Option<NavigationTarget> {
    let target = name_at(db, file, offset)?.target(db, file)?;
    NavigationTarget::of(db, target)
}

/// The places of `file` that name `target`, in source order, each with whether it is the
/// declaration itself.
fn occurrences(db: &dyn Db, file: SourceFile, target: DeclId) -> Vec<(Span, bool)> {
    let name = name_of(db, target);
    names(db, file)
        .into_iter()
        .filter(|n| n.text == *name && n.target(db, file) == Some(target))
        .map(|n| (n.span, matches!(n.role, Role::Declaration(_))))
        .collect()
}

/// Every place that names `target`: its own name first when it is in a pack file, then the
/// places in the workspace's files, in file order then source order; each with whether it is
/// the declaration itself.
pub(crate) fn find_all(db: &dyn Db, target: DeclId) -> Vec<(SourceFile, Span, bool)> {
    let mut out = Vec::new();
    if target.file.in_pack(db)
        && let Some(d) = syntax(db, target)
    {
        out.push((target.file, name_span(d), true));
    }
    for &f in db.workspace().files(db) {
        for (span, is_declaration) in occurrences(db, f, target) {
            out.push((f, span, is_declaration));
        }
    }
    out
}

/// Every reference, in the workspace's own files, to the declaration named at `offset` of
/// `file`, in file order then source order; with `include_declaration`, its name too
/// (first, when it is in a pack file). Empty when the offset names nothing.
pub fn references(
    db: &dyn Db,
    file: SourceFile,
    offset: usize,
    include_declaration: bool,
) -> Vec<(SourceFile, Span)> {
    let Some(target) = name_at(db, file, offset).and_then(|n| n.target(db, file)) else {
        return Vec::new();
    };
    find_all(db, target)
        .into_iter()
        .filter(|&(_, _, is_declaration)| include_declaration || !is_declaration)
        .map(|(f, span, _)| (f, span))
        .collect()
}

/// How a highlighted name uses the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A reference to it.
    Read,
    /// The declaration itself.
    Write,
}

/// A name highlighted by [`document_highlight`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HighlightedRange {
    /// The identifier.
    pub span: Span,
    /// Reference or declaration.
    pub access: Access,
}

/// The names in `file` of the declaration named at `offset`: its references (read) and its
/// declaration (write), in source order.
pub fn document_highlight(db: &dyn Db, file: SourceFile, offset: usize) -> Vec<HighlightedRange> {
    let Some(target) = name_at(db, file, offset).and_then(|n| n.target(db, file)) else {
        return Vec::new();
    };
    occurrences(db, file, target)
        .into_iter()
        .map(|(span, is_declaration)| HighlightedRange {
            span,
            access: if is_declaration {
                Access::Write
            } else {
                Access::Read
            },
        })
        .collect()
}
