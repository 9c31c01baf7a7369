//! Hover: what a name names, or what a declaration kind is, as Markdown.

use vnea_analysis::hir::{self, declarations};
use vnea_analysis::resolve::DeclId;
use vnea_analysis::schema;
use vnea_analysis::{Db, Lang, SourceFile};
use vnea_syntax::Span;
use vnea_syntax::comments::doc_text;

use crate::names::{Facts, name_at, path_text, syntax, term, title_of};
use vnea_analysis::Msg;

/// What [`hover`] shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    /// The identifier hovered.
    pub range: Span,
    /// The text to show, in Markdown.
    pub markdown: String,
}

/// What the identifier at `offset` of `file` is. On a declaration's name or a reference
/// segment: the declaration's title, its kind (the framework's term and the kind as written)
/// and path, its doc comment (`///`) and description; for a node of a framework pack also its
/// code, `status` (with what it means) and source. On a declaration's kind: the kind's term.
/// Labels follow the workspace's language.
pub fn hover(db: &dyn Db, file: SourceFile, offset: usize) -> Option<HoverResult> {
    let lang = db.workspace().config(db).language;
    if let Some(name) = name_at(db, file, offset) {
        let decl = name.target(db, file)?;
        return Some(HoverResult {
            range: name.span,
            markdown: declaration(db, decl, lang)?,
        });
    }
    let parse = hir::parse(db, file);
    declarations(&parse.file).into_iter().find_map(|d| {
        let kind = schema::kind(&d.kind.text)?;
        d.kind.span.touches(offset).then(|| HoverResult {
            range: d.kind.span,
            markdown: format!("**{}** (`{}`)", term(kind, lang), kind.name),
        })
    })
}

/// `text` with the characters Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn declaration(db: &dyn Db, decl: DeclId, lang: Lang) -> Option<String> {
    let d = syntax(db, decl)?;
    let mut parts = Vec::new();
    if let Some(title) = title_of(db, decl) {
        parts.push(format!("**{}**", escape(title)));
    }
    let signature = format!("`{} {}`", d.kind.text, path_text(db, decl));
    parts.push(match schema::kind(&d.kind.text).map(|k| term(k, lang)) {
        Some(term) if term != &*d.kind.text => format!("{term} · {signature}"),
        _ => signature,
    });
    let parse = hir::parse(db, decl.file);
    if let Some(doc) = doc_text(decl.file.text(db), &parse.comments, d.span) {
        parts.push(doc);
    }
    let facts = Facts::of(d);
    if let Some(description) = &facts.description {
        parts.push(description.clone());
    }
    if decl.file.in_pack(db) {
        let mut lines = Vec::new();
        if let Some(code) = &facts.code {
            lines.push(format!("{}: `{code}`", Msg::HoverCode.text(lang)));
        }
        if let Some(status) = &facts.status {
            let meaning = match status.as_str() {
                "issued" => Some(Msg::HoverStatusIssued),
                "draft" => Some(Msg::HoverStatusDraft),
                "derived" => Some(Msg::HoverStatusDerived),
                _ => None,
            };
            let mut line = format!("{}: `{status}`", Msg::HoverStatus.text(lang));
            if let Some(meaning) = meaning {
                line += &format!(" ({})", meaning.text(lang));
            }
            lines.push(line);
        }
        if let Some(source) = &facts.source {
            lines.push(format!("{}: {source}", Msg::HoverSource.text(lang)));
        }
        if !lines.is_empty() {
            parts.push("---".to_owned());
            parts.push(lines.join("  \n"));
        }
    }
    Some(parts.join("\n\n"))
}
