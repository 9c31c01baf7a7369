//! Folding ranges, selection ranges and inlay hints.

use ropey::Rope;
use tower_lsp_server::ls_types::{
    FoldingRange, FoldingRangeKind, FoldingRangeParams, InlayHint, InlayHintLabel,
    InlayHintLabelPart, InlayHintParams, Position, Range, SelectionRange, SelectionRangeParams,
    Uri,
};
use vnea_analysis::Cancelled;
use vnea_ide::FoldKind;

use crate::dispatch::{Feature, Snapshot};
use crate::features::texts;
use crate::position::{self, Encoding};

/// `fold` of the text `rope` as an LSP folding range; `None` when it folds no line away.
///
/// For a client that folds whole lines only (`line_folding_only`: VS Code, Neovim), the line
/// of a closing `}`, `]` or `"""` stays visible (as VS Code's own TypeScript folding does), and
/// a comment's last line folds only when nothing else follows on it.
pub fn folding_range(
    rope: &Rope,
    fold: &vnea_ide::FoldingRange,
    encoding: Encoding,
    line_folding_only: bool,
) -> Option<FoldingRange> {
    let range = position::range(rope, fold.span, encoding);
    let mut end_line = range.end.line;
    if line_folding_only {
        let more_after = || {
            let from = rope.byte_to_char(fold.span.end.min(rope.len_bytes()));
            rope.chars_at(from)
                .take_while(|&c| c != '\n' && c != '\r')
                .any(|c| !c.is_whitespace())
        };
        let closed_by_delimiter = fold.kind != FoldKind::Comment;
        if closed_by_delimiter || more_after() {
            end_line = end_line.saturating_sub(1);
        }
    }
    if end_line <= range.start.line {
        return None;
    }
    let columns = !line_folding_only;
    Some(FoldingRange {
        start_line: range.start.line,
        start_character: columns.then_some(range.start.character),
        end_line,
        end_character: columns.then_some(range.end.character),
        kind: (fold.kind == FoldKind::Comment).then_some(FoldingRangeKind::Comment),
        collapsed_text: None,
    })
}

/// `textDocument/foldingRange`: blocks, lists, text blocks and comment runs that span lines
/// (`vnea_ide::folding_ranges`).
pub struct FoldingRanges;

impl Feature for FoldingRanges {
    type Params = FoldingRangeParams;
    type Output = Option<Vec<FoldingRange>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, _: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc)) = snapshot.open() else {
            return Ok(None);
        };
        let Some(folds) =
            analysis.with_db(|db| Some(vnea_ide::folding_ranges(db, snapshot.file(db)?)))?
        else {
            return Ok(None);
        };
        let line_only = snapshot.client.line_folding_only;
        Ok(Some(
            folds
                .iter()
                .filter_map(|f| folding_range(&doc.rope, f, snapshot.encoding, line_only))
                .collect(),
        ))
    }
}

/// `textDocument/selectionRange`: for each position, the ranges a selection grows through
/// (`vnea_ide::selection_ranges`), innermost first, each the parent of the one before.
pub struct SelectionRanges;

impl Feature for SelectionRanges {
    type Params = SelectionRangeParams;
    type Output = Option<Vec<SelectionRange>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc)) = snapshot.open() else {
            return Ok(None);
        };
        let encoding = snapshot.encoding;
        let offsets: Vec<usize> = params
            .positions
            .iter()
            .map(|&p| position::offset(&doc.rope, p, encoding))
            .collect();
        let Some(chains) = analysis
            .with_db(|db| Some(vnea_ide::selection_ranges(db, snapshot.file(db)?, &offsets)))?
        else {
            return Ok(None);
        };
        let ranges = chains
            .iter()
            .zip(&params.positions)
            .map(|(chain, &at)| {
                let mut current: Option<SelectionRange> = None;
                for &span in chain.iter().rev() {
                    let range = position::range(&doc.rope, span, encoding);
                    if current.as_ref().is_some_and(|c| c.range == range) {
                        continue;
                    }
                    current = Some(SelectionRange {
                        range,
                        parent: current.map(Box::new),
                    });
                }
                current.unwrap_or(SelectionRange {
                    range: Range::new(at, at),
                    parent: None,
                })
            })
            .collect();
        Ok(Some(ranges))
    }
}

