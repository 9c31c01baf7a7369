//! Output formats of `vnea check`. Each renders the same [`Report`].
//!
//! - [`human`]: source excerpts with underlines, then a summary line;
//! - [`json`]: one JSON object, the shape of spec §8;
//! - [`sarif`]: SARIF 2.1.0 (spec §8), for GitHub code scanning.

pub mod human;
pub mod json;
pub mod sarif;

use std::path::Path;

use serde::Serialize;
use vnea_analysis::{Diagnostic, Lang, Msg, Severity};

use crate::sources::{FileId, Sources};

/// A diagnostic and the file it is on.
pub struct FileDiagnostic {
    /// The file, in the report's [`Sources`].
    pub file: FileId,
    /// The diagnostic; its related places name files of the same [`Sources`].
    pub diagnostic: Diagnostic,
}

/// Sorts `diagnostics` by the path of their file, then by position.
pub fn sort(diagnostics: &mut [FileDiagnostic], sources: &Sources) {
    diagnostics.sort_by_cached_key(|d| {
        let span = d.diagnostic.span;
        (
            Path::new(&sources.get(d.file).name).to_path_buf(),
            span.start,
            span.end,
        )
    });
}

/// Everything `vnea check` found.
pub struct Report {
    /// The files diagnostics point into.
    pub sources: Sources,
    /// The diagnostics, sorted by file path, then position.
    pub diagnostics: Vec<FileDiagnostic>,
    /// The counts.
    pub summary: Summary,
}

/// How many files were checked and how many diagnostics of each severity they have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// `.vnea` files checked.
    pub files: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity info.
    pub infos: usize,
    /// Diagnostics of severity hint.
    pub hints: usize,
}

impl Summary {
    /// The counts of `files` files with `diagnostics`.
    pub fn new<'d>(files: usize, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Self {
        let mut summary = Summary {
            files,
            ..Summary::default()
        };
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
                Severity::Hint => summary.hints += 1,
            }
        }
        summary
    }

    /// The summary as a line of text: `2 lỗi, 1 cảnh báo trong 5 tệp`.
    pub fn line(&self, lang: Lang) -> String {
        let counts: Vec<String> = [
            (self.errors, Msg::CountErrorsOne, Msg::CountErrorsOther),
            (
                self.warnings,
                Msg::CountWarningsOne,
                Msg::CountWarningsOther,
            ),
            (self.infos, Msg::CountInfosOne, Msg::CountInfosOther),
            (self.hints, Msg::CountHintsOne, Msg::CountHintsOther),
        ]
        .into_iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, one, other)| count_of(lang, count, one, other))
        .collect();
        let files = count_of(lang, self.files, Msg::CountFilesOne, Msg::CountFilesOther);
        let line = if counts.is_empty() {
            Msg::SummaryClean.render(lang, &[("files", &files)])
        } else {
            Msg::SummaryProblems.render(lang, &[("counts", &counts.join(", ")), ("files", &files)])
        };
        capitalize(&line)
    }
}

/// `count` with the message for one (`one`) or for any other count (`other`).
pub fn count_of(lang: Lang, count: usize, one: Msg, other: Msg) -> String {
    let msg = if count == 1 { one } else { other };
    msg.render(lang, &[("count", &count)])
}

/// `text` with its first letter in upper case, for a line that stands as a sentence.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(
        files: usize,
        errors: usize,
        warnings: usize,
        infos: usize,
        hints: usize,
    ) -> Summary {
        Summary {
            files,
            errors,
            warnings,
            infos,
            hints,
        }
    }

    #[test]
    fn summary_lines() {
        assert_eq!(
            summary(5, 2, 1, 0, 0).line(Lang::Vi),
            "2 lỗi, 1 cảnh báo trong 5 tệp"
        );
        assert_eq!(
            summary(5, 2, 1, 0, 0).line(Lang::En),
            "2 errors, 1 warning in 5 files"
        );
        assert_eq!(
            summary(1, 1, 0, 3, 1).line(Lang::En),
            "1 error, 3 infos, 1 hint in 1 file"
        );
        assert_eq!(
            summary(3, 0, 0, 0, 0).line(Lang::Vi),
            "Không có vấn đề nào trong 3 tệp"
        );
        assert_eq!(
            summary(1, 0, 0, 0, 0).line(Lang::En),
            "No problems in 1 file"
        );
    }
}
