//! The measured session: a synthetic workspace, `vnea lsp` over stdio, the initial analysis,
//! keystrokes, requests, memory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::lsp::{Error, Memory, Server, file_uri, uri_path};
use crate::script::{self, EditKind, Rng};
use crate::text::{Document, Position};

/// What to run.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The `vnea` binary.
    pub binary: PathBuf,
    /// Elements of the one generated agency.
    pub elements: usize,
    /// Keystrokes to replay.
    pub edits: usize,
    /// Requests of each kind.
    pub requests: usize,
    /// Seed of the workspace, the edits and the request positions.
    pub seed: u64,
    /// The file to edit (a name in the workspace), else the largest application file with
    /// diagnostics.
    pub file: Option<String>,
    /// The longest wait for any one answer or publication.
    pub timeout: Duration,
    /// Where to generate the workspace; a temporary directory when not given.
    pub dir: Option<PathBuf>,
}

/// The generated workspace.
#[derive(Debug, Clone)]
pub struct WorkspaceInfo {
    /// Where it was generated.
    pub root: PathBuf,
    /// Elements of the agency.
    pub elements: usize,
    /// `.vnea` files.
    pub files: usize,
    /// Lines of the `.vnea` files.
    pub lines: u64,
    /// Bytes of the `.vnea` files.
    pub bytes: u64,
    /// Files `vnea check` reports diagnostics for: the ones `vnea lsp` publishes at start.
    pub files_with_diagnostics: usize,
    /// The edited file (relative to the root) and its lines.
    pub edited: String,
    /// Lines of the edited file.
    pub edited_lines: usize,
}

/// The samples of one kind of request.
#[derive(Debug, Clone)]
pub struct Requests {
    /// The key in JSON output.
    pub key: &'static str,
    /// What was asked, for the table.
    pub label: &'static str,
    /// Latency of each, request written → answer read.
    pub samples: Vec<Duration>,
    /// Answers with something in them.
    pub answered: usize,
    /// `null` or empty answers.
    pub empty: usize,
    /// Error answers (e.g. `ContentModified`).
    pub errors: usize,
    /// Completion items over all answers.
    pub items: usize,
    /// The p95 target in milliseconds.
    pub target_p95_ms: f64,
}

/// Everything measured.
#[derive(Debug, Clone)]
pub struct Results {
    /// The binary.
    pub binary: PathBuf,
    /// The workspace.
    pub workspace: WorkspaceInfo,
    /// The seed.
    pub seed: u64,
    /// `vnea check --format json` of the same workspace (a reference point, not a target).
    pub check: Duration,
    /// What the session with the server measured.
    pub session: Session,
}

/// Runs the whole session. Progress goes to standard error.
pub fn run(plan: &Plan) -> Result<Results, Error> {
    let binary = std::fs::canonicalize(&plan.binary).map_err(|e| {
        format!(
            "{}: {e} (build it: cargo build --release -p vnea-cli)",
            plan.binary.display()
        )
    })?;
    let temp = tempfile::Builder::new().prefix("vnea-latency").tempdir()?;
    let root = plan.dir.clone().unwrap_or_else(|| temp.path().join("ws"));
    std::fs::create_dir_all(&root)?;
    let root = std::fs::canonicalize(&root)?;
    let cache = temp.path().join("cache");
    let stderr = temp.path().join("server.stderr");

    progress(format!(
        "generating an agency of {} elements (seed {}) in {}",
        plan.elements,
        plan.seed,
        root.display()
    ));
    let spec = vnea_synth::AgencySpec::numbered(0, plan.elements, plan.seed);
    let files = vnea_synth::agency_files(&spec);
    let (mut vnea_files, mut lines, mut bytes) = (0, 0, 0);
    for (path, text) in &files {
        std::fs::write(root.join(path), text)?;
        if path.ends_with(".vnea") {
            vnea_files += 1;
            lines += text.bytes().filter(|&b| b == b'\n').count() as u64;
            bytes += text.len() as u64;
        }
    }

    progress("vnea check --format json (which files have diagnostics)".to_owned());
    let (check, expected) = files_with_diagnostics(&binary, &root, &cache)?;
    let edited = choose_file(plan.file.as_deref(), &expected, &files, &root)?;
    let edited_text = files
        .iter()
        .find(|(path, _)| *path == edited)
        .map(|(_, text)| text.clone())
        .ok_or("the edited file is not generated")?;
    let mut doc = Document::new(edited_text);
    let workspace = WorkspaceInfo {
        root: root.clone(),
        elements: plan.elements,
        files: vnea_files,
        lines,
        bytes,
        files_with_diagnostics: expected.len(),
        edited: edited.clone(),
        edited_lines: doc.text().lines().count(),
    };

    let paths = Paths {
        binary: binary.clone(),
        root: root.clone(),
        cache,
        scratch: temp.path().to_owned(),
    };
    let outcome = drive(plan, &paths, &stderr, &expected, &edited, &mut doc);
    let session = outcome.inspect_err(|_| {
        let log = std::fs::read_to_string(&stderr).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        if !tail.is_empty() {
            eprintln!("vnea-latency: the server's standard error ends with:");
            for line in tail.into_iter().rev() {
                eprintln!("  {line}");
            }
        }
    })?;
    Ok(Results {
        binary,
        workspace,
        seed: plan.seed,
        check,
        session,
    })
}

