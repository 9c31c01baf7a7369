//! The diagnostics of one file: syntax errors, the schema (§5), names (§4), the rules of §7
//! that look at one declaration or relation, and the workspace findings about the file.

use std::collections::HashMap;
use std::path::PathBuf;

use smol_str::SmolStr;
use vnea_syntax::ast::{self, Item, Value};
use vnea_syntax::names::fold_diacritics;
use vnea_syntax::{Span, dump::path_text};

use crate::config::Framework;
use crate::db::{Db, SourceFile};
use crate::diagnostics::{Diagnostic, Edit, Fix, Related, Rule};
use crate::hir::{
    self, Container, Expect, Fact, SiteSyntax, facts, item_tree, parse, titles, walk,
};
use crate::messages::{Lang, Msg, join_or};
use crate::resolve::{
    self, DeclId, Resolution, is_model_node, is_national, kind_of, members, national, prelude,
    resolve_file, resolve_in_other_pack, workspace_scope,
};
use crate::schema::{self, KindSchema, PropertySchema, ValueType};
use crate::suggest;
use crate::syntax::syntax_diagnostics;
use crate::workspace_rules::{Content, FindingKind, workspace_findings};

/// Every diagnostic of `file`, with the workspace's `[rules]` applied, ordered by position.
#[salsa::tracked(returns(ref))]
pub fn file_diagnostics(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let config = db.workspace().config(db);
    let lang = config.language;
    let parse = parse(db, file);
    let mut out = syntax_diagnostics(file.text(db), &parse.errors, lang);
    let mut checker = Checker {
        db,
        file,
        lang,
        framework: config.framework,
        in_pack: file.in_pack(db),
        decls: hir::declarations(&parse.file),
        out: Vec::new(),
    };
    checker.schema(&parse.file);
    checker.references(&parse.file);
    if !checker.in_pack {
        checker.findings();
    }
    let text = file.text(db);
    // Lines with a syntax error say nothing reliable about names or the schema: a pasted curly
    // quote must not also make `Công` an unknown kind. One mistake, one diagnostic.
    let broken_lines: Vec<Span> = parse
        .errors
        .iter()
        .map(|e| {
            let start = text[..e.span.start]
                .rfind(['\n', '\r'])
                .map_or(0, |i| i + 1);
            let end = text[e.span.end..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| e.span.end + i);
            Span::new(start, end)
        })
        .collect();
    let echoes_syntax = |d: &Diagnostic| {
        matches!(
            d.rule,
            Rule::UnknownKind
                | Rule::UnknownProperty
                | Rule::MisplacedDeclaration
                | Rule::InvalidValue
                | Rule::UnresolvedReference
                | Rule::WrongKindReference
        ) && broken_lines.iter().any(|line| line.touches(d.span.start))
    };
    out.extend(checker.out.into_iter().filter(|d| !echoes_syntax(d)));
    let mut out = config.apply(out);
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}

struct Checker<'db, 'a> {
    db: &'db dyn Db,
    file: SourceFile,
    lang: Lang,
    framework: Framework,
    in_pack: bool,
    decls: Vec<&'a ast::Declaration>,
    out: Vec<Diagnostic>,
}

/// A kind's name in the user's language.
fn term(kind: &KindSchema, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => kind.term_vi,
        Lang::En => kind.term_en,
    }
}

/// A kind's name as a noun phrase: with its article in English (`an application`).
fn a_term(kind: &KindSchema, lang: Lang) -> String {
    match lang {
        Lang::Vi => kind.term_vi.to_owned(),
        Lang::En if kind.term_en.starts_with(['a', 'e', 'i', 'o', 'u']) => {
            format!("an {}", kind.term_en)
        }
        Lang::En => format!("a {}", kind.term_en),
    }
}

/// The decision that issued `framework`, cited by framework rules.
fn decision(framework: Framework, lang: Lang) -> String {
    match framework {
        Framework::V2_0 => Msg::Decision20.text(lang),
        Framework::V3_0 => Msg::Decision30.text(lang),
    }
}

