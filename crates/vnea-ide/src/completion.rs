//! Completion that knows where it is: at the start of an item, the kinds allowed there and the
//! properties of the enclosing kind not yet written; after `property:`, the enumeration's
//! values or the declarations the property accepts; after `a.`, the members of `a`.
//!
//! The place is read from the tokens before the cursor (the text is often half-written), the
//! enclosing block from the syntax tree (the parser keeps blocks through errors).

use smol_str::SmolStr;
use vnea_analysis::hir::{self, Expect, item_tree, walk};
use vnea_analysis::resolve::{
    DeclId, Resolution, is_model_node, kind_of, members, prelude, resolve_path,
};
use vnea_analysis::schema::{self, ELEMENTS, PropertySchema, ValueType};
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::ast::{self, Item};
use vnea_syntax::{Span, Token, TokenKind, lex};

use crate::names::{Facts, Query, Rank, SyntaxCache, filter_text, path_text, term, title_of};

/// What a completion item inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionKind {
    /// A declaration kind: `application`.
    Kind,
    /// A property name (inserted with its `: `).
    Property,
    /// A value of an enumeration: `ministry`.
    EnumValue,
    /// A path to a declaration; holds that declaration's kind as written.
    Reference(SmolStr),
}

/// One completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    /// The name it inserts: `noi_bo`, `ARM.dung_chung`, `application`, `arm`.
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
    /// For a declaration: its code, title and status (pack nodes), those it has; for a kind:
    /// the framework's term; for a property: the type of its value.
    pub detail: Option<String>,
    /// The text that replaces `source_range`.
    pub insert_text: String,
    /// What clients match typed text against: the label and title without diacritics too.
    pub filter_text: String,
    /// The order to show items in, when the client does not rank them itself.
    pub sort_text: String,
    /// The text the item replaces: the identifier at the cursor (or, for a reference typed as
    /// several words such as `dan cu`, those words); empty at the cursor when none.
    pub source_range: Span,
}

/// Where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    /// Where an item starts.
    Item,
    /// In the value of the property called so.
    Value(SmolStr),
    /// At the target of a relation.
    RelationEnd,
}

/// The block the cursor is in.
#[derive(Debug, Clone, Copy)]
enum Here<'a> {
    /// The top level.
    TopLevel,
    /// The block of declaration `index`.
    Decl(u32, &'a ast::Block),
    /// The block of a relation, under declaration `owner`, if any.
    Relation(Option<u32>, &'a ast::Block),
}

impl Here<'_> {
    fn scope(self) -> Option<u32> {
        match self {
            Here::TopLevel => None,
            Here::Decl(index, _) => Some(index),
            Here::Relation(owner, _) => owner,
        }
    }
}

