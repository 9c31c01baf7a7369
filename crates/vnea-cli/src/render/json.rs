//! The JSON output of spec §8: one object with the diagnostics and the summary. Lines and
//! columns are 1-based, columns counted in Unicode characters; paths are relative to the
//! current directory.

use std::io::{self, Write};

use serde::Serialize;
use vnea_analysis::Severity;
use vnea_syntax::Span;
use vnea_syntax::line_index::Encoding;

use super::{Report, Summary};
use crate::sources::Source;

/// The version of the output's shape, bumped on incompatible changes.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<Diagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    file: &'a str,
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    range: Range,
    related: Vec<Related<'a>>,
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    file: &'a str,
    range: Range,
    message: &'a str,
}

#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    range: Range,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
}

impl Range {
    fn new(source: &Source, span: Span) -> Self {
        let position = |offset| {
            let at = source.index.line_col(offset, Encoding::Utf32);
            Position {
                line: at.line + 1,
                column: at.col + 1,
            }
        };
        Range {
            start: position(span.start),
            end: position(span.end),
        }
    }
}

/// Writes `report` to `out` as one pretty-printed JSON object and a line break.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let sources = &report.sources;
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| {
            let source = sources.get(d.file);
            let diagnostic = &d.diagnostic;
            Diagnostic {
                file: &source.name,
                rule: diagnostic.rule.name(),
                severity: diagnostic.severity,
                message: &diagnostic.message,
                range: Range::new(source, diagnostic.span),
                related: diagnostic
                    .related
                    .iter()
                    .filter_map(|related| {
                        let other = sources.get(sources.find(&related.file)?);
                        Some(Related {
                            file: &other.name,
                            range: Range::new(other, related.span),
                            message: &related.message,
                        })
                    })
                    .collect(),
                fixes: diagnostic
                    .fixes
                    .iter()
                    .map(|fix| Fix {
                        title: &fix.title,
                        edits: fix
                            .edits
                            .iter()
                            .map(|edit| Edit {
                                range: Range::new(source, edit.span),
                                replacement: &edit.replacement,
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let output = Output {
        version: VERSION,
        diagnostics,
        summary: report.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