impl<'db, 'a> Checker<'db, 'a> {
    fn push(&mut self, rule: Rule, message: String, span: Span) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(rule, message, span));
        self.out.last_mut().expect("just pushed")
    }

    /// `kind `name` “title”` for declaration `decl` of any file.
    fn describe(&self, decl: DeclId) -> String {
        let tree = item_tree(self.db, decl.file);
        let d = &tree.decls[decl.index as usize];
        let kind =
            schema::kind(&d.kind).map_or(d.kind.to_string(), |k| term(k, self.lang).to_owned());
        let name = self.display_path(decl);
        match &titles(self.db, decl.file)[decl.index as usize] {
            Some(title) => Msg::Element.render(
                self.lang,
                &[("kind", &kind), ("name", &name), ("title", title)],
            ),
            None => Msg::ElementUntitled.render(self.lang, &[("kind", &kind), ("name", &name)]),
        }
    }

    /// The dotted path of a declaration from the top level of its file (`national.dan_cu`).
    fn display_path(&self, decl: DeclId) -> String {
        let tree = item_tree(self.db, decl.file);
        let mut names = vec![tree.decls[decl.index as usize].name.to_string()];
        let mut current = tree.decls[decl.index as usize].parent;
        while let Some(parent) = current {
            names.push(tree.decls[parent as usize].name.to_string());
            current = tree.decls[parent as usize].parent;
        }
        names.reverse();
        names.join(".")
    }

    fn here(&self, index: u32) -> DeclId {
        DeclId {
            file: self.file,
            index,
        }
    }

    /// The span of declaration `decl`'s name, and the file it is in.
    fn name_span(&self, decl: DeclId) -> (PathBuf, Span) {
        let parse = parse(self.db, decl.file);
        let span = hir::declarations(&parse.file)
            .get(decl.index as usize)
            .map_or(Span::empty(0), |d| d.name.span);
        (PathBuf::from(decl.file.path(self.db)), span)
    }

    // ---- The schema ------------------------------------------------------------------------

    fn schema(&mut self, file: &'a ast::SourceFile) {
        // Declarations whose body is not checked: unknown or misplaced kinds (no cascade).
        let mut unchecked: Vec<bool> = vec![false; self.decls.len()];
        let tree = item_tree(self.db, self.file);
        for walked in walk(file) {
            let parent = walked.container.scope();
            if parent.is_some_and(|p| unchecked[p as usize]) {
                if let Some(index) = walked.decl {
                    unchecked[index as usize] = true;
                }
                continue;
            }
            match walked.item {
                Item::Declaration(d) => {
                    let index = walked.decl.expect("declarations are numbered");
                    if !self.declaration(d, index, walked.container) {
                        unchecked[index as usize] = true;
                    }
                }
                Item::Property(p) => match walked.container {
                    Container::TopLevel => {
                        let message =
                            Msg::TopLevelProperty.render(self.lang, &[("name", &p.name.text)]);
                        self.push(Rule::MisplacedDeclaration, message, p.name.span);
                    }
                    Container::Decl(owner) => {
                        let kind_name = &tree.decls[owner as usize].kind;
                        if kind_name == schema::EXTEND {
                            continue;
                        }
                        if let Some(kind) = schema::kind(kind_name) {
                            self.property(p, Some(kind), owner);
                        }
                    }
                    Container::Relation(..) => self.property(p, None, 0),
                },
                Item::Relation(_) | Item::Error(_) => {}
            }
        }
        self.nested_duplicates(tree);
    }

    /// Checks a declaration; returns whether its body should be checked.
    fn declaration(&mut self, d: &ast::Declaration, index: u32, container: Container<'_>) -> bool {
        let lang = self.lang;
        let name = d.kind.text.as_str();
        if name == schema::EXTEND {
            if !self.in_pack {
                let message = Msg::PackOnlyKind.render(lang, &[("kind", &name)]);
                self.push(Rule::MisplacedDeclaration, message, d.kind.span);
                return false;
            }
            return true;
        }
        let Some(kind) = schema::kind(name) else {
            let candidates = schema::KINDS
                .iter()
                .filter(|k| self.in_pack || !k.pack_only)
                .map(|k| k.name);
            let mut message = Msg::UnknownKind.render(lang, &[("kind", &name)]);
            let suggestion = suggest::closest(name, candidates);
            if let Some(suggestion) = suggestion {
                message += &Msg::DidYouMeanOne.render(lang, &[("suggestion", &suggestion)]);
            }
            let diagnostic = self.push(Rule::UnknownKind, message, d.kind.span);
            if let Some(suggestion) = suggestion {
                diagnostic
                    .fixes
                    .push(replace_fix(lang, d.kind.span, suggestion));
            }
            return false;
        };
        if kind.pack_only && !self.in_pack {
            let message = Msg::PackOnlyKind.render(lang, &[("kind", &name)]);
            self.push(Rule::MisplacedDeclaration, message, d.kind.span);
            return false;
        }
        let parent_kind = match container {
            Container::TopLevel => None,
            Container::Decl(p) => {
                Some(item_tree(self.db, self.file).decls[p as usize].kind.clone())
            }
            Container::Relation(..) => Some(SmolStr::new_static("->")),
        };
        if !schema::allowed_in(kind, parent_kind.as_deref()) {
            let place = match parent_kind.as_deref() {
                None => Msg::PlaceTopLevel.text(lang),
                Some(parent) => {
                    let parent =
                        schema::kind(parent).map_or(parent.to_owned(), |k| a_term(k, lang));
                    Msg::PlaceInside.render(lang, &[("parent", &parent)])
                }
            };
            let message =
                Msg::Misplaced.render(lang, &[("kind", &a_term(kind, lang)), ("place", &place)]);
            self.push(Rule::MisplacedDeclaration, message, d.kind.span);
            return false;
        }
        if !self.in_pack {
            self.element_rules(d, index, kind);
        }
        true
    }

    /// `missing-security-level`, `missing-owner`, `unmapped-element`,
    /// `subsystem-level-exceeds-system` and `superseded-framework` on one declaration.
    fn element_rules(&mut self, d: &ast::Declaration, index: u32, kind: &KindSchema) {
        let facts = &facts(self.db, self.file)[index as usize];
        let element = self.describe(self.here(index));
        let lang = self.lang;
        // A property is present when written, or when an unknown property is a misspelling of
        // it (reported as such): one mistake, one diagnostic.
        let written: Vec<&str> = d
            .block
            .iter()
            .flat_map(|b| &b.items)
            .filter_map(|i| match i {
                Item::Property(p) => Some(p.name.text.as_str()),
                _ => None,
            })
            .filter(|name| schema::property(kind, name, false).is_none())
            .collect();
        let has = |name: &str| {
            facts.has(name)
                || written
                    .iter()
                    .any(|w| suggest::closest(w, [name]).is_some())
        };
        if matches!(kind.name, "application" | "platform") && !has("security_level") {
            let message = Msg::MissingSecurityLevel.render(lang, &[("element", &element)]);
            // The level a system must have at least: that of its highest sub-system.
            let tree = item_tree(self.db, self.file);
            let all = hir::facts(self.db, self.file);
            let level = (0..tree.decls.len())
                .filter(|&i| {
                    tree.decls[i].parent == Some(index) && tree.decls[i].kind == "application"
                })
                .filter_map(|i| all[i].get("security_level").and_then(Fact::integer))
                .filter(|l| (1..=5).contains(l))
                .max()
                .unwrap_or(1);
            let fix = add_property_fix(
                lang,
                self.file.text(self.db),
                d,
                "security_level",
                &level.to_string(),
            );
            self.push(Rule::MissingSecurityLevel, message, d.name.span)
                .fixes
                .push(fix);
        }
        if matches!(kind.name, "application" | "platform" | "database") && !has("owner") {
            let message = Msg::MissingOwner.render(lang, &[("element", &element)]);
            let fix = add_property_fix(lang, self.file.text(self.db), d, "owner", "\"\"");
            self.push(Rule::MissingOwner, message, d.name.span)
                .fixes
                .push(fix);
        }
        let mapping = match kind.name {
            "service" | "process" => Some(("brm", "BRM")),
            "database" => Some(("drm", "DRM")),
            "application" => Some(("arm", "ARM")),
            "infrastructure" => Some(("trm", "TRM")),
            "control" => Some(("srm", "SRM")),
            _ => None,
        };
        if let Some((property, model)) = mapping.filter(|(p, _)| !has(p)) {
            let decision = decision(self.framework, lang);
            let message = Msg::UnmappedElement.render(
                lang,
                &[
                    ("element", &element),
                    ("model", &model),
                    ("property", &property),
                    ("decision", &decision),
                ],
            );
            self.push(Rule::UnmappedElement, message, d.name.span);
        }
        // A sub-system above its system: reported on the system's level.
        let tree = item_tree(self.db, self.file);
        if kind.name == "application"
            && let Some(parent) = tree.decls[index as usize].parent
        {
            let all = hir::facts(self.db, self.file);
            let level =
                |f: Option<&Fact>| f.and_then(Fact::integer).filter(|l| (1..=5).contains(l));
            let sub = level(facts.get("security_level"));
            let sys = (tree.decls[parent as usize].kind == "application")
                .then(|| level(all[parent as usize].get("security_level")))
                .flatten();
            if let (Some(sub), Some(sys)) = (sub, sys)
                && sub > sys
            {
                let system = self.describe(self.here(parent));
                let span = property_span(self.decls[parent as usize], "security_level")
                    .unwrap_or(self.decls[parent as usize].name.span);
                let message = Msg::SubsystemLevelExceeds.render(
                    lang,
                    &[
                        ("level", &sys),
                        ("system", &system),
                        ("sublevel", &sub),
                        ("subsystem", &element),
                    ],
                );
                let file = PathBuf::from(self.file.path(self.db));
                self.push(Rule::SubsystemLevelExceedsSystem, message, span)
                    .related
                    .push(Related {
                        file,
                        span: d.name.span,
                        message: element.clone(),
                    });
            }
        }
        if kind.name == "architecture"
            && let Some(p) = property(d, "framework")
            && matches!(&p.value, Value::String(s) if &*s.value == "2.0")
        {
            self.push(
                Rule::SupersededFramework,
                Msg::SupersededFramework.text(lang),
                p.span,
            );
        }
    }

    fn property(&mut self, p: &ast::Property, kind: Option<&KindSchema>, _owner: u32) {
        let lang = self.lang;
        let name = p.name.text.as_str();
        let schema = match kind {
            Some(kind) => schema::property(kind, name, self.in_pack),
            None => schema::RELATION.iter().find(|s| s.name == name),
        };
        let Some(schema) = schema else {
            let message = match kind {
                Some(kind) => Msg::UnknownProperty
                    .render(lang, &[("kind", &a_term(kind, lang)), ("name", &name)]),
                None => Msg::UnknownRelationProperty.render(lang, &[("name", &name)]),
            };
            let candidates: Vec<&str> = match kind {
                Some(kind) => schema::property_names(kind, self.in_pack).collect(),
                None => schema::RELATION.iter().map(|s| s.name).collect(),
            };
            let suggestion = suggest::closest(name, candidates.iter().copied());
            let message = match suggestion {
                Some(s) => message + &Msg::DidYouMeanOne.render(lang, &[("suggestion", &s)]),
                None => message,
            };
            let diagnostic = self.push(Rule::UnknownProperty, message, p.name.span);
            if let Some(s) = suggestion {
                diagnostic.fixes.push(replace_fix(lang, p.name.span, s));
            }
            return;
        };
        if let Some(version) = schema.only_in.filter(|v| *v != self.framework) {
            let hint = match name {
                "online_level" => format!(" {}", Msg::HintUseMode.text(lang)),
                "mode" => format!(" {}", Msg::HintUseOnlineLevel.text(lang)),
                _ => String::new(),
            };
            let message = Msg::ValueOtherFramework.render(
                lang,
                &[
                    ("property", &name),
                    ("version", &version.as_str()),
                    ("current", &self.framework.as_str()),
                    ("hint", &hint),
                ],
            );
            self.push(Rule::InvalidValue, message, p.name.span);
            return;
        }
        self.value(p, schema);
    }

    fn value(&mut self, p: &ast::Property, schema: &PropertySchema) {
        let lang = self.lang;
        let property = p.name.text.as_str();
        let value = &p.value;
        let expected = || describe_type(schema.value, lang);
        let ok = match (schema.value, value) {
            (_, Value::Error(_)) => true,
            (ValueType::String, Value::String(_)) => true,
            (ValueType::Text, Value::String(_) | Value::Text(_)) => true,
            (ValueType::StringList, Value::List(l)) => l
                .elements
                .iter()
                .all(|e| matches!(e, Value::String(_) | Value::Text(_) | Value::Error(_))),
            (ValueType::FrameworkVersion, Value::String(s)) => matches!(&*s.value, "2.0" | "3.0"),
            (ValueType::Enum(values), Value::Path(path)) if path.segments.len() == 1 => {
                let word = path.segments[0].name();
                if values.contains(&&*word) {
                    true
                } else {
                    let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                    let mut message = Msg::ValueNotInEnum.render(
                        lang,
                        &[
                            ("value", &word),
                            ("property", &property),
                            ("values", &join_or(lang, &shown)),
                        ],
                    );
                    let suggestion = suggest::closest(&word, values.iter().copied());
                    if let Some(s) = suggestion {
                        message += &Msg::DidYouMeanOne.render(lang, &[("suggestion", &s)]);
                    }
                    let diagnostic = self.push(Rule::InvalidValue, message, path.span);
                    if let Some(s) = suggestion {
                        diagnostic.fixes.push(replace_fix(lang, path.span, s));
                    }
                    return;
                }
            }
            (ValueType::Integer(min, max), Value::Number(n)) => match n.text.parse::<u32>() {
                Ok(v) if (min..=max).contains(&v) => true,
                Ok(_) => {
                    let message = Msg::ValueOutOfRange.render(
                        lang,
                        &[
                            ("property", &property),
                            ("min", &min),
                            ("max", &max),
                            ("value", &n.text),
                        ],
                    );
                    self.push(Rule::InvalidValue, message, n.span);
                    return;
                }
                _ => false,
            },
            (ValueType::Period, Value::Range(r)) => {
                let (a, b) = (r.start.text.parse::<f64>(), r.end.text.parse::<f64>());
                if let (Ok(a), Ok(b)) = (a, b)
                    && a > b
                {
                    let message = Msg::PeriodReversed
                        .render(lang, &[("start", &r.start.text), ("end", &r.end.text)]);
                    self.push(Rule::InvalidPeriod, message, r.span);
                }
                true
            }
            (ValueType::Ref(_) | ValueType::RefModel(_), Value::Path(_)) => true,
            (ValueType::RefList(_), Value::List(l)) => l
                .elements
                .iter()
                .all(|e| matches!(e, Value::Path(_) | Value::Error(_))),
            _ => false,
        };
        if !ok {
            let message = Msg::ValueExpected
                .render(lang, &[("property", &property), ("expected", &expected())]);
            self.push(Rule::InvalidValue, message, value.span());
        }
    }

    /// `duplicate-name` among the members of one declaration.
    fn nested_duplicates(&mut self, tree: &hir::ItemTree) {
        let mut seen: HashMap<(u32, &SmolStr), u32> = HashMap::new();
        for (index, decl) in tree.decls.iter().enumerate() {
            let (Some(parent), true) = (decl.parent, decl.extends.is_empty()) else {
                continue;
            };
            match seen.get(&(parent, &decl.name)) {
                None => {
                    seen.insert((parent, &decl.name), index as u32);
                }
                Some(&first) => {
                    let d = self.decls[index];
                    let first_decl = self.here(first);
                    self.duplicate(d.name.span, &decl.name, self.here(index as u32), first_decl);
                }
            }
        }
    }

    fn duplicate(&mut self, span: Span, name: &str, decl: DeclId, first: DeclId) {
        let lang = self.lang;
        let element = self.describe(decl);
        let message = Msg::DuplicateName.render(lang, &[("name", &name), ("element", &element)]);
        let (file, first_span) = self.name_span(first);
        let related = Msg::DuplicateFirst.render(lang, &[("name", &name)]);
        self.push(Rule::DuplicateName, message, span)
            .related
            .push(Related {
                file,
                span: first_span,
                message: related,
            });
    }

    // ---- Names -----------------------------------------------------------------------------

    fn references(&mut self, file: &'a ast::SourceFile) {
        let db = self.db;
        let tree = item_tree(db, self.file);
        let sites = hir::sites(file, tree, self.in_pack);
        let resolved = resolve_file(db, self.file);
        let mut relation_sites: HashMap<u32, Vec<(&SiteSyntax<'_>, Resolution)>> = HashMap::new();
        for (site, &resolution) in sites.iter().zip(resolved) {
            if let Some(r) = site.site.relation {
                relation_sites
                    .entry(r)
                    .or_default()
                    .push((site, resolution));
            }
            match resolution {
                Resolution::Unresolved { segment, parent } => {
                    self.unresolved(site, segment, parent)
                }
                Resolution::Resolved(target) => self.kind_check(site, target),
            }
        }
        if self.in_pack {
            return;
        }
        let relations: Vec<&ast::Relation> = walk(file)
            .into_iter()
            .filter_map(|w| match w.item {
                Item::Relation(r) => Some(r),
                _ => None,
            })
            .collect();
        for (index, relation) in relations.into_iter().enumerate() {
            let sites = relation_sites.remove(&(index as u32)).unwrap_or_default();
            self.relation_rules(relation, &sites);
        }
    }

    fn unresolved(&mut self, site: &SiteSyntax<'_>, segment: usize, parent: Option<DeclId>) {
        let db = self.db;
        let lang = self.lang;
        let Some(ident) = site.path.segments.get(segment) else {
            return;
        };
        let name = ident.text.as_str();
        let mut message = match parent {
            None => Msg::Unresolved.render(lang, &[("name", &name)]),
            Some(parent) => {
                let parent = self.display_path(parent);
                Msg::UnresolvedMember.render(lang, &[("parent", &parent), ("name", &name)])
            }
        };
        // Candidates: members of the parent, or every name in scope, with their titles.
        let candidates: Vec<(SmolStr, DeclId)> = match parent {
            Some(parent) => members(db, parent),
            None => {
                let mut all = Vec::new();
                let tree = item_tree(db, self.file);
                let mut scope = site.site.scope;
                while let Some(index) = scope {
                    all.extend(members(db, self.here(index)));
                    scope = tree.decls[index as usize].parent;
                }
                for (name, decls) in workspace_scope(db).iter().filter(|_| !self.in_pack) {
                    all.push((name.clone(), decls[0]));
                }
                for (name, decls) in prelude(db).iter() {
                    all.push((name.clone(), decls[0]));
                }
                all.sort_by(|a, b| a.0.cmp(&b.0));
                all.dedup_by(|a, b| a.0 == b.0);
                all
            }
        };
        let suggestions = suggest_names(db, name, &candidates);
        if !suggestions.is_empty() {
            let shown: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
            message += &Msg::DidYouMean.render(lang, &[("candidates", &join_or(lang, &shown))]);
        }
        let in_current_pack =
            resolve::resolve_in_pack(db, prelude(db), &site.site.segments).is_some();
        if !in_current_pack && resolve_in_other_pack(db, &site.site.segments).is_some() {
            let path = path_text(site.path);
            let version = self.framework.other();
            message += &Msg::ExistsInFramework
                .render(lang, &[("path", &path), ("version", &version.as_str())]);
        }
        let diagnostic = self.push(Rule::UnresolvedReference, message, ident.span);
        if let Some(best) = suggestions.first() {
            diagnostic.fixes.push(replace_fix(lang, ident.span, best));
        }
    }

    fn kind_check(&mut self, site: &SiteSyntax<'_>, target: DeclId) {
        let db = self.db;
        let lang = self.lang;
        if schema::kind(kind_of(db, target)).is_none() {
            // An unknown kind is reported on its declaration: no second diagnostic here.
            return;
        }
        let ok = match site.site.expect {
            Expect::Anything => true,
            Expect::Kinds(kinds) => {
                let kind = kind_of(db, target);
                kinds.contains(&kind.as_str())
                    || (kinds.contains(&"*") && schema::ELEMENTS.contains(&kind.as_str()))
            }
            Expect::Model(model) => is_model_node(db, target, model),
        };
        if ok {
            return;
        }
        let Some(property) = site.property else {
            return;
        };
        let expected = match site.site.expect {
            Expect::Model(model) => Msg::RefModelNode.render(lang, &[("model", &model)]),
            Expect::Kinds(kinds) => kinds_or(kinds, lang),
            Expect::Anything => String::new(),
        };
        let found = self.describe(target);
        let message = Msg::WrongKind.render(
            lang,
            &[
                ("property", &property.name.text),
                ("expected", &expected),
                ("path", &path_text(site.path)),
                ("found", &found),
            ],
        );
        self.push(Rule::WrongKindReference, message, site.path.span);
    }

    /// `direct-national-connection` and `non-dedicated-network` on one relation.
    fn relation_rules(
        &mut self,
        relation: &ast::Relation,
        sites: &[(&SiteSyntax<'_>, Resolution)],
    ) {
        let db = self.db;
        let lang = self.lang;
        let target = |role: &hir::Role| {
            sites.iter().find_map(|(s, r)| match r {
                Resolution::Resolved(d) if &s.site.role == role => Some(*d),
                _ => None,
            })
        };
        let property = |name: &str| {
            sites.iter().find_map(|(s, r)| match (r, &s.site.role) {
                (Resolution::Resolved(d), hir::Role::Property(p)) if p == name => Some(*d),
                _ => None,
            })
        };
        let (Some(from), Some(to)) = (
            target(&hir::Role::RelationFrom),
            target(&hir::Role::RelationTo),
        ) else {
            return;
        };
        let ngsp = national(db, "ngsp");
        let tslcd = national(db, "tslcd");
        let word = |decl: DeclId, name: &str| {
            facts(db, decl.file)[decl.index as usize]
                .word(name)
                .map(SmolStr::new)
        };
        let is_lgsp = |decl: DeclId| {
            kind_of(db, decl) == "platform" && word(decl, "type").as_deref() == Some("lgsp")
        };
        let (national_end, own_end) = match (is_national(db, from), is_national(db, to)) {
            (false, true) => (to, from),
            (true, false) => (from, to),
            _ => return,
        };
        let exempt = Some(national_end) == ngsp || Some(national_end) == tslcd;
        let via_written = relation_property(relation, "via").is_some();
        let via = property("via").filter(|v| kind_of(db, *v) == "platform");
        // A `via` that names nothing, or no platform, is reported already: one mistake, one
        // diagnostic.
        let via_ok =
            via.is_some_and(|v| is_lgsp(v) || Some(v) == ngsp) || (via_written && via.is_none());
        let text = self.file.text(db);
        if !exempt && !is_lgsp(own_end) && !via_ok {
            let message = Msg::DirectNationalConnection.render(
                lang,
                &[("from", &self.describe(from)), ("to", &self.describe(to))],
            );
            // The obvious fix when the workspace has exactly one LGSP: go through it.
            let lgsps: Vec<DeclId> = workspace_scope(db)
                .iter()
                .map(|(_, decls)| decls[0])
                .filter(|&d| is_lgsp(d))
                .collect();
            let fix = match lgsps.as_slice() {
                [lgsp] if via.is_none() => {
                    let name = item_tree(db, lgsp.file).decls[lgsp.index as usize]
                        .name
                        .clone();
                    Some(add_relation_property_fix(
                        lang, text, relation, "via", &name,
                    ))
                }
                _ => None,
            };
            let diagnostic = self.push(Rule::DirectNationalConnection, message, relation.arrow);
            diagnostic.fixes.extend(fix);
        }
        let network_property = relation_property(relation, "network");
        let to_text = self.describe(national_end);
        match (network_property, property("network")) {
            (None, _) => {
                let message = Msg::NoNetwork.render(lang, &[("to", &to_text)]);
                let fix =
                    add_relation_property_fix(lang, text, relation, "network", "national.tslcd");
                self.push(Rule::NonDedicatedNetwork, message, relation.arrow)
                    .fixes
                    .push(fix);
            }
            (Some(p), Some(network)) if word(network, "type").as_deref() != Some("dedicated") => {
                let message = Msg::NonDedicatedNetwork.render(
                    lang,
                    &[("to", &to_text), ("network", &self.describe(network))],
                );
                let fix = replace_fix(lang, p.value.span(), "national.tslcd");
                self.push(Rule::NonDedicatedNetwork, message, p.value.span())
                    .fixes
                    .push(fix);
            }
            _ => {}
        }
    }

    // ---- Workspace findings ------------------------------------------------------------------

    fn findings(&mut self) {
        let db = self.db;
        let lang = self.lang;
        let findings: Vec<_> = workspace_findings(db)
            .iter()
            .filter(|f| f.decl.file == self.file)
            .cloned()
            .collect();
        for finding in findings {
            let index = finding.decl.index as usize;
            let Some(&d) = self.decls.get(index) else {
                continue;
            };
            let name = d.name.span;
            let element = self.describe(finding.decl);
            match finding.kind {
                FindingKind::DuplicateName { first } => {
                    let text = item_tree(db, self.file).decls[index].name.clone();
                    self.duplicate(name, &text, finding.decl, first);
                }
                FindingKind::Shadowed => {
                    let text = &item_tree(db, self.file).decls[index].name;
                    let message = Msg::ShadowedFrameworkName.render(
                        lang,
                        &[
                            ("element", &element),
                            ("name", text),
                            ("version", &self.framework.as_str()),
                        ],
                    );
                    self.push(Rule::ShadowedFrameworkName, message, name);
                }
                FindingKind::MissingArchitecture { elements } => {
                    let message = Msg::MissingArchitecture.render(lang, &[("count", &elements)]);
                    self.push(Rule::MissingArchitecture, message, name);
                }
                FindingKind::MultipleArchitectures { first } => {
                    let message = Msg::MultipleArchitectures
                        .render(lang, &[("first", &self.describe(first))]);
                    let (file, span) = self.name_span(first);
                    self.push(Rule::MultipleArchitectures, message, name)
                        .related
                        .push(Related {
                            file,
                            span,
                            message: Msg::FirstArchitecture.text(lang),
                        });
                }
                FindingKind::MissingContent(content) => {
                    let content = content_msg(content).text(lang);
                    let decision = decision(self.framework, lang);
                    let message = Msg::MissingContent.render(
                        lang,
                        &[
                            ("architecture", &element),
                            ("content", &content),
                            ("decision", &decision),
                        ],
                    );
                    self.push(Rule::MissingMandatoryContent, message, name);
                }
                FindingKind::MissingLgsp => {
                    let message = Msg::MissingLgsp.render(lang, &[("architecture", &element)]);
                    self.push(Rule::MissingLgsp, message, name);
                }
                FindingKind::LgspNotConnected => {
                    let message = Msg::LgspNotConnected.render(lang, &[("platform", &element)]);
                    self.push(Rule::LgspNotConnected, message, name);
                }
                FindingKind::RoadmapCycle { cycle } => {
                    let names: Vec<String> = cycle
                        .iter()
                        .chain(cycle.first())
                        .map(|&p| format!("`{}`", self.display_path(p)))
                        .collect();
                    let message = Msg::RoadmapCycle.render(lang, &[("cycle", &names.join(" → "))]);
                    let related: Vec<Related> = cycle[1..]
                        .iter()
                        .map(|&p| {
                            let (file, span) = self.name_span(p);
                            Related {
                                file,
                                span,
                                message: Msg::InCycle.text(lang),
                            }
                        })
                        .collect();
                    self.push(Rule::RoadmapCycle, message, name).related = related;
                }
                FindingKind::PeriodOutside { architecture } => {
                    let period = property(d, "period").map_or(name, |p| p.value.span());
                    let parse = parse(db, architecture.file);
                    let outer = hir::declarations(&parse.file)
                        .get(architecture.index as usize)
                        .and_then(|a| property(a, "period"))
                        .map(|p| (p.value.span(), architecture.file));
                    let text =
                        |file: SourceFile, span: Span| file.text(db)[span.range()].to_owned();
                    let Some((outer_span, outer_file)) = outer else {
                        continue;
                    };
                    let message = Msg::PeriodOutside.render(
                        lang,
                        &[
                            ("period", &text(self.file, period)),
                            ("project", &element),
                            ("outer", &text(outer_file, outer_span)),
                        ],
                    );
                    let file = PathBuf::from(outer_file.path(db));
                    let diagnostic = self.push(Rule::InvalidPeriod, message, period);
                    diagnostic.severity = crate::diagnostics::Severity::Warning;
                    diagnostic.related.push(Related {
                        file,
                        span: outer_span,
                        message: Msg::ArchitecturePeriod.text(lang),
                    });
                }
                FindingKind::Unused => {
                    let message = Msg::UnusedElement.render(lang, &[("element", &element)]);
                    self.push(Rule::UnusedElement, message, name);
                }
            }
        }
    }
}

fn content_msg(content: Content) -> Msg {
    match content {
        Content::Vision => Msg::ContentVision,
        Content::Objectives => Msg::ContentObjectives,
        Content::Scope => Msg::ContentScope,
        Content::Principles => Msg::ContentPrinciples,
        Content::Business => Msg::ContentBusiness,
        Content::Data => Msg::ContentData,
        Content::Application => Msg::ContentApplication,
        Content::Technology => Msg::ContentTechnology,
        Content::Security => Msg::ContentSecurity,
        Content::Plan => Msg::ContentPlan,
    }
}

/// The first property `name` in the block of `relation`.
fn relation_property<'r>(relation: &'r ast::Relation, name: &str) -> Option<&'r ast::Property> {
    relation
        .block
        .iter()
        .flat_map(|b| &b.items)
        .find_map(|i| match i {
            Item::Property(p) if &*p.name.text == name => Some(p),
            _ => None,
        })
}

