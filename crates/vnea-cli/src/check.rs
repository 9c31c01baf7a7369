//! `vnea check`: every workspace found, each with its own configuration, checked file by file.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use vnea_analysis::{AnalysisHost, Config, Lang, PackText, encoding};

use crate::failure::Failure;

use crate::cli::{CheckArgs, Format};
use crate::discover::{Discovery, discover};
use crate::render::{self, FileDiagnostic, Report, Summary, human, json, sarif};
use crate::sources::Sources;
use crate::{Outcome, input, output_failed, paths, report_failures, session_lang};

/// Runs `vnea check`: messages in `lang` if given, else in each workspace's language (for
/// SARIF, whose run has one language: the language the workspaces agree on, else Vietnamese).
pub fn run(args: &CheckArgs, lang: Option<Lang>, cwd: &Path) -> Outcome {
    let Discovery {
        workspaces,
        mut failures,
    } = discover(&args.paths, cwd);
    let mut configs: Vec<_> = workspaces
        .iter()
        .map(|workspace| input::load_config(workspace, lang))
        .collect();
    let lang = match (args.format, lang) {
        (Format::Sarif, None) => {
            let languages: Vec<Lang> = configs
                .iter()
                .map(|c| c.as_ref().map_or(Lang::default(), |c| c.config.language))
                .collect();
            let run = session_lang(None, &languages);
            if languages.iter().any(|&l| l != run) {
                // The messages of `vnea.toml` files in another language, worded again.
                configs = workspaces
                    .iter()
                    .map(|workspace| input::load_config(workspace, Some(run)))
                    .collect();
            }
            Some(run)
        }
        (_, lang) => lang,
    };
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut languages = Vec::new();
    let mut files = 0;
    for (workspace, loaded) in workspaces.iter().zip(configs) {
        let mut loaded = loaded.unwrap_or_else(|failure| {
            failures.push(failure);
            input::LoadedConfig::default()
        });
        apply_overrides(&mut loaded.config, args);
        if let Some((path, text)) = loaded.file.filter(|_| !loaded.diagnostics.is_empty()) {
            let id = sources.add(path.clone(), paths::display(cwd, &path), &text);
            diagnostics.extend(
                loaded
                    .diagnostics
                    .into_iter()
                    .map(|diagnostic| FileDiagnostic {
                        file: id,
                        diagnostic,
                    }),
            );
        }
        let mut config = loaded.config;
        let file_lang = lang.unwrap_or(config.language);
        config.language = file_lang;
        languages.push(file_lang);
        let user_packs = load_packs(&workspace.root, &config, &mut failures);
        let pack_texts: HashMap<String, String> = user_packs.iter().cloned().collect();
        // The files of a pack directory inside the workspace belong to the pack.
        let pack_dirs: Vec<PathBuf> = config
            .packs
            .iter()
            .map(|d| workspace.root.join(d))
            .collect();
        let mut host = AnalysisHost::new(config, user_packs);
        // The text of each analyzed file, by the key the host knows it by.
        let mut texts: HashMap<String, (PathBuf, String)> = HashMap::new();
        let own_files = workspace
            .files
            .iter()
            .filter(|path| !pack_dirs.iter().any(|dir| path.starts_with(dir)));
        for path in own_files {
            let bytes = match input::read(path) {
                Ok(bytes) => bytes,
                Err(failure) => {
                    failures.push(failure);
                    continue;
                }
            };
            files += 1;
            match encoding::decode(&bytes, file_lang) {
                Ok(text) => {
                    let key = path.to_string_lossy().into_owned();
                    host.set_file(&key, text.to_owned());
                    texts.insert(key, (path.clone(), text.to_owned()));
                }
                // The diagnostic is at the start of the file, where the lossy text agrees.
                Err(diagnostic) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let id = sources.add(path.clone(), paths::display(cwd, path), &text);
                    diagnostics.push(FileDiagnostic {
                        file: id,
                        diagnostic,
                    });
                }
            }
        }
        let analysis = host.analysis();
        let found = analysis
            .all_diagnostics()
            .and_then(|mut all| {
                all.extend(analysis.pack_diagnostics()?);
                Ok(all)
            })
            .expect("nothing changes the host while it is queried");
        for (key, found) in found {
            if found.is_empty() {
                continue;
            }
            let (path, text) = match texts.remove(&key) {
                Some(entry) => entry,
                None => match pack_texts.get(&key) {
                    Some(text) => (PathBuf::from(&key), text.clone()),
                    None => continue,
                },
            };
            let id = sources.add(path.clone(), paths::display(cwd, &path), &text);
            diagnostics.extend(found.into_iter().map(|diagnostic| FileDiagnostic {
                file: id,
                diagnostic,
            }));
        }
    }
    load_related_files(&mut sources, &diagnostics, cwd);
    render::sort(&mut diagnostics, &sources);

    let session = session_lang(lang, &languages);
    report_failures(&failures, cwd, session);
    let summary = Summary::new(files, diagnostics.iter().map(|d| &d.diagnostic));
    let report = Report {
        sources,
        diagnostics,
        summary,
    };
    // After a failure, "no problems in 0 files" would only mislead.
    let summary_line = (summary.files > 0 || failures.is_empty()).then(|| summary.line(session));
    let written = match args.format {
        Format::Human => write_human(&report, summary_line.as_deref()),
        Format::Json => json::write(&mut std::io::stdout().lock(), &report),
        Format::Sarif => {
            let failures: Vec<String> = failures.iter().map(|f| f.text(cwd, session)).collect();
            sarif::write(
                &mut std::io::stdout().lock(),
                &report,
                session,
                cwd,
                &failures,
            )
        }
    };
    if let Err(error) = written {
        return output_failed(&error, session);
    }
    outcome(!failures.is_empty(), &summary, args.deny_warnings)
}

