//! The data-driven corpus of the rules of §7: `tests/fixtures/rules/<rule>/<case>/` is a small
//! workspace (its `.vnea` files and an optional `vnea.toml`).
//!
//! - A case whose name starts with `trigger` must give at least one diagnostic of `<rule>`.
//! - A case whose name starts with `near_miss` is the closest workspace that must give none.
//! - The cases under `_config/` test `[rules]`: every rule the case's `vnea.toml` turns off
//!   gives nothing, and every rule it sets to a severity reports at that severity.
//!
//! No case has syntax errors: the corpus is about the rules that follow parsing.
//!
//! A case listed in [`KNOWN_BUGS`] fails its expectation because of an analyzer bug not yet
//! fixed: the test checks that it still does, so the entry is removed with the fix.
//!
//! Every case is also an insta snapshot (`rules__<rule>__<case>.snap`): each diagnostic as
//! `file:line:col rule severity message`, the text under its range, its related locations and
//! its fixes, once in Vietnamese and once in English. Lines and columns are 1-based, columns
//! in Unicode characters.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use vnea_analysis::config::RuleSetting;
use vnea_analysis::{AnalysisHost, Config, Diagnostic, Lang, Rule};
use vnea_syntax::line_index::Encoding;
use vnea_syntax::{LineIndex, Span};

/// The directory of the corpus.
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules")
}

/// The directory that holds the cases of `[rules]` settings.
const CONFIG_DIR: &str = "_config";

/// Cases whose expectation fails because of a known analyzer bug, with the bug.
const KNOWN_BUGS: &[(&str, &str)] = &[];

/// One case: a workspace directory of the corpus.
struct Case {
    /// `<rule>/<case>`, for messages.
    id: String,
    /// The parent directory's name: a rule name, or [`CONFIG_DIR`].
    group: String,
    /// The case directory's name.
    name: String,
    dir: PathBuf,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for group in sorted_entries(&corpus()) {
        if !group.is_dir() {
            continue;
        }
        let group_name = file_name(&group);
        for dir in sorted_entries(&group) {
            if !dir.is_dir() {
                continue;
            }
            let name = file_name(&dir);
            out.push(Case {
                id: format!("{group_name}/{name}"),
                group: group_name.clone(),
                name,
                dir,
            });
        }
    }
    out
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    entries
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_str()
        .expect("a UTF-8 file name")
        .to_owned()
}

/// A case loaded: its configuration and its `.vnea` files, by file name.
struct Workspace {
    config: Config,
    files: BTreeMap<String, String>,
}

fn load(case: &Case) -> Workspace {
    let mut files = BTreeMap::new();
    let mut config = Config::default();
    for path in sorted_entries(&case.dir) {
        let name = file_name(&path);
        let text = || fs::read_to_string(&path).expect("a UTF-8 fixture");
        if name == "vnea.toml" {
            let (parsed, problems) = Config::parse(&text(), None);
            assert!(
                problems.is_empty(),
                "{}: vnea.toml has problems: {problems:?}",
                case.id
            );
            config = parsed;
        } else if name.ends_with(".vnea") {
            files.insert(name, text());
        } else {
            panic!("{}: unexpected file {name}", case.id);
        }
    }
    assert!(
        (1..=3).contains(&files.len()),
        "{}: a case has one to three .vnea files",
        case.id
    );
    Workspace { config, files }
}

/// Every diagnostic of `workspace` with messages in `lang`, with the file each is in.
fn diagnostics(workspace: &Workspace, lang: Lang) -> Vec<(String, Diagnostic)> {
    diagnostics_adding_files(workspace, lang, workspace.files.iter().collect())
}

/// [`diagnostics`], with the files given to the analyzer in the order of `files`.
fn diagnostics_adding_files(
    workspace: &Workspace,
    lang: Lang,
    files: Vec<(&String, &String)>,
) -> Vec<(String, Diagnostic)> {
    let config = Config {
        language: lang,
        ..workspace.config.clone()
    };
    let mut host = AnalysisHost::new(config, Vec::new());
    for (name, text) in files {
        host.set_file(name, text.clone());
    }
    let analysis = host.analysis();
    let packs = analysis.pack_diagnostics().expect("not cancelled");
    assert!(
        packs.is_empty(),
        "the built-in pack has problems: {packs:?}"
    );
    analysis
        .all_diagnostics()
        .expect("not cancelled")
        .into_iter()
        .flat_map(|(file, diagnostics)| diagnostics.into_iter().map(move |d| (file.clone(), d)))
        .collect()
}

