//! The human output: each diagnostic with the source line and its span underlined, rendered by
//! codespan-reporting over our own line index (see [`crate::sources`]).

use std::io::{self, IsTerminal};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use codespan_reporting::term::{self, Config};
use vnea_analysis::Severity;

use super::FileDiagnostic;
use crate::sources::Sources;

/// Whether output to a stream that `is_terminal` may be coloured: only on a terminal, and only
/// when `NO_COLOR` is unset or empty (no-color.org).
fn color_choice(is_terminal: bool) -> ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if is_terminal && !no_color {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    }
}

/// Standard output, coloured when it may be.
pub fn stdout() -> StandardStream {
    StandardStream::stdout(color_choice(io::stdout().is_terminal()))
}

/// Standard error, coloured when it may be.
pub fn stderr() -> StandardStream {
    StandardStream::stderr(color_choice(io::stderr().is_terminal()))
}

/// Writes `diagnostics`, each with its source excerpt, to `out`.
pub fn write_diagnostics<W: WriteColor>(
    out: &mut W,
    sources: &Sources,
    diagnostics: &[FileDiagnostic],
) -> io::Result<()> {
    let config = Config::default();
    for FileDiagnostic { file, diagnostic } in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
            Severity::Hint => Level::Help,
        };
        let mut labels = vec![Label::primary(
            *file,
            sources.get(*file).shown_span(diagnostic.span),
        )];
        labels.extend(diagnostic.related.iter().filter_map(|related| {
            let id = sources.find(&related.file)?;
            let range = sources.get(id).shown_span(related.span);
            Some(Label::secondary(id, range).with_message(&related.message))
        }));
        let report = Report::new(level)
            .with_code(diagnostic.rule.name())
            .with_message(&diagnostic.message)
            .with_labels(labels)
            .with_notes(
                diagnostic
                    .fixes
                    .iter()
                    .map(|fix| fix.title.clone())
                    .collect(),
            );
        term::emit_to_write_style(out, &config, sources, &report).map_err(|error| match error {
            files::Error::Io(error) => error,
            other => io::Error::other(other),
        })?;
    }
    Ok(())
}