/// The files of the user packs `config` names, relative to the workspace `root`. A pack that
/// cannot be read is a failure of the run; the others still load.
fn load_packs(root: &Path, config: &Config, failures: &mut Vec<Failure>) -> Vec<PackText> {
    let mut packs = Vec::new();
    for dir in &config.packs {
        let dir = root.join(dir);
        match vnea_packs::load_dir(&dir) {
            Ok(files) => packs.extend(files.into_iter().map(|f| (f.path, f.text.into_owned()))),
            Err(error) => failures.push(Failure::CannotRead(dir, error)),
        }
    }
    packs
}

/// `config` with what the command line overrides: the framework version.
fn apply_overrides(config: &mut Config, args: &CheckArgs) {
    if let Some(framework) = args.framework {
        config.framework = framework.into();
    }
}

/// How a run ends: failed if the tool could not do its job; findings if there are errors, or
/// warnings when `deny_warnings`; else clean.
fn outcome(failed: bool, summary: &Summary, deny_warnings: bool) -> Outcome {
    if failed {
        Outcome::Failed
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Writes the human output of `report` to standard output, then `summary_line`.
fn write_human(report: &Report, summary_line: Option<&str>) -> io::Result<()> {
    let mut out = human::stdout();
    human::write_diagnostics(&mut out, &report.sources, &report.diagnostics)?;
    match summary_line {
        Some(line) => writeln!(out, "{line}"),
        None => Ok(()),
    }
}

/// Adds to `sources` the files that related places name and that are not there yet, so every
/// output can show them. A file that cannot be read is left out; its places are then omitted.
fn load_related_files(sources: &mut Sources, diagnostics: &[FileDiagnostic], cwd: &Path) {
    for related in diagnostics.iter().flat_map(|d| &d.diagnostic.related) {
        if sources.find(&related.file).is_some() {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(&related.file) {
            sources.add(
                related.file.clone(),
                paths::display(cwd, &related.file),
                &text,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_framework_flag_overrides_the_workspace() {
        use clap::Parser;

        use crate::cli::{Cli, Command};

        let check = |args: &[&str]| match Cli::parse_from(args).command {
            Command::Check(args) => args,
            _ => unreachable!(),
        };
        let (three, _) = Config::parse("[workspace]\nframework = \"3.0\"\n", None);
        let mut config = three.clone();
        apply_overrides(&mut config, &check(&["vnea", "check"]));
        assert_eq!(config, three);
        apply_overrides(
            &mut config,
            &check(&["vnea", "check", "--framework", "2.0"]),
        );
        assert_eq!(config.framework.as_str(), "2.0");
        assert_eq!(config, Config::default());
        apply_overrides(
            &mut config,
            &check(&["vnea", "check", "--framework", "3.0"]),
        );
        assert_eq!(config, three);
    }

    #[test]
    fn warnings_fail_the_run_only_when_denied() {
        let summary = |errors, warnings| Summary {
            files: 1,
            errors,
            warnings,
            infos: 3,
            hints: 4,
        };
        assert_eq!(outcome(false, &summary(0, 0), true), Outcome::Clean);
        assert_eq!(outcome(false, &summary(0, 2), false), Outcome::Clean);
        assert_eq!(outcome(false, &summary(0, 2), true), Outcome::Findings);
        assert_eq!(outcome(false, &summary(1, 0), false), Outcome::Findings);
        assert_eq!(outcome(true, &summary(1, 2), true), Outcome::Failed);
    }
}
