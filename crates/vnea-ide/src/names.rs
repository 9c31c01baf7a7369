//! What the features share: the names written in a file (declaration names and the segments of
//! paths that refer), what each names, facts about a declaration read from its syntax, and
//! matching of typed text that ignores Vietnamese diacritics.

use std::collections::HashMap;

use smol_str::SmolStr;
use vnea_analysis::hir::{self, declarations, item_tree, titles, walk};
use vnea_analysis::resolve::{DeclId, Resolution, resolve_path};
use vnea_analysis::schema::KindSchema;
use vnea_analysis::{Db, Lang, SourceFile};
use vnea_syntax::ast::{self, Item, Value};
use vnea_syntax::names::fold_diacritics;
use vnea_syntax::{Span, ast::Path};

/// An identifier of a file that names a declaration, or should.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    /// The identifier.
    pub span: Span,
    /// Its NFC form.
    pub text: SmolStr,
    /// What it is.
    pub role: Role,
}

/// What a [`Name`] is.
#[derive(Debug, Clone)]
pub(crate) enum Role {
    /// The name of declaration `0` of the file.
    Declaration(u32),
    /// A segment of a path that refers to a declaration.
    Reference(Reference),
}

/// A segment of a referring path, with what resolving it needs.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    /// The declaration in whose scope the path is written.
    pub scope: Option<u32>,
    /// The path's segments up to and including this one, in NFC.
    pub prefix: Vec<SmolStr>,
}

impl Name {
    /// The declaration the name names, if any.
    pub fn target(&self, db: &dyn Db, file: SourceFile) -> Option<DeclId> {
        match &self.role {
            Role::Declaration(index) => Some(DeclId {
                file,
                index: *index,
            }),
            Role::Reference(r) => match resolve_path(db, file, r.scope, &r.prefix) {
                Resolution::Resolved(decl) => Some(decl),
                Resolution::Unresolved { .. } => None,
            },
        }
    }
}

fn push_path(out: &mut Vec<Name>, path: &Path, scope: Option<u32>) {
    let mut prefix = Vec::with_capacity(path.segments.len());
    for (i, segment) in path.segments.iter().enumerate() {
        prefix.push(SmolStr::new(segment.name()));
        out.push(Name {
            span: segment.span,
            text: prefix[i].clone(),
            role: Role::Reference(Reference {
                scope,
                prefix: prefix.clone(),
            }),
        });
    }
}

/// Every name of `file` in source order: declaration names, the segments of the paths that
/// refer (property values, relation ends) and of the paths `extend` names.
pub(crate) fn names(db: &dyn Db, file: SourceFile) -> Vec<Name> {
    let parse = hir::parse(db, file);
    let tree = item_tree(db, file);
    let mut out = Vec::new();
    for walked in walk(&parse.file) {
        let (Item::Declaration(d), Some(index)) = (walked.item, walked.decl) else {
            continue;
        };
        if tree.decls[index as usize].extends.is_empty() {
            if let Some(segment) = d.name.segments.last() {
                out.push(Name {
                    span: segment.span,
                    text: SmolStr::new(segment.name()),
                    role: Role::Declaration(index),
                });
            }
        } else {
            push_path(&mut out, &d.name, walked.container.scope());
        }
    }
    for site in hir::sites(&parse.file, tree, file.in_pack(db)) {
        push_path(&mut out, site.path, site.site.scope);
    }
    out.sort_by_key(|n| n.span.start);
    out
}

/// The name of `file` at `offset`: the identifier the offset is in, or that ends at it.
pub(crate) fn name_at(db: &dyn Db, file: SourceFile, offset: usize) -> Option<Name> {
    let names = names(db, file);
    let inside = names
        .iter()
        .find(|n| n.span.start <= offset && offset < n.span.end);
    inside
        .or_else(|| names.iter().find(|n| n.span.end == offset))
        .cloned()
}

/// The syntax of declaration `decl`.
pub(crate) fn syntax(db: &dyn Db, decl: DeclId) -> Option<&ast::Declaration> {
    declarations(&hir::parse(db, decl.file).file)
        .get(decl.index as usize)
        .copied()
}

/// The span of the identifier that names `decl` (the last segment, for `extend`).
pub(crate) fn name_span(d: &ast::Declaration) -> Span {
    d.name.segments.last().map_or(d.name.span, |s| s.span)
}

/// The name of `decl` (NFC).
pub(crate) fn name_of(db: &dyn Db, decl: DeclId) -> &SmolStr {
    &item_tree(db, decl.file).decls[decl.index as usize].name
}

/// The title of `decl`, if it has one.
pub(crate) fn title_of(db: &dyn Db, decl: DeclId) -> Option<&SmolStr> {
    titles(db, decl.file)
        .get(decl.index as usize)
        .and_then(Option::as_ref)
}

/// The path that names `decl` from the top level: `ARM.dung_chung`, `national.dan_cu`.
pub(crate) fn path_of(db: &dyn Db, decl: DeclId) -> Vec<SmolStr> {
    let tree = item_tree(db, decl.file);
    let mut names = Vec::new();
    let mut current = Some(decl.index);
    while let Some(index) = current {
        let d = &tree.decls[index as usize];
        if !d.extends.is_empty() {
            names.extend(d.extends.iter().rev().cloned());
            break;
        }
        names.push(d.name.clone());
        current = d.parent;
    }
    names.reverse();
    names
}

