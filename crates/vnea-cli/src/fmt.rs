//! `vnea fmt`: formats every `.vnea` file found, in place and atomically; with `--check`, lists
//! the files that are not formatted instead.
//!
//! A file is written only when its formatted text differs. A file with syntax errors, or that
//! is not UTF-8, is left untouched and its diagnostics are printed to standard error.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use vnea_analysis::{Lang, Msg, encoding, syntax_diagnostics};

use crate::cli::FmtArgs;
use crate::discover::{Discovery, discover};
use crate::failure::Failure;
use crate::render::{self, FileDiagnostic, capitalize, count_of, human};
use crate::sources::Sources;
use crate::{Outcome, input, output_failed, paths, report_failures, session_lang};

/// What happened to the files.
#[derive(Default)]
struct Tally {
    /// Rewritten, or with `--check`, needing to be.
    reformatted: usize,
    /// Already formatted.
    unchanged: usize,
    /// Left alone because of errors.
    skipped: usize,
}

/// Runs `vnea fmt`: messages in `lang` if given, else in each workspace's language.
pub fn run(args: &FmtArgs, lang: Option<Lang>, cwd: &Path) -> Outcome {
    let Discovery {
        workspaces,
        mut failures,
    } = discover(&args.paths, cwd);
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut unformatted = Vec::new();
    let mut languages = Vec::new();
    let mut tally = Tally::default();
    for workspace in &workspaces {
        // Only the language matters here: the problems of `vnea.toml`, even an unreadable
        // one, are for `vnea check` to report.
        let file_lang = match input::load_config(workspace, lang) {
            Ok(loaded) => lang.unwrap_or(loaded.config.language),
            Err(_) => lang.unwrap_or_default(),
        };
        languages.push(file_lang);
        for path in &workspace.files {
            let bytes = match input::read(path) {
                Ok(bytes) => bytes,
                Err(failure) => {
                    failures.push(failure);
                    continue;
                }
            };
            let name = paths::display(cwd, path);
            let text = match encoding::decode(&bytes, file_lang) {
                Ok(text) => text,
                Err(diagnostic) => {
                    tally.skipped += 1;
                    let file = sources.add(path.clone(), name, &String::from_utf8_lossy(&bytes));
                    diagnostics.push(FileDiagnostic { file, diagnostic });
                    continue;
                }
            };
            match vnea_syntax::format::format(text) {
                Err(errors) => {
                    tally.skipped += 1;
                    let file = sources.add(path.clone(), name, text);
                    let found = syntax_diagnostics(text, &errors, file_lang);
                    diagnostics.extend(
                        found
                            .into_iter()
                            .map(|diagnostic| FileDiagnostic { file, diagnostic }),
                    );
                }
                Ok(formatted) if formatted == text => tally.unchanged += 1,
                Ok(_) if args.check => {
                    tally.reformatted += 1;
                    unformatted.push(name);
                }
                Ok(formatted) => match write_atomically(path, &formatted) {
                    Ok(()) => tally.reformatted += 1,
                    Err(error) => failures.push(Failure::CannotWrite(path.clone(), error)),
                },
            }
        }
    }

    render::sort(&mut diagnostics, &sources);
    let session = session_lang(lang, &languages);
    report_failures(&failures, cwd, session);
    unformatted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    let summary = tally.line(args.check, session);
    if let Err(error) = write_results(&unformatted, &sources, &diagnostics, &summary) {
        return output_failed(&error, session);
    }
    if !failures.is_empty() {
        Outcome::Failed
    } else if tally.skipped > 0 || (args.check && tally.reformatted > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Lists `unformatted` on standard output, then writes `diagnostics` and `summary` to
/// standard error.
fn write_results(
    unformatted: &[String],
    sources: &Sources,
    diagnostics: &[FileDiagnostic],
    summary: &str,
) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    for name in unformatted {
        writeln!(stdout, "{name}")?;
    }
    stdout.flush()?;
    let mut stderr = human::stderr();
    human::write_diagnostics(&mut stderr, sources, diagnostics)?;
    writeln!(stderr, "{summary}")
}

impl Tally {
    /// The summary line: `2 files reformatted, 3 files already formatted`.
    fn line(&self, check: bool, lang: Lang) -> String {
        let reformatted = if check {
            (Msg::FmtWouldReformatOne, Msg::FmtWouldReformatOther)
        } else {
            (Msg::FmtReformattedOne, Msg::FmtReformattedOther)
        };
        let parts = [
            (self.reformatted, reformatted),
            (
                self.unchanged,
                (Msg::FmtUnchangedOne, Msg::FmtUnchangedOther),
            ),
            (self.skipped, (Msg::FmtSkippedOne, Msg::FmtSkippedOther)),
        ];
        let shown: Vec<String> = parts
            .iter()
            .filter(|(count, _)| *count > 0)
            .map(|&(count, (one, other))| count_of(lang, count, one, other))
            .collect();
        // With no file at all, the line still says so: "0 files reformatted".
        let line = match shown.is_empty() {
            true => count_of(lang, 0, reformatted.0, reformatted.1),
            false => shown.join(", "),
        };
        capitalize(&line)
    }
}

/// Replaces the contents of the file at `path` (through a symbolic link, the file it points
/// to) with `contents`, atomically: a temporary file in the same directory is written, given
/// the original's permissions, flushed to disk, then renamed over the original.
fn write_atomically(path: &Path, contents: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = fs::metadata(&target)?.permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".vnea-fmt-")
        .tempfile_in(dir)?;
    temp.write_all(contents.as_bytes())?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines() {
        let tally = Tally {
            reformatted: 1,
            unchanged: 3,
            skipped: 0,
        };
        assert_eq!(
            tally.line(false, Lang::En),
            "1 file reformatted, 3 files already formatted"
        );
        assert_eq!(
            tally.line(false, Lang::Vi),
            "Đã định dạng lại 1 tệp, 3 tệp đã đúng định dạng"
        );
        assert_eq!(
            tally.line(true, Lang::En),
            "1 file would be reformatted, 3 files already formatted"
        );
        let tally = Tally {
            reformatted: 0,
            unchanged: 0,
            skipped: 2,
        };
        assert_eq!(tally.line(false, Lang::Vi), "Bỏ qua 2 tệp có lỗi");
        assert_eq!(
            Tally::default().line(true, Lang::En),
            "0 files would be reformatted"
        );
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_keep_permissions_and_write_through_links() {
        use std::os::unix::fs::{PermissionsExt, symlink};

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.vnea");
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.vnea");
        symlink(&file, &link).unwrap();
        write_atomically(&link, "new").unwrap();
        assert_eq!(fs::read_to_string(&file).unwrap(), "new");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o640
        );
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left behind");
    }
}