/// The first property `name` of declaration `d`.
fn property<'d>(d: &'d ast::Declaration, name: &str) -> Option<&'d ast::Property> {
    d.block
        .iter()
        .flat_map(|b| &b.items)
        .find_map(|item| match item {
            Item::Property(p) if &*p.name.text == name => Some(p),
            _ => None,
        })
}

fn property_span(d: &ast::Declaration, name: &str) -> Option<Span> {
    property(d, name).map(|p| p.span)
}

fn kinds_or(kinds: &[&str], lang: Lang) -> String {
    let names: Vec<String> = kinds
        .iter()
        .map(|k| match schema::kind(k) {
            Some(kind) => a_term(kind, lang),
            None => Msg::AnyElement.text(lang),
        })
        .collect();
    join_or(lang, &names)
}

fn describe_type(value: ValueType, lang: Lang) -> String {
    match value {
        ValueType::String => Msg::TypeString.text(lang),
        ValueType::Text => Msg::TypeText.text(lang),
        ValueType::StringList => Msg::TypeStringArray.text(lang),
        ValueType::Enum(values) => {
            let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            Msg::TypeEnum.render(lang, &[("values", &join_or(lang, &shown))])
        }
        ValueType::Integer(min, max) => {
            Msg::TypeIntegerRange.render(lang, &[("min", &min), ("max", &max)])
        }
        ValueType::Period => Msg::TypePeriod.text(lang),
        ValueType::FrameworkVersion => Msg::TypeFrameworkVersion.text(lang),
        ValueType::Ref(kinds) => {
            Msg::TypeReference.render(lang, &[("target", &kinds_or(kinds, lang))])
        }
        ValueType::RefList(kinds) => {
            Msg::TypeReferenceList.render(lang, &[("target", &kinds_or(kinds, lang))])
        }
        ValueType::RefModel(model) => {
            let node = Msg::RefModelNode.render(lang, &[("model", &model)]);
            Msg::TypeReference.render(lang, &[("target", &node)])
        }
    }
}