/// [`path_of`] joined by dots.
pub(crate) fn path_text(db: &dyn Db, decl: DeclId) -> String {
    path_of(db, decl).join(".")
}

/// What a declaration states that features show: the properties of pack nodes and the
/// description, read from its syntax.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    /// `code`: the official code.
    pub code: Option<String>,
    /// `status`: `issued`, `draft`, `derived` (pack nodes) or an element's status.
    pub status: Option<String>,
    /// `source`: where the fact comes from.
    pub source: Option<String>,
    /// `description`.
    pub description: Option<String>,
}

impl Facts {
    /// The facts stated in the block of `d`: the first value of each property.
    pub fn of(d: &ast::Declaration) -> Facts {
        let mut facts = Facts::default();
        for item in d.block.iter().flat_map(|b| &b.items) {
            let Item::Property(p) = item else { continue };
            let value = match &p.value {
                Value::String(s) => s.value.to_string(),
                Value::Text(t) => t.value.trim().to_owned(),
                Value::Path(path) => vnea_syntax::dump::path_text(path),
                _ => continue,
            };
            let slot = match p.name.text.as_str() {
                "code" => &mut facts.code,
                "status" => &mut facts.status,
                "source" => &mut facts.source,
                "description" => &mut facts.description,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        facts
    }
}

/// The syntax of declarations of many files, each file's list computed once.
#[derive(Default)]
pub(crate) struct SyntaxCache<'db> {
    files: HashMap<SourceFile, Vec<&'db ast::Declaration>>,
}

impl<'db> SyntaxCache<'db> {
    /// The syntax of `decl`.
    pub fn get(&mut self, db: &'db dyn Db, decl: DeclId) -> Option<&'db ast::Declaration> {
        self.files
            .entry(decl.file)
            .or_insert_with(|| declarations(&hir::parse(db, decl.file).file))
            .get(decl.index as usize)
            .copied()
    }
}

/// Typed text, folded for matching against names and titles without diacritics: `dan cu`,
/// `dan_cu` and `dân_cư` are the same query.
pub(crate) struct Query {
    /// The folded words of the query.
    words: Vec<String>,
    /// The folded query with its words joined by `_`, to rank names that start with it.
    joined: String,
}

/// How well a candidate matches a [`Query`]; lower is better.
pub(crate) type Rank = u8;

impl Query {
    /// The query `text`.
    pub fn new(text: &str) -> Query {
        let folded = fold_diacritics(text);
        let words: Vec<String> = folded
            .split(|c: char| c.is_whitespace() || c == '_' || c == '.')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let joined = words.join("_");
        Query { words, joined }
    }

    /// Whether the query is empty (matches everything).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How `name` (and its `title`, if any) match the query, ignoring diacritics and case:
    /// 0 when the name, or its last segment, starts with the query; 1 when the name holds every word of it; 2 when
    /// each word starts a word of the name or title; 3 when the name and title hold each word;
    /// 4 when they hold its letters in order, as clients match; `None` otherwise.
    pub fn rank(&self, name: &str, title: Option<&str>) -> Option<Rank> {
        if self.is_empty() {
            return Some(0);
        }
        let folded = fold_diacritics(name);
        let last = folded.rsplit('.').next().unwrap_or_default();
        let name = folded.replace(['.', ' '], "_");
        if name.starts_with(&self.joined) || last.starts_with(&self.joined) {
            return Some(0);
        }
        if self.words.iter().all(|w| name.contains(w.as_str())) {
            return Some(1);
        }
        let haystack = format!("{name} {}", title.map(fold_diacritics).unwrap_or_default());
        let words: Vec<&str> = haystack
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if self
            .words
            .iter()
            .all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
        {
            return Some(2);
        }
        if self.words.iter().all(|w| haystack.contains(w.as_str())) {
            return Some(3);
        }
        let mut letters = haystack.chars();
        self.words
            .iter()
            .flat_map(|w| w.chars())
            .all(|c| letters.any(|h| h == c))
            .then_some(4)
    }
}

/// The worst [`Query::rank`] that still holds every word of the query.
pub(crate) const WORDS_MATCH: Rank = 3;

/// The text clients match typed text against: the folded name, the name as written when it
/// differs, and the folded title, so that `dan cu` finds `dân_cư` and the element titled
/// "CSDL dân cư".
pub(crate) fn filter_text(name: &str, title: Option<&str>) -> String {
    let mut out = fold_diacritics(name);
    if out != name {
        out.push(' ');
        out.push_str(name);
    }
    if let Some(title) = title {
        out.push(' ');
        out.push_str(&fold_diacritics(title));
    }
    out
}

/// The framework's term for `kind` in `lang`: `ứng dụng`, `application`.
pub(crate) fn term(kind: &KindSchema, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => kind.term_vi,
        Lang::En => kind.term_en,
    }
}