/// `textDocument/inlayHint`: after each path in the range that names a titled framework node
/// (`arm: ARM.dung_chung`), the node's title (`vnea_ide::inlay_hints`), one space from the
/// path; the label links to the node in its pack file.
pub struct InlayHints;

impl Feature for InlayHints {
    type Params = InlayHintParams;
    type Output = Option<Vec<InlayHint>>;

    fn document(params: &Self::Params) -> Option<&Uri> {
        Some(&params.text_document.uri)
    }

    fn run(snapshot: &Snapshot, params: &Self::Params) -> Result<Self::Output, Cancelled> {
        let Some((analysis, doc)) = snapshot.open() else {
            return Ok(None);
        };
        let encoding = snapshot.encoding;
        let range = position::span(&doc.rope, params.range, encoding);
        analysis.with_db(|db| {
            let found = vnea_ide::inlay_hints(db, snapshot.file(db)?, Some(range));
            let mut texts = texts(db, snapshot);
            let hints = found
                .into_iter()
                .filter_map(|hint| {
                    let title = hint.target.title?;
                    let location = texts.location(
                        hint.target.file.path(db),
                        hint.target.focus_range,
                        encoding,
                        &snapshot.links,
                    );
                    let at: Position = position::position(&doc.rope, hint.offset, encoding);
                    Some(InlayHint {
                        position: at,
                        label: InlayHintLabel::LabelParts(vec![InlayHintLabelPart {
                            value: title,
                            location,
                            ..InlayHintLabelPart::default()
                        }]),
                        kind: None,
                        text_edits: None,
                        tooltip: None,
                        padding_left: Some(true),
                        padding_right: None,
                        data: None,
                    })
                })
                .collect();
            Some(hints)
        })
    }
}

#[cfg(test)]
mod tests {
    use vnea_syntax::Span;

    use super::*;

    fn fold(text: &str, from: &str, to: &str, kind: FoldKind) -> vnea_ide::FoldingRange {
        let start = text.find(from).unwrap();
        let end = text[start..].find(to).unwrap() + start + to.len();
        vnea_ide::FoldingRange {
            span: Span::new(start, end),
            kind,
        }
    }

    fn lines(range: &FoldingRange) -> (u32, Option<u32>, u32, Option<u32>) {
        (
            range.start_line,
            range.start_character,
            range.end_line,
            range.end_character,
        )
    }

    #[test]
    fn whole_line_folds_keep_the_closing_line() {
        let text =
            "a \"😀\" {\r\n  x: [\r\n    1,\r\n  ]\r\n}\r\n// một\r\n// hai\r\n/* ba\r\n*/ b\r\n";
        let rope = Rope::from_str(text);
        let block = fold(text, "{", "}", FoldKind::Block);
        let with_columns = folding_range(&rope, &block, Encoding::Utf16, false).unwrap();
        assert_eq!(lines(&with_columns), (0, Some(7), 4, Some(1)));
        assert_eq!(with_columns.kind, None);
        let whole_lines = folding_range(&rope, &block, Encoding::Utf16, true).unwrap();
        assert_eq!(lines(&whole_lines), (0, None, 3, None));
        // A list over three lines folds one line away.
        let list = fold(text, "[", "]", FoldKind::List);
        let list = folding_range(&rope, &list, Encoding::Utf16, true).unwrap();
        assert_eq!(lines(&list), (1, None, 2, None));
        // Line comments end their line: the last folds with them.
        let comments = fold(text, "// một", "hai", FoldKind::Comment);
        let comments = folding_range(&rope, &comments, Encoding::Utf16, true).unwrap();
        assert_eq!(lines(&comments), (5, None, 6, None));
        assert_eq!(comments.kind, Some(FoldingRangeKind::Comment));
        // A block comment followed by more on its last line: only its first line is left,
        // which folds nothing away.
        let block_comment = fold(text, "/* ba", "*/", FoldKind::Comment);
        assert_eq!(
            folding_range(&rope, &block_comment, Encoding::Utf16, true),
            None
        );
        assert!(folding_range(&rope, &block_comment, Encoding::Utf16, false).is_some());
    }
}