fn replace_fix(lang: Lang, span: Span, text: &str) -> Fix {
    Fix {
        title: Msg::FixReplaceWith.render(lang, &[("text", &text)]),
        edits: vec![Edit {
            span,
            replacement: text.to_owned(),
        }],
    }
}

/// A fix that adds `name: value` to declaration `d` of `text`, in its block or in a new one
/// after its name or title.
fn add_property_fix(lang: Lang, text: &str, d: &ast::Declaration, name: &str, value: &str) -> Fix {
    let edit = match &d.block {
        Some(block) => block_insertion(text, block, name, value),
        None => {
            let end = d.title.as_ref().map_or(d.name.span.end, |t| t.span.end);
            Edit {
                span: Span::empty(end),
                replacement: format!(" {{ {name}: {value} }}"),
            }
        }
    };
    Fix {
        title: Msg::FixAddProperty.render(lang, &[("property", &name)]),
        edits: vec![edit],
    }
}

/// The edit that adds `name: value` to `block` of `text`: inside `{}` if empty, on a line of
/// its own at the end of a block written over several lines, else after the last item.
fn block_insertion(text: &str, block: &ast::Block, name: &str, value: &str) -> Edit {
    let Some(last) = block.items.last() else {
        return Edit {
            span: Span::new(block.open.end, block.close.start),
            replacement: format!(" {name}: {value} "),
        };
    };
    let end = last.span().end;
    let inside = &text[block.open.end..block.close.start];
    let replacement = if inside.contains(['\n', '\r']) {
        let line_start = text[..last.span().start]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let indent = &text[line_start..last.span().start];
        let indent = if indent.trim().is_empty() {
            indent
        } else {
            "  "
        };
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        format!("{newline}{indent}{name}: {value}")
    } else if matches!(last, Item::Property(_)) {
        format!(", {name}: {value}")
    } else {
        format!(" {name}: {value}")
    };
    Edit {
        span: Span::empty(end),
        replacement,
    }
}