/// Renders positions of the files of one workspace.
struct Positions<'w> {
    files: &'w BTreeMap<String, String>,
    indexes: BTreeMap<&'w str, LineIndex>,
}

impl<'w> Positions<'w> {
    fn new(files: &'w BTreeMap<String, String>) -> Self {
        let indexes = files
            .iter()
            .map(|(name, text)| (name.as_str(), LineIndex::new(text)))
            .collect();
        Positions { files, indexes }
    }

    /// `line:col`, 1-based, the column in characters.
    fn at(&self, file: &str, offset: usize) -> String {
        let index = self
            .indexes
            .get(file)
            .unwrap_or_else(|| panic!("a diagnostic names an unknown file `{file}`"));
        let at = index.line_col(offset, Encoding::Utf32);
        format!("{}:{}", at.line + 1, at.col + 1)
    }

    /// `file:line:col-line:col`.
    fn range(&self, file: &str, span: Span) -> String {
        format!(
            "{file}:{}-{}",
            self.at(file, span.start),
            self.at(file, span.end)
        )
    }

    /// The source text under `span`, on one line: its first line, then `…` if it goes on.
    fn excerpt(&self, file: &str, span: Span) -> String {
        let text = &self.files[file][span.range()];
        match text.split_once(['\n', '\r']) {
            Some((first, _)) => format!("`{first}…`"),
            None => format!("`{text}`"),
        }
    }
}

/// The snapshot text of one language's diagnostics.
fn render(out: &mut String, positions: &Positions<'_>, diagnostics: &[(String, Diagnostic)]) {
    if diagnostics.is_empty() {
        out.push_str("(no diagnostics)\n");
    }
    for (file, d) in diagnostics {
        let _ = writeln!(
            out,
            "{file}:{} {} {} {}",
            positions.at(file, d.span.start),
            d.rule,
            d.severity,
            d.message
        );
        let _ = writeln!(
            out,
            "    at {} {}",
            positions.range(file, d.span),
            positions.excerpt(file, d.span)
        );
        for related in &d.related {
            let related_file = file_name(&related.file);
            let _ = writeln!(
                out,
                "    related {} {}: {}",
                positions.range(&related_file, related.span),
                positions.excerpt(&related_file, related.span),
                related.message
            );
        }
        for fix in &d.fixes {
            let _ = writeln!(out, "    fix: {}", fix.title);
            for edit in &fix.edits {
                let _ = writeln!(
                    out,
                    "        {} {} → {:?}",
                    positions.range(file, edit.span),
                    positions.excerpt(file, edit.span),
                    edit.replacement
                );
            }
        }
    }
}

/// The rules and ranges of `diagnostics`: what must not depend on the message language.
fn shape(diagnostics: &[(String, Diagnostic)]) -> Vec<(String, Rule, Span, usize, usize)> {
    diagnostics
        .iter()
        .map(|(file, d)| (file.clone(), d.rule, d.span, d.related.len(), d.fixes.len()))
        .collect()
}

/// Checks what the case's name promises; returns the problems found.
fn expectations(case: &Case, workspace: &Workspace, found: &[(String, Diagnostic)]) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some((file, d)) = found.iter().find(|(_, d)| d.rule == Rule::SyntaxError) {
        problems.push(format!(
            "{}: {file} has a syntax error: {}",
            case.id, d.message
        ));
    }
    if case.group == CONFIG_DIR {
        assert!(
            !workspace.config.rules.is_empty(),
            "{}: a `[rules]` case sets some rule",
            case.id
        );
        for (&rule, &setting) in &workspace.config.rules {
            let of_rule: Vec<&Diagnostic> = found
                .iter()
                .map(|(_, d)| d)
                .filter(|d| d.rule == rule)
                .collect();
            match setting {
                RuleSetting::Off if !of_rule.is_empty() => {
                    problems.push(format!("{}: `{rule}` is off but reported", case.id));
                }
                RuleSetting::Off => {}
                RuleSetting::Severity(severity) => {
                    if of_rule.is_empty() {
                        problems.push(format!(
                            "{}: `{rule}` is set to {severity} but nothing triggers it",
                            case.id
                        ));
                    }
                    if let Some(d) = of_rule.iter().find(|d| d.severity != severity) {
                        problems.push(format!(
                            "{}: `{rule}` is set to {severity} but reports at {}",
                            case.id, d.severity
                        ));
                    }
                }
            }
        }
        return problems;
    }
    let rule = Rule::from_name(&case.group)
        .unwrap_or_else(|| panic!("{}: `{}` is not a rule", case.id, case.group));
    let count = found.iter().filter(|(_, d)| d.rule == rule).count();
    if case.name.starts_with("trigger") {
        if count == 0 {
            problems.push(format!("{}: expected `{rule}`, got none", case.id));
        }
    } else if case.name.starts_with("near_miss") {
        if count > 0 {
            problems.push(format!("{}: expected no `{rule}`, got {count}", case.id));
        }
    } else {
        panic!(
            "{}: a case's name starts with `trigger` or `near_miss`",
            case.id
        );
    }
    problems
}

