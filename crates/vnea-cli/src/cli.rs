//! The command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use vnea_analysis::Lang;

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

/// The output formats of `vnea check`. (SARIF, spec §8, is to be added here.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source excerpts with underlines, then a summary.
    Human,
    /// One JSON object.
    Json,
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
}