/// A fix that adds `name: value` to the block of `relation` (making one if it has none).
fn add_relation_property_fix(
    lang: Lang,
    text: &str,
    relation: &ast::Relation,
    name: &str,
    value: &str,
) -> Fix {
    let edit = match &relation.block {
        Some(block) => block_insertion(text, block, name, value),
        None => {
            let end = relation
                .title
                .as_ref()
                .map_or(relation.to.span.end, |t| t.span.end);
            Edit {
                span: Span::empty(end),
                replacement: format!(" {{ {name}: {value} }}"),
            }
        }
    };
    Fix {
        title: Msg::FixAddProperty.render(lang, &[("property", &name)]),
        edits: vec![edit],
    }
}

/// Up to three names among `candidates` close to `typed`, comparing names and titles with and
/// without Vietnamese diacritics (`dan_cu` finds `dân_cư`; `quan ly van ban` finds the
/// element titled "Quản lý văn bản").
fn suggest_names(db: &dyn Db, typed: &str, candidates: &[(SmolStr, DeclId)]) -> Vec<String> {
    let folded = fold_diacritics(typed).replace('_', " ");
    let length = typed.chars().count();
    let limit = (length / 3).max(1);
    // The edit distance is at least the difference in length: most candidates are ruled out
    // by counting characters, before any folding or distance (this runs on every keystroke
    // while a reference is unresolved, over every name in scope).
    let near = |text: &str| text.chars().count().abs_diff(length) <= limit;
    let mut scored: Vec<(usize, &SmolStr)> = Vec::new();
    for (name, decl) in candidates {
        let title = titles(db, decl.file)
            .get(decl.index as usize)
            .and_then(Option::as_ref)
            .filter(|t| near(t));
        if !near(name) && title.is_none() {
            continue;
        }
        let mut best = usize::MAX;
        if near(name) {
            best = suggest::distance(typed, name).min(suggest::distance(
                &folded,
                &fold_diacritics(name).replace('_', " "),
            ));
        }
        if let Some(title) = title {
            best = best.min(suggest::distance(&folded, &fold_diacritics(title)));
        }
        if best <= limit {
            scored.push((best, name));
        }
    }
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, n)| n.to_string())
        .collect()
}
