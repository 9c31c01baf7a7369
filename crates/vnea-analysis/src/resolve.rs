//! Scopes and name resolution (specification §4).

use std::collections::HashMap;

use smol_str::SmolStr;

use crate::db::{Db, SourceFile};
use crate::hir::{RefSite, item_tree, references};
use crate::schema;

/// A declaration anywhere in the workspace or its packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeclId {
    /// The file it is in.
    pub file: SourceFile,
    /// Its index in the file's item tree.
    pub index: u32,
}

impl Ord for DeclId {
    /// Source order: files in the order the host created them (sorted by path), then
    /// declarations in pre-order.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use salsa::plumbing::AsId;
        (self.file.as_id(), self.index).cmp(&(other.file.as_id(), other.index))
    }
}

impl PartialOrd for DeclId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Top-level names: each name with its declarations, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    names: HashMap<SmolStr, Vec<DeclId>>,
}

impl Scope {
    fn of(db: &dyn Db, files: &[SourceFile]) -> Scope {
        let mut scope = Scope::default();
        for &file in files {
            for (name, index) in item_tree(db, file).member_names(None) {
                scope
                    .names
                    .entry(name.clone())
                    .or_default()
                    .push(DeclId { file, index });
            }
        }
        scope
    }

    /// The first declaration called `name`.
    pub fn get(&self, name: &str) -> Option<DeclId> {
        self.names.get(name).and_then(|d| d.first().copied())
    }

    /// Every declaration called `name`.
    pub fn all(&self, name: &str) -> &[DeclId] {
        self.names.get(name).map_or(&[], Vec::as_slice)
    }

    /// Every name with its declarations.
    pub fn iter(&self) -> impl Iterator<Item = (&SmolStr, &Vec<DeclId>)> {
        self.names.iter()
    }
}

/// The top-level names of the workspace's own files.
#[salsa::tracked(returns(ref))]
pub fn workspace_scope(db: &dyn Db) -> Scope {
    Scope::of(db, db.workspace().files(db))
}

/// The prelude: the top-level names of the packs in scope.
#[salsa::tracked(returns(ref))]
pub fn prelude(db: &dyn Db) -> Scope {
    Scope::of(db, db.workspace().packs(db))
}

/// The top-level names of the other framework version's pack.
#[salsa::tracked(returns(ref))]
pub fn other_prelude(db: &dyn Db) -> Scope {
    Scope::of(db, db.workspace().other_packs(db))
}

/// For each declaration that `extend` declarations add members to, those declarations.
#[salsa::tracked(returns(ref))]
pub fn extensions(db: &dyn Db) -> HashMap<DeclId, Vec<DeclId>> {
    let ws = db.workspace();
    let mut out: HashMap<DeclId, Vec<DeclId>> = HashMap::new();
    for &file in ws.packs(db).iter().chain(ws.files(db)) {
        for (index, decl) in item_tree(db, file).decls.iter().enumerate() {
            if decl.extends.is_empty() || decl.parent.is_some() {
                continue;
            }
            let first = &decl.extends[0];
            let mut target = workspace_scope(db)
                .get(first)
                .or_else(|| prelude(db).get(first));
            for segment in &decl.extends[1..] {
                target = target.and_then(|t| direct_member(db, t, segment));
            }
            if let Some(target) = target {
                out.entry(target).or_default().push(DeclId {
                    file,
                    index: index as u32,
                });
            }
        }
    }
    out
}

fn direct_member(db: &dyn Db, decl: DeclId, name: &str) -> Option<DeclId> {
    item_tree(db, decl.file)
        .member(Some(decl.index), name)
        .map(|index| DeclId {
            file: decl.file,
            index,
        })
}

/// The member `name` of `decl`: declared in its block or in an `extend` of it.
pub fn member(db: &dyn Db, decl: DeclId, name: &str) -> Option<DeclId> {
    direct_member(db, decl, name).or_else(|| {
        extensions(db)
            .get(&decl)?
            .iter()
            .find_map(|&ext| direct_member(db, ext, name))
    })
}

