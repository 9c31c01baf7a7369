//! The SARIF 2.1.0 output of spec §8, in the shape GitHub code scanning accepts: one run,
//! every rule in `tool.driver.rules` (not only those that fired), results whose `ruleIndex`
//! points into that list, regions with 1-based lines and columns counted in Unicode code
//! points (`columnKind`), and artifact URIs relative to the current directory under the base
//! id `%SRCROOT%`. Messages are in the run's `language`.
//!
//! The types are written here rather than taken from the `serde-sarif` crate: they cover the
//! small part of SARIF that vnea emits, with the field order of the specification, and need no
//! build-time code generation (`docs/cli.md` says why).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use vnea_analysis::rule_docs::{self, Category};
use vnea_analysis::{Lang, Rule, Severity};
use vnea_syntax::Span;
use vnea_syntax::line_index::Encoding;

use super::Report;
use crate::rules;
use crate::sources::Source;

/// The schema the output declares.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The SARIF version.
pub const VERSION: &str = "2.1.0";
/// The base id of the URIs of files: the directory `vnea check` ran in.
pub const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    language: &'static str,
    column_kind: &'static str,
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: String,
    short_description: Message<'static>,
    full_description: Message<'static>,
    help: MultiformatMessage,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Message<'a> {
    text: Cow<'a, str>,
}

impl<'a> Message<'a> {
    fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Message { text: text.into() }
    }
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: [&'static str; 2],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message<'static>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Message<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Content<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

/// The SARIF level of a severity: SARIF has no level below `note`.
pub const fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

impl Region {
    fn new(source: &Source, span: Span) -> Self {
        let start = source.index.line_col(span.start, Encoding::Utf32);
        let end = source.index.line_col(span.end, Encoding::Utf32);
        Region {
            start_line: start.line + 1,
            start_column: start.col + 1,
            end_line: end.line + 1,
            end_column: end.col + 1,
        }
    }
}

/// Writes `report` to `out` as one SARIF log with one run, in `lang`. `cwd` is the directory
/// file URIs are relative to; `failures` are what the tool could not do, reported as
/// notifications of an unsuccessful invocation.
pub fn write(
    out: &mut impl Write,
    report: &Report,
    lang: Lang,
    cwd: &Path,
    failures: &[String],
) -> io::Result<()> {
    let sources = &report.sources;
    let results = report
        .diagnostics
        .iter()
        .map(|d| {
            let source = sources.get(d.file);
            let diagnostic = &d.diagnostic;
            let artifact = artifact_location(&source.name);
            let related_locations = diagnostic
                .related
                .iter()
                .filter_map(|related| {
                    let other = sources.get(sources.find(&related.file)?);
                    Some((other, related))
                })
                .enumerate()
                .map(|(id, (other, related))| Location {
                    id: Some(id),
                    physical_location: PhysicalLocation {
                        artifact_location: artifact_location(&other.name),
                        region: Region::new(other, related.span),
                    },
                    message: Some(Message::new(related.message.as_str())),
                })
                .collect();
            let fixes = diagnostic
                .fixes
                .iter()
                .filter(|fix| !fix.edits.is_empty())
                .map(|fix| Fix {
                    description: Message::new(fix.title.as_str()),
                    artifact_changes: [ArtifactChange {
                        artifact_location: artifact.clone(),
                        replacements: fix
                            .edits
                            .iter()
                            .map(|edit| Replacement {
                                deleted_region: Region::new(source, edit.span),
                                inserted_content: Content {
                                    text: &edit.replacement,
                                },
                            })
                            .collect(),
                    }],
                })
                .collect();
            SarifResult {
                rule_id: diagnostic.rule.name(),
                rule_index: rule_index(diagnostic.rule),
                level: level(diagnostic.severity),
                message: Message::new(diagnostic.message.as_str()),
                locations: [Location {
                    id: None,
                    physical_location: PhysicalLocation {
                        artifact_location: artifact,
                        region: Region::new(source, diagnostic.span),
                    },
                    message: None,
                }],
                related_locations,
                fixes,
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: VERSION,
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "vnea",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: Rule::ALL.iter().map(|&r| descriptor(r, lang)).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: failures.is_empty(),
                tool_execution_notifications: failures
                    .iter()
                    .map(|text| Notification {
                        level: "error",
                        message: Message::new(text.clone()),
                    })
                    .collect(),
            }],
            language: lang.code(),
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                ArtifactLocation {
                    uri: format!("{}/", file_uri(cwd).trim_end_matches('/')),
                    uri_base_id: None,
                },
            )]),
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The position of `rule` in [`Rule::ALL`], the order of `tool.driver.rules`.
fn rule_index(rule: Rule) -> usize {
    Rule::ALL
        .iter()
        .position(|&r| r == rule)
        .expect("every rule is in Rule::ALL")
}