fn progress(message: String) {
    eprintln!("vnea-latency: {message}");
}

/// The wall time of `vnea check --format json` on the workspace, and the files it reports
/// diagnostics for. `vnea lsp` publishes those and only those at start (a file without
/// diagnostics is not published), so they tell when the initial analysis is out.
fn files_with_diagnostics(
    binary: &Path,
    root: &Path,
    cache: &Path,
) -> Result<(Duration, HashSet<PathBuf>), Error> {
    let start = Instant::now();
    let output = Command::new(binary)
        .args(["check", "--format", "json", "."])
        .current_dir(root)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .map_err(|e| format!("cannot run {} check: {e}", binary.display()))?;
    let took = start.elapsed();
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "vnea check --format json printed no JSON ({e}); its standard error: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    let files = report["diagnostics"]
        .as_array()
        .ok_or("vnea check --format json: no `diagnostics` array")?
        .iter()
        .filter_map(|d| d["file"].as_str())
        .map(|file| root.join(file.trim_start_matches("./")))
        .collect();
    Ok((took, files))
}

/// The file to edit: `wanted`, else the application file with diagnostics with the most
/// lines, else any file with diagnostics. It must have diagnostics: the server publishes
/// nothing for a file whose diagnostics are and stay empty, so a keystroke there could not be
/// timed.
fn choose_file(
    wanted: Option<&str>,
    expected: &HashSet<PathBuf>,
    files: &[(String, String)],
    root: &Path,
) -> Result<String, Error> {
    let has_diagnostics = |path: &str| expected.contains(&root.join(path));
    if let Some(wanted) = wanted {
        if !files.iter().any(|(p, _)| p == wanted) {
            return Err(format!("--file {wanted}: no such file in the generated workspace").into());
        }
        if !has_diagnostics(wanted) {
            return Err(format!(
                "--file {wanted}: this file has no diagnostics, so the server publishes nothing \
                 when it changes and a keystroke cannot be timed; choose one `vnea check` reports"
            )
            .into());
        }
        return Ok(wanted.to_owned());
    }
    files
        .iter()
        .filter(|(p, _)| p.ends_with(".vnea") && has_diagnostics(p))
        .max_by_key(|(p, text)| {
            (
                p.starts_with("application"),
                text.len(),
                std::cmp::Reverse(p.clone()),
            )
        })
        .map(|(p, _)| p.clone())
        .ok_or_else(|| {
            "no generated file has diagnostics: nothing the server would publish on a keystroke"
                .into()
        })
}

/// One measured keystroke.
#[derive(Debug, Clone)]
pub struct KeystrokeSample {
    /// Where it was typed.
    pub kind: EditKind,
    /// Its position (the start of the changed range).
    pub at: Position,
    /// What was typed (empty: a backspace).
    pub text: String,
    /// `didChange` written → the publication of its version read.
    pub latency: Duration,
}

