//! Failures of the tool itself (as opposed to findings in the user's files): they go to
//! standard error and make the exit code 2.

use std::io;
use std::path::{Path, PathBuf};

use vnea_analysis::{Lang, Msg};

use crate::paths;

/// Something the tool could not do.
#[derive(Debug)]
pub enum Failure {
    /// A path given on the command line does not exist.
    NotFound(PathBuf),
    /// A file or directory could not be read.
    CannotRead(PathBuf, io::Error),
    /// A file could not be written.
    CannotWrite(PathBuf, io::Error),
}

impl Failure {
    /// The failure a directory walk reports, if it is one: I/O errors are; problems with the
    /// patterns of a `.gitignore` file are not (git skips bad patterns too), and neither are
    /// symbolic-link loops (links are not followed). `dir` is the directory being walked,
    /// named when the error does not say which path it is about.
    pub fn from_walk(error: ignore::Error, dir: &Path) -> Option<Failure> {
        let mut path = dir.to_path_buf();
        let mut error = error;
        loop {
            error = match error {
                ignore::Error::WithPath { path: p, err } => {
                    path = p;
                    *err
                }
                ignore::Error::WithDepth { err, .. }
                | ignore::Error::WithLineNumber { err, .. } => *err,
                ignore::Error::Io(io) => return Some(Failure::CannotRead(path, io)),
                _ => return None,
            }
        }
    }

    /// The message for standard error, in `lang`, paths shown relative to `cwd`.
    pub fn message(&self, cwd: &Path, lang: Lang) -> String {
        let message = self.text(cwd, lang);
        Msg::CliError.render(lang, &[("message", &message)])
    }

    /// What failed, in `lang`, without the `error:` prefix of [`Failure::message`].
    pub fn text(&self, cwd: &Path, lang: Lang) -> String {
        let show = |path: &Path| paths::display(cwd, path);
        match self {
            Failure::NotFound(path) => Msg::CliPathNotFound.render(lang, &[("path", &show(path))]),
            Failure::CannotRead(path, error) => Msg::CliCannotRead.render(
                lang,
                &[("path", &show(path)), ("reason", &reason(error, lang))],
            ),
            Failure::CannotWrite(path, error) => Msg::CliCannotWrite.render(
                lang,
                &[("path", &show(path)), ("reason", &reason(error, lang))],
            ),
        }
    }
}

/// Why an I/O operation failed, in `lang` for the common cases, else as the system says it.
fn reason(error: &io::Error, lang: Lang) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => Msg::IoPermissionDenied.text(lang),
        io::ErrorKind::NotFound => Msg::IoNotFound.text(lang),
        _ => error.to_string(),
    }
}