/// Every member of `decl` with its name: for suggestions.
pub fn members(db: &dyn Db, decl: DeclId) -> Vec<(SmolStr, DeclId)> {
    let mut out = Vec::new();
    let mut add = |owner: DeclId| {
        for (name, index) in item_tree(db, owner.file).member_names(Some(owner.index)) {
            out.push((
                name.clone(),
                DeclId {
                    file: owner.file,
                    index,
                },
            ));
        }
    };
    add(decl);
    for &ext in extensions(db).get(&decl).map_or(&[][..], Vec::as_slice) {
        add(ext);
    }
    out
}

/// The outcome of resolving one reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The path names this declaration.
    Resolved(DeclId),
    /// Segment `segment` of the path names nothing; `parent` is what the segments before it
    /// named (`None` for the first segment).
    Unresolved {
        /// The index of the first segment that fails.
        segment: usize,
        /// What the previous segments named.
        parent: Option<DeclId>,
    },
}

/// Resolves a path written in `scope` of `file`: the scope and each enclosing one outward, then
/// the workspace, then the prelude; each further segment among the members of the previous.
pub fn resolve_path(
    db: &dyn Db,
    file: SourceFile,
    scope: Option<u32>,
    segments: &[SmolStr],
) -> Resolution {
    let Some(first) = segments.first() else {
        return Resolution::Unresolved {
            segment: 0,
            parent: None,
        };
    };
    let tree = item_tree(db, file);
    let mut current = scope;
    let mut found = None;
    while let Some(index) = current {
        if let Some(decl) = member(db, DeclId { file, index }, first) {
            found = Some(decl);
            break;
        }
        current = tree.decls[index as usize].parent;
    }
    let found = found
        .or_else(|| {
            (!file.in_pack(db))
                .then(|| workspace_scope(db).get(first))
                .flatten()
        })
        .or_else(|| prelude(db).get(first));
    let Some(mut target) = found else {
        return Resolution::Unresolved {
            segment: 0,
            parent: None,
        };
    };
    for (i, segment) in segments.iter().enumerate().skip(1) {
        match member(db, target, segment) {
            Some(next) => target = next,
            None => {
                return Resolution::Unresolved {
                    segment: i,
                    parent: Some(target),
                };
            }
        }
    }
    Resolution::Resolved(target)
}

/// Resolves `segments` among the top-level names of a pack and their members.
pub fn resolve_in_pack(db: &dyn Db, pack: &Scope, segments: &[SmolStr]) -> Option<DeclId> {
    let mut target = pack.get(segments.first()?)?;
    for segment in &segments[1..] {
        target = direct_member(db, target, segment)?;
    }
    Some(target)
}

/// Resolves `segments` in the other framework version's pack, for the "exists in" hint.
pub fn resolve_in_other_pack(db: &dyn Db, segments: &[SmolStr]) -> Option<DeclId> {
    resolve_in_pack(db, other_prelude(db), segments)
}

/// The resolution of every reference of `file`, in the order of [`references`].
#[salsa::tracked(returns(ref))]
pub fn resolve_file(db: &dyn Db, file: SourceFile) -> Vec<Resolution> {
    references(db, file)
        .iter()
        .map(|site: &RefSite| resolve_path(db, file, site.scope, &site.segments))
        .collect()
}

/// The kind of `decl`.
pub fn kind_of(db: &dyn Db, decl: DeclId) -> &SmolStr {
    &item_tree(db, decl.file).decls[decl.index as usize].kind
}

/// Whether `decl` is a node of reference model `model`: a `category` under the top-level
/// `refmodel` of that name (directly or through an `extend` of it).
pub fn is_model_node(db: &dyn Db, decl: DeclId, model: &str) -> bool {
    let tree = item_tree(db, decl.file);
    if tree.decls[decl.index as usize].kind != "category" {
        return false;
    }
    let root = &tree.decls[tree.root(decl.index) as usize];
    match root.kind.as_str() {
        "refmodel" => root.name == model,
        schema::EXTEND => root.extends.first().is_some_and(|m| m == model),
        _ => false,
    }
}

/// Whether `decl` is a national component: declared under the pack's `national` namespace.
pub fn is_national(db: &dyn Db, decl: DeclId) -> bool {
    if !decl.file.in_pack(db) {
        return false;
    }
    let tree = item_tree(db, decl.file);
    let root = tree.root(decl.index);
    root != decl.index && tree.decls[root as usize].name == "national"
}

/// The national component `national.<name>`, if the pack has it.
pub fn national(db: &dyn Db, name: &str) -> Option<DeclId> {
    member(db, prelude(db).get("national")?, name)
}