/// What the session with the server measured.
#[derive(Debug, Clone)]
pub struct Session {
    /// `serverInfo` of the initialize result.
    pub server_info: Value,
    /// `initialize` written → its answer read (the server discovers and reads every file).
    pub initialize: Duration,
    /// `initialize` written → the diagnostics of every file that has some read.
    pub initial_analysis: Duration,
    /// `didOpen` of the edited file → its diagnostics with version 1.
    pub did_open: Duration,
    /// `didChange` written → the edited file's diagnostics with that version, per keystroke.
    pub edits: Vec<KeystrokeSample>,
    /// Error diagnostics of the edited file once every keystroke was applied.
    pub errors_after_edits: usize,
    /// Whether the server's copy of the edited file is the harness's: `textDocument/formatting`
    /// of the server's copy against `vnea fmt` of ours (or why it could not be compared).
    pub text_agrees: Result<bool, String>,
    /// The requests.
    pub requests: Vec<Requests>,
    /// Measurements not made, with why.
    pub skipped: Vec<(&'static str, String)>,
    /// Memory once the initial analysis is published.
    pub memory_after_analysis: Option<Memory>,
    /// Memory at the end of the session.
    pub memory_at_end: Option<Memory>,
    /// Methods of the requests the server sent to the harness.
    pub server_requests: Vec<String>,
    /// The server's exit code after `shutdown` and `exit`.
    pub exit_code: Option<i32>,
}

/// Whether `capabilities` advertise `name` (present, and neither `null` nor `false`).
pub fn advertised(capabilities: &Value, name: &str) -> bool {
    !matches!(
        capabilities.get(name),
        None | Some(Value::Null) | Some(Value::Bool(false))
    )
}

/// The version and diagnostics of a `publishDiagnostics` for `path`.
fn publication<'a>(message: &'a Value, path: &Path) -> Option<(Option<i64>, &'a Value)> {
    if message.get("method")?.as_str()? != "textDocument/publishDiagnostics" {
        return None;
    }
    let params = &message["params"];
    (uri_path(params["uri"].as_str()?)? == path)
        .then(|| (params["version"].as_i64(), &params["diagnostics"]))
}

/// Where things are.
struct Paths {
    /// The `vnea` binary.
    binary: PathBuf,
    /// The workspace.
    root: PathBuf,
    /// `XDG_CACHE_HOME` of the server.
    cache: PathBuf,
    /// A directory of our own, outside the workspace.
    scratch: PathBuf,
}

