//! The `vnea` command line (spec §8): `vnea check`, `vnea fmt`, `vnea rules`, `vnea explain`
//! and `vnea lsp`. The binary's `main` only calls [`main`]; everything else is private to this
//! crate.

mod check;
mod cli;
mod discover;
mod failure;
mod fmt;
mod input;
mod paths;
mod render;
mod rules;
mod sources;

use std::io;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use vnea_analysis::{Lang, Msg};

use crate::cli::{Cli, Command};
use crate::failure::Failure;

/// How a command ended, and its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Nothing to report at the failing bar: exit code 0.
    Clean,
    /// Findings: errors, unformatted files: exit code 1.
    Findings,
    /// The tool could not do its job: exit code 2.
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        ExitCode::from(match outcome {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        })
    }
}

/// Runs the command line of this process and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.map(Lang::from);
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(error) => {
            let lang = lang.unwrap_or_default();
            let failure = Failure::CannotRead(".".into(), error);
            eprintln!("{}", failure.message(Path::new("."), lang));
            return Outcome::Failed.into();
        }
    };
    let outcome = match &cli.command {
        Command::Check(args) => check::run(args, lang, &cwd),
        Command::Fmt(args) => fmt::run(args, lang, &cwd),
        Command::Rules(args) => rules::run_rules(args, lang, &cwd),
        Command::Explain(args) => rules::run_explain(args, lang, &cwd),
        Command::Lsp(_) => {
            // The rule documentation, written beside the packs for diagnostics to link to.
            return vnea_lsp::run(vnea_lsp::Options {
                rules_markdown: Some(rules::markdown(&Lang::ALL)),
                lang,
                ..vnea_lsp::Options::default()
            });
        }
    };
    outcome.into()
}

/// The language of what a run prints beyond the diagnostics (summaries, failures): `flag` if
/// given, else the language the workspaces agree on, else Vietnamese.
fn session_lang(flag: Option<Lang>, workspaces: &[Lang]) -> Lang {
    flag.unwrap_or_else(|| match workspaces {
        [first, rest @ ..] if rest.iter().all(|l| l == first) => *first,
        _ => Lang::default(),
    })
}

/// Prints `failures` to standard error.
fn report_failures(failures: &[Failure], cwd: &Path, lang: Lang) {
    for failure in failures {
        eprintln!("{}", failure.message(cwd, lang));
    }
}

/// Handles an error writing standard output: a closed pipe (`vnea check | head`) ends the run
/// quietly; anything else is reported. Either way the run failed.
fn output_failed(error: &io::Error, lang: Lang) -> Outcome {
    if error.kind() != io::ErrorKind::BrokenPipe {
        let message = Msg::CliCannotWriteOutput.render(lang, &[("reason", error)]);
        eprintln!("{}", Msg::CliError.render(lang, &[("message", &message)]));
    }
    Outcome::Failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_language() {
        assert_eq!(session_lang(Some(Lang::En), &[Lang::Vi]), Lang::En);
        assert_eq!(session_lang(None, &[Lang::En, Lang::En]), Lang::En);
        assert_eq!(session_lang(None, &[Lang::En, Lang::Vi]), Lang::Vi);
        assert_eq!(session_lang(None, &[]), Lang::Vi);
    }
}
