//! What the checks know of a file beyond its syntax tree: its declarations (the item tree),
//! the facts its properties state, and the places where it refers to other declarations.
//! Each is a salsa query whose value holds no spans and no titles, so that an edit which
//! changes neither names nor structure leaves it equal and nothing downstream runs again.

use std::collections::HashMap;

use smol_str::SmolStr;
use vnea_syntax::ast::{self, Item, Path, Value};
use vnea_syntax::{Parse, Span};

use crate::db::{Db, SourceFile};
use crate::schema::{self, ValueType};

/// The syntax tree of `file`.
#[salsa::tracked(returns(ref))]
pub fn parse(db: &dyn Db, file: SourceFile) -> Parse {
    vnea_syntax::parse(file.text(db))
}

/// A declaration, as name resolution sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decl {
    /// Its kind as written.
    pub kind: SmolStr,
    /// Its name in NFC; for `extend`, the last segment of the extended path.
    pub name: SmolStr,
    /// For `extend`, the extended path in NFC; otherwise empty.
    pub extends: Vec<SmolStr>,
    /// The declaration whose block holds it, if any.
    pub parent: Option<u32>,
}

/// The declarations of a file in source (pre-)order; a declaration's index is its id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemTree {
    /// Every declaration.
    pub decls: Vec<Decl>,
    /// The first declaration of each name under each parent (`None`: the top level).
    members: HashMap<(Option<u32>, SmolStr), u32>,
}

impl ItemTree {
    /// The declaration called `name` directly under `parent` (`None`: at the top level).
    pub fn member(&self, parent: Option<u32>, name: &str) -> Option<u32> {
        self.members.get(&(parent, SmolStr::new(name))).copied()
    }

    /// The names declared directly under `parent`.
    pub fn member_names(&self, parent: Option<u32>) -> impl Iterator<Item = (&SmolStr, u32)> {
        self.decls
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.parent == parent && d.extends.is_empty())
            .map(|(i, d)| (&d.name, i as u32))
    }

    /// The top-level declaration that holds `index` (itself if top-level).
    pub fn root(&self, mut index: u32) -> u32 {
        while let Some(parent) = self.decls[index as usize].parent {
            index = parent;
        }
        index
    }
}

/// Where an item stands.
#[derive(Debug, Clone, Copy)]
pub enum Container<'a> {
    /// At the top level of the file.
    TopLevel,
    /// In the block of declaration `index`.
    Decl(u32),
    /// In the block of a relation, itself under declaration `owner`, if any.
    Relation(&'a ast::Relation, Option<u32>),
}

impl Container<'_> {
    /// The declaration whose scope the item is in.
    pub fn scope(self) -> Option<u32> {
        match self {
            Container::TopLevel => None,
            Container::Decl(d) => Some(d),
            Container::Relation(_, owner) => owner,
        }
    }
}

/// An item of the file with where it stands and, for declarations, its index.
pub struct Walked<'a> {
    /// The item.
    pub item: &'a Item,
    /// Where it stands.
    pub container: Container<'a>,
    /// Its index, if it is a declaration.
    pub decl: Option<u32>,
}

/// Every item of `file` in pre-order; declarations numbered in that order.
pub fn walk(file: &ast::SourceFile) -> Vec<Walked<'_>> {
    fn go<'a>(
        items: &'a [Item],
        container: Container<'a>,
        next: &mut u32,
        out: &mut Vec<Walked<'a>>,
    ) {
        for item in items {
            match item {
                Item::Declaration(d) => {
                    let index = *next;
                    *next += 1;
                    out.push(Walked {
                        item,
                        container,
                        decl: Some(index),
                    });
                    if let Some(block) = &d.block {
                        go(&block.items, Container::Decl(index), next, out);
                    }
                }
                Item::Relation(r) => {
                    out.push(Walked {
                        item,
                        container,
                        decl: None,
                    });
                    if let Some(block) = &r.block {
                        go(
                            &block.items,
                            Container::Relation(r, container.scope()),
                            next,
                            out,
                        );
                    }
                }
                Item::Property(_) | Item::Error(_) => out.push(Walked {
                    item,
                    container,
                    decl: None,
                }),
            }
        }
    }
    let mut out = Vec::new();
    go(&file.items, Container::TopLevel, &mut 0, &mut out);
    out
}