fn drive(
    plan: &Plan,
    paths: &Paths,
    stderr: &Path,
    expected: &HashSet<PathBuf>,
    edited: &str,
    doc: &mut Document,
) -> Result<Session, Error> {
    let timeout = plan.timeout;
    let root = &paths.root;
    let mut server = Server::start(&paths.binary, root, &paths.cache, stderr)?;
    let root_uri = file_uri(root);

    progress("initialize, then waiting for the diagnostics of every file".to_owned());
    let (id, start) = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "clientInfo": {"name": "vnea-latency", "version": env!("CARGO_PKG_VERSION")},
            "rootUri": root_uri,
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "workspace": {
                    "didChangeWatchedFiles": {"dynamicRegistration": true},
                    "configuration": true,
                },
                "textDocument": {
                    "synchronization": {"dynamicRegistration": false, "didSave": false},
                    "publishDiagnostics": {
                        "versionSupport": true,
                        "relatedInformation": true,
                        "codeDescriptionSupport": true,
                        "tagSupport": {"valueSet": [1, 2]},
                    },
                    "completion": {
                        "contextSupport": true,
                        "completionItem": {
                            "snippetSupport": true,
                            "labelDetailsSupport": true,
                            "documentationFormat": ["markdown", "plaintext"],
                        },
                    },
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "definition": {"linkSupport": false},
                },
            },
        }),
    )?;
    let answer = server.response(id, timeout)?;
    let initialize = answer.at - start;
    if let Some(error) = answer.message.get("error") {
        return Err(format!("initialize failed: {error}").into());
    }
    let capabilities = answer.message["result"]["capabilities"].clone();
    let server_info = answer.message["result"]["serverInfo"].clone();
    let encoding = capabilities["positionEncoding"]
        .as_str()
        .unwrap_or("utf-16");
    if encoding != "utf-16" {
        return Err(format!("the server chose position encoding {encoding}, not UTF-16").into());
    }
    server.notify("initialized", json!({}))?;

    let mut waiting: HashSet<PathBuf> = expected.clone();
    let done = server.wait(timeout, "the initial diagnostics", |incoming| {
        if incoming.method() == Some("textDocument/publishDiagnostics")
            && let Some(path) = incoming.message["params"]["uri"]
                .as_str()
                .and_then(uri_path)
        {
            waiting.remove(&path);
        }
        waiting.is_empty().then_some(incoming.at)
    });
    let done = done.map_err(|e| {
        let mut missing: Vec<String> = waiting.iter().map(|p| p.display().to_string()).collect();
        missing.sort();
        missing.truncate(5);
        format!("{e}; not yet published: {}", missing.join(", "))
    })?;
    let initial_analysis = done - start;
    let memory_after_analysis = Memory::of(server.pid());

    // Open the file to edit.
    let path = root.join(edited);
    let uri = file_uri(&path);
    let mut version = 1;
    let start = server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "vnea", "version": version, "text": doc.text()}}),
    )?;
    let at =
        server.wait(
            timeout,
            "the diagnostics of the opened file",
            |incoming| match publication(&incoming.message, &path) {
                Some((Some(v), _)) if v == version => Some(incoming.at),
                _ => None,
            },
        )?;
    let did_open = at - start;

    // Keystrokes.
    let mut rng = Rng::new(plan.seed ^ 0x6564_6974); // "edit"
    let script = script::edit_script(doc.text(), plan.edits, &mut rng);
    progress(format!(
        "{} keystrokes in {} ({} lines)",
        script.len(),
        path.display(),
        doc.lines()
    ));
    let mut edits = Vec::with_capacity(script.len());
    let mut last_diagnostics = Value::Null;
    for keystroke in &script {
        version += 1;
        let change = doc.change(&keystroke.range, &keystroke.text);
        let position = doc.position(keystroke.range.start);
        doc.replace(keystroke.range.clone(), &keystroke.text);
        let start = server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        )?;
        let (at, diagnostics) = server.wait(
            timeout,
            &format!("the diagnostics of version {version}"),
            |incoming| match publication(&incoming.message, &path) {
                Some((Some(v), diagnostics)) if v == version => {
                    Some((incoming.at, diagnostics.clone()))
                }
                _ => None,
            },
        )?;
        edits.push(KeystrokeSample {
            kind: keystroke.kind,
            at: position,
            text: keystroke.text.clone(),
            latency: at - start,
        });
        last_diagnostics = diagnostics;
    }
    let errors_after_edits = last_diagnostics
        .as_array()
        .map_or(0, |ds| ds.iter().filter(|d| d["severity"] == 1).count());
    let text_agrees = if advertised(&capabilities, "documentFormattingProvider") {
        same_text(&mut server, &uri, doc, paths, timeout)?
    } else {
        Err("the server does not advertise `documentFormattingProvider`".to_owned())
    };

    // Requests, on the text as the edits left it.
    let mut requests = Vec::new();
    let mut skipped = Vec::new();
    let mut rng = Rng::new(plan.seed ^ 0x7265_7175); // "requ"
    for kind in request_kinds(doc.text(), &capabilities) {
        if plan.requests == 0 {
            skipped.push(("requests", "--requests 0".to_owned()));
            break;
        }
        if !advertised(&capabilities, kind.capability) {
            let why = format!("the server does not advertise `{}`", kind.capability);
            skipped.push((kind.key, why));
            continue;
        }
        if kind.points.is_empty() {
            skipped.push((kind.key, "no such place in the edited file".to_owned()));
            continue;
        }
        progress(format!("{} × {}", plan.requests, kind.label));
        let mut result = Requests {
            key: kind.key,
            label: kind.label,
            samples: Vec::with_capacity(plan.requests),
            answered: 0,
            empty: 0,
            errors: 0,
            items: 0,
            target_p95_ms: kind.target_p95_ms,
        };
        for _ in 0..plan.requests {
            let mut params = json!({
                "textDocument": {"uri": uri},
                "position": doc.position(*rng.pick(&kind.points)).to_json(),
            });
            if let Some(context) = &kind.context {
                params["context"] = context.clone();
            }
            let (id, start) = server.request(kind.method, params)?;
            let answer = server.response(id, timeout)?;
            result.samples.push(answer.at - start);
            let value = &answer.message["result"];
            if answer.message.get("error").is_some() {
                result.errors += 1;
            } else if is_empty(value) {
                result.empty += 1;
            } else {
                result.answered += 1;
                result.items += completion_items(value);
            }
        }
        requests.push(result);
    }
    let memory_at_end = Memory::of(server.pid());
    let server_requests = std::mem::take(&mut server.server_requests);
    let exit_code = server.stop(timeout)?;
    Ok(Session {
        server_info,
        initialize,
        initial_analysis,
        did_open,
        edits,
        errors_after_edits,
        text_agrees,
        requests,
        skipped,
        memory_after_analysis,
        memory_at_end,
        server_requests,
        exit_code,
    })
}

