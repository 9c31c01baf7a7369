//! The analyzer's plain data in LSP terms: diagnostics, locations and edits.

use std::collections::HashMap;

use ropey::Rope;
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag,
    Location, NumberOrString, TextEdit, Uri,
};
use vnea_analysis::{Db, Diagnostic, Edit, Rule, Severity, SourceFile};
use vnea_syntax::Span;

use crate::links::Links;
use crate::position::{self, Encoding};

/// What LSP diagnostics carry as their source.
pub const SOURCE: &str = "vnea";

/// The texts of the files locations point into, as ropes built at most once each: the open
/// documents' ropes, else the texts in the analyzer's database.
pub struct Texts<'a> {
    db: Option<&'a dyn Db>,
    /// Every file of the database, workspace and packs, by analyzer path.
    files: HashMap<&'a str, SourceFile>,
    /// Ropes of open documents and of files already converted, by analyzer path.
    ropes: HashMap<String, Rope>,
    /// The client's URIs of open documents, by analyzer path.
    uris: HashMap<String, Uri>,
}

impl<'a> Texts<'a> {
    /// The texts of `db` (if any), with `open` (analyzer path, rope) taking precedence.
    pub fn new(db: Option<&'a dyn Db>, open: impl IntoIterator<Item = (String, Rope)>) -> Self {
        let mut files = HashMap::new();
        if let Some(db) = db {
            let ws = db.workspace();
            let all = ws
                .files(db)
                .iter()
                .chain(ws.packs(db))
                .chain(ws.other_packs(db));
            for &file in all {
                files.insert(file.path(db).as_str(), file);
            }
        }
        Texts {
            db,
            files,
            ropes: open.into_iter().collect(),
            uris: HashMap::new(),
        }
    }

    /// Names the file at analyzer path `key` by `uri`, the client's URI of its open document.
    pub fn with_uri(mut self, key: String, uri: Uri) -> Self {
        self.uris.insert(key, uri);
        self
    }

    /// The URI of the file at analyzer path `key`: the client's, for an open document it was
    /// told of, else its `file://` URI (built-in pack files: their copies in the cache).
    pub fn uri(&self, key: &str, links: &Links) -> Option<Uri> {
        match self.uris.get(key) {
            Some(uri) => Some(uri.clone()),
            None => links.uri(key),
        }
    }

    /// The rope of the file at analyzer path `key`.
    pub fn rope(&mut self, key: &str) -> Option<Rope> {
        if let Some(rope) = self.ropes.get(key) {
            return Some(rope.clone());
        }
        let db = self.db?;
        let rope = Rope::from_str(self.files.get(key)?.text(db));
        self.ropes.insert(key.to_owned(), rope.clone());
        Some(rope)
    }

    /// The location of `span` in the file at analyzer path `key`.
    pub fn location(
        &mut self,
        key: &str,
        span: Span,
        encoding: Encoding,
        links: &Links,
    ) -> Option<Location> {
        let rope = self.rope(key)?;
        Some(Location::new(
            self.uri(key, links)?,
            position::range(&rope, span, encoding),
        ))
    }
}

/// The LSP severity of `severity`.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// `d`, a diagnostic of the file whose text is `rope`, as an LSP diagnostic: the rule name as
/// its code, a link to the rule's documentation when there is one, related places as
/// locations (those in files without a location are left out).
pub fn diagnostic(
    d: &Diagnostic,
    rope: &Rope,
    encoding: Encoding,
    links: &Links,
    texts: &mut Texts<'_>,
) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let key = r.file.to_string_lossy();
            Some(DiagnosticRelatedInformation {
                location: texts.location(&key, r.span, encoding, links)?,
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: position::range(rope, d.span, encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.name().to_owned())),
        code_description: links.rule_doc(d.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: (d.rule == Rule::UnusedElement).then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}

/// `edit` of the file whose text is `rope`, as an LSP text edit.
pub fn text_edit(edit: &Edit, rope: &Rope, encoding: Encoding) -> TextEdit {
    TextEdit::new(
        position::range(rope, edit.span, encoding),
        edit.replacement.clone(),
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use vnea_analysis::Related;

    use super::*;

    #[test]
    fn a_diagnostic_in_lsp_terms() {
        let cache = tempfile::tempdir().unwrap();
        let (links, _) = Links::prepare(Some(cache.path()), Some("# rules\n"));
        let text = "ứng 😀 x\r\ny";
        let rope = Rope::from_str(text);
        let x = text.find('x').unwrap();
        let mut d = Diagnostic::new(Rule::UnusedElement, "m".into(), Span::new(x, x + 1));
        d.severity = Severity::Hint;
        d.related.push(Related {
            file: PathBuf::from("/w/b.vnea"),
            // The emoji: 4 bytes, 2 UTF-16 units.
            span: Span::new(0, 4),
            message: "there".into(),
        });
        d.related.push(Related {
            file: PathBuf::from("/w/unknown.vnea"),
            span: Span::new(0, 1),
            message: "nowhere".into(),
        });
        let open = [("/w/b.vnea".to_owned(), Rope::from_str("\u{1F600}b"))];
        let mut texts = Texts::new(None, open);
        let lsp = diagnostic(&d, &rope, Encoding::Utf16, &links, &mut texts);
        assert_eq!(lsp.range.start, lsp::Position::new(0, 7));
        assert_eq!(lsp.range.end, lsp::Position::new(0, 8));
        assert_eq!(lsp.severity, Some(DiagnosticSeverity::HINT));
        assert_eq!(
            lsp.code,
            Some(NumberOrString::String("unused-element".into()))
        );
        let href = lsp.code_description.unwrap().href;
        assert!(href.as_str().ends_with("rules.md#unused-element"));
        let related = lsp.related_information.unwrap();
        assert_eq!(related.len(), 1);
        assert_eq!(related[0].location.uri.as_str(), "file:///w/b.vnea");
        assert_eq!(related[0].location.range.end, lsp::Position::new(0, 2));
        assert_eq!(lsp.tags, Some(vec![DiagnosticTag::UNNECESSARY]));
    }
}