/// The `reportingDescriptor` of `rule`, from its documentation in `lang`.
fn descriptor(rule: Rule, lang: Lang) -> ReportingDescriptor {
    let doc = rule_docs::doc(rule, lang);
    let category = match rule_docs::category(rule) {
        Category::Language => "language",
        Category::Framework => "framework",
    };
    ReportingDescriptor {
        id: rule.name(),
        name: rules::pascal_case(rule),
        short_description: Message::new(doc.summary),
        full_description: Message::new(doc.explanation),
        help: MultiformatMessage {
            text: rules::help_text(rule, lang),
            markdown: rules::help_markdown(rule, lang),
        },
        default_configuration: Configuration {
            level: level(rule.default_severity()),
        },
        properties: Properties {
            tags: ["vnea", category],
        },
    }
}

/// Where a file is, given its name as the other outputs show it (relative to the current
/// directory, with `/`): a relative URI under [`SRCROOT`], or an absolute `file:` URI when the
/// file has no path relative to the current directory (another drive).
fn artifact_location(name: &str) -> ArtifactLocation {
    if Path::new(name).is_absolute() || name.starts_with('/') {
        ArtifactLocation {
            uri: file_uri(Path::new(name)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: percent_encode(name, false),
            uri_base_id: Some(SRCROOT),
        }
    }
}

/// The `file:` URI of the absolute path `path`.
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let encoded = percent_encode(&text, true);
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        // A Windows path, `C:/…`.
        format!("file:///{encoded}")
    }
}

/// `path` (segments separated by `/`) as the path of a URI: every byte but the unreserved
/// characters of RFC 3986 and `/` is percent-encoded, so Vietnamese file names and spaces make
/// valid URIs. A `:` is kept only when `keep_colon` (a drive letter in a `file:` URI); in a
/// relative reference it would read as a scheme.
fn percent_encode(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte));
            }
            b':' if keep_colon => out.push(':'),
            _ => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            percent_encode("kiến trúc/a:b.vnea", false),
            "ki%E1%BA%BFn%20tr%C3%BAc/a%3Ab.vnea"
        );
        assert_eq!(
            file_uri(Path::new("/w/dự án")),
            "file:///w/d%E1%BB%B1%20%C3%A1n"
        );
        let location = artifact_location("../khac/a.vnea");
        assert_eq!(location.uri, "../khac/a.vnea");
        assert_eq!(location.uri_base_id, Some(SRCROOT));
        assert_eq!(artifact_location("/x/a.vnea").uri_base_id, None);
    }

    #[test]
    fn related_places_and_fixes() {
        use std::path::PathBuf;

        use vnea_analysis::{Diagnostic, Edit, Fix, Related};

        use crate::render::{FileDiagnostic, Summary};
        use crate::sources::Sources;

        let mut sources = Sources::default();
        let first = "database x \"CSDL\"\n";
        let second = "// Tỉnh\ndatabase x \"CSDL khác\"\n";
        sources.add(PathBuf::from("/w/a.vnea"), "a.vnea".into(), first);
        let b = sources.add(PathBuf::from("/w/sub/b.vnea"), "sub/b.vnea".into(), second);
        let at = second.rfind('x').unwrap();
        let mut diagnostic = Diagnostic::new(
            Rule::DuplicateName,
            "tên `x` đã được khai báo".into(),
            Span::new(at, at + 1),
        );
        diagnostic.severity = Severity::Hint;
        diagnostic.related.push(Related {
            file: PathBuf::from("/w/a.vnea"),
            span: Span::new(9, 10),
            message: "khai báo đầu tiên".into(),
        });
        diagnostic.related.push(Related {
            file: PathBuf::from("/w/unread.vnea"),
            span: Span::new(0, 1),
            message: "bỏ qua".into(),
        });
        diagnostic = diagnostic
            .with_fix(Fix {
                title: "đổi tên".into(),
                edits: vec![Edit {
                    span: Span::new(at, at + 1),
                    replacement: "y".into(),
                }],
            })
            .with_fix(Fix {
                title: "không có sửa đổi".into(),
                edits: Vec::new(),
            });
        let report = Report {
            sources,
            diagnostics: vec![FileDiagnostic {
                file: b,
                diagnostic,
            }],
            summary: Summary::default(),
        };
        let mut out = Vec::new();
        write(&mut out, &report, Lang::Vi, Path::new("/w"), &[]).unwrap();
        let log: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["level"], "note");
        assert_eq!(result["ruleIndex"], 3);
        assert_eq!(
            result["relatedLocations"],
            serde_json::json!([{
                "id": 0,
                "physicalLocation": {
                    "artifactLocation": {"uri": "a.vnea", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 1, "startColumn": 10, "endLine": 1, "endColumn": 11}
                },
                "message": {"text": "khai báo đầu tiên"}
            }])
        );
        assert_eq!(
            result["fixes"],
            serde_json::json!([{
                "description": {"text": "đổi tên"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": "sub/b.vnea", "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": {
                            "startLine": 2, "startColumn": 10, "endLine": 2, "endColumn": 11
                        },
                        "insertedContent": {"text": "y"}
                    }]
                }]
            }])
        );
        assert_eq!(
            log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file:///w/"
        );
    }

    #[test]
    fn levels() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
        assert_eq!(level(Severity::Hint), "note");
    }

    #[test]
    fn rule_indexes_follow_the_registry() {
        for (index, &rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(rule_index(rule), index);
        }
    }
}