/// One kind of request and the places it is sent at.
struct RequestKind {
    key: &'static str,
    label: &'static str,
    capability: &'static str,
    method: &'static str,
    /// The completion context, for completion.
    context: Option<Value>,
    target_p95_ms: f64,
    /// Byte offsets in the edited text.
    points: Vec<usize>,
}

/// The requests measured: completion at two kinds of value position, hover and definition on
/// references.
fn request_kinds(text: &str, capabilities: &Value) -> Vec<RequestKind> {
    let dot_triggers = capabilities["completionProvider"]["triggerCharacters"]
        .as_array()
        .is_some_and(|cs| cs.iter().any(|c| c == "."));
    let references = reference_points(text);
    vec![
        RequestKind {
            key: "completion_arm",
            label: "completion after `arm: ARM.`",
            capability: "completionProvider",
            method: "textDocument/completion",
            context: Some(if dot_triggers {
                json!({"triggerKind": 2, "triggerCharacter": "."})
            } else {
                json!({"triggerKind": 1})
            }),
            target_p95_ms: 20.0,
            points: script::arm_value_points(text),
        },
        RequestKind {
            key: "completion_reference",
            label: "completion at `hosted_on: |`",
            capability: "completionProvider",
            method: "textDocument/completion",
            context: Some(json!({"triggerKind": 1})),
            target_p95_ms: 20.0,
            points: script::reference_names(text, &["hosted_on: "])
                .into_iter()
                .map(|r| r.start)
                .collect(),
        },
        RequestKind {
            key: "hover",
            label: "hover on a reference",
            capability: "hoverProvider",
            method: "textDocument/hover",
            context: None,
            target_p95_ms: 10.0,
            points: references.clone(),
        },
        RequestKind {
            key: "definition",
            label: "definition of a reference",
            capability: "definitionProvider",
            method: "textDocument/definition",
            context: None,
            target_p95_ms: 10.0,
            points: references,
        },
    ]
}

/// Whether the server's text of the document is `doc`'s: the server's formatting of its copy
/// (one edit with the whole formatted text, or none when it is formatted already) against
/// `vnea fmt` of ours, in a scratch file. Not timed.
fn same_text(
    server: &mut Server,
    uri: &str,
    doc: &Document,
    paths: &Paths,
    timeout: Duration,
) -> Result<Result<bool, String>, Error> {
    let (id, _) = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    )?;
    let answer = server.response(id, timeout)?;
    let theirs = match &answer.message["result"] {
        Value::Array(edits) if edits.is_empty() => doc.text().to_owned(),
        Value::Array(edits)
            if edits.len() == 1
                && edits[0]["range"]["start"] == json!({"line": 0, "character": 0}) =>
        {
            match edits[0]["newText"].as_str() {
                Some(text) => text.to_owned(),
                None => return Ok(Err("a formatting edit without newText".to_owned())),
            }
        }
        other => {
            return Ok(Err(format!(
                "formatting answered {}, not one whole-document edit",
                if other.is_null() {
                    "null (syntax errors)"
                } else {
                    "several edits"
                }
            )));
        }
    };
    let file = paths.scratch.join("edited.vnea");
    std::fs::write(&file, doc.text())?;
    let status = Command::new(&paths.binary)
        .arg("fmt")
        .arg(&file)
        .env("XDG_CACHE_HOME", &paths.cache)
        .output()?;
    if !status.status.success() {
        return Ok(Err(format!(
            "vnea fmt failed: {}",
            String::from_utf8_lossy(&status.stderr).trim()
        )));
    }
    let ours = std::fs::read_to_string(&file)?;
    Ok(Ok(ours == theirs))
}