/// The declarations of `file`, in pre-order: `decls[i]` is declaration `i`.
pub fn declarations(file: &ast::SourceFile) -> Vec<&ast::Declaration> {
    walk(file)
        .into_iter()
        .filter_map(|w| match w.item {
            Item::Declaration(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn path_names(path: &Path) -> Vec<SmolStr> {
    path.segments
        .iter()
        .map(|s| SmolStr::new(s.name()))
        .collect()
}

/// The item tree of `file`.
#[salsa::tracked(returns(ref))]
pub fn item_tree(db: &dyn Db, file: SourceFile) -> ItemTree {
    let parse = parse(db, file);
    let mut tree = ItemTree::default();
    for walked in walk(&parse.file) {
        let Item::Declaration(d) = walked.item else {
            continue;
        };
        let is_extend = &*d.kind.text == schema::EXTEND;
        let names = path_names(&d.name);
        let decl = Decl {
            kind: d.kind.text.clone(),
            name: names.last().cloned().unwrap_or_default(),
            extends: if is_extend { names } else { Vec::new() },
            parent: walked.container.scope(),
        };
        let index = tree.decls.len() as u32;
        if !is_extend {
            tree.members
                .entry((decl.parent, decl.name.clone()))
                .or_insert(index);
        }
        tree.decls.push(decl);
    }
    tree
}

/// The titles of the declarations of `file`, by index. Kept apart from the item tree so that
/// editing a title re-runs no name resolution.
#[salsa::tracked(returns(ref))]
pub fn titles(db: &dyn Db, file: SourceFile) -> Vec<Option<SmolStr>> {
    declarations(&parse(db, file).file)
        .iter()
        .map(|d| d.title.as_ref().map(|t| SmolStr::new(&t.value)))
        .collect()
}

/// What a property states, without the text of strings (which no rule reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// A one-segment path: an enumeration value or a name.
    Word(SmolStr),
    /// A dotted path.
    Path,
    /// A number as written.
    Number(SmolStr),
    /// `start..end` as written.
    Range(SmolStr, SmolStr),
    /// A string or text block.
    Text,
    /// A list of this many elements.
    List(usize),
    /// A boolean.
    Bool,
    /// An error (reported by the parser).
    Error,
}

impl Fact {
    /// The fact stated by `value`.
    pub fn of(value: &Value) -> Fact {
        match value {
            Value::Path(p) if p.segments.len() == 1 => {
                Fact::Word(SmolStr::new(p.segments[0].name()))
            }
            Value::Path(_) => Fact::Path,
            Value::Number(n) => Fact::Number(n.text.clone()),
            Value::Range(r) => Fact::Range(r.start.text.clone(), r.end.text.clone()),
            Value::String(_) | Value::Text(_) => Fact::Text,
            Value::List(l) => Fact::List(l.elements.len()),
            Value::Bool(_) => Fact::Bool,
            Value::Error(_) => Fact::Error,
        }
    }

    /// The whole number stated, if any.
    pub fn integer(&self) -> Option<u32> {
        match self {
            Fact::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The range of years stated, if any.
    pub fn period(&self) -> Option<(u32, u32)> {
        match self {
            Fact::Range(a, b) => Some((a.parse().ok()?, b.parse().ok()?)),
            _ => None,
        }
    }
}

/// The properties of one declaration: the first value of each name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    props: Vec<(SmolStr, Fact)>,
}

impl Facts {
    /// What property `name` states, if written.
    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.props.iter().find(|(n, _)| n == name).map(|(_, f)| f)
    }

    /// Whether property `name` is written.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The one-word value of property `name` (`type: lgsp` gives `lgsp`).
    pub fn word(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Fact::Word(w)) => Some(w),
            _ => None,
        }
    }
}

/// The facts of every declaration of `file`, by index.
#[salsa::tracked(returns(ref))]
pub fn facts(db: &dyn Db, file: SourceFile) -> Vec<Facts> {
    let parse = parse(db, file);
    declarations(&parse.file)
        .iter()
        .map(|d| {
            let mut facts = Facts::default();
            for item in d.block.iter().flat_map(|b| &b.items) {
                if let Item::Property(p) = item
                    && !facts.has(p.name.text.as_str())
                {
                    facts.props.push((p.name.text.clone(), Fact::of(&p.value)));
                }
            }
            facts
        })
        .collect()
}

/// What a reference must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A declaration of one of these kinds (`*`: any element).
    Kinds(&'static [&'static str]),
    /// A node (`category`) of this reference model.
    Model(&'static str),
    /// Anything: a relation's end.
    Anything,
}