/// The innermost block of `file` whose inside holds `offset`. A block whose `}` is missing
/// reaches over the whitespace after its last item.
fn here<'a>(file: &'a ast::SourceFile, text: &str, offset: usize) -> Here<'a> {
    let inside = |b: &ast::Block| {
        b.open.end <= offset
            && (offset <= b.close.start
                || b.close.is_empty() && text[b.close.start..offset].trim().is_empty())
    };
    let mut found = Here::TopLevel;
    for walked in walk(file) {
        match (walked.item, walked.decl) {
            (Item::Declaration(d), Some(index)) => {
                if let Some(block) = d.block.as_deref().filter(|b| inside(b)) {
                    found = Here::Decl(index, block);
                }
            }
            (Item::Relation(r), _) => {
                if let Some(block) = r.block.as_deref().filter(|b| inside(b)) {
                    found = Here::Relation(walked.container.scope(), block);
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether `text` has a line break.
fn has_line_break(text: &str) -> bool {
    text.contains(['\n', '\r'])
}

/// The place after the significant token `before[at]`: a value anchor (`:`, `[` or `,` in a
/// list, `->`), or `None`.
fn value_anchor(before: &[Token], at: usize, text: &str) -> Option<Place> {
    let ident = |i: Option<usize>| {
        i.and_then(|i| before.get(i))
            .filter(|t| t.kind == TokenKind::Ident)
            .map(|t| SmolStr::new(vnea_syntax::names::normalize(&text[t.span.range()])))
    };
    let property_before_list = |open: usize| {
        (open >= 2 && before[open - 1].kind == TokenKind::Colon)
            .then(|| ident(Some(open - 2)))
            .flatten()
            .map(Place::Value)
    };
    match before[at].kind {
        TokenKind::Colon => ident(at.checked_sub(1)).map(Place::Value),
        TokenKind::Arrow => Some(Place::RelationEnd),
        TokenKind::LBracket => property_before_list(at),
        TokenKind::Comma => {
            let mut depth = 0usize;
            for j in (0..at).rev() {
                match before[j].kind {
                    TokenKind::RBracket => depth += 1,
                    TokenKind::LBracket if depth == 0 => return property_before_list(j),
                    TokenKind::LBracket => depth -= 1,
                    TokenKind::LBrace | TokenKind::RBrace | TokenKind::Colon if depth == 0 => {
                        return None;
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

/// What the cursor's place is and where the typed text starts, from the significant tokens
/// `before` the path being typed (which starts at `start`).
fn place(
    text: &str,
    before: &[Token],
    start: usize,
    is_reference: impl Fn(&Place) -> bool,
) -> Option<(Place, usize)> {
    let Some(last) = before.len().checked_sub(1) else {
        return Some((Place::Item, start));
    };
    let anchor = before[last];
    match anchor.kind {
        TokenKind::LBrace | TokenKind::RBrace => return Some((Place::Item, start)),
        TokenKind::Colon | TokenKind::Arrow | TokenKind::LBracket => {
            return value_anchor(before, last, text).map(|p| (p, start));
        }
        TokenKind::Comma => {
            return Some((
                value_anchor(before, last, text).unwrap_or(Place::Item),
                start,
            ));
        }
        _ => {}
    }
    if has_line_break(&text[anchor.span.end..start]) {
        return Some((Place::Item, start));
    }
    // A reference typed as words (`dan cu`): go back over the words on this line.
    let mut first = last + 1;
    while first > 0
        && before[first - 1].kind == TokenKind::Ident
        && !has_line_break(&text[before[first - 1].span.end..start])
    {
        first -= 1;
    }
    if first > 0
        && let Some(place) = value_anchor(before, first - 1, text).filter(&is_reference)
    {
        return Some((place, before[first].span.start));
    }
    // After a complete value on the same line, another item may start.
    let after_value = match anchor.kind {
        TokenKind::RBracket | TokenKind::Number | TokenKind::True | TokenKind::False => true,
        TokenKind::Ident | TokenKind::String | TokenKind::TextBlock => {
            last > 0 && before[last - 1].kind == TokenKind::Colon
        }
        _ => false,
    };
    after_value.then_some((Place::Item, start))
}

/// The schema of property `name` in the block the cursor is in.
fn property_schema(
    db: &dyn Db,
    file: SourceFile,
    here: Here<'_>,
    name: &str,
) -> Option<&'static PropertySchema> {
    match here {
        Here::TopLevel => None,
        Here::Decl(index, _) => {
            let kind = schema::kind(&item_tree(db, file).decls[index as usize].kind)?;
            schema::property(kind, name, file.in_pack(db))
        }
        Here::Relation(..) => schema::RELATION.iter().find(|p| p.name == name),
    }
}

/// What a value of type `value` must name, if it is a reference.
fn expectation(value: ValueType) -> Option<Expect> {
    match value {
        ValueType::Ref(kinds) | ValueType::RefList(kinds) => Some(Expect::Kinds(kinds)),
        ValueType::RefModel(model) => Some(Expect::Model(model)),
        _ => None,
    }
}

/// Whether `decl` is what `expect` asks for.
fn accepts(db: &dyn Db, decl: DeclId, expect: Expect) -> bool {
    let kind = kind_of(db, decl);
    match expect {
        Expect::Kinds(kinds) if kinds.contains(&"*") => ELEMENTS.contains(&kind.as_str()),
        Expect::Kinds(kinds) => kinds.contains(&kind.as_str()),
        Expect::Model(model) => is_model_node(db, decl, model),
        Expect::Anything => true,
    }
}

/// Whether `decl` or one of its members (to a few levels) is what `expect` asks for.
fn leads_to(db: &dyn Db, decl: DeclId, expect: Expect, depth: usize) -> bool {
    accepts(db, decl, expect)
        || (depth > 0
            && members(db, decl)
                .into_iter()
                .any(|(_, m)| leads_to(db, m, expect, depth - 1)))
}

/// The type of a property's value, as shown in the detail of its item.
fn describe(value: ValueType) -> String {
    match value {
        ValueType::String => "\"…\"".to_owned(),
        ValueType::Text => "\"…\" | \"\"\"…\"\"\"".to_owned(),
        ValueType::StringList => "[\"…\"]".to_owned(),
        ValueType::Enum(values) => values.join(" | "),
        ValueType::Integer(low, high) => format!("{low}..{high}"),
        ValueType::Period => "YYYY..YYYY".to_owned(),
        ValueType::FrameworkVersion => "\"2.0\" | \"3.0\"".to_owned(),
        ValueType::Ref(kinds) => kinds.join(" | "),
        ValueType::RefList(kinds) => format!("[{}]", kinds.join(" | ")),
        ValueType::RefModel(model) => format!("{model}.…"),
    }
}

/// Items gathered before ranking: the item, its rank against the query, its group.
struct Collector<'db> {
    db: &'db dyn Db,
    query: Query,
    source_range: Span,
    cache: SyntaxCache<'db>,
    found: Vec<(Rank, u8, CompletionItem)>,
}

impl<'db> Collector<'db> {
    fn push(
        &mut self,
        group: u8,
        label: String,
        kind: CompletionKind,
        detail: Option<String>,
        title: Option<&str>,
        insert_text: String,
    ) {
        let Some(rank) = self.query.rank(&label, title) else {
            return;
        };
        let item = CompletionItem {
            filter_text: filter_text(&label, title),
            label,
            kind,
            detail,
            insert_text,
            sort_text: String::new(),
            source_range: self.source_range,
        };
        self.found.push((rank, group, item));
    }

    /// An item for `decl`, inserting `label`; workspace declarations rank before pack nodes.
    fn declaration(&mut self, decl: DeclId, label: String) {
        let db = self.db;
        let in_pack = decl.file.in_pack(db);
        let title = title_of(db, decl).map(SmolStr::as_str);
        let facts = self.cache.get(db, decl).map(Facts::of).unwrap_or_default();
        let detail: Vec<&str> = [
            facts.code.as_deref().filter(|_| in_pack),
            title,
            facts.status.as_deref().filter(|_| in_pack),
        ]
        .into_iter()
        .flatten()
        .collect();
        let kind = CompletionKind::Reference(kind_of(db, decl).clone());
        let detail = (!detail.is_empty()).then(|| detail.join(" · "));
        self.push(u8::from(in_pack), label.clone(), kind, detail, title, label);
    }

    /// Every declaration visible from `file` that `expect` accepts, by its path.
    fn references(&mut self, file: SourceFile, expect: Expect) {
        let db = self.db;
        if let Expect::Model(model) = expect {
            let Some(root) = prelude(db).get(model) else {
                return;
            };
            let mut stack: Vec<DeclId> = vec![root];
            while let Some(decl) = stack.pop() {
                if is_model_node(db, decl, model) {
                    self.declaration(decl, path_text(db, decl));
                }
                let mut children: Vec<DeclId> =
                    members(db, decl).into_iter().map(|m| m.1).collect();
                children.reverse();
                stack.extend(children);
            }
            return;
        }
        let workspace = db.workspace();
        let user_files: &[SourceFile] = if file.in_pack(db) {
            &[]
        } else {
            workspace.files(db)
        };
        for (files, in_pack) in [(user_files, false), (workspace.packs(db).as_slice(), true)] {
            for &f in files {
                for (index, decl) in item_tree(db, f).decls.iter().enumerate() {
                    let id = DeclId {
                        file: f,
                        index: index as u32,
                    };
                    let wanted = match expect {
                        // From a relation: any declaration of the workspace, and the elements
                        // (not the namespaces and models) of the packs.
                        Expect::Anything => !in_pack || ELEMENTS.contains(&decl.kind.as_str()),
                        _ => accepts(db, id, expect),
                    };
                    if wanted && decl.extends.is_empty() {
                        self.declaration(id, path_text(db, id));
                    }
                }
            }
        }
    }

    /// The items, best first, with their `sort_text`.
    fn finish(mut self) -> Vec<CompletionItem> {
        self.found.sort_by_key(|(rank, group, _)| (*rank, *group));
        self.found
            .into_iter()
            .enumerate()
            .map(|(i, (_, _, mut item))| {
                item.sort_text = format!("{i:04}");
                item
            })
            .collect()
    }
}

/// The completions at `offset` of `file`, best first:
/// - at the start of an item: the kinds allowed there (at the top level, or inside the
///   enclosing kind, per the schema; pack-only kinds in packs only), and the properties of the
///   enclosing kind (or relation) not yet written, inserted with `: `;
/// - after `property:` (or in its list): the values of an enumeration; for a reference, the
///   declarations of the kinds it accepts, by path (the workspace's, then the packs'); for a
///   reference-model property such as `arm`, every node of that model, with code, title and
///   status in the detail; after `->`, any declaration;
/// - after `a.` (`ARM.`): the members of `a`, only those that are (or lead to) what the place
///   accepts.
///
/// Matching ignores diacritics and case: typed text (several words, for a reference: `dan cu`)
/// keeps items whose name or title holds each word, or holds its letters in order; the label,
/// folded label and folded title make up `filter_text`. Nothing inside comments and strings.
pub fn completions(db: &dyn Db, file: SourceFile, offset: usize) -> Vec<CompletionItem> {
    let text = file.text(db);
    if !text.is_char_boundary(offset) {
        return Vec::new();
    }
    let tokens = lex(text).tokens;
    let in_literal = tokens.iter().any(|t| {
        let open_ended = matches!(
            t.kind,
            TokenKind::LineComment
                | TokenKind::DocComment
                | TokenKind::UnterminatedString
                | TokenKind::UnterminatedTextBlock
                | TokenKind::UnterminatedBlockComment
        );
        let literal = open_ended
            || matches!(
                t.kind,
                TokenKind::String | TokenKind::TextBlock | TokenKind::BlockComment
            );
        literal
            && t.span.start < offset
            && (offset < t.span.end || open_ended && offset == t.span.end)
    });
    if in_literal {
        return Vec::new();
    }
    let word = tokens
        .iter()
        .find(|t| t.kind == TokenKind::Ident && t.span.start < offset && offset <= t.span.end);
    let mut source_range = word.map_or(Span::empty(offset), |t| t.span);
    let before: Vec<Token> = tokens
        .iter()
        .filter(|t| t.span.end <= source_range.start && !t.kind.is_trivia())
        .copied()
        .collect();
    // The segments before the one typed: `ARM.` or `national.dan`.
    let mut path: Vec<SmolStr> = Vec::new();
    let mut rest = before.len();
    while rest >= 2
        && before[rest - 1].kind == TokenKind::Dot
        && before[rest - 2].kind == TokenKind::Ident
        && before[rest - 1].span.start == before[rest - 2].span.end
    {
        let segment = &text[before[rest - 2].span.range()];
        path.push(SmolStr::new(vnea_syntax::names::normalize(segment)));
        rest -= 2;
    }
    path.reverse();
    if rest > 0 && before[rest - 1].kind == TokenKind::Dot && path.is_empty() {
        return Vec::new();
    }
    let start = if path.is_empty() {
        source_range.start
    } else {
        before[rest].span.start
    };
    let parse = hir::parse(db, file);
    let here = here(&parse.file, text, start);
    // Words typed before the cursor's word may belong to a reference (`dan cu`), not when
    // nothing is being typed (after `ttdl `, another item starts).
    let typing_words = word.is_some() && path.is_empty();
    let is_reference = |place: &Place| match place {
        _ if !typing_words => false,
        Place::Value(name) => property_schema(db, file, here, name)
            .and_then(|p| expectation(p.value))
            .is_some(),
        Place::RelationEnd => true,
        Place::Item => false,
    };
    let Some((place, query_start)) = place(text, &before[..rest], start, is_reference) else {
        return Vec::new();
    };
    if path.is_empty() {
        source_range.start = query_start;
    }
    let mut collector = Collector {
        db,
        query: Query::new(&text[source_range.start..offset]),
        source_range,
        cache: SyntaxCache::default(),
        found: Vec::new(),
    };
    // What the place accepts: `None` at the start of an item.
    let expect = match &place {
        Place::Item => None,
        Place::RelationEnd => Some(Expect::Anything),
        Place::Value(name) => {
            let Some(property) = property_schema(db, file, here, name) else {
                return Vec::new();
            };
            match (property.value, path.is_empty()) {
                (ValueType::Enum(values), true) => {
                    for value in values {
                        let label = (*value).to_owned();
                        let kind = CompletionKind::EnumValue;
                        collector.push(0, label.clone(), kind, None, None, label);
                    }
                    return collector.finish();
                }
                (value, _) => match expectation(value) {
                    Some(expect) => Some(expect),
                    None => return Vec::new(),
                },
            }
        }
    };
    if !path.is_empty() {
        if let Resolution::Resolved(parent) = resolve_path(db, file, here.scope(), &path) {
            for (name, member) in members(db, parent) {
                if expect.is_none_or(|e| leads_to(db, member, e, 4)) {
                    collector.declaration(member, name.to_string());
                }
            }
        }
        return collector.finish();
    }
    match expect {
        Some(expect) => collector.references(file, expect),
        None => items(db, file, here, source_range, &mut collector),
    }
    collector.finish()
}

/// The kinds and properties that may start an item in `here`.
fn items(
    db: &dyn Db,
    file: SourceFile,
    here: Here<'_>,
    typed: Span,
    collector: &mut Collector<'_>,
) {
    let config = db.workspace().config(db);
    let in_pack = file.in_pack(db);
    let tree = item_tree(db, file);
    let (parent, properties, block): (Option<&str>, Vec<&PropertySchema>, _) = match here {
        Here::TopLevel => (None, Vec::new(), None),
        Here::Decl(index, block) => {
            let kind = &tree.decls[index as usize].kind;
            let properties = schema::kind(kind).map_or(Vec::new(), |k| {
                let pack: &[PropertySchema] = if in_pack { schema::PACK_NODE } else { &[] };
                k.properties
                    .iter()
                    .chain(schema::COMMON)
                    .chain(pack)
                    .collect()
            });
            (Some(kind.as_str()), properties, Some(block))
        }
        Here::Relation(_, block) => (None, schema::RELATION.iter().collect(), Some(block)),
    };
    if !matches!(here, Here::Relation(..)) {
        let lang = config.language;
        for kind in schema::KINDS {
            if schema::allowed_in(kind, parent) && (in_pack || !kind.pack_only) {
                let terms = if kind.term_en == kind.name {
                    kind.term_vi.to_owned()
                } else {
                    format!("{} {}", kind.term_vi, kind.term_en)
                };
                let label = kind.name.to_owned();
                let detail = Some(term(kind, lang).to_owned());
                collector.push(
                    0,
                    label.clone(),
                    CompletionKind::Kind,
                    detail,
                    Some(&terms),
                    label,
                );
            }
        }
    }
    let written: Vec<&str> = block
        .iter()
        .flat_map(|b| &b.items)
        .filter_map(|item| match item {
            Item::Property(p) if p.name.span != typed => Some(p.name.text.as_str()),
            _ => None,
        })
        .collect();
    for property in properties {
        if written.contains(&property.name)
            || property.only_in.is_some_and(|f| f != config.framework)
        {
            continue;
        }
        let label = property.name.to_owned();
        let detail = Some(describe(property.value));
        let insert = format!("{label}: ");
        collector.push(1, label, CompletionKind::Property, detail, None, insert);
    }
}