/// Points inside reference names (the middle of the last segment): the targets of
/// `hosted_on:` and `databases:` (workspace declarations in other files) and of `arm:` (a
/// category of the built-in reference model, in a pack).
fn reference_points(text: &str) -> Vec<usize> {
    script::reference_names(text, &["hosted_on: ", "databases: ", "arm: ARM."])
        .into_iter()
        .map(|r| {
            let name = &text[r.clone()];
            let segment = r.start + name.rfind('.').map_or(0, |i| i + 1);
            let last = &text[segment..r.end];
            let middle = last.chars().count() / 2;
            segment + last.char_indices().nth(middle).map_or(0, |(i, _)| i)
        })
        .collect()
}

/// Whether an answer holds nothing: `null`, `[]`, or a completion list without items.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map
            .get("items")
            .is_some_and(|items| items.as_array().is_some_and(Vec::is_empty)),
        _ => false,
    }
}

/// The number of completion items of an answer (0 for anything else).
fn completion_items(value: &Value) -> usize {
    match value {
        Value::Array(items) if items.first().is_some_and(|i| i.get("label").is_some()) => {
            items.len()
        }
        Value::Object(map) => map
            .get("items")
            .and_then(Value::as_array)
            .map_or(0, Vec::len),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities() {
        let caps = json!({"hoverProvider": true, "definitionProvider": false,
                          "completionProvider": {"triggerCharacters": ["."]}, "x": null});
        assert!(advertised(&caps, "hoverProvider"));
        assert!(advertised(&caps, "completionProvider"));
        assert!(!advertised(&caps, "definitionProvider"));
        assert!(!advertised(&caps, "x"));
        assert!(!advertised(&caps, "referencesProvider"));
    }

    #[test]
    fn answers() {
        assert!(is_empty(&Value::Null));
        assert!(is_empty(&json!([])));
        assert!(is_empty(&json!({"isIncomplete": false, "items": []})));
        assert!(!is_empty(
            &json!({"contents": {"kind": "markdown", "value": "x"}})
        ));
        assert_eq!(
            completion_items(&json!([{"label": "a"}, {"label": "b"}])),
            2
        );
        assert_eq!(completion_items(&json!({"items": [{"label": "a"}]})), 1);
        assert_eq!(
            completion_items(&json!([{"uri": "file:///a", "range": {}}])),
            0
        );
    }

    #[test]
    fn reference_points_are_inside_the_last_segment() {
        let text =
            "  hosted_on: htkt_1.htkt_22\n  databases: [csdl_đất_3, b]\n  arm: ARM.dung_chung\n";
        let around: Vec<(&str, &str)> = reference_points(text)
            .into_iter()
            .map(|i| (&text[..i], &text[i..]))
            .map(|(before, after)| {
                let b = before
                    .rsplit(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap();
                let a = after
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap();
                (b, a)
            })
            .collect();
        assert_eq!(
            around,
            [
                ("htk", "t_22"),
                ("csdl_", "đất_3"),
                ("", "b"),
                ("dung_", "chung")
            ]
        );
    }

    #[test]
    fn publications_match_by_path_and_carry_the_version() {
        let message = json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": {"uri": "file:///w/a%20b.vnea", "version": 3, "diagnostics": [{}]}});
        let (version, diagnostics) = publication(&message, Path::new("/w/a b.vnea")).unwrap();
        assert_eq!(version, Some(3));
        assert_eq!(diagnostics, &json!([{}]));
        assert!(publication(&message, Path::new("/w/c.vnea")).is_none());
    }
}