/// What a reference is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The value of property `0` of the declaration or relation it stands in.
    Property(SmolStr),
    /// The source of a relation.
    RelationFrom,
    /// The target of a relation.
    RelationTo,
}

/// A place where a file refers to a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefSite {
    /// The declaration in whose scope the path is written.
    pub scope: Option<u32>,
    /// The path's segments, in NFC.
    pub segments: Vec<SmolStr>,
    /// What it must name.
    pub expect: Expect,
    /// What it is for.
    pub role: Role,
    /// The relation it belongs to (its index among the file's relations), if any.
    pub relation: Option<u32>,
}

/// A reference with the syntax it was read from.
pub struct SiteSyntax<'a> {
    /// The reference without its syntax.
    pub site: RefSite,
    /// The path as written.
    pub path: &'a Path,
    /// The property it is the value of, if any.
    pub property: Option<&'a ast::Property>,
}

/// The references of a parsed file, in a fixed order.
pub fn sites<'a>(file: &'a ast::SourceFile, tree: &ItemTree, in_pack: bool) -> Vec<SiteSyntax<'a>> {
    let mut out = Vec::new();
    let mut relations = 0u32;
    let mut relation_index: HashMap<Span, u32> = HashMap::new();
    for walked in walk(file) {
        match walked.item {
            Item::Relation(r) => {
                let index = relations;
                relations += 1;
                relation_index.insert(r.span, index);
                let scope = walked.container.scope();
                for (path, role) in [(&r.from, Role::RelationFrom), (&r.to, Role::RelationTo)] {
                    out.push(SiteSyntax {
                        site: RefSite {
                            scope,
                            segments: path_names(path),
                            expect: Expect::Anything,
                            role,
                            relation: Some(index),
                        },
                        path,
                        property: None,
                    });
                }
            }
            Item::Property(p) => {
                let (schema, relation) = match walked.container {
                    Container::TopLevel => continue,
                    Container::Decl(d) => {
                        let kind = &tree.decls[d as usize].kind;
                        let Some(kind) = schema::kind(kind) else {
                            continue;
                        };
                        (schema::property(kind, &p.name.text, in_pack), None)
                    }
                    Container::Relation(r, _) => (
                        schema::RELATION.iter().find(|s| s.name == &*p.name.text),
                        relation_index.get(&r.span).copied(),
                    ),
                };
                let Some(schema) = schema else { continue };
                let expect = match schema.value {
                    ValueType::Ref(kinds) | ValueType::RefList(kinds) => Expect::Kinds(kinds),
                    ValueType::RefModel(model) => Expect::Model(model),
                    _ => continue,
                };
                let mut push = |path: &'a Path| {
                    out.push(SiteSyntax {
                        site: RefSite {
                            scope: walked.container.scope(),
                            segments: path_names(path),
                            expect,
                            role: Role::Property(p.name.text.clone()),
                            relation,
                        },
                        path,
                        property: Some(p),
                    })
                };
                match (&p.value, schema.value) {
                    (Value::Path(path), ValueType::Ref(_) | ValueType::RefModel(_)) => push(path),
                    (Value::List(list), ValueType::RefList(_)) => {
                        for element in &list.elements {
                            if let Value::Path(path) = element {
                                push(path);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Item::Declaration(_) | Item::Error(_) => {}
        }
    }
    out
}

/// The references of `file`, without their spans.
#[salsa::tracked(returns(ref))]
pub fn references(db: &dyn Db, file: SourceFile) -> Vec<RefSite> {
    let parse = parse(db, file);
    sites(&parse.file, item_tree(db, file), file.in_pack(db))
        .into_iter()
        .map(|s| s.site)
        .collect()
}
