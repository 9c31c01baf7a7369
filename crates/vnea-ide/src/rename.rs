//! Rename: a declaration of the workspace and every reference to it.

use vnea_analysis::hir::item_tree;
use vnea_analysis::resolve::{DeclId, members, workspace_scope};
use vnea_analysis::{Db, Lang, SourceFile};
use vnea_syntax::names::normalize;
use vnea_syntax::{Span, TokenKind, lex};

use crate::names::name_at;
use crate::navigation::find_all;
use crate::{Edit, FileEdits};
use vnea_analysis::Msg;

/// Why a rename cannot be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// No name at the offset: whitespace, a string, a kind, a property name, …
    NoName,
    /// The reference at the offset names no declaration.
    Unresolved {
        /// The name as written.
        name: String,
    },
    /// The declaration belongs to a framework pack: framework names cannot be renamed.
    FrameworkName {
        /// The name as written.
        name: String,
    },
    /// The new name is not an identifier (specification §2).
    InvalidName {
        /// The new name.
        name: String,
    },
    /// The declaration's scope already declares the new name.
    Conflict {
        /// The new name.
        name: String,
    },
}

impl RenameError {
    /// Why, in `lang`, for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RenameError::NoName => Msg::RenameNothing.text(lang),
            RenameError::Unresolved { name } => {
                Msg::RenameUnresolved.render(lang, &[("name", name)])
            }
            RenameError::FrameworkName { name } => {
                Msg::RenameFramework.render(lang, &[("name", name)])
            }
            RenameError::InvalidName { name } => Msg::RenameInvalid.render(lang, &[("name", name)]),
            RenameError::Conflict { name } => Msg::RenameConflict.render(lang, &[("name", name)]),
        }
    }
}

/// The declaration named at `offset` of `file`, if the workspace declares it.
fn renameable(db: &dyn Db, file: SourceFile, offset: usize) -> Result<(Span, DeclId), RenameError> {
    let name = name_at(db, file, offset).ok_or(RenameError::NoName)?;
    let written = || file.text(db)[name.span.range()].to_owned();
    let target = name
        .target(db, file)
        .ok_or_else(|| RenameError::Unresolved { name: written() })?;
    if target.file.in_pack(db) {
        return Err(RenameError::FrameworkName { name: written() });
    }
    Ok((name.span, target))
}

/// The identifier at `offset` of `file` that a rename would replace, if the name there can be
/// renamed: it must name a declaration of the workspace, not of a framework pack.
pub fn prepare_rename(db: &dyn Db, file: SourceFile, offset: usize) -> Result<Span, RenameError> {
    renameable(db, file, offset).map(|(span, _)| span)
}

/// Whether `text` is one identifier (specification §2; `true` and `false` are reserved).
fn is_identifier(text: &str) -> bool {
    matches!(lex(text).tokens.as_slice(), [token] if token.kind == TokenKind::Ident)
}

/// The edits that rename the declaration named at `offset` of `file` to `new_name`: its name
/// and every reference to it in the workspace's files, by file in workspace order. Refuses
/// framework names, a `new_name` that is not an identifier, and a `new_name` that the
/// declaration's scope already declares.
pub fn rename(
    db: &dyn Db,
    file: SourceFile,
    offset: usize,
    new_name: &str,
) -> Result<Vec<FileEdits>, RenameError> {
    let (_, target) = renameable(db, file, offset)?;
    if !is_identifier(new_name) {
        return Err(RenameError::InvalidName {
            name: new_name.to_owned(),
        });
    }
    let new = normalize(new_name);
    let tree = item_tree(db, target.file);
    let decl = &tree.decls[target.index as usize];
    if decl.name != *new {
        let taken = match decl.parent {
            None => workspace_scope(db).all(&new).iter().any(|&d| d != target),
            Some(parent) => members(
                db,
                DeclId {
                    file: target.file,
                    index: parent,
                },
            )
            .iter()
            .any(|(name, d)| *name == *new && *d != target),
        };
        if taken {
            return Err(RenameError::Conflict {
                name: new_name.to_owned(),
            });
        }
    }
    let mut out: Vec<FileEdits> = Vec::new();
    for (f, span, _) in find_all(db, target) {
        let edit = Edit {
            span,
            text: new_name.to_owned(),
        };
        match out.last_mut() {
            Some((last, edits)) if *last == f => edits.push(edit),
            _ => out.push((f, vec![edit])),
        }
    }
    Ok(out)
}
