//! The command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use vnea_analysis::Lang;
use vnea_analysis::config::Framework;

/// Check and format vnea architecture models (Kiến trúc Chính phủ điện tử as code).
#[derive(Debug, Parser)]
#[command(name = "vnea", bin_name = "vnea", version, propagate_version = true)]
pub struct Cli {
    /// Language of messages; overrides `language` in vnea.toml (default: vi).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check workspaces and report their diagnostics.
    Check(CheckArgs),
    /// Format .vnea files in place.
    Fmt(FmtArgs),
    /// List every rule: name, default severity, summary, source.
    Rules(RulesArgs),
    /// Explain one rule: what it catches, why, how to fix it, with an example.
    Explain(ExplainArgs),
    /// Run the language server on standard input and output (LSP 3.17).
    Lsp(LspArgs),
}

/// The arguments of `vnea lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Use standard input and output: the only transport, and the default. Accepted because
    /// clients such as vscode-languageclient pass it.
    #[arg(long)]
    pub stdio: bool,
}

/// The arguments of `vnea check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; every workspace under a directory is checked.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Framework version to check against; overrides `framework` in vnea.toml.
    #[arg(long, value_enum, value_name = "VERSION")]
    pub framework: Option<FrameworkArg>,
    /// Exit with code 1 when there are warnings, not only when there are errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// The arguments of `vnea fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files or directories to format.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// List the files that are not formatted instead of formatting them; exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

/// The arguments of `vnea rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format; `markdown` writes docs/rules.md (both languages unless --lang is given).
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}

/// The arguments of `vnea explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's name, e.g. `missing-lgsp` (see `vnea rules`).
    #[arg(value_name = "RULE")]
    pub rule: String,
}

/// The output formats of `vnea check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source excerpts with underlines, then a summary.
    Human,
    /// One JSON object.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
}

/// The output formats of `vnea rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A list for the terminal.
    Human,
    /// One JSON object.
    Json,
    /// The Markdown of docs/rules.md.
    Markdown,
}

/// A framework version, as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FrameworkArg {
    /// Framework 2.0 (QĐ 2323/QĐ-BTTTT, 2019).
    #[value(name = "2.0")]
    V2,
    /// Framework 3.0 (QĐ 2568/QĐ-BTTTT, 2023).
    #[value(name = "3.0")]
    V3,
}

impl From<FrameworkArg> for Framework {
    fn from(framework: FrameworkArg) -> Self {
        let version = framework
            .to_possible_value()
            .expect("every version has a value");
        Framework::ALL
            .into_iter()
            .find(|f| f.as_str() == version.get_name())
            .expect("every version on the command line is a version of the framework")
    }
}

/// A message language, as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Vietnamese (Tiếng Việt).
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_framework_version_can_be_given() {
        let given: Vec<Framework> = FrameworkArg::value_variants()
            .iter()
            .map(|&v| v.into())
            .collect();
        assert_eq!(given, Framework::ALL);
    }
}