#[test]
fn every_rule_of_section_7_has_a_trigger_and_a_near_miss() {
    let cases = cases();
    let not_here = [
        Rule::SyntaxError,
        Rule::InvalidConfig,
        Rule::InvalidEncoding,
    ];
    for &rule in Rule::ALL.iter().filter(|r| !not_here.contains(r)) {
        for prefix in ["trigger", "near_miss"] {
            assert!(
                cases
                    .iter()
                    .any(|c| c.group == rule.name() && c.name.starts_with(prefix)),
                "no `{prefix}` case for `{rule}`"
            );
        }
    }
    for case in &cases {
        assert!(
            case.group == CONFIG_DIR || Rule::from_name(&case.group).is_some(),
            "{}: `{}` is not a rule",
            case.id,
            case.group
        );
    }
}

#[test]
fn rules_corpus() {
    let mut problems = Vec::new();
    let mut failed_snapshots = Vec::new();
    for case in cases() {
        let workspace = load(&case);
        let vi = diagnostics(&workspace, Lang::Vi);
        let en = diagnostics(&workspace, Lang::En);
        if shape(&vi) != shape(&en) {
            problems.push(format!(
                "{}: the diagnostics differ between languages",
                case.id
            ));
        }
        let failed = expectations(&case, &workspace, &vi);
        match KNOWN_BUGS.iter().find(|(id, _)| *id == case.id) {
            Some((_, bug)) if failed.is_empty() => problems.push(format!(
                "{}: passes now; remove it from KNOWN_BUGS (\"{bug}\")",
                case.id
            )),
            Some(_) => {}
            None => problems.extend(failed),
        }

        let positions = Positions::new(&workspace.files);
        let mut snapshot = String::from("-- vi --\n");
        render(&mut snapshot, &positions, &vi);
        snapshot.push_str("-- en --\n");
        render(&mut snapshot, &positions, &en);

        let name = format!("{}__{}", case.group, case.name);
        let mut settings = insta::Settings::clone_current();
        settings.set_description(format!("tests/fixtures/rules/{}", case.id));
        settings.set_omit_expression(true);
        settings.set_prepend_module_to_snapshot(true);
        let outcome = settings.bind(|| {
            catch_unwind(AssertUnwindSafe(|| {
                insta::assert_snapshot!(name, snapshot);
            }))
        });
        if outcome.is_err() {
            failed_snapshots.push(case.id.clone());
        }
    }
    if !failed_snapshots.is_empty() {
        problems.push(format!("snapshots differ: {failed_snapshots:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn known_bugs_name_existing_cases() {
    let cases = cases();
    for (id, _) in KNOWN_BUGS {
        assert!(cases.iter().any(|c| c.id == *id), "no case `{id}`");
    }
}

/// Source order is the order of file paths, whatever order an editor opens the files in: the
/// diagnostics of a workspace do not depend on the order its files are added.
#[test]
fn diagnostics_do_not_depend_on_the_order_files_are_added() {
    let mut problems = Vec::new();
    for case in cases() {
        let workspace = load(&case);
        if workspace.files.len() < 2 {
            continue;
        }
        let sorted = diagnostics(&workspace, Lang::En);
        let reversed =
            diagnostics_adding_files(&workspace, Lang::En, workspace.files.iter().rev().collect());
        if sorted != reversed {
            let positions = Positions::new(&workspace.files);
            let (mut a, mut b) = (String::new(), String::new());
            render(&mut a, &positions, &sorted);
            render(&mut b, &positions, &reversed);
            problems.push(format!(
                "{}:\n-- files added in path order --\n{a}-- in reverse order --\n{b}",
                case.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_snapshot_belongs_to_a_case() {
    let names: Vec<String> = cases()
        .iter()
        .map(|c| format!("rules__{}__{}.snap", c.group, c.name))
        .collect();
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for path in sorted_entries(&snapshots) {
        let name = file_name(&path);
        if name.starts_with("rules__") && name.ends_with(".snap") {
            assert!(
                names.contains(&name),
                "{name} belongs to no case: delete it"
            );
        }
    }
}
